"""Reading and writing interviews and their answers.

Owns `InterviewRepository`. Each public write is its own transaction unless the caller
holds a block open (see `Database.transaction`): the moment a lone call returns, the
change is on disk (synchronous=FULL), which is what lets an interview survive a crash.
The station and the import of paper interviews create interviews through the same calls.
The writes the employee waits on (answers, replies, position, draft) are driver
statements (`driver.py`) that return the written row, with no ORM objects loaded: an
answer commits in about the time of the disk's sync. Callers get frozen records, never
rows. Never imports Qt.
"""

from __future__ import annotations

import calendar
import secrets
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, case, delete, func, insert, select, update
from sqlalchemy.orm import Session, selectinload

from exitbot_desktop.engine.errors import InterviewStateError, StaleEditError
from exitbot_desktop.engine.followup_policy import Followup
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.records import (
    UNFINISHED,
    AnswerRecord,
    AnswerStatus,
    HrReview,
    InterviewRecord,
    InterviewSource,
    InterviewStatus,
)
from exitbot_desktop.engine.store import db
from exitbot_desktop.engine.store.audit_log import AuditLog
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.digests import Digests
from exitbot_desktop.engine.store.driver import DriverStatement
from exitbot_desktop.engine.store.models import MAIN_ANSWER, Answer, Base, Interview, utcnow
from exitbot_desktop.engine.store.sealing import SEALED

_RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_TABLE = Interview.__tablename__
_ANSWERS_TABLE = Answer.__tablename__
_INTERVIEWS = Base.metadata.tables[_TABLE]
_ANSWERS = Base.metadata.tables[_ANSWERS_TABLE]
_SEALED_META = SEALED[_TABLE] - {"draft_text", "hr_note"}  # the metadata HR enters


