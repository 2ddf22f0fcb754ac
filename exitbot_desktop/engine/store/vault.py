"""Creating, unlocking and closing the data folder: database + key file + lock.

Owns `Store` (an unlocked database and its repositories) and `create`, `unlock`,
`unlock_with_recovery_key` and `recover`, which the CLI and the app share. Every password
or recovery key tried goes through `UnlockAttempts` first: after five wrong ones in a row
an account must wait before the next try, and the failures reach the audit log. The order of
checks is chosen so that no failure changes a byte of the database: lock first (a second
instance stops here), key file next (missing, damaged, wrong password all stop before
SQLCipher sees the file), database last (read-only checks before anything is written;
an older schema is copied before it is upgraded). Unlocking also finishes a key rotation
a crash cut short (`rotation`) and verifies the audit log before its "login" entry
(`AuditLog.open`). `Store` carries the account actions an accounts page calls, one
method each: `account_list`, `add_account`, `remove_account`, `change_own_password`,
`set_password`, `reset_password_with_recovery_key`, `replace_recovery_key`. Never
imports Qt.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select

from exitbot_desktop.engine.errors import (
    AlreadyInitialisedError,
    LastAccountError,
    StoreError,
    UnknownAccountError,
    WrongPasswordError,
)
from exitbot_desktop.engine.passwords import require_strong_password
from exitbot_desktop.engine.store import db, delivery, server_station, station_queue
from exitbot_desktop.engine.store.analysis import AnalysisRepository
from exitbot_desktop.engine.store.audit_log import AuditLog
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.digests import Digests
from exitbot_desktop.engine.store.figure_queries import FigureQueries
from exitbot_desktop.engine.store.folder import DataFolder, create_private_file
from exitbot_desktop.engine.store.interview_list import InterviewListReader
from exitbot_desktop.engine.store.interview_store import InterviewStore
from exitbot_desktop.engine.store.interviews import InterviewRepository
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
from exitbot_desktop.engine.store.models import HrAccount, utcnow
from exitbot_desktop.engine.store.question_sets import QuestionSetRepository
from exitbot_desktop.engine.store.report_rows import ReportReader
from exitbot_desktop.engine.store.rotation import finish_interrupted_rotation
from exitbot_desktop.engine.store.setting_values import SettingsRepository
from exitbot_desktop.engine.store.unlock_attempts import UnlockAttempts

SCHEMA_VERSION = db.SCHEMA_VERSION  # the newest schema this program writes


@dataclass(frozen=True)
class AccountInfo:
    """One HR account as an accounts page lists it (the key file is the authority on who
    exists; the database adds the dates)."""

    name: str
    created_at: datetime | None
    last_login_at: datetime | None


class Store:
    """An unlocked database and its repositories. Close it to release the lock and drop the key."""

    def __init__(
        self,
        folder: DataFolder,
        database: Database,
        key_file: KeyFile,
        lock: InstanceLock,
        actor: str,
    ) -> None:
        self.folder = folder
        self.database = database  # for the store's own modules and tests
        self.key_file = key_file
        self.actor = actor
        self._lock = lock
        self.audit = AuditLog(database, key_file, actor)
        self.settings = SettingsRepository(database, self.audit)
        self.question_sets = QuestionSetRepository(database)
        self.digests = Digests(database)
        self.interviews = InterviewRepository(database, self.audit, self.digests)
        self.analysis = AnalysisRepository(database, self.digests, self.audit)
        self.reports = ReportReader(database)
        self.figures = FigureQueries(database)
        self.interview_list = InterviewListReader(database)
        self.queue: station_queue.StationQueue | None = None  # at a server's station

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Repository calls made in this block commit together, or not at all.

        A plain block: a repository that needs an ORM session opens one inside it, so
        the answer flow, whose writes are all driver statements, never pays for one.
        """
        with self.database.connection():
            yield

    @property
    def organisation(self) -> str:
        return self.key_file.organisation

    @property
    def on_server(self) -> bool:
        """A station of a central server (`server_station`): no database file here."""
        return self.database.dialect.name == "postgresql"

    @property
    def interview_store(self) -> InterviewStore:
        """Where an employee's interview is written: this store, or at a station of a
        central server its queue (`station_queue`), delivered from there by `deliver`."""
        return self.queue if self.queue is not None else self

    def deliver(self) -> int:
        """Send this station's queued interviews to its server (`delivery`); returns how
        many went. Nothing to do on the embedded file. A server out of reach raises its
        sentence, and the interviews stay queued for the next try."""
        if self.queue is None:
            return 0
        sent = delivery.deliver(
            self.queue.database, self.database, self.digests, self.question_sets, self.audit
        )
        self.queue.prune()
        return sent

    def schema_version(self) -> int:
        return db.schema_version(self.database.engine)

    def accounts(self) -> list[str]:
        return self.key_file.accounts

    def account_list(self) -> list[AccountInfo]:
        """The HR accounts with when they were added and last unlocked, by name."""
        with self.database.transaction() as s:
            rows = {row.name: row for row in s.scalars(select(HrAccount))}
        return [
            AccountInfo(
                name,
                rows[name].created_at if name in rows else None,
                rows[name].last_login_at if name in rows else None,
            )
            for name in self.key_file.accounts
        ]

    def add_account(self, name: str, password: str, kdf: KdfParams = PRODUCTION_KDF) -> None:
        """A new HR officer; only the key file changes (the database is not re-encrypted)."""
        name = check_account_name(name)
        if name in self.key_file.wraps:
            raise UnknownAccountError(f"An HR account called '{name}' already exists.")
        self._require_strong(name, password)
        self.key_file.wrap(name, password, self.database.data_key(), kdf)
        self.key_file.save()
        with self.database.transaction() as s:
            s.add(HrAccount(name=name))
            self.audit.record("account_added", {"account": name})

    def remove_account(self, name: str) -> None:
        """An HR officer leaves: their wrap goes from the key file, never the last one.

        Their password no longer opens this key file; an old copy of the key file still
        would, which is what `rotation.rotate_data_key` is for.
        """
        if name not in self.key_file.accounts:
            raise UnknownAccountError(f"There is no HR account called '{name}'.")
        if len(self.key_file.accounts) == 1:
            raise LastAccountError(
                f"'{name}' is the only HR account, and without one nobody could unlock the "
                "database. Add another account first, then remove this one."
            )
        with self.database.transaction() as s:
            s.execute(delete(HrAccount).where(HrAccount.name == name))
            self.audit.record("account_removed", {"account": name})
            wrap = self.key_file.wraps.pop(name)
            try:  # inside the transaction: a key file that cannot be written changes nothing
                self.key_file.save()
            except BaseException:
                self.key_file.wraps[name] = wrap
                raise

    def set_password(self, name: str, password: str, kdf: KdfParams = PRODUCTION_KDF) -> None:
        """Rewrap the data key for `name` under a new password."""
        if name not in self.key_file.accounts:
            raise UnknownAccountError(f"There is no HR account called '{name}'.")
        self._require_strong(name, password)
        self.key_file.wrap(name, password, self.database.data_key(), kdf)
        self.key_file.save()
        self.audit.record("password_changed", {"account": name})

    def change_own_password(self, current: str, new: str, kdf: KdfParams = PRODUCTION_KDF) -> None:
        """The acting officer's new password, after proving the current one (a station
        left unlocked must not let a passer-by take the account)."""
        if not self.key_file.has_wrap_for(self.actor, current):
            raise WrongPasswordError(
                f"The current password for '{self.actor}' is not right. Nothing was changed."
            )
        self.set_password(self.actor, new, kdf)

    def reset_password_with_recovery_key(
        self, account: str, recovery_key: str, new: str, kdf: KdfParams = PRODUCTION_KDF
    ) -> None:
        """Another officer's lost password, replaced on proof of the printed recovery key."""
        if not self.key_file.has_wrap_for(RECOVERY_ACCOUNT, normalise_recovery_key(recovery_key)):
            raise WrongPasswordError(
                "That recovery key does not open this database, so no password was changed. "
                "Check it against the printed copy: 8 groups of 5 letters and digits."
            )
        with self.database.transaction():
            self.set_password(account, new, kdf)
            self.audit.record("password_reset_with_recovery_key", {"account": account})

    def replace_recovery_key(self, kdf: KdfParams = PRODUCTION_KDF) -> str:
        """A new recovery key, returned once to be shown or written; the old one stops
        working when this returns (its wrap is overwritten in the key file)."""
        recovery_key = new_recovery_key()
        with self.database.transaction():
            self.audit.record("recovery_key_replaced", {})
            old = self.key_file.wraps[RECOVERY_ACCOUNT]
            self.key_file.wrap(RECOVERY_ACCOUNT, recovery_key, self.database.data_key(), kdf)
            try:  # inside the transaction: the entry commits only with the new key file
                self.key_file.save()
            except BaseException:
                self.key_file.wraps[RECOVERY_ACCOUNT] = old
                raise
        return recovery_key

    def _require_strong(self, account: str, password: str) -> None:
        require_strong_password(password, context=(account, self.organisation))

    def confirm_password(self, name: str, password: str, *, action: str) -> None:
        """An HR officer proves who they are while the database is open (to leave interview
        mode, to close the app during an interview); `action` goes to the audit log with
        the account.

        `WrongPasswordError` unless `password` is `name`'s, and `UnlockThrottledError`
        while the account must wait: the same count as unlocking (`UnlockAttempts`). The
        unwrapped key is dropped at once.
        """
        attempts = UnlockAttempts(self.folder.attempts_path)
        attempts.check(name)
        try:
            self.key_file.unwrap(name, password)
        except WrongPasswordError as exc:
            error = attempts.failed(name, "password", exc)
            _audit_attempts(self, attempts)
            raise error from None
        attempts.succeeded(name)
        with self.database.transaction():
            self.audit.record(action, {"account": name})

    def close(self) -> None:
        """Drop connections, forget the key, release the lock. Safe to call twice."""
        if self.queue is not None:
            self.queue.close()
        if self.database.close():
            self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def check_account_name(name: str) -> str:
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
    user = check_account_name(user)
    require_strong_password(password, context=(user, organisation))
    folder.make_private()
    lock = InstanceLock(folder.lock_path)
    lock.acquire()
    try:
        data_key = bytearray(new_data_key())
        recovery_key = new_recovery_key()
        key_file = _first_key_file(
            folder, organisation, user, password, recovery_key, bytes(data_key), kdf
        )
        create_private_file(folder.db_path)
        engine = db.open_engine(folder.db_path, data_key)
        db.create_schema(engine)
        key_file.save()
        store = Store(folder, Database(folder.db_path, engine, data_key), key_file, lock, user)
        _record_creation(store, user, organisation)
    except BaseException:
        lock.release()
        raise
    return store, recovery_key


