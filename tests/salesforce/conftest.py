"""Fixtures for the connection layer: a local org over real HTTPS, and connections to it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from sfsync_gui.localorg.clock import Clock
from sfsync_gui.localorg.control import Control
from sfsync_gui.localorg.server import RunningOrg, start_local_org
from sfsync_gui.salesforce import ClientCredentialsTokens, SalesforceConnection

#: Leads the module orgs are seeded with (plus the seed's other objects).
SEED_LEADS = 700


class CountingTokens(ClientCredentialsTokens):
    """Client-credentials tokens that count refreshes and remember every token issued."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.refreshes = 0
        self.issued: list[str] = []

    def refresh(self) -> str:
        self.refreshes += 1
        token = super().refresh()
        self.issued.append(token)
        return token


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningOrg]:
    """An org shared by one module's tests (tests make their own records)."""
    running = start_local_org(tmp_path_factory.mktemp("sf-org"), seed=SEED_LEADS,
                              clock=Clock())
    yield running
    running.stop()


@pytest.fixture
def control(org: RunningOrg) -> Iterator[Control]:
    """The org's control facade; no fault outlives the test that armed it."""
    org.control.clear_faults()
    yield org.control
    org.control.clear_faults()


ConnFactory = Callable[..., SalesforceConnection]


@pytest.fixture
def make_conn(org: RunningOrg) -> Iterator[ConnFactory]:
    """Build connections to the org as the sync user (client credentials); each has a
    :class:`CountingTokens` as ``conn.tokens``. Keyword arguments go to the connection."""
    made: list[SalesforceConnection] = []

    def make(**kwargs: Any) -> SalesforceConnection:
        f = org.facts
        tokens = CountingTokens(f.login_url, f.client_id, f.client_secret, ca_file=f.ca_file)
        conn = SalesforceConnection(tokens, ca_file=f.ca_file, **kwargs)
        made.append(conn)
        return conn

    yield make
    for conn in made:
        conn.close()


@pytest.fixture
def conn(make_conn: ConnFactory) -> SalesforceConnection:
    return make_conn()
