"""Stations of a central PostgreSQL store: `init --server` makes the first, `join --server`
adds others, and each one opens with an HR password alone, on a real server."""

from __future__ import annotations

import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PASSWORD
from postgres_server import PostgresDatabase, create_station
from test_aggregates import UNHAPPY, conduct
from test_cli import _run

from exitbot_desktop.engine.errors import (
    AlreadyInitialisedError,
    KeyFileMissingError,
    StoreError,
    WrongPasswordError,
)
from exitbot_desktop.engine.filters import Filters, Selection
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.settings import read_settings
from exitbot_desktop.engine.settings_change import change_settings
from exitbot_desktop.engine.store import server_station, vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF

BOB_PASSWORD = "purple elephant marmalade 42"


def _first_station(tmp_path: Path, server: PostgresDatabase) -> tuple[DataFolder, str]:
    folder = DataFolder(tmp_path / "station-a")
    store, recovery_key = create_station(folder, server, PASSWORD)
    store.close()
    return folder, recovery_key


def _joined_station(tmp_path: Path, server: PostgresDatabase) -> DataFolder:
    """A second station, joined with alice's password (closed again)."""
    second = DataFolder(tmp_path / "station-b")
    vault.join_server(second, server.url, server.password, user="alice", password=PASSWORD).close()
    return second


def test_a_joined_station_reads_what_the_first_one_wrote(
    tmp_path: Path, postgres_database: PostgresDatabase, question_set: QuestionSet
) -> None:
    first, _recovery = _first_station(tmp_path, postgres_database)
    with vault.unlock(first, user="alice", password=PASSWORD) as store:
        interview_id = conduct(store, question_set, UNHAPPY)
        receipt = store.interviews.load(interview_id).receipt_code
    second = DataFolder(tmp_path / "station-b")

    joined = vault.join_server(
        second, postgres_database.url, postgres_database.password, user="alice", password=PASSWORD
    )

    with joined:
        assert receipt is not None
        found = joined.interviews.find_by_receipt(receipt)
        assert found is not None
        assert UNHAPPY["main_reason_details"] in [a.text for a in found.answers]
        assert joined.audit.entries(limit=2)[0].action == "login"
    # The station keeps where the server is and the sealed password, never the password.
    for name in ("server.json", server_station.PASSWORD_FILE, "exitbot.keys.json"):
        path = second.root / name
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert postgres_database.password not in path.read_text(encoding="utf-8")
    assert not second.db_path.exists()  # the answers are on the server only
    # It opens again with an HR password alone.
    with vault.unlock(second, user="alice", password=PASSWORD) as again:
        assert again.interviews.find_by_receipt(receipt) is not None


def test_an_account_added_at_one_station_opens_the_others_after_their_next_unlock(
    tmp_path: Path, postgres_database: PostgresDatabase
) -> None:
    first, _recovery = _first_station(tmp_path, postgres_database)
    second = _joined_station(tmp_path, postgres_database)
    with vault.unlock(first, user="alice", password=PASSWORD) as store:
        store.add_account("bob", BOB_PASSWORD, kdf=FAST_KDF)

    vault.unlock(second, user="alice", password=PASSWORD).close()  # fetches the key file

    with vault.unlock(second, user="bob", password=BOB_PASSWORD) as store:
        assert store.actor == "bob"


def test_stations_unlocked_at_once_keep_each_others_account_changes(
    tmp_path: Path, postgres_database: PostgresDatabase
) -> None:
    """Each station sends its key file to the server after every audited action (the
    audit head is in it): a station that has not seen an account another one added must
    not send it away again."""
    first, _recovery = _first_station(tmp_path, postgres_database)
    second = _joined_station(tmp_path, postgres_database)
    here = vault.unlock(first, user="alice", password=PASSWORD)
    there = vault.unlock(second, user="alice", password=PASSWORD)
    with here:
        here.add_account("bob", BOB_PASSWORD, kdf=FAST_KDF)
    with there:
        there.add_account("carol", "cinnamon harbour lantern 7", kdf=FAST_KDF)
        there.audit.record("export", {"what": "figures"})  # sends its key file again

    with vault.unlock(first, user="bob", password=BOB_PASSWORD) as store:
        assert store.accounts() == ["alice", "bob", "carol"]
        assert store.audit.verify().ok
    with vault.unlock(second, user="carol", password="cinnamon harbour lantern 7") as store:
        assert store.accounts() == ["alice", "bob", "carol"]


