"""One whole interview driven through the engine as the station drives it.

Owns `drive_interview`, used by `crash.py`, `soak.py` and the network test: consent,
every shown question answered (written ones in words), each follow-up streamed from the
generator, recorded and replied to, then submit. `report` hears what happens, in the
order it happens: ("commit",) before each answer or reply is committed, ("committed",
question id, value) and ("replied", question id) after, ("stream",) before a follow-up
is generated and ("submitted", interview id) at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from exitbot_desktop.engine.interview import Answered, InterviewSession
from exitbot_desktop.engine.llm.followup_generator import FollowupGenerator
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import Question, QuestionSet
from exitbot_desktop.engine.store.interview_store import InterviewStore

TEXT_ANSWER = (
    "My manager kept changing priorities and the commute took two hours a day, "
    "so I stopped seeing a future for myself here."
)
REPLY = "Mostly the travel, and nobody asked how we were doing."


class Driven(NamedTuple):
    """The submitted interview and the follow-ups its employee saw."""

    interview_id: int
    followups: list[str]


def value_for(question: Question) -> object:
    """An answer a real employee could give to `question`."""
    if question.type == "text":
        return TEXT_ANSWER
    if question.type == "single_choice":
        return question.choices[0].id
    if question.type == "multiple_choice":
        return [question.choices[0].id]
    return {"rating": 2, "scale_0_10": 3, "yes_no": False}[question.type]


def drive_interview(
    store: InterviewStore,
    question_set: QuestionSet,
    generator: FollowupGenerator,
    *,
    meta: InterviewMeta | None = None,
    report: Callable[..., None] = lambda *_event: None,
) -> Driven:
    """Run one interview to its submission."""
    session = InterviewSession.start(
        store, question_set, language="en", meta=meta or InterviewMeta(leaving_type="voluntary")
    )
    generator.begin_interview("en")
    report("started", session.id)
    asked: list[str] = []
    outcome = session.consent()
    while not outcome.step.in_review:
        question = outcome.step.question
        assert question is not None
        value = value_for(question)
        report("commit")
        outcome = session.respond(Answered(value))
        report("committed", question.id, value)
        if outcome.followup is not None:
            report("stream")
            followup = generator.generate(outcome.followup)
            assert followup is not None
            asked.append(followup.text)
            session.record_followup(followup)
            report("commit")
            outcome = session.reply_to_followup(REPLY)
            report("replied", question.id)
        if outcome.step.question == question:
            outcome = session.go_on()
    report("commit")
    session.submit()
    report("submitted", session.id)
    return Driven(session.id, asked)
