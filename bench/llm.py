"""Follow-up latency and throughput of the embedded model (llama-cpp, gemma-3-270m).

Prints the time to first token at turn 1 and turn 10 of one interview and their
ratio (target <= 1.5: only reusing the cached prompt prefix keeps a growing
transcript from slowing each turn), and decode speed through `LlamaCppBackend`
against a bare `llama_cpp.Llama` on the same prompt (target >= 0.95). Each figure is
the best of several runs: other work on the machine only ever slows a run down, so
the least disturbed run is the truest figure. Exit code 1 when a target is missed.

    python bench/llm.py [--model PATH] [--runs 5]
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

import llama_cpp

from exitbot_desktop.engine.followup_policy import FollowupRequest
from exitbot_desktop.engine.llm.backend import GenerationOptions
from exitbot_desktop.engine.llm.followup_generator import FollowupGenerator
from exitbot_desktop.engine.llm.llama_cpp_backend import N_CTX, LlamaCppBackend, physical_cores
from exitbot_desktop.engine.llm.model_files import FROM_ENV, ModelFile, ensure_model, locate_model
from exitbot_desktop.engine.llm.prompts import Conversation, completion_prompt

TTFT_RATIO_TARGET = 1.5
THROUGHPUT_RATIO_TARGET = 0.95
DECODE_TOKENS = 128

INTERVIEW = [
    (
        "main_reason",
        "What was the main reason you decided to leave?",
        "My manager cancelled our one-to-ones for months and never explained why.",
    ),
    (
        "other_reasons",
        "Were there other reasons?",
        "The commute got longer after the office moved across town.",
    ),
    (
        "role",
        "How satisfied were you with your role?",
        "The work itself was interesting but the tooling was ancient.",
    ),
    (
        "manager",
        "How would you describe your relationship with your manager?",
        "Polite, but distant. I never knew where I stood.",
    ),
    (
        "team",
        "How was working with your team?",
        "Great people, but we were two engineers short all year.",
    ),
    (
        "career_growth",
        "How did you see your career growth here?",
        "I asked about a senior role twice and heard nothing back.",
    ),
    (
        "pay",
        "How do you feel about your pay and benefits?",
        "Salary was fine, the pension scheme was weaker than elsewhere.",
    ),
    (
        "work_life_balance",
        "How was your work-life balance?",
        "On call every other weekend, which wore me down.",
    ),
    ("stay", "What would have made you stay?", "A clear promotion path and a fairer on-call rota."),
    (
        "improve",
        "What should we improve first?",
        "Regular feedback from managers, written down and followed up.",
    ),
]


def time_to_first_token(backend: LlamaCppBackend, runs: int) -> tuple[float, float]:
    """Best seconds to the first token at turn 1 and at turn 10 of one interview."""
    first: list[float] = []
    tenth: list[float] = []
    generator = FollowupGenerator(backend, first_token_timeout_s=60, total_timeout_s=60)
    for _ in range(runs):
        # Back to the state of a freshly warmed-up station, so turn 1 cannot reuse the
        # previous run's identical turn 1 from the cache.
        backend.warm_up()
        generator.begin_interview("en")
        for turn, (question_id, question, answer) in enumerate(INTERVIEW, start=1):
            seen: list[float] = []
            started = time.perf_counter()
            generator.generate(
                FollowupRequest(question_id, question, answer, "en"), on_token=_stamp(seen)
            )
            if seen and turn in (1, 10):
                (first if turn == 1 else tenth).append(seen[0] - started)
    return min(first), min(tenth)


def _stamp(seen: list[float]) -> Callable[[str], None]:
    """An on_token callback noting when each token arrived."""
    return lambda _: seen.append(time.perf_counter())


def turn_prompts() -> tuple[str, str]:
    """The completion prompts of turn 1 and turn 10 (every follow-up a rules one)."""
    conversation = Conversation("en")
    prompts = []
    for question_id, question, answer in INTERVIEW:
        request = FollowupRequest(question_id, question, answer, "en")
        prompts.append(completion_prompt(conversation.prompt_for(request)))
        conversation.record(request, "What would have helped you most?")
    return prompts[0], prompts[-1]


def cold_first_token(llama: llama_cpp.Llama, prompt: str) -> float:
    """Seconds to the first token with nothing cached, as without prefix reuse."""
    llama.reset()  # type: ignore[no-untyped-call]
    started = time.perf_counter()
    next(iter(llama.create_completion(_tokens(llama, prompt), max_tokens=1, stream=True)))
    return time.perf_counter() - started


def decode_rate(pieces: list[float]) -> float:
    """Tokens per second after the first token, so prompt processing does not count."""
    return (len(pieces) - 1) / (pieces[-1] - pieces[0])


def ours(backend: LlamaCppBackend, prompt_turn: Conversation, request: FollowupRequest) -> float:
    stamps = [
        time.perf_counter()
        for _ in backend.stream_chat(
            prompt_turn.prompt_for(request),
            options=GenerationOptions(max_tokens=DECODE_TOKENS, temperature=0.0),
            cancel=threading.Event(),
        )
    ]
    return decode_rate(stamps)


def raw(llama: llama_cpp.Llama, prompt: str) -> float:
    tokens = _tokens(llama, prompt)
    llama.reset()  # type: ignore[no-untyped-call]
    chunks = cast(
        "Iterator[Any]",
        llama.create_completion(tokens, max_tokens=DECODE_TOKENS, temperature=0.0, stream=True),
    )
    # Counted like the backend's pieces: the closing chunk carries no text.
    stamps = [time.perf_counter() for chunk in chunks if chunk["choices"][0]["text"]]
    return decode_rate(stamps)


def _tokens(llama: llama_cpp.Llama, prompt: str) -> list[int]:
    return llama.tokenize(prompt.encode(), add_bos=True, special=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="GGUF file (default: as the app finds it)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    model_file = ModelFile(args.model, FROM_ENV) if args.model else locate_model()
    if model_file is None:
        print("No GGUF model found; set --model or EXITBOT_MODEL.")
        return 1
    path = ensure_model(model_file)
    threads = physical_cores()
    backend = LlamaCppBackend(ModelFile(path, FROM_ENV), n_threads=threads)
    started = time.perf_counter()
    backend.warm_up()
    print(f"model {path.name}, n_ctx={N_CTX}, n_threads={threads}")
    print(f"load and warm-up: {time.perf_counter() - started:.2f} s")

    bare = llama_cpp.Llama(
        str(path), n_ctx=N_CTX, n_threads=threads, n_threads_batch=threads, verbose=False
    )
    prompt_1, prompt_10 = turn_prompts()
    size_1, size_10 = len(_tokens(bare, prompt_1)), len(_tokens(bare, prompt_10))

    ttft_1, ttft_10 = time_to_first_token(backend, args.runs)
    ratio = ttft_10 / ttft_1
    print(f"time to first token, turn 1:  {ttft_1 * 1000:6.0f} ms (prompt {size_1} tokens)")
    print(f"time to first token, turn 10: {ttft_10 * 1000:6.0f} ms (prompt {size_10} tokens)")
    cold = min(cold_first_token(bare, prompt_10) for _ in range(args.runs))
    print(f"  turn 10 with nothing cached would take {cold * 1000:.0f} ms")
    ttft_ok = ratio <= TTFT_RATIO_TARGET
    print(
        f"{'PASS' if ttft_ok else 'FAIL'} TTFT turn 10 / turn 1 = {ratio:.2f} "
        f"(target <= {TTFT_RATIO_TARGET})"
    )

    request = FollowupRequest(*INTERVIEW[0], "en")
    conversation = Conversation("en")
    our_rates, raw_rates = [], []
    for run in range(args.runs):  # alternate who goes first, so neither gains from order
        if run % 2:
            raw_rates.append(raw(bare, prompt_1))
        our_rates.append(ours(backend, conversation, request))
        if not run % 2:
            raw_rates.append(raw(bare, prompt_1))
    our_rate, raw_rate = max(our_rates), max(raw_rates)
    speed = our_rate / raw_rate
    print(f"decode through LlamaCppBackend: {our_rate:6.1f} tok/s")
    print(f"decode through bare Llama:      {raw_rate:6.1f} tok/s")
    speed_ok = speed >= THROUGHPUT_RATIO_TARGET
    print(
        f"{'PASS' if speed_ok else 'FAIL'} throughput ours / bare = {speed:.2f} "
        f"(target >= {THROUGHPUT_RATIO_TARGET})"
    )
    return 0 if ttft_ok and speed_ok else 1


if __name__ == "__main__":
    sys.exit(main())
