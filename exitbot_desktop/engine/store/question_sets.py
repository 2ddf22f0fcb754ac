"""The `question_sets` table: the exact version of each question set an interview used.

Owns `QuestionSetRepository`. A version is stored the first time an interview uses it
and never changed afterwards, so editing a set never changes what past answers meant.
Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.models import QuestionSetRow


@dataclass(frozen=True)
class StoredQuestionSet:
    pk: int
    set_id: str
    version: int
    content: dict[str, Any]


class QuestionSetRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    def snapshot(self, content: dict[str, Any]) -> int:
        """The row holding this exact set version, created the first time it is used."""
        set_id, version = str(content["id"]), int(content["version"])
        with self._db.transaction() as s:
            pk = s.scalar(
                select(QuestionSetRow.id).where(
                    QuestionSetRow.set_id == set_id, QuestionSetRow.version == version
                )
            )
            if pk is not None:
                return pk
            row = QuestionSetRow(set_id=set_id, version=version, content=content)
            s.add(row)
            s.flush()
            return row.id

    def add_next_version(self, content: dict[str, Any]) -> StoredQuestionSet:
        """Store `content` as the next version of its set id (the version is filled in)."""
        set_id = str(content["id"])
        with self._db.transaction() as s:
            latest = s.scalar(
                select(func.max(QuestionSetRow.version)).where(QuestionSetRow.set_id == set_id)
            )
            stored = {**content, "version": (latest or 0) + 1}
            row = QuestionSetRow(set_id=set_id, version=stored["version"], content=stored)
            s.add(row)
            s.flush()
            return StoredQuestionSet(row.id, set_id, row.version, stored)

    def by_pk(self, pks: Iterable[int]) -> list[StoredQuestionSet]:
        """The given versions, newest row first."""
        with self._db.transaction() as s:
            rows = s.scalars(
                select(QuestionSetRow)
                .where(QuestionSetRow.id.in_(set(pks)))
                .order_by(QuestionSetRow.id.desc())
            )
            return [StoredQuestionSet(r.id, r.set_id, r.version, r.content) for r in rows]
