"""Delivering a station's queued interviews to its central server.

Owns `deliver`. Each interview its queue's outbox names (`station_queue.py`) is read from
the queue as it is now, in one read, and written to the server in one transaction, the
interview changed first first; only then are the outbox entries that read covered
removed. Changes made meanwhile keep their entries and go with the next delivery.

Delivering copies state, not steps, so a delivery repeated after a lost connection or a
crash between the two commits writes the same rows again and nothing twice:
- the server's interview is the one with the queue's `station_ref`, created on first
  delivery;
- a main answer is matched by its question, a follow-up by its question and its place
  among that question's follow-ups; an answer changed since the server's copy is
  updated in place (its id, and what HR attached to it, stay), a new one is inserted in
  the order it was given, one gone from the queue is deleted;
- the machine's analysis is replaced; results HR corrected are kept, as everywhere.
What HR decides on the server is never overwritten: the review and note are not the
station's to send, and an interview HR discarded there stays discarded. A receipt code
another station already handed out is not given to a second interview (see `_write`).
Words are sealed for the server's rows as a station's own writes are (`Database.seal`).
Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Integer, Table, bindparam, delete, insert, select, text, update

from exitbot_desktop.engine.records import CORRECTED_BY_HR
from exitbot_desktop.engine.store.audit_log import AuditLog
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.digests import Digests
from exitbot_desktop.engine.store.driver import DriverStatement
from exitbot_desktop.engine.store.models import AnalysisRow, Answer, Base, Interview, QuestionSetRow
from exitbot_desktop.engine.store.question_sets import QuestionSetRepository
from exitbot_desktop.engine.store.sealing import SEALED

_INTERVIEWS = Base.metadata.tables[Interview.__tablename__]
_ANSWERS = Base.metadata.tables[Answer.__tablename__]
_ANALYSIS = Base.metadata.tables[AnalysisRow.__tablename__]
_SETS = Base.metadata.tables[QuestionSetRow.__tablename__]

# What the station sends of an interview: set when it is first delivered ...
_AT_CREATION = (
    "source",
    "language",
    "anonymous",
    "department",
    "role",
    "tenure_band",
    "location",
    "manager",
    "leaving_date",
    "leaving_type",
    "created_at",
)
# ... and on every delivery: the interview's progress. Never HR's review or note.
_PROGRESS = (
    "status",
    "receipt_code",
    "employee_name",
    "consented_at",
    "completed_at",
    "updated_at",
    "current_question_id",
    "in_review",
    "draft_question_id",
    "draft_text",
    "feedback_rating",
    "needs_care",
    "llm_backend",
)
_ANSWER_COLUMNS = tuple(c.key for c in _ANSWERS.c if c.key not in ("id", "interview_id"))
_ANSWER_WORDS = SEALED[_ANSWERS.name]
_INTERVIEW_WORDS = SEALED[_INTERVIEWS.name]
_SUMMARY = "summary"
_Row = Mapping[Any, Any]  # a row as SQLAlchemy's `.mappings()` gives it


@dataclass(frozen=True)
class _Queued:
    """One interview as the queue holds it, read in one transaction."""

    last_change: int  # the newest outbox entry the read covers
    interview: _Row
    question_set: dict[str, Any]
    answers: Sequence[_Row]  # in the order given
    analysis: Sequence[_Row]


def deliver(
    queue: Database,
    server: Database,
    digests: Digests,
    question_sets: QuestionSetRepository,
    audit: AuditLog,
) -> int:
    """Deliver every interview with changes the server does not have; returns how many.

    `digests`, `question_sets` and `audit` are the server's. A server out of reach raises its
    `StoreError` sentence and leaves the rest waiting in the queue.
    """
    waiting = _waiting(queue)
    for interview_id in waiting:
        queued = _read(queue, interview_id)
        if queued is not None:
            _write(server, digests, question_sets, audit, queued)
        _forget(queue, interview_id, queued.last_change if queued else None)
    return len(waiting)


def _waiting(queue: Database) -> list[int]:
    """The interviews with changes now, the one changed first first. Each is delivered
    once per call, so an interview in progress does not hold the others up."""
    with queue.reading() as conn:
        return [
            row[0]
            for row in conn.execute(
                text("SELECT interview_id FROM outbox GROUP BY interview_id ORDER BY min(seq)")
            )
        ]


def _read(queue: Database, interview_id: int) -> _Queued | None:
    """The interview, its question set, answers and analysis; None when it is gone."""
    with queue.reading() as conn:
        last = conn.execute(
            text("SELECT max(seq) FROM outbox WHERE interview_id = :id"), {"id": interview_id}
        ).scalar_one()
        interview = (
            conn.execute(select(_INTERVIEWS).where(_INTERVIEWS.c.id == interview_id))
            .mappings()
            .one_or_none()
        )
        if interview is None:
            return None
        content = conn.execute(
            select(_SETS.c.content).where(_SETS.c.id == interview["question_set_pk"])
        ).scalar_one()
        answers = _rows_of(conn, _ANSWERS, interview_id)
        analysis = _rows_of(conn, _ANALYSIS, interview_id)
    return _Queued(last, interview, content, answers, analysis)


def _rows_of(conn: Connection, table: Table, interview_id: int) -> Sequence[_Row]:
    """The interview's rows of `table`, in the order they were written."""
    query = select(table).where(table.c.interview_id == interview_id).order_by(table.c.id)
    return conn.execute(query).mappings().all()


