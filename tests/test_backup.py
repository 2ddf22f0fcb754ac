"""Backups and restores on real encrypted databases full of synthetic interviews."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bench.synthetic import populate
from exitbot_desktop.engine.backups import automatic_backup, back_up, backup_status
from exitbot_desktop.engine.errors import CancelledError, StoreError, WrongPasswordError
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.manifest import read_manifest
from exitbot_desktop.engine.store.restore import restore
from tests.conftest import PASSWORD

TABLES = ("interviews", "answers", "analysis")


def _rows(store: vault.Store, table: str) -> list[tuple[Any, ...]]:
    with store.database.connection() as conn:
        return [tuple(row) for row in conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY id")]


def _snapshot(store: vault.Store) -> dict[str, list[tuple[Any, ...]]]:
    return {table: _rows(store, table) for table in (*TABLES, "audit_log")}


def _folder_digest(folder: DataFolder) -> str:
    digest = hashlib.sha256()
    for path in (folder.db_path, folder.key_path):
        digest.update(path.read_bytes() if path.exists() else b"-")
    return digest.hexdigest()


@pytest.fixture
def filled(store: vault.Store) -> vault.Store:
    """Two months of recent interviews: answers, follow-ups, analysis and audit entries."""
    populate(store, 40, start=datetime.now() - timedelta(days=60), months=2)
    store.settings.set("min_group_size", 3)  # one more audit entry
    return store


def _backup(store: vault.Store, tmp_path: Path) -> Path:
    result = back_up(store, tmp_path / "backups")
    return result.folder


def test_backup_then_restore_into_a_damaged_folder_gives_back_every_row(
    filled: vault.Store, folder: DataFolder, tmp_path: Path
) -> None:
    before = _snapshot(filled)
    assert all(before[table] for table in TABLES)
    backup = _backup(filled, tmp_path)
    filled.close()
    folder.db_path.write_bytes(folder.db_path.read_bytes()[:20_000])  # truncated

    result = restore(folder, backup, user="alice", password=PASSWORD)

    assert result.replaced == "damaged" and result.moved_aside is not None
    assert (result.moved_aside / "exitbot.db").stat().st_size == 20_000  # kept, not deleted
    with vault.unlock(folder, user="alice", password=PASSWORD) as again:
        after = _snapshot(again)
        assert again.audit.verify().ok
    for table in TABLES:
        assert after[table] == before[table], table
    # The audit log as it was, then the restore (and the logins) on top.
    assert after["audit_log"][: len(before["audit_log"])] == before["audit_log"]
    added = [row[3] for row in after["audit_log"][len(before["audit_log"]) :]]
    assert "backup_restored" in added


def test_a_backup_is_encrypted_private_and_opens_with_its_key_file(
    filled: vault.Store, tmp_path: Path
) -> None:
    backup = _backup(filled, tmp_path)
    assert sorted(p.name for p in backup.iterdir()) == [
        "exitbot.db",
        "exitbot.keys.json",
        "manifest.json",
    ]
    assert backup.stat().st_mode & 0o777 == 0o700
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in backup.iterdir())
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(backup / "exitbot.db").execute("SELECT * FROM sqlite_master").fetchall()
    with filled.database.connection() as conn:
        words = conn.exec_driver_sql("SELECT text FROM answers WHERE text != ''").scalar()
    assert isinstance(words, str) and len(words) > 20
    assert words.encode() not in (backup / "exitbot.db").read_bytes()

    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["schema_version"] == vault.SCHEMA_VERSION
    db_entry = manifest["files"]["exitbot.db"]
    assert db_entry["sha256"] == hashlib.sha256((backup / "exitbot.db").read_bytes()).hexdigest()
    assert db_entry["bytes"] == (backup / "exitbot.db").stat().st_size

    copy = DataFolder(tmp_path / "opened")
    copy.root.mkdir()
    for name in ("exitbot.db", "exitbot.keys.json"):
        (copy.root / name).write_bytes((backup / name).read_bytes())
    with vault.unlock(copy, user="alice", password=PASSWORD) as opened:
        assert _rows(opened, "answers") == _rows(filled, "answers")


def test_a_healthy_folder_is_replaced_only_with_force_and_moved_aside_first(
    filled: vault.Store, folder: DataFolder, tmp_path: Path
) -> None:
    backup = _backup(filled, tmp_path)
    filled.settings.set("min_group_size", 9)  # a change the backup does not have
    filled.close()
    digest = _folder_digest(folder)

    with pytest.raises(StoreError, match=r"holds a healthy database.*--force"):
        restore(folder, backup, user="alice", password=PASSWORD)
    assert _folder_digest(folder) == digest

    result = restore(folder, backup, user="alice", password=PASSWORD, force=True)
    assert result.replaced == "healthy" and result.moved_aside is not None
    assert (result.moved_aside / "exitbot.db").exists()
    assert (result.moved_aside / "exitbot.keys.json").exists()
    with vault.unlock(folder, user="alice", password=PASSWORD) as again:
        assert again.settings.get("min_group_size") == 3


def test_a_tampered_backup_is_refused_with_a_sentence_and_nothing_is_replaced(
    filled: vault.Store, folder: DataFolder, tmp_path: Path
) -> None:
    backup = _backup(filled, tmp_path)
    filled.close()
    folder.db_path.write_bytes(b"")  # damaged, so only the backup's fault could stop it
    digest = _folder_digest(folder)
    data = bytearray((backup / "exitbot.db").read_bytes())
    data[5000] ^= 0xFF
    (backup / "exitbot.db").write_bytes(bytes(data))

    with pytest.raises(StoreError, match=r"exitbot\.db does not match its checksum") as refused:
        restore(folder, backup, user="alice", password=PASSWORD)
    assert "Nothing was changed" in refused.value.user_message
    assert _folder_digest(folder) == digest
    assert not (folder.root / "backups").exists()
    assert not list(folder.root.glob(".restore-*"))


def test_a_wrong_password_for_the_backup_replaces_nothing(
    filled: vault.Store, folder: DataFolder, tmp_path: Path
) -> None:
    backup = _backup(filled, tmp_path)
    filled.close()
    folder.key_path.unlink()  # damaged: the key file is gone
    digest = _folder_digest(folder)
    with pytest.raises(WrongPasswordError):
        restore(folder, backup, user="alice", password="not the right password")
    assert _folder_digest(folder) == digest
    assert not list(folder.root.glob(".restore-*"))


def test_a_backup_restores_into_an_empty_folder_on_a_new_computer(
    filled: vault.Store, tmp_path: Path
) -> None:
    backup = _backup(filled, tmp_path)
    answers = _rows(filled, "answers")
    new = DataFolder(tmp_path / "new-pc")
    result = restore(new, backup, user=None, password=PASSWORD)
    assert result.replaced == "empty" and result.moved_aside is None
    with vault.unlock(new, user="alice", password=PASSWORD) as opened:
        assert _rows(opened, "answers") == answers
        status = backup_status(opened)
    assert status.last is not None and status.last.folder == backup


def test_a_folder_that_is_not_a_backup_is_refused(folder: DataFolder, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is not an ExitBot backup"):
        restore(folder, tmp_path, user="alice", password=PASSWORD)


def test_a_cancelled_backup_leaves_no_folder_and_no_audit_entry(
    filled: vault.Store, tmp_path: Path
) -> None:
    def cancel(done: int, _total: int, _what: str) -> None:
        if done:
            raise CancelledError()

    with pytest.raises(CancelledError):
        back_up(filled, tmp_path / "backups", progress=cancel)
    assert list((tmp_path / "backups").iterdir()) == []
    assert backup_status(filled).last is None


def test_progress_counts_the_database_pages(filled: vault.Store, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    back_up(filled, tmp_path / "b", progress=lambda done, total, _what: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] > 0


def test_automatic_backups_rotate_and_leave_hand_made_ones(
    store: vault.Store, tmp_path: Path
) -> None:
    target = tmp_path / "usb"
    assert automatic_backup(store) is None  # off by default
    manual = back_up(store, target).folder
    store.settings.set("auto_backup", True)
    store.settings.set("auto_backup_keep", 2)
    store.settings.set("backup_folder", str(target))
    made = [automatic_backup(store) for _ in range(3)]
    assert all(result is not None for result in made)
    kept = sorted(p.name for p in target.iterdir())
    assert manual.name in kept
    assert [m.folder.name for m in made if m is not None][1:] == [
        n for n in kept if n.startswith("exitbot-auto-")
    ]
    status = backup_status(store)
    assert status.automatic and status.keep == 2 and status.folder == target
    assert status.last is not None and status.last.automatic


def test_automatic_backups_default_to_the_data_folder(store: vault.Store) -> None:
    store.settings.set("auto_backup", True)
    result = automatic_backup(store)
    assert result is not None
    assert result.folder.parent == store.folder.root / "backups"
    assert read_manifest(result.folder).files
