"""Fixtures for the GUI tests: the real main window on a real encrypted database.

A pytest plugin module, registered in tests/conftest.py. Windows use the fast KDF
and, unless a test asks otherwise, the rules backend, so they behave the same on every
machine. Helpers here drive the window the way a person would: typing into the focused
widget and pressing keys.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.exceptions import TimeoutError as QtTimeoutError
from pytestqt.qtbot import QtBot

from exitbot_desktop.engine.llm.backend import Backend, GenerationOptions, Message
from exitbot_desktop.engine.llm.rules import RulesBackend
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF
from exitbot_desktop.ui.app import create_app
from exitbot_desktop.ui.assistant import Assistant
from exitbot_desktop.ui.employee.answer_inputs import TextInput
from exitbot_desktop.ui.employee.question_page import QuestionPage
from exitbot_desktop.ui.i18n import Translations
from exitbot_desktop.ui.main_window import MainWindow

HR_PASSWORD = "correct horse battery staple"
WindowFactory = Callable[..., MainWindow]


class SlowBackend:
    """A model that writes one word every 0.3 s and notices cancellation."""

    name = "slow"
    model = "slow-test-model"
    display_name = "Slow test model"

    def __init__(self) -> None:
        self.stopped = threading.Event()

    def is_available(self) -> bool:
        return True

    def warm_up(self) -> None:
        """Nothing to load."""

    def stream_chat(
        self,
        messages: Sequence[Message],
        *,
        options: GenerationOptions,
        cancel: threading.Event,
    ) -> Iterator[str]:
        for word in ("What ", "would ", "have ", "helped ", "you ", "most?"):
            if cancel.wait(0.3):
                self.stopped.set()
                return
            yield word
        self.stopped.set()


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    """The app styled as in production, in English; reset afterwards."""
    _app, translations = create_app([])
    translations.set_language("en")
    yield translations
    translations.clear()


@pytest.fixture
def make_window(qtbot: QtBot, translations: Translations) -> Iterator[WindowFactory]:
    """Open main windows on a data folder; each is closed (store released) at the end."""
    windows: list[MainWindow] = []

    def make(folder: DataFolder, backend: Backend | None = None) -> MainWindow:
        assistant = Assistant(backend or RulesBackend())
        window = MainWindow(folder, translations, assistant=assistant, kdf=FAST_KDF)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        assistant.start()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shutdown()


def alt_key(text: str) -> str | None:
    """The Alt key a control's text gives it ("Se&ttings" → "t"), or None; "&&" is a
    literal ampersand, not a key."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def shown_alt_keys(widgets: list[QWidget]) -> list[str]:
    """The Alt keys of the visible buttons and labels among `widgets`, one per control."""
    shown = (w for w in widgets if isinstance(w, QAbstractButton | QLabel) and w.isVisible())
    return [key for w in shown if (key := alt_key(w.text())) is not None]


def workspace_alt_keys(window: MainWindow, page: QWidget) -> list[str]:
    """The Alt keys a keyboard user has on a shown workspace page: the bar's and the
    page's (each may appear once)."""
    return shown_alt_keys([*page.findChildren(QWidget), *window.workspace.findChildren(QWidget)])


@pytest.fixture
def hr_folder(folder: DataFolder) -> DataFolder:
    """A data folder with an encrypted database and HR account 'alice' (closed again)."""
    store, _key = vault.create(
        folder, organisation="Acme GmbH", user="alice", password=HR_PASSWORD, kdf=FAST_KDF
    )
    store.close()
    return folder


