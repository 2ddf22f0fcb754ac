"""The interview station: who may leave it, what happens when it is left alone or killed.

Real windows on a real encrypted database; the crash test runs the GUI in a separate
process, types into a question and kills that process with SIGKILL.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.ui.employee.answer_inputs import TextInput
from exitbot_desktop.ui.employee.question_page import DRAFT_DELAY_MS

if TYPE_CHECKING:
    from ui_fixtures import UiDriver, WindowFactory

    from exitbot_desktop.ui.main_window import MainWindow


def _wait_dialog(ui: UiDriver, window: MainWindow) -> None:
    ui.qtbot.waitUntil(lambda: window._dialog is not None and window._dialog.password.hasFocus())


def test_leaving_employee_mode_needs_an_hr_password(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    ui.arm_station(window)
    ui.activate(window.employee.leave_button)
    _wait_dialog(ui, window)
    ui.type("a guess from the employee")
    ui.press(Qt.Key.Key_Return)
    dialog = window._dialog
    assert dialog is not None
    ui.qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert dialog.error.text().startswith("The password for 'alice' is not right.")
    ui.press(Qt.Key.Key_Escape)
    ui.qtbot.waitUntil(lambda: window._dialog is None)
    assert window.stack.currentWidget() is window.employee

    ui.activate(window.employee.leave_button)
    _wait_dialog(ui, window)
    ui.type(ui.password)
    ui.press(Qt.Key.Key_Return)
    ui.wait_page(window, window.home_page)
    assert window.store is not None
    audit = [(e.action, e.detail.get("account")) for e in window.store.audit.entries(limit=3)]
    assert audit[0] == ("employee_mode_ended", "alice")
    assert ("login_failed", "alice") in audit


def test_closing_the_window_during_an_interview_needs_an_hr_password(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    ui.arm_station(window)
    ui.start_interview(window)
    window.close()
    _wait_dialog(ui, window)
    assert window.isVisible()
    ui.press(Qt.Key.Key_Escape)
    ui.qtbot.waitUntil(lambda: window._dialog is None)
    assert window.isVisible() and window.store is not None

    window.close()
    _wait_dialog(ui, window)
    ui.type(ui.password)
    ui.press(Qt.Key.Key_Return)
    ui.qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert window.store is None
    # The interview stays unfinished and the data folder is free again.
    with vault.unlock(hr_folder, user="alice", password=ui.password) as store:
        assert [r.status for r in store.interviews.unfinished()] == ["in_progress"]


def test_an_idle_welcome_screen_disarms_the_station(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    ui.arm_station(window)
    assert window.employee.idle._timer.interval() == 30 * 60_000  # the default policy
    window.employee.idle.start(0.01)  # 0.6 s instead of 30 minutes
    ui.wait_page(window, window.unlock_page)
    assert window.store is None
    assert window.unlock_page.error.text() == (
        "The interview station was left unused, so it locked itself."
    )
    ui.unlock(window)


def test_a_question_left_alone_keeps_the_draft_and_locks_the_station(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    ui.reach_free_text(window, answer_first=False)
    ui.type("Half a thought")
    employee = window.employee
    assert employee.idle._timer.isActive()  # watched on a question, not only the welcome
    assert employee.idle._timer.interval() == 30 * 60_000

    employee.idle.start(0.01)  # the employee walked away
    ui.wait_page(window, window.unlock_page)

    assert window.store is None  # the next person cannot page back through the answers
    assert window.unlock_page.error.text() == (
        "The interview station was left unused, so it locked itself."
    )
    ui.unlock(window)
    page = ui.resume_only_unfinished(window, 2)
    assert page.input is not None and page.input.value() == "Half a thought"


def test_the_review_page_is_watched_too(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    ui.arm_station(window)
    ui.start_interview(window)
    ui.answer_the_rest(window)
    ui.wait_employee(window, window.employee.review)

    assert window.employee.idle._timer.isActive()


def test_hr_pages_lock_themselves_after_the_idle_setting(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    with vault.unlock(hr_folder, user="alice", password=ui.password) as store:
        store.settings.set("hr_idle_lock_minutes", 3)
    window = make_window(hr_folder)
    ui.unlock(window)
    idle = window._hr_idle
    ui.qtbot.waitUntil(lambda: idle._timer.interval() == 3 * 60_000)
    assert idle._timer.isActive()
    ui.activate(window.workspace.start_button)
    ui.wait_page(window, window.arm_page)
    assert idle._timer.isActive()  # every HR page, not only the first

    idle.start(0.01)  # HR went to a meeting
    ui.wait_page(window, window.unlock_page)

    assert window.store is None
    assert window.unlock_page.error.text() == (
        "ExitBot locked itself because nobody used it for a while."
    )
    assert not idle._timer.isActive()


def test_employee_mode_does_not_run_the_hr_idle_lock(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    ui.arm_station(window)

    assert not window._hr_idle._timer.isActive()  # the station's own watch applies


def test_typing_is_saved_as_a_draft_after_a_short_pause(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    ui.reach_free_text(window, answer_first=False)
    ui.type("Half a thought")
    session = window.employee.controller.session
    assert session is not None
    repo = session._store.interviews
    assert repo.load(session.id).draft_text is None
    ui.qtbot.waitUntil(
        lambda: repo.load(session.id).draft_text == "Half a thought",
        timeout=DRAFT_DELAY_MS + 5_000,
    )


_CRASHING_STATION = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from exitbot_desktop.engine.llm.rules import RulesBackend
    from exitbot_desktop.engine.store.folder import DataFolder
    from exitbot_desktop.engine.store.keys import FAST_KDF
    from exitbot_desktop.ui import operations
    from exitbot_desktop.ui.app import create_app
    from exitbot_desktop.ui.assistant import Assistant
    from exitbot_desktop.ui.main_window import MainWindow

    def wait(condition):
        deadline = time.monotonic() + 20
        while not condition():
            assert time.monotonic() < deadline, "station did not get there"
            QApplication.processEvents()
            time.sleep(0.01)

    _app, translations = create_app([])
    translations.set_language("en")
    window = MainWindow(DataFolder(Path(sys.argv[1])), translations,
                        assistant=Assistant(RulesBackend()), kdf=FAST_KDF)
    window.show()
    window.unlock_page.password.setText(sys.argv[2])
    window.unlock_page.unlock_button.click()
    wait(lambda: window.stack.currentWidget() is window.home_page)
    window.workspace.start_button.click()
    wait(lambda: window.stack.currentWidget() is window.arm_page)
    window.arm_page.hand_over_button.click()
    employee = window.employee
    wait(lambda: employee.stack.currentWidget() is employee.welcome)
    employee.welcome.start_button.click()
    page = employee.question
    wait(lambda: page._step is not None and not employee.controller.busy)
    page.next_button.click()
    wait(lambda: page._step.number == 2 and not employee.controller.busy)
    QTest.keyClicks(page.input.box, sys.argv[3])
    wait(lambda: not page._draft_timer.isActive())
    operations.drain()
    print("READY", flush=True)
    time.sleep(120)
    """
)


