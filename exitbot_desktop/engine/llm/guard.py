"""The guard every model-written follow-up must pass before an employee sees it.

Owns `GuardVerdict` and `check_followup`. The reasons are stable codes stored with the
follow-up (`Followup.guard_reason`) so HR and tests can tell why text was replaced.
A small model fails these often; the caller then uses the rules follow-up. Never
imports Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from exitbot_desktop.engine.analysis.private_life import mentions_private_life
from exitbot_desktop.engine.analysis.sentiment import sentiment_of_text
from exitbot_desktop.engine.analysis.themes import classify_themes
from exitbot_desktop.engine.followup_policy import FollowupRequest
from exitbot_desktop.engine.language import guess_language
from exitbot_desktop.engine.llm.content_words import content_stems
from exitbot_desktop.engine.llm.stock_lines import kind_stems

MAX_WORDS = 30

_MARKUP = re.compile(
    r"<[^>]*>|\*\*|__|```|^\s*#|\[/?INST\]|\|\s*\w+\s*\|"
    r"|^\s*(user|assistant|model|system|question|answer|follow-up|frage|antwort|nachfrage)\s*:",
    re.IGNORECASE | re.MULTILINE,
)
_PROMISE = re.compile(
    r"\b(we|i|the company|hr)\s*('ll|will|can|could|are going to)\s+"
    r"(pay|raise|increase|rehire|re-hire|hire you|give|offer|make sure|guarantee|promise|"
    r"fix|change|ensure|get you)\b"
    r"|\bpromise|\bguarantee|\byou('ll| will) (get|receive|be paid|be rehired)\b"
    r"|\byou are entitled\b"
    r"|\b(wir|ich) (werden|werde|können|kann) (ihnen|dafür|das|sie)\b|versprech|garantier"
    r"|\bsie (bekommen|erhalten) (eine|einen|ihr|mehr)\b|\banspruch auf\b",
    re.IGNORECASE,
)
_ADVICE = re.compile(
    r"\b(lawyer|attorney|sue|suing|lawsuit|legal (action|advice|claim)|court|tribunal|"
    r"diagnos\w*|medication|medicine|therapy|therapist|doctor|prescri\w*|"
    r"anwalt|anwältin|verklagen|klage|gericht|rechtsberatung|arzt|ärztin|therap\w*|"
    r"medikament\w*|diagnose)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Asking what went wrong or what to improve: right after a complaint, tone-deaf after praise.
_WHAT_WENT_WRONG = re.compile(
    r"\b(went|go|gone|going) wrong\b|\b(done|do) (anything |things )?(differently|better)\b"
    r"|\bhave been better\b|\bimprov\w*|\bchange\b|\bfrustrat\w*|\bproblem\w*|\bdisappoint\w*"
    r"|\bschief\s?(ge)?lauf\w*|\banders (machen|gemacht)\b|\bbesser (machen|gemacht)\b"
    r"|\bverbesser\w*|\bändern\b|\bproblem\w*|\benttäusch\w*",
    re.IGNORECASE,
)
# Asking what was good, enjoyed or satisfying: right after praise, a tone inversion after
# a complaint ("Why are you satisfied with your workplace?" after "No dental, no pension").
_WHAT_WAS_GOOD = re.compile(
    r"\b(satisf\w*|enjoy\w*|happy|happier|glad|love[ds]?|loving|like[ds]? (most|best|about)"
    r"|(went|go|going|work(ed)?) (so )?well|made (it|that|this|you) (so )?(good|great|work)"
    r"|good experience|best (thing|part)s?)\b"
    r"|\b(zufrieden\w*|gefallen|gefiel|gern gemacht|spaß|freude|genossen|glücklich"
    r"|(so )?gut (gemacht|gefallen|funktioniert|getan)|am besten|das beste)\b",
    re.IGNORECASE,
)
# Words by which a follow-up points back at the answer without repeating it.
_POINTS_BACK = re.compile(
    r"\b(that|this|it|those|these|there|then|das|dies|diese[mnrs]?|es|davon|darüber|dazu|"
    r"damit|dabei|daran|dort|damals)\b",
    re.IGNORECASE,
)


# What a kind question that fits many answers is made of ("When did that start?", "How
# did that affect your day-to-day work?"): with a word pointing back at the answer and
# nothing else of its own, it may follow an answer without taking up its words.
_KIND_WORDS = kind_stems() | content_stems(
    "start started happen happened situation angefangen passiert gebraucht needed helped "
    "geholfen situation"
)
# An interviewer asks about the employee, never as them: "tell me" is fine, "I" and "my"
# are the employee's words. A small model often writes the employee's side instead
# ("What have I been doing for work?", "Warum hab ich die Abteilung verlassen?").
_FIRST_PERSON = {
    "en": re.compile(r"\b(i|my|mine|myself|i'm|i've|i'd)\b", re.IGNORECASE),
    "de": re.compile(r"\b(ich|mein|meine|meinem|meiner|meines)\b", re.IGNORECASE),
}


# A German interview says "Sie"; a small model slips into "du" ("Wie schläfst du jetzt?").
_INFORMAL_DE = re.compile(r"\b(du|dich|dir|dein|deine[mnrs]?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class GuardVerdict:
    """Whether a follow-up may be shown, and if not the code of the first rule it broke.

    Codes: empty, markup, not_a_question, several_questions, too_long, wrong_language,
    promise, advice, intrusive (asks about the employee's private life: a partner,
    family planning, religion, sexuality, health, age, origin), repeats_question,
    repeats_followup, tone_deaf (asks what went wrong after praise), tone_inverted (asks
    what was good after a complaint), off_topic (takes up no word of the answer and is
    no kind question pointing back at it), first_person (speaks as the employee),
    informal ("du" in a German interview).
    """

    ok: bool
    reason: str = ""


def check_followup(text: str, request: FollowupRequest) -> GuardVerdict:
    """Judge one candidate follow-up for the answer it follows up on."""
    reason = _first_broken_rule(text.strip(), request)
    return GuardVerdict(ok=not reason, reason=reason)


def _first_broken_rule(text: str, request: FollowupRequest) -> str:
    if not text:
        return "empty"
    if _MARKUP.search(text):
        return "markup"
    if not text.endswith("?"):
        return "not_a_question"
    if text.count("?") > 1:
        return "several_questions"
    if len(text.split()) > MAX_WORDS:
        return "too_long"
    language = guess_language(text)
    if request.language in ("en", "de") and language not in (None, request.language):
        return "wrong_language"
    if _PROMISE.search(text):
        return "promise"
    if _ADVICE.search(text):
        return "advice"
    if mentions_private_life(text):
        return "intrusive"
    if _repeats(text, request.question_text):
        return "repeats_question"
    if any(_repeats(text, earlier) for earlier in request.previous_followups):
        return "repeats_followup"
    wrong = asks_what_went_wrong(text, request.answer_text)
    good = asks_what_was_good(text, request.answer_text)
    tone = _tone(request) if wrong or good else ""
    if wrong and tone == "positive":
        return "tone_deaf"
    if good and tone == "negative":
        return "tone_inverted"
    if _ignores_answer(text, request):
        return "off_topic"
    first_person = _FIRST_PERSON.get(request.language)
    if first_person is not None and first_person.search(text):
        return "first_person"
    if request.language == "de" and _INFORMAL_DE.search(text):
        return "informal"
    return ""


def asks_what_went_wrong(text: str, answer: str = "") -> bool:
    """A question about what went wrong or could be better (fine after a complaint),
    other than in the answer's own words ("the problems you solved" after "I enjoyed
    solving problems")."""
    return _asks(_WHAT_WENT_WRONG, text, answer)


