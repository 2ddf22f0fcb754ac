"""The guard stops what a small model gets wrong before an employee ever sees it."""

from __future__ import annotations

import pytest

from exitbot_desktop.engine.followup_policy import FollowupRequest
from exitbot_desktop.engine.llm.guard import check_followup

REQUEST = FollowupRequest(
    question_id="main_reason_details",
    question_text="What was the main reason you decided to leave?",
    answer_text="My manager never gave me feedback.",
    language="en",
    previous_followups=("What kind of feedback would have helped you?",),
)
GERMAN = FollowupRequest(
    question_id="main_reason_details",
    question_text="Was war der Hauptgrund für Ihre Entscheidung zu gehen?",
    answer_text="Meine Führungskraft hat mir nie Rückmeldung gegeben.",
    language="de",
)


@pytest.mark.parametrize(
    "text",
    [
        "How did the lack of feedback affect your work?",
        "What would good feedback from your manager have looked like?",
        "  When did you first notice this?  ",
    ],
)
def test_a_short_relevant_question_passes(text: str) -> None:
    assert check_followup(text, REQUEST).ok


def test_a_german_question_passes_in_a_german_interview() -> None:
    verdict = check_followup("Wie hat sich das auf Ihre Arbeit ausgewirkt?", GERMAN)
    assert verdict.ok, verdict.reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("<start_of_turn>model What happened?", "markup"),
        ("**What happened next?**", "markup"),
        ("Question: What happened?", "markup"),
        ("assistant: Why was that?", "markup"),
        ("That sounds hard.", "not_a_question"),
        ("What happened", "not_a_question"),
        ("What happened? And why did it matter?", "several_questions"),
        ("What " + "really " * 30 + "happened?", "too_long"),
        ("Wie hat sich das auf Ihre Arbeit ausgewirkt?", "wrong_language"),
        ("We will make sure you get a raise if you stay, okay?", "promise"),
        ("Can I promise you that this stays between us?", "promise"),
        ("Would you like to be rehired? HR can guarantee it?", "several_questions"),
        ("Have you thought about talking to a lawyer about this?", "advice"),
        ("Did you see a doctor about the stress?", "advice"),
        ("What was the main reason you decided to leave?", "repeats_question"),
        ("What was the main reason?", "repeats_question"),
        ("What kind of feedback would have helped you?", "repeats_followup"),
    ],
)
def test_each_broken_rule_is_named(text: str, reason: str) -> None:
    verdict = check_followup(text, REQUEST)
    assert not verdict.ok
    assert verdict.reason == reason


def test_english_in_a_german_interview_is_the_wrong_language() -> None:
    verdict = check_followup("How did that affect your work?", GERMAN)
    assert verdict.reason == "wrong_language"


def _about(answer: str, language: str = "en") -> FollowupRequest:
    question = (
        "What was the main reason you decided to leave?"
        if language == "en"
        else "Was war der Hauptgrund für Ihre Entscheidung zu gehen?"
    )
    return FollowupRequest("main_reason_details", question, answer, language)


@pytest.mark.parametrize(
    ("answer", "followup", "language"),
    [
        (
            "My team lead was wonderful: patient, fair and always on my side.",
            "What could your team lead have done differently?",
            "en",
        ),
        (
            "I loved the product and the customers; the best years of my career.",
            "What would you improve about the product?",
            "en",
        ),
        (
            "Die Kolleginnen waren herzlich und die Stimmung immer großartig.",
            "Was ist im Team schiefgelaufen?",
            "de",
        ),
    ],
)
def test_asking_what_went_wrong_after_praise_is_refused(
    answer: str, followup: str, language: str
) -> None:
    assert check_followup(followup, _about(answer, language)).reason == "tone_deaf"


def test_the_answers_own_words_are_not_asking_what_went_wrong() -> None:
    request = _about("I loved solving hard problems for our clients every day.")
    assert check_followup("Which problems for your clients did you like solving?", request).ok


@pytest.mark.parametrize(
    ("answer", "followup", "language"),
    [
        (
            "Benefits were poor. No dental cover, and the pension match is the legal minimum.",
            "Why are you satisfied with your pension?",
            "en",
        ),
        (
            "The rotas changed every week and nobody asked us.",
            "What did you enjoy most about the rotas?",
            "en",
        ),
        (
            "Die ständigen Rotationen der Dienstpläne haben mich zermürbt.",
            "Was hat Ihnen an den Dienstplänen am meisten Spaß gemacht?",
            "de",
        ),
    ],
)
def test_asking_what_was_good_after_a_complaint_is_refused(
    answer: str, followup: str, language: str
) -> None:
    assert check_followup(followup, _about(answer, language)).reason == "tone_inverted"


def test_asking_what_was_good_after_praise_is_fine() -> None:
    request = _about("My mentor was patient and the projects were interesting.")
    assert check_followup("What did you enjoy most about the projects?", request).ok


def test_asking_what_went_wrong_after_a_complaint_is_fine() -> None:
    request = _about("My team lead shouted at people and played favourites.")
    assert check_followup("What could your team lead have done differently?", request).ok


