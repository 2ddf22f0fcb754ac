"""Stories about answers worded in ways no word list foresaw: mixed feelings, negation,
complaints without a negative word, German as people type it, and the learned model.

Every sentence here was written for these tests; none comes from the labelled files the
word lists and the model were built from (`bench/analysis.py` measures those).
"""

from __future__ import annotations

import json

import pytest

from bench.train_analysis import Labelled, train
from exitbot_desktop.engine.analysis.learned import (
    AnalysisModel,
    LinearModel,
    features,
    shipped_model,
)
from exitbot_desktop.engine.analysis.sentiment import lexicon_sentiment, sentiment_of_text
from exitbot_desktop.engine.analysis.themes import THEMES, classify_themes, lexicon_themes
from exitbot_desktop.paths import resources_dir

# --- contrast and mixed feelings -------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "answer"),
    [
        ("en", "Wonderful colleagues, but the rota made family life impossible."),
        ("en", "The office is lovely, however the pay is poor."),
        ("en", "Friendly crowd, awful management."),
        ("de", "Die Kollegen waren super, aber die Bezahlung war mies."),
        ("de", "Nettes Team, jedoch ständig Überstunden und Stress."),
    ],
)
def test_praise_followed_by_a_complaint_reads_as_a_complaint(language: str, answer: str) -> None:
    assert sentiment_of_text(answer, language).label == "negative"


def test_a_complaint_softened_by_praise_afterwards_is_not_a_complaint() -> None:
    answer = "The canteen food was bad at times, but overall I was very happy here."
    assert sentiment_of_text(answer).label == "positive"


def test_mixed_answer_keeps_every_topic_it_mentions() -> None:
    themes = classify_themes("Great colleagues, but my wage never kept up with inflation.")
    assert {"work_environment", "compensation_benefits"} <= set(themes)


# --- negation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "answer"),
    [
        ("en", "I was not unhappy with the pension scheme."),
        ("en", "My line manager wasn't unfair, just busy."),
        ("de", "Mit dem Lohn war ich nicht unzufrieden."),
    ],
)
def test_negated_complaint_is_not_a_complaint(language: str, answer: str) -> None:
    assert sentiment_of_text(answer, language).label != "negative"


def test_negated_complaint_keeps_its_topic() -> None:
    themes = classify_themes("I was not unhappy with the pension scheme.")
    assert "compensation_benefits" in themes


def test_german_negation_after_the_noun_counts() -> None:
    answer = "Aufstiegsmöglichkeiten gab es keine."
    assert sentiment_of_text(answer, "de").label == "negative"


# --- implicit complaints -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "answer"),
    [
        ("en", "Nobody told us the site was closing until the local paper printed it."),
        ("en", "I asked for a desk by the window three times and heard nothing back."),
        ("en", "The promised review was pushed back again and again."),
        ("en", "Remote work was not an option, even one day a week."),
        ("de", "Mir fehlt hier einfach die Perspektive."),
        ("de", "Urlaubsanträge wurden ohne jede Begründung abgelehnt."),
    ],
)
def test_complaint_without_a_negative_word_is_a_complaint(language: str, answer: str) -> None:
    assert sentiment_of_text(answer, language).label == "negative"


@pytest.mark.parametrize(
    ("language", "question", "answer"),
    [
        ("en", "What is the main reason you are leaving?", "The salary."),
        ("en", "What is the main reason you are leaving?", "My boss."),
        ("de", "Was ist der Hauptgrund für Ihren Weggang?", "Die Pendelei."),
    ],
)
def test_a_bare_topic_given_as_the_reason_is_a_complaint(
    language: str, question: str, answer: str
) -> None:
    assert sentiment_of_text(answer, language, question).label == "negative"


@pytest.mark.parametrize(("language", "answer"), [("en", "Emigrating."), ("de", "Ruhestand.")])
def test_a_bare_reason_nobody_complains_about_stays_neutral(language: str, answer: str) -> None:
    question = "What is the main reason you are leaving?"
    assert sentiment_of_text(answer, language, question).label == "neutral"


def test_a_wish_for_something_good_is_still_a_complaint_about_its_absence() -> None:
    question = "Is there anything that would have made you stay?"
    answer = "More appreciation. A simple thank you now and then would have been great."
    assert sentiment_of_text(answer, question=question).label == "negative"


@pytest.mark.parametrize(("language", "answer"), [("en", "No thanks."), ("de", "Nein danke.")])
def test_polite_no_thanks_is_neutral(language: str, answer: str) -> None:
    assert sentiment_of_text(answer, language, "Anything else?").label == "neutral"


def test_voluntary_redundancy_is_not_a_grievance() -> None:
    assert sentiment_of_text("I applied for voluntary redundancy.").label == "neutral"


