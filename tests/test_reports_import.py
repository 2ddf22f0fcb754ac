"""Importing legacy paper interviews: a clean file lands whole and analysed, a file with
bad rows lands not at all and says which lines to fix."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from exitbot_desktop.engine.analysis import aggregates
from exitbot_desktop.engine.errors import ExitBotError
from exitbot_desktop.engine.metadata import TENURE_BANDS, tenure_band
from exitbot_desktop.engine.reports.import_csv import COLUMNS, import_csv
from exitbot_desktop.engine.store.models import AnalysisRow, Answer, Interview
from exitbot_desktop.engine.store.vault import Store

GOOD = [
    ("P-001", "2023-03-31", "Sales", "Account Manager", "2.5",
     "What is the main reason you are leaving?", "Pay and benefits"),
    ("P-001", "2023-03-31", "Sales", "Account Manager", "2.5",
     "How satisfied were you with your manager?", "2"),
    ("P-001", "2023-03-31", "Sales", "Account Manager", "2.5",
     "What did you think of the canteen?", "The canteen food was awful and far too expensive."),
    ("P-002", "30.04.2023", "Lager", "Fahrer", "12",
     "Was ist der Hauptgrund dafür, dass Sie uns verlassen?", "Meine Führungskraft"),
    ("P-002", "30.04.2023", "Lager", "Fahrer", "12",
     "Könnten Sie sich vorstellen, in Zukunft wieder bei uns zu arbeiten?", "nein"),
    ("P-002", "30.04.2023", "Lager", "Fahrer", "12",
     "How likely are you to recommend us as a place to work to a friend?", "9"),
]  # fmt: skip


def _write(path: Path, rows: list[tuple[str, ...]], header: tuple[str, ...] = COLUMNS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _counts(store: Store) -> tuple[int, int, int]:
    with store.database.transaction() as s:
        return (
            s.scalar(select(func.count()).select_from(Interview)) or 0,
            s.scalar(select(func.count()).select_from(Answer)) or 0,
            s.scalar(select(func.count()).select_from(AnalysisRow)) or 0,
        )


def test_a_clean_file_becomes_completed_analysed_interviews(store: Store, tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []

    result = import_csv(
        store, _write(tmp_path / "paper.csv", GOOD), progress=lambda *step: seen.append(step)
    )

    assert (result.interviews, result.answers, result.kept_as_free_text) == (2, 6, 0)
    assert result.summary() == "Imported 2 interviews with 6 answers."
    assert seen[-1] == (2, 2, "Importing interviews")
    with store.database.transaction() as s:
        ids = list(s.scalars(select(Interview.id).order_by(Interview.id)))
    first, second = (store.interviews.load(i) for i in ids)
    assert first.status == "completed"
    assert first.receipt_code and first.receipt_code.startswith("EX-")
    assert (first.meta.department, first.meta.role, first.meta.tenure_band) == (
        "Sales",
        "Account Manager",
        "2-5",
    )
    assert first.completed_at is not None and first.completed_at.date().isoformat() == "2023-03-31"
    main = first.main_answers()
    assert main["main_reason"].value == "compensation_benefits"
    assert main["satisfaction_manager"].value == 2
    canteen = next(a for a in first.answers if a.question_id.startswith("legacy_"))
    assert canteen.text == "The canteen food was awful and far too expensive."
    assert second.main_answers()["would_return"].value is False
    assert second.main_answers()["recommend_employer"].value == 9
    assert second.meta.tenure_band == "10+"
    assert (first.source, second.source) == ("import", "import")
    agg = aggregates.compute(store, group_size=1)
    assert dict(agg.distributions[0].counts)["Pay and benefits"] == 1
    assert agg.enps.promoters == 1
    assert _counts(store)[2] > 0  # analysed in the same transaction
    assert store.audit.entries(limit=1)[0].detail == {
        "file": "paper.csv",
        "interviews": 2,
        "answers": 6,
        "kept_as_free_text": 0,
    }


def test_a_written_answer_to_a_choice_question_is_kept_as_free_text_and_analysed(
    store: Store, tmp_path: Path
) -> None:
    """Paper forms are written out: words that match no choice are the person's answer."""
    said = "My manager never listened, and the pay was far below the market."
    rows = [
        ("P-7", "2023-05-01", "Sales", "", "", "What is the main reason you are leaving?", said),
        (
            "P-7",
            "2023-05-01",
            "Sales",
            "",
            "",
            "Would you consider working here again in the future?",
            "maybe",
        ),
        (
            "P-8",
            "2023-05-02",
            "Sales",
            "",
            "",
            "What is the main reason you are leaving?",
            "Pay and benefits",
        ),
    ]

    result = import_csv(store, _write(tmp_path / "paper.csv", rows))

    assert (result.interviews, result.answers, result.kept_as_free_text) == (2, 3, 2)
    assert "2 answers to rating or choice questions were written out" in result.summary()
    with store.database.transaction() as s:
        ids = list(s.scalars(select(Interview.id).order_by(Interview.id)))
    written, chosen = (store.interviews.load(i) for i in ids)
    kept = [a for a in written.answers if a.question_id.startswith("legacy_")]
    assert sorted(a.text for a in kept if a.text) == sorted([said, "maybe"])
    assert "main_reason" not in written.main_answers()
    texts = {q["id"]: q["text"]["en"] for q in written.question_set["questions"]}
    assert sorted(texts[a.question_id] for a in kept) == [
        "What is the main reason you are leaving?",
        "Would you consider working here again in the future?",
    ]
    themes = {
        theme
        for e in store.analysis.for_interview(written.id)
        if e.kind == "themes"
        for theme in e.payload["themes"]
    }
    assert {"manager", "compensation_benefits"} <= themes  # analysed like any other answer
    assert chosen.main_answers()["main_reason"].value == "compensation_benefits"


