"""The audit log: every entry chains to the one before, so any edit or deletion shows."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, update

from exitbot_desktop.engine import audit
from exitbot_desktop.engine.store.models import AuditEntry
from exitbot_desktop.engine.store.vault import Store


def _three_entries(store: Store) -> list[audit.AuditRecord]:
    return [
        store.audit.record("export", {"format": "csv", "rows": 12}),
        store.audit.record("delete", {"receipt": "EX-ABCD2345"}),
        store.audit.record("import", {"file": "Austritte_2023.csv", "interviews": 4}),
    ]


def test_each_entry_chains_to_the_one_before_and_the_untouched_log_verifies(
    store: Store,
) -> None:
    earlier = store.audit.entries(limit=1)  # the store may log its own creation
    first, second, third = _three_entries(store)

    assert first.prev_hash == (earlier[0].hash if earlier else audit.GENESIS_HASH)
    assert second.prev_hash == first.hash
    assert third.prev_hash == second.hash
    assert store.audit.verify() is None
    assert [e.action for e in store.audit.entries(limit=3)] == ["import", "delete", "export"]
    assert store.audit.entries(limit=1)[0].detail == {
        "file": "Austritte_2023.csv",
        "interviews": 4,
    }


def test_editing_an_entry_by_hand_is_detected_at_that_entry(store: Store) -> None:
    _, second, _ = _three_entries(store)
    with store.database.transaction() as s:
        s.execute(
            update(AuditEntry).where(AuditEntry.id == second.id).values(detail={"receipt": "X"})
        )

    bad = store.audit.verify()

    assert bad is not None
    assert bad.id == second.id


def test_rewriting_an_entry_with_a_fresh_hash_breaks_the_next_link(store: Store) -> None:
    _, second, third = _three_entries(store)
    with store.database.transaction() as s:
        s.execute(update(AuditEntry).where(AuditEntry.id == second.id).values(actor="mallory"))
    forged = store.audit.entries()[1]
    with store.database.transaction() as s:
        s.execute(
            update(AuditEntry)
            .where(AuditEntry.id == second.id)
            .values(
                hash=audit.entry_hash(
                    forged.at, forged.actor, forged.action, forged.detail, forged.prev_hash
                )
            )
        )

    bad = store.audit.verify()

    assert bad is not None
    assert bad.id == third.id


def test_deleting_an_entry_is_detected_at_the_one_after_it(store: Store) -> None:
    _, second, third = _three_entries(store)
    with store.database.transaction() as s:
        s.execute(delete(AuditEntry).where(AuditEntry.id == second.id))

    bad = store.audit.verify()

    assert bad is not None
    assert bad.id == third.id


def test_an_entry_written_in_a_transaction_that_fails_is_not_kept(store: Store) -> None:
    store.audit.record("export", {"rows": 1})

    def failing_import() -> None:
        with store.transaction():
            store.audit.record("import", {"interviews": 3})
            raise RuntimeError("the import failed half way")

    with pytest.raises(RuntimeError):
        failing_import()

    assert store.audit.entries(limit=1)[0].action == "export"
    assert "import" not in [e.action for e in store.audit.entries()]
    assert store.audit.verify() is None


def test_detail_with_umlauts_tuples_and_dates_round_trips_and_verifies(store: Store) -> None:
    entry = store.audit.record("export", {"filters": ("Vertrieb", "Köln"), "note": "Ärger ✓"})

    assert entry.detail == {"filters": ["Vertrieb", "Köln"], "note": "Ärger ✓"}
    assert store.audit.verify() is None
