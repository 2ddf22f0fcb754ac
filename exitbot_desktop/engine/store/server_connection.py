"""Where a station's central database server is, and connecting to it.

Owns `ServerSettings` (host, port, database, role and TLS settings, read from a URL such
as `postgresql://exitbot@db.example.org:5432/exitbot?sslrootcert=/etc/exitbot/ca.pem`),
their file `server.json` in the data folder, and `open_server_engine`. Never imports Qt.

- No password is ever kept: a URL carrying one is refused, and the password is asked
  each time and handed to `open_server_engine` only.
- The TLS rule: a server on this computer (127.0.0.1, ::1, localhost or a Unix socket
  folder) may be reached without TLS; any other host only with `sslmode=verify-full`
  (the server's certificate checked against a CA and its name against the host) and a
  readable CA file. Both are checked before any connection is tried, so a station never
  sends a password to a server it has not verified.
- A failed connection becomes a sentence saying what to do. libpq gives no error code
  for these, only its message; ExitBot reads the English one, which is what a server
  with the default `lc_messages` sends and what the bundled libpq writes.
"""

from __future__ import annotations

import json
import os
import weakref
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from exitbot_desktop.engine import files
from exitbot_desktop.engine.errors import (
    DatabaseLockedError,
    DiskFullError,
    ServerConnectionError,
    ServerSettingsError,
    StoreError,
)
from exitbot_desktop.engine.store.folder import DataFolder

