"""A station's queue: the interviews it takes, in its own encrypted file, until its server
has them.

Owns `StationQueue` and `open_queue`. At a station of a central server an employee's
answers are committed first to `station-queue.db` in the data folder: a SQLCipher file
with the embedded store's schema, keyed by its own key derived from the data key (HKDF,
with its own label). So an answer is safe the moment it is given whether or not the
server can be reached, and the employee never waits on the network or sees its failures.
`delivery.deliver` then copies each changed interview to the server, and keeps trying
until the server is back.

What has changed is recorded by the database itself: triggers add the interview's id to
an `outbox` table, in the same transaction, whenever the interview, one of its answers
or one of its analysis rows is written or deleted, so no code path can forget to say
so. Each new interview gets a random `station_ref` (also by trigger), by which the
server's copy is found again. Interviews the server has in full leave the queue an hour
after their last change (`prune`), which leaves time for the rating after submitting.
Never imports Qt.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine, text

from exitbot_desktop.engine.store import db
from exitbot_desktop.engine.store.analysis import AnalysisRepository
from exitbot_desktop.engine.store.audit_log import AuditLog
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.digests import Digests
from exitbot_desktop.engine.store.folder import DataFolder, create_private_file
from exitbot_desktop.engine.store.interviews import InterviewRepository
from exitbot_desktop.engine.store.models import utcnow
from exitbot_desktop.engine.store.question_sets import QuestionSetRepository

_HKDF_INFO = b"exitbot station queue v1"
KEEP_DELIVERED = timedelta(hours=1)

# Every write to an interview, its answers or its analysis names the interview here.
_CHANGES = (
    ("interviews", "INSERT", "NEW.id"),
    ("interviews", "UPDATE", "NEW.id"),
    ("answers", "INSERT", "NEW.interview_id"),
    ("answers", "UPDATE", "NEW.interview_id"),
    ("answers", "DELETE", "OLD.interview_id"),
    ("analysis", "INSERT", "NEW.interview_id"),
    ("analysis", "UPDATE", "NEW.interview_id"),
    ("analysis", "DELETE", "OLD.interview_id"),
)
_OUTBOX = (
    "CREATE TABLE IF NOT EXISTS outbox ("
    "seq INTEGER PRIMARY KEY AUTOINCREMENT, interview_id INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS ix_outbox_interview ON outbox (interview_id, seq)",
    "CREATE TRIGGER IF NOT EXISTS queue_station_ref AFTER INSERT ON interviews "
    "WHEN NEW.station_ref IS NULL BEGIN "
    "UPDATE interviews SET station_ref = lower(hex(randomblob(16))) WHERE id = NEW.id; END",
    *(
        f"CREATE TRIGGER IF NOT EXISTS queue_{table}_{event.lower()} AFTER {event} ON {table} "
        f"BEGIN INSERT INTO outbox (interview_id) VALUES ({interview}); END"
        for table, event, interview in _CHANGES
    ),
)
# Finished interviews the server has in full (nothing waits in the outbox), an hour on.
_PRUNABLE = (
    "FROM interviews WHERE status IN ('completed', 'declined', 'discarded') "
    "AND updated_at < :cutoff AND id NOT IN (SELECT interview_id FROM outbox)"
)


class StationQueue:
    """The station's own interviews, with the repositories an interview writes through
    (an `InterviewStore`)."""

    def __init__(self, database: Database, audit: AuditLog) -> None:
        self.database = database
        self.digests = Digests(database)
        self.question_sets = QuestionSetRepository(database)
        # HR's audited actions (discarding) are recorded in the server's audit log.
        self.interviews = InterviewRepository(database, audit, self.digests)
        self.analysis = AnalysisRepository(database, self.digests, audit)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with self.database.connection():
            yield

    def waiting(self) -> int:
        """How many interviews have changes the server does not have yet."""
        with self.database.reading() as conn:
            count: int = conn.execute(
                text("SELECT count(DISTINCT interview_id) FROM outbox")
            ).scalar_one()
        return count

    def prune(self) -> int:
        """Erase the finished interviews the server has in full, an hour after their last
        change; returns how many. The deletion's own outbox entries go with them, and the
        write-ahead log's copies of their pages after them (`Database.drop_old_pages`): a
        station's file keeps no words of an interview HR may later erase on the server."""
        cutoff = {"cutoff": utcnow() - KEEP_DELIVERED}
        # Looked for without the write lock, which an answer being committed may want:
        # this runs after every delivery and usually finds nothing. Each one found is
        # checked again as it is erased, in case it changed in between.
        with self.database.reading() as conn:
            ids = [row[0] for row in conn.execute(text(f"SELECT id {_PRUNABLE}"), cutoff)]
        erased = 0
        if ids:
            with self.database.connection() as conn:
                for interview_id in ids:
                    where = {**cutoff, "id": interview_id}
                    gone = conn.execute(text(f"DELETE {_PRUNABLE} AND id = :id"), where)
                    if gone.rowcount:
                        conn.execute(text("DELETE FROM outbox WHERE interview_id = :id"), where)
                        erased += 1
        if erased:
            self.database.drop_old_pages()
        return erased

    def close(self) -> None:
        self.database.close()


def open_queue(
    folder: DataFolder, data_key: bytes, audit: AuditLog, *, earlier_key: bytes | None = None
) -> StationQueue:
    """The station's queue file, created on first use. `earlier_key` is the data key the
    station held before it learnt of a rotation: a queue still under that key's queue key
    is re-encrypted under the new one (`PRAGMA rekey`) before it is opened."""
    key = bytearray(_queue_key(data_key))
    path = folder.queue_path
    new = not path.exists()
    if not new and earlier_key is not None:
        _rekey(path, _queue_key(earlier_key), bytes(key))
    if new:
        create_private_file(path)
    engine = db.open_engine(path, key)
    try:
        if new:
            db.create_schema(engine)
        else:
            db.prepare_schema(engine, folder, copy_first=False)
        _install_outbox(engine)
    except BaseException:
        engine.dispose()
        raise
    return StationQueue(Database(path, engine, key), audit)


def _queue_key(data_key: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO).derive(data_key)


def _rekey(path: Path, earlier: bytes, key: bytes) -> None:
    if not db.opens_with(path, earlier):
        return  # under the new key already (a rekey that finished before a crash)
    engine = db.open_engine(path, bytearray(earlier))
    try:
        with engine.begin() as conn:  # commits with the re-encryption, all or nothing
            conn.exec_driver_sql(f"PRAGMA rekey = \"x'{key.hex()}'\"")
    finally:
        engine.dispose()


def _install_outbox(engine: Engine) -> None:
    with engine.begin() as conn:
        for statement in _OUTBOX:
            conn.exec_driver_sql(statement)
