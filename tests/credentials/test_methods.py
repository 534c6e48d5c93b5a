"""The unattended and legacy sign-ins against the local org — JWT bearer (plain and
encrypted key), client credentials, username + password (+ security token) — and how
their token providers renew tokens and give up."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from sfsync_gui.credentials import (
    NEEDS_SIGN_IN,
    PASSWORD_WARNING,
    Credentials,
    OAuthClient,
    Profile,
    ProfileError,
)
from sfsync_gui.credentials.jwt_bearer import audience
from sfsync_gui.credentials.testing import MemoryKeyring
from sfsync_gui.localorg.server import RunningOrg
from sfsync_gui.salesforce import NeedsSignIn, SalesforceConnection

from .conftest import security_token

PASSPHRASE = "correct horse battery staple"


def org_key(org: RunningOrg) -> Path:
    return next((Path(org.org.data_dir) / "jwt").glob("*private*"))


def encrypted_key(org: RunningOrg, tmp_path: Path) -> Path:
    key = serialization.load_pem_private_key(org_key(org).read_bytes(), password=None)
    path = tmp_path / "encrypted.pem"
    path.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(PASSPHRASE.encode())))
    return path


def stored(keyring: MemoryKeyring, name: str) -> list[str]:
    return sorted(k for s, k in keyring.entries if s == f"sfsync-gui/{name}")


def works(creds: Credentials, name: str, org: RunningOrg) -> None:
    """The profile's provider renews its token and the connection works with it."""
    tokens = creds.tokens(name)
    before = tokens.access_token()
    assert tokens.refresh() != before
    with SalesforceConnection(tokens, ca_file=org.facts.ca_file) as conn:
        assert conn.count("FROM Lead") > 0
    tokens.close()


def test_client_credentials(org: RunningOrg, creds: Credentials,
                            memory_keyring: MemoryKeyring) -> None:
    f = org.facts
    profile = Profile.new("cc", f.login_url, "client-credentials", f.client_id,
                          ca_file=f.ca_file)
    saved = creds.sign_in_client_credentials(profile, f.client_secret)
    assert saved.username == f.sync_user.username  # the run-as user, from the identity URL
    assert stored(memory_keyring, "cc") == ["access-token", "client-secret"]
    works(creds, "cc", org)


def test_client_credentials_with_a_wrong_secret(org: RunningOrg, creds: Credentials,
                                                memory_keyring: MemoryKeyring) -> None:
    f = org.facts
    profile = Profile.new("cc", f.login_url, "client-credentials", f.client_id,
                          ca_file=f.ca_file)
    with pytest.raises(NeedsSignIn, match="invalid client credentials") as info:
        creds.sign_in_client_credentials(profile, "wrong-secret")
    assert "wrong-secret" not in str(info.value)
    assert creds.profiles.find("cc") is None and not memory_keyring.entries


def test_jwt_bearer_with_a_plain_key(org: RunningOrg, creds: Credentials,
                                     memory_keyring: MemoryKeyring) -> None:
    f = org.facts
    profile = Profile.new("jwt", f.login_url, "jwt", f.client_id, ca_file=f.ca_file,
                          username=f.sync_user.username, key_file=org_key(org))
    saved = creds.sign_in_jwt(profile)
    assert saved.key_file == str(org_key(org)) and saved.state == "signed_in"
    assert stored(memory_keyring, "jwt") == ["access-token"]
    works(creds, "jwt", org)


def test_jwt_bearer_with_an_encrypted_key(org: RunningOrg, creds: Credentials,
                                          memory_keyring: MemoryKeyring,
                                          tmp_path: Path) -> None:
    f = org.facts
    key = encrypted_key(org, tmp_path)
    profile = Profile.new("jwt", f.login_url, "jwt", f.client_id, ca_file=f.ca_file,
                          username=f.sync_user.username, key_file=key)
    with pytest.raises(ProfileError, match="passphrase is needed"):
        creds.sign_in_jwt(profile)
    with pytest.raises(ProfileError, match="wrong passphrase") as info:
        creds.sign_in_jwt(profile, "not it")
    assert "not it" not in str(info.value)
    creds.sign_in_jwt(profile, PASSPHRASE)
    assert memory_keyring.entries[("sfsync-gui/jwt", "key-passphrase")] == PASSPHRASE
    works(creds, "jwt", org)
    # a key that no longer opens: needs sign-in, said once and remembered
    key.write_text("garbage")
    with pytest.raises(NeedsSignIn, match=r"not a PEM private key|wrong passphrase"):
        creds.tokens("jwt").refresh()
    assert creds.get("jwt").state == NEEDS_SIGN_IN


