"""Rotating the data key at a station of a central server: every sealed value, the audit
chain and the key file change in one server transaction; the old key file then opens
nothing, every station reads on with the new key, and a station still unlocked under the
old key is refused before it could write what nobody could read. On a real server."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import PASSWORD
from postgres_server import PostgresDatabase, create_station
from tcp_cut import relay_to
from test_aggregates import HAPPY, UNHAPPY, conduct

from exitbot_desktop.engine.errors import (
    DataKeyChangedError,
    SealedValueError,
    ServerConnectionError,
    WrongPasswordError,
)
from exitbot_desktop.engine.interview import Answered, InterviewSession
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.records import HrReview
from exitbot_desktop.engine.store import server_rotation, vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF, RECOVERY_ACCOUNT, KeyFile
from exitbot_desktop.engine.store.rotation import rotate_data_key
from exitbot_desktop.engine.store.sealing import ColumnSealer

_SEALED_TEXTS = "SELECT text FROM answers WHERE text IS NOT NULL ORDER BY id"
NAMED = InterviewMeta(department="Sales", employee_name="Jo Example", anonymous=False)


def _stations(tmp_path: Path, server: PostgresDatabase) -> tuple[DataFolder, DataFolder, str]:
    """Two stations and the recovery key; one interview taken on the server directly, one
    through the first station's queue."""
    first, second = DataFolder(tmp_path / "a"), DataFolder(tmp_path / "b")
    store, recovery_key = create_station(first, server, PASSWORD)
    with store:
        conduct(store, question_set_of(store), UNHAPPY, meta=NAMED)
        conduct(store.interview_store, question_set_of(store), HAPPY)  # type: ignore[arg-type]
        store.deliver()
    vault.join_server(second, server.url, server.password, user="alice", password=PASSWORD).close()
    return first, second, recovery_key


def question_set_of(_store: vault.Store) -> QuestionSet:
    from exitbot_desktop.engine.questions import load_builtin

    return load_builtin()


def _read_everything(store: vault.Store) -> list[tuple[str | None, list[str | None]]]:
    """Every interview's name and words, opened with the store's key."""
    found = []
    for row in store.reports.interviews(_everything()):
        record = store.interviews.load(row.id)
        found.append((record.meta.employee_name, [a.text for a in record.answers]))
    return sorted(found, key=str)


def _everything():  # type: ignore[no-untyped-def]
    from exitbot_desktop.engine.filters import Filters, Selection

    return Selection(Filters())


def test_rotating_at_a_station_reseals_the_server_and_the_old_key_file_opens_nothing(
    tmp_path: Path, postgres_database: PostgresDatabase
) -> None:
    first, second, old_recovery = _stations(tmp_path, postgres_database)
    old_key_file = tmp_path / "old.keys.json"
    shutil.copy(first.key_path, old_key_file)
    with vault.unlock(first, user="alice", password=PASSWORD) as store:
        before = _read_everything(store)
        with postgres_database.connect() as conn:
            sealed_before = conn.execute(
                "SELECT text FROM answers WHERE text IS NOT NULL"
            ).fetchall()

        rotation = rotate_data_key(store, {"alice": PASSWORD}, FAST_KDF)

        assert rotation.backup is None
        assert _read_everything(store) == before  # the open store reads on with the new key
        assert store.audit.verify().ok
        store.interviews.review(  # and seals what it writes with it
            store.reports.interviews(_everything())[0].id,
            HrReview(None, True, "after the change"),
            seen=HrReview(None, None, None),
        )

    with postgres_database.connect() as conn:
        sealed_after = conn.execute(_SEALED_TEXTS).fetchall()
    assert len(sealed_after) == len(sealed_before) and not set(sealed_after) & set(sealed_before)
    old_key = KeyFile.load(old_key_file).unwrap("alice", PASSWORD)
    with pytest.raises(SealedValueError):
        ColumnSealer(old_key).unseal("answers", "text", 1, sealed_after[0][0])
    with pytest.raises(WrongPasswordError):  # nor the old recovery key: it was replaced
        vault.unlock_with_recovery_key(first, old_recovery)

    with vault.unlock(first, user="alice", password=PASSWORD) as store:  # the station again
        assert _read_everything(store) == before
    with vault.unlock(second, user="alice", password=PASSWORD) as store:  # the other one
        assert _read_everything(store) == before
        assert store.audit.verify().ok
    with vault.unlock_with_recovery_key(second, rotation.recovery_key) as store:
        assert _read_everything(store) == before


