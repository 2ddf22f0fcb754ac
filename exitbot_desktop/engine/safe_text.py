"""Text from employees and files made harmless where it is shown: spreadsheets and bidi.

Owns `neutralise` (a CSV cell a spreadsheet shows as text, never runs as a formula) and
`show_bidi_controls` (the invisible characters that reorder text, shown by name). An
answer is stored exactly as given; these apply only where text leaves ExitBot, in every
CSV, JSON and PDF it writes. Never imports Qt.

Why bidi: U+202E (right-to-left override) and its kin reorder what a reader sees
without changing what is stored, so an answer or a file name could show "txt.exe" as
"exe.txt", or disguise a quote in a report. Shown as `[U+202E]`, the trick is visible
and nothing is lost. The plain marks U+200E/U+200F and U+061C only set the direction of
neutral characters and stay, since right-to-left writers rely on them.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SHOWN = {ord(ch): f"[U+{ord(ch):04X}]" for ch in BIDI_CONTROLS}


def show_bidi_controls(text: str) -> str:
    """`text` with each embedding, override or isolate control written as `[U+XXXX]`."""
    if text.isascii():  # nearly every answer; keeps exports of 150,000 answers fast
        return text
    return text.translate(_SHOWN)


def neutralise(value: str) -> str:
    """A CSV text cell a spreadsheet shows as text, never runs as a formula, with its
    bidi controls shown."""
    value = show_bidi_controls(value)
    return "'" + value if value.startswith(FORMULA_START) else value
