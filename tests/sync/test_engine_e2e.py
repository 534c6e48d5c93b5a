"""The sync engine against the local org over real HTTPS, with a real SQLite store."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from sfsync_gui.localorg.server import RunningOrg, start_local_org
from sfsync_gui.salesforce.connection import SalesforceConnection
from sfsync_gui.salesforce.tokens import ClientCredentialsTokens
from sfsync_gui.store import Store, SyncState
from sfsync_gui.sync import SyncConfig, SyncEngine

from ..localorg.conftest import connect


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningOrg]:
    running = start_local_org(tmp_path_factory.mktemp("org"), seed=120)
    # describe's Last-Modified has whole seconds: a describe read in the org's first second
    # would be re-read once (as with a real org changed in the second we read it)
    time.sleep(1.1)
    yield running
    running.stop()


def make_conn(org: RunningOrg) -> SalesforceConnection:
    f = org.facts
    tokens = ClientCredentialsTokens(f.login_url, f.client_id, f.client_secret,
                                     ca_file=f.ca_file)
    return SalesforceConnection(tokens, ca_file=f.ca_file)


@pytest.fixture
def engine(org: RunningOrg, tmp_path: Path) -> Iterator[SyncEngine]:
    store = Store(tmp_path / "sfsync.db")
    eng = SyncEngine(store, make_conn(org), SyncConfig())
    summary = eng.run_cycle("once")
    assert summary.status == "ok", summary.message
    yield eng
    store.close()


def email() -> str:
    return f"e2e.{uuid.uuid4().hex[:10]}@example.org"


def local_lead(engine: SyncEngine, sf_id: str) -> dict:
    row = engine.store.table("Lead").get_by_sf_id(sf_id)
    assert row is not None, f"{sf_id} not synced"
    return row


def kinds(engine: SyncEngine, obj: str, lid: int) -> list[str]:
    return [a.kind for a in engine.store.activity(obj=obj, local_id=lid)]


def test_first_sync_copies_what_the_sync_user_sees(engine: SyncEngine, org: RunningOrg) -> None:
    sf = connect(org)
    remote = sf.query("SELECT COUNT() FROM Lead")["totalSize"]
    assert engine.store.table("Lead").count("_deleted = 0") == remote
    columns = engine.store.table("Lead").columns()
    assert "Email" in columns and "AnnualRevenue" not in columns
    fields = {f.name: f for f in engine.store.fields("Lead")}
    assert fields["AnnualRevenue"].readable is False
    assert "cannot read" in fields["AnnualRevenue"].reason
    assert fields["LastViewedDate"].synced is False
    assert fields["Lead_Score__c"].synced is True and fields["Lead_Score__c"].updateable is False


def test_a_cycle_with_no_change_costs_one_call(engine: SyncEngine) -> None:
    summary = engine.run_cycle("once")
    assert summary.status == "ok"
    assert summary.api_calls == 1
    assert all(o.new == o.updated == 0 for o in summary.objects.values())


def test_salesforce_edit_reaches_the_store_with_activity(engine: SyncEngine,
                                                        org: RunningOrg) -> None:
    rid = org.control.create("Lead", {"LastName": "Remote", "Company": "R", "Email": email()})
    engine.run_cycle()
    org.control.update("Lead", rid, {"Title": "Head of Data"})
    summary = engine.run_cycle()
    assert summary.objects["Lead"].updated >= 1
    row = local_lead(engine, rid)
    assert row["Title"] == "Head of Data" and row["_state"] == SyncState.SYNCED
    entries = engine.store.activity(obj="Lead", local_id=row["_lid"])
    assert any(a.kind == "updated" and a.field == "Title" and a.side == "salesforce"
               and a.new_value == "Head of Data" for a in entries)


def test_local_edit_is_pushed(engine: SyncEngine, org: RunningOrg) -> None:
    rid = org.control.create("Lead", {"LastName": "Local", "Company": "L", "Email": email()})
    engine.run_cycle()
    row = local_lead(engine, rid)
    engine.store.local_edit("Lead", row["_lid"], {"Title": "Pushed from here"})
    assert engine.store.table("Lead").get(row["_lid"])["_state"] == SyncState.PENDING
    summary = engine.run_cycle()
    assert summary.objects["Lead"].pushed == 1
    assert org.control.get("Lead", rid)["Title"] == "Pushed from here"
    assert local_lead(engine, rid)["_state"] == SyncState.SYNCED
    assert "pushed" in kinds(engine, "Lead", row["_lid"])
    # the echo of our own push changes nothing and logs no conflict
    engine.run_cycle()
    assert "conflict" not in kinds(engine, "Lead", row["_lid"])


def test_conflict_per_field_local_wins_by_default(engine: SyncEngine, org: RunningOrg) -> None:
    rid = org.control.create("Lead", {"LastName": "Both", "Company": "B", "Email": email()})
    engine.run_cycle()
    lid = local_lead(engine, rid)["_lid"]
    engine.store.local_edit("Lead", lid, {"Title": "local title"})
    org.control.update("Lead", rid, {"Title": "salesforce title", "City": "Utrecht"})
    engine.run_cycle()
    remote = org.control.get("Lead", rid)
    assert remote["Title"] == "local title"  # local wins, pushed
    assert remote["City"] == "Utrecht"
    row = local_lead(engine, rid)
    assert row["City"] == "Utrecht"  # changed only in Salesforce: taken
    conflict = [a for a in engine.store.activity(obj="Lead", local_id=lid)
                if a.kind == "conflict"]
    assert conflict and conflict[0].detail["winner"] == "local"
    assert conflict[0].detail["salesforce"] == "salesforce title"
    assert conflict[0].detail["local"] == "local title"


def test_conflict_salesforce_wins_policy(engine: SyncEngine, org: RunningOrg) -> None:
    engine.store.set_policy("Lead", "Description", "salesforce_wins")
    rid = org.control.create("Lead", {"LastName": "Policy", "Company": "P", "Email": email()})
    engine.run_cycle()
    lid = local_lead(engine, rid)["_lid"]
    engine.store.local_edit("Lead", lid, {"Description": "mine"})
    org.control.update("Lead", rid, {"Description": "theirs"})
    engine.run_cycle()
    assert local_lead(engine, rid)["Description"] == "theirs"
    assert org.control.get("Lead", rid)["Description"] == "theirs"
    assert engine.store.outbox_for("Lead", lid) == {}


def test_validation_failure_keeps_local_value_then_retry_after_fix(
        engine: SyncEngine, org: RunningOrg) -> None:
    rid = org.control.create("Lead", {"LastName": "Hot", "Company": "H", "Email": email()})
    engine.run_cycle()
    lid = local_lead(engine, rid)["_lid"]
    engine.store.local_edit("Lead", lid, {"Rating": "Hot"})
    summary = engine.run_cycle()
    assert summary.objects["Lead"].failed == 1
    row = local_lead(engine, rid)
    assert row["_state"] == SyncState.FAILED and row["Rating"] == "Hot"
    failed = [a for a in engine.store.activity(obj="Lead", local_id=lid)
              if a.kind == "push_failed"]
    assert failed[0].detail["code"] == "FIELD_CUSTOM_VALIDATION_EXCEPTION"
    assert failed[0].detail["fields"] == ["Phone"]
    assert ("Lead", "FIELD_CUSTOM_VALIDATION_EXCEPTION", "Phone", 1) in [
        tuple(e) for e in engine.store.errors_grouped()]
    assert org.control.get("Lead", rid)["Rating"] is None
    # fixing the record (a new local change) sends it again
    engine.store.local_edit("Lead", lid, {"Phone": "+31 20 123 4567"})
    engine.run_cycle()
    remote = org.control.get("Lead", rid)
    assert remote["Rating"] == "Hot" and remote["Phone"] == "+31 20 123 4567"
    assert local_lead(engine, rid)["_state"] == SyncState.SYNCED


def test_new_person_links_by_email_instead_of_duplicating(engine: SyncEngine,
                                                         org: RunningOrg) -> None:
    address = email()
    rid = org.control.create("Lead", {"LastName": "Existing", "Company": "E", "Email": address})
    lid = engine.store.create_local("Lead", {"LastName": "Existing", "Company": "E",
                                             "Email": address, "Title": "from local"})
    engine.run_cycle()
    sf = connect(org)
    assert sf.query(f"SELECT COUNT() FROM Lead WHERE Email = '{address}'")["totalSize"] == 1
    assert org.control.get("Lead", rid)["Title"] == "from local"
    assert "linked" in [a.kind for a in engine.store.activity(obj="Lead", local_id=lid)] + [
        a.kind for a in engine.store.activity(obj="Lead", local_id=local_lead(engine, rid)["_lid"])]


def test_new_person_without_match_creates_a_lead(engine: SyncEngine, org: RunningOrg) -> None:
    address = email()
    lid = engine.store.create_local("Lead", {"LastName": "Brand New", "Company": "N",
                                             "Email": address})
    summary = engine.run_cycle()
    assert summary.objects["Lead"].pushed == 1
    row = engine.store.table("Lead").get(lid)
    assert row["_sf_id"].startswith("00Q") and row["_state"] == SyncState.SYNCED
    assert org.control.get("Lead", row["_sf_id"])["Email"] == address
    # the next cycle sees the new Lead come back and does not add a second local copy
    engine.run_cycle()
    assert engine.store.table("Lead").count("Email = ?", (address,)) == 1


def test_deletes_merges_and_conversions(engine: SyncEngine, org: RunningOrg) -> None:
    gone = org.control.create("Lead", {"LastName": "Gone", "Company": "G", "Email": email()})
    master = org.control.create("Lead", {"LastName": "Master", "Company": "M", "Email": email()})
    loser = org.control.create("Lead", {"LastName": "Loser", "Company": "M", "Email": email()})
    convert = org.control.create("Lead", {"LastName": "Convert", "Company": "C", "Email": email()})
    engine.run_cycle()
    loser_lid = local_lead(engine, loser)["_lid"]
    engine.store.local_edit("Lead", loser_lid, {"Title": "typed on the loser"})
    org.control.delete("Lead", gone)
    org.control.merge("Lead", master, [loser])
    result = org.control.convert_lead(convert)
    engine.run_cycle()
    assert local_lead(engine, gone)["_deleted"] == 1
    assert local_lead(engine, loser)["_master_sf_id"] == master
    # the loser's unpushed edit moved to the master and reached Salesforce
    engine.run_cycle()
    assert org.control.get("Lead", master)["Title"] == "typed on the loser"
    lead = local_lead(engine, convert)
    contact = engine.store.table("Contact").get_by_sf_id(result["contactId"])
    assert lead["IsConverted"] == 1 and contact is not None
    assert lead["_person"] is not None and lead["_person"] == contact["_person"]
    assert "converted" in kinds(engine, "Lead", lead["_lid"])


def test_equal_stamps_across_pages_and_late_commits_are_not_lost(
        engine: SyncEngine, org: RunningOrg) -> None:
    sf = connect(org, user="admin")
    tag = uuid.uuid4().hex[:8]
    for size in (200, 200, 50):  # each call shares one SystemModstamp
        recs = [{"attributes": {"type": "Lead"}, "LastName": f"Tie{tag}", "Company": "T",
                 "Email": email()} for _ in range(size)]
        assert all(r["success"] for r in sf.restful(
            "composite/sobjects", method="POST", json={"allOrNone": True, "records": recs}))
    engine.run_cycle()
    assert engine.store.table("Lead").count("LastName = ?", (f"Tie{tag}",)) == 450
    # a record committed late, stamped before the watermark (inside the overlap window)
    late = org.control.create("Lead", {"LastName": f"Late{tag}", "Company": "L",
                                       "Email": email()})
    with org.org.lock:
        org.org.conn.execute(
            "UPDATE \"Lead\" SET SystemModstamp = strftime('%Y-%m-%dT%H:%M:%f', 'now', "
            "'-60 seconds') || '+0000' WHERE Id = ?", (late,))
    engine.run_cycle()
    assert engine.store.table("Lead").get_by_sf_id(late) is not None


def test_force_sync_pulls_and_pushes_one_person_now(engine: SyncEngine,
                                                   org: RunningOrg) -> None:
    address = email()
    rid = org.control.create("Lead", {"LastName": "Forced", "Company": "F", "Email": address})
    engine.run_cycle()
    lid = local_lead(engine, rid)["_lid"]
    org.control.update("Lead", rid, {"City": "Lyon"})
    engine.store.local_edit("Lead", lid, {"Title": "forced title"})
    result = engine.force_sync(address)
    assert result["records"][0]["pushed"] == 1
    assert local_lead(engine, rid)["City"] == "Lyon"
    assert org.control.get("Lead", rid)["Title"] == "forced title"
    assert "force_synced" in kinds(engine, "Lead", lid)


def test_hard_delete_found_by_reconcile(engine: SyncEngine, org: RunningOrg) -> None:
    rid = org.control.create("Lead", {"LastName": "Purged", "Company": "P", "Email": email()})
    engine.run_cycle()
    org.control.purge([rid])
    assert engine.reconcile("Lead") >= 1
    assert local_lead(engine, rid)["_deleted"] == 1


def test_new_field_and_lost_access_are_detected(engine: SyncEngine, org: RunningOrg) -> None:
    name = f"Fresh_{uuid.uuid4().hex[:6]}__c"
    org.control.add_field("Lead", name, "string", length=40)
    engine.run_cycle()
    assert name in engine.store.table("Lead").columns()
    assert engine.store.synced_fields("Lead")[name].synced
    org.control.set_access("Lead", name, readable=False)
    engine.run_cycle()
    info = {f.name: f for f in engine.store.fields("Lead")}[name]
    assert info.synced is False and info.readable is False
    assert name in engine.store.table("Lead").columns()  # column kept


def test_row_lock_on_push_is_retried_later(engine: SyncEngine, org: RunningOrg) -> None:
    rid = org.control.create("Lead", {"LastName": "Locked", "Company": "L", "Email": email()})
    engine.run_cycle()
    lid = local_lead(engine, rid)["_lid"]
    engine.store.local_edit("Lead", lid, {"Title": "after the lock"})
    org.control.add_fault("unable_to_lock_row", path="composite/sobjects", times=1)
    try:
        engine.run_cycle()
        assert org.control.get("Lead", rid)["Title"] is None
        assert local_lead(engine, rid)["_state"] == SyncState.PENDING
        engine.config.backoff_base = 0
        from sfsync_gui.store.models import Outbox

        Outbox.update(next_attempt_at=0).execute()
        engine.run_cycle()
        assert org.control.get("Lead", rid)["Title"] == "after the lock"
    finally:
        org.control.clear_faults()


def test_request_limit_stops_the_cycle_with_a_reason(engine: SyncEngine,
                                                    org: RunningOrg) -> None:
    org.control.add_fault("request_limit", times=1)
    try:
        summary = engine.run_cycle()
    finally:
        org.control.clear_faults()
    assert summary.status == "api_limit"
    assert "API" in summary.message


def test_purged_records_are_found_when_the_bin_was_emptied(engine: SyncEngine,
                                                           org: RunningOrg) -> None:
    engine.config.deleted_check_every = 0
    rid = org.control.create("Lead", {"LastName": "Emptied", "Company": "E", "Email": email()})
    engine.run_cycle()
    engine.run_cycle()  # the first check notes where the bin starts
    org.control.delete("Lead", rid)
    org.control.empty_bin("Lead")  # gone before any cycle saw the delete
    engine.run_cycle()
    row = local_lead(engine, rid)
    assert row["_deleted"] == 1
    assert any(a.detail.get("how") == "hard delete found by reconcile"
               for a in engine.store.activity(obj="Lead", local_id=row["_lid"]))


def test_background_sync_stops_at_the_budget_share(org: RunningOrg, tmp_path: Path) -> None:
    with start_local_org(tmp_path / "small", seed=0, api_limit=80) as small:
        store = Store(tmp_path / "s.db")
        engine = SyncEngine(store, make_conn(small), SyncConfig(budget_share=0.5))
        assert engine.run_cycle().status == "ok"
        usage = engine.conn.usage
        assert usage.used >= 40, usage  # the first sync spent more than half
        calls = engine._calls()
        summary = engine.run_cycle("interval")
        assert summary.status == "budget" and "50 %" in summary.message
        assert engine._calls() == calls  # not a single call spent
        assert engine.run_cycle("manual").status == "ok"  # a user-asked sync still runs
        store.close()


@pytest.mark.parametrize(
    ("policy", "local", "remote", "final"),
    [
        ("local_wins", "mine", "theirs", "mine"),
        ("salesforce_wins", "mine", "theirs", "theirs"),
        ("salesforce_unless_blank", "mine", "theirs", "theirs"),
        ("salesforce_unless_blank", "mine", None, "mine"),
        ("local_wins", None, "theirs", None),
    ],
)
def test_conflict_matrix(engine: SyncEngine, org: RunningOrg, policy: str, local: str | None,
                         remote: str | None, final: str | None) -> None:
    engine.store.set_policy("Lead", "Title", policy)
    rid = org.control.create("Lead", {"LastName": "Matrix", "Company": "M", "Email": email(),
                                      "Title": "base"})
    engine.run_cycle()
    lid = local_lead(engine, rid)["_lid"]
    engine.store.local_edit("Lead", lid, {"Title": local})
    org.control.update("Lead", rid, {"Title": remote})
    engine.run_cycle()
    engine.run_cycle()
    assert local_lead(engine, rid)["Title"] == final
    assert org.control.get("Lead", rid)["Title"] == final
    conflicts = [a for a in engine.store.activity(obj="Lead", local_id=lid)
                 if a.kind == "conflict"]
    assert len(conflicts) == 1
    assert conflicts[0].detail["policy"] == policy
    assert conflicts[0].detail["winner"] == ("local" if final == local else "salesforce")


def test_dont_sync_policy_leaves_the_field_alone(engine: SyncEngine, org: RunningOrg) -> None:
    engine.store.set_policy("Lead", "Fax", "dont_sync")
    engine.store.table("Lead")  # the next describe applies the policy
    from sfsync_gui.store.models import SyncObject

    SyncObject.update(describe_modified=None).execute()
    engine._schemas.clear()
    engine.run_cycle()
    info = {f.name: f for f in engine.store.fields("Lead")}["Fax"]
    assert info.synced is False and "don't sync" in info.reason
    rid = org.control.create("Lead", {"LastName": "NoFax", "Company": "F", "Email": email(),
                                      "Fax": "+1 555"})
    engine.run_cycle()
    from sfsync_gui.store import LocalEditError

    with pytest.raises(LocalEditError, match="not synced"):
        engine.store.local_edit("Lead", local_lead(engine, rid)["_lid"], {"Fax": "x"})


def test_a_quiet_object_costs_nothing_though_many_records_share_the_last_stamp(
        engine: SyncEngine, org: RunningOrg) -> None:
    sf = connect(org, user="admin")
    recs = [{"attributes": {"type": "Lead"}, "LastName": "Crowd", "Company": "C",
             "Email": email()} for _ in range(200)]
    for _ in range(11):  # 2,200 records in the last minutes, 200 per stamp
        for r in recs:
            r["Email"] = email()
        sf.restful("composite/sobjects", method="POST",
                   json={"allOrNone": True, "records": recs})
    engine.run_cycle()
    # the last read moves past the overlap: the probe window becomes "> watermark"
    engine.store.set_setting("read_at.Lead", "2999-01-01T00:00:00.000+0000")
    assert engine.run_cycle().api_calls == 1
    late = org.control.create("Lead", {"LastName": "After", "Company": "A", "Email": email()})
    engine.run_cycle()
    assert engine.store.table("Lead").get_by_sf_id(late) is not None


def test_a_bulk_first_sync_stores_stamps_as_rest_sends_them(org: RunningOrg,
                                                           tmp_path: Path) -> None:
    """Bulk CSV says ``...Z``; stored so, every record in the overlap window looked changed
    to the next cycle's probe and was applied again, its datetimes logged as updated."""
    rid = org.control.create("Lead", {"LastName": "Bulk", "Company": "B", "Email": email()})
    store = Store(tmp_path / "bulk.db")
    try:
        eng = SyncEngine(store, make_conn(org), SyncConfig(objects={"Lead": "two_way"},
                                                           bulk_threshold=1))
        assert eng.run_cycle("once").status == "ok"
        row = local_lead(eng, rid)
        assert row["_modstamp"].endswith("+0000") and row["CreatedDate"].endswith("+0000")
        again = eng.run_cycle("once")  # the new Lead is inside the overlap window
        assert again.objects["Lead"].updated == 0
        assert "updated" not in kinds(eng, "Lead", int(row["_lid"]))
    finally:
        store.close()


def test_garbled_describe_in_batch_is_an_unreadable_answer(engine: SyncEngine) -> None:
    """A describe subresponse without a status code is Salesforce's unreadable answer,
    reported as such (sync_error), not as the object being out of reach."""
    real_batch = engine.conn.batch

    def garbled(subrequests):
        results = real_batch(subrequests)
        for sub, res in zip(subrequests, results, strict=True):
            if sub["url"].endswith("/Lead/describe"):
                res.pop("statusCode", None)
        return results

    engine.conn.batch = garbled  # type: ignore[method-assign]
    summary = engine.run_cycle("once")
    assert summary.status == "failed"
    assert "unreadable describe of Lead" in (summary.message or "")
    recent = engine.store.activity(obj="Lead")
    assert any(a.kind == "sync_error" for a in recent)
    assert not any(a.kind == "skipped_no_access" for a in recent)
