"""QtCharts views for the dashboard: bars, shares and a monthly trend, in the report's colours.

Owns `BarChart` (horizontal bars, largest on top, that a click or the keyboard can open)
and `shares_chart` and `trend_chart`. They draw figures the engine computed and count
nothing. Series colours are the aggregate PDF's (`engine/reports`), so screen and paper
agree; text, axes and backgrounds take the application palette, so the user's
high-contrast palette applies. Each view carries its figures in words as its
accessible description, because a screen reader cannot read a picture.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalPercentBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QFontMetrics, QKeyEvent, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem

# Pixels between a bar's end and its text.
_GAP = 4
# Characters of a category label; longer ones end in "…" (the PDF cuts at 44 too).
_LABEL_CHARS = 44


def _short(text: str) -> str:
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1] + "…"


def _ink() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.WindowText)


def _chart() -> QChart:
    """A chart without its own background or frame: it sits on the card's colours."""
    chart = QChart()
    chart.setBackgroundVisible(False)
    chart.setPlotAreaBackgroundVisible(False)
    chart.setMargins(QMargins(0, 0, 0, 0))
    chart.layout().setContentsMargins(0, 0, 0, 0)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    legend = chart.legend()
    legend.setLabelColor(_ink())
    legend.setFont(QApplication.font())
    return chart


def _style_axis(axis: QAbstractAxis) -> None:
    axis.setLabelsColor(_ink())
    axis.setLabelsFont(QApplication.font())
    grid = QColor(_ink())
    grid.setAlpha(40)
    axis.setGridLineColor(grid)
    axis.setLinePenColor(grid)


def _view(chart: QChart, height: int, description: str) -> QChartView:
    # No antialiasing: bars are upright rectangles, and every repaint costs less.
    view = QChartView(chart)
    view.setMinimumHeight(height)
    view.setMaximumHeight(height)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setStyleSheet("background: transparent")
    view.setAccessibleDescription(description)
    return view


def _line_height() -> int:
    return QFontMetrics(QApplication.font()).height()


