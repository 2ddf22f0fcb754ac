"""Ranking the model's samples: the one an interviewer would ask about this answer wins."""

from __future__ import annotations

from exitbot_desktop.engine.followup_policy import FollowupRequest
from exitbot_desktop.engine.llm.candidates import GOOD_FIT, fit

COMMUTE = FollowupRequest(
    "other", "Were there other reasons?", "The commute to the new depot took two hours.", "en"
)
PRAISE = FollowupRequest(
    "team", "How was working with your team?", "Wonderful colleagues, always helpful.", "en"
)


def test_taking_up_the_answers_words_beats_a_stock_line() -> None:
    specific = "What would have made the commute to the depot workable for you?"
    stock = "Could you tell me a bit more about that?"
    assert fit(specific, COMMUTE) >= GOOD_FIT > fit(stock, COMMUTE)


def test_a_short_question_beats_a_rambling_one_on_the_same_words() -> None:
    short = "How did the commute to the depot affect you?"
    rambling = (
        "Thinking back over all those months, how did the long commute to the new depot "
        "affect your week, your family and your evenings?"
    )
    assert fit(short, COMMUTE) > fit(rambling, COMMUTE)


def test_asking_what_should_change_only_fits_a_complaint() -> None:
    kind = "What made your colleagues so helpful?"
    change = "What would you change about your colleagues?"
    assert fit(kind, PRAISE) > fit(change, PRAISE)
