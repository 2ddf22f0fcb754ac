"""What the model reads: a fixed opening, then the interview so far.

Owns the instruction texts (English and German), `opening` (the instructions and the
standing examples every prompt of a language starts with), `Conversation` (the
append-only transcript of one interview) and the few-shot completion prompt for base
models; instruction-tuned ones read it through their own chat template
(`chat_template.py`). The transcript is only ever extended, never rewritten, so every
turn's prompt starts with the previous turn's prompt, every interview's with the
opening, and llama.cpp and Ollama reuse their cached state for it. Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from exitbot_desktop.engine.followup_policy import FollowupRequest
from exitbot_desktop.engine.llm.backend import Message
from exitbot_desktop.engine.llm.content_words import key_words
from exitbot_desktop.engine.llm.example_bank import Example, choose_examples, standing_examples

_INSTRUCTIONS = {
    "en": (
        "You are a neutral, empathetic interviewer in an exit interview. After each "
        "answer, ask exactly one short follow-up question (at most 25 words) that invites "
        "the employee to say more about what they just wrote. Do not repeat the question. "
        "Make no promises and give no legal or medical advice. Write in English and reply "
        "with the follow-up question only."
    ),
    "de": (
        "Sie führen neutral und einfühlsam ein Austrittsgespräch. Stellen Sie nach jeder "
        "Antwort genau eine kurze Nachfrage (höchstens 25 Wörter), die einlädt, mehr über "
        "das Geschriebene zu erzählen. Wiederholen Sie nicht die Frage. Machen Sie keine "
        "Versprechen und geben Sie keinen rechtlichen oder medizinischen Rat. Schreiben Sie "
        "auf Deutsch und antworten Sie nur mit der Nachfrage."
    ),
}

# Line labels of the completion form; the examples teach the model this exact layout.
_QUESTION, _ANSWER, _KEY_WORDS, _FOLLOWUP = "Question:", "Answer:", "Key words:", "Follow-up:"


LANGUAGES = tuple(_INSTRUCTIONS)


def instructions(language: str) -> Message:
    """The static system message: the instruction line."""
    return Message("system", _INSTRUCTIONS[language if language in _INSTRUCTIONS else "en"])


def opening(language: str) -> tuple[Message, ...]:
    """What every prompt in `language` starts with: the instructions and the standing
    examples. The same for every answer, so a backend reads it once and keeps it cached;
    only the example chosen for the answer, the question and the answer are new."""
    return (instructions(language), *_worked(standing_examples(language)))


def _worked(examples: Sequence[Example]) -> tuple[Message, ...]:
    return tuple(
        message
        for example in examples
        for message in (
            Message("assistant", example.question),
            Message("user", example.answer),
            Message("assistant", example.followup, is_followup=True),
        )
    )


class Conversation:
    """The transcript of one interview as chat messages; it only ever grows.

    It starts with the language's `opening`. Only exchanges that got a follow-up are in
    it: the model needs to see how it followed up before, and nothing else of the
    interview. Before each new question comes the worked example chosen for its answer
    (`choose_examples`), recorded with it, so the next turn's prompt still starts with
    this one's.
    """

    def __init__(self, language: str) -> None:
        self.language = language
        self._messages: list[Message] = list(opening(language))

    def prompt_for(self, request: FollowupRequest) -> tuple[Message, ...]:
        """The messages to send for this request: the transcript plus the current turn."""
        return (*self._messages, *self._current_turn(request))

    def record(self, request: FollowupRequest, followup: str) -> None:
        """Append the current turn and the follow-up that was asked."""
        self._messages.extend(self._current_turn(request))
        self._messages.append(Message("assistant", followup, is_followup=True))

    def _current_turn(self, request: FollowupRequest) -> tuple[Message, ...]:
        answer = Message("user", request.answer_text)
        last = self._messages[-1]
        # A second follow-up on the same question answers the follow-up just asked.
        if (
            request.previous_followups
            and last.is_followup
            and (last.content == request.previous_followups[-1])
        ):
            return (answer,)
        examples = choose_examples(replace(request, language=self.language))
        return (*_worked(examples), Message("assistant", request.question_text), answer)


def completion_prompt(messages: Sequence[Message]) -> str:
    """The few-shot completion form for base models, ending in "Follow-up:".

    Generate with stop=["\\n"]: the model then writes one follow-up line.
    """
    lines: list[str] = []
    for message in messages:
        if message.role == "system":
            lines.append(message.content)
        elif message.role == "user":
            lines.append(f"{_ANSWER} {message.content}")
            # Every example's follow-up takes up one of its answer's key words; listed, they
            # show a small model what to take up from this answer too.
            lines.append(f"{_KEY_WORDS} {', '.join(key_words(message.content))}")
        elif message.is_followup:
            lines.append(f"{_FOLLOWUP} {message.content}")
        else:
            lines.append(f"\n{_QUESTION} {message.content}")
    return "\n".join(lines) + f"\n{_FOLLOWUP}"
