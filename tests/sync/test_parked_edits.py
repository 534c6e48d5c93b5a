"""A local edit of a field that stops syncing waits in the outbox (parked) and goes out
once the field syncs again — it used to be cleared, unsent, with the record's next push."""

from __future__ import annotations

import pytest

from sfsync_gui.localorg.server import RunningOrg
from sfsync_gui.store.models import Outbox, SyncObject
from sfsync_gui.sync import SyncEngine
from sfsync_gui.sync.push import parked_count
from sfsync_gui.sync.settings import apply_included, set_policy

from .test_engine_e2e import email, engine, local_lead, org  # noqa: F401 (fixtures)


def _boxes(eng: SyncEngine, lid: int) -> dict[str, Outbox]:
    return eng.store.outbox_for("Lead", lid)


def _stop_syncing(eng: SyncEngine, running: RunningOrg, how: str, field: str) -> None:
    if how == "exclude":
        apply_included(eng.store, "Lead", field, False)
    elif how == "dont_sync":
        set_policy(eng.store, "Lead", field, "dont_sync")
    else:  # the sync user loses access to the field in Salesforce
        running.control.set_access("Lead", field, readable=False)
        SyncObject.update(describe_modified=None).execute()
    eng._schemas.clear()


def _sync_again(eng: SyncEngine, running: RunningOrg, how: str, field: str) -> None:
    if how == "exclude":
        apply_included(eng.store, "Lead", field, True)
    elif how == "dont_sync":
        set_policy(eng.store, "Lead", field, None)
    else:
        running.control.set_access("Lead", field, readable=True)
        SyncObject.update(describe_modified=None).execute()
    eng._schemas.clear()


@pytest.mark.parametrize("how", ["exclude", "dont_sync", "access_lost"])
def test_edit_of_excluded_field_is_parked_then_pushed_when_included(
        engine: SyncEngine, org: RunningOrg, how: str) -> None:  # noqa: F811
    rid = org.control.create("Lead", {"LastName": "Parked", "Company": "P", "Email": email(),
                                      "Title": "From Salesforce"})
    engine.run_cycle()
    lid = local_lead(engine, rid)["_lid"]
    engine.store.local_edit("Lead", lid, {"Title": "Typed here"})
    _stop_syncing(engine, org, how, "Title")
    engine.store.local_edit("Lead", lid, {"Phone": "+1 555 0100"})
    summary = engine.run_cycle()
    assert summary.status == "ok", summary.message
    assert summary.objects["Lead"].failed == 0
    sf = org.control.get("Lead", rid)
    assert sf["Phone"] == "+1 555 0100"
    assert sf["Title"] == "From Salesforce"
    boxes = _boxes(engine, lid)
    assert set(boxes) == {"Title"}, "the parked edit was dropped from the outbox"
    assert boxes["Title"].state == "pending"
    assert local_lead(engine, rid)["Title"] == "Typed here"
    # a second cycle neither sends nor drops it
    engine.run_cycle()
    assert set(_boxes(engine, lid)) == {"Title"}
    assert org.control.get("Lead", rid)["Title"] == "From Salesforce"

    assert parked_count(engine.store) == 1

    _sync_again(engine, org, how, "Title")
    summary = engine.run_cycle()
    assert summary.status == "ok", summary.message
    assert org.control.get("Lead", rid)["Title"] == "Typed here"
    assert _boxes(engine, lid) == {}
    assert parked_count(engine.store) == 0
    assert local_lead(engine, rid)["Title"] == "Typed here"
