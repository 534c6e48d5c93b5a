"""The local org's OAuth 2.0 endpoints, as plain methods the HTTP layer maps requests to.

What it serves (request and response shapes as Salesforce's):

* ``POST /services/oauth2/token`` — :meth:`OAuthServer.token`, grants ``authorization_code``
  (PKCE S256), ``refresh_token``, ``client_credentials``, ``password`` and JWT bearer;
* ``GET``/``POST /services/oauth2/authorize`` — the sign-in page and its form;
* ``POST /services/oauth2/revoke`` — :meth:`OAuthServer.revoke`;
* ``GET /id/{org_id}/{user_id}`` — :meth:`OAuthServer.userinfo`;
* ``Authorization: Bearer …`` on every API call — :meth:`OAuthServer.authenticate`.

Tokens, refresh tokens and authorization codes are kept in SQLite as SHA-256 hashes only:
the org can recognise a token it handed out, across restarts, yet its data folder holds
nothing a reader could replay. The tokens are 256+ random bits, so an unsalted hash is
enough. Times come from the org's :class:`Clock`, so tests expire tokens by advancing it.

Nothing here logs, and no error message or exception text carries a secret.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from .clock import Clock
from .signin_page import PAGE_HEADERS, render_error_page, render_signin_page

GRANT_AUTHORIZATION_CODE = "authorization_code"
GRANT_REFRESH_TOKEN = "refresh_token"
GRANT_CLIENT_CREDENTIALS = "client_credentials"
GRANT_PASSWORD = "password"
GRANT_JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"

#: The client credentials flow runs as the (first) user with this profile: the sync user.
CLIENT_CREDENTIALS_PROFILE = "Integration User"
SCOPE = "api refresh_token"
#: Authorization codes are good for this long after the sign-in.
CODE_TTL_MS = 15 * 60 * 1000
#: A JWT bearer assertion may not expire further away than this (seconds)...
JWT_MAX_LIFETIME_S = 300
#: ...give or take this much clock difference between the signer and the org.
JWT_LEEWAY_S = 30
#: Audiences Salesforce accepts in a JWT bearer assertion, besides the org's own login URL.
SALESFORCE_AUDIENCES = ("https://login.salesforce.com", "https://test.salesforce.com")
#: Longest assertion or token text looked at; anything longer is refused unparsed.
MAX_CREDENTIAL_LENGTH = 16_384
#: Expired rows are kept this long (so an expired code still reads "expired"), then purged.
PURGE_AFTER_MS = 24 * 3600 * 1000

SIGNIN_ERROR = "Please check your username and password."

#: Headers the HTTP layer should send with every token endpoint answer (RFC 6749 §5.1).
TOKEN_RESPONSE_HEADERS: dict[str, str] = {"Cache-Control": "no-store", "Pragma": "no-cache"}

#: Authorize parameters carried through the sign-in form as hidden fields.
_CARRIED_PARAMS = (
    "response_type", "client_id", "redirect_uri", "code_challenge", "code_challenge_method",
    "state", "scope",
)
# RFC 7636 §4.1/§4.2: verifier and challenge are 43-128 unreserved characters.
_PKCE_RE = re.compile(r"^[A-Za-z0-9\-._~]{43,128}$")
_B64URL_RE = re.compile(r"^[A-Za-z0-9_-]*$")

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS _oauth_tokens (
        token_hash TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
        user_id TEXT NOT NULL,
        client_id TEXT NOT NULL,
        grant_type TEXT NOT NULL,
        parent_hash TEXT,
        issued_ms INTEGER NOT NULL,
        expires_ms INTEGER
    )""",
    "CREATE INDEX IF NOT EXISTS ix__oauth_tokens_parent ON _oauth_tokens (parent_hash)",
    "CREATE INDEX IF NOT EXISTS ix__oauth_tokens_user ON _oauth_tokens (user_id)",
    """CREATE TABLE IF NOT EXISTS _oauth_codes (
        code_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        client_id TEXT NOT NULL,
        redirect_uri TEXT NOT NULL,
        code_challenge TEXT NOT NULL,
        issued_ms INTEGER NOT NULL,
        expires_ms INTEGER NOT NULL,
        used_ms INTEGER,
        refresh_hash TEXT
    )""",
    "CREATE TABLE IF NOT EXISTS _oauth_config (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)


