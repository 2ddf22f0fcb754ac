"""Charts for the aggregate report, drawn with reportlab graphics (vector, no images).

Each function returns a `Drawing` that platypus places like a paragraph. Charts carry
their numbers as labels, so a report printed in black and white still reads. Labels
are passed through the report font's `printable` because chart strings are not
Paragraph markup (no escaping needed, but glyphs still must exist). Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from exitbot_desktop.engine.analysis.aggregates import Distribution, MonthPoint
from exitbot_desktop.engine.reports.fonts import report_font
from exitbot_desktop.engine.reports.layout import INK, MUTED, RULE, SERIES

# 1 (very dissatisfied) … 5 (very satisfied): red to green, distinguishable in greyscale.
RATING_COLOURS = ("#b42318", "#e07a1f", "#c9c9c9", "#7fb685", "#3f8f5a")
SENTIMENT_COLOURS = {"positive": "#3f8f5a", "neutral": "#c9c9c9", "negative": "#b42318"}
_LABEL_CHARS = 44


def _label(text: str) -> str:
    text = report_font().printable(text)
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1] + "…"


def bar_chart(items: Sequence[tuple[str, int]], *, width: float, total: int) -> Drawing:
    """Horizontal bars, largest on top, each labelled "count (share%)"."""
    font = report_font()
    row = 16
    height = max(1, len(items)) * row + 16
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 8
    chart.width, chart.height = width - 220, height - 16
    values = [n for _, n in reversed(items)] or [0]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [_label(name) for name, _ in reversed(items)] or [""]
    chart.categoryAxis.labels.fontName = font.regular
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([*values, 1]) * 1.05
    chart.valueAxis.visible = False
    chart.bars[0].fillColor = colors.HexColor(SERIES[0])
    chart.bars[0].strokeColor = None
    chart.barWidth = 10
    chart.groupSpacing = 6
    chart.barLabelFormat = lambda v: f"{int(v):,} ({100 * v / total:.0f}%)" if total else f"{v}"
    chart.barLabels.fontName = font.regular
    chart.barLabels.fontSize = 7.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabels.fillColor = INK
    drawing.add(chart)
    return drawing


def rating_bars(distributions: Sequence[Distribution], *, width: float) -> Drawing:
    """One 100% stacked bar per rating question: how many chose 1, 2, 3, 4, 5."""
    font = report_font()
    rows = list(reversed(distributions))
    row = 20
    height = len(rows) * row + 40
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 190, 30
    chart.width, chart.height = width - 200, height - 36
    shares: list[list[float]] = [[] for _ in range(5)]
    for dist in rows:
        total = dist.total or 1
        for level, (_, n) in enumerate(dist.counts):
            shares[level].append(100.0 * n / total)
    chart.data = shares
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [_label(t) for t in short_labels([d.text for d in rows])]
    chart.categoryAxis.labels.fontName = font.regular
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 25
    chart.valueAxis.labels.fontName = font.regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.valueAxis.strokeColor = RULE
    chart.barWidth = 12
    for level, colour in enumerate(RATING_COLOURS):
        chart.bars[level].fillColor = colors.HexColor(colour)
        chart.bars[level].strokeColor = colors.white
    drawing.add(chart)
    names = ("1 very dissatisfied", "2", "3", "4", "5 very satisfied")
    _legend(drawing, 190, 8, list(zip(RATING_COLOURS, names, strict=True)))
    return drawing


def trend_chart(months: Sequence[MonthPoint], *, width: float, height: float = 150) -> Drawing:
    """Interviews started and completed per month."""
    font = report_font()
    drawing = Drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 40, 35
    chart.width, chart.height = width - 60, height - 50
    chart.data = [[m.started for m in months] or [0], [m.completed for m in months] or [0]]
    chart.categoryAxis.categoryNames = [m.month for m in months] or [""]
    chart.categoryAxis.labels.fontName = font.regular
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 45 if len(months) > 8 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(months) > 8 else "n"
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = font.regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e4e7eb")
    for index, colour in enumerate(SERIES[:2]):
        chart.lines[index].strokeColor = colors.HexColor(colour)
        chart.lines[index].strokeWidth = 1.6
    drawing.add(chart)
    _legend(drawing, width - 150, height - 10, [(SERIES[0], "started"), (SERIES[1], "completed")])
    return drawing


def short_labels(texts: Sequence[str]) -> list[str]:
    """Question texts without the words they all start with ("How satisfied were you with")."""
    split = [t.rstrip("?").split() for t in texts]
    common = 0
    if len(split) > 1:
        while all(len(w) > common + 1 and w[common] == split[0][common] for w in split):
            common += 1
    if common < 2:
        return [t.rstrip("?") for t in texts]
    return [" ".join(w[common:])[:1].upper() + " ".join(w[common:])[1:] for w in split]


def _legend(drawing: Drawing, x: float, y: float, entries: Sequence[tuple[str, str]]) -> None:
    """Swatch-and-label pairs in a row, spaced by their real text widths."""
    font = report_font()
    for colour, name in entries:
        drawing.add(Rect(x, y, 7, 7, fillColor=colors.HexColor(colour), strokeColor=None))
        drawing.add(
            String(x + 10, y + 0.5, name, fontName=font.regular, fontSize=7.5, fillColor=INK)
        )
        x += 10 + stringWidth(name, font.regular, 7.5) + 12


def sentiment_strip(sentiment: Mapping[str, int], *, width: float) -> Drawing:
    """One bar split into positive / neutral / negative shares, labelled in place."""
    font = report_font()
    height = 34
    drawing = Drawing(width, height)
    total = sum(sentiment.values())
    x = 0.0
    for label in ("positive", "neutral", "negative"):
        n = sentiment.get(label, 0)
        part = width * n / total if total else 0
        if part <= 0:
            continue
        drawing.add(
            Rect(
                x,
                14,
                part,
                16,
                fillColor=colors.HexColor(SENTIMENT_COLOURS[label]),
                strokeColor=None,
            )
        )
        caption = f"{label} {100 * n / total:.0f}%"
        if part > 60:
            drawing.add(
                String(x + 3, 2, caption, fontName=font.regular, fontSize=7.5, fillColor=MUTED)
            )
        x += part
    return drawing
