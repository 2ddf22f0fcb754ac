"""Python's cycle collector, run on the GUI thread only.

Owns `collect_on_gui_thread`. Left to itself, the collector runs in whichever thread
happens to allocate when a generation fills up: often a background op (the store lane,
the model lane). If the garbage it finds then holds Qt objects of the GUI (a closed
page's widgets, caught in a reference cycle), they are destroyed on that worker thread.
Destroying a QObject takes Qt's lock on its connections and then asks Python for the
GIL (PySide checks for overridden methods), while the GUI thread, holding the GIL, waits
for that very lock to connect a signal: both wait for ever (seen in the test suite, a
hung `QObject::~QObject` in the store thread). So the automatic collector is switched
off and a timer on the GUI thread collects instead, each generation when it is as full
as Python's own thresholds would have allowed (the recipe PyQt applications such as
Anki use). Objects without cycles are freed at once as always; cycles are freed at the
first tick after their generation has filled up, where Python would have freed them
the moment it did.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

_TICK_MS = 500


class _Collector(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName("gui-thread-garbage-collector")
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(_TICK_MS)
        gc.disable()

    def collect_due(self) -> None:
        """Collect the generations that are over their threshold, youngest first."""
        counts = gc.get_count()
        for generation in range(3):
            if counts[generation] <= self._thresholds[generation]:
                return
            gc.collect(generation)


def collect_on_gui_thread(app: QCoreApplication) -> None:
    """Switch the automatic collector off and collect on `app`'s thread instead; once per
    application, however often it is called."""
    if app.findChild(_Collector, "gui-thread-garbage-collector") is None:
        _Collector(app)
