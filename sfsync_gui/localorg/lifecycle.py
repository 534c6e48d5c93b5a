"""Record lifecycles Salesforce runs outside plain CRUD: lead conversion, merge, undelete,
purge (hard delete) and recycle-bin retention.

None of these has a REST call in Salesforce (they are SOAP/Apex operations or happen in the
background), so the local org offers them through the control API (``control``). They are
what make a sync hard, so each one moves ``SystemModstamp`` on every record it touches,
inside one transaction with one timestamp, exactly as the change feed will see it:

* conversion is an *update* of the Lead plus creates/updates of Contact, Account and
  Opportunity and updates of the Lead's campaign members and activities;
* a merge deletes the losers with ``MasterRecordId`` set (``queryAll`` and ``deleted``
  show them), updates the master and re-parents children;
* undelete takes a record out of the bin (it shows in ``updated`` again);
* purge removes the row: the record is gone for ``queryAll`` and ``deleted`` too, and the
  object's ``earliestDateAvailable`` moves to the purge time so a client can tell it may
  have missed deletes (meta ``earliest_deleted.{Object}``, read by ``LocalOrg.deleted``).

Callers pass the acting user as an :class:`~sfsync_gui.localorg.records.Actor`; the control
API acts as the org's administrator.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from . import ids
from .records import (
    Actor,
    WriteContext,
    create,
    entity_deleted,
    load_row,
    normalise_id,
    not_found,
    update,
)
from .rules import RecordError, WriteRejected
from .schema import FieldType, ObjectDef
from .storage import format_datetime, from_db, qi

if TYPE_CHECKING:
    from .org import LocalOrg

#: How long a deleted record stays in the recycle bin before it is purged.
BIN_RETENTION = timedelta(days=15)
#: Lead statuses that mean "converted" (Salesforce's LeadStatus.IsConverted).
CONVERTED_STATUSES = ("Closed - Converted",)
#: Objects Salesforce can merge, and how many records one merge takes at most.
MERGEABLE = ("Lead", "Contact", "Account")
MAX_MERGE = 3

#: Lead field -> Contact field for a conversion (Salesforce's standard mapping, plus the
#: custom fields that mean the same thing on both objects in this org).
LEAD_TO_CONTACT = {
    "FirstName": "FirstName", "LastName": "LastName", "Salutation": "Salutation",
    "Title": "Title", "Email": "Email", "Phone": "Phone", "MobilePhone": "MobilePhone",
    "Fax": "Fax", "Street": "MailingStreet", "City": "MailingCity",
    "State": "MailingState", "PostalCode": "MailingPostalCode", "Country": "MailingCountry",
    "LeadSource": "LeadSource", "Description": "Description",
    "HasOptedOutOfEmail": "HasOptedOutOfEmail", "DoNotCall": "DoNotCall",
    "EmailBouncedReason": "EmailBouncedReason", "EmailBouncedDate": "EmailBouncedDate",
    "OwnerId": "OwnerId",
    "Preferred_Language__c": "Languages__c", "Internal_Notes__c": "Secret_Notes__c",
}
LEAD_TO_ACCOUNT = {
    "Company": "Name", "Street": "BillingStreet", "City": "BillingCity",
    "State": "BillingState", "PostalCode": "BillingPostalCode", "Country": "BillingCountry",
    "Phone": "Phone", "Fax": "Fax", "Website": "Website", "Industry": "Industry",
    "AnnualRevenue": "AnnualRevenue", "NumberOfEmployees": "NumberOfEmployees",
    "LeadSource": "AccountSource", "OwnerId": "OwnerId",
}
LEAD_TO_OPPORTUNITY = {"LeadSource": "LeadSource", "OwnerId": "OwnerId"}

#: Reference fields a merge never re-points (audit and ownership point at Users).
_NOT_REPARENTED = frozenset({"OwnerId", "CreatedById", "LastModifiedById", "MasterRecordId"})


def _error(code: str, message: str, fields: Iterable[str] = (), status: int = 400
           ) -> WriteRejected:
    return WriteRejected([RecordError(code, message, list(fields))], status=status)


def _object(org: LocalOrg, name: str) -> ObjectDef:
    obj = org.catalog.get(name)
    if obj is None or obj.setup:
        raise _error("INVALID_TYPE", f"sObject type '{name}' is not supported.", status=404)
    return obj


def _object_of_id(org: LocalOrg, record_id: str) -> ObjectDef:
    try:
        rid = ids.to18(record_id)
    except ValueError:
        raise _error("MALFORMED_ID", f"malformed id {record_id}") from None
    obj = org.catalog.by_prefix(rid[:3])
    if obj is None or obj.setup:
        raise _error("MALFORMED_ID", f"malformed id {record_id}")
    return obj


def _live_row(ctx: WriteContext, obj: ObjectDef, record_id: str) -> dict[str, object]:
    rid = normalise_id(obj, record_id)
    row = load_row(ctx.conn, obj, rid)
    if row is None:
        raise not_found()
    if row.get("IsDeleted"):
        raise entity_deleted()
    return row


def _blank(value: object) -> bool:
    return value is None or value == ""


def _json_value(obj: ObjectDef, name: str, stored: object) -> object:
    """A stored value in the JSON form the write path takes (booleans as bools...)."""
    f = obj.field(name)
    assert f is not None
    return from_db(f, stored)


def _set(ctx: WriteContext, obj: ObjectDef, rid: str, values: Mapping[str, object],
         actor: Actor, *, user_change: bool = True) -> None:
    """Write stored values straight to a row and move its stamps.

    For what the public write path refuses on purpose (system fields such as IsConverted,
    fields that are not updateable such as CampaignMember.ContactId): the operations here
    are Salesforce's own. ``user_change=False`` moves only ``SystemModstamp``, as a change
    the system makes (a roll-up, a re-pointed read-only record) does.
    """
    cols = dict(values)
    if obj.has_stamps:
        cols["SystemModstamp"] = ctx.stamp
        if user_change:
            cols["LastModifiedDate"] = ctx.stamp
            cols["LastModifiedById"] = actor.user_id
    ctx.conn.execute(
        f"UPDATE {qi(obj.name)} SET {', '.join(f'{qi(c)} = ?' for c in cols)} WHERE Id = ?",
        [*cols.values(), rid],
    )


def _mark_purged(org: LocalOrg, obj: ObjectDef, stamp: str) -> None:
    """Records of ``obj`` were removed for good at ``stamp``: get deleted can no longer
    vouch for anything before it."""
    org.set_meta(f"earliest_deleted.{obj.name}", stamp)


# ---------------------------------------------------------------------------------------
# Lead conversion


def convert_lead(
    org: LocalOrg, actor: Actor, lead_id: str, *, account_id: str | None = None,
    contact_id: str | None = None, create_opportunity: bool = False,
    opportunity_name: str | None = None, converted_status: str = "Closed - Converted",
) -> dict[str, object]:
    """Convert a Lead, as ``Database.convertLead`` does; returns a LeadConvertResult.

    A new Account (from ``Company``) and Contact are created unless existing ones are
    given; existing ones only get their blank fields filled from the Lead. With
    ``create_opportunity`` an Opportunity (and its primary contact role) is created too.
    The Lead becomes read-only (``IsConverted``); its campaign members gain the Contact and
    its activities move to the Contact. Duplicate rules do not run (the Lead being
    converted would match its own Contact); validation rules do.
    """
    if converted_status not in CONVERTED_STATUSES:
        raise _error("INVALID_STATUS", f"invalid convertedStatus: {converted_status}",
                     ["Status"])
    lead_obj = _object(org, "Lead")
    contact_obj = _object(org, "Contact")
    account_obj = _object(org, "Account")
    with org.transaction(allow_duplicates=True) as ctx:
        lead = _live_row(ctx, lead_obj, lead_id)
        lid = str(lead["Id"])
        if lead.get("IsConverted"):
            raise _error("CANNOT_UPDATE_CONVERTED_LEAD",
                         f"This lead was already converted to the contact "
                         f"{lead.get('ConvertedContactId')}.")
        contact = _live_row(ctx, contact_obj, contact_id) if contact_id else None
        account = _live_row(ctx, account_obj, account_id) if account_id else None
        if account is None and contact is not None and contact.get("AccountId"):
            # Converting into a contact means converting into the contact's account.
            account = _live_row(ctx, account_obj, str(contact["AccountId"]))
        if contact is not None and account is not None and contact.get("AccountId") not in (
            None, "", account["Id"]
        ):
            raise _error("INVALID_CROSS_REFERENCE_KEY",
                         f"The contact {contact['Id']} does not belong to the account "
                         f"{account['Id']}.", ["ContactId"])

        acc_id = _convert_target(ctx, actor, account_obj, account, lead, LEAD_TO_ACCOUNT, {})
        con_extra: dict[str, object] = {"AccountId": acc_id}
        con_map = dict(LEAD_TO_CONTACT)
        # A custom field with the same name on Lead and Contact means the same thing
        # (fields added mid-run through the control API are mapped this way).
        for f in lead_obj.fields:
            if f.custom and f.name not in con_map and contact_obj.field(f.name) is not None:
                con_map[f.name] = f.name
        con_id = _convert_target(ctx, actor, contact_obj, contact, lead, con_map, con_extra)

        opp_id = None
        if create_opportunity:
            opp_obj = _object(org, "Opportunity")
            values: dict[str, object] = {
                "Name": opportunity_name or f"{lead.get('Company')}-",
                "AccountId": acc_id,
                "StageName": "Prospecting",
                "CloseDate": _end_of_quarter(ctx.now.date()).isoformat(),
            }
            for src, dst in LEAD_TO_OPPORTUNITY.items():
                if not _blank(lead.get(src)):
                    values[dst] = _json_value(lead_obj, src, lead[src])
            opp_id = create(ctx, actor, opp_obj, values)
            create(ctx, actor, _object(org, "OpportunityContactRole"),
                   {"OpportunityId": opp_id, "ContactId": con_id, "IsPrimary": True})

        _set(ctx, lead_obj, lid, {
            "IsConverted": 1, "Status": converted_status,
            "ConvertedDate": ctx.now.date().isoformat(), "ConvertedAccountId": acc_id,
            "ConvertedContactId": con_id, "ConvertedOpportunityId": opp_id,
        }, actor)
        _move_lead_children(org, ctx, actor, lid, con_id, opp_id or acc_id)
    return {"leadId": lid, "accountId": acc_id, "contactId": con_id,
            "opportunityId": opp_id, "success": True, "errors": []}


def _convert_target(
    ctx: WriteContext, actor: Actor, obj: ObjectDef, existing: dict[str, object] | None,
    lead: Mapping[str, object], mapping: Mapping[str, str], extra: Mapping[str, object],
) -> str:
    """Create ``obj`` from the Lead, or fill the blank fields of ``existing``."""
    lead_obj = ctx.catalog.get("Lead")
    assert lead_obj is not None
    values: dict[str, object] = {}
    for src, dst in mapping.items():
        if lead_obj.field(src) is None or obj.field(dst) is None:
            continue
        value = lead.get(src)
        if _blank(value):
            continue
        if existing is not None:
            target = obj.field(dst)
            assert target is not None
            # Only empty fields are filled; a checkbox is never empty.
            if target.type is FieldType.BOOLEAN or not _blank(existing.get(dst)):
                continue
        values[dst] = _json_value(lead_obj, src, value)
    for key, value in extra.items():
        if existing is None or _blank(existing.get(key)):
            values[key] = value
    if existing is None:
        return create(ctx, actor, obj, values)
    # An update even when nothing is blank: the record is touched and its stamps move.
    return update(ctx, actor, obj, str(existing["Id"]), values)


def _end_of_quarter(day: date) -> date:
    """The last day of ``day``'s calendar quarter (a converted opportunity's close date)."""
    first_next = date(day.year + (day.month > 9), (((day.month - 1) // 3 + 1) * 3) % 12 + 1, 1)
    return first_next - timedelta(days=1)


def _move_lead_children(org: LocalOrg, ctx: WriteContext, actor: Actor, lead_id: str,
                        contact_id: str, what_id: str) -> None:
    """Campaign members of the Lead gain the Contact; its activities move to the Contact."""
    member = org.catalog.get("CampaignMember")
    campaigns: set[str] = set()
    if member is not None:
        for rid, campaign_id in ctx.conn.execute(
            'SELECT Id, CampaignId FROM "CampaignMember" WHERE LeadId = ? AND IsDeleted = 0',
            (lead_id,),
        ).fetchall():
            _set(ctx, member, rid, {"ContactId": contact_id}, actor)
            campaigns.add(campaign_id)
    _recount_campaigns(org, ctx, campaigns)
    for name in ("Task", "Event"):
        activity = org.catalog.get(name)
        if activity is None:
            continue
        for rid, what in ctx.conn.execute(
            f"SELECT Id, WhatId FROM {qi(name)} WHERE WhoId = ? AND IsDeleted = 0",
            (lead_id,),
        ).fetchall():
            values: dict[str, object] = {"WhoId": contact_id}
            if _blank(what):
                values["WhatId"] = what_id
            _set(ctx, activity, rid, values, actor)


def _recount_campaigns(org: LocalOrg, ctx: WriteContext, campaign_ids: Iterable[str]) -> None:
    """NumberOfLeads / NumberOfContacts are roll-ups: a system change of the Campaign."""
    campaign = org.catalog.get("Campaign")
    if campaign is None:
        return
    for cid in sorted(set(campaign_ids)):
        leads, contacts = ctx.conn.execute(
            'SELECT count(LeadId), count(ContactId) FROM "CampaignMember" '
            "WHERE CampaignId = ? AND IsDeleted = 0",
            (cid,),
        ).fetchone()
        _set(ctx, campaign, cid, {"NumberOfLeads": leads, "NumberOfContacts": contacts},
             Actor("", ""), user_change=False)


# ---------------------------------------------------------------------------------------
# Merge


def merge(
    org: LocalOrg, actor: Actor, object_name: str, master_id: str, loser_ids: list[str],
    field_values: Mapping[str, object] | None = None,
    fields_from: Mapping[str, str] | None = None,
) -> dict[str, object]:
    """Merge up to two records into a master, as Salesforce's ``merge`` does.

    Args:
        object_name: ``Lead``, ``Contact`` or ``Account``.
        master_id: the record that survives.
        loser_ids: one or two records merged into it; they go to the recycle bin with
            ``MasterRecordId`` set to the master.
        field_values: values to write on the master (JSON form, as in a REST update).
        fields_from: ``{field: loser Id}``: the master takes that loser's value.

    Returns a MergeResult: ``id``, ``mergedRecordIds``, ``updatedRelatedIds``.
    """
    obj = _object(org, object_name)
    if obj.name not in MERGEABLE:
        raise _error("INVALID_TYPE_FOR_OPERATION",
                     f"entity type {obj.name} does not support merge; merge Leads, "
                     "Contacts or Accounts")
    if not isinstance(loser_ids, list) or not 1 <= len(loser_ids) <= MAX_MERGE - 1:
        raise _error("INVALID_OPERATION",
                     f"A merge takes one master and one or two records to merge into it "
                     f"(at most {MAX_MERGE} records in all).")
    with org.transaction() as ctx:
        master = _live_row(ctx, obj, master_id)
        mid = str(master["Id"])
        losers = [_live_row(ctx, obj, rid) for rid in loser_ids]
        lost = [str(r["Id"]) for r in losers]
        if mid in lost or len(set(lost)) != len(lost):
            raise _error("INVALID_OPERATION",
                         "The master and the records merged into it must all differ.")
        if obj.name == "Lead" and any(r.get("IsConverted") for r in [master, *losers]):
            raise _error("CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead")
        values = dict(field_values or {})
        by_id = {str(r["Id"]): r for r in losers}
        taken_unique: list[tuple[str, str]] = []
        for name, source in (fields_from or {}).items():
            f = obj.field(name)
            if f is None:
                raise _error("INVALID_FIELD", f"No such column '{name}' on sobject of type "
                             f"{obj.name}", [name])
            try:
                source_id = ids.to18(str(source))
            except ValueError:
                source_id = str(source)
            if source_id not in by_id:
                raise _error("INVALID_OPERATION",
                             f"fieldsFrom.{f.name} must name one of the merged records "
                             f"({', '.join(lost)}), not {source}", [f.name])
            stored = by_id[source_id].get(f.name)
            values[f.name] = from_db(f, stored)
            if f.unique and not _blank(stored):
                taken_unique.append((source_id, f.name))
        for rid in lost:
            _set(ctx, obj, rid, {"IsDeleted": 1, "_deleted_at": ctx.stamp,
                                 "MasterRecordId": mid}, actor)
        # A unique value the master takes moves with it (the loser no longer holds it).
        for rid, name in taken_unique:
            ctx.conn.execute(f"UPDATE {qi(obj.name)} SET {qi(name)} = NULL WHERE Id = ?",
                             (rid,))
        related = _reparent(org, ctx, actor, obj, mid, lost)
        update(ctx, actor, obj, mid, values)
    return {"id": mid, "success": True, "mergedRecordIds": lost,
            "updatedRelatedIds": related, "errors": []}


def _reparent(org: LocalOrg, ctx: WriteContext, actor: Actor, obj: ObjectDef, master: str,
              losers: list[str]) -> list[str]:
    """Point every live child of the losers at the master; returns the children's Ids."""
    touched: list[str] = []
    campaigns: set[str] = set()
    marks = ", ".join("?" for _ in losers)
    for child, f in org.catalog.child_relationships(obj):
        if child.setup or f.name in _NOT_REPARENTED:
            continue
        live = " AND IsDeleted = 0" if child.has_recycle_bin else ""
        rows = ctx.conn.execute(
            f"SELECT * FROM {qi(child.name)} WHERE {qi(f.name)} IN ({marks}){live}", losers,
        )
        names = [d[0] for d in rows.description]
        for row in [dict(zip(names, r, strict=True)) for r in rows.fetchall()]:
            rid = str(row["Id"])
            if child.name == "CampaignMember":
                campaigns.add(str(row["CampaignId"]))
                if _is_member(ctx.conn, str(row["CampaignId"]), f.name, master):
                    # The master is already a member: one membership is enough.
                    _set(ctx, child, rid, {"IsDeleted": 1, "_deleted_at": ctx.stamp}, actor)
                    touched.append(rid)
                    continue
            # A record would point at itself (the master's parent was a loser): clear it.
            target = None if rid == master else master
            # Converted leads are read-only: re-pointing them is a system change.
            user_change = not (child.name == "Lead" and row.get("IsConverted"))
            _set(ctx, child, rid, {f.name: target}, actor, user_change=user_change)
            touched.append(rid)
    _recount_campaigns(org, ctx, campaigns)
    return touched


