"""Verified TLS to a real server: with the organisation's CA the station connects over
TLS (`sslmode=verify-full`); with another CA it is refused with a sentence."""

from __future__ import annotations

import datetime
import ipaddress
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import text

from bench.pg_cluster import SUPERUSER, Cluster, ClusterError, throwaway_cluster
from exitbot_desktop.engine.errors import ServerConnectionError
from exitbot_desktop.engine.store import server_connection

PASSWORD = "tls-test-role-password"


def _ca(name: str) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return certificate, key


def _server_certificate(
    ca: x509.Certificate, ca_key: ec.EllipticCurvePrivateKey
) -> tuple[bytes, bytes]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    pem_key = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return certificate.public_bytes(serialization.Encoding.PEM), pem_key


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Cluster, Path, Path]]:
    """A cluster offering TLS with a certificate of our own CA; yields it, that CA's file
    and another CA's file."""
    folder = tmp_path_factory.mktemp("ca")
    ca, ca_key = _ca("Acme test CA")
    other, _ = _ca("Someone else's CA")
    (folder / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (folder / "other.pem").write_bytes(other.public_bytes(serialization.Encoding.PEM))
    try:
        with throwaway_cluster(durable=False, tls=_server_certificate(ca, ca_key)) as cluster:
            with psycopg.connect(
                host=str(cluster.socket_dir), port=cluster.port, user=SUPERUSER,
                dbname="postgres", autocommit=True,
            ) as admin:  # fmt: skip
                admin.execute(f"CREATE ROLE station LOGIN PASSWORD '{PASSWORD}'")
                admin.execute("CREATE DATABASE exitbot OWNER station")
            yield cluster, folder / "ca.pem", folder / "other.pem"
    except ClusterError as exc:
        pytest.fail(str(exc))


def _url(cluster: Cluster, ca_file: Path) -> str:
    return (
        f"postgresql://station@localhost:{cluster.port}/exitbot"
        f"?sslmode=verify-full&sslrootcert={ca_file}"
    )


def test_with_the_organisations_ca_the_station_talks_over_verified_tls(
    tls_server: tuple[Cluster, Path, Path],
) -> None:
    cluster, ca_file, _other = tls_server
    settings = server_connection.from_url(_url(cluster, ca_file))
    engine = server_connection.open_server_engine(settings, PASSWORD)
    try:
        with engine.connect() as conn:
            encrypted = conn.scalar(
                text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            )
    finally:
        engine.dispose()
    assert encrypted is True


def test_a_server_whose_certificate_another_ca_signed_is_refused(
    tls_server: tuple[Cluster, Path, Path],
) -> None:
    cluster, _ca_file, other = tls_server
    settings = server_connection.from_url(_url(cluster, other))

    with pytest.raises(ServerConnectionError) as refused:
        server_connection.open_server_engine(settings, PASSWORD)

    assert (
        "certificate" in refused.value.user_message.lower() or "TLS" in refused.value.user_message
    )
