"""Creating, unlocking and closing the data folder: database + key file + lock.

The order of checks is chosen so that no failure changes a byte of the database:
lock first (a second instance stops here), key file next (missing, damaged, wrong
password all stop before SQLCipher sees the file), database last (read-only checks
before anything is written). Never imports Qt.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session, sessionmaker

from exitbot_desktop import paths
from exitbot_desktop.engine import audit
from exitbot_desktop.engine.errors import (
    AlreadyInitialisedError,
    DatabaseMissingError,
    StoreError,
    UnknownAccountError,
)
from exitbot_desktop.engine.store import db
from exitbot_desktop.engine.store.keys import (
    PRODUCTION_KDF,
    RECOVERY_ACCOUNT,
    KdfParams,
    KeyFile,
    new_data_key,
    new_recovery_key,
    normalise_recovery_key,
)
from exitbot_desktop.engine.store.lock import InstanceLock
from exitbot_desktop.engine.store.models import HrAccount, Setting, utcnow


@dataclass(frozen=True)
class DataFolder:
    """The three files that make up one ExitBot installation's data."""

    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / paths.DB_FILE

    @property
    def key_path(self) -> Path:
        return self.root / paths.KEY_FILE

    @property
    def lock_path(self) -> Path:
        return self.root / paths.LOCK_FILE

    def exists(self) -> bool:
        """True once `init` has run here (either file present counts)."""
        return self.db_path.exists() or self.key_path.exists()


class Store:
    """An unlocked database. Close it to release the lock and drop the key."""

    def __init__(
        self,
        folder: DataFolder,
        engine: Engine,
        key_file: KeyFile,
        data_key: bytearray,
        lock: InstanceLock,
        actor: str,
    ) -> None:
        self.folder = folder
        self.engine = engine
        self.key_file = key_file
        self.actor = actor
        self._data_key: bytearray | None = data_key
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on error.

        Known SQLite failures (disk full, damaged file) come out as `StoreError`s.
        """
        if self._data_key is None:
            raise _locked()
        try:
            with self._sessions.begin() as session:
                yield session
        except StoreError:
            raise
        except Exception as exc:
            known = db.translate_error(exc, self.folder.db_path)
            if known is None:
                raise
            raise known from exc

    @property
    def organisation(self) -> str:
        return self.key_file.organisation

    def get_setting(self, key: str, default: object = None) -> object:
        with self.session() as s:
            row = s.get(Setting, key)
            return default if row is None else row.value

    def set_setting(self, key: str, value: object) -> None:
        """Store a setting; None removes it, so readers fall back to their default."""
        with self.session() as s:
            if value is None:
                s.execute(delete(Setting).where(Setting.key == key))
            else:
                s.merge(Setting(key=key, value=value))
            audit.record(s, self.actor, "settings_changed", {"key": key})

    def accounts(self) -> list[str]:
        return self.key_file.accounts

    def add_account(self, name: str, password: str, kdf: KdfParams = PRODUCTION_KDF) -> None:
        """A new HR officer; only the key file changes (the database is not re-encrypted)."""
        name = _check_account_name(name)
        if name in self.key_file.wraps:
            raise UnknownAccountError(f"An HR account called '{name}' already exists.")
        _check_password(password)
        self.key_file.wrap(name, password, self._key(), kdf)
        self.key_file.save()
        with self.session() as s:
            s.add(HrAccount(name=name))
            audit.record(s, self.actor, "account_added", {"account": name})

    def set_password(self, name: str, password: str, kdf: KdfParams = PRODUCTION_KDF) -> None:
        """Rewrap the data key for `name` under a new password."""
        if name not in self.key_file.accounts:
            raise UnknownAccountError(f"There is no HR account called '{name}'.")
        _check_password(password)
        self.key_file.wrap(name, password, self._key(), kdf)
        self.key_file.save()
        audit.record(self, self.actor, "password_changed", {"account": name})

    def _key(self) -> bytes:
        if self._data_key is None:
            raise _locked()
        return bytes(self._data_key)

    def close(self) -> None:
        """Drop connections, forget the key, release the lock. Safe to call twice."""
        if self._data_key is None:
            return
        key, self._data_key = self._data_key, None
        self.engine.dispose()
        key[:] = bytes(len(key))  # best effort: Python may hold copies we cannot reach
        key.clear()
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


MIN_PASSWORD_LENGTH = 10


def _locked() -> StoreError:
    return StoreError("The database has been locked. Unlock it again with a password.")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise StoreError(
            f"The password must have at least {MIN_PASSWORD_LENGTH} characters; a short "
            "sentence you can remember works well."
        )


def _check_account_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 100 or name == RECOVERY_ACCOUNT or not name.isprintable():
        raise StoreError("An HR account name must be 1 to 100 printable characters.")
    return name


def create(
    folder: DataFolder,
    *,
    organisation: str,
    user: str,
    password: str,
    kdf: KdfParams = PRODUCTION_KDF,
) -> tuple[Store, str]:
    """Set up a new encrypted database. Returns the open store and the recovery key.

    The recovery key is shown once; ExitBot keeps only its wrap.
    """
    if folder.exists():
        raise AlreadyInitialisedError(
            f"There is already an ExitBot database in {folder.root}. To start over, move "
            "that folder away first (it holds all interviews)."
        )
    user = _check_account_name(user)
    _check_password(password)
    folder.root.mkdir(parents=True, exist_ok=True)
    lock = InstanceLock(folder.lock_path)
    lock.acquire()
    try:
        data_key = bytearray(new_data_key())
        recovery_key = new_recovery_key()
        key_file = KeyFile(path=folder.key_path, organisation=organisation.strip())
        key_file.wrap(user, password, bytes(data_key), kdf)
        key_file.wrap(RECOVERY_ACCOUNT, recovery_key, bytes(data_key), kdf)
        engine = db.open_engine(folder.db_path, data_key)
        db.prepare_schema(engine, create=True)
        key_file.save()
        store = Store(folder, engine, key_file, data_key, lock, actor=user)
        with store.session() as s:
            s.add(HrAccount(name=user, last_login_at=utcnow()))
            audit.record(s, user, "database_created", {"organisation": organisation.strip()})
    except BaseException:
        lock.release()
        raise
    return store, recovery_key


def unlock(folder: DataFolder, *, user: str, password: str) -> Store:
    """Open with an HR account's password."""
    return _open(folder, user, "password", lambda key_file: key_file.unwrap(user, password))


