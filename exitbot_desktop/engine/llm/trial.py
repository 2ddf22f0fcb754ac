"""Trying an assistant before HR saves it: the settings page's *Test* button.

Owns `try_backend` (choose the backend the values would give, load it, write one sample
follow-up, time the first token; cancellable) and `sends_answers_away` (whether an
Ollama address is another computer, so HR is told that answers would go there). The
values tried need not be saved: HR tests, then decides. Never imports Qt.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from exitbot_desktop.engine.llm.backend import BackendError
from exitbot_desktop.engine.llm.followup_generator import BACKEND_FAILURES, FollowupGenerator
from exitbot_desktop.engine.llm.health import SAMPLE_REQUEST
from exitbot_desktop.engine.llm.selection import select_backend

_THIS_COMPUTER = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


@dataclass(frozen=True)
class BackendTrial:
    """What one try showed: which assistant answered, how fast, and what it wrote."""

    backend: str  # its display name, e.g. "Ollama: llama3.2 at 127.0.0.1:11434"
    kind: str  # its name: "ollama", "llama_cpp" or "rules"
    first_token_ms: int | None  # None: no token came (rules write no stream, or it failed)
    followup: str  # the sample follow-up the employee would have seen
    written_by: str  # the backend that wrote `followup`: "rules" when the rules stood in
    problem: str  # why the chosen backend did not write it, as a sentence; "" if it did


def try_backend(
    setting: str,
    host: str | None,
    model: str | None,
    cancel: threading.Event,
    *,
    timeout_s: float = 30.0,
) -> BackendTrial | None:
    """One sample follow-up from the backend these values choose; None when cancelled.

    Raises `ExitBotError` when the values cannot choose one (an invalid address, a
    forced embedded model with no model file)."""
    backend = select_backend(setting=setting, ollama_host=host, ollama_model=model)
    problem = ""
    try:
        backend.warm_up()
    except BackendError as failure:
        problem = failure.user_message
    if cancel.is_set():
        return None
    first_token: list[float] = []

    def on_token(_: str) -> None:
        if not first_token:
            first_token.append(time.monotonic())

    generator = FollowupGenerator(
        backend, first_token_timeout_s=timeout_s, total_timeout_s=timeout_s
    )
    asked = time.monotonic()
    followup = generator.generate(SAMPLE_REQUEST, on_token=on_token, cancel=cancel)
    if followup is None:
        return None
    if followup.guard_reason in BACKEND_FAILURES:
        problem = problem or generator.last_error
    return BackendTrial(
        backend=backend.display_name,
        kind=backend.name,
        first_token_ms=round((first_token[0] - asked) * 1000) if first_token else None,
        followup=followup.text,
        written_by=followup.source,
        problem=problem,
    )


def sends_answers_away(setting: str, host: str | None) -> str | None:
    """The other computer an Ollama at `host` would receive answers on, or None when the
    backend cannot use Ollama or the address is this computer. No name lookup: it must
    answer as HR types."""
    if setting not in ("auto", "ollama"):
        return None
    address = (host or "").strip() or os.environ.get("OLLAMA_HOST", "").strip()
    name = urlsplit(address if "://" in address else f"http://{address}").hostname or ""
    if name.lower() in _THIS_COMPUTER | {socket.gethostname().lower()}:
        return None
    try:
        ip = ipaddress.ip_address(name)
    except ValueError:
        return name
    return None if ip.is_loopback or ip.is_unspecified else name
