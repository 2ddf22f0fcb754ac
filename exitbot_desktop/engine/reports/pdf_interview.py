"""The PDF of one interview for the HR officer handling it.

Cover with the interview's facts, then what needs attention (urgent flags, distress), the
summary with where it came from, an overview (themes, sentiment, ratings), and every
question in the order asked with its answer, follow-ups, themes and sentiment. This is
the one report that shows a single person's words unscrubbed: it is for the officer
who handles that interview, and writing it is audited. Never imports Qt.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from exitbot_desktop.engine.answer_text import answer_text
from exitbot_desktop.engine.files import write_bytes
from exitbot_desktop.engine.interview_detail import InterviewAnalysis, InterviewDetail, load
from exitbot_desktop.engine.records import AnswerRecord, InterviewRecord
from exitbot_desktop.engine.reports import labels
from exitbot_desktop.engine.reports.layout import (
    ALERT,
    ALERT_SHADE,
    MARGIN,
    PAGE,
    para,
    render,
    section,
    styles,
    table,
    title_page,
)
from exitbot_desktop.engine.settings import read_settings

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

_WIDTH = PAGE[0] - 2 * MARGIN


def write_interview_pdf(
    store: Store, record: InterviewRecord, path: Path, *, password: str | None = None
) -> int:
    """Write the report for one interview; returns its page count (auditing it is
    `exports.export`'s job)."""
    data = interview_pdf_bytes(store, record, password=password)
    write_bytes(path, data)
    return data.count(b"/Type /Page\n") or data.count(b"/Type /Page")


def interview_pdf_bytes(
    store: Store, record: InterviewRecord, *, password: str | None = None
) -> bytes:
    """The report as bytes (for preview); saving it goes through `write_interview_pdf`."""
    detail = load(store, record)
    reference = record.receipt_code or f"interview {record.id}"
    story: list[Flowable] = title_page(
        "Exit interview", [f"Receipt {reference}", _status_line(record)], detail.facts()
    )
    story += _attention(detail)
    story += _summary(detail.analysis)
    story += _overview(detail)
    story += _answers(detail)
    return render(
        story,
        title=f"Exit interview {reference}",
        organisation=store.organisation,
        logo=read_settings(store).report_logo,
        password=password,
    )


# ----------------------------------------------------------------------- parts
def _status_line(record: InterviewRecord) -> str:
    when = record.completed_at or record.created_at
    status = {"completed": "Submitted", "in_progress": "Not finished"}.get(
        record.status, record.status.capitalize()
    )
    return f"{status} {when:%d %B %Y}"


def _attention(detail: InterviewDetail) -> list[Flowable]:
    st = styles()
    record, analysis = detail.record, detail.analysis
    lines: list[Flowable] = []
    if record.needs_care:
        lines.append(
            para(
                "The employee's words suggest distress. Follow your organisation's duty-of-care "
                "procedure and make sure support contacts were offered.",
                st.alert,
            )
        )
    for answer in record.answers:
        for code in analysis.flags(answer.id):
            lines.append(
                para(
                    f"{labels.flag(code)} — reported in the answer to "
                    f"“{detail.question_text(answer)}”.",
                    st.alert,
                )
            )
    if not lines:
        return []
    box = Table([[lines]], colWidths=[_WIDTH])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), ALERT_SHADE),
                ("BOX", (0, 0), (-1, -1), 0.8, ALERT),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return [section("Needs attention", box)]


def _summary(analysis: InterviewAnalysis) -> list[Flowable]:
    st = styles()
    if analysis.summary is None or not analysis.summary[0]:
        return [
            section("Summary", para("No summary has been made for this interview yet.", st.body))
        ]
    text, provenance = analysis.summary
    source = (
        "Sentences quoted from the answers (extractive summary)."
        if provenance == "extractive"
        else f"Written by the local model “{provenance}”; check it against the answers below."
    )
    return [section("Summary", para(text, st.body), para(source, st.small))]


def _overview(detail: InterviewDetail) -> list[Flowable]:
    st = styles()
    record, analysis, questions = detail.record, detail.analysis, detail.questions
    themes: Counter[str] = Counter()
    moods: Counter[str] = Counter()
    for answer in record.answers:
        themes.update(analysis.themes(answer.id))
        mood = analysis.sentiment(answer.id)
        question = questions.get(answer.question_id)
        if mood and not (
            question and question.type in ("rating", "scale_0_10") and not answer.is_followup
        ):
            moods[mood[0]] += 1
    theme_text = (
        ", ".join(f"{labels.theme(t)} ({n})" for t, n in themes.most_common()) or "none found"
    )
    mood_text = ", ".join(
        f"{moods[m]} {m}" for m in ("negative", "neutral", "positive") if moods[m]
    )
    parts: list[Flowable] = [
        para(f"Reasons raised: {theme_text}.", st.body),
        para(f"Tone of written answers: {mood_text or 'no written answers'}.", st.body),
    ]
    rows: list[list[object]] = [["Rating question", "Answer"]]
    for answer in record.answers:
        question = questions.get(answer.question_id)
        if answer.is_followup or question is None or question.type not in ("rating", "scale_0_10"):
            continue
        rows.append(
            [question.text_for(record.language), answer_text(question, answer, record.language)]
        )
    if len(rows) > 1:
        parts += [Spacer(1, 4), table(rows, [_WIDTH * 0.75, _WIDTH * 0.25])]
    return [section("Overview", *parts)]


def _answers(detail: InterviewDetail) -> list[Flowable]:
    st = styles()
    record, analysis = detail.record, detail.analysis
    out: list[Flowable] = [para("Answers", st.h1)]
    main = detail.main_answers()
    for number, answer in enumerate(main, start=1):
        question = detail.questions.get(answer.question_id)
        heading = para(f"{number}. {detail.question_text(answer)}", st.h2)
        block: list[Flowable] = [
            heading,
            para(answer_text(question, answer, record.language), st.body),
        ]
        block += _notes(answer, analysis)
        out.append(KeepTogether(block[:2]))
        out += block[2:]
        for followup in record.followups_for(answer.question_id):
            indent = st.quote
            out.append(para(f"Follow-up: {followup.followup_question or ''}", indent))
            out.append(para(answer_text(None, followup, record.language), st.body))
            out += _notes(followup, analysis)
        out.append(Spacer(1, 2 * mm))
    if not main:
        out.append(para("This interview has no answers.", st.body))
    return out


def _notes(answer: AnswerRecord, analysis: InterviewAnalysis) -> list[Flowable]:
    parts: list[str] = []
    themes = analysis.themes(answer.id)
    if themes:
        parts.append("Themes: " + ", ".join(labels.theme(t) for t in themes))
    mood = analysis.sentiment(answer.id)
    if mood and answer.text:
        parts.append(f"Sentiment: {mood[0]} ({mood[1]:+.2f})")
    flags = analysis.flags(answer.id)
    if flags:
        parts.append("Flags: " + ", ".join(labels.flag(f) for f in flags))
    return [para(" · ".join(parts), styles().small)] if parts else []