def test_a_station_unlocked_under_the_old_key_is_refused_before_it_writes_and_catches_up(
    tmp_path: Path, postgres_database: PostgresDatabase, question_set: QuestionSet
) -> None:
    first, second, _recovery = _stations(tmp_path, postgres_database)
    other = vault.unlock(second, user="alice", password=PASSWORD)
    session = InterviewSession.start(other.interview_store, question_set, language="en", meta=NAMED)
    session.consent()
    session.respond(Answered("manager"))
    other.deliver()
    interview_id = other.reports.interviews(_everything())[0].id

    with vault.unlock(first, user="alice", password=PASSWORD) as store:
        before = _read_everything(store)
        rotate_data_key(store, {"alice": PASSWORD}, FAST_KDF)

    session.respond(Answered("The workload never let up."))  # the employee goes on
    with pytest.raises(DataKeyChangedError, match="unlock it again"):
        other.deliver()
    with pytest.raises(DataKeyChangedError):
        other.interviews.review(
            interview_id, HrReview(None, True, "old key"), seen=HrReview(None, None, None)
        )
    with pytest.raises(DataKeyChangedError):  # its hash would be keyed by the old key
        other.audit.record("export", {"what": "figures"})
    with pytest.raises(DataKeyChangedError):  # a wrap of the old key must not replace
        other.change_own_password(PASSWORD, "seven lanterns over the harbour", FAST_KDF)
    other.close()

    with vault.unlock(second, user="alice", password=PASSWORD) as store:
        assert store.deliver() == 1  # its queue, re-keyed, delivered under the new key
        after = _read_everything(store)
        assert store.audit.verify().ok
    assert len(after) == len(before)
    assert ("Jo Example", ["manager", "The workload never let up."]) in after


def test_a_rotation_cut_short_after_the_server_changed_is_finished_at_the_next_unlock(
    tmp_path: Path, postgres_database: PostgresDatabase
) -> None:
    first, _second, _recovery = _stations(tmp_path, postgres_database)
    with vault.unlock(first, user="alice", password=PASSWORD) as store:
        before = _read_everything(store)
        new_key = b"\x07" * 32
        pending = KeyFile(
            path=first.key_path, file_id=store.key_file.file_id, organisation="Acme GmbH"
        )
        pending.wrap("alice", PASSWORD, new_key, FAST_KDF)
        pending.wrap(RECOVERY_ACCOUNT, "recovery key", new_key, FAST_KDF)
        server_rotation.reseal(store, new_key, pending)  # killed here: no local step ran

    with vault.unlock(first, user="alice", password=PASSWORD) as store:
        assert _read_everything(store) == before
        assert store.database.data_key() == new_key


def test_rotating_with_interviews_still_on_their_way_changes_nothing(
    tmp_path: Path, postgres_database: PostgresDatabase, question_set: QuestionSet
) -> None:
    folder = DataFolder(tmp_path / "a")
    with relay_to(postgres_database.port) as line:
        store, _recovery = create_station(folder, postgres_database, PASSWORD, port=line.port)
        with store:
            key_file_before = folder.key_path.read_bytes()
            line.cut()
            conduct(store.interview_store, question_set, UNHAPPY)  # type: ignore[arg-type]

            with pytest.raises(ServerConnectionError):
                rotate_data_key(store, {"alice": PASSWORD}, FAST_KDF)
            assert folder.key_path.read_bytes() == key_file_before

            line.restore()
            rotate_data_key(store, {"alice": PASSWORD}, FAST_KDF)  # delivers first
            assert store.queue is not None and store.queue.waiting() == 0
            assert len(_read_everything(store)) == 1
