"""Changing an answer from the review page always leads back to the review.

A required question emptied while changing it is explained in place, and the page keeps
its "Save and return to review" until the review is back. Real window, real encrypted
database, driven by keyboard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from ui_fixtures import HR_PASSWORD

from exitbot_desktop.engine import question_library
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder

if TYPE_CHECKING:
    from ui_fixtures import UiDriver, WindowFactory


def _activate_required_details(folder: DataFolder) -> None:
    """HR's own copy of the built-in set, with the first free-text question required."""
    with vault.unlock(folder, user="alice", password=HR_PASSWORD) as store:
        content = question_library.set_content(store, "default")
        content["id"] = "required-details"
        for question in content["questions"]:
            question["required"] = question["id"] == "main_reason_details"
        question_library.save_set(store, content)
        question_library.activate_set(store, "required-details")


def test_emptying_a_required_answer_from_review_keeps_the_way_back_to_review(
    ui: UiDriver,
    make_window: WindowFactory,
    hr_folder: DataFolder,
) -> None:
    _activate_required_details(hr_folder)
    window = make_window(hr_folder)
    ui.arm_station(window)
    ui.start_interview(window)
    ui.answer_the_rest(window)
    review = window.employee.review
    ui.activate(review.change_buttons["main_reason_details"])
    ui.wait_question(window, 2)
    page = window.employee.question
    assert page.input is not None and page.input.focus_target().hasFocus()
    ui.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    ui.press(Qt.Key.Key_Delete)
    ui.next()
    assert page.error.text() == "Please answer this question to go on."
    assert page.next_button.text().replace("&", "") == "Save and return to review"
    assert page.from_review

    ui.type("Too many meetings.")
    ui.next()
    ui.wait_employee(window, review)
    assert not page.from_review
    session = window.employee.controller.session
    assert session is not None and window.store is not None
    answer = window.store.interviews.load(session.id).main_answers()
    assert answer["main_reason_details"].text == "Too many meetings."
