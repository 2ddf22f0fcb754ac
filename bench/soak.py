"""Soak: 50 interviews in one process, as a station runs all day, and nothing piles up.

Each interview runs through the engine as the station drives it (`interview_driver`):
every answer committed, follow-ups streamed from the embedded llama-cpp model, submit,
then the analysis after submit. After the first 5 interviews (the model, the caches and
SQLite's page cache have settled) it notes the resident memory, the open file handles
and the threads, and compares them with the same after the last interview:

| figure | target |
|---|---|
| follow-ups the backend wrote itself | >= 50% |
| resident memory growth (RSS) | <= 20 MB |
| open file handles leaked | 0 |
| threads leaked | 0 |

The station's timeouts are lifted (`TIMEOUT_S`): this bench is about what piles up, not
speed, and on a busy machine three slow first words in a row open the circuit breaker,
after which the rules write every follow-up and the model is never soaked at all. The
guard still replaces what it refuses, hence a share rather than all.

    python bench/soak.py [--interviews 50] [--backend llama_cpp|rules]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # beside this script
from interview_driver import drive_interview

from exitbot_desktop.engine.analysis.pipeline import analyse_interview
from exitbot_desktop.engine.llm.followup_generator import FollowupGenerator
from exitbot_desktop.engine.llm.selection import select_backend
from exitbot_desktop.engine.questions import load_builtin
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.health_figures import store_figures
from exitbot_desktop.engine.store.keys import FAST_KDF

SETTLE = 5
RSS_GROWTH_MB = 20.0
MODEL_SHARE = 0.5
TIMEOUT_S = 300.0


def _rss_mb() -> float:
    """Resident memory now (Linux /proc; the peak on other systems)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _open_files() -> int:
    return len(os.listdir("/proc/self/fd")) if Path("/proc/self/fd").exists() else -1


def _snapshot() -> tuple[float, int, int]:
    gc.collect()
    return _rss_mb(), _open_files(), threading.active_count()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--interviews", type=int, default=50)
    parser.add_argument("--backend", choices=("llama_cpp", "rules"), default="llama_cpp")
    args = parser.parse_args(argv)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="exitbot-soak-") as tmp:
        store, _ = vault.create(
            DataFolder(Path(tmp) / "data"),
            organisation="Soak",
            user="alice",
            password="soak test password 42",
            kdf=FAST_KDF,
        )
        generator = FollowupGenerator(
            select_backend(setting=args.backend),
            first_token_timeout_s=TIMEOUT_S,
            total_timeout_s=TIMEOUT_S,
        )
        question_set = load_builtin()
        settled = _snapshot()
        followups = 0
        for n in range(args.interviews):
            driven = drive_interview(store, question_set, generator)
            followups += len(driven.followups)
            analyse_interview(store, driven.interview_id)
            if n + 1 == SETTLE:
                settled = _snapshot()
            print(f"interview {n + 1}/{args.interviews} done", file=sys.stderr)
        final = _snapshot()
        by_model = store_figures(store).followup_sources.get(generator.backend.name, 0)
        store.close()
    return _report(
        args, settled, final, (followups, by_model), time.monotonic() - started, generator
    )


def _report(
    args: argparse.Namespace,
    settled: tuple[float, int, int],
    final: tuple[float, int, int],
    followups: tuple[int, int],
    seconds: float,
    generator: FollowupGenerator,
) -> int:
    growth = final[0] - settled[0]
    asked, by_model = followups
    rows = [
        (
            "follow-ups the backend wrote itself",
            f"{by_model} of {asked}",
            asked > 0 and by_model >= MODEL_SHARE * asked,
        ),
        ("resident memory after interview 5 (MB)", f"{settled[0]:.1f}", None),
        ("resident memory at the end (MB)", f"{final[0]:.1f}", None),
        ("growth (MB)", f"{growth:+.1f}", growth <= RSS_GROWTH_MB),
        (
            "open file handles after 5 / at the end",
            f"{settled[1]} / {final[1]}",
            final[1] <= settled[1],
        ),
        ("threads after 5 / at the end", f"{settled[2]} / {final[2]}", final[2] <= settled[2]),
    ]
    print(
        f"Soak: {args.interviews} interviews in one process with "
        f"{generator.backend.display_name}, {seconds:.0f} s"
    )
    failed = False
    for name, value, ok in rows:
        verdict = "" if ok is None else ("PASS" if ok else "FAIL")
        failed |= ok is False
        print(f"  {name:<42} {value:>14}  {verdict}")
    print("FAIL" if failed else "PASS")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
