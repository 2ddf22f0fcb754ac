"""Which audit log entries to show: by action and by a range of local calendar days.

Owns `AuditQuery` and `audit_entries`, which the audit log page, its CSV export and
`exitbot-desktop audit` share, so all three show the same entries with the same
positions (1 = the oldest entry, the numbering a broken chain is reported in). Days are
the person's local days; the log stores naive UTC, so a day's bounds are converted
first. Never imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from exitbot_desktop.engine.audit import AuditRecord

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store


@dataclass(frozen=True)
class AuditQuery:
    """All entries when every field is None; `date_to` includes that whole day."""

    action: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def describe(self) -> dict[str, str]:
        """The filter as the audit entry of an export records it."""
        return {
            name: str(value)
            for name, value in (
                ("action", self.action),
                ("from", self.date_from),
                ("to", self.date_to),
            )
            if value is not None
        }


def _utc_start_of(day: date) -> datetime:
    """The first moment of a local day, as the naive UTC the log stores."""
    return datetime.combine(day, time()).astimezone(UTC).replace(tzinfo=None)


def audit_entries(store: Store, query: AuditQuery) -> list[tuple[int, AuditRecord]]:
    """(position, entry) of the entries `query` selects, oldest first."""
    since = _utc_start_of(query.date_from) if query.date_from else None
    before = _utc_start_of(query.date_to + timedelta(days=1)) if query.date_to else None
    return [
        (position, entry)
        for position, entry in store.audit.numbered(since=since)
        if (query.action is None or entry.action == query.action)
        and (before is None or entry.at < before)
    ]
