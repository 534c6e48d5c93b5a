"""Certificates of the local org: a private CA, the HTTPS server certificate it signs, and
the RSA pair a connected app signs JWT bearer assertions with.

Everything lives in the org's data folder and is generated once, then reused, so a client
that was told to trust ``ca.pem`` keeps trusting the org across restarts. When only the
server certificate nears its end it is re-issued by the same CA for that reason.

Validity is judged against the real wall clock, never the org's :class:`Clock`: TLS
clients check certificates against real time, whatever offset a test gave the org.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

#: Folder (inside the data folder) holding the CA and the server certificate.
TLS_DIR = "tls"
#: Folder (inside the data folder) holding the connected app's JWT signing pair.
JWT_DIR = "jwt"

SERVER_VALIDITY = timedelta(days=365)
CA_VALIDITY = timedelta(days=3650)
JWT_VALIDITY = timedelta(days=730)
#: Re-issue a certificate that ends within this margin rather than let it lapse mid-run.
RENEW_MARGIN = timedelta(days=7)
#: A CA this close to its end is replaced (and with it every certificate it signed).
CA_RENEW_MARGIN = timedelta(days=30)
#: Certificates start slightly in the past so a client clock a bit behind still accepts them.
BACKDATE = timedelta(hours=1)

SERVER_IP = ipaddress.IPv4Address("127.0.0.1")
SERVER_DNS = "localhost"

_PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


@dataclass(frozen=True)
class TlsFiles:
    """PEM files of the local org's HTTPS identity.

    ``ca_file`` is what clients trust (``requests``' ``verify=``, ``ssl``'s ``cafile=``);
    ``cert_file`` and ``key_file`` are what the server presents.
    """

    ca_file: Path
    cert_file: Path
    key_file: Path


def _utcnow() -> datetime:
    """Real current time (a seam for tests that need certificates to look old)."""
    return datetime.now(UTC)


# ---------------------------------------------------------------------------------------
# Files


def _write(path: Path, data: bytes, *, private: bool) -> None:
    """Write ``data`` atomically; private files are created 0600 from the first byte, so a
    key is never readable by others even for a moment."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o644)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if private:
        # os.open's mode only applies on creation; be explicit in case the file pre-existed.
        os.chmod(path, 0o600)


def _key_pem(key: _PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _load_pair(cert_path: Path, key_path: Path) -> tuple[x509.Certificate, _PrivateKey] | None:
    """The certificate and its key, or None when either is missing, unreadable, or they do
    not belong together."""
    try:
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError):
        return None
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        return None
    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    if key.public_key().public_bytes(*spki) != cert.public_key().public_bytes(*spki):
        return None
    return cert, key


def _ensure_private_mode(path: Path) -> None:
    """Tighten a reused key file that someone copied in with looser permissions."""
    if os.name == "posix" and path.stat().st_mode & 0o077:
        os.chmod(path, 0o600)


# ---------------------------------------------------------------------------------------
# Certificate building


def _name(common_name: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "sfsync-gui local org"),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])


def _key_usage(*, digital_signature: bool = False, cert_sign: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=digital_signature,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def _make_ca(now: datetime) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name("sfsync-gui local org CA")
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE)
        .not_valid_after(now + CA_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .add_extension(ski, critical=False)
        # Strict verifiers (Python 3.13's default VERIFY_X509_STRICT) want both identifiers.
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    return cert, key


def _make_server(
    ca_cert: x509.Certificate, ca_key: _PrivateKey, now: datetime
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    # Never outlive the CA: a chain with an expired issuer fails verification anyway.
    not_after = min(now + SERVER_VALIDITY, ca_cert.not_valid_after_utc)
    ca_ski = ca_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(SERVER_DNS))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(digital_signature=True), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName(SERVER_DNS), x509.IPAddress(SERVER_IP)]),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return cert, key


def _server_cert_ok(
    cert: x509.Certificate, ca_cert: x509.Certificate, now: datetime
) -> bool:
    """Whether a stored server certificate can be served for a while longer."""
    if cert.not_valid_after_utc - now < RENEW_MARGIN or cert.not_valid_before_utc > now:
        return False
    try:
        cert.verify_directly_issued_by(ca_cert)
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except (InvalidSignature, ValueError, TypeError, x509.ExtensionNotFound):
        return False
    return SERVER_IP in san.get_values_for_type(x509.IPAddress) and SERVER_DNS in (
        san.get_values_for_type(x509.DNSName)
    )


# ---------------------------------------------------------------------------------------
# Public API


