"""Secrets of the profiles, in the keyring and nowhere else.

Each profile has one keyring *service*, ``sfsync-gui/<profile>``, and one entry per kind of
secret (the keyring "username" is the kind). Everything goes through the guard
(:mod:`.guard`): a plaintext, null or failing backend is refused before anything is written.
"""

from __future__ import annotations

import logging
import secrets as _random
from collections.abc import Iterable

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from ..salesforce.errors import redact
from .errors import KeyringFailed
from .guard import backend_name, usable_backend

log = logging.getLogger("sfsync.credentials.keyring")

SERVICE_PREFIX = "sfsync-gui/"

REFRESH_TOKEN = "refresh-token"
ACCESS_TOKEN = "access-token"
CLIENT_SECRET = "client-secret"
KEY_PASSPHRASE = "key-passphrase"
PASSWORD = "password"
SECURITY_TOKEN = "security-token"
#: Every kind of secret a profile may have; ``disconnect`` removes them all.
SECRET_KINDS = (REFRESH_TOKEN, ACCESS_TOKEN, CLIENT_SECRET, KEY_PASSPHRASE, PASSWORD,
                SECURITY_TOKEN)


def service_name(profile: str) -> str:
    """The keyring service of a profile's secrets."""
    return SERVICE_PREFIX + profile


class SecretStore:
    """The keyring, guarded.

    Args:
        backend: the keyring backend to use; None means keyring's current one
            (``keyring.get_keyring()``, which ``keyring.set_keyring`` changes — tests do).
            Either way it is checked by :func:`~.guard.usable_backend` on first use.
    """

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._given = backend
        self._backend: KeyringBackend | None = None

    def __repr__(self) -> str:
        name = backend_name(self._backend) if self._backend is not None else "(not checked)"
        return f"SecretStore({name})"

    @property
    def backend(self) -> KeyringBackend:
        """The checked backend. Raises :class:`~.errors.KeyringRefused`."""
        if self._backend is None:
            self._backend = usable_backend(self._given)
        return self._backend

    @property
    def backend_name(self) -> str:
        """The checked backend's ``module.Class``."""
        return backend_name(self.backend)

    def get(self, profile: str, kind: str) -> str | None:
        """A secret of ``profile``, or None when there is none."""
        _check_kind(kind)
        backend = self.backend
        try:
            return backend.get_password(service_name(profile), kind)
        except Exception as exc:
            raise self._failed("read", kind, profile, exc) from None

    def set(self, profile: str, kind: str, value: str) -> None:
        """Keep a secret of ``profile`` (replacing the one there)."""
        _check_kind(kind)
        if not value:
            raise ValueError(f"an empty {kind} is not kept; delete it instead")
        backend = self.backend
        try:
            backend.set_password(service_name(profile), kind, value)
        except Exception as exc:
            raise self._failed("store", kind, profile, exc) from None
        log.debug("stored the %s of profile %s in %s", kind, profile, backend_name(backend))

    def delete(self, profile: str, kind: str) -> bool:
        """Remove a secret of ``profile``; False when there was none."""
        _check_kind(kind)
        backend = self.backend
        try:
            if backend.get_password(service_name(profile), kind) is None:
                return False
            backend.delete_password(service_name(profile), kind)
        except PasswordDeleteError:
            return False
        except Exception as exc:
            raise self._failed("remove", kind, profile, exc) from None
        log.debug("removed the %s of profile %s", kind, profile)
        return True

    def delete_all(self, profile: str, kinds: Iterable[str] = SECRET_KINDS) -> list[str]:
        """Remove every secret of ``profile`` (of ``kinds``); return the kinds removed."""
        return [kind for kind in kinds if self.delete(profile, kind)]

    def probe(self) -> None:
        """Write, read back and remove a throw-away entry, so a locked or broken keyring
        shows up before anyone signs in. Raises :class:`~.errors.KeyringFailed`."""
        backend = self.backend
        service, value = SERVICE_PREFIX + "probe", _random.token_hex(8)
        try:
            backend.set_password(service, "probe", value)
            back = backend.get_password(service, "probe")
            backend.delete_password(service, "probe")
        except Exception as exc:
            raise KeyringFailed(f"the keyring ({backend_name(backend)}) does not work: "
                                f"{_describe(exc)}") from None
        if back != value:
            raise KeyringFailed(f"the keyring ({backend_name(backend)}) did not give back "
                                "what was stored in it")

    def _failed(self, action: str, kind: str, profile: str, exc: Exception) -> KeyringFailed:
        return KeyringFailed(f"the keyring ({backend_name(self.backend)}) could not {action} "
                             f"the {kind} of profile {profile!r}: {_describe(exc)}")


def _check_kind(kind: str) -> None:
    if kind not in SECRET_KINDS:
        raise ValueError(f"unknown kind of secret {kind!r}")


def _describe(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return redact(f"{type(exc).__name__}: {text}" if text else type(exc).__name__)
