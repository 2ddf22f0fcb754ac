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
from dataclasses import dataclass
from urllib.parse import urlsplit

from exitbot_desktop.engine.llm.health import sample_followup
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
    run = sample_followup(backend, cancel, timeout_s=timeout_s)
    if run is None:
        return None
    return BackendTrial(
        backend=backend.display_name,
        kind=backend.name,
        first_token_ms=run.first_token_ms,
        followup=run.followup.text,
        written_by=run.followup.source,
        problem=run.error,
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
