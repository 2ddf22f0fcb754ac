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
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import psycopg
import pytest

from bench.pg_cluster import SUPERUSER, ClusterError, bin_dir, throwaway_cluster
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import (
    FAST_KDF,
)
from exitbot_desktop.engine.store.vault import Store

_counter = itertools.count(1)


def tool(name: str) -> Path:
    """One of PostgreSQL's programs (pg_dump, psql, …) of the installed version."""
    try:
        return bin_dir() / name
    except ClusterError as exc:
        pytest.fail(str(exc))


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
            user=SUPERUSER,
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


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """Start the session's cluster (`bench/pg_cluster.py`); stop it and delete its folder
    when the session ends."""
    try:
        with throwaway_cluster(durable=False) as cluster:
            yield PostgresServer(port=cluster.port, socket_dir=cluster.socket_dir)
    except ClusterError as exc:
        pytest.fail(str(exc))


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


def create_station(
    folder: DataFolder, server: PostgresDatabase, password: str, *, port: int | None = None
) -> tuple[Store, str]:
    """A store on `server` made the way `init --server` makes it, with `folder` as its
    first station: organisation "Acme GmbH", HR account "alice" with `password`; with its
    recovery key. `port` reaches the server another way (a relay that can cut the line,
    `tcp_cut.py`)."""
    url = server.url if port is None else server.url.replace(f":{server.port}/", f":{port}/")
    return vault.create_on_server(
        folder,
        url,
        server.password,
        organisation="Acme GmbH",
        user="alice",
        password=password,
        kdf=FAST_KDF,
    )