def create_on_server(
    folder: DataFolder,
    url: str,
    server_password: str,
    *,
    organisation: str,
    user: str,
    password: str,
    kdf: KdfParams = PRODUCTION_KDF,
) -> tuple[Store, str]:
    """`create`, with the tables on a central PostgreSQL server (`init --server`): this
    data folder becomes its first station. Returns the open store and the recovery key."""
    user = check_account_name(user)
    require_strong_password(password, context=(user, organisation))
    recovery_key = new_recovery_key()

    def key_file_for(station: DataFolder, data_key: bytes) -> KeyFile:
        return _first_key_file(station, organisation, user, password, recovery_key, data_key, kdf)

    station = server_station.init_server(folder, url, server_password, key_file_for=key_file_for)
    store = _station_store(folder, station, user)
    try:
        _record_creation(store, user, organisation)
    except BaseException:
        store.close()
        raise
    return store, recovery_key


def join_server(
    folder: DataFolder, url: str, server_password: str, *, user: str, password: str
) -> Store:
    """Make this data folder another station of a central server's store (`join
    --server`); `user`'s HR password proves the station may join."""
    station = server_station.join_server(folder, url, server_password, user=user, password=password)
    store = _station_store(folder, station, user)
    try:
        _opened(store, user, "join", UnlockAttempts(folder.attempts_path))
    except BaseException:
        store.close()
        raise
    return store