def test_jwt_for_an_unknown_user_is_refused(org: RunningOrg, creds: Credentials) -> None:
    f = org.facts
    profile = Profile.new("jwt", f.login_url, "jwt", f.client_id, ca_file=f.ca_file,
                          username="nobody@example.com", key_file=org_key(org))
    with pytest.raises(NeedsSignIn, match="approved"):
        creds.sign_in_jwt(profile)


def test_jwt_audiences() -> None:
    assert audience("https://login.salesforce.com", "production") == \
        "https://login.salesforce.com"
    assert audience("https://test.salesforce.com", "sandbox") == "https://test.salesforce.com"
    assert audience("https://acme.my.salesforce.com", "mydomain") == \
        "https://login.salesforce.com"
    assert audience("https://acme--uat.sandbox.my.salesforce.com", "mydomain") == \
        "https://test.salesforce.com"
    assert audience("https://127.0.0.1:8443/", "custom") == "https://127.0.0.1:8443"


@pytest.mark.parametrize("with_token", [False, True])
def test_password_flow(org: RunningOrg, creds: Credentials, memory_keyring: MemoryKeyring,
                       with_token: bool) -> None:
    f = org.facts
    token = security_token(org, f.admin_user.username) if with_token else None
    profile = Profile.new("pw", f.login_url, "password", f.client_id, ca_file=f.ca_file,
                          username=f.admin_user.username)
    saved = creds.sign_in_password(profile, f.admin_user.password,
                                   client_secret=f.client_secret, security_token=token)
    assert saved.username == f.admin_user.username
    expected = ["access-token", "client-secret", "password"] + (
        ["security-token"] if with_token else [])
    assert stored(memory_keyring, "pw") == sorted(expected)
    works(creds, "pw", org)
    assert "Summer '27" in PASSWORD_WARNING and "pkce" in PASSWORD_WARNING


def test_password_flow_with_a_wrong_password(org: RunningOrg, creds: Credentials) -> None:
    f = org.facts
    profile = Profile.new("pw", f.login_url, "password", f.client_id, ca_file=f.ca_file,
                          username=f.admin_user.username)
    with pytest.raises(NeedsSignIn, match="authentication failure") as info:
        creds.sign_in_password(profile, "hunter2", client_secret=f.client_secret)
    assert "hunter2" not in str(info.value)


def test_switching_method_leaves_no_stale_secret(org: RunningOrg, creds: Credentials,
                                                 memory_keyring: MemoryKeyring) -> None:
    f = org.facts
    pw = Profile.new("p", f.login_url, "password", f.client_id, ca_file=f.ca_file,
                     username=f.admin_user.username)
    creds.sign_in_password(pw, f.admin_user.password, client_secret=f.client_secret,
                           security_token=security_token(org, f.admin_user.username))
    cc = Profile.new("p", f.login_url, "client-credentials", f.client_id, ca_file=f.ca_file)
    first = creds.get("p").created
    creds.sign_in_client_credentials(cc, f.client_secret)
    assert stored(memory_keyring, "p") == ["access-token", "client-secret"]
    assert creds.get("p").created == first and creds.get("p").method == "client-credentials"


def test_disconnect_revokes_and_removes_every_secret(org: RunningOrg, creds: Credentials,
                                                     memory_keyring: MemoryKeyring) -> None:
    f = org.facts
    profile = Profile.new("pw", f.login_url, "password", f.client_id, ca_file=f.ca_file,
                          username=f.admin_user.username)
    creds.sign_in_password(profile, f.admin_user.password, client_secret=f.client_secret)
    memory_keyring.entries[("sfsync-gui/other", "refresh-token")] = "keep me"
    done = creds.disconnect("pw")
    assert sorted(done.removed) == ["access-token", "client-secret", "password"]
    assert done.revoked is None  # no refresh token in this flow
    assert list(memory_keyring.entries) == [("sfsync-gui/other", "refresh-token")]
    assert creds.profiles.find("pw") is None
    with pytest.raises(ProfileError):
        creds.disconnect("pw")


def test_transient_failures_do_not_mark_the_profile(org: RunningOrg, creds: Credentials,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from sfsync_gui.salesforce import TransientError

    f = org.facts
    creds.sign_in_client_credentials(
        Profile.new("cc", f.login_url, "client-credentials", f.client_id, ca_file=f.ca_file),
        f.client_secret)

    def down(self: OAuthClient, form: object) -> None:
        raise TransientError("CONNECTION_ERROR", "the connection failed")

    monkeypatch.setattr(OAuthClient, "token", down)
    with pytest.raises(TransientError):
        creds.tokens("cc").refresh()
    assert creds.get("cc").state == "signed_in"
