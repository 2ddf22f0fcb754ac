"""Themes of an answer: why people leave, in the Work Institute retention categories.

Owns the fixed taxonomy `THEMES`, the English and German theme word lists (the classifier
that always works, with no model), and the parsing of an LLM's refinement of it. A
model's reply is only ever read, never trusted: unknown names are dropped and a useless
reply leaves the lexicon's answer in place. Standard library only; never imports Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from exitbot_desktop.engine.analysis._lexicon import compile_lexicon, normalize, split_entries
from exitbot_desktop.engine.analysis.learned import AnalysisModel, features, shipped_model
from exitbot_desktop.engine.analysis.refusals import is_refusal

THEMES: Final = (
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

_EN = {
    "career_development": """promot* career* progression advancement "grow ~ career"
        "personal development" "professional development" "career development" "development
        opportunit*" "growth opportunit*" "no growth" training mentor* upskill* "new skills"
        "learn new" "next step" ladder "dead end" stagnat* "passed over"
        "own business" "own company" "my own firm" "self employed" freelanc* "new challenge"
        "senior role" "job title" "better position"
        "higher position" "career move" "step up" skills learned learnt learning university uni
        degree "master's" masters studies ceiling progress*\"""",
    "work_life_balance": """"work life" "life balance" "work* late"
        "late nights" "long hours" overtime weekend* saturday* sunday* "night shift*" "shift
        work" shifts "rotating shift*" "on call" hybrid remote "home office" "work from home"
        "working from home" wfh flexib* "part time" commut* "family life" "time with my
        family" "family time" "on time" "school run" "my hours" "cut my hours"
        travel* "away from home"
        "business trip*"
        "free time" "spare time" "working hours" "hours were" kids children nursery "day off"
        "days off" evenings "my family" rota\"""",
    "manager": """manager* boss* supervisor* "team lead*" "line manager" "my lead" coached coaching
        feedback micromanag* leadership management "annual review" "performance
        review" appraisal* "one to one*" "1:1*" "one on one*" director* "head of" "senior
        management"
        "over my head" "took credit" "from the top" review*\"""",
    "wellbeing": """burnout "burned out" "burnt out" exhaust* stress* sleepless insomnia "mental
        health" anxiety anxious depress* "sick leave" "signed off" doctor
        health* illness "ill health" childcare "child care" newborn baby pregnan* maternity
        paternity "parental leave" "caring for" "care for my" "family reasons" "personal
        reasons" "look after" "looking after" elderly "sick mother" "sick father" "sick
        parent*" "back pain" "back problems" injur* "birth of" "my daughter" "my son"
        overwhelm* "breakdown" "my wellbeing"
        wellbeing "well being" therap* harass* bully* bullied sleep panic""",
    "job_characteristics": """"the job itself" "the work itself" goals objectives targets "the role
        itself" monoton* boring
        bored repetitive tedious routine responsibilit* role roles tasks duties
        workload variety varied "job description" "expected of me"
        "meaningful work" "the work was" "the job was" "interesting work"
        "challenging work" "same thing" admin "hired to" "hired for" "applied for" autonomy
        "control over\"""",
    "work_environment": """culture team teams people colleague* coworker* "co worker*" atmosphere
        toxic
        cliqu* gossip* "office politics" politics "air conditioning" heating
        temperature noise noisy "open plan" equipment tools software laptop* computer*
        systems canteen parking facilities workplace company "work environment" "working
        environment" "working conditions" morale "team spirit\"""",
    "compensation_benefits": """salary salaries pay paid underpaid wage* bonus* "pay rise" raise
        pension* benefit* "health insurance" "company car" compensation money earn* pays
        "re:\\d+ ?(?:%|percent|per cent) more" "market rate" "below market" "above market"
        "counter offer" counteroffer severance afford* "cost of living" rent payment* allowance*
        "stock options" equity perks""",
    "relocation": """relocat* abroad "moving to" "move to" "moving away" "moving back" "moving
        abroad" "we are moving" "i am moving" "i'm moving" "another city" "another country"
        "different city" "new city" emigrat* "back home" hometown "home town" "closer to"
        "partner's ~ job" "spouse's ~ job" "husband's ~ job" "wife's ~ job" moving "move back"
        "heading back\"""",
    "retirement": """retir* "pension age" "state pension" "feet up" "hanging up my boots"
        "re:(?:i'm|i am|at) 6\\d(?!\\w)\"""",
    "involuntary": """"laid off" "lay off" layoff* "let go" redundan* fired dismiss* terminated
        "contract ended" "end of ~ contract" "contract ran out"
        "fixed term" "temporary contract" restructur* "position ~ eliminated" "not renewed" "not
        extended" "role ~ cut"
        "cost reduction" "cost cutting" "closed down" "shut down" "lost my job"
        "lost their jobs" "site closure" downsiz* "failed ~ probation" "didn't pass ~
        probation" "renew* ~ contract" "asked to leave" "contract ~ cancelled\"""",
}
_DE = {
    "career_development": """befoerder* karriere* aufstieg* weiterbildung* fortbildung*
        *entwicklung* "nicht weiterentwickeln" weiterentwickl* perspektive* schulung* mentor*
        selbststaendig* selbstaendig* "eigene firma" "eigenes unternehmen" "naechsten schritt"
        stillstand
        "neue herausforderung*" "neue aufgabe" gelernt lernen studium studieren\"""",
    "work_life_balance": """"work life" ueberstunden wochenend* bereitschaft* *schicht* homeoffice
        "home office" pendel* arbeitsweg arbeitszeit* flexib* teilzeit dienstreise* reisetaetigkeit
        familienleben "zeit fuer
        die familie" "zeit mit der familie" feierabend vereinbarkeit kinder kindern dienstplan
        "freie tage""",
    "manager": """vorgesetzte* chef chefin chefs fuehrungskraft fuehrungskraefte fuehrung* teamleit*
        abteilungsleit* "ueber ~ kopf hinweg" mikromanag* micromanag* feedback
        mitarbeitergespraech* management "von oben" geschaeftsfuehrung vorstand""",
    "wellbeing": """burnout "burn out" erschoepf* stress* gestresst gesundheit* krank*
        psychisch* schlaflos* kinderbetreuung elternzeit mutterschutz geburt "zu hause bleiben"
        schwanger* "pflege meiner"
        "pflege meines" "familiaere gruende" "persoenliche gruende" "kann nicht mehr"
        wohlbefinden therap* mobbing gemobbt ausgebrannt schlaf* schlafe""",
    "job_characteristics": """taetigkeit* aufgabe* aufgabenbereich* abwechslung* abwechslungsreich
        eintoenig langweil* monoton routine verantwortung* arbeitsbelastung arbeitspensum
        stellenbeschreibung sinnvoll* herausforderung* "die arbeit war" "die arbeit selbst"
        rolle freiraum""",
    "work_environment": """*kultur* betriebsklima arbeitsklima arbeitsumfeld arbeitsumgebung team
        teams leute kolleg* atmosphaere stimmung grueppchen laestern klimaanlage hitze laerm
        ausstattung software werkzeug* geraete grossraumbuero arbeitsplatz
        "re:firma(?!\\w)" unternehmen""",
    "compensation_benefits": """*gehalt* *gehaelter* lohn loehne *lohn lohnerhoehung bezahl*
        verguetung* verdien* bonus* praemie* firmenwagen dienstwagen betriebsrente sozialleistung*
        zuschuss zuschuesse "prozent mehr" "re:\\d+ ?(?:%|prozent) mehr" geld unterbezahlt
        tarif* benefits abfindung""",
    "relocation": """umzug umzieh* "ziehe ~ um" "ziehen ~ um" "ziehe nach" "ziehen nach" "ziehe
        zurueck" "ziehen zurueck" heimat* ausland* "andere stadt" "anderen stadt" auswander*
        "naeher bei" "naeher an" "neuen job meines partners" "job meiner partnerin\"""",
    "retirement": """rente ruhestand pensionier* "in pension" altersteilzeit vorruhestand
        "in den ruhestand" "re:(?:mit|die) 6\\d(?!\\w)\"""",
    "involuntary": """entlass* betriebsbedingt* befristet* "*vertrag ~ ausgelaufen" "*vertrag lief
        aus" "*vertrag ~ endete" schliessung "vertrag laeuft
        aus" aufhebungsvertrag stellenabbau umstrukturier* "nicht verlaengert" "kuendigung
        erhalten" "kuendigung
        bekommen" "re:(?:wurde|wurden|worden|hat|haben)\\W+(?:[\\w']+\\W+){0,4}gekuendigt"
        "re:gekuendigt\\W+(?:worden|wurde)" "stelle ~ gestrichen" "stelle ~ weggefallen\"""",
}
# Phrases that contain a theme word but mean something else.
_GUARDS = {
    "en": """"fired up" "pay attention" "paid attention" "paid off" "pays off" "company's
        future" "let go of" "software developer" "software engineer" "team player" "another
        company" "new company" "other company" "a company"
        "bigger company" "smaller company" "raise
        concerns" "raise an issue" "raised concerns" "raised an issue" "raise the issue" "health
        and safety\"""",
    "de": """teamfaehig* "in rente gegangen ist" "anderen unternehmen" "einem unternehmen"
        "neuen unternehmen" "einer firma" "anderen firma" "neuen firma" "groesseren
        unternehmen\"""",
}
_THEME_NAME = re.compile(
    "|".join(r"\b" + name.replace("_", r"[\s_-]*") + r"\b" for name in THEMES), re.IGNORECASE
)
_MAX_LLM_THEMES = 3
_THEME_CUTOFF = 0.4
_MAX_PROMPT_CHARS = 2000
_DESCRIPTIONS = {
    "career_development": "promotion, growth, training, next career step",
    "work_life_balance": "hours, shifts, overtime, commute, flexibility",
    "manager": "the manager's behaviour, feedback, support",
    "wellbeing": "health, stress, burnout, family care",
    "job_characteristics": "the tasks and the role itself",
    "work_environment": "culture, colleagues, conditions, tools",
    "compensation_benefits": "pay, bonus, pension, benefits",
    "relocation": "moving away",
    "retirement": "retiring",
    "involuntary": "dismissed, laid off, contract ended",
}


