"""A station of a central PostgreSQL store: making the server's store, joining it, opening it.

Owns `init_server`, `join_server` and `open_station`, which `vault` turns into a `Store`.
A station's data folder holds:
- `server.json`: where the server is (`server_connection`), never a password;
- `exitbot.keys.json`: the organisation's key file (the data key wrapped under each HR
  password and the recovery key), a copy of the one the server keeps in its settings
  table (`server_key_file`), so a station opens with an HR password before it can reach
  the server; it is refreshed from the server at every unlock, and every change a
  station makes (an account, a password, the audit head) is sent to the server;
- `server.password` (0600): the database role's password sealed under the data key
  (`sealing.py`), so it is never on disk in clear and opens only once an HR password
  has opened the data key.

Joining needs the database password, once, and an HR account whose password opens the
server's key file: the first proves the station may reach the server, the second that
an HR officer lets it in. Everything the station then stores there is sealed
(`Database.sealer`). Never imports Qt.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, inspect, select

from exitbot_desktop.engine import files
from exitbot_desktop.engine.errors import (
    AlreadyInitialisedError,
    DataKeyChangedError,
    KeyFileMissingError,
    ServerSettingsError,
    StoreError,
)
from exitbot_desktop.engine.store import db, server_connection
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import KeyFile, new_data_key
from exitbot_desktop.engine.store.lock import InstanceLock
from exitbot_desktop.engine.store.models import Base, Setting
from exitbot_desktop.engine.store.sealing import KEY_ID_SETTING, ColumnSealer

KEY_FILE_SETTING = "server_key_file"  # the key file's document, in the server's settings
PASSWORD_FILE = "server.password"
_SETTINGS = Base.metadata.tables[Setting.__tablename__]
_PASSWORD_SEAL = ("station", "server_password", 0)  # table, column, row of the seal


@dataclass
class Station:
    """An open station's parts, from which `vault` makes its `Store`."""

    database: Database
    key_file: KeyFile
    lock: InstanceLock
    # The data key this station held until it found at unlock that another station had
    # rotated it (`rotation`), for what it still keeps under that key (its queue).
    earlier_key: bytes | None = None


def init_server(
    folder: DataFolder,
    url: str,
    server_password: str,
    *,
    key_file_for: Callable[[DataFolder, bytes], KeyFile],
) -> Station:
    """Create ExitBot's tables on an empty server database and make this data folder its
    first station. `key_file_for(folder, data_key)` makes the new key file (the first
    account's and the recovery key's wraps)."""
    _require_new_station(folder)
    settings = server_connection.from_url(url)
    engine = server_connection.open_server_engine(settings, server_password)
    try:
        if _server_key_file(engine) is not None:
            raise AlreadyInitialisedError(
                f"The database {settings.where} already holds an ExitBot store. Connect this "
                "station to it with 'exitbot-desktop join --server URL' instead."
            )
        db.create_schema(engine)
        folder.make_private()
        data_key = bytearray(new_data_key())
        key_file = key_file_for(folder, bytes(data_key))
    except BaseException:
        engine.dispose()
        raise
    return _station(folder, settings, engine, key_file, data_key, server_password)


def join_server(
    folder: DataFolder, url: str, server_password: str, *, user: str, password: str
) -> Station:
    """Make this data folder a station of an existing server store; an HR account's
    password proves the station may join. Nothing is left behind when it fails."""
    _require_new_station(folder)
    settings = server_connection.from_url(url)
    engine = server_connection.open_server_engine(settings, server_password)
    try:
        document = _server_key_file(engine)
        if document is None:
            raise KeyFileMissingError(
                f"The database {settings.where} holds no ExitBot store yet. Create it from "
                "one station with 'exitbot-desktop init --server URL', then join the others."
            )
        folder.make_private()
        key_file = _key_file_from(folder, document)
        data_key = bytearray(key_file.unwrap(user, password))
        db.prepare_schema(engine, folder)
    except BaseException:
        engine.dispose()
        folder.key_path.unlink(missing_ok=True)
        raise
    return _station(folder, settings, engine, key_file, data_key, server_password)


def open_station(folder: DataFolder, unwrap: Callable[[KeyFile], bytes]) -> Station:
    """This station on its server, opened with the data key `unwrap` gets from the local
    key file; the key file is then refreshed from the server's."""
    settings = server_connection.load(folder)
    if settings is None:
        raise ServerSettingsError(f"{folder.server_path} is missing: join the server again.")
    key_file = KeyFile.load(folder.key_path)
    data_key = bytearray(unwrap(key_file))
    sealer = ColumnSealer(bytes(data_key))
    server_password = read_server_password(folder, sealer)
    engine = server_connection.open_server_engine(settings, server_password)
    earlier_key: bytes | None = None
    try:
        db.prepare_schema(engine, folder)
        document = _server_key_file(engine)
        if document is not None and document != json.loads(key_file.document()):
            key_file = _key_file_from(folder, document)  # an account added elsewhere, …
            newer = bytearray(unwrap(key_file))  # … or a data key rotated at another station
            if newer != data_key:
                earlier_key, data_key, sealer = bytes(data_key), newer, ColumnSealer(bytes(newer))
                save_sealed_password(folder, sealer, server_password)
        _publish_key_id(engine, sealer.key_id)  # a store from before key ids
        lock = InstanceLock(folder.lock_path)
        lock.acquire()
    except BaseException:
        engine.dispose()
        raise
    database = Database(folder.server_path, engine, data_key, sealer=sealer)
    key_file.mirror = _publisher(folder, database, key_file)
    return Station(database, key_file, lock, earlier_key)


