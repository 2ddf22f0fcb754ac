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
)
from exitbot_desktop.engine.analysis.refusals import is_refusal
from exitbot_desktop.engine.filters import TONE_THRESHOLD, Tone, tone_of

Label = Tone
_THRESHOLD = TONE_THRESHOLD
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
        "had my back" delighted welcome welcomed""",
    1.0: """good nice fun glad pleased satisfied helpful friendly kind respectful fair flexible
        interesting varied motivat* valued recommend* comfortable pleasant positive welcoming
        trust* thank* thanks appreciat* "worked well" "went well" meaningful liked "i like*"
        "we like*\"""",
    0.5: """grow growth opportunit* recogni* support supported training guidance coach* mentor*
        listened
        explained answered helped cared responded realistic decent fairly
        communicated informed involved "taken seriously" manageable "pay rise" doable sustainable
        raise""",
    0.4: "fine reasonable alright",
    0.2: "ok okay",
    -0.5: "issue* slow hard difficult* lose losing lost",
    -0.7: """problem* repetitive sick worry unclear confus* distant overtime "too many"
        "second job" noisy politic* complain* ancient sadly unfortunately stuck""",
    -1.0: """bad poor poorly boring bored monoton* tedious ignor* chaos chaotic disorganis*
        disorganiz* conflict* worried afraid crash* waste* wasted "worked late" "long hours"
        unrealistic gossip* favouritism favoritism outdated broken "below market" sad shame
        worse "constantly changing" "too much" "over my head" tired unpaid
        mistake* pressure lonely isolated nervous "closed down" "lost my job"
        "lost their jobs" "no idea" struggl* freezing "too cold" "too hot"
        "took credit" "below average" "pay freeze" "no room to" "no room for" "not renewed" "not
        extended" "didn't like" "did not like" "don't like\"""",
    -1.5: """unfair unhappy frustrat* disappoint* stress* exhaust* overwhelm* overwork*
        underpaid micromanag* blame* blamed punish* rude disrespect* unprofessional unsafe
        dangerous ruin* "laid off" "let go" fired terminated redundan* sleepless anxious
        anxiety depress* scared "kept changing" angry upset pointless meaningless useless
        cliqu* "can't continue" "cannot continue" drained "worn out" "wore me down" brutal
        dismissed unmanageable unsustainable "wore me out" "wears me out" "worn down" demotivat*
        undervalued unappreciated ignored""",
    -2.0: """terrible awful horrible toxic hate* hated worst miserable nightmare burnout
        "burned out" "burnt out" bully* bullied harass* discriminat* unbearable""",
}
_DE: dict[float, str] = {
    2.0: """grossartig wunderbar hervorragend ausgezeichnet fantastisch perfekt beste* bestens
        "ich liebe" geliebt traumhaft""",
    1.5: """toll super prima dankbar danke "vielen dank" spass freude unterstuetzend
        grosszuegig abwechslungsreich gluecklich wohlgefuehlt "wohl gefuehlt" "gerne gearbeitet"
        begeistert""",
    1.0: """gut gute guter gutes zufrieden froh nett freundlich hilfsbereit fair gerecht
        flexibel interessant spannend sinnvoll motivier* wertschaetz* angenehm positiv
        empfehlen empfehle gern gerne respektvoll kollegial geschaetzt mochte mag gemocht
        ueberdurchschnittlich""",
    0.5: """unterstuetzt unterstuetzung perspektive* aufstieg* chance* *moeglichkeit*
        feedback zugehoert geholfen gefoerdert foerderung anerkennung realistisch machbar
        "ernst genommen" weiterentwickeln weiterentwicklung willkommen
        gehaltserhoehung informiert""",
    0.3: '"in ordnung" passt',
    0.2: "okay ok",
    -0.5: "langsam schwierig*",
    -0.7: """*problem* ueberstunden sorge* krank* unklar leider verwirr* laerm beschwer*""",
    -1.0: """schlecht* langweil* monoton eintoenig chaos chaotisch unorganisiert konflikt*
        ignoriert veraltet kaputt unterdurchschnittlich unmachbar "nicht verlaengert" "zu kalt" "zu
        heiss" verschwendet traurig aerger* schade vorwuerf* "zu viel*"
        "ueber ~ kopf hinweg" druck muede einsam""",
    -1.5: """schlimm* mies unzufrieden frustr* enttaeusch* stress* gestresst erschoepf*
        ueberlastet ueberfordert unfair ungerecht* unterbezahlt respektlos* unfreundlich
        unhoeflich zermuerb* bestraft beschuldig* wuetend angst schlaflos* sinnlos
        entlass* "kann nicht mehr" demotiviert
        "re:(?:wurde|wurden|worden|hat|haben)\\W+(?:[\\w']+\\W+){0,4}gekuendigt"
        "re:gekuendigt\\W+(?:worden|wurde)" """,
    -2.0: """schrecklich furchtbar katastroph* toxisch hasse hasste ausgebrannt burnout
        mobbing gemobbt unertraeglich""",
}

# Answers to "what would have kept you / what should we improve" name something that was
# missing, so anything short of clear praise there reads as a complaint: "More training."
# mentions a good thing but asks for what was lacking.
_CLEAR_PRAISE = 0.5
_IMPROVEMENT_QUESTION = re.compile(
    r"improv|better|kept you|keep you|change|differently|wish|verbesser|besser|bleiben|"
    r"aender|anders"
)
_NOTHING_TO_IMPROVE = re.compile(r"^\W*(?:nothing|none|no|nichts|nein|keine?)\b")


def _entries(table: dict[float, str]) -> list[tuple[str, str, float]]:
    return [
        (entry, "sentiment", weight)
        for weight, text in table.items()
        for entry in split_entries(text)
    ]


_LEXICONS = {"en": compile_lexicon(_entries(_EN)), "de": compile_lexicon(_entries(_DE))}


@dataclass(frozen=True)
class Sentiment:
    """How an answer feels: a label for people and a score in [-1, 1] for aggregates."""

    label: Label
    score: float


def _from_score(score: float) -> Sentiment:
    score = max(-1.0, min(1.0, score))
    return Sentiment(tone_of(score), score)


def sentiment_of_text(text: str, language: str = "en", question: str | None = None) -> Sentiment:
    """The sentiment of a free-text answer in "en" or "de" (other languages read as "en").

    `question`, the question's wording or id, lets an answer to "what could we improve?"
    count as the complaint it is even when it is phrased as a wish ("More training.").
    """
    norm = normalize(text)
    lexicon = _LEXICONS.get(language, _LEXICONS["en"])
    total = 0.0
    for hit in lexicon.hits(norm):
        weight = hit.weight * intensity(norm, hit)
        if is_negated(norm, hit):
            weight = _NEGATED_POSITIVE if weight > 0 else weight * _NEGATED_NEGATIVE
        total += weight
    result = _from_score(total / math.sqrt(total * total + _SQUASH))
    if (
        question
        and result.score <= _CLEAR_PRAISE
        and _IMPROVEMENT_QUESTION.search(normalize(question).replace("_", " "))
        and not _NOTHING_TO_IMPROVE.match(norm)
        and not is_refusal(text, language)
    ):
        return Sentiment("negative", min(result.score, -_THRESHOLD))
    return result


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
