"""A power cut or kill -9 in the middle of an interview loses nothing that was committed,
including what is still in the write-ahead log."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap

from conftest import PASSWORD

from exitbot_desktop.engine.interview import InterviewSession
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder

# Answers in question order; the child commits them one by one and says so after each.
ANSWERS: list[tuple[str, object]] = [
    ("main_reason", "career_development"),
    ("main_reason_details", "No path to senior engineer after four years."),
    ("other_reasons", ["compensation_benefits", "manager"]),
    ("satisfaction_role", 4),
    ("satisfaction_manager", 2),
    ("satisfaction_team", 5),
]

CHILD = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from exitbot_desktop.engine.store import vault
    from exitbot_desktop.engine.questions import load_builtin
    from exitbot_desktop.engine.interview import Answered, InterviewSession
    from exitbot_desktop.engine.metadata import InterviewMeta
    from exitbot_desktop.engine.store.folder import DataFolder

    store = vault.unlock(DataFolder(Path(sys.argv[1])), user="alice", password=sys.argv[2])
    session = InterviewSession.start(store, load_builtin(), language="en",
                                     meta=InterviewMeta(leaving_type="voluntary"))
    session.consent()
    print("INTERVIEW", session.id, flush=True)
    for value in json.loads(sys.argv[3]):
        question = session.current().question
        if session.respond(Answered(value)).step.question == question:
            session.go_on()  # past a follow-up the script does not take
        print("COMMITTED", flush=True)
    session.save_draft("Half a sentence about my career growth that was")
    print("DRAFTED", flush=True)
    time.sleep(60)  # killed long before this ends
    """
)


def test_answers_survive_sigkill_and_interview_resumes_at_the_right_question(
    store: vault.Store, folder: DataFolder
) -> None:
    store.close()
    kill_after = 4  # answers committed before the kill
    values = json.dumps([value for _, value in ANSWERS[:kill_after]])
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder.root), PASSWORD, values],
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        interview_id = int(child.stdout.readline().split()[1])
        for _ in range(kill_after):
            assert child.stdout.readline().strip() == "COMMITTED"
        assert child.stdout.readline().strip() == "DRAFTED"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    # The commits are still in the write-ahead log (nothing folded them into the database
    # file): reopening must find them there. The log is encrypted like the database.
    wal = folder.db_path.with_name(folder.db_path.name + "-wal")
    assert wal.stat().st_size > 0
    assert b"senior engineer" not in wal.read_bytes() + folder.db_path.read_bytes()

    with vault.unlock(folder, user="alice", password=PASSWORD) as reopened:
        unfinished = reopened.interviews.unfinished()
        assert [r.id for r in unfinished] == [interview_id]
        session = InterviewSession.resume(reopened, interview_id)
        answers = session.record.main_answers()
        for question_id, value in ANSWERS[:kill_after]:
            assert answers[question_id].value == value
        for question_id, _ in ANSWERS[kill_after:]:
            assert question_id not in answers
        step = session.current()
        assert step.question is not None and step.question.id == ANSWERS[kill_after][0]
        assert step.draft == "Half a sentence about my career growth that was"
        assert step.number == kill_after + 1
