"""Answer-commit latency through the engine, against bare sqlcipher3 on the same disk.

Two engine figures:

- answer commit: `store.interviews.save_answer` as a lone call, the engine's own
  transaction that makes an answer durable (the interview row touched, the answer
  upserted, COMMIT with synchronous=FULL);
- respond: `InterviewSession.respond`, everything an employee's Next waits on (check the
  answer, save it, analyse it and store the analysis, decide what follows, move on, all
  in one commit).

The anchor, measured in the same run, is a bare sqlcipher3 INSERT + COMMIT of one
answer-sized row with the app's pragmas (raw key, WAL, synchronous=FULL; see
`engine/store/db.py`), so the ratios say what the engine adds whatever the disk and CPU.
Runs alternate between engine and anchor so both see the same disk. Also printed, for
information: the same bare insert with a rollback journal (the journal mode before WAL)
and in a plain SQLite file (the cost of encryption).

Targets: the answer commit's p95 <= 2x the anchor's p95 and <= 3 ms; respond's p95
<= 3 ms (its ratio is printed: it does five statements and the analysis where the
anchor does one insert). Exit 1 on FAIL.

    python bench/store.py [--interviews 30]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from exitbot_desktop.engine.interview import Answered, InterviewSession
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import Question, load_builtin, to_json
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
    """Whole interviews answered through the engine."""

    def __init__(self, root: Path) -> None:
        self.store, _ = vault.create(
            DataFolder(root),
            organisation="bench",
            user="bench",
            password="bench password",
            kdf=FAST_KDF,
        )
        self.question_set = load_builtin()

    def _start(self) -> InterviewSession:
        session = InterviewSession.start(
            self.store,
            self.question_set,
            language="en",
            meta=InterviewMeta(leaving_type="voluntary"),
        )
        session.consent()
        return session

    def responses(self, timings: list[float]) -> None:
        """One interview through `InterviewSession`, every `respond` timed."""
        session = self._start()
        n = 0
        while (question := session.current().question) is not None:
            n += 1
            value = _value_for(question, n)
            started = time.perf_counter()
            outcome = session.respond(Answered(value))
            timings.append((time.perf_counter() - started) * 1000)
            if outcome.step.question == question:
                session.go_on()  # past a follow-up: not an answer commit

    def commits(self, timings: list[float]) -> None:
        """Each question of one interview answered by the repository call alone, timed."""
        interview_id = self._start().id
        for n, question in enumerate(self.question_set.questions, start=1):
            value = _value_for(question, n)
            text = value if isinstance(value, str) else None
            started = time.perf_counter()
            self.store.interviews.save_answer(
                interview_id, question.id, status="answered", value=value, text=text, seconds=1.0
            )
            timings.append((time.perf_counter() - started) * 1000)

    def close(self) -> None:
        self.store.close()


class BareRun:
    """One answer-sized row per INSERT + COMMIT, straight through the driver, into a
    one-table database of its own (for the information lines)."""

    sql = _ROW_SQL

    def __init__(self, path: Path, *, encrypted: bool, journal: str) -> None:
        module: Any = sqlcipher if encrypted else sqlite3
        self.conn = module.connect(str(path), isolation_level=None)
        if encrypted:
            self.conn.execute(f"PRAGMA key = \"x'{new_data_key().hex()}'\"")
        self.conn.execute(f"PRAGMA journal_mode = {journal}")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute(
            "CREATE TABLE answers (id INTEGER PRIMARY KEY, interview_id INTEGER, "
            "question_id TEXT, status TEXT, value TEXT, text TEXT)"
        )
        self.conn.execute("CREATE INDEX ix ON answers (interview_id, question_id)")
        self.n = 0

    def _row(self) -> tuple[object, ...]:
        self.n += 1
        return (self.n // 15, f"q{self.n % 15}", "answered", f'"{TEXT}"', TEXT)

    def commits(self, count: int, timings: list[float]) -> None:
        for _ in range(count):
            row = self._row()
            started = time.perf_counter()
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute(self.sql, row)
            self.conn.execute("COMMIT")
            timings.append((time.perf_counter() - started) * 1000)

    def close(self) -> None:
        self.conn.close()


class AnchorRun(BareRun):
    """The anchor: the same INSERT + COMMIT into the app's own `answers` table.

    The database is a new one made by the app (same schema, indexes, page size, WAL),
    then reopened through the bare driver with the app's pragmas, so the anchor writes
    the pages an answer row writes there and nothing the engine adds.
    """

    sql = (
        "INSERT INTO answers (interview_id, question_id, status, value, text, is_followup, "
        "seconds_spent, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 1.0, ?, ?)"
    )

    def __init__(self, root: Path, interviews: int) -> None:
        store, _ = vault.create(
            DataFolder(root),
            organisation="anchor",
            user="a",
            password="anchor password",
            kdf=FAST_KDF,
        )
        with store:
            pk = store.question_sets.snapshot(to_json(load_builtin()))
            self.ids = [
                store.interviews.create(pk, "en", InterviewMeta()) for _ in range(interviews)
            ]
            path, key = store.database.path, store.database.data_key()
        self.conn = sqlcipher.connect(str(path), isolation_level=None)
        self.conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.n = 0

    def _row(self) -> tuple[object, ...]:
        self.n += 1
        now = datetime.now(UTC).replace(tzinfo=None)
        interview = self.ids[self.n // 15]
        return (interview, f"q{self.n % 15}", "answered", f'"{TEXT}"', TEXT, now, now)


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
    commit_ms: list[float] = []
    respond_ms: list[float] = []
    bare: dict[str, list[float]] = {"anchor": [], "wal": [], "rollback": [], "plain": []}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        engine = EngineRun(root / "engine")
        anchors: dict[str, BareRun] = {
            "anchor": AnchorRun(root / "anchor", args.interviews + 2),
            "wal": BareRun(root / "wal.db", encrypted=True, journal="WAL"),
            "rollback": BareRun(root / "rollback.db", encrypted=True, journal="DELETE"),
            "plain": BareRun(root / "plain.db", encrypted=False, journal="WAL"),
        }
        try:
            engine.responses([])  # warm-up: first statements compile, caches fill
            engine.commits([])
            for run in anchors.values():
                run.commits(10, [])
            for _ in range(args.interviews):  # alternate, so all see the same disk
                engine.commits(commit_ms)
                engine.responses(respond_ms)
                for name, run in anchors.items():
                    run.commits(15, bare[name])
        finally:
            engine.close()
            for run in anchors.values():
                run.close()

    anchor_p95 = _percentile(bare["anchor"], 0.95)
    commit_p95 = _percentile(commit_ms, 0.95)
    respond_p95 = _percentile(respond_ms, 0.95)
    print("answer commit latency (same disk, same run)")
    print(_line("engine: answer commit (save_answer)", commit_ms))
    print(_line("engine: InterviewSession.respond", respond_ms))
    print(_line("anchor: bare sqlcipher3 insert+commit", bare["anchor"]))
    print(_line("info: the same into a one-table database", bare["wal"]))
    print(_line("info: ... with a rollback journal", bare["rollback"]))
    print(_line("info: ... in plain SQLite (no encryption)", bare["plain"]))
    print(
        f"  p95 / anchor p95: answer commit {commit_p95 / anchor_p95:.2f}, "
        f"respond {respond_p95 / anchor_p95:.2f}"
    )
    checks = [
        (
            commit_p95 / anchor_p95 <= RATIO_TARGET,
            f"answer commit p95 is {commit_p95 / anchor_p95:.2f}x the bare commit "
            f"(target <= {RATIO_TARGET}x)",
        ),
        (
            commit_p95 <= P95_TARGET_MS,
            f"answer commit p95 {commit_p95:.2f} ms (target <= {P95_TARGET_MS} ms)",
        ),
        (
            respond_p95 <= P95_TARGET_MS,
            f"respond p95 {respond_p95:.2f} ms (target <= {P95_TARGET_MS} ms)",
        ),
    ]
    for ok, text in checks:
        print(f"{_verdict(ok)}: {text}")
    return 0 if all(ok for ok, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
