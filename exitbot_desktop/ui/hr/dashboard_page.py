"""The HR dashboard: the aggregate figures for the filters the interview browser has in force.

Owns `DashboardPage`. The window hands it the browser's current `Filters` each time it
shows (the two share one filter); the page says which filter is in force, computes
`aggregates.compute` on the store lane through `Op`, says it is counting meanwhile, and
draws the result with `DashboardFigures`. A result for filters that are no longer the
current ones is dropped, so a slow older count never overwrites a newer one. A click on
a figure asks the window (`browse_requested`) to list the interviews behind it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from exitbot_desktop.engine.analysis import aggregates
from exitbot_desktop.engine.analysis.aggregates import Aggregates
from exitbot_desktop.engine.filters import Filters
from exitbot_desktop.ui.errors import known_failure
from exitbot_desktop.ui.hr.dashboard_figures import DashboardFigures
from exitbot_desktop.ui.operations import Op
from exitbot_desktop.ui.widgets import ErrorLine, Page, button, label

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

# Wide enough for two charts side by side; the page still scrolls down.
_PAGE_CHARS = 220


class DashboardPage(Page):
    browse_requested = Signal(object)  # the `Filters` selecting the interviews behind a figure

    def __init__(self) -> None:
        super().__init__(max_chars=_PAGE_CHARS)
        # The figures are always taller than a window: a scroll bar appearing midway
        # through drawing would narrow, and so lay out again, every chart drawn so far.
        self._scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._store: Store | None = None
        self._filters = Filters()
        self._language = "en"
        self._aggregates: Aggregates | None = None
        self._counting: Op[Aggregates] | None = None

        self._title = label("title")
        self.filters_button = button()
        header = QHBoxLayout()
        header.addWidget(self._title, 1)
        header.addWidget(self.filters_button, 0, Qt.AlignmentFlag.AlignTop)
        self.filter_line = label("caption", selectable=True)
        self.status = label("muted")
        self.error = ErrorLine()
        self.figures = DashboardFigures()

        self.column.addLayout(header)
        self.column.addWidget(self.filter_line)
        self.column.addWidget(self.status)
        self.column.addWidget(self.error)
        self.column.addWidget(self.figures)
        self.column.addStretch(1)

        self.filters_button.clicked.connect(lambda: self.browse_requested.emit(self._filters))
        self.figures.browse.connect(self._browse)
        self.retranslate()

    @property
    def filters(self) -> Filters:
        """The filters the figures are (or are being) computed for."""
        return self._filters

    @property
    def counting(self) -> bool:
        return self._counting is not None

    @property
    def ready(self) -> bool:
        """The figures for the current filters are counted and fully drawn."""
        return self._counting is None and self._aggregates is not None and self.figures.complete

    def show_for(self, store: Store, filters: Filters, language: str) -> None:
        """Count the interviews `filters` select, in the background; questions and answer
        choices are named in `language`."""
        self._store, self._filters, self._language = store, filters, language
        self.error.clear_message()
        self._show_filters()
        self._count()

    def forget(self) -> None:
        """The store is closing: drop it, the count under way and the figures drawn."""
        if self._counting is not None:
            self._counting.cancel()
        self._counting = None
        self._store = None
        self._aggregates = None
        self.figures.clear()
        self.status.clear()

    def first_focus(self) -> QWidget:
        return self.filters_button

    # ----------------------------------------------------------------- counting
    def _count(self) -> None:
        store, filters, language = self._store, self._filters, self._language
        if store is None:
            return
        if self._counting is not None:
            self._counting.cancel()  # a count still queued never runs; one running is ignored
        self.status.setText(self.tr("Counting the interviews for this filter…"))
        self.status.setAccessibleName(self.status.text())
        self.figures.setEnabled(False)  # the figures shown are for the previous filter
        op = Op(lambda _ctx: aggregates.compute(store, filters, language=language), owner=self)
        self._counting = op

        def counted(result: Aggregates) -> None:
            if self._counting is not op:
                return  # an older count: its filters are no longer the current ones
            self._counting = None
            self._show(result)

        def failed(message: str) -> None:
            if self._counting is op:
                self._counting = None
                self.status.clear()
                self.error.show_message(message)

        op.success(counted).failure(known_failure(failed)).run_in_background()

    def _show(self, result: Aggregates) -> None:
        self._aggregates = result
        self.status.clear()
        self.figures.setEnabled(True)
        self.figures.show_figures(result)

    def _browse(self, changes: dict[str, Any]) -> None:
        """The interviews behind a figure: the current filters narrowed by `changes`."""
        self.browse_requested.emit(replace(self._filters, **changes))

    # ----------------------------------------------------------------- words
    def _show_filters(self) -> None:
        self.filter_line.setText(
            self.tr("Filter in force: {filters}").format(filters=self._filters.describe())
        )

    def retranslate(self) -> None:
        self._title.setText(self.tr("Dashboard"))
        self.filters_button.setText(self.tr("Change &filters…"))
        self.filters_button.setAccessibleName(self.tr("Change the filters on the Interviews page"))
        self._show_filters()
        if self._counting is not None:
            self.status.setText(self.tr("Counting the interviews for this filter…"))
        elif self._aggregates is not None:
            self.figures.show_figures(self._aggregates)
