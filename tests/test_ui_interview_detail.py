"""One interview opened from the browser: what HR reads, the PDF it saves, the erasure.

A real interview walked through the engine into a real encrypted database, then the
real window: Enter on its row, the answers and follow-ups on the page, the PDF read
back with pypdf, the erasure only after the receipt code is typed, all audited.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
)
from test_aggregates import HAPPY, UNHAPPY, conduct

from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.records import HrReview
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder

if TYPE_CHECKING:
    from ui_fixtures import UiDriver, WindowFactory

    from exitbot_desktop.ui.hr.interview_detail_page import InterviewDetailPage
    from exitbot_desktop.ui.main_window import MainWindow


@pytest.fixture
def two_interviews(hr_folder: DataFolder, question_set: QuestionSet) -> tuple[DataFolder, str]:
    """An unhappy interview with a follow-up and a happy one; returns the unhappy receipt."""
    with vault.unlock(hr_folder, user="alice", password="correct horse battery staple") as store:
        unhappy = conduct(
            store,
            question_set,
            UNHAPPY,
            meta=InterviewMeta(department="Sales", role="Account manager"),
            followups={"main_reason_details": "Since May, every single week."},
        )
        conduct(store, question_set, HAPPY, meta=InterviewMeta(department="Finance"))
        code = store.interviews.load(unhappy).receipt_code
    assert code is not None
    return hr_folder, code


def _open(ui: UiDriver, window: MainWindow, code: str) -> InterviewDetailPage:
    ui.unlock(window)
    ui.activate(window.workspace.sections["interviews"])
    browser = window.interviews_page
    ui.wait_page(window, browser)
    browser.receipt.setFocus()
    ui.type(code)
    ui.qtbot.waitUntil(lambda: browser.model.total == 1 and browser.model.rowCount() == 1)
    ui.tab_to(browser.table)
    browser.table.setCurrentIndex(browser.model.index(0, 0))
    ui.press(Qt.Key.Key_Return)
    page = window.detail_page
    ui.wait_page(window, page)
    ui.qtbot.waitUntil(lambda: code in page._title.text(), timeout=10_000)
    return page


def _texts(page: InterviewDetailPage) -> list[str]:
    return [w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page)]


def test_enter_on_a_row_shows_the_answers_follow_ups_and_analysis(
    ui: UiDriver, make_window: WindowFactory, two_interviews: tuple[DataFolder, str]
) -> None:
    folder, code = two_interviews
    window = make_window(folder)

    page = _open(ui, window, code)

    texts = _texts(page)
    assert "Completed" in texts
    assert "Sales" in texts and "Account manager" in texts
    assert UNHAPPY["main_reason_details"] in texts
    assert any(t.startswith("2. ") for t in texts)  # numbered in the order asked
    assert "Follow-up (built-in question): Could you say more?" in texts
    assert "Since May, every single week." in texts
    assert any("Themes: Manager" in t and "Urgent: Harassment or bullying" in t for t in texts)
    assert HAPPY["main_reason_details"] not in texts  # only this interview


@pytest.mark.parametrize("password", ["", "for HR eyes only"])
def test_the_pdf_is_written_read_back_and_audited(
    ui: UiDriver,
    make_window: WindowFactory,
    two_interviews: tuple[DataFolder, str],
    tmp_path: Path,
    password: str,
) -> None:
    folder, code = two_interviews
    window = make_window(folder)
    page = _open(ui, window, code)
    out = tmp_path / "report.pdf"
    if password:
        page.pdf_password.setFocus()
        ui.type(password)

    page.export_to(out)  # what the save dialog calls with the chosen path

    ui.qtbot.waitUntil(lambda: page.notice.text().startswith("Saved the report"), timeout=20_000)
    reader = PdfReader(out)
    assert reader.is_encrypted == bool(password)
    if password:
        assert reader.decrypt("wrong") == 0
        assert reader.decrypt(password) != 0
    text = "".join(p.extract_text() for p in reader.pages)
    assert code in text and "Since May, every single week." in text
    assert window.store is not None
    exports = [e for e in window.store.audit.entries(limit=5) if e.action == "export"]
    assert exports and exports[0].detail["receipt"] == code


def test_erasing_needs_the_receipt_code_typed_and_is_audited(
    ui: UiDriver, make_window: WindowFactory, two_interviews: tuple[DataFolder, str]
) -> None:
    folder, code = two_interviews
    window = make_window(folder)
    page = _open(ui, window, code)

    page.erase_confirmation.setFocus()
    ui.type("EX-WRONG")
    assert not page.erase_button.isEnabled()
    page.erase_confirmation.clear()
    ui.type(code.lower())
    assert page.erase_button.isEnabled()
    ui.activate(page.erase_button)

    browser = window.interviews_page
    ui.wait_page(window, browser)
    # The list is read again with the filters kept: the receipt code finds nothing now.
    ui.qtbot.waitUntil(lambda: browser.model.total == 0, timeout=10_000)
    store = window.store
    assert store is not None
    assert store.interviews.find_by_receipt(code) is None
    erased = [e for e in store.audit.entries(limit=5) if e.action == "interview_erased"]
    assert erased and erased[0].detail["receipt_code"] == code


def test_hr_records_a_review_that_is_kept_and_audited(
    ui: UiDriver, make_window: WindowFactory, two_interviews: tuple[DataFolder, str]
) -> None:
    folder, code = two_interviews
    window = make_window(folder)
    page = _open(ui, window, code)
    assert page.regrettable.currentData() is None  # not judged yet

    page.leaving_type.setCurrentIndex(page.leaving_type.findData("involuntary"))
    page.regrettable.setCurrentIndex(page.regrettable.findData(True))
    page.hr_note.setFocus()
    ui.type("Offered a transfer; declined.")
    ui.activate(page.save_review_button)

    ui.qtbot.waitUntil(lambda: page.review_saved.text() == "Saved.", timeout=10_000)
    store = window.store
    assert store is not None
    record = store.interviews.find_by_receipt(code)
    assert record is not None
    assert (record.meta.leaving_type, record.regrettable, record.hr_note) == (
        "involuntary",
        True,
        "Offered a transfer; declined.",
    )
    assert store.audit.entries(limit=1)[0].action == "interview_reviewed"
    # A second change from the same page starts from the first: it is no stale edit.
    page.regrettable.setCurrentIndex(page.regrettable.findData(False))
    ui.activate(page.save_review_button)
    ui.qtbot.waitUntil(lambda: page.review_saved.text() == "Saved.", timeout=10_000)
    assert not page.review_error.isVisible()
    saved = store.interviews.find_by_receipt(code)
    assert saved is not None and saved.regrettable is False
    ui.activate(page.back_button)
    ui.wait_page(window, window.interviews_page)
    window.interviews_page.table.setCurrentIndex(window.interviews_page.model.index(0, 0))
    window.interviews_page.table.activated.emit(window.interviews_page.model.index(0, 0))
    ui.qtbot.waitUntil(lambda: page.hr_note.toPlainText() == "Offered a transfer; declined.")


def test_a_review_someone_else_saved_meanwhile_is_not_overwritten(
    ui: UiDriver, make_window: WindowFactory, two_interviews: tuple[DataFolder, str]
) -> None:
    folder, code = two_interviews
    window = make_window(folder)
    page = _open(ui, window, code)
    store = window.store
    assert store is not None
    shown = store.interviews.find_by_receipt(code)
    assert shown is not None
    theirs = HrReview("voluntary", True, "Colleague: counter-offer refused.")
    store.interviews.review(shown.id, theirs, seen=shown.hr_review)  # another HR desk

    page.hr_note.setFocus()
    ui.type("Mine: restructuring.")
    ui.activate(page.save_review_button)

    ui.qtbot.waitUntil(page.review_error.isVisible, timeout=10_000)
    assert "Someone else saved a review of this interview" in page.review_error.text()
    assert "Open the interview again" in page.review_error.text()
    assert page.review_saved.text() != "Saved."
    kept = store.interviews.find_by_receipt(code)
    assert kept is not None and kept.hr_review == theirs


def _correct_buttons(page: InterviewDetailPage) -> list[QPushButton]:
    return [b for b in page.findChildren(QPushButton) if b.text() == "Correct…"]


def test_hr_corrects_the_themes_and_tone_of_a_written_answer(
    ui: UiDriver, make_window: WindowFactory, two_interviews: tuple[DataFolder, str]
) -> None:
    from exitbot_desktop.ui.hr.correction_dialog import CorrectionDialog

    folder, code = two_interviews
    window = make_window(folder)
    page = _open(ui, window, code)
    # The written answer and its follow-up reply; chosen answers and ratings have none.
    buttons = _correct_buttons(page)
    assert len(buttons) == 2

    ui.activate(buttons[0])
    dialog = window.findChild(CorrectionDialog)
    assert dialog is not None
    ui.qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    assert dialog.theme_boxes["manager"].isChecked()  # what the analysis read
    dialog.theme_boxes["manager"].setChecked(False)
    dialog.theme_boxes["work_life_balance"].setChecked(True)
    dialog.tone.setCurrentIndex(dialog.tone.findData("neutral"))
    ui.activate(dialog.buttons.button(QDialogButtonBox.StandardButton.Save))

    ui.qtbot.waitUntil(
        lambda: any(
            "Themes: Work-life balance" in t and "Tone: Neutral" in t and "corrected by HR" in t
            for t in _texts(page)
        ),
        timeout=10_000,
    )
    assert code in page._title.text()  # the page kept its interview and place
    store = window.store
    assert store is not None
    entry = store.audit.entries(limit=1)[0]
    assert (entry.action, entry.detail["changed"]) == (
        "analysis_corrected",
        ["sentiment", "themes"],
    )


def test_a_correction_over_one_saved_meanwhile_is_refused_in_the_dialog(
    ui: UiDriver, make_window: WindowFactory, two_interviews: tuple[DataFolder, str]
) -> None:
    from exitbot_desktop.engine.analysis.corrections import correct_answer
    from exitbot_desktop.ui.hr.correction_dialog import CorrectionDialog

    folder, code = two_interviews
    window = make_window(folder)
    page = _open(ui, window, code)
    ui.activate(_correct_buttons(page)[0])
    dialog = window.findChild(CorrectionDialog)
    assert dialog is not None
    ui.qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    store = window.store
    assert store is not None
    record = store.interviews.find_by_receipt(code)
    assert record is not None
    answer = record.main_answers()["main_reason_details"]
    correct_answer(store, record.id, answer.id, tone="positive")  # another HR desk, meanwhile

    dialog.tone.setCurrentIndex(dialog.tone.findData("neutral"))
    ui.activate(dialog.buttons.button(QDialogButtonBox.StandardButton.Save))

    ui.qtbot.waitUntil(lambda: "Someone else changed the analysis" in dialog.error.text())
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    now = store.analysis.for_interview(record.id)
    tones = [e.payload["label"] for e in now if e.answer_id == answer.id and e.kind == "sentiment"]
    assert tones == ["positive"]


def _open_unfinished(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder, question_set: QuestionSet
) -> tuple[MainWindow, InterviewDetailPage, int]:
    with vault.unlock(hr_folder, user="alice", password="correct horse battery staple") as store:
        unfinished = conduct(store, question_set, UNHAPPY, stop_at="satisfaction_team")
    window = make_window(hr_folder)
    ui.unlock(window)
    window._show_detail(unfinished)
    page = window.detail_page
    ui.qtbot.waitUntil(lambda: page.discard_button.isVisible(), timeout=10_000)
    assert page.resume_button.isVisible() and not page.export_button.isEnabled()
    return window, page, unfinished


def test_an_unfinished_interview_is_resumed_from_its_page(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder, question_set: QuestionSet
) -> None:
    window, page, _unfinished = _open_unfinished(ui, make_window, hr_folder, question_set)
    ui.activate(page.resume_button)
    ui.qtbot.waitUntil(lambda: window.in_employee_mode, timeout=10_000)


def test_an_unfinished_interview_is_discarded_from_its_page_and_audited(
    ui: UiDriver,
    make_window: WindowFactory,
    hr_folder: DataFolder,
    question_set: QuestionSet,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, page, unfinished = _open_unfinished(ui, make_window, hr_folder, question_set)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Discard)
    ui.activate(page.discard_button)

    ui.wait_page(window, window.interviews_page)
    store = window.store
    assert store is not None
    assert store.interviews.load(unfinished).status == "discarded"
    entry = store.audit.entries(limit=1)[0]
    assert (entry.action, entry.detail["interview_id"]) == ("interview_discarded", unfinished)
