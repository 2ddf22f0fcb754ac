"""Keeping the welcome page's promise: interviews are erased after the retention period.

Owns `purge_expired`, which the app runs at every HR unlock and `exitbot-desktop purge`
runs on demand; the period is the `retention_months` setting unless given. Also
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

    def summary(self) -> str:
        return f"Erased {self.erased} interview(s) older than {self.months} months."


def purge_expired(store: Store, months: int | None = None) -> Purge:
    """Erase interviews last touched more than `months` (default: the setting) ago; audited."""
    keep = months if months is not None else read_settings(store).retention_months
    return Purge(keep, store.interviews.purge_older_than(keep))


def count_expired(store: Store, months: int) -> int:
    """How many interviews a retention period of `months` would erase now; changes nothing."""
    return store.interviews.count_older_than(months)
