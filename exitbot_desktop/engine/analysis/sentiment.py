"""Sentiment of one answer: from its words, from a rating, and the two combined.

Owns the English and German sentiment word lists and the rules that turn them into a
label and a score in [-1, 1]. Standard library only, deterministic, never imports Qt:
HR must get the same figure for the same answer on every machine.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from exitbot_desktop.engine.analysis._lexicon import (
    compile_lexicon,
    intensity,
    is_negated,
    normalize,
    split_entries,
    words,
)
from exitbot_desktop.engine.analysis.learned import AnalysisModel, features, shipped_model
from exitbot_desktop.engine.analysis.refusals import is_refusal
from exitbot_desktop.engine.analysis.themes import themes_in_words
from exitbot_desktop.engine.filters import TONE_THRESHOLD, Tone, tone_of

Label = Tone
_THRESHOLD = TONE_THRESHOLD
LABELS: tuple[Label, ...] = ("positive", "neutral", "negative")
# The scores each label may carry; a neutral score stays strictly inside ±threshold.
_BANDS: dict[Label, tuple[float, float]] = {
    "positive": (_THRESHOLD, 1.0),
    "neutral": (-_THRESHOLD + 1e-6, _THRESHOLD - 1e-6),
    "negative": (-1.0, -_THRESHOLD),
}
# Squashes the summed word weights into (-1, 1); with 4, one "good" (1.0) is clearly
# positive while a lone "fine" (0.4) stays neutral.
_SQUASH = 4.0
# "not good" is a complaint even when "good" is mild ("no opportunities", "nobody cared"),
# while "not bad" is only faintly positive.
_NEGATED_POSITIVE = -1.0
_NEGATED_NEGATIVE = -0.3
# A rating is the person's own verdict; the text score is our reading of their words.
_RATING_WEIGHT = 2 / 3
_ENPS_SCORES = (-1.0, -0.9, -0.8, -0.7, -0.6, -0.5, -0.4, -0.1, 0.1, 0.7, 1.0)

_EN: dict[float, str] = {
    2.0: """excellent wonderful amazing fantastic outstanding brilliant love loved lovely best
        perfect superb awesome grateful pleasure inspiring inspired""",
    1.5: """great enjoy* happy supportive generous rewarding proud "thank you" "thanks a lot"
        "above average"
        delighted "will miss" "i'll miss" "going to miss" "no hard feelings" welcome welcomed""",
    1.0: """good nice fun glad pleased satisfied helpful friendly kind kinder kindest respectful
        inclusive learned learnt "learned a lot" collaborative fair flexible
        interesting varied motivat* valued recommend* comfortable pleasant positive welcoming
        trust* thank* thanks appreciat* "worked well" "went well" meaningful liked "i like*"
        "we like*\"""",
    0.5: """grow growth opportunit* recogni* support supported training guidance coach* mentor*
        listened
        explained answered help helped helping cared responded realistic decent decently fairly
        communicated informed involved "make ends meet"
        "taken seriously" manageable "pay rise" doable sustainable
        raise""",
    0.4: "fine reasonable alright",
    0.2: "ok okay",
    -0.5: """issue* slow hard hierarch* lose losing lost "instead of" stopped "asked for" "pushed
        back" forgotten""",
    -0.7: """problem* repetitive sick worry unclear confus* distant overtime "too many"
        noisy politic* complain* ancient sadly unfortunately stuck""",
    -1.0: """bad poor poorly boring bored monoton* tedious ignor* chaos chaotic disorganis*
        disorganiz* conflict* worried afraid crash* waste* wasted "work* late" "long hours"
        unrealistic gossip* favouritism favoritism outdated broken "below market" sad shame
        worse "constantly changing" "too much" "over my head" tired unpaid
        mistake* pressure impossible lonely isolated nervous "closed down" "lost my job"
        "lost their jobs" "no idea" struggl* freezing "too cold" "too hot"
        "took credit" "below average" difficult* nobody "no one" barely lack lacking "no option"
        "not an option" "without ~ warning" "without ~ explanation" "without ~ notice" "without
        ~ reason" "without ~ conversation" clash* invisible scrapped eliminated demanding
        "pay freeze" "no room" "not renewed" "not extended" "didn't like" "did not like" "don't
        like\"""",
    -1.5: """unfair unhappy frustrat* disappoint* stress* exhaust* overwhelm* overwork*
        underpaid micromanag* blame* blamed punish* rude disrespect* unprofessional unsafe
        dangerous ruin* "laid off" "let go" fired terminated redundan* sleepless anxious
        anxiety depress* scared angry upset pointless meaningless useless
        cliqu* drained "worn out" "wore me down" brutal
        dismissed unmanageable unsustainable "wore me out" "wears me out" "worn down" demotivat*
        undervalued unappreciated ignored wrecked killing dread* sidelined downhill "passed
        over" "short tempered""",
    -2.0: """terrible awful horrible toxic hate* hated worst miserable nightmare burnout
        "burned out" "burnt out" bully* bullied harass* discriminat* unbearable""",
}
_DE: dict[float, str] = {
    2.0: """grossartig wunderbar hervorragend ausgezeichnet fantastisch perfekt beste* bestens
        "ich liebe" geliebt traumhaft""",
    1.5: """toll super spitze prima dankbar danke "vielen dank" spass freude unterstuetzend
        grosszuegig abwechslungsreich gluecklich wohlgefuehlt "wohl gefuehlt" "gerne gearbeitet"
        begeistert""",
    1.0: """gut gute guter gutes zufrieden froh nett freundlich hilfsbereit fair gerecht
        flexibel interessant spannend sinnvoll motivier* wertschaetz* angenehm positiv
        empfehlen empfehle gern gerne respektvoll kollegial geschaetzt mochte mag gemocht
        ueberdurchschnittlich familiaer top gelernt freu* vermiss*""",
    0.5: """unterstuetzt unterstuetzung perspektive* aufstieg* chance* *moeglichkeit*
        feedback zugehoert geholfen gefoerdert foerderung anerkennung realistisch machbar
        "ernst genommen" weiterentwickeln weiterentwicklung willkommen
        gehaltserhoehung informiert hilft helfen "ueber die runden\"""",
    0.3: '"in ordnung" passt',
    0.2: "okay ok",
    -0.5: "langsam hierarch*",
    -0.7: """*problem* ueberstunden sorge* krank* unklar leider verwirr* laerm beschwer*""",
    -1.0: """schlecht* langweil* monoton eintoenig chaos chaotisch unorganisiert konflikt*
        schwierig* "gar nix" "gar nichts" fehlt "ohne ~ begruendung" "ohne ~ grund" "ohne ~
        vorwarnung" abgelehnt unmoeglich ignoriert veraltet kaputt unterdurchschnittlich
        unmachbar "nicht verlaengert" "zu kalt" "zu heiss" verschwendet traurig aerger* schade
        vorwuerf* "zu viel*"
        "ueber ~ kopf hinweg" druck muede einsam""",
    -1.5: """schlimm* mies unzufrieden frustr* enttaeusch* stress* gestresst erschoepf*
        ueberlastet ueberfordert unfair ungerecht* unterbezahlt respektlos* unfreundlich
        unhoeflich zermuerb* bestraft beschuldig* wuetend angst schlaflos* sinnlos
        entlass* "kann nicht mehr" demotiviert runtergemacht niedergemacht *angst* abgehaengt
        "re:(?:wurde|wurden|worden|hat|haben)\\W+(?:[\\w']+\\W+){0,4}gekuendigt"
        "re:gekuendigt\\W+(?:worden|wurde)" """,
    -2.0: """schrecklich furchtbar katastroph* toxisch hasse hasste ausgebrannt burnout
        mobbing gemobbt unertraeglich""",
}

