"""One interview, read by the HR officer handling it: facts, answers, follow-ups, analysis.

Owns `InterviewDetailPage`. It shows what the interview PDF shows (both read
`engine.interview_detail`), records HR's review (voluntary or not, a regrettable loss,
a private note), lets HR correct the themes and tone read in each written answer
(`CorrectionDialog`), save that PDF (with a password if HR types one), resume or
discard an unfinished interview, and erase the interview (an erasure request) once the
officer has typed its receipt code, so a slip of the mouse never erases anything.
Loading, correcting, exporting, discarding and erasing run in the background; the
engine writes each to the audit log.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from exitbot_desktop.engine.answer_text import answer_text
from exitbot_desktop.engine.filters import Selection
from exitbot_desktop.engine.interview_detail import InterviewDetail, load
from exitbot_desktop.engine.interview_list import shown_status
from exitbot_desktop.engine.records import UNFINISHED, AnswerRecord, HrReview
from exitbot_desktop.engine.reports import labels
from exitbot_desktop.engine.reports.exports import ExportRequest, ExportResult, export
from exitbot_desktop.ui.errors import known_failure
from exitbot_desktop.ui.hr.discard import ask_and_discard
from exitbot_desktop.ui.hr.interview_model import status_names, tone_names
from exitbot_desktop.ui.operations import Op
from exitbot_desktop.ui.widgets import (
    Box,
    ErrorLine,
    Page,
    button,
    clear_layout,
    fill_choices,
    label,
)

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

# Without a receipt code (an unfinished interview), this word confirms an erasure.
ERASE_WORD = "ERASE"


class InterviewDetailPage(Page):
    back_requested = Signal()
    erased = Signal()  # erased or discarded: the interview is no longer what was shown
    resume_requested = Signal(int)  # an unfinished interview's id

    def __init__(self) -> None:
        super().__init__()
        self._store: Store | None = None
        self._detail: InterviewDetail | None = None
        self._review_seen = HrReview(None, None, None)  # the review as this page shows it
        self._title = label("title")
        self._status = label("muted")
        self.back_button = button()
        self.export_button = button()
        self.resume_button = button()
        self.discard_button = button()
        actions = QHBoxLayout()  # under the title: a receipt code leaves no room beside it
        actions.addWidget(self.back_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.resume_button)
        actions.addWidget(self.discard_button)
        actions.addStretch(1)
        self._notes: dict[int, QLabel] = {}  # answer id → its themes, tone and flags
        self.pdf_password = QLineEdit()
        self.pdf_password.setEchoMode(QLineEdit.EchoMode.Password)
        self._pdf_password_label = label(wrap=False)
        self._pdf_password_label.setBuddy(self.pdf_password)
        password_row = QHBoxLayout()
        password_row.addWidget(self._pdf_password_label)
        password_row.addWidget(self.pdf_password, 1)
        self.notice = label("muted")
        self.facts = QFormLayout()
        self._summary_heading = label("subtitle")
        self.summary = label(selectable=True)
        self._summary_source = label("muted")
        summary_box = Box()
        summary_box.body.addWidget(self._summary_heading)
        summary_box.body.addWidget(self.summary)
        summary_box.body.addWidget(self._summary_source)
        self._answers_heading = label("subtitle")
        self.answers = QVBoxLayout()
        self.answers.setSpacing(10)

        self._review_heading = label("subtitle")
        self.leaving_type = QComboBox()
        self.regrettable = QComboBox()
        self.hr_note = QPlainTextEdit()
        self.hr_note.setTabChangesFocus(True)
        self.hr_note.setMaximumHeight(self.fontMetrics().height() * 6)
        self.save_review_button = button()
        self.review_saved = label("muted")
        self.review_error = ErrorLine()  # beside the review, where the officer looks
        self._leaving_label, self._regrettable_label = label(wrap=False), label(wrap=False)
        self._note_label = label(wrap=False)
        review_form = QFormLayout()
        review_form.addRow(self._leaving_label, self.leaving_type)
        review_form.addRow(self._regrettable_label, self.regrettable)
        review_form.addRow(self._note_label, self.hr_note)
        self._leaving_label.setBuddy(self.leaving_type)
        self._regrettable_label.setBuddy(self.regrettable)
        self._note_label.setBuddy(self.hr_note)
        review_row = QHBoxLayout()
        review_row.addWidget(self.save_review_button)
        review_row.addWidget(self.review_saved, 1)
        review_box = Box()
        review_box.body.addWidget(self._review_heading)
        review_box.body.addLayout(review_form)
        review_box.body.addLayout(review_row)
        review_box.body.addWidget(self.review_error)

        self._erase_heading = label("subtitle")
        self._erase_text = label()
        self.erase_confirmation = QLineEdit()
        self.erase_button = button()
        self.erase_button.setEnabled(False)
        erase_row = QHBoxLayout()
        erase_row.addWidget(self.erase_confirmation, 1)
        erase_row.addWidget(self.erase_button)
        erase_box = Box("notice")
        erase_box.body.addWidget(self._erase_heading)
        erase_box.body.addWidget(self._erase_text)
        erase_box.body.addLayout(erase_row)
        self.error = ErrorLine()

        self.column.addWidget(self._title)
        self.column.addWidget(self._status)
        self.column.addLayout(actions)
        self.column.addLayout(password_row)
        self.column.addWidget(self.notice)
        self.column.addLayout(self.facts)
        self.column.addWidget(summary_box)
        self.column.addWidget(review_box)
        self.column.addWidget(self._answers_heading)
        self.column.addLayout(self.answers)
        self.column.addWidget(erase_box)
        self.column.addWidget(self.error)
        self.column.addStretch(1)

        self.back_button.clicked.connect(self.back_requested)
        self.export_button.clicked.connect(self._ask_where_to_export)
        self.resume_button.clicked.connect(self._resume)
        self.discard_button.clicked.connect(self._discard)
        self.erase_confirmation.textChanged.connect(self._confirmation_changed)
        self.erase_button.clicked.connect(self._erase)
        self.save_review_button.clicked.connect(self._save_review)
        self.retranslate()

    # ----------------------------------------------------------------- showing
    def show_interview(self, store: Store, interview_id: int) -> None:
        """Read the interview in the background; the page fills when it arrives."""
        self._store, self._detail = store, None
        self.error.clear_message()
        self.notice.clear()
        self.erase_confirmation.clear()
        self.pdf_password.clear()
        self._title.setText(self.tr("Reading the interview…"))
        self._status.clear()
        self._notes.clear()
        clear_layout(self.answers)
        for unfinished_only in (self.resume_button, self.discard_button):
            unfinished_only.setVisible(False)
        while self.facts.rowCount():
            self.facts.removeRow(0)

        def read(_ctx: object) -> InterviewDetail:
            return load(store, store.interviews.load(interview_id))

        Op(read, owner=self).success(self._fill).failure(
            known_failure(self.error.show_message)
        ).run_in_background()

    def forget(self) -> None:
        self._store, self._detail = None, None
        self._notes.clear()
        clear_layout(self.answers)

    def first_focus(self) -> QWidget:
        return self.back_button

    @property
    def confirmation_word(self) -> str:
        record = self._detail.record if self._detail else None
        return record.receipt_code if record and record.receipt_code else ERASE_WORD

    def _fill(self, detail: InterviewDetail) -> None:
        self._detail = detail
        record = detail.record
        self._title.setText(
            self.tr("Interview {code}").format(code=record.receipt_code or f"#{record.id}")
        )
        self._status.setText(status_names()[shown_status(record.status, record.source)])
        for name, value in detail.facts():
            name_label, value_label = label("muted", wrap=False), label(selectable=True)
            name_label.setText(name)
            value_label.setText(value)
            self.facts.addRow(name_label, value_label)
        summary = detail.analysis.summary
        if summary and summary[0]:
            self.summary.setText(summary[0])
            self._summary_source.setText(
                self.tr("Sentences quoted from the answers.")
                if summary[1] == "extractive"
                else self.tr(
                    "Written by the local model “{model}”; check it against the answers."
                ).format(model=summary[1])
            )
        else:
            self.summary.setText(self.tr("No summary has been made for this interview yet."))
            self._summary_source.clear()
        main = detail.main_answers()
        for number, answer in enumerate(main, start=1):
            self.answers.addWidget(self._answer_box(detail, number, answer))
        if not main:
            nothing = label("muted")
            nothing.setText(self.tr("This interview has no answers."))
            self.answers.addWidget(nothing)
        self.export_button.setEnabled(record.receipt_code is not None)
        self.pdf_password.setEnabled(record.receipt_code is not None)
        unfinished = record.status in UNFINISHED
        self.discard_button.setVisible(unfinished)
        # At a station of a central server an interview is resumed where it began, from
        # that station's home page (its own queue), not from the server's copy.
        on_server = self._store is not None and self._store.on_server
        self.resume_button.setVisible(unfinished and not on_server)
        self.leaving_type.setCurrentIndex(
            max(0, self.leaving_type.findData(record.meta.leaving_type))
        )
        self.regrettable.setCurrentIndex(max(0, self.regrettable.findData(record.regrettable)))
        self.hr_note.setPlainText(record.hr_note or "")
        self._review_seen = record.hr_review
        self.review_saved.clear()
        self.review_error.clear_message()
        self._retranslate_erase()

    def _answer_box(self, detail: InterviewDetail, number: int, answer: AnswerRecord) -> Box:
        record = detail.record
        box = Box()
        question = label("subtitle")
        question.setText(f"{number}. {detail.question_text(answer)}")
        words = label(selectable=True)
        words.setText(
            answer_text(detail.questions.get(answer.question_id), answer, record.language)
        )
        box.body.addWidget(question)
        box.body.addWidget(words)
        asked_for_words = detail.questions.get(answer.question_id)
        self._add_notes(box, answer, asked_for_words is None or asked_for_words.type == "text")
        for followup in record.followups_for(answer.question_id):
            asked = label("muted")
            asked.setText(
                self.tr("Follow-up ({source}): {question}").format(
                    source=self._source(followup), question=followup.followup_question or ""
                )
            )
            reply = label(selectable=True)
            reply.setText(answer_text(None, followup, record.language))
            box.body.addWidget(asked)
            box.body.addWidget(reply)
            self._add_notes(box, followup, True)
        return box

    def _add_notes(self, box: Box, answer: AnswerRecord, written: bool) -> None:
        """The answer's analysis, and for words the employee wrote a way to correct it."""
        notes = label("muted")
        self._notes[answer.id] = notes
        if written and answer.text and answer.status == "answered":
            correct = button(flat=True)
            correct.setText(self.tr("Correct…"))
            correct.setAccessibleName(self.tr("Correct the themes and tone of this answer"))
            correct.clicked.connect(lambda: self._correct(answer))
            row = QHBoxLayout()
            row.addWidget(notes, 1)
            row.addWidget(correct)
            box.body.addLayout(row)
        else:
            box.body.addWidget(notes)
        self._show_notes(answer)  # once in a layout: a label shown without a parent is a window

    def _show_notes(self, answer: AnswerRecord) -> None:
        notes, detail = self._notes.get(answer.id), self._detail
        if notes is None or detail is None:
            return
        analysis, parts = detail.analysis, []
        corrected = analysis.corrected(answer.id)
        themes = analysis.themes(answer.id)
        if themes or "themes" in corrected:
            shown = ", ".join(map(labels.theme, themes)) or self.tr("none")
            parts.append(self.tr("Themes: {themes}").format(themes=shown))
        mood = analysis.sentiment(answer.id)
        if mood and answer.text:
            parts.append(self.tr("Tone: {tone}").format(tone=tone_names().get(mood[0], mood[0])))
        flags = analysis.flags(answer.id)
        if flags:
            parts.append(
                self.tr("Urgent: {flags}").format(flags=", ".join(map(labels.flag, flags)))
            )
        if corrected:
            parts.append(self.tr("corrected by HR"))
        notes.setText(" · ".join(parts))
        notes.setVisible(bool(parts))

    def _correct(self, answer: AnswerRecord) -> None:
        store, detail = self._store, self._detail
        if store is None or detail is None:
            return
        from exitbot_desktop.ui.hr.correction_dialog import CorrectionDialog

        mood = detail.analysis.sentiment(answer.id)
        dialog = CorrectionDialog(
            self,
            store,
            detail.record.id,
            answer.id,
            answer.text or "",
            detail.analysis.themes(answer.id),
            mood[0] if mood else None,
        )
        dialog.corrected.connect(lambda _changed: self._reload_analysis(answer))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _reload_analysis(self, answer: AnswerRecord) -> None:
        """Read the interview again and redraw that answer's notes in place, so the page
        keeps its place instead of being built anew."""
        store, detail = self._store, self._detail
        if store is None or detail is None:
            return

        def read(_ctx: object) -> InterviewDetail:
            return load(store, detail.record)

        def show(fresh: InterviewDetail) -> None:
            if self._detail is not detail:
                return  # another interview is shown by now
            self._detail = fresh
            self._show_notes(answer)

        Op(read, owner=self).success(show).failure(
            known_failure(self.error.show_message)
        ).run_in_background()

    def _source(self, followup: AnswerRecord) -> str:
        if followup.followup_source in ("ollama", "llama_cpp"):
            return self.tr("local model {model}").format(model=followup.followup_model or "")
        return self.tr("built-in question")

    # ----------------------------------------------------------------- exporting
    def _ask_where_to_export(self) -> None:
        record = self._detail.record if self._detail else None
        if record is None or record.receipt_code is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the interview report"),
            f"{record.receipt_code}.pdf",
            self.tr("PDF report (*.pdf)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write this interview's PDF to `path` in the background; say where it went."""
        store, record = self._store, self._detail.record if self._detail else None
        if store is None or record is None or record.receipt_code is None:
            return
        request = ExportRequest(
            "pdf",
            path,
            Selection(receipt_code=record.receipt_code),
            pdf_password=self.pdf_password.text() or None,
        )
        self.export_button.setEnabled(False)
        self.notice.setText(self.tr("Writing the report…"))

        def done(result: ExportResult) -> None:
            self.export_button.setEnabled(True)
            self.notice.setText(self.tr("Saved the report as {path}.").format(path=result.path))

        def failed(message: str) -> None:
            self.export_button.setEnabled(True)
            self.notice.clear()
            self.error.show_message(message)

        Op(lambda _ctx: export(store, request), owner=self).success(done).failure(
            known_failure(failed)
        ).run_in_background()

    # ----------------------------------------------------------------- HR's review
    def _save_review(self) -> None:
        store, detail = self._store, self._detail
        if store is None or detail is None:
            return
        interview_id, seen = detail.record.id, self._review_seen
        new = HrReview(
            self.leaving_type.currentData(),
            self.regrettable.currentData(),
            self.hr_note.toPlainText().strip() or None,
        )
        self.review_saved.clear()
        self.review_error.clear_message()

        def saved(_none: None) -> None:
            if self._detail is detail:
                self._review_seen = new  # what the next save starts from
            self.review_saved.setText(self.tr("Saved."))

        Op(lambda _ctx: store.interviews.review(interview_id, new, seen=seen), owner=self).success(
            saved
        ).failure(known_failure(self.review_error.show_message)).run_in_background()

    # ----------------------------------------------------------------- unfinished
    def _resume(self) -> None:
        if self._detail is not None and self._detail.record.status in UNFINISHED:
            self.resume_requested.emit(self._detail.record.id)

    def _discard(self) -> None:
        store, detail = self._store, self._detail
        if store is None or detail is None or detail.record.status not in UNFINISHED:
            return
        discard = ask_and_discard(self, store, detail.record.id)
        if discard is None:
            return
        self.discard_button.setEnabled(False)

        def failed(message: str) -> None:
            self.discard_button.setEnabled(True)
            self.error.show_message(message)

        discard.success(lambda _none: self.erased.emit()).failure(
            known_failure(failed)
        ).run_in_background()

    # ----------------------------------------------------------------- erasing
    def _confirmation_changed(self, text: str) -> None:
        self.erase_button.setEnabled(
            self._detail is not None and text.strip().upper() == self.confirmation_word
        )

    def _erase(self) -> None:
        store, detail = self._store, self._detail
        if store is None or detail is None or not self.erase_button.isEnabled():
            return
        interview_id = detail.record.id
        self.erase_button.setEnabled(False)
        Op(lambda _ctx: store.interviews.delete(interview_id), owner=self).success(
            lambda _none: self.erased.emit()
        ).failure(known_failure(self.error.show_message)).run_in_background()

    # ----------------------------------------------------------------- words
    def retranslate(self) -> None:
        self.back_button.setText(self.tr("&Back to the list"))
        self.export_button.setText(self.tr("Save as &PDF…"))
        self.export_button.setAccessibleName(self.tr("Save this interview as a PDF report"))
        self._pdf_password_label.setText(self.tr("PDF passw&ord (optional):"))
        self.pdf_password.setAccessibleName(
            self.tr("Password for the PDF (optional; without one the PDF opens for anyone)")
        )
        self.resume_button.setText(self.tr("Res&ume interview"))
        self.resume_button.setAccessibleName(
            self.tr("Resume this unfinished interview in interview mode")
        )
        self.discard_button.setText(self.tr("Dis&card…"))
        self.discard_button.setAccessibleName(self.tr("Discard this unfinished interview"))
        self._summary_heading.setText(self.tr("Summary"))
        self._answers_heading.setText(self.tr("Answers"))
        self._review_heading.setText(self.tr("HR review"))
        self._leaving_label.setText(self.tr("&Voluntary or not:"))
        self._regrettable_label.setText(self.tr("&Regrettable loss:"))
        self._note_label.setText(self.tr("Private &note:"))
        self.hr_note.setAccessibleName(self.tr("Private HR note, never shown to the employee"))
        self.save_review_button.setText(self.tr("Save revie&w"))
        fill_choices(
            self.leaving_type,
            [
                (self.tr("Not recorded"), None),
                (self.tr("Voluntary"), "voluntary"),
                (self.tr("Involuntary"), "involuntary"),
            ],
        )
        fill_choices(
            self.regrettable,
            [
                (self.tr("Not judged yet"), None),
                (self.tr("Regrettable"), True),
                (self.tr("Not regrettable"), False),
            ],
        )
        self._erase_heading.setText(self.tr("Erase this interview"))
        self.erase_button.setText(self.tr("&Erase for good"))
        self._retranslate_erase()

    def _retranslate_erase(self) -> None:
        word = self.confirmation_word
        self._erase_text.setText(
            self.tr(
                "For an erasure request: every answer and analysis of this interview is "
                "deleted and cannot be brought back; the audit log keeps only that it was "
                "erased. Type {word} to confirm."
            ).format(word=word)
        )
        self.erase_confirmation.setAccessibleName(
            self.tr("Type {word} to confirm").format(word=word)
        )
        self.erase_confirmation.setPlaceholderText(word)
