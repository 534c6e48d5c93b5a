"""``sfsync settings``: see and change the sync settings the window's settings dialog and
Field access view change (kept in the store, so ``sfsync sync`` and the window agree).

    sfsync settings [show]
    sfsync settings set interval 120 | set budget-share 50%
    sfsync settings policy Lead [Email] local_wins|salesforce_wins|...|default
    sfsync settings include|exclude|default Lead Fax
    sfsync settings enable|disable Task
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..store import Store
from ..store.models import FieldInfo
from ..sync.config import DEFAULT_OBJECTS, SyncConfig
from ..sync.settings import (
    POLICIES,
    SettingsError,
    SyncSettings,
    apply_included,
    catalog_field,
    check_includable,
    object_name,
    parse_budget_share,
    parse_interval,
    parse_policy,
    read_settings,
    set_object_enabled,
    set_policy,
)
from .common import common_options, db_path, open_store, out, print_json
from .errors import CliError
from .render import table

#: ``settings set NAME VALUE``: name -> (parser, store key)
SETTABLE: dict[str, tuple[Callable[[str], float], str]] = {
    "interval": (parse_interval, "sync.interval"),
    "budget-share": (parse_budget_share, "sync.budget_share"),
}


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``settings`` and its actions."""
    settings = sub.add_parser(
        "settings", parents=[common_options()],
        help="see or change the sync settings (interval, API budget, objects, conflict "
             "policies, fields) the window shares")
    settings.set_defaults(handler=cmd_show)
    ssub = settings.add_subparsers(dest="settings_command", metavar="ACTION")
    p = ssub.add_parser("show", parents=[common_options()], help="the settings (default)")
    p.set_defaults(handler=cmd_show)
    p = ssub.add_parser("set", parents=[common_options()],
                        help="interval SECONDS (10 to 86400; 5m, 1h) or budget-share "
                             "SHARE (0.05 to 0.95, or 5%% to 95%%)")
    p.add_argument("name", metavar="NAME", help=" or ".join(SETTABLE))
    p.add_argument("value", metavar="VALUE")
    p.set_defaults(handler=cmd_set)
    p = ssub.add_parser("policy", parents=[common_options()],
                        help="conflict policy of an object or of one of its fields")
    p.add_argument("words", nargs="+", metavar="OBJECT [FIELD] POLICY",
                   help=f"POLICY: {', '.join(POLICIES)}, or default (remove it)")
    p.set_defaults(handler=cmd_policy)
    for action, what in (("include", "sync a field (its values are backfilled)"),
                         ("exclude", "stop syncing a field (its column and values stay)"),
                         ("default", "a field back to its default (synced or not)")):
        p = ssub.add_parser(action, parents=[common_options()], help=what)
        p.add_argument("object", metavar="OBJECT")
        p.add_argument("field", metavar="FIELD")
        p.set_defaults(handler=cmd_include, include={"include": True, "exclude": False,
                                                     "default": None}[action])
    for action, what in (("enable", "sync an object"), ("disable", "stop syncing an object")):
        p = ssub.add_parser(action, parents=[common_options()], help=what)
        p.add_argument("object", metavar="OBJECT", help=", ".join(DEFAULT_OBJECTS))
        p.set_defaults(handler=cmd_enable, enabled=action == "enable")


# -- show ------------------------------------------------------------------------------------------


def settings_data(s: SyncSettings, included: list[FieldInfo]) -> dict:
    """The settings as ``--json`` prints them."""
    return {
        "interval": s.interval,
        "budget_share": s.budget_share,
        "hard_cap_share": SyncConfig().hard_cap_share,
        "objects": [{"object": o, "direction": d, "synced": o not in s.disabled}
                    for o, d in DEFAULT_OBJECTS.items()],
        "policies": [{"object": o, "field": f or None, "policy": p}
                     for (o, f), p in sorted(s.policies.items())],
        "fields": [{"object": f.object, "field": f.name, "included": f.included,
                    "synced": f.synced} for f in included],
    }


def _chosen_fields() -> list[FieldInfo]:
    return list(FieldInfo.select().where(FieldInfo.included.is_null(False))
                .order_by(FieldInfo.object, FieldInfo.name))