def asks_what_was_good(text: str, answer: str = "") -> bool:
    """A question about what was good or satisfying (fine after praise), other than in
    the answer's own words ("what you enjoyed, before the reports" after "I enjoyed it
    until the reports took over")."""
    return _asks(_WHAT_WAS_GOOD, text, answer)


def _asks(pattern: re.Pattern[str], text: str, answer: str) -> bool:
    theirs = content_stems(answer)
    return any(not (content_stems(match.group()) & theirs) for match in pattern.finditer(text))


def _tone(request: FollowupRequest) -> str:
    return sentiment_of_text(
        request.answer_text, request.language, question=request.question_text
    ).label


def _ignores_answer(text: str, request: FollowupRequest) -> bool:
    """It takes up no word of the answer or its question and is not a kind question
    that points back at it ("When did that start?"): a question about something never
    mentioned, however fluent. After an answer with no content word ("It was ok.") a
    pointer back or a theme in common is enough."""
    if not request.answer_text.strip():
        return False
    ours = content_stems(text)
    theirs = content_stems(request.answer_text)
    if _takes_up(ours, theirs):
        return False
    points_back = _POINTS_BACK.search(text) is not None
    if points_back and ours <= _KIND_WORDS:
        return False
    # The question's words are on point too: "It was slower than I had hoped" answers
    # a question about growth.
    said = f"{request.question_text} {request.answer_text}"
    if _takes_up(ours, content_stems(said)):
        return False
    if theirs:
        return True
    if points_back:
        return False
    language = request.language
    return not set(classify_themes(text, language)) & set(classify_themes(said, language))


def _takes_up(ours: set[str], theirs: set[str]) -> bool:
    """A stem in common, or one the start of the other: a follow-up may say the answer's
    word in another form ("grow" and "growth")."""
    return any(o.startswith(t) or t.startswith(o) for o in ours for t in theirs)


def _repeats(candidate: str, earlier: str) -> bool:
    """Near-verbatim repetition, which is how a small model most often fails.

    Either the two read almost the same, or (nearly) every word of the candidate is
    already in the earlier text — "What is the main reason?" after "What is the main
    reason you are leaving?".
    """
    a, b = _words(candidate), _words(earlier)
    if not a or not b:
        return False
    if SequenceMatcher(None, " ".join(a), " ".join(b)).ratio() >= 0.8:
        return True
    contained = sum(w in set(b) for w in a) / len(a)
    return len(a) >= 3 and contained >= 0.85


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]
