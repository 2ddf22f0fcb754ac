"""Turning one answer into one follow-up the employee can see, on time, every time.

Owns `FollowupGenerator`: it runs the backend in a background thread, samples up to
three follow-ups from one prompt (the backend keeps it cached), enforces the first-token
and total timeouts, guards each sample, keeps the one that fits the answer best
(`candidates.fit`) and only then shows it word by word, falls back to the rules
follow-up when none passed or anything went wrong (recording why), and trips a circuit
breaker after repeated failures. The interview never waits longer than
`total_timeout_s`. Never imports Qt.
"""

from __future__ import annotations

import logging
import queue
import re
import threading
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import replace

from exitbot_desktop.engine.followup_policy import Followup, FollowupRequest
from exitbot_desktop.engine.llm.backend import Backend, BackendError, GenerationOptions, Message
from exitbot_desktop.engine.llm.breaker import CircuitBreaker
from exitbot_desktop.engine.llm.candidates import GOOD_FIT, fit
from exitbot_desktop.engine.llm.content_words import content_words
from exitbot_desktop.engine.llm.guard import check_followup
from exitbot_desktop.engine.llm.latency import Latencies
from exitbot_desktop.engine.llm.prompts import Conversation
from exitbot_desktop.engine.llm.rules import RulesBackend
from exitbot_desktop.engine.llm.stops import StopFilter

_log = logging.getLogger(__name__)

# `Followup.guard_reason` codes for a backend that failed rather than wrote bad text;
# the guard's own codes are listed on `GuardVerdict`.
BACKEND_FAILURES = frozenset(
    {"backend_error", "first_token_timeout", "total_timeout", "circuit_open"}
)
# Why the model's text was not asked although the guard passed it (`candidates.fit` < 0).
POOR_FIT = "poor_fit"
_POLL_S = 0.02  # how often a waiting caller looks at its cancel flag
_END = object()
_SAMPLE_TEMPERATURE = 0.7  # different enough between samples to be worth having several
_WORD_PIECE = re.compile(r"\S+\s*")
_FAVOURED_WORDS = 12  # of the answer's words, the model is nudged towards the first ones
# A sample longer than this is cut off and refused: about the 25 words the instructions
# allow. No follow-up the bundled gemma model wrote that was kept (155 on
# labelled_answers_dev.csv) took more than 21 tokens; a rambling sample stops here
# instead of at 40 tokens.
MAX_TOKENS = 32


