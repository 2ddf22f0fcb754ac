"""The short summary of one interview that HR reads first, and where it came from.

Owns sentence picking for the extractive summary (always available, quotes the person's
own words) and the checks an LLM summary must pass before it replaces that. A model's
text is never shown unchecked: errors, empty, overlong, echoed or looping output all
fall back to the extractive summary. Standard library only; never imports Qt.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from exitbot_desktop.engine.analysis._lexicon import words
from exitbot_desktop.engine.analysis.flags import detect_flags
from exitbot_desktop.engine.analysis.refusals import is_refusal
from exitbot_desktop.engine.analysis.sentiment import sentiment_of_text
from exitbot_desktop.engine.analysis.themes import classify_themes
from exitbot_desktop.engine.language import guess_language

EXTRACTIVE = "extractive"

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_MAX_SENTENCE_CHARS = 300
# A pasted essay must not make the summary slow; its first sentences are enough to rank.
_MAX_SENTENCES_PER_ANSWER = 60
_MIN_WORDS = 3
_FLAG_WEIGHT = 3.0
_THEME_WEIGHT = 1.0
_LENGTH_SWEET_SPOT = 25

_MAX_ANSWER_CHARS = 1500
_MAX_PROMPT_CHARS = 8000
_MIN_SUMMARY_CHARS = 20
_MAX_SUMMARY_CHARS = 1500
_MIN_LETTER_SHARE = 0.6
_MAX_REPEAT_SHARE = 0.3
_PROMPT_LABELS = ("Question:", "Answer:", "Summary:")
_JUNK_MARKERS = ("<start_of_turn>", "<end_of_turn>", "<|", "</s>", "[INST]")


@dataclass(frozen=True)
class Summary:
    """A summary and its provenance: "extractive" or the name of the model that wrote it."""

    text: str
    provenance: str


def _sentences(answer: str) -> list[str]:
    found = []
    for raw in _SENTENCE_END.split(answer):
        sentence = " ".join(raw.split())
        if len(sentence) > _MAX_SENTENCE_CHARS:
            sentence = sentence[:_MAX_SENTENCE_CHARS].rsplit(" ", 1)[0] + " …"
        if sentence:
            found.append(sentence)
        if len(found) >= _MAX_SENTENCES_PER_ANSWER:
            break
    return found


def _informativeness(sentence: str, language: str) -> float:
    """How much HR learns from a sentence: urgent issues, themes, feeling, then length."""
    count = len(words(sentence))
    return (
        _FLAG_WEIGHT * len(detect_flags(sentence, language))
        + _THEME_WEIGHT * len(classify_themes(sentence, language))
        + abs(sentiment_of_text(sentence, language).score)
        + min(count, _LENGTH_SWEET_SPOT) / _LENGTH_SWEET_SPOT
    )


def extractive_summary(answers: Sequence[tuple[str, str]], max_sentences: int = 4) -> Summary:
    """The most informative sentences of the answers, in the order they were said.

    `answers` are (question, answer) pairs. Refusals, fragments and repeats are skipped;
    an interview with nothing to quote gets an empty summary.
    """
    candidates: list[tuple[float, int, str]] = []
    seen: set[str] = set()
    for question, answer in answers:
        language = guess_language(f"{question} {answer}") or "en"
        if is_refusal(answer, language):
            continue
        for sentence in _sentences(answer):
            key = sentence.casefold()
            if len(words(sentence)) < _MIN_WORDS or key in seen:
                continue
            seen.add(key)
            score = _informativeness(sentence, language)
            candidates.append((score, len(candidates), sentence))
    best = sorted(candidates, key=lambda c: (-c[0], c[1]))[: max(0, max_sentences)]
    chosen = [sentence for _, _, sentence in sorted(best, key=lambda c: c[1])]
    text = " ".join(s if s[-1] in ".!?…" else f"{s}." for s in chosen)
    return Summary(text, EXTRACTIVE)


def _prompt(answers: Sequence[tuple[str, str]]) -> str:
    parts = [
        "Summarise this exit interview for HR in two to four neutral sentences. "
        "Report only what the employee said; do not invent, judge or give advice.\n"
    ]
    budget = _MAX_PROMPT_CHARS
    for question, answer in answers:
        block = (
            f"{_PROMPT_LABELS[0]} {' '.join(question.split())}\n"
            f"{_PROMPT_LABELS[1]} {' '.join(answer[:_MAX_ANSWER_CHARS].split())}\n"
        )
        if len(block) > budget:
            break
        parts.append(block)
        budget -= len(block)
    parts.append(f"\n{_PROMPT_LABELS[2]}")
    return "\n".join(parts)


def _usable(reply: str) -> bool:
    """Whether a model's reply reads like a summary rather than an echo, loop or noise."""
    if not _MIN_SUMMARY_CHARS <= len(reply) <= _MAX_SUMMARY_CHARS:
        return False
    if any(marker in reply for marker in _JUNK_MARKERS):
        return False
    if any(line.strip().startswith(_PROMPT_LABELS) for line in reply.splitlines()):
        return False
    letters = sum(ch.isalpha() for ch in reply)
    if letters < _MIN_LETTER_SHARE * len(reply.replace(" ", "")):
        return False
    tokens = words(reply.lower())
    if len(tokens) < _MIN_WORDS:
        return False
    most_common = Counter(tokens).most_common(1)[0][1]
    return len(tokens) < 10 or most_common <= _MAX_REPEAT_SHARE * len(tokens)


def llm_summary(
    answers: Sequence[tuple[str, str]], complete: Callable[[str], str], model: str
) -> Summary:
    """A model-written summary labelled with `model`, or the extractive one if it fails.

    `complete` takes a prompt and returns the model's raw text; any exception it raises
    is treated as "no model" so a summary is always produced.
    """
    if not any(answer.strip() for _, answer in answers):
        return extractive_summary(answers)
    try:
        reply = complete(_prompt(answers))
    except Exception:  # a failing backend must never cost HR the summary
        return extractive_summary(answers)
    if not isinstance(reply, str) or not _usable(reply.strip()):
        return extractive_summary(answers)
    return Summary(" ".join(reply.split()), model)
