"""The throwaway PostgreSQL server the store's tests run against is a real one: it runs
as a user other than root, listens on loopback only and asks every TCP client for a
password, and each test gets its own empty database."""

from __future__ import annotations

import os
import pwd

import psycopg
import pytest
from postgres_server import PostgresDatabase


def test_each_test_gets_an_empty_database_reached_with_its_password(
    postgres_database: PostgresDatabase,
) -> None:
    with postgres_database.connect() as conn:
        tables = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()
        listen = conn.execute("SHOW listen_addresses").fetchone()
        owner = conn.execute(
            "SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_database "
            "WHERE datname = current_database()"
        ).fetchone()
    assert tables == (0,)
    assert listen == ("127.0.0.1",)
    assert owner == (postgres_database.user,)


def test_a_tcp_client_without_the_password_is_refused(
    postgres_database: PostgresDatabase,
) -> None:
    with pytest.raises(psycopg.OperationalError, match="password"):
        psycopg.connect(
            host="127.0.0.1",
            port=postgres_database.port,
            user=postgres_database.user,
            dbname=postgres_database.dbname,
            password="not the password",
        )


def test_the_server_does_not_run_as_root(postgres_database: PostgresDatabase) -> None:
    pid_file = postgres_database.server.socket_dir / "data" / "postmaster.pid"
    owner = pwd.getpwuid(pid_file.stat().st_uid).pw_name
    assert owner != "root"
    assert os.stat(postgres_database.server.socket_dir).st_uid == pid_file.stat().st_uid
