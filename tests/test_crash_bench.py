"""The fast part of `bench/crash.py` in CI: one kill in each kind of moment, rules only."""

from __future__ import annotations

import pytest

from bench.crash import Figures, Told, _check_resume, main
from bench.interview_driver import TEXT_ANSWER, value_for
from exitbot_desktop.engine.interview import Answered, InterviewSession
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.store.vault import Store


def test_three_interviews_killed_at_random_moments_lose_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["--runs", "3", "--backend", "rules", "--seed", "3"])

    report = capsys.readouterr().out
    assert "killed during a commit / stream / analysis       1/1/1" in report
    assert "answers lost                                         0  target 0  PASS" in report
    assert report.rstrip().endswith("PASS") and code == 0, report


def test_a_kill_between_a_commit_and_its_report_still_resumes_at_that_answer(
    store: Store, question_set: QuestionSet
) -> None:
    """The answer reached the database, the driver was never told: the interview resumes
    at that answer (its follow-up was due), which the bench must accept."""
    session = InterviewSession.start(store, question_set, language="en", meta=InterviewMeta())
    first = session.consent().step.question
    assert first is not None
    session.respond(Answered(value_for(first)))
    told = Told(interview=session.id, committed={first.id: value_for(first)})
    outcome = session.respond(Answered(TEXT_ANSWER))  # committed; the kill comes now
    assert outcome.followup is not None and outcome.step.question is not None
    figures = Figures()

    _check_resume(store, told, figures, 57, InterviewSession)

    assert (figures.resume_failures, figures.problems) == (0, [])
