"""``sfsync connect``, ``profiles``, ``disconnect`` and ``--profile``, in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sfsync_gui.credentials.testing import MemoryKeyring
from sfsync_gui.localorg.server import RunningOrg

from .cli_helpers import Run, browser_for, local_args, make_run


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    return make_run(capsys, monkeypatch)


def entries(keyring: MemoryKeyring, name: str) -> list[str]:
    return sorted(k for s, k in keyring.entries if s == f"sfsync-gui/{name}")


def test_connect_with_the_browser_then_sync_with_the_profile(
        run: Run, org: RunningOrg, memory_keyring: MemoryKeyring,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    opened = browser_for(org, monkeypatch)
    r = run(*local_args(org, "local", "pkce"), "--timeout", "30")
    assert r.code == 0, r.err
    assert len(opened) == 1 and opened[0] in r.err  # the URL is shown too
    assert "Signed in: profile 'local' (pkce) as sync@" in r.out
    assert "sfsync sync --profile local" in r.out
    assert entries(memory_keyring, "local") == ["access-token", "refresh-token"]

    r = run("profiles")
    assert r.code == 0 and "local" in r.out and "signed in" in r.out and "pkce" in r.out
    r = run("sync", "--once", "--profile", "local", "--db", tmp_path / "s.db", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out.splitlines()[-1])["status"] == "ok"

    # revoked at Salesforce: the cycle says so, the profile shows it, and it stays quiet
    org.control.revoke_tokens("sync")
    r = run("sync", "--once", "--profile", "local", "--db", tmp_path / "s.db")
    assert r.code == 1
    line = r.err.splitlines()[-1]
    assert "needs sign-in" in line and "sfsync connect --name local" in line
    r = run("profiles", "--json")
    assert json.loads(r.out)[0]["state"] == "needs_sign_in"
    r = run("profiles")
    assert "needs sign-in: " in r.out
    r = run("force-sync", "nobody@example.com", "--profile", "local", "--db",
            tmp_path / "s.db")
    assert r.code == 1  # no such person: the store is asked before Salesforce

    # connect again by name only: the profile's settings are reused
    r = run("connect", "--name", "local", "--timeout", "30")
    assert r.code == 0, r.err
    assert json.loads(run("profiles", "--json").out)[0]["state"] == "signed_in"
    r = run("sync", "--once", "--profile", "local", "--db", tmp_path / "s.db")
    assert r.code == 0, r.err

    r = run("disconnect", "local")
    assert r.code == 0 and "refresh token was revoked" in r.out
    assert entries(memory_keyring, "local") == []
    assert "No profiles yet" in run("profiles").out
    r = run("sync", "--once", "--profile", "local", "--db", tmp_path / "s.db")
    assert r.code == 2 and "no profile named 'local'" in r.err


def test_connect_no_browser_prints_the_url(run: Run, org: RunningOrg,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("webbrowser.open", lambda url: pytest.fail("a browser was opened"))
    r = run(*local_args(org, "local", "pkce"), "--no-browser", "--timeout", "0.5")
    assert r.code == 1 and "Open this URL in a browser" in r.err
    assert "/services/oauth2/authorize?" in r.err
    assert r.err.splitlines()[-1].startswith("sfsync: sign-in failed: no answer came back")


def test_connect_client_credentials_reads_the_secret_from_stdin(
        run: Run, org: RunningOrg, memory_keyring: MemoryKeyring) -> None:
    r = run(*local_args(org, "cc", "client-credentials"), "--json",
            stdin=org.facts.client_secret + "\n")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data["profile"]["method"] == "client-credentials"
    assert data["keyring"].endswith("MemoryKeyring")
    assert entries(memory_keyring, "cc") == ["access-token", "client-secret"]
    r = run(*local_args(org, "cc2", "client-credentials"), stdin="wrong\n")
    assert r.code == 1 and "invalid client credentials" in r.err
    r = run(*local_args(org, "cc3", "client-credentials"), stdin="")
    assert r.code == 2 and "Client secret" in r.err


def test_connect_password_warns_that_it_is_legacy(run: Run, org: RunningOrg) -> None:
    f = org.facts
    r = run(*local_args(org, "pw", "password"),
            stdin=f"{f.sync_user.password}\n\n{f.client_secret}\n")
    assert r.code == 0, r.err
    assert "warning: the username-password flow is legacy" in r.err


def test_connect_jwt(run: Run, org: RunningOrg, memory_keyring: MemoryKeyring) -> None:
    r = run(*local_args(org, "jwt", "jwt"))
    assert r.code == 0, r.err
    assert entries(memory_keyring, "jwt") == ["access-token"]


def test_usage_problems_are_one_line(run: Run, org: RunningOrg, tmp_path: Path) -> None:
    r = run("connect", "--method", "pkce", "--login-url", "production")
    assert r.code == 2 and "give --client-id" in r.err
    r = run("connect", "--client-id", "x", "--login-url", "http://login.salesforce.com")
    assert r.code == 2 and "https://" in r.err
    r = run("sync", "--once", "--profile", "x", "--demo")
    assert r.code == 2 and "not both" in r.err
    r = run("disconnect", "nope")
    assert r.code == 1 and "no profile named 'nope'" in r.err
    r = run("sync", "--once", "--db", tmp_path / "x.db")
    assert r.code == 2 and "--profile NAME" in r.err


def test_an_untrusted_login_url_fails_before_the_browser(run: Run, org: RunningOrg,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    monkeypatch.setattr("webbrowser.open", lambda url: pytest.fail("a browser was opened"))
    f = org.facts
    r = run("connect", "--name", "x", "--login-url", f.login_url, "--client-id", f.client_id)
    assert r.code == 1 and "CERTIFICATE_VERIFY_FAILED" in r.err and "CA file" in r.err
    assert "authorize?" not in r.err
    assert "No profiles yet" in run("profiles").out
