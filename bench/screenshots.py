"""Screenshots of every screen at 1280×800, for review and for the docs.

Usage: QT_QPA_PLATFORM=offscreen python bench/screenshots.py [--out screenshots]

Drives the real window over a fresh encrypted database in a temporary folder, with
the built-in rules assistant (so the pictures are the same on every machine), and
writes one PNG per screen into the output folder (default `screenshots/`, gitignored).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pg_cluster import SUPERUSER, ClusterError, throwaway_cluster  # beside this script
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QPushButton, QWidget
from synthetic import populate  # bench/synthetic.py, beside this script

from exitbot_desktop.engine.filters import Filters
from exitbot_desktop.engine.interview import Answered, InterviewSession
from exitbot_desktop.engine.llm.rules import RulesBackend
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import load_builtin
from exitbot_desktop.engine.records import HrReview
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF
from exitbot_desktop.ui.app import create_app
from exitbot_desktop.ui.assistant import Assistant
from exitbot_desktop.ui.employee.answer_inputs import AnswerInput, TextInput
from exitbot_desktop.ui.employee.question_page import QuestionPage
from exitbot_desktop.ui.hr.account_dialogs import AddAccountDialog, RotateKeyDialog
from exitbot_desktop.ui.hr.correction_dialog import CorrectionDialog
from exitbot_desktop.ui.hr.export_dialog import ExportDialog
from exitbot_desktop.ui.hr.setting_fields import ChoiceRow, LineRow, LogoRow
from exitbot_desktop.ui.i18n import Translations
from exitbot_desktop.ui.main_window import MainWindow

PASSWORD = "correct horse battery staple"
SIZE = (1280, 800)


def wait(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        QApplication.processEvents()
        time.sleep(0.005)


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()
        time.sleep(0.01)


class Shooter:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.count = 0
        out.mkdir(parents=True, exist_ok=True)

    def __call__(self, widget: QWidget, name: str) -> None:
        """Numbered in order of the walk, except HR screens, named `hr-…` as reviewed."""
        settle()
        self.count += 1
        prefix = "" if name.startswith("hr-") else f"{self.count:02d}-"
        path = self.out / f"{prefix}{name}.png"
        widget.grab().save(str(path))
        print(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    args = parser.parse_args()
    shoot = Shooter(args.out)
    _app, translations = create_app([])
    translations.set_language("en")
    with tempfile.TemporaryDirectory() as tmp:
        folder = DataFolder(Path(tmp) / "data")
        window = MainWindow(folder, translations, assistant=Assistant(RulesBackend()), kdf=FAST_KDF)
        window.resize(*SIZE)
        window.show()
        window.assistant.start()
        try:
            _first_run(window, shoot)
            _interview(window, shoot)
            _hr_pages(window, shoot)
        finally:
            window.shutdown()
    _server_station(shoot, translations)
    return 0


def _advance(window: MainWindow) -> None:
    """Press Next and wait until the interview has moved or asks something first."""
    employee, page = window.employee, window.employee.question
    before = page._step
    page.next_button.click()
    wait(
        lambda: (
            not employee.controller.busy
            and (
                employee.stack.currentWidget() is not page
                or page._step is not before
                or page.care.isVisible()
                or page.followups.followup_id is not None
            )
            and not (page.followups.active and page.followups.followup_id is None)
        )
    )


def _first_run(window: MainWindow, shoot: Shooter) -> None:
    setup = window.setup_page
    shoot(window, "setup")
    setup.organisation.setText("Acme GmbH")
    setup.account.setText("Maria Schmidt")
    setup.password.setText("short")
    setup.create_button.click()
    shoot(window, "setup-error")
    setup.password.setText(PASSWORD)
    setup.repeat.setText(PASSWORD)
    setup.create_button.click()
    wait(lambda: window.stack.currentWidget() is window.recovery_page)
    shoot(window, "recovery-key")
    window.recovery_page.written_down.setChecked(True)
    window.recovery_page.continue_button.click()
    wait(lambda: window.stack.currentWidget() is window.home_page)
    shoot(window, "home-empty")


def _interview(window: MainWindow, shoot: Shooter) -> None:
    store = window.store
    assert store is not None
    # An interrupted interview, so the home page offers it for resumption.
    session = InterviewSession.start(
        store, load_builtin(), language="en", meta=InterviewMeta(department="Logistics")
    )
    session.consent()
    session.respond(Answered("career_development"))
    window.lock()
    wait(lambda: window.stack.currentWidget() is window.unlock_page)
    window.unlock_page.password.setText("wrong password")
    window.unlock_page.unlock_button.click()
    wait(lambda: window.unlock_page.error.isVisible())
    shoot(window, "unlock-wrong-password")
    window.unlock_page.forgot_button.click()
    shoot(window, "unlock-recovery")
    window.unlock_page.back_button.click()
    window.unlock_page.password.setText(PASSWORD)
    window.unlock_page.unlock_button.click()
    wait(lambda: window.stack.currentWidget() is window.home_page)
    wait(lambda: window.home_page.unfinished.count() == 1)
    shoot(window, "home-resume")

    window.workspace.start_button.click()
    wait(lambda: window.stack.currentWidget() is window.arm_page)
    arm = window.arm_page
    arm.department.setText("Sales")
    arm.role.setText("Account manager")
    arm.tenure.setCurrentIndex(3)
    arm.leaving_type.setCurrentIndex(1)
    shoot(window, "arm")
    arm.hand_over_button.click()
    employee = window.employee
    wait(lambda: window.stack.currentWidget() is employee)
    shoot(window, "welcome")
    welcome = employee.welcome
    welcome.decline_button.click()
    shoot(window, "welcome-decline-confirm")
    welcome.cancel_decline_button.click()
    welcome._language_buttons["de"].click()
    shoot(window, "welcome-german")
    welcome._language_buttons["en"].click()

    page = employee.question
    welcome.start_button.click()
    wait(lambda: employee.stack.currentWidget() is page and not employee.controller.busy)
    shoot(window, "question-single-choice")
    _input(page).set_value("manager")
    _advance(window)
    text = _input(page)
    assert isinstance(text, TextInput)
    text.set_value(
        "My manager rarely had time for one-to-ones, and feedback only came at the yearly "
        "review. I would have liked to grow into a team lead role."
    )
    shoot(window, "question-text")
    _advance(window)
    page.followups.reply.set_value("Monthly check-ins would have helped a lot.")
    shoot(window, "question-followup")
    _advance(window)
    _answer_all(window, shoot)
    wait(lambda: employee.stack.currentWidget() is employee.review)
    shoot(window, "review")
    employee.review.submit_button.click()
    wait(lambda: employee.stack.currentWidget() is employee.thanks)
    shoot(window, "thanks")
    employee.thanks.rating_buttons[3].click()
    shoot(window, "thanks-rated")
    employee.thanks.done_button.click()
    wait(lambda: employee.stack.currentWidget() is employee.welcome)
    welcome.decline_button.click()
    welcome.confirm_decline_button.click()
    wait(lambda: employee.stack.currentWidget() is employee.thanks)
    shoot(window, "declined")
    employee.thanks.done_button.click()
    wait(lambda: employee.stack.currentWidget() is employee.welcome)
    _german_and_sizes(window, shoot)
    _leave_dialog(window, shoot)


def _wait_moved_on(window: MainWindow, step: object) -> None:
    employee = window.employee
    wait(lambda: not employee.controller.busy and employee.question._step is not step)


def _input(page: QuestionPage) -> AnswerInput:
    assert page.input is not None
    return page.input


def _answer_all(window: MainWindow, shoot: Shooter) -> None:
    """Every remaining question, with one picture per type, the care panel and a pause."""
    employee, page = window.employee, window.employee.question
    shown: set[str] = set()
    while employee.stack.currentWidget() is page:
        step = page._step
        assert step is not None and step.question is not None
        question, answer = step.question, _input(page)
        kind = question.type
        if kind == "text":
            answer.set_value(
                "Honestly I was afraid for my safety in the car park at night."
                if "care" not in shown
                else "More flexible hours would have made a difference."
            )
        elif question.choices:
            first = question.choices[0].id
            answer.set_value([first] if kind == "multiple_choice" else first)
        else:
            answer.set_value({"yes_no": True, "scale_0_10": 7}.get(kind, 4))
        if kind not in shown and kind != "text":
            shoot(window, f"question-{kind.replace('_', '-')}")
            shown.add(kind)
            if kind == "rating":
                page.prefer_not.setChecked(True)
                shoot(window, "question-prefer-not")
                page.prefer_not.setChecked(False)
        _advance(window)
        if page.care.isVisible():
            shoot(window, "question-care")
            shown.add("care")
            page.care.pause_button.click()
            shoot(window, "pause")
            employee.pause.resume_button.click()
            _advance(window)
        elif page.followups.active:
            page.followups.skip_button.click()
            _wait_moved_on(window, step)


def _german_and_sizes(window: MainWindow, shoot: Shooter) -> None:
    """A German question with a follow-up being written, then the smallest and a 4K window."""
    employee, page = window.employee, window.employee.question
    employee.welcome._language_buttons["de"].click()
    employee.welcome.start_button.click()
    wait(lambda: employee.stack.currentWidget() is page and not employee.controller.busy)
    _input(page).set_value("work_life_balance")
    _advance(window)
    _input(page).set_value("Zu viele Überstunden und kaum Zeit für die Familie.")
    # The moment a follow-up streams in: typing indicator and the first words.
    page.followups.begin()
    page.followups.append("Was hat die Arbeitsbelastung ")
    page.prefer_not.hide()
    shoot(window, "question-german-followup-streaming")
    page.followups.clear()
    window.resize(1024, 768)
    shoot(window, "question-german-1024x768")
    window.resize(3840, 2160)
    shoot(window, "question-german-3840x2160")
    window.resize(*SIZE)


def _leave_dialog(window: MainWindow, shoot: Shooter) -> None:
    window.employee.leave_button.click()
    dialog = window._dialog
    assert dialog is not None
    wait(dialog.isVisible)
    dialog.password.setText("wrong password")
    dialog.buttons.accepted.emit()
    wait(dialog.error.isVisible)
    shoot(window, "leave-password-window")
    shoot(dialog, "leave-password-dialog")
    dialog.reject()


def _hr_pages(window: MainWindow, shoot: Shooter) -> None:
    """The HR workspace over a year of realistic interviews."""
    window.employee.stop()
    window._back_to_hr()
    store = window.store
    assert store is not None
    populate(store, 1200, start=datetime.now() - timedelta(days=365), months=12)
    shoot(window, "hr-home")
    _dashboard(window, shoot)
    window.workspace.sections["interviews"].click()
    page = window.interviews_page
    wait(lambda: page.model.rowCount() > 0)
    shoot(window, "hr-interviews")
    page.theme.setCurrentIndex(page.theme.findData("manager"))
    page.tone.setCurrentIndex(page.tone.findData("negative"))
    page.search.setText("feedback")
    wait(lambda: page.model.query.filters.words == "feedback" and page.model.total is not None)
    shoot(window, "hr-interviews-filtered")
    page.export_button.click()
    wait(lambda: window.findChild(ExportDialog) is not None)
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    wait(dialog.isVisible)
    shoot(dialog, "hr-export")
    dialog.reject()
    page.date_from.setText("31.12.")
    wait(page.error.isVisible)
    shoot(window, "hr-interviews-date-error")
    page.date_from.clear()
    wait(lambda: not page.error.isVisible() and page.model.rowCount() > 0)
    first = page.model.index(0, 0)
    page.table.setCurrentIndex(first)
    page.table.activated.emit(first)
    detail = window.detail_page
    wait(lambda: detail._detail is not None)
    shoot(window, "hr-interview-detail")
    detail._scroll_area.verticalScrollBar().setValue(640)
    shoot(window, "hr-interview-detail-answers")
    correct = next(b for b in detail.findChildren(QPushButton) if b.text() == "Correct…")
    detail._scroll_area.ensureWidgetVisible(correct)
    correct.click()
    wait(lambda: window.findChild(CorrectionDialog) is not None)
    correction = window.findChild(CorrectionDialog)
    assert correction is not None
    wait(correction.isVisible)
    correction.theme_boxes["work_life_balance"].setChecked(True)
    shoot(correction, "hr-correction")
    correction.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait(lambda: any("corrected by HR" in lbl.text() for lbl in detail.findChildren(QLabel)))
    shoot(window, "hr-interview-detail-corrected")
    _stale_review(window, shoot)
    _settings(window, shoot)
    _backup(window, shoot)
    _questions(window, shoot)
    _accounts(window, shoot)
    _audit(window, shoot)


def _settings(window: MainWindow, shoot: Shooter) -> None:
    """The settings page: its top with a logo chosen, a refused value with the purge
    preview, the warning for an Ollama on another computer, and an assistant test."""
    window.workspace.sections["settings"].click()
    page = window.settings_page
    retention = page.rows["retention_months"]
    assert isinstance(retention, LineRow)
    wait(lambda: retention.line.text() != "" and page.purge_preview.text().endswith("unlock."))
    logo_row = page.rows["report_logo"]
    assert isinstance(logo_row, LogoRow)
    logo = QImage(360, 96, QImage.Format.Format_RGB32)
    logo.fill(QColor("white"))
    painter = QPainter(logo)
    painter.fillRect(0, 0, 96, 96, QColor(20, 90, 160))
    painter.setPen(QColor(20, 90, 160))
    painter.setFont(QFont("DejaVu Sans", 40, QFont.Weight.Bold))
    painter.drawText(112, 66, "ACME")
    painter.end()
    logo_file = Path(tempfile.mkdtemp()) / "acme-logo.png"
    logo.save(str(logo_file))
    logo_row.choose_file(logo_file)
    shoot(window, "hr-settings")
    retention.line.setText("6")
    retention.edited.emit()
    wait(
        lambda: page.purge_preview.text().startswith(("1 ", "2", "3", "4", "5", "6", "7", "8", "9"))
    )
    page.rows["followups_per_question"].focus_widget.setFocus()
    followups = page.rows["followups_per_question"]
    assert isinstance(followups, LineRow)
    followups.line.setText("5")
    page.save_button.click()
    wait(followups.error.isVisible)
    shoot(window, "hr-settings-refused")
    page._scroll_area.ensureWidgetVisible(page.purge_preview, 0, 200)
    shoot(window, "hr-settings-retention")
    page.undo_button.click()
    wait(lambda: followups.line.text() == "1")
    backend = page.rows["llm_backend"]
    assert isinstance(backend, ChoiceRow)
    host = page.rows["ollama_host"]
    assert isinstance(host, LineRow)
    backend.combo.setCurrentIndex(backend.combo.findData("ollama"))
    host.line.setText("ollama.example.org:11434")
    host.edited.emit()
    page._scroll_area.verticalScrollBar().setValue(page._scroll_area.verticalScrollBar().maximum())
    shoot(window, "hr-settings-remote")
    backend.combo.setCurrentIndex(backend.combo.findData("rules"))
    backend.edited.emit()
    page.backend_test.test_button.click()
    wait(lambda: page.backend_test.result.text() != "")
    page._scroll_area.verticalScrollBar().setValue(page._scroll_area.verticalScrollBar().maximum())
    shoot(window, "hr-settings-test")
    window.translations.set_language("de")
    wait(lambda: page.save_button.text() == "Einstellungen spei&chern")
    page._scroll_area.verticalScrollBar().setValue(0)
    shoot(window, "hr-settings-de")
    window.translations.set_language("en")


def _stale_review(window: MainWindow, shoot: Shooter) -> None:
    """Another HR desk saved a review of this interview meanwhile: this one is refused."""
    detail, store = window.detail_page, window.store
    assert store is not None and detail._detail is not None
    shown = detail._detail.record
    store.interviews.review(
        shown.id, HrReview("voluntary", True, "Counter-offer refused."), seen=shown.hr_review
    )
    detail.hr_note.setPlainText("Restructuring; not regrettable.")
    detail._scroll_area.ensureWidgetVisible(detail.save_review_button)
    detail.save_review_button.click()
    wait(detail.review_error.isVisible)
    detail._scroll_area.ensureWidgetVisible(detail.review_error)
    shoot(window, "hr-interview-detail-stale-review")


def _server_station(shoot: Shooter, translations: Translations) -> None:
    """A station of a central PostgreSQL server (when PostgreSQL is installed): the
    Backup page's health figures say the server is backed up there."""
    try:
        cluster_context = throwaway_cluster(durable=False)
        cluster = cluster_context.__enter__()
    except ClusterError as exc:
        print(f"skipped the server station: {exc}", file=sys.stderr)
        return
    try:
        import psycopg

        with psycopg.connect(
            host=str(cluster.socket_dir), port=cluster.port, user=SUPERUSER, dbname="postgres",
            autocommit=True,
        ) as admin:  # fmt: skip
            admin.execute("CREATE ROLE station LOGIN PASSWORD 'screens-only'")
            admin.execute("CREATE DATABASE exitbot OWNER station")
        with tempfile.TemporaryDirectory() as tmp:
            folder = DataFolder(Path(tmp) / "station")
            url = f"postgresql://station@127.0.0.1:{cluster.port}/exitbot"
            store, _recovery = vault.create_on_server(
                folder, url, "screens-only", organisation="Acme GmbH", user="Maria Schmidt",
                password=PASSWORD, kdf=FAST_KDF,
            )  # fmt: skip
            store.close()
            window = MainWindow(
                folder, translations, assistant=Assistant(RulesBackend()), kdf=FAST_KDF
            )
            window.resize(*SIZE)
            window.show()
            try:
                wait(lambda: window.stack.currentWidget() is window.unlock_page)
                window.unlock_page.password.setText(PASSWORD)
                window.unlock_page.password.returnPressed.emit()
                wait(lambda: window.stack.currentWidget() is window.home_page)
                window.workspace.sections["backup"].click()
                page = window.backup_page
                wait(lambda: "central server" in page.health.rows["backup"].text())
                page._scroll_area.ensureWidgetVisible(page.refresh_button)
                shoot(window, "hr-backup-server-station")
            finally:
                window.shutdown()
    finally:
        cluster_context.__exit__(None, None, None)


