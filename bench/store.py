"""Answer-commit latency and the cost of encryption.

Prints p50/p95 of committing one answer through `InterviewSession.answer` on a real
SQLCipher database, and the write-time ratio SQLCipher / plain SQLite for the same
ORM workload (one row per transaction, synchronous=FULL on both).
Targets: p95 <= 20 ms, ratio <= 1.5. Exit code 1 when a target is missed.

    python bench/store.py [--answers 400]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session

from exitbot_desktop.engine.interview import Answered, InterviewSession
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import load_builtin
from exitbot_desktop.engine.store import db, vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF, new_data_key
from exitbot_desktop.engine.store.models import Answer, Base, Interview, QuestionSetRow

P95_TARGET_MS = 20.0
RATIO_TARGET = 1.5


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def commit_latencies(root: Path, count: int) -> list[float]:
    """Milliseconds per `answer()` call: validation, one transaction, fsync."""
    store, _ = vault.create(
        DataFolder(root),
        organisation="bench",
        user="bench",
        password="bench password",
        kdf=FAST_KDF,
    )
    question_set = load_builtin()
    timings: list[float] = []
    with store:
        while len(timings) < count:
            session = InterviewSession.start(
                store, question_set, language="en", meta=InterviewMeta(leaving_type="voluntary")
            )
            session.consent()
            session.respond(Answered("other"))
            for n in range(20):
                started = time.perf_counter()
                session.respond(
                    Answered(f"Answer number {n}: the workload was too high for too long.")
                )
                timings.append((time.perf_counter() - started) * 1000)
    return timings[:count]


def _plain_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(conn: object, _record: object) -> None:
        cursor = conn.cursor()  # type: ignore[attr-defined]
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    return engine


def _orm_workload(engine: Engine, count: int) -> float:
    """Seconds to commit `count` answers, one transaction each, into a new file."""
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        qs = QuestionSetRow(set_id="bench", version=1, content={})
        s.add(qs)
        s.flush()
        interview = Interview(question_set_pk=qs.id, language="en")
        s.add(interview)
        s.commit()
        interview_id = interview.id
    started = time.perf_counter()
    for n in range(count):
        with Session(engine) as s, s.begin():
            s.add(
                Answer(
                    interview_id=interview_id,
                    question_id=f"q{n}",
                    status="answered",
                    value=f"answer {n}",
                    text=f"answer {n} " * 20,
                    seconds_spent=1.0,
                )
            )
    elapsed = time.perf_counter() - started
    engine.dispose()
    return elapsed


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        latencies = commit_latencies(root / "session", args.answers)
        # Alternate and take the best of three: the disk's mood moves more than either.
        enc_runs, plain_runs = [], []
        for run in range(3):
            enc_runs.append(
                _orm_workload(
                    db.open_engine(root / f"enc{run}.db", bytearray(new_data_key())), args.answers
                )
            )
            plain_runs.append(_orm_workload(_plain_engine(root / f"plain{run}.db"), args.answers))
        enc_s, plain_s = min(enc_runs), min(plain_runs)

    p50, p95 = statistics.median(latencies), _percentile(latencies, 0.95)
    ratio = enc_s / plain_s
    print(f"answer commit through InterviewSession ({len(latencies)} answers)")
    print(f"  p50 {p50:.2f} ms   p95 {p95:.2f} ms   max {max(latencies):.2f} ms")
    print(
        f"same ORM workload: SQLCipher {enc_s * 1000 / args.answers:.2f} ms/answer, "
        f"plain SQLite {plain_s * 1000 / args.answers:.2f} ms/answer, ratio {ratio:.2f}"
    )
    ok_p95 = p95 <= P95_TARGET_MS
    ok_ratio = ratio <= RATIO_TARGET
    print(f"{_verdict(ok_p95)}: answer commit p95 {p95:.2f} ms (target <= {P95_TARGET_MS} ms)")
    print(f"{_verdict(ok_ratio)}: SQLCipher/plain ratio {ratio:.2f} (target <= {RATIO_TARGET})")
    return 0 if ok_p95 and ok_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
