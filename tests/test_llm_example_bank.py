"""The worked examples: written to pass the guard, chosen for each answer, so there is
nothing fixed for a small model to copy."""

from __future__ import annotations

import pytest

from exitbot_desktop.engine.analysis.themes import THEMES
from exitbot_desktop.engine.followup_policy import FollowupRequest
from exitbot_desktop.engine.language import guess_language
from exitbot_desktop.engine.llm.content_words import content_stems
from exitbot_desktop.engine.llm.example_bank import (
    BANK,
    Example,
    choose_examples,
    standing_examples,
)
from exitbot_desktop.engine.llm.guard import check_followup


def _examples() -> list[tuple[str, Example]]:
    return [(language, example) for language, bank in BANK.items() for example in bank]


@pytest.mark.parametrize(("language", "example"), _examples())
def test_every_example_is_a_follow_up_the_guard_lets_through_in_its_language(
    language: str, example: Example
) -> None:
    request = FollowupRequest("q", example.question, example.answer, language)
    assert check_followup(example.followup, request).ok
    assert guess_language(example.followup) in (None, language)
    # The habit the model should learn: take up a word of the answer.
    assert content_stems(example.followup) & content_stems(example.answer)


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_theme_has_examples_for_praise_and_for_complaint(language: str) -> None:
    bank = BANK[language]
    assert {e.theme for e in bank} >= set(THEMES)
    assert {e.tone for e in bank} == {"positive", "neutral", "negative"}
    for theme in ("manager", "compensation_benefits", "career_development", "work_environment"):
        assert {e.tone for e in bank if e.theme == theme} >= {"positive", "negative"}


def test_the_example_nearest_the_answer_fits_its_theme_and_tone() -> None:
    praise = FollowupRequest(
        "manager",
        "How would you describe your relationship with your manager?",
        "My manager was wonderful, she always backed me up.",
        "en",
    )
    complaint = FollowupRequest(
        "manager",
        "How would you describe your relationship with your manager?",
        "My manager ignored my emails for weeks.",
        "en",
    )
    assert choose_examples(praise)[-1].theme == "manager"
    assert choose_examples(praise)[-1].tone == "positive"
    assert choose_examples(complaint)[-1].tone == "negative"


def test_examples_come_from_different_themes_and_differ_between_answers() -> None:
    pay = FollowupRequest("pay", "How was your pay?", "The salary was far below market.", "en")
    commute = FollowupRequest(
        "other", "Were there other reasons?", "The commute to the new site took hours.", "en"
    )
    chosen = choose_examples(pay, 3)
    assert len(chosen) == 3
    assert len({e.theme for e in chosen}) == 3
    assert chosen[-1].theme == "compensation_benefits"
    assert choose_examples(commute, 3) != chosen
    assert choose_examples(pay, 3) == chosen  # the same answer, the same prompt (and cache)


def test_a_german_answer_gets_german_examples() -> None:
    request = FollowupRequest(
        "pay", "Wie war Ihr Gehalt?", "Das Gehalt lag weit unter dem Markt.", "de"
    )
    assert all(e in BANK["de"] for e in choose_examples(request))


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_standing_examples_cover_every_theme_once_in_every_tone(language: str) -> None:
    standing = standing_examples(language)
    assert [e.theme for e in standing] == list(dict.fromkeys(e.theme for e in BANK[language]))
    assert {e.tone for e in standing} == {"positive", "neutral", "negative"}
    assert standing_examples(language) == standing  # the same every time: one cache