def _is_member(conn: sqlite3.Connection, campaign_id: str, field: str, who: str) -> bool:
    return conn.execute(
        f'SELECT 1 FROM "CampaignMember" WHERE CampaignId = ? AND {qi(field)} = ? '
        "AND IsDeleted = 0",
        (campaign_id, who),
    ).fetchone() is not None


# ---------------------------------------------------------------------------------------
# Recycle bin


@dataclass
class _Outcome:
    """One record's result in a multi-record lifecycle call (collections' shape)."""

    id: str
    error: RecordError | None = None

    def to_json(self) -> dict[str, object]:
        if self.error is None:
            return {"id": self.id, "success": True, "errors": []}
        return {"id": self.id, "success": False, "errors": [self.error.collection()]}


def undelete(org: LocalOrg, actor: Actor, record_ids: list[str]) -> list[dict[str, object]]:
    """Take records out of the recycle bin; one result per Id, in order.

    The record is live again (``IsDeleted`` false), its stamps move so get updated and
    the change feed see it, and a merged record loses its ``MasterRecordId``.
    """
    out: list[_Outcome] = []
    with org.transaction() as ctx:
        for record_id in record_ids:
            try:
                with org.savepoint(ctx):
                    out.append(_Outcome(_undelete_one(org, ctx, actor, str(record_id))))
            except WriteRejected as exc:
                out.append(_Outcome(str(record_id), exc.errors[0]))
    return [o.to_json() for o in out]


