"""An erased interview leaves nothing behind in the database, not only no row.

On the embedded file, the pages themselves are read back: each page of the file and of
its write-ahead log is decrypted with the data key, as anyone holding the key and a
copy of the file could, and searched for the erased answer's words. SQLite would leave
them in a page's free space (no `secure_delete`) and in the log's older frames (no
checkpoint after the erasure). On a server the words are sealed anyway; what could
outlive an interview there is its entries in the digest facts dictionary (schema 7).
"""

from __future__ import annotations

import secrets
import threading
import time
from pathlib import Path
from typing import Any

import psycopg
import pytest
from conftest import PASSWORD
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from postgres_server import create_station
from test_aggregates import HAPPY, UNHAPPY, conduct

from exitbot_desktop.engine import erasure, retention
from exitbot_desktop.engine.analysis import aggregates
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.interviews import months_before
from exitbot_desktop.engine.store.models import Interview, utcnow

# SQLCipher 4's page layout: 4,096-byte pages, each ending in 80 reserved bytes (a
# 16-byte IV, then the page's HMAC); page 1 starts with the file's 16-byte salt.
_PAGE, _RESERVED, _SALT = 4096, 80, 16
_WAL_HEADER, _FRAME_HEADER = 32, 24


def _decrypted_pages(path: Path, key: bytes) -> list[bytes]:
    """Every page of a SQLCipher database or write-ahead log, decrypted (AES-256-CBC)."""
    if not path.exists():
        return []
    data = path.read_bytes()
    if path.name.endswith("-wal"):
        frames = range(_WAL_HEADER, len(data) - _FRAME_HEADER - _PAGE + 1, _FRAME_HEADER + _PAGE)
        pages = [
            (int.from_bytes(data[at : at + 4], "big"), data[at + _FRAME_HEADER :][:_PAGE])
            for at in frames
        ]
    else:
        pages = [(n + 1, data[n * _PAGE : (n + 1) * _PAGE]) for n in range(len(data) // _PAGE)]
    plain = []
    for number, page in pages:
        iv = page[_PAGE - _RESERVED : _PAGE - _RESERVED + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        start = _SALT if number == 1 else 0
        plain.append(decryptor.update(page[start : _PAGE - _RESERVED]) + decryptor.finalize())
    return plain


def _found_in_file(database: Database, words: str) -> int:
    """In how many decrypted pages of the database and its log `words` appear."""
    path, key = database.path, database.data_key()
    pages = _decrypted_pages(path, key) + _decrypted_pages(Path(f"{path}-wal"), key)
    return sum(words.encode() in page for page in pages)


def _words() -> str:
    """A sentence no other test writes, so finding it can only mean this interview."""
    return f"The {secrets.token_hex(6)} rota left me exhausted every single week."


def _erase(store: vault.Store, interview_id: int, how: str) -> None:
    if how == "erasure request":
        code = store.interviews.load(interview_id).receipt_code
        assert code is not None
        erasure.erase_by_receipt(store, code)
    else:
        with store.database.transaction() as s:
            row = s.get(Interview, interview_id)
            assert row is not None
            row.updated_at = months_before(utcnow(), 25)
        assert retention.purge_expired(store, 24).erased == 1


@pytest.mark.parametrize("how", ["erasure request", "retention purge"])
def test_an_erased_answer_is_in_no_page_of_the_encrypted_file(
    store: vault.Store, question_set: QuestionSet, how: str
) -> None:
    kept_words, erased_words = _words(), _words()
    conduct(store, question_set, {**HAPPY, "main_reason_details": kept_words})
    erased = conduct(store, question_set, {**UNHAPPY, "main_reason_details": erased_words})
    for _ in range(3):  # rows after the erased ones, in the same pages
        conduct(store, question_set, HAPPY)
    # The reader finds what is there: both answers, before anything is erased.
    assert _found_in_file(store.database, kept_words) > 0
    assert _found_in_file(store.database, erased_words) > 0

    _erase(store, erased, how)

    assert _found_in_file(store.database, erased_words) == 0
    assert _found_in_file(store.database, kept_words) > 0
    assert store.database.integrity_problems() == []


def test_an_erasure_still_stands_when_a_reader_keeps_the_log_from_being_emptied(
    store: vault.Store, question_set: QuestionSet, caplog: pytest.LogCaptureFixture
) -> None:
    """The log's old pages then wait for a later checkpoint, and the log file says so;
    the person is told the interview was erased, and it is (its rows are gone and the
    file's own pages are overwritten)."""
    erased = conduct(store, question_set, UNHAPPY)
    code = store.interviews.load(erased).receipt_code
    assert code is not None
    with store.database.reading() as conn:  # a read still under way, e.g. the dashboard's
        conn.exec_driver_sql("SELECT count(*) FROM interviews").scalar_one()
        started = time.monotonic()
        erased_now = erasure.erase_by_receipt(store, code)
    assert time.monotonic() - started < 10  # the connection's busy timeout is 5 s
    assert erased_now.receipt_code == code
    assert store.interviews.find_by_receipt(code) is None
    assert "still holds pages from before an erasure" in caplog.text


def test_copies_exitbot_made_itself_before_the_retention_period_go_with_the_purge(
    store: vault.Store, tmp_path: Path
) -> None:
    """They hold only interviews the purge erases from the database: keeping them would
    break the welcome page's promise. Backups made by hand are the organisation's."""
    elsewhere = tmp_path / "usb" / "exitbot"
    store.settings.set("backup_folder", str(elsewhere))
    old, recent = "20220105T101500", utcnow().strftime("%Y%m%dT%H%M%S")
    own = store.folder.root / "backups"
    names = {
        own: [
            f"before-schema-7-from-6-{old}Z",
            f"before-key-rotation-{old}123456Z",
            f"replaced-{old}Z",
            f"exitbot-auto-{old}Z-2",
            f"before-schema-7-from-6-{recent}Z",
            f"replaced-{recent}Z",
            f"exitbot-backup-{old}Z",  # made by hand
            f"before-schema-{old}",  # not a name ExitBot gives
            "replaced-20221399T999999Z",  # nor a time
        ],
        elsewhere: [f"exitbot-auto-{old}Z", f"exitbot-auto-{recent}Z", f"exitbot-backup-{old}Z"],
    }
    for folder, made in names.items():
        for name in made:
            (folder / name).mkdir(parents=True)
            (folder / name / "exitbot.db").write_bytes(b"an old copy")

    purge = retention.purge_expired(store, 24)

    assert {p.name for p in own.iterdir()} == {
        f"before-schema-7-from-6-{recent}Z",
        f"replaced-{recent}Z",
        f"exitbot-backup-{old}Z",
        f"before-schema-{old}",
        "replaced-20221399T999999Z",
    }
    assert {p.name for p in elsewhere.iterdir()} == {
        f"exitbot-auto-{recent}Z",
        f"exitbot-backup-{old}Z",
    }
    assert purge.copies == 5
    assert "Also deleted 5 copy(ies) ExitBot had made itself before then" in purge.summary()
    entry = store.audit.entries(limit=1)[0]
    assert entry.action == "expired_copies_deleted"
    assert len(entry.detail["folders"]) == 5
    assert retention.purge_expired(store, 24).copies == 0  # nothing left to delete


# --------------------------------------------------------------- on a server


def test_a_station_keeps_no_words_of_an_interview_its_queue_has_forgotten(
    tmp_path: Path, postgres_database: Any, question_set: QuestionSet
) -> None:
    """HR may erase it on the server later; the station's own file must not still hold it."""
    words = _words()
    station, _ = create_station(DataFolder(tmp_path / "station"), postgres_database, PASSWORD)
    with station:
        queue = station.queue
        assert queue is not None
        answers = {**UNHAPPY, "main_reason_details": words}
        conduct(station.interview_store, question_set, answers)  # type: ignore[arg-type]
        station.deliver()
        assert _found_in_file(queue.database, words) > 0
        with queue.database.connection() as conn:  # as if delivered an hour ago
            conn.exec_driver_sql("UPDATE interviews SET updated_at = '2020-01-01 00:00:00'")
        station.deliver()  # delivers that change, then forgets the interview

        assert queue.waiting() == 0
        assert _found_in_file(queue.database, words) == 0


def _facts(admin: psycopg.Connection[Any]) -> set[str]:
    return {str(fact) for (fact,) in admin.execute("SELECT fact FROM digest_facts")}


def _counted(admin: psycopg.Connection[Any], interview_id: int) -> set[str]:
    rows = admin.execute(
        "SELECT k.fact FROM interview_digests AS d, unnest(d.counted) AS f"
        " JOIN digest_facts AS k ON k.id = f WHERE d.interview_id = %s",
        (interview_id,),
    )
    return {str(fact) for (fact,) in rows}


@pytest.fixture
def on_server(folder: Any, store_on_server: Any, postgres_database: Any) -> Any:
    store, _ = store_on_server(folder, organisation="Acme GmbH", user="alice", password=PASSWORD)
    with store, postgres_database.connect() as admin:
        yield store, admin


@pytest.mark.parametrize("how", ["erasure request", "retention purge"])
def test_facts_only_an_erased_interview_had_leave_the_servers_dictionary(
    on_server: Any, question_set: QuestionSet, how: str
) -> None:
    store, admin = on_server
    kept = conduct(store, question_set, HAPPY)
    kept_alone = aggregates.compute(store, group_size=1)
    # An answer of a length no other has: a fact ("l", question, length) of its own.
    telling = " ".join(["I was never once asked what I thought, in four long years."] * 9)
    erased = conduct(store, question_set, {**UNHAPPY, "main_reason_details": telling})
    only_erased = _counted(admin, erased) - _counted(admin, kept)
    assert f"l\tmain_reason_details\t{len(telling)}" in only_erased

    _erase(store, erased, how)

    assert _facts(admin) == _counted(admin, kept)
    assert aggregates.compute(store, group_size=1) == kept_alone


def test_a_station_writing_a_digest_holds_the_facts_pruning_back_until_it_commits(
    on_server: Any, question_set: QuestionSet, postgres_database: Any
) -> None:
    """Another station takes up, in a transaction still open, a fact that only the
    interview being erased had. Were the fact deleted meanwhile, that station's digest
    would commit pointing at nothing, and the figures would lose it."""
    store, admin = on_server
    other = conduct(store, question_set, HAPPY)
    erased = conduct(store, question_set, UNHAPPY)
    taken_up = _counted(admin, erased) - _counted(admin, other)
    assert taken_up
    with postgres_database.connect() as station:
        station.autocommit = False
        station.execute(  # the other interview's digest now counts the erased one's facts
            "UPDATE interview_digests SET facts = (SELECT facts FROM interview_digests"
            " WHERE interview_id = %s) WHERE interview_id = %s",
            (erased, other),
        )
        code = store.interviews.load(erased).receipt_code
        erasing = threading.Thread(target=erasure.erase_by_receipt, args=(store, code))
        erasing.start()
        erasing.join(timeout=1.5)
        assert erasing.is_alive(), "the facts were pruned while a digest using them was open"
        assert store.interviews.find_by_receipt(code) is None  # the erasure itself committed
        station.commit()
    erasing.join(timeout=30)
    assert not erasing.is_alive()
    assert taken_up <= _facts(admin)
    assert _counted(admin, other) >= taken_up
