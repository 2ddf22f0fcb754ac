"""IT's terminal for accounts, keys, the audit log and erasure: `exitbot-desktop` run as a
real process against a database made by `init`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from test_cli import PASSWORD, _run

from exitbot_desktop.engine.interview import InterviewSession
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import load_builtin
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import KeyFile

BOB = "violet kettle under marble"
ALICE = {"EXITBOT_HR_PASSWORD": PASSWORD, "EXITBOT_HR_USER": "alice"}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "exitbot-data"


@pytest.fixture
def initialised(data: Path, tmp_path: Path) -> str:
    """`init` as the README tells IT; returns the recovery key."""
    key_file = tmp_path / "recovery.txt"
    result = _run(data, "init", "--user", "alice", "--recovery-key-file", str(key_file), env=ALICE)
    assert result.returncode == 0, result.stderr
    return key_file.read_text().strip()


def _add_bob(data: Path) -> None:
    result = _run(data, "add-hr-user", "bob", env={**ALICE, "EXITBOT_NEW_PASSWORD": BOB})
    assert result.returncode == 0, result.stderr


def test_weak_passwords_are_refused_with_a_reason(data: Path, initialised: str) -> None:
    for args in (["add-hr-user", "carol"], ["passwd"]):
        result = _run(data, *args, env={**ALICE, "EXITBOT_NEW_PASSWORD": "aaaaaaaaaa"})
        assert result.returncode == 1
        assert "too weak" in result.stderr and "Repeats" in result.stderr
        assert "unrelated words" in result.stderr
        assert "Traceback" not in result.stderr


def test_init_refuses_a_weak_first_password(tmp_path: Path) -> None:
    data = tmp_path / "new"
    result = _run(data, "init", "--user", "alice", env={"EXITBOT_HR_PASSWORD": "qwertzuiop"})
    assert result.returncode == 1
    assert "too weak" in result.stderr
    assert not (data / "exitbot.db").exists()


def test_remove_hr_user_never_removes_the_last_account(data: Path, initialised: str) -> None:
    last = _run(data, "remove-hr-user", "alice", env=ALICE)
    assert last.returncode == 1
    assert "only HR account" in last.stderr

    _add_bob(data)
    removed = _run(data, "remove-hr-user", "bob", env=ALICE)

    assert removed.returncode == 0, removed.stderr
    assert "rotate-key" in removed.stdout
    assert KeyFile.load(data / "exitbot.keys.json").accounts == ["alice"]


def test_new_recovery_key_is_written_once_and_the_old_one_stops(
    data: Path, initialised: str, tmp_path: Path
) -> None:
    key_file = tmp_path / "new-recovery.txt"

    result = _run(data, "new-recovery-key", "--recovery-key-file", str(key_file), env=ALICE)

    assert result.returncode == 0, result.stderr
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    new_key = key_file.read_text().strip()
    assert new_key != initialised
    again = _run(data, "new-recovery-key", "--recovery-key-file", str(key_file), env=ALICE)
    assert again.returncode == 2 and "never writes a key over another file" in again.stderr
    recover = {"EXITBOT_NEW_PASSWORD": "a fresh kettle passphrase"}
    old = _run(
        data, "unlock-with-recovery-key", env={**recover, "EXITBOT_RECOVERY_KEY": initialised}
    )
    assert old.returncode == 3 and "recovery key does not open" in old.stderr
    ok = _run(data, "unlock-with-recovery-key", env={**recover, "EXITBOT_RECOVERY_KEY": new_key})
    assert ok.returncode == 0, ok.stderr


def test_rotate_key_with_every_accounts_password(
    data: Path, initialised: str, tmp_path: Path
) -> None:
    _add_bob(data)
    old_key_file = (data / "exitbot.keys.json").read_bytes()
    bob_file = tmp_path / "bob.txt"
    bob_file.write_text(BOB + "\n")
    missing = _run(data, "rotate-key", env=ALICE)
    assert missing.returncode == 2 and "bob=FILE" in missing.stderr

    result = _run(
        data,
        "rotate-key",
        "--account-password-file",
        f"bob={bob_file}",
        "--recovery-key-file",
        str(tmp_path / "rotated-recovery.txt"),
        env=ALICE,
    )

    assert result.returncode == 0, result.stderr
    assert "new data key" in result.stdout
    for user, password in (("alice", PASSWORD), ("bob", BOB)):
        check = _run(data, "check", "--user", user, env={"EXITBOT_HR_PASSWORD": password})
        assert check.returncode == 0, check.stdout
    (data / "exitbot.keys.json").write_bytes(old_key_file)
    stale = _run(data, "audit", env=ALICE)
    assert stale.returncode == 5 and "does not belong to this key file" in stale.stderr


def _tamper(data: Path, sql: str) -> None:
    key = KeyFile.load(data / "exitbot.keys.json").unwrap("alice", PASSWORD)
    conn = sqlcipher.connect(str(data / "exitbot.db"))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute(sql)
    conn.commit()
    conn.close()


def test_audit_lists_and_verifies_and_names_where_it_breaks(data: Path, initialised: str) -> None:
    listing = _run(data, "audit", "--since", "2000-01-01", env=ALICE)
    assert listing.returncode == 0, listing.stderr
    assert "database_created" in listing.stdout and "login" in listing.stdout
    verified = _run(data, "audit", "--verify", env=ALICE)
    assert verified.returncode == 0 and "intact" in verified.stdout

    _tamper(data, 'UPDATE audit_log SET detail = \'{"organisation": "Evil"}\' WHERE id = 1')
    broken = _run(data, "audit", "--verify", env=ALICE)
    report = json.loads(_run(data, "check", "--json", env=ALICE).stdout)

    assert broken.returncode == 1
    assert "breaks at entry 1 of" in broken.stderr
    assert report["healthy"] is False
    assert report["checks"]["audit"]["status"] == "fail"
    assert report["checks"]["audit"]["breaks_at"] == 1


def test_audit_verify_finds_a_deleted_last_entry(data: Path, initialised: str) -> None:
    _run(data, "settings", "min_group_size", "7", env=ALICE)
    _tamper(data, "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")

    broken = _run(data, "audit", "--verify", env=ALICE)

    assert broken.returncode == 1
    assert "last entries were deleted" in broken.stderr


def test_erase_by_receipt(data: Path, initialised: str) -> None:
    with vault.unlock(DataFolder(data), user="alice", password=PASSWORD) as store:
        session = InterviewSession.start(store, load_builtin(), language="en", meta=InterviewMeta())
        receipt = store.interviews.complete(session.id)

    wrong = _run(data, "erase", "--receipt", "EX-NOPE2345", env=ALICE)
    erased = _run(data, "erase", "--receipt", f" {receipt.lower()} ", env=ALICE)
    listing = _run(data, "audit", env=ALICE)

    assert wrong.returncode == 1
    assert "No interview has the receipt code 'EX-NOPE2345'" in wrong.stderr
    assert erased.returncode == 0, erased.stderr
    assert receipt in erased.stdout
    assert "interview_erased" in listing.stdout and receipt in listing.stdout
    with vault.unlock(DataFolder(data), user="alice", password=PASSWORD) as store:
        assert store.interviews.find_by_receipt(receipt) is None