_LOCAL_HOSTS = {"127.0.0.1", "::1", "localhost"}
_SSLMODES = {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"}
_QUERY_KEYS = {"sslmode", "sslrootcert", "host"}
_FORMAT = 1  # of server.json
CONNECT_TIMEOUT = 10  # seconds: an unreachable server is reported, not waited on for minutes
_EXAMPLE = "postgresql://exitbot@db.example.org:5432/exitbot?sslrootcert=/etc/exitbot/ca.pem"


@dataclass(frozen=True)
class ServerSettings:
    """One organisation's database server, as a station reaches it. No password."""

    host: str  # a name, an address, or a Unix socket's folder (starts with /)
    user: str
    port: int = 5432
    dbname: str = "exitbot"
    sslmode: str | None = None  # None: verify-full for another computer, libpq's default here
    sslrootcert: Path | None = None

    @property
    def is_local(self) -> bool:
        """A server on this computer, which may be reached without TLS."""
        return self.host in _LOCAL_HOSTS or self.host.startswith("/")

    @property
    def effective_sslmode(self) -> str | None:
        return self.sslmode or (None if self.is_local else "verify-full")

    @property
    def where(self) -> str:
        """How sentences name the server."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}/{self.dbname}"

    def url(self) -> str:
        """The settings as a URL (never with a password), as `from_url` reads it."""
        query = []
        if self.sslmode:
            query.append(f"sslmode={self.sslmode}")
        if self.sslrootcert:
            query.append(f"sslrootcert={self.sslrootcert}")
        if self.host.startswith("/"):
            query.append(f"host={self.host}")
            netloc = f"{self.user}@:{self.port}"
        else:
            netloc = f"{self.user}@{'[' + self.host + ']' if ':' in self.host else self.host}"
            netloc += f":{self.port}"
        return f"postgresql://{netloc}/{self.dbname}" + ("?" + "&".join(query) if query else "")

    def check(self) -> None:
        """Raise the sentence when the TLS rule forbids these settings."""
        if self.sslmode is not None and self.sslmode not in _SSLMODES:
            raise ServerSettingsError(
                f"'{self.sslmode}' is not a TLS mode PostgreSQL knows. Use sslmode=verify-full "
                "(or leave it out for a server on this computer)."
            )
        if self.is_local:
            return
        if self.effective_sslmode != "verify-full":
            raise ServerSettingsError(
                f"The database server {self.host} is on another computer, so ExitBot reaches "
                "it only over TLS that checks the server's certificate: use "
                "sslmode=verify-full with sslrootcert=<the CA file> in the server address "
                f"(for example {_EXAMPLE}). Nothing was sent to the server."
            )
        if self.sslrootcert is None:
            raise ServerSettingsError(
                f"The database server {self.host} is on another computer, so ExitBot needs the "
                "CA file its certificate is checked against: add sslrootcert=<path of the CA "
                f"file> to the server address (for example {_EXAMPLE}). Ask IT for the file. "
                "Nothing was sent to the server."
            )
        if not os.access(self.sslrootcert, os.R_OK) or not self.sslrootcert.is_file():
            raise ServerSettingsError(
                f"The CA file {self.sslrootcert} named in the server settings cannot be read, so "
                f"the certificate of {self.host} cannot be checked. Copy the CA file there (it "
                "must be readable by this user) or name another one. Nothing was sent to the "
                "server."
            )


def from_url(url: str) -> ServerSettings:
    """The settings in `url`, or the sentence saying what is wrong with it."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"postgresql", "postgres"}:
        raise ServerSettingsError(
            f"'{url}' is not a PostgreSQL server address. Write it as {_EXAMPLE}."
        )
    if parts.password is not None:
        raise ServerSettingsError(
            "The server address must not contain a password: ExitBot asks for it separately "
            "each time and never stores it. Give the address without it, for example "
            f"{_EXAMPLE}."
        )
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    unknown = sorted(set(query) - _QUERY_KEYS)
    if unknown:
        raise ServerSettingsError(
            f"ExitBot does not know the server setting {', '.join(unknown)}. It understands "
            "sslmode, sslrootcert and host (a Unix socket folder)."
        )
    try:
        port = parts.port or 5432
    except ValueError:
        raise ServerSettingsError(
            f"The port in '{url}' is not a number from 1 to 65535. Write it as {_EXAMPLE}."
        ) from None
    host = query.get("host") or parts.hostname
    user = unquote(parts.username or "")
    if not host or not user:
        raise ServerSettingsError(
            f"The server address '{url}' must name the database role and the host, as in "
            f"{_EXAMPLE}."
        )
    settings = ServerSettings(
        host=host,
        user=user,
        port=port,
        dbname=unquote(parts.path.lstrip("/")) or "exitbot",
        sslmode=query.get("sslmode") or None,
        sslrootcert=Path(query["sslrootcert"]).expanduser() if query.get("sslrootcert") else None,
    )
    settings.check()
    return settings


def save(folder: DataFolder, settings: ServerSettings) -> None:
    """Write `server.json` (mode 0600, replaced whole) in the private data folder."""
    settings.check()
    folder.make_private()
    fields: dict[str, Any] = {"format": _FORMAT, **asdict(settings)}
    fields["sslrootcert"] = str(settings.sslrootcert) if settings.sslrootcert else None
    # write_bytes creates its temporary file with mode 0600 (mkstemp) and renames it.
    files.write_bytes(folder.server_path, json.dumps(fields, indent=2).encode("utf-8"))


def load(folder: DataFolder) -> ServerSettings | None:
    """The station's server settings; None when this data folder holds no `server.json`."""
    path = folder.server_path
    try:
        fields = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise _unreadable(path, str(exc)) from exc
    if not isinstance(fields, dict) or fields.pop("format", None) != _FORMAT:
        raise _unreadable(path, "not ExitBot's server settings")
    if "password" in fields:
        raise ServerSettingsError(
            f"{path} contains a password, which ExitBot never stores. Delete the file and "
            "connect this station again with 'exitbot-desktop join --server URL'."
        )
    try:
        cert = fields.pop("sslrootcert", None)
        settings = ServerSettings(**fields, sslrootcert=Path(cert) if cert else None)
    except TypeError as exc:
        raise _unreadable(path, str(exc)) from exc
    texts = (settings.host, settings.user, settings.dbname, settings.sslmode or "")
    if not isinstance(settings.port, int) or not all(isinstance(t, str) for t in texts):
        raise _unreadable(path, "a setting has the wrong type")
    settings.check()
    return settings


def _unreadable(path: Path, reason: str) -> ServerSettingsError:
    return ServerSettingsError(
        f"The server settings in {path} cannot be read ({reason}). Connect this station "
        "again with 'exitbot-desktop join --server URL', or ask IT for the server address."
    )


_passwords: weakref.WeakKeyDictionary[Engine, bytearray] = weakref.WeakKeyDictionary()


def forget_password(engine: Engine) -> None:
    """Wipe the password `open_server_engine` keeps for `engine` (best effort: Python may
    hold copies we cannot reach); the engine cannot connect again afterwards."""
    secret = _passwords.pop(engine, None)
    if secret is not None:
        secret[:] = bytes(len(secret))
        secret.clear()


def open_server_engine(settings: ServerSettings, password: str) -> Engine:
    """An engine on the server, after one connection proved the settings and password.

    Statements use positional `%s` parameters, as `DriverStatement` compiles them.
    """
    settings.check()
    query: dict[str, str] = {}
    if settings.effective_sslmode:
        query["sslmode"] = settings.effective_sslmode
    if settings.sslrootcert:
        query["sslrootcert"] = str(settings.sslrootcert)
    url = URL.create(
        "postgresql+psycopg",
        username=settings.user,
        host=settings.host,
        port=settings.port,
        database=settings.dbname,
        query=query,
    )
    engine = create_engine(
        url,
        paramstyle="format",
        hide_parameters=True,  # error messages reach the log file; answers must not
        pool_pre_ping=True,  # a connection the server dropped is replaced, not handed out
        connect_args={"connect_timeout": CONNECT_TIMEOUT, "application_name": "ExitBot"},
    )
    # Not in the URL, which lives as long as the engine and is shown in messages: given
    # at each connect from a buffer `forget_password` wipes when the store locks.
    secret = _passwords[engine] = bytearray(password.encode())

    @event.listens_for(engine, "do_connect")
    def _give_password(_dialect: Any, _record: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
        if not secret:
            raise StoreError("The database has been locked. Unlock it again with a password.")
        cparams["password"] = secret.decode()

    try:
        with engine.connect():
            pass
    except DBAPIError as exc:
        engine.dispose()
        forget_password(engine)
        known = _connection_failure(exc, settings)
        if known is None:
            raise
        raise known from exc
    return engine


def _connection_failure(
    exc: BaseException, settings: ServerSettings
) -> ServerConnectionError | None:
    """The sentence for a connection the server refused or could not make; None otherwise."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    refused = _refusal(str(orig), settings)
    if refused is not None:
        return refused
    lowered = str(orig).lower()
    detail = _detail(str(orig))
    if "ssl" in lowered or "certificate" in lowered or "tls" in lowered:
        return ServerConnectionError(
            f"The secure (TLS) connection to the database server {settings.where} failed "
            f"({detail}). Check that the server offers TLS with a certificate for "
            f"{settings.host} issued by the CA in {settings.sslrootcert or 'the settings'}, "
            "or ask IT. No password was sent."
        )
    if any(
        sign in lowered
        for sign in (
            "connection refused",
            "could not connect",
            "timeout expired",
            "failed to resolve host",
            "could not translate host name",
            "no route to host",
            "network is unreachable",
            "server closed the connection",
            "connection failed",
            "terminating connection",
            "consuming input failed",
            "the connection is closed",
            "connection is lost",
        )
    ):
        return ServerConnectionError(
            f"ExitBot cannot reach the database server {settings.where} ({detail}). Check that "
            "this computer is on the network and that the server is running, then try again; "
            "if it persists, ask IT. Nothing was changed."
        )
    return None


def _detail(message: str) -> str:
    """libpq's own reason, without the address it already names and the FATAL tag."""
    return message.rsplit("failed: ", 1)[-1].replace("FATAL:  ", "").strip().splitlines()[0]


def _refusal(message: str, settings: ServerSettings) -> ServerConnectionError | None:
    """The sentence for a server that answered but refused this station: wrong password
    or role, no such database, or not allowed from this computer."""
    lowered = message.lower()
    if "password authentication failed" in lowered or (
        "role" in lowered and "does not exist" in lowered
    ):
        return ServerConnectionError(
            f"The database server {settings.where} refused the role '{settings.user}' with this "
            "password. Check the password and try again; if it is right, ask IT whether the "
            "role exists and may log in."
        )
    if "database" in lowered and "does not exist" in lowered:
        return ServerConnectionError(
            f"The database server {settings.host}:{settings.port} has no database "
            f"'{settings.dbname}'. Check the database name in the server address, or ask IT "
            "to create it."
        )
    if "pg_hba.conf" in lowered:
        return ServerConnectionError(
            f"The database server {settings.where} does not accept connections from this "
            f"computer for the role '{settings.user}' ({_detail(message)}). Ask IT to allow "
            "this station in the server's pg_hba.conf."
        )
    return None


def translate_error(exc: BaseException, url: URL) -> StoreError | None:
    """The known server failure behind `exc` (in a transaction, or reconnecting) as a
    sentence, or None when it is a bug: a unique violation, say, is ExitBot's mistake."""
    # Imported here: psycopg costs 0.1 s to import, which a station on the embedded file
    # must not pay at every start; on a server SQLAlchemy has loaded it already.
    import psycopg
    from psycopg import errors as pg_errors

    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(orig, psycopg.Error):
        return None
    where = f"{url.host}:{url.port}/{url.database}"
    if isinstance(orig, pg_errors.SerializationFailure | pg_errors.DeadlockDetected):
        return DatabaseLockedError(
            f"Another station changed the same data on the database server {where} at the "
            "same moment, so this change was not saved. Try again; earlier changes are safe."
        )
    if isinstance(orig, pg_errors.DiskFull):
        return DiskFullError(
            f"The database server {where} has run out of space, so the last change was not "
            "saved; earlier changes are safe. Tell IT: the server's disk must be freed."
        )
    if isinstance(orig, pg_errors.AdminShutdown | pg_errors.CannotConnectNow) or (
        isinstance(orig, psycopg.OperationalError | psycopg.InterfaceError)
        and orig.sqlstate is None
    ):
        # Reconnecting may find the password or role no longer valid since unlocking.
        settings = ServerSettings(
            host=url.host or "",
            user=url.username or "",
            port=url.port or 5432,
            dbname=url.database or "",
        )
        return _refusal(str(orig), settings) or ServerConnectionError(
            f"The connection to the database server {where} was lost, so the last change "
            "was not saved; earlier changes are safe. Check that this computer is on the "
            "network and try again; if it persists, ask IT whether the server is running."
        )
    return None
