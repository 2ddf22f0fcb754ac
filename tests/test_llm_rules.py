"""The rules provider: always there, in the interview's language, never asks twice."""

from __future__ import annotations

import threading

import pytest

from exitbot_desktop.engine.followup_policy import FollowupRequest
from exitbot_desktop.engine.language import guess_language
from exitbot_desktop.engine.llm.backend import GenerationOptions, Message
from exitbot_desktop.engine.llm.guard import check_followup
from exitbot_desktop.engine.llm.rules import RulesBackend, rules_followup

THEMES = (
    "manager",
    "compensation_benefits",
    "career_development",
    "work_life_balance",
    "work_environment",
    "job_characteristics",
    "relocation",
)


def _request(answer: str, language: str = "en", **kwargs: object) -> FollowupRequest:
    return FollowupRequest(
        question_id=str(kwargs.pop("question_id", "other_reasons")),
        question_text=str(kwargs.pop("question_text", "Is there anything else?")),
        answer_text=answer,
        language=language,
        **kwargs,  # type: ignore[arg-type]
    )


def test_a_cue_in_the_answer_picks_a_matching_question() -> None:
    assert "boss" in rules_followup(_request("My boss ignored me."))
    assert "Gehalt" in rules_followup(_request("Das Gehalt war zu niedrig.", "de"))


@pytest.mark.parametrize(
    ("answer", "language", "expected"),
    [
        (
            "The commute doubled when the depot moved out of town.",
            "en",
            "You mentioned the commute. What would have made it workable for you?",
        ),
        (
            "Seit dem Umzug der Abteilung dauert mein Arbeitsweg eine Stunde.",
            "de",
            "Sie haben den Umzug erwähnt. Was hätte es für Sie machbar gemacht?",
        ),
        (
            "Endless overtime before every release.",
            "en",
            "You mentioned the overtime. What made it hard to manage?",
        ),
        (
            "Meine Chefin hat mir nie zugehört.",
            "de",
            "Sie haben Ihre Chefin erwähnt. Was hätten Sie dabei gebraucht?",
        ),
    ],
)
def test_the_rules_name_what_the_answer_is_about(answer: str, language: str, expected: str) -> None:
    assert rules_followup(_request(answer, language)) == expected


@pytest.mark.parametrize(
    ("answer", "language", "expected"),
    [
        (
            "My manager was the best I have had: fair, kind and always supportive.",
            "en",
            "You mentioned your manager. What did they do that helped you most?",
        ),
        (
            "Meine Chefin war großartig, fair und immer hilfsbereit.",
            "de",
            "Sie haben Ihre Chefin erwähnt. Was hat Ihnen dabei am meisten geholfen?",
        ),
        (
            "Flexible hours made family life so much easier, I loved it.",
            "en",
            "You mentioned the flexibility. What made it work so well for you?",
        ),
    ],
)
def test_after_praise_the_named_question_asks_what_made_it_good(
    answer: str, language: str, expected: str
) -> None:
    assert rules_followup(_request(answer, language)) == expected


def test_the_first_thing_the_answer_names_comes_first() -> None:
    followup = rules_followup(_request("My manager left, and then the commute got worse."))
    assert followup.startswith("You mentioned your manager.")


@pytest.mark.parametrize(
    ("answer", "language", "expected"),
    [
        ("Too slow.", "en", 'When you say "Too slow", what does that look like for you?'),
        ("Zu langsam.", "de", "Wenn Sie „Zu langsam“ schreiben: Wie sah das für Sie aus?"),
    ],
)
def test_a_short_answer_that_names_nothing_known_is_taken_up_in_its_own_words(
    answer: str, language: str, expected: str
) -> None:
    assert rules_followup(_request(answer, language)) == expected


def test_cues_match_whole_word_starts_only() -> None:
    followup = rules_followup(_request("I could not repay my loan."))
    assert "pay" not in followup


def test_the_question_id_names_the_topic_when_the_answer_has_no_cue() -> None:
    followup = rules_followup(
        _request(
            "It was slower than I had hoped for.",
            question_id="career_growth",
            question_text="How satisfied were you with your chances to grow here?",
        )
    )
    assert "grow" in followup or "develop" in followup


def test_the_same_answer_always_gets_the_same_follow_up() -> None:
    request = _request("Too many meetings.")
    assert rules_followup(request) == rules_followup(request)


@pytest.mark.parametrize("language", ["en", "de"])
def test_three_follow_ups_on_one_answer_are_all_different_and_all_pass_the_guard(
    language: str,
) -> None:
    asked: tuple[str, ...] = ()
    for _ in range(3):
        request = _request(
            "Overtime every week and no promotion.", language, previous_followups=asked
        )
        followup = rules_followup(request)
        assert followup not in asked
        assert check_followup(followup, request).ok
        asked += (followup,)


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("theme", THEMES)
def test_every_template_passes_the_guard_in_its_language(theme: str, language: str) -> None:
    asked: tuple[str, ...] = ()
    for _ in range(4):
        request = _request("-", language, themes=(theme,), previous_followups=asked)
        followup = rules_followup(request)
        assert check_followup(followup, request).ok
        assert guess_language(followup) in (None, language)
        asked += (followup,)


def test_the_rules_backend_streams_a_follow_up_for_the_last_answer() -> None:
    backend = RulesBackend()
    messages = [
        Message("system", "instructions"),
        Message("assistant", "Wie war die Zusammenarbeit im Team?"),
        Message("user", "Die Stimmung im Team war schlecht."),
    ]
    pieces = list(
        backend.stream_chat(messages, options=GenerationOptions(), cancel=threading.Event())
    )
    assert pieces == ["Sie haben die Stimmung erwähnt. Wie hat sich das im Alltag gezeigt?"]
    assert backend.is_available()
    assert backend.display_name == "Built-in questions (no AI model)"


@pytest.mark.parametrize(
    ("answer", "language"),
    [
        ("Wonderful years, everyone was fair, kind and always supportive.", "en"),
        ("Wunderbare Jahre, alle waren großartig, fair und immer hilfsbereit.", "de"),
    ],
)
def test_after_praise_the_rules_ask_what_made_it_good(answer: str, language: str) -> None:
    request = _request(
        answer,
        language,
        question_id="main_reason_details",
        question_text="What was the main reason you decided to leave?",
    )
    followup = rules_followup(request)
    assert followup in (
        "What made that work so well for you?",
        "Was hat das für Sie so gut gemacht?",
    )
    assert "differently" not in followup and "anders" not in followup