class InterviewRepository:
    """All interview persistence goes through here."""

    def __init__(self, database: Database, audit: AuditLog, digests: Digests) -> None:
        self._db = database
        self._audit = audit
        self._digests = digests

    # ----------------------------------------------------------------- reading
    def load(self, interview_id: int) -> InterviewRecord:
        with self._db.transaction() as s:
            row = s.scalar(
                select(Interview)
                .where(Interview.id == interview_id)
                .options(selectinload(Interview.answers), selectinload(Interview.question_set))
            )
            if row is None:
                raise InterviewStateError(f"Interview {interview_id} does not exist.")
            return _record(row, self._db)

    def unfinished(self) -> list[InterviewRecord]:
        """Interviews started but neither submitted, declined nor discarded: offered for resume."""
        with self._db.transaction() as s:
            rows = s.scalars(
                select(Interview)
                .where(Interview.status.in_(UNFINISHED))
                .options(selectinload(Interview.answers), selectinload(Interview.question_set))
                .order_by(Interview.updated_at.desc())
            ).all()
            return [_record(r, self._db) for r in rows]

    def id_for_receipt(self, receipt_code: str) -> int | None:
        code = receipt_code.strip().upper()
        with self._db.transaction() as s:
            found: int | None = s.scalar(select(Interview.id).where(Interview.receipt_code == code))
            return found

    def find_by_receipt(self, receipt_code: str) -> InterviewRecord | None:
        found = self.id_for_receipt(receipt_code)
        return None if found is None else self.load(found)

    # ----------------------------------------------------------------- writing
    def create(
        self,
        question_set_pk: int,
        language: str,
        meta: InterviewMeta,
        *,
        source: InterviewSource = "station",
        started_at: datetime | None = None,
    ) -> int:
        """A new interview waiting for consent (a paper one is completed right after)."""
        with self._db.transaction() as s:
            values = meta.values()
            if meta.anonymous:
                values["employee_name"] = None
            # Sealed values are bound to the row's id, known only once the row exists:
            # they are written after it, in the same transaction, and never sent in clear.
            words = {}
            if self._db.sealer is not None:
                words = {name: values.pop(name) for name in _SEALED_META if name in values}
            interview = Interview(
                question_set_pk=question_set_pk,
                language=language,
                status="created",
                source=source,
                **values,
            )
            if started_at is not None:
                interview.created_at = interview.consented_at = started_at
            s.add(interview)
            s.flush()
            for name, value in words.items():
                setattr(interview, name, self._db.seal(_TABLE, name, interview.id, value))
            return interview.id

    def set_status(self, interview_id: int, status: InterviewStatus) -> None:
        with self._db.transaction() as s:
            self._digests.touched(interview_id)
            row = _get(s, interview_id)
            row.status = status
            if status == "in_progress" and row.consented_at is None:
                row.consented_at = utcnow()
            if status in ("declined", "discarded"):
                # Keep only the fact and HR's metadata: no name, no draft, no answers.
                row.draft_text = None
                row.draft_question_id = None
                row.employee_name = None
                row.answers.clear()
            if status == "discarded":  # HR's decision, so it is audited
                self._audit.record("interview_discarded", {"interview_id": interview_id})

    def set_position(self, interview_id: int, question_id: str | None, in_review: bool) -> None:
        self._update(
            _SET_POSITION, interview_id, question_id=question_id, in_review=in_review, now=utcnow()
        )

    def save_draft(self, interview_id: int, question_id: str | None, text: str | None) -> None:
        with self._db.driver_cursor() as cursor:
            sealed = self._db.seal(_TABLE, "draft_text", interview_id, text)
            self._run_update(
                cursor,
                _SAVE_DRAFT,
                interview_id,
                question_id=question_id,
                text=sealed,
                now=utcnow(),
            )

    def flag_care(self, interview_id: int) -> None:
        self._update(_FLAG_CARE, interview_id, now=utcnow())

    def save_answer(
        self,
        interview_id: int,
        question_id: str,
        *,
        status: AnswerStatus,
        value: Any,
        text: str | None,
        seconds: float,
    ) -> AnswerRecord:
        """Insert or replace the main answer, and clear the draft it came from, atomically.

        Time spent adds up over visits to the question.
        """
        now = utcnow()
        with self._db.driver_cursor() as cursor:
            self._run_update(cursor, _ANSWERED, interview_id, question_id=question_id, now=now)
            return self._written(
                cursor,
                _UPSERT_ANSWER,
                {"value": value, "text": text},
                interview_id=interview_id,
                question_id=question_id,
                status=status,
                is_followup=False,
                seconds_spent=seconds,
                created_at=now,
                updated_at=now,
            )

    def add_followup(
        self, interview_id: int, question_id: str, parent_id: int, followup: Followup
    ) -> AnswerRecord:
        now = utcnow()
        return self._returned(
            _INSERT_ANSWER,
            {"followup_question": followup.text},
            interview_id=interview_id,
            question_id=question_id,
            parent_id=parent_id,
            is_followup=True,
            status="pending",
            value=None,
            followup_source=followup.source,
            followup_model=followup.model or None,
            guard_reason=followup.guard_reason or None,
            seconds_spent=0.0,
            created_at=now,
            updated_at=now,
        )

    def reply_followup(
        self, answer_id: int, *, status: AnswerStatus, text: str | None, seconds: float
    ) -> AnswerRecord:
        return self._returned(
            _REPLY,
            {"text": text, "value": text},
            missing="That follow-up question does not exist.",
            answer_id=answer_id,
            status=status,
            seconds=seconds,
            now=utcnow(),
        )

    def complete(self, interview_id: int, *, at: datetime | None = None) -> str:
        """Mark submitted and hand out a receipt code (unique, unambiguous characters)."""
        with self._db.transaction() as s:
            self._digests.touched(interview_id)
            row = _get(s, interview_id)
            while True:
                code = new_receipt_code()
                if s.scalar(select(Interview.id).where(Interview.receipt_code == code)) is None:
                    break
            row.receipt_code = code
            row.status = "completed"
            row.completed_at = at or utcnow()
            row.in_review = False
            row.current_question_id = None
            row.draft_text = None
            row.draft_question_id = None
            return code

    def review(self, interview_id: int, new: HrReview, *, seen: HrReview) -> None:
        """Record HR's review of an interview, audited with the fields that changed (never
        the note's words).

        `seen` is the review as this officer's screen showed it. When someone else has
        saved a different one since, nothing is written and `StaleEditError` says so:
        the later save must not silently overwrite the earlier one. The row is locked
        while it is compared (`FOR UPDATE` on a server; SQLite's writer lock here).
        """
        with self._db.transaction() as s:
            row = _get(s, interview_id, for_update=True)
            now = HrReview(
                row.leaving_type,
                row.regrettable,
                self._db.unseal(_TABLE, "hr_note", row.id, row.hr_note),
            )
            if now == new:
                return
            if now != seen:
                raise StaleEditError(
                    "Someone else saved a review of this interview while you were editing "
                    "it, so yours was not saved. Open the interview again to see theirs, "
                    "then make your change again."
                )
            changed = sorted(
                name
                for name in HrReview.__dataclass_fields__
                if getattr(now, name) != getattr(new, name)
            )
            row.leaving_type, row.regrettable = new.leaving_type, new.regrettable
            row.hr_note = self._db.seal(_TABLE, "hr_note", row.id, new.hr_note)
            self._audit.record(
                "interview_reviewed",
                {
                    "interview_id": interview_id,
                    "receipt_code": row.receipt_code,
                    "changed": changed,
                },
            )

    def set_feedback(self, interview_id: int, rating: int) -> None:
        with self._db.transaction() as s:
            _get(s, interview_id).feedback_rating = rating

    # ----------------------------------------------------------------- erasing
    def purge_older_than(self, months: int) -> int:
        """Erase every interview last touched more than `months` ago; returns how many.

        This is what the welcome page promises ("kept for N months"). The count goes to
        the audit log in the same transaction; the erased interviews leave no trace.
        """
        if months < 1:
            raise InterviewStateError("Keep interviews for at least one month.")
        cutoff = months_before(utcnow(), months)
        with self._db.transaction() as s:
            old = Interview.updated_at < cutoff
            count = s.scalar(select(func.count()).select_from(Interview).where(old)) or 0
            s.execute(delete(Interview).where(old))
            self._audit.record(
                "retention_purge",
                {"months": months, "cutoff": cutoff.date().isoformat(), "erased": count},
            )
            if count:
                self._leave_no_copies()
            return count

    def count_older_than(self, months: int) -> int:
        """How many interviews `purge_older_than(months)` would erase now (nothing changes)."""
        cutoff = months_before(utcnow(), max(months, 1))
        with self._db.transaction() as s:
            old = Interview.updated_at < cutoff
            return s.scalar(select(func.count()).select_from(Interview).where(old)) or 0

    def delete(self, interview_id: int) -> None:
        """Erase an interview with all its answers and analysis (an erasure request).

        The audit entry commits with the deletion and keeps only the receipt code.
        """
        with self._db.transaction() as s:
            receipt = _get(s, interview_id).receipt_code
            s.execute(delete(Interview).where(Interview.id == interview_id))
            self._audit.record(
                "interview_erased", {"interview_id": interview_id, "receipt_code": receipt}
            )
            self._leave_no_copies()

    def _leave_no_copies(self) -> None:
        """Once the erasure has committed, drop what the database still keeps of the erased
        rows besides the rows themselves: the embedded file's write-ahead log, which holds
        the pages as they were before the deletion, and a server's digest facts that only
        the erased interviews had."""
        self._db.after_commit("erased: old pages", self._db.drop_old_pages)
        self._digests.after_erasure()

    # ----------------------------------------------------------------- internals
    def _update(self, statement: DriverStatement, interview_id: int, **params: Any) -> None:
        """One hot UPDATE of the interview's row, in its own transaction unless in one."""
        with self._db.driver_cursor() as cursor:
            self._run_update(cursor, statement, interview_id, **params)

    def _run_update(
        self, cursor: Any, statement: DriverStatement, interview_id: int, **params: Any
    ) -> None:
        """A vanished interview is a sentence, not a silent no-op."""
        if not statement.run(cursor, self._db.dialect, {"interview_id": interview_id, **params}):
            raise InterviewStateError(f"Interview {interview_id} does not exist.")

    def _returned(
        self,
        statement: DriverStatement,
        words: dict[str, Any],
        *,
        missing: str = "",
        **params: Any,
    ) -> AnswerRecord:
        """Run a hot write of an answer; the row it wrote comes back in the same step."""
        with self._db.driver_cursor() as cursor:
            return self._written(cursor, statement, words, missing=missing, **params)

    def _written(
        self,
        cursor: Any,
        statement: DriverStatement,
        words: dict[str, Any],
        *,
        missing: str = "",
        **params: Any,
    ) -> AnswerRecord:
        """Write an answer row; `words` are its values of sealed columns (`sealing.py`).

        On a sealing database they are bound to the row's id: sealed at once when the
        statement names the row, else written by a second statement once the first has
        returned the new row's id (same transaction). Either way the record carries them
        in clear.
        """
        row_id = params.get("answer_id")
        if self._db.sealer is None:
            params |= words
        elif row_id is not None:
            params |= {
                name: self._db.seal(_ANSWERS_TABLE, name, row_id, v) for name, v in words.items()
            }
        else:
            params |= dict.fromkeys(words)
        row = statement.run(cursor, self._db.dialect, params)
        if not isinstance(row, dict):
            raise InterviewStateError(missing)
        if self._db.sealer is not None and row_id is None:
            sealed = {
                name: self._db.seal(_ANSWERS_TABLE, name, row["id"], v) for name, v in words.items()
            }
            _SEAL_ANSWER[frozenset(words)].run(
                cursor, self._db.dialect, {"answer_id": row["id"], **sealed}
            )
        row |= words
        self._digests.touched(row["interview_id"])
        return AnswerRecord(**{name: row[name] for name in _ANSWER_FIELDS})


