"""The one object a command or a window needs: profiles, their secrets, sign-ins, tokens.

    creds = Credentials()                                  # settings file + guarded keyring
    profile = Profile.new("acme", "https://acme.my.salesforce.com", "pkce", CLIENT_ID)
    sign_in = creds.begin_pkce(profile)                    # see PkceSignIn
    sign_in.start(); sign_in.result()
    conn = SalesforceConnection(creds.tokens("acme"), ca_file=profile.ca_file)
    creds.disconnect("acme")                               # every secret and the profile
"""

from __future__ import annotations

import logging
import webbrowser
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from keyring.backend import KeyringBackend

from ..salesforce.tokens import TOKEN_TIMEOUT
from .errors import ProfileError
from .jwt_bearer import key_is_encrypted
from .oauth import OAuthClient, TokenResponse
from .pkce import DEFAULT_TIMEOUT, PkceSignIn
from .profiles import (
    CLIENT_CREDENTIALS,
    JWT,
    PASSWORD,
    PKCE,
    SIGNED_IN,
    Profile,
    ProfileStore,
    now_iso,
)
from .provider import ProfileTokens, jwt_assertion
from .secretstore import (
    ACCESS_TOKEN,
    CLIENT_SECRET,
    KEY_PASSPHRASE,
    REFRESH_TOKEN,
    SECRET_KINDS,
    SECURITY_TOKEN,
    SecretStore,
)
from .secretstore import PASSWORD as PASSWORD_SECRET

log = logging.getLogger("sfsync.credentials")

#: Shown (CLI) and returned (``password_warning``) when the legacy flow is chosen.
PASSWORD_WARNING = (
    "the username-password flow is legacy: Salesforce blocks it by default in orgs created "
    "since Summer '23 and retires SOAP login() in Summer '27; prefer pkce (browser sign-in) "
    "or, unattended, jwt or client-credentials")


@dataclass(frozen=True)
class Disconnected:
    """What ``disconnect`` did: the kinds of secrets removed from the keyring, whether the
    refresh token was revoked at Salesforce (None: there was none to revoke)."""

    name: str
    removed: list[str]
    revoked: bool | None


