"""``sfsync status``, ``activity``, ``errors``, ``retry`` and ``fields``: what the store
knows, read without talking to Salesforce."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from ..store import Store
from ..store.models import Activity, Backfill, FieldInfo, Outbox, SyncObject
from ..store.records import from_column
from ..store.store import ActivityEntry
from ..sync.push import parked_count
from .common import common_options, open_store, out, print_json
from .errors import CliError, CliFailure
from .person import KEY_HELP, KEY_TEXT, person_records
from .render import show, table, yes_no
from .report import COLUMNS, USAGE_KEY


def register(sub: argparse._SubParsersAction) -> None:
    """Add the read-only views and ``retry``."""
    p = sub.add_parser("status", parents=[common_options()],
                       help="last cycles, outbox, objects and API usage")
    p.add_argument("--cycles", type=int, default=5, metavar="N", help="cycles to show")
    p.set_defaults(handler=cmd_status)
    p = sub.add_parser("activity", parents=[common_options()],
                       help="a person's history, newest first")
    p.add_argument("key", metavar=KEY_HELP, help=KEY_TEXT)
    p.add_argument("--limit", type=int, default=200, metavar="N", help="entries to show")
    p.set_defaults(handler=cmd_activity)
    p = sub.add_parser("errors", parents=[common_options()],
                       help="failed pushes grouped by object, error code and field")
    p.set_defaults(handler=cmd_errors)
    p = sub.add_parser("retry", parents=[common_options()],
                       help="queue failed pushes again (of one person, or --all)")
    p.add_argument("key", nargs="?", metavar=KEY_HELP, help=KEY_TEXT)
    p.add_argument("--all", action="store_true", help="every failed push")
    p.set_defaults(handler=cmd_retry)
    p = sub.add_parser("fields", parents=[common_options()],
                       help="every field of an object: access, synced or not, and why")
    p.add_argument("object", metavar="OBJECT", help="Lead, Contact, Account, ...")
    p.set_defaults(handler=cmd_fields)


# -- status ------------------------------------------------------------------------------------


def status_data(store: Store, n: int) -> dict:
    cycles = []
    for c in store.last_cycles(n):
        totals = dict.fromkeys(COLUMNS, 0)
        for o in c.objects:
            for col in COLUMNS:
                totals[col] += getattr(o, col, 0) or 0
        cycles.append({"cycle": c.id, "started_at": c.started_at, "finished_at": c.finished_at,
                       "trigger": c.trigger, "status": c.status, "api_calls": c.api_calls,
                       "message": c.error, **totals})
    objects = []
    for so in SyncObject.select().order_by(SyncObject.name):
        t = store.table(so.name)
        counts = dict.fromkeys(("records", "pending", "failed", "local_only"), 0)
        if t.exists():
            counts["records"] = t.count("_deleted = 0")
            for state in ("pending", "failed", "local_only"):
                counts[state] = t.count("_state = ? AND _deleted = 0", (state,))
        bf = Backfill.get_or_none(Backfill.object == so.name)
        objects.append({"object": so.name, "direction": so.direction,
                        "first_sync": so.first_sync, "first_sync_done": so.first_sync_done,
                        "first_sync_total": so.first_sync_total, **counts,
                        "backfill": None if bf is None else {
                            "fields": json.loads(bf.fields), "done": bf.done,
                            "total": bf.total}})
    outbox = store.outbox_counts()
    usage = store.setting(USAGE_KEY)
    backfills = [{"at": a.at, "object": a.object, "cycle": a.cycle,
                  **json.loads(a.detail or "{}")}
                 for a in Activity.select().where(Activity.kind == "backfilled")
                 .order_by(Activity.id.desc()).limit(5)]
    return {"store": str(store.path), "cycles": cycles, "backfills": backfills,
            "outbox": {"pending": outbox.get("pending", 0) + outbox.get("sending", 0),
                       "failed": outbox.get("failed", 0),
                       # counted among the above too: changes of fields not synced now
                       "parked": parked_count(store)},
            "objects": objects, "api_usage": json.loads(usage) if usage else None}


def cmd_status(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        data = status_data(store, max(1, args.cycles))
    if args.json:
        print_json(data)
        return 0
    out(f"Store: {data['store']}")
    if data["cycles"]:
        out("Last cycles:")
        rows = [(c["cycle"], c["started_at"][:19].replace("T", " "), c["trigger"], c["status"],
                 c["api_calls"], *(c[k] for k in COLUMNS), c["message"] or "")
                for c in data["cycles"]]
        for line in table(("cycle", "started (UTC)", "trigger", "status", "API calls",
                           *COLUMNS, "message"), rows, right=(0, 4, 5, 6, 7, 8, 9, 10)):
            out(line)
    else:
        out("No cycle yet: run 'sfsync sync --once'.")
    ob = data["outbox"]
    out(f"Local changes waiting: {ob['pending']} pending, {ob['failed']} failed"
        + (" ('sfsync errors' says why)" if ob["failed"] else ""))
    if ob["parked"]:
        out(f"{ob['parked']} local change{' waits' if ob['parked'] == 1 else 's wait'} on "
            "fields not synced: they are sent once the field is included again "
            "('sfsync fields OBJECT' shows which fields are synced)")
    if data["objects"]:
        out("Objects:")
        rows = [(o["object"], o["direction"].replace("_", " "), _first_sync(o), o["records"],
                 o["pending"], o["failed"], o["local_only"]) for o in data["objects"]]
        for line in table(("object", "direction", "first sync", "records", "pending", "failed",
                           "local only"), rows, right=(3, 4, 5, 6)):
            out(line)
    waiting = [o for o in data["objects"] if o["backfill"]]
    for o in waiting:
        b = o["backfill"]
        out(f"Backfill of {', '.join(b['fields'])} for {o['object']}: {b['done']:,} of "
            f"{b['total'] or 0:,} records read; the next sync goes on")
    for b in data["backfills"]:
        out(f"{b['at'][:19].replace('T', ' ')} UTC: {backfilled_text(b)}")
    u = data["api_usage"]
    out(f"API usage: {u['used']} of {u['limit']} calls today (seen {u['seen_at']})" if u
        else "API usage: not seen yet")
    return 0


def _first_sync(o: dict) -> str:
    if o["first_sync"] == "running":
        return f"running {o['first_sync_done']}/{o['first_sync_total'] or '?'}"
    return str(o["first_sync"])


# -- activity -----------------------------------------------------------------------------------


def cmd_activity(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        records = person_records(store, args.key)
        entries = {}
        persons = set()
        for obj, lid in records:
            for e in store.activity(obj=obj, local_id=lid, limit=args.limit):
                entries[e.id] = e
            person = (store.table(obj).get(lid) or {}).get("_person")
            if person is not None:
                persons.add(int(person))  # type: ignore[call-overload]
        for person in persons:
            for e in store.activity(person=person, limit=args.limit):
                entries[e.id] = e
        newest = sorted(entries.values(), key=lambda e: e.id, reverse=True)[:args.limit]
        types = {o: {f.name: f.type for f in store.fields(o)} for o in {e.object for e in newest}}
    if args.json:
        print_json({"key": args.key, "records": [f"{o}:{i}" for o, i in records],
                    "activity": [_entry_dict(e, types.get(e.object, {})) for e in newest]})
        return 0
    out(f"{args.key}: {', '.join(f'{o}:{i}' for o, i in records)}")
    if not newest:
        out("  no activity yet")
    rows = [(e.at[:19].replace("T", " "), f"{e.object}:{e.local_id}", e.kind,
             describe(e, types.get(e.object, {}))) for e in newest]
    for line in table(("when (UTC)", "record", "what", "detail"), rows):
        out(line)
    return 0


def _entry_dict(e: ActivityEntry, types: dict[str, str]) -> dict:
    t = types.get(e.field or "", "")
    return asdict(e) | {"old_value": from_column(t, e.old_value),
                        "new_value": from_column(t, e.new_value)}


def describe(e: ActivityEntry, types: dict[str, str] | None = None) -> str:
    """One activity entry's detail in words (``types``: field → type, for checkboxes)."""
    d = e.detail or {}
    side = f" (from {e.side})" if e.side else ""
    if e.kind == "updated":
        t = (types or {}).get(e.field or "", "")
        old, new = from_column(t, e.old_value), from_column(t, e.new_value)
        return f"{e.field}: {show(old)} → {show(new)}{side}"
    if e.kind == "conflict":
        return (f"{e.field}: local {show(d.get('local'))} vs Salesforce "
                f"{show(d.get('salesforce'))}; {d.get('winner')} wins ({d.get('policy')})")
    if e.kind == "push_failed":
        fields = ", ".join(d.get("fields") or []) or "-"
        return f"{d.get('code')} on {fields}: {d.get('message', '')}"
    if e.kind == "pushed":
        what = "created in Salesforce" if d.get("created") else "pushed"
        return f"{what} {e.sf_id or ''}: {', '.join(d.get('fields') or [])}".strip()
    if e.kind == "created":
        return f"created{side}" + (f": {', '.join(d['fields'])}" if d.get("fields") else "")
    if e.kind == "force_synced":
        return (f"pulled: {d.get('pulled')}; pushed {d.get('pushed')}, failed "
                f"{d.get('failed')}; now {d.get('state')}")
    if e.kind == "linked":
        return f"linked by email {show(d.get('email'))} to {e.sf_id or d.get('matched', '')}"
    if e.kind == "converted":
        return f"converted: Contact {d.get('contact')}, Account {d.get('account')}"
    if e.kind == "merged":
        if d.get("master"):
            return f"merged into {d['master']}"
        return f"absorbed {d.get('merged_away')}"
    if e.kind == "backfilled":
        return backfilled_text(d | {"object": e.object})
    if e.kind == "retried":
        return f"queued again: {', '.join(d.get('fields') or [])}"
    extra = json.dumps(d, ensure_ascii=False) if d else ""
    return f"{e.field or ''} {extra}{side}".strip()


