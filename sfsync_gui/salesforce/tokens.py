"""Access tokens for the connection, and the HTTPS session every call goes through.

simple-salesforce's own login flows hard-code ``https://{domain}.salesforce.com`` and do
not refresh tokens, so the app gets and renews tokens itself: a :class:`TokenProvider`
hands the connection the current token and a new one after a 401.

* :class:`ClientCredentialsTokens` — the OAuth client-credentials grant (unattended
  setups, the local org, benchmarks); configured from the environment by
  :func:`tokens_from_env`.
* :class:`StaticTokens` — a token the caller already has, plus an optional way to get a
  new one (tests; later the keyring profiles' refresh-token flow).

Secrets (client secret, tokens) stay in private attributes: no repr, message or log line
shows them.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

import requests

from .errors import ConfigError, NeedsSignIn, SalesforceError, classify, oauth_error

log = logging.getLogger("sfsync.salesforce.tokens")

#: Seconds a token request may take.
TOKEN_TIMEOUT = 30.0

ENV_LOGIN_URL = "SFSYNC_LOGIN_URL"
ENV_CLIENT_ID = "SFSYNC_CLIENT_ID"
ENV_CLIENT_SECRET = "SFSYNC_CLIENT_SECRET"
ENV_CA_FILE = "SFSYNC_CA_FILE"


class TokenProvider(Protocol):
    """Where the connection gets its access token and the instance it belongs to.

    Not ``runtime_checkable`` on purpose: ``isinstance`` would read ``instance_url``,
    which may have to fetch a token over the network.
    """

    def access_token(self) -> str:
        """The current access token; fetches one first if there is none yet."""
        ...

    def refresh(self) -> str:
        """A new access token (the current one was refused); raises
        :class:`~.errors.NeedsSignIn` when no new one can be had."""
        ...

    @property
    def instance_url(self) -> str:
        """The org's instance URL (``https://host[:port]``) the token is for."""
        ...


class _HttpsSession(requests.Session):
    """A ``requests.Session`` with a default time-out for every request.

    requests has no session-wide time-out, and simple-salesforce passes none: without
    this a silent server would hang a sync forever.
    """

    def __init__(self, timeout: float | None) -> None:
        super().__init__()
        self.default_timeout = timeout

    def request(self, method: str | bytes, url: str | bytes, *args: Any,  # type: ignore[override]
                **kwargs: Any) -> requests.Response:
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.default_timeout
        # Always the session's own trust: with verify left to requests, REQUESTS_CA_BUNDLE
        # or CURL_CA_BUNDLE from the environment would silently replace it.
        kwargs["verify"] = self.verify
        return super().request(method, url, *args, **kwargs)


def https_session(ca_file: str | None, *, timeout: float | None = None) -> requests.Session:
    """A session that verifies TLS against ``ca_file``, or the system's CAs when None.

    Trust is exactly one bundle: ``ca_file``, or certifi's (what requests ships) when None.
    ``REQUESTS_CA_BUNDLE`` and ``CURL_CA_BUNDLE`` never replace it (every request passes
    ``verify`` itself), and nothing here can switch verification off; a corporate CA is
    given as ``ca_file`` like the local org's. With a CA file, ``trust_env`` is off too
    (proxy variables are ignored: the local org is on 127.0.0.1); without one, proxy
    variables apply. ``timeout`` (seconds) applies to every request that does not give
    its own.
    """
    session = _HttpsSession(timeout)
    if ca_file:
        if not Path(ca_file).is_file():
            raise ConfigError(f"the CA file {ca_file} does not exist or is not a file")
        session.trust_env = False
        session.verify = ca_file
    else:
        session.verify = requests.certs.where()
    return session