# "X but Y": Y is what the person means. A complaint outweighs praise of equal strength:
# in an exit interview the criticism is the message.
_CONTRAST = re.compile(r"\b(?:but|however|yet|aber|jedoch|allerdings|trotzdem)\b")
_AFTER_TURN = 1.5
_BEFORE_TURN = 0.5
_COMPLAINT_WEIGHT = 1.5
# Answers to "what would have kept you / what should we improve" name something that was
# missing, so anything short of clear praise there reads as a complaint: "More training."
# mentions a good thing but asks for what was lacking.
_CLEAR_PRAISE = 0.5
_IMPROVEMENT_QUESTION = re.compile(
    r"improv|better|kept you|keep you|you stay|change|differently|wish|verbesser|besser|bleiben|"
    r"aender|anders"
)
_NOTHING_TO_IMPROVE = re.compile(
    r"^\W*(?:honestly\W+|ehrlich gesagt\W+)?(?:nothing|none|no|nope|nah|not really|not much|"
    r"probably not|nichts|nein|noe|nee?|keine?|eigentlich nicht|nicht wirklich)\b"
)
# An answer there that opens with a wish asks for what was missing, whatever words follow
# ("More appreciation. A thank-you now and then would have been enough.").
_WISH = re.compile(r"^\W*(?:more|better|less|fewer|stop|mehr|bessere[nrs]?|weniger)\b")
# A bare topic given as the reason for leaving ("Money.", "Die Pendelei.") is a complaint
# about it, unless the topic is one nobody complains about (moving, retiring, health).
_TERSE_WORDS = 4
_NEUTRAL_REASONS = frozenset({"relocation", "retirement", "involuntary", "wellbeing"})
# Phrases that hold a sentiment word but carry no feeling: a polite "no, thanks", a
# redundancy the person asked for.
_GUARDS = {
    "en": """"re:(?:no|n/a|nope)\\W+thanks?(?: you)?(?!\\w)" "voluntary redundan*\"""",
    "de": """"re:(?:nein|nee?|noe)\\W+danke(?!\\w)" "freiwillig* ~ abfindung\"""",
}


