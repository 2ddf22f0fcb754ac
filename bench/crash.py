"""Kill -9 at random moments of an interview: nothing committed is ever lost.

Each run copies a fresh encrypted data folder and starts a child process that drives a
whole interview through the engine, as the station does: every answer (a follow-up
streamed from the backend and replied to where one is due), submit, then the analysis
after submit. The child says what it was told was committed. The parent kills it with
SIGKILL at a random moment of one kind, taking turns:

- commit: while an answer or a reply is being committed;
- stream: while a follow-up is being streamed from the backend;
- analysis: while the interview is analysed after submit.

Then it reopens the folder and checks, per run, that every answer the child had been
told was committed is there with its value, that the interview resumes where it stopped
and goes on from there (or is submitted), and that SQLite's `integrity_check` and
SQLCipher's `cipher_integrity_check` find nothing. It prints the figures with PASS/FAIL:

    python bench/crash.py [--runs 100] [--backend llama_cpp|rules] [--seed N]

With `--backend llama_cpp` (the default when the bundled model is installed) the
follow-ups stream from the real model, so a stream kill lands mid-generation.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Beside this script, whether it runs as one or is imported by tests/test_crash_bench.py.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from interview_driver import REPLY, drive_interview, value_for

PASSWORD = "crash bench password"
KINDS = ("commit", "stream", "analysis")
# How long after a phase begins the kill may land: a commit takes about a millisecond,
# a streamed follow-up and the analysis after submit a few hundred.
WINDOW_S = {"commit": 0.004, "stream": 0.6, "analysis": 0.3}


# --------------------------------------------------------------------------- the child
def _child(folder: Path, backend_name: str) -> None:
    """Drive one interview and report on stdout: PHASE <kind>, then what was committed."""
    from exitbot_desktop.engine.analysis.pipeline import analyse_interview
    from exitbot_desktop.engine.llm.followup_generator import FollowupGenerator
    from exitbot_desktop.engine.llm.selection import select_backend
    from exitbot_desktop.engine.questions import load_builtin
    from exitbot_desktop.engine.store import vault
    from exitbot_desktop.engine.store.folder import DataFolder

    def say(event: str, *details: object) -> None:
        """Each engine step as one line; printed only after the engine's call returned."""
        lines: dict[str, str] = {
            "started": f"INTERVIEW {details[0] if details else ''}",
            "commit": "PHASE commit",
            "stream": "PHASE stream",
            "committed": f"COMMITTED {json.dumps(list(details))}",
            "replied": f"REPLIED {json.dumps(details[0] if details else '')}",
            "submitted": "SUBMITTED",
        }
        print(lines[event], flush=True)

    store = vault.unlock(DataFolder(folder), user="alice", password=PASSWORD)
    generator = FollowupGenerator(select_backend(setting=backend_name))
    driven = drive_interview(store, load_builtin(), generator, report=say)
    print("PHASE analysis", flush=True)
    analyse_interview(store, driven.interview_id)
    print("ANALYSED", flush=True)
    time.sleep(60)  # killed before this ends


# -------------------------------------------------------------------------- the parent
@dataclass
class Told:
    """What the child had said before it was killed."""

    interview: int | None = None
    committed: dict[str, object] = field(default_factory=dict)
    replied: set[str] = field(default_factory=set)
    submitted: bool = False
    phases: int = 0

    def hear(self, line: str) -> tuple[str, str]:
        """Note one line of the child's; returns its first word and the rest."""
        word, _, rest = line.strip().partition(" ")
        if word == "INTERVIEW":
            self.interview = int(rest)
        elif word == "COMMITTED":
            question_id, value = json.loads(rest)
            self.committed[question_id] = value
        elif word == "REPLIED":
            self.replied.add(json.loads(rest))
        elif word == "SUBMITTED":
            self.submitted = True
        return word, rest


@dataclass
class Figures:
    runs: int = 0
    killed_in: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    committed: int = 0
    lost: int = 0
    resume_failures: int = 0
    integrity_failures: int = 0
    problems: list[str] = field(default_factory=list)


def _template(root: Path) -> Path:
    from exitbot_desktop.engine.store import vault
    from exitbot_desktop.engine.store.folder import DataFolder
    from exitbot_desktop.engine.store.keys import FAST_KDF

    folder = root / "template"
    store, _ = vault.create(
        DataFolder(folder), organisation="Crash", user="alice", password=PASSWORD, kdf=FAST_KDF
    )
    store.close()
    return folder


def _run_once(
    folder: Path, backend: str, kind: str, rng: random.Random, env: dict[str, str]
) -> Told:
    """One child, killed at a random moment of `kind`; returns what it had been told."""
    with subprocess.Popen(
        [sys.executable, __file__, "--child", str(folder), "--backend", backend],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    ) as child:
        assert child.stdout is not None
        told = Told()
        # Commits come many times an interview: pick which one; stream and analysis fewer.
        target = {"commit": rng.randint(1, 20), "stream": rng.randint(1, 3), "analysis": 1}[kind]
        kill_at: float | None = None
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            wait = 0.05 if kill_at is None else max(0.0, kill_at - time.monotonic())
            ready, _, _ = select.select([child.stdout], [], [], wait)
            if kill_at is not None and time.monotonic() >= kill_at:
                break
            if not ready:
                if child.poll() is not None:
                    break
                continue
            line = child.stdout.readline()
            if not line:
                break
            word, rest = told.hear(line)
            if word == "PHASE" and rest == kind and kill_at is None:
                told.phases += 1
                if told.phases >= target:
                    kill_at = time.monotonic() + rng.uniform(0, WINDOW_S[kind])
            elif word == "ANALYSED" and kill_at is None:
                break  # the interview ended before its chosen moment: kill now
        child.send_signal(signal.SIGKILL)
        # Whatever the child printed before it died, it had been told: it prints only after
        # the engine's call returned.
        for line in child.stdout:
            told.hear(line)
        child.wait(timeout=30)
        return told


