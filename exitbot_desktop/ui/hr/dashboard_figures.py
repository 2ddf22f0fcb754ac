"""The dashboard's figures: one computed `Aggregates` drawn as tiles, charts and tables.

Owns `DashboardFigures`. It shows what the aggregate PDF shows, in the PDF's order and
words (`engine/reports/pdf_aggregate.py`, `labels`): key figures, why people leave, tone,
ratings, eNPS, the monthly trend, breakdowns with group-size suppression explained as
the PDF explains it, where interviews stop and urgent issues. When the engine has
withheld the figures (too few completed interviews), only counts and the PDF's sentence
appear. It counts nothing itself. A click on a theme, a breakdown row or the urgent
issues asks (`browse`) for the interviews behind it, as changes to the current filters.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from exitbot_desktop.engine.analysis.aggregates import NOT_RECORDED, Aggregates, Breakdown
from exitbot_desktop.engine.metadata import TENURE_BANDS
from exitbot_desktop.engine.reports import labels
from exitbot_desktop.engine.reports.charts import RATING_COLOURS, SENTIMENT_COLOURS, short_labels
from exitbot_desktop.engine.reports.layout import SERIES
from exitbot_desktop.ui.hr.charts import BarChart, shares_chart, trend_chart
from exitbot_desktop.ui.widgets import Box, button, label

# Between two sections drawn: long enough for the event loop to handle what waits.
_STEP_PAUSE_MS = 4


class DashboardFigures(QWidget):
    browse = Signal(dict)  # changes to the current filters: {"theme": "manager"}, …

    def __init__(self) -> None:
        super().__init__()
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(0, 0, 0, 0)
        self._content = QWidget()
        self._column = QVBoxLayout(self._content)
        self._pending: deque[Callable[[], object]] = deque()  # sections still to draw
        self._drawing = 0  # which call of `show_figures` the queued sections belong to
        self.figures: dict[str, QLabel] = {}  # key figure → its value as shown
        self.themes: BarChart | None = None
        self.breakdowns: QTabWidget | None = None
        self.breakdown_tables: dict[str, QTableWidget] = {}
        self.flags_button = button()
        self.suppression = label("muted")
        self.withheld = label()
        self.clear()

    # ----------------------------------------------------------------- drawing
    @property
    def complete(self) -> bool:
        """Whether every section of the figures last given is drawn."""
        return not self._pending

    def show_figures(self, agg: Aggregates) -> None:
        """Draw `agg`, replacing what was drawn, one section per turn of the event loop.

        Built at once, the charts and tables held the GUI thread for a quarter of a second
        (bench/hr.py); a section at a time, the window keeps reacting meanwhile.
        """
        self.clear()
        self._pending = deque(self._sections(agg))
        self._drawing += 1
        self._draw_next(self._drawing)

    def _draw_next(self, drawing: int) -> None:
        if drawing != self._drawing or not self._pending:
            return  # newer figures replaced these, or all is drawn
        self._pending.popleft()()
        if self._pending:
            # A timer, not a queued call: input and painting get their turn in between.
            QTimer.singleShot(_STEP_PAUSE_MS, self, lambda: self._draw_next(drawing))

    def _sections(self, agg: Aggregates) -> list[Callable[[], object]]:
        """What to draw, in order, as steps small enough for one turn of the event loop."""
        column = self._column
        steps: list[Callable[[], object]] = [lambda: column.addLayout(self._key_figures(agg))]
        if agg.withheld:
            return [*steps, lambda: column.addWidget(self._withheld(agg))]
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(14)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        tone = _card(self.tr("Tone of written answers"))  # eNPS joins it a step later
        steps += [
            lambda: column.addLayout(grid),
            lambda: grid.addWidget(self._reasons(agg), 0, 0),
            lambda: grid.addWidget(tone, 0, 1),
            lambda: self._tone(tone, agg),
            lambda: self._enps(tone, agg),
            lambda: grid.addWidget(self._ratings(agg), 1, 0, 1, 2),
            lambda: grid.addWidget(self._main_reason(agg), 2, 0),
            lambda: grid.addWidget(self._flags(agg), 2, 1),
            lambda: grid.addWidget(self._trend(agg), 3, 0, 1, 2),
        ]
        shown = [
            b
            for b in agg.breakdowns
            # A single unnamed group (e.g. nothing recorded) tells nothing, as in the PDF.
            if b.rows or b.suppressed_groups > 1
        ]
        steps.append(lambda: column.addWidget(self._breakdowns(agg, bool(shown))))
        steps += [partial(self._add_breakdown, b) for b in shown]
        steps += [
            lambda: column.addWidget(self._funnel(agg)),
            lambda: column.addWidget(self._method()),
        ]
        return steps

    def _withheld(self, agg: Aggregates) -> Box:
        self.withheld = label()
        self.withheld.setText(
            self.tr(
                "Fewer than {size} completed interviews match this selection, so no "
                "further figures, breakdowns or quotes are shown. Widen the date range or "
                "remove a filter to see results."
            ).format(size=agg.min_group_size)
        )
        notice = Box("notice")
        notice.body.addWidget(self.withheld)
        return notice

    def _method(self) -> QLabel:
        method = label("muted")
        method.setText(
            self.tr(
                "Content figures (reasons, tone, ratings, eNPS, breakdowns) count completed "
                "interviews; “where interviews stop” counts every started interview. Reasons "
                "and tone are indicators, not verdicts: read the individual answers before "
                "acting on a figure."
            )
        )
        return method

    def clear(self) -> None:
        """Drop what is drawn: a fresh content widget replaces the old one, which is hidden
        at once (deleting it waits for the event loop)."""
        self._content.hide()
        self._content.deleteLater()
        self._content = QWidget()
        self._column = QVBoxLayout(self._content)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(14)
        self._outer.addWidget(self._content)
        self._pending.clear()
        self._drawing += 1
        self.figures = {}
        self.themes = self.breakdowns = None
        self.breakdown_tables = {}

    # ----------------------------------------------------------------- sections
    def _key_figures(self, agg: Aggregates) -> QGridLayout:
        flagged = sum(n for _, n in agg.flags)
        tiles = [
            ("interviews", _count(agg.created), self.tr("interviews in this selection")),
            ("completed", _count(agg.completed), self.tr("interviews completed")),
            (
                "completion",
                self._pct(agg.completion_rate),
                self.tr("of those started were completed"),
            ),
        ]
        if not agg.withheld:
            tiles += [
                ("enps", _num(agg.enps.score, 0), self.tr("eNPS (−100 to 100)")),
                ("rating", _num(agg.average_rating), self.tr("average satisfaction (1–5)")),
                (
                    "followups",
                    self._pct(agg.followup_rate),
                    self.tr("of written answers got a follow-up"),
                ),
                ("return", self._pct(_would_return(agg)), self.tr("would work here again")),
                ("urgent", _count(flagged), self.tr("urgent issues reported")),
            ]
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        for column, (key, value, caption) in enumerate(tiles):
            tile = Box("card")
            tile.body.setContentsMargins(14, 10, 14, 12)
            tile.body.setSpacing(2)
            shown = label("figure", wrap=False)
            shown.setText(value)
            words = label("muted")
            words.setText(caption)
            tile.body.addWidget(shown)
            tile.body.addWidget(words)
            tile.body.addStretch(1)
            tile.setAccessibleName(f"{value} {caption}")
            self.figures[key] = shown
            grid.addWidget(tile, 0, column)
            grid.setColumnStretch(column, 1)
        return grid

    def _reasons(self, agg: Aggregates) -> Box:
        card = _card(self.tr("Why people leave"))
        if not agg.themes:
            card.body.addWidget(_words(self.tr("No reasons were found in the written answers.")))
            return card
        card.body.addWidget(
            _words(
                self.tr(
                    "Reasons raised in written answers. One interview can raise several, so the "
                    "shares add up to more than 100%. Choose a bar to list those interviews."
                )
            )
        )
        items = [(labels.theme(code), n) for code, n in agg.themes]
        values = [self._count_and_share(n, agg.completed) for _, n in agg.themes]
        self.themes = BarChart(
            items,
            values,
            colour=SERIES[0],
            name=self.tr("Why people leave: reasons raised"),
            description=_described(items, values),
            openable=True,
        )
        codes = [code for code, _ in agg.themes]
        self.themes.activated.connect(lambda index: self.browse.emit({"theme": codes[index]}))
        card.body.addWidget(self.themes)
        return card

    def _tone(self, card: Box, agg: Aggregates) -> None:
        total = sum(agg.sentiment.values())
        if total:
            share = {k: self._pct(agg.sentiment[k] / total) for k in SENTIMENT_COLOURS}
            card.body.addWidget(
                _words(
                    self.tr(
                        "{total} written answers: {negative} negative, {neutral} neutral, "
                        "{positive} positive."
                    ).format(total=_count(total), **share)
                )
            )
            names = {
                "negative": self.tr("Negative"),
                "neutral": self.tr("Neutral"),
                "positive": self.tr("Positive"),
            }
            parts = [
                (names[k], SENTIMENT_COLOURS[k], [agg.sentiment[k]])
                for k in ("negative", "neutral", "positive")
            ]
            card.body.addWidget(
                shares_chart([""], parts, description=card.accessibleName(), labels=True)
            )
        else:
            card.body.addWidget(_words(self.tr("No written answers yet.")))

    def _enps(self, card: Box, agg: Aggregates) -> None:
        e = agg.enps
        card.body.addWidget(_heading(self.tr("Would they recommend us? (eNPS)")))
        if not e.total:
            card.body.addWidget(_words(self.tr("Nobody answered the 0–10 question yet.")))
            card.body.addStretch(1)
            return
        card.body.addWidget(
            _words(
                self.tr(
                    "eNPS {score}: the share of promoters minus the share of detractors, "
                    "from −100 to 100."
                ).format(score=_num(e.score, 0))
            )
        )
        parts = [
            (self.tr("Detractors (0–6)"), SENTIMENT_COLOURS["negative"], [e.detractors]),
            (self.tr("Passives (7–8)"), SENTIMENT_COLOURS["neutral"], [e.passives]),
            (self.tr("Promoters (9–10)"), SENTIMENT_COLOURS["positive"], [e.promoters]),
        ]
        described = "; ".join(f"{name}: {counts[0]}" for name, _c, counts in parts)
        card.body.addWidget(shares_chart([""], parts, description=described, labels=True))
        card.body.addStretch(1)

    def _ratings(self, agg: Aggregates) -> Box:
        card = _card(self.tr("Satisfaction ratings"))
        ratings = [d for d in agg.distributions if d.type == "rating" and d.total]
        if not ratings:
            card.body.addWidget(_words(self.tr("No ratings were given yet.")))
            return card
        card.body.addWidget(
            _words(
                self.tr("How many chose 1 (very dissatisfied) to 5; each question's average first.")
            )
        )
        # The average first: a long question is cut short at its end, never the figure.
        names = [
            f"{_num(d.average)} · {text}"
            for text, d in zip(short_labels([d.text for d in ratings]), ratings, strict=True)
        ]
        levels = [
            self.tr("1 very dissatisfied"),
            "2",
            "3",
            "4",
            self.tr("5 very satisfied"),
        ]
        parts = [
            (levels[level], RATING_COLOURS[level], [d.counts[level][1] for d in ratings])
            for level in range(5)
        ]
        card.body.addWidget(shares_chart(names, parts, description="; ".join(names)))
        return card

    def _trend(self, agg: Aggregates) -> Box:
        card = _card(self.tr("Month by month"))
        if len(agg.monthly) < 2:
            card.body.addWidget(_words(self.tr("The trend shows once interviews span two months.")))
            return card
        locale = QLocale()
        months = [
            locale.toString(QDate(int(m.month[:4]), int(m.month[5:]), 1), "MMM yy")
            for m in agg.monthly
        ]
        series = [
            (self.tr("started"), SERIES[0], [m.started for m in agg.monthly]),
            (self.tr("completed"), SERIES[1], [m.completed for m in agg.monthly]),
        ]
        described = "; ".join(f"{m.month}: {m.started} / {m.completed}" for m in agg.monthly)
        card.body.addWidget(trend_chart(months, series, description=described))
        return card

    def _main_reason(self, agg: Aggregates) -> Box:
        main = next((d for d in agg.distributions if d.type == "single_choice"), None)
        if main is None or not main.total:
            return _card(self.tr("Main reason chosen"))
        card = _card(self.tr("Answers to “{question}”").format(question=main.text))
        items = sorted(main.counts, key=lambda kv: -kv[1])
        values = [self._count_and_share(n, main.total) for _, n in items]
        chart = BarChart(
            items,
            values,
            colour=SERIES[4],
            name=card.accessibleName(),
            description=_described(items, values),
        )
        card.body.addWidget(chart)
        return card

    def _flags(self, agg: Aggregates) -> Box:
        card = _card(self.tr("Urgent issues reported"))
        self.flags_button = button()
        self.flags_button.setText(self.tr("&Open the interviews with urgent issues"))
        self.flags_button.clicked.connect(lambda: self.browse.emit({"urgent_only": True}))
        if not agg.flags:
            card.body.addWidget(_words(self.tr("No urgent issues were reported.")))
            card.body.addStretch(1)
            self.flags_button.hide()
            return card
        table = _table(
            [self.tr("Issue"), self.tr("Interviews")],
            [[labels.flag(f), _count(n)] for f, n in agg.flags],
            right=(1,),
        )
        table.setAccessibleName(self.tr("Urgent issues reported"))
        table.activated.connect(lambda _index: self.browse.emit({"urgent_only": True}))
        card.body.addWidget(table)
        card.body.addWidget(
            _words(
                self.tr(
                    "Each one is highlighted in the interview list; open the interviews to "
                    "follow them up."
                )
            )
        )
        row = QHBoxLayout()
        row.addWidget(self.flags_button)
        row.addStretch(1)
        card.body.addLayout(row)
        card.body.addStretch(1)
        return card

    def _breakdowns(self, agg: Aggregates, any_shown: bool) -> Box:
        """The breakdowns card; its tables follow, one per step (`_add_breakdown`)."""
        card = _card(self.tr("Breakdowns"))
        self.suppression = _words(
            self.tr(
                "Groups with fewer than {size} completed interviews are not named and their "
                "figures are not shown; they are counted in the grey line. When those together "
                "are still fewer than {size}, the next smallest group is withheld too, so no "
                "figure can be worked out by subtraction."
            ).format(size=agg.min_group_size)
        )
        card.body.addWidget(self.suppression)
        if not any_shown:
            card.body.addWidget(_words(self.tr("No group is large enough to show.")))
            return card
        card.body.addWidget(_words(self.tr("Choose a row to list its interviews.")))
        self.breakdowns = tabs = QTabWidget()
        tabs.setAccessibleName(self.tr("Breakdowns"))
        tabs.tabBar().setAccessibleName(self.tr("Break the figures down by"))
        card.body.addWidget(tabs)
        return card

    def _add_breakdown(self, breakdown: Breakdown) -> None:
        if self.breakdowns is None:
            return
        title = self._dimension_titles().get(breakdown.dimension, breakdown.title)
        table = self._breakdown_table(breakdown, title)
        self.breakdown_tables[breakdown.dimension] = table
        self.breakdowns.addTab(table, title)

    def _breakdown_table(self, breakdown: Breakdown, title: str) -> QTableWidget:
        headers = [
            title,
            self.tr("Interviews"),
            self.tr("Share"),
            self.tr("Avg. rating"),
            self.tr("eNPS"),
            self.tr("Top reason"),
        ]
        rows = [
            [
                r.label,
                _count(r.interviews),
                self._pct(r.share),
                _num(r.average_rating),
                _num(r.enps, 0),
                labels.theme(r.top_theme) if r.top_theme else "—",
            ]
            for r in breakdown.rows
        ]
        muted = []
        if breakdown.suppressed_groups:
            groups, people = breakdown.suppressed_groups, _count(breakdown.suppressed_interviews)
            withheld = (
                self.tr("1 group withheld ({count} interviews)").format(count=people)
                if groups == 1
                else self.tr("{groups} groups withheld ({count} interviews)").format(
                    groups=groups, count=people
                )
            )
            rows.append([withheld, self.tr("suppressed"), "", "", "", ""])
            muted.append(len(rows) - 1)
        table = _table(headers, rows, right=(1, 2, 3, 4), muted=muted)
        table.setAccessibleName(self.tr("Breakdown by {title}").format(title=title))
        values = [_filter_value(breakdown.dimension, r.label) for r in breakdown.rows]

        def open_row(row: int) -> None:
            if row < len(values) and values[row] is not None:
                self.browse.emit({breakdown.dimension: values[row]})

        table.activated.connect(lambda index: open_row(index.row()))
        table.clicked.connect(lambda index: open_row(index.row()))
        return table

    def _funnel(self, agg: Aggregates) -> Box:
        card = _card(self.tr("Where interviews stop"))
        card.body.addWidget(
            _words(
                self.tr(
                    "Among all started interviews: how many reached each question, how many "
                    "skipped it, and how many unfinished interviews stopped there."
                )
            )
        )
        headers = [
            self.tr("Question"),
            self.tr("Reached"),
            self.tr("Skipped"),
            self.tr("Stopped here"),
            self.tr("Median time"),
            self.tr("Median length"),
        ]
        rows = [
            [
                q.text,
                _count(q.reached),
                self._pct(q.skip_rate),
                _count(q.dropped_here),
                "—"
                if q.median_seconds is None
                else self.tr("{seconds} s").format(seconds=f"{q.median_seconds:.0f}"),
                "—"
                if q.median_length is None
                else self.tr("{chars} chars").format(chars=f"{q.median_length:.0f}"),
            ]
            for q in agg.questions
            if q.reached or q.dropped_here
        ]
        table = _table(headers, rows, right=(1, 2, 3, 4, 5))
        table.setAccessibleName(self.tr("Where interviews stop"))
        card.body.addWidget(table)
        return card

    # ----------------------------------------------------------------- words
    def _dimension_titles(self) -> dict[str, str]:
        return {
            "department": self.tr("Department"),
            "role": self.tr("Role"),
            "tenure_band": self.tr("Tenure"),
            "location": self.tr("Location"),
            "leaving_type": self.tr("Voluntary / involuntary"),
        }

    def _count_and_share(self, n: int, total: int) -> str:
        """A bar's label as the report prints it: "560 (54%)"."""
        return f"{_count(n)} ({self._pct(n / total if total else None)})"

    def _pct(self, value: float | None) -> str:
        if value is None:
            return "—"
        return self.tr("{percent}%").format(percent=f"{100 * value:.0f}")


