"""Aggregates and the analysis pipeline, as HR reads them: counts that add up, small
groups that never show, and analysis that is stored once per answer however often it runs.

`conduct` runs a real interview through `InterviewSession`; the report tests use it too.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pytest
from sqlalchemy import func, select, update

from bench.synthetic import populate
from exitbot_desktop.engine.analysis import aggregates, pipeline
from exitbot_desktop.engine.filters import Filters
from exitbot_desktop.engine.followup_policy import Followup
from exitbot_desktop.engine.interview import Answered, InterviewSession, Skipped
from exitbot_desktop.engine.metadata import TENURE_BANDS, InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.settings import DEFAULTS
from exitbot_desktop.engine.store.models import AnalysisRow, Answer, Interview
from exitbot_desktop.engine.store.vault import Store

pytestmark = pytest.mark.every_store  # the embedded file, and a real server that seals

SKIP = object()


def conduct(
    store: Store,
    question_set: QuestionSet,
    answers: Mapping[str, object],
    *,
    meta: InterviewMeta | None = None,
    followups: Mapping[str, str] | None = None,
    stop_at: str | None = None,
    language: str = "en",
) -> int:
    """Walk one interview as the employee would; unlisted questions are skipped.

    With `stop_at` the employee leaves at that question and the interview stays
    unfinished; otherwise it is submitted and analysed the way the app does after submit.
    """
    session = InterviewSession.start(
        store, question_set, language=language, meta=meta or InterviewMeta(department="Sales")
    )
    session.consent()
    while (question := session.current().question) is not None:
        if question.id == stop_at:
            return session.id
        value = answers.get(question.id, SKIP)
        outcome = session.respond(Skipped() if value is SKIP else Answered(value))
        reply = (followups or {}).get(question.id)
        if reply is not None:
            assert outcome.followup is not None, f"no follow-up was due after {question.id}"
            session.record_followup(Followup("Could you say more?", "rules"))
            outcome = session.reply_to_followup(reply)
        if outcome.step.question == question:
            session.go_on()  # past a follow-up or support message this interview does not take
    session.submit()
    pipeline.analyse_interview(store, session.id)
    return session.id


UNHAPPY = {
    "main_reason": "manager",
    "main_reason_details": (
        "My manager was rude and unfair, shouted at me in meetings and I was miserable."
    ),
    "satisfaction_role": 2,
    "satisfaction_manager": 1,
    "recommend_employer": 3,
}
HAPPY = {
    "main_reason": "relocation",
    "main_reason_details": "My partner's employer is sending us overseas, so we are moving abroad.",
    "satisfaction_role": 5,
    "satisfaction_manager": 4,
    "recommend_employer": 10,
}


def test_counts_ratings_enps_and_themes_add_up_over_real_interviews(
    store: Store, question_set: QuestionSet
) -> None:
    for _ in range(3):
        conduct(store, question_set, UNHAPPY, followups={"main_reason_details": "Since May."})
    for _ in range(2):
        conduct(store, question_set, HAPPY)
    conduct(store, question_set, UNHAPPY, stop_at="satisfaction_team")

    agg = aggregates.compute(store)

    assert (agg.started, agg.completed) == (6, 5)
    assert agg.completion_rate == pytest.approx(5 / 6)
    ratings = {d.question_id: d for d in agg.distributions}
    assert ratings["satisfaction_manager"].average == pytest.approx((3 * 1 + 2 * 4) / 5)
    assert dict(ratings["satisfaction_role"].counts) == {"1": 0, "2": 3, "3": 0, "4": 0, "5": 2}
    assert dict(ratings["main_reason"].counts)["My manager"] == 3
    assert (agg.enps.promoters, agg.enps.passives, agg.enps.detractors) == (2, 0, 3)
    assert agg.enps.score == pytest.approx(100 * (2 - 3) / 5)
    assert dict(agg.themes)["manager"] == 3
    assert dict(agg.themes)["relocation"] == 2
    assert agg.sentiment["negative"] >= 3
    assert dict(agg.flags) == {"harassment": 3}
    assert agg.followups_asked == agg.followups_answered == 3
    assert agg.followup_rate == pytest.approx(3 / 5)
    funnel = {q.question_id: q for q in agg.questions}
    assert funnel["satisfaction_team"].dropped_here == 1
    assert funnel["main_reason"].reached == 6
    assert funnel["satisfaction_team"].skipped == 5
    assert funnel["main_reason_details"].median_length is not None
    assert agg.monthly[-1].completed == 5


def test_a_department_of_three_never_appears_in_any_breakdown(store: Store) -> None:
    populate(store, 120, department_sizes={"Legal": 3})

    agg = aggregates.compute(store)

    by_department = next(b for b in agg.breakdowns if b.dimension == "department")
    labels = {row.label for b in agg.breakdowns for row in b.rows}
    assert "Legal" not in labels
    assert by_department.suppressed_groups >= 1
    assert all(row.interviews >= 5 for b in agg.breakdowns for row in b.rows)
    assert sum(r.interviews for r in by_department.rows) + by_department.suppressed_interviews == (
        agg.completed
    )


def test_a_lone_small_group_cannot_be_worked_out_by_subtraction(store: Store) -> None:
    """Totals minus the shown departments would reveal the hidden one, so one more hides."""
    populate(store, 60, department_sizes={"Legal": 2})

    agg = aggregates.compute(store)

    by_department = next(b for b in agg.breakdowns if b.dimension == "department")
    assert by_department.suppressed_groups >= 2
    assert by_department.suppressed_interviews >= agg.min_group_size
    for breakdown in agg.breakdowns:
        assert breakdown.suppressed_interviews == 0 or (
            breakdown.suppressed_interviews >= agg.min_group_size
        )


def test_tenure_breakdown_uses_words_not_ids(store: Store) -> None:
    populate(store, 200)
    tenure = next(b for b in aggregates.compute(store).breakdowns if b.dimension == "tenure_band")
    words = set(TENURE_BANDS.values()) | {aggregates.NOT_RECORDED}
    assert {row.label for row in tenure.rows} <= words


def test_the_minimum_group_size_setting_is_honoured(store: Store) -> None:
    populate(store, 60, department_sizes={"Legal": 8})
    store.settings.set("min_group_size", 20)

    agg = aggregates.compute(store)

    assert agg.min_group_size == 20
    assert all(row.interviews >= 20 for b in agg.breakdowns for row in b.rows)
    store.settings.set("min_group_size", "nonsense")
    assert aggregates.compute(store).min_group_size == DEFAULTS.min_group_size


def test_a_selection_smaller_than_the_group_size_is_withheld(store: Store) -> None:
    populate(store, 80, department_sizes={"Legal": 3})

    legal = aggregates.compute(store, Filters(department="Legal"))

    assert legal.completed <= 3
    assert legal.withheld
    assert not aggregates.compute(store).withheld


def test_filters_by_department_and_date_narrow_the_selection(store: Store) -> None:
    populate(store, 200, months=12)
    everything = aggregates.compute(store)

    sales = aggregates.compute(store, Filters(department="Sales"))
    first_quarter = aggregates.compute(
        store, Filters(date_from=date(2024, 1, 1), date_to=date(2024, 3, 31))
    )

    assert 0 < sales.created < everything.created
    assert {b.rows[0].label for b in sales.breakdowns if b.dimension == "department"} == {"Sales"}
    assert 0 < first_quarter.created < everything.created
    assert {m.month for m in first_quarter.monthly} <= {"2024-01", "2024-02", "2024-03"}
    assert Filters(department="Sales", date_from=date(2024, 1, 1)).describe() == (
        "2024-01-01 to today · Department: Sales"
    )
    assert Filters().describe() == "All interviews"


def test_empty_database_gives_zeroes_not_errors(store: Store) -> None:
    agg = aggregates.compute(store)

    assert (agg.created, agg.completed, agg.completion_rate, agg.enps.score) == (0, 0, None, None)
    assert agg.withheld


def _analysis_rows(store: Store, interview_id: int) -> list[tuple[int | None, str, str]]:
    with store.database.transaction() as s:
        rows = s.execute(
            select(AnalysisRow.answer_id, AnalysisRow.kind, AnalysisRow.provenance)
            .where(AnalysisRow.interview_id == interview_id)
            .order_by(AnalysisRow.answer_id, AnalysisRow.kind)
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def test_running_the_pipeline_again_replaces_rather_than_adds(
    store: Store, question_set: QuestionSet
) -> None:
    interview_id = conduct(store, question_set, UNHAPPY)
    first = _analysis_rows(store, interview_id)

    pipeline.analyse_interview(store, interview_id)
    pipeline.analyse_interview(store, interview_id)

    assert _analysis_rows(store, interview_id) == first
    kinds = [kind for _, kind, _ in first]
    assert kinds.count("summary") == 1
    assert ("sentiment", "rating") in {(k, p) for _, k, p in first}


EDITED = "The pay was far below market and the bonus was cut."


def test_an_edited_answer_gets_fresh_analysis(store: Store, question_set: QuestionSet) -> None:
    interview_id = conduct(store, question_set, HAPPY)
    with store.database.transaction() as s:
        answer_id = s.scalar(
            select(Answer.id).where(
                Answer.interview_id == interview_id, Answer.question_id == "main_reason_details"
            )
        )
        s.execute(
            update(Answer)
            .where(Answer.id == answer_id)
            .values(text=store.database.seal("answers", "text", answer_id, EDITED))
        )
    assert answer_id is not None

    pipeline.analyse_interview(store, interview_id)

    with store.database.transaction() as s:
        stored = s.scalars(
            select(AnalysisRow.payload).where(
                AnalysisRow.answer_id == answer_id, AnalysisRow.kind == "themes"
            )
        ).all()
    assert stored == [{"themes": ["compensation_benefits"]}]


def test_a_model_may_refine_themes_and_write_the_summary_with_its_name_kept(
    store: Store, question_set: QuestionSet
) -> None:
    interview_id = conduct(store, question_set, UNHAPPY)

    def model(prompt: str) -> str:
        if "Labels:" in prompt:
            return "manager, wellbeing"
        return "The employee left because of a manager who shouted and gave no feedback."

    pipeline.analyse_interview(store, interview_id, model, "gemma3-270m")

    rows = _analysis_rows(store, interview_id)
    assert ("themes", "lexicon+llm:gemma3-270m") in {(k, p) for _, k, p in rows}
    assert (None, "summary", "gemma3-270m") in rows


def test_a_failing_model_leaves_the_lexicon_results(
    store: Store, question_set: QuestionSet
) -> None:
    interview_id = conduct(store, question_set, HAPPY)

    def broken(prompt: str) -> str:
        raise ConnectionError("model server went away")

    summary = pipeline.analyse_interview(store, interview_id, broken, "gemma")

    assert summary.provenance == "extractive"
    assert "moving abroad" in summary.text
    provenances = {p for _, kind, p in _analysis_rows(store, interview_id) if kind == "themes"}
    assert provenances == {"lexicon"}  # the model gave nothing, so nothing claims it


def test_distress_in_an_answer_marks_the_interview_for_care(
    store: Store, question_set: QuestionSet
) -> None:
    interview_id = conduct(
        store,
        question_set,
        {"main_reason_details": "Honestly I have thoughts of ending my life because of this job."},
    )
    with store.database.transaction() as s:
        assert s.scalar(select(Interview.needs_care).where(Interview.id == interview_id))
        assert s.scalar(select(func.count()).select_from(AnalysisRow)) > 0
