"""A plain prompt → text function over a backend, for the analysis that may use a model.

Owns `completion_for`. Theme refinement and HR summaries ask the model to follow an
instruction, which only an instruction-tuned model served by Ollama does well; the
bundled gemma base model mostly echoes its prompt, and a llama.cpp model would also
hold the lock the next interview's follow-ups need. So analysis uses a model only
through Ollama, and falls back to the lexicon and extractive summary otherwise (the
analysis functions fall back by themselves when a call fails). The backend is told by
its `name`, so this module does not load the Ollama client: the GUI imports it before
its window paints. Never imports Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from exitbot_desktop.engine.llm.backend import Backend, GenerationOptions, Message

_OPTIONS = GenerationOptions(
    max_tokens=300, temperature=0.2, stop=(), first_token_timeout_s=30.0, total_timeout_s=120.0
)


def completion_for(backend: Backend) -> Callable[[str], str] | None:
    """A function sending one user message and returning the whole reply, or None when
    this backend should not be asked to analyse (see the module docstring)."""
    if backend.name != "ollama":
        return None

    def complete(prompt: str) -> str:
        pieces = backend.stream_chat(
            [Message("user", prompt)], options=_OPTIONS, cancel=threading.Event()
        )
        return "".join(pieces)

    return complete