class Credentials:
    """Profiles in the settings file, secrets in the (guarded) keyring.

    Args:
        config_dir: folder of the settings file (default: ``$SFSYNC_CONFIG_DIR`` or the
            platform's user config folder).
        backend: keyring backend (default: keyring's own choice), checked by the guard.
        timeout: seconds a token request may take.
    """

    def __init__(self, config_dir: str | Path | None = None,
                 backend: KeyringBackend | None = None, *,
                 timeout: float = TOKEN_TIMEOUT) -> None:
        self.profiles = ProfileStore(config_dir)
        self.secrets = SecretStore(backend)
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"Credentials({self.profiles!r}, {self.secrets!r})"

    # -- profiles ---------------------------------------------------------------------------

    def list(self) -> list[Profile]:
        """Every profile, by name (with its state)."""
        return self.profiles.list()

    def get(self, name: str) -> Profile:
        """The profile called ``name`` (:class:`ProfileError` if none)."""
        return self.profiles.get(name)

    def check_keyring(self) -> str:
        """Check the keyring (guard, then a write/read/remove probe); return its name.
        Raises :class:`KeyringRefused` or :class:`KeyringFailed`."""
        self.secrets.probe()
        return self.secrets.backend_name

    def client(self, profile: Profile) -> OAuthClient:
        """A token endpoint client for ``profile`` (close it after use)."""
        return OAuthClient(profile.login_url, profile.client_id, ca_file=profile.ca_file,
                           timeout=self.timeout)

    def check_login_url(self, profile: Profile) -> None:
        """Raise a :class:`~sfsync_gui.salesforce.SalesforceError` when the profile's login
        URL cannot be reached over trusted TLS (wrong URL, missing CA file), before anyone
        signs in for nothing. A network call: off the GUI thread."""
        with self.client(profile) as client:
            client.check_reachable()

    def tokens(self, name: str) -> ProfileTokens:
        """The token provider of profile ``name`` for a
        :class:`~sfsync_gui.salesforce.SalesforceConnection`."""
        self.secrets.backend  # noqa: B018 - the guard, before any network call
        return ProfileTokens(self, name, timeout=self.timeout)

    # -- sign-ins ----------------------------------------------------------------------------

    def begin_pkce(self, profile: Profile, *,
                   open_url: Callable[[str], object] | None = webbrowser.open,
                   timeout: float = DEFAULT_TIMEOUT,
                   on_finished: Callable[[PkceSignIn], None] | None = None) -> PkceSignIn:
        """A browser sign-in for ``profile`` (method pkce), not started yet."""
        _expect(profile, PKCE)
        return PkceSignIn(self, profile, open_url=open_url, timeout=timeout,
                          on_finished=on_finished)

    def sign_in_client_credentials(self, profile: Profile, client_secret: str) -> Profile:
        """Sign in with the client credentials flow; keeps the client secret."""
        _expect(profile, CLIENT_CREDENTIALS)
        _given(client_secret, "the client secret")
        self.check_keyring()
        with self.client(profile) as client:
            tokens = client.client_credentials(client_secret)
            return self.complete_sign_in(profile, tokens, {CLIENT_SECRET: client_secret},
                                         client=client)

    def sign_in_password(self, profile: Profile, password: str, *, client_secret: str,
                         security_token: str | None = None) -> Profile:
        """Sign in with the legacy username-password flow (see :data:`PASSWORD_WARNING`);
        keeps the password, the security token and the client secret."""
        _expect(profile, PASSWORD)
        _given(password, "the password")
        _given(client_secret, "the client secret")
        self.check_keyring()
        kept = {PASSWORD_SECRET: password, CLIENT_SECRET: client_secret}
        if security_token:
            kept[SECURITY_TOKEN] = security_token
        with self.client(profile) as client:
            tokens = client.password(profile.username or "", password + (security_token or ""),
                                     client_secret)
            return self.complete_sign_in(profile, tokens, kept, client=client)

    def sign_in_jwt(self, profile: Profile, passphrase: str | None = None) -> Profile:
        """Sign in with the JWT bearer flow; keeps the key's passphrase, if any."""
        _expect(profile, JWT)
        if key_is_encrypted(profile.key_file or "") and not passphrase:
            raise ProfileError(f"the private key {profile.key_file} is encrypted: its "
                               "passphrase is needed")
        self.check_keyring()
        assertion = _jwt_or_error(profile, passphrase)
        with self.client(profile) as client:
            tokens = client.jwt_bearer(assertion)
            kept = {KEY_PASSPHRASE: passphrase} if passphrase else {}
            return self.complete_sign_in(profile, tokens, kept, client=client)

    def complete_sign_in(self, profile: Profile, tokens: TokenResponse,
                         kept: Mapping[str, str], *, client: OAuthClient | None = None
                         ) -> Profile:
        """Store a sign-in: ``kept`` secrets and the access token in the keyring (other
        secrets of the profile removed), then the profile, signed in, in the settings file.
        """
        username = profile.username
        if username is None and client is not None:
            username = client.username(tokens)
        for kind, value in kept.items():
            self.secrets.set(profile.name, kind, value)
        self.secrets.set(profile.name, ACCESS_TOKEN, tokens.access_token)
        stale = [k for k in SECRET_KINDS if k not in kept and k != ACCESS_TOKEN]
        self.secrets.delete_all(profile.name, stale)
        old = self.profiles.find(profile.name)
        now = now_iso()
        saved = replace(profile, username=username, instance_url=tokens.instance_url,
                        state=SIGNED_IN, state_reason=None, state_changed=now,
                        signed_in_at=now, created=old.created if old else profile.created)
        self.profiles.save(saved)
        log.info("profile %s signed in (%s) to %s", saved.name, saved.method,
                 saved.instance_url)
        return saved

    # -- the end -----------------------------------------------------------------------------

    def disconnect(self, name: str, *, revoke: bool = True) -> Disconnected:
        """Remove every secret of profile ``name`` from the keyring and the profile from
        the settings file; first, with ``revoke``, revoke its refresh token at Salesforce
        (best effort: an unreachable org does not stop the disconnect)."""
        profile = self.profiles.get(name)
        revoked: bool | None = None
        refresh = self.secrets.get(name, REFRESH_TOKEN)
        if revoke and refresh:
            with self.client(profile) as client:
                revoked = client.revoke(refresh)
        removed = self.secrets.delete_all(name)
        self.profiles.remove(name)
        log.info("profile %s disconnected (%d secrets removed)", name, len(removed))
        return Disconnected(name, removed, revoked)


def _expect(profile: Profile, method: str) -> None:
    profile.check()
    if profile.method != method:
        raise ProfileError(f"profile {profile.name!r} uses {profile.method}, not {method}")


def _given(value: str | None, what: str) -> None:
    if not value:
        raise ProfileError(f"{what} is needed")


def _jwt_or_error(profile: Profile, passphrase: str | None) -> str:
    from ..salesforce.errors import NeedsSignIn

    try:
        return jwt_assertion(profile, passphrase)
    except NeedsSignIn as exc:  # a key that cannot be opened: say so as a setting problem
        raise ProfileError(exc.message) from None
