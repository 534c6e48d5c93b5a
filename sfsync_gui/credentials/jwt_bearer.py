"""JWT bearer assertions (RS256), signed with the connected app's private key.

The assertion's claims are Salesforce's: ``iss`` the consumer key, ``sub`` the username,
``aud`` the login server, ``exp`` a few minutes ahead. The key file may be encrypted; its
passphrase comes from the keyring, never from the profile.
"""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from .errors import ProfileError
from .profiles import MY_DOMAIN, PRODUCTION_URL, SANDBOX, SANDBOX_URL

#: Seconds an assertion is valid (Salesforce accepts up to 3 minutes ahead plus skew).
LIFETIME = 170


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _read(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ProfileError(f"cannot read the private key file {path}: "
                           f"{exc.strerror or exc}") from None


def key_is_encrypted(path: str | Path) -> bool:
    """Whether the PEM key file at ``path`` needs a passphrase."""
    try:
        serialization.load_pem_private_key(_read(path), password=None)
    except TypeError:  # "Password was not given but private key is encrypted"
        return True
    except ValueError:
        return False  # not a key at all: load_private_key says so
    return False


def load_private_key(path: str | Path, passphrase: str | None = None) -> rsa.RSAPrivateKey:
    """The RSA private key in the PEM file ``path``.

    Raises:
        ProfileError: unreadable, not an RSA key, encrypted without a passphrase, or the
            passphrase is wrong. The message never repeats the passphrase.
    """
    data = _read(path)
    password = passphrase.encode("utf-8") if passphrase else None
    try:
        key = serialization.load_pem_private_key(data, password=password)
    except TypeError:
        if password is None:
            raise ProfileError(f"the private key {path} is encrypted: its passphrase is "
                               "needed") from None
        raise ProfileError(f"the private key {path} is not encrypted, yet a passphrase "
                           "was given") from None
    except ValueError:
        if password is not None:
            raise ProfileError(f"cannot open the private key {path}: wrong passphrase, or "
                               "not a PEM private key") from None
        raise ProfileError(f"{path} is not a PEM private key") from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ProfileError(f"the private key {path} is not an RSA key (RS256 needs one)")
    return key


def audience(login_url: str, login_kind: str) -> str:
    """The ``aud`` claim for a login URL: Salesforce's login server for production and
    My Domain (``test.salesforce.com`` for sandboxes), the URL itself when custom."""
    if login_kind == SANDBOX or (login_kind == MY_DOMAIN and ".sandbox." in login_url):
        return SANDBOX_URL
    if login_kind == MY_DOMAIN:
        return PRODUCTION_URL
    return login_url.rstrip("/")


def make_assertion(key: rsa.RSAPrivateKey, *, client_id: str, username: str, aud: str,
                   now: float | None = None, lifetime: int = LIFETIME) -> str:
    """A signed JWT bearer assertion (``header.claims.signature``)."""
    issued = int(time.time() if now is None else now)
    header = _b64(json.dumps({"alg": "RS256", "typ": "JWT"}, separators=(",", ":")).encode())
    claims = _b64(json.dumps({"iss": client_id, "sub": username, "aud": aud,
                              "exp": issued + lifetime}, separators=(",", ":")).encode())
    signing_input = f"{header}.{claims}".encode("ascii")
    signature = key.sign(signing_input, padding.PKCS1v15(), hashes.SHA256())
    return f"{header}.{claims}.{_b64(signature)}"
