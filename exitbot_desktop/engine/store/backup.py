"""Making an encrypted backup of the open database: the copy, the key file, a manifest.

Owns `create_backup`, `BackupResult`, `last_backup` and `backup_folders`. The database
is copied page by page through SQLite's online backup API on a connection keyed with
the data key, so the copy is encrypted exactly as the original (SQLCipher copies pages
between databases with the same key) and interviews can go on meanwhile. Nothing is
ever decrypted to disk. The copy is checked (`quick_check` with the key, and that it
does not start like a plain SQLite file) before the folder gets its final name: the
work happens in a hidden `.part` folder that is renamed only when complete, so a
cancelled or failed backup leaves nothing that looks like a backup. Files are 0600,
folders 0700. Each backup is audited. Never imports Qt.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import select

from exitbot_desktop import __version__, paths
from exitbot_desktop.engine.errors import ExitBotError, StoreError
from exitbot_desktop.engine.progress import Progress, no_progress
from exitbot_desktop.engine.store import db
from exitbot_desktop.engine.store.manifest import Manifest, describe_files, write_manifest
from exitbot_desktop.engine.store.models import AuditEntry

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

BACKUP_ACTION = "backup_created"
RESTORE_ACTION = "backup_restored"  # written by `store.restore`
MANUAL_PREFIX = "exitbot-backup-"
AUTOMATIC_PREFIX = "exitbot-auto-"
_PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
_PAGES_PER_STEP = 256  # 1 MiB at SQLCipher's 4 KiB pages: progress and Cancel in between
_STAMP = re.compile(r"\d{8}T\d{6}Z(-\d+)?$")


@dataclass(frozen=True)
class BackupResult:
    folder: Path
    manifest: Manifest

    @property
    def summary(self) -> str:
        size = self.manifest.total_bytes / (1024 * 1024)
        return f"Backed up to {self.folder} ({size:.1f} MB, encrypted)."


@dataclass(frozen=True)
class LastBackup:
    at: datetime  # UTC
    folder: Path
    automatic: bool


def create_backup(
    store: Store,
    parent: Path,
    *,
    automatic: bool = False,
    progress: Progress = no_progress,
) -> BackupResult:
    """A new dated backup folder inside `parent` (created if need be); audited.

    `progress` may raise `CancelledError` to stop: the partial folder is removed.
    """
    if store.on_server:
        raise StoreError(
            "This station keeps interviews only until the central server has them; IT "
            "backs up there (pg_dump, see the IT guide). Nothing was written."
        )
    now = datetime.now(UTC)
    prefix = AUTOMATIC_PREFIX if automatic else MANUAL_PREFIX
    try:
        parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        final = _free_name(parent, prefix + now.strftime("%Y%m%dT%H%M%SZ"))
        work = parent / f".{final.name}.part"
        work.mkdir(mode=0o700)
    except OSError as exc:
        raise _cannot_write(parent, exc) from exc
    try:
        _copy_database(store, work / paths.DB_FILE, progress)
        _copy_private(store.folder.key_path, work / paths.KEY_FILE)
        files = describe_files(work, (paths.DB_FILE, paths.KEY_FILE))
        manifest = Manifest(__version__, store.schema_version(), now, files)
        write_manifest(work, manifest)
        fsync_dir(work)
        work.rename(final)
        fsync_dir(parent)
    except OSError as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise _cannot_write(parent, exc) from exc
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    with store.database.transaction():
        store.audit.record(
            BACKUP_ACTION,
            {"folder": str(final), "automatic": automatic, "bytes": manifest.total_bytes},
        )
    return BackupResult(final, manifest)


def last_backup(store: Store) -> LastBackup | None:
    """The newest backup of this database, from its audit log (None: never).

    A restored database does not hold the entry of the backup it came from (that entry
    was written after the copy), so its restore entry stands for that backup.
    """
    query = (
        select(AuditEntry.action, AuditEntry.at, AuditEntry.detail)
        .where(AuditEntry.action.in_((BACKUP_ACTION, RESTORE_ACTION)))
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    with store.database.transaction() as s:
        row = s.execute(query).first()
    if row is None:
        return None
    detail = row.detail or {}
    if row.action == RESTORE_ACTION:
        made = datetime.fromisoformat(detail["backup_made_at"])
        return LastBackup(made, Path(detail["from"]), automatic=False)
    at = row.at.replace(tzinfo=UTC)
    return LastBackup(at, Path(detail["folder"]), bool(detail.get("automatic")))


def backup_folders(parent: Path, prefix: str) -> list[Path]:
    """The finished backups with `prefix` in `parent`, oldest first (names sort by time)."""
    if not parent.is_dir():
        return []
    found = [
        path
        for path in parent.iterdir()
        if path.is_dir() and path.name.startswith(prefix) and _STAMP.match(path.name[len(prefix) :])
    ]
    return sorted(found, key=lambda path: path.name)


def _free_name(parent: Path, name: str) -> Path:
    """`name`, or `name-2`, `-3`, … when two backups start within one second."""
    candidate, number = parent / name, 1
    while candidate.exists() or (parent / f".{candidate.name}.part").exists():
        number += 1
        candidate = parent / f"{name}-{number}"
    return candidate


def _copy_database(store: Store, target: Path, progress: Progress) -> None:
    """The online backup API from the store's keyed connection into `target`, keyed alike."""
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    key = store.database.data_key()
    source = store.database.engine.raw_connection()
    copy = sqlcipher.connect(str(target))
    try:
        copy.execute(f"PRAGMA key = \"x'{key.hex()}'\"")

        def step(_status: int, remaining: int, total: int) -> None:
            progress(total - remaining, total, "Copying the database")

        try:
            source.dbapi_connection.backup(  # type: ignore[union-attr]
                copy, pages=_PAGES_PER_STEP, progress=step
            )
            # One self-contained file: no write-ahead log beside the copy.
            copy.execute("PRAGMA journal_mode = DELETE").fetchone()
            checked = copy.execute("PRAGMA quick_check").fetchone()[0]
        except sqlcipher.Error as exc:
            known = db.translate_error(exc, target)
            if known is None:
                raise
            raise known from exc
    finally:
        copy.close()
        source.close()
    with target.open("rb") as handle:
        header = handle.read(len(_PLAIN_SQLITE_HEADER))
    if checked != "ok" or header == _PLAIN_SQLITE_HEADER:
        raise StoreError(
            "The copy of the database did not check out, so no backup was made. Try again; "
            "if it happens again, run 'exitbot-desktop check' and tell IT."
        )
    with target.open("rb+") as synced:
        os.fsync(synced.fileno())


def _copy_private(source: Path, target: Path) -> None:
    """A byte copy readable by this user only, synced."""
    data = source.read_bytes()
    handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(handle, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` survive a power cut (POSIX; elsewhere a no-op)."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _cannot_write(folder: Path, exc: OSError) -> ExitBotError:
    return StoreError(
        f"Cannot write a backup into {folder} ({exc.strerror or exc}). Check that the disk "
        "is attached, has free space and that you may write there, or choose another folder. "
        "No backup was made."
    )