def _forget(queue: Database, interview_id: int, last_change: int | None) -> None:
    """Remove the outbox entries a delivery covered (all of them for a vanished interview)."""
    with queue.connection() as conn:
        conn.execute(
            text("DELETE FROM outbox WHERE interview_id = :id AND seq <= :last"),
            {"id": interview_id, "last": last_change if last_change is not None else 2**62},
        )


def _write(
    server: Database,
    digests: Digests,
    question_sets: QuestionSetRepository,
    audit: AuditLog,
    queued: _Queued,
) -> None:
    local = queued.interview
    dialect = server.dialect
    with server.connection() as conn, server.driver_cursor() as cursor:
        set_pk = question_sets.snapshot(queued.question_set)
        found = _FIND.rows(cursor, dialect, {"station_ref": local["station_ref"]})
        if found and found[0][1] == "discarded":
            return  # HR discarded it on the server: that decision stands
        server_id = _create(conn, server, local, set_pk) if not found else found[0][0]
        progress = {name: _sealed(server, name, server_id, local[name]) for name in _PROGRESS}
        if _clashes(cursor, server, server_id, local["receipt_code"]):
            # Another station handed out the same code (1 in 32^8 per pair). A code must
            # never lead to someone else's interview (an erasure request would erase
            # it), so this one is kept without a code, and the audit log says so, once:
            # a copy already stored completed without its code was recorded then.
            progress["receipt_code"] = None
            if not (found and found[0][1] == "completed" and found[0][2] is None):
                audit.record("receipt_code_clash", {"interview_id": server_id})
        _UPDATE_INTERVIEW.run(cursor, dialect, {**progress, "server_id": server_id})
        mapped = _write_answers(cursor, server, server_id, queued.answers)
        _write_analysis(conn, cursor, server, server_id, queued.analysis, mapped)
        digests.touched(server_id)


