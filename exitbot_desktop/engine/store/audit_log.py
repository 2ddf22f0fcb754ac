"""Storing and reading the audit log (`audit_log` table); the chain itself is `engine.audit`.

Owns `AuditLog`. An entry recorded inside another transaction block commits with it, so
an erasure and its entry, or an import and its entry, land together or not at all.
Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from sqlalchemy import select

from exitbot_desktop.engine.audit import (
    GENESIS_HASH,
    AuditRecord,
    clean_detail,
    entry_hash,
    first_break,
)
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.models import AuditEntry, utcnow


class AuditLog:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self.actor = actor  # who unlocked: every entry names them

    def record(self, action: str, detail: Mapping[str, object]) -> AuditRecord:
        """Append one entry, inside the caller's transaction block when there is one."""
        clean = clean_detail(detail)
        with self._db.transaction() as s:
            last = s.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
            prev = last or GENESIS_HASH
            at = utcnow()
            row = AuditEntry(
                at=at,
                actor=self.actor,
                action=action,
                detail=clean,
                prev_hash=prev,
                hash=entry_hash(at, self.actor, action, clean, prev),
            )
            s.add(row)
            s.flush()
            return _to_record(row)

    def entries(self, *, limit: int | None = None) -> list[AuditRecord]:
        """The newest entries first (all of them when `limit` is None)."""
        query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        with self._db.transaction() as s:
            return [_to_record(row) for row in s.scalars(query)]

    def verify(self) -> AuditRecord | None:
        """The first entry whose hash or link does not match, or None when the chain is whole."""
        with self._db.transaction() as s:
            rows: Iterator[AuditEntry] = iter(s.scalars(select(AuditEntry).order_by(AuditEntry.id)))
            return first_break(_to_record(row) for row in rows)


def _to_record(row: AuditEntry) -> AuditRecord:
    return AuditRecord(
        id=row.id,
        at=row.at,
        actor=row.actor,
        action=row.action,
        detail=dict(row.detail or {}),
        prev_hash=row.prev_hash,
        hash=row.hash,
    )
