"""The same Alembic migrations build the schema on a PostgreSQL server as in the SQLCipher
file, and a server whose schema a newer ExitBot wrote is refused."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from postgres_server import PostgresDatabase
from sqlalchemy import Engine, inspect, text

from exitbot_desktop.engine.errors import DatabaseMissingError, NewerSchemaError
from exitbot_desktop.engine.store import db, server_connection, vault
from exitbot_desktop.engine.store.folder import DataFolder


@pytest.fixture
def server_engine(postgres_database: PostgresDatabase) -> Iterator[Engine]:
    settings = server_connection.from_url(postgres_database.url)
    engine = server_connection.open_server_engine(settings, postgres_database.password)
    yield engine
    engine.dispose()


def _shape(engine: Engine) -> dict[str, Any]:
    """Tables with their columns (name, nullable), keys, unique constraints and indexes."""
    inspector = inspect(engine)
    shape: dict[str, Any] = {}
    for table in sorted(inspector.get_table_names()):
        shape[table] = {
            "columns": [(c["name"], c["nullable"]) for c in inspector.get_columns(table)],
            "primary key": inspector.get_pk_constraint(table)["constrained_columns"],
            "foreign keys": sorted(
                (
                    tuple(fk["constrained_columns"]),
                    fk["referred_table"],
                    fk["options"].get("ondelete"),
                )
                for fk in inspector.get_foreign_keys(table)
            ),
            "unique": sorted(
                tuple(u["column_names"]) for u in inspector.get_unique_constraints(table)
            ),
            "indexes": sorted(  # PostgreSQL lists a unique constraint's index as well
                (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                for i in inspector.get_indexes(table)
                if "duplicates_constraint" not in i
            ),
        }
    return shape


def test_the_server_schema_has_the_same_tables_columns_and_indexes_as_the_file(
    server_engine: Engine, store: vault.Store
) -> None:
    db.create_schema(server_engine)
    server, embedded = _shape(server_engine), _shape(store.database.engine)
    # The server also keeps each digest as arrays it counts in SQL (schema 6), derived
    # from the digest's JSON, its counted facts as ids of the strings in `digest_facts`
    # (schema 7); the embedded file counts that JSON in Python.
    derived = server["interview_digests"]["columns"][3:]
    assert derived == [("numbered", True), ("numbers", True), ("themes", True), ("counted", True)]
    del server["interview_digests"]["columns"][3:]
    assert server.pop("digest_facts")["columns"] == [("id", False), ("fact", False)]
    assert server == embedded
    assert "interview_digests" in server
    assert ("ux_answers_main", ("interview_id", "question_id"), True) in server["answers"][
        "indexes"
    ]
    assert db.schema_version(server_engine) == db.SCHEMA_VERSION


def test_one_main_answer_per_question_also_on_the_server(server_engine: Engine) -> None:
    db.create_schema(server_engine)
    with server_engine.connect() as conn:
        (definition,) = conn.execute(
            text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ux_answers_main'")
        ).one()
    assert definition.endswith("WHERE (NOT is_followup)")


def test_preparing_a_current_server_schema_changes_nothing(server_engine: Engine) -> None:
    db.create_schema(server_engine)
    db.prepare_schema(server_engine, DataFolder(None))  # type: ignore[arg-type]
    assert db.schema_version(server_engine) == db.SCHEMA_VERSION


def test_a_server_schema_from_a_newer_exitbot_is_refused(server_engine: Engine) -> None:
    db.create_schema(server_engine)
    with server_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    with pytest.raises(NewerSchemaError, match="written by a newer version of ExitBot") as refused:
        db.prepare_server_schema(server_engine)
    assert "schema 99" in refused.value.user_message
    with server_engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0099"


def test_an_older_server_schema_is_upgraded_in_place(server_engine: Engine) -> None:
    db.create_schema(server_engine)
    with server_engine.begin() as conn:
        conn.execute(text("DROP TABLE interview_digests, digest_facts"))
        conn.execute(text("ALTER TABLE interviews DROP COLUMN station_ref"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0003'"))
    db.prepare_server_schema(server_engine)
    assert "interview_digests" in inspect(server_engine).get_table_names()
    assert "station_ref" in {c["name"] for c in inspect(server_engine).get_columns("interviews")}
    assert db.schema_version(server_engine) == db.SCHEMA_VERSION


def test_an_empty_server_database_asks_for_init(server_engine: Engine) -> None:
    with pytest.raises(DatabaseMissingError, match="init --server"):
        db.prepare_server_schema(server_engine)
