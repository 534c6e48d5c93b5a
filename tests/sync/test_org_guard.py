"""A store belongs to one Salesforce org: the first sync records it, another org's
connection is refused before anything is written (two real local orgs over HTTPS)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sfsync_gui.localorg.server import RunningOrg, start_local_org
from sfsync_gui.store import Store
from sfsync_gui.store.models import Cycle
from sfsync_gui.store.org_guard import ORG_ID, OrgMismatch
from sfsync_gui.sync import SyncConfig, SyncEngine

from .test_engine_e2e import make_conn


@pytest.fixture(scope="module")
def two_orgs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningOrg, RunningOrg]]:
    a = start_local_org(tmp_path_factory.mktemp("org-a"), seed=40)
    b = start_local_org(tmp_path_factory.mktemp("org-b"), seed=41)
    yield a, b
    a.stop()
    b.stop()


def test_the_two_local_orgs_have_different_organization_ids(two_orgs) -> None:
    a, b = two_orgs
    ids = {make_conn(o).identity()["organization_id"] for o in (a, b)}
    assert len(ids) == 2 and all(i.startswith("00D") for i in ids)


def test_a_store_synced_from_one_org_refuses_another(two_orgs, tmp_path: Path) -> None:
    a, b = two_orgs
    store = Store(tmp_path / "sfsync.db")
    try:
        first = SyncEngine(store, make_conn(a), SyncConfig()).run_cycle("once")
        assert first.status == "ok", first.message
        org_a = store.setting(ORG_ID)
        assert org_a == make_conn(a).identity()["organization_id"]
        leads_before = store.table("Lead").count()
        cycles_before = Cycle.select().count()

        other = SyncEngine(store, make_conn(b), SyncConfig())
        with pytest.raises(OrgMismatch) as err:
            other.run_cycle("once")
        message = str(err.value)
        assert str(store.path) in message and org_a in message
        assert "nothing was synced" in message and "--db" in message
        with pytest.raises(OrgMismatch):
            other.force_sync("Lead:1")

        # nothing written: same org, same records, no cycle row
        assert store.setting(ORG_ID) == org_a
        assert store.table("Lead").count() == leads_before
        assert Cycle.select().count() == cycles_before

        # the store's own org still syncs
        again = SyncEngine(store, make_conn(a), SyncConfig()).run_cycle("once")
        assert again.status == "ok", again.message
    finally:
        store.close()
