"""Which interviews a report, an export or a screen covers.

Owns `Filters` (what HR chooses) and `Selection` (filters narrowed further by a
workflow: one receipt, some statuses). Plain values: the store turns them into a query,
reports print `describe()` in their headers. Never imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from exitbot_desktop.engine.metadata import BREAKDOWN_FIELDS
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
Tone = Literal["positive", "neutral", "negative"]
# A sentiment score in [-1, 1] at or beyond ±this is positive or negative: for one
# answer (`analysis.sentiment`) and for an interview's tone, the mean score of its
# written answers (ratings have their own figures).
TONE_THRESHOLD = 0.3


def tone_of(score: float) -> Tone:
    """The word for a sentiment score: the one rule for answers and interviews alike."""
    if score >= TONE_THRESHOLD:
        return "positive"
    if score <= -TONE_THRESHOLD:
        return "negative"
    return "neutral"


@dataclass(frozen=True)
class Filters:
    """Which interviews to count, list or export; None or empty means "any".

    Dates are inclusive calendar days of the interview's start; department to leaving
    type are the breakdown fields of `META_FIELDS`. The rest are what the interview
    browser filters by, so a report or an export can cover exactly what HR was looking
    at: the shown status, a theme raised, the tone (see `TONE_THRESHOLD`), urgent issues
    only, station or paper, and words that must all appear in the answers (follow-up
    replies included; case is ignored for unaccented letters).
    """

    date_from: date | None = None
    date_to: date | None = None
    department: str | None = None
    role: str | None = None
    tenure_band: str | None = None
    location: str | None = None
    leaving_type: str | None = None
    status: ListStatus | None = None
    theme: str | None = None
    tone: str | None = None
    urgent_only: bool = False
    source: InterviewSource | None = None
    words: str = ""

    def describe(self) -> str:
        """One line for report headers: "All interviews" or the filters that apply."""
        parts: list[str] = []
        if self.date_from or self.date_to:
            start = self.date_from.isoformat() if self.date_from else "the start"
            end = self.date_to.isoformat() if self.date_to else "today"
            parts.append(f"{start} to {end}")
        for meta in BREAKDOWN_FIELDS:
            value = getattr(self, meta.name)
            if value:
                parts.append(f"{meta.title}: {value}")
        for title, value in (
            ("Status", self.status),
            ("Theme", self.theme),
            ("Tone", self.tone),
            ("Source", self.source),
        ):
            if value:
                parts.append(f"{title}: {value}")
        if self.urgent_only:
            parts.append("Urgent issues only")
        if self.word_list():
            parts.append(f"Words: {' '.join(self.word_list())}")
        return " · ".join(parts) if parts else "All interviews"

    def word_list(self) -> list[str]:
        return self.words.split()

    def metadata(self) -> dict[str, str]:
        """The metadata fields that must match, by name."""
        return {f.name: v for f in BREAKDOWN_FIELDS if (v := getattr(self, f.name))}


@dataclass(frozen=True)
class Selection:
    """Filters, optionally narrowed to one interview (by receipt code) or to some statuses."""

    filters: Filters = field(default_factory=Filters)
    receipt_code: str | None = None
    statuses: tuple[InterviewStatus, ...] | None = None

    def only(self, *statuses: InterviewStatus) -> Selection:
        return Selection(self.filters, self.receipt_code, statuses)

    def describe(self) -> str:
        if self.receipt_code:
            return f"interview {self.receipt_code.strip().upper()}"
        return self.filters.describe()
