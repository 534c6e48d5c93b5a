"""The store on its own: schema versions, typed record tables, the outbox, activity."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sfsync_gui.store import LocalEditError, Store, SyncState
from sfsync_gui.store.db import SCHEMA_VERSION, StoreVersionError
from sfsync_gui.store.models import FieldInfo, Outbox


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "s.db")
    s.table("Lead").ensure({"Email": "email", "Title": "string", "NumberOfEmployees": "int",
                            "DoNotCall": "boolean", "LastName": "string"})
    for name, ftype, up in (("Email", "email", True), ("Title", "string", True),
                            ("NumberOfEmployees", "int", True), ("DoNotCall", "boolean", True),
                            ("LastName", "string", True), ("Lead_Score__c", "double", False)):
        FieldInfo.create(object="Lead", name=name, type=ftype, synced=True, createable=up,
                         updateable=up)
    return s


def _synced_lead(store: Store, sf_id: str = "00Q000000000001AAA") -> int:
    store.table("Lead").upsert_salesforce_rows(
        ["Email", "Title", "NumberOfEmployees", "DoNotCall", "LastName"],
        [(sf_id, "2024-01-01T00:00:00.000+0000", False, "a@b.example", "CTO", 5, 0, "Ng")])
    return int(store.table("Lead").get_by_sf_id(sf_id)["_lid"])


def test_schema_version_is_recorded_and_a_newer_file_is_refused(tmp_path: Path) -> None:
    Store(tmp_path / "a.db").close()
    con = sqlite3.connect(tmp_path / "a.db")
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(StoreVersionError, match="newer sfsync"):
        Store(tmp_path / "a.db")


def test_columns_are_added_never_dropped(store: Store) -> None:
    assert store.table("Lead").ensure({"Email": "email", "City": "string"}) == ["City"]
    assert {"Title", "City", "NumberOfEmployees"} <= set(store.table("Lead").columns())


def test_local_edit_writes_value_outbox_and_activity_together(store: Store) -> None:
    lid = _synced_lead(store)
    assert store.local_edit("Lead", lid, {"Title": "CEO", "NumberOfEmployees": "7"}) == [
        "Title", "NumberOfEmployees"]
    row = store.table("Lead").get(lid)
    assert row["Title"] == "CEO" and row["NumberOfEmployees"] == 7
    assert row["_state"] == SyncState.PENDING
    box = store.outbox_for("Lead", lid)
    assert set(box) == {"Title", "NumberOfEmployees"}
    assert box["Title"].old_value == '"CTO"'
    kinds = [(a.kind, a.field, a.side) for a in store.activity(obj="Lead", local_id=lid)]
    assert ("updated", "Title", "local") in kinds


def test_editing_back_to_the_salesforce_value_empties_the_outbox(store: Store) -> None:
    lid = _synced_lead(store)
    store.local_edit("Lead", lid, {"Title": "CEO"})
    store.local_edit("Lead", lid, {"Title": "COO"})
    assert store.outbox_for("Lead", lid)["Title"].old_value == '"CTO"'  # base kept
    store.local_edit("Lead", lid, {"Title": "CTO"})
    assert store.outbox_for("Lead", lid) == {}


def test_read_only_and_unknown_fields_are_refused_with_what_to_do(store: Store) -> None:
    lid = _synced_lead(store)
    with pytest.raises(LocalEditError, match=r"may not change Lead\.Lead_Score__c"):
        store.local_edit("Lead", lid, {"Lead_Score__c": 3})
    with pytest.raises(LocalEditError, match="sfsync fields Lead"):
        store.local_edit("Lead", lid, {"Nope__c": 1})
    assert store.outbox_for("Lead", lid) == {}


def test_salesforce_rows_do_not_overwrite_pending_local_changes(store: Store) -> None:
    lid = _synced_lead(store)
    store.local_edit("Lead", lid, {"Title": "mine"})
    _synced_lead(store)  # the same record arrives again from a bulk load
    assert store.table("Lead").get(lid)["Title"] == "mine"


def test_new_local_person_is_local_only_with_every_field_queued(store: Store) -> None:
    lid = store.create_local("Lead", {"LastName": "Nouveau", "Email": "n@example.org"})
    row = store.table("Lead").get(lid)
    assert row["_state"] == SyncState.LOCAL_ONLY and row["_person"] is not None
    assert set(store.outbox_for("Lead", lid)) == {"LastName", "Email"}


def test_errors_are_grouped_by_code_and_field_and_can_be_retried(store: Store) -> None:
    lids = [_synced_lead(store, f"00Q00000000000{i}AAA") for i in range(3)]
    for lid in lids:
        store.local_edit("Lead", lid, {"Email": f"bad{lid}"})
    Outbox.update(state="failed", last_error='{"code": "INVALID_EMAIL_ADDRESS", '
                  '"message": "Email: invalid email address", "fields": ["Email"]}').execute()
    assert store.errors_grouped() == [("Lead", "INVALID_EMAIL_ADDRESS", "Email", 3)]
    assert store.retry_failed("Lead", lids[0]) == 1
    assert store.errors_grouped() == [("Lead", "INVALID_EMAIL_ADDRESS", "Email", 2)]


def test_policies_resolve_field_then_object_then_default(store: Store) -> None:
    assert store.policy("Lead", "Title") == "local_wins"
    store.set_policy("Lead", "", "salesforce_wins")
    store.set_policy("Lead", "Title", "salesforce_unless_blank")
    assert store.policy("Lead", "Title") == "salesforce_unless_blank"
    assert store.policy("Lead", "Email") == "salesforce_wins"
    with pytest.raises(LocalEditError, match="unknown policy"):
        store.set_policy("Lead", "Email", "coin_flip")


def test_a_schema_1_store_gains_the_backfill_table_and_count(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Store(path).close()
    raw = sqlite3.connect(path)  # make it what release 1 wrote
    raw.execute("DROP TABLE backfill")
    raw.execute("ALTER TABLE cycle_object DROP COLUMN backfilled")
    raw.execute("PRAGMA user_version = 1")
    raw.commit()
    raw.close()
    store = Store(path)
    try:
        assert store.db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
        cols = {c.name for c in store.db.get_columns("cycle_object")}
        assert "backfilled" in cols and store.db.table_exists("backfill")
    finally:
        store.close()


def test_backfill_writes_values_but_keeps_pending_edits_and_newer_copies(store: Store) -> None:
    lid = _synced_lead(store)
    table = store.table("Lead")
    table.upsert_salesforce_rows(["Title"], [("00Q000000000002AAA", "2024-01-02T00:00:00.000+0000",
                                              False, "Old")])
    store.local_edit("Lead", lid, {"Title": "Mine"})
    assert table.pending_edits(["Title", "Email"]) == {
        ("00Q000000000001AAA", "Title"): Outbox.get().id}
    written = table.backfill({"Title": [
        ("Theirs", "00Q000000000002AAA", "2024-01-02T00:00:00.000Z"),  # same stamp, Bulk form
        ("Stale", "00Q000000000003AAA", "2020-01-01T00:00:00.000+0000"),  # not here
    ]})
    assert written == 1
    assert table.get_by_sf_id("00Q000000000002AAA")["Title"] == "Theirs"
    newer = table.backfill({"Title": [("Older", "00Q000000000002AAA",
                                       "2023-12-31T00:00:00.000+0000")]})
    assert newer == 0 and table.get_by_sf_id("00Q000000000002AAA")["Title"] == "Theirs"
