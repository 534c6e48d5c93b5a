"""Sign-in flows over real HTTPS: PKCE through the sign-in page, refresh, revocation, JWT."""

from __future__ import annotations

import base64
import json
import re
import secrets
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from simple_salesforce import Salesforce

from sfsync_gui.localorg.oauth import pkce_challenge
from sfsync_gui.localorg.server import RunningOrg

from .conftest import https_session

REDIRECT = "http://127.0.0.1:53682/callback"


class _Form(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "input" and a.get("type") == "hidden":
            self.fields[a["name"]] = a.get("value", "")


def sign_in(org: RunningOrg, verifier: str, *, state: str, password: str | None = None
            ) -> tuple[int, dict]:
    """Drive the sign-in page as a browser would; returns (status, redirect query)."""
    f = org.facts
    s = https_session(f.ca_file)
    page = s.get(f.login_url + "/services/oauth2/authorize", params={
        "response_type": "code", "client_id": f.client_id, "redirect_uri": REDIRECT,
        "state": state, "code_challenge": pkce_challenge(verifier),
        "code_challenge_method": "S256"})
    assert page.status_code == 200 and "<form" in page.text
    form = _Form()
    form.feed(page.text)
    data = dict(form.fields, username=f.admin_user.username,
                password=password or f.admin_user.password, action="login")
    resp = s.post(f.login_url + "/services/oauth2/authorize", data=data,
                  allow_redirects=False)
    if resp.status_code != 302:
        return resp.status_code, {}
    location = urlsplit(resp.headers["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == REDIRECT
    return 302, {k: v[0] for k, v in parse_qs(location.query).items()}


def token(org: RunningOrg, **form: str) -> tuple[int, dict]:
    f = org.facts
    resp = https_session(f.ca_file).post(f.login_url + "/services/oauth2/token",
                                         data={"client_id": f.client_id, **form})
    return resp.status_code, resp.json()


def client(org: RunningOrg, access_token: str) -> Salesforce:
    return Salesforce(instance_url=org.facts.instance_url, session_id=access_token,
                      session=https_session(org.facts.ca_file))


def test_pkce_sign_in_refresh_and_revocation(org: RunningOrg) -> None:
    verifier = secrets.token_urlsafe(48)
    status, query = sign_in(org, verifier, state="s-123")
    assert status == 302 and query["state"] == "s-123"
    status, tok = token(org, grant_type="authorization_code", code=query["code"],
                        redirect_uri=REDIRECT, code_verifier=verifier)
    assert status == 200, tok
    assert {"access_token", "refresh_token", "instance_url", "id", "issued_at",
            "signature"} <= set(tok)
    assert client(org, tok["access_token"]).query("SELECT COUNT() FROM Lead")["totalSize"] > 0
    status, fresh = token(org, grant_type="refresh_token", refresh_token=tok["refresh_token"])
    assert status == 200 and fresh["access_token"] != tok["access_token"]
    org.control.revoke_tokens()
    status, refused = token(org, grant_type="refresh_token", refresh_token=tok["refresh_token"])
    assert status == 400 and refused["error"] == "invalid_grant"


def test_pkce_wrong_verifier_and_reused_code_are_refused(org: RunningOrg) -> None:
    verifier = secrets.token_urlsafe(48)
    status, query = sign_in(org, verifier, state="x")
    assert status == 302
    status, refused = token(org, grant_type="authorization_code", code=query["code"],
                            redirect_uri=REDIRECT, code_verifier=secrets.token_urlsafe(48))
    assert status == 400
    assert refused == {"error": "invalid_grant", "error_description": "invalid code verifier"}
    status, again = token(org, grant_type="authorization_code", code=query["code"],
                          redirect_uri=REDIRECT, code_verifier=verifier)
    assert status == 400 and again["error"] == "invalid_grant"


def test_wrong_password_shows_the_page_again(org: RunningOrg) -> None:
    status, query = sign_in(org, secrets.token_urlsafe(48), state="y", password="wrong")
    assert status == 200 and query == {}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_jwt_bearer_with_the_connected_apps_key(org: RunningOrg) -> None:
    key_path = next(org.org.data_dir.glob("jwt/*private*"))
    key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    f = org.facts
    header = _b64(json.dumps({"alg": "RS256"}).encode())
    exp = int(org.clock.now_ms() / 1000) + 120
    claims = _b64(json.dumps({"iss": f.client_id, "sub": f.sync_user.username,
                              "aud": f.login_url, "exp": exp}).encode())
    signature = key.sign(f"{header}.{claims}".encode(), padding.PKCS1v15(), hashes.SHA256())
    assertion = f"{header}.{claims}.{_b64(signature)}"
    status, tok = token(org, grant_type="urn:ietf:params:oauth:grant-type:jwt-bearer",
                        assertion=assertion)
    assert status == 200, tok
    assert "refresh_token" not in tok
    assert client(org, tok["access_token"]).query("SELECT COUNT() FROM Lead")["totalSize"] > 0
    forged = f"{header}.{claims}.{_b64(b'not a signature')}"
    status, refused = token(org, grant_type="urn:ietf:params:oauth:grant-type:jwt-bearer",
                            assertion=forged)
    assert status == 400 and refused["error"] == "invalid_grant"


def test_token_endpoint_answers_no_store(org: RunningOrg) -> None:
    f = org.facts
    resp = https_session(f.ca_file).post(f.login_url + "/services/oauth2/token", data={
        "grant_type": "client_credentials", "client_id": f.client_id,
        "client_secret": f.client_secret})
    assert resp.headers.get("Cache-Control") == "no-store"
    assert re.fullmatch(r"\d{13}", resp.json()["issued_at"])


@pytest.mark.parametrize("redirect", ["https://evil.example/cb", "http://10.0.0.1/cb"])
def test_non_loopback_redirect_is_never_followed(org: RunningOrg, redirect: str) -> None:
    f = org.facts
    resp = https_session(f.ca_file).get(f.login_url + "/services/oauth2/authorize", params={
        "response_type": "code", "client_id": f.client_id, "redirect_uri": redirect,
        "code_challenge": pkce_challenge("v" * 50), "code_challenge_method": "S256"},
        allow_redirects=False)
    assert resp.status_code == 400
    assert "Location" not in resp.headers
