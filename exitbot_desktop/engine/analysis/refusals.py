"""Answers that decline to say more: "no", "nothing", "prefer not to say", in EN and DE.

Owns `is_refusal`. Analysis reads such an answer as no content (no theme, no sentiment,
nothing to quote) and the follow-up policy never probes it. Never imports Qt.
"""

from __future__ import annotations

import re

_REFUSALS = {
    "en": (
        "no",
        "nope",
        "nothing",
        "none",
        "n/a",
        "na",
        "no comment",
        "nothing else",
        "prefer not to say",
        "i'd rather not say",
        "i would rather not say",
        "rather not say",
        "not really",
        "no thanks",
        "pass",
        "skip",
        "-",
    ),
    "de": (
        "nein",
        "nichts",
        "keine",
        "keins",
        "kein kommentar",
        "nichts weiter",
        "nichts mehr",
        "möchte ich nicht sagen",
        "keine angabe",
        "lieber nicht",
        "weiß nicht",
        "weiss nicht",
        "nicht wirklich",
        "nein danke",
        "-",
    ),
}


def is_refusal(answer: str, language: str) -> bool:
    """True when the answer declines to say more ("no", "nothing", "prefer not to say")."""
    norm = re.sub(r"[\s.!,;:]+$", "", answer.strip().lower())
    norm = re.sub(r"\s+", " ", norm)
    if not norm:
        return True
    refusals = _REFUSALS.get(language, ()) + _REFUSALS["en"]
    return norm in refusals
