"""What the HR officer records about an interview: leaving type, regrettable, a private note."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_aggregates import UNHAPPY, conduct

from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.reports.export_csv_json import ExportOptions, export_csv, export_json
from exitbot_desktop.engine.store.vault import Store

pytestmark = pytest.mark.every_store  # the embedded file, and sealed as on a server

NOTE = "Spoke to her manager on Friday; offered a transfer."


def test_a_review_is_kept_and_audited_without_the_note_text(
    store: Store, question_set: QuestionSet
) -> None:
    interview_id = conduct(store, question_set, UNHAPPY, meta=InterviewMeta(department="Sales"))

    store.interviews.review(interview_id, leaving_type="voluntary", regrettable=True, hr_note=NOTE)

    record = store.interviews.load(interview_id)
    assert (record.meta.leaving_type, record.regrettable, record.hr_note) == (
        "voluntary",
        True,
        NOTE,
    )
    entry = store.audit.entries(limit=1)[0]
    assert entry.action == "interview_reviewed"
    assert entry.detail["changed"] == ["hr_note", "leaving_type", "regrettable"]
    assert NOTE not in str(entry.detail)


def test_saving_the_same_review_again_writes_nothing(
    store: Store, question_set: QuestionSet
) -> None:
    interview_id = conduct(store, question_set, UNHAPPY)
    store.interviews.review(interview_id, leaving_type=None, regrettable=False, hr_note=None)
    before = len(store.audit.entries())

    store.interviews.review(interview_id, leaving_type=None, regrettable=False, hr_note=None)

    assert len(store.audit.entries()) == before


def test_the_private_note_never_leaves_in_an_export(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    interview_id = conduct(store, question_set, UNHAPPY)
    store.interviews.review(interview_id, leaving_type=None, regrettable=True, hr_note=NOTE)
    named = ExportOptions(per="interview", anonymise=False)

    export_csv(store, tmp_path / "a.csv")
    export_json(store, tmp_path / "b.json", options=named)

    for path in (tmp_path / "a.csv", tmp_path / "b.json"):
        assert "Friday" not in path.read_text(encoding="utf-8")