def test_a_killed_station_resumes_at_the_same_question_with_the_draft(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    typed = "My team was great, but the commute"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with subprocess.Popen(
        [sys.executable, "-c", _CRASHING_STATION, str(hr_folder.root), ui.password, typed],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    ) as station:
        try:
            assert station.stdout is not None and station.stderr is not None
            ready, _, _ = select.select([station.stdout], [], [], 60)
            line = station.stdout.readline() if ready else ""
            if line.strip() != "READY":
                station.kill()
                raise AssertionError(station.stderr.read())
        finally:
            station.send_signal(signal.SIGKILL)
            station.wait(10)
    assert station.returncode == -signal.SIGKILL

    window = make_window(hr_folder)
    ui.unlock(window)
    home = window.home_page
    ui.qtbot.waitUntil(lambda: home.unfinished.count() == 1)
    assert home.resume_button.isEnabled()
    ui.activate(home.resume_button)
    ui.wait_page(window, window.employee)
    ui.wait_question(window, 2)
    page = window.employee.question
    assert isinstance(page.input, TextInput)
    assert page.input.box.toPlainText() == typed
    assert page.input.box.hasFocus()
    started = time.monotonic()
    ui.type(" was too long.")
    ui.next()
    ui.qtbot.waitUntil(
        lambda: page.followups.followup_id is not None or page._step.number == 3  # type: ignore[union-attr]
    )
    assert time.monotonic() - started < 5
    session = window.employee.controller.session
    assert session is not None
    record = session._store.interviews.load(session.id)
    answer = record.main_answers()["main_reason_details"]
    assert answer.text == typed + " was too long."
    assert record.main_answers()["main_reason"].status == "skipped"


def test_resuming_never_shows_the_previous_screen_before_the_interview_loads(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    ui.reach_free_text(window, answer_first=False)
    ui.type("Something only the first person wrote")
    ui.activate(window.employee.leave_button)
    _wait_dialog(ui, window)
    ui.type(ui.password)
    ui.press(Qt.Key.Key_Return)
    ui.wait_page(window, window.home_page)

    employee = window.employee
    shown_first: list[QWidget] = []
    window.stack.currentChanged.connect(
        lambda _index: (
            shown_first.append(employee.stack.currentWidget())
            if window.stack.currentWidget() is employee and not shown_first
            else None
        )
    )
    home = window.home_page
    ui.qtbot.waitUntil(lambda: home.unfinished.count() == 1)
    ui.activate(home.resume_button)
    ui.wait_question(window, 2)
    assert shown_first == [employee.waiting]  # not the question page as it was left
    page = employee.question
    assert page.input is not None and page.input.focus_target().hasFocus()
