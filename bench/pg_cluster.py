"""A throwaway PostgreSQL cluster: a temporary folder, 127.0.0.1 only, password (SCRAM)
logins over TCP, stopped and deleted at the end. The stations benchmark and the tests'
session fixture (`tests/postgres_server.py`) both start theirs here.

Owns `throwaway_cluster`. Debian keeps `initdb` and `pg_ctl` in
/usr/lib/postgresql/<version>/bin. The server refuses to run as root, so as root they
run as the `postgres` user, in a folder of their own (pytest's temporary folders are
private to the user running the tests). The superuser reaches the server only through
the Unix socket in that folder.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SERVER_USER = "postgres"  # Debian's package creates it; used only when running as root
SUPERUSER = "exitbot_admin"
MISSING = (
    "PostgreSQL is not installed. Install the 'postgresql' package (sudo apt-get install -y "
    "postgresql), or run scripts/run-tests as root, which installs it."
)


class ClusterError(RuntimeError):
    """PostgreSQL is missing, or one of its programs failed (the message says which)."""


@dataclass(frozen=True)
class Cluster:
    port: int
    socket_dir: Path


def bin_dir() -> Path:
    """Where initdb, pg_ctl and pg_dump are, for the newest installed version."""
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if versions:
        return versions[-1].parent
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    raise ClusterError(MISSING)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextlib.contextmanager
def throwaway_cluster(
    *, durable: bool = True, tls: tuple[bytes, bytes] | None = None
) -> Iterator[Cluster]:
    """A running cluster. `durable=False` turns off fsync and its kin (for tests, which
    do not measure durability); the stations benchmark keeps PostgreSQL's defaults.
    `tls` is (certificate, private key) in PEM: the server then offers TLS with them."""
    programs = bin_dir()
    root = Path(tempfile.mkdtemp(prefix="exitbot-postgres-"))
    as_root = os.geteuid() == 0
    owned: list[Path] = [root]
    tls_options = ""
    if tls is not None:
        certificate, key = root / "server.crt", root / "server.key"
        certificate.write_bytes(tls[0])
        key.write_bytes(tls[1])
        key.chmod(0o600)  # the server refuses a key others may read
        owned += [certificate, key]
        tls_options = f" -c ssl=on -c ssl_cert_file={certificate} -c ssl_key_file={key}"
    if as_root:
        entry = pwd.getpwnam(SERVER_USER)
        for path in owned:
            os.chown(path, entry.pw_uid, entry.pw_gid)

    def run(*command: str) -> None:
        line = [str(programs / command[0]), *command[1:]]
        if as_root:
            line = ["runuser", "-u", SERVER_USER, "--", *line]
        done = subprocess.run(line, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise ClusterError(f"{command[0]} failed: {done.stdout}{done.stderr}")

    data, port = root / "data", free_port()
    fast = ["--no-sync"] if not durable else []
    run("initdb", "-D", str(data), "-U", SUPERUSER, "--auth-local=trust",
        "--auth-host=scram-sha-256", "--no-instructions", *fast)  # fmt: skip
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=200"
    options += tls_options
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    run("pg_ctl", "-D", str(data), "-l", str(root / "server.log"), "-w", "-o", options, "start")
    try:
        yield Cluster(port, root)
    finally:
        run("pg_ctl", "-D", str(data), "-m", "immediate" if not durable else "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)