def _undelete_one(org: LocalOrg, ctx: WriteContext, actor: Actor, record_id: str) -> str:
    obj = _object_of_id(org, record_id)
    if not obj.has_recycle_bin or not obj.deletable:
        raise _error("INVALID_TYPE_FOR_OPERATION",
                     f"entity type {obj.name} does not support undelete")
    rid = normalise_id(obj, record_id)
    row = load_row(ctx.conn, obj, rid)
    if row is None:
        raise not_found()
    if not row.get("IsDeleted"):
        raise _error("UNDELETE_FAILED", "Entity is not in the recycle bin")
    values: dict[str, object] = {"IsDeleted": 0, "_deleted_at": None}
    if obj.field("MasterRecordId") is not None:
        values["MasterRecordId"] = None
    _set(ctx, obj, rid, values, actor)
    if obj.name == "CampaignMember":
        _recount_campaigns(org, ctx, [str(row["CampaignId"])])
    return rid


def purge(org: LocalOrg, record_ids: list[str]) -> list[dict[str, object]]:
    """Remove records for good (from the bin, or live ones: a hard delete).

    Afterwards the record is absent from query, queryAll and get deleted, and its
    object's ``earliestDateAvailable`` is the purge time.
    """
    out: list[_Outcome] = []
    with org.transaction() as ctx:
        for record_id in record_ids:
            try:
                with org.savepoint(ctx):
                    out.append(_Outcome(_purge_one(org, ctx, str(record_id))))
            except WriteRejected as exc:
                out.append(_Outcome(str(record_id), exc.errors[0]))
    return [o.to_json() for o in out]


