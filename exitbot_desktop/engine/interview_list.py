"""The HR interview list: which interviews to show, in which order, and one row of each.

Owns `ListQuery` (filters and sort), `ListRow` (what a row shows) and `ListPage`. Plain values:
`store.interview_list` turns a query into SQL and reads one page at a time, so a screen
can show ten thousand interviews while reading fifty. Never imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from exitbot_desktop.engine.filters import Filters, ListStatus, Tone
from exitbot_desktop.engine.records import InterviewSource, InterviewStatus

SortKey = Literal[
    "date", "department", "role", "tenure_band", "status", "sentiment", "flags", "followups"
]


_SHOWN: dict[InterviewStatus, ListStatus] = {
    "created": "unfinished",
    "in_progress": "unfinished",
    "completed": "completed",
    "declined": "declined",
    "discarded": "discarded",
}


def shown_status(status: InterviewStatus, source: InterviewSource) -> ListStatus:
    return "imported" if source == "import" else _SHOWN[status]


@dataclass(frozen=True)
class ListQuery:
    """Which interviews the list shows (`Filters`, or one receipt code) and in which order."""

    filters: Filters = field(default_factory=Filters)
    receipt_code: str | None = None
    sort: SortKey = "date"
    descending: bool = True


@dataclass(frozen=True)
class ListRow:
    """One interview as the list shows it."""

    id: int
    started: datetime
    department: str | None
    role: str | None
    tenure_band: str | None
    status: ListStatus
    receipt_code: str | None
    themes: tuple[str, ...]  # most raised first, at most three
    sentiment: Tone | None  # the interview's tone (`filters.tone_of`); None: nothing written
    flags: tuple[str, ...]  # urgent issues raised (harassment, safety, …)
    followups: int  # follow-up questions asked


@dataclass(frozen=True)
class ListPage:
    """One page of the list, and how many interviews the whole list holds."""

    rows: tuple[ListRow, ...]
    total: int