def backfilled_text(d: dict) -> str:
    """``backfilled Fax for 1,234 Lead records`` (+ the local edits kept)."""
    kept = d.get("kept_local_edits") or 0
    n = d.get("records") or 0
    return (f"backfilled {', '.join(d.get('fields') or [])} for {n:,} {d.get('object')} "
            f"record{'s' if n != 1 else ''}"
            + (f"; {kept} local edit{'s' if kept != 1 else ''} kept" if kept else ""))


# -- errors and retry ----------------------------------------------------------------------------


def error_groups(store: Store) -> list[dict]:
    """Failed pushes grouped by object, error code and field, with the records."""
    groups: dict[tuple[str, str, str], dict] = {}
    for row in Outbox.select().where(Outbox.state == "failed").order_by(Outbox.id):
        err = json.loads(row.last_error) if row.last_error else {}
        for field in err.get("fields") or [""]:
            key = (row.object, err.get("code", "UNKNOWN"), field)
            g = groups.setdefault(key, {"object": key[0], "code": key[1], "field": key[2],
                                        "message": err.get("message", ""), "records": []})
            rec = f"{row.object}:{row.local_id}"
            if rec not in g["records"]:
                g["records"].append(rec)
    out_groups = [g | {"count": len(g["records"])} for g in groups.values()]
    return sorted(out_groups, key=lambda g: (-g["count"], g["object"], g["code"], g["field"]))


