"""The audit log's entries as a CSV file for an auditor: the audit page's Export and
`exitbot-desktop audit --csv`.

Owns `export_audit_csv`. One row per entry selected by an `AuditQuery` (position, time in
UTC, account, action, detail as JSON, hash), text cells neutralised against formulas
like every CSV ExitBot writes. The file is written whole or not at all, and the export
itself is recorded in the log once written. Never imports Qt.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING

from exitbot_desktop.engine.audit_query import AuditQuery, audit_entries
from exitbot_desktop.engine.files import atomic_text
from exitbot_desktop.engine.safe_text import neutralise

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

COLUMNS = ("position", "time_utc", "account", "action", "detail", "hash")


def export_audit_csv(store: Store, path: Path, query: AuditQuery) -> int:
    """Write the entries `query` selects to `path`; returns how many."""
    entries = audit_entries(store, query)
    with atomic_text(path) as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for position, entry in entries:
            detail = json.dumps(entry.detail, ensure_ascii=False, sort_keys=True)
            writer.writerow(
                (
                    position,
                    entry.at.isoformat(timespec="seconds"),
                    neutralise(entry.actor),
                    neutralise(entry.action),
                    neutralise(detail),
                    entry.hash,
                )
            )
    store.audit.record(
        "audit_exported", {"file": path.name, "entries": len(entries), **query.describe()}
    )
    return len(entries)