def _first_key_file(
    folder: DataFolder,
    organisation: str,
    user: str,
    password: str,
    recovery_key: str,
    data_key: bytes,
    kdf: KdfParams,
) -> KeyFile:
    """A new store's key file: the data key wrapped for its first account and the
    recovery key (not saved yet)."""
    key_file = KeyFile(path=folder.key_path, organisation=organisation.strip())
    key_file.wrap(user, password, data_key, kdf)
    key_file.wrap(RECOVERY_ACCOUNT, recovery_key, data_key, kdf)
    return key_file


def _record_creation(store: Store, user: str, organisation: str) -> None:
    """The first HR account's row and the audit log's first entry, in one transaction."""
    with store.database.transaction() as s:
        s.add(HrAccount(name=user, last_login_at=utcnow()))
        store.audit.record("database_created", {"organisation": organisation.strip()})


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


def recover(
    folder: DataFolder,
    recovery_key: str,
    account: str,
    new_password: str,
    kdf: KdfParams = PRODUCTION_KDF,
) -> Store:
    """Open with the recovery key and give `account` a new password; the store stays open
    (the CLI closes it, the app carries on unlocked). The recovery key stays valid."""
    store = unlock_with_recovery_key(folder, recovery_key)
    try:
        store.set_password(account, new_password, kdf)
    except BaseException:
        store.close()
        raise
    return store


