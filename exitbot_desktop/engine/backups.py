"""The backup workflows the CLI and the app share: back up now, automatically, and status.

Owns `back_up`, `automatic_backup`, `backup_status`, `remove_expired_copies` (for the
retention purge) and `BACKUP_AGE_WARNING`. The
copying itself is the store's (`store.backup`); this module decides where backups go
(the `backup_folder` setting, else `backups/` in the data folder), when automatic ones
are made (the `auto_backup` setting, when HR locks or closes the app) and how many of
those are kept (`auto_backup_keep`; backups made by hand are never deleted). Restoring
is `store.restore.restore`, which needs no open store. Never imports Qt.
"""

from __future__ import annotations

import logging
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from exitbot_desktop.engine.progress import Progress, no_progress
from exitbot_desktop.engine.settings import Settings, read_settings
from exitbot_desktop.engine.store.backup import (
    AUTOMATIC_PREFIX,
    BackupResult,
    LastBackup,
    backup_folders,
    create_backup,
    last_backup,
)
from exitbot_desktop.engine.store.interviews import months_before

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.folder import DataFolder
    from exitbot_desktop.engine.store.vault import Store

_log = logging.getLogger(__name__)

# The copies ExitBot makes by itself, by their folders' names: automatic backups, and in
# the data folder's backups/ the copies made before a schema upgrade (`store.db`) or a
# key rotation (`store.rotation`, with microseconds) and what a restore replaced
# (`store.restore`). Each name ends in when it was made, in UTC.
_OWN_COPY = re.compile(
    rf"(?:{re.escape(AUTOMATIC_PREFIX)}|before-schema-\d+-from-\d+-|before-key-rotation-|replaced-)"
    r"(?P<stamp>\d{8}T\d{6})\d*Z(?:-\d+)?"
)

# An office that backs up less often than this is told so (health panel, `check`).
BACKUP_AGE_WARNING = timedelta(days=7)


@dataclass(frozen=True)
class BackupStatus:
    """What the Backup page shows: the last backup and the automatic backup settings."""

    last: LastBackup | None
    automatic: bool
    keep: int
    folder: Path  # where automatic backups go and "Back up now" starts


def backup_folder(settings: Settings, data: DataFolder) -> Path:
    """Where backups go unless HR chooses another folder."""
    if settings.backup_folder:
        return Path(settings.backup_folder).expanduser()
    return data.root / "backups"


def back_up(store: Store, parent: Path, *, progress: Progress = no_progress) -> BackupResult:
    """A backup made by hand into a new dated folder inside `parent`."""
    return create_backup(store, parent, progress=progress)


def automatic_backup(store: Store) -> BackupResult | None:
    """When HR locks or closes the app: a backup if the setting asks for one, then the
    oldest automatic backups beyond `auto_backup_keep` are deleted. None when off."""
    settings = read_settings(store)
    if not settings.auto_backup or store.on_server:  # a server is backed up on the server
        return None
    parent = backup_folder(settings, store.folder)
    result = create_backup(store, parent, automatic=True)
    for old in backup_folders(parent, AUTOMATIC_PREFIX)[: -settings.auto_backup_keep]:
        shutil.rmtree(old, ignore_errors=True)
    return result


def remove_expired_copies(store: Store, months: int, settings: Settings) -> list[str]:
    """Delete the copies ExitBot made by itself more than `months` ago; their names.

    Such a copy holds interviews as they were when it was made, so every one of them
    was last touched more than `months` ago: past the retention period, and erased from
    the database by the same purge. These are the automatic backups and, in the data
    folder's `backups/`, the copies made before a schema upgrade or a key rotation and
    what a restore replaced. Backups made by hand are the organisation's and stay. A
    folder that cannot be read or a copy that cannot be deleted is left for the next
    purge (and logged): the interviews' own erasure has committed by then."""
    cutoff = months_before(datetime.now(UTC).replace(tzinfo=None), months)
    own = store.folder.root / "backups"
    elsewhere = backup_folder(settings, store.folder)
    found = _copies_before(own, cutoff)
    if elsewhere != own:
        found += [
            p for p in _copies_before(elsewhere, cutoff) if p.name.startswith(AUTOMATIC_PREFIX)
        ]
    removed = []
    for path in found:
        try:
            shutil.rmtree(path)
        except OSError:
            _log.warning("could not delete the expired copy %s", path, exc_info=True)
            continue
        removed.append(path.name)
    if removed:
        store.audit.record("expired_copies_deleted", {"months": months, "folders": removed})
    return removed


def _copies_before(folder: Path, cutoff: datetime) -> list[Path]:
    """The folders in `folder` named as ExitBot names its own copies, made before `cutoff`."""
    try:
        paths = sorted(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        _log.warning("could not look for expired copies in %s", folder, exc_info=True)
        return []
    found = []
    for path in paths:
        named = _OWN_COPY.fullmatch(path.name)
        if named is None or not path.is_dir():
            continue
        try:
            made = datetime.strptime(named["stamp"], "%Y%m%dT%H%M%S")
        except ValueError:  # digits in the shape of a time, but none
            continue
        if made < cutoff:
            found.append(path)
    return found


def backup_status(store: Store) -> BackupStatus:
    settings = read_settings(store)
    return BackupStatus(
        last_backup(store),
        settings.auto_backup,
        settings.auto_backup_keep,
        backup_folder(settings, store.folder),
    )
