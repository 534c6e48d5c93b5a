"""Only Salesforce refusing the profile's credentials may put it in ``needs_sign_in``.

Found in the fault soak: a 401 that also hit the call retried after a *successful* token
refresh ended the cycle as ``needs_sign_in``, which stops syncing until the user signs in
again. A 401 right after a working refresh, or a token endpoint that is down, is transient
(retried next cycle); a refused refresh (revoked tokens: ``invalid_grant``) still needs
sign-in. All through a client-credentials profile over real HTTPS to the local org, with a
real SQLite store for the cycle.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sfsync_gui.credentials import NEEDS_SIGN_IN, Credentials, Profile
from sfsync_gui.credentials.secretstore import CLIENT_SECRET
from sfsync_gui.localorg.server import RunningOrg
from sfsync_gui.salesforce import NeedsSignIn, SalesforceConnection, TransientError
from sfsync_gui.store import Store
from sfsync_gui.sync import SyncConfig, SyncEngine

TOKEN_PATH = r"^/services/oauth2/token"


def connected(org: RunningOrg, creds: Credentials) -> SalesforceConnection:
    f = org.facts
    creds.sign_in_client_credentials(
        Profile.new("cc", f.login_url, "client-credentials", f.client_id, ca_file=f.ca_file),
        f.client_secret)
    conn = SalesforceConnection(creds.tokens("cc"), ca_file=f.ca_file)
    assert conn.count("FROM Lead") > 0
    return conn


def test_401_after_a_successful_refresh_is_transient_and_the_cycle_retries(
        org: RunningOrg, creds: Credentials, tmp_path: Path) -> None:
    conn = connected(org, creds)
    org.control.add_fault("invalid_session", path="/query", times=2)
    with pytest.raises(TransientError) as exc:
        conn.count("FROM Lead")
    assert not isinstance(exc.value, NeedsSignIn) and exc.value.status == 401
    assert creds.get("cc").state == "signed_in"
    assert conn.count("FROM Lead") > 0  # the next call works

    # the same fault in a cycle: failed (retried next cycle), never needs_sign_in
    store = Store(tmp_path / "sfsync.db")
    try:
        engine = SyncEngine(store, conn, SyncConfig(objects={"Lead": "two_way"}))
        org.control.add_fault("invalid_session", times=2)
        summary = engine.run_cycle("once")
        assert summary.status == "failed", summary.message
        assert "retrying next cycle" in (summary.message or "")
        assert creds.get("cc").state == "signed_in"
        again = engine.run_cycle("once")
        assert again.status == "ok", again.message
    finally:
        store.close()
        conn.close()


def test_token_endpoint_503_is_transient(org: RunningOrg, creds: Credentials) -> None:
    conn = connected(org, creds)
    org.control.add_fault("service_unavailable", path=TOKEN_PATH, times=1)
    org.control.add_fault("invalid_session", path="/query", times=1)
    with pytest.raises(TransientError) as exc:
        conn.count("FROM Lead")
    assert not isinstance(exc.value, NeedsSignIn) and exc.value.status == 503
    assert creds.get("cc").state == "signed_in"
    assert conn.count("FROM Lead") > 0  # the token endpoint is back: refresh, then works
    conn.close()


def test_refused_refresh_still_needs_sign_in(org: RunningOrg, creds: Credentials) -> None:
    conn = connected(org, creds)
    org.control.revoke_tokens("sync")  # the access token dies; the secret still works
    assert conn.count("FROM Lead") > 0  # so the refresh succeeds and the call goes on
    assert creds.get("cc").state == "signed_in"
    # a refresh the token endpoint refuses (invalid_client here): needs sign-in
    creds.secrets.set("cc", CLIENT_SECRET, "no-longer-the-secret")
    org.control.revoke_tokens("sync")
    with pytest.raises(NeedsSignIn, match="needs sign-in"):
        conn.count("FROM Lead")
    profile = creds.get("cc")
    assert profile.state == NEEDS_SIGN_IN
    conn.close()
