"""Fixtures that start the local org over real HTTPS and connect the real client to it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from simple_salesforce import Salesforce

from sfsync_gui.localorg.clock import Clock
from sfsync_gui.localorg.server import RunningOrg, start_local_org


def https_session(ca_file: str) -> requests.Session:
    """A session that trusts only the org's CA (this machine sets REQUESTS_CA_BUNDLE,
    which would otherwise override ``verify``)."""
    s = requests.Session()
    s.trust_env = False
    s.verify = ca_file
    return s


def token(org: RunningOrg, grant: str = "client_credentials", *, user: str = "sync") -> dict:
    """An OAuth token response from the org's token endpoint."""
    f = org.facts
    data = {"grant_type": grant, "client_id": f.client_id, "client_secret": f.client_secret}
    if grant == "password":
        creds = f.admin_user if user == "admin" else f.sync_user
        data.update(username=creds.username, password=creds.password)
    resp = https_session(f.ca_file).post(f.login_url + "/services/oauth2/token", data=data)
    resp.raise_for_status()
    return resp.json()


def connect(org: RunningOrg, *, user: str = "sync") -> Salesforce:
    """The real simple-salesforce client, signed in as the sync user (client
    credentials) or the admin (password grant)."""
    tok = token(org, "client_credentials") if user == "sync" else token(
        org, "password", user="admin")
    return Salesforce(instance_url=tok["instance_url"], session_id=tok["access_token"],
                      session=https_session(org.facts.ca_file))


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningOrg]:
    """A demo org shared by the tests of one module (tests use their own records)."""
    running = start_local_org(tmp_path_factory.mktemp("org"), seed="demo", clock=Clock())
    yield running
    running.stop()


@pytest.fixture(scope="module")
def sf(org: RunningOrg) -> Salesforce:
    return connect(org, user="sync")


@pytest.fixture(scope="module")
def sf_admin(org: RunningOrg) -> Salesforce:
    return connect(org, user="admin")
