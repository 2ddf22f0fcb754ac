"""One open database: its SQLAlchemy engine, the data key it reads, and transactions.

Owns `Database`, which every repository shares. A transaction is a block: committed when
it ends, rolled back on error, with known SQLite failures turned into sentences. Blocks
nest: a repository call made inside another block on the same thread joins it, which is
how an import, its analysis and its audit entry commit all or nothing. A block is a Core
connection; an ORM session is bound to it only when a repository asks for one, because
the writes an employee waits on are driver statements (`driver.py`, run through
`driver_cursor`) and a session costs a third of a millisecond to set up. Never imports Qt.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Dialect, Engine, bindparam, select
from sqlalchemy.orm import Session

from exitbot_desktop.engine.errors import DataKeyChangedError, StoreError
from exitbot_desktop.engine.store import db, server_connection
from exitbot_desktop.engine.store.driver import DriverStatement
from exitbot_desktop.engine.store.models import Base, Setting
from exitbot_desktop.engine.store.sealing import KEY_ID_SETTING, ColumnSealer

_log = logging.getLogger(__name__)
_SETTINGS = Base.metadata.tables[Setting.__tablename__]
_SEALING_KEY = DriverStatement(
    select(_SETTINGS.c.value).where(_SETTINGS.c.key == bindparam("key")).with_for_update(read=True)
)


def locked_error() -> StoreError:
    return StoreError("The database has been locked. Unlock it again with a password.")


@dataclass
class _Block:
    """This thread's open transaction."""

    connection: Connection
    session: Session | None = None