# --- German as people type it ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("with_umlauts", "typed_without"),
    [
        (
            "Die Gehaltserhöhung kam nie, ich bin enttäuscht.",
            "Die Gehaltserhoehung kam nie, ich bin enttaeuscht.",
        ),
        (
            "Überstunden ohne Ende, völlig überlastet.",
            "Ueberstunden ohne Ende, voellig ueberlastet.",
        ),
        ("Mein Vorgesetzter war unhöflich.", "Mein Vorgesetzter war unhoeflich."),
        ("Wir ziehen nach München.", "Wir ziehen nach Muenchen."),
    ],
)
def test_ue_ae_oe_spellings_read_like_umlauts(with_umlauts: str, typed_without: str) -> None:
    assert sentiment_of_text(typed_without, "de") == sentiment_of_text(with_umlauts, "de")
    assert classify_themes(typed_without, "de") == classify_themes(with_umlauts, "de")
    assert classify_themes(with_umlauts, "de")


@pytest.mark.parametrize(
    ("answer", "label"),
    [
        ("Die Truppe im Lager war spitze.", "positive"),
        ("Hier läuft gar nix ohne drei Unterschriften.", "negative"),
        ("Ich wurde vor allen runtergemacht.", "negative"),
        ("Ich hab hier viel gelernt, danke euch.", "positive"),
        ("Null Wertschätzung von oben.", "negative"),
    ],
)
def test_colloquial_german_is_understood(answer: str, label: str) -> None:
    assert sentiment_of_text(answer, "de").label == label


def test_colloquial_german_topics_are_found() -> None:
    assert "manager" in classify_themes("Die Geschäftsführung hat nie mit uns geredet.", "de")
    assert "retirement" in classify_themes("Mit 66 ist jetzt Schluss für mich.", "de")


# --- the learned model ---------------------------------------------------------------------


def test_the_shipped_model_is_small_and_is_used() -> None:
    path = resources_dir() / "analysis" / "model.json"
    assert path.stat().st_size < 300_000
    model = shipped_model()
    assert model is not None
    assert model.themes.labels == THEMES
    assert model.sentiment.labels == ("positive", "neutral", "negative")
    answer = "Great colleagues, but my wage never kept up with inflation."
    assert classify_themes(answer) == classify_themes(answer, model=model)


def _only_says(theme: str, word: str) -> AnalysisModel:
    """A model by hand: `theme` exactly when the answer contains `word`, sentiment neutral."""
    bias = tuple(-5.0 for _ in THEMES)
    row = tuple(10.0 if t == theme else 0.0 for t in THEMES)
    themes = LinearModel(THEMES, bias, {f"w:{word}": row}, {})
    sentiment = LinearModel(("positive", "neutral", "negative"), (0.0, 5.0, 0.0), {}, {})
    return AnalysisModel(themes, sentiment)


def test_the_model_decides_and_the_word_lists_inform_it() -> None:
    model = _only_says("relocation", "lisbon")
    assert lexicon_themes("Lisbon.") == ()
    assert classify_themes("Lisbon.", model=model) == ("relocation",)
    assert classify_themes("The pay was awful.", model=model) == ()
    # The score still measures how strongly the words put it, inside the model's label.
    neutral = sentiment_of_text("The pay was awful.", model=model)
    assert neutral.label == "neutral"
    assert lexicon_sentiment("The pay was awful.").score < neutral.score < 0


def test_refusals_get_no_theme_whatever_the_model_says() -> None:
    model = _only_says("manager", "say")
    assert classify_themes("I'd rather not say.", model=model) == ()


def test_model_file_round_trips_and_refuses_another_format() -> None:
    model = _only_says("retirement", "pension")
    data = json.loads(json.dumps(model.to_json()))
    assert AnalysisModel.from_json(data) == model
    with pytest.raises(ValueError, match="format"):
        AnalysisModel.from_json({**data, "format": 99})


_OWN_LABELLED = [
    Labelled(
        "t1",
        "en",
        "Why?",
        "The salary was too low.",
        frozenset({"compensation_benefits"}),
        "negative",
    ),
    Labelled(
        "t2",
        "en",
        "Why?",
        "Low salary and no bonus.",
        frozenset({"compensation_benefits"}),
        "negative",
    ),
    Labelled(
        "t3",
        "en",
        "Why?",
        "My salary was generous.",
        frozenset({"compensation_benefits"}),
        "positive",
    ),
    Labelled(
        "t4", "en", "Why?", "Moving to Oslo with my wife.", frozenset({"relocation"}), "neutral"
    ),
    Labelled("t5", "en", "Why?", "Moving to Rome.", frozenset({"relocation"}), "neutral"),
    Labelled("t6", "de", "Warum?", "Wir ziehen nach Graz.", frozenset({"relocation"}), "neutral"),
    Labelled(
        "t7",
        "de",
        "Warum?",
        "Das Gehalt war zu niedrig.",
        frozenset({"compensation_benefits"}),
        "negative",
    ),
    Labelled("t8", "en", "Why?", "A lovely team.", frozenset({"work_environment"}), "positive"),
]


def test_training_is_reproducible_and_learns_what_it_is_shown() -> None:
    first, second = train(_OWN_LABELLED), train(_OWN_LABELLED)
    assert first.to_json() == second.to_json()
    found = features("Moving to Oslo.", "en", {"lex:relocation": 1.0})
    probabilities = first.theme_probabilities(found)
    assert max(probabilities, key=probabilities.__getitem__) == "relocation"
