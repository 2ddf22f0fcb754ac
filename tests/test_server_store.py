"""The store's transaction layer on a real PostgreSQL server: driver statements (insert
returning, upsert, select), blocks that commit or roll back whole, nested blocks joining
the outer one, before/after-commit work as on SQLite, and the server's failures as
sentences (a connection lost mid-transaction, two writers deadlocked) while a unique
violation stays a bug."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
from postgres_server import PostgresDatabase, PostgresServer
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from exitbot_desktop.engine.errors import DatabaseLockedError, ServerConnectionError
from exitbot_desktop.engine.store import db, server_connection
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.driver import DriverStatement
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.models import (
    MAIN_ANSWER,
    Answer,
    Interview,
    QuestionSetRow,
    utcnow,
)

_ANSWERS = Answer.__table__
_upsert = db.upsert(_ANSWERS)  # type: ignore[arg-type]
_INSERT = DriverStatement(insert(_ANSWERS).returning(*_ANSWERS.c))
_UPSERT = DriverStatement(
    _upsert.on_conflict_do_update(
        index_elements=[_ANSWERS.c.interview_id, _ANSWERS.c.question_id],
        index_where=MAIN_ANSWER,
        set_={
            "text": _upsert.excluded.text,
            "value": _upsert.excluded.value,
            "seconds_spent": _ANSWERS.c.seconds_spent + _upsert.excluded.seconds_spent,
        },
    ).returning(*_ANSWERS.c)
)
_TEXTS = DriverStatement(
    select(_ANSWERS.c.question_id, _ANSWERS.c.text)
    .where(_ANSWERS.c.interview_id == bindparam("interview_id"))
    .order_by(_ANSWERS.c.id)
)
_TOUCH = DriverStatement(
    update(Interview.__table__)
    .where(Interview.__table__.c.id == bindparam("interview_id"))
    .values(updated_at=bindparam("now"))
)


@pytest.fixture
def database(postgres_database: PostgresDatabase, tmp_path: Path) -> Iterator[Database]:
    """A `Database` over the server, with the schema and one interview (id 1)."""
    settings = server_connection.from_url(postgres_database.url)
    engine = server_connection.open_server_engine(settings, postgres_database.password)
    db.create_schema(engine)
    database = Database(DataFolder(tmp_path).server_path, engine, bytearray(32))
    with database.transaction() as session:
        questions = QuestionSetRow(set_id="default", version=1, content={"questions": []})
        session.add(questions)
        session.flush()
        session.add(
            Interview(
                question_set_pk=questions.id, language="en", in_review=False, needs_care=False
            )
        )
    yield database
    database.close()


def _answer(question_id: str, text: str, **more: Any) -> dict[str, Any]:
    now = utcnow()
    return {
        "interview_id": 1,
        "question_id": question_id,
        "status": "answered",
        "value": {"words": text},
        "text": text,
        "is_followup": False,
        "seconds_spent": 2.5,
        "created_at": now,
        "updated_at": now,
        **more,
    }


def _texts(database: Database) -> list[tuple[str, str]]:
    with database.driver_cursor() as cursor:
        return [tuple(row) for row in _TEXTS.rows(cursor, database.dialect, {"interview_id": 1})]


def test_driver_statements_insert_upsert_and_select_on_the_server(database: Database) -> None:
    dialect = database.dialect
    with database.driver_cursor() as cursor:
        row = _INSERT.run(cursor, dialect, _answer("why", "The commute."))
    assert isinstance(row, dict)
    assert (row["question_id"], row["value"], row["is_followup"]) == (
        "why",
        {"words": "The commute."},
        False,
    )
    assert isinstance(row["created_at"], datetime)
    with database.driver_cursor() as cursor:
        first = _UPSERT.run(cursor, dialect, _answer("rating", "4"))
        again = _UPSERT.run(cursor, dialect, _answer("rating", "5"))
        followup = _INSERT.run(cursor, dialect, _answer("why", "More.", is_followup=True))
    assert isinstance(first, dict) and isinstance(again, dict) and isinstance(followup, dict)
    assert again["id"] == first["id"]  # the main answer was updated, not doubled
    assert (again["text"], again["seconds_spent"]) == ("5", 5.0)
    assert _texts(database) == [("why", "The commute."), ("rating", "5"), ("why", "More.")]


def _insert_then_fail(database: Database) -> None:
    with database.driver_cursor() as cursor:
        _INSERT.run(cursor, database.dialect, _answer("why", "Never saved."))
        raise RuntimeError("the employee's PC lost power")


def _add_then_fail(database: Database) -> None:
    with database.transaction() as session:
        session.add(Answer(**_answer("other", "Never saved either.")))
        session.flush()
        raise RuntimeError("and again")


def test_a_failed_block_rolls_back_everything_it_wrote(database: Database) -> None:
    with pytest.raises(RuntimeError, match="lost power"):
        _insert_then_fail(database)
    with pytest.raises(RuntimeError, match="again"):
        _add_then_fail(database)
    assert _texts(database) == []


def _inner_then_outer_fails(database: Database) -> None:
    with database.transaction() as session:
        with database.driver_cursor() as cursor:
            _INSERT.run(cursor, database.dialect, _answer("why", "Inner."))
        session.add(Answer(**_answer("other", "Outer.")))
        raise RuntimeError("the outer block fails after the inner one ended")


def test_nested_blocks_join_the_outer_transaction(database: Database) -> None:
    with pytest.raises(RuntimeError, match="outer block fails"):
        _inner_then_outer_fails(database)
    assert _texts(database) == []
    with database.transaction(), database.driver_cursor() as cursor:
        _INSERT.run(cursor, database.dialect, _answer("why", "Inner."))
    assert _texts(database) == [("why", "Inner.")]


def test_before_commit_runs_once_inside_the_transaction_and_after_commit_after_it(
    database: Database,
) -> None:
    seen: list[object] = []

    def before(cursor: Any, ids: set[int]) -> None:
        seen.append(sorted(ids))
        _TOUCH.run(cursor, database.dialect, {"interview_id": 1, "now": utcnow()})

    def register_then_fail() -> None:
        with database.driver_cursor():
            database.before_commit("touch", before).add(1)
            database.after_commit("done", lambda: seen.append("committed"))
            raise RuntimeError("failed")

    with database.driver_cursor() as cursor:
        database.before_commit("touch", before).add(1)
        database.before_commit("touch", before).add(2)
        database.after_commit("done", lambda: seen.append("committed"))
        _INSERT.run(cursor, database.dialect, _answer("why", "Saved."))
        assert seen == []
    assert seen == [[1, 2], "committed"]

    seen.clear()
    with pytest.raises(RuntimeError, match="failed"):
        register_then_fail()
    assert seen == []


def _lose_connection_mid_transaction(database: Database, server: PostgresServer) -> None:
    with database.driver_cursor() as cursor:
        _INSERT.run(cursor, database.dialect, _answer("why", "Lost with the connection."))
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
        with server.admin() as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        _INSERT.run(cursor, database.dialect, _answer("other", "Never reaches the server."))


def test_a_connection_lost_mid_transaction_is_a_sentence_and_the_next_one_works(
    database: Database, postgres_database: PostgresDatabase
) -> None:
    with pytest.raises(ServerConnectionError) as lost:
        _lose_connection_mid_transaction(database, postgres_database.server)
    assert "connection to the database server" in lost.value.user_message
    assert "was lost" in lost.value.user_message
    with database.driver_cursor() as cursor:
        _INSERT.run(cursor, database.dialect, _answer("why", "Saved after the server returned."))
    assert _texts(database) == [("why", "Saved after the server returned.")]


def test_two_writers_deadlocked_get_a_sentence_and_the_other_commits(database: Database) -> None:
    with database.driver_cursor() as cursor:
        for question in ("a", "b"):
            _INSERT.run(cursor, database.dialect, _answer(question, "first"))
    both_hold_one = threading.Barrier(2, timeout=10)
    failures: list[BaseException] = []

    def writer(first: str, second: str) -> None:
        try:
            with database.driver_cursor() as cursor:
                _UPSERT.run(cursor, database.dialect, _answer(first, "mine"))
                both_hold_one.wait()
                _UPSERT.run(cursor, database.dialect, _answer(second, "mine"))
        except DatabaseLockedError as exc:
            failures.append(exc)

    threads = [threading.Thread(target=writer, args=pair) for pair in (("a", "b"), ("b", "a"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(failures) == 1
    assert "Another station changed the same data" in failures[0].user_message
    assert _texts(database) == [("a", "mine"), ("b", "mine")]


def _insert_twice(database: Database) -> None:
    with database.driver_cursor() as cursor:
        _INSERT.run(cursor, database.dialect, _answer("why", "Twice."))


def _add_twice(database: Database) -> None:
    with database.transaction() as session:
        session.add(Answer(**_answer("why", "Twice, through SQLAlchemy.")))


def test_a_unique_violation_is_a_bug_not_a_sentence(database: Database) -> None:
    with database.driver_cursor() as cursor:
        _INSERT.run(cursor, database.dialect, _answer("why", "Once."))
    with pytest.raises(psycopg.errors.UniqueViolation):
        _insert_twice(database)
    with pytest.raises(IntegrityError):
        _add_twice(database)
    assert _texts(database) == [("why", "Once.")]


def test_the_server_has_no_file_pages_to_check(database: Database) -> None:
    assert database.integrity_problems() == []


def _save_one(database: Database) -> None:
    with database.driver_cursor() as cursor:
        _INSERT.run(cursor, database.dialect, _answer("why", "After the password changed."))


def test_a_role_whose_password_changed_since_unlocking_gets_the_password_sentence(
    database: Database, postgres_database: PostgresDatabase
) -> None:
    with postgres_database.server.admin() as admin:
        admin.execute(f"ALTER ROLE {postgres_database.user} PASSWORD 'changed by IT'")
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
            [postgres_database.user],
        )
    with pytest.raises(ServerConnectionError, match=r"refused the role .* with this password"):
        _save_one(database)
