"""One open database: its SQLAlchemy engine, the data key it reads, and transactions.

Owns `Database`, which every repository shares. `transaction()` is the only way in:
one transaction per block, committed when the block ends and rolled back on error, with
known SQLite failures turned into sentences. Blocks nest: a repository call made inside
another block on the same thread joins it, which is how an import, its analysis and its
audit entry commit all or nothing. Never imports Qt.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from exitbot_desktop.engine.errors import StoreError
from exitbot_desktop.engine.store import db


def locked_error() -> StoreError:
    return StoreError("The database has been locked. Unlock it again with a password.")


class Database:
    def __init__(self, path: Path, engine: Engine, data_key: bytearray) -> None:
        self.path = path
        self.engine = engine
        self._data_key: bytearray | None = data_key
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._open = threading.local()  # this thread's transaction, while a block runs

    @property
    def is_open(self) -> bool:
        return self._data_key is not None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A transaction (the enclosing one when this thread is already in one)."""
        current: Session | None = getattr(self._open, "session", None)
        if current is not None:
            yield current
            return
        if self._data_key is None:
            raise locked_error()
        try:
            with self._sessions.begin() as session:
                self._open.session = session
                try:
                    yield session
                finally:
                    self._open.session = None
        except StoreError:
            raise
        except Exception as exc:
            known = db.translate_error(exc, self.path)
            if known is None:
                raise
            raise known from exc

    def data_key(self) -> bytes:
        if self._data_key is None:
            raise locked_error()
        return bytes(self._data_key)

    def close(self) -> bool:
        """Drop connections and wipe the key; False when it was closed already."""
        if self._data_key is None:
            return False
        key, self._data_key = self._data_key, None
        self.engine.dispose()
        key[:] = bytes(len(key))  # best effort: Python may hold copies we cannot reach
        key.clear()
        return True
