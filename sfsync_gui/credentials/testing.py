"""An in-memory keyring backend for tests (of this package, the CLI and the window).

    keyring.set_keyring(MemoryKeyring())   # or Credentials(backend=MemoryKeyring())

Its priority is below zero, so keyring never picks it by itself. Not for real use: what
it holds is gone when the process ends.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """Secrets in a dict, ``(service, username) -> password``; ``entries`` is that dict."""

    @properties.classproperty
    def priority(cls) -> float:
        return -10

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.entries[(service, username)]
        except KeyError:
            raise PasswordDeleteError("no such password") from None
