"""The PDF of one interview for the HR officer handling it.

Cover with the interview's facts, then what needs attention (urgent flags, distress), the
summary with where it came from, an overview (themes, sentiment, ratings), and every
question in the order asked with its answer, follow-ups, themes and sentiment. This is
the one report that shows a single person's words unscrubbed: it is for the officer
who handles that interview, and writing it is audited. Never imports Qt.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from exitbot_desktop.engine.analysis.pipeline import questions_of
from exitbot_desktop.engine.answer_text import answer_text
from exitbot_desktop.engine.files import write_bytes
from exitbot_desktop.engine.metadata import META_FIELDS, shown_value
from exitbot_desktop.engine.questions import Question
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
    analysis = _analysis(store, record.id)
    questions = questions_of(record)
    reference = record.receipt_code or f"interview {record.id}"
    story: list[Flowable] = title_page(
        "Exit interview",
        [f"Receipt {reference}", _status_line(record)],
        _facts(record, store.organisation),
    )
    story += _attention(record, analysis, questions)
    story += _summary(analysis)
    story += _overview(record, analysis, questions)
    story += _answers(record, analysis, questions)
    return render(
        story,
        title=f"Exit interview {reference}",
        organisation=store.organisation,
        password=password,
    )


# ----------------------------------------------------------------------- data
class _Analysis:
    """Analysis rows of one interview, by answer."""

    def __init__(self, rows: list[tuple[int | None, str, Any, str]]) -> None:
        self.by_answer: dict[int, dict[str, Any]] = defaultdict(dict)
        self.summary: tuple[str, str] | None = None
        for answer_id, kind, payload, provenance in rows:
            if kind == "summary":
                self.summary = (str(payload.get("text", "")), provenance)
            elif answer_id is not None:
                self.by_answer[answer_id][kind] = payload
                self.by_answer[answer_id][kind + "_provenance"] = provenance

    def themes(self, answer_id: int) -> list[str]:
        return list(self.by_answer.get(answer_id, {}).get("themes", {}).get("themes", []))

    def flags(self, answer_id: int) -> list[str]:
        return list(self.by_answer.get(answer_id, {}).get("flags", {}).get("flags", []))

    def sentiment(self, answer_id: int) -> tuple[str, float] | None:
        found = self.by_answer.get(answer_id, {}).get("sentiment")
        if not found:
            return None
        return str(found.get("label")), float(found.get("score", 0.0))


def _analysis(store: Store, interview_id: int) -> _Analysis:
    entries = store.analysis.for_interview(interview_id)
    return _Analysis([(e.answer_id, e.kind, e.payload, e.provenance) for e in entries])


# ----------------------------------------------------------------------- parts
def _status_line(record: InterviewRecord) -> str:
    when = record.completed_at or record.created_at
    status = {"completed": "Submitted", "in_progress": "Not finished"}.get(
        record.status, record.status.capitalize()
    )
    return f"{status} {when:%d %B %Y}"


def _facts(record: InterviewRecord, organisation: str) -> list[tuple[str, str]]:
    meta = record.meta
    name = "Anonymous" if meta.anonymous or not meta.employee_name else meta.employee_name
    return [
        ("Organisation", organisation or "—"),
        ("Employee", name),
        *((f.title, shown_value(f.name, getattr(meta, f.name)) or "—") for f in META_FIELDS),
        ("Interview language", record.language),
        ("Started", f"{record.created_at:%Y-%m-%d %H:%M} UTC"),
        ("Submitted", f"{record.completed_at:%Y-%m-%d %H:%M} UTC" if record.completed_at else "—"),
    ]


def _attention(
    record: InterviewRecord, analysis: _Analysis, questions: Mapping[str, Question]
) -> list[Flowable]:
    st = styles()
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
                    f"“{_question_text(answer, questions, record.language)}”.",
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


def _summary(analysis: _Analysis) -> list[Flowable]:
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


def _overview(
    record: InterviewRecord, analysis: _Analysis, questions: Mapping[str, Question]
) -> list[Flowable]:
    st = styles()
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


def _answers(
    record: InterviewRecord, analysis: _Analysis, questions: Mapping[str, Question]
) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [para("Answers", st.h1)]
    main = [a for a in record.answers if not a.is_followup]
    order = list(questions)
    main.sort(key=lambda a: order.index(a.question_id) if a.question_id in order else len(order))
    for number, answer in enumerate(main, start=1):
        question = questions.get(answer.question_id)
        heading = para(f"{number}. {_question_text(answer, questions, record.language)}", st.h2)
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


def _notes(answer: AnswerRecord, analysis: _Analysis) -> list[Flowable]:
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


def _question_text(answer: AnswerRecord, questions: Mapping[str, Question], language: str) -> str:
    question = questions.get(answer.question_id)
    return question.text_for(language) if question else answer.question_id
