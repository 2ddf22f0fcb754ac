"""Which of several follow-ups the model wrote for one answer fits that answer best.

Owns `fit` and `GOOD_FIT`. A small model sampled a few times writes a few different
questions; every one the guard passed may be asked, and this ranks them as an
interviewer would: one that takes up the answer's own words beats one that could
follow any answer, a stock phrase loses, a short question beats a long one, and asking
what should change only fits an answer that complained.
Never imports Qt.
"""

from __future__ import annotations

from exitbot_desktop.engine.analysis.sentiment import sentiment_of_text
from exitbot_desktop.engine.followup_policy import FollowupRequest
from exitbot_desktop.engine.llm.content_words import content_stems
from exitbot_desktop.engine.llm.guard import asks_what_went_wrong
from exitbot_desktop.engine.llm.stock_lines import generic_lines

GOOD_FIT = 3  # takes up a word of the answer and reads well: no need to sample more
_SHORT_WORDS, _LONG_WORDS = 5, 20

_STOCK = frozenset(stem for line in generic_lines() for stem in content_stems(line))


def fit(text: str, request: FollowupRequest) -> int:
    """How well a guarded follow-up fits its answer; higher is better."""
    ours = content_stems(text)
    shared = ours & content_stems(request.answer_text)
    score = 2 * min(len(shared), 2)
    words = len(text.split())
    if _SHORT_WORDS <= words <= _LONG_WORDS:
        score += 1
    if not shared and ours <= _STOCK:
        score -= 2  # a stock line that fits any answer
    if asks_what_went_wrong(text, request.answer_text) and _tone(request) != "negative":
        score -= 2  # what to change, after an answer that complained of nothing
    return score


def _tone(request: FollowupRequest) -> str:
    return sentiment_of_text(
        request.answer_text, request.language, question=request.question_text
    ).label