def test_joining_with_a_wrong_hr_password_leaves_nothing_behind(
    tmp_path: Path, postgres_database: PostgresDatabase
) -> None:
    _first_station(tmp_path, postgres_database)
    second = DataFolder(tmp_path / "station-b")

    with pytest.raises(WrongPasswordError, match="The password for 'alice' is not right"):
        vault.join_server(
            second,
            postgres_database.url,
            postgres_database.password,
            user="alice",
            password="not the password at all",
        )

    assert not (second.root / "server.json").exists()
    assert not second.key_path.exists()
    assert not (second.root / server_station.PASSWORD_FILE).exists()


def test_joining_a_server_nobody_set_up_says_to_init_first(
    tmp_path: Path, postgres_database: PostgresDatabase
) -> None:
    with pytest.raises(KeyFileMissingError, match=r"holds no ExitBot store yet.*init --server"):
        vault.join_server(
            DataFolder(tmp_path / "station"),
            postgres_database.url,
            postgres_database.password,
            user="alice",
            password=PASSWORD,
        )


def test_init_refuses_a_server_that_already_has_a_store(
    tmp_path: Path, postgres_database: PostgresDatabase
) -> None:
    _first_station(tmp_path, postgres_database)

    with pytest.raises(AlreadyInitialisedError, match=r"already holds an ExitBot store.*join"):
        vault.create_on_server(
            DataFolder(tmp_path / "another"),
            postgres_database.url,
            postgres_database.password,
            organisation="Acme GmbH",
            user="mallory",
            password=BOB_PASSWORD,
            kdf=FAST_KDF,
        )


def test_it_sets_up_two_stations_from_the_command_line(
    tmp_path: Path, postgres_database: PostgresDatabase
) -> None:
    env = {
        "EXITBOT_HR_PASSWORD": PASSWORD,
        "EXITBOT_SERVER_PASSWORD": postgres_database.password,
    }
    url = postgres_database.url

    made = _run(
        tmp_path / "a", "init", "--server", url, "--user", "alice", "--org", "Acme", env=env
    )
    joined = _run(tmp_path / "b", "join", "--server", url, "--user", "alice", env=env)
    again = _run(tmp_path / "b", "join", "--server", url, "--user", "alice", env=env)
    with_password = _run(
        tmp_path / "c", "join", "--server", url.replace("@", ":secret@"), "--user", "alice", env=env
    )

    assert made.returncode == 0, made.stderr
    assert f"on the server {url}, with this computer as its first station" in made.stdout
    assert joined.returncode == 0, joined.stderr
    assert f"This computer is now a station of {url}" in joined.stdout
    assert again.returncode != 0 and "There is already ExitBot data in" in again.stderr
    assert with_password.returncode != 0
    assert "password" in with_password.stderr and "Traceback" not in with_password.stderr
    with vault.unlock(DataFolder(tmp_path / "b"), user="alice", password=PASSWORD) as store:
        assert store.organisation == "Acme"


