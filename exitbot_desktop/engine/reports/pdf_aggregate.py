"""The aggregate PDF a manager reads: why people leave, where, and what to fix.

Cover, key figures, reasons (themes and the main reason chosen), tone, satisfaction
ratings, eNPS, monthly trend, breakdowns by department, role, tenure, location and
voluntary/involuntary, where interviews stop, urgent issues (counts only), scrubbed
quotes, and how the figures were made. Groups under the minimum group size are never
named; when the whole selection is that small only counts are printed. Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from exitbot_desktop.engine.analysis import aggregates
from exitbot_desktop.engine.analysis.aggregates import Aggregates, Breakdown
from exitbot_desktop.engine.files import write_bytes
from exitbot_desktop.engine.filters import Filters
from exitbot_desktop.engine.progress import Progress, no_progress
from exitbot_desktop.engine.reports import charts, labels
from exitbot_desktop.engine.reports.layout import (
    ACCENT,
    MARGIN,
    PAGE,
    RULE,
    SHADE,
    para,
    render,
    section,
    styles,
    table,
    title_page,
)
from exitbot_desktop.engine.reports.quotes import Quote, representative_quotes
from exitbot_desktop.engine.settings import ReportLogo, read_settings

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

_WIDTH = PAGE[0] - 2 * MARGIN


def write_aggregate_pdf(
    store: Store,
    path: Path,
    filters: Filters | None = None,
    *,
    password: str | None = None,
    group_size: int | None = None,
    progress: Progress = no_progress,
) -> Aggregates:
    """Compute, render and save the report (auditing it is `exports.export`'s job)."""
    filters = filters or Filters()
    progress(0, 3, "Counting interviews")
    agg = aggregates.compute(store, filters, group_size=group_size)
    progress(1, 3, "Choosing quotes")
    top = [theme for theme, _ in agg.themes[:3]]
    quotes = [] if agg.withheld else representative_quotes(store, filters, top)
    progress(2, 3, "Drawing the report")
    logo = read_settings(store).report_logo
    data = aggregate_pdf_bytes(
        agg, quotes, organisation=store.organisation, password=password, logo=logo
    )
    write_bytes(path, data)
    progress(3, 3, "Drawing the report")
    return agg


def aggregate_pdf_bytes(
    agg: Aggregates,
    quotes: Sequence[Quote],
    *,
    organisation: str,
    password: str | None = None,
    logo: ReportLogo | None = None,
) -> bytes:
    """The report as bytes (for preview); saving goes through `write_aggregate_pdf`."""
    story: list[Flowable] = title_page(
        "Exit interview report",
        [agg.filters.describe(), _period(agg)],
        [
            ("Organisation", organisation or "—"),
            ("Interviews completed", f"{agg.completed:,}"),
            ("Interviews started", f"{agg.started:,}"),
            ("Minimum group size", f"{agg.min_group_size} interviews"),
        ],
        notes=[
            "Figures for groups smaller than the minimum group size are withheld to protect "
            "the people who took part."
        ],
    )
    story += _key_figures(agg)
    if agg.withheld:
        story.append(
            para(
                f"Fewer than {agg.min_group_size} completed interviews match this selection, so "
                "no further figures, breakdowns or quotes are shown. Widen the date range or "
                "remove a filter to see results.",
                styles().alert,
            )
        )
    else:
        story += _reasons(agg)
        story += _tone(agg)
        story += _ratings(agg)
        story += _trend(agg)
        story += _breakdowns(agg)
        story += _funnel(agg)
        story += _flags(agg)
        story += _quotes(quotes)
    story += _method(agg)
    return render(
        story,
        title="Exit interview report",
        organisation=organisation,
        password=password,
        logo=logo,
    )


# ----------------------------------------------------------------------- sections
def _period(agg: Aggregates) -> str:
    if not agg.monthly:
        return "No interviews yet"
    first, last = agg.monthly[0].month, agg.monthly[-1].month
    return f"Interviews from {first} to {last}" if first != last else f"Interviews in {first}"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def _num(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _key_figures(agg: Aggregates) -> list[Flowable]:
    st = styles()
    flagged = sum(n for _, n in agg.flags)
    figures = [
        (f"{agg.completed:,}", "interviews completed"),
        (_pct(agg.completion_rate), "of those started were completed"),
        (_num(agg.average_rating), "average satisfaction (1–5)"),
        (_num(agg.enps.score, 0), "eNPS (−100 to 100)"),
        (_pct(agg.followup_rate), "of written answers got a follow-up"),
        (f"{flagged:,}", "urgent issues reported"),
    ]
    if agg.withheld:
        figures = figures[:2]
    cells: list[list[Flowable] | str] = [
        [para(value, st.figure), para(caption, st.small)] for value, caption in figures
    ]
    cells += [""] * (-len(cells) % 3)
    grid = Table([cells[i : i + 3] for i in range(0, len(cells), 3)], colWidths=[_WIDTH / 3] * 3)
    grid.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    return [section("Key figures", grid), Spacer(1, 4 * mm)]


def _reasons(agg: Aggregates) -> list[Flowable]:
    st = styles()
    parts: list[Flowable] = []
    if agg.themes:
        items = [(labels.theme(t), n) for t, n in agg.themes]
        parts += [
            para(
                "Reasons raised in written answers. One interview can raise several, so the "
                "shares add up to more than 100%.",
                st.small,
            ),
            charts.bar_chart(items, width=_WIDTH, total=agg.completed),
        ]
    out: list[Flowable] = [section("Why people leave", *parts)] if parts else []
    main = next((d for d in agg.distributions if d.type == "single_choice"), None)
    if main is not None and main.total:
        ranked = sorted(main.counts, key=lambda kv: -kv[1])
        out.append(
            KeepTogether(
                [
                    para(f"Answers to “{main.text}”", st.h2),
                    charts.bar_chart(ranked, width=_WIDTH, total=main.total),
                ]
            )
        )
    return out


def _tone(agg: Aggregates) -> list[Flowable]:
    total = sum(agg.sentiment.values())
    if not total:
        return []
    st = styles()
    words = ", ".join(
        f"{100 * agg.sentiment[k] / total:.0f}% {k}" for k in ("negative", "neutral", "positive")
    )
    return [
        section(
            "Tone of written answers",
            para(f"{total:,} written answers: {words}.", st.body),
            charts.sentiment_strip(agg.sentiment, width=_WIDTH),
        )
    ]


def _ratings(agg: Aggregates) -> list[Flowable]:
    st = styles()
    ratings = [d for d in agg.distributions if d.type == "rating" and d.total]
    out: list[Flowable] = []
    if ratings:
        rows: list[list[object]] = [["Question", "Answers", "Average", "Satisfied (4–5)"]]
        for d in ratings:
            satisfied = sum(n for k, n in d.counts if k in ("4", "5")) / d.total
            rows.append([d.text, f"{d.total:,}", _num(d.average), _pct(satisfied)])
        out.append(
            section(
                "Satisfaction ratings",
                charts.rating_bars(ratings, width=_WIDTH),
                Spacer(1, 3 * mm),
                table(
                    rows,
                    [_WIDTH * 0.58, _WIDTH * 0.12, _WIDTH * 0.12, _WIDTH * 0.18],
                    right=(1, 2, 3),
                ),
            )
        )
    e = agg.enps
    if e.total:
        rows = [
            ["", "People", "Share"],
            ["Promoters (9–10)", f"{e.promoters:,}", _pct(e.promoters / e.total)],
            ["Passives (7–8)", f"{e.passives:,}", _pct(e.passives / e.total)],
            ["Detractors (0–6)", f"{e.detractors:,}", _pct(e.detractors / e.total)],
        ]
        out.append(
            section(
                "Would they recommend us? (eNPS)",
                para(
                    f"eNPS {_num(e.score, 0)}: the share of promoters minus the share of "
                    "detractors, from −100 to 100.",
                    st.body,
                ),
                table(rows, [_WIDTH * 0.5, _WIDTH * 0.25, _WIDTH * 0.25], right=(1, 2)),
            )
        )
    return out


def _trend(agg: Aggregates) -> list[Flowable]:
    if len(agg.monthly) < 2:
        return []
    return [section("Month by month", charts.trend_chart(agg.monthly, width=_WIDTH))]


def _breakdowns(agg: Aggregates) -> list[Flowable]:
    st = styles()
    intro: list[Flowable] = [
        para("Breakdowns", st.h1),
        para(
            f"Groups with fewer than {agg.min_group_size} completed interviews are not named "
            "and their figures are not shown; they are counted in the grey line. When those "
            f"together are still fewer than {agg.min_group_size}, the next smallest group is "
            "withheld too, so no figure can be worked out by subtraction.",
            st.small,
        ),
    ]
    blocks: list[Flowable] = []
    for breakdown in agg.breakdowns:
        if not breakdown.rows and breakdown.suppressed_groups <= 1:
            continue  # a single unnamed group (e.g. nothing recorded) tells nothing
        block = [para(breakdown.title, st.h2), _breakdown_table(breakdown, agg)]
        blocks.append(KeepTogether(intro + block if not blocks else block))
    return blocks


def _breakdown_table(breakdown: Breakdown, agg: Aggregates) -> Table:
    rows: list[list[object]] = [
        [breakdown.title, "Interviews", "Share", "Avg. rating", "eNPS", "Top reason"]
    ]
    for r in breakdown.rows:
        rows.append(
            [
                r.label,
                f"{r.interviews:,}",
                _pct(r.share),
                _num(r.average_rating),
                _num(r.enps, 0),
                labels.theme(r.top_theme) if r.top_theme else "—",
            ]
        )
    muted: list[int] = []
    if breakdown.suppressed_groups:
        groups = breakdown.suppressed_groups
        rows.append(
            [
                f"{groups} group{'s' if groups != 1 else ''} withheld "
                f"({breakdown.suppressed_interviews:,} interviews)",
                "suppressed",
                "",
                "",
                "",
                "",
            ]
        )
        muted.append(len(rows) - 1)
    w = _WIDTH
    return table(
        rows,
        [w * 0.3, w * 0.13, w * 0.1, w * 0.12, w * 0.1, w * 0.25],
        right=(1, 2, 3, 4),
        muted_rows=muted,
    )


def _funnel(agg: Aggregates) -> list[Flowable]:
    st = styles()
    rows: list[list[object]] = [
        ["Question", "Reached", "Skipped", "Stopped here", "Median time", "Median length"]
    ]
    for q in agg.questions:
        if not q.reached and not q.dropped_here:
            continue
        rows.append(
            [
                q.text,
                f"{q.reached:,}",
                _pct(q.skip_rate),
                f"{q.dropped_here:,}",
                "—" if q.median_seconds is None else f"{q.median_seconds:.0f} s",
                "—" if q.median_length is None else f"{q.median_length:.0f} chars",
            ]
        )
    w = _WIDTH
    return [
        section(
            "Where interviews stop",
            para(
                "Among all started interviews: how many reached each question, how many "
                "skipped it, and how many unfinished interviews stopped there.",
                st.small,
            ),
            table(
                rows,
                [w * 0.36, w * 0.11, w * 0.11, w * 0.12, w * 0.14, w * 0.16],
                right=(1, 2, 3, 4, 5),
            ),
        )
    ]


def _flags(agg: Aggregates) -> list[Flowable]:
    st = styles()
    if not agg.flags:
        body: list[Flowable] = [para("No urgent issues were reported.", st.body)]
    else:
        rows: list[list[object]] = [["Issue", "Interviews"]]
        rows += [[labels.flag(f), f"{n:,}"] for f, n in agg.flags]
        body = [
            table(rows, [_WIDTH * 0.7, _WIDTH * 0.3], right=(1,)),
            para(
                "Each one is highlighted in the interview list; open the individual "
                "interview report to follow it up.",
                st.small,
            ),
        ]
    return [section("Urgent issues reported", *body)]


def _quotes(quotes: Sequence[Quote]) -> list[Flowable]:
    if not quotes:
        return []
    st = styles()
    # The section's title and note travel with its first quote, never alone at a page end.
    intro: list[Flowable] = [
        para("In their own words", st.h1),
        para(
            "Typical answers for the top reasons. Names, e-mail addresses and phone numbers "
            "have been removed.",
            st.small,
        ),
    ]
    out: list[Flowable] = []
    current = ""
    for quote in quotes:
        heading: list[Flowable] = []
        if quote.theme != current:
            current = quote.theme
            heading = [para(labels.theme(current), st.h2)]
        box = Table([[para(f"“{quote.text}”", st.quote)]], colWidths=[_WIDTH])
        box.setStyle(
            TableStyle(
                [
                    ("LINEBEFORE", (0, 0), (0, -1), 2, ACCENT),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        first, intro = intro, []
        out += [KeepTogether([*first, *heading, box]), Spacer(1, 2 * mm)]
    return out


def _method(agg: Aggregates) -> list[Flowable]:
    st = styles()
    sources = (
        "; ".join(f"{name} ({n:,})" for name, n in sorted(agg.provenance.items())) or "none yet"
    )
    notes = [
        "Content figures (reasons, tone, ratings, eNPS, breakdowns, quotes) count completed "
        "interviews; “where interviews stop” counts every started interview.",
        "Reasons and tone are found in the written answers by ExitBot's word lists in English "
        "and German, refined by the local language model where one was available; they are "
        "indicators, not verdicts. Read the individual answers before acting on a figure.",
        f"Analysis sources (kind: producer, rows): {sources}.",
        f"Groups smaller than {agg.min_group_size} completed interviews are suppressed in "
        "every breakdown. HR can change this minimum in the settings.",
    ]
    return [section("How these figures were made", *(para(n, st.small) for n in notes))]
