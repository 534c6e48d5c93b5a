"""Applying one Salesforce record to the local copy, field by field.

A field changed only in Salesforce is taken from Salesforce. A field changed only locally
stays and is pushed. A field changed on both sides since the last sync is a conflict,
decided by the field's policy (local wins by default) and written to the activity log with
both values and the winner. Deletes, merges and conversions are handled here too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..store import Store, SyncState
from ..store.models import Outbox
from ..store.records import dump, load, to_column
from .schema import ObjectSchema


@dataclass
class Applied:
    """What applying one record did."""

    outcome: str  # new | updated | unchanged | deleted | conflict
    local_id: int | None = None


def _values(schema: ObjectSchema, rec: dict) -> dict[str, object]:
    return {f: to_column(t, rec.get(f)) for f, t in schema.fields.items() if f in rec}


def _decide(policy: str, local: object, remote: object) -> str:
    if policy == "salesforce_wins":
        return "salesforce"
    if policy == "salesforce_unless_blank":
        return "local" if remote is None else "salesforce"
    return "local"


def apply_record(store: Store, schema: ObjectSchema, rec: dict, *, cycle: int | None,
                 quiet: bool = False) -> Applied:
    """Apply one Salesforce record (REST JSON or typed Bulk row) to the store.

    ``quiet`` skips per-field activity (first sync: a million "created" entries would
    bury the log without telling anyone anything).
    """
    obj = schema.name
    table = store.table(obj)
    sf_id = str(rec["Id"])
    stamp = rec.get("SystemModstamp")
    row = table.get_by_sf_id(sf_id)
    deleted = bool(to_column("boolean", rec.get("IsDeleted")))
    if deleted:
        return _apply_delete(store, schema, rec, row, cycle)
    values = _values(schema, rec)
    if row is None:
        lid = table.insert(values | {"_sf_id": sf_id, "_modstamp": stamp,
                                     "_state": SyncState.SYNCED.value})
        if not quiet:
            store.log("created", obj, local_id=lid, sf_id=sf_id, side="salesforce", cycle=cycle)
        _after_person_change(store, schema, rec, lid, None, cycle)
        return Applied("new", lid)
    lid = int(row["_lid"])  # type: ignore[arg-type]
    if row["_modstamp"] == stamp and not row["_deleted"]:
        return Applied("unchanged", lid)
    pending = store.outbox_for(obj, lid) if row["_state"] != SyncState.SYNCED.value else {}
    updates: dict[str, object] = {}
    conflict = False
    person = row["_person"]
    for name, remote in values.items():
        local = row.get(name)
        box = pending.get(name)
        if box is None:
            if remote != local:
                updates[name] = remote
                store.log("updated", obj, local_id=lid, sf_id=sf_id, person=person,  # type: ignore[arg-type]
                          field=name, old=local, new=remote, side="salesforce", cycle=cycle)
            continue
        base = load(box.old_value)
        if remote == base:
            continue  # Salesforce did not touch it: the local change stands and is pushed
        if remote == local:
            box.delete_instance()  # Salesforce already has the local value
            continue
        winner = _decide(store.policy(obj, name), local, remote)
        conflict = True
        store.log("conflict", obj, local_id=lid, sf_id=sf_id, person=person, field=name,  # type: ignore[arg-type]
                  old=remote, new=local, cycle=cycle,
                  detail={"local": local, "salesforce": remote, "base": base,
                          "winner": winner, "policy": store.policy(obj, name)})
        if winner == "salesforce":
            updates[name] = remote
            box.delete_instance()
        else:
            # the local value will be pushed; the merge base is now what Salesforce has
            Outbox.update(old_value=dump(remote)).where(Outbox.id == box.id).execute()
    left = Outbox.select().where((Outbox.object == obj) & (Outbox.local_id == lid)).count()
    state = row["_state"]
    if state in (SyncState.PENDING.value, SyncState.CONFLICT.value) or left == 0:
        state = SyncState.PENDING.value if left else SyncState.SYNCED.value
    updates |= {"_modstamp": stamp, "_state": state, "_deleted": 0}
    table.update(lid, updates)
    _after_person_change(store, schema, rec, lid, row, cycle)
    return Applied("conflict" if conflict else "updated", lid)


def _apply_delete(store: Store, schema: ObjectSchema, rec: dict, row: dict | None,
                  cycle: int | None) -> Applied:
    obj = schema.name
    if row is None:
        # a tombstone, so the next "anything changed?" probe knows this delete is applied
        lid = store.table(obj).insert({
            "_sf_id": str(rec["Id"]), "_modstamp": rec.get("SystemModstamp"), "_deleted": 1,
            "_state": SyncState.DELETED.value, "_master_sf_id": rec.get("MasterRecordId")})
        return Applied("unchanged", lid)
    if row["_deleted"]:
        return Applied("unchanged", int(row["_lid"]))  # type: ignore[arg-type]
    lid = int(row["_lid"])  # type: ignore[arg-type]
    master = rec.get("MasterRecordId")
    store.table(obj).update(lid, {"_deleted": 1, "_state": SyncState.DELETED.value,
                                  "_modstamp": rec.get("SystemModstamp"),
                                  "_master_sf_id": master})
    if master:
        _merge_into_master(store, obj, row, str(master), cycle)
    else:
        store.log("deleted", obj, local_id=lid, sf_id=str(rec["Id"]), person=row["_person"],  # type: ignore[arg-type]
                  side="salesforce", cycle=cycle)
    return Applied("deleted", lid)


def _merge_into_master(store: Store, obj: str, loser: dict, master_sf_id: str,
                       cycle: int | None) -> None:
    """A record merged away in Salesforce: its person and its unpushed local changes move
    to the master so nothing typed locally is lost."""
    table = store.table(obj)
    lid = int(loser["_lid"])  # type: ignore[arg-type]
    master = table.get_by_sf_id(master_sf_id)
    if master is None:
        # the master arrives later in this feed; keep the link for the next cycle's merge
        store.log("merged", obj, local_id=lid, sf_id=str(loser["_sf_id"]),
                  person=loser["_person"], side="salesforce", cycle=cycle,  # type: ignore[arg-type]
                  detail={"master": master_sf_id})
        return
    mlid = int(master["_lid"])  # type: ignore[arg-type]
    person = master["_person"] or loser["_person"]
    if person is None:
        person = store.new_person(master.get("Email"), master.get("Name"))
    table.update(mlid, {"_person": person})
    master_boxes = store.outbox_for(obj, mlid)
    for name, box in store.outbox_for(obj, lid).items():
        if name in master_boxes:
            box.delete_instance()
        else:
            Outbox.update(local_id=mlid).where(Outbox.id == box.id).execute()
            table.update(mlid, {name: load(box.new_value), "_state": SyncState.PENDING.value})
    store.log("merged", obj, local_id=lid, sf_id=str(loser["_sf_id"]), person=person,
              side="salesforce", cycle=cycle,
              detail={"master": master_sf_id, "master_local_id": mlid})
    store.log("merged", obj, local_id=mlid, sf_id=master_sf_id, person=person,
              side="salesforce", cycle=cycle, detail={"merged_away": loser["_sf_id"]})


def _after_person_change(store: Store, schema: ObjectSchema, rec: dict, lid: int,
                         before: dict | None, cycle: int | None) -> None:
    """A converted Lead: link its person to the new Contact."""
    if schema.name != "Lead":
        return
    converted = bool(to_column("boolean", rec.get("IsConverted")))
    was = bool(before and before.get("IsConverted"))
    contact_id = rec.get("ConvertedContactId")
    if not converted or was or not contact_id:
        return
    lead_row = store.table("Lead").get(lid) or {}
    contact = store.table("Contact").get_by_sf_id(str(contact_id))
    person = lead_row.get("_person") or (contact or {}).get("_person")
    if person is None:
        person = store.new_person(lead_row.get("Email"), lead_row.get("Name"))
    store.table("Lead").update(lid, {"_person": person})
    if contact is not None:
        store.table("Contact").update(int(contact["_lid"]), {"_person": person})  # type: ignore[arg-type]
    # unpushed local edits of the Lead cannot go to a converted Lead: they follow the person
    # (when its Contact is not here yet, the push moves them once it is)
    move_converted_edits(store, lid)
    store.log("converted", "Lead", local_id=lid, sf_id=str(rec["Id"]), person=person,
              side="salesforce", cycle=cycle,
              detail={"contact": contact_id, "account": rec.get("ConvertedAccountId"),
                      "opportunity": rec.get("ConvertedOpportunityId")})


def move_converted_edits(store: Store, lid: int) -> bool:
    """Move the unpushed local edits of converted Lead ``lid`` to its Contact; the Lead's
    fields go back to what Salesforce has. False while the Contact is not in the store
    yet (the edits wait on the Lead: deleting them, as before, lost them when the Contact
    was created after this cycle's Contact pull). A change the Contact refuses is marked
    failed on the Lead, its value kept."""
    from ..store.store import LocalEditError

    boxes = store.outbox_for("Lead", lid)
    row = store.table("Lead").get(lid) or {}
    if not boxes:
        return True
    contact_id = row.get("ConvertedContactId")
    contacts = store.table("Contact")
    contact = contacts.get_by_sf_id(str(contact_id)) if contact_id and contacts.exists() else None
    if contact is None:
        return False
    contact_fields = store.synced_fields("Contact")
    restore: dict[str, object] = {}
    for name, box in boxes.items():
        if name in contact_fields:
            try:
                store.local_edit("Contact", int(contact["_lid"]),  # type: ignore[arg-type]
                                 {name: load(box.new_value)})
            except LocalEditError as exc:
                error = {"code": "CONVERTED_CONTACT_REFUSED", "message": str(exc),
                         "fields": [name]}
                Outbox.update(state="failed", last_error=json.dumps(error)).where(
                    Outbox.id == box.id).execute()
                store.table("Lead").update(lid, {"_state": SyncState.FAILED.value,
                                                 "_error": json.dumps(error)})
                store.log("push_failed", "Lead", local_id=lid, sf_id=row.get("_sf_id"),  # type: ignore[arg-type]
                          person=row.get("_person"), side="local",  # type: ignore[arg-type]
                          detail=error | {"values": {name: load(box.new_value)}})
                continue
        restore[name] = load(box.old_value)
        box.delete_instance()
    left = Outbox.select().where((Outbox.object == "Lead") & (Outbox.local_id == lid)).count()
    store.table("Lead").update(lid, restore | ({} if left else {
        "_state": SyncState.SYNCED.value, "_error": None}))
    return True
