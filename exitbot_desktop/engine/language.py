"""Telling English from German in short texts, by common function words.

Owns `guess_language`. Only the two interview languages are told apart; anything the
word lists cannot decide is reported as unknown. Never imports Qt.
"""

from __future__ import annotations

import re

# Written as one string each so the lists stay readable; split once at import.
_WORDS = {
    "en": frozenset(
        "the you your what how why which when did do does could would should is are was "  # noqa: SIM905
        "there about that this with and for have has it of to in at anything something "
        "more else feel felt think".split()
    ),
    "de": frozenset(
        "der die das den dem des sie ihr ihre ihnen was wie warum welche welcher welches "  # noqa: SIM905
        "wann haben hat hätte könnten würden sollten ist sind gibt es mit und für über "
        "noch etwas mehr sonst zu bei ein eine einen nicht gefühlt denken".split()
    ),
}
_GERMAN_LETTERS = re.compile(r"[äöüß]", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def guess_language(text: str) -> str | None:
    """ "en", "de", or None when the text gives no clear sign either way.

    "was" is a German question word and an English verb, so it counts for both; a
    German umlaut or ß tips the balance because English text never has one.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in _WORDS.items()}
    if _GERMAN_LETTERS.search(text):
        scores["de"] += 2
    if scores["en"] == scores["de"]:
        return None
    return "en" if scores["en"] > scores["de"] else "de"