# The writes an employee waits on, built once and run through the driver
# (`DriverStatement`): a call costs little more than SQLite's own work.
_ROW = _INTERVIEWS.c.id == bindparam("interview_id")
_SET_POSITION = DriverStatement(
    update(_INTERVIEWS)
    .where(_ROW)
    .values(
        current_question_id=bindparam("question_id"),
        in_review=bindparam("in_review"),
        updated_at=bindparam("now"),
    )
)
_SAVE_DRAFT = DriverStatement(
    update(_INTERVIEWS)
    .where(_ROW)
    .values(
        draft_question_id=bindparam("question_id"),
        draft_text=bindparam("text"),
        updated_at=bindparam("now"),
    )
)
_FLAG_CARE = DriverStatement(
    update(_INTERVIEWS).where(_ROW).values(needs_care=True, updated_at=bindparam("now"))
)
_DRAFTED_HERE = _INTERVIEWS.c.draft_question_id == bindparam("question_id")
_ANSWERED = DriverStatement(  # an answer saved: the interview was touched, its draft goes
    update(_INTERVIEWS)
    .where(_ROW)
    .values(
        updated_at=bindparam("now"),
        draft_question_id=case((_DRAFTED_HERE, None), else_=_INTERVIEWS.c.draft_question_id),
        draft_text=case((_DRAFTED_HERE, None), else_=_INTERVIEWS.c.draft_text),
    )
)
_INSERT_ANSWER = DriverStatement(insert(_ANSWERS).returning(*_ANSWERS.c))
_upsert = db.upsert(_ANSWERS)
_UPSERT_ANSWER = DriverStatement(
    _upsert.on_conflict_do_update(
        index_elements=[_ANSWERS.c.interview_id, _ANSWERS.c.question_id],
        index_where=MAIN_ANSWER,
        set_={
            "status": _upsert.excluded.status,
            "value": _upsert.excluded.value,
            "text": _upsert.excluded.text,
            "seconds_spent": _ANSWERS.c.seconds_spent + _upsert.excluded.seconds_spent,
            "updated_at": _upsert.excluded.updated_at,
        },
    ).returning(*_ANSWERS.c)
)
_ANSWER_ROW = _ANSWERS.c.id == bindparam("answer_id")
_SEAL_ANSWER = {  # the sealed words of a row just written, by the columns they fill
    frozenset({"value", "text"}): DriverStatement(
        update(_ANSWERS)
        .where(_ANSWER_ROW)
        .values(
            text=bindparam("text"),
            value=bindparam("value", type_=_ANSWERS.c.value.type),
            updated_at=_ANSWERS.c.updated_at,  # the row was written just before
        )
    ),
    frozenset({"followup_question"}): DriverStatement(
        update(_ANSWERS)
        .where(_ANSWER_ROW)
        .values(followup_question=bindparam("followup_question"), updated_at=_ANSWERS.c.updated_at)
    ),
}
_REPLY = DriverStatement(
    update(_ANSWERS)
    .where(_ANSWER_ROW, _ANSWERS.c.is_followup.is_(True))
    .values(
        status=bindparam("status"),
        text=bindparam("text"),
        value=bindparam("value", type_=_ANSWERS.c.value.type),
        seconds_spent=_ANSWERS.c.seconds_spent + bindparam("seconds"),
        updated_at=bindparam("now"),
    )
    .returning(*_ANSWERS.c)
)


