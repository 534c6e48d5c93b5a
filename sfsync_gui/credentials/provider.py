"""Access tokens for a connection, from a profile: the profile-backed ``TokenProvider``.

:class:`ProfileTokens` gives the connection a token — the one cached in the keyring, or a
new one from the profile's method (refresh token, a fresh JWT assertion, the client secret,
the legacy password) — and a new one after a 401.

When Salesforce refuses the profile's credentials for good (a revoked refresh token, a
changed secret: ``invalid_grant`` and friends), the profile is marked ``needs_sign_in`` in
the settings file, its dead tokens leave the keyring, and :class:`NeedsSignIn` is raised.
From then on, every call raises at once without asking Salesforce — no retry storm —
until someone signs in again (``sfsync connect`` or the window), which the provider notices
by itself.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from ..salesforce.errors import NeedsSignIn
from .jwt_bearer import audience, load_private_key, make_assertion
from .oauth import OAuthClient, TokenResponse
from .profiles import CLIENT_CREDENTIALS, JWT, NEEDS_SIGN_IN, PASSWORD, PKCE, Profile
from .secretstore import (
    ACCESS_TOKEN,
    CLIENT_SECRET,
    KEY_PASSPHRASE,
    REFRESH_TOKEN,
    SECURITY_TOKEN,
)
from .secretstore import PASSWORD as PASSWORD_SECRET

if TYPE_CHECKING:
    from .manager import Credentials

log = logging.getLogger("sfsync.credentials.tokens")


def sign_in_again(name: str) -> str:
    """What to do about a profile that needs sign-in."""
    return f"sign in again with 'sfsync connect --name {name}' (or from the window)"


class ProfileTokens:
    """The :class:`~sfsync_gui.salesforce.tokens.TokenProvider` of a saved profile.

    Thread-safe. Args: ``credentials`` (the profiles and the keyring), ``name`` (the
    profile), ``timeout`` (seconds a token request may take).
    """

    def __init__(self, credentials: Credentials, name: str, *, timeout: float = 30.0) -> None:
        self._credentials = credentials
        self.name = name
        profile = credentials.profiles.get(name)
        self.profile = profile
        self.ca_file = profile.ca_file
        self.login_url = profile.login_url
        self._client = OAuthClient(profile.login_url, profile.client_id,
                                   ca_file=profile.ca_file, timeout=timeout)
        self._lock = threading.RLock()
        self.__token: str | None = None
        self._instance_url = profile.instance_url
        self._signed_in_at = profile.signed_in_at

    def __repr__(self) -> str:
        return (f"ProfileTokens({self.name!r}, method={self.profile.method!r}, "
                f"has_token={self.__token is not None})")

    def close(self) -> None:
        self._client.close()

    # -- TokenProvider -------------------------------------------------------------------------

    def access_token(self) -> str:
        with self._lock:
            self._check_state()
            if self.__token is None and self._instance_url:
                self.__token = self._credentials.secrets.get(self.name, ACCESS_TOKEN)
            if self.__token is not None:
                return self.__token
        return self.refresh()

    def refresh(self) -> str:
        with self._lock:
            self._check_state()
            try:
                tokens = self._grant()
            except NeedsSignIn as exc:
                self._needs_sign_in(exc.message)
                raise NeedsSignIn(exc.code, f"profile {self.name!r} needs sign-in: "
                                  f"{exc.message}; {sign_in_again(self.name)}",
                                  exc.status) from None
            self.__token = tokens.access_token
            self._credentials.secrets.set(self.name, ACCESS_TOKEN, tokens.access_token)
            if tokens.instance_url != self._instance_url:
                self._instance_url = tokens.instance_url
                self._credentials.profiles.update(self.name, instance_url=tokens.instance_url)
            return self.__token

    @property
    def instance_url(self) -> str:
        if self._instance_url is None:
            self.access_token()
        assert self._instance_url is not None
        return self._instance_url

    # -- inside -----------------------------------------------------------------------------------

    def _check_state(self) -> None:
        """Read the profile again: raise at once while it needs sign-in; pick up a sign-in
        made elsewhere since (its tokens replace ours)."""
        profile = self._credentials.profiles.find(self.name)
        if profile is None:
            raise NeedsSignIn("PROFILE_REMOVED", f"the profile {self.name!r} was removed "
                              "(disconnected): connect again", None)
        if profile.signed_in_at != self._signed_in_at:
            self.__token = None
            self._signed_in_at = profile.signed_in_at
            self._instance_url = profile.instance_url
        self.profile = profile
        if profile.state == NEEDS_SIGN_IN:
            reason = f" ({profile.state_reason})" if profile.state_reason else ""
            raise NeedsSignIn("NEEDS_SIGN_IN", f"profile {self.name!r} needs sign-in{reason}; "
                              f"{sign_in_again(self.name)}", None)

    def _secret(self, kind: str, what: str) -> str:
        value = self._credentials.secrets.get(self.name, kind)
        if not value:
            raise NeedsSignIn("NO_CREDENTIALS", f"the keyring holds no {what} for this "
                              "profile", None)
        return value

    def _grant(self) -> TokenResponse:
        p = self.profile
        secrets = self._credentials.secrets
        if p.method == PKCE:
            return self._client.refresh(self._secret(REFRESH_TOKEN, "refresh token"),
                                        secrets.get(self.name, CLIENT_SECRET))
        if p.method == CLIENT_CREDENTIALS:
            return self._client.client_credentials(self._secret(CLIENT_SECRET, "client secret"))
        if p.method == PASSWORD:
            password = self._secret(PASSWORD_SECRET, "password")
            token = secrets.get(self.name, SECURITY_TOKEN) or ""
            return self._client.password(p.username or "", password + token,
                                         self._secret(CLIENT_SECRET, "client secret"))
        if p.method == JWT:
            return self._client.jwt_bearer(jwt_assertion(p, secrets.get(self.name,
                                                                         KEY_PASSPHRASE)))
        raise NeedsSignIn("UNKNOWN_METHOD", f"unknown sign-in method {p.method!r}", None)

    def _needs_sign_in(self, reason: str) -> None:
        """Remember, in the settings file, that this profile needs sign-in; drop its dead
        tokens from the keyring."""
        log.info("profile %s needs sign-in: %s", self.name, reason)
        self.__token = None
        self._credentials.profiles.set_state(self.name, NEEDS_SIGN_IN, reason)
        self._credentials.secrets.delete(self.name, ACCESS_TOKEN)
        if self.profile.method == PKCE:
            self._credentials.secrets.delete(self.name, REFRESH_TOKEN)


def jwt_assertion(profile: Profile, passphrase: str | None) -> str:
    """A fresh JWT bearer assertion for ``profile`` (its key file, username, client id).
    A key that cannot be opened is a :class:`NeedsSignIn` (the profile must be fixed)."""
    from .errors import ProfileError

    try:
        key = load_private_key(profile.key_file or "", passphrase)
    except ProfileError as exc:
        raise NeedsSignIn("KEY_UNUSABLE", str(exc), None) from None
    return make_assertion(key, client_id=profile.client_id, username=profile.username or "",
                          aud=audience(profile.login_url, profile.login_kind))