def _backup(window: MainWindow, shoot: Shooter) -> None:
    """The Backup page just after a backup, then scrolled to its health figures."""
    window.workspace.sections["backup"].click()
    page = window.backup_page
    wait(lambda: page.last_line.text() not in ("", "…"))
    page.back_up_to(window.folder.root.parent / "usb")
    wait(lambda: bool(page.result_line.text()) and "ago" in page.health.rows["backup"].text())
    shoot(window, "hr-backup")
    page._scroll_area.ensureWidgetVisible(page.refresh_button)
    shoot(window, "hr-backup-health")


def _accounts(window: MainWindow, shoot: Shooter) -> None:
    """The Accounts page with two accounts; adding one with a weak password; the data key
    change asking for every password; the question before an erasure."""
    store = window.store
    assert store is not None
    store.add_account("Jonas Weber", "purple elephant juggles quietly", FAST_KDF)
    window.workspace.sections["accounts"].click()
    page = window.accounts_page
    wait(lambda: page.accounts.topLevelItemCount() == 2)
    shoot(window, "hr-accounts")
    page._scroll_area.ensureWidgetVisible(page.erase_button)
    shoot(window, "hr-accounts-keys")
    page.add_button.click()
    wait(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    assert isinstance(dialog, AddAccountDialog)
    dialog.name.setText("Lena Fischer")
    dialog.password.setText("aaaaaaaaaa")
    dialog.repeat.setText("aaaaaaaaaa")
    dialog.ok_button.click()
    wait(dialog.error.isVisible)
    shoot(dialog, "hr-accounts-add-refused")
    dialog.reject()
    page.rotate_button.click()
    wait(lambda: isinstance(page.dialog, RotateKeyDialog) and page.dialog.isVisible())
    assert page.dialog is not None
    shoot(page.dialog, "hr-accounts-rotate")
    page.dialog.reject()
    receipt = next(
        code
        for code in (f"EX-S{n:07d}" for n in range(1, 100))
        if store.interviews.find_by_receipt(code) is not None
    )
    page.receipt.setText(receipt)
    page.erase_button.click()
    wait(lambda: page.confirmation is not None and page.confirmation.isVisible())
    assert page.confirmation is not None
    shoot(page.confirmation, "hr-accounts-erase-confirm")
    page.confirmation.reject()


def _audit(window: MainWindow, shoot: Shooter) -> None:
    """The Audit log page, verified; then with an entry edited behind ExitBot's back."""
    window.workspace.sections["audit"].click()
    page = window.audit_page
    wait(lambda: page.model.rowCount() > 0)
    page.verify()
    wait(page.verdict.isVisible)
    shoot(window, "hr-audit")
    store = window.store
    assert store is not None
    with store.database.connection() as conn:
        conn.exec_driver_sql(
            "UPDATE audit_log SET actor = 'mallory' WHERE id = (SELECT min(id) + 2 FROM audit_log)"
        )
    page.verify()
    wait(page.broken.isVisible)
    shoot(window, "hr-audit-broken")


def _dashboard(window: MainWindow, shoot: Shooter) -> None:
    """The dashboard for every interview, further down, and for a group too small to show."""
    window.workspace.sections["dashboard"].click()
    page = window.dashboard_page
    wait(lambda: page.ready, timeout=60)
    shoot(window, "hr-dashboard")
    page._scroll_area.verticalScrollBar().setValue(560)
    shoot(window, "hr-dashboard-ratings")
    assert page.figures.breakdowns is not None
    page._scroll_area.ensureWidgetVisible(page.figures.breakdowns, 0, 160)
    shoot(window, "hr-dashboard-breakdowns")
    themes = page.figures.themes
    assert themes is not None
    themes.activated.emit(0)  # the top reason: the browser lists its interviews
    browser = window.interviews_page
    wait(lambda: browser.model.total is not None and browser.model.query.filters.theme is not None)
    store = window.store
    assert store is not None
    recent = (datetime.now() - timedelta(days=120)).date()
    browser.show_filters(
        store, Filters(department="Finance", role="Analyst", location="Remote", date_from=recent)
    )
    window.workspace.sections["dashboard"].click()
    wait(lambda: page.ready and page.filters.role == "Analyst", timeout=60)
    shoot(window, "hr-dashboard-withheld")
    browser.show_filters(store, Filters())


def _questions(window: MainWindow, shoot: Shooter) -> None:
    """The Questions page: the built-in set (read-only), a copy being edited at a branching
    question (in English and in German), a refused save with the loader's messages, and the
    preview in both languages."""
    window.workspace.sections["questions"].click()
    page = window.questions_page
    editor = page.editor
    wait(lambda: editor.model.rowCount() > 0)
    shoot(window, "hr-questions")
    page.new_id.setText("acme-2026")
    page.copy_button.click()
    wait(lambda: page.selected() is not None and page.selected().id == "acme-2026")  # type: ignore[union-attr]
    wait(lambda: editor.form.isEnabled() and editor.model.rowCount() > 0)
    editor.select(2)  # "manager_aspects": options, and shown only after "My manager"
    settle()  # the hint under the branch has its lines before the page scrolls to it
    page._scroll_area.ensureWidgetVisible(editor.form.condition_hint, 0, 20)
    shoot(window, "hr-questions-edit")
    window.translations.set_language("de")
    # The page fetches the set again for its new words, and the editor starts at question 1.
    wait(lambda: page.save_button.text() != "Sav&e set" and editor.list.currentIndex().row() == 0)
    editor.select(2)
    settle()  # the hint under the branch has its lines before the page scrolls to it
    page._scroll_area.ensureWidgetVisible(editor.form.condition_hint, 0, 20)
    shoot(window, "hr-questions-edit-de")
    window.translations.set_language("en")
    wait(lambda: page.save_button.text() == "Sav&e set" and editor.list.currentIndex().row() == 0)
    editor.select(2)
    editor.form.text_edits["de"].setPlainText("")
    editor.select(0)  # "main_reason" as yes/no: the branch on "My manager" breaks
    editor.form.type_combo.setCurrentIndex(editor.form.type_combo.findData("yes_no"))
    page.save_button.click()
    wait(editor.problems.isVisible)
    page._scroll_area.ensureWidgetVisible(editor.problems, 0, 40)
    shoot(window, "hr-questions-refused")
    page.discard_button.click()
    wait(lambda: not editor.dirty and editor.model.rowCount() > 0)
    editor.select(0)
    editor.show_preview()
    preview = editor.preview
    assert preview is not None
    wait(preview.isVisible)
    shoot(preview, "hr-questions-preview")
    preview.language.setCurrentIndex(preview.language.findData("de"))
    shoot(preview, "hr-questions-preview-de")
    preview.accept()


if __name__ == "__main__":
    sys.exit(main())
