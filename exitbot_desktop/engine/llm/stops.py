"""Cutting a token stream at stop strings without ever showing part of one.

Owns `StopFilter`. Backends may or may not honour stop strings themselves, and a stop
marker can arrive split over several tokens, so text that could still turn out to be
the start of a stop string is held back until it is known not to be. Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Sequence


class StopFilter:
    """Feed it raw pieces; it returns what may be shown and notices the first stop.

    Leading whitespace is skipped before stops apply, so a reply that starts with a
    newline is not cut to nothing.
    """

    def __init__(self, stops: Sequence[str]) -> None:
        self._stops = tuple(stop for stop in stops if stop)
        self._pending = ""
        self.text = ""
        self.stopped = False

    def feed(self, piece: str) -> str:
        """The part of the text so far that is safe to show now."""
        if self.stopped:
            return ""
        self._pending += piece
        if not self.text:
            self._pending = self._pending.lstrip()
        cut = min((i for i in map(self._pending.find, self._stops) if i >= 0), default=-1)
        if cut >= 0:
            self.stopped = True
            return self._emit(len(self._pending[:cut]), drop_rest=True)
        return self._emit(len(self._pending) - self._held_back())

    def flush(self) -> str:
        """At the end of the stream: held-back text that never became a stop is text."""
        return "" if self.stopped else self._emit(len(self._pending))

    def _held_back(self) -> int:
        """Length of the longest tail of the pending text that begins some stop string."""
        pending = self._pending
        for size in range(min(len(pending), max(map(len, self._stops), default=0)), 0, -1):
            tail = pending[-size:]
            if any(stop.startswith(tail) for stop in self._stops):
                return size
        return 0

    def _emit(self, size: int, *, drop_rest: bool = False) -> str:
        out, self._pending = self._pending[:size], "" if drop_rest else self._pending[size:]
        self.text += out
        return out