def _purge_one(org: LocalOrg, ctx: WriteContext, record_id: str) -> str:
    obj = _object_of_id(org, record_id)
    if not obj.has_recycle_bin or not obj.deletable:
        raise _error("INVALID_TYPE_FOR_OPERATION",
                     f"entity type {obj.name} does not support delete")
    rid = normalise_id(obj, record_id)
    row = load_row(ctx.conn, obj, rid)
    if row is None:
        raise not_found()
    ctx.conn.execute(f"DELETE FROM {qi(obj.name)} WHERE Id = ?", (rid,))
    _mark_purged(org, obj, ctx.stamp)
    if obj.name == "CampaignMember" and not row.get("IsDeleted"):
        _recount_campaigns(org, ctx, [str(row["CampaignId"])])
    return rid


def empty_bin(org: LocalOrg, object_name: str | None = None, *,
              deleted_before: str | None = None) -> dict[str, int]:
    """Purge what is in the recycle bin (of one object, or all); rows purged per object.

    ``deleted_before`` (a stored datetime) limits it to records deleted earlier: that is
    how retention calls it.
    """
    objects = [_object(org, object_name)] if object_name else [
        o for o in org.catalog if not o.setup and o.has_recycle_bin
    ]
    counts: dict[str, int] = {}
    with org.transaction() as ctx:
        for obj in objects:
            if not obj.has_recycle_bin:
                continue
            sql = f"DELETE FROM {qi(obj.name)} WHERE IsDeleted = 1"
            params: list[object] = []
            if deleted_before is not None:
                sql += " AND _deleted_at < ?"
                params.append(deleted_before)
            n = ctx.conn.execute(sql, params).rowcount
            if n:
                counts[obj.name] = n
                _mark_purged(org, obj, ctx.stamp)
    return counts