def new_receipt_code() -> str:
    """A receipt code people can read out: EX- and 8 unambiguous characters."""
    return "EX-" + "".join(secrets.choice(_RECEIPT_ALPHABET) for _ in range(8))


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the 31st becomes the
    month's last day)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _get(session: Session, interview_id: int, *, for_update: bool = False) -> Interview:
    row: Interview | None = session.get(Interview, interview_id, with_for_update=for_update)
    if row is None:
        raise InterviewStateError(f"Interview {interview_id} does not exist.")
    return row


_ANSWER_FIELDS = tuple(AnswerRecord.__dataclass_fields__)


def _answer_record(a: Answer, database: Database) -> AnswerRecord:
    return AnswerRecord(
        **{
            name: _opened(database, _ANSWERS_TABLE, a.id, name, getattr(a, name))
            for name in _ANSWER_FIELDS
        }
    )


def _opened(database: Database, table: str, row_id: int, column: str, stored: Any) -> Any:
    """A column's value as the engine knows it: opened if the column is sealed."""
    if column in SEALED[table]:
        return database.unseal(table, column, row_id, stored)
    return stored


def _record(row: Interview, database: Database) -> InterviewRecord:
    def field(name: str) -> Any:
        return _opened(database, _TABLE, row.id, name, getattr(row, name))

    meta = InterviewMeta(**{name: field(name) for name in InterviewMeta.__dataclass_fields__})
    return InterviewRecord(
        id=row.id,
        status=row.status,
        source=row.source,
        receipt_code=row.receipt_code,
        language=row.language,
        meta=meta,
        question_set=row.question_set.content,
        created_at=row.created_at,
        completed_at=row.completed_at,
        current_question_id=row.current_question_id,
        in_review=row.in_review,
        draft_question_id=row.draft_question_id,
        draft_text=field("draft_text"),
        needs_care=row.needs_care,
        regrettable=row.regrettable,
        hr_note=field("hr_note"),
        answers=tuple(_answer_record(a, database) for a in row.answers),
    )