def _entries(table: dict[float, str]) -> list[tuple[str, str, float]]:
    return [
        (entry, "sentiment", weight)
        for weight, text in table.items()
        for entry in split_entries(text)
    ]


_LEXICONS = {
    language: compile_lexicon(
        _entries(table) + [(entry, "", 0.0) for entry in split_entries(_GUARDS[language])]
    )
    for language, table in (("en", _EN), ("de", _DE))
}


@dataclass(frozen=True)
class Sentiment:
    """How an answer feels: a label for people and a score in [-1, 1] for aggregates."""

    label: Label
    score: float


def _from_score(score: float) -> Sentiment:
    score = max(-1.0, min(1.0, score))
    return Sentiment(tone_of(score), score)


def _lexicon_score(norm: str, language: str) -> float:
    """The word lists' score in (-1, 1): weights summed, then squashed.

    Mixed feelings lean to the complaint: what follows "but"/"aber" is what the person
    means ("great team, but the pay…"), what precedes it is softened, and a complaint
    weighs more than praise of the same strength ("lovely people, terrible systems").
    """
    lexicon = _LEXICONS.get(language, _LEXICONS["en"])
    turns = [match.start() for match in _CONTRAST.finditer(norm)]
    total = 0.0
    for hit in lexicon.hits(norm):
        weight = hit.weight * intensity(norm, hit)
        if is_negated(norm, hit):
            weight = _NEGATED_POSITIVE if weight > 0 else weight * _NEGATED_NEGATIVE
        if turns:
            weight *= _AFTER_TURN if hit.start > turns[-1] else _BEFORE_TURN
        total += weight * (_COMPLAINT_WEIGHT if weight < 0 else 1.0)
    return total / math.sqrt(total * total + _SQUASH)


def _asks_for_improvement(text: str, language: str, question: str | None) -> bool:
    """An answer to "what could we improve?" that names something, not "nothing"."""
    return bool(
        question
        and _IMPROVEMENT_QUESTION.search(normalize(question).replace("_", " "))
        and not _NOTHING_TO_IMPROVE.match(normalize(text))
        and not is_refusal(text, language)
    )


