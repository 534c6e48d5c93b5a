"""Profiles in the settings file: login URLs, checks, round trips, states, no secrets."""

from __future__ import annotations

import json
import os
import stat
from dataclasses import fields
from pathlib import Path

import pytest

from sfsync_gui.credentials import (
    NEEDS_SIGN_IN,
    SIGNED_IN,
    Profile,
    ProfileError,
    ProfileStore,
    config_dir,
    parse_login_url,
)


@pytest.mark.parametrize(("text", "kind", "url"), [
    ("production", "production", "https://login.salesforce.com"),
    ("login", "production", "https://login.salesforce.com"),
    ("https://login.salesforce.com/", "production", "https://login.salesforce.com"),
    ("sandbox", "sandbox", "https://test.salesforce.com"),
    ("TEST", "sandbox", "https://test.salesforce.com"),
    ("acme.my.salesforce.com", "mydomain", "https://acme.my.salesforce.com"),
    ("https://Acme--Dev.sandbox.my.salesforce.com/", "mydomain",
     "https://acme--dev.sandbox.my.salesforce.com"),
    ("https://127.0.0.1:8443", "custom", "https://127.0.0.1:8443"),
    ("https://example.org/portal/", "custom", "https://example.org/portal"),
])
def test_login_urls(text: str, kind: str, url: str) -> None:
    assert parse_login_url(text) == (kind, url)


@pytest.mark.parametrize("text", ["http://login.salesforce.com", "", "https://u:p@x.org",
                                  "https://x.org/?a=1", "https://:99999"])
def test_bad_login_urls_are_refused(text: str) -> None:
    with pytest.raises(ProfileError):
        parse_login_url(text)


def test_profile_checks_say_what_is_missing(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="client id"):
        Profile.new("a", "production", "pkce", "")
    with pytest.raises(ProfileError, match="username"):
        Profile.new("a", "production", "jwt", "cid", key_file=tmp_path / "k.pem")
    with pytest.raises(ProfileError, match="key file"):
        Profile.new("a", "production", "jwt", "cid", username="u@x")
    with pytest.raises(ProfileError, match="My Domain"):
        Profile.new("a", "production", "client-credentials", "cid")
    with pytest.raises(ProfileError, match="unknown sign-in method"):
        Profile.new("a", "production", "magic", "cid")
    with pytest.raises(ProfileError, match="CA file"):
        Profile.new("a", "https://127.0.0.1:1", "pkce", "cid", ca_file=tmp_path / "none.pem")
    for bad in ("", "a b", "../x", "-x", "x" * 65, "a/b"):
        with pytest.raises(ProfileError, match="profile name"):
            Profile.new(bad, "production", "pkce", "cid")


def test_profiles_round_trip_in_a_private_file(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "cfg")
    assert store.list() == [] and store.find("x") is None
    ca = tmp_path / "ca.pem"
    ca.write_text("not checked here")
    a = store.save(Profile.new("b-org", "https://127.0.0.1:9", "pkce", "cid", ca_file=ca))
    store.save(Profile.new("a-org", "acme.my.salesforce.com", "client-credentials", "cid2"))
    again = ProfileStore(tmp_path / "cfg")  # a new object: as after a restart
    assert [p.name for p in again.list()] == ["a-org", "b-org"]
    assert again.get("b-org") == a
    assert again.get("b-org").ca_file == str(ca.absolute())
    mode = stat.S_IMODE(os.stat(store.path).st_mode)
    assert mode == 0o600
    assert not list((tmp_path / "cfg").glob(".profiles-*"))  # no temp file left behind
    assert store.remove("a-org") and not store.remove("a-org")
    with pytest.raises(ProfileError, match=r"no profile named 'a-org'.*b-org"):
        store.get("a-org")


def test_state_is_kept_and_unknown_keys_are_ignored(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path)
    store.save(Profile.new("p", "production", "pkce", "cid"))
    p = store.set_state("p", NEEDS_SIGN_IN, "expired access/refresh token")
    assert p is not None and p.needs_sign_in and p.state_changed
    assert ProfileStore(tmp_path).get("p").state_reason == "expired access/refresh token"
    assert store.set_state("gone", SIGNED_IN) is None
    data = json.loads(store.path.read_text())
    data["profiles"][0]["from_a_newer_version"] = 1
    store.path.write_text(json.dumps(data))
    assert store.get("p").state == NEEDS_SIGN_IN


def test_a_damaged_settings_file_is_named(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path)
    store.path.parent.mkdir(exist_ok=True)
    store.path.write_text("{not json")
    with pytest.raises(ProfileError, match="damaged"):
        store.list()


def test_a_profile_has_no_field_for_a_secret() -> None:
    names = {f.name for f in fields(Profile)}
    for word in ("secret", "token", "password", "passphrase"):
        assert not any(word in n for n in names), names


def test_config_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path
                                            ) -> None:
    monkeypatch.setenv("SFSYNC_CONFIG_DIR", str(tmp_path / "c"))
    assert config_dir() == tmp_path / "c"
    monkeypatch.delenv("SFSYNC_CONFIG_DIR")
    assert config_dir().name == "sfsync-gui"
