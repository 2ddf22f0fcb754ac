"""A GGUF's own Jinja chat template, rendered for instruction-tuned models.

Owns `chat_prompt`. Kept apart from `prompts.py` because Jinja takes longer to import
than the GUI's whole window takes to appear, and only the llama-cpp backend with such a
model needs it. Templates run in Jinja's immutable sandbox: they come with the model
file, not from us. Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from jinja2.exceptions import TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from exitbot_desktop.engine.llm.backend import BackendError, Message


def chat_prompt(
    messages: Sequence[Message], template: str, *, bos_token: str, eos_token: str
) -> str:
    """The messages rendered with a GGUF's own Jinja chat template.

    Many templates (Gemma's among them, and llama-cpp's `chat_format="gemma"`) drop a
    system message or insist that turns alternate starting with the user, so the
    instructions become the first user turn and neighbouring turns of one role merge.
    """
    try:
        return _ENV.from_string(template).render(
            messages=_chat_turns(messages),
            bos_token=bos_token,
            eos_token=eos_token,
            add_generation_prompt=True,
            raise_exception=_raise_template_error,
        )
    except TemplateError as error:
        raise BackendError(
            f"The model's chat template cannot be used ({error}). Put a different GGUF "
            "file in the models folder."
        ) from error


def _chat_turns(messages: Sequence[Message]) -> list[dict[str, Any]]:
    turns: list[dict[str, Any]] = []
    for message in messages:
        role = "user" if message.role == "system" else message.role
        if turns and turns[-1]["role"] == role:
            turns[-1]["content"] += "\n\n" + message.content
        else:
            turns.append({"role": role, "content": message.content})
    return turns


def _raise_template_error(message: str) -> None:
    raise TemplateError(message)


_ENV = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
