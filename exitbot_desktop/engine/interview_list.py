"""The HR interview list: which interviews to show, in which order, and one row of each.

Owns `ListQuery` (filters, search, sort), `ListRow` (what a row shows) and `ListPage`. Plain values:
`store.interview_list` turns a query into SQL and reads one page at a time, so a screen
can show ten thousand interviews while reading fifty. Never imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from exitbot_desktop.engine.filters import Filters
from exitbot_desktop.engine.records import InterviewSource, InterviewStatus

# What HR sees as an interview's status: "imported" (a paper interview) whatever it
# became, "unfinished" for one started or waiting for consent.
ListStatus = Literal["completed", "unfinished", "declined", "discarded", "imported"]
LIST_STATUSES: tuple[ListStatus, ...] = (
    "completed",
    "unfinished",
    "declined",
    "discarded",
    "imported",
)
SortKey = Literal[
    "date", "department", "role", "tenure_band", "status", "sentiment", "flags", "followups"
]
SORT_KEYS: tuple[SortKey, ...] = (
    "date",
    "department",
    "role",
    "tenure_band",
    "status",
    "sentiment",
    "flags",
    "followups",
)
# An interview's tone: the mean score of the sentiment of its written answers (ratings
# have their own figures), named with the thresholds of single answers.
SENTIMENT_THRESHOLD = 0.3


_SHOWN: dict[InterviewStatus, ListStatus] = {
    "created": "unfinished",
    "in_progress": "unfinished",
    "completed": "completed",
    "declined": "declined",
    "discarded": "discarded",
}


def shown_status(status: InterviewStatus, source: InterviewSource) -> ListStatus:
    return "imported" if source == "import" else _SHOWN[status]


def sentiment_label(mean_score: float | None) -> str | None:
    """ "positive", "neutral" or "negative" for a mean score; None without written answers."""
    if mean_score is None:
        return None
    if mean_score >= SENTIMENT_THRESHOLD:
        return "positive"
    if mean_score <= -SENTIMENT_THRESHOLD:
        return "negative"
    return "neutral"


@dataclass(frozen=True)
class ListQuery:
    """Which interviews the list shows and in which order; None or empty means "any".

    `search` finds interviews whose answers (follow-up replies included) contain every
    word, ignoring case for unaccented letters. `receipt_code` finds one interview.
    """

    filters: Filters = field(default_factory=Filters)
    status: ListStatus | None = None
    theme: str | None = None
    sentiment: str | None = None
    flagged_only: bool = False
    source: InterviewSource | None = None
    search: str = ""
    receipt_code: str | None = None
    sort: SortKey = "date"
    descending: bool = True

    def words(self) -> list[str]:
        return self.search.split()


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
    sentiment: str | None  # see `sentiment_label`
    flags: tuple[str, ...]  # urgent issues raised (harassment, safety, …)
    followups: int  # follow-up questions asked


@dataclass(frozen=True)
class ListPage:
    """One page of the list, and how many interviews the whole list holds."""

    rows: tuple[ListRow, ...]
    total: int
