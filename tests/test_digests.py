"""Interview digests, which the aggregates read instead of every answer: never stale after
a later change, gone with an erased interview, rebuilt when missing, and free of words."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from conftest import PASSWORD
from sqlalchemy import delete, func, select, update
from test_aggregates import HAPPY, UNHAPPY, conduct

from bench.synthetic import populate
from exitbot_desktop.engine.analysis import aggregates
from exitbot_desktop.engine.filters import Filters, Selection
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.records import AnalysisEntry
from exitbot_desktop.engine.store import digests, vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.models import InterviewDigest

pytestmark = pytest.mark.every_store  # the embedded file, and a real server that seals


def _digest_count(store: vault.Store) -> int:
    with store.database.transaction() as s:
        return s.scalar(select(func.count()).select_from(InterviewDigest)) or 0


def test_themes_corrected_after_submit_show_in_the_figures_at_once(
    store: vault.Store, question_set: QuestionSet
) -> None:
    interview_id = conduct(store, question_set, HAPPY)
    assert "compensation_benefits" not in dict(aggregates.compute(store, group_size=1).themes)
    details = next(
        a
        for a in store.interviews.load(interview_id).answers
        if a.question_id == "main_reason_details"
    )
    store.analysis.replace_for_answer(
        interview_id,
        details.id,
        [AnalysisEntry(details.id, "themes", {"themes": ["compensation_benefits"]}, "hr")],
    )
    agg = aggregates.compute(store, group_size=1)
    assert dict(agg.themes)["compensation_benefits"] == 1
    assert agg.provenance["themes: hr"] == 1


def test_only_completed_interviews_have_a_digest_and_an_erased_one_takes_it_along(
    store: vault.Store, question_set: QuestionSet
) -> None:
    done = conduct(store, question_set, UNHAPPY)
    conduct(store, question_set, UNHAPPY, stop_at="satisfaction_team")
    assert _digest_count(store) == 1

    store.interviews.delete(done)

    assert _digest_count(store) == 0
    agg = aggregates.compute(store, group_size=1)
    assert (agg.started, agg.completed, agg.themes) == (1, 0, ())


def test_the_digest_holds_no_words_of_the_answers(
    store: vault.Store, question_set: QuestionSet
) -> None:
    conduct(store, question_set, UNHAPPY, followups={"main_reason_details": "Since May, daily."})
    [(_, facts)] = store.reports.digests(Selection(Filters()))
    for words in ("rude", "shouted", "miserable", "Since May"):
        assert words not in facts
    assert '"manager"' in facts  # the chosen main reason is a category, and is counted


def test_missing_or_outdated_digests_are_rebuilt_when_the_database_opens(
    store: vault.Store, folder: DataFolder
) -> None:
    populate(store, 60, start=datetime.now() - timedelta(days=90), months=3)
    before = aggregates.compute(store, group_size=1)
    with store.database.transaction() as s:
        first = s.scalar(select(func.min(InterviewDigest.interview_id)))
        # A database from before schema 4 has none; an older FORMAT's are not read.
        s.execute(delete(InterviewDigest).where(InterviewDigest.interview_id < first + 20))
        s.execute(update(InterviewDigest).values(format=digests.FORMAT - 1, facts="{}"))
    store.close()

    with vault.unlock(folder, user="alice", password=PASSWORD) as reopened:
        assert aggregates.compute(reopened, group_size=1) == before
        assert _digest_count(reopened) == before.completed


def test_the_bulk_generator_writes_the_digests_the_store_would(store: vault.Store) -> None:
    """`bench/synthetic.py` writes digests itself (asking the store to build 100,000 of
    them took minutes on a server); they are the ones the store builds."""
    populate(store, 40)
    made = dict(store.reports.digests(Selection(Filters())))
    with store.database.transaction() as s:
        s.execute(delete(InterviewDigest))
    assert store.digests.build_missing() == len(made) > 20
    assert dict(store.reports.digests(Selection(Filters()))) == made
