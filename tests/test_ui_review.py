"""Changing an answer from the review page always leads back to the review.

A required question emptied while changing it is explained in place, and the page keeps
its "Save and return to review" until the review is back. Real window, real encrypted
database, driven by keyboard.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt

import exitbot_desktop.ui.main_window as main_window_module
from exitbot_desktop.engine.questions import QuestionSet, load_builtin
from exitbot_desktop.engine.store.folder import DataFolder

if TYPE_CHECKING:
    from ui_fixtures import UiDriver, WindowFactory


def _with_required_details(name: str = "default") -> QuestionSet:
    questions = load_builtin(name)
    return dataclasses.replace(
        questions,
        questions=tuple(
            dataclasses.replace(q, required=True) if q.id == "main_reason_details" else q
            for q in questions.questions
        ),
    )


def test_emptying_a_required_answer_from_review_keeps_the_way_back_to_review(
    ui: UiDriver,
    make_window: WindowFactory,
    hr_folder: DataFolder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(main_window_module, "load_builtin", _with_required_details)
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
