"""What IT sees when the machine misbehaves: each fault ends in its own sentence and exit
code from the real `exitbot-desktop` process, and no byte of the data is changed.

The read-only and full-disk cases run the command in a private mount namespace
(`unshare -m`): a read-only bind mount of the data folder or one file, and a small tmpfs
filled up. They need root or user namespaces; both exist on CI and this project's
machines (a test is skipped, with the reason, only where neither does).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from bench.synthetic import populate
from exitbot_desktop.engine.reports.export_csv_json import ExportOptions, export_csv
from exitbot_desktop.engine.reports.import_csv import COLUMNS
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF, KeyFile
from tests.ollama_fake import FakeOllama

PASSWORD = "fault matrix password"


@pytest.fixture
def data(tmp_path: Path) -> DataFolder:
    """An installation with a few interviews in it, closed."""
    folder = DataFolder(tmp_path / "data")
    store, _ = vault.create(
        folder, organisation="Acme", user="alice", password=PASSWORD, kdf=FAST_KDF
    )
    populate(store, 6, start=datetime.now() - timedelta(days=20), months=1)
    store.close()
    return folder


def _digests(root: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.iterdir())
        if p.is_file()
    }


def _cli(
    *args: str,
    data_dir: Path,
    wrapper: str = "",
    after: str = "true",
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """The CLI as IT runs it. With `wrapper`, in a private mount namespace: the shell
    `wrapper` first, then the command, then `after`; the exit code is the command's."""
    command = [sys.executable, "-m", "exitbot_desktop", *args]
    if wrapper:
        unshare = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]
        script = f"{wrapper} && {shlex.join(command)}; code=$?; {after}; exit $code"
        command = [*unshare, "sh", "-c", script]
    return subprocess.run(
        command,
        env={
            "PATH": "/usr/bin:/bin:/usr/sbin:/sbin",
            "EXITBOT_DATA_DIR": str(data_dir),
            "EXITBOT_HR_PASSWORD": PASSWORD,
            "EXITBOT_LLM": "rules",
            **(env or {}),
        },
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def _namespaces_work(tmp_path: Path) -> bool:
    probe = tmp_path / "probe"
    probe.mkdir()
    unshare = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]
    if shutil.which("unshare") is None:
        return False
    done = subprocess.run(
        [*unshare, "sh", "-c", f"mount --bind {probe} {probe} && mount -o remount,bind,ro {probe}"],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def _read_only(path: Path) -> str:
    return f"mount --bind {path} {path} && mount -o remount,bind,ro {path}"


# ----------------------------------------------------------------- damaged installations
def _truncate(folder: DataFolder) -> None:
    data = folder.db_path.read_bytes()
    folder.db_path.write_bytes(data[: len(data) // 2])


def _flip_bytes_in_a_page(folder: DataFolder) -> None:
    """A few bits flipped inside the third page: SQLCipher's per-page HMAC catches it."""
    data = bytearray(folder.db_path.read_bytes())
    for offset in range(2 * 4096 + 300, 2 * 4096 + 304):
        data[offset] ^= 0x5A
    folder.db_path.write_bytes(bytes(data))


def _corrupt_key_file(folder: DataFolder) -> None:
    folder.key_path.write_text('{"format": 1, "wraps": ')


def _newer_schema(folder: DataFolder) -> None:
    data_key = KeyFile.load(folder.key_path).unwrap("alice", PASSWORD)
    conn = sqlcipher.connect(str(folder.db_path))
    conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()


DAMAGE: list[tuple[str, Callable[[DataFolder], None], int, str]] = [
    ("truncated database", _truncate, 5, "is damaged"),
    ("flipped bytes in a page", _flip_bytes_in_a_page, 5, "is damaged"),
    ("corrupt key file", _corrupt_key_file, 4, "key file"),
    ("missing key file", lambda f: f.key_path.unlink(), 4, "is missing"),
    ("missing database", lambda f: f.db_path.unlink(), 5, "is missing"),
    ("database from a newer ExitBot", _newer_schema, 6, "newer version"),
]


@pytest.mark.parametrize(
    ("damage", "code", "words"), [d[1:] for d in DAMAGE], ids=[d[0] for d in DAMAGE]
)
def test_a_damaged_installation_gets_its_sentence_and_exit_code_and_stays_as_it_was(
    data: DataFolder,
    tmp_path: Path,
    damage: Callable[[DataFolder], None],
    code: int,
    words: str,
) -> None:
    damage(data)
    before = _digests(data.root)

    done = _cli("export", "--format", "csv", "--out", str(tmp_path / "out.csv"), data_dir=data.root)

    assert done.returncode == code, done.stderr
    assert words in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1  # one sentence, nothing else
    assert _digests(data.root) == before
    assert not (tmp_path / "out.csv").exists()


def test_a_second_instance_is_told_exitbot_is_already_open(
    data: DataFolder, tmp_path: Path
) -> None:
    with vault.unlock(data, user="alice", password=PASSWORD):
        before = _digests(data.root)
        done = _cli(
            "export", "--format", "csv", "--out", str(tmp_path / "o.csv"), data_dir=data.root
        )
        assert _digests(data.root) == before
    assert done.returncode == 7
    assert "already open with this data folder" in done.stderr


@pytest.mark.parametrize("target", ["folder", "database", "key file"])
def test_a_read_only_disk_or_file_is_refused_before_anything_changes(
    data: DataFolder, tmp_path: Path, target: str
) -> None:
    if not _namespaces_work(tmp_path):
        pytest.skip("needs mount namespaces (root or user namespaces) for a read-only mount")
    path = {"folder": data.root, "database": data.db_path, "key file": data.key_path}[target]
    before = _digests(data.root)

    done = _cli(
        "export", "--format", "csv", "--out", str(tmp_path / "o.csv"),
        data_dir=data.root, wrapper=_read_only(path),
    )  # fmt: skip

    assert done.returncode == 8, done.stderr
    assert "cannot write in its data folder" in done.stderr and "read-only disk" in done.stderr
    assert "Traceback" not in done.stderr
    assert _digests(data.root) == before


def test_a_full_disk_stops_an_import_with_its_sentence_and_keeps_every_interview(
    data: DataFolder, tmp_path: Path
) -> None:
    if not _namespaces_work(tmp_path):
        pytest.skip("needs mount namespaces (root or user namespaces) for a small tmpfs")
    paper = tmp_path / "paper.csv"
    with paper.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for n in range(1500):
            answer = f"Interview {n}: the workload grew every quarter and nobody listened. " * 6
            writer.writerow((f"P-{n}", "2025-03-04", "Sales", "Rep", "3", "Why?", answer))
    small, kept = tmp_path / "small", tmp_path / "after"
    small.mkdir()
    inside = small / "data"
    fill = (
        f"mount -t tmpfs -o size=4m tmpfs {small} && cp -a {data.root} {inside} && "
        f"(dd if=/dev/zero of={small}/filler bs=4k count=100000 2>/dev/null || true) && "
        f"rm -f {small}/filler && dd if=/dev/zero of={small}/filler bs=1k count=$(( "
        f"$(df -k --output=avail {small} | tail -1) - 96 )) 2>/dev/null"
    )
    before = _interviews(data)
    done = _cli(
        "import-csv", str(paper), data_dir=inside, wrapper=fill, after=f"cp -a {inside} {kept}"
    )

    assert done.returncode == 9, done.stderr[-2000:]
    assert "is full" in done.stderr.strip().splitlines()[-1]  # after the progress lines
    assert "Traceback" not in done.stderr
    assert _interviews(DataFolder(kept)) == before  # all or nothing: no half import


def _interviews(folder: DataFolder) -> str:
    """Every interview and answer, as a named CSV export of the folder shows them."""
    out = folder.root.parent / f"{folder.root.name}-export.csv"
    with vault.unlock(folder, user="alice", password=PASSWORD) as store:
        export_csv(store, out, options=ExportOptions(anonymise=False))
    return out.read_text(encoding="utf-8")


def test_ollama_dying_mid_stream_still_gives_every_answer_a_follow_up(tmp_path: Path) -> None:
    answers = tmp_path / "answers.csv"
    answers.write_text(
        "id,question,answer\n"
        "1,Why are you leaving?,My manager never once asked how the project was going.\n"
        "2,What could we improve?,The rota changed every week and we heard it last.\n",
        encoding="utf-8",
    )
    with FakeOllama(fault="drop_mid_stream") as server:
        done = _cli(
            "followups", str(answers), "--out", str(tmp_path / "out.csv"),
            data_dir=tmp_path / "no-data",
            env={"EXITBOT_LLM": "ollama", "OLLAMA_HOST": server.host},
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with (tmp_path / "out.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["source"] for r in rows] == ["rules", "rules"]
    assert {r["guard_reason"] for r in rows} == {"backend_error"}
    assert all(r["followup"].endswith("?") for r in rows)
    assert "Traceback" not in done.stderr
    assert json.dumps(rows)  # plain text a person can read
