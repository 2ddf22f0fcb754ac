"""Reports on 10,000 interviews in an encrypted database: aggregates, aggregate PDF, CSV.

Builds the data with `bench/synthetic.populate` (bulk inserts, about 150,000 answers and
as many analysis rows), reopens the database the way the app does (unlock runs the
integrity check first), then times each step three times and judges the median.
Targets: aggregates <= 1 s, aggregate PDF <= 5 s, CSV export (one row per answer,
anonymised) <= 3 s. Exit code 1 when a target is missed.

Machines of the same kind differ 2-3x in speed, so absolute times alone do not say
whether code got slower. Each run therefore also times an anchor, one plain full read
of the answers table (`SELECT * FROM answers`, every row fetched) on a connection the
app's own connect function opened (same file, key and pragmas, `cipher_memory_security`
included), and prints every step as a multiple of it, together with the multiples the
absolute targets amount to on this machine. Compare those ratios between machines.

    python bench/reports.py [--interviews 10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from anchors import full_table_read  # bench/anchors.py, beside this script
from synthetic import populate  # bench/synthetic.py, beside this script

from exitbot_desktop.engine.analysis import aggregates
from exitbot_desktop.engine.reports.export_csv_json import export_csv
from exitbot_desktop.engine.reports.pdf_aggregate import write_aggregate_pdf
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF

TARGETS = {"aggregates": 1.0, "aggregate PDF": 5.0, "CSV export": 3.0}
ANCHOR = "anchor"
_USER, _PASSWORD = "bench", "bench password"


def _timed(step: Callable[[], object], runs: int = 3) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return times


def _build(folder: DataFolder, count: int) -> None:
    store, _ = vault.create(
        folder, organisation="Bench GmbH", user=_USER, password=_PASSWORD, kdf=FAST_KDF
    )
    started = time.perf_counter()
    with store:
        populate(
            store,
            count,
            department_sizes={"Legal": 3},
            progress=lambda done, total: print(
                f"\rbuilding {done:,}/{total:,} interviews", end="", file=sys.stderr
            ),
        )
    print(f"\rbuilt {count:,} interviews in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def run(root: Path, count: int) -> dict[str, list[float]]:
    folder = DataFolder(root / "data")
    if not folder.exists():
        _build(folder, count)
    out = root / "out"
    out.mkdir(exist_ok=True)
    with vault.unlock(folder, user=_USER, password=_PASSWORD) as store:
        agg = aggregates.compute(store)
        print(
            f"{agg.created:,} interviews ({agg.completed:,} completed), "
            f"{sum(q.reached for q in agg.questions):,} main answers",
            file=sys.stderr,
        )
        anchor = full_table_read(store, "answers")
        anchor()  # as warm as the steps, which each follow a run of themselves
        return {
            ANCHOR: _timed(anchor),
            "aggregates": _timed(lambda: aggregates.compute(store)),
            "aggregate PDF": _timed(lambda: write_aggregate_pdf(store, out / "report.pdf")),
            "CSV export": _timed(lambda: export_csv(store, out / "answers.csv")),
        }


def _runs(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


def judge(results: dict[str, list[float]]) -> bool:
    """Print each step's median, its ratio to the anchor and the verdict; True if all pass."""
    anchor = statistics.median(results[ANCHOR])
    print(
        f"anchor (SELECT * FROM answers, bare sqlcipher3): median {anchor:.2f} s "
        f"(runs {_runs(results[ANCHOR])})"
    )
    ok = True
    for name, target in TARGETS.items():
        times = results[name]
        median = statistics.median(times)
        passed = median <= target
        ok &= passed
        print(
            f"{'PASS' if passed else 'FAIL'}: {name} median {median:.2f} s = "
            f"{median / anchor:.2f}x anchor (target <= {target:.0f} s = "
            f"{target / anchor:.2f}x anchor here; runs {_runs(times)})"
        )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=10_000)
    parser.add_argument(
        "--keep", type=Path, help="build (or reuse) the database in this folder and keep it"
    )
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        results = run(args.keep, args.interviews)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            results = run(Path(tmp), args.interviews)
    return 0 if judge(results) else 1


if __name__ == "__main__":
    sys.exit(main())
