"""The data folder: which files make up one ExitBot installation's data.

Owns `DataFolder`. It names paths, says whether a database was set up here and keeps
the folder private, so it imports nothing heavy (the GUI shows its first page before the
database layer loads). Never imports Qt.

Private means this user only, whatever the umask: the folder 0700 and every file in it
0600. The files are created with that mode before anyone writes to them (SQLite gives
its journal and WAL files the database file's mode), and files from an older version or
copied in by hand are tightened each time the folder is opened.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from exitbot_desktop import paths
from exitbot_desktop.engine.errors import DatabaseMissingError, StoreError, not_writable

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


@dataclass(frozen=True)
class DataFolder:
    """The database, its key file and the instance lock, side by side."""

    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / paths.DB_FILE

    @property
    def key_path(self) -> Path:
        return self.root / paths.KEY_FILE

    @property
    def lock_path(self) -> Path:
        return self.root / paths.LOCK_FILE

    @property
    def attempts_path(self) -> Path:
        """Wrong-password counts, kept outside the database (see `store.unlock_attempts`)."""
        return self.root / paths.ATTEMPTS_FILE

    @property
    def log_path(self) -> Path:
        return self.root / paths.LOG_FILE

    @property
    def server_path(self) -> Path:
        """A station's central-server settings (see `store.server_connection`)."""
        return self.root / paths.SERVER_FILE

    @property
    def queue_path(self) -> Path:
        """A station's interviews until its server has them (see `store.station_queue`)."""
        return self.root / paths.QUEUE_FILE

    def make_private(self) -> None:
        """Create the folder if needed, and take every other user's access off it and its files.

        Raises a sentence when the folder cannot be created or made private (a folder on a
        share owned by someone else, say), before anything is written there.
        """
        try:
            self.root.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
            _tighten(self.root)
            for entry in self.root.iterdir():
                if entry.is_file() and not entry.is_symlink():
                    _tighten(entry)
        except OSError as exc:
            raise StoreError(
                f"Cannot make the data folder {self.root} private to this user "
                f"({exc.strerror or exc}). Choose a folder on this computer that you own "
                "(EXITBOT_DATA_DIR), or ask IT to give it to your account."
            ) from exc

    def require_writable(self) -> None:
        """Raise the sentence for a folder, database or key file that refuses writes.

        Checked before anything is opened: in WAL mode a read-only database file still
        takes some writes (into `-wal`), so finding out at the first answer would be too
        late and would leave the folder half changed.
        """
        for path in (self.root, self.db_path, self.key_path):
            if path.exists() and not os.access(path, os.W_OK):
                read_only_disk = hasattr(os, "statvfs") and os.statvfs(path).f_flag & os.ST_RDONLY
                raise not_writable(
                    self.root,
                    "a read-only disk" if read_only_disk else f"{path.name} is read-only",
                )

    def exists(self) -> bool:
        """True once `init` has run here (either file present counts)."""
        return self.db_path.exists() or self.key_path.exists()

    def require_database(self) -> None:
        """Raise the sentence for "no database yet" or "database file lost", else nothing.

        The one check behind the CLI's commands, the GUI's first page and unlocking.
        """
        if self.db_path.exists() or self.server_path.exists():  # a file, or a station's server
            return
        if not self.key_path.exists():
            raise DatabaseMissingError(
                f"There is no ExitBot database in {self.root} yet. Run "
                "'exitbot-desktop init' (or start the app) to set one up."
            )
        raise DatabaseMissingError(
            f"The database file {self.db_path} is missing although its key file is there. "
            "Restore the latest backup (the database and key file together)."
        )


def _tighten(path: Path) -> None:
    """Take group and others' access off `path`. A private one is left alone, so that a
    read-only copy of the folder (a mounted snapshot, say) can still be opened."""
    current = stat.S_IMODE(path.stat().st_mode)
    if current & 0o077:
        os.chmod(path, current & 0o700)


def create_private_file(path: Path) -> None:
    """An empty file only this user may read, unless it exists (SQLite or a logger fills it)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
    os.chmod(path, PRIVATE_FILE)
