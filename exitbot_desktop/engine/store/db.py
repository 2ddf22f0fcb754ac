"""Opening the SQLCipher database through SQLAlchemy, and naming what went wrong.

Every connection is keyed with the raw 32-byte data key (`PRAGMA key = "x'…'"`, no KDF
per open). SQLCipher wipes its key and page buffers when it frees them; its optional
`cipher_memory_security`, which wipes and locks every allocation SQLite makes, stays off
(SQLCipher's default since 4.5): it made each answer's commit a third slower and reports
slower still, for little, since the same answers live on in this process as Python
strings that nothing wipes.

The database runs in WAL mode with `synchronous=FULL`: a commit appends the changed pages
(encrypted, like the database) to `exitbot.db-wal` and syncs that one file, so an answer
whose commit returned survives a power cut, at one sync per answer instead of the
rollback journal's three. SQLite folds the WAL back into the database as it grows and
when the last connection closes; until then it is part of the database (copies take a
checkpoint first). SQLite errors that a person can do something about become
`StoreError`s (after qutebrowser's `misc/sql.py`); the rest propagate as bugs. Never
imports Qt.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, Table, create_engine, event
from sqlalchemy.dialects.postgresql import Insert
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool

from exitbot_desktop.engine.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseMissingError,
    DiskFullError,
    NewerSchemaError,
    StoreError,
    not_writable,
)
from exitbot_desktop.engine.store import migrations
from exitbot_desktop.engine.store.folder import DataFolder

# Kept in `PRAGMA user_version` as well as in Alembic's table: ExitBot 0.1 knew only the
# former, and must keep refusing databases this version has upgraded.
SCHEMA_VERSION = 7
# The advisory lock stations take while upgrading a server's schema ("EXIT" in ASCII).
_UPGRADE_LOCK = 0x45584954


READS_ONLY = "exitbot_reads_only"  # a connection's `info` key: its next BEGIN is deferred


def open_engine(path: Path, data_key: bytearray) -> Engine:
    """An engine over the encrypted file; the file is created if it does not exist.

    The key is read from `data_key` at each connect and never copied into the engine,
    so wiping that buffer (`Store.close`) leaves no key behind and no new connection.
    """

    def connect() -> sqlcipher.Connection:
        if not data_key:
            raise StoreError("The database has been locked. Unlock it again with a password.")
        conn = sqlcipher.connect(str(path), check_same_thread=False, timeout=5.0)
        try:
            # SQLCipher logs a damaged page's HMAC failure to stderr line by line; the
            # person gets the one sentence `translate_error` makes of it instead.
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
            # The first read is where SQLCipher notices a wrong key or a damaged header.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = FULL")
            # A deleted row's bytes are overwritten, not only unlinked: otherwise an erased
            # interview, or an answer's earlier wording, stays in the file's free space,
            # readable to anyone who holds the key and reads the pages themselves.
            conn.execute("PRAGMA secure_delete = ON")
        except BaseException:
            conn.close()
            raise
        return conn

    # The URL names no file (the creator opens it), so say which pool to use: without
    # this SQLAlchemy assumes an in-memory database and shares one connection per thread.
    # hide_parameters: error messages (which reach the log file) never carry answer text.
    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher,
        creator=connect,
        poolclass=QueuePool,
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin_immediately(conn: Any) -> None:
        # IMMEDIATE takes the write lock up front. A deferred BEGIN that later upgrades
        # from reading to writing fails at once with "database is locked" when another
        # thread writes (SQLite skips the busy wait to avoid a deadlock); this way the
        # second writer waits its turn (up to the connect timeout) instead. A block that
        # only reads (`Database.reading`) begins deferred, so it holds no writer up.
        # Straight to the driver: this runs before every transaction, and SQLAlchemy's
        # statement machinery would double the cost of a short one.
        begin = "BEGIN" if conn.info.get(READS_ONLY) else "BEGIN IMMEDIATE"
        conn.connection.dbapi_connection.execute(begin)

    @event.listens_for(engine, "connect")
    def _no_driver_transactions(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None

    return engine


def opens_with(path: Path, data_key: bytes) -> bool:
    """Whether `data_key` opens the database at `path` (after an interrupted key rotation
    only one of two keys does). Reads only; opening may replay the write-ahead log, as
    any first open after a crash does. SQLCipher's own log is silenced (a process-wide
    setting): its lines about the key that does not fit would reach the person's terminal,
    where they read like a failure although this is the expected answer."""
    conn = sqlcipher.connect(str(path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        return False
    finally:
        conn.close()
    return True


def upsert(table: Table) -> Insert:
    """An INSERT that can say `ON CONFLICT … DO UPDATE`, for either database.

    PostgreSQL's construct, because it compiles for SQLite as well (SQLite's compiler
    reads only the conflict target and the SET), while SQLite's own lacks what
    PostgreSQL's compiler asks of it; statements are built once at import, before anyone
    knows which database they will run on."""
    return postgresql_insert(table)


def create_schema(engine: Engine) -> None:
    """Tables of a new database, made by the same migrations an old one goes through; on
    a server too (`is_embedded` False), where Alembic's table alone holds the version."""
    if is_embedded(engine):
        _use_wal(engine)
    with engine.begin() as conn:
        migrations.upgrade(conn)
        if is_embedded(engine):
            conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")


