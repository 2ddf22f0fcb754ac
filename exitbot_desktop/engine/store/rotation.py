"""Rotating the data key: the database re-encrypted under a new key, every account and a
new recovery key wrapped anew, the audit chain re-sealed; and finishing a rotation that
was cut short.

Owns `rotate_data_key` and `finish_interrupted_rotation`. Rotation is for a key that may
have leaked: an officer who left with a copy of the key file, a lost backup. Every
remaining account's password is needed, because a wrap can only be made from a password
(nothing in ExitBot can open an account without it); remove accounts that are no longer
used first. The recovery key is replaced too: the old one may have leaked with the rest.

The order makes every crash leave a database that opens, with nothing lost:
1. check every password and the audit chain (nothing written yet);
2. copy the database and key file into `backups/before-key-rotation-<time>/`;
3. in one SQLite transaction: re-seal the audit chain under the new key's HMAC key and
   append "data_key_rotated"; write the new key file beside the old one as
   `exitbot.keys.json.rotating` (atomic, 0600); then `PRAGMA rekey`, which re-encrypts
   every page and commits that transaction with it, all or nothing (SQLite's journal);
4. move the new key file over the old one.
Killed before 3 commits: the old key file opens the unchanged database, and the stale
`.rotating` file is deleted at the next unlock. Killed between 3 and 4: the old key no
longer opens the database, so the next unlock with a password tries `.rotating`, which
does, and finishes step 4. Progress is reported at each step; a cancel (a `cancellable`
progress) is honoured up to step 3, after which the rotation runs to its end.

At a station of a central server, steps 2–4 are the server's instead (`server_rotation`):
every sealed value, the audit chain and the key file change in one server transaction,
and the station then takes the new key; its queue must have delivered everything first.
Never imports Qt.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from exitbot_desktop.engine.errors import (
    AuditChainError,
    CancelledError,
    DatabaseCorruptError,
    StoreError,
    WrongPasswordError,
)
from exitbot_desktop.engine.progress import Progress, no_progress
from exitbot_desktop.engine.store import db, server_rotation
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import (
    PRODUCTION_KDF,
    RECOVERY_ACCOUNT,
    KdfParams,
    KeyFile,
    fsync_dir,
    new_data_key,
    new_recovery_key,
)

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store


@dataclass(frozen=True)
class Rotation:
    """What the person who rotated must know: the new recovery key (shown once) and
    where the copy from before is (delete it once the new key has proved itself: it
    still opens with the old key file)."""

    recovery_key: str
    backup: Path | None  # None at a station of a central server (IT's pg_dumps instead)


def pending_key_path(folder: DataFolder) -> Path:
    """The new key file while a rotation is under way."""
    return folder.key_path.with_name(folder.key_path.name + ".rotating")


def rotate_data_key(
    store: Store,
    passwords: Mapping[str, str],
    kdf: KdfParams = PRODUCTION_KDF,
    *,
    progress: Progress = no_progress,
) -> Rotation:
    """Re-encrypt the database under a new data key; see the module docstring for the steps.

    `passwords` must hold the current password of every HR account. On failure before
    the database changed, nothing changed; after it, the store is closed and the next
    unlock finishes the rotation.
    """
    accounts = store.key_file.accounts
    steps = len(accounts) + 4  # passwords, audit log, copy, one wrap each, re-encryption
    progress(0, steps, "Checking the passwords")
    _check_passwords(store, passwords)
    if store.queue is not None:
        _require_delivered(store)
    progress(1, steps, "Verifying the audit log")
    verdict = store.audit.verify()
    if not verdict.ok:
        raise AuditChainError(
            f"{verdict.sentence()} Rotating the key now would re-seal the log and hide "
            "that, so the key was not rotated."
        )
    backup = None
    if not store.on_server:  # a server's copies are IT's pg_dumps
        progress(2, steps, "Copying the database")
        backup = _back_up(store)
    new_key = new_data_key()
    recovery_key = new_recovery_key()
    pending = KeyFile(
        # At a station the new key file is written only once the server has it.
        path=store.folder.key_path if store.on_server else pending_key_path(store.folder),
        file_id=store.key_file.file_id,
        organisation=store.key_file.organisation,
    )
    try:
        for done, account in enumerate(accounts, start=3):
            progress(done, steps, "Wrapping the new key")
            pending.wrap(account, passwords[account], new_key, kdf)
        pending.wrap(RECOVERY_ACCOUNT, recovery_key, new_key, kdf)
        progress(steps - 1, steps, "Re-encrypting the database")
    except CancelledError:
        if backup is not None:  # nothing changed: the copy is not needed
            shutil.rmtree(backup, ignore_errors=True)
        raise
    if backup is None:
        server_rotation.reseal(store, new_key, pending)  # all or nothing, on the server
        server_rotation.take_new_key(store, new_key, pending)
        return Rotation(recovery_key, None)
    try:
        _rekey_database(store, new_key, pending, backup)
        _install_key_file(store.folder, pending)
    except BaseException:
        if db.opens_with(store.folder.db_path, new_key):
            store.close()  # the database is under the new key: the next unlock finishes
        else:
            pending.path.unlink(missing_ok=True)  # the database kept its old key
        raise
    store.database.replace_key(new_key)
    store.key_file.wraps = pending.wraps
    store.key_file.audit_head = pending.audit_head
    return Rotation(recovery_key, backup)


def finish_interrupted_rotation(
    folder: DataFolder,
    key_file: KeyFile,
    data_key: bytearray,
    unwrap: Callable[[KeyFile], bytes],
) -> tuple[KeyFile, bytearray]:
    """At unlock: the key file and key that open the database, finishing a rotation a
    crash cut short (or deleting the new key file of one that never reached the database)."""
    pending_path = pending_key_path(folder)
    if not pending_path.exists() or not folder.db_path.exists():
        return key_file, data_key
    if db.opens_with(folder.db_path, bytes(data_key)):
        pending_path.unlink()  # the rotation stopped before the database changed
        return key_file, data_key
    pending = KeyFile.load(pending_path)
    try:
        new_key = bytearray(unwrap(pending))
    except WrongPasswordError:
        raise StoreError(
            "A change of the data key was interrupted, and only an HR password can finish "
            "it (the recovery key was replaced by it). Unlock with an HR password; if none "
            "works, restore the copy in the data folder's backups/before-key-rotation-… "
            "folder with the old recovery key."
        ) from None
    if not db.opens_with(folder.db_path, bytes(new_key)):
        raise DatabaseCorruptError(
            f"Neither the key file nor the unfinished new one opens {folder.db_path}. "
            "Nothing has been changed. Restore the copy in the data folder's "
            "backups/before-key-rotation-… folder (database and key file together)."
        )
    _install_key_file(folder, pending)
    data_key[:] = bytes(len(data_key))
    return pending, new_key


def _check_passwords(store: Store, passwords: Mapping[str, str]) -> None:
    missing = [name for name in store.key_file.accounts if not passwords.get(name)]
    if missing:
        raise StoreError(
            "Changing the data key wraps it anew for every HR account, which needs each "
            f"one's password; missing: {', '.join(missing)}. Give them all, or remove "
            "accounts that are no longer used first. Nothing was changed."
        )
    for name in store.key_file.accounts:
        if not store.key_file.has_wrap_for(name, passwords[name]):
            raise WrongPasswordError(
                f"The password given for '{name}' is not right, so the data key was not "
                "changed. Check it and try again."
            )


def _require_delivered(store: Store) -> None:
    """At a station: every interview taken here on the server first, since its queue is
    under a key derived from the data key and would be left behind."""
    assert store.queue is not None
    store.deliver()
    waiting = store.queue.waiting()
    if waiting:
        raise StoreError(
            f"{waiting} interview(s) taken at this station are still on their way to the "
            "server. Change the data key once they have arrived (exitbot-desktop check "
            "says so). Nothing was changed."
        )


def _back_up(store: Store) -> Path:
    """Database and key file as they are, for a rotation that must be undone by hand."""
    folder = store.folder
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder.root / "backups" / f"before-key-rotation-{stamp}"
    db.checkpoint(store.database.engine)
    try:
        target.mkdir(parents=True, mode=0o700)
        for source in (folder.db_path, folder.key_path):
            shutil.copy2(source, target / source.name)
            with (target / source.name).open("rb+") as handle:
                os.fsync(handle.fileno())
        fsync_dir(target)
    except OSError as exc:
        raise StoreError(
            f"Before changing the data key ExitBot copies the database to {target}, but "
            f"cannot ({exc.strerror or exc}). Nothing was changed. Free some disk space, "
            "then try again."
        ) from exc
    return target


def _rekey_database(store: Store, new_key: bytes, pending: KeyFile, backup: Path) -> None:
    """Step 3 of the module docstring, on one connection (idle ones keyed with the old
    key are closed first)."""
    store.database.engine.dispose()
    with store.database.connection() as conn:
        pending.audit_head = store.audit.reseal_under(
            new_key, "data_key_rotated", {"backup": backup.name, "accounts": pending.accounts}
        )
        pending.save()
        conn.exec_driver_sql(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")


def _install_key_file(folder: DataFolder, pending: KeyFile) -> None:
    """Step 4: the new key file takes the old one's place (a rename, atomic)."""
    os.replace(pending.path, folder.key_path)
    fsync_dir(folder.root)
    pending.path = folder.key_path