def _station(
    folder: DataFolder,
    settings: server_connection.ServerSettings,
    engine: Engine,
    key_file: KeyFile,
    data_key: bytearray,
    server_password: str,
) -> Station:
    """Write the station's files, publish its key file, and open it."""
    lock = InstanceLock(folder.lock_path)
    lock.acquire()
    try:
        sealer = ColumnSealer(bytes(data_key))
        server_connection.save(folder, settings)
        save_sealed_password(folder, sealer, server_password)
        database = Database(folder.server_path, engine, data_key, sealer=sealer)
        key_file.mirror = _publisher(folder, database, key_file)
        key_file.save()
        _publish_key_id(engine, sealer.key_id)
    except BaseException:
        lock.release()
        engine.dispose()
        raise
    return Station(database, key_file, lock)


def _require_new_station(folder: DataFolder) -> None:
    if folder.exists() or folder.server_path.exists():
        raise AlreadyInitialisedError(
            f"There is already ExitBot data in {folder.root}. Use another data folder for "
            "this station, or move that one away first (it may hold interviews)."
        )


def _server_key_file(engine: Engine) -> dict[str, Any] | None:
    """The key file's document as the server keeps it; None before `init_server`."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(_SETTINGS.name):
            return None
        found = conn.scalar(select(_SETTINGS.c.value).where(_SETTINGS.c.key == KEY_FILE_SETTING))
    return found if isinstance(found, dict) else None


def _key_file_from(folder: DataFolder, document: dict[str, Any]) -> KeyFile:
    """The server's key file written over the station's copy, then read as any key file
    is (its checksum and every field checked)."""
    files.write_bytes(folder.key_path, json.dumps(document, indent=2, sort_keys=True).encode())
    return KeyFile.load(folder.key_path)


def _publisher(folder: DataFolder, database: Database, key_file: KeyFile) -> Callable[[str], str]:
    """Sends the key file to the server each time the station saves it, merged with what
    other stations changed since this one last saw the server's (`KeyFile.merged`): every
    audited action saves it (the audit head), so sending it whole would undo an account
    another station added. Refused once another station has rotated the data key, whose
    new wraps this station must not overwrite with wraps of the old key."""
    save = db.upsert(_SETTINGS)
    statement = save.on_conflict_do_update(
        index_elements=[_SETTINGS.c.key], set_={"value": save.excluded.value}
    )
    last_seen = [KeyFile.parse(folder.key_path, key_file.document())]

    def publish(document: str) -> str:
        mine = KeyFile.parse(folder.key_path, document)
        try:
            with database.engine.begin() as conn:
                if not database.key_is_current(conn.connection.cursor()):
                    raise DataKeyChangedError(
                        "The organisation's data key was changed at another station since "
                        "this one was unlocked, so this change of the accounts was not "
                        "saved. Lock ExitBot and unlock it again with your password, then "
                        "make the change again."
                    )
                stored = conn.scalar(
                    select(_SETTINGS.c.value)
                    .where(_SETTINGS.c.key == KEY_FILE_SETTING)
                    .with_for_update()
                )
                merged = mine
                if isinstance(stored, dict):
                    theirs = KeyFile.parse(folder.key_path, json.dumps(stored))
                    merged = mine.merged(last_seen[0], theirs)
                text = merged.document()
                conn.execute(statement, {"key": KEY_FILE_SETTING, "value": json.loads(text)})
        except StoreError:
            raise
        except Exception as exc:
            known = server_connection.translate_error(exc, database.engine.url)
            if known is None:
                raise
            raise known from exc
        last_seen[0] = merged
        return text

    return publish


def save_sealed_password(folder: DataFolder, sealer: ColumnSealer, server_password: str) -> None:
    """The database password, sealed under the data key, into `server.password` (0600)."""
    token = sealer.seal(*_PASSWORD_SEAL, server_password)
    files.write_bytes(folder.root / PASSWORD_FILE, json.dumps({"sealed": token}).encode())


def read_server_password(folder: DataFolder, sealer: ColumnSealer) -> str:
    return str(sealer.unseal(*_PASSWORD_SEAL, _read_sealed_password(folder)))


def _publish_key_id(engine: Engine, key_id: str) -> None:
    """Name the data key the server's values are sealed under (`sealing.KEY_ID_SETTING`)
    where none is named yet: a new store, or one from before key ids."""
    statement = db.upsert(_SETTINGS).on_conflict_do_nothing(index_elements=[_SETTINGS.c.key])
    with engine.begin() as conn:
        conn.execute(statement, {"key": KEY_ID_SETTING, "value": key_id})


def _read_sealed_password(folder: DataFolder) -> str:
    path = folder.root / PASSWORD_FILE
    try:
        token = json.loads(path.read_text(encoding="utf-8"))["sealed"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ServerSettingsError(
            f"This station's sealed server password ({path}) is missing or damaged ({exc}). "
            "Move the data folder away and join the server again."
        ) from exc
    return str(token)
