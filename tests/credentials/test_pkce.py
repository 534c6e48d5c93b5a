"""The browser sign-in end to end against the local org: the test plays the browser (the
sign-in page over HTTPS, the redirect to the loopback listener). Wrong state, wrong
verifier, time-out, cancel, denial; then refresh and revocation through the profile."""

from __future__ import annotations

import socket
import threading
import time
from urllib.parse import parse_qs, urlsplit

import pytest

from sfsync_gui.credentials import (
    NEEDS_SIGN_IN,
    Credentials,
    OAuthClient,
    PkceSignIn,
    Profile,
    SignInCancelled,
    SignInFailed,
    SignInTimedOut,
)
from sfsync_gui.credentials.testing import MemoryKeyring
from sfsync_gui.localorg.server import RunningOrg
from sfsync_gui.salesforce import NeedsSignIn, SalesforceConnection

from .conftest import deliver, play_browser, sign_in_page, with_param


def pkce_profile(org: RunningOrg, name: str = "local") -> Profile:
    f = org.facts
    return Profile.new(name, f.login_url, "pkce", f.client_id, ca_file=f.ca_file)


def started(creds: Credentials, org: RunningOrg, *, timeout: float = 30.0,
            name: str = "local") -> PkceSignIn:
    sign_in = creds.begin_pkce(pkce_profile(org, name), open_url=None, timeout=timeout)
    sign_in.start()
    return sign_in


def test_browser_sign_in_stores_the_refresh_token_and_the_profile(
        org: RunningOrg, creds: Credentials, memory_keyring: MemoryKeyring) -> None:
    opened: list[str] = []

    def browser(url: str) -> bool:  # what webbrowser.open would do, as a test
        opened.append(url)
        threading.Thread(target=play_browser, args=(org, url), daemon=True).start()
        return True

    finished = threading.Event()
    sign_in = creds.begin_pkce(pkce_profile(org), open_url=browser, timeout=30,
                               on_finished=lambda s: finished.set())
    assert sign_in.status == "new"
    url = sign_in.start()
    assert opened == [url] and sign_in.browser_opened is True
    assert sign_in.redirect_uri.startswith("http://127.0.0.1:")
    assert "code_challenge_method=S256" in url and "state=" in url
    profile = sign_in.result(timeout=30)
    assert finished.wait(5)
    assert sign_in.status == "signed_in" and sign_in.done()
    assert profile.state == "signed_in" and profile.username == org.facts.sync_user.username
    assert profile.instance_url == org.facts.instance_url
    assert creds.get("local") == profile
    kinds = sorted(k for s, k in memory_keyring.entries if s == "sfsync-gui/local")
    assert kinds == ["access-token", "refresh-token"]
    refresh = memory_keyring.entries[("sfsync-gui/local", "refresh-token")]
    assert refresh not in creds.profiles.path.read_text()
    with pytest.raises(RuntimeError):
        sign_in.start()  # one sign-in, one start


def test_the_browser_sees_the_outcome_page(org: RunningOrg, creds: Credentials) -> None:
    sign_in = started(creds, org)
    resp = play_browser(org, sign_in.authorize_url)
    assert resp.status_code == 200 and "Signed in" in resp.text
    assert resp.headers["Cache-Control"] == "no-store"
    assert sign_in.result(10).name == "local"


def test_a_wrong_state_is_refused_and_the_code_is_not_used(
        org: RunningOrg, creds: Credentials, memory_keyring: MemoryKeyring) -> None:
    sign_in = started(creds, org)
    location = sign_in_page(org, sign_in.authorize_url)
    resp = deliver(with_param(location, state="forged-state"))
    assert resp.status_code == 400 and "wrong state" in resp.text
    with pytest.raises(SignInFailed) as info:
        sign_in.result(10)
    assert info.value.reason == "STATE_MISMATCH" and sign_in.status == "failed"
    assert creds.profiles.find("local") is None and not memory_keyring.entries
    # the code was never exchanged: it still works once, for whoever holds the verifier
    # (nobody: the listener is closed and the verifier is gone with the sign-in)


def test_a_wrong_verifier_is_refused_by_the_org(org: RunningOrg, creds: Credentials) -> None:
    """Drive the token call with another verifier: the org refuses and burns the code, so
    the genuine exchange that follows fails too (one attempt per code)."""
    sign_in = started(creds, org)
    location = sign_in_page(org, sign_in.authorize_url)
    code = parse_qs(urlsplit(location).query)["code"][0]
    with OAuthClient(org.facts.login_url, org.facts.client_id,
                     ca_file=org.facts.ca_file) as client, \
            pytest.raises(NeedsSignIn, match="invalid code verifier"):
        client.exchange_code(code, "W" * 60, sign_in.redirect_uri)
    resp = deliver(location)
    assert resp.status_code == 400
    with pytest.raises(SignInFailed) as info:
        sign_in.result(10)
    assert info.value.reason == "REFUSED" and "invalid authorization code" in str(info.value)
    assert creds.profiles.find("local") is None