def _names_a_grievance(norm: str, language: str) -> bool:
    """A terse answer that only names a topic people leave over ("Money.", "The commute.")."""
    return len(words(norm)) <= _TERSE_WORDS and bool(
        set(themes_in_words(norm, language)) - _NEUTRAL_REASONS
    )


def lexicon_sentiment(text: str, language: str = "en", question: str | None = None) -> Sentiment:
    """The sentiment the word lists alone give, in "en" or "de" (others read as "en").

    `question`, the question's wording or id, lets an answer to "what could we improve?"
    count as the complaint it is even when it is phrased as a wish ("More training.").
    """
    norm = normalize(text)
    result = _from_score(_lexicon_score(norm, language))
    complaint = (
        (result.score <= _CLEAR_PRAISE or _WISH.match(norm))
        and _asks_for_improvement(text, language, question)
    ) or (result.score == 0.0 and _names_a_grievance(norm, language))
    if complaint:
        return Sentiment("negative", min(result.score, -_THRESHOLD))
    return result


def sentiment_hints(text: str, language: str, question: str | None) -> dict[str, float]:
    """What the word lists say, as input for the learned model: their score and label
    ("tone:…"), and whether the answer asks for an improvement."""
    return _hints(lexicon_sentiment(text, language, question), text, language, question)


def _hints(lexicon: Sentiment, text: str, language: str, question: str | None) -> dict[str, float]:
    hints = {"sent:score": lexicon.score, f"tone:{lexicon.label}": 1.0}
    if _asks_for_improvement(text, language, question):
        hints["sent:improve"] = 1.0
    return hints


def sentiment_of_text(
    text: str,
    language: str = "en",
    question: str | None = None,
    model: AnalysisModel | None = None,
) -> Sentiment:
    """The sentiment of a free-text answer in "en" or "de" (other languages read as "en").

    The learned model (`model`, else the shipped one) picks the label from the words, the
    question and what the word lists found; without a model the word lists decide
    (`lexicon_sentiment`). The score stays the word lists' measure of how strongly the
    answer is worded, moved just inside the label's band when the two disagree, so label
    and score always agree and averages of scores keep their meaning.
    """
    lexicon = lexicon_sentiment(text, language, question)
    model = model or shipped_model()
    if model is None:
        return lexicon
    found = features(text, language, _hints(lexicon, text, language, question))
    probabilities = model.sentiment_probabilities(found)
    label = max(LABELS, key=lambda name: probabilities.get(name, 0.0))
    low, high = _BANDS[label]
    return Sentiment(label, max(low, min(high, lexicon.score)))


def sentiment_of_rating(rating: int, scale_max: int) -> Sentiment:
    """The sentiment of a rating on a 1–5 scale, or a 0–10 scale read in eNPS bands.

    On 0–10, 0–6 (detractors) are negative, 7–8 (passives) neutral, 9–10 (promoters)
    positive, matching how HR reads "would you recommend us".
    """
    if scale_max == 10:
        if not 0 <= rating <= 10:
            raise ValueError(f"rating {rating} is outside 0–10")
        return _from_score(_ENPS_SCORES[rating])
    if scale_max == 5:
        if not 1 <= rating <= 5:
            raise ValueError(f"rating {rating} is outside 1–5")
        return _from_score((rating - 3) / 2)
    raise ValueError(f"unsupported rating scale 0/1–{scale_max}; use 5 or 10")


def combine(text: Sentiment | None, rating: Sentiment | None) -> Sentiment:
    """One sentiment for an answer that may have a rating, a comment, both or neither."""
    if text is None:
        return rating if rating is not None else Sentiment("neutral", 0.0)
    if rating is None:
        return text
    return _from_score(_RATING_WEIGHT * rating.score + (1 - _RATING_WEIGHT) * text.score)
