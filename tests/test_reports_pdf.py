"""PDF reports read back with pypdf: the sections and numbers HR expects, nothing that
identifies a small group or a named person in quotes, and any answer renders."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select, update
from test_aggregates import UNHAPPY, conduct

from bench.synthetic import populate
from exitbot_desktop.engine.analysis import pipeline
from exitbot_desktop.engine.errors import ExitBotError
from exitbot_desktop.engine.filters import Filters, Selection
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.reports.exports import ExportRequest, export
from exitbot_desktop.engine.reports.layout import para, render, styles
from exitbot_desktop.engine.reports.pdf_aggregate import write_aggregate_pdf
from exitbot_desktop.engine.reports.pdf_interview import write_interview_pdf
from exitbot_desktop.engine.store.models import Answer
from exitbot_desktop.engine.store.vault import Store

pytestmark = pytest.mark.every_store  # the embedded file, and a real server that seals


def _text(path: Path, password: str | None = None) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    if password is not None:
        reader.decrypt(password)
    # Lines break wherever the layout put them; compare words, not line ends.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_aggregate_report_has_every_section_and_the_real_numbers(
    store: Store, tmp_path: Path
) -> None:
    populate(store, 150, department_sizes={"Legal": 3})
    out = tmp_path / "report.pdf"

    agg = write_aggregate_pdf(store, out)

    text = _text(out)
    for heading in (
        "Exit interview report",
        "Key figures",
        "Why people leave",
        "Tone of written answers",
        "Satisfaction ratings",
        "Would they recommend us? (eNPS)",
        "Month by month",
        "Breakdowns",
        "Where interviews stop",
        "Urgent issues reported",
        "In their own words",
        "How these figures were made",
    ):
        assert heading in text, heading
    assert f"{agg.completed:,}" in text
    assert f"{agg.started:,}" in text
    assert f"{agg.enps.score:.0f}" in text
    assert "Page 1 of" in text
    assert "Confidential" in text
    largest = next(b for b in agg.breakdowns if b.dimension == "department").rows[0]
    assert largest.label in text
    assert f"{largest.interviews:,}" in text


def test_a_department_of_three_appears_nowhere_in_the_aggregate_report(
    store: Store, tmp_path: Path
) -> None:
    populate(store, 90, department_sizes={"Legal": 3})
    out = tmp_path / "report.pdf"

    write_aggregate_pdf(store, out)

    text = _text(out)
    assert "Legal" not in text
    assert "withheld" in text
    assert "suppressed" in text


def test_a_selection_below_the_group_size_shows_counts_only(store: Store, tmp_path: Path) -> None:
    populate(store, 40, department_sizes={"Legal": 3})
    out = tmp_path / "legal.pdf"

    write_aggregate_pdf(store, out, Filters(department="Legal"))

    text = _text(out)
    assert "Fewer than 5 completed interviews match this selection" in text
    assert "Breakdowns" not in text
    assert "In their own words" not in text


def test_quotes_carry_no_names_emails_or_phone_numbers(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    secret = (
        "My manager Petra Vogel ignored every idea and shouted at me; call me on "
        "+49 171 2345678 or write to petra.vogel@acme.example about it."
    )
    for _ in range(6):
        conduct(
            store,
            question_set,
            {**UNHAPPY, "main_reason_details": secret},
            meta=InterviewMeta(department="Sales", manager="Petra Vogel"),
        )
    out = tmp_path / "report.pdf"

    write_aggregate_pdf(store, out)

    text = _text(out)
    assert "In their own words" in text
    assert "[name]" in text
    for leak in ("Petra", "Vogel", "2345678", "acme.example"):
        assert leak not in text


HOSTILE = (
    "<b>bold?</b> <font size=40 color=red>big</font> <para> & Tom & Jerry ]]> &amp; "
    "Grüße aus Köln, Straße. مرحبا بالعالم. שלום עולם. Emoji 😀👍🏽🚀. "
    "Ctrl\x07\x1b\x00 chars.\n\nA second paragraph."
)


def test_hostile_answers_render_as_the_words_that_were_typed(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    interview_id = conduct(store, question_set, {**UNHAPPY, "main_reason_details": "x" * 10})
    huge = ("Sehr lange Antwort über Überstunden. " * 3000)[:100_000]
    with store.database.transaction() as s:
        answers = {
            a.question_id: a.id
            for a in s.scalars(select(Answer).where(Answer.interview_id == interview_id))
        }
        for question_id, words in (("main_reason_details", HOSTILE), ("anything_else", huge)):
            aid = answers[question_id]
            s.execute(
                update(Answer)
                .where(Answer.id == aid)
                .values(
                    status="answered",
                    text=store.database.seal("answers", "text", aid, words),
                    value=store.database.seal("answers", "value", aid, words),
                )
            )
    pipeline.analyse_interview(store, interview_id)
    out = tmp_path / "interview.pdf"

    pages = write_interview_pdf(store, store.interviews.load(interview_id), out)

    text = _text(out)
    assert pages >= 3
    assert "<b>bold?</b>" in text
    assert "<font size=40 color=red>big</font>" in text
    assert "Tom & Jerry ]]> &amp;" in text
    assert "Grüße aus Köln, Straße" in text
    assert "A second paragraph" in text
    assert "[shortened here: 100,000 characters in full]" in text


def test_text_no_database_could_hold_still_renders() -> None:
    odd = "lone surrogate \ud800, private use \ue000, CJK 漢字, 4\u2009000 €, \u202eRTL override"

    data = render([para(odd, styles().body)], title="t", organisation="o")

    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "lone surrogate" in text
    assert "4" in text and "€" in text
    assert "[U+202E]RTL override" in text and "\u202e" not in text


def test_interview_report_shows_answers_follow_ups_flags_and_summary(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    interview_id = conduct(
        store,
        question_set,
        UNHAPPY,
        meta=InterviewMeta(department="Sales", role="Account Manager", leaving_type="voluntary"),
        followups={"main_reason_details": "It started when the new team lead arrived."},
    )
    out = tmp_path / "one.pdf"

    write_interview_pdf(store, store.interviews.load(interview_id), out)

    text = _text(out)
    for expected in (
        "Exit interview",
        "Account Manager",
        "Needs attention",
        "Harassment or bullying",
        "Summary",
        "extractive summary",
        "What is the main reason you are leaving?",
        "My manager",
        "Follow-up: Could you say more?",
        "It started when the new team lead arrived.",
        "1 of 5",
        "3 of 10",
        "Themes: Manager",
    ):
        assert expected in text, expected


def test_password_protected_report_opens_only_with_the_password(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    interview_id = conduct(store, question_set, UNHAPPY)
    out = tmp_path / "locked.pdf"

    write_interview_pdf(
        store, store.interviews.load(interview_id), out, password="Schrank 42 im Keller"
    )

    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert reader.is_encrypted
    assert reader.trailer["/Encrypt"]["/V"] == 5  # AES-256, not RC4
    assert not reader.decrypt("wrong password")
    assert "Exit interview" in _text(out, password="Schrank 42 im Keller")
    poppler = subprocess.run(
        ["pdftotext", "-upw", "Schrank 42 im Keller", str(out), "-"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Exit interview" in poppler.stdout, poppler.stderr


def test_every_report_written_is_in_the_audit_log(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    receipt = store.interviews.load(conduct(store, question_set, UNHAPPY)).receipt_code
    one = Selection(receipt_code=receipt)
    export(store, ExportRequest("pdf", tmp_path / "one.pdf", one, pdf_password="long enough pw"))
    export(store, ExportRequest("pdf", tmp_path / "all.pdf"))

    entries = store.audit.entries()

    assert [(e.action, e.detail["report"]) for e in entries[:2]] == [
        ("export", "aggregate"),
        ("export", "interview"),
    ]
    assert entries[1].detail["encrypted"] is True
    assert entries[1].detail["receipt"] == receipt
    assert store.audit.verify().ok


def test_unknown_receipt_code_is_explained(store: Store, tmp_path: Path) -> None:
    request = ExportRequest("pdf", tmp_path / "x.pdf", Selection(receipt_code="ex-nope"))
    with pytest.raises(ExitBotError, match="No interview has the receipt code EX-NOPE"):
        export(store, request)
    assert not (tmp_path / "x.pdf").exists()
    assert all(e.action != "export" for e in store.audit.entries())


def test_the_organisations_logo_is_on_every_page_of_both_reports(
    store: Store, tmp_path: Path
) -> None:
    from PIL import Image

    from exitbot_desktop.engine.settings_change import change_settings

    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 100), (20, 90, 160)).save(logo)
    populate(store, 30)
    change_settings(store, {"report_logo": logo})
    write_aggregate_pdf(store, tmp_path / "all.pdf")
    write_interview_pdf(store, store.interviews.load(1), tmp_path / "one.pdf")

    for name in ("all.pdf", "one.pdf"):
        pages = PdfReader(tmp_path / name).pages
        assert len(pages) > 1
        for page in pages:
            (image,) = page.images
            assert image.image is not None and image.image.size == (300, 100)
        # Drawn, not just embedded: the top right corner of page 1 is the logo's blue.
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "50",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(tmp_path / name),
                str(tmp_path / name),
            ],
            check=True,
        )
        rendered = Image.open(tmp_path / f"{name}.png").convert("RGB")
        corner = rendered.crop((rendered.width * 3 // 4, 0, rendered.width, rendered.height // 12))
        colours = {colour for _count, colour in corner.getcolors(1 << 16) or []}
        assert any(
            max(abs(a - b) for a, b in zip(c, (20, 90, 160), strict=True)) < 4 for c in colours
        )
