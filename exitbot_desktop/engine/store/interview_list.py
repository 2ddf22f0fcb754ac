"""Reading the HR interview list one page at a time: filters, word search, sort.

Owns `InterviewListReader`. A page is one query over `interviews` (its order and filters
in SQL, so sorting ten thousand interviews never leaves SQLite), then a few over the
page's own answers and analysis for the themes, tone, flags and follow-ups it shows.
The filters are `store.selection_sql`'s, the same the reports and exports apply;
sorting by tone, flags or follow-ups uses its per-interview subqueries. Each page
carries the number of matching interviews (a window count, so the first page costs one
evaluation of the filters, not two). Reads only. Never imports Qt.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import ColumnElement, Text, cast, func, select

from exitbot_desktop.engine.filters import Selection, tone_of
from exitbot_desktop.engine.interview_list import ListPage, ListQuery, ListRow
from exitbot_desktop.engine.interview_list import shown_status as shown_status_of
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.models import AnalysisRow, Answer, Interview
from exitbot_desktop.engine.store.selection_sql import (
    flag_rows,
    followups_asked,
    selection_conditions,
    shown_status,
    tone_mean,
    written_sentiment,
)

_TOP_THEMES = 3


class InterviewListReader:
    def __init__(self, database: Database) -> None:
        self._db = database

    def page(self, query: ListQuery, offset: int, limit: int) -> ListPage:
        """Rows `offset` to `offset + limit` of the list in `query`'s order, and how many
        interviews match in all.

        The window count rides on the page query, so SQLite computes every matching row's
        select list: it holds only plain columns. What a row shows beyond them is read for
        the page's interviews alone (`_details`); the derived columns enter the main query
        only when the list is sorted by them.
        """
        derived = {"sentiment": tone_mean(), "flags": flag_rows(), "followups": followups_asked()}
        statement = (
            select(
                Interview.id,
                Interview.created_at,
                Interview.department,
                Interview.role,
                Interview.tenure_band,
                Interview.status,
                Interview.source,
                Interview.receipt_code,
                func.count().over(),
            )
            .where(*_conditions(query, self._db))
            .order_by(*_order(query, derived))
            .offset(offset)
            .limit(limit)
        )
        with self._db.connection() as c:
            rows = c.execute(statement).all()
            details = _details(c, [row[0] for row in rows])
            if rows:
                total = rows[0][-1]
            else:  # past the end: the window count had no row to ride on
                count = (
                    select(func.count()).select_from(Interview).where(*_conditions(query, self._db))
                )
                total = c.scalar(count) or 0
        return ListPage(
            rows=tuple(
                ListRow(
                    id=iid,
                    started=started,
                    department=department,
                    role=role,
                    tenure_band=tenure,
                    status=shown_status_of(status, source),
                    receipt_code=receipt,
                    **details[iid],
                )
                for (iid, started, department, role, tenure, status, source, receipt, _n) in rows
            ),
            total=total,
        )


def _details(connection: Any, ids: list[int]) -> dict[int, dict[str, Any]]:
    """Interview id → its most raised themes, tone, urgent flags and follow-ups asked, for
    the page's interviews only (through the interview-id indexes)."""
    themes: defaultdict[int, Counter[str]] = defaultdict(Counter)
    flags: defaultdict[int, set[str]] = defaultdict(set)
    means: dict[int, float] = {}
    asked: dict[int, int] = {}
    if ids:
        for iid, kind, raw in connection.execute(
            select(
                AnalysisRow.interview_id, AnalysisRow.kind, cast(AnalysisRow.payload, Text)
            ).where(AnalysisRow.interview_id.in_(ids), AnalysisRow.kind.in_(("themes", "flags")))
        ):
            payload = json.loads(raw)
            if kind == "themes":
                themes[iid].update(payload.get("themes", ()))
            else:
                flags[iid].update(payload.get("flags", ()))
        means = dict(
            connection.execute(
                select(AnalysisRow.interview_id, func.avg(AnalysisRow.payload["score"].as_float()))
                .where(*written_sentiment(), AnalysisRow.interview_id.in_(ids))
                .group_by(AnalysisRow.interview_id)
            ).all()
        )
        asked = dict(
            connection.execute(
                select(Answer.interview_id, func.count())
                .where(Answer.interview_id.in_(ids), Answer.is_followup.is_(True))
                .group_by(Answer.interview_id)
            ).all()
        )
    return {
        iid: {
            "themes": tuple(t for t, _n in _by_count(themes[iid]))[:_TOP_THEMES],
            "sentiment": None if (mean := means.get(iid)) is None else tone_of(mean),
            "flags": tuple(sorted(flags[iid])),
            "followups": asked.get(iid, 0),
        }
        for iid in ids
    }


def _by_count(counts: Counter[str]) -> list[tuple[str, int]]:
    """Most raised first, ties alphabetical (so the list is stable between reads)."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _conditions(query: ListQuery, database: Database) -> list[ColumnElement[bool]]:
    return selection_conditions(Selection(query.filters, query.receipt_code), database)


def _order(query: ListQuery, derived: dict[str, Any]) -> list[Any]:
    columns: dict[str, Any] = {
        "date": Interview.created_at,
        "department": Interview.department,
        "role": Interview.role,
        "tenure_band": Interview.tenure_band,
        "status": shown_status(),
        **derived,
    }
    key = columns[query.sort]
    ordered = key.desc() if query.descending else key.asc()
    tie = Interview.id.desc() if query.descending else Interview.id.asc()
    return [ordered.nulls_last(), tie]
