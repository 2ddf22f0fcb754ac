"""A station of a central server takes each interview in its own encrypted queue first and
delivers it to the server: the interview goes on when the server is lost, and what was
answered arrives there once, in order, when it is back. On a real PostgreSQL server,
with the line between station and server cut by a relay (`tcp_cut.py`)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import PASSWORD
from postgres_server import PostgresDatabase, create_station
from tcp_cut import relay_to
from test_aggregates import HAPPY, UNHAPPY, conduct
from test_cli import _run

from exitbot_desktop.engine.analysis import pipeline
from exitbot_desktop.engine.errors import ServerConnectionError
from exitbot_desktop.engine.interview import Answered, InterviewSession, Skipped
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.records import CORRECTED_BY_HR, AnalysisEntry
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.vault import Store

NAMED = InterviewMeta(department="Sales", employee_name="Jo Example", anonymous=False)


def _station(tmp_path: Path, server: PostgresDatabase, port: int | None = None) -> Store:
    return create_station(DataFolder(tmp_path / "station"), server, PASSWORD, port=port)[0]


def _server_answers(server: PostgresDatabase) -> list[tuple[int, str, bool, str]]:
    """(interview, question, follow-up?, status) of every answer row on the server, in
    the order the rows were made."""
    with server.connect() as conn:
        return [
            (int(i), str(q), bool(f), str(s))  # type: ignore[call-overload]
            for i, q, f, s in conn.execute(
                "SELECT interview_id, question_id, is_followup, status FROM answers ORDER BY id"
            )
        ]


def _start(store: Store, question_set: QuestionSet) -> InterviewSession:
    session = InterviewSession.start(
        store.interview_store,
        question_set,
        language="en",
        meta=NAMED,
    )
    session.consent()
    return session


def test_an_interview_at_a_station_is_queued_and_delivered_with_its_words_sealed(
    tmp_path: Path, postgres_database: PostgresDatabase, question_set: QuestionSet
) -> None:
    with _station(tmp_path, postgres_database) as store:
        assert store.queue is not None
        local_id = conduct(store.interview_store, question_set, UNHAPPY, meta=NAMED)  # type: ignore[arg-type]
        assert _server_answers(postgres_database) == []
        assert store.queue.waiting() == 1

        assert store.deliver() == 1

        assert store.queue.waiting() == 0
        receipt = store.queue.interviews.load(local_id).receipt_code
        on_server = store.interviews.find_by_receipt(receipt or "")
        assert on_server is not None and on_server.status == "completed"
        assert on_server.meta.employee_name == "Jo Example"
        assert (
            on_server.main_answers()["main_reason_details"].text == UNHAPPY["main_reason_details"]
        )
        assert {e.kind for e in store.analysis.for_interview(on_server.id)} >= {
            "sentiment",
            "themes",
            "summary",
        }
        with postgres_database.connect() as conn:
            dump = str(conn.execute("SELECT * FROM answers").fetchall())
            dump += str(conn.execute("SELECT * FROM interviews").fetchall())
        assert "miserable" not in dump and "Jo Example" not in dump and "Sales" in dump


def test_a_station_that_loses_its_server_keeps_the_interview_going_and_delivers_it_once(
    tmp_path: Path,
    postgres_database: PostgresDatabase,
    question_set: QuestionSet,
) -> None:
    with (
        relay_to(postgres_database.port) as line,
        _station(tmp_path, postgres_database, line.port) as store,
    ):
        session = _start(store, question_set)
        session.respond(Answered("manager"))
        assert store.deliver() == 1  # the first answer reaches the server at once
        before = _server_answers(postgres_database)
        assert [q for _i, q, _f, _s in before] == ["main_reason"]

        line.cut()
        given = ["main_reason"]
        for _ in range(4):
            question = session.current().question
            assert question is not None
            value = UNHAPPY.get(question.id)
            response = Skipped() if value is None else Answered(value)
            outcome = session.respond(response)  # no error for the employee
            given.append(question.id)
            if outcome.step.question == question:
                session.go_on()
            with pytest.raises(ServerConnectionError):
                store.deliver()  # the station notices; the answers wait in its queue
        assert _server_answers(postgres_database) == before
        assert store.queue is not None and store.queue.waiting() == 1

        line.restore()
        assert store.deliver() == 1
        assert store.deliver() == 0  # nothing left: delivered once

        delivered = _server_answers(postgres_database)
        assert [q for _i, q, followup, _s in delivered if not followup] == given
        assert len({i for i, *_ in delivered}) == 1
        assert delivered[0] == before[0]  # the first answer's row kept, not made again


def test_delivering_the_same_interview_again_changes_nothing_on_the_server(
    tmp_path: Path, postgres_database: PostgresDatabase, question_set: QuestionSet
) -> None:
    """As after a crash between the server's commit and the queue's."""
    with _station(tmp_path, postgres_database) as store:
        assert store.queue is not None
        conduct(store.interview_store, question_set, HAPPY)  # type: ignore[arg-type]
        store.deliver()
        with postgres_database.connect() as conn:
            before = conn.execute(
                "SELECT id, question_id, text FROM answers ORDER BY id"
            ).fetchall()
            results = conn.execute("SELECT id, kind, payload FROM analysis ORDER BY id").fetchall()
        with store.queue.database.connection() as conn:  # the outbox as if never cleared
            conn.exec_driver_sql("INSERT INTO outbox (interview_id) SELECT id FROM interviews")

        assert store.deliver() == 1

        with postgres_database.connect() as conn:
            after = conn.execute("SELECT id, question_id, text FROM answers ORDER BY id").fetchall()
            interviews = conn.execute("SELECT count(*) FROM interviews").fetchone()
            kept = conn.execute("SELECT id, kind, payload FROM analysis ORDER BY id").fetchall()
        assert after == before and interviews == (1,)
        assert kept == results and len(results) >= 7  # not even rewritten


def test_what_hr_decided_on_the_server_is_not_overwritten_by_a_later_delivery(
    tmp_path: Path, postgres_database: PostgresDatabase, question_set: QuestionSet
) -> None:
    with _station(tmp_path, postgres_database) as store:
        assert store.queue is not None
        local_id = conduct(store.interview_store, question_set, UNHAPPY)  # type: ignore[arg-type]
        store.deliver()
        receipt = store.queue.interviews.load(local_id).receipt_code or ""
        on_server = store.interviews.find_by_receipt(receipt)
        assert on_server is not None
        answer = on_server.main_answers()["main_reason_details"]
        store.analysis.correct(
            on_server.id, answer.id, [AnalysisEntry(answer.id, "sentiment", "positive", "")]
        )

        store.queue.interviews.set_feedback(local_id, 4)  # the employee rates afterwards
        pipeline.analyse_interview(store.interview_store, local_id)
        assert store.deliver() == 1

        entries = store.analysis.for_interview(on_server.id)
        corrected = [e for e in entries if e.answer_id == answer.id and e.kind == "sentiment"]
        assert [(e.payload, e.provenance) for e in corrected] == [("positive", CORRECTED_BY_HR)]
        with postgres_database.connect() as conn:
            rating = conn.execute("SELECT feedback_rating FROM interviews").fetchone()
        assert rating == (4,)


def test_an_interview_hr_discarded_on_the_server_stays_discarded(
    tmp_path: Path, postgres_database: PostgresDatabase, question_set: QuestionSet
) -> None:
    with _station(tmp_path, postgres_database) as store:
        session = _start(store, question_set)
        session.respond(Answered("manager"))
        store.deliver()
        (server_id,) = [i for i, *_ in _server_answers(postgres_database)]
        InterviewSession.resume(store, server_id).discard()

        session.respond(Answered("The workload never let up."))
        store.deliver()

        assert store.interviews.load(server_id).status == "discarded"
        assert _server_answers(postgres_database) == []


def test_the_queue_is_encrypted_and_forgets_delivered_interviews_after_an_hour(
    tmp_path: Path, postgres_database: PostgresDatabase, question_set: QuestionSet
) -> None:
    with _station(tmp_path, postgres_database) as store:
        assert store.queue is not None
        local_id = conduct(store.interview_store, question_set, UNHAPPY)  # type: ignore[arg-type]
        store.deliver()
        assert store.queue.interviews.load(local_id).status == "completed"  # kept for now

        with store.queue.database.connection() as conn:
            conn.exec_driver_sql("UPDATE interviews SET updated_at = '2020-01-01 00:00:00'")
        store.deliver()  # delivers that change, then forgets the interview

        assert store.queue.waiting() == 0
        assert store.queue.interviews.unfinished() == []
        with store.queue.database.connection() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM interviews").scalar_one() == 0
        queue_file = store.folder.queue_path
    assert oct(queue_file.stat().st_mode & 0o777) == "0o600"
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(queue_file).execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_an_interview_rated_while_the_queue_looks_for_what_to_forget_is_kept(
    tmp_path: Path,
    postgres_database: PostgresDatabase,
    question_set: QuestionSet,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The queue looks for what to forget without the write lock; a rating given between
    that look and the erasing keeps the interview, and the rating reaches the server."""
    with _station(tmp_path, postgres_database) as store:
        assert store.queue is not None
        queue = store.queue
        local_id = conduct(store.interview_store, question_set, UNHAPPY)  # type: ignore[arg-type]
        assert store.deliver() == 1
        with queue.database.connection() as conn:  # as if delivered an hour ago
            conn.exec_driver_sql("UPDATE interviews SET updated_at = '2020-01-01 00:00:00'")
            conn.exec_driver_sql("DELETE FROM outbox")
        looking = queue.database.reading

        @contextlib.contextmanager
        def rated_meanwhile() -> Iterator[Any]:
            with looking() as conn:
                yield conn
            queue.interviews.set_feedback(local_id, 4)

        monkeypatch.setattr(queue.database, "reading", rated_meanwhile)
        assert queue.prune() == 0
        monkeypatch.undo()

        assert queue.interviews.load(local_id).status == "completed"  # still queued
        assert store.deliver() == 1
    with postgres_database.connect() as conn:
        assert conn.execute("SELECT feedback_rating FROM interviews").fetchall() == [(4,)]


