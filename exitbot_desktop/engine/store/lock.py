"""One process per database: an OS file lock beside the database.

`filelock` uses fcntl/msvcrt locks, which the OS drops when the process dies, so a
crash never leaves a stale lock behind (the reason not to use a PID file here; the UI
layer may not lend QLockFile to the engine, which must not import Qt). Never imports Qt.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from exitbot_desktop.engine.errors import DatabaseLockedError, not_writable
from exitbot_desktop.engine.store.folder import PRIVATE_FILE


class InstanceLock:
    """Held for as long as a `Store` is open."""

    def __init__(self, path: Path) -> None:
        # Not thread-local: the GUI may close the store on another thread than opened it.
        self._lock = FileLock(str(path), timeout=0, mode=PRIVATE_FILE, thread_local=False)
        self._path = path

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except Timeout:  # before OSError, which it is a kind of
            raise DatabaseLockedError(
                "ExitBot is already open with this data folder "
                f"({self._path.parent}), in another window or by another user. "
                "Close the other ExitBot first, then try again."
            ) from None
        except OSError as error:  # a read-only disk or a folder this user may not change
            raise not_writable(self._path.parent, error.strerror or str(error)) from error

    def release(self) -> None:
        self._lock.release()
