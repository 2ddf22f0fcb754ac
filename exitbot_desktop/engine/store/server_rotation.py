"""Rotating the data key of a central server's store, from one of its stations.

Owns `reseal` and `take_new_key`, the server's half of `rotation.rotate_data_key`. On a
server nothing is encrypted as a file: what the key protects is every sealed value
(`sealing.SEALED`), the audit chain's keyed hashes and the wraps in the key file.
`reseal` changes all of them in one server transaction, so PostgreSQL makes it all or
nothing:
1. it locks the settings row naming the sealing key (`sealing.KEY_ID_SETTING`) for
   update, which waits for the stations' transactions that sealed under the old key and
   makes later ones wait and then refuse (`Database.seal`), and the audit chain's
   advisory lock;
2. it opens every sealed value with the old key and seals it with the new one, for the
   same row and column;
3. it re-keys the audit chain and appends "data_key_rotated";
4. it stores the new key file and names the new key.
Only then does this station take the new key (`take_new_key`): its key file, its sealed
database password, its queue, the open store. A crash between the two leaves a station
whose own files are still under the old key; at its next unlock it finds the server's
new key file, unwraps it with the HR password and takes the new key, as every other
station does (`server_station.open_station`). No copy is made first: a server is backed
up with `pg_dump`, which IT should run before (the sentences say so). Never imports Qt.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, bindparam, select, text, update

from exitbot_desktop.engine.errors import DataKeyChangedError
from exitbot_desktop.engine.store import server_station, station_queue
from exitbot_desktop.engine.store.audit_log import CHAIN_LOCK
from exitbot_desktop.engine.store.keys import KeyFile
from exitbot_desktop.engine.store.models import Base, Setting
from exitbot_desktop.engine.store.sealing import KEY_ID_SETTING, SEALED, ColumnSealer

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

_SETTINGS = Base.metadata.tables[Setting.__tablename__]
_BATCH = 1_000
_SUMMARY = "summary"  # the one kind of analysis whose payload is sealed, bound to its interview


def reseal(store: Store, new_key: bytes, pending: KeyFile) -> None:
    """Steps 1–4 of the module docstring; `pending` holds the new wraps and gets the
    audit chain's new head. On failure nothing on the server has changed."""
    old, new = store.database.sealer, ColumnSealer(new_key)
    assert old is not None, "a server's database seals"
    with store.database.connection() as conn:
        named = conn.execute(
            select(_SETTINGS.c.value).where(_SETTINGS.c.key == KEY_ID_SETTING).with_for_update()
        ).scalar()
        if named not in (None, old.key_id):
            raise DataKeyChangedError(
                "The data key was changed at another station meanwhile, so it was not "
                "changed again here. Lock ExitBot and unlock it again to take that key."
            )
        conn.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": CHAIN_LOCK})
        for table_name, columns in SEALED.items():
            _reseal_table(conn, Base.metadata.tables[table_name], sorted(columns), old, new)
        pending.audit_head = store.audit.reseal_under(
            new_key, "data_key_rotated", {"accounts": pending.accounts, "where": "server"}
        )
        for key, value in (
            (server_station.KEY_FILE_SETTING, json.loads(pending.document())),
            (KEY_ID_SETTING, new.key_id),
        ):
            conn.execute(update(_SETTINGS).where(_SETTINGS.c.key == key).values(value=value))


def take_new_key(store: Store, new_key: bytes, pending: KeyFile) -> None:
    """After `reseal` committed: this station's own files and the open store under the
    new key. Its queue was empty (checked before), so it is made anew."""
    old, new = store.database.sealer, ColumnSealer(new_key)
    assert old is not None
    folder = store.folder
    pending.save()
    store.key_file.wraps, store.key_file.audit_head = pending.wraps, pending.audit_head
    password = server_station.read_server_password(folder, old)
    server_station.save_sealed_password(folder, new, password)
    if store.queue is not None:
        store.queue.close()
        for path in (folder.queue_path, *_companions(folder.queue_path)):
            path.unlink(missing_ok=True)
        store.queue = station_queue.open_queue(folder, new_key, store.audit)
    store.database.replace_key(new_key)
    store.database.sealer = new


def _reseal_table(
    conn: Connection, table: Table, columns: list[str], old: ColumnSealer, new: ColumnSealer
) -> None:
    """Every sealed value of `columns`, opened with `old` and sealed with `new`."""
    summaries = table.name == "analysis"
    statement = (
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values({column: bindparam(f"new_{column}") for column in columns})
    )
    for rows in _batches(conn, table, columns, summaries):
        changed = []
        for row in rows:
            bound = row["interview_id"] if summaries else row["id"]  # what it is bound to
            values = {
                f"new_{column}": new.seal(
                    table.name, column, bound, old.unseal(table.name, column, bound, row[column])
                )
                for column in columns
            }
            changed.append({"row_id": row["id"], **values})
        conn.execute(statement, changed)


def _companions(path: Path) -> tuple[Path, Path]:
    """SQLite's write-ahead log and shared-memory files beside a database."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _batches(
    conn: Connection, table: Table, columns: list[str], summaries: bool
) -> Iterator[list[Any]]:
    query = select(table.c.id, *(table.c[c] for c in columns))
    if summaries:
        query = query.add_columns(table.c.interview_id).where(table.c.kind == _SUMMARY)
    last = 0
    while True:
        rows = conn.execute(query.where(table.c.id > last).order_by(table.c.id).limit(_BATCH)).all()
        if not rows:
            return
        yield [row._mapping for row in rows]
        last = rows[-1].id