class Database:
    """The SQLCipher file, or a station's database server (PostgreSQL, through an engine
    from `server_connection.open_server_engine`). `path` is the file sentences name: the
    database file, or for a server the station's `server.json`."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        data_key: bytearray,
        *,
        sealer: ColumnSealer | None = None,
    ) -> None:
        self.path = path
        self.engine = engine
        # Set where the database is a server that must not read the answers (`sealing.py`);
        # None for the embedded file, which SQLCipher encrypts as a whole.
        self.sealer = sealer
        self._data_key: bytearray | None = data_key
        self._local = threading.local()

    def seal(self, table: str, column: str, row_id: int, value: Any) -> Any:
        """`value` as this database stores it in that row and column: sealed on a server,
        unchanged in the embedded file.

        Inside a transaction only: on a server, that transaction then checks before it
        commits that the server's values are still sealed under this station's data key
        (another station may have rotated it since this one was unlocked); if not, it
        fails with `DataKeyChangedError` and nothing is written.
        """
        if self.sealer is None:
            return value
        self.guard_key()
        return self.sealer.seal(table, column, row_id, value)

    def guard_key(self) -> None:
        """On a server: this thread's transaction checks, just before it commits, that the
        server's values are still sealed under this station's data key, and fails with
        `DataKeyChangedError` if not. For writes bound to the key other than sealed
        values: the audit chain's keyed hashes. Nothing on the embedded file."""
        if self.sealer is not None:
            self.before_commit("sealing_key", self._require_sealing_key)

    def key_is_current(self, cursor: Any) -> bool:
        """Whether the server still names this station's data key as the one its values
        are sealed under (a store from before key ids names none). FOR SHARE: a rotation
        (which locks the row for update) waits for this transaction, and this one for a
        rotation under way."""
        assert self.sealer is not None
        rows = _SEALING_KEY.rows(cursor, self.dialect, {"key": KEY_ID_SETTING})
        return not rows or rows[0][0] == self.sealer.key_id

    def _require_sealing_key(self, cursor: Any, _ids: set[int]) -> None:
        """The check `seal` asks for."""
        if not self.key_is_current(cursor):
            raise DataKeyChangedError(
                "The organisation's data key was changed at another station since this one "
                "was unlocked, so this change was not saved (interviews taken here wait in "
                "this station's queue). Lock ExitBot and unlock it again with your password."
            )

    def unseal(self, table: str, column: str, row_id: int, stored: Any) -> Any:
        """The value `seal` stored (see `ColumnSealer.unseal` for what it refuses)."""
        if self.sealer is None:
            return stored
        return self.sealer.unseal(table, column, row_id, stored)

    @property
    def is_open(self) -> bool:
        return self._data_key is not None

    @contextlib.contextmanager
    def connection(self) -> Iterator[Connection]:
        """A Core connection in a transaction (the enclosing one when this thread is in one)."""
        with self._block() as block:
            yield block.connection

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """A Core connection for reads that must see one moment's state and never hold a
        writer up: on the SQLCipher file a deferred transaction, which in WAL mode neither
        waits for the writer nor makes it wait (a station's delivery reads its queue so
        while the employee answers); on a server an ordinary block."""
        if not db.is_embedded(self.engine):
            with self.connection() as conn:
                yield conn
            return
        if self._data_key is None:
            raise locked_error()
        with self._failures_as_sentences(), self.engine.connect() as conn:
            conn.info[db.READS_ONLY] = True
            try:
                with conn.begin():
                    yield conn
            finally:
                conn.info.pop(db.READS_ONLY, None)

    @contextlib.contextmanager
    def shared_snapshot(self, count: int) -> Iterator[list[Any]]:
        """`count` driver cursors on a database server, each in a read-only transaction of
        its own on a connection of its own, all seeing one and the same moment (an
        exported snapshot): statements run on them at once, from several threads, use
        several of the server's processors and still agree with each other. Rolled back
        at the end; failures leave as sentences."""
        if self._data_key is None:
            raise locked_error()
        with self._failures_as_sentences(), contextlib.ExitStack() as opened:
            cursors: list[Any] = []
            snapshot = ""
            for _ in range(count):
                pooled = self.engine.raw_connection()
                opened.callback(pooled.close)
                opened.callback(_roll_back, pooled)
                pooled.rollback()  # a fresh transaction, whatever checking it out ran
                cursor: Any = pooled.cursor()
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                if not snapshot:
                    cursor.execute("SELECT pg_export_snapshot()")
                    snapshot = str(cursor.fetchone()[0])
                else:  # the server's own name for it, e.g. 00000003-0000001B-1: no quotes
                    cursor.execute(f"SET TRANSACTION SNAPSHOT '{snapshot}'")
                cursors.append(cursor)
            yield cursors

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """An ORM session in a transaction (the enclosing one when this thread is in one).

        What the session changed is flushed when the block ends, so it commits with the
        rest of the transaction.
        """
        with self._block() as block:
            if block.session is None:
                block.session = Session(bind=block.connection, expire_on_commit=False)
            yield block.session
            block.session.flush()

    @contextlib.contextmanager
    def driver_cursor(self) -> Iterator[Any]:
        """The driver's own cursor in a transaction (the enclosing one when this thread is
        in one), for `DriverStatement`s: the writes an employee waits on.

        Alone, it is BEGIN IMMEDIATE … COMMIT on a pooled connection with nothing of
        SQLAlchemy's transaction machinery around it; failures become the same sentences
        as a block's, and a failed statement or COMMIT rolls everything back.
        """
        current: _Block | None = getattr(self._local, "block", None)
        if current is not None:
            yield current.connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            return
        if self._data_key is None:
            raise locked_error()
        if not db.is_embedded(self.engine):
            with self._server_cursor() as cursor:
                yield cursor
            return
        pooled = self.engine.raw_connection()
        try:
            with self._failures_as_sentences():
                cursor = pooled.cursor()
                cursor.execute("BEGIN IMMEDIATE")
                self._local.pending, self._local.committed = {}, {}
                try:
                    yield cursor
                    self._run_pending(cursor)
                    cursor.execute("COMMIT")
                    committed = self._local.committed
                finally:
                    self._local.pending = self._local.committed = None
                    if pooled.dbapi_connection.in_transaction:  # type: ignore[union-attr]
                        cursor.execute("ROLLBACK")
        finally:
            pooled.close()
        _run_committed(committed)

    @contextlib.contextmanager
    def _server_cursor(self) -> Iterator[Any]:
        """`driver_cursor` on a database server: psycopg opens the transaction at the first
        statement (no BEGIN IMMEDIATE: PostgreSQL locks rows, not the database), and the
        connection commits or rolls back. A connection the server dropped is discarded
        rather than returned to the pool."""
        committed: dict[str, Callable[[], None]] | None = None
        with self._failures_as_sentences():
            pooled = self.engine.raw_connection()  # reconnecting can fail too
            try:
                cursor = pooled.cursor()
                self._local.pending, self._local.committed = {}, {}
                try:
                    yield cursor
                    self._run_pending(cursor)
                    pooled.commit()
                    committed = self._local.committed
                finally:
                    self._local.pending = self._local.committed = None
                    if committed is None:
                        _roll_back(pooled)
            finally:
                pooled.close()
        _run_committed(committed or {})

    def integrity_problems(self) -> list[str]:
        """What SQLite's full `integrity_check` and SQLCipher's `cipher_integrity_check`
        (every page's HMAC) find wrong; empty for a sound database. Reads every page, so
        it is for `check` and the crash test, not for unlocking. A database server checks
        its own pages (`data_checksums`), so there this finds nothing."""
        if not db.is_embedded(self.engine):
            return []
        with self.connection() as conn:
            problems = [
                str(row) for (row,) in conn.exec_driver_sql("PRAGMA integrity_check") if row != "ok"
            ]
            problems += [
                str(row[0]) for row in conn.exec_driver_sql("PRAGMA cipher_integrity_check")
            ]
        return problems

    @property
    def dialect(self) -> Dialect:
        return self.engine.dialect

    def before_commit(self, name: str, action: Callable[[Any, set[int]], None]) -> set[int]:
        """The set of ids that `action(cursor, ids)` receives just before this thread's
        transaction commits: one set per `name` and transaction.

        For work that must commit with the changes that caused it but is worth doing only
        once however many changes there were (an interview's digest after its answers
        and their analysis were written). A transaction that fails runs nothing.
        """
        pending: dict[str, tuple[Callable[[Any, set[int]], None], set[int]]] | None = getattr(
            self._local, "pending", None
        )
        if pending is None:
            raise RuntimeError("before_commit() needs an open transaction")
        if name not in pending:
            pending[name] = (action, set())
        return pending[name][1]

    def after_commit(self, name: str, action: Callable[[], None]) -> None:
        """Run `action()` once this thread's transaction has committed (never when it fails);
        a later registration under the same `name` replaces an earlier one.

        For what must follow a commit outside the database: the audit chain's head in the
        key file (see `store.audit_log`).
        """
        committed: dict[str, Callable[[], None]] | None = getattr(self._local, "committed", None)
        if committed is None:
            raise RuntimeError("after_commit() needs an open transaction")
        committed[name] = action

    def drop_old_pages(self) -> None:
        """After an erasure has committed: on the embedded file, fold the write-ahead log
        into the database and empty it, since until then it holds the erased rows' pages
        as they were before (the file itself has them overwritten: `secure_delete`).
        Waits up to the connection's busy timeout for readers to finish; if one is still
        reading, the log is emptied at a later checkpoint, and the erasure stands either
        way. A server keeps deleted rows until it vacuums them; there they are sealed."""
        if not db.is_embedded(self.engine) or self._data_key is None:
            return
        try:
            emptied = db.checkpoint(self.engine)
        except Exception:
            _log.warning("could not empty the write-ahead log after an erasure", exc_info=True)
            return
        if not emptied:
            _log.warning("the write-ahead log still holds pages from before an erasure")

    def _run_pending(self, cursor: Any) -> None:
        pending = self._local.pending
        while pending:  # an action may register more work
            action, ids = pending.pop(next(iter(pending)))
            action(cursor, ids)

    @contextlib.contextmanager
    def _block(self) -> Iterator[_Block]:
        current: _Block | None = getattr(self._local, "block", None)
        if current is not None:
            yield current
            return
        if self._data_key is None:
            raise locked_error()
        with self._failures_as_sentences(), self.engine.begin() as connection:
            block = self._local.block = _Block(connection)
            self._local.pending, self._local.committed = {}, {}
            committed: dict[str, Callable[[], None]] = self._local.committed
            try:
                yield block
                self._run_pending(connection.connection.dbapi_connection.cursor())  # type: ignore[union-attr]
            finally:
                self._local.block = self._local.pending = self._local.committed = None
                if block.session is not None:
                    block.session.close()
        _run_committed(committed)  # reached only when the block committed

    @contextlib.contextmanager
    def _failures_as_sentences(self) -> Iterator[None]:
        """Known SQLite and server failures leave as `StoreError` sentences; anything else
        is a bug."""
        try:
            yield
        except StoreError:
            raise
        except Exception as exc:
            if db.is_embedded(self.engine):
                known = db.translate_error(exc, self.path)
            else:
                known = server_connection.translate_error(exc, self.engine.url)
            if known is None:
                raise
            raise known from exc

    def data_key(self) -> bytes:
        if self._data_key is None:
            raise locked_error()
        return bytes(self._data_key)

    def replace_key(self, data_key: bytes) -> None:
        """After `PRAGMA rekey` (`store.rotation`): new connections use `data_key`; the old
        ones, keyed with the old key, are dropped."""
        if self._data_key is None:
            raise locked_error()
        self.engine.dispose()
        self._data_key[:] = data_key  # the same buffer the engine's connect() reads

    def close(self) -> bool:
        """Drop connections and wipe the key; False when it was closed already."""
        if self._data_key is None:
            return False
        key, self._data_key = self._data_key, None
        self.engine.dispose()
        server_connection.forget_password(self.engine)  # a server's, when there is one
        key[:] = bytes(len(key))  # best effort: Python may hold copies we cannot reach
        key.clear()
        return True


def _run_committed(actions: dict[str, Callable[[], None]]) -> None:
    for action in actions.values():
        action()


def _roll_back(pooled: Any) -> None:
    """Roll back a server transaction; a connection too broken even for that (the server
    went away) is discarded, and the failure that broke it is what the person hears of."""
    try:
        pooled.rollback()
    except Exception:
        pooled.invalidate()
