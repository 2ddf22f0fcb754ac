"""Keyboard-only and screen-reader use: Enter presses buttons, focus lands somewhere safe,
and every control says what it belongs to.

Real windows on a real encrypted database, driven by keys sent to the focused widget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from exitbot_desktop.engine.store.folder import DataFolder

if TYPE_CHECKING:
    from ui_fixtures import UiDriver, WindowFactory

    from exitbot_desktop.ui.main_window import MainWindow


def test_return_presses_the_focused_start_and_next_buttons(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    ui.arm_station(window)
    assert window.employee.welcome.start_button.hasFocus()
    ui.press(Qt.Key.Key_Return)
    ui.wait_question(window, 1)
    page = window.employee.question
    ui.press(Qt.Key.Key_Space)  # the first reason
    ui.tab_to(page.next_button)
    ui.press(Qt.Key.Key_Enter)  # the keypad's Enter works too
    ui.wait_question(window, 2)
    ui.type("Too little time for the work.")
    ui.tab_to(page.next_button)
    ui.press(Qt.Key.Key_Return)
    ui.qtbot.waitUntil(lambda: page.followups.followup_id is not None, timeout=10_000)


def _to_review(ui: UiDriver, window: MainWindow) -> None:
    ui.arm_station(window)
    ui.start_interview(window)
    ui.answer_the_rest(window)


def test_review_starts_on_the_first_change_and_each_change_says_the_answer(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    _to_review(ui, window)
    review = window.employee.review
    first = next(iter(review.change_buttons.values()))
    assert first.hasFocus()
    details = review.change_buttons["main_reason_details"]
    assert details.accessibleDescription() == "Your answer: It was fine overall."
    assert all(
        b.accessibleDescription().startswith("Your answer: ")
        for b in review.change_buttons.values()
    )
    ui.press(Qt.Key.Key_Space)  # a reflex Space changes an answer; it never submits
    ui.wait_question(window, 1)
    session = window.employee.controller.session
    assert session is not None and session.status == "in_progress"


def test_thanks_page_starts_on_the_receipt_code_not_on_a_rating(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    _to_review(ui, window)
    ui.activate(window.employee.review.submit_button)
    thanks = window.employee.thanks
    ui.wait_employee(window, thanks)
    rated: list[int] = []
    thanks.rated.connect(rated.append)
    assert thanks.code.hasFocus()
    assert thanks.code.accessibleName() == f"Receipt code {thanks.code.text()}"
    assert "only way to find your interview" in thanks.code.accessibleDescription()
    focused = thanks.code.grab().toImage()
    thanks.done_button.setFocus()
    assert thanks.code.grab().toImage() != focused  # the focus frame shows
    thanks.code.setFocus()

    ui.press(Qt.Key.Key_Space)  # a reflex Space rates nothing
    assert rated == []
    ui.press(Qt.Key.Key_Tab)  # then the ratings (arrow keys move within them)
    assert thanks.rating_buttons[0].hasFocus()
    for _ in range(4):
        ui.press(Qt.Key.Key_Right)
    assert thanks.rating_buttons[4].hasFocus()
    ui.press(Qt.Key.Key_Tab)
    assert thanks.done_button.hasFocus()
    ui.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    ui.press(Qt.Key.Key_Return)
    assert rated == [5]


def test_rating_and_scale_buttons_say_which_question_they_answer(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    ui.arm_station(window)
    ui.start_interview(window)
    page = window.employee.question
    seen: dict[str, list[str]] = {}
    while window.employee.stack.currentWidget() is page:
        step = page._step
        assert step is not None and step.question is not None and page.input is not None
        question = step.question
        if question.type in ("rating", "scale_0_10"):
            seen[question.type] = [c.accessibleDescription() for c in page.input.focus_chain()]
            expected = f"{question.text_for('en')} {question.help_for('en')}".strip()
            assert set(seen[question.type]) == {expected}
        number = step.number
        ui.activate(page.skip_button)
        ui.qtbot.waitUntil(
            lambda n=number: (
                not window.employee.controller.busy
                and (page._step is None or page._step.number != n or not page.isVisible())
            )
        )
    assert len(seen["rating"]) == 5 and len(seen["scale_0_10"]) == 11
    satisfaction = window.employee.review.change_buttons["satisfaction_role"]
    assert satisfaction.accessibleDescription() == "Your answer: Skipped"
