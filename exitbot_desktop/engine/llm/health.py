"""The LLM part of `exitbot-desktop check`: is the chosen backend really working?

Owns `llm_health`, which loads the model and generates one real follow-up for a
fixed answer, timing the first token. Never imports Qt.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from exitbot_desktop.engine.followup_policy import Followup, FollowupRequest
from exitbot_desktop.engine.llm.backend import Backend, BackendError
from exitbot_desktop.engine.llm.followup_generator import BACKEND_FAILURES, FollowupGenerator

SAMPLE_REQUEST = FollowupRequest(
    question_id="reason_for_leaving",
    question_text="What was the main reason you decided to leave?",
    answer_text="My manager rarely gave feedback and I saw no way to grow in my role.",
    language="en",
)


@dataclass(frozen=True)
class SampleRun:
    """One sample follow-up from a backend: how long loading and the first word took,
    what the employee would have seen, and why the backend failed if it did."""

    load_ms: int
    first_token_ms: int | None  # None: no token came (the rules stream nothing)
    total_ms: int
    followup: Followup
    error: str  # a sentence when loading or generating failed, else ""

    @property
    def failed(self) -> bool:
        return bool(self.error) or self.followup.guard_reason in BACKEND_FAILURES


def sample_followup(
    backend: Backend, cancel: threading.Event, *, timeout_s: float = 60.0
) -> SampleRun | None:
    """Load `backend` and ask it for the follow-up to `SAMPLE_REQUEST`, timed; None when
    `cancel` was set meanwhile. Used by `check` and by the settings page's test."""
    start = time.monotonic()
    error = ""
    try:
        backend.warm_up()
    except BackendError as failure:
        error = failure.user_message
    load_ms = _ms_since(start)
    if cancel.is_set():
        return None
    generator = FollowupGenerator(
        backend, first_token_timeout_s=timeout_s, total_timeout_s=timeout_s
    )
    asked = time.monotonic()
    followup = generator.generate(SAMPLE_REQUEST, cancel=cancel)
    if followup is None:
        return None
    if not error and followup.guard_reason in BACKEND_FAILURES:
        error = generator.last_error
    return SampleRun(
        load_ms=load_ms,
        # The model's own first token (median over its samples), also when the guard
        # refused what it wrote and the rules stood in: that is the backend's speed.
        first_token_ms=generator.latencies.summary().first_token_ms,
        total_ms=_ms_since(asked),
        followup=followup,
        error=error,
    )


def llm_health(backend: Backend, *, timeout_s: float = 60.0) -> dict[str, object]:
    """Facts for `check --json`; `ok` is False when the backend failed, not when the
    guard replaced its text (a small model's text often is, and the interview works).
    """
    run = sample_followup(backend, threading.Event(), timeout_s=timeout_s)
    assert run is not None  # nobody cancels this one
    return {
        "ok": not run.failed,
        "backend": backend.name,
        "model": backend.model,
        "display_name": backend.display_name,
        "load_ms": run.load_ms,
        "first_token_ms": run.first_token_ms,
        "total_ms": run.total_ms,
        "sample_followup": run.followup.text,
        "sample_source": run.followup.source,
        "guard_reason": run.followup.guard_reason,
        "error": run.error,
    }


def _ms_since(start: float) -> int:
    return round((time.monotonic() - start) * 1000)
