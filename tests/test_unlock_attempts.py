"""Wrong HR passwords: after five in a row an account waits, across restarts, and HR sees it.

Real key files and real encrypted databases; the clock is moved by patching what the
attempts module reads as "now". The CLI runs as real processes, so each of its calls is
a restart of the program.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import PASSWORD

from exitbot_desktop.engine.errors import UnlockThrottledError, WrongPasswordError
from exitbot_desktop.engine.store import unlock_attempts, vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.unlock_attempts import describe, wait_after


class Clock:
    """A wall clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 3, 9, 0, 0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(unlock_attempts, "utcnow", fake)
    return fake


@pytest.fixture
def closed(created: tuple[vault.Store, str], folder: DataFolder) -> DataFolder:
    """The data folder of a new database, closed again (as after quitting the app)."""
    created[0].close()
    return folder


def _wrong(folder: DataFolder, times: int) -> list[str]:
    messages = []
    for _ in range(times):
        with pytest.raises(WrongPasswordError) as caught:
            vault.unlock(folder, user="alice", password="not the password at all")
        messages.append(caught.value.user_message)
    return messages


def test_the_wait_starts_at_thirty_seconds_and_doubles_to_fifteen_minutes() -> None:
    waits = [wait_after(n).total_seconds() for n in range(1, 12)]
    assert waits == [0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900]
    assert wait_after(10**9) == timedelta(minutes=15)
    assert [describe(timedelta(seconds=s)) for s in (0.2, 1, 29.1, 60, 61, 900)] == [
        "1 second",
        "1 second",
        "30 seconds",
        "1 minute",
        "2 minutes",
        "15 minutes",
    ]


def test_after_five_wrong_passwords_even_the_right_one_must_wait(
    closed: DataFolder, clock: Clock
) -> None:
    messages = _wrong(closed, 5)

    assert all("not right" in m for m in messages)
    assert not any("next try" in m for m in messages[:4])
    assert "5 wrong passwords in a row" in messages[4]
    assert "next try is possible in 30 seconds" in messages[4]
    clock.advance(20)
    with pytest.raises(UnlockThrottledError) as caught:
        vault.unlock(closed, user="alice", password=PASSWORD)
    assert "next try is possible in 10 seconds" in caught.value.user_message
    clock.advance(10)
    vault.unlock(closed, user="alice", password=PASSWORD).close()


def test_each_further_wrong_password_doubles_the_wait_and_the_right_one_resets(
    closed: DataFolder, clock: Clock
) -> None:
    _wrong(closed, 5)
    clock.advance(30)
    assert "next try is possible in 1 minute" in _wrong(closed, 1)[0]
    clock.advance(60)
    assert "next try is possible in 2 minutes" in _wrong(closed, 1)[0]
    clock.advance(120)

    vault.unlock(closed, user="alice", password=PASSWORD).close()

    assert not any("next try" in m for m in _wrong(closed, 4))  # counting from zero again


def test_the_count_is_kept_in_the_data_folder_not_in_the_program(
    closed: DataFolder, clock: Clock
) -> None:
    _wrong(closed, 5)
    saved = json.loads(closed.attempts_path.read_text(encoding="utf-8"))

    assert saved["accounts"]["alice"]["failures"] == 5
    assert oct(closed.attempts_path.stat().st_mode & 0o777) == "0o600"
    assert PASSWORD not in closed.attempts_path.read_text(encoding="utf-8")


def test_another_account_is_not_held_up(
    created: tuple[vault.Store, str], folder: DataFolder, clock: Clock
) -> None:
    store = created[0]
    store.add_account("bob", "bob's own long password")
    store.close()
    _wrong(folder, 5)

    vault.unlock(folder, user="bob", password="bob's own long password").close()

    with pytest.raises(UnlockThrottledError):
        vault.unlock(folder, user="alice", password=PASSWORD)


def test_wrong_passwords_and_waits_reach_the_audit_log_at_the_next_open(
    closed: DataFolder, clock: Clock
) -> None:
    _wrong(closed, 5)
    with pytest.raises(UnlockThrottledError):  # refused unheard: it must wait
        vault.unlock(closed, user="alice", password="not the password at all")
    clock.advance(30)

    with vault.unlock(closed, user="alice", password=PASSWORD) as store:
        entries = store.audit.entries()

    failed = [e for e in entries if e.action == "login_failed"]
    locked = [e for e in entries if e.action == "login_locked_out"]
    assert [e.detail["failures"] for e in reversed(failed)] == [1, 2, 3, 4, 5]
    assert {e.detail["account"] for e in failed} == {"alice"}
    assert [e.detail["wait_seconds"] for e in locked] == [30]
    assert failed[0].detail["at"] == "2026-12-03T09:00:00"
    saved = json.loads(closed.attempts_path.read_text(encoding="utf-8"))
    assert saved["pending"] == []  # recorded once, not again at the next open


def test_a_wrong_recovery_key_counts_too(closed: DataFolder, clock: Clock) -> None:
    guess = "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH"
    for _ in range(5):
        with pytest.raises(WrongPasswordError):
            vault.unlock_with_recovery_key(closed, guess)

    with pytest.raises(UnlockThrottledError):
        vault.unlock_with_recovery_key(closed, guess)


def test_a_damaged_attempts_file_starts_counting_anew(closed: DataFolder, clock: Clock) -> None:
    closed.attempts_path.write_text("{ not json", encoding="utf-8")

    vault.unlock(closed, user="alice", password=PASSWORD).close()
    messages = _wrong(closed, 5)

    assert "next try is possible in 30 seconds" in messages[4]


def test_leaving_interview_mode_counts_wrong_passwords_and_audits_who_left(
    store: vault.Store, clock: Clock
) -> None:
    for _ in range(5):
        with pytest.raises(WrongPasswordError):
            store.confirm_password("alice", "a wrong guess at it", action="employee_mode_ended")
    with pytest.raises(UnlockThrottledError):
        store.confirm_password("alice", PASSWORD, action="employee_mode_ended")
    clock.advance(30)

    store.confirm_password("alice", PASSWORD, action="employee_mode_ended")

    actions = [(e.action, e.detail.get("account")) for e in store.audit.entries()]
    assert actions[0] == ("employee_mode_ended", "alice")
    assert actions.count(("login_failed", "alice")) == 5  # recorded at once: the log is open
    assert ("login_locked_out", "alice") in actions


def _cli(data: Path, *args: str, password: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "exitbot_desktop", *args],
        env={
            "PATH": "/usr/bin:/bin",
            "EXITBOT_DATA_DIR": str(data),
            "EXITBOT_LLM": "rules",
            "EXITBOT_HR_USER": "alice",
            "EXITBOT_HR_PASSWORD": password,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_cli_counts_across_runs_and_says_how_long_to_wait(closed: DataFolder) -> None:
    for _ in range(5):
        wrong = _cli(closed.root, "settings", password="not the password at all")
        assert wrong.returncode != 0

    refused = _cli(closed.root, "settings", password=PASSWORD)

    assert refused.returncode != 0
    assert "Too many wrong passwords for 'alice'" in refused.stderr + refused.stdout
    assert "next try is possible in" in refused.stderr + refused.stdout