# The statements every delivery runs, built once and run through the driver
# (`DriverStatement`): a delivery runs beside the interview, in the same process, and
# SQLAlchemy's building and execution of each statement cost more of the interpreter
# than the employee's own answer does.
_SERVER_ID = bindparam("server_id", type_=Integer())
_FIND = DriverStatement(
    select(_INTERVIEWS.c.id, _INTERVIEWS.c.status, _INTERVIEWS.c.receipt_code)
    .where(_INTERVIEWS.c.station_ref == bindparam("station_ref"))
    .with_for_update()
)
_UPDATE_INTERVIEW = DriverStatement(update(_INTERVIEWS).where(_INTERVIEWS.c.id == _SERVER_ID))
_CODE_TAKEN = DriverStatement(
    select(_INTERVIEWS.c.id).where(
        _INTERVIEWS.c.receipt_code == bindparam("code"), _INTERVIEWS.c.id != _SERVER_ID
    )
)
_SERVER_ANSWERS = DriverStatement(
    select(_ANSWERS.c.id, _ANSWERS.c.question_id, _ANSWERS.c.is_followup, _ANSWERS.c.updated_at)
    .where(_ANSWERS.c.interview_id == _SERVER_ID)
    .order_by(_ANSWERS.c.id)
)
_INSERT_ANSWER = DriverStatement(insert(_ANSWERS).returning(_ANSWERS.c.id))
_ANSWER_ID = bindparam("answer_id", type_=Integer())
_UPDATE_ANSWER = DriverStatement(update(_ANSWERS).where(_ANSWERS.c.id == _ANSWER_ID))
_DELETE_ANSWER = DriverStatement(delete(_ANSWERS).where(_ANSWERS.c.id == _ANSWER_ID))
_SERVER_ANALYSIS = DriverStatement(
    select(
        _ANALYSIS.c.id,
        _ANALYSIS.c.answer_id,
        _ANALYSIS.c.kind,
        _ANALYSIS.c.payload,
        _ANALYSIS.c.provenance,
    ).where(_ANALYSIS.c.interview_id == _SERVER_ID)
)
_DELETE_ANALYSIS = DriverStatement(
    delete(_ANALYSIS).where(_ANALYSIS.c.id == bindparam("row_id", type_=Integer()))
)


def _clashes(cursor: Any, server: Database, server_id: int, receipt_code: str | None) -> bool:
    if receipt_code is None:
        return False
    return bool(
        _CODE_TAKEN.rows(cursor, server.dialect, {"code": receipt_code, "server_id": server_id})
    )


def _create(conn: Connection, server: Database, local: _Row, set_pk: int) -> int:
    clear = {n: local[n] for n in _AT_CREATION if n not in _INTERVIEW_WORDS}
    server_id: int = conn.execute(
        insert(_INTERVIEWS)
        .values(
            **clear,
            question_set_pk=set_pk,
            station_ref=local["station_ref"],
            status="created",
            updated_at=local["updated_at"],
        )
        .returning(_INTERVIEWS.c.id)
    ).scalar_one()
    words = {
        n: _sealed(server, n, server_id, local[n]) for n in _AT_CREATION if n in _INTERVIEW_WORDS
    }
    conn.execute(update(_INTERVIEWS).where(_INTERVIEWS.c.id == server_id).values(words))
    return server_id


def _sealed(server: Database, column: str, server_id: int, value: Any) -> Any:
    if column in _INTERVIEW_WORDS:
        return server.seal(_INTERVIEWS.name, column, server_id, value)
    return value


