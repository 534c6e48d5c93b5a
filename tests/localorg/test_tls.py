"""The local org's certificates: a real TLS handshake, trust, reuse and renewal."""

from __future__ import annotations

import os
import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID

from sfsync_gui.localorg import tls
from sfsync_gui.localorg.tls import TlsFiles, ensure_certificates, ensure_jwt_keypair


@contextmanager
def tls_echo_server(files: TlsFiles) -> Iterator[int]:
    """A one-thread TLS server on 127.0.0.1 that answers each connection with ``ok``."""
    ctx = tls.server_context(files)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                raw, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            raw.settimeout(5)
            try:
                with ctx.wrap_socket(raw, server_side=True) as conn:
                    conn.sendall(b"ok")
            except (ssl.SSLError, OSError):
                # A client that refuses our certificate aborts the handshake: expected.
                raw.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(5)
        listener.close()


def fetch(port: int, cafile: Path, server_hostname: str) -> bytes:
    client = ssl.create_default_context(cafile=str(cafile))
    with (
        socket.create_connection(("127.0.0.1", port), timeout=5) as raw,
        client.wrap_socket(raw, server_hostname=server_hostname) as conn,
    ):
        return conn.recv(10)


def file_bytes(files: TlsFiles) -> tuple[bytes, bytes, bytes]:
    return files.ca_file.read_bytes(), files.cert_file.read_bytes(), files.key_file.read_bytes()


def test_handshake_verified_for_ip_and_localhost(tmp_path: Path) -> None:
    files = ensure_certificates(tmp_path)
    with tls_echo_server(files) as port:
        assert fetch(port, files.ca_file, "127.0.0.1") == b"ok"
        assert fetch(port, files.ca_file, "localhost") == b"ok"


def test_client_trusting_another_ca_is_refused(tmp_path: Path) -> None:
    files = ensure_certificates(tmp_path / "org")
    other = ensure_certificates(tmp_path / "other")
    with tls_echo_server(files) as port:
        with pytest.raises(ssl.SSLCertVerificationError):
            fetch(port, other.ca_file, "127.0.0.1")
        # The server keeps serving after a refused handshake.
        assert fetch(port, files.ca_file, "127.0.0.1") == b"ok"


def test_wrong_hostname_is_refused(tmp_path: Path) -> None:
    files = ensure_certificates(tmp_path)
    with tls_echo_server(files) as port, pytest.raises(ssl.SSLCertVerificationError):
        fetch(port, files.ca_file, "example.com")


def test_certificate_contents(tmp_path: Path) -> None:
    files = ensure_certificates(tmp_path)
    ca = x509.load_pem_x509_certificate(files.ca_file.read_bytes())
    cert = x509.load_pem_x509_certificate(files.cert_file.read_bytes())
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert ca.extensions.get_extension_for_class(x509.KeyUsage).value.key_cert_sign
    cert.verify_directly_issued_by(ca)
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert [str(ip) for ip in san.get_values_for_type(x509.IPAddress)] == ["127.0.0.1"]
    assert san.get_values_for_type(x509.DNSName) == ["localhost"]
    eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert ExtendedKeyUsageOID.SERVER_AUTH in eku
    lifetime = cert.not_valid_after_utc - cert.not_valid_before_utc
    assert timedelta(days=360) < lifetime < timedelta(days=370)


def test_context_requires_tls12(tmp_path: Path) -> None:
    ctx = tls.server_context(ensure_certificates(tmp_path))
    assert ctx.minimum_version >= ssl.TLSVersion.TLSv1_2


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_key_files_are_private(tmp_path: Path) -> None:
    files = ensure_certificates(tmp_path)
    jwt_key, _ = ensure_jwt_keypair(tmp_path)
    for key in (files.key_file, files.ca_file.with_name("ca-key.pem"), jwt_key):
        assert key.stat().st_mode & 0o777 == 0o600, key


def test_reuse_keeps_the_same_files(tmp_path: Path) -> None:
    first = ensure_certificates(tmp_path)
    before = file_bytes(first)
    second = ensure_certificates(tmp_path)
    assert second == first
    assert file_bytes(second) == before


def test_server_cert_near_expiry_is_reissued_by_the_same_ca(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = ensure_certificates(tmp_path)
    ca_before, cert_before, key_before = file_bytes(files)
    real_now = tls._utcnow()
    monkeypatch.setattr(tls, "_utcnow", lambda: real_now + timedelta(days=360))
    ensure_certificates(tmp_path)
    ca_after, cert_after, key_after = file_bytes(files)
    assert ca_after == ca_before
    assert cert_after != cert_before
    assert key_after != key_before


def test_missing_or_damaged_files_are_regenerated(tmp_path: Path) -> None:
    files = ensure_certificates(tmp_path)
    files.cert_file.unlink()
    ensure_certificates(tmp_path)
    assert files.cert_file.exists()
    files.key_file.write_bytes(b"not a key")
    ensure_certificates(tmp_path)
    with tls_echo_server(files) as port:
        assert fetch(port, files.ca_file, "127.0.0.1") == b"ok"


def test_replaced_ca_reissues_the_server_cert(tmp_path: Path) -> None:
    files = ensure_certificates(tmp_path)
    files.ca_file.unlink()
    ensure_certificates(tmp_path)
    with tls_echo_server(files) as port:
        assert fetch(port, files.ca_file, "localhost") == b"ok"


def test_jwt_keypair_signs_and_is_reused(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization

    key_path, cert_path = ensure_jwt_keypair(tmp_path)
    assert ensure_jwt_keypair(tmp_path) == (key_path, cert_path)
    key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    assert key.key_size == 2048
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    cert.verify_directly_issued_by(cert)  # self-signed
    signature = key.sign(b"payload", padding.PKCS1v15(), hashes.SHA256())
    public = cert.public_key()
    assert isinstance(public, rsa.RSAPublicKey)
    public.verify(signature, b"payload", padding.PKCS1v15(), hashes.SHA256())
