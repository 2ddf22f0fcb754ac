"""What the HR officer records about an interview: leaving type, regrettable, a private note."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from test_aggregates import UNHAPPY, conduct

from exitbot_desktop.engine.errors import StaleEditError
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.records import HrReview
from exitbot_desktop.engine.reports.export_csv_json import ExportOptions, export_csv, export_json
from exitbot_desktop.engine.store.vault import Store

pytestmark = pytest.mark.every_store  # the embedded file, and a real server that seals

NOTE = "Spoke to her manager on Friday; offered a transfer."
UNJUDGED = HrReview(None, None, None)


def test_a_review_is_kept_and_audited_without_the_note_text(
    store: Store, question_set: QuestionSet
) -> None:
    interview_id = conduct(store, question_set, UNHAPPY, meta=InterviewMeta(department="Sales"))

    store.interviews.review(interview_id, HrReview("voluntary", True, NOTE), seen=UNJUDGED)

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
    store.interviews.review(interview_id, HrReview(None, False, None), seen=UNJUDGED)
    before = len(store.audit.entries())

    store.interviews.review(interview_id, HrReview(None, False, None), seen=UNJUDGED)

    assert len(store.audit.entries()) == before


def test_the_private_note_never_leaves_in_an_export(
    store: Store, question_set: QuestionSet, tmp_path: Path
) -> None:
    interview_id = conduct(store, question_set, UNHAPPY)
    store.interviews.review(interview_id, HrReview(None, True, NOTE), seen=UNJUDGED)
    named = ExportOptions(per="interview", anonymise=False)

    export_csv(store, tmp_path / "a.csv")
    export_json(store, tmp_path / "b.json", options=named)

    for path in (tmp_path / "a.csv", tmp_path / "b.json"):
        assert "Friday" not in path.read_text(encoding="utf-8")


def test_a_stale_review_is_refused_and_the_earlier_one_kept(
    store: Store, question_set: QuestionSet
) -> None:
    # Two HR officers open the same interview; both edit; the second to save started
    # from a review that is no longer there.
    interview_id = conduct(store, question_set, UNHAPPY)
    opened_by_a = store.interviews.load(interview_id).hr_review
    opened_by_b = store.interviews.load(interview_id).hr_review
    theirs = HrReview("voluntary", True, "B: offered a transfer, declined.")
    store.interviews.review(interview_id, theirs, seen=opened_by_b)
    audited = len(store.audit.entries())

    with pytest.raises(StaleEditError, match="Someone else saved a review of this interview"):
        store.interviews.review(
            interview_id, HrReview("involuntary", False, "A: restructuring"), seen=opened_by_a
        )

    assert store.interviews.load(interview_id).hr_review == theirs
    assert len(store.audit.entries()) == audited
    # Reopened, A starts from B's review and can save over it knowingly.
    mine = HrReview("voluntary", False, "A: agreed with B, not regrettable after all.")
    store.interviews.review(interview_id, mine, seen=store.interviews.load(interview_id).hr_review)
    assert store.interviews.load(interview_id).hr_review == mine


def test_two_officers_saving_at_once_never_lose_a_review_silently(
    store: Store, question_set: QuestionSet
) -> None:
    interview_id = conduct(store, question_set, UNHAPPY)
    seen = store.interviews.load(interview_id).hr_review
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def officer(name: str) -> None:
        start.wait()
        try:
            store.interviews.review(
                interview_id, HrReview(None, True, f"{name} was here"), seen=seen
            )
            outcomes[name] = "saved"
        except StaleEditError:
            outcomes[name] = "refused"

    threads = [threading.Thread(target=officer, args=(name,)) for name in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes.values()) == ["refused", "saved"]
    winner = next(name for name, outcome in outcomes.items() if outcome == "saved")
    assert store.interviews.load(interview_id).hr_note == f"{winner} was here"