class FollowupGenerator:
    """Asks one backend for follow-ups during an interview; one call at a time.

    `generate` blocks, so call it from a worker thread. It returns a guarded
    `Followup` — from the backend if its text passed the guard, else from the rules
    with `guard_reason` saying why — or None when the caller cancelled (the employee
    skipped the follow-up).
    """

    def __init__(
        self,
        backend: Backend,
        rules: RulesBackend | None = None,
        *,
        first_token_timeout_s: float = 10.0,
        total_timeout_s: float = 20.0,
        max_tokens: int = MAX_TOKENS,
        candidates: int = 3,
        budget_s: float = 1.0,
        breaker: CircuitBreaker | None = None,
    ) -> None:
        self.backend = backend
        self._rules = rules or RulesBackend()
        self._options = GenerationOptions(
            max_tokens=max_tokens,
            stop=("\n",),
            temperature=_SAMPLE_TEMPERATURE,
            first_token_timeout_s=first_token_timeout_s,
            total_timeout_s=total_timeout_s,
        )
        self._candidates = candidates
        # No further sample is started once the samples after the first (which reads the
        # prompt) have taken this long: the best that passed is kept, or the rules stand
        # in. It bounds the wait after an answer the model finds hard.
        self._budget_s = budget_s
        self._breaker = breaker or CircuitBreaker()
        self._conversation: Conversation | None = None
        self.last_error = ""  # the most recent failure, as a sentence for `check` and logs
        self.latencies = Latencies()  # the model's recent timings, for the health panel

    def begin_interview(self, language: str) -> None:
        """Forget the previous interview's transcript (its prompt prefix stays cached)."""
        self._conversation = Conversation(language)

    def generate(
        self,
        request: FollowupRequest,
        *,
        on_token: Callable[[str], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> Followup | None:
        """The follow-up for this answer, or None if `cancel` was set before it was ready.

        `on_token` receives the kept follow-up word by word once it is chosen (nothing
        for rules text): the candidates the model wrote and the guard or the ranking
        dropped are never shown.
        """
        cancel = cancel or threading.Event()
        conversation = self._conversation_for(request.language)
        # Neither the model nor the rules may ask what this interview already asked.
        messages = conversation.prompt_for(request)
        asked = _with_everything_asked(request, messages)
        if isinstance(self.backend, RulesBackend):
            return self._finish(request, conversation, self._rules_followup(asked, ""))
        if not self._breaker.allows():
            return self._finish(request, conversation, self._rules_followup(asked, "circuit_open"))
        outcome = self._best_candidate(messages, asked, cancel)
        if outcome is None:
            return None
        text, failure = outcome
        if not text:
            if failure in BACKEND_FAILURES:
                self._breaker.record_failure()
            else:
                self._breaker.record_success()
            return self._finish(request, conversation, self._rules_followup(asked, failure))
        self._breaker.record_success()
        for piece in _WORD_PIECE.findall(text):
            if cancel.is_set():
                return None
            if on_token is not None:
                on_token(piece)
        followup = Followup(text, source=self.backend.name, model=self.backend.model)
        return self._finish(request, conversation, followup)

    def _best_candidate(
        self, messages: Sequence[Message], request: FollowupRequest, cancel: threading.Event
    ) -> tuple[str, str] | None:
        """The best-fitting of up to `candidates` samples the guard passed, as (text, "");
        ("", code) when none passed (the first guard reason) or the backend failed; None
        when cancelled. All samples share one prompt, so only the first pays for reading it
        (the backend keeps its cache); sampling stops at a good fit, or when the samples
        after the first have taken `budget_s`."""
        started = time.monotonic()
        total_deadline = started + self._options.total_timeout_s
        kept: list[tuple[int, str]] = []
        refused = ""
        favour = content_words(request.answer_text)[:_FAVOURED_WORDS]
        first_done = started
        for attempt in range(self._candidates):
            if attempt and time.monotonic() - first_done > self._budget_s:
                break
            # Every sample explores: the most likely text of a small base model is the
            # one that copies the question or a worked example.
            options = replace(self._options, seed=attempt, favour=favour)
            outcome = self._stream(messages, options, cancel, total_deadline)
            if outcome is None:
                return None
            text, failure = outcome
            if failure:
                break  # keep what passed so far; a timeout has used up the time anyway
            verdict = check_followup(text, request)
            score = fit(text, request) if verdict.ok else 0
            if verdict.ok and score >= 0:
                kept.append((score, text))
                if score >= GOOD_FIT:
                    break
            elif verdict.ok:
                # A stock line, or what to change after no complaint: the rules' question
                # naming what the answer is about serves the employee better.
                refused = refused or POOR_FIT
            else:
                # Never the text itself: a model often echoes the employee's answer, and
                # the log file is not encrypted.
                _log.info(
                    "Guard refused a %d-character follow-up from %s: %s",
                    len(text),
                    self.backend.name,
                    verdict.reason,
                )
                refused = refused or verdict.reason
            if attempt == 0:
                first_done = time.monotonic()
        if kept:
            # The best fit; among equals the earliest.
            return max(kept, key=lambda pair: pair[0])[1], ""
        return "", failure or refused

    def _stream(
        self,
        messages: Sequence[Message],
        options: GenerationOptions,
        cancel: threading.Event,
        total_deadline: float,
    ) -> tuple[str, str] | None:
        """(text, "") on success, ("", failure code) on failure, None when cancelled."""
        start = time.monotonic()
        first_deadline = start + options.first_token_timeout_s
        stream = _BackgroundStream(self.backend, messages, options)
        stops = StopFilter(options.stop)
        seen_text = False
        first_token: float | None = None
        try:
            while not stops.stopped:
                if cancel.is_set():
                    return None
                deadline = total_deadline if seen_text else min(first_deadline, total_deadline)
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    timeout = "total_timeout" if seen_text else "first_token_timeout"
                    seconds = _seconds(deadline - start)
                    what = "finish a follow-up" if seen_text else "start answering"
                    self.last_error = (
                        f"{self.backend.display_name} did not {what} within {seconds}."
                    )
                    _log.warning("%s", self.last_error)
                    return "", timeout
                item = stream.next(min(remaining, _POLL_S))
                if item is None:
                    continue
                if item is _END:
                    break
                if isinstance(item, BaseException):
                    self.last_error = _describe(item)
                    _log.warning("%s failed: %s", self.backend.name, self.last_error)
                    return "", "backend_error"
                shown = stops.feed(str(item))
                seen_text = seen_text or bool(shown) or stops.stopped
                if seen_text and first_token is None:
                    first_token = time.monotonic() - start
            stops.flush()
            if cancel.is_set():
                return None
            self.latencies.record(first_token, time.monotonic() - start)
            return stops.text.strip(), ""
        finally:
            stream.abandon()

    def _rules_followup(self, request: FollowupRequest, reason: str) -> Followup:
        return Followup(self._rules.followup(request), source=self._rules.name, guard_reason=reason)

    def _finish(
        self, request: FollowupRequest, conversation: Conversation, followup: Followup
    ) -> Followup:
        """Record the follow-up that will be asked in the transcript the model sees next."""
        conversation.record(request, followup.text)
        return followup

    def _conversation_for(self, language: str) -> Conversation:
        if self._conversation is None or self._conversation.language != language:
            self._conversation = Conversation(language)
        return self._conversation


def _with_everything_asked(
    request: FollowupRequest, messages: Sequence[Message]
) -> FollowupRequest:
    """The request with every follow-up in the prompt as "previous": those asked in this
    interview and those of the worked examples, which a small model likes to copy word
    for word.
    """
    earlier = tuple(m.content for m in messages if m.is_followup)
    return replace(request, previous_followups=request.previous_followups + earlier)


class _BackgroundStream:
    """The backend's stream, pumped by a daemon thread into a queue.

    The caller can then time out or cancel at once even while the backend is blocked
    (loading a model, processing a long prompt, waiting on a socket); the thread
    notices `abandon()` before its next piece and winds down on its own.
    """

    def __init__(
        self, backend: Backend, messages: Sequence[Message], options: GenerationOptions
    ) -> None:
        self._queue: queue.Queue[object] = queue.Queue()
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._pump,
            args=(backend, messages, options),
            daemon=True,
            name=f"exitbot-llm-{backend.name}",
        )
        self._thread.start()

    def next(self, timeout: float) -> object:
        """A text piece, an exception, `_END`, or None if nothing came within `timeout`."""
        try:
            return self._queue.get(timeout=timeout)
        except queue.Empty:
            return None

    def abandon(self) -> None:
        self._stop.set()

    def _pump(
        self, backend: Backend, messages: Sequence[Message], options: GenerationOptions
    ) -> None:
        pieces: Iterator[str] | None = None
        try:
            pieces = backend.stream_chat(messages, options=options, cancel=self._stop)
            for piece in pieces:
                if self._stop.is_set():
                    break
                self._queue.put(piece)
        except Exception as error:  # reported to the caller, who falls back to rules
            self._queue.put(error)
        finally:
            if isinstance(pieces, Generator):
                pieces.close()
            self._queue.put(_END)


def _seconds(value: float) -> str:
    value = round(value, 1)
    return f"{value:g} second" + ("" if value == 1 else "s")


def _describe(error: BaseException) -> str:
    if isinstance(error, BackendError):
        return error.user_message
    _log.error("Unexpected failure in the model backend", exc_info=error)
    return f"The assistant failed unexpectedly ({type(error).__name__})."
