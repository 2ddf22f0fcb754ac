"""The audit log's chain: how an entry is hashed and how a broken chain is found.

Each entry's hash is SHA-256 over its own content (time, actor, action, detail) and the
previous entry's hash, so editing, deleting or reordering any entry breaks the chain at
that point and `first_break` names the first entry that no longer fits. The database is
already encrypted; the chain adds evidence against someone who holds the key and edits
rows by hand. Storing entries is the store's job (`store.audit`); this module only
computes, so it imports nothing of the store. Never imports Qt.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

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


def clean_detail(detail: Mapping[str, object]) -> dict[str, Any]:
    """The detail as it will read back from storage (tuples become lists, keys strings), so
    the hash taken now matches the entry read later."""
    cleaned: dict[str, Any] = json.loads(json.dumps(dict(detail), ensure_ascii=False, default=str))
    return cleaned


def entry_hash(at: datetime, actor: str, action: str, detail: dict[str, Any], prev: str) -> str:
    content = json.dumps(
        {"at": at.isoformat(), "actor": actor, "action": action, "detail": detail, "prev": prev},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def first_break(entries: Iterable[AuditRecord]) -> AuditRecord | None:
    """The first entry (oldest first) whose hash or link does not match, or None."""
    prev = GENESIS_HASH
    for entry in entries:
        expected = entry_hash(entry.at, entry.actor, entry.action, entry.detail, prev)
        if entry.prev_hash != prev or entry.hash != expected:
            return entry
        prev = entry.hash
    return None
