"""A real PostgreSQL server for the tests: one throwaway cluster per session.

A pytest plugin module (registered in tests/conftest.py). The cluster lives in a
temporary folder, runs as a user other than root (the server refuses root: `postgres`
through `runuser` when the tests run as root, else the current user), listens on
127.0.0.1 only, on a free port, and asks a password (scram-sha-256) of every TCP
connection, as a real server would. The fixtures reach it as its superuser through the
Unix socket in that private folder. Each test gets a fresh empty database owned by a new
role with its own password, so tests never see each other's tables; the cluster starts
once (initdb ≈ 2 s) and is stopped when the session ends.

No silent skip: without PostgreSQL the fixtures fail with what to install, because CI
must run these tests for real (`scripts/run-tests` installs the package as root).
"""

from __future__ import annotations

import functools
import itertools
import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import psycopg
import pytest
from ollama_fake import free_port

from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import (
    FAST_KDF,
)
from exitbot_desktop.engine.store.vault import Store

_SERVER_USER = "postgres"  # Debian's package creates it; used only when running as root
_SUPERUSER = "exitbot_admin"
_counter = itertools.count(1)


def _bin_dir() -> Path:
    """Where initdb and pg_ctl are: Debian keeps them off PATH, in /usr/lib/postgresql/N/bin."""
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if versions:
        return versions[-1].parent
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    pytest.fail(
        "PostgreSQL is not installed, and the store's tests run against a real server. "
        "Install the 'postgresql' package (sudo apt-get install -y postgresql), or run "
        "scripts/run-tests as root, which installs it."
    )


def tool(name: str) -> Path:
    """One of PostgreSQL's programs (pg_dump, psql, …) of the installed version."""
    return _bin_dir() / name


@dataclass(frozen=True)
class PostgresServer:
    """A running throwaway cluster."""

    port: int
    socket_dir: Path

    def admin(self, dbname: str = "postgres") -> psycopg.Connection[tuple[object, ...]]:
        """A superuser connection through the Unix socket, in autocommit (CREATE DATABASE
        cannot run in a transaction)."""
        return psycopg.connect(
            host=str(self.socket_dir),
            port=self.port,
            user=_SUPERUSER,
            dbname=dbname,
            autocommit=True,
        )


@dataclass(frozen=True)
class PostgresDatabase:
    """One test's empty database and the role that owns it, reached over TCP."""

    server: PostgresServer
    dbname: str
    user: str
    password: str
    host: str = "127.0.0.1"

    @property
    def port(self) -> int:
        return self.server.port

    @property
    def url(self) -> str:
        """The station's server URL, which never carries the password."""
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.dbname}"

    def connect(self) -> psycopg.Connection[tuple[object, ...]]:
        """A plain psycopg connection as the owning role, to read the tables directly."""
        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.user,
            password=self.password,
            dbname=self.dbname,
            autocommit=True,
        )


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", _SERVER_USER, "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """Start the session's cluster; stop it and delete its folder when the session ends."""
    bin_dir = _bin_dir()
    # Not pytest's tmp_path: that folder is private to the test user, and the server
    # runs as another user when the tests run as root.
    root = Path(tempfile.mkdtemp(prefix="exitbot-postgres-"))
    if os.geteuid() == 0:
        entry = pwd.getpwnam(_SERVER_USER)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    data = root / "data"
    port = free_port()

    def run(*command: str) -> None:
        result = subprocess.run(
            _as_server_user([str(bin_dir / command[0]), *command[1:]]),
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            pytest.fail(f"{command[0]} failed: {result.stdout}{result.stderr}")

    run(
        "initdb",
        "-D",
        str(data),
        "-U",
        _SUPERUSER,
        "--auth-local=trust",  # the socket sits in a folder only the server user can enter
        "--auth-host=scram-sha-256",
        "--no-sync",
        "--no-instructions",
    )
    options = (
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 "
        # A throwaway cluster: durability is not what these tests measure.
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    )
    run("pg_ctl", "-D", str(data), "-l", str(root / "server.log"), "-w", "-o", options, "start")
    try:
        yield PostgresServer(port=port, socket_dir=root)
    finally:
        run("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_database(postgres_server: PostgresServer) -> Iterator[PostgresDatabase]:
    """A fresh empty database owned by a fresh role with a password; dropped afterwards."""
    number = next(_counter)
    database = PostgresDatabase(
        server=postgres_server,
        dbname=f"exitbot_test_{number}",
        user=f"station_{number}",
        password=secrets.token_urlsafe(16),
    )
    with postgres_server.admin() as admin:
        admin.execute(
            f"CREATE ROLE {database.user} LOGIN PASSWORD '{database.password}'"  # token: safe
        )
        admin.execute(f"CREATE DATABASE {database.dbname} OWNER {database.user}")
    try:
        yield database
    finally:
        with postgres_server.admin() as admin:
            admin.execute(f"DROP DATABASE {database.dbname} WITH (FORCE)")
            admin.execute(f"DROP ROLE {database.user}")


class _StoreOnServer(Protocol):
    def __call__(
        self, folder: DataFolder, *, organisation: str, user: str, password: str
    ) -> tuple[Store, str]: ...


@pytest.fixture
def store_on_server(postgres_database: PostgresDatabase) -> _StoreOnServer:
    """Makes a store on this test's server database the way `init --server` does, with
    the tests' fast key derivation; `folder` becomes its first station."""
    return functools.partial(
        vault.create_on_server,
        url=postgres_database.url,
        server_password=postgres_database.password,
        kdf=FAST_KDF,
    )
