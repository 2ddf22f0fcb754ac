"""Interview digests: the facts the aggregates count, one row per completed interview.

Owns `Digests`. HR's figures over 10,000 interviews would otherwise read 150,000 answers
and 160,000 analysis rows every time a filter changes: more than a second on an office
PC, where a plain read of the answers table alone takes 0.8 s. So each completed
interview keeps one row in `interview_digests`: its main answers as (question, status,
seconds, value, text length), its follow-up counts, themes, flags, the sentiment labels
of its words and what produced its analysis, as compact JSON. The aggregates read those
rows and leave the answer text alone.

A digest is never stale: every write to an interview's answers, analysis or status calls
`touched`, and the digest is rebuilt once, just before that transaction commits, from
the rows as they then are (only completed interviews get one, and only theirs are
read; erasing an interview deletes its digest with it). A database
from before schema 4, or with digests of an older `FORMAT`, gets them when it opens
(`build_missing`). Interpreting the facts (which question is a rating, what counts as
eNPS) is the aggregates' job, not the digest's. Never imports Qt.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Integer, bindparam, func, select

from exitbot_desktop.engine.questions import ID_PATTERN
from exitbot_desktop.engine.store import db
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.driver import DriverStatement
from exitbot_desktop.engine.store.models import (
    AnalysisRow,
    Answer,
    Base,
    Interview,
    InterviewDigest,
    json_text,
)

_log = logging.getLogger(__name__)

FORMAT = 1  # raise when the facts' shape changes: older digests are rebuilt at open
_BATCH = 500  # interviews per transaction when building many

_DIGESTS = Base.metadata.tables[InterviewDigest.__tablename__]
_ANSWERS = Base.metadata.tables[Answer.__tablename__]
_ANALYSIS = Base.metadata.tables[AnalysisRow.__tablename__]
_INTERVIEWS = Base.metadata.tables[Interview.__tablename__]
_ID = bindparam("interview_id", type_=Integer())

_STATUS = DriverStatement(select(_INTERVIEWS.c.status).where(_INTERVIEWS.c.id == _ID))
_ANSWER_ROWS = DriverStatement(
    select(
        _ANSWERS.c.question_id,
        _ANSWERS.c.status,
        _ANSWERS.c.is_followup,
        _ANSWERS.c.parent_id,
        _ANSWERS.c.seconds_spent,
        json_text(_ANSWERS.c.value),
        func.length(_ANSWERS.c.text),
    )
    .where(_ANSWERS.c.interview_id == _ID)
    .order_by(_ANSWERS.c.id)
)
# On a sealing database (`sealing.py`) the words are opened here, on the station.
_SEALED_ANSWER_ROWS = DriverStatement(
    select(
        _ANSWERS.c.id,
        _ANSWERS.c.question_id,
        _ANSWERS.c.status,
        _ANSWERS.c.is_followup,
        _ANSWERS.c.parent_id,
        _ANSWERS.c.seconds_spent,
        json_text(_ANSWERS.c.value),
        _ANSWERS.c.text,
    )
    .where(_ANSWERS.c.interview_id == _ID)
    .order_by(_ANSWERS.c.id)
)
_ANALYSIS_ROWS = DriverStatement(
    select(_ANALYSIS.c.kind, _ANALYSIS.c.provenance, json_text(_ANALYSIS.c.payload))
    .where(_ANALYSIS.c.interview_id == _ID)
    .order_by(_ANALYSIS.c.id)
)
_upsert = db.upsert(_DIGESTS)
_SAVE = DriverStatement(
    _upsert.on_conflict_do_update(
        index_elements=[_DIGESTS.c.interview_id],
        set_={"format": _upsert.excluded.format, "facts": _upsert.excluded.facts},
    )
)


_LOCK_DIGESTS = f"LOCK TABLE {_DIGESTS.name} IN SHARE ROW EXCLUSIVE MODE"
_FORGET_UNUSED_FACTS = (
    "DELETE FROM digest_facts WHERE id IN (SELECT id FROM digest_facts"
    f" EXCEPT SELECT unnest(counted) FROM {_DIGESTS.name})"
)


class Digests:
    def __init__(self, database: Database) -> None:
        self._db = database

    def touched(self, interview_id: int) -> None:
        """The interview's answers, analysis or status changed in this transaction."""
        self._db.before_commit("interview digests", self._rebuild).add(interview_id)

    def after_erasure(self) -> None:
        """Interviews were erased in this transaction, their digests with them. On a
        server, once that has committed, the facts no digest counts any more leave the
        dictionary (`digest_facts`, schema 7), so it keeps no trace of an erased interview:
        an answer's length or a rare combination of counts can be as telling as a word.
        The embedded file keeps no dictionary."""
        if not db.is_embedded(self._db.engine):
            self._db.after_commit("erased: digest facts", self._forget_unused_facts)

    def _forget_unused_facts(self) -> None:
        """Its own transaction, after the erasure's. The lock waits for every transaction
        writing digests to commit and holds new ones back until this one ends, so no
        station can take up a fact, by its id, that is deleted before its digest commits
        (readers, the figures among them, are not held up). A failure leaves the erasure
        standing; the next erasure removes what this one left."""
        try:
            with self._db.driver_cursor() as cursor:
                cursor.execute(_LOCK_DIGESTS)
                cursor.execute(_FORGET_UNUSED_FACTS)
        except Exception:
            _log.warning("facts of erased interviews are still in digest_facts", exc_info=True)

    def build_missing(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Write the digest of every completed interview that lacks a current one."""
        current = select(_DIGESTS.c.interview_id).where(_DIGESTS.c.format == FORMAT)
        query = select(_INTERVIEWS.c.id).where(
            _INTERVIEWS.c.status == "completed", _INTERVIEWS.c.id.not_in(current)
        )
        with self._db.connection() as conn:
            ids = list(conn.scalars(query))
        for start in range(0, len(ids), _BATCH):
            with self._db.driver_cursor() as cursor:
                self._rebuild(cursor, ids[start : start + _BATCH])
            if progress is not None:
                progress(min(start + _BATCH, len(ids)), len(ids))
        return len(ids)

    def _rebuild(self, cursor: Any, interview_ids: Iterable[int]) -> None:
        dialect = self._db.dialect
        for iid in sorted(interview_ids):
            params = {"interview_id": iid}
            if _STATUS.rows(cursor, dialect, params) != [("completed",)]:
                # One statement in every answer's commit: an interview in progress gets
                # no digest, and only completed interviews' digests are ever read.
                continue
            facts = digest_of(
                self._answer_rows(cursor, params),
                _ANALYSIS_ROWS.rows(cursor, dialect, params),
            )
            _SAVE.run(cursor, dialect, {**params, "format": FORMAT, "facts": facts})

    def _answer_rows(self, cursor: Any, params: dict[str, int]) -> list[Any]:
        """The answers as `digest_of` takes them; the words opened on a sealing database."""
        if self._db.sealer is None:
            return _ANSWER_ROWS.rows(cursor, self._db.dialect, params)
        rows = []
        for answer_id, *facts, raw, stored_text in _SEALED_ANSWER_ROWS.rows(
            cursor, self._db.dialect, params
        ):
            value = self._db.unseal(_ANSWERS.name, "value", answer_id, json.loads(raw))
            text = self._db.unseal(_ANSWERS.name, "text", answer_id, stored_text)
            rows.append((*facts, json.dumps(value), None if text is None else len(text)))
        return rows


def category_keys(value: object) -> list[str]:
    """The category keys an answer value counts towards: "true"/"false" for yes/no, the
    number for a rating or scale, the choice id (several for multiple choice)."""
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return [str(int(value))]
    return [str(value)]


def _is_category(value: object) -> bool:
    """Numbers, yes/no and lists of choices; a string only when it has the shape of a
    choice id (`questions.ID_PATTERN`), so free text stays in the answers table and out
    of the digest, which the aggregates read in full."""
    if isinstance(value, str):
        return ID_PATTERN.fullmatch(value) is not None
    return value is not None


def digest_of(answers: Sequence[Sequence[Any]], analysis: Sequence[Sequence[Any]]) -> str:
    """The digest of one interview as JSON text.

    `answers`: (question id, status, is follow-up, parent id, seconds, value as JSON
    text, text length); `analysis`: (kind, provenance, payload as JSON text). Shaped so
    that the aggregates, which read thousands, mostly extend lists and count strings:
    - "answered", "seconds", "lengths": per answered main answer, in three lists of
      the same order, its question id, seconds spent (to 0.1 s) and characters of text
      (null without text);
    - "other": "question id<TAB>status" per main answer skipped or declined;
    - "values": "question id<TAB>category key" (`category_keys`) per category an
      answered main answer counts towards;
    - "numbered", "numbers": per answered main answer that is a number, in two lists,
      its question id and the number.
    Flat lists rather than a small list per answer: decoding thousands of digests then
    creates few objects for the garbage collector to scan.
    - "followups": [asked, answered, main answers that got at least one];
    - "themes", "flags": the interview's, sorted;
    - "sentiment": label → answers, for sentiment read from words (not from ratings);
    - "sources": "kind: provenance" → rows, for every kind but flags (what the report's
      provenance line counts).
    """
    done: list[str] = []
    seconds: list[float] = []
    lengths: list[int | None] = []
    other: list[str] = []
    values: list[str] = []
    numbered: list[str] = []
    numbers: list[float] = []
    asked = answered = 0
    parents: set[int] = set()
    for qid, status, is_followup, parent, spent, raw, length in answers:
        if is_followup:
            asked += 1
            answered += status == "answered"
            if parent is not None:
                parents.add(parent)
            continue
        if status != "answered":
            other.append(f"{qid}\t{status}")
            continue
        done.append(qid)
        seconds.append(round(spent, 1))
        lengths.append(length)
        value = json.loads(raw) if isinstance(raw, str) else raw
        if _is_category(value):
            values.extend(f"{qid}\t{key}" for key in category_keys(value))
        if isinstance(value, int | float) and not isinstance(value, bool):
            numbered.append(qid)
            numbers.append(value)
    themes: set[str] = set()
    flags: set[str] = set()
    sentiment: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    for kind, source, payload in analysis:
        if kind != "flags":
            sources[f"{kind}: {source}"] += 1
        content = json.loads(payload) if isinstance(payload, str) else payload
        if not isinstance(content, dict):
            continue
        if kind == "themes":
            themes.update(content.get("themes", ()))
        elif kind == "flags":
            flags.update(content.get("flags", ()))
        elif kind == "sentiment" and source != "rating":
            sentiment[str(content.get("label"))] += 1
    return json.dumps(
        {
            "answered": done,
            "seconds": seconds,
            "lengths": lengths,
            "other": other,
            "values": values,
            "numbered": numbered,
            "numbers": numbers,
            "followups": [asked, answered, len(parents)],
            "themes": sorted(themes),
            "flags": sorted(flags),
            "sentiment": dict(sentiment),
            "sources": dict(sources),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