@dataclass(frozen=True)
class OrgUser:
    """A user who can sign in to the local org. Secrets are left out of ``repr`` so a user
    that reaches a log or a traceback does not take its password along."""

    id: str
    username: str
    password: str = field(repr=False)
    security_token: str = field(repr=False)
    profile: str
    email: str
    name: str


@dataclass(frozen=True)
class Session:
    """Who an access token belongs to. ``token_id`` is the token's SHA-256 (hex): stable,
    unique, and safe to log, unlike the token itself."""

    user: OrgUser
    token_id: str


class _Refused(Exception):
    """A request the endpoint turns down with an OAuth error (never carries secrets)."""

    def __init__(self, error: str, description: str, status: int = 400) -> None:
        super().__init__(f"{error}: {description}")
        self.error = error
        self.description = description
        self.status = status

    def body(self) -> dict[str, str]:
        return {"error": self.error, "error_description": self.description}


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _same(given: str, expected: str) -> bool:
    """Constant-time comparison, so response timing says nothing about a secret."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _b64url_decode(text: str) -> bytes:
    if not _B64URL_RE.match(text) or len(text) % 4 == 1:
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def pkce_challenge(verifier: str) -> str:
    """The S256 code challenge of a PKCE code verifier (RFC 7636 §4.2)."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def is_loopback_redirect(uri: str) -> bool:
    """Whether ``uri`` is ``http://127.0.0.1[:port]/...`` or ``http://localhost[:port]/...``
    with no user info and no fragment: the only callbacks a desktop client may use."""
    if not uri or len(uri) > 2048 or any(ch.isspace() or not ch.isprintable() for ch in uri):
        return False
    try:
        parts = urlsplit(uri)
        port = parts.port
    except ValueError:
        return False
    host = parts.hostname
    if parts.scheme != "http" or "#" in uri or host not in ("127.0.0.1", "localhost"):
        return False
    if port is not None and not 0 < port < 65536:
        return False
    # Compare the whole authority so "user@", a trailing ":" or odd spellings do not pass.
    allowed = {host} if port is None else {f"{host}:{port}"}
    if parts.netloc.lower() not in allowed:
        return False
    return parts.path == "" or parts.path.startswith("/")


def _add_query(uri: str, params: Mapping[str, str]) -> str:
    sep = "" if uri.endswith(("?", "&")) else "&" if urlsplit(uri).query else "?"
    return uri + sep + urlencode(params)


