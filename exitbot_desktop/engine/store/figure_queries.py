"""HR's figures counted by a PostgreSQL server, in two statements that return few rows.

Owns `FigureQueries`. On the embedded file the aggregates read one digest per completed
interview and count in Python (`analysis/aggregates.py`); over 100,000 interviews on a
server that meant moving and decoding 100 MB per refresh. Here the server groups and
counts what it holds in clear: the interviews' columns, the unfinished interviews'
answer rows, and the digests as arrays (migration 0006: `numbered`, `numbers`,
`themes`, derived from `facts` when a digest is written; migration 0007: `counted`, the
ids of the digest's facts in `digest_facts`, so the server groups small integers and
turns only the grouped ones back into strings). What comes back is grouped rows, a few
thousand at most, tagged by kind (`FigureRow.kind`):

- "i": interviews by status, month started, month completed and, for unfinished ones,
  the question reached (`k1`–`k4`), `n` of them;
- "c": a digest fact and how many completed interviews have it (`k1`, see below);
- "m": per main question (`k1`), how many answered it (`n`, completed and unfinished
  interviews alike) and the two middle values of their seconds spent (`x`, `y`: equal
  when `n` is odd), so the median is exactly the one Python's `statistics` gives;
- "o": unfinished interviews' main answers skipped or declined, by question and status;
- "x": an unfinished interview's answered free text (`k1` question) and its length in
  characters (`n`): the server holds the words sealed, so they are opened here, on the
  station, to be counted (unfinished interviews have no digest to say it);
- "g": per breakdown group (`k1` field, `k2` label): completed interviews `n`, and among
  them eNPS promoters `n2`, passives `n3`, detractors `n4`;
- "r": per breakdown group, how many people `n` had rating sum `x` over `y` ratings;
- "t": per breakdown group and theme (`k3`), how many people raised it.

A digest fact (`digest_facts.fact`, made by `exitbot_digest_counted`) is a tab-separated
string whose first field says what it is: "l" question, length (an answered text's
characters), "o" question, status, "v" question, category key, "f" flag, "z" the
digest's "sentiment", "sources" and "followups" as JSON (one fact, not seven: they
repeat from interview to interview, and each fact costs the server a hash lookup), "t"
theme (added here from the breakdowns' theme counts) ("a" question, seconds, are turned
into the "m" rows here).

The breakdowns (and the interviews by status) are one statement, the digest facts and the
funnel the other; they run at once, on two connections reading one exported snapshot
(`Database.shared_snapshot`), so the server counts with two processors and the figures
still agree with each other while stations write. Reads only; bound parameters only.
Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import psycopg as postgresql_psycopg

from exitbot_desktop.engine.filters import Selection
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.models import Answer, Interview
from exitbot_desktop.engine.store.selection_sql import selection_conditions


class FigureRow(NamedTuple):
    kind: str
    k1: str | None
    k2: str | None
    k3: str | None
    k4: str | None
    n: int
    n2: int | None
    n3: int | None
    n4: int | None
    x: float | None
    y: float | None


_NAMED_PARAMETERS = postgresql_psycopg.dialect(paramstyle="pyformat")  # type: ignore[no-untyped-call]


_WORK_MEM = "64MB"


class FigureQueries:
    def __init__(self, database: Database) -> None:
        self._db = database

    def rows(
        self,
        selection: Selection,
        *,
        ratings: Sequence[str],
        scales: Sequence[str],
        texts: Sequence[str],
        fields: Sequence[str],
        missing: str,
    ) -> list[FigureRow]:
        """The figure rows of `selection` (see the module's docstring).

        `ratings`, `scales` and `texts` are the ids of the 1–5, 0–10 and free-text
        questions (the question sets say which); `fields` the breakdown fields, columns
        of `interviews`; `missing` the label of the group without a value.
        """
        sel = select(
            Interview.id,
            Interview.status,
            Interview.created_at,
            Interview.completed_at,
            Interview.current_question_id,
            *(getattr(Interview, name) for name in fields),
        ).where(*selection_conditions(selection, self._db))
        # Named parameters, so a fragment may be used twice: the selection compiled for
        # psycopg's "pyformat" style, the rest added under names of their own.
        compiled = sel.compile(
            dialect=_NAMED_PARAMETERS, compile_kwargs={"render_postcompile": True}
        )
        params: dict[str, Any] = dict(compiled.params)

        def bound(value: Any) -> str:
            name = f"figures_{len(params)}"
            params[name] = value
            return f"%({name})s"

        labels = [f"coalesce(nullif(s.{name}, ''), {bound(missing)}) AS d{i}"
                  for i, name in enumerate(fields)]  # fmt: skip
        dims = "".join(f"d{i}, " for i in range(len(fields)))
        # A digest has each question once, so a person's ratings and 0-10 answer are
        # found by position, without unnesting the arrays per person; each position once
        # (`OFFSET 0` keeps the planner from copying the search into every use of it).
        rated = [f"array_position(d.numbered, {bound(q)}) AS r{i}" for i, q in enumerate(ratings)]
        scored = [f"array_position(d.numbered, {bound(q)})" for q in scales]
        rating_sum = " + ".join(f"coalesce(v[r{i}], 0)" for i in range(len(ratings))) or "0"
        rating_count = " + ".join(f"(r{i} IS NOT NULL)::int" for i in range(len(ratings))) or "0"
        score = "v[sp]" if scales else "NULL::float8"
        selected = f"WITH sel AS NOT MATERIALIZED ({compiled.string}),"
        people_sql = f"""{selected}
people AS MATERIALIZED (
  SELECT {dims}themes, {rating_sum} AS rs, {rating_count} AS rc,
    CASE WHEN {score} >= 9 THEN 'p' WHEN {score} >= 7 THEN 'a'
      WHEN {score} IS NOT NULL THEN 'd' END AS sc
  FROM (
    SELECT {", ".join([*labels, "d.themes", "d.numbers AS v", *rated])},
      {f"greatest({', '.join(scored)})" if scales else "NULL::int"} AS sp
    FROM sel AS s LEFT JOIN interview_digests AS d ON d.interview_id = s.id
    WHERE s.status = 'completed' OFFSET 0
  ) AS positions
),
combos AS (
  SELECT {dims}rs, rc, sc, count(*) AS n FROM people GROUP BY {dims}rs, rc, sc
),
combo_themes AS (
  SELECT {dims}t, count(*) AS n FROM (SELECT {dims}unnest(themes) AS t FROM people) AS each_theme
  GROUP BY {dims}t
)
SELECT 'i', status, to_char(created_at, 'YYYY-MM'), to_char(completed_at, 'YYYY-MM'),
  CASE WHEN status IN ('in_progress', 'discarded') THEN current_question_id END,
  count(*), NULL::bigint, NULL::bigint, NULL::bigint, NULL::float8, NULL::float8
FROM sel GROUP BY 2, 3, 4, 5
UNION ALL
SELECT 'c', 't' || E'\\t' || t, NULL, NULL, NULL, sum(n)::bigint, NULL, NULL, NULL, NULL, NULL
FROM combo_themes GROUP BY t
"""
        facts_sql = f"""{selected}
fact_ids AS (
  -- Small integers grouped (migration 0007), the few thousand strings looked up after.
  -- unnest in the select list: in FROM it would copy each digest's array into a
  -- tuplestore first.
  SELECT id, count(*) AS n FROM (
    SELECT unnest(d.counted) AS id
    FROM sel AS s JOIN interview_digests AS d ON d.interview_id = s.id
    WHERE s.status = 'completed'
  ) AS each_fact GROUP BY id
),
facts AS MATERIALIZED (
  SELECT k.fact AS e, f.n FROM fact_ids AS f JOIN digest_facts AS k ON k.id = f.id
),
unfinished AS MATERIALIZED (
  SELECT a.id, a.question_id, a.status, a.seconds_spent,
    CASE WHEN a.status = 'answered' AND a.question_id = ANY({bound(list(texts))}::text[])
      THEN a.text END AS text
  FROM sel AS s CROSS JOIN LATERAL (
    -- Per interview, through the answers' index: usually few are unfinished, and a
    -- pass over every answer (sealed words included) costs more than a second.
    SELECT * FROM answers WHERE answers.interview_id = s.id AND NOT answers.is_followup
    OFFSET 0  -- else the planner joins the whole answers table instead
  ) AS a
  WHERE s.status IN ('in_progress', 'discarded')
),
seconds AS (
  -- Not grouped first: the running sum over equal seconds counts them together anyway.
  -- Byte order ("C") sorts the question ids several times faster than the locale's.
  SELECT split_part(e, E'\\t', 2) COLLATE "C" AS q, split_part(e, E'\\t', 3)::float8 AS s, n
  FROM facts WHERE left(e, 2) = E'a\\t'
  UNION ALL
  SELECT question_id COLLATE "C", seconds_spent, 1 FROM unfinished WHERE status = 'answered'
),
ranked AS (
  SELECT q, s, sum(n) OVER (PARTITION BY q ORDER BY s)::bigint AS upto,
    sum(n) OVER (PARTITION BY q)::bigint AS total
  FROM seconds
)
SELECT 'c', e, NULL, NULL, NULL, n, NULL, NULL, NULL, NULL, NULL
FROM facts WHERE left(e, 2) <> E'a\\t'
UNION ALL
SELECT 'm', q, NULL, NULL, NULL, max(total), NULL, NULL, NULL,
  min(s) FILTER (WHERE upto >= (total + 1) / 2), min(s) FILTER (WHERE upto >= total / 2 + 1)
FROM ranked GROUP BY q
UNION ALL
SELECT 'o', question_id, status, NULL, NULL, count(*), NULL, NULL, NULL, NULL, NULL
FROM unfinished WHERE status <> 'answered' GROUP BY question_id, status
UNION ALL
SELECT 'x', question_id, text, NULL, NULL, id, NULL, NULL, NULL, NULL, NULL
FROM unfinished WHERE text IS NOT NULL
"""
        for i, name in enumerate(fields):
            field = bound(name)
            people_sql += f"""
UNION ALL
SELECT 'g', {field}, d{i}, NULL, NULL, sum(n)::bigint,
  (sum(n) FILTER (WHERE sc = 'p'))::bigint, (sum(n) FILTER (WHERE sc = 'a'))::bigint,
  (sum(n) FILTER (WHERE sc = 'd'))::bigint, NULL, NULL
FROM combos GROUP BY d{i}
UNION ALL
SELECT 'r', {bound(name)}, d{i}, NULL, NULL, sum(n)::bigint, NULL, NULL, NULL, rs, rc
FROM combos WHERE rc > 0 GROUP BY d{i}, rs, rc
UNION ALL
SELECT 't', {bound(name)}, d{i}, t, NULL, sum(n)::bigint, NULL, NULL, NULL, NULL, NULL
FROM combo_themes GROUP BY d{i}, t
"""
        # Two statements, each on a connection of its own, at once: the server counts
        # with two processors instead of one, and both read one snapshot, so the figures
        # agree with each other while stations write.
        with self._db.shared_snapshot(2) as (first, second), ThreadPoolExecutor(1) as pool:
            facts = pool.submit(self._facts, second, facts_sql, params)
            return [FigureRow(*row) for row in _fetched(first, people_sql, params)] + facts.result()

    def _facts(self, cursor: Any, sql: str, params: dict[str, Any]) -> list[FigureRow]:
        """The rows of the facts statement, the unfinished answers' words opened as soon
        as they arrive, while the other statement may still be counting."""
        return [
            FigureRow(*row) if row[0] != "x" else self._text_length(row)
            for row in _fetched(cursor, sql, params)
        ]

    def _text_length(self, row: Any) -> FigureRow:
        """An "x" row with the answer's sealed text replaced by its length."""
        _kind, question, stored, _k3, _k4, answer_id, *_ = row
        text = self._db.unseal(Answer.__tablename__, "text", answer_id, stored)
        return FigureRow("x", question, None, None, None, len(text), None, None, None, None, None)


def _fetched(cursor: Any, sql: str, params: dict[str, Any]) -> list[Any]:
    """The rows of `sql` on a cursor of `Database.shared_snapshot`."""
    # Room to group and sort in memory: PostgreSQL's default (4 MB) sends the grouping of
    # 100,000 interviews' seconds to disk. No JIT: these statements' cost estimates turn
    # it on, and compiling their expressions took 0.6 s of a 100,000-interview count that
    # it never won back. This transaction only.
    cursor.execute(f"SET LOCAL work_mem = '{_WORK_MEM}'")
    cursor.execute("SET LOCAL jit = off")
    cursor.execute(sql, params)
    return list(cursor.fetchall())
