"""Rotating the data key: every interview stays readable, the old key file (and the old
recovery key) no longer open the database, and a rotation cut short at any step, even by
kill -9, leaves a database that opens with the old or the new key and loses nothing."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PASSWORD, answer_and_go_on

from exitbot_desktop.engine.errors import (
    AuditChainError,
    StoreError,
    WrongPasswordError,
)
from exitbot_desktop.engine.filters import Selection
from exitbot_desktop.engine.interview import InterviewSession
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.store import db, rotation, vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF, KeyFile

BOB = "violet kettle under marble"
BOTH = {"alice": PASSWORD, "bob": BOB}


def _fill(store: vault.Store, question_set: QuestionSet) -> dict[int, str | None]:
    """Two interviews with a written answer each; returns {id: that answer}."""
    texts = {}
    for words in ("The pay never kept up with the market.", "My manager never listened."):
        session = InterviewSession.start(store, question_set, language="en", meta=InterviewMeta())
        session.consent()
        answer_and_go_on(session, "manager")
        answer_and_go_on(session, words)
        texts[session.id] = words
    return texts


def _readable(store: vault.Store) -> dict[int, str | None]:
    ids = [row.id for row in store.reports.interviews(Selection())]
    return {
        i: next(
            a.text
            for a in store.interviews.load(i).answers
            if a.question_id == "main_reason_details"
        )
        for i in ids
    }


@pytest.fixture
def filled(
    created: tuple[vault.Store, str], question_set: QuestionSet
) -> tuple[vault.Store, dict[int, str | None], str]:
    store, recovery_key = created
    store.add_account("bob", BOB, kdf=FAST_KDF)
    return store, _fill(store, question_set), recovery_key


def test_rotation_keeps_every_interview_and_retires_the_old_key_file(
    filled: tuple[vault.Store, dict[int, str | None], str], folder: DataFolder, tmp_path: Path
) -> None:
    store, texts, old_recovery = filled
    old_key_file = tmp_path / "old.keys.json"
    shutil.copy2(folder.key_path, old_key_file)
    old_data_key = store.database.data_key()

    done = rotation.rotate_data_key(store, BOTH, FAST_KDF)

    assert _readable(store) == texts  # the open store carries on under the new key
    assert store.audit.verify().ok
    assert store.audit.entries(limit=1)[0].action == "data_key_rotated"
    store.close()
    assert (done.backup / "exitbot.db").exists()
    assert not rotation.pending_key_path(folder).exists()
    for account, password in BOTH.items():
        with vault.unlock(folder, user=account, password=password) as reopened:
            assert _readable(reopened) == texts
            assert reopened.audit.verdict_at_unlock is not None
            assert reopened.audit.verdict_at_unlock.ok
    vault.unlock_with_recovery_key(folder, done.recovery_key).close()
    with pytest.raises(WrongPasswordError):
        vault.unlock_with_recovery_key(folder, old_recovery)
    # The old key file still unwraps the old key, which no longer opens the database.
    assert KeyFile.load(old_key_file).unwrap("alice", PASSWORD) == old_data_key
    assert not db.opens_with(folder.db_path, old_data_key)
    shutil.copy2(old_key_file, folder.key_path)
    with pytest.raises(StoreError, match="damaged or does not belong to this key file"):
        vault.unlock(folder, user="alice", password=PASSWORD)


def test_rotation_needs_every_accounts_password(
    filled: tuple[vault.Store, dict[int, str | None], str], folder: DataFolder
) -> None:
    store, _, _ = filled
    before = folder.db_path.read_bytes()

    with pytest.raises(StoreError, match="missing: bob"):
        rotation.rotate_data_key(store, {"alice": PASSWORD}, FAST_KDF)
    with pytest.raises(WrongPasswordError, match="'bob' is not right"):
        rotation.rotate_data_key(store, {"alice": PASSWORD, "bob": "not bobs"}, FAST_KDF)

    assert not (folder.root / "backups").exists()
    assert folder.db_path.read_bytes() == before


def test_rotation_refuses_to_reseal_a_broken_audit_log(
    filled: tuple[vault.Store, dict[int, str | None], str],
) -> None:
    store, _, _ = filled
    from sqlalchemy import update

    from exitbot_desktop.engine.store.models import AuditEntry

    with store.database.transaction() as s:
        s.execute(update(AuditEntry).where(AuditEntry.id == 2).values(actor="mallory"))

    with pytest.raises(AuditChainError, match="breaks at entry 2"):
        rotation.rotate_data_key(store, BOTH, FAST_KDF)


def _boom(*_args: object, **_kwargs: object) -> None:
    raise OSError(28, "No space left on device")


def _after(original: Callable[..., object]) -> Callable[..., None]:
    def run_then_fail(*args: object, **kwargs: object) -> None:
        original(*args, **kwargs)
        raise OSError(5, "Input/output error")

    return run_then_fail


STEPS = {
    "backup": ("_back_up", _boom),
    "new key file": ("KeyFile.save", None),  # set in the test: fails only for the pending file
    "rekey": ("_rekey_database", _boom),
    "rekey done": ("_rekey_database", _after(rotation._rekey_database)),
    "install": ("_install_key_file", _boom),
}


@pytest.mark.parametrize("step", list(STEPS))
def test_a_rotation_that_fails_at_any_step_loses_nothing(
    filled: tuple[vault.Store, dict[int, str | None], str],
    folder: DataFolder,
    monkeypatch: pytest.MonkeyPatch,
    step: str,
) -> None:
    store, texts, _ = filled
    name, failure = STEPS[step]
    if name == "KeyFile.save":
        real_save = KeyFile.save

        def save(self: KeyFile) -> None:
            if self.path.name.endswith(".rotating"):
                _boom()
            real_save(self)

        monkeypatch.setattr(KeyFile, "save", save)
    else:
        monkeypatch.setattr(rotation, name, failure)

    with pytest.raises(OSError, match=r"No space left|Input/output error"):
        rotation.rotate_data_key(store, BOTH, FAST_KDF)
    monkeypatch.undo()
    store.close()

    for account, password in BOTH.items():
        with vault.unlock(folder, user=account, password=password) as reopened:
            assert _readable(reopened) == texts
            verdict = reopened.audit.verdict_at_unlock
            assert verdict is not None and verdict.ok, verdict
    assert not rotation.pending_key_path(folder).exists()
    rotated = step in ("rekey done", "install")
    with vault.unlock(folder, user="alice", password=PASSWORD) as reopened:
        actions = [e.action for e in reopened.audit.entries()]
        assert ("data_key_rotated" in actions) == rotated


CHILD = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from exitbot_desktop.engine.store import rotation, vault
    from exitbot_desktop.engine.store.folder import DataFolder
    from exitbot_desktop.engine.store.keys import FAST_KDF

    step = sys.argv[3]
    real = getattr(rotation, step)

    def stop_after(*args, **kwargs):
        real(*args, **kwargs)
        print("STOPPED", flush=True)
        time.sleep(60)  # killed long before this ends

    setattr(rotation, step, stop_after)
    store = vault.unlock(DataFolder(Path(sys.argv[1])), user="alice", password=sys.argv[2])
    rotation.rotate_data_key(store, {"alice": sys.argv[2]}, FAST_KDF)
    """
)


@pytest.mark.parametrize("step", ["_back_up", "_rekey_database"])
def test_a_rotation_killed_midway_opens_afterwards_with_everything(
    created: tuple[vault.Store, str], folder: DataFolder, question_set: QuestionSet, step: str
) -> None:
    store, _ = created
    texts = _fill(store, question_set)
    store.close()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder.root), PASSWORD, step],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "STOPPED", "the child did not reach the step"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()

    with vault.unlock(folder, user="alice", password=PASSWORD) as reopened:
        assert _readable(reopened) == texts
        verdict = reopened.audit.verdict_at_unlock
        assert verdict is not None and verdict.ok, verdict
    assert not rotation.pending_key_path(folder).exists()
    assert json.loads(folder.key_path.read_text())["audit"]["entries"] > 0