class OAuthServer:
    """The org's authorization server: one connected app (``client_id``/``client_secret``)
    and the org's users.

    Every database access happens under ``lock`` (the org's lock, shared with the REST
    layer), inside a savepoint, so it composes with a transaction a caller already holds.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        lock: threading.RLock,
        clock: Clock,
        *,
        org_id: str,
        users: list[OrgUser],
        client_id: str,
        client_secret: str,
        token_ttl: float,
        instance_url: str,
        login_url: str,
        jwt_certificate_pem: bytes | None = None,
    ) -> None:
        if token_ttl <= 0:
            raise ValueError("token_ttl must be positive")
        self._conn = conn
        self._lock = lock
        self._clock = clock
        self._org_id = org_id
        self._users_by_id = {u.id: u for u in users}
        # Salesforce usernames are case-insensitive.
        self._users_by_name = {u.username.lower(): u for u in users}
        self._client_id = client_id
        self._client_secret = client_secret
        self._token_ttl_ms = int(token_ttl * 1000)
        self._instance_url = instance_url.rstrip("/")
        self._login_url = login_url.rstrip("/")
        self._jwt_key: rsa.RSAPublicKey | None = None
        self._grants: dict[str, Callable[[Mapping[str, str]], dict[str, str]]] = {
            GRANT_AUTHORIZATION_CODE: self._grant_authorization_code,
            GRANT_REFRESH_TOKEN: self._grant_refresh_token,
            GRANT_CLIENT_CREDENTIALS: self._grant_client_credentials,
            GRANT_PASSWORD: self._grant_password,
            GRANT_JWT_BEARER: self._grant_jwt_bearer,
        }
        with self._tx() as db:
            for statement in _SCHEMA:
                db.execute(statement)
            row = db.execute(
                "SELECT value FROM _oauth_config WHERE key = 'jwt_certificate'"
            ).fetchone()
        if jwt_certificate_pem is not None:
            self.register_jwt_certificate(jwt_certificate_pem)
        elif row is not None:
            self._jwt_key = self._rsa_key_of(row[0].encode("ascii"))

    # -----------------------------------------------------------------------------------
    # Plumbing

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """Hold the lock and a savepoint: commit on normal exit, roll back on an exception.
        A savepoint (not BEGIN) so this also works inside a caller's transaction.

        A refusal is a decision, not a failure: what led to it stays committed (a presented
        code stays burnt, the tokens of a replayed code stay revoked).
        """
        with self._lock:
            self._conn.execute("SAVEPOINT oauth")
            try:
                yield self._conn
            except _Refused:
                self._conn.execute("RELEASE oauth")
                raise
            except BaseException:
                self._conn.execute("ROLLBACK TO oauth")
                self._conn.execute("RELEASE oauth")
                raise
            self._conn.execute("RELEASE oauth")

    def _id_url(self, user: OrgUser) -> str:
        return f"{self._login_url}/id/{self._org_id}/{user.id}"

    def _user_by_username(self, username: str) -> OrgUser | None:
        return self._users_by_name.get(username.strip().lower())

    def _check_client(self, form: Mapping[str, str], *, secret_required: bool) -> None:
        if not _same(form.get("client_id", ""), self._client_id):
            raise _Refused("invalid_client_id", "client identifier invalid")
        secret = form.get("client_secret", "")
        if (secret or secret_required) and not _same(secret, self._client_secret):
            raise _Refused("invalid_client", "invalid client credentials")

    def _purge(self, db: sqlite3.Connection, now: int) -> None:
        """Drop access tokens and codes long past their end so the tables stay small."""
        horizon = now - PURGE_AFTER_MS
        db.execute(
            "DELETE FROM _oauth_tokens WHERE kind = 'access' AND expires_ms < ?", (horizon,)
        )
        db.execute("DELETE FROM _oauth_codes WHERE expires_ms < ?", (horizon,))

    def _issue(
        self,
        db: sqlite3.Connection,
        user: OrgUser,
        grant_type: str,
        *,
        with_refresh: bool = False,
        parent_hash: str | None = None,
    ) -> tuple[dict[str, str], str | None]:
        """Mint an access token (and a refresh token) for ``user``; return the success body
        and the refresh token's hash. Access tokens that come from a refresh token record
        it as their parent, so revoking the refresh token ends them too."""
        now = self._clock.now_ms()
        self._purge(db, now)
        access = f"{self._org_id[:15]}!{secrets.token_urlsafe(72)}"
        refresh = refresh_hash = None
        if with_refresh:
            # Salesforce's refresh tokens start with this prefix; keep the look.
            refresh = "5Aep861" + secrets.token_urlsafe(64)
            refresh_hash = parent_hash = _digest(refresh)
            db.execute(
                "INSERT INTO _oauth_tokens VALUES (?, 'refresh', ?, ?, ?, NULL, ?, NULL)",
                (refresh_hash, user.id, self._client_id, grant_type, now),
            )
        db.execute(
            "INSERT INTO _oauth_tokens VALUES (?, 'access', ?, ?, ?, ?, ?, ?)",
            (_digest(access), user.id, self._client_id, grant_type, parent_hash, now,
             now + self._token_ttl_ms),
        )
        id_url = self._id_url(user)
        issued_at = str(now)
        signature = hmac.new(
            self._client_secret.encode("utf-8"),
            (id_url + issued_at).encode("utf-8"),
            hashlib.sha256,
        ).digest()
        body = {"access_token": access}
        if refresh is not None:
            body["refresh_token"] = refresh
        body.update(
            signature=base64.b64encode(signature).decode("ascii"),
            scope=SCOPE,
            instance_url=self._instance_url,
            id=id_url,
            token_type="Bearer",
            issued_at=issued_at,
        )
        return body, refresh_hash

    # -----------------------------------------------------------------------------------
    # Token endpoint

    def token(self, form: dict[str, str]) -> tuple[int, dict]:
        """``POST /services/oauth2/token``: ``(status, JSON body)``.

        200 with the token response, or 400 with ``{"error", "error_description"}``.
        Send :data:`TOKEN_RESPONSE_HEADERS` with either.
        """
        handler = self._grants.get(form.get("grant_type", ""))
        if handler is None:
            return 400, _Refused("unsupported_grant_type", "grant type not supported").body()
        try:
            return 200, handler(form)
        except _Refused as refused:
            return refused.status, refused.body()

    def _grant_password(self, form: Mapping[str, str]) -> dict[str, str]:
        self._check_client(form, secret_required=True)
        user = self._user_by_username(form.get("username", ""))
        given = form.get("password", "")
        # Salesforce takes the password alone (trusted IP) or followed by the token.
        if user is None or not (
            _same(given, user.password) or _same(given, user.password + user.security_token)
        ):
            raise _Refused("invalid_grant", "authentication failure")
        with self._tx() as db:
            return self._issue(db, user, GRANT_PASSWORD)[0]

    def _grant_client_credentials(self, form: Mapping[str, str]) -> dict[str, str]:
        self._check_client(form, secret_required=True)
        user = next(
            (u for u in self._users_by_id.values() if u.profile == CLIENT_CREDENTIALS_PROFILE),
            None,
        )
        if user is None:
            raise _Refused("invalid_grant", "no client credentials user enabled")
        with self._tx() as db:
            return self._issue(db, user, GRANT_CLIENT_CREDENTIALS)[0]

    def _grant_refresh_token(self, form: Mapping[str, str]) -> dict[str, str]:
        # client_secret is optional: a PKCE public client (the desktop app) has none.
        self._check_client(form, secret_required=False)
        refresh = form.get("refresh_token", "")
        expired = _Refused("invalid_grant", "expired access/refresh token")
        if not refresh or len(refresh) > MAX_CREDENTIAL_LENGTH:
            raise expired
        refresh_hash = _digest(refresh)
        with self._tx() as db:
            row = db.execute(
                "SELECT user_id, client_id FROM _oauth_tokens "
                "WHERE token_hash = ? AND kind = 'refresh'",
                (refresh_hash,),
            ).fetchone()
            user = self._users_by_id.get(row[0]) if row else None
            if row is None or user is None or row[1] != self._client_id:
                raise expired
            return self._issue(db, user, GRANT_REFRESH_TOKEN, parent_hash=refresh_hash)[0]

    def _grant_authorization_code(self, form: Mapping[str, str]) -> dict[str, str]:
        self._check_client(form, secret_required=False)
        code = form.get("code", "")
        invalid = _Refused("invalid_grant", "invalid authorization code")
        if not code or len(code) > MAX_CREDENTIAL_LENGTH:
            raise invalid
        code_hash = _digest(code)
        with self._tx() as db:
            row = db.execute(
                "SELECT user_id, client_id, redirect_uri, code_challenge, expires_ms, used_ms, "
                "refresh_hash FROM _oauth_codes WHERE code_hash = ?",
                (code_hash,),
            ).fetchone()
            if row is None:
                raise invalid
            user_id, client_id, redirect_uri, challenge, expires_ms, used_ms, old_refresh = row
            if used_ms is not None:
                # RFC 6749 §4.1.2: a code presented twice may have been stolen; end what the
                # first exchange handed out.
                if old_refresh:
                    db.execute(
                        "DELETE FROM _oauth_tokens WHERE token_hash = ? OR parent_hash = ?",
                        (old_refresh, old_refresh),
                    )
                raise invalid
            now = self._clock.now_ms()
            # One attempt per code, successful or not.
            db.execute("UPDATE _oauth_codes SET used_ms = ? WHERE code_hash = ?", (now, code_hash))
            if expires_ms <= now:
                raise _Refused("invalid_grant", "expired authorization code")
            user = self._users_by_id.get(user_id)
            if user is None or client_id != self._client_id:
                raise invalid
            if form.get("redirect_uri", "") != redirect_uri:
                raise _Refused("invalid_grant", "redirect_uri must match configuration")
            verifier = form.get("code_verifier", "")
            if not _PKCE_RE.match(verifier) or not _same(pkce_challenge(verifier), challenge):
                raise _Refused("invalid_grant", "invalid code verifier")
            body, refresh_hash = self._issue(
                db, user, GRANT_AUTHORIZATION_CODE, with_refresh=True
            )
            db.execute(
                "UPDATE _oauth_codes SET refresh_hash = ? WHERE code_hash = ?",
                (refresh_hash, code_hash),
            )
            return body

    def _grant_jwt_bearer(self, form: Mapping[str, str]) -> dict[str, str]:
        invalid = _Refused("invalid_grant", "invalid assertion")
        assertion = form.get("assertion", "")
        if not assertion or len(assertion) > MAX_CREDENTIAL_LENGTH:
            raise invalid
        parts = assertion.split(".")
        if len(parts) != 3:
            raise invalid
        try:
            header = json.loads(_b64url_decode(parts[0]))
            claims = json.loads(_b64url_decode(parts[1]))
            signature = _b64url_decode(parts[2])
        except ValueError:  # bad base64, bad UTF-8 and bad JSON are all ValueErrors
            raise invalid from None
        if not isinstance(header, dict) or not isinstance(claims, dict):
            raise invalid
        # Only RS256: accepting "none" or an HMAC alg would let anyone forge assertions.
        if header.get("alg") != "RS256":
            raise invalid
        issuer = claims.get("iss")
        if not isinstance(issuer, str) or not _same(issuer, self._client_id):
            raise _Refused("invalid_client_id", "client identifier invalid")
        key = self._jwt_key
        if key is None:
            raise invalid
        try:
            key.verify(
                signature,
                f"{parts[0]}.{parts[1]}".encode("ascii"),
                padding.PKCS1v15(),
                hashes.SHA256(),
            )
        except InvalidSignature:
            raise invalid from None

        audiences = claims.get("aud")
        if isinstance(audiences, str):
            audiences = [audiences]
        accepted = {self._login_url, *SALESFORCE_AUDIENCES}
        if not isinstance(audiences, list) or not any(
            isinstance(a, str) and a.rstrip("/") in accepted for a in audiences
        ):
            raise _Refused("invalid_grant", "audience is invalid")

        now_s = self._clock.now_ms() / 1000
        exp = claims.get("exp")
        if not isinstance(exp, int | float) or isinstance(exp, bool):
            raise invalid
        if exp <= now_s:
            # Salesforce's wording for an expired assertion.
            raise _Refused("invalid_grant", "expired authorization code")
        if exp > now_s + JWT_MAX_LIFETIME_S + JWT_LEEWAY_S:
            raise invalid
        nbf = claims.get("nbf")
        if nbf is not None and (
            not isinstance(nbf, int | float) or isinstance(nbf, bool) or nbf > now_s + JWT_LEEWAY_S
        ):
            raise invalid

        subject = claims.get("sub")
        user = self._user_by_username(subject) if isinstance(subject, str) else None
        if user is None:
            raise _Refused("invalid_grant", "user hasn't approved this consumer")
        with self._tx() as db:
            return self._issue(db, user, GRANT_JWT_BEARER)[0]

    # -----------------------------------------------------------------------------------
    # Access checks and revocation

    def authenticate(self, authorization: str | None) -> Session | None:
        """The session of an ``Authorization`` header (``Bearer <token>`` or the older
        ``OAuth <token>``); None when the token is unknown, expired or revoked."""
        if not authorization:
            return None
        parts = authorization.strip().split(None, 1)
        if len(parts) != 2 or parts[0].lower() not in ("bearer", "oauth"):
            return None
        token = parts[1].strip()
        if not token or len(token) > MAX_CREDENTIAL_LENGTH:
            return None
        token_hash = _digest(token)
        with self._lock:
            row = self._conn.execute(
                "SELECT user_id, expires_ms FROM _oauth_tokens "
                "WHERE token_hash = ? AND kind = 'access'",
                (token_hash,),
            ).fetchone()
            now = self._clock.now_ms()
        if row is None or row[1] is None or row[1] <= now:
            return None
        user = self._users_by_id.get(row[0])
        return Session(user=user, token_id=token_hash) if user else None

    def revoke(self, form: dict[str, str]) -> tuple[int, dict | None]:
        """``POST /services/oauth2/revoke`` (``token=`` an access or a refresh token).

        200 with no body on success; revoking a refresh token also ends the access tokens
        issued from it. 400 ``{"error": "invalid_token", ...}`` for an unknown token.
        """
        token = form.get("token", "")
        invalid = 400, {"error": "invalid_token", "error_description": "invalid token"}
        if not token or len(token) > MAX_CREDENTIAL_LENGTH:
            return invalid
        token_hash = _digest(token)
        with self._tx() as db:
            row = db.execute(
                "SELECT kind FROM _oauth_tokens WHERE token_hash = ?", (token_hash,)
            ).fetchone()
            if row is None:
                return invalid
            if row[0] == "refresh":
                db.execute(
                    "DELETE FROM _oauth_tokens WHERE token_hash = ? OR parent_hash = ?",
                    (token_hash, token_hash),
                )
            else:
                db.execute("DELETE FROM _oauth_tokens WHERE token_hash = ?", (token_hash,))
        return 200, None

    def revoke_all(self, user_id: str | None = None) -> int:
        """Revoke every access and refresh token (of one user, or everyone) and any unused
        authorization code; return how many tokens were revoked. For the control API."""
        with self._tx() as db:
            if user_id is None:
                count = db.execute("DELETE FROM _oauth_tokens").rowcount
                db.execute("DELETE FROM _oauth_codes")
            else:
                count = db.execute(
                    "DELETE FROM _oauth_tokens WHERE user_id = ?", (user_id,)
                ).rowcount
                db.execute("DELETE FROM _oauth_codes WHERE user_id = ?", (user_id,))
        return count

    # -----------------------------------------------------------------------------------
    # JWT certificate

    @staticmethod
    def _rsa_key_of(pem: bytes) -> rsa.RSAPublicKey:
        try:
            cert = x509.load_pem_x509_certificate(pem)
        except ValueError:
            raise ValueError("the JWT certificate is not a PEM X.509 certificate") from None
        key = cert.public_key()
        if not isinstance(key, rsa.RSAPublicKey):
            raise ValueError("the JWT certificate must carry an RSA public key (RS256)")
        return key

    def register_jwt_certificate(self, pem: bytes) -> None:
        """Register the connected app's certificate (PEM) for JWT bearer assertions; it
        replaces any earlier one and is kept in the database across restarts."""
        key = self._rsa_key_of(pem)
        with self._tx() as db:
            db.execute(
                "INSERT INTO _oauth_config (key, value) VALUES ('jwt_certificate', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (pem.decode("ascii"),),
            )
        self._jwt_key = key

    # -----------------------------------------------------------------------------------
    # Authorization code flow: the sign-in page

    def _authorize_problem(self, params: Mapping[str, str]) -> tuple[bool, str, str] | None:
        """``(redirect?, error, description)`` for a bad authorize request, else None.

        Until client_id and redirect_uri check out, an error is shown as a page: redirecting
        to an unchecked URI would make the org an open redirector. After that, errors go
        back to the client's redirect_uri, as RFC 6749 §4.1.2.1 and Salesforce do.
        """
        if not _same(params.get("client_id", ""), self._client_id):
            return False, "invalid_client_id", "client identifier invalid"
        if not is_loopback_redirect(params.get("redirect_uri", "")):
            return False, "redirect_uri_mismatch", "redirect_uri must match configuration"
        if params.get("response_type") != "code":
            return True, "unsupported_response_type", "response type not supported"
        if not params.get("code_challenge"):
            return True, "invalid_request", "missing required code challenge"
        if params.get("code_challenge_method") != "S256":
            return True, "invalid_request", "unsupported code challenge method"
        if not _PKCE_RE.match(params["code_challenge"]):
            return True, "invalid_request", "invalid code challenge"
        return None

    def _error_response(
        self, params: Mapping[str, str], problem: tuple[bool, str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        redirect, error, description = problem
        if not redirect:
            return 400, dict(PAGE_HEADERS), render_error_page(error, description)
        query = {"error": error, "error_description": description}
        if params.get("state"):
            query["state"] = params["state"]
        return self._redirect(_add_query(params["redirect_uri"], query))

    @staticmethod
    def _redirect(location: str) -> tuple[int, dict[str, str], bytes]:
        return 302, {"Location": location, "Cache-Control": "no-store"}, b""

    @staticmethod
    def _carried(params: Mapping[str, str]) -> dict[str, str]:
        return {k: params[k] for k in _CARRIED_PARAMS if k in params}

    def authorize_get(self, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """``GET /services/oauth2/authorize``: ``(status, headers, HTML body)``.

        200 and the sign-in page for a valid request; 400 and an error page when client_id
        or redirect_uri is wrong; otherwise a 302 to redirect_uri with ``error=``.
        """
        problem = self._authorize_problem(query)
        if problem:
            return self._error_response(query, problem)
        page = render_signin_page(self._carried(query), username=query.get("login_hint", ""))
        return 200, dict(PAGE_HEADERS), page

    def authorize_post(self, form: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """The sign-in form's POST (to the same path): a 302 to
        ``redirect_uri?code=…&state=…`` for the right username and password, the page again
        with an error (200) for wrong ones, ``error=access_denied`` for Deny."""
        # The hidden fields came back from the browser: check them all over again.
        problem = self._authorize_problem(form)
        if problem:
            return self._error_response(form, problem)
        if form.get("action") == "deny":
            return self._error_response(
                form, (True, "access_denied", "end-user denied authorization")
            )
        username = form.get("username", "")
        user = self._user_by_username(username)
        # The interactive sign-in takes the password alone, never password + token.
        if user is None or not _same(form.get("password", ""), user.password):
            page = render_signin_page(self._carried(form), username=username, error=SIGNIN_ERROR)
            return 200, dict(PAGE_HEADERS), page

        code = "aPrx" + secrets.token_urlsafe(48)
        with self._tx() as db:
            now = self._clock.now_ms()
            db.execute(
                "INSERT INTO _oauth_codes (code_hash, user_id, client_id, redirect_uri, "
                "code_challenge, issued_ms, expires_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (_digest(code), user.id, self._client_id, form["redirect_uri"],
                 form["code_challenge"], now, now + CODE_TTL_MS),
            )
        query = {"code": code}
        if form.get("state"):
            query["state"] = form["state"]
        return self._redirect(_add_query(form["redirect_uri"], query))

    # -----------------------------------------------------------------------------------
    # Identity URL

    def userinfo(self, session: Session) -> dict[str, Any]:
        """``GET /id/{org_id}/{user_id}``: the identity of the session's user, in the shape
        of Salesforce's identity service (``{version}`` stays literal in ``urls``, as there).
        """
        user = session.user
        first, _, last = user.name.rpartition(" ")
        base = self._instance_url
        return {
            "id": self._id_url(user),
            "asserted_user": True,
            "user_id": user.id,
            "organization_id": self._org_id,
            "username": user.username,
            "nick_name": user.username.split("@", 1)[0],
            "display_name": user.name,
            "email": user.email,
            "email_verified": True,
            "first_name": first or None,
            "last_name": last,
            "timezone": "GMT",
            "active": True,
            "user_type": "STANDARD",
            "language": "en_US",
            "locale": "en_US",
            "utcOffset": 0,
            "is_app_installed": True,
            "urls": {
                "enterprise": f"{base}/services/Soap/c/{{version}}/{self._org_id}",
                "partner": f"{base}/services/Soap/u/{{version}}/{self._org_id}",
                "rest": f"{base}/services/data/v{{version}}/",
                "sobjects": f"{base}/services/data/v{{version}}/sobjects/",
                "search": f"{base}/services/data/v{{version}}/search/",
                "query": f"{base}/services/data/v{{version}}/query/",
                "recent": f"{base}/services/data/v{{version}}/recent/",
                "tooling_rest": f"{base}/services/data/v{{version}}/tooling/",
                "profile": f"{base}/{user.id}",
                "custom_domain": base,
            },
        }
