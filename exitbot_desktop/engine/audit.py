"""The tamper-evident audit log: who exported, deleted, imported or changed what, and when.

Each entry's hash is SHA-256 over its own content (time, actor, action, detail) and the
previous entry's hash, so editing, deleting or reordering any entry breaks the chain at
that point and `verify` names the first entry that no longer fits. The database is
already encrypted; the chain adds evidence against someone who holds the key and edits
rows by hand. Writers pass their own session when the audited change and its entry must
commit together (an import that rolls back leaves no entry). Never imports Qt.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from exitbot_desktop.engine.store.models import AuditEntry, utcnow

if TYPE_CHECKING:  # the vault audits logins itself, so it imports this module
    from exitbot_desktop.engine.store.vault import Store

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    action: str
    detail: dict[str, Any]
    prev_hash: str
    hash: str


def record(
    target: Store | Session, actor: str, action: str, detail: Mapping[str, object]
) -> AuditRecord:
    """Append one entry; inside `target`'s transaction when it is a session."""
    if isinstance(target, Session):
        return _append(target, actor, action, detail)
    with target.session() as session:
        return _append(session, actor, action, detail)


def verify(store: Store) -> AuditRecord | None:
    """The first entry whose hash or link does not match, or None when the chain is whole."""
    prev = GENESIS_HASH
    with store.session() as session:
        for row in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
            entry = _to_record(row)
            if entry.prev_hash != prev or entry.hash != _digest(entry, prev):
                return entry
            prev = entry.hash
    return None


def entries(store: Store, *, limit: int | None = None) -> list[AuditRecord]:
    """The newest entries first (all of them when `limit` is None)."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    with store.session() as session:
        return [_to_record(row) for row in session.scalars(query)]


def _append(session: Session, actor: str, action: str, detail: Mapping[str, object]) -> AuditRecord:
    # A JSON round trip now means the hashed detail is exactly what reads back later
    # (tuples become lists, keys become strings).
    clean: dict[str, Any] = json.loads(json.dumps(dict(detail), ensure_ascii=False, default=str))
    last = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    prev = last or GENESIS_HASH
    at = utcnow()
    draft = AuditRecord(0, at, actor, action, clean, prev, "")
    row = AuditEntry(
        at=at, actor=actor, action=action, detail=clean, prev_hash=prev, hash=_digest(draft, prev)
    )
    session.add(row)
    session.flush()
    return _to_record(row)


def _digest(entry: AuditRecord, prev_hash: str) -> str:
    content = json.dumps(
        {
            "at": entry.at.isoformat(),
            "actor": entry.actor,
            "action": entry.action,
            "detail": entry.detail,
            "prev": prev_hash,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


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
