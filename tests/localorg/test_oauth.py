"""The local org's OAuth endpoints, called directly: every grant, expiry, refresh,
revocation, the PKCE sign-in page, JWT bearer, persistence and what the database holds."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from sfsync_gui.localorg import storage
from sfsync_gui.localorg.clock import Clock
from sfsync_gui.localorg.ids import make_id
from sfsync_gui.localorg.oauth import (
    CODE_TTL_MS,
    SIGNIN_ERROR,
    OAuthServer,
    OrgUser,
    Session,
    is_loopback_redirect,
    pkce_challenge,
)
from sfsync_gui.localorg.tls import ensure_certificates, ensure_jwt_keypair

ORG_ID = make_id("00D", 1)
CLIENT_ID = "3MVG9localorgTestClientId"
CLIENT_SECRET = "C0nsumerS3cret-" + "x" * 20
BASE = "https://127.0.0.1:8443"
REDIRECT = "http://127.0.0.1:53682/callback"
TTL = 3600.0

SYNC = OrgUser(
    id=make_id("005", 1), username="sync@localorg.example", password="Sync-Passw0rd!",
    security_token="SyncTok3nAbc", profile="Integration User", email="sync@localorg.example",
    name="Sync Integration",
)
ADMIN = OrgUser(
    id=make_id("005", 2), username="admin@localorg.example", password="Adm1n-Passw0rd!",
    security_token="AdminTok3nXyz", profile="System Administrator",
    email="admin@localorg.example", name="Ada Admin",
)

Form = dict[str, str]
#: The connected app's JWT signing key and its certificate (PEM).
JwtPair = tuple[rsa.RSAPrivateKey, bytes]


# ---------------------------------------------------------------------------------------
# Fixtures and helpers


@pytest.fixture(scope="module")
def jwt_pair(tmp_path_factory: pytest.TempPathFactory) -> JwtPair:
    key_path, cert_path = ensure_jwt_keypair(tmp_path_factory.mktemp("jwt"))
    key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    return key, cert_path.read_bytes()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "org.db"


@pytest.fixture
def make_server(
    db_path: Path, clock: Clock, jwt_pair: JwtPair
) -> Iterator[Callable[..., OAuthServer]]:
    conns: list[sqlite3.Connection] = []

    def make(**overrides: Any) -> OAuthServer:
        conn = storage.connect(str(db_path))
        conns.append(conn)
        kwargs: dict[str, Any] = dict(
            org_id=ORG_ID, users=[SYNC, ADMIN], client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET, token_ttl=TTL, instance_url=BASE, login_url=BASE,
            jwt_certificate_pem=jwt_pair[1],
        )
        kwargs.update(overrides)
        return OAuthServer(conn, threading.RLock(), clock, **kwargs)

    yield make
    for conn in conns:
        conn.close()


@pytest.fixture
def server(make_server: Callable[..., OAuthServer]) -> OAuthServer:
    return make_server()


def ok(result: tuple[int, dict]) -> dict:
    status, body = result
    assert status == 200, body
    return body


def refused(result: tuple[int, dict], error: str, description: str) -> None:
    assert result == (400, {"error": error, "error_description": description})


def bearer(token: str) -> str:
    return f"Bearer {token}"


def password_form(user: OrgUser = ADMIN, **extra: str) -> Form:
    return {
        "grant_type": "password", "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET,
        "username": user.username, "password": user.password + user.security_token, **extra,
    }


def cc_form(**extra: str) -> Form:
    return {"grant_type": "client_credentials", "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET, **extra}


def new_verifier() -> str:
    return secrets.token_urlsafe(48)


def authorize_params(verifier: str, **extra: str) -> Form:
    return {
        "response_type": "code", "client_id": CLIENT_ID, "redirect_uri": REDIRECT,
        "code_challenge": pkce_challenge(verifier), "code_challenge_method": "S256",
        "state": "st-123", **extra,
    }


def location_query(headers: dict[str, str]) -> dict[str, str]:
    query = parse_qs(urlsplit(headers["Location"]).query, keep_blank_values=True)
    return {k: v[0] for k, v in query.items()}


def sign_in(server: OAuthServer, verifier: str, user: OrgUser = ADMIN, **extra: str) -> str:
    """Run the browser part of the code flow and return the authorization code."""
    status, headers, _ = server.authorize_post(
        {**authorize_params(verifier, **extra), "username": user.username,
         "password": user.password}
    )
    assert status == 302, headers
    query = location_query(headers)
    assert query["state"] == extra.get("state", "st-123")
    return query["code"]


def code_form(code: str, verifier: str, **extra: str) -> Form:
    return {"grant_type": "authorization_code", "code": code, "client_id": CLIENT_ID,
            "redirect_uri": REDIRECT, "code_verifier": verifier, **extra}


def code_flow(server: OAuthServer, user: OrgUser = ADMIN) -> dict:
    verifier = new_verifier()
    return ok(server.token(code_form(sign_in(server, verifier, user), verifier)))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def make_jwt(key: rsa.RSAPrivateKey, claims: dict[str, Any],
             header: dict[str, Any] | None = None) -> str:
    head = b64url(json.dumps(header or {"alg": "RS256", "typ": "JWT"}).encode())
    body = b64url(json.dumps(claims).encode())
    signature = key.sign(f"{head}.{body}".encode(), padding.PKCS1v15(), hashes.SHA256())
    return f"{head}.{body}.{b64url(signature)}"


def jwt_claims(clock: Clock, **overrides: Any) -> dict[str, Any]:
    claims: dict[str, Any] = {"iss": CLIENT_ID, "sub": SYNC.username, "aud": BASE,
                              "exp": clock.now_ms() // 1000 + 180}
    claims.update(overrides)
    return claims


def jwt_form(assertion: str) -> Form:
    return {"grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": assertion}


# ---------------------------------------------------------------------------------------
# Response shape and access tokens


def test_success_shape(server: OAuthServer, clock: Clock) -> None:
    before = clock.now_ms()
    body = ok(server.token(cc_form()))
    assert set(body) == {"access_token", "signature", "scope", "instance_url", "id",
                         "token_type", "issued_at"}
    assert body["token_type"] == "Bearer"
    assert body["scope"] == "api refresh_token"
    assert body["instance_url"] == BASE
    assert body["id"] == f"{BASE}/id/{ORG_ID}/{SYNC.id}"
    assert body["issued_at"].isdigit() and int(body["issued_at"]) >= before
    expected = base64.b64encode(
        hmac.new(CLIENT_SECRET.encode(), (body["id"] + body["issued_at"]).encode(),
                 hashlib.sha256).digest()
    ).decode()
    assert body["signature"] == expected
    prefix, _, rest = body["access_token"].partition("!")
    assert prefix == ORG_ID[:15]
    assert len(rest) > 40


def test_tokens_are_unique(server: OAuthServer) -> None:
    tokens = {ok(server.token(cc_form()))["access_token"] for _ in range(20)}
    assert len(tokens) == 20


@pytest.mark.parametrize("scheme", ["Bearer", "bearer", "OAuth", "oauth"])
def test_authenticate_schemes(server: OAuthServer, scheme: str) -> None:
    token = ok(server.token(password_form()))["access_token"]
    session = server.authenticate(f"{scheme} {token}")
    assert session is not None and session.user == ADMIN
    assert session.token_id == hashlib.sha256(token.encode()).hexdigest()


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer ", "Basic abc", "Bearer nope",
                                    "token-without-scheme", "Bearer " + "x" * 20_000])
def test_authenticate_refuses_garbage(server: OAuthServer, header: str | None) -> None:
    ok(server.token(cc_form()))
    assert server.authenticate(header) is None


def test_access_token_expires_after_ttl(server: OAuthServer, clock: Clock) -> None:
    token = ok(server.token(cc_form()))["access_token"]
    clock.advance(TTL - 5)
    assert server.authenticate(bearer(token)) is not None
    clock.advance(10)
    assert server.authenticate(bearer(token)) is None


def test_unsupported_grant_type(server: OAuthServer) -> None:
    for form in ({"grant_type": "device_code", "client_id": CLIENT_ID}, {}, {"grant_type": ""}):
        refused(server.token(form), "unsupported_grant_type", "grant type not supported")


# ---------------------------------------------------------------------------------------
# client_credentials


def test_client_credentials_runs_as_the_integration_user(server: OAuthServer) -> None:
    body = ok(server.token(cc_form()))
    assert "refresh_token" not in body
    session = server.authenticate(bearer(body["access_token"]))
    assert session is not None and session.user == SYNC


def test_client_credentials_errors(
    server: OAuthServer, make_server: Callable[..., OAuthServer]
) -> None:
    refused(server.token(cc_form(client_id="nope")), "invalid_client_id",
            "client identifier invalid")
    refused(server.token(cc_form(client_secret="wrong")), "invalid_client",
            "invalid client credentials")
    form = cc_form()
    del form["client_secret"]
    refused(server.token(form), "invalid_client", "invalid client credentials")
    no_integration_user = make_server(users=[ADMIN])
    refused(no_integration_user.token(cc_form()), "invalid_grant",
            "no client credentials user enabled")


# ---------------------------------------------------------------------------------------
# password


@pytest.mark.parametrize("user", [SYNC, ADMIN])
@pytest.mark.parametrize("with_token", [True, False])
def test_password_grant(server: OAuthServer, user: OrgUser, with_token: bool) -> None:
    password = user.password + (user.security_token if with_token else "")
    body = ok(server.token(password_form(user, password=password,
                                         username=user.username.upper())))
    assert "refresh_token" not in body
    session = server.authenticate(bearer(body["access_token"]))
    assert session is not None and session.user == user


def test_password_grant_errors(server: OAuthServer) -> None:
    failure = ("invalid_grant", "authentication failure")
    refused(server.token(password_form(password="wrong")), *failure)
    refused(server.token(password_form(password=ADMIN.password + "WRONGTOKEN")), *failure)
    refused(server.token(password_form(password=ADMIN.security_token)), *failure)
    refused(server.token(password_form(password=SYNC.password)), *failure)
    refused(server.token(password_form(username="nobody@localorg.example")), *failure)
    refused(server.token(password_form(password="")), *failure)
    refused(server.token(password_form(client_id="x")), "invalid_client_id",
            "client identifier invalid")
    refused(server.token(password_form(client_secret="x")), "invalid_client",
            "invalid client credentials")


# ---------------------------------------------------------------------------------------
# refresh_token and revocation


def test_refresh_token_grant(server: OAuthServer, clock: Clock) -> None:
    first = code_flow(server)
    refresh = first["refresh_token"]
    clock.advance(TTL + 1)
    assert server.authenticate(bearer(first["access_token"])) is None
    # A PKCE public client sends no secret.
    body = ok(server.token({"grant_type": "refresh_token", "refresh_token": refresh,
                            "client_id": CLIENT_ID}))
    assert "refresh_token" not in body
    assert body["access_token"] != first["access_token"]
    assert body["id"] == first["id"]
    session = server.authenticate(bearer(body["access_token"]))
    assert session is not None and session.user == ADMIN
    # A confidential client may send its secret.
    ok(server.token({"grant_type": "refresh_token", "refresh_token": refresh,
                     "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}))


def test_refresh_token_errors(server: OAuthServer) -> None:
    refresh = code_flow(server)["refresh_token"]
    base = {"grant_type": "refresh_token", "refresh_token": refresh, "client_id": CLIENT_ID}
    refused(server.token({**base, "client_id": "nope"}), "invalid_client_id",
            "client identifier invalid")
    refused(server.token({**base, "client_secret": "wrong"}), "invalid_client",
            "invalid client credentials")
    expired = ("invalid_grant", "expired access/refresh token")
    refused(server.token({**base, "refresh_token": refresh + "x"}), *expired)
    refused(server.token({**base, "refresh_token": ""}), *expired)
    # An access token is not a refresh token.
    access = ok(server.token(base))["access_token"]
    refused(server.token({**base, "refresh_token": access}), *expired)


def test_revoking_a_refresh_token_ends_its_access_tokens(server: OAuthServer) -> None:
    first = code_flow(server)
    refresh = first["refresh_token"]
    form = {"grant_type": "refresh_token", "refresh_token": refresh, "client_id": CLIENT_ID}
    second = ok(server.token(form))["access_token"]
    other = code_flow(server)  # another sign-in, must survive
    assert server.revoke({"token": refresh}) == (200, None)
    assert server.authenticate(bearer(first["access_token"])) is None
    assert server.authenticate(bearer(second)) is None
    refused(server.token(form), "invalid_grant", "expired access/refresh token")
    assert server.authenticate(bearer(other["access_token"])) is not None
    assert server.revoke({"token": refresh}) == (
        400, {"error": "invalid_token", "error_description": "invalid token"})


def test_revoking_an_access_token(server: OAuthServer) -> None:
    first = code_flow(server)
    assert server.revoke({"token": first["access_token"]}) == (200, None)
    assert server.authenticate(bearer(first["access_token"])) is None
    # The refresh token lives on.
    ok(server.token({"grant_type": "refresh_token", "refresh_token": first["refresh_token"],
                     "client_id": CLIENT_ID}))


@pytest.mark.parametrize("form", [{}, {"token": ""}, {"token": "00Dxx!unknown"}])
def test_revoke_unknown_token(server: OAuthServer, form: Form) -> None:
    assert server.revoke(form) == (
        400, {"error": "invalid_token", "error_description": "invalid token"})


def test_revoke_all(server: OAuthServer) -> None:
    admin = code_flow(server)
    sync = ok(server.token(cc_form()))
    assert server.revoke_all(ADMIN.id) == 2  # the refresh token and its access token
    assert server.authenticate(bearer(admin["access_token"])) is None
    assert server.authenticate(bearer(sync["access_token"])) is not None
    refused(server.token({"grant_type": "refresh_token", "client_id": CLIENT_ID,
                          "refresh_token": admin["refresh_token"]}),
            "invalid_grant", "expired access/refresh token")
    ok(server.token(password_form()))
    assert server.revoke_all() == 2
    assert server.authenticate(bearer(sync["access_token"])) is None


def test_revoke_all_voids_pending_codes(server: OAuthServer) -> None:
    verifier = new_verifier()
    code = sign_in(server, verifier)
    server.revoke_all(ADMIN.id)
    refused(server.token(code_form(code, verifier)), "invalid_grant",
            "invalid authorization code")


# ---------------------------------------------------------------------------------------
# Authorization code + PKCE: the sign-in page


def test_signin_page_renders(server: OAuthServer) -> None:
    verifier = new_verifier()
    status, headers, body = server.authorize_get(authorize_params(verifier))
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert "script-src" not in headers["Content-Security-Policy"]  # default-src 'none'
    page = body.decode()
    assert '<form method="post" action="/services/oauth2/authorize"' in page
    assert 'name="username"' in page and 'type="password"' in page
    for name, value in authorize_params(verifier).items():
        assert f'<input type="hidden" name="{name}" value="{value}">' in page


def test_signin_page_escapes_everything_it_echoes(server: OAuthServer) -> None:
    evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    params = authorize_params(new_verifier(), state=evil, login_hint=evil, scope=evil)
    status, _, body = server.authorize_get(params)
    assert status == 200
    page = body.decode()
    assert "<script" not in page and "<img" not in page
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # Wrong password: the typed username comes back, escaped.
    status, _, body = server.authorize_post({**params, "username": evil, "password": "x"})
    assert status == 200
    assert "<script" not in body.decode() and "<img" not in body.decode()


def test_wrong_password_shows_the_form_again(server: OAuthServer) -> None:
    params = authorize_params(new_verifier())
    for username, password in [(ADMIN.username, "wrong"), ("nobody@x.example", "pw"),
                               (ADMIN.username, ADMIN.password + ADMIN.security_token),
                               (ADMIN.username, "")]:
        status, headers, body = server.authorize_post(
            {**params, "username": username, "password": password})
        assert status == 200
        assert "Location" not in headers
        page = body.decode()
        assert SIGNIN_ERROR in page
        assert 'name="code_challenge"' in page  # the request goes on
        assert f'value="{username}"' in page


@pytest.mark.parametrize("state", ["st-123", "a b&c=d/é?#", "x" * 300])
def test_state_round_trips(server: OAuthServer, state: str) -> None:
    verifier = new_verifier()
    code = sign_in(server, verifier, state=state)
    assert ok(server.token(code_form(code, verifier)))["refresh_token"]


def test_no_state_means_no_state_in_redirect(server: OAuthServer) -> None:
    params = authorize_params(new_verifier())
    del params["state"]
    status, headers, _ = server.authorize_post(
        {**params, "username": ADMIN.username, "password": ADMIN.password})
    assert status == 302
    assert set(location_query(headers)) == {"code"}


def test_redirect_uri_query_is_kept(server: OAuthServer) -> None:
    verifier = new_verifier()
    redirect = "http://localhost:8080/cb?app=sfsync"
    status, headers, _ = server.authorize_post(
        {**authorize_params(verifier, redirect_uri=redirect), "username": ADMIN.username,
         "password": ADMIN.password})
    assert status == 302
    assert headers["Location"].startswith(redirect + "&code=")
    query = location_query(headers)
    assert query["app"] == "sfsync"
    ok(server.token(code_form(query["code"], verifier, redirect_uri=redirect)))


def test_deny_redirects_with_access_denied(server: OAuthServer) -> None:
    status, headers, _ = server.authorize_post(
        {**authorize_params(new_verifier()), "action": "deny"})
    assert status == 302
    assert location_query(headers) == {"error": "access_denied",
                                       "error_description": "end-user denied authorization",
                                       "state": "st-123"}


BAD_REDIRECTS = [
    "https://127.0.0.1:5000/cb", "http://evil.example/cb", "http://127.0.0.1.evil.example/cb",
    "http://user@127.0.0.1:5000/cb", "http://evil.example@127.0.0.1/cb",
    "http://127.0.0.1:99999/cb", "http://127.0.0.1:0/cb", "http://127.0.0.1:/cb",
    "http://127.0.0.1:5000/cb#frag", "javascript:alert(1)", "//127.0.0.1/cb", "",
    "http://[::1]:5000/cb", "http://127.0.0.1:5000/c b", "http://127.0.0.2/cb",
    "http://127.0.0.1:5000/cb\r\nX: y",
]


@pytest.mark.parametrize("redirect", BAD_REDIRECTS)
def test_bad_redirect_uri_gets_an_error_page_not_a_redirect(
    server: OAuthServer, redirect: str
) -> None:
    assert not is_loopback_redirect(redirect)
    params = authorize_params(new_verifier(), redirect_uri=redirect)
    for status, headers, body in (
        server.authorize_get(params),
        server.authorize_post({**params, "username": ADMIN.username,
                               "password": ADMIN.password}),
    ):
        assert status == 400
        assert "Location" not in headers
        assert b"redirect_uri_mismatch" in body
        assert b"<script" not in body


@pytest.mark.parametrize("redirect", [
    "http://127.0.0.1:53682/callback", "http://localhost:1/", "http://LOCALHOST:65535/a?b=c",
    "http://127.0.0.1/cb", "http://localhost:8080",
])
def test_loopback_redirects_accepted(redirect: str) -> None:
    assert is_loopback_redirect(redirect)


def test_bad_client_id_gets_an_error_page(server: OAuthServer) -> None:
    status, headers, body = server.authorize_get(
        authorize_params(new_verifier(), client_id="<b>nope</b>"))
    assert status == 400 and "Location" not in headers
    assert b"invalid_client_id" in body and b"<b>nope" not in body


@pytest.mark.parametrize(("change", "error", "description"), [
    ({"response_type": "token"}, "unsupported_response_type", "response type not supported"),
    ({"code_challenge": ""}, "invalid_request", "missing required code challenge"),
    ({"code_challenge_method": "plain"}, "invalid_request", "unsupported code challenge method"),
    ({"code_challenge_method": ""}, "invalid_request", "unsupported code challenge method"),
    ({"code_challenge": "short"}, "invalid_request", "invalid code challenge"),
])
def test_bad_request_redirects_with_error(
    server: OAuthServer, change: Form, error: str, description: str
) -> None:
    params = {**authorize_params(new_verifier()), **change}
    for status, headers, _ in (
        server.authorize_get(params),
        server.authorize_post({**params, "username": ADMIN.username,
                               "password": ADMIN.password}),
    ):
        assert status == 302
        assert headers["Location"].startswith(REDIRECT + "?")
        assert location_query(headers) == {"error": error, "error_description": description,
                                           "state": "st-123"}


# ---------------------------------------------------------------------------------------
# Authorization code + PKCE: the token exchange


def test_code_exchange(server: OAuthServer) -> None:
    body = code_flow(server, SYNC)
    assert body["refresh_token"].startswith("5Aep861")
    assert body["id"].endswith(SYNC.id)
    session = server.authenticate(bearer(body["access_token"]))
    assert session is not None and session.user == SYNC


def test_code_exchange_with_client_secret(server: OAuthServer) -> None:
    verifier = new_verifier()
    code = sign_in(server, verifier)
    ok(server.token(code_form(code, verifier, client_secret=CLIENT_SECRET)))


def test_code_reuse_refused_and_revokes_the_first_exchange(server: OAuthServer) -> None:
    verifier = new_verifier()
    code = sign_in(server, verifier)
    body = ok(server.token(code_form(code, verifier)))
    refused(server.token(code_form(code, verifier)), "invalid_grant",
            "invalid authorization code")
    assert server.authenticate(bearer(body["access_token"])) is None
    refused(server.token({"grant_type": "refresh_token", "client_id": CLIENT_ID,
                          "refresh_token": body["refresh_token"]}),
            "invalid_grant", "expired access/refresh token")


def test_wrong_verifier_refused_and_burns_the_code(server: OAuthServer) -> None:
    verifier = new_verifier()
    code = sign_in(server, verifier)
    refused(server.token(code_form(code, new_verifier())), "invalid_grant",
            "invalid code verifier")
    refused(server.token(code_form(code, verifier)), "invalid_grant",
            "invalid authorization code")


@pytest.mark.parametrize("verifier", ["", "short", "bad chars!" * 10])
def test_missing_or_malformed_verifier_refused(server: OAuthServer, verifier: str) -> None:
    code = sign_in(server, new_verifier())
    refused(server.token(code_form(code, verifier)), "invalid_grant", "invalid code verifier")


@pytest.mark.parametrize(
    "redirect", ["http://127.0.0.1:53682/other", "http://127.0.0.1:53683/callback", ""]
)
def test_wrong_redirect_uri_refused(server: OAuthServer, redirect: str) -> None:
    verifier = new_verifier()
    code = sign_in(server, verifier)
    refused(server.token(code_form(code, verifier, redirect_uri=redirect)), "invalid_grant",
            "redirect_uri must match configuration")


def test_expired_code_refused(server: OAuthServer, clock: Clock) -> None:
    verifier = new_verifier()
    fresh = sign_in(server, verifier)
    stale = sign_in(server, verifier)
    clock.advance(CODE_TTL_MS / 1000 - 5)
    ok(server.token(code_form(fresh, verifier)))
    clock.advance(10)
    refused(server.token(code_form(stale, verifier)), "invalid_grant",
            "expired authorization code")


def test_code_exchange_client_errors(server: OAuthServer) -> None:
    verifier = new_verifier()
    code = sign_in(server, verifier)
    refused(server.token(code_form(code, verifier, client_id="nope")), "invalid_client_id",
            "client identifier invalid")
    refused(server.token(code_form(code, verifier, client_secret="wrong")), "invalid_client",
            "invalid client credentials")
    # Refusals for the client did not consume the code.
    ok(server.token(code_form(code, verifier)))


@pytest.mark.parametrize("code", ["", "aPrxunknown", "x" * 20_000])
def test_unknown_code_refused(server: OAuthServer, code: str) -> None:
    refused(server.token(code_form(code, new_verifier())), "invalid_grant",
            "invalid authorization code")


# ---------------------------------------------------------------------------------------
# JWT bearer


@pytest.mark.parametrize("aud", [BASE, BASE + "/", "https://login.salesforce.com",
                                 "https://test.salesforce.com", ["https://other.example", BASE]])
def test_jwt_bearer_accepted(
    server: OAuthServer, clock: Clock, jwt_pair: JwtPair, aud: Any
) -> None:
    key, _ = jwt_pair
    body = ok(server.token(jwt_form(make_jwt(key, jwt_claims(clock, aud=aud)))))
    assert "refresh_token" not in body
    session = server.authenticate(bearer(body["access_token"]))
    assert session is not None and session.user == SYNC


def test_jwt_bearer_for_the_admin(server: OAuthServer, clock: Clock, jwt_pair: JwtPair) -> None:
    key, _ = jwt_pair
    body = ok(server.token(jwt_form(make_jwt(key, jwt_claims(clock, sub=ADMIN.username)))))
    session = server.authenticate(bearer(body["access_token"]))
    assert session is not None and session.user == ADMIN


def test_jwt_wrong_key_refused(server: OAuthServer, clock: Clock) -> None:
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    refused(server.token(jwt_form(make_jwt(other, jwt_claims(clock)))), "invalid_grant",
            "invalid assertion")


def test_jwt_expired_refused(server: OAuthServer, clock: Clock, jwt_pair: JwtPair) -> None:
    key, _ = jwt_pair
    assertion = make_jwt(key, jwt_claims(clock, exp=clock.now_ms() // 1000 + 60))
    ok(server.token(jwt_form(assertion)))
    clock.advance(61)
    refused(server.token(jwt_form(assertion)), "invalid_grant", "expired authorization code")


def test_jwt_too_long_lived_refused(server: OAuthServer, clock: Clock, jwt_pair: JwtPair) -> None:
    key, _ = jwt_pair
    claims = jwt_claims(clock, exp=clock.now_ms() // 1000 + 3600)
    refused(server.token(jwt_form(make_jwt(key, claims))), "invalid_grant", "invalid assertion")


@pytest.mark.parametrize("aud", ["https://evil.example", "https://login.salesforce.com.evil",
                                 "", None, 5, [], ["https://evil.example"]])
def test_jwt_wrong_audience_refused(
    server: OAuthServer, clock: Clock, jwt_pair: JwtPair, aud: Any
) -> None:
    key, _ = jwt_pair
    refused(server.token(jwt_form(make_jwt(key, jwt_claims(clock, aud=aud)))),
            "invalid_grant", "audience is invalid")


@pytest.mark.parametrize("sub", ["nobody@localorg.example", "", None, 7])
def test_jwt_wrong_subject_refused(
    server: OAuthServer, clock: Clock, jwt_pair: JwtPair, sub: Any
) -> None:
    key, _ = jwt_pair
    refused(server.token(jwt_form(make_jwt(key, jwt_claims(clock, sub=sub)))),
            "invalid_grant", "user hasn't approved this consumer")


def test_jwt_wrong_issuer_refused(server: OAuthServer, clock: Clock, jwt_pair: JwtPair) -> None:
    key, _ = jwt_pair
    refused(server.token(jwt_form(make_jwt(key, jwt_claims(clock, iss="other-app")))),
            "invalid_client_id", "client identifier invalid")


def test_jwt_malformed_refused(server: OAuthServer, clock: Clock, jwt_pair: JwtPair) -> None:
    key, _ = jwt_pair
    good = make_jwt(key, jwt_claims(clock))
    head, body, sig = good.split(".")
    forged_claims = b64url(json.dumps(jwt_claims(clock, sub=ADMIN.username)).encode())
    unsigned = b64url(json.dumps({"alg": "none"}).encode())
    hs256 = make_jwt(key, jwt_claims(clock), header={"alg": "HS256"})
    cases = [
        "", "a.b", good + ".x", f"{head}.{forged_claims}.{sig}", f"{unsigned}.{body}.",
        hs256, f"{head}.{body}.!!!", f"{head}.{b64url(b'not json')}.{sig}",
        f"{b64url(b'[1]')}.{body}.{sig}", "x" * 20_000,
    ]
    for assertion in cases:
        refused(server.token(jwt_form(assertion)), "invalid_grant", "invalid assertion")
    refused(server.token(jwt_form(make_jwt(key, jwt_claims(clock, exp="soon")))),
            "invalid_grant", "invalid assertion")
    refused(server.token(jwt_form(make_jwt(key, jwt_claims(clock, nbf=10**12)))),
            "invalid_grant", "invalid assertion")


def test_jwt_without_registered_certificate(
    tmp_path: Path, clock: Clock, jwt_pair: JwtPair
) -> None:
    key, cert_pem = jwt_pair
    conn = storage.connect(str(tmp_path / "fresh.db"))
    try:
        server = OAuthServer(conn, threading.RLock(), clock, org_id=ORG_ID, users=[SYNC],
                             client_id=CLIENT_ID, client_secret=CLIENT_SECRET, token_ttl=TTL,
                             instance_url=BASE, login_url=BASE)
        assertion = make_jwt(key, jwt_claims(clock))
        refused(server.token(jwt_form(assertion)), "invalid_grant", "invalid assertion")
        server.register_jwt_certificate(cert_pem)
        ok(server.token(jwt_form(assertion)))
    finally:
        conn.close()


def test_register_jwt_certificate_validates(server: OAuthServer, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a PEM"):
        server.register_jwt_certificate(b"garbage")
    ec_cert = ensure_certificates(tmp_path).cert_file.read_bytes()  # an EC P-256 certificate
    with pytest.raises(ValueError, match="RSA"):
        server.register_jwt_certificate(ec_cert)


def test_registered_certificate_persists(
    make_server: Callable[..., OAuthServer], clock: Clock
) -> None:
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "other")])
    now = clock.now()
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(other.public_key()).serial_number(1)
            .not_valid_before(now).not_valid_after(now.replace(year=now.year + 1))
            .sign(other, hashes.SHA256()))
    make_server().register_jwt_certificate(cert.public_bytes(serialization.Encoding.PEM))
    restarted = make_server(jwt_certificate_pem=None)
    ok(restarted.token(jwt_form(make_jwt(other, jwt_claims(clock)))))


# ---------------------------------------------------------------------------------------
# Persistence, storage and secrecy


def test_tokens_survive_a_restart(make_server: Callable[..., OAuthServer]) -> None:
    first = make_server()
    code_body = code_flow(first)
    cc_body = ok(first.token(cc_form()))
    verifier = new_verifier()
    pending = sign_in(first, verifier)

    second = make_server()
    for token, user in ((code_body["access_token"], ADMIN), (cc_body["access_token"], SYNC)):
        session = second.authenticate(bearer(token))
        assert session is not None and session.user == user
    ok(second.token({"grant_type": "refresh_token", "client_id": CLIENT_ID,
                     "refresh_token": code_body["refresh_token"]}))
    ok(second.token(code_form(pending, verifier)))


def test_database_holds_no_token_text(
    make_server: Callable[..., OAuthServer], db_path: Path, clock: Clock, jwt_pair: JwtPair
) -> None:
    server = make_server()
    secrets_seen: list[str] = [CLIENT_SECRET]
    for user in (SYNC, ADMIN):
        secrets_seen += [user.password, user.security_token]
    for _ in range(3):
        body = code_flow(server)
        secrets_seen += [body["access_token"], body["refresh_token"]]
        refreshed = ok(server.token({"grant_type": "refresh_token", "client_id": CLIENT_ID,
                                     "refresh_token": body["refresh_token"]}))
        secrets_seen.append(refreshed["access_token"])
    verifier = new_verifier()
    secrets_seen += [sign_in(server, verifier), verifier]
    secrets_seen.append(ok(server.token(cc_form()))["access_token"])
    secrets_seen.append(ok(server.token(password_form()))["access_token"])
    key, _ = jwt_pair
    assertion = make_jwt(key, jwt_claims(clock))
    secrets_seen += [assertion, ok(server.token(jwt_form(assertion)))["access_token"]]

    stored = b"".join(
        p.read_bytes() for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)
    )
    assert stored
    for secret in secrets_seen:
        # The random part alone: no fragment of it may be stored either.
        needle = secret.partition("!")[2] or secret
        assert needle.encode() not in stored
    # What is stored is the hash.
    token = secrets_seen[-1]
    assert hashlib.sha256(token.encode()).hexdigest().encode() in stored


def test_secrets_stay_out_of_reprs(server: OAuthServer) -> None:
    token = ok(server.token(password_form()))["access_token"]
    session = server.authenticate(bearer(token))
    text = repr(session) + repr(ADMIN) + str(session)
    for secret in (ADMIN.password, ADMIN.security_token, token):
        assert secret not in text


def test_oauth_tables_only(server: OAuthServer, db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()
    assert names and all(n.startswith("_oauth_") for n in names)


def test_database_work_waits_for_the_org_lock(db_path: Path, clock: Clock) -> None:
    lock = threading.RLock()
    conn = storage.connect(str(db_path))
    try:
        server = OAuthServer(conn, lock, clock, org_id=ORG_ID, users=[SYNC, ADMIN],
                             client_id=CLIENT_ID, client_secret=CLIENT_SECRET, token_ttl=TTL,
                             instance_url=BASE, login_url=BASE)
        results: list[tuple[int, dict]] = []
        with lock:
            worker = threading.Thread(target=lambda: results.append(server.token(cc_form())))
            worker.start()
            worker.join(0.3)
            assert worker.is_alive() and not results
        worker.join(5)
        assert results and results[0][0] == 200
    finally:
        conn.close()


def test_works_inside_a_callers_transaction(server: OAuthServer, db_path: Path) -> None:
    conn = server._conn  # the org's connection, as the REST layer would hold it
    conn.execute("BEGIN IMMEDIATE")
    body = ok(server.token(cc_form()))
    conn.execute("COMMIT")
    assert server.authenticate(bearer(body["access_token"])) is not None


# ---------------------------------------------------------------------------------------
# Identity


def test_userinfo(server: OAuthServer) -> None:
    body = ok(server.token(password_form()))
    session = server.authenticate(bearer(body["access_token"]))
    assert isinstance(session, Session)
    info = server.userinfo(session)
    assert info["id"] == body["id"]
    assert info["user_id"] == ADMIN.id
    assert info["organization_id"] == ORG_ID
    assert info["username"] == ADMIN.username
    assert info["email"] == ADMIN.email
    assert info["display_name"] == "Ada Admin"
    assert (info["first_name"], info["last_name"]) == ("Ada", "Admin")
    assert info["urls"]["rest"] == f"{BASE}/services/data/v{{version}}/"
    json.dumps(info)


def test_no_secret_in_any_response(server: OAuthServer) -> None:
    """Pages and error bodies never echo passwords, tokens or the client secret."""
    verifier = new_verifier()
    params = authorize_params(verifier)
    outputs: list[bytes] = []
    outputs.append(server.authorize_post({**params, "username": ADMIN.username,
                                          "password": ADMIN.password + "typo"})[2])
    outputs.append(json.dumps(server.token(password_form(password="wrong"))[1]).encode())
    outputs.append(json.dumps(server.token(cc_form(client_secret=CLIENT_SECRET + "x"))[1])
                   .encode())
    blob = b"".join(outputs)
    for secret in (ADMIN.password, CLIENT_SECRET, ADMIN.security_token):
        assert not re.search(re.escape(secret.encode()), blob)

