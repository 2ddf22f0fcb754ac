"""The HR interview list through the engine: pages, filters, word search, sort, receipts.

Real interviews walked through `InterviewSession` (and analysed as after submit) in a
real encrypted database; a bulk-built set for paging.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_aggregates import HAPPY, UNHAPPY, conduct

from bench.synthetic import populate
from exitbot_desktop.engine.analysis import aggregates
from exitbot_desktop.engine.filters import Filters, Selection
from exitbot_desktop.engine.interview_list import ListQuery, ListRow
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.reports.export_csv_json import ExportOptions, export_csv
from exitbot_desktop.engine.store.vault import Store

pytestmark = pytest.mark.every_store  # the embedded file, and a real server that seals

HARASSED = {
    **UNHAPPY,
    "main_reason_details": "A colleague harassed me for months and nobody stopped it.",
}


def _ids(rows: tuple[ListRow, ...]) -> list[int]:
    return [row.id for row in rows]


@pytest.fixture
def office(store: Store, question_set: QuestionSet) -> dict[str, int]:
    """Five interviews an HR office could have: unhappy, happy, harassed, unfinished, paper."""
    made = {
        "unhappy": conduct(
            store,
            question_set,
            UNHAPPY,
            meta=InterviewMeta(department="Sales", role="Account manager", tenure_band="2-5"),
            followups={"main_reason_details": "Since May, every single week."},
        ),
        "happy": conduct(
            store, question_set, HAPPY, meta=InterviewMeta(department="Finance", role="Analyst")
        ),
        "harassed": conduct(
            store, question_set, HARASSED, meta=InterviewMeta(department="Logistics")
        ),
        "unfinished": conduct(
            store,
            question_set,
            UNHAPPY,
            meta=InterviewMeta(department="Sales"),
            stop_at="satisfaction_team",
        ),
    }
    set_pk = store.question_sets.snapshot({"id": "legacy", "version": 1, "questions": []})
    paper = store.interviews.create(
        set_pk, "en", InterviewMeta(department="Sales"), source="import"
    )
    store.interviews.complete(paper)
    made["paper"] = paper
    return made


def test_each_row_shows_what_hr_scans_for(store: Store, office: dict[str, int]) -> None:
    rows = {row.id: row for row in store.interview_list.page(ListQuery(), 0, 50).rows}

    unhappy = rows[office["unhappy"]]
    assert (unhappy.department, unhappy.role, unhappy.tenure_band) == (
        "Sales",
        "Account manager",
        "2-5",
    )
    assert unhappy.status == "completed" and unhappy.receipt_code is not None
    assert unhappy.themes[0] == "manager"
    assert unhappy.sentiment == "negative"
    assert unhappy.followups == 1
    assert rows[office["happy"]].followups == 0
    assert "harassment" in rows[office["harassed"]].flags
    assert rows[office["happy"]].flags == ()
    assert rows[office["unfinished"]].status == "unfinished"
    assert rows[office["paper"]].status == "imported"
    assert rows[office["paper"]].sentiment is None  # nothing written to judge


def test_newest_first_by_default_and_count_matches(store: Store, office: dict[str, int]) -> None:
    page = store.interview_list.page(ListQuery(), 0, 50)

    assert _ids(page.rows) == sorted(office.values(), reverse=True)
    assert page.total == 5


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(department="Sales"), {"unhappy", "unfinished", "paper"}),
        (Filters(status="unfinished"), {"unfinished"}),
        (Filters(status="imported"), {"paper"}),
        (Filters(source="import"), {"paper"}),
        (
            Filters(source="station", status="completed"),
            {"unhappy", "happy", "harassed"},
        ),
        (Filters(theme="manager"), {"unhappy", "unfinished"}),
        (Filters(tone="negative"), {"unhappy", "harassed", "unfinished"}),
        (
            Filters(urgent_only=True),
            {"unhappy", "harassed", "unfinished"},
        ),  # shouting too
        (Filters(words="PARTNER's"), {"happy"}),  # case does not matter
        (
            Filters(words="shouted meetings"),
            {"unhappy", "unfinished"},
        ),  # every word
        (Filters(words="shouted partner"), set()),
        (
            Filters(words="every single week"),
            {"unhappy"},
        ),  # follow-up replies count
        (Filters(words="100%"), set()),  # % is a character, not a wildcard
        (Filters(date_to=date(2020, 1, 1)), set()),
    ],
)
def test_filters_and_word_search(
    store: Store, office: dict[str, int], filters: Filters, expected: set[str]
) -> None:
    names = {iid: name for name, iid in office.items()}

    page = store.interview_list.page(ListQuery(filters=filters), 0, 50)

    assert {names[iid] for iid in _ids(page.rows)} == expected
    assert page.total == len(expected)


def test_a_receipt_code_finds_its_interview_whatever_the_case(
    store: Store, office: dict[str, int]
) -> None:
    code = store.interviews.load(office["happy"]).receipt_code
    assert code is not None

    page = store.interview_list.page(ListQuery(receipt_code=f"  {code.lower()} "), 0, 50)

    assert _ids(page.rows) == [office["happy"]]
    assert store.interview_list.page(ListQuery(receipt_code="EX-NOPE0000"), 0, 50).total == 0


def test_sorting_by_a_column_and_by_tone(store: Store, office: dict[str, int]) -> None:
    def rows(query: ListQuery) -> tuple[ListRow, ...]:
        return store.interview_list.page(query, 0, 50).rows

    by_department = rows(ListQuery(sort="department", descending=False))
    by_tone = rows(ListQuery(sort="sentiment", descending=False))
    by_followups = rows(ListQuery(sort="followups"))

    departments = [row.department for row in by_department]
    assert departments == sorted(departments, key=lambda d: d or "")
    assert by_tone[0].sentiment == "negative"
    assert by_tone[-1].id == office["paper"]  # no tone at all: last, whichever way
    assert by_followups[0].id == office["unhappy"]


def test_pages_cover_every_interview_once(store: Store) -> None:
    populate(store, 230)
    query = ListQuery(sort="department", descending=False)

    pages = [store.interview_list.page(query, offset, 100) for offset in (0, 100, 200, 300)]

    assert [len(p.rows) for p in pages] == [100, 100, 30, 0]
    assert {p.total for p in pages} == {230}  # past the end too
    ids = [iid for page in pages for iid in _ids(page.rows)]
    assert len(set(ids)) == 230


def test_reports_and_exports_cover_exactly_what_the_list_shows(
    store: Store, office: dict[str, int], tmp_path: Path
) -> None:
    """One filter model: the list, the aggregates and an export select the same interviews."""
    filters = Filters(theme="manager", words="shouted")
    listed = store.interview_list.page(ListQuery(filters=filters), 0, 50)

    figures = aggregates.compute(store, filters)
    rows = export_csv(store, tmp_path / "a.csv", Selection(filters), ExportOptions(per="interview"))

    assert _ids(listed.rows) and {office["unhappy"], office["unfinished"]} == set(_ids(listed.rows))
    assert (figures.created, figures.completed) == (2, 1)
    assert rows == 2
    assert "Theme: manager · Words: shouted" in filters.describe()
