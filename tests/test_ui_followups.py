"""While a follow-up is open, the question's saved answer stays exactly as it was given.

The follow-up thread sits under an answered question: neither "Skip question", nor
typing into the answer above it, nor going back may change or lose what was written.
Real windows on a real encrypted database, driven by keyboard.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from ui_fixtures import SlowBackend

from exitbot_desktop.engine.records import InterviewRecord
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.ui.employee.answer_inputs import TextInput
from exitbot_desktop.ui.employee.question_page import DRAFT_DELAY_MS, QuestionPage
from exitbot_desktop.ui.operations import Lane, Op, OpContext

if TYPE_CHECKING:
    from ui_fixtures import UiDriver, WindowFactory

    from exitbot_desktop.ui.main_window import MainWindow

ANSWER = "The workload was far too high for a long time."


def _answer_until_followup(ui: UiDriver, window: MainWindow) -> QuestionPage:
    """Question 1 by Space, question 2 in words, then the follow-up is being written."""
    ui.reach_free_text(window)
    page = window.employee.question
    ui.type(ANSWER)
    ui.next()
    ui.qtbot.waitUntil(lambda: page.followups.active, timeout=10_000)
    return page


def _wait_pending(ui: UiDriver, window: MainWindow, page: QuestionPage) -> None:
    ui.qtbot.waitUntil(
        lambda: page.followups.followup_id is not None and not window.employee.controller.busy,
        timeout=10_000,
    )


def _record(window: MainWindow) -> InterviewRecord:
    session = window.employee.controller.session
    assert session is not None and window.store is not None
    return window.store.interviews.load(session.id)


def test_skip_question_is_gone_during_a_follow_up_and_alt_s_keeps_the_answer(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder, SlowBackend())
    page = _answer_until_followup(ui, window)
    assert not page.skip_button.isVisible()  # while the assistant writes
    _wait_pending(ui, window, page)
    assert not page.skip_button.isVisible()  # while the follow-up waits for a reply
    assert page.followups.reply.box.hasFocus()

    ui.press(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # "&Skip question"
    ui.qtbot.wait(300)
    ui.qtbot.waitUntil(lambda: not window.employee.controller.busy)
    # Whatever Alt+S does here, it can only ever skip the follow-up.
    page._skip()
    ui.wait_question(window, 3)

    record = _record(window)
    answer = record.main_answers()["main_reason_details"]
    assert (answer.status, answer.text) == ("answered", ANSWER)
    assert [f.status for f in record.followups_for("main_reason_details")] == ["skipped"]


def test_the_answer_above_a_follow_up_takes_no_typing_and_no_draft(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _answer_until_followup(ui, window)
    _wait_pending(ui, window, page)
    main = page.input
    assert isinstance(main, TextInput)
    assert main.box.isReadOnly()

    ui.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # back up to the answer
    assert main.box.hasFocus()  # still readable by keyboard and screen reader
    ui.type(" EDITED")
    assert main.box.toPlainText() == ANSWER
    ui.qtbot.wait(DRAFT_DELAY_MS + 300)
    ui.qtbot.waitUntil(lambda: not window.employee.controller.busy)
    assert _record(window).draft_text is None

    ui.tab_to(page.followups.reply.box)
    ui.type("More people in the team.")
    ui.next()
    ui.wait_question(window, 3)
    ui.activate(page.back_button)
    ui.wait_question(window, 2)
    assert isinstance(page.input, TextInput)
    assert not page.input.box.isReadOnly()  # the follow-up is done: the answer is editable
    assert page.input.box.toPlainText() == ANSWER
    assert page.skip_button.isVisible()


def test_back_during_a_follow_up_keeps_the_reply_being_typed(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _answer_until_followup(ui, window)
    _wait_pending(ui, window, page)
    ui.type("My long reply to the follow-up")
    ui.activate(page.back_button)  # at once, before the draft timer
    ui.wait_question(window, 1)
    ui.next()
    ui.wait_question(window, 2)
    _wait_pending(ui, window, page)
    assert page.followups.reply.box.toPlainText() == "My long reply to the follow-up"
    assert page.followups.reply.box.hasFocus()

    ui.next()
    ui.wait_question(window, 3)
    followups = _record(window).followups_for("main_reason_details")
    assert [(f.status, f.text) for f in followups] == [
        ("answered", "My long reply to the follow-up")
    ]


def test_when_the_assistant_fails_the_next_question_says_so_calmly(
    ui: UiDriver,
    make_window: WindowFactory,
    hr_folder: DataFolder,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    window = make_window(hr_folder)

    def broken(_ctx: OpContext) -> None:
        raise RuntimeError("the model fell over")

    monkeypatch.setattr(window.assistant, "generate", lambda _request: Op(broken, lane=Lane.MODEL))
    ui.reach_free_text(window)
    page = window.employee.question
    ui.type(ANSWER)
    with caplog.at_level(logging.ERROR):
        ui.next()
        ui.wait_question(window, 3)
    assert page.error.isVisible()
    assert page.error.text() == (
        "Your answer is saved. The assistant is unavailable, so we'll continue with the "
        "next question."
    )
    assert "Follow-up generation failed" in caplog.text
    assert _record(window).main_answers()["main_reason_details"].text == ANSWER
