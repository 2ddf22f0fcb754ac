"""Wrong HR passwords, counted per account across restarts, and the wait they impose.

Owns `UnlockAttempts`. Argon2 makes one guess cost a fraction of a second; this makes
guessing at the station cost hours: after `FREE_FAILURES` wrong passwords in a row for
an account, each further attempt must wait, 30 seconds doubling up to 15 minutes. A
correct password resets that account's count.

The counts live in a small file beside the key file (`exitbot.attempts.json`, 0600),
because the database cannot be opened without a password. So they survive restarts and
are shared by the app's unlock page, the "leave interview mode" dialog and the CLI. What
happened waits in the same file until the database is next open, and then goes to the
audit log (`pending` / `forget`).

Deleting the file resets the counts. That is accepted: the wait protects against
guessing at the keyboard, not against someone who can already change files in the data
folder (they could copy the database and guess offline, against Argon2). Times are wall
clock (UTC), since a wait must outlast a restart; a clock set back never lengthens a wait
beyond its own length. Never imports Qt.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from exitbot_desktop.engine.errors import StoreError, UnlockThrottledError
from exitbot_desktop.engine.files import atomic_text
from exitbot_desktop.engine.store.models import utcnow

FREE_FAILURES = 5
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(minutes=15)
# Audit events kept for the next open; a guessing run beyond this is summed up in one.
MAX_PENDING = 200

_log = logging.getLogger(__name__)


@dataclass
class _Account:
    failures: int = 0
    last_failure: datetime | None = None


class UnlockAttempts:
    """The attempts file of one data folder, read when made and written on each change."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._accounts: dict[str, _Account] = {}
        self._pending: list[dict[str, Any]] = []
        self._dropped = 0
        self._read()

    # ----------------------------------------------------------------- asking
    def wait_for(self, account: str) -> timedelta:
        """How long `account` must still wait before its password may be tried (0: now)."""
        state = self._accounts.get(account)
        if state is None or state.last_failure is None:
            return timedelta(0)
        wait = wait_after(state.failures)
        remaining = state.last_failure + wait - utcnow()
        return max(timedelta(0), min(wait, remaining))

    def check(self, account: str) -> None:
        """Raise `UnlockThrottledError` while `account` must wait; the password is not tried."""
        remaining = self.wait_for(account)
        if remaining > timedelta(0):
            raise UnlockThrottledError(
                f"Too many wrong passwords for '{account}' in a row. For safety, the next "
                f"try is possible in {describe(remaining)}."
            )

    # ----------------------------------------------------------------- telling
    def failed(self, account: str, method: str, error: StoreError) -> StoreError:
        """Count a wrong password; return `error`, extended by the wait it now imposes."""
        state = self._accounts.setdefault(account, _Account())
        state.failures += 1
        state.last_failure = utcnow()
        detail = {"account": account, "method": method, "failures": state.failures}
        self._add("login_failed", detail)
        wait = wait_after(state.failures)
        if wait:
            self._add("login_locked_out", {**detail, "wait_seconds": int(wait.total_seconds())})
        self._write()
        if not wait:
            return error
        return type(error)(
            f"{error.user_message} That was {state.failures} wrong passwords in a row, so "
            f"the next try is possible in {describe(wait)}."
        )

    def succeeded(self, account: str) -> None:
        """The right password: `account` starts again from no failures."""
        if self._accounts.pop(account, None) is not None:
            self._write()

    def pending(self) -> list[tuple[str, dict[str, Any]]]:
        """(action, detail) of what happened since the audit log last saw this file."""
        events = [(event["action"], event["detail"]) for event in self._pending]
        if self._dropped:
            events.append(("login_failures_not_itemised", {"count": self._dropped}))
        return events

    def forget(self) -> None:
        """The audit log has the pending events (call after its transaction committed)."""
        if self._pending or self._dropped:
            self._pending, self._dropped = [], 0
            self._write()

    # ----------------------------------------------------------------- the file
    def _add(self, action: str, detail: dict[str, Any]) -> None:
        if len(self._pending) >= MAX_PENDING:
            self._dropped += 1
            return
        at = utcnow().isoformat(timespec="seconds")
        self._pending.append({"action": action, "detail": {**detail, "at": at}})

    def _read(self) -> None:
        if not self._path.exists():
            return
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
            for name, state in data.get("accounts", {}).items():
                last = state.get("last_failure")
                self._accounts[name] = _Account(
                    int(state["failures"]), datetime.fromisoformat(last) if last else None
                )
            self._pending = list(data.get("pending", []))
            self._dropped = int(data.get("not_itemised", 0))
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            # Starting again from zero is what deleting the file would do anyway.
            _log.warning("The unlock attempts file %s is unreadable; counting anew", self._path)
            self._accounts, self._pending, self._dropped = {}, [], 0

    def _write(self) -> None:
        data = {
            "accounts": {
                name: {
                    "failures": state.failures,
                    "last_failure": state.last_failure.isoformat() if state.last_failure else None,
                }
                for name, state in self._accounts.items()
            },
            "pending": self._pending,
            "not_itemised": self._dropped,
        }
        with atomic_text(self._path) as out:
            json.dump(data, out, ensure_ascii=False, indent=1)


def wait_after(failures: int) -> timedelta:
    """The wait imposed after `failures` wrong passwords in a row."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    doublings = min(failures - FREE_FAILURES, 16)  # the cap is reached long before; no overflow
    return min(LONGEST_WAIT, FIRST_WAIT * (1 << doublings))


def describe(wait: timedelta) -> str:
    """ "45 seconds", "1 minute", "15 minutes": whole units, rounded up."""
    seconds = max(1, math.ceil(wait.total_seconds()))
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"
