"""How fast the model has been answering lately: the health panel's latency figures.

Owns `Latencies`, a small thread-safe record of the last follow-ups' first-token and
total times, and `LatencySummary`, their medians. Kept in memory only: a restart
starts afresh, which is what "recent" means for a backend that may have changed.
Never imports Qt.
"""

from __future__ import annotations

import statistics
import threading
from collections import deque
from dataclasses import dataclass

RECENT = 20  # follow-ups remembered


@dataclass(frozen=True)
class LatencySummary:
    count: int
    first_token_ms: int | None  # median over the follow-ups that produced a token
    total_ms: int | None  # median time from asking to the finished text


class Latencies:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: deque[tuple[float | None, float]] = deque(maxlen=RECENT)

    def record(self, first_token_s: float | None, total_s: float) -> None:
        with self._lock:
            self._seen.append((first_token_s, total_s))

    def summary(self) -> LatencySummary:
        with self._lock:
            seen = list(self._seen)
        firsts = [first for first, _ in seen if first is not None]
        totals = [total for _, total in seen]
        return LatencySummary(len(seen), _median_ms(firsts), _median_ms(totals))


def _median_ms(values: list[float]) -> int | None:
    return round(statistics.median(values) * 1000) if values else None
