"""`check --json` reports a real follow-up from the backend in use, and why it failed."""

from __future__ import annotations

import pytest
from ollama_fake import FakeOllama

from exitbot_desktop.engine.llm.health import llm_health
from exitbot_desktop.engine.llm.llama_cpp_backend import LlamaCppBackend
from exitbot_desktop.engine.llm.ollama_backend import OllamaBackend
from exitbot_desktop.engine.llm.rules import RulesBackend


def test_a_working_ollama_reports_model_timing_and_a_sample(fake_ollama: FakeOllama) -> None:
    report = llm_health(OllamaBackend(fake_ollama.host, "llama3.2"))
    assert report["ok"] is True
    assert (report["backend"], report["model"]) == ("ollama", "llama3.2")
    assert isinstance(report["first_token_ms"], int)
    assert report["sample_followup"] == fake_ollama.reply
    assert report["error"] == ""


def test_an_unreachable_ollama_is_not_ok_and_says_why(refused_host: str) -> None:
    report = llm_health(OllamaBackend(refused_host, "llama3.2"), timeout_s=2)
    assert report["ok"] is False
    assert "Ollama is not running" in str(report["error"])
    assert str(report["sample_followup"]).endswith("?")  # the interview would still work
    assert report["first_token_ms"] is None


def test_the_rules_backend_is_always_healthy() -> None:
    report = llm_health(RulesBackend())
    assert report["ok"] is True
    assert report["backend"] == "rules"
    assert str(report["sample_followup"]).endswith("?")


@pytest.mark.slow
def test_the_local_model_reports_a_real_follow_up(llama_backend: LlamaCppBackend) -> None:
    report = llm_health(llama_backend)
    assert report["ok"] is True
    assert report["model"] == "gemma-3-270m-q4_k_m"
    assert isinstance(report["first_token_ms"], int)
    assert str(report["sample_followup"]).endswith("?")