def test_bad_rows_are_listed_by_line_and_nothing_is_imported(store: Store, tmp_path: Path) -> None:
    rows = [
        *GOOD,
        ("", "2023-01-01", "Sales", "", "", "Any comments?", "x"),
        ("P-003", "next week", "Sales", "", "", "Any comments?", "x"),
        ("P-004", "2023-01-01", "Sales", "", "forty", "Any comments?", "x"),
        ("P-005", "2023-01-01", "Sales", "", "", "How satisfied were you with your team?", "7"),
        ("P-009", "2023-01-01", "Sales", "", "", "Any comments?", "   "),
        ("P-006", "2023-01-01", "Sales", "", "", "", "an answer without a question"),
        ("P-001", "2023-03-31", "Finance", "Account Manager", "2.5", "Any comments?", "x"),
        ("P-001", "2023-03-31", "Sales", "Account Manager", "2.5",
         "How satisfied were you with your manager?", "3"),
    ]  # fmt: skip
    before = _counts(store)

    with pytest.raises(ExitBotError) as caught:
        import_csv(store, _write(tmp_path / "bad.csv", rows))

    message = caught.value.user_message
    assert message.startswith("bad.csv was not imported and nothing was changed.")
    for expected in (
        "line 8: interview_ref is empty",
        "line 9: completed_at 'next week' is not a date",
        "line 10: tenure_years 'forty' is not a number",
        "line 11: '7' does not fit “How satisfied were you with your team?”",
        "line 12: the answer is empty",
        "line 13: question is empty",
        "line 14: interview P-001 has a different department here than on line 2",
        "line 15: interview P-001 answers 'How satisfied were you with your manager?' twice",
    ):
        assert expected in message, expected
    assert _counts(store) == before


def test_the_same_paper_interviews_cannot_be_imported_twice(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path / "paper.csv", GOOD)
    import_csv(store, path)
    after_first = _counts(store)

    with pytest.raises(ExitBotError, match="line 2: interview P-001 was already imported"):
        import_csv(store, path)
    assert _counts(store) == after_first

    # What is kept to notice this names no one and points to no receipt.
    kept = json.dumps(store.settings.get("legacy_import_refs"))
    assert "P-001" not in kept and "EX-" not in kept


def test_a_multi_line_answer_keeps_its_line_numbers_right(store: Store, tmp_path: Path) -> None:
    rows = [
        ("P-1", "2023-01-01", "Ops", "", "", "Any comments?", "first line\nsecond line\nthird"),
        ("P-1", "2023-01-01", "Ops", "", "", "How satisfied were you with your team?", "11"),
    ]

    with pytest.raises(ExitBotError, match="line 5: '11' does not fit"):
        import_csv(store, _write(tmp_path / "multi.csv", rows))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("interview_ref,question,answer\nP,Q,A\n", "missing the column(s) completed_at"),
        (",".join(COLUMNS) + "\n", "has no interviews in it"),
    ],
)
def test_files_that_are_not_interview_tables_are_explained(
    store: Store, tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "odd.csv"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(ExitBotError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        import_csv(store, path)


def test_a_file_that_is_not_utf8_is_explained(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes((",".join(COLUMNS) + "\nP,2023-01-01,Küche,,,Q,A\n").encode("latin-1"))

    with pytest.raises(ExitBotError, match="not UTF-8 text"):
        import_csv(store, path)


def test_a_cell_of_a_megabyte_is_explained_and_nothing_is_imported(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "huge.csv"
    huge = "Überstunden " * 90_000
    path.write_text(",".join(COLUMNS) + f"\nP,2023-01-01,Sales,,,Any comments?,{huge}\n")
    before = _counts(store)

    with pytest.raises(ExitBotError) as refused:
        import_csv(store, path)

    assert refused.value.user_message == (
        "huge.csv is not a readable CSV file (a cell is longer than 131,072 characters), so "
        'nothing was changed. Open it in a spreadsheet and save it again as "CSV UTF-8".'
    )
    assert _counts(store) == before


def test_tenure_years_become_the_bands_the_station_offers() -> None:
    assert [tenure_band(y) for y in (0, 0.9, 1, 3, 7.5, 10, 40)] == [
        "<1",
        "<1",
        "1-2",
        "2-5",
        "5-10",
        "10+",
        "10+",
    ]
    assert all(tenure_band(y) in TENURE_BANDS for y in range(70))
