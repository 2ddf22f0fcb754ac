"""Locking, disarming and closing: once the store closes, nothing in the window uses it.

The analysis written after submit finishes before the key leaves memory; every page lets
go of the closed store; the unlock page shows whatever closing did; and closing the
window waits for the store, never for a model.
Real windows on a real encrypted database.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QEvent, QObject
from sqlalchemy import select

import exitbot_desktop.ui.employee.controller as controller_module
from exitbot_desktop.engine.errors import StoreError
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.models import AnalysisRow
from exitbot_desktop.ui import operations
from exitbot_desktop.ui.operations import Lane, Op

if TYPE_CHECKING:
    from ui_fixtures import UiDriver, WindowFactory

    from exitbot_desktop.ui.main_window import MainWindow


def _assert_nothing_holds_a_store(window: MainWindow) -> None:
    employee = window.employee
    assert window.store is None
    assert employee._store is None
    assert employee.controller._store is None
    assert employee.controller.session is None
    assert window.home_page._store is None
    assert window.home_page.unfinished.count() == 0


def test_the_analysis_after_submit_finishes_before_the_station_locks(
    ui: UiDriver,
    make_window: WindowFactory,
    hr_folder: DataFolder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    analysed = threading.Event()
    real_analysis = controller_module.analyse_interview

    def slow_analysis(store: vault.Store, *args: object, **kwargs: object) -> object:
        time.sleep(1.0)  # a model writing the summary takes its time
        result = real_analysis(store, *args, **kwargs)  # type: ignore[arg-type]
        analysed.set()
        return result

    monkeypatch.setattr(controller_module, "analyse_interview", slow_analysis)
    window = make_window(hr_folder)
    ui.arm_station(window)
    ui.start_interview(window)
    ui.answer_the_rest(window)
    employee = window.employee
    ui.activate(employee.review.submit_button)
    ui.wait_employee(window, employee.thanks)
    code = employee.thanks.code.text()
    ui.activate(employee.thanks.done_button)
    ui.wait_employee(window, employee.welcome)
    employee.idle.start(0.001)  # the station is left alone at once
    ui.wait_page(window, window.unlock_page)

    assert analysed.is_set()  # the key left memory only after the analysis was written
    _assert_nothing_holds_a_store(window)
    with vault.unlock(hr_folder, user="alice", password=ui.password) as store:
        record = store.interviews.find_by_receipt(code)
        assert record is not None
        with store.database.transaction() as s:
            kinds = set(
                s.scalars(select(AnalysisRow.kind).where(AnalysisRow.interview_id == record.id))
            )
        assert "summary" in kinds


def test_lock_lets_go_of_the_store_everywhere(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    ui.reach_free_text(window, answer_first=False)
    ui.type("Half a thought")
    store = window.store
    assert store is not None
    window.lock()
    ui.wait_page(window, window.unlock_page)
    _assert_nothing_holds_a_store(window)
    ui.unlock(window)  # the draft was saved before the store closed
    page = ui.resume_only_unfinished(window, 2)
    assert page.input is not None and page.input.value() == "Half a thought"


def test_the_unlock_page_shows_even_when_closing_the_store_fails(
    ui: UiDriver,
    make_window: WindowFactory,
    hr_folder: DataFolder,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    window = make_window(hr_folder)
    ui.unlock(window)
    store = window.store
    assert store is not None
    real_close = store.close

    def failing_close() -> None:
        raise StoreError("The disk went away.")

    monkeypatch.setattr(store, "close", failing_close)
    with caplog.at_level(logging.ERROR):
        ui.activate(window.workspace.lock_button)
        ui.wait_page(window, window.unlock_page)
    assert "Closing the database failed" in caplog.text
    _assert_nothing_holds_a_store(window)
    Op(lambda _ctx: real_close(), lane=Lane.STORE).run_in_background()
    assert operations.drain()


class _HideClock(QObject):
    """Notes when the window is hidden."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden_at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Hide and self.hidden_at is None:
            self.hidden_at = time.monotonic()
        return False


def test_closing_the_window_hides_it_first_and_waits_for_the_store_not_a_model(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    ui.unlock(window)
    release = threading.Event()
    saved_at: list[float] = []
    # A model that takes its time loading, and a write still running on the store lane.
    Op(lambda _ctx: release.wait(30), lane=Lane.MODEL).run_in_background()

    def write(_ctx: object) -> None:
        time.sleep(0.3)
        saved_at.append(time.monotonic())

    Op(write, lane=Lane.STORE).run_in_background()
    clock = _HideClock()
    window.installEventFilter(clock)
    try:
        started = time.monotonic()
        window.shutdown()
        took = time.monotonic() - started
    finally:
        release.set()
    assert not window.isVisible()
    assert saved_at  # the store's work finished before it closed ...
    assert clock.hidden_at is not None and clock.hidden_at < saved_at[0]  # ... out of sight
    assert took < 5  # and nobody waited for the model
    with vault.unlock(hr_folder, user="alice", password=ui.password):
        pass  # the store is closed and the folder free again