_LEXICONS = {
    language: compile_lexicon(
        [(e, theme, 1.0) for theme, text in table.items() for e in split_entries(text)]
        + [(e, "", 0.0) for e in split_entries(_GUARDS[language])]
    )
    for language, table in (("en", _EN), ("de", _DE))
}


def _ordered(themes: set[str]) -> tuple[str, ...]:
    return tuple(theme for theme in THEMES if theme in themes)


def themes_in_words(text: str, language: str) -> tuple[str, ...]:
    """The themes the answer's own words name, by the word lists alone."""
    lexicon = _LEXICONS.get(language, _LEXICONS["en"])
    return _ordered({hit.label for hit in lexicon.hits(normalize(text))})


def _topic(question: str, language: str) -> str | None:
    """The one theme a topical question is about ("How was your manager?"), if any."""
    counts: dict[str, int] = {}
    lexicon = _LEXICONS.get(language, _LEXICONS["en"])
    for hit in lexicon.hits(normalize(question).replace("_", " ")):
        counts[hit.label] = counts.get(hit.label, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    return next(theme for theme in THEMES if counts.get(theme) == best)


def lexicon_themes(
    text: str,
    language: str = "en",
    question_id: str | None = None,
    question: str | None = None,
) -> tuple[str, ...]:
    """The themes the word lists alone find, in `THEMES` order; empty when they name none.

    A short answer to a topical question ("Respectful but distant." to "How is your
    manager?") is about that question's topic, so when the words alone name no theme the
    question's id or wording decides. Refusals ("prefer not to say") get no theme.
    """
    found = themes_in_words(text, language)
    if found or is_refusal(text, language):
        return found
    topic = _question_topic(question_id, question, language)
    return (topic,) if topic else ()


def _question_topic(question_id: str | None, question: str | None, language: str) -> str | None:
    for hint in (question_id, question):
        topic = _topic(hint, language) if hint else None
        if topic:
            return topic
    return None


def theme_hints(
    text: str, language: str, question_id: str | None, question: str | None
) -> dict[str, float]:
    """What the word lists say, as input for the learned model: the themes the answer's
    words name ("lex:…") and the topic of its question ("topic:…")."""
    hints = {f"lex:{theme}": 1.0 for theme in themes_in_words(text, language)}
    topic = _question_topic(question_id, question, language)
    if topic:
        hints[f"topic:{topic}"] = 1.0
    return hints or {"lex:none": 1.0}


def classify_themes(
    text: str,
    language: str = "en",
    question_id: str | None = None,
    question: str | None = None,
    model: AnalysisModel | None = None,
) -> tuple[str, ...]:
    """The themes an answer touches, in `THEMES` order; empty when it names none.

    The learned model (`model`, else the shipped one) reads the words and what the word
    lists found; without a model the word lists decide (`lexicon_themes`). Refusals
    ("prefer not to say") get no theme either way.
    """
    model = model or shipped_model()
    if model is None:
        return lexicon_themes(text, language, question_id, question)
    if is_refusal(text, language):
        return ()
    found = features(text, language, theme_hints(text, language, question_id, question))
    chosen = {t for t, p in model.theme_probabilities(found).items() if p >= _THEME_CUTOFF}
    return _ordered(chosen)


def _prompt(text: str, lexicon_themes: tuple[str, ...]) -> str:
    labels = "\n".join(f"- {name}: {_DESCRIPTIONS[name]}" for name in THEMES)
    guess = ", ".join(lexicon_themes) or "none"
    answer = " ".join(text[:_MAX_PROMPT_CHARS].split())
    return (
        "Classify the exit-interview answer by the reasons for leaving it mentions.\n"
        f"Allowed labels:\n{labels}\n"
        "Reply with the matching labels separated by commas, or none, on one line.\n\n"
        f'Answer: "{answer}"\n'
        f"Keyword guess: {guess}\n"
        "Labels:"
    )


def refine_themes_with_llm(
    text: str, lexicon_themes: tuple[str, ...], complete: Callable[[str], str]
) -> tuple[str, ...] | None:
    """The model's correction of the lexicon's themes, or None when it gave no usable one
    (then the lexicon's stand, and the stored provenance must not claim the model).

    `complete` takes a prompt and returns the model's raw text. Only the first non-empty
    line is read and only known theme names count; a failure, an empty or unparseable
    reply, or one naming more than three themes (a model echoing the label list) gives None.
    """
    try:
        reply = complete(_prompt(text, lexicon_themes))
    except Exception:  # any backend failure means "no refinement", never a crash
        return None
    lines = [line for line in reply.splitlines() if line.strip()] if isinstance(reply, str) else []
    if not lines:
        return None
    named = {
        re.sub(r"[\s_-]+", "_", match.group(0).lower()) for match in _THEME_NAME.finditer(lines[0])
    }
    if not named or len(named) > _MAX_LLM_THEMES:
        return None
    return _ordered(named)