def _write_answers(
    cursor: Any, server: Database, server_id: int, answers: Sequence[_Row]
) -> dict[int, int]:
    """The queue's answers onto the server's; returns queue answer id -> server answer id."""
    dialect = server.dialect
    on_server = [
        {"id": row[0], "question_id": row[1], "is_followup": row[2], "updated_at": row[3]}
        for row in _SERVER_ANSWERS.rows(cursor, dialect, {"server_id": server_id})
    ]
    existing = {key: (row["id"], row["updated_at"]) for key, row in _keyed(on_server)}
    mapped: dict[int, int] = {}
    kept: set[int] = set()
    for key, answer in _keyed(answers):
        values = {name: answer[name] for name in _ANSWER_COLUMNS}
        values["parent_id"] = mapped.get(answer["parent_id"]) if answer["parent_id"] else None
        words = {name: values.pop(name) for name in _ANSWER_WORDS}
        if key in existing:
            answer_id, updated_at = existing[key]
            if updated_at == answer["updated_at"]:
                mapped[answer["id"]] = answer_id
                kept.add(answer_id)
                continue
        else:
            inserted = _INSERT_ANSWER.run(
                cursor, dialect, {**values, **dict.fromkeys(words), "interview_id": server_id}
            )
            assert isinstance(inserted, dict)  # an INSERT … RETURNING gives its row
            answer_id = inserted["id"]
        values |= {n: server.seal(_ANSWERS.name, n, answer_id, v) for n, v in words.items()}
        _UPDATE_ANSWER.run(cursor, dialect, {**values, "answer_id": answer_id})
        mapped[answer["id"]] = answer_id
        kept.add(answer_id)
    for answer_id, _ in existing.values():
        if answer_id not in kept:
            _DELETE_ANSWER.run(cursor, dialect, {"answer_id": answer_id})
    return mapped


def _keyed(
    rows: Sequence[_Row],
) -> list[tuple[tuple[str, str, int], _Row]]:
    """Each answer with the key that names it on either side: its question, and for a
    follow-up its place among that question's follow-ups."""
    seen: dict[str, int] = {}
    keyed: list[tuple[tuple[str, str, int], _Row]] = []
    for row in rows:
        question = row["question_id"]
        if row["is_followup"]:
            seen[question] = seen.get(question, 0) + 1
            keyed.append((("followup", question, seen[question]), row))
        else:
            keyed.append((("main", question, 0), row))
    return keyed


def _write_analysis(
    conn: Connection,
    cursor: Any,
    server: Database,
    server_id: int,
    analysis: Sequence[_Row],
    mapped: Mapping[int, int],
) -> None:
    """The machine's results as the queue has them now; only those that changed are
    written (an interview is delivered after every answer, and rewriting all its rows
    each time would grow with the square of its length). What HR corrected stays."""
    on_server = {
        (answer_id, kind): (row_id, _opened(server, server_id, kind, payload), provenance)
        for row_id, answer_id, kind, payload, provenance in _SERVER_ANALYSIS.rows(
            cursor, server.dialect, {"server_id": server_id}
        )
    }
    wanted: dict[tuple[int | None, str], _Row] = {}
    for entry in analysis:
        answer_id = mapped.get(entry["answer_id"]) if entry["answer_id"] is not None else None
        if entry["answer_id"] is not None and answer_id is None:
            continue  # its answer is gone
        if entry["provenance"] != CORRECTED_BY_HR:
            wanted[answer_id, entry["kind"]] = entry
    stale = [
        row_id
        for key, (row_id, payload, provenance) in on_server.items()
        if provenance != CORRECTED_BY_HR
        and (key not in wanted or (wanted[key]["payload"], wanted[key]["provenance"])
             != (payload, provenance))
    ]  # fmt: skip
    for row_id in stale:
        _DELETE_ANALYSIS.run(cursor, server.dialect, {"row_id": row_id})
    rows = []
    for (answer_id, kind), entry in wanted.items():
        existing = on_server.get((answer_id, kind))
        if existing is not None and existing[0] not in stale:
            continue  # unchanged, or HR's correction
        payload = entry["payload"]
        if kind == _SUMMARY:  # bound to the interview, as `replace_summary` seals it
            payload = server.seal(_ANALYSIS.name, "payload", server_id, payload)
        rows.append(
            {
                "interview_id": server_id,
                "answer_id": answer_id,
                "kind": kind,
                "payload": payload,
                "provenance": entry["provenance"],
                "created_at": entry["created_at"],
            }
        )
    if rows:
        conn.execute(insert(_ANALYSIS), rows)


def _opened(server: Database, server_id: int, kind: str, payload: Any) -> Any:
    if kind == _SUMMARY:
        return server.unseal(_ANALYSIS.name, "payload", server_id, payload)
    return payload
