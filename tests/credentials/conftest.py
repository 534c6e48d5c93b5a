"""Fixtures for sign-in tests: a private settings folder and an in-memory keyring for every
test, a local org over real HTTPS, and a test that plays the browser on its sign-in page."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import keyring
import platformdirs
import pytest
import requests

from sfsync_gui.credentials import Credentials
from sfsync_gui.credentials.testing import MemoryKeyring
from sfsync_gui.localorg.clock import Clock
from sfsync_gui.localorg.server import RunningOrg, start_local_org

#: Leads in the test org: enough for a real first sync, small enough to be quick.
SEED = 40


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's own settings folder (SFSYNC_CONFIG_DIR) and user data folder."""
    folder = tmp_path / "config"
    monkeypatch.setenv("SFSYNC_CONFIG_DIR", str(folder))
    data = tmp_path / "user-data"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(data))
    return folder


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """keyring's backend for the test: in memory (``.entries`` shows what was stored)."""
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def creds(config_dir: Path, memory_keyring: MemoryKeyring) -> Credentials:
    return Credentials(config_dir, memory_keyring, timeout=10)


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningOrg]:
    running = start_local_org(tmp_path_factory.mktemp("creds-org"), seed=SEED, clock=Clock())
    yield running
    running.stop()


def security_token(org: RunningOrg, username: str) -> str:
    """A user's security token, which the org keeps in its meta table."""
    conn = sqlite3.connect(Path(org.org.data_dir) / "org.db")
    try:
        users = json.loads(conn.execute("SELECT value FROM _meta WHERE key = 'users'")
                           .fetchone()[0])
    finally:
        conn.close()
    return next(u["security_token"] for u in users if u["username"] == username)


def https(ca_file: str) -> requests.Session:
    s = requests.Session()
    s.trust_env = False
    s.verify = ca_file
    return s


class _HiddenFields(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "input" and a.get("type") == "hidden":
            self.fields[a["name"]] = a.get("value") or ""


def sign_in_page(org: RunningOrg, url: str, *, admin: bool = False, action: str = "login"
                 ) -> str:
    """Play the browser on the org's sign-in page: open ``url``, submit the form as the
    sync user (or the admin); return where the org redirects the browser."""
    user = org.facts.admin_user if admin else org.facts.sync_user
    s = https(org.facts.ca_file)
    page = s.get(url, timeout=30)
    assert page.status_code == 200 and "<form" in page.text, page.text[:300]
    form = _HiddenFields()
    form.feed(page.text)
    resp = s.post(org.facts.login_url + "/services/oauth2/authorize",
                  data=dict(form.fields, username=user.username, password=user.password,
                            action=action), allow_redirects=False, timeout=30)
    assert resp.status_code == 302, resp.text[:300]
    return resp.headers["Location"]


def with_param(url: str, **params: str) -> str:
    """``url`` with query parameters replaced."""
    parts = urlsplit(url)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    query.update(params)
    return urlunsplit(parts._replace(query=urlencode(query)))


def deliver(location: str) -> requests.Response:
    """The browser following the org's redirect to the loopback listener."""
    s = requests.Session()
    s.trust_env = False
    return s.get(location, timeout=30)


def play_browser(org: RunningOrg, url: str, **kw: object) -> requests.Response:
    """The whole browser part of a sign-in: the page, the form, the redirect back."""
    return deliver(sign_in_page(org, url, **kw))  # type: ignore[arg-type]