def purge_expired(org: LocalOrg) -> dict[str, int]:
    """Purge records that have been in the bin longer than :data:`BIN_RETENTION`."""
    cutoff = format_datetime(org.clock.now() - BIN_RETENTION)
    return empty_bin(org, deleted_before=cutoff)


class BinRetention:
    """Runs :func:`purge_expired` lazily: at most once per ``interval_s`` of org time.

    Called before every API request and after the clock is advanced; the throttle keeps
    the per-request cost to a clock read. A record may so outlive its 15 days by up to
    ``interval_s`` — Salesforce's own purge runs as a periodic job, too.
    """

    def __init__(self, org: LocalOrg, interval_s: float = 60.0) -> None:
        self.org = org
        self.interval_ms = int(interval_s * 1000)
        self._last_ms: int | None = None

    def check(self, *, force: bool = False) -> dict[str, int]:
        now = self.org.clock.now_ms()
        if not force and self._last_ms is not None and now - self._last_ms < self.interval_ms:
            return {}
        self._last_ms = now
        return purge_expired(self.org)


def earliest_deleted(org: LocalOrg, object_name: str) -> str:
    """What get deleted reports as ``earliestDateAvailable`` for ``object_name``."""
    with org.lock:
        return org._meta(f"earliest_deleted.{object_name}", org._meta("created"))