def test_no_answer_times_out(org: RunningOrg, creds: Credentials) -> None:
    sign_in = started(creds, org, timeout=0.5)
    t0 = time.monotonic()
    with pytest.raises(SignInTimedOut, match=r"0\.5 s"):
        sign_in.result(10)
    assert time.monotonic() - t0 < 5 and sign_in.status == "timed_out"
    with pytest.raises(OSError):  # the listener is closed
        deliver(sign_in.redirect_uri + "?code=x&state=y")


def test_cancel_from_another_thread(org: RunningOrg, creds: Credentials) -> None:
    sign_in = started(creds, org, timeout=60)
    with pytest.raises(TimeoutError):
        sign_in.result(timeout=0.1)  # still waiting: the sign-in goes on
    assert sign_in.status == "waiting"
    threading.Timer(0.2, sign_in.cancel).start()
    t0 = time.monotonic()
    with pytest.raises(SignInCancelled):
        sign_in.result(10)
    assert time.monotonic() - t0 < 3 and sign_in.status == "cancelled"
    assert creds.profiles.find("local") is None


def test_denied_in_the_browser(org: RunningOrg, creds: Credentials) -> None:
    sign_in = started(creds, org)
    location = sign_in_page(org, sign_in.authorize_url, action="deny")
    assert deliver(location).status_code == 400
    with pytest.raises(SignInFailed) as info:
        sign_in.result(10)
    assert info.value.reason == "ACCESS_DENIED"


def test_other_paths_do_not_end_the_sign_in(org: RunningOrg, creds: Credentials) -> None:
    sign_in = started(creds, org)
    base = sign_in.redirect_uri.rsplit("/", 1)[0]
    assert deliver(base + "/favicon.ico").status_code == 404
    assert not sign_in.done()
    play_browser(org, sign_in.authorize_url)
    assert sign_in.result(10).state == "signed_in"


def test_refresh_then_revocation_puts_the_profile_in_needs_sign_in(
        org: RunningOrg, creds: Credentials, memory_keyring: MemoryKeyring,
        monkeypatch: pytest.MonkeyPatch) -> None:
    sign_in = started(creds, org)
    play_browser(org, sign_in.authorize_url)
    sign_in.result(10)
    tokens = creds.tokens("local")
    first = tokens.access_token()  # the cached one: no token call
    assert first == memory_keyring.entries[("sfsync-gui/local", "access-token")]
    conn = SalesforceConnection(tokens, ca_file=org.facts.ca_file)
    assert conn.count("FROM Lead") > 0
    # a 401 refreshes transparently and retries once
    org.control.add_fault("invalid_session", path="/query", times=1)
    assert conn.count("FROM Lead") > 0
    assert tokens.access_token() != first
    assert memory_keyring.entries[("sfsync-gui/local", "access-token")] != first

    org.control.revoke_tokens("sync")
    with pytest.raises(NeedsSignIn, match=r"needs sign-in.*sfsync connect --name local"):
        conn.count("FROM Lead")
    profile = creds.get("local")
    assert profile.state == NEEDS_SIGN_IN and "expired access/refresh token" in (
        profile.state_reason or "")
    assert ("sfsync-gui/local", "refresh-token") not in memory_keyring.entries
    assert ("sfsync-gui/local", "access-token") not in memory_keyring.entries

    # from now on: no token request at all (no retry storm), also in a new provider
    def no_network(*a: object, **k: object) -> None:
        raise AssertionError("a token request while the profile needs sign-in")

    monkeypatch.setattr(OAuthClient, "token", no_network)
    for _ in range(3):
        with pytest.raises(NeedsSignIn, match="needs sign-in"):
            tokens.refresh()
        with pytest.raises(NeedsSignIn):
            creds.tokens("local").access_token()
    conn.close()
    monkeypatch.undo()

    # signing in again (elsewhere) brings the same provider back
    again = started(creds, org)
    play_browser(org, again.authorize_url)
    assert again.result(10).state == "signed_in"
    assert tokens.access_token()
    conn = SalesforceConnection(tokens, ca_file=org.facts.ca_file)
    assert conn.count("FROM Lead") > 0
    conn.close()
    tokens.close()


def test_an_idle_connection_does_not_hold_up_the_answer(org: RunningOrg,
                                                        creds: Credentials) -> None:
    """Browsers open speculative connections and may never send on them."""
    sign_in = started(creds, org)
    port = int(sign_in.redirect_uri.split(":")[2].split("/")[0])
    with socket.create_connection(("127.0.0.1", port)):
        time.sleep(0.5)  # the listener has accepted it and waits for a request line
        t0 = time.monotonic()
        play_browser(org, sign_in.authorize_url)
        assert sign_in.result(10).state == "signed_in"
        assert time.monotonic() - t0 < 5
