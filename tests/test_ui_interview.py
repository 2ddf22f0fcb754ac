"""The employee's interview, driven by keyboard through the real window and engine.

A real encrypted database in tmp_path, the rules backend for follow-ups (deterministic),
and keys sent to whatever has focus, the way a keyboard-only user works.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from sqlalchemy import select
from ui_fixtures import SlowBackend

from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.models import AnalysisRow, Answer, Interview
from exitbot_desktop.ui.employee.answer_inputs import TextInput

if TYPE_CHECKING:
    from ui_fixtures import UiDriver, WindowFactory

    from exitbot_desktop.ui.main_window import MainWindow


def _store(window: MainWindow) -> vault.Store:
    assert window.store is not None
    return window.store


def test_whole_interview_keyboard_only_with_rules_backend(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    ui.arm_station(window)
    ui.start_interview(window)
    employee = window.employee
    page = employee.question
    assert page.counter.text().startswith("Question 1 of ")
    # Main reason: Space picks the first option, the arrow keys move to "My manager".
    ui.press(Qt.Key.Key_Space)
    ui.press(Qt.Key.Key_Down)
    ui.press(Qt.Key.Key_Down)
    assert page.input is not None and page.input.value() == "manager"
    ui.activate(page.next_button)
    ui.wait_question(window, 2)
    assert isinstance(page.input, TextInput) and page.input.box.hasFocus()
    ui.type("My manager never gave me any feedback on my work.")
    ui.next()
    ui.qtbot.waitUntil(lambda: page.followups.followup_id is not None, timeout=10_000)
    assert page.followups.bubble.text().endswith("?")
    assert page.followups.reply.box.hasFocus()
    ui.type("More regular one-to-ones.")
    ui.next()
    ui.wait_question(window, 3)
    assert "manager" in page.question.text().lower()  # shown because of answer 1
    ui.answer_the_rest(window)

    review = employee.review
    assert review.change_buttons["main_reason"].hasFocus()  # never Submit by reflex
    ui.activate(review.submit_button)
    thanks = employee.thanks
    ui.wait_employee(window, thanks)
    code = thanks.code.text()
    assert code.startswith("EX-")
    assert thanks.code.hasFocus()
    ui.activate(thanks.rating_buttons[0])  # one click: rate the interview 1 of 5
    ui.activate(thanks.done_button)
    ui.wait_employee(window, employee.welcome)

    record = _store(window).interviews.find_by_receipt(code)
    assert record is not None and record.status == "completed"
    assert record.meta.department == "Sales"
    main = record.main_answers()
    assert main["main_reason"].value == "manager"
    assert "manager_aspects" in main
    followups = record.followups_for("main_reason_details")
    assert [(f.followup_source, f.text) for f in followups] == [
        ("rules", "More regular one-to-ones.")
    ]

    # HR's analysis was written in the background: per answer, then the summary.
    def analysis() -> dict[str, list[AnalysisRow]]:
        with _store(window).database.transaction() as s:
            rows = s.scalars(select(AnalysisRow).where(AnalysisRow.interview_id == record.id))
            found: dict[str, list[AnalysisRow]] = {}
            for row in rows:
                found.setdefault(row.kind, []).append(row)
            return found

    ui.qtbot.waitUntil(lambda: "summary" in analysis(), timeout=10_000)
    rows = analysis()
    assert rows["summary"][0].provenance == "extractive"
    assert "feedback" in rows["summary"][0].payload["text"]
    details_id = main["main_reason_details"].id
    themes = [r.payload for r in rows["themes"] if r.answer_id == details_id]
    assert themes and "manager" in str(themes[0])


def test_back_edit_and_skip_keep_every_answer_until_submit(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    ui.arm_station(window)
    ui.start_interview(window)
    page = window.employee.question
    ui.press(Qt.Key.Key_Space)  # career development
    ui.next()
    ui.wait_question(window, 2)
    ui.type("I wanted to grow")
    ui.activate(page.back_button)  # what was typed is kept when going back
    ui.wait_question(window, 1)
    assert page.input is not None and page.input.value() == "career_development"
    ui.next()
    ui.wait_question(window, 2)
    assert page.input is not None and page.input.value() == "I wanted to grow"
    ui.activate(page.skip_button)
    ui.wait_question(window, 3)
    ui.answer_the_rest(window)

    review = window.employee.review
    skipped = review.change_buttons["main_reason_details"]
    ui.activate(skipped)
    ui.wait_question(window, 2)
    assert page.next_button.text().replace("&", "") == "Save and return to review"
    assert page.input is not None
    assert page.input.focus_target().hasFocus()
    ui.type("I wanted to grow into a lead role.")
    ui.next()
    ui.wait_employee(window, review)
    ui.activate(review.submit_button)
    ui.wait_employee(window, window.employee.thanks)

    code = window.employee.thanks.code.text()
    record = _store(window).interviews.find_by_receipt(code)
    assert record is not None
    answer = record.main_answers()["main_reason_details"]
    assert (answer.status, answer.text) == ("answered", "I wanted to grow into a lead role.")


def test_declining_records_nothing_but_the_declined_status(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    ui.arm_station(window)
    welcome = window.employee.welcome
    ui.activate(welcome.decline_button)
    assert welcome.confirm_decline_button.hasFocus()
    ui.press(Qt.Key.Key_Space)
    thanks = window.employee.thanks
    ui.wait_employee(window, thanks)
    assert "Nothing has been recorded" in thanks._text.text()
    assert not thanks._code_card.isVisible()
    ui.activate(thanks.done_button)
    ui.wait_employee(window, welcome)

    with _store(window).database.transaction() as s:
        interviews = s.query(Interview).all()
        assert [(i.status, i.employee_name) for i in interviews] == [("declined", None)]
        assert s.query(Answer).count() == 0


def test_distress_shows_support_flags_the_interview_and_offers_a_pause(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    with vault.unlock(hr_folder, user="alice", password=ui.password) as store:
        store.settings.set("care_contacts", {"Employee assistance": "0800 123 456"})
    window = make_window(hr_folder)
    ui.reach_free_text(window)
    page = window.employee.question
    ui.type("I left because my manager threatened me and I was afraid for my safety.")
    ui.next()
    ui.qtbot.waitUntil(lambda: page.care.isVisible() and not window.employee.controller.busy)
    assert "Employee assistance: 0800 123 456" in page.care._contacts.text()
    assert not page.followups.active  # the assistant is never asked to counsel
    assert page.care.continue_button.hasFocus()
    ui.activate(page.care.pause_button)
    pause = window.employee.pause
    assert window.employee.stack.currentWidget() is pause
    ui.activate(pause.resume_button)
    assert window.employee.stack.currentWidget() is page
    ui.activate(page.care.continue_button)
    ui.wait_question(window, 3)

    session = window.employee.controller.session
    assert session is not None
    record = _store(window).interviews.load(session.id)
    assert record.needs_care
    assert record.followups_for("main_reason_details") == []


def test_while_the_model_writes_skip_cancels_it_at_once(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    backend = SlowBackend()
    window = make_window(hr_folder, backend)
    ui.qtbot.waitUntil(lambda: window.backend_label.text() == "Slow test model")
    ui.reach_free_text(window)
    page = window.employee.question
    ui.type("The workload was far too high for a long time.")
    ui.next()
    # The model is still writing: the typing indicator shows, none of its draft does.
    ui.qtbot.waitUntil(lambda: page.followups.typing.isVisible())
    ui.qtbot.wait(400)
    assert page.followups.bubble.text() == ""
    assert page.followups.skip_button.hasFocus()
    pressed = time.monotonic()
    ui.press(Qt.Key.Key_Space)  # "Skip this follow-up"
    ui.wait_question(window, 3)
    assert time.monotonic() - pressed < 0.3
    assert backend.stopped.wait(1.0)

    session = window.employee.controller.session
    assert session is not None
    record = _store(window).interviews.load(session.id)
    assert record.main_answers()["main_reason_details"].status == "answered"
    assert record.followups_for("main_reason_details") == []


def test_german_interview_speaks_german_throughout(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    ui.arm_station(window)
    welcome = window.employee.welcome
    german = welcome._language_buttons["de"]
    ui.tab_to(welcome._language_buttons["en"])
    ui.press(Qt.Key.Key_Right)  # arrow keys move through the language choice
    assert german.isChecked()
    ui.qtbot.waitUntil(lambda: welcome.start_button.text() == "Gespräch &beginnen")
    assert welcome._title.text() == "Austrittsgespräch"
    assert window.employee.leave_button.text().startswith("Für das Personalteam")
    ui.activate(welcome.start_button)
    ui.wait_question(window, 1)
    page = window.employee.question
    assert page.counter.text().startswith("Frage 1 von ")
    assert page.question.text() == "Was ist der Hauptgrund dafür, dass Sie uns verlassen?"
    assert page.next_button.text() == "&Weiter"
    ui.press(Qt.Key.Key_Space)
    ui.next()
    ui.wait_question(window, 2)
    ui.type("Die Arbeitsbelastung war zu hoch und es gab viele Überstunden.")
    ui.next()
    ui.qtbot.waitUntil(lambda: page.followups.followup_id is not None, timeout=10_000)
    assert (
        page.followups.bubble.text()
        == "Sie haben die Arbeitsbelastung erwähnt. Was hat es schwer gemacht?"
    )
    ui.next()  # an empty reply skips the follow-up
    ui.wait_question(window, 3)
    ui.answer_the_rest(window)
    review = window.employee.review
    assert review._title.text() == "Prüfen Sie Ihre Antworten"
    ui.activate(review.submit_button)
    ui.wait_employee(window, window.employee.thanks)
    assert window.employee.thanks._title.text() == "Vielen Dank"

    session = window.employee.controller.session
    assert session is not None and session.language == "de"
    # HR gets the station back in the HR language.
    ui.activate(window.employee.leave_button)
    ui.qtbot.waitUntil(lambda: window._dialog is not None and window._dialog.password.hasFocus())
    ui.type(ui.password)
    ui.press(Qt.Key.Key_Return)
    ui.wait_page(window, window.home_page)
    assert window.workspace.start_button.text() == "&Start interview"
