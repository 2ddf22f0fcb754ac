"""A throwaway PostgreSQL cluster for the benchmarks: a temporary folder, 127.0.0.1 only,
password (SCRAM) logins, stopped and deleted at the end.

Owns `throwaway_cluster`. Debian keeps `initdb` and `pg_ctl` in
/usr/lib/postgresql/<version>/bin; the server refuses to run as root, so as root they run
as the `postgres` user. Durability stays at PostgreSQL's defaults (fsync on): the
stations benchmark times commits, and compares them with bare commits on the same server.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg

_SERVER_USER = "postgres"
_SUPERUSER = "bench_admin"


@dataclass(frozen=True)
class Cluster:
    port: int
    socket_dir: Path

    def new_database(self, name: str) -> tuple[str, str]:
        """A database owned by a new role with a random password: (station URL, password)."""
        password = secrets.token_urlsafe(16)
        with psycopg.connect(
            host=str(self.socket_dir),
            port=self.port,
            user=_SUPERUSER,
            dbname="postgres",
            autocommit=True,
        ) as admin:
            admin.execute(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'")  # token: safe
            admin.execute(f"CREATE DATABASE {name} OWNER {name}")
        return f"postgresql://{name}@127.0.0.1:{self.port}/{name}", password


def _bin_dir() -> Path:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    if versions:
        return versions[-1].parent
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    raise SystemExit("PostgreSQL is not installed: sudo apt-get install -y postgresql")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[Cluster]:
    bin_dir = _bin_dir()
    root = Path(tempfile.mkdtemp(prefix="exitbot-bench-postgres-"))
    as_root = os.geteuid() == 0
    if as_root:
        entry = pwd.getpwnam(_SERVER_USER)
        os.chown(root, entry.pw_uid, entry.pw_gid)

    def run(*command: str) -> None:
        line = [str(bin_dir / command[0]), *command[1:]]
        if as_root:
            line = ["runuser", "-u", _SERVER_USER, "--", *line]
        subprocess.run(line, check=True, capture_output=True)

    data = root / "data"
    port = _free_port()
    run(
        "initdb",
        "-D",
        str(data),
        "-U",
        _SUPERUSER,
        "--auth-local=trust",
        "--auth-host=scram-sha-256",
        "--no-instructions",
    )
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=200"
    run("pg_ctl", "-D", str(data), "-l", str(root / "server.log"), "-w", "-o", options, "start")
    try:
        yield Cluster(port, root)
    finally:
        run("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)