def test_two_stations_writing_at_once_keep_one_unbroken_audit_chain(
    tmp_path: Path, postgres_database: PostgresDatabase, question_set: QuestionSet
) -> None:
    first, _recovery = _first_station(tmp_path, postgres_database)
    second = _joined_station(tmp_path, postgres_database)
    stations = [vault.unlock(folder, user="alice", password=PASSWORD) for folder in (first, second)]
    start = threading.Barrier(len(stations))

    def busy(store: vault.Store) -> None:
        start.wait()
        for number in range(25):
            store.audit.record("settings_changed", {"key": f"k{number}"})
        conduct(store, question_set, UNHAPPY)

    threads = [threading.Thread(target=busy, args=(store,)) for store in stations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    try:
        for store in stations:
            verdict = store.audit.verify()
            assert verdict.ok, verdict.sentence()
            assert verdict.entries >= 2 * 25
        receipts = [r.receipt_code for r in stations[0].reports.interviews(Selection(Filters()))]
        assert len(receipts) == len(set(receipts)) == 2
    finally:
        for store in stations:
            store.close()


def test_two_stations_first_using_one_question_set_at_once_share_its_stored_version(
    tmp_path: Path, postgres_database: PostgresDatabase, question_set: QuestionSet
) -> None:
    """Both look for the version, find none and store it: the later insert must read the
    row the other stored, not fail the interview start with a unique-key error."""
    first, _recovery = _first_station(tmp_path, postgres_database)
    second = _joined_station(tmp_path, postgres_database)
    stations = [vault.unlock(folder, user="alice", password=PASSWORD) for folder in (first, second)]
    versions = range(100, 140)
    start = threading.Barrier(len(stations))
    stored: list[list[int]] = [[], []]
    failures: list[BaseException] = []

    def snapshot_each(index: int) -> None:
        try:
            for version in versions:
                start.wait()
                content = {"id": "raced", "version": version, "questions": []}
                stored[index].append(stations[index].question_sets.snapshot(content))
        except BaseException as failure:  # reported by the assertion below
            failures.append(failure)
            start.abort()

    threads = [threading.Thread(target=snapshot_each, args=(i,)) for i in range(2)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        assert stored[0] == stored[1]
        assert len(set(stored[0])) == len(versions)
    finally:
        for store in stations:
            store.close()


def _behind_an_uncommitted_insert(
    server: PostgresDatabase, insert: str, write: Callable[[], object]
) -> object:
    """What `write` returns or raises when another station has inserted (`insert`) but
    not yet committed the row `write` is about to insert too: `write` runs in a thread,
    waits on that row, and goes on once the other station commits."""
    other = server.connect()
    other.autocommit = False
    other.execute(insert)
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(write())
        except BaseException as failure:  # the caller's assertions report it
            outcome.append(failure)

    writing = threading.Thread(target=run)
    try:
        writing.start()
        writing.join(timeout=2)  # it waits on the other station's row until that commits
        other.commit()
        writing.join()
    finally:
        other.close()
    return outcome[0]


def test_a_question_set_saved_at_two_stations_at_once_refuses_the_later_save_in_words(
    tmp_path: Path, postgres_database: PostgresDatabase
) -> None:
    """The other station's save is still uncommitted when this one looks for the next
    version, so both pick version 1; this one must be refused, not overwrite or crash."""
    first, _recovery = _first_station(tmp_path, postgres_database)
    with vault.unlock(first, user="alice", password=PASSWORD) as store:
        outcome = _behind_an_uncommitted_insert(
            postgres_database,
            "INSERT INTO question_sets (set_id, version, content, created_at)"
            " VALUES ('shared', 1, '{}', now())",
            lambda: store.question_sets.add_next_version({"id": "shared"}),
        )

    assert isinstance(outcome, StoreError), outcome
    assert "Someone else saved the question set 'shared' at the same moment" in str(outcome)


def test_a_setting_first_set_at_two_stations_at_once_keeps_the_later_value(
    tmp_path: Path, postgres_database: PostgresDatabase
) -> None:
    first, _recovery = _first_station(tmp_path, postgres_database)
    with vault.unlock(first, user="alice", password=PASSWORD) as store:
        outcome = _behind_an_uncommitted_insert(
            postgres_database,
            "INSERT INTO settings (key, value) VALUES ('organisation_name', '\"Other\"')",
            lambda: store.settings.set("organisation_name", "Acme"),
        )

        assert outcome is None
        assert store.settings.get("organisation_name") == "Acme"


def test_it_checks_a_station_backs_up_on_the_server_and_rotates_the_key_there(
    tmp_path: Path, postgres_database: PostgresDatabase
) -> None:
    first, _recovery = _first_station(tmp_path, postgres_database)
    env = {"EXITBOT_HR_PASSWORD": PASSWORD}

    check = _run(first.root, "check", env=env)
    backup = _run(first.root, "backup", "--out", str(tmp_path / "copies"), env=env)
    rotate = _run(first.root, "rotate-key", env=env)

    assert check.returncode == 0, check.stdout + check.stderr
    assert f"on the central server 127.0.0.1:{postgres_database.port}" in check.stdout
    assert "never backed up" not in check.stdout
    assert "answers on the central server, backed up there" in check.stdout
    assert backup.returncode == 1 and "IT backs up there (pg_dump" in backup.stderr
    assert not (tmp_path / "copies").exists()
    assert rotate.returncode == 0, rotate.stdout + rotate.stderr
    assert "The answers on the central server are now sealed under a new data key" in (
        rotate.stdout
    )


def test_the_ollama_server_set_at_one_station_is_the_organisations(
    tmp_path: Path, postgres_database: PostgresDatabase
) -> None:
    first, _recovery = _first_station(tmp_path, postgres_database)
    second = _joined_station(tmp_path, postgres_database)
    with vault.unlock(first, user="alice", password=PASSWORD) as store:
        change_settings(
            store,
            {"llm_backend": "ollama", "ollama_host": "http://ollama.example.internal:11434"},
        )

    with vault.unlock(second, user="alice", password=PASSWORD) as store:
        settings = read_settings(store)
    assert (settings.llm_backend, settings.ollama_host) == (
        "ollama",
        "http://ollama.example.internal:11434",
    )


def test_the_database_password_is_kept_out_of_the_url_and_wiped_at_lock(
    tmp_path: Path, postgres_database: PostgresDatabase
) -> None:
    first, _recovery = _first_station(tmp_path, postgres_database)
    store = vault.unlock(first, user="alice", password=PASSWORD)
    engine = store.database.engine
    with store.database.connection():  # it connects, with the password given apart
        pass
    assert engine.url.password is None
    assert postgres_database.password not in repr(engine.url) + str(engine.url)

    store.close()

    with pytest.raises(StoreError, match="locked"), engine.connect():
        pass
