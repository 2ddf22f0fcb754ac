"""Schema upgrades with Alembic: a data folder written by ExitBot 0.1 opens with today's code,
upgraded in place after a copy is taken, with every interview and the audit chain intact."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from conftest import PASSWORD
from sqlalchemy import text

from exitbot_desktop.engine.errors import NewerSchemaError, StoreError
from exitbot_desktop.engine.filters import Selection
from exitbot_desktop.engine.interview import InterviewSession
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import KeyFile
from exitbot_desktop.engine.store.models import Base

V1 = Path(__file__).parent / "data" / "v1-database"


@pytest.fixture
def v1_folder(tmp_path: Path) -> DataFolder:
    """A copy of the data folder ExitBot 0.1 wrote (see data/v1-database/README.md)."""
    root = tmp_path / "v1"
    root.mkdir()
    for name in ("exitbot.db", "exitbot.keys.json"):
        shutil.copy2(V1 / name, root / name)
    return DataFolder(root)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _raw(folder: DataFolder) -> sqlcipher.Connection:
    """The database opened by hand with its key, the way a person with the key could."""
    key = KeyFile.load(folder.key_path).unwrap("alice", PASSWORD)
    conn = sqlcipher.connect(str(folder.db_path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def _schema_differences(store: vault.Store) -> list[object]:
    with store.database.engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn), Base.metadata))


def test_a_v1_data_folder_is_upgraded_at_unlock_and_keeps_everything(
    v1_folder: DataFolder,
) -> None:
    original = _digest(v1_folder.db_path)

    with vault.unlock(v1_folder, user="alice", password=PASSWORD) as store:
        assert store.schema_version() == vault.SCHEMA_VERSION == 7
        statuses = {row.id: row.status for row in store.reports.interviews(Selection())}
        assert statuses == {
            1: "completed",
            2: "in_progress",
            3: "declined",
            4: "completed",
            5: "completed",
        }
        completed = store.interviews.load(1)
        assert completed.source == "station" and completed.receipt_code
        assert completed.followups_for("main_reason_details")[0].text == "A manager who listens."
        assert any(e.kind == "summary" for e in store.analysis.for_interview(1))
        assert [store.interviews.load(i).source for i in (4, 5)] == ["import", "import"]
        resumed = InterviewSession.resume(store, 2).current()
        assert resumed.draft == "Das Gehalt war zu"
        assert store.settings.get("retention_months") == 36
        assert store.audit.verify().ok
        sealed = [e for e in store.audit.entries() if e.action == "audit_sealed"]
        assert len(sealed) == 1
        assert sealed[0].detail["earlier_chain"] == "intact"
        assert _schema_differences(store) == []
        with store.database.transaction() as s:
            indexes = set(s.scalars(text("SELECT name FROM sqlite_master WHERE type='index'")))
            backends = s.scalars(text("SELECT llm_backend FROM interviews WHERE id IN (4, 5)"))
            assert list(backends) == [None, None]  # the 0.1 marker moved to `source`
        assert {"ux_answers_main", "ix_answers_parent", "ix_analysis_answer"} <= indexes

    (copy,) = (v1_folder.root / "backups").iterdir()
    assert copy.name.startswith(f"before-schema-{vault.SCHEMA_VERSION}-from-1-")
    assert _digest(copy / "exitbot.db") == original
    assert _digest(copy / "exitbot.keys.json") == _digest(V1 / "exitbot.keys.json")
    # The copy opens on its own (with the key file beside it), as ExitBot 0.1 left it.
    with _raw(DataFolder(copy)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (1,)


def test_a_v1_audit_chain_is_sealed_once_and_its_head_kept_in_the_key_file(
    v1_folder: DataFolder,
) -> None:
    assert KeyFile.load(v1_folder.key_path).audit_head is None

    vault.unlock(v1_folder, user="alice", password=PASSWORD).close()
    with vault.unlock(v1_folder, user="alice", password=PASSWORD) as store:
        assert store.audit.verdict_at_unlock is not None and store.audit.verdict_at_unlock.ok
        actions = [e.action for e in store.audit.entries()]
        head = KeyFile.load(v1_folder.key_path).audit_head
        assert head is not None and head.entries == len(actions)
    assert actions.count("audit_sealed") == 1


def test_a_v1_chain_edited_before_sealing_is_named_in_the_seal(v1_folder: DataFolder) -> None:
    with _raw(v1_folder) as conn:
        conn.execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 2")
        conn.commit()

    with vault.unlock(v1_folder, user="alice", password=PASSWORD) as store:
        (sealed,) = [e for e in store.audit.entries() if e.action == "audit_sealed"]
        assert sealed.detail["earlier_chain"] == "broken at 2"
        assert store.audit.verify().ok  # sealed from here on; the seal keeps the finding


def test_a_current_database_is_neither_copied_nor_upgraded_again(v1_folder: DataFolder) -> None:
    vault.unlock(v1_folder, user="alice", password=PASSWORD).close()
    vault.unlock(v1_folder, user="alice", password=PASSWORD).close()

    assert len(list((v1_folder.root / "backups").iterdir())) == 1


def test_a_new_database_is_built_by_the_migrations_and_matches_the_models(
    store: vault.Store,
) -> None:
    assert store.schema_version() == 7
    assert _schema_differences(store) == []


def test_a_database_from_a_newer_exitbot_is_refused_and_left_alone(
    folder: DataFolder, created: tuple[vault.Store, str]
) -> None:
    created[0].close()
    with _raw(folder) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
        conn.commit()
    before = _digest(folder.db_path)

    with pytest.raises(NewerSchemaError, match="newer version of ExitBot"):
        vault.unlock(folder, user="alice", password=PASSWORD)

    assert _digest(folder.db_path) == before
    assert not (folder.root / "backups").exists()


def test_an_upgrade_that_fails_changes_nothing_and_names_the_copy(v1_folder: DataFolder) -> None:
    with _raw(v1_folder) as conn:  # two main answers to one question: schema 2 forbids it
        conn.execute(
            "INSERT INTO answers (interview_id, question_id, status, value, text, is_followup, "
            "seconds_spent, created_at, updated_at) SELECT interview_id, question_id, status, "
            "value, text, is_followup, seconds_spent, created_at, updated_at FROM answers "
            "WHERE interview_id = 1 AND question_id = 'main_reason'"
        )
        conn.commit()
    before = _digest(v1_folder.db_path)

    with pytest.raises(StoreError, match="could not upgrade the database") as caught:
        vault.unlock(v1_folder, user="alice", password=PASSWORD)

    assert "backups" in caught.value.user_message
    assert _digest(v1_folder.db_path) == before
    with _raw(v1_folder) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (1,)


def test_no_room_for_the_copy_means_no_upgrade(v1_folder: DataFolder) -> None:
    (v1_folder.root / "backups").write_text("a file where the folder would go")
    before = _digest(v1_folder.db_path)

    with pytest.raises(StoreError, match="first copies it") as caught:
        vault.unlock(v1_folder, user="alice", password=PASSWORD)

    assert "Nothing has been changed" in caught.value.user_message
    assert _digest(v1_folder.db_path) == before