def cmd_errors(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        groups = error_groups(store)
    if args.json:
        print_json(groups)
        return 0
    if not groups:
        out("No failed pushes.")
        return 0
    rows = [(g["object"], g["code"], g["field"] or "-", g["count"],
             ", ".join(g["records"][:3]) + (" …" if g["count"] > 3 else ""), g["message"])
            for g in groups]
    for line in table(("object", "error", "field", "records", "e.g.", "message"), rows,
                      right=(3,)):
        out(line)
    out("Fix the value ('sfsync person set'), or 'sfsync retry --all' after fixing the cause "
        "in Salesforce.")
    return 0


def cmd_retry(args: argparse.Namespace) -> int:
    if bool(args.key) == bool(args.all):
        raise CliError("name a person (EMAIL|ID|Object:localid) or give --all")
    with open_store(args) as store:
        targets = None if args.all else person_records(store, args.key)
        failed = store.retry_records(None if targets is None else set(targets))
    n = sum(len(f) for f in failed.values())
    if args.json:
        print_json({"records": [f"{o}:{i}" for o, i in failed], "changes": n})
    elif failed:
        out(f"{n} failed change{'s' if n != 1 else ''} of {len(failed)} record"
            f"{'s' if len(failed) != 1 else ''} queued again; the next sync pushes "
            f"{'them' if n != 1 else 'it'}")
    else:
        out("Nothing to retry: no failed pushes" + ("" if args.all else f" for {args.key}"))
    return 0


# -- fields -------------------------------------------------------------------------------------


def cmd_fields(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        known = {so.name.lower(): so.name for so in SyncObject.select()}
        obj = known.get(args.object.lower())
        fields = store.fields(obj) if obj else []
        if not fields:
            names = ", ".join(sorted(known.values())) or "none yet: run 'sfsync sync --once'"
            raise CliFailure(f"no field catalog for {args.object}; synced objects: {names}")
    data = [field_dict(f) for f in fields]
    if args.json:
        print_json({"object": obj, "fields": data})
        return 0
    synced = sum(1 for f in data if f["synced"])
    out(f"{obj}: {len(data)} fields, {synced} synced")
    rows = [(f["label"], f["name"], f["type"], yes_no(f["read"]), yes_no(f["create"]),
             yes_no(f["update"]), yes_no(f["synced"]), f["why"]) for f in data]
    for line in table(("label", "API name", "type", "read", "create", "update", "synced",
                       "why"), rows):
        out(line)
    return 0


def field_dict(f: FieldInfo) -> dict:
    return {"name": f.name, "label": f.label, "type": f.type, "custom": f.custom,
            "read": f.readable, "create": f.createable, "update": f.updateable,
            "synced": f.synced, "why": f.reason}

