"""Storing, reading and verifying the audit log (`audit_log` table); the chain is `engine.audit`.

Owns `AuditLog`. An entry recorded inside another transaction block commits with it, so
an erasure and its entry, or an import and its entry, land together or not at all.

The chain's head goes into the key file just *after* the commit (`Database.after_commit`),
never before: a crash in between leaves the database one sealed entry ahead of the head,
which verification accepts and the next unlock catches up, whereas a head ahead of the
database would look exactly like a deleted tail. The head only moves forward, and only
while the chain verified at unlock: a broken log keeps its evidence. A database whose
chain predates keying is sealed once at unlock (`seal`), recorded as "audit_sealed".
Never imports Qt.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from exitbot_desktop.engine.audit import (
    GENESIS_HASH,
    AuditHead,
    AuditRecord,
    ChainVerdict,
    audit_key,
    clean_detail,
    entry_hash,
    rechain,
    unkeyed_hash,
    verify_chain,
)
from exitbot_desktop.engine.errors import ExitBotError
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.keys import KeyFile
from exitbot_desktop.engine.store.models import AuditEntry, utcnow

_log = logging.getLogger(__name__)
CHAIN_LOCK = 0x45584954_41554454  # "EXITAUDT": the advisory lock of the chain's tail


class AuditLog:
    def __init__(self, database: Database, key_file: KeyFile, actor: str) -> None:
        self._db = database
        self._key_file = key_file
        self._head_lock = threading.Lock()
        self.actor = actor  # who unlocked: every entry names them
        # The verification made at unlock, before this session wrote anything (see `open`).
        self.verdict_at_unlock: ChainVerdict | None = None

    def record(self, action: str, detail: Mapping[str, object]) -> AuditRecord:
        """Append one entry, inside the caller's transaction block when there is one."""
        clean = clean_detail(detail)
        with self._db.transaction() as s:
            self._db.guard_key()  # the entry's hash is keyed by the data key
            if self._db.dialect.name == "postgresql":
                # Stations append at once: one at a time, or two entries would link to
                # the same predecessor and fork the chain. (SQLite's BEGIN IMMEDIATE
                # already lets one writer in.) Released when the transaction ends.
                s.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": CHAIN_LOCK})
            last = s.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
            count = s.scalar(select(func.count()).select_from(AuditEntry)) or 0
            key = audit_key(self._db.data_key())
            row = self._append(s, key, last or GENESIS_HASH, action, clean)
            head = AuditHead(count + 1, row.hash)
            self._db.after_commit("audit_head", lambda: self._advance_head(head))
            return _to_record(row)

    def entries(
        self, *, limit: int | None = None, since: datetime | None = None
    ) -> list[AuditRecord]:
        """The newest entries first (all of them when `limit` is None), from `since` on."""
        query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if since is not None:
            query = query.where(AuditEntry.at >= since)
        with self._db.transaction() as s:
            return [_to_record(row) for row in s.scalars(query)]

    def verify(self) -> ChainVerdict:
        """Every seal and link, then the count and last hash against the key file's head."""
        with self._db.transaction() as s:
            return verify_chain(
                _records(s.scalars(select(AuditEntry).order_by(AuditEntry.id))),
                audit_key(self._db.data_key()),
                self._key_file.audit_head,
            )

    def check(self) -> ChainVerdict:
        """What `audit --verify`, `check` and a viewer page report: the verification made
        at unlock when it failed (this session's own entries, such as its login, must not
        hide a rolled-back database), else a fresh one."""
        earlier = self.verdict_at_unlock
        if earlier is not None and not earlier.ok:
            return earlier
        return self.verify()

    def numbered(self, *, since: datetime | None = None) -> list[tuple[int, AuditRecord]]:
        """(position, entry), oldest first, from `since` on: the position is the one a
        broken chain is reported at."""
        return [
            (position, entry)
            for position, entry in enumerate(self.all_oldest_first(), start=1)
            if since is None or entry.at >= since
        ]

    def actions(self) -> list[str]:
        """Every action the log holds, once each, by name (for a viewer's filter)."""
        with self._db.transaction() as s:
            return list(s.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))

    def open(self) -> ChainVerdict:
        """At unlock, before this session writes: seal an unkeyed chain, verify, and catch
        the head up when a crash left it behind. The verdict stays in `verdict_at_unlock`
        (the unlock's own "login" entry must not hide a rolled-back database)."""
        if self._key_file.audit_head is None and not self._sealed_already():
            self.seal()
        verdict = self.verify()
        self.verdict_at_unlock = verdict
        if verdict.ok and verdict.entries:
            last = self.entries(limit=1)[0]
            self._advance_head(AuditHead(verdict.entries, last.hash))
        return verdict

    def reseal(self, rows: list[tuple[int, str, str]]) -> None:
        """Write new (prev_hash, hash) pairs by id, inside the caller's transaction (key
        rotation, sealing)."""
        with self._db.transaction() as s:
            for entry_id, prev, new in rows:
                s.execute(
                    update(AuditEntry)
                    .where(AuditEntry.id == entry_id)
                    .values(prev_hash=prev, hash=new)
                )

    def reseal_under(
        self, new_data_key: bytes, action: str, detail: Mapping[str, object]
    ) -> AuditHead:
        """Inside the caller's transaction: every entry sealed under `new_data_key`'s chain
        key, then one more entry saying why; returns the new head for the new key file
        (`store.rotation`, which commits this with `PRAGMA rekey`)."""
        key = audit_key(new_data_key)
        with self._db.transaction() as s:
            sealed = rechain(self.all_oldest_first(), key)
            self.reseal(sealed)
            prev = sealed[-1][2] if sealed else GENESIS_HASH
            row = self._append(s, key, prev, action, clean_detail(detail))
            return AuditHead(len(sealed) + 1, row.hash)

    def all_oldest_first(self) -> list[AuditRecord]:
        with self._db.transaction() as s:
            return list(_records(s.scalars(select(AuditEntry).order_by(AuditEntry.id))))

    def seal(self) -> None:
        """Key a chain written before keying, once: check the old plain chain, seal every
        entry under the data key, and say so (with the old chain's state) in the log."""
        old = self.all_oldest_first()
        broken_at = _unkeyed_break(old)
        with self._db.transaction():
            self.reseal(rechain(old, audit_key(self._db.data_key())))
            self.record(
                "audit_sealed",
                {
                    "entries": len(old),
                    "earlier_chain": "intact" if broken_at is None else f"broken at {broken_at}",
                },
            )

    def _sealed_already(self) -> bool:
        """A head-less key file beside a keyed chain: a crash right after `seal` committed
        (the last entry is the seal, and it verifies), so only the head is missing."""
        last = self.entries(limit=1)
        if not last or last[0].action != "audit_sealed":
            return False
        return self.verify().ok

    def _advance_head(self, head: AuditHead) -> None:
        """Move the key file's head to `head` unless it is behind or the log was broken at
        unlock. A failed write is logged, not raised: the entry is committed, and the next
        unlock catches the head up."""
        with self._head_lock:
            current = self._key_file.audit_head
            broken = self.verdict_at_unlock is not None and not self.verdict_at_unlock.ok
            if broken or (current is not None and current.entries >= head.entries):
                return
            self._key_file.audit_head = head
            try:
                self._key_file.save()
            except (OSError, ExitBotError):
                self._key_file.audit_head = current
                _log.warning("could not write the audit head to the key file", exc_info=True)

    def _append(
        self, s: Session, key: bytes, prev: str, action: str, clean: dict[str, Any]
    ) -> AuditEntry:
        """One new entry after `prev`, sealed under `key`, in the session `s`."""
        at = utcnow()
        row = AuditEntry(
            at=at,
            actor=self.actor,
            action=action,
            detail=clean,
            prev_hash=prev,
            hash=entry_hash(key, at, self.actor, action, clean, prev),
        )
        s.add(row)
        s.flush()
        return row


def _unkeyed_break(entries: list[AuditRecord]) -> int | None:
    prev = GENESIS_HASH
    for position, e in enumerate(entries, start=1):
        if e.prev_hash != prev or e.hash != unkeyed_hash(e.at, e.actor, e.action, e.detail, prev):
            return position
        prev = e.hash
    return None


def _records(rows: Iterable[AuditEntry]) -> Iterator[AuditRecord]:
    for row in rows:
        yield _to_record(row)


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
