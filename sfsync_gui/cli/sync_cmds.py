"""``sfsync sync``, ``sfsync force-sync`` and ``sfsync demo``: the commands that talk to
Salesforce."""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..store import Store
from ..sync import CycleSummary, SyncEngine, SyncRunner
from ..sync.engine import BudgetReached
from ..sync.persons import find_person_records
from ..sync.settings import stored_config
from .common import common_options, demo_dir, open_store, out, print_json, store_at
from .connect import connection_from_args, demo_connection, profile_option
from .errors import CliError, CliFailure
from .report import PROBLEMS, EventPrinter, remember_usage
from .serve import seed_value

#: what a demo folder may hold; --fresh refuses to wipe anything else
DEMO_ENTRIES = frozenset({"org", "sfsync.db", "sfsync.db-wal", "sfsync.db-shm"})


def positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected seconds, not {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, not {text}")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``sync``, ``force-sync`` and ``demo``."""
    p = sub.add_parser("sync", parents=[common_options(), profile_option()],
                       help="sync with Salesforce: a cycle every --interval seconds until "
                            "Ctrl+C (connection from --profile, SFSYNC_* variables, or --demo)")
    p.add_argument("--once", action="store_true", help="run one cycle and exit")
    p.add_argument("--interval", type=positive_seconds, default=None, metavar="SECONDS",
                   help="seconds between cycles (default: 'sfsync settings', else 300)")
    p.set_defaults(handler=cmd_sync)

    p = sub.add_parser("force-sync", parents=[common_options(), profile_option()],
                       help="sync one person both ways now")
    p.add_argument("key", metavar="EMAIL|ID|Object:localid",
                   help="an email, a Salesforce Id, or Object:localid (Lead:12)")
    p.set_defaults(handler=cmd_force_sync)

    p = sub.add_parser("demo", parents=[common_options(demo=False)],
                       help="start the local demo org and sync with it")
    p.add_argument("--once", action="store_true",
                   help="sync one cycle, print how to look at the result, exit")
    p.add_argument("--fresh", action="store_true", help="start over: wipe the demo folder")
    p.add_argument("--data", type=Path, default=None, metavar="DIR",
                   help=f"the demo's folder: org/ and sfsync.db (default: {demo_dir()})")
    p.add_argument("--interval", type=positive_seconds, default=None, metavar="SECONDS",
                   help="seconds between cycles (default: 'sfsync settings', else 300)")
    p.add_argument("--seed", type=seed_value, default="demo",
                   help="'demo' (default) or a number of Leads; used for a new demo folder")
    p.add_argument("--port", type=int, default=0, help="TCP port of the org (default: any)")
    p.set_defaults(handler=cmd_demo)


# -- running cycles --------------------------------------------------------------------------


@contextmanager
def stop_on_signals(runner: SyncRunner) -> Iterator[None]:
    """Ctrl+C / SIGTERM: finish the current step and stop; a second Ctrl+C quits now."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    asked = threading.Event()

    def handler(signum: int, _frame: object) -> None:
        if asked.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        asked.set()
        runner.stop()
        print("sfsync: stopping after the current step (Ctrl+C again to quit at once)",
              file=sys.stderr, flush=True)

    old = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def run_sync(store: Store, conn: object, *, once: bool, interval: float | None,
             as_json: bool, demo: bool = False, profile: str | None = None
             ) -> CycleSummary | None:
    """Run cycles (one with ``once``), printing as they go. A bad status of the one cycle
    of ``once`` becomes the error."""
    printer = EventPrinter(store, conn, as_json=as_json, once=once)
    # the settings the window and 'sfsync settings' keep in the store; --interval wins
    config = stored_config(store)
    if interval is not None:
        config.interval = interval
    engine = SyncEngine(store, conn, config, events=printer)
    runner = SyncRunner(engine, config.interval)
    with stop_on_signals(runner):
        last = runner.run(once=once)
    if once and last is not None and last.status in PROBLEMS:
        raise CliFailure(_advice(last, demo=demo, profile=profile))
    if not once and not as_json:
        out("stopped")
    return last


def _advice(summary: CycleSummary, *, demo: bool, profile: str | None = None) -> str:
    """The one error line for a cycle that did not do its job: what happened, what to do."""
    message = (summary.message or f"the cycle ended with status {summary.status}").removesuffix(
        "; retrying next cycle")
    if summary.status == "needs_sign_in":
        fix = ("run 'sfsync demo --once' to restart the demo org" if demo else
               f"sign in again with 'sfsync connect --name {profile}'" if profile else
               "check SFSYNC_LOGIN_URL, SFSYNC_CLIENT_ID and SFSYNC_CLIENT_SECRET")
        if "sfsync connect" in message:  # a profile's message says what to do already
            return f"Salesforce refused the sign-in: {message}"
        return f"Salesforce refused the sign-in ({message}); {fix}"
    if summary.status == "api_limit":
        return f"{message}; the allowance frees up over the next 24 hours"
    if summary.status == "failed":
        return f"the sync cycle failed: {message}; check the connection and try again"
    return message


def cmd_sync(args: argparse.Namespace) -> int:
    with connection_from_args(args) as connected, open_store(args, create=True) as store:
        run_sync(store, connected.conn, once=args.once, interval=args.interval,
                 as_json=args.json, demo=args.demo, profile=args.profile)
    return 0


# -- force sync ---------------------------------------------------------------------------------


def cmd_force_sync(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        if not find_person_records(store, args.key):
            raise CliFailure(f"no person matches {args.key!r} in {store.path}: use an email, "
                             "a Salesforce Id or Object:localid (e.g. Lead:12)")
        with connection_from_args(args) as connected:
            engine = SyncEngine(store, connected.conn, stored_config(store))
            calls0 = connected.conn.calls
            try:
                result = engine.force_sync(args.key)
            except (LookupError, BudgetReached) as exc:
                raise CliFailure(str(exc.args[0] if exc.args else exc)) from None
            result["api_calls"] = connected.conn.calls - calls0
            result["api_usage"] = remember_usage(store, connected.conn)
        failed = [r for r in result["records"] if r["failed"]]
        if args.json:
            print_json(result)
        else:
            for r in result["records"]:
                out(_forced_line(r))
            out(f"{result['api_calls']} API call{'s' if result['api_calls'] != 1 else ''}")
        if failed:
            r = failed[0]
            row = store.table(r["object"]).get(r["local_id"]) or {}
            err = json.loads(str(row["_error"])) if row.get("_error") else {}
            fields = ", ".join(err.get("fields") or []) or "-"
            raise CliFailure(
                f"Salesforce rejected {r['object']}:{r['local_id']}: {err.get('code', 'UNKNOWN')}"
                f" on {fields}: {err.get('message', '')} (see 'sfsync activity {args.key}')")
    return 0


def _forced_line(r: dict) -> str:
    who = f"{r['object']}:{r['local_id']}" + (f" ({r['sf_id']})" if r["sf_id"] else "")
    pushed = f"pushed {r['pushed']}" + (f", failed {r['failed']}" if r["failed"] else "")
    return f"{who}: pulled: {r['pulled']}; {pushed}; now {r['state']}"


# -- demo ------------------------------------------------------------------------------------------


def _wipe(root: Path) -> None:
    if not root.exists():
        return
    if not root.is_dir():
        raise CliError(f"--data {root} is not a folder")
    extra = sorted(p.name for p in root.iterdir() if p.name not in DEMO_ENTRIES)
    if extra:
        raise CliError(f"--fresh would delete {root}, which holds more than a demo "
                       f"({', '.join(extra[:3])}); remove it yourself or pick another --data")
    shutil.rmtree(root)


def cmd_demo(args: argparse.Namespace) -> int:
    default = args.data is None
    root = (args.data or demo_dir()).expanduser()
    if args.port and not 0 < args.port < 65536:
        raise CliError(f"--port must be between 1 and 65535, not {args.port}")
    if args.db is not None:
        raise CliError(f"the demo keeps its store in its folder; use --data DIR, not --db "
                       f"(the store is DIR/sfsync.db, now {root / 'sfsync.db'})")
    if args.fresh:
        _wipe(root)
    root.mkdir(parents=True, exist_ok=True)
    db = root / "sfsync.db"
    new_org = not (root / "org" / "org.db").exists()
    with demo_connection(root / "org", seed=args.seed, port=args.port) as connected, \
            store_at(db, create=True) as store:
        if new_org:
            _next_second()
        if not args.json:
            out(f"Demo org: {connected.instance_url} (its data and the store: {root})")
        run_sync(store, connected.conn, once=args.once, interval=args.interval,
                 as_json=args.json, demo=True)
        if args.once and not args.json:
            for line in _next_steps(store, db, default):
                out(line)
    return 0


def _next_second() -> None:
    """Wait for the next whole second. Describe's ``If-Modified-Since`` has whole seconds,
    so a schema read in the second the org was made cannot be confirmed unchanged later;
    the next run would read every describe again instead of the one call it should cost."""
    time.sleep(1.0 - time.time() % 1.0 + 0.01)


def _next_steps(store: Store, db: Path, default: bool) -> list[str]:
    where = f"--db {shlex.quote(str(db))}"
    email = None
    if store.table("Lead").exists():
        rows = store.table("Lead").find("Email IS NOT NULL AND _deleted = 0 ORDER BY _lid",
                                        limit=1)
        email = rows[0]["Email"] if rows else None
    who = shlex.quote(str(email)) if email else "EMAIL"
    lines = ["", "Look at the result:",
             f"  sfsync person show {who} {where}",
             f"  sfsync activity {who} {where}",
             f"  sfsync status {where}",
             f"  sfsync fields Lead {where}"]
    if default:
        lines += ["With the demo's default folder, --demo stands for the demo org and store:",
                  "  sfsync person new LastName=Ng Company=Acme Email=ng@example.com --demo",
                  f"  sfsync sync --once --demo; sfsync force-sync {who} --demo"]
    return lines
