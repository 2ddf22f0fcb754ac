"""The one window: HR pages and the employee's interview, switched in a QStackedWidget.

Owns `MainWindow`: which page shows, the unlocked store and who unlocked it, locking
(which closes the store, so the data key leaves memory), and an orderly shutdown that
lets background writes finish before the store closes. Pages do their own work; this
module only wires them together.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget

from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.keys import PRODUCTION_KDF, KdfParams
from exitbot_desktop.ui import operations
from exitbot_desktop.ui.assistant import Assistant
from exitbot_desktop.ui.hr.home import HomePage
from exitbot_desktop.ui.hr.recovery_key import RecoveryKeyPage
from exitbot_desktop.ui.hr.setup import SetupPage
from exitbot_desktop.ui.hr.unlock import UnlockPage
from exitbot_desktop.ui.i18n import Translations
from exitbot_desktop.ui.operations import Op
from exitbot_desktop.ui.widgets import Page


class MainWindow(QMainWindow):
    def __init__(
        self,
        folder: vault.DataFolder,
        translations: Translations,
        *,
        assistant: Assistant | None = None,
        kdf: KdfParams = PRODUCTION_KDF,
    ) -> None:
        super().__init__()
        self.folder = folder
        self.translations = translations
        self.assistant = assistant or Assistant()
        self.store: vault.Store | None = None
        self.account = ""
        self._closing = False

        self.stack = QStackedWidget()
        self.setup_page = SetupPage(folder, kdf)
        self.recovery_page = RecoveryKeyPage()
        self.unlock_page = UnlockPage(folder, kdf)
        self.home_page = HomePage()
        for page in (self.setup_page, self.recovery_page, self.unlock_page, self.home_page):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)

        self.backend_label = QLabel(self.assistant.status)
        self.backend_label.setAccessibleName(self.assistant.status)
        self.statusBar().addPermanentWidget(self.backend_label)
        self.statusBar().setSizeGripEnabled(False)
        self.assistant.status_changed.connect(self._show_backend)

        self.setup_page.created.connect(self._created)
        self.recovery_page.confirmed.connect(self._show_home)
        self.unlock_page.unlocked.connect(self._unlocked)
        self.home_page.lock_requested.connect(self.lock)

        self.setMinimumSize(800, 600)
        self.resize(1280, 800)
        self.retranslate()
        if folder.exists():
            self._show_unlock()
        else:
            self._show(self.setup_page)

    # ------------------------------------------------------------------ pages
    def _show(self, page: Page) -> None:
        self.stack.setCurrentWidget(page)
        focus = page.first_focus()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_unlock(self, message: str = "") -> None:
        self.unlock_page.reload(message)
        self._show(self.unlock_page)

    def _show_home(self) -> None:
        if self.store is None:
            self._show_unlock()
            return
        self.home_page.show_for(self.store, self.account)
        self._show(self.home_page)

    def _show_backend(self, text: str) -> None:
        self.backend_label.setText(text)
        self.backend_label.setAccessibleName(text)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("ExitBot"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ store
    def _created(self, store: vault.Store, account: str, recovery_key: str) -> None:
        self._open(store, account)
        self.recovery_page.show_key(recovery_key, store.organisation)
        self._show(self.recovery_page)

    def _unlocked(self, store: vault.Store, account: str) -> None:
        self._open(store, account)
        self._show_home()

    def _open(self, store: vault.Store, account: str) -> None:
        self.store = store
        self.account = account

    def lock(self, message: str = "") -> None:
        """Close the store after queued writes: the data key leaves memory, HR must unlock."""
        store, self.store, self.account = self.store, None, ""
        if store is not None:
            Op(lambda _ctx: store.close(), owner=self).success(
                lambda _none: self._show_unlock(message)
            ).run_in_background()
        else:
            self._show_unlock(message)

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Let background writes finish, then drop the key and the lock."""
        if self._closing:
            return
        self._closing = True
        store, self.store = self.store, None
        if store is not None:
            # Closed on the store lane, after every queued write (see operations.Lane).
            Op(lambda _ctx: store.close()).run_in_background()
        operations.drain()
