"""The `settings` table: raw JSON values by key. What they mean is `engine.settings`.

Owns `SettingsRepository`. Every change is audited in the same transaction.
Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sqlalchemy import delete, select

from exitbot_desktop.engine.store import db
from exitbot_desktop.engine.store.audit_log import AuditLog
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.models import Base, Setting

# One statement, not a read then an insert: two stations of a server setting one key
# for the first time at once must not collide on its primary key.
_upsert = db.upsert(Base.metadata.tables[Setting.__tablename__])
_STORE = _upsert.on_conflict_do_update(
    index_elements=[Setting.key], set_={"value": _upsert.excluded.value}
)


class SettingsRepository:
    def __init__(self, database: Database, audit: AuditLog) -> None:
        self._db = database
        self._audit = audit

    def get(self, key: str, default: object = None) -> object:
        with self._db.transaction() as s:
            row = s.get(Setting, key)
            return default if row is None else row.value

    def all(self) -> dict[str, object]:
        """Every stored value (unset keys are absent), in one read."""
        with self._db.transaction() as s:
            return {row.key: row.value for row in s.scalars(select(Setting))}

    def set(self, key: str, value: object, *, audited: bool = True) -> None:
        """Store a value; None removes it, so readers fall back to the default.

        `audited=False` only for the store's own bookkeeping (e.g. the hashes of imported
        references), which is audited by the workflow that writes it.
        """
        with self._db.transaction() as s:
            if value is None:
                s.execute(delete(Setting).where(Setting.key == key))
            else:
                s.execute(_STORE, {"key": key, "value": value})
            if audited:
                self._audit.record("settings_changed", {"key": key})

    def change(
        self, values: Mapping[str, object], shown: Callable[[str, object], object]
    ) -> list[tuple[str, object, object]]:
        """Store several values at once (None removes one), each audited with its old and
        new value as `shown` puts them; all commit together or none does. Values equal to
        what is stored are left alone. Returns (key, old, new) for each change made."""
        changed: list[tuple[str, object, object]] = []
        with self._db.transaction() as s:
            for key, value in values.items():
                row = s.get(Setting, key)
                old = None if row is None else row.value
                if old == value:
                    continue
                if value is None:
                    s.execute(delete(Setting).where(Setting.key == key))
                else:
                    s.execute(_STORE, {"key": key, "value": value})
                self._audit.record(
                    "settings_changed",
                    {"key": key, "old": shown(key, old), "new": shown(key, value)},
                )
                changed.append((key, old, value))
        return changed
