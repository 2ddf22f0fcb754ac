"""Restoring a backup into the data folder: verify everything first, replace all or nothing.

Owns `restore` and `RestoreResult`. The order is chosen so that a refused restore
changes nothing: the manifest and every checksum first; then the instance lock (a
running ExitBot stops it); then the current folder is judged (empty, damaged, or
healthy: a healthy one is replaced only when forced); then the copy is opened with the
HR password in a hidden staging folder beside the data (which runs the same checks
and any schema upgrade as unlocking, and audits the restore in the copy). Only then are
the current files moved aside into `backups/replaced-<time>/` (deleted only by the
retention purge once older than the retention period, `engine.backups`) and the
copy moved in; if a move fails, the moves made so far are undone. Never imports Qt.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import sqlcipher3.dbapi2 as sqlcipher

from exitbot_desktop import paths
from exitbot_desktop.engine.errors import (
    ExitBotError,
    StoreError,
    UnknownAccountError,
    WrongPasswordError,
)
from exitbot_desktop.engine.progress import Progress, no_progress
from exitbot_desktop.engine.store import db, vault
from exitbot_desktop.engine.store.backup import RESTORE_ACTION, fsync_dir
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import KeyFile
from exitbot_desktop.engine.store.lock import InstanceLock
from exitbot_desktop.engine.store.manifest import Manifest, checksum, read_manifest, verify_files
from exitbot_desktop.engine.store.unlock_attempts import UnlockAttempts

State = Literal["empty", "damaged", "healthy", "unknown"]
# What makes up the data, and is moved aside when it is replaced.
_DATA_FILES = (
    paths.DB_FILE,
    paths.DB_FILE + "-wal",
    paths.DB_FILE + "-shm",
    paths.KEY_FILE,
)
_PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    manifest: Manifest
    replaced: State
    moved_aside: Path | None  # where the files it replaced now are

    @property
    def summary(self) -> str:
        made = self.manifest.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        text = f"Restored the backup of {made} from {self.source}."
        if self.moved_aside is not None:
            text += f" The files it replaced are in {self.moved_aside}."
        return text


def restore(
    folder: DataFolder,
    source: Path,
    *,
    user: str | None,
    password: str,
    force: bool = False,
    progress: Progress = no_progress,
) -> RestoreResult:
    """Put the backup in `source` in place of the data in `folder` (see the module doc).

    `user` is an HR account of the backup (None: its only account).
    """
    progress(0, 4, "Checking the backup")
    manifest = read_manifest(source)
    names = {entry.name for entry in manifest.files}
    if not {paths.DB_FILE, paths.KEY_FILE} <= names:
        raise StoreError(
            f"The backup in {source} lacks the database or its key file. Use another backup. "
            "Nothing was changed."
        )
    verify_files(source, manifest)
    account = user or _only_account(source / paths.KEY_FILE)
    folder.make_private()
    lock = InstanceLock(folder.lock_path)
    lock.acquire()
    try:
        progress(1, 4, "Checking the current data")
        state = _state(folder, account, password)
        if state in ("healthy", "unknown") and not force:
            raise StoreError(_refusal(folder, state))
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = folder.root / "backups" / f"replaced-{stamp}" if state != "empty" else None
        progress(2, 4, "Opening the backup")
        staging = folder.root / f".restore-{stamp}"
        try:
            _stage(source, manifest, staging, account, password, aside, force)
            progress(3, 4, "Putting the backup in place")
            _swap(folder.root, staging, aside)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    finally:
        lock.release()
    progress(4, 4, "Restored")
    return RestoreResult(source, manifest, state, aside)


def _only_account(key_path: Path) -> str:
    accounts = KeyFile.load(key_path).accounts
    if len(accounts) == 1:
        return accounts[0]
    raise UnknownAccountError(
        "The backup has several HR accounts; name the one whose password you give "
        f"({', '.join(accounts)})."
    )


def _state(folder: DataFolder, account: str, password: str) -> State:
    """What the data folder holds now, without changing a byte of it.

    "unknown": the password does not open the current key file (it may have been
    changed since the backup), so nothing proves the data is damaged.
    """
    if not folder.db_path.exists() and not folder.key_path.exists():
        return "empty"
    try:
        key_file = KeyFile.load(folder.key_path)
    except ExitBotError:
        return "damaged"
    if not folder.db_path.exists():
        return "damaged"
    with folder.db_path.open("rb") as handle:
        header = handle.read(len(_PLAIN_SQLITE_HEADER))
    if len(header) < len(_PLAIN_SQLITE_HEADER) or header == _PLAIN_SQLITE_HEADER:
        return "damaged"
    attempts = UnlockAttempts(folder.attempts_path)
    attempts.check(account)  # the same wait as unlocking: no guessing through restore
    try:
        data_key = bytearray(key_file.unwrap(account, password))
    except WrongPasswordError as exc:
        attempts.failed(account, "password", exc)
        return "unknown"
    except UnknownAccountError:
        return "unknown"
    attempts.succeeded(account)
    engine = db.open_engine(folder.db_path, data_key)
    try:
        with engine.connect() as conn:
            version = conn.exec_driver_sql("PRAGMA user_version").scalar_one()
            ok = conn.exec_driver_sql("PRAGMA quick_check").scalar_one() == "ok"
        return "healthy" if ok and version > 0 else "damaged"
    except Exception as exc:
        if isinstance(exc, sqlcipher.Error) or db.translate_error(exc, folder.db_path):
            return "damaged"
        raise
    finally:
        engine.dispose()
        data_key[:] = bytes(len(data_key))


def _refusal(folder: DataFolder, state: State) -> str:
    if state == "healthy":
        return (
            f"The data folder {folder.root} holds a healthy database, so the backup was not "
            "restored. To replace it anyway, restore with --force: the current files are "
            "first moved into its backups folder. Nothing was changed."
        )
    return (
        f"The password does not open the data in {folder.root} (it may have changed since the "
        "backup), so ExitBot cannot tell whether that data is damaged. To replace it anyway, "
        "restore with --force: the current files are first moved into its backups folder. "
        "Nothing was changed."
    )


def _stage(
    source: Path,
    manifest: Manifest,
    staging: Path,
    account: str,
    password: str,
    aside: Path | None,
    force: bool,
) -> None:
    """Copy the backup into `staging`, check the copies, open them and audit the restore."""
    try:
        staging.mkdir(mode=0o700)
        for entry in manifest.files:
            target = staging / entry.name
            shutil.copyfile(source / entry.name, target)
            target.chmod(0o600)
            if checksum(target) != entry.sha256:
                raise StoreError(
                    f"The backup in {source} changed while it was being restored. Try again. "
                    "Nothing was changed."
                )
    except OSError as exc:
        raise _cannot(staging.parent, exc) from exc
    store = vault.unlock(DataFolder(staging), user=account, password=password)
    with store, store.database.transaction():
        store.audit.record(
            RESTORE_ACTION,
            {
                "from": str(source),
                "backup_made_at": manifest.created_at.isoformat(),
                "moved_aside": str(aside) if aside else None,
                "forced": force,
            },
        )


def _swap(root: Path, staging: Path, aside: Path | None) -> None:
    """Current data files into `aside`, the staged ones into `root`; undone on failure."""
    done: list[tuple[Path, Path]] = []  # (from, to) of each move made
    try:
        if aside is not None:
            aside.mkdir(parents=True, mode=0o700)
            for name in _DATA_FILES:
                if (root / name).exists():
                    os.replace(root / name, aside / name)
                    done.append((root / name, aside / name))
        for name in (paths.DB_FILE, paths.KEY_FILE):
            os.replace(staging / name, root / name)
            done.append((staging / name, root / name))
        fsync_dir(root)
    except OSError as exc:
        for moved_from, moved_to in reversed(done):
            os.replace(moved_to, moved_from)
        raise _cannot(root, exc) from exc


def _cannot(folder: Path, exc: OSError) -> StoreError:
    return StoreError(
        f"Cannot restore into {folder} ({exc.strerror or exc}). Check that the disk has free "
        "space and that you may write there. Nothing was changed."
    )
