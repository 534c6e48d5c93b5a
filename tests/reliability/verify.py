"""What must hold once the sync has run to quiescence after a hostile run.

(a) **Agreement**: every Lead and Contact in Salesforce (deleted ones included) has its
    local copy, live or deleted alike, and every synced field of a comparable type holds the
    same value on both sides — except fields whose local change failed (kept locally, shown
    as a failure). Local live records that Salesforce does not have are disagreements too.
(b) **No loss**: the last local value of every (record, field) the ledger edited is in
    Salesforce — on the record, on its master after a merge or link, or on its Contact
    after a conversion — or was replaced later by a newer edit recorded in the ledger
    (either side), or is still in the local record with its change marked failed.
(c) **No duplicates**: each local create key names exactly one Lead in Salesforce (deleted
    and merged ones included: a merge is not a duplicate), each email the driver created
    with is on at most one live Lead or Contact, and no Salesforce Id is in a local table
    twice.
(d) **No activity holes**: each ledger local edit has exactly one ``updated``/local entry;
    each local create exactly one ``created``/local entry, and — once in Salesforce —
    exactly one way it got there (``pushed`` with ``created`` or ``linked``); each
    Salesforce-side edit made after the object's first sync whose value is still the final
    one (record live, neither converted nor merged) was pulled with exactly one
    ``updated``/salesforce entry for that record and field — unless a backfill of that
    newly synced field (one ``backfilled`` entry for the object) read it.
(e) **No stranded outbox**: no outbox row is ``pending`` or ``sending``; each ``failed``
    row belongs to a record marked failed (or deleted) with a ``push_failed`` entry; no
    live local-only record is left without a queued or failed change.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sfsync_gui.store import Store
from sfsync_gui.store.models import Activity, FieldInfo, Outbox
from sfsync_gui.store.records import dump, to_column

from .driver import CREATE_COMPANY, Ledger
from .orgproc import AdminApi

PERSONS = ("Lead", "Contact")
COMPARABLE = frozenset({"string", "email", "phone", "textarea", "picklist", "url", "boolean",
                        "int", "double", "currency", "percent", "reference", "id"})
PREFIX = {"00Q": "Lead", "003": "Contact"}


@dataclass
class Report:
    records_checked: int = 0
    fields_compared: int = 0
    disagreements: list[str] = field(default_factory=list)
    losses: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    holes: list[str] = field(default_factory=list)
    stranded: list[str] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    failed_records: int = 0

    @property
    def ok(self) -> bool:
        return not (self.disagreements or self.losses or self.duplicates or self.holes
                    or self.stranded)

    def lines(self) -> list[str]:
        out = [
            f"records checked:   {self.records_checked} ({self.fields_compared} fields)",
            f"disagreements:     {len(self.disagreements)}",
            f"losses:            {len(self.losses)}  (must be 0)",
            f"duplicates:        {len(self.duplicates)}  (must be 0)",
            f"activity holes:    {len(self.holes)}",
            f"stranded outbox:   {len(self.stranded)}",
            f"failed (kept):     {self.failed_records} records",
            "local edit outcomes: " + ", ".join(f"{k} {v}" for k, v in
                                                sorted(self.outcomes.items())),
        ]
        for name in ("disagreements", "losses", "duplicates", "holes", "stranded"):
            for item in getattr(self, name)[:8]:
                out.append(f"  {name[:-1] if name.endswith('s') else name}: {item}")
        return out


def _fields(obj: str) -> dict[str, str]:
    return {f.name: f.type for f in FieldInfo.select().where(
        (FieldInfo.object == obj) & (FieldInfo.synced == True))  # noqa: E712
        if f.type in COMPARABLE}


def verify(db: Path, admin: AdminApi, ledger: Ledger) -> Report:
    """Check (a)-(e); the store must not be written meanwhile."""
    rep = Report()
    store = Store(db)
    try:
        remote, types = _remote(admin)
        _agreement(store, remote, types, rep)
        _no_loss(store, remote, ledger, rep)
        _no_duplicates(store, admin, ledger, rep)
        _activity(store, remote, ledger, rep)
        _outbox(store, rep)
    finally:
        store.close()
    return rep


def _remote(admin: AdminApi) -> tuple[dict[str, dict[str, dict]], dict[str, dict[str, str]]]:
    remote: dict[str, dict[str, dict]] = {}
    types: dict[str, dict[str, str]] = {}
    for obj in PERSONS:
        types[obj] = _fields(obj)
        extra = ["IsDeleted", "MasterRecordId"] + (
            ["IsConverted", "ConvertedContactId"] if obj == "Lead" else [])
        names = sorted(set(types[obj]) | set(extra) | {"Id"})
        rows = admin.query_all(f"SELECT {', '.join(names)} FROM {obj}")
        remote[obj] = {r["Id"]: r for r in rows}
    return remote, types


def _agreement(store: Store, remote: dict, types: dict, rep: Report) -> None:
    for obj in PERSONS:
        table = store.table(obj)
        failed = {(o.local_id, o.field) for o in Outbox.select().where(
            (Outbox.object == obj) & (Outbox.state == "failed"))}
        local = {str(r["_sf_id"]): r for r in table.find("_sf_id IS NOT NULL", limit=10**9)}
        for sf_id, rec in remote[obj].items():
            row = local.get(sf_id)
            rep.records_checked += 1
            if row is None:
                rep.disagreements.append(f"{obj} {sf_id} is in Salesforce, not local")
                continue
            if rec["IsDeleted"]:
                if not row["_deleted"]:
                    rep.disagreements.append(f"{obj} {sf_id} deleted in Salesforce, live "
                                             "locally")
                continue
            if row["_deleted"]:
                rep.disagreements.append(f"{obj} {sf_id} live in Salesforce, deleted locally")
                continue
            if row["_state"] == "failed":
                rep.failed_records += 1
            for name, ftype in types[obj].items():
                if (row["_lid"], name) in failed:
                    continue
                rep.fields_compared += 1
                want = to_column(ftype, rec.get(name))
                have = row.get(name)
                if want != have:
                    rep.disagreements.append(
                        f"{obj} {sf_id}.{name}: Salesforce {want!r}, local {have!r} "
                        f"(state {row['_state']})")
        for sf_id, row in local.items():
            if not row["_deleted"] and sf_id not in remote[obj]:
                rep.disagreements.append(f"{obj} {sf_id} live locally, unknown in Salesforce")


def _targets(obj: str, row: dict, remote: dict) -> list[tuple[str, str]]:
    """The Salesforce records a local record's edits may be on: its own, its master after
    a merge or link (and that master's master), and the Contact of a converted Lead."""
    targets: list[tuple[str, str]] = []
    if row.get("_sf_id"):
        targets.append((obj, str(row["_sf_id"])))
    master = row.get("_master_sf_id")
    if master:
        targets.append((PREFIX.get(str(master)[:3], obj), str(master)))
        # a merged-away master may itself have been merged again
        m = remote.get(PREFIX.get(str(master)[:3], obj), {}).get(str(master)) or {}
        if m.get("MasterRecordId"):
            targets.append((PREFIX.get(str(master)[:3], obj), str(m["MasterRecordId"])))
    for tobj, tid in list(targets):
        rec = remote.get(tobj, {}).get(tid) or {}
        if tobj == "Lead" and rec.get("ConvertedContactId"):
            targets.append(("Contact", str(rec["ConvertedContactId"])))
    return targets


def _no_loss(store: Store, remote: dict, ledger: Ledger, rep: Report) -> None:
    last: dict[tuple[str, int, str], dict] = {}
    for e in ledger.of("local", "edit"):
        last[(e["obj"], e["lid"], e["field"])] = e
    # later edits of a Salesforce record's field, either side, by time. A local edit
    # counts on every record it may have reached: a merged-away record's unpushed edit
    # moves to its master (and a converted Lead's to its Contact), where it rightly
    # replaces an older edit typed on the master itself
    later: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for e in ledger.entries:
        if e["op"] != "edit":
            continue
        if e["side"] == "local":
            row = store.table(e["obj"]).get(e["lid"]) or {}
            ids = [tid for _o, tid in _targets(e["obj"], row, remote)]
        else:
            ids = [str(e["sf_id"])] if e.get("sf_id") else []
        for sf_id in ids:
            later[(sf_id, e["field"])].append(e)
    for (obj, lid, name), e in last.items():
        value = e["value"]
        row = store.table(obj).get(lid)
        if row is None:
            rep.losses.append(f"{obj} local {lid} vanished with {name}={value!r}")
            continue
        master = row.get("_master_sf_id")
        targets = _targets(obj, row, remote)
        outcome = None
        for tobj, tid in targets:
            rec = remote.get(tobj, {}).get(tid)
            if rec is not None and rec.get(name) == value:
                outcome = "in Salesforce"
                break
        if outcome is None:
            box = Outbox.get_or_none((Outbox.object == obj) & (Outbox.local_id == lid)
                                     & (Outbox.field == name))
            if box is not None and box.state == "failed" and box.new_value == dump(value) \
                    and row.get(name) == value:
                outcome = "failed, kept locally"
        if outcome is None:
            for tobj, tid in targets:
                rec = remote.get(tobj, {}).get(tid) or {}
                newer = [x for x in later.get((tid, name), []) if x["t"] > e["t"]]
                if newer and any(rec.get(name) == x["value"] for x in newer):
                    outcome = "replaced by a later edit"
                    break
        if outcome is None:
            rep.losses.append(
                f"{obj} local {lid} ({row.get('_sf_id')}, state {row['_state']}, deleted "
                f"{row['_deleted']}, master {master}) {name}={value!r}: Salesforce has "
                + ", ".join(f"{t}:{(remote.get(o, {}).get(t) or {}).get(name)!r}"
                            for o, t in targets))
        else:
            rep.outcomes[outcome] += 1


def _no_duplicates(store: Store, admin: AdminApi, ledger: Ledger, rep: Report) -> None:
    creates = ledger.of("local", "create")
    if creates:
        rows = admin.query_all(f"SELECT Id, LastName, Email, IsDeleted FROM Lead WHERE "
                               f"Company = '{CREATE_COMPANY}'")
        by_key = Counter(r["LastName"] for r in rows)
        for e in creates:
            n = by_key.get(e["key"], 0)
            if n > 1:
                rep.duplicates.append(f"create key {e['key']} (email {e['email']}) is on {n} "
                                      "Leads in Salesforce")
            elif n == 0:
                row = store.table("Lead").get(e["lid"]) or {}
                box = Outbox.select().where((Outbox.object == "Lead")
                                            & (Outbox.local_id == e["lid"])
                                            & (Outbox.state == "failed")).count()
                if not row.get("_master_sf_id") and not box:
                    rep.losses.append(f"local create {e['key']} never reached Salesforce and "
                                      "is not marked failed")
        emails = {e["email"].lower() for e in creates if e["email"]}
        live: Counter[str] = Counter()
        for obj in PERSONS:
            cond = " AND IsConverted = false" if obj == "Lead" else ""
            for r in admin.query_all(f"SELECT Id, Email, IsDeleted FROM {obj} WHERE Email "
                                     f"LIKE '%@reliability.example.org'{cond}"):
                if not r["IsDeleted"]:
                    live[str(r["Email"]).lower()] += 1
        for email in sorted(emails):
            if live[email] > 1:
                rep.duplicates.append(f"{email} is on {live[email]} live Leads/Contacts")
    for obj in PERSONS:
        cur = store.db.execute_sql(
            f"SELECT _sf_id, COUNT(*) FROM rec_{obj.lower()} WHERE _sf_id IS NOT NULL "
            "GROUP BY _sf_id HAVING COUNT(*) > 1")
        for sf_id, n in cur.fetchall():
            rep.duplicates.append(f"{obj} {sf_id} is in the local table {n} times")


def _activity(store: Store, remote: dict, ledger: Ledger, rep: Report) -> None:
    local_updates = Counter(
        (a.object, a.local_id, a.field, a.new_value) for a in Activity.select().where(
            (Activity.kind == "updated") & (Activity.side == "local")))
    for e in ledger.of("local", "edit"):
        n = local_updates[(e["obj"], e["lid"], e["field"], dump(e["value"]))]
        if n != 1:
            rep.holes.append(f"local edit {e['obj']} {e['lid']}.{e['field']}={e['value']!r} "
                             f"has {n} activity entries")
    created = Counter(a.local_id for a in Activity.select().where(
        (Activity.kind == "created") & (Activity.side == "local") & (Activity.object == "Lead")))
    pushed_created = Counter()
    linked: set[int] = set()
    for a in Activity.select().where((Activity.kind.in_(["pushed", "linked"]))
                                     & (Activity.object == "Lead")):
        detail = json.loads(a.detail) if a.detail else {}
        if a.kind == "pushed" and detail.get("created"):
            pushed_created[a.local_id] += 1
        elif a.kind == "linked":
            linked.add(int(detail.get("local_id") or a.local_id))
    for e in ledger.of("local", "create"):
        lid = e["lid"]
        if created[lid] != 1:
            rep.holes.append(f"local create {e['key']} has {created[lid]} 'created' entries")
        row = store.table("Lead").get(lid) or {}
        if row.get("_sf_id") or row.get("_master_sf_id"):
            ways = pushed_created[lid] + (1 if lid in linked else 0)
            if pushed_created[lid] > 1 or ways < 1:
                rep.holes.append(f"local create {e['key']} ({row.get('_sf_id')}): "
                                 f"{pushed_created[lid]} 'pushed created' entries, linked "
                                 f"{lid in linked}")
    touched = {e["sf_id"] for e in ledger.entries if e["side"] == "sf"
               and e["op"] in ("delete", "merge", "convert")}
    touched |= {e.get("master") for e in ledger.of("sf", "merge")}
    final: dict[tuple[str, str], dict] = {}
    for e in ledger.of("sf", "edit"):
        final[(e["sf_id"], e["field"])] = e
    pulled = Counter((a.sf_id, a.field, a.new_value) for a in Activity.select().where(
        (Activity.kind == "updated") & (Activity.side == "salesforce")))
    # a backfill of a newly synced field writes one entry for the whole object
    backfilled: dict[tuple[str, str], float] = {}
    for a in Activity.select().where(Activity.kind == "backfilled"):
        at = datetime.fromisoformat(a.at).timestamp()
        for name in (json.loads(a.detail) if a.detail else {}).get("fields", []):
            key = (a.object, name)
            backfilled[key] = max(backfilled.get(key, 0.0), at)
    for (sf_id, name), e in final.items():
        rec = remote[e["obj"]].get(sf_id) or {}
        if (not e["after_first_sync"] or sf_id in touched or rec.get("IsDeleted")
                or rec.get(name) != e["value"]
                or e["t"] <= backfilled.get((e["obj"], name), 0.0)):
            continue
        n = pulled[(sf_id, name, dump(e["value"]))]
        if n != 1:
            rep.holes.append(f"Salesforce edit {e['obj']} {sf_id}.{name}={e['value']!r} has "
                             f"{n} pulled entries")


def _outbox(store: Store, rep: Report) -> None:
    for o in Outbox.select().where(Outbox.state != "failed"):
        rep.stranded.append(f"{o.object} local {o.local_id}.{o.field} left {o.state}")
    failed_logged = {(a.object, a.local_id) for a in Activity.select().where(
        Activity.kind == "push_failed")}
    for o in Outbox.select().where(Outbox.state == "failed"):
        row = store.table(o.object).get(o.local_id) or {}
        if row.get("_state") not in ("failed", "deleted") and not row.get("_deleted"):
            rep.stranded.append(f"{o.object} local {o.local_id}.{o.field} failed but the "
                                f"record says {row.get('_state')}")
        if (o.object, o.local_id) not in failed_logged:
            rep.stranded.append(f"{o.object} local {o.local_id}.{o.field} failed without a "
                                "push_failed entry")
    for obj in PERSONS:
        for row in store.table(obj).find("_sf_id IS NULL AND _deleted = 0", limit=10**9):
            n = Outbox.select().where((Outbox.object == obj)
                                      & (Outbox.local_id == row["_lid"])).count()
            if not n:
                rep.stranded.append(f"{obj} local {row['_lid']} is local-only with nothing "
                                    "queued")
