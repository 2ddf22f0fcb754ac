"""Saved prompt openings on the real gemma model: put back, they give the same text as
reading the prompt afresh, and only the rest of the prompt is read."""

from __future__ import annotations

from pathlib import Path

import llama_cpp
import pytest

from exitbot_desktop.engine.llm.kv_snapshots import KvSnapshots

pytestmark = pytest.mark.slow

OPENING = (
    "Ask one short follow-up question after each answer.\n"
    "Question: How was the canteen?\nAnswer: The soup was always cold.\n"
    "Follow-up: How often was the soup cold?\n"
)
OTHER_OPENING = (
    "Stellen Sie nach jeder Antwort eine kurze Nachfrage.\n"
    "Frage: Wie war die Kantine?\nAntwort: Die Suppe war immer kalt.\n"
    "Nachfrage: Wie oft war die Suppe kalt?\n"
)
TAIL = "Question: How was the car park?\nAnswer: There were never enough spaces.\nFollow-up:"


def _continuation(llama: llama_cpp.Llama, prompt: list[int]) -> str:
    out = llama.create_completion(prompt, max_tokens=12, temperature=0.0, stop=["\n"])
    return str(out["choices"][0]["text"])  # type: ignore[index]


def _opening_saved(llama: llama_cpp.Llama) -> tuple[KvSnapshots, list[int], list[int]]:
    """Snapshots holding the opening, the opening's tokens and the whole prompt's."""
    opening = llama.tokenize(OPENING.encode())
    snapshots = KvSnapshots()
    snapshots.save(llama, opening)
    return snapshots, opening, llama.tokenize((OPENING + TAIL).encode())


@pytest.fixture(scope="module")
def small_llama(gemma_gguf: Path) -> llama_cpp.Llama:
    return llama_cpp.Llama(model_path=str(gemma_gguf), n_ctx=512, n_threads=1, verbose=False)


def test_a_saved_opening_comes_back_after_another_prompt_and_reads_only_the_rest(
    small_llama: llama_cpp.Llama,
) -> None:
    llama = small_llama
    snapshots, opening, prompt = _opening_saved(llama)
    # Another language's prompt takes over the cache.
    llama.reset()
    expected = _continuation(llama, prompt)  # read afresh, for comparison
    _continuation(llama, llama.tokenize((OTHER_OPENING + TAIL).encode()))

    assert snapshots.restore_for(llama, prompt) >= len(opening) - 1
    llama_cpp.llama_perf_context_reset(llama.ctx)
    assert _continuation(llama, prompt) == expected
    read = llama_cpp.llama_perf_context(llama.ctx).n_p_eval
    assert read <= len(prompt) - len(opening) + 2  # the tail, not the opening again


def test_nothing_is_put_back_when_the_live_cache_already_holds_more(
    small_llama: llama_cpp.Llama,
) -> None:
    llama = small_llama
    snapshots, _, prompt = _opening_saved(llama)
    _continuation(llama, prompt)
    live = llama.n_tokens
    assert snapshots.restore_for(llama, prompt) == len(prompt)  # the live cache, kept
    assert llama.n_tokens == live
    assert KvSnapshots().restore_for(llama, prompt) == len(prompt)  # nothing saved
