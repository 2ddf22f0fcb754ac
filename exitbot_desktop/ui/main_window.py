"""The one window: HR pages and the employee's interview, switched in a QStackedWidget.

Owns `MainWindow`: which page shows, the unlocked store and who unlocked it, the HR
workspace (the shared bar over its pages, and what each of the bar's sections shows),
moving between HR mode and employee mode (leaving employee mode, or closing the window during
it, needs an HR password), locking (the store closes, so the data key leaves memory),
and an orderly shutdown that lets background writes finish before the store closes.
Pages do their own work; this module only wires them together.

Start-up (`start`) paints the window first and only then loads the rest, in the order
it is needed: the database layer and the pages shown after the first unlock, then the
assistant for the first interview. Together they take several times longer to import
and build than a bare window takes to appear, so only the first page (set-up or unlock)
is built with the window and every other page the first time it shows. The status line
says what is still loading.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from exitbot_desktop.engine.filters import Filters
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.retention import purge_expired
from exitbot_desktop.engine.settings import DEFAULTS, Settings, read_settings
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import PRODUCTION_KDF, KdfParams
from exitbot_desktop.ui import operations
from exitbot_desktop.ui.assistant import Assistant
from exitbot_desktop.ui.errors import known_failure
from exitbot_desktop.ui.hr.setup import SetupPage
from exitbot_desktop.ui.hr.unlock import UnlockPage
from exitbot_desktop.ui.i18n import Translations
from exitbot_desktop.ui.idle import IdleWatch
from exitbot_desktop.ui.operations import Op, OpContext
from exitbot_desktop.ui.station import Arming
from exitbot_desktop.ui.station_delivery import StationDelivery
from exitbot_desktop.ui.widgets import ErrorLine, Page

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store
    from exitbot_desktop.ui.employee.mode import EmployeeMode
    from exitbot_desktop.ui.hr.accounts_page import AccountsPage
    from exitbot_desktop.ui.hr.arm import ArmPage
    from exitbot_desktop.ui.hr.audit_page import AuditPage
    from exitbot_desktop.ui.hr.backup_page import BackupPage
    from exitbot_desktop.ui.hr.dashboard_page import DashboardPage
    from exitbot_desktop.ui.hr.home import HomePage
    from exitbot_desktop.ui.hr.interview_detail_page import InterviewDetailPage
    from exitbot_desktop.ui.hr.interviews_page import InterviewsPage
    from exitbot_desktop.ui.hr.password_dialog import HrPasswordDialog
    from exitbot_desktop.ui.hr.questions_page import QuestionsPage
    from exitbot_desktop.ui.hr.recovery_key import RecoveryKeyPage
    from exitbot_desktop.ui.hr.settings_page import SettingsPage
    from exitbot_desktop.ui.hr.workspace import WorkspaceBar

_log = logging.getLogger("exitbot.ui")

# How long closing the store waits for background work still using it (the analysis
# after submit); afterwards it closes anyway and that work fails (and is logged).
STORE_USERS_WAIT_MS = 120_000


# What the window's own modules leave out so that it paints first, imported on the store
# lane once it has: the database layer (SQLAlchemy, SQLCipher, Alembic), then the modules
# of the pages built later, with the interview engine they use.
_LOADED_AFTER_PAINT = (
    "exitbot_desktop.engine.store.vault",
    "exitbot_desktop.ui.hr.recovery_key",
    "exitbot_desktop.ui.hr.workspace",
    "exitbot_desktop.ui.hr.home",
    "exitbot_desktop.ui.hr.arm",
    "exitbot_desktop.ui.employee.mode",
    "exitbot_desktop.ui.hr.password_dialog",
    # Charts load QtCharts and reportlab's colours: not on the GUI thread at first show.
    "exitbot_desktop.ui.hr.dashboard_page",
)


def _import_the_rest(_ctx: OpContext) -> None:
    for name in _LOADED_AFTER_PAINT:
        importlib.import_module(name)


def _station_setup(store: Store) -> tuple[Settings, QuestionSet]:
    from exitbot_desktop.engine.question_library import load_set

    settings = read_settings(store)
    return settings, load_set(store, settings.question_set)


def _close_store(store: Store) -> Op[str]:
    """An op closing the store on the store lane, after every op still using it, and
    after the automatic backup when HR switched it on. Its result is the sentence saying
    why that backup failed ("" when it did not)."""

    def close(_ctx: OpContext) -> str:
        from exitbot_desktop.engine.backups import automatic_backup
        from exitbot_desktop.engine.errors import ExitBotError

        if not operations.wait_for_store_users(STORE_USERS_WAIT_MS):
            _log.warning("Closing the database while background work still uses it")
        failure = ""
        try:
            automatic_backup(store)
        except ExitBotError as exc:
            _log.warning("The automatic backup failed: %s", exc.user_message)
            failure = exc.user_message
        finally:
            store.close()
        return failure

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
        self._awaiting_first_paint = False
        self._loading = ""  # what the status line says is still loading, if anything
        self._kdf = kdf
        # HR pages lock themselves when left alone (the employee pages have their own watch).
        self._hr_idle = IdleWatch()
        self._delivery = StationDelivery(self)
        self._hr_idle.idle.connect(self._hr_idle_expired)
        self._hr_idle_minutes = DEFAULTS.hr_idle_lock_minutes

        # The stack is in the window before any page joins it: with the app's stylesheet,
        # each move of a widget into another restyles everything inside it. The workspace
        # bar joins above it the first time a workspace page shows.
        central = QWidget()
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self.stack = QStackedWidget()
        self._column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.stack.currentChanged.connect(self._page_changed)
        # Each page is built the first time it shows (see the module docstring).
        self._setup_page: SetupPage | None = None
        self._unlock_page: UnlockPage | None = None
        self._recovery_page: RecoveryKeyPage | None = None
        self._home_page: HomePage | None = None
        self._arm_page: ArmPage | None = None
        self._interviews_page: InterviewsPage | None = None
        self._detail_page: InterviewDetailPage | None = None
        self._dashboard_page: DashboardPage | None = None
        self._settings_page: SettingsPage | None = None
        self._backup_page: BackupPage | None = None
        self._questions_page: QuestionsPage | None = None
        self._accounts_page: AccountsPage | None = None
        self._audit_page: AuditPage | None = None
        self._workspace: WorkspaceBar | None = None
        # What each of the workspace bar's sections (`workspace.SECTIONS`) shows.
        self._sections: dict[str, Callable[[], None]] = {
            "home": self._show_home,
            "interviews": self._show_interviews,
            "dashboard": self._show_dashboard,
            "settings": self._show_settings,
            "backup": self._show_backup,
            "questions": self._show_questions,
            "accounts": self._show_accounts,
            "audit": self._show_audit,
        }
        self._employee: EmployeeMode | None = None
        self._recovery_from_accounts = False  # where the recovery key page goes on to

        self.backend_label = QLabel()
        self.backend_label.setContentsMargins(8, 2, 8, 2)
        self.statusBar().addPermanentWidget(self.backend_label)
        self.statusBar().setSizeGripEnabled(False)
        self.assistant.status_changed.connect(self._update_status)
        self._update_status()

        self.setMinimumSize(800, 600)
        self.resize(1280, 800)
        self.retranslate()
        if folder.exists():
            self._show_unlock()
        else:
            self._show(self.setup_page)

    # ------------------------------------------------------------------ pages
    @property
    def setup_page(self) -> SetupPage:
        if self._setup_page is None:
            self._setup_page = page = SetupPage(self.folder, self._kdf)
            page.created.connect(self._created)
            self.stack.addWidget(page)
        return self._setup_page

    @property
    def unlock_page(self) -> UnlockPage:
        if self._unlock_page is None:
            self._unlock_page = page = UnlockPage(self.folder, self._kdf)
            page.unlocked.connect(self._unlocked)
            self.stack.addWidget(page)
        return self._unlock_page

    @property
    def recovery_page(self) -> RecoveryKeyPage:
        if self._recovery_page is None:
            from exitbot_desktop.ui.hr.recovery_key import RecoveryKeyPage

            self._recovery_page = page = RecoveryKeyPage()
            page.confirmed.connect(self._recovery_key_kept)
            self.stack.addWidget(page)
        return self._recovery_page

    @property
    def home_page(self) -> HomePage:
        if self._home_page is None:
            from exitbot_desktop.ui.hr.home import HomePage

            self._home_page = page = HomePage()
            page.resume_requested.connect(self._resume)
            self.stack.addWidget(page)
        return self._home_page

    @property
    def interviews_page(self) -> InterviewsPage:
        if self._interviews_page is None:
            from exitbot_desktop.ui.hr.interviews_page import InterviewsPage

            self._interviews_page = page = InterviewsPage()
            page.open_requested.connect(self._show_detail)
            page.export_requested.connect(self._export_listed)
            self.stack.addWidget(page)
        return self._interviews_page

    @property
    def detail_page(self) -> InterviewDetailPage:
        if self._detail_page is None:
            from exitbot_desktop.ui.hr.interview_detail_page import InterviewDetailPage

            self._detail_page = page = InterviewDetailPage()
            page.back_requested.connect(lambda: self._show(self.interviews_page))
            page.erased.connect(self._show_interviews)
            page.resume_requested.connect(self._resume)
            self.stack.addWidget(page)
        return self._detail_page

    @property
    def dashboard_page(self) -> DashboardPage:
        if self._dashboard_page is None:
            from exitbot_desktop.ui.hr.dashboard_page import DashboardPage

            self._dashboard_page = page = DashboardPage()
            page.browse_requested.connect(self._browse)
            self.stack.addWidget(page)
        return self._dashboard_page

    @property
    def settings_page(self) -> SettingsPage:
        if self._settings_page is None:
            from exitbot_desktop.ui.hr.settings_page import SettingsPage

            self._settings_page = page = SettingsPage()
            page.saved.connect(self._settings_saved)
            self.stack.addWidget(page)
        return self._settings_page

    @property
    def backup_page(self) -> BackupPage:
        if self._backup_page is None:
            from exitbot_desktop.ui.hr.backup_page import BackupPage

            self._backup_page = page = BackupPage()
            self.stack.addWidget(page)
        return self._backup_page

    @property
    def questions_page(self) -> QuestionsPage:
        if self._questions_page is None:
            from exitbot_desktop.ui.hr.questions_page import QuestionsPage

            self._questions_page = page = QuestionsPage()
            self.stack.addWidget(page)
        return self._questions_page

    @property
    def accounts_page(self) -> AccountsPage:
        if self._accounts_page is None:
            from exitbot_desktop.ui.hr.accounts_page import AccountsPage

            self._accounts_page = page = AccountsPage(self._kdf)
            page.recovery_key_made.connect(self._show_new_recovery_key)
            page.store_closed.connect(self.lock)
            self.stack.addWidget(page)
        return self._accounts_page

    @property
    def audit_page(self) -> AuditPage:
        if self._audit_page is None:
            from exitbot_desktop.ui.hr.audit_page import AuditPage

            self._audit_page = page = AuditPage()
            self.stack.addWidget(page)
        return self._audit_page

    @property
    def workspace(self) -> WorkspaceBar:
        """The bar over every HR workspace page (see `ui/hr/workspace.py`)."""
        if self._workspace is None:
            from exitbot_desktop.ui.hr.workspace import WorkspaceBar

            self._workspace = bar = WorkspaceBar()
            bar.hide()
            bar.section_requested.connect(self._open_section)
            bar.start_requested.connect(self._prepare_arming)
            bar.lock_requested.connect(self.lock)
            self._column.insertWidget(0, bar)
        return self._workspace

    @property
    def arm_page(self) -> ArmPage:
        if self._arm_page is None:
            from exitbot_desktop.ui.hr.arm import ArmPage

            self._arm_page = page = ArmPage()
            page.cancelled.connect(self._show_home)
            page.armed.connect(self._arm)
            self.stack.addWidget(page)
        return self._arm_page

    @property
    def employee(self) -> EmployeeMode:
        if self._employee is None:
            from exitbot_desktop.ui.employee.mode import EmployeeMode

            self._employee = mode = EmployeeMode(self.assistant)
            mode.leave_requested.connect(self._ask_to_leave)
            mode.idle_timeout.connect(self._disarm)
            mode.rearm_needed.connect(self._back_to_hr)
            mode.language_changed.connect(self.translations.set_language)
            mode.controller.outcome.connect(lambda _outcome: self._delivery.deliver())
            mode.controller.submitted.connect(lambda _receipt: self._delivery.deliver())
            self.stack.addWidget(mode)
        return self._employee

    def _show(self, page: Page) -> None:
        self.stack.setCurrentWidget(page)
        focus = page.first_focus()
        if focus is None and self._workspace is not None and self._workspace.isVisible():
            focus = self._workspace.first_focus()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _workspace_section(self, page: QWidget | None) -> str | None:
        """The bar's section `page` belongs to; None for pages shown without the bar."""
        pages = (
            (self._home_page, "home"),
            (self._interviews_page, "interviews"),
            (self._detail_page, "interviews"),
            (self._dashboard_page, "dashboard"),
            (self._settings_page, "settings"),
            (self._backup_page, "backup"),
            (self._questions_page, "questions"),
            (self._accounts_page, "accounts"),
            (self._audit_page, "audit"),
        )
        return next((key for shown, key in pages if shown is not None and shown is page), None)

    def _page_changed(self) -> None:
        section = self._workspace_section(self.stack.currentWidget())
        if section is not None:
            self.workspace.show_section(section)
        if self._workspace is not None:
            self._workspace.setVisible(section is not None and self.store is not None)
        self._watch_hr_idle()

    def _open_section(self, key: str) -> None:
        """A section chosen on the bar (a click, its Alt key or Ctrl+number)."""
        if self.store is not None and self._workspace_section(self.stack.currentWidget()):
            self._sections[key]()

    @property
    def in_employee_mode(self) -> bool:
        return self._employee is not None and self.stack.currentWidget() is self._employee

    def _show_unlock(self, message: str = "") -> None:
        self.unlock_page.reload(message)
        self._show(self.unlock_page)

    def _show_home(self) -> None:
        if self.store is None:
            self._show_unlock()
            return
        self.home_page.show_for(self.store, self.account)
        self._show(self.home_page)

    def _show_interviews(self) -> None:
        if self.store is None:
            self._show_unlock()
            return
        self.interviews_page.show_for(self.store)
        self._show(self.interviews_page)

    def _show_dashboard(self) -> None:
        """The figures for the filter the interview browser has in force."""
        if self.store is None:
            self._show_unlock()
            return
        self.dashboard_page.show_for(self.store, self._browser_filters(), self.hr_language)
        self._show(self.dashboard_page)

    def _show_settings(self) -> None:
        if self.store is None:
            self._show_unlock()
            return
        self.settings_page.show_for(self.store)
        self._show(self.settings_page)

    def _show_backup(self) -> None:
        if self.store is None:
            self._show_unlock()
            return
        self.backup_page.show_for(self.store, self.assistant.recent)
        self._show(self.backup_page)

    def _show_questions(self) -> None:
        if self.store is None:
            self._show_unlock()
            return
        self.questions_page.show_for(self.store, self.hr_language)
        self._show(self.questions_page)

    def _show_accounts(self) -> None:
        if self.store is None:
            self._show_unlock()
            return
        self.accounts_page.show_for(self.store)
        self._show(self.accounts_page)

    def _show_audit(self) -> None:
        if self.store is None:
            self._show_unlock()
            return
        self.audit_page.show_for(self.store)
        self._show(self.audit_page)

    def _show_new_recovery_key(self, recovery_key: str) -> None:
        """A recovery key made on the Accounts page, shown once; then back there."""
        if self.store is None:
            return
        self._recovery_from_accounts = True
        self.recovery_page.show_key(recovery_key, self.store.organisation)
        self._show(self.recovery_page)

    def _recovery_key_kept(self) -> None:
        """The officer confirmed the key is kept: on to where they were going."""
        from_accounts, self._recovery_from_accounts = self._recovery_from_accounts, False
        if from_accounts:
            self._show_accounts()
        else:
            self._show_home()

    def _browser_filters(self) -> Filters:
        """The browser's filters as typed; the ones it last applied while a date is mistyped."""
        page = self.interviews_page
        try:
            return page.query().filters
        except ValueError:
            return page.model.query.filters

    def _browse(self, filters: Filters) -> None:
        """The interviews behind a figure: the browser, filtered to them."""
        if self.store is None:
            self._show_unlock()
            return
        self.interviews_page.show_filters(self.store, filters)
        self._show(self.interviews_page)

    def _show_error(self, message: str) -> None:
        """A known failure, on the page on show (every HR page has an error line)."""
        error = getattr(self.stack.currentWidget(), "error", None)
        if isinstance(error, ErrorLine):
            error.show_message(message)
        else:
            self.home_page.error.show_message(message)

    def _export_listed(self) -> None:
        """The export dialog for what the browser lists (its filters, in the background
        the anonymity policy that decides whether names may be exported)."""
        store, page = self.store, self.interviews_page
        if store is None:
            return
        try:
            query = page.query()
        except ValueError:
            return  # the page already says how to type a date

        def ready(settings: Settings) -> None:
            from exitbot_desktop.engine.filters import Selection
            from exitbot_desktop.ui.hr.export_dialog import ExportDialog

            if self.store is not store:
                return
            selection = Selection(query.filters, query.receipt_code)
            names_allowed = settings.anonymity != "anonymous"
            dialog = ExportDialog(self, store, selection, names_allowed=names_allowed)
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()

        Op(lambda _ctx: read_settings(store), owner=self).success(ready).failure(
            known_failure(page.error.show_message)
        ).run_in_background()

    def _show_detail(self, interview_id: int) -> None:
        if self.store is None:
            self._show_unlock()
            return
        self.detail_page.show_interview(self.store, interview_id)
        self._show(self.detail_page)

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
        """Show the window; once it has painted, load the rest (see the module docstring)."""
        self._loading = self.tr("Loading the database engine…")
        self._update_status()
        self._awaiting_first_paint = True
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if self._awaiting_first_paint:
            self._awaiting_first_paint = False
            # Queued, so the rest of the first frame is drawn before loading competes with it.
            QTimer.singleShot(0, self._load_the_rest)

    def _load_the_rest(self) -> None:
        # On the store lane, so unlocking queues behind it, and the assistant's default
        # start in `_rest_loaded` comes before any start with HR's settings (read on the
        # same lane).
        Op(_import_the_rest, owner=self).success(
            lambda _none: self._rest_loaded()
        ).run_in_background()

    def _rest_loaded(self) -> None:
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
        self._read_hr_idle_minutes(store)
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
        self._delivery.start(store)

    # ------------------------------------------------------------------ idle lock
    def _read_hr_idle_minutes(self, store: Store) -> None:
        def apply(settings: Settings) -> None:
            self._hr_idle_minutes = settings.hr_idle_lock_minutes
            self._watch_hr_idle()

        Op(lambda _ctx: read_settings(store), owner=self).success(apply).failure(
            lambda error: _log.warning("Reading the idle lock setting failed", exc_info=error)
        ).run_in_background()

    def _settings_saved(self) -> None:
        """A new HR idle time applies at once; the station reads the rest when armed."""
        if self.store is not None:
            self._read_hr_idle_minutes(self.store)

    def _watch_hr_idle(self) -> None:
        """Time the HR pages while the database is open; the unlock, setup and employee
        pages do not hold HR's view of the data (the station has its own watch)."""
        page = self.stack.currentWidget()
        unwatched = (self._unlock_page, self._setup_page, self._employee)
        if self.store is not None and page is not None and page not in unwatched:
            self._hr_idle.start(self._hr_idle_minutes)
        else:
            self._hr_idle.stop()

    def _hr_idle_expired(self) -> None:
        self.lock(self.tr("ExitBot locked itself because nobody used it for a while."))

    def lock(self, message: str = "") -> None:
        """Close the store after queued writes: the data key leaves memory, HR must unlock."""
        if self._dialog is not None:
            self._dialog.reject()  # a password dialog left open must not outlive the store
        self._hr_idle.stop()
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

        def closed(backup_failure: str) -> None:
            if backup_failure:  # the engine's sentence does not know it was automatic
                backup_failure = self.tr("The automatic backup failed: {reason}").format(
                    reason=backup_failure
                )
            self._show_unlock(" ".join(text for text in (message, backup_failure) if text))

        _close_store(store).success(closed).failure(failed).run_in_background()

    def _forget(self) -> None:
        """Stop any interview; drop every page's reference to the store about to close."""
        self._delivery.stop()
        if self._employee is not None:
            self._employee.stop()
            self._employee.forget()
        if self._home_page is not None:
            self._home_page.forget()
        if self._interviews_page is not None:
            self._interviews_page.forget()
        if self._detail_page is not None:
            self._detail_page.forget()
        if self._dashboard_page is not None:
            self._dashboard_page.forget()
        if self._settings_page is not None:
            self._settings_page.forget()
        if self._backup_page is not None:
            self._backup_page.forget()
        if self._questions_page is not None:
            self._questions_page.forget()
        if self._accounts_page is not None:
            self._accounts_page.forget()
        if self._audit_page is not None:
            self._audit_page.forget()
        self._recovery_from_accounts = False

    # ------------------------------------------------------------------ employee mode
    def _with_setup(self, then: Callable[[tuple[Settings, QuestionSet]], None]) -> None:
        """Read the settings and question set (store lane), then continue on the GUI thread."""
        store = self.store
        if store is None:
            return
        Op(lambda _ctx: _station_setup(store), owner=self).success(then).failure(
            known_failure(self._show_error)
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
            "employee_mode_ended",
            self._back_to_hr,
        )

    def _back_to_hr(self) -> None:
        self.employee.stop()
        self.translations.set_language(self.hr_language)
        self._show_home()

    def _disarm(self) -> None:
        self.lock(self.tr("The interview station was left unused, so it locked itself."))

    def _ask_password(self, reason: str, action: str, then: Callable[[], None]) -> None:
        from exitbot_desktop.ui.hr.password_dialog import HrPasswordDialog

        if self.store is None or self._dialog is not None:
            return
        self.employee.question.flush_draft()
        self._focus_before_dialog = QApplication.focusWidget()
        dialog = HrPasswordDialog(self, self.store, self.account, reason, action)
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
                "app_closed_during_interview",
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
        self._hr_idle.stop()  # its timer must not outlive the window
        self._forget()
        store, self.store = self.store, None
        if store is not None:
            # Closed on the store lane, after every queued write (see operations.Lane).
            _close_store(store).failure(
                lambda error: _log.error("Closing the database failed", exc_info=error)
            ).run_in_background()
        operations.drain()
        self.translations.set_language(self.hr_language)