def is_embedded(engine: Engine) -> bool:
    """The SQLCipher file, rather than a database server (PostgreSQL)."""
    return engine.dialect.name == "sqlite"


def schema_version(engine: Engine) -> int:
    with engine.connect() as conn:
        if not is_embedded(engine):
            return migrations.schema_number(conn)
        version: int = conn.exec_driver_sql("PRAGMA user_version").scalar_one()
        return version


def prepare_schema(engine: Engine, folder: DataFolder, *, copy_first: bool = True) -> None:
    """Refuse a damaged database or one written by a newer ExitBot; upgrade an older one.

    `quick_check` reads every page, so a truncated or damaged file is caught at unlock
    rather than in the middle of an interview. Before an upgrade the database and its key
    file are copied into the data folder's `backups/`, so a failed or unwanted upgrade can
    be undone by hand; the upgrade itself is one transaction. Not so with `copy_first`
    False: a station's queue (`station_queue`), a file of its own beside no
    `exitbot.db`. A server's database is checked and upgraded by `prepare_server_schema`
    instead.
    """
    if not is_embedded(engine):
        prepare_server_schema(engine)
        return
    with engine.connect() as conn:
        version = conn.exec_driver_sql("PRAGMA user_version").scalar_one()
        if version > SCHEMA_VERSION or not migrations.knows(conn):
            raise _newer(version)
        if version == 0 or conn.exec_driver_sql("PRAGMA quick_check").scalar_one() != "ok":
            raise DatabaseCorruptError(_corrupt_message(engine))
        current = version == SCHEMA_VERSION and migrations.is_current(conn)
    if not current:
        _upgrade(engine, folder, version, copy_first=copy_first)
    _use_wal(engine)  # a no-op unless an older ExitBot wrote the file


def prepare_server_schema(engine: Engine) -> None:
    """On a database server: refuse a schema from a newer ExitBot, upgrade an older one.

    The schema's version is Alembic's alone there (PostgreSQL has no `user_version`).
    The upgrade is one transaction (PostgreSQL's DDL is transactional), so a failure
    changes nothing; an advisory lock makes stations that unlock at the same moment
    upgrade one after the other, the later ones finding nothing left to do. Backups of a
    server are the organisation's `pg_dump`s, so no copy is made here.
    """
    with engine.connect() as conn:
        if not migrations.knows(conn):
            raise _newer(migrations.schema_number(conn))
        if migrations.schema_number(conn) == 0:
            raise DatabaseMissingError(
                f"The database {engine.url.database} on the server {engine.url.host} holds no "
                "ExitBot tables yet. Set it up first with 'exitbot-desktop init --server URL'."
            )
        current = migrations.is_current(conn)
    if current:
        return
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_UPGRADE_LOCK})")
            migrations.upgrade(conn)
    except Exception as exc:
        raise StoreError(
            f"ExitBot could not upgrade the server's database to schema {SCHEMA_VERSION} "
            f"({exc}). Nothing has been changed. Please tell your IT team; until then, keep "
            "using the previous version of ExitBot at every station."
        ) from exc