def _verify(folder: Path, told: Told, figures: Figures, run: int) -> None:
    from exitbot_desktop.engine.errors import ExitBotError
    from exitbot_desktop.engine.interview import InterviewSession
    from exitbot_desktop.engine.records import UNFINISHED
    from exitbot_desktop.engine.store import vault
    from exitbot_desktop.engine.store.folder import DataFolder

    figures.committed += len(told.committed) + len(told.replied)
    try:
        store = vault.unlock(DataFolder(folder), user="alice", password=PASSWORD)
    except ExitBotError as error:
        figures.integrity_failures += 1
        figures.problems.append(f"run {run}: cannot reopen: {error}")
        return
    try:
        problems = store.database.integrity_problems()
        if problems:
            figures.integrity_failures += 1
            figures.problems.append(f"run {run}: integrity: {problems[:3]}")
        if told.interview is None:
            return
        record = store.interviews.load(told.interview)
        answers = record.main_answers()
        for question_id, value in told.committed.items():
            if question_id not in answers or answers[question_id].value != value:
                figures.lost += 1
                figures.problems.append(f"run {run}: answer to {question_id} lost")
        for question_id in told.replied:
            replies = [f for f in record.followups_for(question_id) if f.text == REPLY]
            if not replies:
                figures.lost += 1
                figures.problems.append(f"run {run}: reply to {question_id}'s follow-up lost")
        if told.submitted and record.status in UNFINISHED:
            figures.lost += 1
            figures.problems.append(f"run {run}: submitted interview is {record.status} again")
        if record.status in UNFINISHED:
            _check_resume(store, told, figures, run, InterviewSession)
    finally:
        store.close()


def _check_resume(store: Any, told: Told, figures: Figures, run: int, session_type: Any) -> None:
    """The interview reopens where it stopped and goes on.

    Where it stopped is the first shown question without an answer, or the question just
    answered when the kill came before the employee moved on (its follow-up was being
    written, say): the station then shows that answer again with Next. That question is
    the last one answered in the database, which may be one the driver was never told
    of: a kill between the commit and the child's report of it.
    """
    from exitbot_desktop.engine.interview import Answered

    try:
        session = session_type.resume(store, told.interview)
        step = session.current()
        answered = session.record.main_answers()
        shown = [q.id for q in session.visible_questions()]
        first_open = next((q for q in shown if q not in answered), None)
        before_open = shown[: shown.index(first_open)] if first_open else shown
        just_answered = [q for q in before_open if q in answered][-1:]
        at = step.question.id if step.question is not None else None
        if at not in (first_open, *just_answered):
            figures.resume_failures += 1
            figures.problems.append(f"run {run}: resumed at {at}, expected {first_open}")
            return
        if step.question is not None:  # and the employee can go on from there
            if step.answer is not None:
                session.go_on()
            else:
                session.respond(Answered(value_for(step.question)))
    except Exception as error:  # a failed resumption is the figure, whatever the cause
        figures.resume_failures += 1
        figures.problems.append(f"run {run}: resume failed: {error!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--backend", choices=("llama_cpp", "rules"), default=None)
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        _child(args.child, args.backend or "rules")
        return 0
    backend = args.backend or _default_backend()
    env = {**os.environ, "EXITBOT_LLM": backend}
    rng = random.Random(args.seed)
    figures = Figures()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="exitbot-crash-") as tmp:
        template = _template(Path(tmp))
        for run in range(args.runs):
            kind = KINDS[run % len(KINDS)]
            folder = Path(tmp) / f"run-{run}"
            shutil.copytree(template, folder)
            told = _run_once(folder, backend, kind, rng, env)
            figures.runs += 1
            figures.killed_in[kind] += 1
            _verify(folder, told, figures, run)
            shutil.rmtree(folder)
            print(f"run {run + 1}/{args.runs} ({kind}) done", file=sys.stderr)
    return _report(figures, backend, time.monotonic() - started)


def _default_backend() -> str:
    from exitbot_desktop.engine.llm.model_files import locate_model

    model = locate_model()
    return "llama_cpp" if model is not None and model.is_present() else "rules"


def _report(figures: Figures, backend: str, seconds: float) -> int:
    rows = [
        ("runs", figures.runs, None),
        (
            "killed during a commit / stream / analysis",
            "/".join(str(figures.killed_in[k]) for k in KINDS),
            None,
        ),
        ("answers committed (told to the driver)", figures.committed, None),
        ("answers lost", figures.lost, 0),
        ("resumptions that failed", figures.resume_failures, 0),
        ("database integrity failures", figures.integrity_failures, 0),
    ]
    print(f"Crash test: {figures.runs} runs, follow-ups by {backend}, {seconds:.0f} s")
    failed = False
    for name, value, target in rows:
        verdict = ""
        if target is not None:
            ok = value == target
            failed |= not ok
            verdict = f"target {target}  {'PASS' if ok else 'FAIL'}"
        print(f"  {name:<45} {value!s:>8}  {verdict}")
    for problem in figures.problems[:20]:
        print(f"  ! {problem}")
    print("FAIL" if failed else "PASS")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
