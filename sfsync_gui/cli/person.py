"""``sfsync person new|set|show``: local edits of persons (queued for the next push) and
what the store knows of one person."""

from __future__ import annotations

import argparse
import json
import re

from ..store import Store
from ..store.records import from_column, load
from ..sync.persons import find_person_records
from .common import common_options, open_store, out, print_json
from .errors import CliError, CliFailure
from .render import show, table
from .values import parse_assignments

KEY_HELP = "EMAIL|ID|Object:localid"
KEY_TEXT = "an email, a Salesforce Id, or Object:localid as 'person show' prints it (Lead:12)"
_OBJECT = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``person new``, ``person set`` and ``person show``."""
    person = sub.add_parser("person", help="create, change or show a person (Lead/Contact)")
    psub = person.add_subparsers(dest="person_command", required=True, metavar="ACTION")
    p = psub.add_parser("new", parents=[common_options()],
                        help="a new person, created in Salesforce by the next sync")
    p.add_argument("assignments", nargs="+", metavar="Field=Value",
                   help="fields of the new record ('sfsync fields Lead' lists them; "
                        "Field= means no value)")
    p.add_argument("--object", default="Lead", choices=("Lead", "Contact"),
                   help="Lead (default) or Contact")
    p.set_defaults(handler=cmd_new)
    p = psub.add_parser("set", parents=[common_options()],
                        help="change fields locally; pushed by the next sync")
    p.add_argument("key", metavar=KEY_HELP, help=KEY_TEXT)
    p.add_argument("assignments", nargs="+", metavar="Field=Value",
                   help="fields to change (Field= clears one)")
    p.set_defaults(handler=cmd_set)
    p = psub.add_parser("show", parents=[common_options()],
                        help="a person's fields, pending changes and sync state")
    p.add_argument("key", metavar=KEY_HELP, help=KEY_TEXT)
    p.add_argument("--all", action="store_true", help="also the fields with no value")
    p.set_defaults(handler=cmd_show)


# -- finding people ----------------------------------------------------------------------------


def person_records(store: Store, key: str) -> list[tuple[str, int]]:
    """Every record ``key`` names (a Lead and its Contact together); CliFailure if none."""
    key = key.strip()
    if ":" in key and "@" not in key:
        obj, _, lid = key.partition(":")
        if not _OBJECT.fullmatch(obj) or not (lid.isascii() and lid.isdigit()):
            raise CliError(f"{key!r} is not Object:localid (like Lead:12)")
    records = find_person_records(store, key)
    if not records:
        raise CliFailure(f"no person matches {key!r} in {store.path}: use an email, a "
                         "Salesforce Id or Object:localid (e.g. Lead:12)")
    return records


def record_to_edit(store: Store, key: str) -> tuple[str, int]:
    """The one record a change of ``key`` goes to: the named one, or for an email the
    person's live record (a converted Lead's Contact)."""
    records = person_records(store, key)
    if "@" not in key:
        obj, lid = records[0]
        row = store.table(obj).get(lid) or {}
        if obj == "Lead" and row.get("IsConverted"):
            others = [f"{o}:{i}" for o, i in records if o == "Contact"]
            raise CliError(f"Lead:{lid} was converted and Salesforce no longer changes it; "
                           f"change its Contact{' (' + others[0] + ')' if others else ''}")
        return obj, lid
    live = [(o, i) for o, i in records
            if not (o == "Lead" and (store.table(o).get(i) or {}).get("IsConverted"))]
    if len(live) == 1:
        return live[0]
    if not live:
        raise CliError(f"every record of {key} is a converted Lead; change its Contact")
    names = ", ".join(f"{o}:{i}" for o, i in live)
    raise CliError(f"{key} matches {len(live)} records ({names}); name one as Object:localid")


# -- commands ------------------------------------------------------------------------------------


def _catalog(store: Store, obj: str) -> dict:
    fields = {f.name: f for f in store.fields(obj)}
    if not fields:
        raise CliFailure(f"the store {store.path} has no field catalog for {obj} yet: run "
                         "'sfsync sync --once' first")
    return fields


def cmd_new(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        values = parse_assignments(args.object, args.assignments,
                                   _catalog(store, args.object), creating=True)
        lid = store.create_local(args.object, values)
        if args.json:
            print_json({"object": args.object, "local_id": lid, "key": f"{args.object}:{lid}",
                        "state": "local_only", "fields": values})
        else:
            out(f"{args.object}:{lid} created locally; the next sync creates it in Salesforce "
                "(or links it to the one Lead or Contact with the same email)")
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        obj, lid = record_to_edit(store, args.key)
        values = parse_assignments(obj, args.assignments, _catalog(store, obj),
                                   creating=not (store.table(obj).get(lid) or {}).get("_sf_id"))
        changed = store.local_edit(obj, lid, values)
        if args.json:
            print_json({"object": obj, "local_id": lid, "changed": changed})
        elif changed:
            out(f"{obj}:{lid}: {', '.join(changed)} changed locally; pushed by the next sync")
        else:
            out(f"{obj}:{lid}: already has these values; nothing to push")
    return 0


def describe_record(store: Store, obj: str, lid: int) -> dict:
    """One record as ``person show`` reports it."""
    row = store.table(obj).get(lid) or {}
    types = {f.name: f.type for f in store.fields(obj)}
    synced = store.synced_fields(obj)
    boxes = store.outbox_for(obj, lid)
    fields = {}
    for name in store.table(obj).columns():
        box = boxes.get(name)
        entry: dict = {"value": from_column(types.get(name, ""), row.get(name)),
                       "synced": name in synced}
        if box is not None:
            entry["pending"] = {"state": box.state, "salesforce": load(box.old_value),
                                "error": json.loads(box.last_error) if box.last_error
                                else None}
        fields[name] = entry
    return {"object": obj, "local_id": lid, "key": f"{obj}:{lid}", "sf_id": row.get("_sf_id"),
            "state": row.get("_state"), "deleted": bool(row.get("_deleted")),
            "error": json.loads(str(row["_error"])) if row.get("_error") else None,
            "person": row.get("_person"), "fields": fields}


def cmd_show(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        records = [describe_record(store, o, i) for o, i in person_records(store, args.key)]
    if args.json:
        print_json({"key": args.key, "records": records})
        return 0
    for n, rec in enumerate(records):
        if n:
            out()
        for line in _record_lines(rec, show_all=args.all):
            out(line)
    return 0


def _record_lines(rec: dict, *, show_all: bool) -> list[str]:
    head = f"{rec['key']}  {rec['sf_id'] or '(not in Salesforce yet)'}  state: {rec['state']}"
    lines = [head + ("  (deleted in Salesforce)" if rec["deleted"] else "")]
    if rec["error"]:
        e = rec["error"]
        lines.append(f"  last error: {e.get('code')} on {', '.join(e.get('fields') or []) or '-'}"
                     f": {e.get('message', '')}")
    rows, hidden = [], 0
    for name, f in rec["fields"].items():
        pending = f.get("pending")
        if f["value"] is None and not pending and not show_all:
            hidden += 1
            continue
        change = ""
        if pending:
            change = (f"pending push (Salesforce has {show(pending['salesforce'])})"
                      if pending["state"] != "failed" else
                      f"push failed: {(pending['error'] or {}).get('code', 'UNKNOWN')} "
                      f"(Salesforce has {show(pending['salesforce'])})")
        elif not f["synced"]:
            change = "not synced"
        rows.append((name, show(f["value"]), change))
    lines += table(("field", "local value", "change"), rows)
    if hidden:
        lines.append(f"  ({hidden} fields with no value not shown; --all shows them)")
    return lines
