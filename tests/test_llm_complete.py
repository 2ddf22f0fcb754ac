"""HR summaries use a model only when an instruction-following one is served by Ollama."""

from __future__ import annotations

from ollama_fake import FakeOllama
from sqlalchemy import select
from test_aggregates import UNHAPPY, conduct

from exitbot_desktop.engine.analysis.pipeline import analyse_interview
from exitbot_desktop.engine.llm.complete import completion_for
from exitbot_desktop.engine.llm.ollama_backend import OllamaBackend
from exitbot_desktop.engine.llm.rules import RulesBackend
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.store.models import AnalysisRow
from exitbot_desktop.engine.store.vault import Store

SUMMARY = (
    "The employee left mainly because of their manager, who they describe as rude and "
    "unfair; they rated the manager 1 of 5 and the role 2 of 5."
)


def _summary(store: Store, interview_id: int) -> tuple[str, str]:
    with store.database.transaction() as s:
        row = s.scalar(
            select(AnalysisRow).where(
                AnalysisRow.interview_id == interview_id, AnalysisRow.kind == "summary"
            )
        )
        assert row is not None
        return row.payload["text"], row.provenance


def test_summary_comes_from_the_ollama_model_and_names_it(
    store: Store, question_set: QuestionSet, fake_ollama: FakeOllama
) -> None:
    interview_id = conduct(store, question_set, UNHAPPY)
    fake_ollama.reply = SUMMARY
    complete = completion_for(OllamaBackend(fake_ollama.host))
    assert complete is not None

    analyse_interview(store, interview_id, complete, "llama3.2")

    assert _summary(store, interview_id) == (SUMMARY, "llama3.2")
    prompt = fake_ollama.chats[-1]["messages"][0]["content"]
    assert "rude and unfair" in prompt


def test_a_failing_server_leaves_an_extractive_summary(
    store: Store, question_set: QuestionSet, fake_ollama: FakeOllama
) -> None:
    interview_id = conduct(store, question_set, UNHAPPY)
    fake_ollama.fault = "http_500"
    complete = completion_for(OllamaBackend(fake_ollama.host))
    assert complete is not None

    analyse_interview(store, interview_id, complete, "llama3.2")

    text, provenance = _summary(store, interview_id)
    assert provenance == "extractive"
    assert "rude and unfair" in text


def test_rules_and_the_embedded_base_model_are_not_asked_to_analyse() -> None:
    assert completion_for(RulesBackend()) is None
