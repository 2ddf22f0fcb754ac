"""The HR workspace and its dashboard in a real window over a real encrypted database.

The bar reaches every workspace page by keyboard and keeps Start interview and Lock in
reach; the dashboard shows the engine's figures for the browser's filter, counts in the
background, never lets an older count overwrite a newer one, explains withheld groups as
the aggregate PDF does, and opens the interviews behind a figure in the browser.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

import exitbot_desktop.ui.hr.dashboard_page as dashboard_module
from bench.synthetic import populate
from exitbot_desktop.engine.analysis import aggregates
from exitbot_desktop.engine.analysis.aggregates import Aggregates
from exitbot_desktop.engine.filters import Filters
from exitbot_desktop.engine.interview_list import ListQuery
from exitbot_desktop.engine.reports import labels
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.ui.stall import StallMeter

if TYPE_CHECKING:
    from ui_fixtures import UiDriver, WindowFactory

    from exitbot_desktop.engine.store.vault import Store
    from exitbot_desktop.ui.hr.dashboard_page import DashboardPage
    from exitbot_desktop.ui.main_window import MainWindow

TOTAL = 160
SMALL = "Legal"  # a department of three: too small to be named


@pytest.fixture
def office_folder(hr_folder: DataFolder) -> DataFolder:
    # Recent interviews: unlocking erases those past the retention period.
    recent = datetime.now() - timedelta(days=200)
    with vault.unlock(hr_folder, user="alice", password="correct horse battery staple") as store:
        populate(store, TOTAL, start=recent, months=6, department_sizes={SMALL: 3})
    return hr_folder


def _ctrl(ui: UiDriver, number: int) -> None:
    key = {1: Qt.Key.Key_1, 2: Qt.Key.Key_2, 3: Qt.Key.Key_3}[number]
    ui.press(key, Qt.KeyboardModifier.ControlModifier)


def _open_dashboard(ui: UiDriver, window: MainWindow) -> DashboardPage:
    """Ctrl+3 from wherever HR is; waits for the figures."""
    _ctrl(ui, 3)
    page = window.dashboard_page
    ui.wait_page(window, page)
    _wait_counted(ui, page)
    return page


def _wait_counted(ui: UiDriver, page: DashboardPage) -> None:
    ui.qtbot.waitUntil(lambda: page.ready, timeout=20_000)


def _engine(window: MainWindow, filters: Filters) -> Aggregates:
    store = window.store
    assert store is not None
    return aggregates.compute(store, filters)


def _store(window: MainWindow) -> Store:
    store = window.store
    assert store is not None
    return store


def test_the_key_figures_are_the_engines_for_the_filter_in_force(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder
) -> None:
    window = make_window(office_folder)
    ui.unlock(window)
    meter = StallMeter()
    meter.start()

    page = _open_dashboard(ui, window)

    assert meter.stop() <= 500  # counted off the GUI thread
    agg = _engine(window, Filters())
    shown = {key: value.text() for key, value in page.figures.figures.items()}
    yes = next(d for d in agg.distributions if d.type == "yes_no")
    assert shown == {
        "interviews": f"{agg.created:,}",
        "completed": f"{agg.completed:,}",
        "completion": f"{100 * (agg.completion_rate or 0):.0f}%",
        "enps": f"{agg.enps.score:.0f}",
        "rating": f"{agg.average_rating:.1f}",
        "followups": f"{100 * (agg.followup_rate or 0):.0f}%",
        "return": f"{100 * yes.counts[0][1] / yes.total:.0f}%",
        "urgent": f"{sum(n for _, n in agg.flags):,}",
    }
    assert page.filter_line.text() == "Filter in force: All interviews"
    themes = page.figures.themes
    assert themes is not None
    assert themes.accessibleDescription().startswith(
        f"{labels.theme(agg.themes[0][0])}: {agg.themes[0][1]} "
    )


def test_changing_the_browsers_filter_changes_the_dashboard(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder
) -> None:
    window = make_window(office_folder)
    ui.unlock(window)
    page = _open_dashboard(ui, window)
    everyone = page.figures.figures["interviews"].text()

    _ctrl(ui, 2)
    browser = window.interviews_page
    ui.wait_page(window, browser)
    browser.department.setFocus()
    ui.type("Sales")
    ui.qtbot.waitUntil(lambda: browser.model.query.filters.department == "Sales")
    _open_dashboard(ui, window)

    sales = _engine(window, Filters(department="Sales"))
    assert page.filter_line.text() == "Filter in force: Department: Sales"
    assert page.figures.figures["interviews"].text() == f"{sales.created:,}" != everyone
    assert page.figures.figures["completed"].text() == f"{sales.completed:,}"


def test_choosing_a_theme_lists_its_interviews_in_the_browser(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder
) -> None:
    window = make_window(office_folder)
    ui.unlock(window)
    page = _open_dashboard(ui, window)
    themes = page.figures.themes
    assert themes is not None
    second = _engine(window, Filters()).themes[1][0]

    themes.setFocus()  # a keyboard user: Down to the second bar, Enter
    ui.press(Qt.Key.Key_Down)
    ui.press(Qt.Key.Key_Return)

    browser = window.interviews_page
    ui.wait_page(window, browser)
    assert window.workspace.current() == "interviews"
    assert browser.theme.currentData() == second
    expected = _store(window).interview_list.page(ListQuery(Filters(theme=second)), 0, 1).total
    ui.qtbot.waitUntil(lambda: browser.model.total == expected, timeout=10_000)

    # A click on the top bar (Qt numbers bars from the bottom) opens the top theme.
    _open_dashboard(ui, window)
    top = _engine(window, Filters(theme=second)).themes[0][0]
    clicked = page.figures.themes
    assert clicked is not None
    clicked._bars.clicked.emit(clicked._count - 1)
    ui.wait_page(window, browser)
    assert browser.query().filters == Filters(theme=top)


def test_a_group_too_small_is_withheld_and_explained_as_in_the_pdf(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder
) -> None:
    window = make_window(office_folder)
    ui.unlock(window)
    page = _open_dashboard(ui, window)
    departments = next(
        b for b in _engine(window, Filters()).breakdowns if b.dimension == "department"
    )
    assert departments.suppressed_groups  # the engine hid the small department

    table = page.figures.breakdown_tables["department"]
    shown = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert shown == [
        *(r.label for r in departments.rows),
        f"{departments.suppressed_groups} group{'s' if departments.suppressed_groups != 1 else ''}"
        f" withheld ({departments.suppressed_interviews:,} interviews)",
    ]
    assert SMALL not in shown
    assert table.item(table.rowCount() - 1, 1).text() == "suppressed"
    assert page.figures.suppression.text().startswith(
        "Groups with fewer than 5 completed interviews are not named and their figures are "
        "not shown; they are counted in the grey line."
    )


def test_a_breakdown_row_lists_that_groups_interviews(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder
) -> None:
    window = make_window(office_folder)
    ui.unlock(window)
    page = _open_dashboard(ui, window)
    table = page.figures.breakdown_tables["department"]
    first = table.item(0, 0).text()

    table.setFocus()
    table.setCurrentCell(0, 0)
    ui.press(Qt.Key.Key_Return)

    browser = window.interviews_page
    ui.wait_page(window, browser)
    assert browser.department.text() == first
    ui.qtbot.waitUntil(lambda: browser.model.query.filters.department == first)


def test_too_few_interviews_show_counts_only_with_the_pdfs_sentence(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder
) -> None:
    window = make_window(office_folder)
    ui.unlock(window)
    _ctrl(ui, 2)
    browser = window.interviews_page
    ui.wait_page(window, browser)
    browser.show_filters(_store(window), Filters(department=SMALL))

    page = _open_dashboard(ui, window)

    agg = _engine(window, Filters(department=SMALL))
    assert agg.withheld
    assert set(page.figures.figures) == {"interviews", "completed", "completion"}
    assert page.figures.withheld.text() == (
        "Fewer than 5 completed interviews match this selection, so no further figures, "
        "breakdowns or quotes are shown. Widen the date range or remove a filter to see results."
    )
    assert page.figures.themes is None and page.figures.breakdowns is None


def test_urgent_issues_open_the_flagged_interviews(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder
) -> None:
    window = make_window(office_folder)
    ui.unlock(window)
    page = _open_dashboard(ui, window)
    assert _engine(window, Filters()).flags

    ui.activate(page.figures.flags_button)

    browser = window.interviews_page
    ui.wait_page(window, browser)
    assert browser.urgent.isChecked()
    ui.qtbot.waitUntil(lambda: browser.model.query.filters.urgent_only)


def test_an_older_count_never_overwrites_a_newer_one(
    ui: UiDriver,
    make_window: WindowFactory,
    office_folder: DataFolder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(office_folder)
    ui.unlock(window)
    page = _open_dashboard(ui, window)
    slow_started = threading.Event()
    real_compute = aggregates.compute

    def compute(store: Store, filters: Filters, **kwargs: object) -> Aggregates:
        if filters.department == "Sales":
            slow_started.set()
            threading.Event().wait(0.8)  # an old, slow count
        return real_compute(store, filters, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(dashboard_module.aggregates, "compute", compute)
    store = _store(window)

    page.show_for(store, Filters(department="Sales"), "en")
    assert page.counting and "Counting" in page.status.text()
    assert slow_started.wait(5)
    page.show_for(store, Filters(department="Finance"), "en")
    _wait_counted(ui, page)
    ui.qtbot.wait(1_200)  # long after the slow count finished

    finance = real_compute(store, Filters(department="Finance"))
    assert page.figures.figures["interviews"].text() == f"{finance.created:,}"
    assert page.filter_line.text() == "Filter in force: Department: Finance"


def test_the_workspace_reaches_every_page_by_keyboard_and_only_in_hr_mode(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder
) -> None:
    window = make_window(office_folder)
    ui.unlock(window)
    bar = window.workspace
    assert bar.isVisible() and bar.current() == "home"

    for number, page in ((2, window.interviews_page), (3, window.dashboard_page)):
        _ctrl(ui, number)
        ui.wait_page(window, page)
    ui.activate(bar.sections["home"])
    ui.wait_page(window, window.home_page)
    ui.activate(bar.sections["interviews"])
    ui.wait_page(window, window.interviews_page)
    assert bar.current() == "interviews"
    assert all(b.accessibleName() for b in (*bar.sections.values(), bar.start_button))

    ui.activate(bar.start_button)  # the arming page: no bar, no way round the flow
    ui.wait_page(window, window.arm_page)
    assert not bar.isVisible()
    ui.activate(window.arm_page.hand_over_button)
    ui.wait_employee(window, window.employee.welcome)
    _ctrl(ui, 2)
    ui.qtbot.wait(200)
    assert window.stack.currentWidget() is window.employee  # Ctrl+2 does nothing here


def test_start_and_lock_are_in_reach_on_the_dashboard_and_lock_forgets_its_figures(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder
) -> None:
    window = make_window(office_folder)
    ui.unlock(window)
    page = _open_dashboard(ui, window)
    bar = window.workspace

    ui.activate(bar.start_button)
    ui.wait_page(window, window.arm_page)
    ui.activate(window.arm_page.cancel_button)
    ui.wait_page(window, window.home_page)
    _open_dashboard(ui, window)
    ui.activate(bar.lock_button)

    ui.wait_page(window, window.unlock_page)
    assert window.store is None and not page.figures.figures and not bar.isVisible()


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        reachable = (
            widget.isVisibleTo(root)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        )
        name = widget.accessibleName()
        if not name and isinstance(widget, QAbstractButton):
            name = widget.text().replace("&", "")
        if reachable and not name.strip():
            missing.append(f"{type(widget).__name__}")
    return missing


def test_every_control_on_the_dashboard_has_a_name_for_screen_readers(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder
) -> None:
    window = make_window(office_folder)
    ui.unlock(window)
    page = _open_dashboard(ui, window)

    assert _unnamed(page) == []
    assert _unnamed(window.workspace) == []
    assert page.filters_button.hasFocus()
