"""`followups`: the follow-up the station would ask after each answer of a CSV file.

Owns `followups_csv` and `decide_followup` (which `bench/followups.py` measures). IT
and HR use it to judge a model before switching to it, so each row goes through
exactly what an interview does, with no database:

1. the station's decision: support instead of a question when the words suggest
   distress, mistreatment or serious illness (`needs_care`), nothing after a refusal
   or an answer that already says enough (`FollowupPolicy`);
2. the chosen backend through `FollowupGenerator`, behind the guard, falling back to
   the rules as in an interview.

In: id,question,answer (`answer_csv`). Out: id,followup,source (ollama, llama_cpp,
rules, or none when no follow-up is asked),guard_reason (why the model's text was
replaced, or why nothing was asked: care, refusal_or_enough, empty),ms (time to the
finished follow-up). Cells are neutralised like every CSV ExitBot writes. Never
imports Qt.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from exitbot_desktop.engine.analysis.flags import needs_care
from exitbot_desktop.engine.analysis.textfile import answer_csv, write_csv
from exitbot_desktop.engine.followup_policy import FollowupPolicy, FollowupRequest
from exitbot_desktop.engine.llm.backend import Backend
from exitbot_desktop.engine.llm.followup_generator import FollowupGenerator

OUTPUT_COLUMNS = ("id", "followup", "source", "guard_reason", "ms")
NONE = "none"  # the source when no follow-up is asked


@dataclass(frozen=True)
class FollowupFileResult:
    rows: int
    by_source: Mapping[str, int]

    def summary(self, out: Path) -> str:
        shares = ", ".join(f"{source} {n:,}" for source, n in sorted(self.by_source.items()))
        return f"Wrote {self.rows:,} follow-up decisions to {out} ({shares})."


def followups_csv(
    in_path: Path,
    out_path: Path,
    backend: Backend,
    *,
    language: str = "en",
    progress: Callable[[int], None] | None = None,
) -> FollowupFileResult:
    """Decide and generate a follow-up for every row of `in_path` into `out_path`
    (written all at once, so a failure leaves no half-written file)."""
    generator = FollowupGenerator(backend)
    sources: Counter[str] = Counter()
    with answer_csv(in_path) as rows:
        count = write_csv(
            _decided(rows, generator, language, sources, progress), OUTPUT_COLUMNS, out_path
        )
    return FollowupFileResult(count, dict(sources))


@dataclass(frozen=True)
class FollowupDecision:
    """What the station would show after one answer, and how long it took to decide."""

    text: str  # "" when nothing is asked
    source: str  # ollama, llama_cpp, rules, or `NONE`
    reason: str  # why the model's text was replaced, or why nothing is asked
    ms: int


def decide_followup(
    generator: FollowupGenerator, key: str, question: str, answer: str, language: str
) -> FollowupDecision:
    """The station's decision for one answer, then the guarded follow-up; each answer is
    its own interview (no memory of earlier ones, no per-interview limit)."""
    started = time.monotonic()
    reason = _no_followup(key, answer.strip(), language)
    text, source = "", NONE
    if not reason:
        generator.begin_interview(language)
        request = FollowupRequest(key, question.strip(), answer.strip(), language)
        followup = generator.generate(request, cancel=threading.Event())
        assert followup is not None  # nobody cancels
        text, source, reason = followup.text, followup.source, followup.guard_reason
    return FollowupDecision(text, source, reason, round((time.monotonic() - started) * 1000))


def _decided(
    rows: Iterable[Mapping[str, str]],
    generator: FollowupGenerator,
    language: str,
    sources: Counter[str],
    progress: Callable[[int], None] | None,
) -> Iterator[dict[str, str]]:
    for done, row in enumerate(rows, start=1):
        row_id = row.get("id") or ""
        decision = decide_followup(
            generator, row_id, row.get("question") or "", row.get("answer") or "", language
        )
        sources[decision.source] += 1
        yield {
            "id": row_id,
            "followup": decision.text,
            "source": decision.source,
            "guard_reason": decision.reason,
            "ms": str(decision.ms),
        }
        if progress is not None:
            progress(done)


def _no_followup(row_id: str, answer: str, language: str) -> str:
    """Why the station would ask nothing after this answer, or "" when it would ask."""
    if not answer:
        return "empty"
    if needs_care(answer, language):
        return "care"
    if not FollowupPolicy().allows(row_id, answer, language):
        return "refusal_or_enough"
    return ""
