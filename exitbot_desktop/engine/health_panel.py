"""The health panel's figures: what an HR office should glance at now and then.

Owns `HealthFigures` and `health_figures`: who wrote the follow-ups (the model or the
built-in rules, and why the guard stepped in), the interview completion rate, the size
of the database and the free disk beside it, how old the last backup is (a warning
after `BACKUP_AGE_WARNING`) and the schema version. The model's own timings are not
here: the app knows them from its assistant, `check` from the follow-up it generates.
`check --json` and the app's Health section show the same figures. Never imports Qt.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from exitbot_desktop.engine.backups import BACKUP_AGE_WARNING
from exitbot_desktop.engine.llm.rules import RulesBackend
from exitbot_desktop.engine.store.backup import LastBackup, last_backup
from exitbot_desktop.engine.store.health_figures import StoreFigures, store_figures

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store


@dataclass(frozen=True)
class HealthFigures:
    schema_version: int
    database_bytes: int  # the database file and its write-ahead log
    free_disk_bytes: int  # on the disk holding the data folder
    last_backup: LastBackup | None
    backup_age: timedelta | None
    store: StoreFigures
    on_server: bool = False  # a central server's station: the server is backed up there

    @property
    def followups(self) -> int:
        return sum(self.store.followup_sources.values())

    @property
    def model_share(self) -> float | None:
        """Share of follow-ups a model wrote (the rest: the built-in rules)."""
        rules = self.store.followup_sources.get(RulesBackend.name, 0)
        return (self.followups - rules) / self.followups if self.followups else None

    @property
    def completion_rate(self) -> float | None:
        consented = self.store.consented
        return self.store.completed / consented if consented else None

    @property
    def backup_overdue(self) -> bool:
        if self.on_server:
            return False
        return self.backup_age is None or self.backup_age > BACKUP_AGE_WARNING

    def as_json(self) -> dict[str, Any]:
        last = self.last_backup
        return {
            "schema_version": self.schema_version,
            "database_bytes": self.database_bytes,
            "free_disk_bytes": self.free_disk_bytes,
            "last_backup": None
            if last is None
            else {"at": last.at.isoformat(), "folder": str(last.folder)},
            "last_backup_age_days": None
            if self.backup_age is None
            else round(self.backup_age / timedelta(days=1), 1),
            "backup_overdue": self.backup_overdue,
            "followups": self.followups,
            "followups_by_source": self.store.followup_sources,
            "model_share": _rounded(self.model_share),
            "guard_reasons": self.store.guard_reasons,
            "interviews_consented": self.store.consented,
            "interviews_completed": self.store.completed,
            "completion_rate": _rounded(self.completion_rate),
        }


def health_figures(store: Store, *, now: datetime | None = None) -> HealthFigures:
    now = now or datetime.now(UTC)
    database = store.folder.db_path
    wal = database.with_name(database.name + "-wal")
    size = sum(path.stat().st_size for path in (database, wal) if path.exists())
    last = last_backup(store)
    return HealthFigures(
        schema_version=store.schema_version(),
        database_bytes=size,
        free_disk_bytes=shutil.disk_usage(store.folder.root).free,
        last_backup=last,
        backup_age=None if last is None else max(timedelta(0), now - last.at),
        store=store_figures(store),
        on_server=store.on_server,
    )


def _rounded(share: float | None) -> float | None:
    return None if share is None else round(share, 3)
