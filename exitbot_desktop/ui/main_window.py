"""The one window: HR pages and the employee's interview, switched in a QStackedWidget.

Owns `MainWindow`: which page shows, the unlocked store and who unlocked it, moving
between HR mode and employee mode (leaving employee mode, or closing the window during
it, needs an HR password), locking (the store closes, so the data key leaves memory),
and an orderly shutdown that lets background writes finish before the store closes.
Pages do their own work; this module only wires them together.

Start-up (`start`) paints the window first and only then loads the database layer and
the assistant, in the order they are needed (the first unlock, then the first
interview): together they take several times longer to import than a bare window takes
to appear. The status line says what is still loading.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget, QWidget

from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet, load_builtin
from exitbot_desktop.engine.retention import purge_expired
from exitbot_desktop.engine.settings import Settings, read_settings
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import PRODUCTION_KDF, KdfParams
from exitbot_desktop.ui import operations
from exitbot_desktop.ui.assistant import Assistant
from exitbot_desktop.ui.employee.mode import EmployeeMode
from exitbot_desktop.ui.errors import known_failure
from exitbot_desktop.ui.hr.arm import ArmPage
from exitbot_desktop.ui.hr.home import HomePage
from exitbot_desktop.ui.hr.password_dialog import HrPasswordDialog
from exitbot_desktop.ui.hr.recovery_key import RecoveryKeyPage
from exitbot_desktop.ui.hr.setup import SetupPage
from exitbot_desktop.ui.hr.unlock import UnlockPage
from exitbot_desktop.ui.i18n import Translations
from exitbot_desktop.ui.operations import Op, OpContext
from exitbot_desktop.ui.station import Arming
from exitbot_desktop.ui.widgets import Page

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

_log = logging.getLogger("exitbot.ui")

# How long closing the store waits for background work still using it (the analysis
# after submit); afterwards it closes anyway and that work fails (and is logged).
STORE_USERS_WAIT_MS = 120_000


def _import_database_layer(_ctx: OpContext) -> None:
    """Import what opening the store needs (SQLAlchemy, SQLCipher, Alembic), which the
    window's own modules leave out so that it paints first."""
    importlib.import_module("exitbot_desktop.engine.store.vault")


def _station_setup(store: Store) -> tuple[Settings, QuestionSet]:
    settings = read_settings(store)
    return settings, load_builtin(settings.question_set)


def _close_store(store: Store) -> Op[None]:
    """An op closing the store on the store lane, after every op still using it."""

    def close(_ctx: OpContext) -> None:
        if not operations.wait_for_store_users(STORE_USERS_WAIT_MS):
            _log.warning("Closing the database while background work still uses it")
        store.close()

    return Op(close)


