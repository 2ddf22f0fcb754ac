"""Which interviews a report, an export or a screen covers.

Owns `Filters` (what HR chooses) and `Selection` (filters narrowed further by a
workflow: one receipt, some statuses). Plain values: the store turns them into a query,
reports print `describe()` in their headers. Never imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from exitbot_desktop.engine.metadata import BREAKDOWN_FIELDS
from exitbot_desktop.engine.records import InterviewStatus


@dataclass(frozen=True)
class Filters:
    """Which interviews to count; None means "any". Dates are inclusive calendar days of
    the interview's start; the other fields are the breakdown fields of `META_FIELDS`."""

    date_from: date | None = None
    date_to: date | None = None
    department: str | None = None
    role: str | None = None
    tenure_band: str | None = None
    location: str | None = None
    leaving_type: str | None = None

    def describe(self) -> str:
        """One line for report headers: "All interviews" or the filters that apply."""
        parts: list[str] = []
        if self.date_from or self.date_to:
            start = self.date_from.isoformat() if self.date_from else "the start"
            end = self.date_to.isoformat() if self.date_to else "today"
            parts.append(f"{start} to {end}")
        for field in BREAKDOWN_FIELDS:
            value = getattr(self, field.name)
            if value:
                parts.append(f"{field.title}: {value}")
        return " · ".join(parts) if parts else "All interviews"

    def metadata(self) -> dict[str, str]:
        """The metadata fields that must match, by name."""
        return {f.name: v for f in BREAKDOWN_FIELDS if (v := getattr(self, f.name))}


@dataclass(frozen=True)
class Selection:
    """Filters, optionally narrowed to one interview (by receipt code) or to some statuses."""

    filters: Filters = Filters()
    receipt_code: str | None = None
    statuses: tuple[InterviewStatus, ...] | None = None

    def only(self, *statuses: InterviewStatus) -> Selection:
        return Selection(self.filters, self.receipt_code, statuses)

    def describe(self) -> str:
        if self.receipt_code:
            return f"interview {self.receipt_code.strip().upper()}"
        return self.filters.describe()