@pytest.mark.parametrize(
    ("answer", "followup", "verdict"),
    [
        # Another topic altogether: refused.
        ("The night shifts ruined my sleep.", "How would you rate the canteen food?", "off_topic"),
        # A word of the answer, in another form, or a pointer back at it: kept.
        ("The night shifts ruined my sleep.", "How often were you on a night shift?", ""),
        ("The night shifts ruined my sleep.", "When did that start?", ""),
        # A kind question built of nothing but a pointer back: kept.
        ("The night shifts ruined my sleep.", "How did that affect your day-to-day work?", ""),
        # Fluent, on the same theme, but about something the answer never mentioned.
        (
            "The salary was far below market.",
            "Which benefits would have made up for it?",
            "off_topic",
        ),
        (
            "Cliquey, and nobody took initiative.",
            "What kind of leadership style did you use?",
            "off_topic",
        ),
        (
            "Stress and sleepless nights.",
            "How long have you been working at this company?",
            "off_topic",
        ),
    ],
)
def test_a_question_that_ignores_the_answer_is_refused(
    answer: str, followup: str, verdict: str
) -> None:
    assert check_followup(followup, _about(answer)).reason == verdict


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("What have I been doing with the feedback since then?", "en"),
        ("How did my manager give you feedback?", "en"),
        ("Warum habe ich nie Rückmeldung von der Führungskraft bekommen?", "de"),
    ],
)
def test_a_question_in_the_employees_voice_is_refused(text: str, language: str) -> None:
    request = REQUEST if language == "en" else GERMAN
    assert check_followup(text, request).reason == "first_person"


@pytest.mark.parametrize(
    ("text", "request_"),
    [
        ("Could you tell me more about the feedback you missed?", REQUEST),
        ("Können Sie mir mehr über die fehlende Rückmeldung erzählen?", GERMAN),
    ],
)
def test_the_interviewer_may_say_tell_me(text: str, request_: FollowupRequest) -> None:
    assert check_followup(text, request_).ok


def test_a_german_interview_never_says_du() -> None:
    request = _about("Ich schlafe seit Monaten schlecht wegen der Nachtschichten.", "de")
    assert check_followup("Wie schläfst du seit den Nachtschichten?", request).reason == "informal"
    assert check_followup("Wie schlafen Sie seit den Nachtschichten?", request).ok


@pytest.mark.parametrize(
    ("answer", "followup", "language"),
    [
        # The answer mentions the private matter; asking about it is still not on.
        (
            "My wife found a job near the coast, so we are selling the flat.",
            "How long have you and your wife been married?",
            "en",
        ),
        (
            "My boyfriend and I want to live closer to the mountains.",
            "Is your boyfriend the reason you are leaving?",
            "en",
        ),
        (
            "I need more time at home in the evenings.",
            "Are you planning to have children soon?",
            "en",
        ),
        ("I need more time at home in the evenings.", "Are you pregnant?", "en"),
        (
            "Friday afternoons off would have helped me a lot.",
            "Is that for religious reasons?",
            "en",
        ),
        (
            "The long hours left me worn out by Thursday.",
            "How is your health after the long hours?",
            "en",
        ),
        (
            "I never felt I could be myself at the office.",
            "Is that about your sexual orientation?",
            "en",
        ),
        (
            "Unser Sohn kommt im Herbst in die Schule, deshalb ziehen wir um.",
            "Wie alt ist Ihr Sohn jetzt?",
            "de",
        ),
        (
            "Mein Partner hat eine Stelle in Hamburg bekommen.",
            "Ist Ihr Partner mit dem Umzug nach Hamburg glücklich?",
            "de",
        ),
        (
            "Ich brauche mehr Zeit für die Familie.",
            "Planen Sie, weitere Kinder zu bekommen?",
            "de",
        ),
        (
            "Die Schichtarbeit hat mich auf Dauer fertig gemacht.",
            "Welche Krankheit hat die Schichtarbeit bei Ihnen ausgelöst?",
            "de",
        ),
    ],
)
def test_a_question_about_the_employees_private_life_is_refused(
    answer: str, followup: str, language: str
) -> None:
    assert check_followup(followup, _about(answer, language)).reason == "intrusive"


@pytest.mark.parametrize(
    ("answer", "followup", "language"),
    [
        # Work matters that share a word with private ones.
        (
            "The health insurance was the best I ever had.",
            "What made the health insurance so valuable for you?",
            "en",
        ),
        (
            "Our business partners in Lyon were a pleasure to work with.",
            "What made working with the business partners in Lyon so good?",
            "en",
        ),
        (
            "Die Rotationen der Schichten haben mich zermürbt.",
            "Glauben Sie, dass feste Schichten Sie gehalten hätten?",
            "de",
        ),
        (
            "Frau Berger hat nie auf meine Anfragen reagiert.",
            "Wie oft haben Sie Frau Berger um eine Antwort gebeten?",
            "de",
        ),
    ],
)
def test_work_matters_that_sound_private_still_pass(
    answer: str, followup: str, language: str
) -> None:
    verdict = check_followup(followup, _about(answer, language))
    assert verdict.ok, verdict.reason
