"""Delivering a station's queued interviews to its central server, in the background.

Owns `StationDelivery`. At a station of a central server every answer is committed to the
station's own queue first (`engine.store.station_queue`); this sends the queue to the
server (`Store.deliver`) after each step of an interview and every few seconds, one
delivery at a time, off the GUI thread. When the server cannot be reached the interview
simply goes on: the employee is never told, the log says so once, and the next try
delivers everything in order once the server is back. Nothing happens on the embedded
file, which has no queue.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from exitbot_desktop.engine.errors import ExitBotError
from exitbot_desktop.ui.operations import Lane, Op

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

INTERVAL_MS = 5_000
_log = logging.getLogger("exitbot.ui.delivery")


class StationDelivery(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        self._running = False
        self._again = False  # asked for while one was running: one more when it ends
        self._server_lost = False
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.deliver)

    def start(self, store: Store) -> None:
        """Deliver from this store's queue until `stop`; nothing for a store without one."""
        if store.queue is None:
            return
        self._store = store
        self._timer.start()
        self.deliver()

    def stop(self) -> None:
        """The store is closing (which waits for a delivery under way)."""
        self._timer.stop()
        self._store = None
        self._again = False

    def deliver(self) -> None:
        store = self._store
        if store is None:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        Op(lambda _ctx: store.deliver(), lane=Lane.WORK, owner=self, uses_store=True).success(
            self._delivered
        ).failure(self._failed).run_in_background()

    def _delivered(self, count: int) -> None:
        self._running = False
        if self._server_lost and count:
            _log.info("The server is back: %d queued interview(s) delivered", count)
        self._server_lost = False
        if self._again:
            self._again = False
            self.deliver()

    def _failed(self, error: Exception) -> None:
        self._running = self._again = False
        if not isinstance(error, ExitBotError):
            _log.error("Delivering queued interviews failed", exc_info=error)
        elif not self._server_lost:
            _log.warning("Interviews wait in this station's queue: %s", error.user_message)
        self._server_lost = True
