"""Ollama through the real client against a local Ollama-protocol server.

Whatever the server does — refuse, hang, drop, fail, babble, crawl, lack the model —
the interview gets a usable follow-up within the configured total timeout.
"""

from __future__ import annotations

import logging
import threading
import time

import pytest
from ollama_fake import FakeOllama

from exitbot_desktop.engine.followup_policy import FollowupRequest
from exitbot_desktop.engine.llm.breaker import CircuitBreaker
from exitbot_desktop.engine.llm.example_bank import standing_examples
from exitbot_desktop.engine.llm.followup_generator import MAX_TOKENS, FollowupGenerator
from exitbot_desktop.engine.llm.guard import check_followup
from exitbot_desktop.engine.llm.ollama_backend import OllamaBackend

FIRST_TOKEN_TIMEOUT_S = 1.0
TOTAL_TIMEOUT_S = 2.5
REQUEST = FollowupRequest(
    "main_reason_details",
    "Why did you decide to leave us?",
    "The on-call rota left me exhausted.",
    "en",
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _generator(host: str, **kwargs: object) -> FollowupGenerator:
    return FollowupGenerator(
        OllamaBackend(host, "llama3.2"),
        first_token_timeout_s=FIRST_TOKEN_TIMEOUT_S,
        total_timeout_s=TOTAL_TIMEOUT_S,
        **kwargs,  # type: ignore[arg-type]
    )


def test_a_healthy_server_streams_the_models_follow_up(fake_ollama: FakeOllama) -> None:
    tokens: list[str] = []
    followup = _generator(fake_ollama.host).generate(REQUEST, on_token=tokens.append)
    assert followup is not None
    assert followup.text == fake_ollama.reply
    assert (followup.source, followup.model, followup.guard_reason) == ("ollama", "llama3.2", "")
    assert len(tokens) > 3
    assert "".join(tokens) == fake_ollama.reply


def test_the_request_keeps_the_model_loaded_and_carries_instructions_and_limits(
    fake_ollama: FakeOllama,
) -> None:
    _generator(fake_ollama.host).generate(REQUEST)
    chat = fake_ollama.chats[-1]
    assert chat["keep_alive"] == "30m"
    assert chat["options"]["num_predict"] == MAX_TOKENS
    assert chat["options"]["stop"] == ["\n"]
    roles = [m["role"] for m in chat["messages"]]
    # The standing examples, the one chosen for this answer, then its question and answer.
    examples = len(standing_examples("en")) + 1
    assert roles == ["system", *["assistant", "user", "assistant"] * examples, "assistant", "user"]
    assert "empathetic interviewer" in chat["messages"][0]["content"]
    assert chat["messages"][-2]["content"] == REQUEST.question_text
    assert chat["messages"][-1]["content"] == REQUEST.answer_text


def test_later_turns_resend_earlier_ones_unchanged_so_the_server_reuses_its_cache(
    fake_ollama: FakeOllama,
) -> None:
    generator = _generator(fake_ollama.host, candidates=1)
    generator.generate(REQUEST)
    generator.generate(FollowupRequest("pay", "How was your pay?", "Below market for years.", "en"))
    first, second = (chat["messages"] for chat in fake_ollama.chats)
    assert second[: len(first)] == first
    assert second[len(first)] == {"role": "assistant", "content": fake_ollama.reply}


FAULTS = [
    ("refused", "backend_error", "not running"),
    ("hang_before_first_token", "first_token_timeout", "did not start answering within 1 second."),
    ("drop_mid_stream", "backend_error", "broke off"),
    ("http_500", "backend_error", "reported an error"),
    ("junk", "markup", ""),
    ("slow_tokens", "total_timeout", "did not finish a follow-up within 2.5 seconds"),
    ("model_not_found", "backend_error", "ollama pull llama3.2"),
]


@pytest.mark.parametrize(("fault", "reason", "error"), FAULTS, ids=[f[0] for f in FAULTS])
def test_every_fault_still_yields_a_usable_follow_up_in_time(
    fake_ollama: FakeOllama, refused_host: str, fault: str, reason: str, error: str
) -> None:
    host = refused_host if fault == "refused" else fake_ollama.host
    if fault == "model_not_found":
        fake_ollama.models = ("mistral:latest",)
    elif fault != "refused":
        fake_ollama.fault = fault
    generator = _generator(host)
    started = time.monotonic()
    followup = generator.generate(REQUEST)
    elapsed = time.monotonic() - started
    assert followup is not None
    assert elapsed < TOTAL_TIMEOUT_S + 0.3
    assert check_followup(followup.text, REQUEST).ok
    assert (followup.source, followup.guard_reason) == ("rules", reason)
    assert error in generator.last_error


def test_three_failures_in_a_row_switch_to_rules_for_five_minutes(
    fake_ollama: FakeOllama,
) -> None:
    clock = FakeClock()
    fake_ollama.fault = "http_500"
    generator = _generator(fake_ollama.host, breaker=CircuitBreaker(clock=clock))
    reasons = [generator.generate(REQUEST).guard_reason for _ in range(4)]  # type: ignore[union-attr]
    assert reasons == ["backend_error"] * 3 + ["circuit_open"]
    assert len(fake_ollama.chats) == 3  # the open breaker did not even ask

    clock.now += 299
    assert generator.generate(REQUEST).guard_reason == "circuit_open"  # type: ignore[union-attr]
    clock.now += 2
    fake_ollama.fault = "none"
    fake_ollama.reply = "What about the on-call rota wore you out the most?"  # a good fit
    followup = generator.generate(REQUEST)
    assert followup is not None
    assert followup.source == "ollama"
    assert len(fake_ollama.chats) == 4


def test_cancel_while_the_model_is_writing_returns_at_once_and_shows_nothing(
    fake_ollama: FakeOllama,
) -> None:
    fake_ollama.token_delay_s = 0.3
    cancel = threading.Event()
    tokens: list[str] = []
    threading.Timer(0.4, cancel.set).start()  # after the first token reached us
    started = time.monotonic()
    assert (
        _generator(fake_ollama.host).generate(REQUEST, on_token=tokens.append, cancel=cancel)
        is None
    )
    assert time.monotonic() - started < 0.6  # one token's delay, not the whole reply
    assert tokens == []


def test_cancel_while_the_follow_up_is_shown_stops_at_once(fake_ollama: FakeOllama) -> None:
    cancel = threading.Event()
    tokens: list[str] = []

    def on_token(token: str) -> None:
        tokens.append(token)
        cancel.set()

    assert _generator(fake_ollama.host).generate(REQUEST, on_token=on_token, cancel=cancel) is None
    assert len(tokens) == 1


def test_cancel_while_the_server_is_still_thinking_returns_at_once(
    fake_ollama: FakeOllama,
) -> None:
    fake_ollama.fault = "hang_before_first_token"
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    started = time.monotonic()
    assert _generator(fake_ollama.host).generate(REQUEST, cancel=cancel) is None
    assert time.monotonic() - started < 0.4


def test_availability_needs_a_reachable_server_with_the_model(
    fake_ollama: FakeOllama, refused_host: str
) -> None:
    assert OllamaBackend(fake_ollama.host, "llama3.2").is_available()
    assert not OllamaBackend(fake_ollama.host, "mistral").is_available()
    started = time.monotonic()
    assert not OllamaBackend(refused_host, "llama3.2").is_available()
    assert time.monotonic() - started < 1.5


def test_a_hanging_server_is_given_up_on_within_about_a_second(fake_ollama: FakeOllama) -> None:
    fake_ollama.fault = "hang_before_first_token"
    started = time.monotonic()
    assert not OllamaBackend(fake_ollama.host, "llama3.2").is_available()
    assert time.monotonic() - started < 1.5


def test_warm_up_loads_the_model_with_keep_alive(fake_ollama: FakeOllama) -> None:
    OllamaBackend(fake_ollama.host, "llama3.2").warm_up()
    (chat,) = fake_ollama.chats
    assert (chat["model"], chat["messages"], chat["keep_alive"]) == ("llama3.2", [], "30m")


def test_host_and_model_come_from_settings_then_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OLLAMA_HOST", "10.0.0.5:9999")
    monkeypatch.setenv("EXITBOT_OLLAMA_MODEL", "qwen2.5:3b")
    assert OllamaBackend().display_name == "Ollama: qwen2.5:3b at 10.0.0.5:9999"
    assert OllamaBackend("localhost", "llama3.2").display_name == (
        "Ollama: llama3.2 at localhost:11434"
    )
    monkeypatch.delenv("OLLAMA_HOST")
    monkeypatch.delenv("EXITBOT_OLLAMA_MODEL")
    assert OllamaBackend().display_name == "Ollama: llama3.2 at 127.0.0.1:11434"


def test_rejected_model_text_never_reaches_the_log(
    fake_ollama: FakeOllama, caplog: pytest.LogCaptureFixture
) -> None:
    """The log file is not encrypted; a model that echoes the answer must not leak it."""
    fake_ollama.reply = "My manager Petra Vogel shouted at me."
    with caplog.at_level(logging.DEBUG):
        followup = _generator(fake_ollama.host).generate(REQUEST)
    assert followup is not None and followup.guard_reason
    assert "Petra" not in caplog.text


def test_of_several_samples_the_one_that_fits_the_answer_is_kept_and_only_it_is_shown(
    fake_ollama: FakeOllama,
) -> None:
    fake_ollama.replies = (
        "Why did you decide to leave us?",  # the question again: the guard refuses it
        "Could you tell me a bit more about that?",  # passes, but fits any answer
        "What made the on-call rota so exhausting for you?",
    )
    tokens: list[str] = []
    followup = _generator(fake_ollama.host).generate(REQUEST, on_token=tokens.append)
    assert followup is not None
    assert (followup.text, followup.source) == (fake_ollama.replies[2], "ollama")
    assert "".join(tokens) == fake_ollama.replies[2]  # nothing of the others appeared
    assert [chat["options"]["seed"] for chat in fake_ollama.chats] == [0, 1, 2]


def test_sampling_stops_at_the_first_follow_up_that_fits_well(fake_ollama: FakeOllama) -> None:
    fake_ollama.replies = (
        "What made the on-call rota so exhausting for you?",
        "How did the rota affect your evenings?",
    )
    followup = _generator(fake_ollama.host).generate(REQUEST)
    assert followup is not None
    assert followup.text == fake_ollama.replies[0]
    assert len(fake_ollama.chats) == 1


def test_when_every_sample_is_refused_the_rules_name_what_the_answer_is_about(
    fake_ollama: FakeOllama,
) -> None:
    fake_ollama.replies = ("Why did you decide to leave us?", "What did I do wrong?")
    followup = _generator(fake_ollama.host).generate(REQUEST)
    assert followup is not None
    assert followup.source == "rules"
    assert followup.guard_reason == "repeats_question"  # the first sample's reason
    assert len(fake_ollama.chats) == 3


def test_no_sample_starts_once_the_time_budget_is_spent(fake_ollama: FakeOllama) -> None:
    """A slow model that keeps missing gets no third try once the samples after the
    first have used the budget: the employee is not kept waiting, the rules stand in."""
    fake_ollama.replies = (
        "Why did you decide to leave us?",  # refused: the question again
        "How would you rate the canteen food?",  # refused: about something else
        "What made the on-call rota so exhausting for you?",  # never asked for
    )
    fake_ollama.token_delay_s = 0.1  # each sample takes more than half a second
    started = time.monotonic()
    followup = _generator(fake_ollama.host, budget_s=0.3).generate(REQUEST)
    assert followup is not None
    assert (followup.source, followup.guard_reason) == ("rules", "repeats_question")
    assert len(fake_ollama.chats) == 2  # the third, fitting sample was never asked for
    assert time.monotonic() - started < 2.0


def test_a_stock_line_from_the_model_gives_way_to_the_rules_naming_the_answer(
    fake_ollama: FakeOllama,
) -> None:
    fake_ollama.replies = ("Could you tell me a bit more about that?",)
    followup = _generator(fake_ollama.host).generate(
        FollowupRequest("pay", "Were you fairly paid?", "The salary stayed frozen for years.", "en")
    )
    assert followup is not None
    assert (followup.source, followup.guard_reason) == ("rules", "poor_fit")
    assert "salary" in followup.text