class ClientCredentialsTokens:
    """Tokens from the OAuth client-credentials grant.

    ``POST {login_url}/services/oauth2/token`` with ``grant_type=client_credentials``;
    Salesforce answers for the connected app's "run as" user. The grant gives no refresh
    token, so :meth:`refresh` simply asks again.

    Args:
        login_url: the org's My Domain URL (``https://example.my.salesforce.com``).
        client_id: the connected app's consumer key.
        client_secret: its consumer secret.
        ca_file: a CA bundle to trust instead of the system's (the local org's).
        timeout: seconds a token request may take.
    """

    def __init__(self, login_url: str, client_id: str, client_secret: str, *,
                 ca_file: str | None = None, timeout: float = TOKEN_TIMEOUT) -> None:
        if not login_url.startswith("https://"):
            raise ConfigError(f"the login URL must start with https:// (got {login_url!r})")
        self.login_url = login_url.rstrip("/")
        self.client_id = client_id
        self.__secret = client_secret
        self.ca_file = ca_file
        self._session = https_session(ca_file, timeout=timeout)
        self._lock = threading.Lock()
        self.__token: str | None = None
        self._instance_url: str | None = None

    def __repr__(self) -> str:
        return (f"ClientCredentialsTokens(login_url={self.login_url!r}, "
                f"client_id={self.client_id!r}, has_token={self.__token is not None})")

    def access_token(self) -> str:
        with self._lock:
            if self.__token is not None:
                return self.__token
        return self.refresh()

    def refresh(self) -> str:
        with self._lock:
            self.__token, self._instance_url = self._request_token()
            return self.__token

    @property
    def instance_url(self) -> str:
        if self._instance_url is None:
            self.access_token()
        assert self._instance_url is not None
        return self._instance_url

    def close(self) -> None:
        """Close the token endpoint's connections."""
        self._session.close()

    def _request_token(self) -> tuple[str, str]:
        url = f"{self.login_url}/services/oauth2/token"
        form = {"grant_type": "client_credentials", "client_id": self.client_id,
                "client_secret": self.__secret}
        try:
            resp = self._session.post(url, data=form, headers={"Accept": "application/json"})
        except requests.RequestException as exc:
            raise classify(exc) from None  # the request holds the secret: no chained cause
        try:
            body: Any = resp.json()
        except ValueError:
            body = resp.text
        if resp.status_code != 200:
            raise oauth_error(resp.status_code, body, where=self.login_url)
        if not isinstance(body, Mapping) or not body.get("access_token"):
            raise SalesforceError("MALFORMED_RESPONSE",
                                  f"{self.login_url} answered without an access token",
                                  resp.status_code)
        instance_url = str(body.get("instance_url") or self.login_url).rstrip("/")
        log.info("got an access token from %s for %s", self.login_url, instance_url)
        return str(body["access_token"]), instance_url


class StaticTokens:
    """A token the caller already holds, and optionally how to get a new one.

    Args:
        access_token: the current token.
        instance_url: the instance it is for.
        refresh: called after a 401; returns a new token or raises
            :class:`~.errors.NeedsSignIn`. None means the token cannot be renewed.
    """

    def __init__(self, access_token: str, instance_url: str, *,
                 refresh: Callable[[], str] | None = None) -> None:
        self.__token = access_token
        self._instance_url = instance_url.rstrip("/")
        self._refresh = refresh

    def __repr__(self) -> str:
        return (f"StaticTokens(instance_url={self._instance_url!r}, "
                f"renewable={self._refresh is not None})")

    def access_token(self) -> str:
        return self.__token

    def refresh(self) -> str:
        if self._refresh is None:
            raise NeedsSignIn("INVALID_SESSION_ID",
                              "the access token was refused and there is no way to renew it: "
                              "sign in again", 401)
        self.__token = self._refresh()
        return self.__token

    @property
    def instance_url(self) -> str:
        return self._instance_url


def tokens_from_env(environ: Mapping[str, str] = os.environ) -> ClientCredentialsTokens | None:
    """Client-credentials tokens configured by ``SFSYNC_LOGIN_URL``, ``SFSYNC_CLIENT_ID``,
    ``SFSYNC_CLIENT_SECRET`` and optionally ``SFSYNC_CA_FILE``.

    None when none of the three required variables is set (not configured this way);
    :class:`~.errors.ConfigError` naming what is missing when only some are, or when
    the CA file does not exist.
    """
    required = (ENV_LOGIN_URL, ENV_CLIENT_ID, ENV_CLIENT_SECRET)
    values = {name: (environ.get(name) or "").strip() for name in required}
    missing = [name for name in required if not values[name]]
    if len(missing) == len(required):
        return None
    if missing:
        raise ConfigError(f"set {' and '.join(missing)} too: a client-credentials connection "
                          f"needs {', '.join(required)}")
    ca_file = (environ.get(ENV_CA_FILE) or "").strip() or None
    if ca_file is not None and not Path(ca_file).is_file():
        raise ConfigError(f"{ENV_CA_FILE} names {ca_file}, which does not exist or is not "
                          "a file")
    return ClientCredentialsTokens(values[ENV_LOGIN_URL], values[ENV_CLIENT_ID],
                                   values[ENV_CLIENT_SECRET], ca_file=ca_file)
