"""Sign-in to Salesforce: connection profiles, their secrets in the OS keyring, and the
sign-in methods. Plain Python, no Qt: the command line and the window share it.

* :class:`Credentials` — the entry point: profiles (settings file, no secrets), secrets
  (keyring only, guarded), sign-ins, token providers, disconnect.
* :class:`Profile` — one way into one org (login URL, method, client id, username...).
* :class:`PkceSignIn` — the browser sign-in: start, cancel from any thread, wait.
* :class:`ProfileTokens` — the connection's token provider for a profile; a revoked
  refresh token puts the profile in the ``needs_sign_in`` state.
* The keyring guard (:func:`usable_backend`) refuses plaintext, null and failing backends.
"""

from .errors import (
    KeyringFailed,
    KeyringRefused,
    ProfileError,
    SignInCancelled,
    SignInFailed,
    SignInTimedOut,
)
from .guard import HOW_TO_GET_ONE, backend_name, usable_backend
from .manager import PASSWORD_WARNING, Credentials, Disconnected
from .oauth import OAuthClient, TokenResponse
from .pkce import PkceSignIn
from .profiles import (
    CLIENT_CREDENTIALS,
    JWT,
    METHODS,
    NEEDS_SIGN_IN,
    PASSWORD,
    PKCE,
    SIGNED_IN,
    Profile,
    ProfileStore,
    config_dir,
    parse_login_url,
)
from .provider import ProfileTokens
from .secretstore import SECRET_KINDS, SecretStore, service_name

__all__ = [
    "CLIENT_CREDENTIALS",
    "HOW_TO_GET_ONE",
    "JWT",
    "METHODS",
    "NEEDS_SIGN_IN",
    "PASSWORD",
    "PASSWORD_WARNING",
    "PKCE",
    "SECRET_KINDS",
    "SIGNED_IN",
    "Credentials",
    "Disconnected",
    "KeyringFailed",
    "KeyringRefused",
    "OAuthClient",
    "PkceSignIn",
    "Profile",
    "ProfileError",
    "ProfileStore",
    "ProfileTokens",
    "SecretStore",
    "SignInCancelled",
    "SignInFailed",
    "SignInTimedOut",
    "TokenResponse",
    "backend_name",
    "config_dir",
    "parse_login_url",
    "service_name",
    "usable_backend",
]
