"""The client side of Salesforce's OAuth token endpoint.

``POST {login_url}/services/oauth2/token`` with each grant the app uses, and
``/services/oauth2/revoke``. Refusals become the connection layer's errors
(:func:`~sfsync_gui.salesforce.errors.oauth_error`): ``invalid_grant`` and friends are
:class:`~sfsync_gui.salesforce.errors.NeedsSignIn`, a dropped connection a
``TransientError``. Forms hold secrets, so no exception raised here chains the request.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import requests

from ..salesforce.errors import SalesforceError, classify, oauth_error
from ..salesforce.tokens import TOKEN_TIMEOUT, https_session

log = logging.getLogger("sfsync.credentials.oauth")

GRANT_JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"


@dataclass(frozen=True)
class TokenResponse:
    """A successful token answer. The tokens are left out of ``repr``."""

    access_token: str = field(repr=False)
    instance_url: str
    refresh_token: str | None = field(default=None, repr=False)
    id_url: str | None = None
    issued_at: str | None = None
    scope: str | None = None


class OAuthClient:
    """Token requests to one login URL for one connected app.

    Args:
        login_url: ``https://login.salesforce.com``, a My Domain, the local org's URL...
        client_id: the connected app's consumer key.
        ca_file: a CA bundle to trust instead of the system's.
        timeout: seconds a request may take.
    """

    def __init__(self, login_url: str, client_id: str, *, ca_file: str | None = None,
                 timeout: float = TOKEN_TIMEOUT) -> None:
        self.login_url = login_url.rstrip("/")
        self.client_id = client_id
        self.ca_file = ca_file
        self._session = https_session(ca_file, timeout=timeout)

    def __repr__(self) -> str:
        return f"OAuthClient({self.login_url!r}, client_id={self.client_id!r})"

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> OAuthClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- grants ----------------------------------------------------------------------------

    def exchange_code(self, code: str, verifier: str, redirect_uri: str,
                      client_secret: str | None = None) -> TokenResponse:
        """The authorization code (PKCE) grant."""
        form = {"grant_type": "authorization_code", "code": code, "code_verifier": verifier,
                "redirect_uri": redirect_uri}
        if client_secret:
            form["client_secret"] = client_secret
        return self.token(form)

    def refresh(self, refresh_token: str, client_secret: str | None = None) -> TokenResponse:
        """The refresh token grant; the answer's refresh token, if any, is the same one."""
        form = {"grant_type": "refresh_token", "refresh_token": refresh_token}
        if client_secret:
            form["client_secret"] = client_secret
        return self.token(form)

    def client_credentials(self, client_secret: str) -> TokenResponse:
        """The client credentials grant (the connected app's run-as user)."""
        return self.token({"grant_type": "client_credentials", "client_secret": client_secret})

    def password(self, username: str, password: str, client_secret: str) -> TokenResponse:
        """The legacy username-password grant (``password`` already has any security
        token appended)."""
        return self.token({"grant_type": "password", "username": username,
                           "password": password, "client_secret": client_secret})

    def jwt_bearer(self, assertion: str) -> TokenResponse:
        """The JWT bearer grant."""
        return self.token({"grant_type": GRANT_JWT_BEARER, "assertion": assertion})

    def token(self, form: Mapping[str, str]) -> TokenResponse:
        """POST ``form`` (plus the client id) to the token endpoint."""
        url = f"{self.login_url}/services/oauth2/token"
        data = {"client_id": self.client_id, **form}
        try:
            resp = self._session.post(url, data=data, headers={"Accept": "application/json"})
        except requests.RequestException as exc:
            raise classify(exc) from None
        body = _json(resp)
        if resp.status_code != 200:
            raise oauth_error(resp.status_code, body, where=self.login_url)
        if not isinstance(body, Mapping) or not body.get("access_token"):
            raise SalesforceError("MALFORMED_RESPONSE",
                                  f"{self.login_url} answered without an access token",
                                  resp.status_code)
        log.info("%s grant accepted by %s", form.get("grant_type"), self.login_url)
        return TokenResponse(
            access_token=str(body["access_token"]),
            instance_url=str(body.get("instance_url") or self.login_url).rstrip("/"),
            refresh_token=str(body["refresh_token"]) if body.get("refresh_token") else None,
            id_url=str(body["id"]) if body.get("id") else None,
            issued_at=str(body["issued_at"]) if body.get("issued_at") else None,
            scope=str(body["scope"]) if body.get("scope") else None)

    # -- around the grants ------------------------------------------------------------------

    def check_reachable(self) -> None:
        """Raise the classified error (``CERTIFICATE_VERIFY_FAILED``, ``CONNECTION_ERROR``...)
        when the login URL cannot be reached over trusted TLS; any HTTP answer will do."""
        try:
            self._session.get(f"{self.login_url}/services/oauth2/authorize",
                              allow_redirects=False).close()
        except requests.RequestException as exc:
            raise classify(exc) from None

    def revoke(self, token: str) -> bool:
        """Revoke a refresh or access token; False when it could not be done (unknown
        token, org unreachable). Never raises for the org's answer."""
        url = f"{self.login_url}/services/oauth2/revoke"
        try:
            resp = self._session.post(url, data={"token": token})
        except requests.RequestException as exc:
            log.info("could not revoke a token at %s: %s", self.login_url, classify(exc))
            return False
        return resp.status_code == 200

    def username(self, tokens: TokenResponse) -> str | None:
        """Who the tokens belong to, from the identity URL; None when it cannot be told."""
        if not tokens.id_url or not tokens.id_url.startswith("https://"):
            return None
        try:
            resp = self._session.get(tokens.id_url, headers={
                "Authorization": f"Bearer {tokens.access_token}", "Accept": "application/json"})
        except requests.RequestException:
            return None
        body = _json(resp)
        if resp.status_code != 200 or not isinstance(body, Mapping):
            return None
        name = body.get("username")
        return str(name) if name else None


def _json(resp: requests.Response) -> Any:
    try:
        return resp.json()
    except ValueError:
        return resp.text
