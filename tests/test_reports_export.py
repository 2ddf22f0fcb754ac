"""CSV and JSON exports as an HR office uses them: safe to open in Excel, anonymised by
default, complete when asked, and always in the audit log."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from test_aggregates import HAPPY, UNHAPPY, conduct

from exitbot_desktop.engine.errors import CancelledError, ExitBotError
from exitbot_desktop.engine.filters import Filters, Selection
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.progress import cancellable
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.reports.export_csv_json import (
    ExportOptions,
    export_csv,
    export_json,
)
from exitbot_desktop.engine.reports.exports import ExportRequest, export
from exitbot_desktop.engine.safe_text import neutralise
from exitbot_desktop.engine.store.vault import Store

pytestmark = pytest.mark.every_store  # the embedded file, and a real server that seals

NAMED = InterviewMeta(
    department="Sales",
    manager="Petra Vogel",
    anonymous=False,
    employee_name="Jonathan Smithers",
)
TELLING = (
    "Petra Vogel kept shouting at me. Ask Jonathan Smithers (that is me) at "
    "jon.smithers@example.org or +44 20 7946 0958."
)


def _csv(path: Path) -> list[dict[str, str]]:
    """The rows under the header, past the note an anonymised export starts with."""
    with path.open(encoding="utf-8-sig", newline="") as handle:  # keep \r inside cells
        lines = list(csv.reader(handle))
    if lines and lines[0][0].startswith("# "):
        lines = lines[1:]
    return [dict(zip(lines[0], line, strict=True)) for line in lines[1:]]


def _note(path: Path) -> str:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle))[0]


@pytest.mark.parametrize(
    ("typed", "exported"),
    [
        (
            '=HYPERLINK("http://evil.example","click")',
            '\'=HYPERLINK("http://evil.example","click")',
        ),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Plain words", "Plain words"),
        ("", ""),
        ("invoice_\u202etxt.exe", "invoice_[U+202E]txt.exe"),
        ("=\u2066x\u2069", "'=[U+2066]x[U+2069]"),
        ("שלום \u200fעולם", "שלום \u200fעולם"),  # a plain direction mark stays
    ],
)
def test_cells_a_spreadsheet_would_run_are_neutralised(typed: str, exported: str) -> None:
    assert neutralise(typed) == exported


def test_csv_export_neutralises_formulas_in_answers_and_metadata(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    conduct(
        store,
        question_set,
        {**HAPPY, "main_reason_details": "=cmd|' /C calc'!A0", "what_to_improve": "@SUM(1+1)"},
        meta=InterviewMeta(department="\t=1+2", role="\r-3", location="+London"),
    )
    store.settings.set("min_group_size", 1)  # this interview's metadata shown as it is
    out = tmp_path / "answers.csv"

    export_csv(store, out)

    rows = _csv(out)
    answers = {r["question_id"]: r["answer"] for r in rows}
    assert answers["main_reason_details"] == "'=cmd|' /C calc'!A0"
    assert answers["what_to_improve"] == "'@SUM(1+1)"
    assert rows[0]["department"] == "'\t=1+2"
    assert rows[0]["role"] == "'\r-3"
    assert rows[0]["location"] == "'+London"
    scores = [r["sentiment_score"] for r in rows if r["sentiment_score"].startswith("-")]
    assert all(s.lstrip("-").replace(".", "").isdigit() for s in scores)  # numbers stay numbers
    for cell in (c for r in rows for c in r.values()):
        assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell


def test_bidi_controls_are_shown_by_name_in_csv_and_json_exports(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    disguised = "My manager said \u202eevad 03 ni desolc\u202c nothing."
    conduct(
        store,
        question_set,
        {**HAPPY, "main_reason_details": disguised},
        meta=InterviewMeta(department="Sales\u2067"),
    )
    store.settings.set("min_group_size", 1)  # this interview's department shown as it is
    export_csv(store, tmp_path / "answers.csv")
    export_json(store, tmp_path / "answers.json")

    shown = "My manager said [U+202E]evad 03 ni desolc[U+202C] nothing."
    rows = _csv(tmp_path / "answers.csv")
    assert {r["answer"] for r in rows if r["question_id"] == "main_reason_details"} == {shown}
    assert {r["department"] for r in rows} == {"Sales[U+2067]"}
    document = json.loads((tmp_path / "answers.json").read_text(encoding="utf-8"))
    assert shown in [a["answer"] for a in document["answers"]]
    for path in (tmp_path / "answers.csv", tmp_path / "answers.json"):
        text = path.read_text(encoding="utf-8-sig")
        assert not any(
            ch in text for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        )


def test_csv_export_is_byte_for_byte_what_csv_writer_would_write(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    awkward = 'He said "no, never",\nthen left; ärgerlich'
    conduct(
        store,
        question_set,
        {**HAPPY, "main_reason_details": awkward, "what_to_improve": "a,b"},
        meta=InterviewMeta(department='R&D, "Labs"', role="Line\nbreak"),
    )
    conduct(store, question_set, UNHAPPY)
    store.settings.set("min_group_size", 1)
    out = tmp_path / "answers.csv"

    export_csv(store, out)

    text = out.read_bytes().decode("utf-8-sig")  # as written: line ends untranslated
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    again = io.StringIO()
    csv.writer(again).writerows(rows)
    assert text.encode() == again.getvalue().encode()
    assert rows[0][0].startswith("# Anonymised export")
    named = [dict(zip(rows[1], row, strict=True)) for row in rows[2:]]
    labs = [r for r in named if r["department"] == 'R&D, "Labs"']
    answers = {r["question_id"]: r["answer"] for r in labs}
    assert answers["main_reason_details"] == awkward
    assert answers["what_to_improve"] == "a,b"
    assert labs[0]["role"] == "Line\nbreak"


def test_anonymised_exports_contain_no_names_emails_phones_or_receipts(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    interview_id = conduct(
        store, question_set, {**UNHAPPY, "main_reason_details": TELLING}, meta=NAMED
    )
    receipt = store.interviews.load(interview_id).receipt_code
    assert receipt is not None
    store.settings.set("min_group_size", 1)  # the month shown, not withheld
    files = [tmp_path / "a.csv", tmp_path / "i.csv", tmp_path / "a.json", tmp_path / "i.json"]

    export_csv(store, files[0])
    export_csv(store, files[1], options=ExportOptions(per="interview"))
    export_json(store, files[2])
    export_json(store, files[3], options=ExportOptions(per="interview"))

    for path in files:
        content = path.read_text(encoding="utf-8")
        for leak in ("Petra", "Vogel", "Jonathan", "Smithers", "example.org", "7946", receipt):
            assert leak not in content, (path.name, leak)
        assert "[name]" in content
        assert "[email]" in content
        assert "[phone]" in content
    started = _csv(files[0])[0]["started"]
    assert re.fullmatch(r"\d{4}-\d{2}", started), started  # the month, not the minute


def test_named_export_and_receipt_codes_only_when_asked(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    interview_id = conduct(
        store, question_set, {**UNHAPPY, "main_reason_details": TELLING}, meta=NAMED
    )
    receipt = store.interviews.load(interview_id).receipt_code
    out = tmp_path / "named.csv"

    export(
        store,
        ExportRequest("csv", out, options=ExportOptions(anonymise=False, include_receipt=True)),
    )

    row = _csv(out)[0]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", row["started"])
    assert row["employee_name"] == "Jonathan Smithers"
    assert row["manager"] == "Petra Vogel"
    assert row["receipt_code"] == receipt
    assert any(r["answer"] == TELLING for r in _csv(out))
    entry = store.audit.entries(limit=1)[0]
    assert entry.detail["anonymised"] is False
    assert entry.detail["receipt_codes"] is True


def test_bom_is_written_only_when_asked_and_umlauts_survive(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    conduct(
        store,
        question_set,
        {**HAPPY, "main_reason_details": "Ich ziehe nach Köln, zu meinen Eltern über Ostern."},
        meta=InterviewMeta(department="Vertrieb Süd"),
        language="de",
    )
    store.settings.set("min_group_size", 1)
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"

    export_csv(store, plain)
    export_csv(store, excel, options=ExportOptions(bom=True))

    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    assert excel.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "Köln" in excel.read_bytes()[3:].decode("utf-8")
    assert _csv(excel)[0]["department"] == "Vertrieb Süd"


def test_per_interview_rows_carry_every_question_and_the_analysis(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    conduct(store, question_set, UNHAPPY)
    conduct(store, question_set, HAPPY)
    conduct(store, question_set, UNHAPPY, stop_at="satisfaction_team")
    out = tmp_path / "per_interview.csv"

    rows_written = export_csv(store, out, options=ExportOptions(per="interview"))

    rows = _csv(out)
    assert rows_written == len(rows) == 3
    (first,) = [r for r in rows if r["status"] == "completed" and r["main_reason"] == "My manager"]
    assert first["main_reason"] == "My manager"
    assert first["satisfaction_manager"] == "1"
    assert first["recommend_employer"] == "3"
    assert first["themes"] == "manager"
    assert first["flags"] == "harassment"
    assert first["summary"]
    assert sorted(r["status"] for r in rows) == ["completed", "completed", "in_progress"]


def test_json_export_nests_answers_and_filters_by_department(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    conduct(store, question_set, UNHAPPY, meta=InterviewMeta(department="Sales"))
    conduct(store, question_set, HAPPY, meta=InterviewMeta(department="Finance"))
    out = tmp_path / "sales.json"

    count = export_json(
        store, out, Selection(Filters(department="Sales")), ExportOptions(per="interview")
    )

    document = json.loads(out.read_text(encoding="utf-8"))
    assert count == 1
    assert document["anonymised"] is True
    assert document["selection"] == "Department: Sales"
    assert "fewer than 5, so all of that is withheld" in document["anonymisation"]
    (interview,) = document["interviews"]
    assert interview["department"] == "(withheld)"  # one interview alone is one person
    by_question = {a["question_id"]: a for a in interview["answers"]}
    assert by_question["satisfaction_role"]["answer"] == 2
    assert by_question["main_reason_details"]["sentiment"] == "negative"


def test_one_interview_by_receipt_code_and_an_unknown_code_is_explained(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    conduct(store, question_set, UNHAPPY)
    wanted = conduct(store, question_set, HAPPY)
    receipt = store.interviews.load(wanted).receipt_code
    assert receipt is not None
    out = tmp_path / "one.csv"

    export(store, ExportRequest("csv", out, Selection(receipt_code=receipt.lower())))

    (export_id,) = {r["interview"] for r in _csv(out)}  # one interview, under a random id
    assert export_id != str(wanted)
    with pytest.raises(ExitBotError, match="No interview has the receipt code EX-UNKNOWN"):
        export(
            store,
            ExportRequest("json", tmp_path / "none.json", Selection(receipt_code="EX-UNKNOWN")),
        )
    assert not (tmp_path / "none.json").exists()


def test_export_to_a_missing_folder_says_what_to_do_and_leaves_nothing(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    conduct(store, question_set, HAPPY)

    with pytest.raises(ExitBotError, match="does not exist; create it"):
        export_csv(store, tmp_path / "missing" / "x.csv")
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]


def test_progress_is_reported_up_to_the_total(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    for _ in range(3):
        conduct(store, question_set, HAPPY)
    seen: list[tuple[int, int, str]] = []

    export_csv(store, tmp_path / "x.csv", progress=lambda *step: seen.append(step))

    assert seen[-1] == (3, 3, "Exporting interviews")


def test_a_cancelled_export_leaves_no_file_and_no_audit_entry(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    for _ in range(3):
        conduct(store, question_set, HAPPY)
    exports = tmp_path / "exports"
    exports.mkdir()
    out = exports / "answers.csv"
    asked: list[int] = []

    def cancelled() -> bool:  # the person presses Cancel once the export has begun
        return bool(asked)

    def report(done: int, _total: int, _what: str) -> None:
        asked.append(done)

    with pytest.raises(CancelledError, match="Nothing was written"):
        export(store, ExportRequest("csv", out), progress=cancellable(report, cancelled))

    assert not out.exists()
    assert list(exports.iterdir()) == []  # no half-written temporary file either
    assert not [e for e in store.audit.entries() if e.action == "export"]