def _show(store: Store | None, as_json: bool) -> None:
    s = read_settings(store) if store is not None else SyncSettings()
    data = settings_data(s, _chosen_fields() if store is not None else [])
    if as_json:
        print_json(data)
        return
    if store is None:
        out("No store yet: these are the defaults ('sfsync sync --once' makes the store).")
    out(f"Sync every: {data['interval']:g} s")
    out(f"API budget for background sync: {data['budget_share'] * 100:g} % of the daily "
        f"allowance (force sync up to {data['hard_cap_share'] * 100:g} %)")
    synced = [f"{o['object']} ({o['direction'].replace('_', ' ')})"
              for o in data["objects"] if o["synced"]]
    out(f"Objects synced: {', '.join(synced) or 'none'}")
    off = [o["object"] for o in data["objects"] if not o["synced"]]
    if off:
        out(f"Objects not synced: {', '.join(off)}")
    if data["policies"]:
        out("Conflict policies (anything else: local wins):")
        for line in table(("object", "field", "policy"),
                          [(p["object"], p["field"] or "(whole object)", p["policy"])
                           for p in data["policies"]]):
            out(line)
    else:
        out("Conflict policies: local wins everywhere (the default)")
    if data["fields"]:
        out("Fields you included or excluded:")
        for line in table(("object", "field", "your choice", "synced now"),
                          [(f["object"], f["field"],
                            "included" if f["included"] else "excluded",
                            "yes" if f["synced"] else "from the next sync"
                            if f["included"] else "no") for f in data["fields"]]):
            out(line)


def cmd_show(args: argparse.Namespace) -> int:
    if not db_path(args).exists():
        _show(None, args.json)
        return 0
    with open_store(args) as store:
        _show(store, args.json)
    return 0


# -- changes ---------------------------------------------------------------------------------------


def _settings_error(fn: Callable[[], str]) -> str:
    try:
        return fn()
    except SettingsError as exc:
        raise CliError(str(exc)) from None


def _done(store: Store, args: argparse.Namespace, line: str) -> int:
    if args.json:
        print_json(settings_data(read_settings(store), _chosen_fields()))
    else:
        out(line)
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    name = args.name.strip().lower().replace("_", "-")
    if name not in SETTABLE:
        raise CliError(f"unknown setting {args.name!r}: use {' or '.join(SETTABLE)} "
                       "(objects: 'settings enable|disable', policies: 'settings policy', "
                       "fields: 'settings include|exclude')")
    parse, key = SETTABLE[name]
    value = _settings_error(lambda: repr(parse(args.value)))
    with open_store(args, create=True) as store:
        store.set_setting(key, value)
        shown = (f"{float(value):g} s" if name == "interval"
                 else f"{float(value) * 100:g} % of the daily API allowance")
        return _done(store, args, f"{name} is now {shown} (from the next cycle; a running "
                                  "sync or window picks it up when it starts again)")


def cmd_policy(args: argparse.Namespace) -> int:
    words = args.words
    if len(words) not in (2, 3):
        raise CliError("give OBJECT POLICY or OBJECT FIELD POLICY (e.g. 'sfsync settings "
                       "policy Lead Email salesforce_wins')")
    with open_store(args, create=len(words) == 2) as store:
        def parse() -> str:
            obj = object_name(words[0])
            fname = catalog_field(store, obj, words[1]).name if len(words) == 3 else ""
            policy = None if words[-1].lower() == "default" else parse_policy(words[-1])
            if policy == "dont_sync" and not fname:
                raise SettingsError(f"to stop syncing {obj} use 'sfsync settings disable "
                                    f"{obj}'; dont_sync is a policy for single fields")
            set_policy(store, obj, fname, policy)
            what = f"{obj}.{fname}" if fname else obj
            return (f"{what}: conflict policy back to the default" if policy is None
                    else f"{what}: conflicts are decided by {policy}") + " from the next cycle"

        return _done(store, args, _settings_error(parse))


def cmd_include(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        def parse() -> str:
            info = catalog_field(store, object_name(args.object), args.field)
            if args.include:
                check_includable(info)
            apply_included(store, info.object, info.name, args.include)
            where = f"{info.object}.{info.name}"
            if args.include is None:
                return f"{where} back to its default; applied by the next sync"
            if args.include:
                return (f"{where} included: the next sync adds it and fetches its values "
                        "for the records already here")
            return f"{where} excluded: no longer synced (its column and values stay)"

        return _done(store, args, _settings_error(parse))


def cmd_enable(args: argparse.Namespace) -> int:
    obj = _settings_error(lambda: object_name(args.object))
    with open_store(args, create=True) as store:
        set_object_enabled(store, obj, args.enabled)
        return _done(store, args, f"{obj} is {'' if args.enabled else 'no longer '}synced "
                                  "from the next sync")