class MainWindow(QMainWindow):
    def __init__(
        self,
        folder: DataFolder,
        translations: Translations,
        *,
        assistant: Assistant | None = None,
        kdf: KdfParams = PRODUCTION_KDF,
    ) -> None:
        super().__init__()
        self.folder = folder
        self.translations = translations
        self.hr_language = translations.language
        self.assistant = assistant or Assistant()
        self.store: Store | None = None
        self.account = ""
        self._closing = False
        self._may_close = False
        self._dialog: HrPasswordDialog | None = None
        self._focus_before_dialog: QWidget | None = None
        self._load_after_paint = False
        self._loading = ""  # what the status line says is still loading, if anything

        self.stack = QStackedWidget()
        self.setup_page = SetupPage(folder, kdf)
        self.recovery_page = RecoveryKeyPage()
        self.unlock_page = UnlockPage(folder, kdf)
        self.home_page = HomePage()
        self.arm_page = ArmPage()
        self.employee = EmployeeMode(self.assistant)
        for page in (
            self.setup_page,
            self.recovery_page,
            self.unlock_page,
            self.home_page,
            self.arm_page,
            self.employee,
        ):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)

        self.backend_label = QLabel()
        self.backend_label.setContentsMargins(8, 2, 8, 2)
        self.statusBar().addPermanentWidget(self.backend_label)
        self.statusBar().setSizeGripEnabled(False)
        self.assistant.status_changed.connect(self._update_status)
        self._update_status()

        self.setup_page.created.connect(self._created)
        self.recovery_page.confirmed.connect(self._show_home)
        self.unlock_page.unlocked.connect(self._unlocked)
        self.home_page.lock_requested.connect(self.lock)
        self.home_page.start_requested.connect(self._prepare_arming)
        self.home_page.resume_requested.connect(self._resume)
        self.arm_page.cancelled.connect(self._show_home)
        self.arm_page.armed.connect(self._arm)
        self.employee.leave_requested.connect(self._ask_to_leave)
        self.employee.idle_timeout.connect(self._disarm)
        self.employee.rearm_needed.connect(self._back_to_hr)
        self.employee.language_changed.connect(self.translations.set_language)

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

    @property
    def in_employee_mode(self) -> bool:
        return self.stack.currentWidget() is self.employee

    def _show_unlock(self, message: str = "") -> None:
        self.unlock_page.reload(message)
        self._show(self.unlock_page)

    def _show_home(self) -> None:
        if self.store is None:
            self._show_unlock()
            return
        self.home_page.show_for(self.store, self.account)
        self._show(self.home_page)

    def _update_status(self) -> None:
        text = self._loading or self.assistant.status
        self.backend_label.setText(text)
        self.backend_label.setAccessibleName(text)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("ExitBot"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ start-up
    def start(self) -> None:
        """Show the window; once it has painted, load the database layer, then the assistant."""
        self._loading = self.tr("Loading the database engine…")
        self._update_status()
        self._load_after_paint = True
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if self._load_after_paint:
            self._load_after_paint = False
            # Queued, so the rest of the first frame is drawn before loading competes with it.
            QTimer.singleShot(0, self._load_database_layer)

    def _load_database_layer(self) -> None:
        # On the store lane, so unlocking queues behind it, and the default choice of
        # assistant below is made before any choice read from HR's settings (same lane).
        Op(_import_database_layer, owner=self).success(
            lambda _none: self._database_layer_loaded()
        ).run_in_background()

    def _database_layer_loaded(self) -> None:
        self._loading = ""
        self._update_status()
        self.assistant.start()

    # ------------------------------------------------------------------ store
    def _created(self, store: Store, account: str, recovery_key: str) -> None:
        self._open(store, account)
        self.recovery_page.show_key(recovery_key, store.organisation)
        self._show(self.recovery_page)

    def _unlocked(self, store: Store, account: str) -> None:
        self._open(store, account)
        self._purge_expired(store)
        self._show_home()

    def _purge_expired(self, store: Store) -> None:
        """Keep the welcome page's promise: interviews past the retention period are
        erased at each HR unlock (queued before the home page lists what is left)."""

        Op(lambda _ctx: purge_expired(store), owner=self).failure(
            lambda error: _log.error("Erasing expired interviews failed", exc_info=error)
        ).run_in_background()

    def _open(self, store: Store, account: str) -> None:
        self.store = store
        self.account = account

    def lock(self, message: str = "") -> None:
        """Close the store after queued writes: the data key leaves memory, HR must unlock."""
        self.employee.stop()
        self._forget()
        self.translations.set_language(self.hr_language)
        store, self.store, self.account = self.store, None, ""
        if store is None:
            self._show_unlock(message)
            return

        def failed(error: Exception) -> None:
            # Whatever went wrong, nothing here holds the store any more: HR unlocks again.
            _log.error("Closing the database failed", exc_info=error)
            self._show_unlock(message)

        op = _close_store(store).success(lambda _none: self._show_unlock(message))
        op.failure(failed).run_in_background()

    def _forget(self) -> None:
        """Drop every page's reference to the store that is about to close."""
        self.employee.forget()
        self.home_page.forget()

    # ------------------------------------------------------------------ employee mode
    def _with_setup(self, then: Callable[[tuple[Settings, QuestionSet]], None]) -> None:
        """Read the settings and question set (store lane), then continue on the GUI thread."""
        store = self.store
        if store is None:
            return
        Op(lambda _ctx: _station_setup(store), owner=self).success(then).failure(
            known_failure(self.home_page.error.show_message)
        ).run_in_background()

    def _prepare_arming(self) -> None:
        def ready(setup: tuple[Settings, QuestionSet]) -> None:
            settings, question_set = setup
            self.assistant.start(settings.llm_backend, settings.ollama_host, settings.ollama_model)
            self.arm_page.prepare(question_set, settings, self.hr_language)
            self._show(self.arm_page)

        self._with_setup(ready)

    def _arm(self, arming: Arming) -> None:
        if self.store is None:
            return
        self.translations.set_language(arming.language)
        self.employee.arm(self.store, arming)
        self.stack.setCurrentWidget(self.employee)

    def _resume(self, interview_id: int) -> None:
        def ready(setup: tuple[Settings, QuestionSet]) -> None:
            settings, question_set = setup
            if self.store is None:
                return
            self.assistant.start(settings.llm_backend, settings.ollama_host, settings.ollama_model)
            # After the resumed interview, the next person gets a blank anonymous arming.
            arming = Arming(InterviewMeta(), self.hr_language, question_set, settings)
            self.employee.resume(self.store, interview_id, arming)
            self.stack.setCurrentWidget(self.employee)

        self._with_setup(ready)

    def _ask_to_leave(self) -> None:
        self._ask_password(
            self.tr("Ending interview mode needs an HR password. Answers given so far are kept."),
            self._back_to_hr,
        )

    def _back_to_hr(self) -> None:
        self.employee.stop()
        self.translations.set_language(self.hr_language)
        self._show_home()

    def _disarm(self) -> None:
        self.lock(self.tr("The interview station was left unused, so it locked itself."))

    def _ask_password(self, reason: str, then: Callable[[], None]) -> None:
        if self.store is None or self._dialog is not None:
            return
        self.employee.question.flush_draft()
        self._focus_before_dialog = QApplication.focusWidget()
        dialog = HrPasswordDialog(self, self.store, self.account, reason)
        self._dialog = dialog
        dialog.accepted.connect(then)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()
        dialog.activateWindow()

    def _dialog_closed(self) -> None:
        if self._dialog is not None:
            self._dialog.deleteLater()
        self._dialog = None
        # Keyboard users continue where they were (some platforms do not do this).
        self.activateWindow()
        previous = self._focus_before_dialog
        if previous is not None and shiboken6.isValid(previous) and previous.isVisible():
            previous.setFocus()
        else:
            page = self.stack.currentWidget()
            focus = page.first_focus() if isinstance(page, Page) else None
            if focus is not None:
                focus.setFocus()

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self.in_employee_mode and not self._may_close and self.store is not None:
            event.ignore()
            self._ask_password(
                self.tr("Closing ExitBot during an interview needs an HR password."),
                self._close_for_real,
            )
            return
        self.shutdown()
        event.accept()

    def _close_for_real(self) -> None:
        self._may_close = True
        self.close()

    def shutdown(self) -> None:
        """Let background writes finish, then drop the key and the lock.

        The window goes first, so closing feels instant; only the store's work is waited
        for, while a model still loading or writing is abandoned (operations.drain).
        """
        if self._closing:
            return
        self._closing = True
        self.hide()
        self.employee.stop()
        self._forget()
        store, self.store = self.store, None
        if store is not None:
            # Closed on the store lane, after every queued write (see operations.Lane).
            _close_store(store).failure(
                lambda error: _log.error("Closing the database failed", exc_info=error)
            ).run_in_background()
        operations.drain()
        self.translations.set_language(self.hr_language)
