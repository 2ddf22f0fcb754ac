"""Stories about how HR reads answers: sentiment, themes, urgent flags, summaries, CSV files.

The sentences here are not from the dev set the lexicon was measured on: they check that
the classifiers generalise to answers nobody tuned them for.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from exitbot_desktop.engine.analysis.flags import FLAGS, detect_flags, needs_care
from exitbot_desktop.engine.analysis.sentiment import (
    Sentiment,
    combine,
    sentiment_of_rating,
    sentiment_of_text,
)
from exitbot_desktop.engine.analysis.summary import extractive_summary, llm_summary
from exitbot_desktop.engine.analysis.textfile import analyse_csv, analyse_rows
from exitbot_desktop.engine.analysis.themes import (
    THEMES,
    classify_themes,
    refine_themes_with_llm,
)
from exitbot_desktop.engine.errors import ExitBotError

# --- sentiment -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "answer", "label"),
    [
        ("en", "Honestly, the team was extremely supportive.", "positive"),
        ("en", "My supervisor was really helpful and fair.", "positive"),
        ("en", "It was a pleasure working here.", "positive"),
        ("en", "I got a job offer that pays 20% more than here.", "neutral"),
        ("en", "The commute was two hours each way.", "neutral"),
        ("en", "It was fine, nothing special.", "neutral"),
        ("en", "The workload was unmanageable and nobody cared.", "negative"),
        ("en", "The office was freezing and the equipment was ancient.", "negative"),
        ("en", "I have been struggling with my mental health for months.", "negative"),
        ("de", "Meine Chefin hat mich immer unterstützt, das war toll.", "positive"),
        ("de", "Das Betriebsklima war sehr angenehm und die Kollegen hilfsbereit.", "positive"),
        ("de", "Der Lohn war in Ordnung.", "neutral"),
        ("de", "Wir ziehen nach Hamburg.", "neutral"),
        ("de", "Die Aufgaben waren langweilig und immer gleich.", "negative"),
        ("de", "Ich bin total erschöpft und brauche eine Pause.", "negative"),
        ("de", "Die Bezahlung war unterdurchschnittlich.", "negative"),
    ],
)
def test_answer_sentiment_reads_like_a_person_would(language: str, answer: str, label: str) -> None:
    assert sentiment_of_text(answer, language).label == label


@pytest.mark.parametrize(
    ("language", "answer"),
    [
        ("en", "I was not happy with my manager."),
        ("en", "I wasn't happy with how little I was paid."),
        ("en", "There were no opportunities for promotion."),
        ("en", "I never got any training for the new system."),
        ("de", "Ich war mit meinem Gehalt nicht zufrieden."),
        ("de", "Es gab keine Aufstiegsmöglichkeiten."),
        ("de", "Ich mochte die Arbeit nicht."),
        ("de", "Kein Homeoffice möglich, das passt nicht zu meiner Familie."),
        ("de", "Ich habe mich im Team nie wohlgefühlt."),
        ("de", "Meine Führungskraft hat mich nie ernst genommen."),
    ],
)
def test_negated_praise_is_read_as_a_complaint(language: str, answer: str) -> None:
    assert sentiment_of_text(answer, language).label == "negative"


def test_intensifier_makes_praise_stronger() -> None:
    plain = sentiment_of_text("The team was good.")
    strong = sentiment_of_text("The team was very good.")
    assert strong.score > plain.score > 0
    assert (
        sentiment_of_text("Das Team war sehr gut.", "de").score
        > sentiment_of_text("Das Team war gut.", "de").score
    )


def test_not_bad_is_not_a_complaint() -> None:
    assert sentiment_of_text("The pay was not bad.").label != "negative"


def test_german_resignation_is_not_read_as_being_fired() -> None:
    assert sentiment_of_text("Ich habe gekündigt.", "de").label == "neutral"
    assert sentiment_of_text("Man hat mir nach drei Monaten gekündigt.", "de").label == "negative"


def test_wish_in_answer_to_improvement_question_counts_as_complaint() -> None:
    question = "What could we have done to keep you?"
    assert sentiment_of_text("More mentoring for new starters.").label != "negative"
    assert sentiment_of_text("More mentoring for new starters.", question=question).label == (
        "negative"
    )
    assert sentiment_of_text("Eine bessere Einarbeitung.", "de", "what_to_improve").label == (
        "negative"
    )


def test_nothing_to_improve_is_not_a_complaint() -> None:
    question = "What could we improve?"
    assert sentiment_of_text("Nothing, it was all great.", question=question).label == "positive"
    assert sentiment_of_text("Nothing.", question=question).label == "neutral"


@pytest.mark.parametrize(
    ("rating", "scale_max", "label"),
    [
        (1, 5, "negative"),
        (2, 5, "negative"),
        (3, 5, "neutral"),
        (4, 5, "positive"),
        (5, 5, "positive"),
        (0, 10, "negative"),
        (6, 10, "negative"),
        (7, 10, "neutral"),
        (8, 10, "neutral"),
        (9, 10, "positive"),
        (10, 10, "positive"),
    ],
)
def test_rating_sentiment_follows_the_scale(rating: int, scale_max: int, label: str) -> None:
    sentiment = sentiment_of_rating(rating, scale_max)
    assert sentiment.label == label
    assert -1.0 <= sentiment.score <= 1.0


@pytest.mark.parametrize(("rating", "scale_max"), [(0, 5), (6, 5), (11, 10), (-1, 10), (3, 7)])
def test_rating_outside_its_scale_is_refused(rating: int, scale_max: int) -> None:
    with pytest.raises(ValueError, match=r"rating|scale"):
        sentiment_of_rating(rating, scale_max)


def test_rating_and_comment_combine_into_one_verdict() -> None:
    five = sentiment_of_rating(5, 5)
    complaint = sentiment_of_text("The pay was awful and my manager was rude.")
    assert combine(None, None) == Sentiment("neutral", 0.0)
    assert combine(complaint, None) == complaint
    assert combine(None, five) == five
    assert combine(sentiment_of_text("It was ok."), sentiment_of_rating(4, 5)).label == "positive"
    mixed = combine(complaint, sentiment_of_rating(4, 5))
    assert mixed.label == "neutral"
    assert -1.0 <= mixed.score <= 1.0


# --- themes --------------------------------------------------------------------------------


def test_themes_are_the_work_institute_categories_in_order() -> None:
    assert THEMES == (
        "career_development",
        "work_life_balance",
        "manager",
        "wellbeing",
        "job_characteristics",
        "work_environment",
        "compensation_benefits",
        "relocation",
        "retirement",
        "involuntary",
    )


@pytest.mark.parametrize(
    ("language", "answer", "theme"),
    [
        ("de", "Die Konkurrenz zahlt ein deutlich höheres Gehalt.", "compensation_benefits"),
        ("de", "Mein Lohn reichte kaum für die Miete.", "compensation_benefits"),
        ("en", "I got a job offer that pays 20% more than here.", "compensation_benefits"),
        ("en", "My boss took credit for my work.", "manager"),
        ("de", "Mein Vorgesetzter war respektlos und hat nie zugehört.", "manager"),
        ("en", "I was passed over for promotion twice.", "career_development"),
        ("de", "Ich mache mich selbstständig.", "career_development"),
        ("en", "Too much travel, I was away from home half the month.", "work_life_balance"),
        ("de", "Die ständigen Nachtschichten waren nicht machbar.", "work_life_balance"),
        ("en", "I need to look after my elderly mother.", "wellbeing"),
        ("de", "Wegen meiner Gesundheit muss ich kürzer treten.", "wellbeing"),
        ("en", "The tasks were interesting and varied.", "job_characteristics"),
        ("de", "Die Arbeit war sinnlos und ohne Herausforderung.", "job_characteristics"),
        ("en", "I loved the people I worked with.", "work_environment"),
        ("de", "Die Software war veraltet und stürzte ständig ab.", "work_environment"),
        ("en", "My husband got a job in Canada so we are emigrating.", "relocation"),
        ("de", "Mein Mann hat eine Stelle in München bekommen, wir ziehen um.", "relocation"),
        ("en", "After 35 years I am finally retiring.", "retirement"),
        ("de", "Ich gehe in den Ruhestand.", "retirement"),
        ("en", "My position was made redundant.", "involuntary"),
        ("de", "Mein befristeter Vertrag wurde nicht verlängert.", "involuntary"),
        ("en", "The site closed down and everyone lost their jobs.", "involuntary"),
        ("de", "Mein Arbeitsvertrag lief aus.", "involuntary"),
    ],
)
def test_answer_is_filed_under_its_theme(language: str, answer: str, theme: str) -> None:
    assert theme in classify_themes(answer, language)


def test_german_answer_about_pay_is_compensation_theme() -> None:
    assert classify_themes("Das Gehalt war zu niedrig.", "de") == ("compensation_benefits",)


def test_answer_with_several_reasons_gets_several_themes_in_taxonomy_order() -> None:
    themes = classify_themes(
        "The pay was low, my manager ignored me and I worked every weekend.", "en"
    )
    assert themes == ("work_life_balance", "manager", "compensation_benefits")


def test_german_resignation_is_not_involuntary() -> None:
    assert "involuntary" not in classify_themes("Ich habe selbst gekündigt.", "de")
    assert "involuntary" in classify_themes("Mir wurde betriebsbedingt gekündigt.", "de")


def test_false_friends_do_not_create_themes() -> None:
    assert classify_themes("I was fired up about the launch.") == ()
    assert classify_themes("I'm joining another company.") == ()
    assert classify_themes("Ich wechsle zu einem anderen Unternehmen.", "de") == ()


def test_short_answer_takes_the_topic_of_its_question() -> None:
    question = "How would you describe your relationship with your manager?"
    assert classify_themes("Polite, though a bit cold.", question=question) == ("manager",)
    assert classify_themes("It was ok.", question_id="satisfaction_pay_benefits") == (
        "compensation_benefits",
    )
    assert classify_themes("Polite, though a bit cold.", question_id="what_to_improve") == ()


def test_refusal_gets_no_theme_even_for_a_topical_question() -> None:
    assert classify_themes("Prefer not to say.", question="How was your manager?") == ()


def test_llm_refinement_replaces_lexicon_themes_with_known_names_only() -> None:
    prompts: list[str] = []

    def complete(prompt: str) -> str:
        prompts.append(prompt)
        return " Work-life balance, wellbeing, astrology\nAnswer: manager"

    refined = refine_themes_with_llm("I could not keep up any more.", ("manager",), complete)
    assert refined == ("work_life_balance", "wellbeing")
    assert "I could not keep up any more." in prompts[0]
    assert all(name in prompts[0] for name in THEMES)


@pytest.mark.parametrize(
    "reply",
    ["", "   \n  ", "I am not sure what you mean.", ", ".join(THEMES), "none", "\x00\x01"],
)
def test_llm_refinement_gives_nothing_for_a_useless_reply(reply: str) -> None:
    assert (
        refine_themes_with_llm("The pay was low.", ("compensation_benefits",), lambda _: reply)
        is None
    )


def test_llm_refinement_gives_nothing_when_the_model_fails() -> None:
    def broken(prompt: str) -> str:
        raise TimeoutError("model did not answer")

    assert refine_themes_with_llm("The pay was low.", ("compensation_benefits",), broken) is None


# --- flags and care ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "answer", "flags"),
    [
        ("en", "I was bullied by my team lead for months.", ("harassment",)),
        ("en", "Nobody stopped the bullying even after I reported it.", ("harassment",)),
        ("en", "I couldn't stop the harassment from a customer.", ("harassment",)),
        ("en", "My manager asked me to falsify the expense reports.", ("fraud_misconduct",)),
        ("en", "They passed me over because of my age.", ("discrimination",)),
        ("en", "The fire exits were blocked with pallets most of the time.", ("safety",)),
        ("en", "Sometimes I think about ending my life.", ("wellbeing_crisis",)),
        ("de", "Ich wurde von meinem Chef gemobbt.", ("harassment",)),
        ("de", "Ich wurde wegen meiner Herkunft benachteiligt.", ("discrimination",)),
        ("de", "Mein Kollege hat Rechnungen gefälscht.", ("fraud_misconduct",)),
        ("de", "Es gab einen Arbeitsunfall, weil Schutzausrüstung fehlte.", ("safety",)),
        ("de", "Ich habe manchmal Suizidgedanken.", ("wellbeing_crisis",)),
        ("de", "I was harassed by a colleague.", ("harassment",)),
    ],
)
def test_urgent_issue_is_flagged_for_hr(language: str, answer: str, flags: tuple[str, ...]) -> None:
    assert detect_flags(answer, language) == flags


@pytest.mark.parametrize(
    ("language", "answer"),
    [
        ("en", "No harassment at all, everyone was respectful."),
        ("en", "I was never bullied."),
        ("en", "I haven't experienced any discrimination here."),
        ("en", "There were no safety issues in my area."),
        ("en", "I worked in fraud prevention for five years."),
        ("en", "We had to discriminate between real and fake leads."),
        ("en", "I found out by accident that my team was moving."),
        ("en", "It hit me that I needed a change."),
        ("en", "He stole the credit for my idea."),
        ("de", "Es gab keine Belästigung."),
        ("de", "Ich wurde nie diskriminiert."),
        ("de", "Die Lärmbelästigung im Großraumbüro war schlimm."),
        ("de", "Ich war mir unsicher, ob ich bleiben soll."),
        ("de", "Ich bin jeden Tag mit dem Auto gefahren."),
        ("de", "Ich habe mich fälschlicherweise beworben."),
    ],
)
def test_denials_and_false_friends_raise_no_flag(language: str, answer: str) -> None:
    assert detect_flags(answer, language) == ()


def test_flags_are_the_agreed_set() -> None:
    assert FLAGS == (
        "harassment",
        "discrimination",
        "safety",
        "fraud_misconduct",
        "wellbeing_crisis",
    )


@pytest.mark.parametrize(
    ("language", "answer"),
    [
        ("en", "Sometimes I think about ending my life."),
        ("en", "I don't want to live like this any more."),
        ("en", "Most mornings I do not want to live."),
        ("en", "My family would be better off dead without me."),
        ("en", "A colleague threatened me in the car park."),
        ("en", "My ex keeps following me home from work."),
        ("en", "My supervisor was verbally abusive every single day."),
        ("de", "Ich habe Suizidgedanken."),
        ("de", "Ein Kollege hat mich bedroht."),
        ("de", "Ich will mir etwas antun."),
        # Reports of mistreatment and serious illness: support, never a probing question.
        ("en", "There was harassment that HR knew about and did nothing."),
        ("en", "I was discriminated against because of my age."),
        ("de", "Ich wurde über Monate gemobbt."),
        ("en", "I need to care for my father, who was diagnosed with cancer."),
        ("en", "Health reasons."),
        ("de", "Meine Mutter ist an Demenz erkrankt."),
        ("de", "Aus gesundheitlichen Gründen."),
    ],
)
def test_person_in_distress_or_danger_is_offered_support(language: str, answer: str) -> None:
    assert needs_care(answer, language)


@pytest.mark.parametrize(
    ("language", "answer"),
    [
        ("en", "This commute is killing me."),
        ("en", "The deadlines were brutal but I survived."),
        ("en", "It hit me that I needed a change."),
        ("en", "No harassment at all."),
        ("en", "Great mental health support and generous sick leave."),
        ("en", "ill miss the team a lot"),
        ("de", "Unsere Arbeitsplätze sind durch die Automatisierung bedroht."),
        ("de", "Die Arbeit hat mich gestresst."),
    ],
)
def test_ordinary_complaints_do_not_trigger_support_contacts(language: str, answer: str) -> None:
    assert not needs_care(answer, language)


# --- summaries -----------------------------------------------------------------------------

_INTERVIEW = (
    ("What is the main reason you are leaving?", "A competitor offered me 30% more salary."),
    ("How was your manager?", "Ok. He was friendly. He never gave feedback though."),
    ("Anything else?", "No."),
    ("What could we improve?", "I was bullied by a colleague and nobody did anything about it."),
    ("How was your work-life balance?", "Fine."),
)


def test_extractive_summary_quotes_the_most_informative_sentences_in_order() -> None:
    summary = extractive_summary(_INTERVIEW, max_sentences=2)
    assert summary.provenance == "extractive"
    assert summary.text == (
        "A competitor offered me 30% more salary. "
        "I was bullied by a colleague and nobody did anything about it."
    )


def test_extractive_summary_of_an_empty_interview_is_empty() -> None:
    assert extractive_summary([]).text == ""
    assert extractive_summary([("Anything else?", "No.")]).text == ""


def test_llm_summary_is_labelled_with_its_model() -> None:
    reply = "The employee leaves for higher pay and reports bullying that was not addressed."
    summary = llm_summary(_INTERVIEW, lambda prompt: f"  {reply}\n", "gemma3-270m")
    assert summary.text == reply
    assert summary.provenance == "gemma3-270m"


@pytest.mark.parametrize(
    "reply",
    [
        "",
        "ok",
        "Question: What is the main reason you are leaving?\nAnswer: A competitor",
        "<start_of_turn>model\nSummary",
        "pay pay pay pay pay pay pay pay pay pay pay pay",
        "x" * 5000,
        "#### ---- 1234 5678 !!!! ???? ---- ####",
    ],
)
def test_llm_summary_falls_back_to_extractive_on_junk_output(reply: str) -> None:
    summary = llm_summary(_INTERVIEW, lambda prompt: reply, "gemma3-270m")
    assert summary == extractive_summary(_INTERVIEW)


def test_llm_summary_falls_back_to_extractive_when_the_model_fails() -> None:
    def broken(prompt: str) -> str:
        raise ConnectionError("ollama is not running")

    assert llm_summary(_INTERVIEW, broken, "llama3").provenance == "extractive"


def test_llm_summary_never_calls_the_model_without_answers() -> None:
    def must_not_run(prompt: str) -> str:
        raise AssertionError("model called for an empty interview")

    assert llm_summary([("Anything else?", "")], must_not_run, "llama3").text == ""


# --- analyze-text files --------------------------------------------------------------------


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def test_analyse_csv_round_trip_writes_themes_and_sentiment(tmp_path: Path) -> None:
    source = tmp_path / "answers.csv"
    target = tmp_path / "analysis.csv"
    _write_csv(
        source,
        ["id", "question", "answer", "department"],
        [
            ["a1", "Why are you leaving?", "The salary was far too low, I'm frustrated.", "IT"],
            ["a2", "Was ist der Hauptgrund?", "Ab Mai bin ich in Rente.", "HR"],
            ["a3", "How was your manager?", "Polite, though a bit cold.", "IT"],
            ["a4", "Anything else?", "", "IT"],
        ],
    )
    assert analyse_csv(source, target) == 4
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows == [
        {"id": "a1", "themes": "compensation_benefits", "sentiment": "negative"},
        {"id": "a2", "themes": "retirement", "sentiment": "neutral"},
        {"id": "a3", "themes": "manager", "sentiment": "neutral"},
        {"id": "a4", "themes": "", "sentiment": "neutral"},
    ]


def test_analyse_csv_accepts_an_excel_utf8_file_with_bom(tmp_path: Path) -> None:
    source = tmp_path / "excel.csv"
    source.write_bytes("id,question,answer\r\n1,Q,Great team!\r\n".encode("utf-8-sig"))
    assert analyse_csv(source, tmp_path / "out.csv") == 1


def test_analyse_csv_names_the_missing_columns_and_the_file(tmp_path: Path) -> None:
    source = tmp_path / "wrong.csv"
    _write_csv(source, ["id", "text"], [["1", "hello"]])
    with pytest.raises(ExitBotError) as caught:
        analyse_csv(source, tmp_path / "out.csv")
    message = caught.value.user_message
    assert "question" in message
    assert "answer" in message
    assert str(source) in message
    assert not (tmp_path / "out.csv").exists()


def test_analyse_csv_explains_a_missing_input_file(tmp_path: Path) -> None:
    with pytest.raises(ExitBotError, match="does not exist"):
        analyse_csv(tmp_path / "nope.csv", tmp_path / "out.csv")


def test_analyse_csv_explains_a_missing_output_folder(tmp_path: Path) -> None:
    source = tmp_path / "answers.csv"
    _write_csv(source, ["id", "question", "answer"], [["1", "Q", "Fine."]])
    with pytest.raises(ExitBotError, match="folder"):
        analyse_csv(source, tmp_path / "missing" / "out.csv")


def test_analyse_csv_explains_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    source = tmp_path / "latin1.csv"
    source.write_bytes("id,question,answer\n1,Q,Gehalt zu niedrig, ärgerlich\n".encode("latin-1"))
    with pytest.raises(ExitBotError, match="UTF-8"):
        analyse_csv(source, tmp_path / "out.csv")


def test_analyse_csv_explains_a_cell_of_a_megabyte(tmp_path: Path) -> None:
    source = tmp_path / "answers.csv"
    _write_csv(source, ["id", "question", "answer"], [["1", "Q", "Überstunden " * 90_000]])
    with pytest.raises(ExitBotError, match="a cell is longer than 131,072 characters"):
        analyse_csv(source, tmp_path / "out.csv")
    assert not (tmp_path / "out.csv").exists()


def test_analyse_rows_is_lazy_and_tolerates_short_rows() -> None:
    rows = iter([{"id": "1", "question": "Q", "answer": None}, {"id": "2"}])
    results = analyse_rows(rows)  # type: ignore[arg-type]  # csv gives None for short rows
    assert next(results) == {"id": "1", "themes": "", "sentiment": "neutral"}
    assert next(results)["id"] == "2"


# --- hostile input -------------------------------------------------------------------------

_HOSTILE = [
    "I was bullied by my manager and the pay was bad. " * 2000,  # ~100 KB
    "x" * 100_000,
    "😡😡😡 terrible manager 💸 no raise 🙃" * 50,
    "bad\x00\x01\x02manager\x1b[31mred\x7f\u200b\ufeff",
    "המנהל שלי היה נורא ולא קיבלתי העלאה",  # Hebrew, right-to-left
    "مديري كان سيئا \u202e reversed \u202c text",
    "\n\n\t\t   \r\n",
    "",
]


@pytest.mark.parametrize("text", _HOSTILE)
def test_hostile_answer_does_not_crash_and_finishes_fast(text: str) -> None:
    started = time.perf_counter()
    for language in ("en", "de", "xx"):
        sentiment = sentiment_of_text(text, language)
        assert -1.0 <= sentiment.score <= 1.0
        assert set(classify_themes(text, language, "q", text[:200])) <= set(THEMES)
        assert set(detect_flags(text, language)) <= set(FLAGS)
        needs_care(text, language)
    summary = extractive_summary([("Q?", text)])
    assert len(summary.text) <= 4 * 310
    assert llm_summary([("Q?", text)], lambda prompt: prompt, "echo").provenance == "extractive"
    assert refine_themes_with_llm(text, (), lambda prompt: prompt) is None
    assert time.perf_counter() - started < 5.0


def test_control_characters_do_not_glue_words_together() -> None:
    assert detect_flags("I was\x00bullied") == ("harassment",)
