"""Backfill of newly synced fields, against the local org over real HTTPS with a real
SQLite store: the records already here get the values without changing in Salesforce."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sfsync_gui.localorg.server import RunningOrg, start_local_org
from sfsync_gui.store import Store
from sfsync_gui.store.models import Activity, Backfill, CycleObject, Outbox
from sfsync_gui.sync import SyncConfig, SyncEngine
from sfsync_gui.sync.settings import apply_included

from ..localorg.conftest import connect
from .test_engine_e2e import make_conn


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningOrg]:
    running = start_local_org(tmp_path_factory.mktemp("org"), seed=120)
    time.sleep(1.1)  # describe's Last-Modified has whole seconds
    yield running
    running.stop()


@pytest.fixture
def engine(org: RunningOrg, tmp_path: Path) -> Iterator[SyncEngine]:
    store = Store(tmp_path / "sfsync.db")
    eng = SyncEngine(store, make_conn(org), SyncConfig())
    assert eng.run_cycle("once").status == "ok"
    yield eng
    store.close()


def remote_values(org: RunningOrg, field: str) -> dict[str, object]:
    sf = connect(org, user="admin")
    return {r["Id"]: r[field] for r in sf.query_all(f"SELECT Id, {field} FROM Lead")["records"]}


def local_values(engine: SyncEngine, field: str) -> dict[str, object]:
    rows = engine.store.table("Lead").find("_deleted = 0 AND _sf_id IS NOT NULL", limit=10**6)
    return {r["_sf_id"]: r.get(field) for r in rows}


def backfill_entries(obj: str = "Lead") -> list[Activity]:
    return list(Activity.select().where((Activity.kind == "backfilled")
                                        & (Activity.object == obj)))


def test_read_access_granted_fills_the_field_for_every_record(engine: SyncEngine,
                                                              org: RunningOrg) -> None:
    assert "AnnualRevenue" not in engine.store.table("Lead").columns()
    remote = remote_values(org, "AnnualRevenue")
    assert sum(v is not None for v in remote.values()) > 20  # the seed fills most
    org.control.set_access("Lead", "AnnualRevenue", readable=True, editable=False)
    try:
        summary = engine.run_cycle()
    finally:
        org.control.set_access("Lead", "AnnualRevenue", readable=False)
    assert summary.status == "ok", summary.message
    local = local_values(engine, "AnnualRevenue")
    assert local == {i: remote[i] for i in local} and len(local) == len(remote)
    lead = summary.objects["Lead"]
    assert lead.backfilled == len(local) and lead.updated == 0 and lead.conflicts == 0
    # one REST page: the probe + describe + field access + the backfill's query
    assert lead.api_calls <= 4
    assert CycleObject.get((CycleObject.cycle == summary.cycle_id)
                           & (CycleObject.object == "Lead")).backfilled == len(local)
    (entry,) = backfill_entries()
    assert entry.cycle == summary.cycle_id and entry.local_id is None
    assert '"fields": ["AnnualRevenue"]' in entry.detail
    assert f'"records": {len(local)}' in entry.detail
    # no per-record noise, nothing to push, nothing left to do
    assert not Activity.select().where(Activity.field == "AnnualRevenue").exists()
    assert not Outbox.select().exists() and not Backfill.select().exists()
    again = engine.run_cycle()  # access lost again: values kept, no new pass
    assert again.objects["Lead"].backfilled == 0
    assert local_values(engine, "AnnualRevenue") == local


def test_included_field_resumes_after_the_budget_and_keeps_local_edits(
        engine: SyncEngine, org: RunningOrg) -> None:
    store = engine.store
    leads = sorted(local_values(engine, "Title"))
    first, last = leads[0], leads[-1]
    apply_included(store, "Lead", "Title", False)
    engine.run_cycle()
    # Salesforce changes Title while it is excluded: the stamps move, the values do not
    org.control.update("Lead", first, {"Title": "Remote first"})
    org.control.update("Lead", last, {"Title": "Remote last"})
    engine.run_cycle()
    assert local_values(engine, "Title")[last] != "Remote last"
    remote = remote_values(org, "Title")

    apply_included(store, "Lead", "Title", True)
    engine.config.bulk_threshold, engine.config.bulk_page_records = 10, 25
    engine.config.budget_share = 0.0001  # spent: the pass stops after its first page
    summary = engine.run_cycle("manual")
    assert summary.status == "ok"
    assert "backfill of Title for Lead paused" in summary.message
    row = Backfill.get_by_id("Lead")
    assert row.done == 25 and '"mode": "bulk"' in row.checkpoint
    # local edits made while the pass is half done win over Salesforce's values
    lids = {sf: store.table("Lead").get_by_sf_id(sf)["_lid"] for sf in (first, last)}
    store.local_edit("Lead", lids[first], {"Title": "Mine first"})
    store.local_edit("Lead", lids[last], {"Title": "Mine last"})

    engine.config.budget_share = 0.8
    summary = engine.run_cycle("manual")
    assert summary.status == "ok", summary.message
    local = local_values(engine, "Title")
    expected = remote | {first: "Mine first", last: "Mine last"}
    assert local == {i: expected[i] for i in local}
    assert summary.objects["Lead"].conflicts == 0 and summary.objects["Lead"].pushed == 2
    assert remote_values(org, "Title")[last] == "Mine last"  # the edit was pushed
    assert not Activity.select().where(Activity.kind == "conflict").exists()
    (entry,) = backfill_entries()
    assert f'"records": {len(local)}' in entry.detail  # resumed, not read twice
    # the last Lead's value came after the edit: kept (the first's came before it)
    assert json.loads(entry.detail)["kept_local_edits"] >= 1
    assert not Backfill.select().exists()


def test_a_field_excluded_again_before_its_backfill_drops_the_pass(
        engine: SyncEngine) -> None:
    apply_included(engine.store, "Lead", "Title", False)
    engine.run_cycle()
    apply_included(engine.store, "Lead", "Title", True)
    engine.config.budget_share = 0.0001
    engine.config.bulk_threshold, engine.config.bulk_page_records = 10, 25
    engine.run_cycle("manual")
    assert Backfill.get_by_id("Lead").done == 25
    apply_included(engine.store, "Lead", "Title", False)
    engine.config.budget_share = 0.8
    summary = engine.run_cycle("manual")
    assert summary.objects["Lead"].backfilled == 0
    assert not Backfill.select().exists() and not backfill_entries()
