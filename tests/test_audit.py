"""The audit log: each entry is sealed under a key from the data key and chained to the one
before, and its head is also kept in the key file, so edits, a recomputed chain, relinked
deletions, a deleted tail and an older database copied back are all found, by position."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import PASSWORD
from sqlalchemy import delete, select, update

from exitbot_desktop.engine import audit
from exitbot_desktop.engine.interview import InterviewSession
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.store import db, vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import KeyFile
from exitbot_desktop.engine.store.models import AuditEntry
from exitbot_desktop.engine.store.vault import Store


def _three_entries(store: Store) -> list[audit.AuditRecord]:
    return [
        store.audit.record("export", {"format": "csv", "rows": 12}),
        store.audit.record("interview_erased", {"receipt_code": "EX-ABCD2345"}),
        store.audit.record("import", {"file": "Austritte_2023.csv", "interviews": 4}),
    ]


def _position(store: Store, entry_id: int) -> int:
    """1-based position of an entry in the log, oldest first."""
    return [e.id for e in store.audit.all_oldest_first()].index(entry_id) + 1


def _relink_unkeyed(store: Store) -> None:
    """What someone with the database key but without the chain's key would do: recompute
    every hash with plain SHA-256 from the first entry on."""
    rows = store.audit.all_oldest_first()
    prev, sealed = audit.GENESIS_HASH, []
    for e in rows:
        new = audit.unkeyed_hash(e.at, e.actor, e.action, e.detail, prev)
        sealed.append((e.id, prev, new))
        prev = new
    with store.database.transaction():
        store.audit.reseal(sealed)


@pytest.mark.every_store
def test_each_entry_chains_to_the_one_before_and_the_untouched_log_verifies(
    store: Store,
) -> None:
    earlier = store.audit.entries(limit=1)
    first, second, third = _three_entries(store)

    assert first.prev_hash == earlier[0].hash
    assert second.prev_hash == first.hash
    assert third.prev_hash == second.hash
    verdict = store.audit.verify()
    assert verdict.ok and verdict.entries == 4
    assert "intact" in verdict.sentence()
    assert [e.action for e in store.audit.entries(limit=3)] == [
        "import",
        "interview_erased",
        "export",
    ]


@pytest.mark.every_store
def test_the_key_file_keeps_the_head_of_the_chain(store: Store, folder: DataFolder) -> None:
    *_, third = _three_entries(store)

    head = KeyFile.load(folder.key_path).audit_head

    assert head == audit.AuditHead(entries=4, last_hash=third.hash)


@pytest.mark.every_store
def test_an_edited_entry_is_found_at_its_position(store: Store) -> None:
    _, second, _ = _three_entries(store)
    with store.database.transaction() as s:
        s.execute(
            update(AuditEntry).where(AuditEntry.id == second.id).values(detail={"receipt": "X"})
        )

    verdict = store.audit.verify()

    assert verdict.position == _position(store, second.id) == 3
    assert "breaks at entry 3 of 4" in verdict.sentence()
    assert "changed" in verdict.sentence()


@pytest.mark.every_store
def test_a_chain_recomputed_without_the_key_is_found_at_its_first_entry(store: Store) -> None:
    _, second, _ = _three_entries(store)
    with store.database.transaction() as s:
        s.execute(update(AuditEntry).where(AuditEntry.id == second.id).values(actor="mallory"))
    _relink_unkeyed(store)

    assert store.audit.verify().position == 1


@pytest.mark.every_store
def test_deleted_export_entries_relinked_are_found(store: Store) -> None:
    _three_entries(store)
    store.audit.record("export", {"format": "pdf"})
    store.audit.record("login", {"method": "password"})
    with store.database.transaction() as s:
        s.execute(delete(AuditEntry).where(AuditEntry.action == "export"))
    _relink_unkeyed(store)  # relinked, so every link looks right

    verdict = store.audit.verify()

    assert verdict.position == 1
    assert verdict.entries == 4


@pytest.mark.every_store
def test_relinking_with_the_key_still_leaves_fewer_entries_than_the_head(store: Store) -> None:
    """Even a forger holding the data key cannot hide deleted entries: the key file counts."""
    _three_entries(store)
    with store.database.transaction() as s:
        s.execute(delete(AuditEntry).where(AuditEntry.action == "export"))
    rows = store.audit.all_oldest_first()
    with store.database.transaction():
        store.audit.reseal(audit.rechain(rows, audit.audit_key(store.database.data_key())))

    verdict = store.audit.verify()

    assert verdict.position == 4
    assert "records 4 entries but the database holds only 3" in verdict.problem


@pytest.mark.every_store
def test_a_deleted_last_entry_is_found_where_the_log_now_ends(store: Store) -> None:
    *_, third = _three_entries(store)
    with store.database.transaction() as s:
        s.execute(delete(AuditEntry).where(AuditEntry.id == third.id))

    verdict = store.audit.verify()

    assert verdict.position == 4
    assert verdict.entries == 3
    assert "last entries were deleted" in verdict.problem


def _copy_database(folder: DataFolder, store: Store, to: Path) -> None:
    db.checkpoint(store.database.engine)
    shutil.copy2(folder.db_path, to)


def test_an_older_database_copied_back_is_found_and_the_erasure_it_undoes_is_named(
    folder: DataFolder, store: Store, tmp_path: Path, question_set: QuestionSet
) -> None:
    session = InterviewSession.start(store, question_set, language="en", meta=InterviewMeta())
    interview_id = session.id
    old_copy = tmp_path / "older.db"
    _copy_database(folder, store, old_copy)
    store.interviews.delete(interview_id)
    store.close()
    shutil.copy2(old_copy, folder.db_path)  # the erased interview is back

    with vault.unlock(folder, user="alice", password=PASSWORD) as reopened:
        verdict = reopened.audit.verdict_at_unlock
        assert verdict is not None and not verdict.ok
        assert verdict.position is not None
        assert "older copy" in verdict.problem
        assert reopened.interviews.load(interview_id)  # resurrected, and now known to be
        actions = [e.action for e in reopened.audit.entries(limit=2)]
        assert actions == ["audit_verification_failed", "login"]

    # The head stayed where it was, so the next unlock finds it again.
    with vault.unlock(folder, user="alice", password=PASSWORD) as again:
        assert again.audit.verdict_at_unlock is not None
        assert not again.audit.verdict_at_unlock.ok


def test_an_older_copy_that_has_grown_past_the_head_is_still_found(
    folder: DataFolder, store: Store, tmp_path: Path
) -> None:
    old_copy = tmp_path / "older.db"
    _copy_database(folder, store, old_copy)
    _three_entries(store)
    store.close()
    shutil.copy2(old_copy, folder.db_path)
    for _ in range(4):  # logins append to the old copy until it is longer than the head
        with vault.unlock(folder, user="alice", password=PASSWORD) as reopened:
            assert reopened.audit.verdict_at_unlock is not None
            assert not reopened.audit.verdict_at_unlock.ok


def test_a_crash_between_commit_and_head_is_caught_up_not_reported(
    folder: DataFolder, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_gone(_self: KeyFile) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(KeyFile, "save", disk_gone)
    store.audit.record("export", {"rows": 1})  # committed; the head could not follow
    monkeypatch.undo()
    assert store.audit.verify().ok  # one sealed entry ahead of the head is no tampering
    store.close()

    with vault.unlock(folder, user="alice", password=PASSWORD) as reopened:
        assert reopened.audit.verdict_at_unlock is not None
        assert reopened.audit.verdict_at_unlock.ok
    head = KeyFile.load(folder.key_path).audit_head
    assert head is not None and head.entries == 3  # created, export, login


@pytest.mark.every_store
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
    assert store.audit.verify().ok


@pytest.mark.every_store
def test_detail_with_umlauts_tuples_and_dates_round_trips_and_verifies(store: Store) -> None:
    entry = store.audit.record("export", {"filters": ("Vertrieb", "Köln"), "note": "Ärger ✓"})

    assert entry.detail == {"filters": ["Vertrieb", "Köln"], "note": "Ärger ✓"}
    assert store.audit.verify().ok


@pytest.mark.every_store
def test_the_chain_key_is_not_the_data_key_and_differs_per_database(store: Store) -> None:
    data_key = store.database.data_key()
    assert audit.audit_key(data_key) != data_key
    assert audit.audit_key(data_key) != audit.audit_key(bytes(32))
    with store.database.transaction() as s:
        stored = s.scalar(select(AuditEntry.hash).limit(1))
    assert stored is not None and len(stored) == 64
