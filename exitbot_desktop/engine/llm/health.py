"""The LLM part of `exitbot-desktop check`: is the chosen backend really working?

Owns `llm_health`, which loads the model and generates one real follow-up for a
fixed answer, timing the first token. Never imports Qt.
"""

from __future__ import annotations

import threading
import time

from exitbot_desktop.engine.followup_policy import FollowupRequest
from exitbot_desktop.engine.llm.backend import Backend, BackendError
from exitbot_desktop.engine.llm.followup_generator import BACKEND_FAILURES, FollowupGenerator

SAMPLE_REQUEST = FollowupRequest(
    question_id="reason_for_leaving",
    question_text="What was the main reason you decided to leave?",
    answer_text="My manager rarely gave feedback and I saw no way to grow in my role.",
    language="en",
)


def llm_health(backend: Backend, *, timeout_s: float = 60.0) -> dict[str, object]:
    """Facts for `check --json`; `ok` is False when the backend failed, not when the
    guard replaced its text (a small model's text often is, and the interview works).
    """
    start = time.monotonic()
    error = ""
    try:
        backend.warm_up()
    except BackendError as failure:
        error = failure.user_message
    load_ms = _ms_since(start)
    first_token: list[float] = []

    def on_token(_: str) -> None:
        if not first_token:
            first_token.append(time.monotonic())

    generator = FollowupGenerator(
        backend, first_token_timeout_s=timeout_s, total_timeout_s=timeout_s
    )
    asked = time.monotonic()
    followup = generator.generate(SAMPLE_REQUEST, on_token=on_token, cancel=threading.Event())
    assert followup is not None  # nobody cancels this one
    total_ms = _ms_since(asked)
    ok = not error and followup.guard_reason not in BACKEND_FAILURES
    return {
        "ok": ok,
        "backend": backend.name,
        "model": backend.model,
        "display_name": backend.display_name,
        "load_ms": load_ms,
        "first_token_ms": round((first_token[0] - asked) * 1000) if first_token else None,
        "total_ms": total_ms,
        "sample_followup": followup.text,
        "sample_source": followup.source,
        "guard_reason": followup.guard_reason,
        "error": error or generator.last_error,
    }


def _ms_since(start: float) -> int:
    return round((time.monotonic() - start) * 1000)
