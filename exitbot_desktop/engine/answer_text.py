"""An answer as a person would say it: choice labels, Yes/No, "4 of 5", "Skipped".

Owns `answer_text` and `yes_no`, the one way the review page, the interview PDF and the
aggregates turn a stored answer into words, in the interview's language (English words
for a language without its own here). Never imports Qt.
"""

from __future__ import annotations

from exitbot_desktop.engine.questions import Question
from exitbot_desktop.engine.records import AnswerRecord

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "none": "Not answered",
        "skipped": "Skipped",
        "prefer_not": "Prefer not to say",
        "pending": "No reply",
        "yes": "Yes",
        "no": "No",
        "out_of": "{value} of {top}",
    },
    "de": {
        "none": "Nicht beantwortet",
        "skipped": "Übersprungen",
        "prefer_not": "Keine Angabe",
        "pending": "Keine Antwort",
        "yes": "Ja",
        "no": "Nein",
        "out_of": "{value} von {top}",
    },
}
_TOP = {"rating": 5, "scale_0_10": 10}


def _words(language: str) -> dict[str, str]:
    return _WORDS.get(language, _WORDS["en"])


def yes_no(value: bool, language: str) -> str:
    return _words(language)["yes" if value else "no"]


def answer_text(question: Question | None, answer: AnswerRecord | None, language: str) -> str:
    """The answer in words; a follow-up (or a question the set lost) shows its text."""
    words = _words(language)
    if answer is None:
        return words["none"]
    if answer.status != "answered":
        return words.get(answer.status, answer.status)
    value = answer.value
    qtype = None if answer.is_followup or question is None else question.type
    if qtype is None or qtype == "text":
        return answer.text if answer.text is not None else str(value)
    if qtype == "yes_no" or isinstance(value, bool):
        return yes_no(bool(value), language)
    if qtype in _TOP:
        return words["out_of"].format(value=value, top=_TOP[qtype])
    assert question is not None
    labels = {c.id: c.label_for(language) for c in question.choices}
    chosen = value if isinstance(value, list) else [value]
    return ", ".join(labels.get(str(v), str(v)) for v in chosen)
