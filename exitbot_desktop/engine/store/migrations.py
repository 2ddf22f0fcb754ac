"""Schema migrations with Alembic: new databases are built by them, old ones upgraded.

Owns `upgrade`, `knows`, `is_current` and `schema_number`, on the SQLCipher file and a
PostgreSQL server alike. The scripts live in `migration_scripts/`; a
database from before Alembic (ExitBot 0.1, `user_version` 1 and no `alembic_version`
table) is first stamped as the baseline revision. `db.prepare_schema` decides when to
upgrade and copies the file first. Never imports Qt.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

_SCRIPTS = Path(__file__).resolve().parent / "migration_scripts"
BASELINE = "0001"  # the schema ExitBot 0.1 created (its `user_version` 1)


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_SCRIPTS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def _current(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def head() -> str:
    found = _scripts().get_current_head()
    assert found is not None, "the migration scripts are missing"
    return found


def knows(connection: Connection) -> bool:
    """False when the database is at a revision these scripts do not have (a newer ExitBot)."""
    current = _current(connection)
    return current is None or current in {s.revision for s in _scripts().walk_revisions()}


def is_current(connection: Connection) -> bool:
    return _current(connection) == head()


def schema_number(connection: Connection) -> int:
    """The schema's number as Alembic's table holds it (revision "0004" is schema 4); 0
    for a database without ExitBot's tables. What a database server has in place of
    SQLite's `user_version`."""
    current = _current(connection)
    return int(current) if current is not None and current.isdigit() else 0


def upgrade(connection: Connection, *, from_schema: int | None = None) -> None:
    """Bring the database on `connection` (inside its transaction) to the newest schema.

    `from_schema` is the `user_version` found; 1 without Alembic's table means 0.1's
    schema, which is the baseline revision.
    """
    config = _config(connection)
    if from_schema == 1 and _current(connection) is None:
        command.stamp(config, BASELINE)
    command.upgrade(config, "head")