def _open(folder: DataFolder, actor: str, method: str, unwrap: Callable[[KeyFile], bytes]) -> Store:
    if folder.server_path.exists():
        return _open_station(folder, actor, method, unwrap)
    folder.require_database()
    folder.require_writable()
    folder.make_private()
    lock = InstanceLock(folder.lock_path)
    lock.acquire()
    try:
        key_file = KeyFile.load(folder.key_path)
        attempts = UnlockAttempts(folder.attempts_path)
        data_key = bytearray(_counted(attempts, actor, method, unwrap)(key_file))
        key_file, data_key = finish_interrupted_rotation(folder, key_file, data_key, unwrap)
        engine = db.open_engine(folder.db_path, data_key)
        try:
            db.prepare_schema(engine, folder)
        except StoreError:
            engine.dispose()
            raise
        except Exception as exc:
            engine.dispose()
            known = db.translate_error(exc, folder.db_path)
            if known is None:
                raise
            raise known from exc
        store = Store(folder, Database(folder.db_path, engine, data_key), key_file, lock, actor)
        _opened(store, actor, method, attempts)
    except BaseException:
        lock.release()
        raise
    return store


def _open_station(
    folder: DataFolder, actor: str, method: str, unwrap: Callable[[KeyFile], bytes]
) -> Store:
    """A station of a central server (`server_station`): the same checks and records."""
    folder.require_writable()
    folder.make_private()
    attempts = UnlockAttempts(folder.attempts_path)
    station = server_station.open_station(folder, _counted(attempts, actor, method, unwrap))
    store = _station_store(folder, station, actor)
    try:
        _opened(store, actor, method, attempts)
    except BaseException:
        store.close()
        raise
    return store


def _station_store(folder: DataFolder, station: server_station.Station, actor: str) -> Store:
    """The `Store` of an open station, with its queue (`station_queue`)."""
    store = Store(folder, station.database, station.key_file, station.lock, actor)
    try:
        store.queue = station_queue.open_queue(
            folder, station.database.data_key(), store.audit, earlier_key=station.earlier_key
        )
    except BaseException:
        store.close()
        raise
    return store


def _counted(
    attempts: UnlockAttempts, actor: str, method: str, unwrap: Callable[[KeyFile], bytes]
) -> Callable[[KeyFile], bytes]:
    """`unwrap`, with a wrong password counted (and waited for) per account."""

    def counted(key_file: KeyFile) -> bytes:
        attempts.check(actor)
        try:
            data_key = unwrap(key_file)
        except WrongPasswordError as exc:
            raise attempts.failed(actor, method, exc) from None
        attempts.succeeded(actor)
        return data_key

    return counted


def _opened(store: Store, actor: str, method: str, attempts: UnlockAttempts) -> None:
    """What every unlock records: the audit log checked, the login, earlier wrong
    passwords; then any missing digests built."""
    verdict = store.audit.open()
    with store.database.transaction() as s:
        account = s.scalar(select(HrAccount).where(HrAccount.name == actor))
        if account is not None:
            account.last_login_at = utcnow()
        store.audit.record("login", {"method": method})
        if not verdict.ok:  # in the log itself, so the finding outlives this session
            store.audit.record(
                "audit_verification_failed",
                {"position": verdict.position, "entries": verdict.entries},
            )
    _audit_attempts(store, attempts)
    store.digests.build_missing()  # after an upgrade to schema 4, or a new FORMAT


def _audit_attempts(store: Store, attempts: UnlockAttempts) -> None:
    """Move the wrong passwords and waits noted outside the database into its audit log."""
    events = attempts.pending()
    if not events:
        return
    with store.database.transaction():
        for action, detail in events:
            store.audit.record(action, detail)
    attempts.forget()
