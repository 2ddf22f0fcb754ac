"""The audit log's chain: how an entry is sealed and how a broken chain is found.

Each entry's hash is HMAC-SHA256, under a key derived from the data key (HKDF with its
own label), over its content (time, actor, action, detail) and the previous entry's
hash. Editing, deleting or reordering an entry breaks the chain there; without the data
key nobody can recompute it. The chain's head (entry count and last hash) is also kept
outside the database, in the key file, so a deleted tail or a database rolled back to an
older copy is caught too: `verify_chain` compares both and names the position (1 = the
oldest entry) where they part. Storing entries is the store's job (`store.audit`); this
module only computes, so it imports nothing of the store. Never imports Qt.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

GENESIS_HASH = "0" * 64
_HKDF_INFO = b"exitbot audit chain v1"


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    action: str
    detail: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class AuditHead:
    """How many entries the log had and the last one's hash, as last written."""

    entries: int
    last_hash: str


@dataclass(frozen=True)
class ChainVerdict:
    """The result of a verification. `position` is where the chain breaks (1-based, in
    the order written), None when it is whole; `entries` is how many the database holds."""

    entries: int
    position: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.position is None

    def sentence(self) -> str:
        """For `audit --verify`, `check` and a viewer page: what was found, what to do."""
        if self.ok:
            return f"The audit log is intact: {self.entries} entries, each sealed and in place."
        return (
            f"The audit log breaks at entry {self.position} of {self.entries}: {self.problem} "
            "Keep this database and key file as evidence, tell whoever audits ExitBot, and "
            "compare with the latest backup."
        )


def audit_key(data_key: bytes) -> bytes:
    """The HMAC key of the chain: from the data key, so rotating it re-keys the chain."""
    from cryptography.hazmat.primitives import hashes  # loaded only when the log is used
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO).derive(data_key)


def clean_detail(detail: Mapping[str, object]) -> dict[str, Any]:
    """The detail as it will read back from storage (tuples become lists, keys strings), so
    the hash taken now matches the entry read later."""
    cleaned: dict[str, Any] = json.loads(json.dumps(dict(detail), ensure_ascii=False, default=str))
    return cleaned


def _content(at: datetime, actor: str, action: str, detail: dict[str, Any], prev: str) -> bytes:
    return json.dumps(
        {"at": at.isoformat(), "actor": actor, "action": action, "detail": detail, "prev": prev},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")


def entry_hash(
    key: bytes, at: datetime, actor: str, action: str, detail: dict[str, Any], prev: str
) -> str:
    """The entry's seal: HMAC-SHA256 under `key` (see `audit_key`)."""
    return hmac.new(key, _content(at, actor, action, detail, prev), hashlib.sha256).hexdigest()


def unkeyed_hash(at: datetime, actor: str, action: str, detail: dict[str, Any], prev: str) -> str:
    """The plain SHA-256 that ExitBot used before the chain was keyed, to check an old
    chain once before it is sealed (`store.audit_log.AuditLog.seal`)."""
    return hashlib.sha256(_content(at, actor, action, detail, prev)).hexdigest()


def rechain(entries: Iterable[AuditRecord], key: bytes) -> list[tuple[int, str, str]]:
    """(id, prev_hash, hash) for every entry sealed anew under `key`, oldest first."""
    prev, sealed = GENESIS_HASH, []
    for e in entries:
        new = entry_hash(key, e.at, e.actor, e.action, e.detail, prev)
        sealed.append((e.id, prev, new))
        prev = new
    return sealed


def verify_chain(
    entries: Iterable[AuditRecord], key: bytes, head: AuditHead | None
) -> ChainVerdict:
    """Check every link and seal, then the count and last hash against `head`.

    More entries than the head counts, continuing it, are accepted: the head is written
    just after each commit, so a crash in between leaves the database one step ahead
    (and a forger cannot seal entries without the key). Fewer entries, or a different
    entry where the head ends, is a deleted tail or an older copy of the database.
    """
    rows = iter(entries)
    prev, count, at_head = GENESIS_HASH, 0, None
    for entry in rows:
        count += 1
        expected = entry_hash(key, entry.at, entry.actor, entry.action, entry.detail, prev)
        if entry.prev_hash != prev:
            return _broken(
                count,
                entry,
                "it does not follow the entry before it (an entry was deleted or moved).",
                entries,
            )
        if not hmac.compare_digest(entry.hash, expected):
            return _broken(
                count,
                entry,
                "its content or seal was changed after it was written "
                "(or the chain was recomputed without the key).",
                rows,
            )
        prev = entry.hash
        if head is not None and count == head.entries:
            at_head = entry.hash
    if head is None:
        return ChainVerdict(count)
    if count < head.entries:
        return ChainVerdict(
            count,
            position=count + 1,
            problem=f"the key file records {head.entries} entries but the database holds only "
            f"{count}, so the last entries were deleted or the database was replaced by an "
            "older copy (which brings erased interviews back).",
        )
    if head.entries and at_head != head.last_hash:
        return ChainVerdict(
            count,
            position=head.entries,
            problem="this entry is not the one the key file recorded as the last, so the "
            "database was replaced by another copy.",
        )
    return ChainVerdict(count)


def _broken(
    position: int, entry: AuditRecord, problem: str, rest: Iterable[AuditRecord]
) -> ChainVerdict:
    total = position + sum(1 for _ in rest)  # the iterator goes on after the break
    return ChainVerdict(
        total,
        position=position,
        problem=f"'{entry.action}' of {entry.at:%Y-%m-%d %H:%M} (entry id {entry.id}): {problem}",
    )
