"""Measuring how long the GUI event loop was blocked: the evidence behind "never freezes".

Owns `StallMeter`. A precise timer ticks every few milliseconds on the GUI thread; the
longest gap between two ticks, less the interval, is the longest time the window could
not have reacted to a key press. `bench/ui.py` and the tests hold it to 50 ms.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer

TICK_MS = 5


class StallMeter(QObject):
    """Start, do things, stop; `longest_ms` is the worst stall seen in between."""

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.longest_ms = 0.0
        self.ticks = 0

    def start(self) -> None:
        self.longest_ms = 0.0
        self.ticks = 0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        self._tick()
        self._timer.stop()
        return self.longest_ms

    def _tick(self) -> None:
        now = time.perf_counter()
        gap_ms = (now - self._last) * 1000 - TICK_MS
        self._last = now
        self.ticks += 1
        self.longest_ms = max(self.longest_ms, gap_ms)