def ensure_certificates(data_dir: Path) -> TlsFiles:
    """Return the org's CA and server certificate files, creating them when needed.

    Files go to ``data_dir/tls/``: ``ca.pem`` and ``ca-key.pem`` (the CA, EC P-256, ten
    years), ``server.pem`` and ``server-key.pem`` (EC P-256, one year, SAN IP 127.0.0.1
    and DNS localhost, serverAuth). Valid files are reused untouched. A server certificate
    that ends within seven days, is damaged, or was not signed by the stored CA is re-issued
    by the same CA; a missing or ending CA is replaced together with the server certificate.
    Key files are mode 0600.
    """
    folder = Path(data_dir).absolute() / TLS_DIR
    ca_path, ca_key_path = folder / "ca.pem", folder / "ca-key.pem"
    cert_path, key_path = folder / "server.pem", folder / "server-key.pem"
    files = TlsFiles(ca_file=ca_path, cert_file=cert_path, key_file=key_path)
    now = _utcnow()

    ca = _load_pair(ca_path, ca_key_path)
    if ca is None or ca[0].not_valid_after_utc - now < CA_RENEW_MARGIN:
        ca_cert, ca_key = _make_ca(now)
        _write(ca_key_path, _key_pem(ca_key), private=True)
        _write(ca_path, _cert_pem(ca_cert), private=False)
    else:
        ca_cert, ca_key = ca
        _ensure_private_mode(ca_key_path)

    server = _load_pair(cert_path, key_path)
    if server is None or not _server_cert_ok(server[0], ca_cert, now):
        cert, key = _make_server(ca_cert, ca_key, now)
        # Key first: a crash between the two writes then leaves a mismatched pair, which the
        # next start detects and repairs, rather than a new certificate with an old key.
        _write(key_path, _key_pem(key), private=True)
        _write(cert_path, _cert_pem(cert), private=False)
    else:
        _ensure_private_mode(key_path)
    return files


def server_context(files: TlsFiles) -> ssl.SSLContext:
    """A server-side TLS context presenting the org's certificate, TLS 1.2 or newer."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.load_cert_chain(certfile=str(files.cert_file), keyfile=str(files.key_file))
    return ctx


def ensure_jwt_keypair(data_dir: Path) -> tuple[Path, Path]:
    """Return ``(private_key_pem_path, certificate_pem_path)`` of the connected app's JWT
    signing pair, creating it when needed.

    RSA 2048 with a self-signed certificate (two years), in ``data_dir/jwt/``. Whoever signs
    JWT bearer assertions (tests, the demo) uses the private key; the org registers the
    certificate (:meth:`OAuthServer.register_jwt_certificate`). The key file is mode 0600.
    """
    folder = Path(data_dir).absolute() / JWT_DIR
    key_path, cert_path = folder / "jwt-private-key.pem", folder / "jwt-certificate.pem"
    now = _utcnow()
    pair = _load_pair(cert_path, key_path)
    if (
        pair is not None
        and isinstance(pair[1], rsa.RSAPrivateKey)
        and pair[0].not_valid_after_utc - now >= RENEW_MARGIN
    ):
        _ensure_private_mode(key_path)
        return key_path, cert_path

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = _name("sfsync-gui connected app JWT signer")
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE)
        .not_valid_after(now + JWT_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(digital_signature=True), critical=True)
        .sign(key, hashes.SHA256())
    )
    _write(key_path, _key_pem(key), private=True)
    _write(cert_path, _cert_pem(cert), private=False)
    return key_path, cert_path


# ---------------------------------------------------------------------------------------
# Certificates with one thing wrong, for tests of what a client refuses

#: What :func:`issue_faulty_certificate` can get wrong.
FAULTS = ("expired", "not_yet_valid", "wrong_name", "unknown_ca")


def issue_faulty_certificate(data_dir: Path, fault: str) -> TlsFiles:
    """A server certificate for ``127.0.0.1`` with exactly one fault, for tests.

    ``expired`` and ``not_yet_valid`` move the validity out of today; ``wrong_name``
    names only ``sfsync.invalid`` and 10.255.255.1; ``unknown_ca`` is signed by a fresh
    CA nobody trusts. Everything else is as :func:`ensure_certificates` makes it, signed by
    the org's own CA, whose file is the returned ``ca_file`` (what a client would trust).
    The files go to ``data_dir/tls-<fault>/``; the org's own files are left alone.
    """
    if fault not in FAULTS:
        raise ValueError(f"fault must be one of {', '.join(FAULTS)}")
    own = ensure_certificates(data_dir)
    loaded = _load_pair(own.ca_file, Path(data_dir).absolute() / TLS_DIR / "ca-key.pem")
    assert loaded is not None
    ca_cert, ca_key = loaded
    now = _utcnow()
    if fault == "unknown_ca":
        ca_cert, ca_key = _make_ca(now)
    cert, key = _make_server(ca_cert, ca_key, now)
    builder = (x509.CertificateBuilder().subject_name(cert.subject)
               .issuer_name(ca_cert.subject).public_key(key.public_key())
               .serial_number(x509.random_serial_number()))
    start, end = cert.not_valid_before_utc, cert.not_valid_after_utc
    if fault == "expired":
        start, end = now - timedelta(days=30), now - timedelta(days=1)
    elif fault == "not_yet_valid":
        start, end = now + timedelta(days=1), now + timedelta(days=30)
    builder = builder.not_valid_before(start).not_valid_after(end)
    for ext in cert.extensions:
        value = ext.value
        if fault == "wrong_name" and isinstance(value, x509.SubjectAlternativeName):
            value = x509.SubjectAlternativeName([
                x509.DNSName("sfsync.invalid"),
                x509.IPAddress(ipaddress.IPv4Address("10.255.255.1"))])
        builder = builder.add_extension(value, critical=ext.critical)
    cert = builder.sign(ca_key, hashes.SHA256())
    folder = Path(data_dir).absolute() / f"{TLS_DIR}-{fault}"
    files = TlsFiles(ca_file=own.ca_file, cert_file=folder / "server.pem",
                     key_file=folder / "server-key.pem")
    _write(files.key_file, _key_pem(key), private=True)
    _write(files.cert_file, _cert_pem(cert), private=False)
    return files