def unlock_with_recovery_key(folder: DataFolder, recovery_key: str) -> Store:
    """Open with the printed recovery key (then set a new password with `set_password`)."""
    secret = normalise_recovery_key(recovery_key)
    return _open(
        folder,
        "recovery",
        "recovery_key",
        lambda key_file: key_file.unwrap(RECOVERY_ACCOUNT, secret),
    )


def _open(folder: DataFolder, actor: str, method: str, unwrap: Callable[[KeyFile], bytes]) -> Store:
    if not folder.db_path.exists():
        if not folder.key_path.exists():
            raise DatabaseMissingError(
                f"There is no ExitBot database in {folder.root} yet. Run "
                "'exitbot-desktop init' (or start the app) to set one up."
            )
        raise DatabaseMissingError(
            f"The database file {folder.db_path} is missing although its key file is there. "
            "Restore the latest backup (the database and key file together)."
        )
    lock = InstanceLock(folder.lock_path)
    lock.acquire()
    try:
        key_file = KeyFile.load(folder.key_path)
        data_key = bytearray(unwrap(key_file))
        engine = db.open_engine(folder.db_path, data_key)
        try:
            db.prepare_schema(engine, create=False)
        except StoreError:
            engine.dispose()
            raise
        except Exception as exc:
            engine.dispose()
            known = db.translate_error(exc, folder.db_path)
            if known is None:
                raise
            raise known from exc
        store = Store(folder, engine, key_file, data_key, lock, actor=actor)
        with store.session() as s:
            account = s.scalar(select(HrAccount).where(HrAccount.name == actor))
            if account is not None:
                account.last_login_at = utcnow()
            audit.record(s, actor, "login", {"method": method})
    except BaseException:
        lock.release()
        raise
    return store
