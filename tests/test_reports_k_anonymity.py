"""Anonymised exports are k-anonymous: no combination of department, role, location,
tenure, leaving type, month and language describes fewer than `min_group_size`
interviews, interview ids are random, and the file says what was coarsened."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import Any

from test_aggregates import HAPPY, UNHAPPY, conduct

from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.reports.export_csv_json import ExportOptions, export_csv, export_json
from exitbot_desktop.engine.reports.exports import ExportRequest, export
from exitbot_desktop.engine.reports.k_anonymity import QUASI_IDENTIFIERS, WITHHELD, k_anonymise
from exitbot_desktop.engine.store.vault import Store

FINANCE = InterviewMeta(
    department="Finance", role="Accountant", location="Berlin", tenure_band="2-5",
    leaving_type="voluntary",
)  # fmt: skip
LONE_SALES = InterviewMeta(
    department="Sales", role="Account executive", location="Hamburg", tenure_band="10+",
    leaving_type="involuntary",
)  # fmt: skip


def _read_csv(path: Path) -> tuple[str, list[dict[str, str]]]:
    """The note line and the rows, as a person opening the file reads them."""
    with path.open(encoding="utf-8", newline="") as handle:
        note, header, *lines = list(csv.reader(handle))
    return note[0], [dict(zip(header, line, strict=True)) for line in lines]


def _combinations(rows: list[dict[str, Any]]) -> Counter[tuple[Any, ...]]:
    return Counter(tuple(row[name] for name in QUASI_IDENTIFIERS) for row in rows)


def test_a_lone_sales_interview_in_december_is_not_exported_alone(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    finance_ids = [conduct(store, question_set, HAPPY, meta=FINANCE) for _ in range(10)]
    lone = conduct(store, question_set, UNHAPPY, meta=LONE_SALES)
    per_answer, per_interview = tmp_path / "answers.csv", tmp_path / "interviews.csv"

    export(store, ExportRequest("csv", per_answer))
    export_csv(store, per_interview, options=ExportOptions(per="interview"))
    assert store.audit.entries(limit=1)[0].detail["min_group_size"] == 5

    for path in (per_answer, per_interview):
        note, rows = _read_csv(path)
        text = path.read_text(encoding="utf-8")
        for detail in ("Sales", "Account executive", "Hamburg", "10+", "involuntary"):
            assert detail not in text, (path.name, detail)
        interviews = {row["interview"]: row for row in rows}
        assert len(interviews) == 11
        assert min(_combinations(list(interviews.values())).values()) >= 5
        # The ten in Finance keep their department, but for the few that keep Sales company.
        assert sum(row["department"] == "Finance" for row in interviews.values()) >= 5
        assert {row["department"] for row in interviews.values()} == {"Finance", WITHHELD}
        assert not {str(i) for i in [*finance_ids, lone]} & set(interviews)  # random ids
        assert note.startswith("# Anonymised export:")
        assert "fewer than 5 interviews" in note
        assert "department withheld: 5" in note


def test_export_ids_are_new_for_every_export(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    for _ in range(5):
        conduct(store, question_set, HAPPY, meta=FINANCE)
    first, second = tmp_path / "1.json", tmp_path / "2.json"

    export_json(store, first, options=ExportOptions(per="interview"))
    export_json(store, second, options=ExportOptions(per="interview"))

    ids = [
        {i["interview"] for i in json.loads(p.read_text(encoding="utf-8"))["interviews"]}
        for p in (first, second)
    ]
    assert len(ids[0]) == len(ids[1]) == 5
    assert not ids[0] & ids[1]
    document = json.loads(first.read_text(encoding="utf-8"))
    assert "nothing had to be coarsened" in document["anonymisation"]
    assert {i["department"] for i in document["interviews"]} == {"Finance"}


def test_named_exports_keep_every_detail_and_the_database_id(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    lone = conduct(store, question_set, UNHAPPY, meta=LONE_SALES)
    out = tmp_path / "named.json"

    export_json(store, out, options=ExportOptions(per="interview", anonymise=False))

    document = json.loads(out.read_text(encoding="utf-8"))
    assert "anonymisation" not in document
    (interview,) = document["interviews"]
    assert interview["interview"] == lone
    assert (interview["department"], interview["role"]) == ("Sales", "Account executive")


def _row(department: str, role: str, month: str, location: str = "Berlin") -> dict[str, Any]:
    return {
        "department": department,
        "role": role,
        "location": location,
        "tenure_band": "2-5",
        "leaving_type": "voluntary",
        "started": month,
        "submitted": month,
        "language": "en",
    }


def test_only_the_interviews_that_need_it_are_coarsened_and_the_least_first() -> None:
    rows = [_row("Finance", "Accountant", "2026-11") for _ in range(6)]
    # Three alone by role and month, but five together in the fourth quarter.
    rows += [_row("IT", role, month) for role, month in [("Dev", "2026-10"), ("Ops", "2026-11")]]
    rows += [_row("IT", "Dev", "2026-12") for _ in range(3)]

    done = k_anonymise(rows, 5)

    assert min(_combinations(rows).values()) == 5
    assert rows[:6] == [_row("Finance", "Accountant", "2026-11")] * 6  # untouched
    assert all(r["role"] == WITHHELD and r["started"] == "2026-Q4" for r in rows[6:])
    assert {r["department"] for r in rows} == {"Finance", "IT"}
    assert "role withheld: 5; months shown as quarters: 5." in done.note()


def test_unrecorded_and_withheld_read_the_same() -> None:
    rows = [_row("Finance", "Accountant", "2026-11") for _ in range(5)]
    rows.append({**_row("Finance", "Accountant", "2026-11"), "location": None})

    k_anonymise(rows, 5)

    assert min(_combinations(rows).values()) >= 5
    assert {r["location"] for r in rows} <= {"Berlin", WITHHELD}
