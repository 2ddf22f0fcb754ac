"""The kind questions that fit any answer, in English and German.

Owns `GENERIC` (the rules' last resort), `AFTER_PRAISE` (what made it good), and the
words they are made of: the guard lets a question built only of those words follow an
answer when it points back at it, the ranking and `bench/followups.py` count one as a
stock line. Never imports Qt.
"""

from __future__ import annotations

from exitbot_desktop.engine.llm.content_words import content_stems

GENERIC = {
    "en": (
        "Could you tell me a bit more about that?",
        "What would have made the biggest difference for you?",
        "Can you give an example of what you mean?",
        "How did that affect your day-to-day work?",
        "When did you first notice this?",
        "What would you like the company to learn from this?",
        "Is there anything else about this you would like to add?",
    ),
    "de": (
        "Können Sie mir etwas mehr darüber erzählen?",
        "Was hätte für Sie den größten Unterschied gemacht?",
        "Können Sie ein Beispiel nennen, was Sie damit meinen?",
        "Wie hat sich das auf Ihre tägliche Arbeit ausgewirkt?",
        "Wann ist Ihnen das zum ersten Mal aufgefallen?",
        "Was sollte das Unternehmen Ihrer Meinung nach daraus lernen?",
        "Möchten Sie dazu noch etwas ergänzen?",
    ),
}


# After praise: what made it good, never what went wrong (the guard refuses that too).
AFTER_PRAISE = {
    "en": (
        "What made that work so well for you?",
        "What would you like the company to keep doing, from what you describe?",
    ),
    "de": (
        "Was hat das für Sie so gut gemacht?",
        "Was sollte das Unternehmen von dem, was Sie beschreiben, beibehalten?",
    ),
}


def generic_lines() -> tuple[str, ...]:
    """The stock lines that fit any answer, both languages (`bench/followups.py` counts
    follow-ups made only of their words as generic)."""
    return tuple(line for lines in GENERIC.values() for line in lines)


def kind_stems() -> frozenset[str]:
    """The content words of the stock lines and of the questions after praise: what a
    kind question that points back at any answer is made of."""
    lines = (*generic_lines(), *(line for lines in AFTER_PRAISE.values() for line in lines))
    return frozenset(stem for line in lines for stem in content_stems(line))
