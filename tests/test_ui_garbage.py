"""Garbage holding Qt objects is collected on the GUI thread, never on a worker's.

A background op that allocates enough would otherwise run Python's cycle collector on
its own thread, and destroy there whatever Qt objects a closed page left in a reference
cycle; that once hung the test suite (see `ui/garbage.py`).
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from exitbot_desktop.ui.app import create_app
from exitbot_desktop.ui.operations import Lane, Op


class _Cyclic(QObject):
    """A Qt object caught in a reference cycle, which says where it was destroyed."""

    def __init__(self, seen: list[str]) -> None:
        super().__init__()
        self.me = self
        self._seen = seen

    def __del__(self) -> None:
        self._seen.append(threading.current_thread().name)


def test_a_cycle_holding_a_qt_object_is_collected_on_the_gui_thread(qtbot: QtBot) -> None:
    create_app([])
    gc.collect()
    seen: list[str] = []
    _Cyclic(seen)  # garbage at once, but only the cycle collector can free it
    done: list[list[list[int]]] = []

    def allocate(_ctx: object) -> list[list[int]]:
        # Far past the youngest generation's threshold, and kept: enough to set the
        # automatic collector off in this thread, were it on.
        return [[n] for n in range(50_000)]

    Op(allocate, lane=Lane.WORK).success(done.append).run_in_background()
    qtbot.waitUntil(lambda: len(done) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: seen != [], timeout=5_000)
    assert seen == [threading.main_thread().name]
    assert not gc.isenabled()