def test_check_says_how_many_interviews_wait_at_the_station_for_the_server(
    tmp_path: Path, postgres_database: PostgresDatabase, question_set: QuestionSet
) -> None:
    with _station(tmp_path, postgres_database) as store:
        conduct(store.interview_store, question_set, HAPPY)  # type: ignore[arg-type]
        folder = store.folder
    env = {"EXITBOT_HR_PASSWORD": PASSWORD}

    waiting = _run(folder.root, "check", env=env)
    with vault.unlock(folder, user="alice", password=PASSWORD) as store:
        store.deliver()
    delivered = _run(folder.root, "check", env=env)

    assert "1 interview(s) taken here wait for the server" in waiting.stdout
    assert "every interview taken here is on the server" in delivered.stdout
    assert delivered.returncode == 0, delivered.stdout + delivered.stderr


def test_a_receipt_code_another_station_handed_out_never_leads_to_this_interview(
    tmp_path: Path, postgres_database: PostgresDatabase, question_set: QuestionSet
) -> None:
    with _station(tmp_path, postgres_database) as store:
        assert store.queue is not None
        theirs = store.interviews.load(conduct(store, question_set, HAPPY))  # on the server
        local_id = conduct(store.interview_store, question_set, UNHAPPY)  # type: ignore[arg-type]
        with store.queue.database.connection() as conn:  # the same code, by chance
            conn.exec_driver_sql(
                "UPDATE interviews SET receipt_code = ? WHERE id = ?",
                (theirs.receipt_code, local_id),
            )

        store.deliver()

        found = store.interviews.find_by_receipt(theirs.receipt_code or "")
        assert found is not None and found.id == theirs.id
        with postgres_database.connect() as conn:
            codes = conn.execute("SELECT receipt_code FROM interviews ORDER BY id").fetchall()
        assert codes == [(theirs.receipt_code,), (None,)]
        assert store.audit.entries(limit=1)[0].action == "receipt_code_clash"

        store.queue.interviews.set_feedback(local_id, 5)  # the thanks page's rating
        assert store.deliver() == 1

        clashes = [e for e in store.audit.entries(limit=50) if e.action == "receipt_code_clash"]
        assert len(clashes) == 1  # recorded once, not at every later delivery
    with postgres_database.connect() as conn:
        assert conn.execute(
            "SELECT receipt_code, feedback_rating FROM interviews ORDER BY id"
        ).fetchall() == [(theirs.receipt_code, None), (None, 5)]


def test_a_queue_from_an_older_exitbot_is_upgraded_where_it_is(
    tmp_path: Path, postgres_database: PostgresDatabase
) -> None:
    """A station has no exitbot.db to copy first, and its queue's interviews are on their
    way to the server anyway."""
    with _station(tmp_path, postgres_database) as store:
        folder = store.folder
        assert store.queue is not None
        with store.queue.database.connection() as conn:  # as schema 5 left it
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0005'")
            conn.exec_driver_sql("PRAGMA user_version = 5")

    with vault.unlock(folder, user="alice", password=PASSWORD) as store:
        assert store.queue is not None
        with store.queue.database.connection() as conn:
            version = conn.exec_driver_sql("PRAGMA user_version").scalar_one()
    assert version == vault.SCHEMA_VERSION
    assert not (folder.root / "backups").exists()
