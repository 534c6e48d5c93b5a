"""Fixtures for the command line: a local org over real HTTPS, the SFSYNC_* variables
pointing at it, and ``run`` — ``sfsync_gui.cli.main`` in-process with its output, checked
for leaked secrets on every call."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import platformdirs
import pytest
import requests
from simple_salesforce import Salesforce

from sfsync_gui.cli import main
from sfsync_gui.localorg.clock import Clock
from sfsync_gui.localorg.server import RunningOrg, start_local_org

#: Leads in the test org (the demo seed is another colleague's work in progress)
SEED = 60
#: an access token of the local org: org id, "!", an opaque tail
TOKEN_RE = re.compile(r"00D[A-Za-z0-9]{12,15}![A-Za-z0-9._\-]{20,}")


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def error_line(self) -> str:
        """The one line on stderr (asserts there is exactly one)."""
        lines = self.err.splitlines()
        assert len(lines) == 1, f"expected one stderr line, got: {self.err!r}"
        assert lines[0].startswith("sfsync: "), lines[0]
        return lines[0]


Run = Callable[..., Result]


def assert_no_secret(text: str, secrets: list[str]) -> None:
    for secret in secrets:
        assert secret not in text, "a secret leaked into the output"
    assert not TOKEN_RE.search(text), "an access token leaked into the output"
    assert "Traceback" not in text


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningOrg]:
    running = start_local_org(tmp_path_factory.mktemp("cli-org"), seed=SEED, clock=Clock())
    yield running
    running.stop()


@pytest.fixture(scope="module")
def org_env(org: RunningOrg) -> Iterator[dict[str, str]]:
    """The connection variables for the org, set for the whole module."""
    f = org.facts
    env = {"SFSYNC_LOGIN_URL": f.login_url, "SFSYNC_CLIENT_ID": f.client_id,
           "SFSYNC_CLIENT_SECRET": f.client_secret, "SFSYNC_CA_FILE": f.ca_file}
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env.items():
            mp.setenv(k, v)
        yield env


@pytest.fixture
def known_secrets(org: RunningOrg) -> Callable[[], list[str]]:
    """What must never be printed: the org's client secret and passwords."""
    f = org.facts
    return lambda: [f.client_secret, f.sync_user.password, f.admin_user.password]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], known_secrets: Callable[[], list[str]]) -> Run:
    """``run("status", "--db", p)``: main() in-process; output checked for secrets."""

    def _run(*argv: str | Path) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        assert_no_secret(out + err, known_secrets())
        return Result(code, out, err)

    return _run


def org_secrets(org_dir: Path) -> list[str]:
    """The client secret and passwords a local org keeps in its folder."""
    if not (org_dir / "org.db").exists():
        return []
    conn = sqlite3.connect(org_dir / "org.db")
    try:
        meta = dict(conn.execute("SELECT key, value FROM _meta").fetchall())
    finally:
        conn.close()
    return [meta["client_secret"]] + [u["password"] for u in json.loads(meta["users"])]


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user data folder (default store, demo folder) of each test is its own."""
    data = tmp_path / "user-data"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(data))
    return data


def salesforce(org: RunningOrg, *, admin: bool = False) -> Salesforce:
    """The real simple-salesforce client, as the sync user or the admin."""
    f = org.facts
    s = requests.Session()
    s.trust_env = False
    s.verify = f.ca_file
    data = {"grant_type": "client_credentials", "client_id": f.client_id,
            "client_secret": f.client_secret}
    if admin:
        data.update(grant_type="password", username=f.admin_user.username,
                    password=f.admin_user.password)
    tok = s.post(f.login_url + "/services/oauth2/token", data=data).json()
    return Salesforce(instance_url=tok["instance_url"], session_id=tok["access_token"],
                      session=s)
