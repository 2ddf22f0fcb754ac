"""The `question_sets` table: every stored version of a question set, never changed.

Owns `QuestionSetRepository`. A version is stored the first time an interview uses it,
or when HR saves, copies or imports a set (the newest version of a custom set's id is
the set in force). A row is never changed afterwards, so editing a set never changes
what past answers meant: a save is always a new version. Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased

from exitbot_desktop.engine.errors import StoreError
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.models import Interview, QuestionSetRow


@dataclass(frozen=True)
class StoredQuestionSet:
    pk: int
    set_id: str
    version: int
    content: dict[str, Any]


class QuestionSetRepository:
    def __init__(self, database: Database) -> None:
        self._db = database
        # (set id, version) -> row, for versions known to be stored and committed: a row
        # is never changed or deleted, and a station's delivery asks for the same one
        # after every answer.
        self._stored: dict[tuple[str, int], int] = {}

    def snapshot(self, content: dict[str, Any]) -> int:
        """The row holding this exact set version, created the first time it is used.

        Two stations of one server may both be first: the insert runs in a savepoint,
        and the one that loses the race reads the row the other stored.
        """
        key = set_id, version = str(content["id"]), int(content["version"])
        known = self._stored.get(key)
        if known is not None:
            return known
        stored = select(QuestionSetRow.id).where(
            QuestionSetRow.set_id == set_id, QuestionSetRow.version == version
        )
        with self._db.transaction() as s:
            pk = s.scalar(stored)
            if pk is None:
                row = QuestionSetRow(set_id=set_id, version=version, content=content)
                try:
                    with s.begin_nested():
                        s.add(row)
                    pk = row.id
                except IntegrityError:
                    pk = s.scalars(stored).one()
            # Remembered once this transaction commits: a row inserted by one that then
            # fails is gone again.
            self._db.after_commit(
                f"question set {set_id} v{version}", partial(self._stored.__setitem__, key, pk)
            )
            return pk

    def add_next_version(self, content: dict[str, Any]) -> StoredQuestionSet:
        """Store `content` as the next version of its set id (the version is filled in)."""
        set_id = str(content["id"])
        with self._db.transaction() as s:
            latest = s.scalar(
                select(func.max(QuestionSetRow.version)).where(QuestionSetRow.set_id == set_id)
            )
            stored = {**content, "version": (latest or 0) + 1}
            row = QuestionSetRow(set_id=set_id, version=stored["version"], content=stored)
            try:
                with s.begin_nested():
                    s.add(row)
            except IntegrityError:
                raise StoreError(
                    f"Someone else saved the question set {set_id!r} at the same moment, so "
                    "yours was not saved. Open the set again to see their change, then "
                    "make yours."
                ) from None
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

    def newest(self) -> list[StoredQuestionSet]:
        """The newest version of every set id stored, ordered by id."""
        later = aliased(QuestionSetRow)
        newer_exists = (
            select(later.id)
            .where(later.set_id == QuestionSetRow.set_id, later.version > QuestionSetRow.version)
            .exists()
        )
        with self._db.transaction() as s:
            rows = s.scalars(
                select(QuestionSetRow).where(~newer_exists).order_by(QuestionSetRow.set_id)
            )
            return [StoredQuestionSet(r.id, r.set_id, r.version, r.content) for r in rows]

    def newest_of(self, set_id: str) -> StoredQuestionSet | None:
        """The newest version stored under `set_id`, or None."""
        with self._db.transaction() as s:
            row = s.scalars(
                select(QuestionSetRow)
                .where(QuestionSetRow.set_id == set_id)
                .order_by(QuestionSetRow.version.desc())
                .limit(1)
            ).first()
            if row is None:
                return None
            return StoredQuestionSet(row.id, set_id, row.version, row.content)

    def interviews_per_set(self) -> dict[str, int]:
        """How many interviews used any version of each set id."""
        with self._db.transaction() as s:
            rows = s.execute(
                select(QuestionSetRow.set_id, func.count(Interview.id))
                .join(Interview, Interview.question_set_pk == QuestionSetRow.id)
                .group_by(QuestionSetRow.set_id)
            )
            return {set_id: count for set_id, count in rows}
