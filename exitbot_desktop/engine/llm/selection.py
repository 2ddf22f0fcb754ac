"""Choosing the follow-up backend: Ollama, the embedded model, or the rules.

Owns `select_backend`. `auto` takes a reachable Ollama that has the configured model,
else the embedded llama-cpp model if a GGUF can be found, else the rules.
`EXITBOT_LLM` overrides the setting. Never imports Qt.
"""

from __future__ import annotations

import logging
import os

from exitbot_desktop.engine.errors import ExitBotError
from exitbot_desktop.engine.llm.backend import Backend
from exitbot_desktop.engine.llm.llama_cpp_backend import LlamaCppBackend
from exitbot_desktop.engine.llm.model_files import locate_model
from exitbot_desktop.engine.llm.ollama_backend import OllamaBackend
from exitbot_desktop.engine.llm.rules import RulesBackend

CHOICES = ("auto", "ollama", "llama_cpp", "rules")
_log = logging.getLogger(__name__)


def select_backend(
    *, setting: str = "auto", ollama_host: str | None = None, ollama_model: str | None = None
) -> Backend:
    """The backend to use now; probing Ollama takes at most about a second.

    A forced choice is honoured even when that backend is down: each follow-up then
    falls back to the rules and `check` says why. Only a forced llama_cpp without any
    GGUF is refused, since there is nothing to try.
    """
    choice = os.environ.get("EXITBOT_LLM") or setting
    if choice not in CHOICES:
        raise ExitBotError(
            f"The AI backend '{choice}' is unknown. Use one of: {', '.join(CHOICES)}."
        )
    if choice == "rules":
        return RulesBackend()
    ollama = OllamaBackend(ollama_host, ollama_model)
    if choice == "ollama":
        return ollama
    model_file = locate_model()
    if choice == "llama_cpp":
        if model_file is None:
            raise ExitBotError(
                "No local model was found. Put a GGUF file in the models folder or set "
                "EXITBOT_MODEL."
            )
        return LlamaCppBackend(model_file)
    if ollama.is_available():
        return ollama
    if model_file is not None and model_file.is_present():
        return LlamaCppBackend(model_file)
    _log.info("No Ollama model and no local model file; using built-in questions")
    return RulesBackend()
