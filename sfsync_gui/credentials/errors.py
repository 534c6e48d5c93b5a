"""What can go wrong with profiles, the keyring and signing in.

Messages never carry a secret: they name files, profiles, backends and Salesforce's error
codes, never a token, a password or a passphrase.
"""

from __future__ import annotations

from ..salesforce.errors import ConfigError


class ProfileError(ConfigError):
    """A profile cannot be used as given: unknown name, bad field, unreadable settings file."""


class KeyringRefused(ConfigError):
    """The keyring backend is plaintext, null or failing: no secret is written to it.

    Attributes:
        backend: the backend's full class name (``keyrings.alt.file.PlaintextKeyring``).
    """

    def __init__(self, message: str, backend: str) -> None:
        super().__init__(message)
        self.backend = backend


class KeyringFailed(ConfigError):
    """A usable-looking keyring failed an operation (locked, prompt dismissed, D-Bus gone)."""


class SignInFailed(Exception):
    """A sign-in did not complete.

    Attributes:
        reason: a short code: ``CANCELLED``, ``TIMED_OUT``, ``STATE_MISMATCH``,
            ``ACCESS_DENIED``, ``NO_CODE``, ``REFUSED`` (Salesforce refused the grant),
            ``ERROR`` (anything else).
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.reason, str(self)))


class SignInCancelled(SignInFailed):
    """The sign-in was cancelled (the user, or the program, asked it to stop)."""

    def __init__(self, message: str = "the sign-in was cancelled") -> None:
        super().__init__("CANCELLED", message)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (str(self),))


class SignInTimedOut(SignInFailed):
    """No answer came back from the browser in time."""

    def __init__(self, message: str) -> None:
        super().__init__("TIMED_OUT", message)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (str(self),))
