"""The data folder: which files make up one ExitBot installation's data.

Owns `DataFolder`. It only names paths and says whether a database was set up here, so
it imports nothing heavy (the GUI shows its first page before the database layer loads).
Never imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exitbot_desktop import paths
from exitbot_desktop.engine.errors import DatabaseMissingError


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

    def exists(self) -> bool:
        """True once `init` has run here (either file present counts)."""
        return self.db_path.exists() or self.key_path.exists()

    def require_database(self) -> None:
        """Raise the sentence for "no database yet" or "database file lost", else nothing.

        The one check behind the CLI's commands, the GUI's first page and unlocking.
        """
        if self.db_path.exists():
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
