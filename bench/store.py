"""Answer-commit latency through the engine, against bare sqlcipher3 on the same disk.

The engine's figure is `InterviewSession.respond`: the call an employee's Next waits on
(validate, save the answer, analyse it, decide what follows, move on, one commit). The
anchor, measured in the same run, is a bare sqlcipher3 INSERT + COMMIT of one answer-sized
row with the app's pragmas (raw key, cipher_memory_security, WAL, synchronous=FULL), so
the ratio says what the engine adds, whatever the disk and CPU. Runs alternate between the
two so both see the same disk. Also printed, for information: the same bare insert with a
rollback journal (the journal mode before WAL) and in a plain SQLite file (the cost of
encryption). Targets: engine p95 <= 2x the anchor's p95 and <= 3 ms. Exit 1 on FAIL.

    python bench/store.py [--interviews 30]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from exitbot_desktop.engine.interview import Answered, InterviewSession
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import Question, load_builtin
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF, new_data_key

RATIO_TARGET = 2.0
P95_TARGET_MS = 3.0
TEXT = "The workload was too high for too long and nobody listened when the team said so."
_ROW_SQL = "INSERT INTO answers (interview_id, question_id, status, value, text) VALUES (?,?,?,?,?)"


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _value_for(question: Question, n: int) -> object:
    """A valid answer to any question of the built-in set."""
    if question.type == "rating":
        return 1 + n % 5
    if question.type == "scale_0_10":
        return n % 11
    if question.type == "yes_no":
        return n % 2 == 0
    if question.type == "single_choice":
        return question.choices[n % len(question.choices)].id
    if question.type == "multiple_choice":
        return [c.id for c in question.choices[:2]]
    return f"{TEXT} ({n})"


class EngineRun:
    """Whole interviews answered through the engine, every `respond` timed."""

    def __init__(self, root: Path) -> None:
        self.store, _ = vault.create(
            DataFolder(root),
            organisation="bench",
            user="bench",
            password="bench password",
            kdf=FAST_KDF,
        )
        self.question_set = load_builtin()

    def interview(self, timings: list[float]) -> None:
        session = InterviewSession.start(
            self.store,
            self.question_set,
            language="en",
            meta=InterviewMeta(leaving_type="voluntary"),
        )
        session.consent()
        n = 0
        while (question := session.current().question) is not None:
            n += 1
            value = _value_for(question, n)
            started = time.perf_counter()
            outcome = session.respond(Answered(value))
            timings.append((time.perf_counter() - started) * 1000)
            if outcome.step.question == question:
                session.go_on()  # past a follow-up: not an answer commit

    def close(self) -> None:
        self.store.close()


class BareRun:
    """One answer-sized row per INSERT + COMMIT, straight through the driver."""

    def __init__(self, path: Path, *, encrypted: bool, journal: str) -> None:
        module: Any = sqlcipher if encrypted else sqlite3
        self.conn = module.connect(str(path), isolation_level=None)
        if encrypted:
            self.conn.execute(f"PRAGMA key = \"x'{new_data_key().hex()}'\"")
            self.conn.execute("PRAGMA cipher_memory_security = ON")
        self.conn.execute(f"PRAGMA journal_mode = {journal}")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute(
            "CREATE TABLE answers (id INTEGER PRIMARY KEY, interview_id INTEGER, "
            "question_id TEXT, status TEXT, value TEXT, text TEXT)"
        )
        self.conn.execute("CREATE INDEX ix ON answers (interview_id, question_id)")
        self.n = 0

    def commits(self, count: int, timings: list[float]) -> None:
        for _ in range(count):
            self.n += 1
            row = (self.n // 15, f"q{self.n % 15}", "answered", f'"{TEXT}"', TEXT)
            started = time.perf_counter()
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute(_ROW_SQL, row)
            self.conn.execute("COMMIT")
            timings.append((time.perf_counter() - started) * 1000)

    def close(self) -> None:
        self.conn.close()


def _line(name: str, timings: list[float]) -> str:
    return (
        f"  {name:44} p50 {statistics.median(timings):5.2f} ms   "
        f"p95 {_percentile(timings, 0.95):5.2f} ms   ({len(timings)} commits)"
    )


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=30)
    args = parser.parse_args()
    engine_ms: list[float] = []
    bare: dict[str, list[float]] = {"wal": [], "rollback": [], "plain": []}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        engine = EngineRun(root / "engine")
        anchors: dict[str, BareRun] = {
            "wal": BareRun(root / "wal.db", encrypted=True, journal="WAL"),
            "rollback": BareRun(root / "rollback.db", encrypted=True, journal="DELETE"),
            "plain": BareRun(root / "plain.db", encrypted=False, journal="WAL"),
        }
        try:
            engine.interview([])  # warm-up: first statements compile, caches fill
            for run in anchors.values():
                run.commits(10, [])
            for _ in range(args.interviews):  # alternate, so both see the same disk
                engine.interview(engine_ms)
                for name, run in anchors.items():
                    run.commits(15, bare[name])
        finally:
            engine.close()
            for run in anchors.values():
                run.close()

    p95 = _percentile(engine_ms, 0.95)
    anchor_p95 = _percentile(bare["wal"], 0.95)
    ratio = p95 / anchor_p95
    print("answer commit latency (same disk, same run)")
    print(_line("engine: InterviewSession.respond", engine_ms))
    print(_line("anchor: bare sqlcipher3 insert+commit, WAL", bare["wal"]))
    print(_line("info: bare sqlcipher3, rollback journal", bare["rollback"]))
    print(_line("info: bare plain SQLite, WAL", bare["plain"]))
    print(f"  engine p95 / anchor p95 = {ratio:.2f}")
    ok_ratio = ratio <= RATIO_TARGET
    ok_p95 = p95 <= P95_TARGET_MS
    print(
        f"{_verdict(ok_ratio)}: engine p95 is {ratio:.2f}x the bare commit "
        f"(target <= {RATIO_TARGET}x)"
    )
    print(f"{_verdict(ok_p95)}: engine p95 {p95:.2f} ms (target <= {P95_TARGET_MS} ms)")
    return 0 if ok_ratio and ok_p95 else 1


if __name__ == "__main__":
    sys.exit(main())
