"""The contract every follow-up text generator fulfils, and the values it exchanges.

Owns `Backend`, `Message`, `GenerationOptions` and `BackendError`. Backends stream text
and nothing else: guarding, fallbacks and timeouts for the interview live in
`followups.py`. Never imports Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from exitbot_desktop.engine.errors import ExitBotError


@dataclass(frozen=True)
class Message:
    """One chat turn; role is "system", "user" (the employee) or "assistant" (the bot).

    `is_followup` marks an assistant turn that follows up on an answer rather than asking
    a main question: chat backends ignore it, a completion prompt labels the line by it.
    """

    role: str
    content: str
    is_followup: bool = False


@dataclass(frozen=True)
class GenerationOptions:
    """How much to generate and how long a backend may take before it gives up."""

    max_tokens: int = 64
    temperature: float = 0.2
    stop: tuple[str, ...] = ()
    first_token_timeout_s: float = 10.0
    total_timeout_s: float = 20.0
    seed: int | None = None  # a fixed seed, so each of several samples differs and repeats
    # Words the text should rather use: the answer's own, so that a small model takes them
    # up instead of asking something that could follow any answer. A nudge, not a rule:
    # llama.cpp raises their first token's odds; a backend that cannot ignores them.
    favour: tuple[str, ...] = ()


class BackendError(ExitBotError):
    """A backend could not produce text; the message says what a person can do about it."""


class Backend(Protocol):
    """A source of streamed text for follow-up questions."""

    @property
    def name(self) -> str:
        """ "ollama", "llama_cpp" or "rules" — what is stored with each follow-up."""
        ...

    @property
    def model(self) -> str:
        """The model's name as stored with each follow-up ("" when there is none)."""
        ...

    @property
    def display_name(self) -> str:
        """One line for the status bar and `check`, e.g. "Ollama: llama3.2 at host:port"."""
        ...

    def is_available(self) -> bool:
        """Quick check (≤ about 1 s) that generating could work right now."""
        ...

    def warm_up(self) -> None:
        """Load the model so the first follow-up is fast; slow, call it off the GUI thread."""
        ...

    def stream_chat(
        self,
        messages: Sequence[Message],
        *,
        options: GenerationOptions,
        cancel: threading.Event,
    ) -> Iterator[str]:
        """Yield text pieces as they arrive; stop before the next piece once `cancel` is set.

        Raises `BackendError` (possibly on the first iteration) when no text can come.
        """
        ...
