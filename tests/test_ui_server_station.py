"""The app at a station of a central PostgreSQL server: the same screens, on the server's
interviews, opened with an HR password alone."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from conftest import PASSWORD
from postgres_server import PostgresDatabase
from test_aggregates import UNHAPPY, conduct

from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF

if TYPE_CHECKING:
    from ui_fixtures import UiDriver, WindowFactory


def test_hr_at_a_joined_station_finds_and_reads_an_interview_another_station_took(
    ui: UiDriver,
    make_window: WindowFactory,
    tmp_path: Path,
    postgres_database: PostgresDatabase,
    question_set: QuestionSet,
) -> None:
    first, second = DataFolder(tmp_path / "front-desk"), DataFolder(tmp_path / "hr-office")
    store, _recovery = vault.create_on_server(
        first,
        postgres_database.url,
        postgres_database.password,
        organisation="Acme GmbH",
        user="alice",
        password=PASSWORD,
        kdf=FAST_KDF,
    )
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
    vault.create_on_server(
        folder,
        postgres_database.url,
        postgres_database.password,
        organisation="Acme GmbH",
        user="alice",
        password=PASSWORD,
        kdf=FAST_KDF,
    )[0].close()
    window = make_window(folder)
    ui.unlock(window, PASSWORD)

    ui.activate(window.workspace.sections["backup"])
    page = window.backup_page
    ui.wait_page(window, page)
    ui.qtbot.waitUntil(
        lambda: "central server" in page.health.rows["backup"].text(), timeout=10_000
    )

    assert "keeps no interviews" in page._server_text.text() and page._server_text.isVisible()
    assert not page.back_up_button.isVisible() and not page.automatic.isVisible()
    assert page.health.rows["disk"].text().startswith("on the central server")
    assert "never" not in page.health.rows["backup"].text()