def _would_return(agg: Aggregates) -> float | None:
    """The share answering Yes to "would you work here again" (the built-in set's
    `would_return`, else the set's first yes/no question, as eNPS takes the first 0–10
    one); its first category is Yes, as the engine orders them."""
    yes_no = [d for d in agg.distributions if d.type == "yes_no" and d.total]
    answers = next((d for d in yes_no if d.question_id == "would_return"), None)
    answers = answers or next(iter(yes_no), None)
    return None if answers is None else answers.counts[0][1] / answers.total


def _filter_value(dimension: str, shown: str) -> str | None:
    """The stored value behind a breakdown row's label (None: it cannot be filtered on)."""
    if shown == NOT_RECORDED:
        return None
    if dimension == "tenure_band":
        return next((band for band, words in TENURE_BANDS.items() if words == shown), None)
    return shown


def _count(n: int) -> str:
    return QLocale().toString(n)


def _num(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else QLocale().toString(value, "f", digits)


def _described(items: Sequence[tuple[str, int]], values: Sequence[str]) -> str:
    return "; ".join(f"{name}: {value}" for (name, _n), value in zip(items, values, strict=True))


def _card(title: str) -> Box:
    card = Box("card")
    card.body.setContentsMargins(18, 14, 18, 16)
    card.body.addWidget(_heading(title))
    card.setAccessibleName(title)
    return card


def _heading(text: str) -> QLabel:
    heading = label("caption")
    heading.setText(text)
    return heading


def _words(text: str) -> QLabel:
    shown = label("muted")
    shown.setText(text)
    return shown


def _table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: Sequence[int] = (),
    muted: Sequence[int] = (),
) -> QTableWidget:
    """A read-only table as tall as its rows (the page scrolls, not the table)."""
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    grey = QBrush(table.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if r in muted:
                item.setForeground(grey)
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for c in range(1, len(headers)):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    # One line per row: measuring every row's contents costs more than drawing the table.
    rows_high = table.verticalHeader()
    rows_high.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows_high.setDefaultSectionSize(table.fontMetrics().height() + 8)
    height = header.sizeHint().height() + rows_high.defaultSectionSize() * len(rows)
    height += 2 * table.frameWidth() + 2
    table.setFixedHeight(height)
    return table
