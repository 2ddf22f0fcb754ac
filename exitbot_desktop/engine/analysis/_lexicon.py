"""Shared machinery for the lexicon classifiers: normalising text, matching word lists, negation.

Sentiment, themes and flags all answer the same question — "which listed words or phrases
occur in this answer, and is each one negated or intensified?" — so they share one matcher.
This module owns that matcher and the function words it relies on; the word lists live
with the classifier that uses them. Pure standard library; never imports Qt.

Lexicon entries are small patterns, written the way the words look:

- ``"salary"`` matches the word, ``"promot*"`` any word starting so, ``"*gehalt*"`` any word
  containing it (German compounds), ``"laid off"`` the phrase (hyphens, slashes and spaces
  between words are interchangeable), ``"over ~ head"`` allows up to three words in the gap,
- ``"re:..."`` is a raw regular expression for the few cases that need one (no capturing
  groups; text is lower-case with umlauts folded, see `normalize`).

An entry whose label is ``""`` is a guard: it claims its span so that a shorter entry inside
it does not match ("fraud prevention" is a job, not a fraud).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_WORD_OR_PHRASE = re.compile(r'"([^"]+)"|(\S+)')
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "’": "'", "‘": "'", "`": "'"})
_WORD_SEP = r"[\s\-/]+"
_GAP = r"(?:[\w']+[\s\-/,]+){0,3}"
_WORD = re.compile(r"[\w']+")
_CLAUSE_END = re.compile(
    r"[.!?;:,\n()]|\b(?:but|however|although|though|aber|jedoch|sondern|obwohl)\b"
)


def split_entries(text: str) -> list[str]:
    """The entries of a word list written as text: words, and phrases in double quotes."""
    return [match.group(1) or match.group(2) for match in _WORD_OR_PHRASE.finditer(text)]


_NEGATORS = frozenset(
    split_entries(
        """not no never nobody none nothing nowhere neither nor without hardly barely rarely
    seldom lack lacked lacking cannot cant dont didnt doesnt isnt wasnt werent arent havent
    hasnt hadnt couldnt wouldnt wont shouldnt aint
    nicht nie niemals nix null kein keine keinen keinem keiner keines nichts niemand ohne
    kaum selten
    mangel mangelnde mangelnder mangelnden fehlende fehlender fehlenden fehlt fehlte"""
    )
)
# Words that may stand between a negator and what it negates without breaking the link:
# "I was never really bullied", "I haven't experienced any harassment", "nicht sehr gut".
_BRIDGES = frozenset(
    split_entries(
        """am is are was were be been being have has had do does did feel feels felt seem seemed
    get got ever once at all any a an the my our their his her its i me we us you it of to
    experience experienced see saw seen witness witnessed receive received one or much
    enough particularly always really very so too quite that this those these such
    bin bist ist sind war waren wurde wurden worden habe hat hatte hatten haben mich mir ich
    wir uns es sehr so zu wirklich besonders ganz gar einmal mal je jemals erlebt gesehen
    gefuehlt fuehlte fuehle den die das der dem des ein eine einen einem einer mit dort hier
    richtig allzu oft just simply einfach"""
    )
)
_INTENSIFIERS = frozenset(
    split_entries(
        """very really extremely incredibly absolutely totally completely highly super deeply
    truly so much utterly especially seriously terribly awfully
    sehr wirklich extrem total absolut aeusserst echt besonders unglaublich voellig
    viel richtig wahnsinnig ueberaus"""
    )
)
_DIMINISHERS = frozenset(
    split_entries(
        """slightly somewhat mostly fairly rather partly bit little kinda
    etwas bisschen wenig eher teilweise halbwegs einigermassen"""
    )
)
_MAX_BRIDGE = 3


def normalize(text: str) -> str:
    """Lower-case, fold umlauts and typographic quotes, blank out control characters.

    Folding "ä" to "ae" lets one entry match both spellings people type ("Gehaltserhöhung",
    "Gehaltserhoehung"); control characters are blanked, not dropped, so offsets stay
    meaningful and hostile input cannot glue two words together.
    """
    text = unicodedata.normalize("NFKC", text).lower().translate(_FOLD)
    return "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf") and ch != "\n" else ch for ch in text
    )


def words(text: str) -> list[str]:
    """The words of already normalised text, apostrophes kept inside ("didn't")."""
    return _WORD.findall(text)


@dataclass(frozen=True)
class Hit:
    """One lexicon entry found in the text."""

    start: int
    end: int
    label: str
    weight: float


def _word_pattern(word: str) -> str:
    core = re.escape(word.strip("*")).replace("'", "'?")
    lead = r"\w*" if word.startswith("*") else ""
    trail = r"\w*" if word.endswith("*") else ""
    return lead + core + trail


def _entry_pattern(entry: str) -> str:
    if entry.startswith("re:"):
        return entry[3:].translate(_FOLD)
    tokens = normalize(entry).replace("-", " ").split()
    parts: list[str] = []
    for i, token in enumerate(tokens):
        if token == "~":
            parts.append(_GAP)
            continue
        parts.append(_word_pattern(token))
        if i < len(tokens) - 1:
            parts.append(_WORD_SEP)
    return "".join(parts) + r"(?!\w)"


@dataclass(frozen=True)
class Lexicon:
    """A compiled word list: every entry one alternative of a single regular expression.

    One combined pattern scans a 100 KB answer once instead of once per entry. Longer
    entries come first, so a phrase wins over a word it contains ("team lead" over "team").
    """

    pattern: re.Pattern[str]
    labels: tuple[str, ...]
    weights: tuple[float, ...]

    def hits(self, norm_text: str) -> list[Hit]:
        """All non-overlapping entries in `norm_text` (output of `normalize`), guards dropped."""
        found = []
        for match in self.pattern.finditer(norm_text):
            index = int((match.lastgroup or "e0")[1:])
            if self.labels[index] and match.end() > match.start():
                found.append(
                    Hit(match.start(), match.end(), self.labels[index], self.weights[index])
                )
        return found


def compile_lexicon(entries: Iterable[tuple[str, str, float]]) -> Lexicon:
    """Build a `Lexicon` from (entry, label, weight) triples.

    Alternatives are grouped under their first letter, so at each word start the regex
    engine tries only the entries that can match there; this keeps a 100 KB answer fast.
    """
    ordered = sorted(entries, key=lambda e: (-len(e[0].replace("-", " ").split()), -len(e[0])))
    buckets: dict[str, list[str]] = {}
    for index, (entry, _, _) in enumerate(ordered):
        pattern = _entry_pattern(entry)
        first = pattern[0] if pattern[0].isalnum() else ""
        group = f"(?P<e{index}>{pattern[1:] if first else pattern})"
        buckets.setdefault(first, []).append(group)
    wildcard = buckets.pop("", [])
    branches = ["|".join(wildcard)] if wildcard else []
    branches += [f"{first}(?:{'|'.join(groups)})" for first, groups in buckets.items()]
    return Lexicon(
        pattern=re.compile(rf"(?<!\w)(?:{'|'.join(branches)})"),
        labels=tuple(label for _, label, _ in ordered),
        weights=tuple(weight for _, _, weight in ordered),
    )


def _clause_before(norm_text: str, start: int) -> list[str]:
    window = norm_text[max(0, start - 120) : start]
    cut = 0
    for match in _CLAUSE_END.finditer(window):
        cut = match.end()
    return words(window[cut:])


def _clause_after(norm_text: str, end: int) -> list[str]:
    window = norm_text[end : end + 120]
    match = _CLAUSE_END.search(window)
    return words(window[: match.start()] if match else window)


def is_negated(norm_text: str, hit: Hit) -> bool:
    """Whether a negator governs the hit: "not happy", "never bullied", "mochte ihn nicht".

    Only bridge words may stand between negator and hit, so "couldn't stop the harassment"
    stays a report of harassment. German puts "nicht" after the verb at the end of the
    clause ("Ich mochte die Arbeit nicht") or right after it ("das passt nicht zu mir"), so
    a clause-final or directly following "nicht" counts too.
    """
    for word in reversed(_clause_before(norm_text, hit.start)[-(_MAX_BRIDGE + 1) :]):
        if word.replace("'", "") in _NEGATORS:
            return True
        if word not in _BRIDGES:
            break
    after = _clause_after(norm_text, hit.end)
    postposed = ("nicht", "nie", "keine", "nix")
    return bool(after) and (
        after[0] in postposed or (len(after) <= _MAX_BRIDGE + 1 and after[-1] in postposed)
    )


def intensity(norm_text: str, hit: Hit) -> float:
    """How strongly the words right before the hit amplify it ("very", "sehr", "a bit")."""
    factor = 1.0
    for word in reversed(_clause_before(norm_text, hit.start)[-2:]):
        if word in _INTENSIFIERS:
            factor *= 1.5
        elif word in _DIMINISHERS:
            factor *= 0.5
        elif word not in _BRIDGES and word not in _NEGATORS:
            break
    return factor
