"""A `Selection` as SQL conditions on `interviews`, for every reader that takes one.

Owns `selection_conditions` and the per-interview expressions behind the browser's
filters (tone, urgent issues, shown status, word search), so the interview list, the
aggregates, the reports and the exports select exactly the same interviews for the same
filters. Bound parameters only; times compared as DateTime. Never imports Qt.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Integer,
    Select,
    and_,
    any_,
    case,
    exists,
    func,
    literal,
    or_,
    select,
)

from exitbot_desktop.engine.filters import TONE_THRESHOLD, Selection
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.models import AnalysisRow, Answer, Interview, json_text
from exitbot_desktop.engine.store.sealing import SEALED

# How the JSON column stores an empty flags payload (nearly every answer has one).
NO_FLAGS_JSON = '{"flags": []}'


def selection_conditions(selection: Selection, database: Database) -> list[ColumnElement[bool]]:
    """SQL conditions on `Interview` (bound parameters, never formatted text).

    The word search runs in SQL, except on a sealing database (`sealing.py`), where the
    server holds the words sealed: there the answers are opened and searched here.
    """
    filters = selection.filters
    conds: list[ColumnElement[bool]] = []
    if filters.date_from:
        conds.append(Interview.created_at >= datetime.combine(filters.date_from, time()))
    if filters.date_to:
        end = datetime.combine(filters.date_to + timedelta(days=1), time())
        conds.append(Interview.created_at < end)
    for name, value in filters.metadata().items():
        if database.sealer is not None and name in SEALED[Interview.__tablename__]:
            conds.append(_among(_sealed_equal_to(database, name, value)))
        else:
            conds.append(getattr(Interview, name) == value)
    if selection.receipt_code:
        conds.append(Interview.receipt_code == selection.receipt_code.strip().upper())
    if selection.statuses is not None:
        conds.append(Interview.status.in_(selection.statuses))
    if filters.status is not None:
        conds.append(shown_status() == filters.status)
    if filters.source is not None:
        conds.append(Interview.source == filters.source)
    if filters.theme:
        conds.append(
            exists().where(
                AnalysisRow.interview_id == Interview.id,
                AnalysisRow.kind == "themes",
                json_text(AnalysisRow.payload).like(f'%"{_escaped(filters.theme)}"%', escape="\\"),
            )
        )
    if filters.urgent_only:
        conds.append(flag_rows() > 0)
    if filters.tone:
        mean = tone_mean()
        conds.append(
            {
                "positive": mean >= TONE_THRESHOLD,
                "negative": mean <= -TONE_THRESHOLD,
                "neutral": and_(mean > -TONE_THRESHOLD, mean < TONE_THRESHOLD),
            }.get(filters.tone, Interview.id.is_(None))
        )
    words = filters.word_list()
    if words and database.sealer is None:
        conds.append(Interview.id.in_(_containing_every(words)))
    elif words:
        conds.append(_among(_sealed_containing_every(database, words)))
    return conds


def written_sentiment() -> list[ColumnElement[bool]]:
    """Sentiment rows of written answers (ratings have their own figures)."""
    return [AnalysisRow.kind == "sentiment", AnalysisRow.provenance != "rating"]


def tone_mean() -> Any:
    """Mean sentiment score of the interview's written answers, per interview in a query."""
    return (
        select(func.avg(AnalysisRow.payload["score"].as_float()))
        .where(AnalysisRow.interview_id == Interview.id, *written_sentiment())
        .scalar_subquery()
    )


def flag_rows() -> Any:
    """How many of the interview's answers raised an urgent issue, per interview."""
    return (
        select(func.count())
        .where(
            AnalysisRow.interview_id == Interview.id,
            AnalysisRow.kind == "flags",
            func.length(json_text(AnalysisRow.payload)) > len(NO_FLAGS_JSON),
        )
        .scalar_subquery()
    )


def followups_asked() -> Any:
    return (
        select(func.count())
        .where(Answer.interview_id == Interview.id, Answer.is_followup.is_(True))
        .scalar_subquery()
    )


def shown_status() -> Any:
    """The status HR sees (`filters.ListStatus`), in SQL."""
    return case(
        (Interview.source == "import", "imported"),
        (Interview.status.in_(("created", "in_progress")), "unfinished"),
        else_=Interview.status,
    )


def _containing_every(words: list[str]) -> Select[Any]:
    """Ids of interviews whose answers hold every word, found in one pass over answers.

    Words may sit in different answers, so rows holding any word are grouped by interview
    and kept when each word was seen. `ilike` ignores case (SQLite: unaccented letters).
    A full-text index would make every answer's commit write more, and the employee
    waits on that: plain matching is about 0.1 s per pass over 150,000 answers.
    """
    hits = [Answer.text.ilike(f"%{_escaped(word)}%", escape="\\") for word in words]
    seen_all = [func.max(case((hit, 1), else_=0)) == 1 for hit in hits]
    return (
        select(Answer.interview_id)
        .where(or_(*hits))
        .group_by(Answer.interview_id)
        .having(and_(*seen_all))
    )


def _sealed_containing_every(database: Database, words: list[str]) -> list[int]:
    """Ids of interviews whose answers hold every word, each answer opened on the station.

    Matches as `ilike` does: ignoring case, anywhere in the text.
    """
    wanted = [word.casefold() for word in words]
    seen: dict[int, set[str]] = {}
    with database.connection() as conn:
        rows = conn.execute(
            select(Answer.id, Answer.interview_id, Answer.text).where(Answer.text.is_not(None))
        )
        for answer_id, interview_id, stored in rows:
            text = str(database.unseal(Answer.__tablename__, "text", answer_id, stored)).casefold()
            seen.setdefault(interview_id, set()).update(w for w in wanted if w in text)
    return sorted(iid for iid, found in seen.items() if len(found) == len(set(wanted)))


def _among(ids: list[int]) -> ColumnElement[bool]:
    """`Interview.id` in `ids`, as one array parameter: only a sealing database (a
    PostgreSQL server) asks, and a list of 100,000 ids would pass its limit of 65,535
    parameters as an IN list."""
    return Interview.id == any_(literal(ids, ARRAY(Integer)))


def _sealed_equal_to(database: Database, column: str, value: str) -> list[int]:
    """Ids of interviews whose sealed `column` (e.g. the location) holds `value`, each
    opened on the station: the server sees only ciphertext, which equals nothing."""
    with database.connection() as conn:
        rows = conn.execute(
            select(Interview.id, getattr(Interview, column)).where(
                getattr(Interview, column).is_not(None)
            )
        )
        return [
            interview_id
            for interview_id, stored in rows
            if database.unseal(Interview.__tablename__, column, interview_id, stored) == value
        ]


def _escaped(text: str) -> str:
    """`text` matched literally by LIKE (with ESCAPE '\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
