"""A station's central-server settings and connection: the URL it is given, the TLS rule,
`server.json` (0600, never a password), and each way connecting fails, against the real
throwaway PostgreSQL server."""

from __future__ import annotations

import datetime
import json
import stat
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from ollama_fake import free_port
from postgres_server import PostgresDatabase
from sqlalchemy import text

from exitbot_desktop.engine.errors import ServerConnectionError, ServerSettingsError
from exitbot_desktop.engine.store import server_connection
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.server_connection import ServerSettings


def _ca_file(folder: Path) -> Path:
    """A real self-signed CA certificate in PEM."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ExitBot test CA")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    path = folder / "ca.pem"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


def _settings(database: PostgresDatabase, **changes: object) -> ServerSettings:
    fields: dict[str, object] = {
        "host": database.host,
        "port": database.port,
        "user": database.user,
        "dbname": database.dbname,
        **changes,
    }
    return ServerSettings(**fields)  # type: ignore[arg-type]


def test_the_url_gives_host_port_database_role_and_tls_settings(tmp_path: Path) -> None:
    ca = _ca_file(tmp_path)
    settings = server_connection.from_url(
        f"postgresql://exitbot@db.example.org:6543/hr?sslmode=verify-full&sslrootcert={ca}"
    )
    assert settings == ServerSettings(
        host="db.example.org",
        port=6543,
        dbname="hr",
        user="exitbot",
        sslmode="verify-full",
        sslrootcert=ca,
    )
    assert server_connection.from_url(settings.url()) == settings


def test_a_remote_server_without_sslmode_gets_verify_full_when_a_ca_file_is_named(
    tmp_path: Path,
) -> None:
    ca = _ca_file(tmp_path)
    settings = server_connection.from_url(f"postgresql://exitbot@db.example.org/?sslrootcert={ca}")
    assert (settings.port, settings.dbname, settings.effective_sslmode) == (
        5432,
        "exitbot",
        "verify-full",
    )


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://exitbot@127.0.0.1:5432/exitbot",
        "postgresql://exitbot@localhost/exitbot?sslmode=disable",
        "postgresql://exitbot@[::1]:5432/exitbot",
        "postgresql://exitbot@/exitbot?host=/var/run/postgresql",
    ],
)
def test_a_server_on_this_computer_may_be_reached_without_tls(url: str) -> None:
    settings = server_connection.from_url(url)
    assert settings.is_local
    assert server_connection.from_url(settings.url()) == settings


@pytest.mark.parametrize(
    ("query", "sentence"),
    [
        ("", "add sslrootcert="),
        ("?sslmode=require&sslrootcert={ca}", "only over TLS that checks the server's certificate"),
        ("?sslmode=disable", "use sslmode=verify-full"),
        ("?sslrootcert={missing}", "cannot be read"),
    ],
)
def test_a_remote_server_without_verified_tls_is_refused_before_connecting(
    tmp_path: Path, query: str, sentence: str
) -> None:
    ca = _ca_file(tmp_path)
    url = "postgresql://exitbot@db.example.org/exitbot" + query.format(
        ca=ca, missing=tmp_path / "missing.pem"
    )
    with pytest.raises(ServerSettingsError, match=sentence) as refused:
        server_connection.from_url(url)
    assert "Nothing was sent to the server" in refused.value.user_message


def test_opening_a_remote_server_without_tls_is_refused_before_any_connection() -> None:
    # Settings built by hand (not through from_url) are held to the same rule; the host
    # does not resolve, so a connection attempt would fail with another sentence.
    settings = ServerSettings(host="db.invalid", user="exitbot", sslmode="prefer")
    with pytest.raises(ServerSettingsError, match="only over TLS"):
        server_connection.open_server_engine(settings, "secret")


@pytest.mark.parametrize(
    ("url", "sentence"),
    [
        ("postgresql://exitbot:hunter2@127.0.0.1/exitbot", "must not contain a password"),
        ("mysql://exitbot@127.0.0.1/exitbot", "not a PostgreSQL server address"),
        ("postgresql://127.0.0.1/exitbot", "must name the database role"),
        ("postgresql://exitbot@127.0.0.1:99999/exitbot", "not a number from 1 to 65535"),
        ("postgresql://exitbot@127.0.0.1/exitbot?password=x", "does not know the server setting"),
        ("postgresql://exitbot@127.0.0.1/exitbot?sslmode=paranoid", "not a TLS mode"),
    ],
)
def test_a_bad_server_address_gets_a_sentence(url: str, sentence: str) -> None:
    with pytest.raises(ServerSettingsError, match=sentence) as refused:
        server_connection.from_url(url)
    assert "hunter2" not in refused.value.user_message


def test_the_settings_file_is_private_and_holds_no_password(
    folder: DataFolder, tmp_path: Path
) -> None:
    ca = _ca_file(tmp_path)
    settings = server_connection.from_url(
        f"postgresql://exitbot@db.example.org/exitbot?sslrootcert={ca}"
    )
    server_connection.save(folder, settings)
    assert stat.S_IMODE(folder.server_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.root.stat().st_mode) == 0o700
    stored = json.loads(folder.server_path.read_text(encoding="utf-8"))
    assert "password" not in stored
    assert server_connection.load(folder) == settings
    server_connection.save(folder, ServerSettings(host="127.0.0.1", user="other"))
    assert server_connection.load(folder) == ServerSettings(host="127.0.0.1", user="other")
    assert stat.S_IMODE(folder.server_path.stat().st_mode) == 0o600


def test_no_settings_file_means_no_server(folder: DataFolder) -> None:
    assert server_connection.load(folder) is None


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        ("{not json", "cannot be read"),
        ('{"format": 1, "host": "127.0.0.1"}', "cannot be read"),
        (
            '{"format": 1, "host": "127.0.0.1", "user": "x", "password": "hunter2"}',
            "contains a password",
        ),
        ('{"format": 1, "host": "db.example.org", "user": "x"}', "add sslrootcert"),
    ],
)
def test_a_damaged_or_unsafe_settings_file_gets_a_sentence(
    folder: DataFolder, content: str, sentence: str
) -> None:
    folder.make_private()
    folder.server_path.write_text(content, encoding="utf-8")
    with pytest.raises(ServerSettingsError, match=sentence):
        server_connection.load(folder)


def test_the_station_connects_with_the_right_password(postgres_database: PostgresDatabase) -> None:
    settings = server_connection.from_url(postgres_database.url)
    engine = server_connection.open_server_engine(settings, postgres_database.password)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT current_user")).scalar_one() == postgres_database.user
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("change", "password", "sentence"),
    [
        ({}, "wrong password", "refused the role '{user}' with this password"),
        ({"user": "nobody"}, None, "refused the role 'nobody' with this password"),
        ({"dbname": "no_such_db"}, None, "has no database 'no_such_db'"),
        ({"port": "free"}, None, "cannot reach the database server"),
        ({"host": "localhost", "sslmode": "verify-full", "sslrootcert": "ca"}, None, "TLS"),
    ],
)
def test_each_connection_failure_says_what_to_do(
    postgres_database: PostgresDatabase,
    tmp_path: Path,
    change: dict[str, object],
    password: str | None,
    sentence: str,
) -> None:
    if change.get("port") == "free":
        change = {**change, "port": free_port()}
    if change.get("sslrootcert") == "ca":
        change = {**change, "sslrootcert": _ca_file(tmp_path)}
    settings = _settings(postgres_database, **change)
    with pytest.raises(ServerConnectionError) as failed:
        server_connection.open_server_engine(settings, password or postgres_database.password)
    message = failed.value.user_message
    assert sentence.format(user=postgres_database.user) in message
    assert postgres_database.password not in message
