"""The app at a station of a central PostgreSQL server: the same screens, on the server's
interviews, opened with an HR password alone."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from conftest import PASSWORD
from postgres_server import PostgresDatabase, create_station
from PySide6.QtCore import Qt
from tcp_cut import relay_to
from test_aggregates import UNHAPPY, conduct

from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder

if TYPE_CHECKING:
    from ui_fixtures import UiDriver, WindowFactory

    from exitbot_desktop.ui.main_window import MainWindow


def _store(window: MainWindow) -> vault.Store:
    assert window.store is not None
    return window.store


def test_hr_at_a_joined_station_finds_and_reads_an_interview_another_station_took(
    ui: UiDriver,
    make_window: WindowFactory,
    tmp_path: Path,
    postgres_database: PostgresDatabase,
    question_set: QuestionSet,
) -> None:
    first, second = DataFolder(tmp_path / "front-desk"), DataFolder(tmp_path / "hr-office")
    store, _recovery = create_station(first, postgres_database, PASSWORD)
    with store:
        receipt = store.interviews.load(conduct(store, question_set, UNHAPPY)).receipt_code
    assert receipt is not None
    vault.join_server(
        second, postgres_database.url, postgres_database.password, user="alice", password=PASSWORD
    ).close()
    window = make_window(second)

    ui.unlock(window, PASSWORD)
    ui.activate(window.workspace.sections["interviews"])
    browser = window.interviews_page
    ui.wait_page(window, browser)
    browser.receipt.setFocus()
    ui.type(receipt)
    ui.qtbot.waitUntil(lambda: browser.count.text() == "Interviews found: 1", timeout=10_000)
    browser.table.setCurrentIndex(browser.model.index(0, 0))
    browser.table.activated.emit(browser.model.index(0, 0))

    detail = window.detail_page
    ui.wait_page(window, detail)
    ui.qtbot.waitUntil(lambda: receipt in detail._title.text(), timeout=10_000)
    shown = [label.text() for label in detail.findChildren(type(detail._title))]
    assert UNHAPPY["main_reason_details"] in shown  # opened on this station, in clear


def test_the_backup_page_of_a_station_says_the_server_is_backed_up_there(
    ui: UiDriver, make_window: WindowFactory, tmp_path: Path, postgres_database: PostgresDatabase
) -> None:
    folder = DataFolder(tmp_path / "front-desk")
    create_station(folder, postgres_database, PASSWORD)[0].close()
    window = make_window(folder)
    ui.unlock(window, PASSWORD)

    ui.activate(window.workspace.sections["backup"])
    page = window.backup_page
    ui.wait_page(window, page)
    ui.qtbot.waitUntil(
        lambda: "central server" in page.health.rows["backup"].text(), timeout=10_000
    )

    assert "keeps it only until the server has it" in page._server_text.text()
    assert page._server_text.isVisible()
    assert not page.back_up_button.isVisible() and not page.automatic.isVisible()
    assert page.health.rows["disk"].text().startswith("on the central server")
    assert "never" not in page.health.rows["backup"].text()


def test_an_interview_at_a_station_goes_on_when_the_server_is_lost_and_arrives_when_back(
    ui: UiDriver, make_window: WindowFactory, tmp_path: Path, postgres_database: PostgresDatabase
) -> None:
    folder = DataFolder(tmp_path / "front-desk")
    with relay_to(postgres_database.port) as line:
        create_station(folder, postgres_database, PASSWORD, port=line.port)[0].close()
        window = make_window(folder)
        ui.unlock(window, PASSWORD)
        ui.arm_station(window)
        ui.start_interview(window)
        page = window.employee.question
        ui.press(Qt.Key.Key_Space)
        ui.next()
        ui.wait_question(window, 2)

        def on_server() -> tuple[object, ...] | None:
            with postgres_database.connect() as conn:
                return conn.execute(
                    "SELECT status, receipt_code, (SELECT count(*) FROM answers) FROM interviews"
                ).fetchone()

        # The first answer is delivered at once.
        ui.qtbot.waitUntil(lambda: on_server() == ("in_progress", None, 1), timeout=10_000)
        failures: list[str] = []
        window.employee.controller.failed.connect(failures.append)
        line.cut()
        ui.type("The new rota left no time for my family.")
        ui.next()
        ui.qtbot.waitUntil(lambda: page.followups.followup_id is not None, timeout=10_000)
        ui.type("Fixed shifts would have helped.")
        ui.next()
        ui.wait_question(window, 3)
        ui.answer_the_rest(window)
        ui.activate(window.employee.review.submit_button)
        thanks = window.employee.thanks
        ui.wait_employee(window, thanks)  # no error on the way: the queue took every answer
        code = thanks.code.text()
        assert failures == []
        assert on_server() == ("in_progress", None, 1)  # what arrived before the cut

        line.restore()

        ui.qtbot.waitUntil(lambda: (on_server() or ("",))[0] == "completed", timeout=20_000)
        status, receipt, answers = on_server() or ()
        assert (status, receipt) == ("completed", code)
        assert answers == len(
            _store(window).interview_store.interviews.find_by_receipt(code).answers
        )  # type: ignore[union-attr]


def test_hr_changes_the_data_key_at_a_station_and_the_server_stays_readable(
    ui: UiDriver,
    make_window: WindowFactory,
    tmp_path: Path,
    postgres_database: PostgresDatabase,
    question_set: QuestionSet,
) -> None:
    from test_ui_accounts import _dialog, _open_accounts, _submit

    from exitbot_desktop.ui.hr.account_dialogs import RotateKeyDialog

    folder = DataFolder(tmp_path / "front-desk")
    store, _recovery = create_station(folder, postgres_database, PASSWORD)
    with store:
        receipt = store.interviews.load(conduct(store, question_set, UNHAPPY)).receipt_code
    window = make_window(folder)
    page = _open_accounts(ui, window)

    ui.activate(page.rotate_button)
    dialog = _dialog(ui, page, RotateKeyDialog)
    assert isinstance(dialog, RotateKeyDialog)
    dialog.passwords["alice"].setText(PASSWORD)
    assert _submit(ui, dialog)
    recovery = window.recovery_page
    ui.wait_page(window, recovery)
    ui.activate(recovery.written_down)
    ui.activate(recovery.continue_button)
    ui.wait_page(window, page)

    assert "answers on the central server are now sealed under a new data key" in (
        page.result_line.text()
    )
    opened = _store(window).interviews.find_by_receipt(receipt or "")
    assert opened is not None
    assert opened.main_answers()["main_reason_details"].text == UNHAPPY["main_reason_details"]
