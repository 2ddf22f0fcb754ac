"""The employee's interview, driven by keyboard through the real window and engine.

A real encrypted database in tmp_path, the rules backend for follow-ups (deterministic),
and keys sent to whatever has focus, the way a keyboard-only user works.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.interviews import InterviewRepository
from exitbot_desktop.ui.employee.answer_inputs import TextInput

if TYPE_CHECKING:
    from ui_fixtures import UiDriver, WindowFactory

    from exitbot_desktop.ui.main_window import MainWindow

pytest_plugins = ["ui_fixtures"]  # until tests/conftest.py registers it

CTRL = Qt.KeyboardModifier.ControlModifier


def arm_station(ui: UiDriver, window: MainWindow, department: str = "Sales") -> None:
    """HR unlocks, starts an interview, fills in the department and hands over."""
    ui.unlock(window)
    ui.activate(window.home_page.start_button)
    ui.wait_page(window, window.arm_page)
    assert window.arm_page.department.hasFocus()
    ui.type(department)
    ui.activate(window.arm_page.hand_over_button)
    ui.wait_page(window, window.employee)
    employee = window.employee
    assert employee.stack.currentWidget() is employee.welcome


def wait_question(ui: UiDriver, window: MainWindow, number: int) -> None:
    page = window.employee.question
    ui.qtbot.waitUntil(
        lambda: (
            window.employee.stack.currentWidget() is page
            and page._step is not None
            and page._step.number == number
            and not window.employee.controller.busy
        ),
        timeout=10_000,
    )


def answer_the_rest(ui: UiDriver, window: MainWindow) -> None:
    """Answer every remaining question by keyboard: first option, or a short text."""
    employee = window.employee
    page = employee.question
    while employee.stack.currentWidget() is page:
        number = page._step.number if page._step else 0
        if page.followups.active:
            ui.activate(page.followups.skip_button)
        elif isinstance(page.input, TextInput):
            ui.type("It was fine overall.")
            ui.press(Qt.Key.Key_Return, CTRL)
        else:
            ui.press(Qt.Key.Key_Space)
            ui.press(Qt.Key.Key_Return, CTRL)
        ui.qtbot.waitUntil(
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


def test_whole_interview_keyboard_only_with_rules_backend(
    ui: UiDriver, make_window: WindowFactory, hr_folder: vault.DataFolder
) -> None:
    window = make_window(hr_folder)
    arm_station(ui, window)
    employee = window.employee
    page = employee.question
    assert employee.welcome.start_button.hasFocus()
    ui.press(Qt.Key.Key_Space)
    wait_question(ui, window, 1)
    # Main reason: move down the options with the arrow keys to "My manager".
    ui.press(Qt.Key.Key_Space)
    ui.press(Qt.Key.Key_Down)
    ui.press(Qt.Key.Key_Down)
    assert page.input is not None and page.input.value() == "manager"
    ui.tab_to(page.next_button)
    ui.press(Qt.Key.Key_Space)
    wait_question(ui, window, 2)
    assert isinstance(page.input, TextInput) and page.input.box.hasFocus()
    ui.type("My manager never gave me any feedback on my work.")
    ui.press(Qt.Key.Key_Return, CTRL)
    ui.qtbot.waitUntil(lambda: page.followups.followup_id is not None, timeout=10_000)
    assert page.followups.bubble.text().endswith("?")
    assert page.followups.reply.box.hasFocus()
    ui.type("More regular one-to-ones.")
    ui.press(Qt.Key.Key_Return, CTRL)
    wait_question(ui, window, 3)
    assert "manager" in page.question.text().lower()
    answer_the_rest(ui, window)
    review = employee.review
    ui.qtbot.waitUntil(lambda: employee.stack.currentWidget() is review)
    assert review.submit_button.hasFocus()
    ui.press(Qt.Key.Key_Space)
    thanks = employee.thanks
    ui.qtbot.waitUntil(lambda: employee.stack.currentWidget() is thanks, timeout=10_000)
    code = thanks.code.text()
    assert code.startswith("EX-")
    ui.press(Qt.Key.Key_Space)  # one click: rate the interview 1
    ui.activate(thanks.done_button)
    ui.qtbot.waitUntil(lambda: employee.stack.currentWidget() is employee.welcome)

    assert window.store is not None
    record = InterviewRepository(window.store).find_by_receipt(code)
    assert record is not None and record.status == "completed"
    assert record.meta.department == "Sales"
    main = record.main_answers()
    assert main["main_reason"].value == "manager"
    assert "manager_aspects" in main
    followups = record.followups_for("main_reason_details")
    assert len(followups) == 1
    assert followups[0].followup_source == "rules"
    assert followups[0].text == "More regular one-to-ones."
