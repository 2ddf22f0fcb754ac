"""What the aggregates count before they become figures, however it was counted.

Owns `Counted` and `Group`. The embedded file's digests are counted in Python
(`aggregates.py`), a server's in SQL (`counted_on_server.py`); both fill a `Counted`,
and one function turns it into `Aggregates`, so the figures cannot differ by store.
Never imports Qt.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Group:
    """One breakdown group; its figures only when it is large enough to be shown."""

    interviews: int
    average_rating: float | None = None
    enps: float | None = None
    top_theme: str | None = None


@dataclass
class Counted:
    statuses: Counter[str] = field(default_factory=Counter)  # interviews by status
    started: Counter[str] = field(default_factory=Counter)  # "YYYY-MM" → interviews
    completed: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)  # question → stopped there
    # Main answers of started interviews: question → status → answers.
    answers: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    median_seconds: dict[str, float] = field(default_factory=dict)
    median_lengths: dict[str, float] = field(default_factory=dict)  # free-text questions
    # Completed interviews' answers: question → category key → answers.
    closed: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    text_answers: int = 0
    followups_asked: int = 0
    followups_answered: int = 0
    answers_with_followup: int = 0
    sentiment: Counter[str] = field(default_factory=Counter)
    provenance: Counter[str] = field(default_factory=Counter)
    themes: Counter[str] = field(default_factory=Counter)  # completed interviews raising it
    flags: Counter[str] = field(default_factory=Counter)
    groups: dict[str, dict[str, Group]] = field(default_factory=dict)  # field → label → group


def mean(values: Iterable[float]) -> float | None:
    """The mean, summed exactly (`math.fsum`): the same figure in whatever order the
    values come, as they do from Python and from a server."""
    listed = list(values)
    return math.fsum(listed) / len(listed) if listed else None


def median_of(counts: Mapping[float, int]) -> float | None:
    """The median of values given as value → how often, as `statistics.median` gives it."""
    total = sum(counts.values())
    if not total:
        return None
    low, high = (total + 1) // 2, total // 2 + 1  # 1-based positions of the middle pair
    seen = 0
    found: list[float] = []
    for value in sorted(counts):
        seen += counts[value]
        while len(found) < 2 and seen >= (low, high)[len(found)]:
            found.append(value)
        if len(found) == 2:
            break
    return (found[0] + found[1]) / 2
