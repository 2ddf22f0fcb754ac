"""Every way opening can go wrong gives its own sentence and leaves the database untouched."""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from conftest import PASSWORD, forge_key_file
from sqlalchemy.exc import IntegrityError

from exitbot_desktop.engine.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseMissingError,
    KeyFileCorruptError,
    KeyFileMissingError,
    NewerSchemaError,
    StoreError,
    WrongPasswordError,
)
from exitbot_desktop.engine.interview import Answered, InterviewSession
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF, KeyFile
from exitbot_desktop.engine.store.models import HrAccount


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent"


def _truncate_db(folder: DataFolder) -> None:
    data = folder.db_path.read_bytes()
    folder.db_path.write_bytes(data[: len(data) // 2])


def _scribble_on_db(folder: DataFolder) -> None:
    data = bytearray(folder.db_path.read_bytes())
    data[5000:5100] = b"\x00" * 100
    folder.db_path.write_bytes(bytes(data))


def _garbage_key_file(folder: DataFolder) -> None:
    folder.key_path.write_bytes(b"\x00\xffnot json at all")


def _half_key_file(folder: DataFolder) -> None:
    text = folder.key_path.read_text()
    folder.key_path.write_text(text[: len(text) // 2])


def _edited_key_file(folder: DataFolder) -> None:
    document = json.loads(folder.key_path.read_text())
    document["organisation"] = "Someone Else Ltd"
    folder.key_path.write_text(json.dumps(document))


def _kdf_memory(kib: int) -> Callable[[DataFolder], None]:
    def edit(document: dict[str, Any]) -> None:
        document["wraps"]["alice"]["kdf"]["memory_kib"] = kib

    return lambda folder: forge_key_file(folder, edit)


def _swapped_wrap_bytes(folder: DataFolder) -> None:
    def edit(document: dict[str, Any]) -> None:
        wrap = document["wraps"]["alice"]
        raw = bytearray(base64.b64decode(wrap["ciphertext"]))
        raw[0] ^= 0xFF
        wrap["ciphertext"] = base64.b64encode(bytes(raw)).decode()

    forge_key_file(folder, edit)


def _deeply_nested_key_file(folder: DataFolder) -> None:
    folder.key_path.write_text("[" * 100_000 + "]" * 100_000)


def _no_key_file(folder: DataFolder) -> None:
    folder.key_path.unlink()


def _no_db(folder: DataFolder) -> None:
    folder.db_path.unlink()


def _foreign_key_file(folder: DataFolder) -> None:
    other = DataFolder(folder.root.parent / "other")
    store, _ = vault.create(other, organisation="", user="alice", password=PASSWORD, kdf=FAST_KDF)
    store.close()
    folder.key_path.write_bytes(other.key_path.read_bytes())


def _newer_schema(folder: DataFolder) -> None:
    data_key = KeyFile.load(folder.key_path).unwrap("alice", PASSWORD)
    conn = sqlcipher.connect(str(folder.db_path))
    conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()


CASES: list[tuple[str, Callable[[DataFolder], None], type[StoreError], str]] = [
    ("truncated database", _truncate_db, DatabaseCorruptError, "damaged"),
    ("scribbled database", _scribble_on_db, DatabaseCorruptError, "damaged"),
    ("garbage key file", _garbage_key_file, KeyFileCorruptError, "key file"),
    ("half a key file", _half_key_file, KeyFileCorruptError, "key file"),
    ("hand-edited key file", _edited_key_file, KeyFileCorruptError, "checksum"),
    ("key file nested 100,000 deep", _deeply_nested_key_file, KeyFileCorruptError, "nested"),
    ("forged Argon2 memory of zero", _kdf_memory(0), KeyFileCorruptError, "outside the accepted"),
    ("forged Argon2 memory of 4 TiB", _kdf_memory(2**32 - 1), KeyFileCorruptError, "outside"),
    ("forged wrap, checksum fixed", _swapped_wrap_bytes, KeyFileCorruptError, "was changed"),
    ("missing key file", _no_key_file, KeyFileMissingError, "backup"),
    ("missing database", _no_db, DatabaseMissingError, "backup"),
    ("key file of another installation", _foreign_key_file, DatabaseCorruptError, "key file"),
    ("database from a newer ExitBot", _newer_schema, NewerSchemaError, "newer version"),
]


@pytest.mark.parametrize(
    ("damage", "error", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_damaged_installation_gives_its_own_sentence_and_changes_nothing(
    store: vault.Store,
    folder: DataFolder,
    question_set: QuestionSet,
    damage: Callable[[DataFolder], None],
    error: type[StoreError],
    words: str,
) -> None:
    session = InterviewSession.start(store, question_set, language="en", meta=InterviewMeta())
    session.consent()
    store.close()
    damage(folder)
    db_before, keys_before = _digest(folder.db_path), _digest(folder.key_path)

    with pytest.raises(error) as caught:
        vault.unlock(folder, user="alice", password=PASSWORD)

    assert words in caught.value.user_message
    assert "Traceback" not in caught.value.user_message
    assert _digest(folder.db_path) == db_before
    assert _digest(folder.key_path) == keys_before
    assert not Path(str(folder.db_path) + "-journal").exists()


def test_wrong_password_is_refused_before_the_database_is_touched(
    store: vault.Store, folder: DataFolder
) -> None:
    store.close()
    before = _digest(folder.db_path)
    with pytest.raises(WrongPasswordError, match="Caps Lock"):
        vault.unlock(folder, user="alice", password="Correct Horse Battery Staple")
    assert _digest(folder.db_path) == before


def test_second_instance_in_this_process_is_told_exitbot_is_already_open(
    store: vault.Store, folder: DataFolder
) -> None:
    before = _digest(folder.db_path)
    with pytest.raises(DatabaseLockedError, match="already open"):
        vault.unlock(folder, user="alice", password=PASSWORD)
    assert _digest(folder.db_path) == before


def test_second_instance_in_another_process_is_told_exitbot_is_already_open(
    store: vault.Store, folder: DataFolder
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "exitbot_desktop", "--data-dir", str(folder.root), "check"],
        env={"EXITBOT_HR_PASSWORD": PASSWORD, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "in use by a running ExitBot" in result.stdout
    assert result.returncode == 0


def test_lock_is_released_when_the_store_closes(store: vault.Store, folder: DataFolder) -> None:
    store.close()
    with vault.unlock(folder, user="alice", password=PASSWORD) as again:
        assert again.accounts() == ["alice"]


def test_full_disk_is_reported_and_earlier_answers_survive(
    store: vault.Store, folder: DataFolder, question_set: QuestionSet
) -> None:
    """A file-size limit makes the OS refuse writes, as a full disk would."""
    session = InterviewSession.start(store, question_set, language="en", meta=InterviewMeta())
    session.consent()
    session.respond(Answered("compensation_benefits"))
    interview_id = session.id
    store.close()
    script = textwrap.dedent(
        f"""
        import os, resource, signal
        from pathlib import Path
        from exitbot_desktop.engine.store import vault
        from exitbot_desktop.engine.store.folder import DataFolder
        from exitbot_desktop.engine.interview import Answered, InterviewSession
        from exitbot_desktop.engine.errors import StoreError
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        folder = DataFolder(Path({str(folder.root)!r}))
        store = vault.unlock(folder, user="alice", password={PASSWORD!r})
        session = InterviewSession.resume(store, {interview_id})
        limit = os.path.getsize(folder.db_path) + 4096
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        try:
            session.respond(Answered("x" * 1900 + " " + "y" * 1900))
            for _ in range(40):
                session.save_draft("z" * 4000)
        except StoreError as exc:
            print("ERROR:", exc.user_message)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert "ERROR:" in result.stdout, result.stderr
    assert "earlier answers are safe" in result.stdout
    assert "Traceback" not in result.stdout
    with vault.unlock(folder, user="alice", password=PASSWORD) as reopened:
        record = reopened.interviews.load(interview_id)
    assert record.main_answers()["main_reason"].value == "compensation_benefits"


def test_a_store_closed_on_another_thread_releases_the_lock(
    store: vault.Store, folder: DataFolder
) -> None:
    closer = threading.Thread(target=store.close)
    closer.start()
    closer.join()
    with vault.unlock(folder, user="alice", password=PASSWORD) as again:
        assert again.accounts() == ["alice"]


def test_database_errors_never_carry_answer_text(store: vault.Store) -> None:
    """Bug reports go to a plain log file, so SQL parameters must stay out of messages."""

    def add_duplicate_account() -> None:
        with store.database.transaction() as s:
            s.add(HrAccount(name="alice"))  # already there; the name must not be echoed

    with pytest.raises(IntegrityError) as caught:
        add_duplicate_account()
    assert "UNIQUE constraint failed" in str(caught.value)
    assert "alice" not in str(caught.value)


def test_a_key_file_written_before_password_checks_existed_still_opens(
    store: vault.Store, folder: DataFolder
) -> None:
    store.close()

    def drop_checks(document: dict[str, Any]) -> None:
        for wrap in document["wraps"].values():
            del wrap["check"]

    forge_key_file(folder, drop_checks)
    with pytest.raises(WrongPasswordError, match="Caps Lock"):
        vault.unlock(folder, user="alice", password="not the password at all")
    vault.unlock(folder, user="alice", password=PASSWORD).close()