class BarChart(QChartView):
    """Horizontal bars in the order given, first on top, each labelled at its end with
    its `values` text (the report's "count (share%)"; Qt's own bar labels show numbers only).

    With `openable`, a click on a bar, or Up/Down then Enter when the chart has focus,
    emits `activated` with the bar's index in `items`.
    """

    activated = Signal(int)

    def __init__(
        self,
        items: Sequence[tuple[str, int]],
        values: Sequence[str],
        *,
        colour: str,
        name: str,
        description: str,
        openable: bool = False,
    ) -> None:
        chart = _chart()
        super().__init__(chart)
        self._count = len(items)
        self._selected = -1
        self._bars = QBarSet(name)
        self._bars.setColor(QColor(colour))
        self._bars.setBorderColor(QColor(colour))
        self._bars.setLabelColor(_ink())
        self._bars.setSelectedColor(QApplication.palette().color(QPalette.ColorRole.Highlight))
        # Qt draws the first category at the bottom: give them bottom up, so the first is on top.
        self._bars.append([n for _, n in reversed(items)])
        series = QHorizontalBarSeries()
        series.append(self._bars)
        series.setBarWidth(0.7)
        chart.addSeries(series)
        self._series = series
        self._ends = [QGraphicsSimpleTextItem(text, chart) for text in values]
        for end in self._ends:
            end.setBrush(_ink())
            end.setFont(QApplication.font())
        chart.legend().hide()
        categories = QBarCategoryAxis()
        categories.append([_short(text) for text, _ in reversed(items)])
        _style_axis(categories)
        categories.setGridLineVisible(False)
        scale = QValueAxis()
        scale.setRange(0, max([n for _, n in items] or [1]) or 1)  # widened in `_place_ends`
        scale.setVisible(False)
        self._scale = scale
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(scale, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(scale)
        self._counts = [n for _, n in items]
        chart.plotAreaChanged.connect(self._place_ends)
        height = max(1, len(items)) * round(_line_height() * 2.1) + _line_height()
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)
        self.setStyleSheet("background: transparent")
        self.setAccessibleName(name)
        self.setAccessibleDescription(description)
        self.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the chart itself takes focus
        if openable:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self._bars.clicked.connect(lambda bar: self.activated.emit(self._count - 1 - bar))
        else:
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def _place_ends(self) -> None:
        """Put each bar's text just past its end (again whenever the plot area changes),
        first widening the scale so that the longest bar's text fits beside it."""
        chart = self.chart()
        width = chart.plotArea().width()
        needed = [
            n * width / max(width - end.boundingRect().width() - _GAP * 2, 1)
            for n, end in zip(self._counts, self._ends, strict=True)
        ]
        self._scale.setRange(0, max([*needed, 1.0]))
        for index, (count, end) in enumerate(zip(self._counts, self._ends, strict=True)):
            row = self._count - 1 - index  # Qt's category of this bar, counted from the bottom
            tip = chart.mapToPosition(QPointF(count, row), self._series)
            end.setPos(tip.x() + _GAP, tip.y() - end.boundingRect().height() / 2)

    @property
    def selected(self) -> int:
        """The bar chosen with the keyboard (-1: none)."""
        return self._selected

    def select(self, index: int) -> None:
        if not 0 <= index < self._count:
            return
        self._bars.deselectAllBars()
        self._bars.selectBar(self._count - 1 - index)
        self._selected = index

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        if self._selected < 0:
            self.select(0)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        self._bars.deselectAllBars()
        self._selected = -1
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        if key == Qt.Key.Key_Down:
            self.select(self._selected + 1)
        elif key == Qt.Key.Key_Up:
            self.select(self._selected - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self._selected >= 0:
                self.activated.emit(self._selected)
        else:
            super().keyPressEvent(event)


def shares_chart(
    categories: Sequence[str],
    parts: Sequence[tuple[str, str, Sequence[int]]],
    *,
    description: str,
    labels: bool = False,
) -> QChartView:
    """One 100% bar per category, split into `parts` (legend name, colour, one count per
    category); with `labels`, each piece shows its count."""
    chart = _chart()
    series = QHorizontalPercentBarSeries()
    # Qt draws the first category at the bottom: give them bottom up, so the first is on top.
    categories = list(reversed(categories))
    for name, colour, counts in parts:
        piece = QBarSet(name)
        piece.setColor(QColor(colour))
        piece.setBorderColor(QApplication.palette().color(QPalette.ColorRole.Base))
        piece.setLabelColor(QColor("#ffffff") if _dark(colour) else QColor("#1f2933"))
        piece.append(list(reversed(counts)))
        series.append(piece)
    series.setBarWidth(0.75)
    series.setLabelsVisible(labels)
    series.setLabelsFormat("@value%")  # a percentage series labels each piece's share
    series.setLabelsPrecision(3)
    chart.addSeries(series)
    axis = QBarCategoryAxis()
    axis.append([_short(text) for text in categories])
    _style_axis(axis)
    axis.setGridLineVisible(False)
    values = QValueAxis()
    values.setRange(0, 100)
    values.setLabelFormat("%d%")
    values.setTickCount(5)
    _style_axis(values)
    chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis)
    series.attachAxis(values)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    line = _line_height()
    return _view(chart, len(categories) * round(line * 2.2) + line * 5, description)


def trend_chart(
    months: Sequence[str], series: Sequence[tuple[str, str, Sequence[int]]], *, description: str
) -> QChartView:
    """Bars side by side per month: one per (legend name, colour, one count per month)."""
    chart = _chart()
    bars = QBarSeries()
    for name, colour, counts in series:
        bar = QBarSet(name)
        bar.setColor(QColor(colour))
        bar.setBorderColor(QColor(colour))
        bar.append(list(counts))
        bars.append(bar)
    chart.addSeries(bars)
    axis = QBarCategoryAxis()
    axis.append(list(months))
    _style_axis(axis)
    axis.setGridLineVisible(False)
    values = QValueAxis()
    values.setLabelFormat("%d")
    top, step = _whole_steps(max((max(counts, default=0) for _n, _c, counts in series), default=0))
    values.setRange(0, top)
    values.setTickCount(top // step + 1)
    _style_axis(values)
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(axis)
    bars.attachAxis(values)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return _view(chart, _line_height() * 16, description)


def _whole_steps(largest: int) -> tuple[int, int]:
    """An axis top and tick step for counts: whole numbers, at most five steps."""
    steps = (m * 10**e for e in range(12) for m in (1, 2, 5))  # 1, 2, 5, 10, 20, …
    step = next(step for step in steps if largest <= 5 * step)
    top = -(-max(largest, 1) // step) * step
    return top, step


def _dark(colour: str) -> bool:
    """Whether white text reads better than dark text on `colour`."""
    return QColor(colour).lightnessF() < 0.6
