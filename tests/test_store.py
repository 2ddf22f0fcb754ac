"""The encrypted store as an HR office relies on it: private at rest, opens only with a key."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from pathlib import Path

import pytest
from conftest import PASSWORD

from exitbot_desktop.engine.errors import StoreError, UnknownAccountError, WrongPasswordError
from exitbot_desktop.engine.health import run_checks
from exitbot_desktop.engine.interview import Answered, InterviewSession
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet, to_json
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF, PRODUCTION_KDF, KeyFile

SECRET_ANSWER = "My manager Zebulon Quartermaine shouted at me in the Tuesday stand-up"


def _answer_secret(store: vault.Store, question_set: QuestionSet) -> int:
    session = InterviewSession.start(
        store,
        question_set,
        language="en",
        meta=InterviewMeta(department="Sales", leaving_type="voluntary"),
    )
    session.consent()
    session.respond(Answered("manager"))
    session.respond(Answered(SECRET_ANSWER))
    return session.id


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_plain_sqlite_cannot_read_the_database(
    store: vault.Store, folder: DataFolder, question_set: QuestionSet
) -> None:
    _answer_secret(store, question_set)
    store.close()
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(folder.db_path).execute("SELECT * FROM sqlite_master").fetchall()
    assert not folder.db_path.read_bytes().startswith(b"SQLite format 3")


def test_files_on_disk_hold_no_answer_text_and_no_password(
    store: vault.Store, folder: DataFolder, question_set: QuestionSet
) -> None:
    _answer_secret(store, question_set)
    store.close()
    on_disk = b"".join(p.read_bytes() for p in folder.root.iterdir() if p.is_file())
    for needle in ("Zebulon", "Quartermaine", "stand-up", PASSWORD, "correct horse"):
        assert needle.encode() not in on_disk
        assert needle.encode("utf-16-le") not in on_disk


def test_the_write_ahead_log_of_an_open_database_holds_no_answer_text(
    store: vault.Store, folder: DataFolder, question_set: QuestionSet
) -> None:
    _answer_secret(store, question_set)
    wal = folder.db_path.with_name(folder.db_path.name + "-wal")
    assert wal.stat().st_size > 0  # the answer is committed into the log, not yet folded in
    on_disk = b"".join(p.read_bytes() for p in folder.root.iterdir() if p.is_file())
    for needle in ("Zebulon", "Quartermaine", "stand-up"):
        assert needle.encode() not in on_disk
        assert needle.encode("utf-16-le") not in on_disk


def test_closing_folds_the_log_into_the_database_file(
    store: vault.Store, folder: DataFolder, question_set: QuestionSet
) -> None:
    interview_id = _answer_secret(store, question_set)
    store.close()
    assert not folder.db_path.with_name(folder.db_path.name + "-wal").exists()
    alone = folder.root.parent / "copy"
    alone.mkdir()
    for name in (folder.db_path.name, folder.key_path.name):  # as a file backup would copy
        (alone / name).write_bytes((folder.root / name).read_bytes())
    with vault.unlock(DataFolder(alone), user="alice", password=PASSWORD) as copy:
        assert copy.interviews.load(interview_id).main_answers()["main_reason_details"].text


def test_reopening_with_the_right_password_reads_everything_back(
    store: vault.Store, folder: DataFolder, question_set: QuestionSet
) -> None:
    interview_id = _answer_secret(store, question_set)
    store.close()
    with vault.unlock(folder, user="alice", password=PASSWORD) as reopened:
        record = reopened.interviews.load(interview_id)
    answers = record.main_answers()
    assert answers["main_reason"].value == "manager"
    assert answers["main_reason_details"].text == SECRET_ANSWER
    assert record.meta.department == "Sales"
    assert reopened.organisation == "Acme GmbH"


def test_recovery_key_opens_the_database_even_typed_sloppily(
    created: tuple[vault.Store, str], folder: DataFolder, question_set: QuestionSet
) -> None:
    store, recovery_key = created
    interview_id = _answer_secret(store, question_set)
    store.close()
    typed = recovery_key.lower().replace("-", " ")
    with vault.unlock_with_recovery_key(folder, typed) as reopened:
        assert reopened.interviews.load(interview_id).status == "in_progress"


def test_wrong_recovery_key_is_refused(folder: DataFolder, store: vault.Store) -> None:
    store.close()
    with pytest.raises(WrongPasswordError, match="recovery key"):
        vault.unlock_with_recovery_key(folder, "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH")


@pytest.mark.parametrize(
    "change",
    ["new password", "recovery then new password"],
)
def test_changing_a_password_rewraps_without_reencrypting(
    created: tuple[vault.Store, str],
    folder: DataFolder,
    question_set: QuestionSet,
    change: str,
) -> None:
    store, recovery_key = created
    interview_id = _answer_secret(store, question_set)
    store.close()
    opener = (
        vault.unlock(folder, user="alice", password=PASSWORD)
        if change == "new password"
        else vault.unlock_with_recovery_key(folder, recovery_key)
    )
    with opener as reopened:
        reopened.set_password("alice", "a brand new passphrase", kdf=FAST_KDF)
    with pytest.raises(WrongPasswordError):
        vault.unlock(folder, user="alice", password=PASSWORD)
    with vault.unlock(folder, user="alice", password="a brand new passphrase") as reopened:
        assert reopened.interviews.load(interview_id).main_answers()


def test_password_change_keeps_the_same_data_key_and_file_salt(
    store: vault.Store, folder: DataFolder
) -> None:
    """Nothing is re-encrypted: the same data key opens the same file afterwards."""
    key_before = KeyFile.load(folder.key_path).unwrap("alice", PASSWORD)
    salt_before = folder.db_path.read_bytes()[:16]
    store.set_password("alice", "another long passphrase", kdf=FAST_KDF)
    key_after = KeyFile.load(folder.key_path).unwrap("alice", "another long passphrase")
    assert key_after == key_before
    assert folder.db_path.read_bytes()[:16] == salt_before


def test_several_hr_accounts_each_open_the_same_data(
    store: vault.Store, folder: DataFolder, question_set: QuestionSet
) -> None:
    interview_id = _answer_secret(store, question_set)
    store.add_account("bob", "bobs own passphrase", kdf=FAST_KDF)
    assert store.accounts() == ["alice", "bob"]
    store.close()
    with vault.unlock(folder, user="bob", password="bobs own passphrase") as as_bob:
        assert as_bob.interviews.load(interview_id).id == interview_id
    with pytest.raises(WrongPasswordError):
        vault.unlock(folder, user="bob", password=PASSWORD)  # alice's password is not bob's


def test_unknown_account_names_the_known_ones(store: vault.Store, folder: DataFolder) -> None:
    store.close()
    with pytest.raises(UnknownAccountError, match="alice"):
        vault.unlock(folder, user="mallory", password=PASSWORD)


@pytest.mark.parametrize("bad", ["short", "", "123456789"])
def test_short_passwords_are_refused_with_advice(store: vault.Store, bad: str) -> None:
    with pytest.raises(StoreError, match="at least 10 characters"):
        store.set_password("alice", bad)


def test_a_wrap_copied_to_another_account_does_not_open(
    store: vault.Store, folder: DataFolder
) -> None:
    store.add_account("bob", "bobs own passphrase", kdf=FAST_KDF)
    store.close()
    key_file = KeyFile.load(folder.key_path)
    key_file.wraps["bob"] = key_file.wraps["alice"]
    key_file.save()  # a well-formed file whose bob entry is alice's
    with pytest.raises(WrongPasswordError):
        vault.unlock(folder, user="bob", password=PASSWORD)


def test_production_key_derivation_is_argon2id_64_mib_three_passes(
    folder: DataFolder,
) -> None:
    assert PRODUCTION_KDF.memory_kib == 64 * 1024
    assert PRODUCTION_KDF.time_cost >= 3
    store, _ = vault.create(folder, organisation="", user="alice", password=PASSWORD)
    store.close()
    stored = json.loads(folder.key_path.read_text())["wraps"]
    assert stored["alice"]["kdf"] == PRODUCTION_KDF.to_json()
    assert stored["__recovery__"]["kdf"] == PRODUCTION_KDF.to_json()


def test_key_file_is_replaced_atomically_leaving_no_temp_files(
    store: vault.Store, folder: DataFolder
) -> None:
    for n in range(3):
        store.set_password("alice", f"passphrase number {n}", kdf=FAST_KDF)
    leftovers = [p.name for p in folder.root.iterdir() if p.name.startswith(".keys-")]
    assert leftovers == []
    assert KeyFile.load(folder.key_path).accounts == ["alice"]


def test_init_refuses_to_overwrite_an_existing_database(
    store: vault.Store, folder: DataFolder
) -> None:
    store.close()
    before = _digest(folder.db_path)
    with pytest.raises(StoreError, match="already an ExitBot database"):
        vault.create(folder, organisation="", user="eve", password=PASSWORD, kdf=FAST_KDF)
    assert _digest(folder.db_path) == before


@pytest.mark.every_store
def test_settings_round_trip(store: vault.Store) -> None:
    store.settings.set("min_group_size", 7)
    store.settings.set("care_contacts", {"eap": "0800 123 456"})
    assert store.settings.get("min_group_size") == 7
    assert store.settings.get("care_contacts") == {"eap": "0800 123 456"}
    assert store.settings.get("missing", "fallback") == "fallback"


@pytest.mark.every_store
def test_a_question_set_version_stored_by_a_transaction_that_failed_is_stored_again(
    store: vault.Store, question_set: QuestionSet
) -> None:
    """The store remembers which versions it holds (a station's delivery asks after every
    answer), but only once they are committed."""
    content = to_json(question_set)

    def start_and_fail() -> None:
        with store.database.transaction():
            store.question_sets.snapshot(content)
            raise RuntimeError("the interview could not start")

    with pytest.raises(RuntimeError):
        start_and_fail()

    pk = store.question_sets.snapshot(content)

    assert [s.version for s in store.question_sets.by_pk([pk])] == [question_set.version]
    assert store.question_sets.snapshot(content) == pk


def test_logins_account_changes_and_settings_are_audited(
    created: tuple[vault.Store, str], folder: DataFolder
) -> None:
    store, recovery_key = created
    store.add_account("bob", "bobs own passphrase", kdf=FAST_KDF)
    store.settings.set("min_group_size", 6)
    store.close()
    with vault.unlock(folder, user="bob", password="bobs own passphrase") as as_bob:
        as_bob.set_password("bob", "bobs newer passphrase", kdf=FAST_KDF)
    with vault.unlock_with_recovery_key(folder, recovery_key) as recovered:
        trail = [(e.actor, e.action, e.detail) for e in reversed(recovered.audit.entries())]
        assert recovered.audit.verify().ok
    assert trail == [
        ("alice", "database_created", {"organisation": "Acme GmbH"}),
        ("alice", "account_added", {"account": "bob"}),
        ("alice", "settings_changed", {"key": "min_group_size"}),
        ("bob", "login", {"method": "password"}),
        ("bob", "password_changed", {"account": "bob"}),
        ("recovery", "login", {"method": "recovery_key"}),
    ]


@pytest.mark.every_store
def test_writers_on_several_threads_wait_their_turn(
    store: vault.Store, question_set: QuestionSet
) -> None:
    """The GUI saves answers on one thread while analysis writes on another."""
    sessions = [
        InterviewSession.start(store, question_set, language="en", meta=InterviewMeta())
        for _ in range(4)
    ]
    errors: list[BaseException] = []

    def work(session: InterviewSession) -> None:
        try:
            session.consent()
            for _ in range(15):
                session.save_draft("typing " * 50)
                store.settings.get("min_group_size")
                store.settings.set(f"touched-{session.id}", True)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s,)) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_a_closed_store_refuses_every_use_and_forgets_its_key(
    store: vault.Store, folder: DataFolder
) -> None:
    """After Lock or idle disarm nothing may still read or write with the old key."""
    engine = store.database.engine
    hex_key = KeyFile.load(folder.key_path).unwrap("alice", PASSWORD).hex()
    store.close()
    with pytest.raises(StoreError, match="has been locked"):
        store.settings.get("min_group_size")
    with pytest.raises(StoreError, match="has been locked"), engine.connect():
        pass
    reachable = repr([c.cell_contents for c in engine.pool._creator.__closure__ or ()])  # type: ignore[attr-defined]
    assert hex_key not in reachable


def test_check_reports_the_write_ahead_log_of_a_database_in_use(
    store: vault.Store,
    folder: DataFolder,
    question_set: QuestionSet,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("EXITBOT_LLM", "rules")
    _answer_secret(store, question_set)

    checks = run_checks(folder, user="alice", password=PASSWORD).as_json()["checks"]

    assert checks["database"]["write_ahead_log_bytes"] > 0
    assert "recent changes in exitbot.db-wal" in checks["database"]["detail"]
    assert checks["unlock"]["status"] == "info"  # in use by this ExitBot: not opened again


def test_the_connection_runs_with_the_durability_the_readme_promises(
    store: vault.Store,
) -> None:
    """What a kill -9 cannot tell apart: WAL with synchronous=FULL (2), not NORMAL (1)
    or OFF (0), and SQLCipher's memory wiping off as decided in the README, read back
    from the open connection (every pooled connection comes from the same opener)."""
    with store.database.connection() as conn:
        found = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "cipher_memory_security")
        }
    assert found == {"journal_mode": "wal", "synchronous": 2, "cipher_memory_security": "0"}


def test_a_reading_block_neither_holds_a_writer_up_nor_sees_its_commit(
    store: vault.Store,
) -> None:
    """What lets a station's delivery read its queue while the employee answers."""
    with store.database.connection() as conn:
        conn.exec_driver_sql("CREATE TABLE reading_probe (x INTEGER)")
    written = threading.Event()

    def write() -> None:
        with store.database.connection() as conn:
            conn.exec_driver_sql("INSERT INTO reading_probe VALUES (1)")
        written.set()

    with store.database.reading() as conn:
        before = conn.exec_driver_sql("SELECT count(*) FROM reading_probe").scalar_one()
        writer = threading.Thread(target=write)
        writer.start()
        assert written.wait(timeout=2.0)  # with BEGIN IMMEDIATE it would wait for this block
        still = conn.exec_driver_sql("SELECT count(*) FROM reading_probe").scalar_one()
    writer.join()
    assert (before, still) == (0, 0)  # one moment's state throughout
