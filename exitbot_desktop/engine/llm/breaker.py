"""The circuit breaker that stops waiting on a backend that keeps failing.

Owns `CircuitBreaker`. After `threshold` consecutive failures the breaker opens for
`cooldown_s` and follow-ups come from the rules straight away; afterwards one attempt
is let through, and a further failure opens it again at once. Never imports Qt.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class CircuitBreaker:
    """Counts consecutive failures; `clock` is injectable so tests need not wait."""

    threshold: int = 3
    cooldown_s: float = 300.0
    clock: Callable[[], float] = time.monotonic
    _failures: int = field(default=0, init=False)
    _open_until: float = field(default=float("-inf"), init=False)

    def allows(self) -> bool:
        """Whether the backend may be tried now."""
        return self.clock() >= self._open_until

    def record_success(self) -> None:
        self._failures = 0
        self._open_until = float("-inf")

    def record_failure(self) -> None:
        self._failures += 1
        if self._failures >= self.threshold:
            self._open_until = self.clock() + self.cooldown_s