def _newer(version: int) -> NewerSchemaError:
    return NewerSchemaError(
        f"This database was written by a newer version of ExitBot (schema {version}, "
        f"this program understands up to {SCHEMA_VERSION}). Install the newer version; "
        "nothing has been changed."
    )


def _upgrade(engine: Engine, folder: DataFolder, version: int, *, copy_first: bool) -> None:
    copy = _copy_before_upgrade(engine, folder, version) if copy_first else None
    try:
        with engine.begin() as conn:
            migrations.upgrade(conn, from_schema=version)
            conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except Exception as exc:
        known = translate_error(exc, folder.db_path)
        if known is not None:
            raise known from exc
        kept = f", and a copy made just before is in {copy}" if copy is not None else ""
        raise StoreError(
            f"ExitBot could not upgrade the database to schema {SCHEMA_VERSION} ({exc}). "
            f"Nothing has been changed{kept}. Please tell your IT team; until then, keep "
            "using the previous version of ExitBot."
        ) from exc


def checkpoint(engine: Engine) -> bool:
    """Fold the WAL into the database file and empty it, so a copy of that file alone is
    complete (we hold the instance lock, so no other process writes meanwhile); False
    when a reader in this process kept it from finishing within the busy timeout."""
    raw = engine.raw_connection()
    try:
        busy = raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    finally:
        raw.close()
    return not busy


def _use_wal(engine: Engine) -> None:
    """Switch the file to WAL (a setting kept in the file), after every read-only check:
    a database that is refused is never changed. Outside a transaction, as SQLite asks."""
    raw = engine.raw_connection()
    try:
        raw.cursor().execute("PRAGMA journal_mode = WAL")
    finally:
        raw.close()


def _copy_before_upgrade(engine: Engine, folder: DataFolder, version: int) -> Path:
    """Database and key file, as they are now, into `backups/before-schema-N-<time>/`."""
    checkpoint(engine)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder.root / "backups" / f"before-schema-{SCHEMA_VERSION}-from-{version}-{stamp}"
    try:
        target.mkdir(parents=True, mode=0o700)
        shutil.copy2(folder.db_path, target / folder.db_path.name)
        shutil.copy2(folder.key_path, target / folder.key_path.name)
    except OSError as exc:
        raise StoreError(
            f"ExitBot must upgrade the database and first copies it to {target}, but cannot "
            f"({exc.strerror or exc}). Nothing has been changed. Free some disk space or make "
            "the data folder writable, then unlock again."
        ) from exc
    return target


def _corrupt_message(engine: Engine) -> str:
    return (
        f"The database {engine.url.database or 'file'} is damaged or is not the one this key "
        "file belongs to. Nothing has been changed. Restore the latest backup "
        "(the database and key file together) or ask IT for help."
    )


def translate_error(exc: BaseException, path: Path) -> StoreError | None:
    """The known SQLite failure behind `exc` as a sentence, or None when it is a bug."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(orig, sqlcipher.Error):
        return None
    message = str(orig).lower()
    if "file is not a database" in message or "malformed" in message:
        return DatabaseCorruptError(
            f"The database {path} is damaged or does not belong to this key file. Nothing has "
            "been changed. Restore the latest backup (database and key file together) or ask IT."
        )
    if "disk is full" in message or "disk full" in message:
        return DiskFullError(
            f"The disk holding {path.parent} is full, so the last change was not saved. "
            "Free some space and try again; earlier answers are safe."
        )
    if "database is locked" in message or "busy" in message:
        return DatabaseLockedError(f"The database {path} is busy. Wait a moment and try again.")
    if "readonly" in message:
        return not_writable(path.parent, str(orig))
    if "unable to open" in message or "disk i/o" in message:
        return StoreError(
            f"ExitBot cannot write to {path} ({orig}), so the last change was not saved; "
            "earlier answers are safe. Check that the disk is not full, that the folder is "
            "writable by this user and that the disk is attached."
        )
    return None