class UiDriver:
    """Drives the window the way a person does: keys go to whatever has focus."""

    password = HR_PASSWORD

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot

    def focused(self) -> QWidget:
        """The widget with keyboard focus (window activation may take a moment)."""
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2_000)
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def type(self, text: str) -> None:
        """Type into whatever has focus, as a keyboard would."""
        self.qtbot.keyClicks(self.focused(), text)

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        """Press one key on the focused widget."""
        self.qtbot.keyClick(self.focused(), key, modifier)

    def tab_to(self, target: QWidget, *, limit: int = 60) -> None:
        """Press Tab until `target` has focus; fails if it is not in the tab chain.

        A person tabs to a button they can see: widgets added to a shown page appear one
        turn of the event loop later, and Tab skips them until then, so wait for it first.
        """
        try:
            self.qtbot.waitUntil(target.isVisible, timeout=5_000)
        except QtTimeoutError:
            raise AssertionError(f"{target.accessibleName() or target!r} is never shown") from None
        for _ in range(limit):
            if QApplication.focusWidget() is target:
                return
            self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached {target.accessibleName() or target!r}")

    def activate(self, target: QWidget) -> None:
        """Tab to a button (or check box) and press Space on it."""
        self.tab_to(target)
        self.press(Qt.Key.Key_Space)

    def wait_page(self, window: MainWindow, page: QWidget, timeout: int = 10_000) -> None:
        self.qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=timeout)

    def unlock(self, window: MainWindow, password: str = HR_PASSWORD) -> None:
        """Type the password on the unlock page and press Enter; waits for the home page."""
        window.unlock_page.password.setFocus()
        self.type(password)
        self.press(Qt.Key.Key_Return)
        self.wait_page(window, window.home_page)

    # ------------------------------------------------------------- the interview
    def arm_station(self, window: MainWindow, department: str = "Sales") -> None:
        """HR unlocks, starts an interview, fills in the department and hands over."""
        self.unlock(window)
        self.activate(window.workspace.start_button)
        self.wait_page(window, window.arm_page)
        assert window.arm_page.department.hasFocus()
        self.type(department)
        self.activate(window.arm_page.hand_over_button)
        self.wait_page(window, window.employee)
        self.wait_employee(window, window.employee.welcome)

    def wait_employee(self, window: MainWindow, page: QWidget, timeout: int = 10_000) -> None:
        employee = window.employee
        self.qtbot.waitUntil(
            lambda: employee.stack.currentWidget() is page and not employee.controller.busy,
            timeout=timeout,
        )

    def start_interview(self, window: MainWindow) -> None:
        """On the welcome page: Start (it has the focus), wait for question 1."""
        assert window.employee.welcome.start_button.hasFocus()
        self.press(Qt.Key.Key_Space)
        self.wait_question(window, 1)

    def reach_free_text(self, window: MainWindow, *, answer_first: bool = True) -> None:
        """Arm the station, start, answer question 1 (Space picks the first reason) or skip
        it, and wait for question 2, the first free-text question."""
        self.arm_station(window)
        self.start_interview(window)
        if answer_first:
            self.press(Qt.Key.Key_Space)
        self.next()
        self.wait_question(window, 2)

    def wait_question(self, window: MainWindow, number: int, timeout: int = 10_000) -> None:
        employee = window.employee
        page = employee.question
        self.qtbot.waitUntil(
            lambda: (
                employee.stack.currentWidget() is page
                and page._step is not None
                and page._step.number == number
                and not employee.controller.busy
            ),
            timeout=timeout,
        )

    def resume_only_unfinished(self, window: MainWindow, number: int) -> QuestionPage:
        """On the home page: resume the one unfinished interview; wait for question `number`."""
        home = window.home_page
        self.qtbot.waitUntil(lambda: home.unfinished.count() == 1)
        self.activate(home.resume_button)
        self.wait_question(window, number)
        return window.employee.question

    def next(self) -> None:
        """Ctrl+Enter: the keyboard way on from any answer."""
        self.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    def answer_the_rest(self, window: MainWindow) -> None:
        """Answer every remaining question by keyboard: first option, or a short text;
        follow-ups are skipped."""
        employee = window.employee
        page = employee.question
        while employee.stack.currentWidget() is page:
            number = page._step.number if page._step else 0
            if page.followups.active:
                self.activate(page.followups.skip_button)
            elif isinstance(page.input, TextInput):
                self.type("It was fine overall.")
                self.next()
            else:
                self.press(Qt.Key.Key_Space)
                self.next()
            self.qtbot.waitUntil(
                lambda n=number: (
                    not employee.controller.busy
                    and (
                        employee.stack.currentWidget() is not page
                        or page._step is None
                        or page._step.number != n
                        or page.followups.followup_id is not None
                    )
                ),
                timeout=10_000,
            )
        self.wait_employee(window, employee.review)

    @staticmethod
    def folder_digest(folder: DataFolder) -> str:
        """A fingerprint of the database and key file bytes."""
        digest = hashlib.sha256()
        for path in (folder.db_path, folder.key_path):
            digest.update(Path(path).read_bytes())
        return digest.hexdigest()


@pytest.fixture
def ui(qtbot: QtBot) -> UiDriver:
    return UiDriver(qtbot)
