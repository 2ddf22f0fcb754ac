"""Keeping the welcome page's promise: interviews are erased after the retention period.

Owns `purge_expired`, which the app runs at every HR unlock and `exitbot-desktop purge`
runs on demand; the period is the `retention_months` setting unless given. The copies
ExitBot made itself before the period go with the interviews (`backups.py`). Also
`count_expired`, the preview the settings page shows before HR shortens the period.
Never imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from exitbot_desktop.engine.settings import read_settings

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store


@dataclass(frozen=True)
class Purge:
    months: int
    erased: int
    copies: int  # copies ExitBot had made itself before the period (`backups.py`)

    def summary(self) -> str:
        said = f"Erased {self.erased} interview(s) older than {self.months} months."
        if self.copies:
            said += (
                f" Also deleted {self.copies} copy(ies) ExitBot had made itself before then "
                "(automatic backups, or copies made before an upgrade, a key change or a "
                "restore): they held only interviews of that age."
            )
        return said


def purge_expired(store: Store, months: int | None = None) -> Purge:
    """Erase interviews last touched more than `months` (default: the setting) ago; audited."""
    # Imported here: the backup module brings the database libraries with it, and the
    # main window imports this module before it first paints, needing none of them.
    from exitbot_desktop.engine.backups import remove_expired_copies

    settings = read_settings(store)
    keep = months if months is not None else settings.retention_months
    erased = store.interviews.purge_older_than(keep)
    return Purge(keep, erased, len(remove_expired_copies(store, keep, settings)))


def count_expired(store: Store, months: int) -> int:
    """How many interviews a retention period of `months` would erase now; changes nothing."""
    return store.interviews.count_older_than(months)
