"""The schema step: which fields of an object are synced, from describe and field access.

Runs every cycle with ``If-Modified-Since`` (a 304 costs nothing more). When describe
changed: new readable fields start syncing (a column is added), fields whose access was
lost stop syncing but keep their column and values, and fields the sync user cannot read
at all are listed from ``FieldDefinition``/``UserFieldAccess`` when the user may query them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ..store import Store
from ..store.models import FieldInfo
from ..store.records import now_iso
from .config import EXCLUDED_STANDARD_FIELDS, TWO_WAY, UNSUPPORTED_TYPES

log = logging.getLogger("sfsync.sync")

#: Field types Salesforce describes that the store can keep (others are not synced).
KNOWN_TYPES = frozenset({
    "id", "boolean", "string", "textarea", "picklist", "multipicklist", "combobox",
    "reference", "currency", "double", "percent", "int", "long", "date", "datetime", "time",
    "email", "phone", "url", "encryptedstring", "datacategorygroupreference",
})

#: Fields the engine reads for its own bookkeeping whenever the object has them.
SYSTEM_FIELDS = ("Id", "SystemModstamp", "IsDeleted", "MasterRecordId")
PERSON_FIELDS = ("IsConverted", "ConvertedContactId", "ConvertedAccountId", "Email",
                 "FirstName", "LastName")


@dataclass
class ObjectSchema:
    """The synced shape of one object for this cycle."""

    name: str
    direction: str
    #: synced field name -> Salesforce type
    fields: dict[str, str]
    has_recycle_bin: bool
    has_master: bool

    def soql_fields(self) -> list[str]:
        """Fields to select: bookkeeping first, then the synced fields."""
        wanted = ["Id", "SystemModstamp"]
        if self.has_recycle_bin:
            wanted.append("IsDeleted")
        if self.has_master:
            wanted.append("MasterRecordId")
        return wanted + [f for f in self.fields if f not in wanted]


def _default_decision(f: dict, direction: str) -> tuple[bool, str]:
    name, ftype = f["name"], f["type"]
    if ftype in UNSUPPORTED_TYPES:
        return False, f"{ftype} fields are synced through their component fields"
    if ftype not in KNOWN_TYPES:
        return False, f"type {ftype!r} is unknown to this version of sfsync (not synced)"
    if not f.get("custom") and name in EXCLUDED_STANDARD_FIELDS:
        return False, "not useful to sync (excluded by default)"
    if direction == TWO_WAY and not (f.get("updateable") or f.get("createable")):
        return True, "read-only for the sync user: synced from Salesforce only"
    return True, ""


def apply_describe(store: Store, obj: str, direction: str, describe: dict,
                   access_rows: list[dict] | None, definitions: list[dict] | None
                   ) -> ObjectSchema:
    """Update the field catalog from a fresh describe and return the synced shape."""
    known = {f.name: f for f in store.fields(obj)}
    described = {f["name"]: f for f in describe["fields"]}
    with store.atomic():
        for name, f in described.items():
            synced, reason = _default_decision(f, direction)
            row = known.get(name)
            included = row.included if row else None
            if included is not None and synced != included and (
                    not included or f["type"] not in UNSUPPORTED_TYPES):
                synced = included
                reason = "included by you" if included else "excluded by you"
            if store.policy(obj, name) == "dont_sync":
                synced, reason = False, "conflict policy: don't sync"
            values = dict(
                label=f.get("label", name), type=f["type"], length=f.get("length") or 0,
                custom=bool(f.get("custom")), readable=True,
                createable=bool(f.get("createable")), updateable=bool(f.get("updateable")),
                synced=synced, reason=reason,
            )
            if row is None:
                FieldInfo.create(object=obj, name=name, **values)
            else:
                FieldInfo.update(**values).where(
                    (FieldInfo.object == obj) & (FieldInfo.name == name)).execute()
        # fields gone from describe: access lost (column and values kept)
        for name, row in known.items():
            if name not in described and row.readable:
                FieldInfo.update(
                    readable=False, createable=False, updateable=False, synced=False,
                    reason=f"the sync user lost read access ({now_iso()[:10]}); values kept",
                ).where((FieldInfo.object == obj) & (FieldInfo.name == name)).execute()
                store.log("skipped_no_access", obj, field=name,
                          detail={"reason": "read access lost"})
        # fields the sync user cannot see at all, when Salesforce tells us
        labels = {d.get("QualifiedApiName"): d for d in definitions or []}
        for acc in access_rows or []:
            fdef = acc.get("FieldDefinition") or {}
            name = fdef.get("QualifiedApiName") or acc.get("QualifiedApiName")
            if not name or name in described or acc.get("IsAccessible"):
                continue
            meta = labels.get(name, {})
            values = dict(label=meta.get("Label", name), type=meta.get("DataType", ""),
                          readable=False, createable=False, updateable=False, synced=False,
                          reason="the sync user cannot read this field")
            if name in known:
                FieldInfo.update(**values).where(
                    (FieldInfo.object == obj) & (FieldInfo.name == name)).execute()
            else:
                FieldInfo.create(object=obj, name=name, custom=name.endswith("__c"), **values)
        # fields that start syncing now (included, access granted, "don't sync" lifted):
        # the records already here need their values, scheduled with this very change
        from .backfill import schedule

        was_synced = {n for n, r in known.items() if r.synced}
        schedule(store, obj, set(store.synced_fields(obj)) - was_synced)
    schema = schema_from_catalog(store, obj, direction, describe_fields=described)
    added = store.table(obj).ensure(schema.fields)
    if added:
        FieldInfo.update(has_column=True).where(
            (FieldInfo.object == obj) & (FieldInfo.name.in_(added))).execute()
        log.info("%s: columns added for %s", obj, ", ".join(added))
    FieldInfo.update(has_column=True).where(
        (FieldInfo.object == obj) & (FieldInfo.name.in_(list(schema.fields)))).execute()
    return schema


def schema_from_catalog(store: Store, obj: str, direction: str,
                        describe_fields: dict | None = None) -> ObjectSchema:
    """The synced shape from the stored catalog (after a 304)."""
    synced = store.synced_fields(obj)
    all_names = set(describe_fields) if describe_fields is not None else {
        f.name for f in store.fields(obj) if f.readable}
    fields = {name: info.type for name, info in sorted(synced.items())}
    return ObjectSchema(
        name=obj, direction=direction, fields=fields,
        has_recycle_bin="IsDeleted" in all_names, has_master="MasterRecordId" in all_names,
    )
