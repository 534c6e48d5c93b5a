"""The sync process the reliability harnesses run, kill and restart.

It runs engine cycles in a loop against the org named by ``SFSYNC_*`` variables and prints
each event on its own line (``phase ...``, ``cycle ...``), so the parent knows where a kill
landed. Test-only hook: ``RELIABILITY_KILL_AT=hook:N`` makes the process SIGKILL itself at
the Nth time it passes ``hook`` — points inside the engine's work that a timer rarely hits:

* ``batch``, ``query_page``, ``bulk_page``, ``create``, ``update``, ``count`` — just before
  the call leaves; ``create_returned``/``update_returned`` — Salesforce saved, the store does
  not know yet;
* ``upsert_in_txn`` (a first-sync page written, its checkpoint not committed),
  ``activity_in_txn`` (inside the transaction of a pull, a push result or a link),
  ``marked_sending`` (outbox rows marked as in flight), ``schema`` (describe applied),
  ``backfill_in_txn`` (values of a newly synced field written, not committed).

With ``--until-quiet`` it stops after two cycles in a row that had nothing to do.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections import Counter

from sfsync_gui.salesforce.connection import SalesforceConnection
from sfsync_gui.salesforce.tokens import ClientCredentialsTokens
from sfsync_gui.store import Store
from sfsync_gui.store.models import Outbox
from sfsync_gui.sync import SyncConfig, SyncEngine

#: the objects the harness syncs: the demo-like world without the big activity tables
OBJECTS = {"User": "from_salesforce", "Account": "from_salesforce", "Campaign": "two_way",
           "Contact": "two_way", "Lead": "two_way", "CampaignMember": "two_way",
           "Opportunity": "from_salesforce"}

_phase = ["start"]
_hits: Counter[str] = Counter()
_target: tuple[str, int] | None = None


def hit(name: str) -> None:
    """Count one pass through ``name``; die there when it is the target."""
    _hits[name] += 1
    if _target and _target[0] == name and _hits[name] == _target[1]:
        print(f"selfkill {name}@{_phase[0]}", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)


def install_hooks(conn: SalesforceConnection) -> None:
    """Wrap the connection and the store's transactional writes with kill points."""
    from sfsync_gui.store import store as store_mod
    from sfsync_gui.store.records import RecordTable
    from sfsync_gui.sync import engine as engine_mod
    from sfsync_gui.sync import push as push_mod

    for name in ("batch", "create", "update", "count"):
        orig = getattr(conn, name)

        def wrapped(*a, _orig=orig, _name=name, **kw):  # type: ignore[no-untyped-def]
            hit(_name)
            out = _orig(*a, **kw)
            hit(_name + "_returned")
            return out
        setattr(conn, name, wrapped)

    def paged(name: str, hook: str) -> None:
        orig = getattr(conn, name)

        def gen(*a, **kw):  # type: ignore[no-untyped-def]
            for page in orig(*a, **kw):
                hit(hook)
                yield page
        setattr(conn, name, gen)

    paged("query_pages", "query_page")
    paged("bulk_query", "bulk_page")
    paged("bulk_resume", "bulk_page")

    upsert = RecordTable.upsert_salesforce_rows

    def upsert_hooked(self, *a, **kw):  # type: ignore[no-untyped-def]
        n = upsert(self, *a, **kw)
        hit("upsert_in_txn")
        return n
    RecordTable.upsert_salesforce_rows = upsert_hooked  # type: ignore[method-assign]

    backfill = getattr(RecordTable, "backfill", None)
    if backfill is not None:  # the backfill of newly synced fields, when the engine has one
        def backfill_hooked(self, *a, **kw):  # type: ignore[no-untyped-def]
            n = backfill(self, *a, **kw)
            hit("backfill_in_txn")
            return n
        RecordTable.backfill = backfill_hooked  # type: ignore[attr-defined]

    log = store_mod.Store.log

    def log_hooked(self, *a, **kw):  # type: ignore[no-untyped-def]
        log(self, *a, **kw)
        if self.db.in_transaction():
            hit("activity_in_txn")
    store_mod.Store.log = log_hooked  # type: ignore[method-assign]

    mark = push_mod.Pusher._mark_sending

    def mark_hooked(self, chunk):  # type: ignore[no-untyped-def]
        mark(self, chunk)
        hit("marked_sending")
    push_mod.Pusher._mark_sending = mark_hooked  # type: ignore[method-assign]

    describe = engine_mod.apply_describe

    def describe_hooked(*a, **kw):  # type: ignore[no-untyped-def]
        out = describe(*a, **kw)
        hit("schema")
        return out
    engine_mod.apply_describe = describe_hooked


def main() -> int:
    global _target
    p = argparse.ArgumentParser()
    p.add_argument("db")
    p.add_argument("--until-quiet", action="store_true")
    p.add_argument("--max-seconds", type=float, default=0)
    p.add_argument("--pause", type=float, default=0.2)
    args = p.parse_args()
    env = os.environ
    if env.get("RELIABILITY_KILL_AT"):
        hook, _, n = env["RELIABILITY_KILL_AT"].partition(":")
        _target = (hook, int(n))
    tokens = ClientCredentialsTokens(env["SFSYNC_LOGIN_URL"], env["SFSYNC_CLIENT_ID"],
                                     env["SFSYNC_CLIENT_SECRET"], ca_file=env["SFSYNC_CA_FILE"])
    conn = SalesforceConnection(tokens, ca_file=env["SFSYNC_CA_FILE"], bulk_poll_initial=0.1,
                                bulk_poll_max=0.5)
    install_hooks(conn)
    store = Store(args.db)
    config = SyncConfig(objects=dict(OBJECTS),
                        bulk_threshold=int(env.get("RELIABILITY_BULK_THRESHOLD", "1000")),
                        bulk_page_records=int(env.get("RELIABILITY_BULK_PAGE", "500")),
                        overlap_seconds=int(env.get("RELIABILITY_OVERLAP", "300")),
                        backoff_base=0.2, backoff_cap=1.0,
                        reconcile_every_seconds=float(env.get("RELIABILITY_RECONCILE", "60")),
                        deleted_check_every=30)

    def events(kind: str, payload: object) -> None:
        if kind == "phase":
            _phase[0] = str(payload)
            print(f"phase {payload}", flush=True)

    engine = SyncEngine(store, conn, config, events=events)
    started = time.monotonic()
    quiet = 0
    while True:
        s = engine.run_cycle("manual")
        work = sum(o.new + o.updated + o.deleted + o.pushed + o.conflicts
                   for o in s.objects.values())
        waiting = Outbox.select().where(Outbox.state != "failed").count()
        # between cycles nothing is in flight: a row left "sending" waits for a restart
        sending = Outbox.select().where(Outbox.state == "sending").count()
        print(f"cycle {s.status} calls={s.api_calls} work={work} failed={s.failures} "
              f"waiting={waiting} sending={sending} msg={s.message[:160]!r}", flush=True)
        quiet = quiet + 1 if s.status == "ok" and work == 0 and waiting == 0 else 0
        if args.until_quiet and quiet >= 2:
            print("quiet", flush=True)
            return 0
        if args.max_seconds and time.monotonic() - started > args.max_seconds:
            print("time is up", flush=True)
            return 3 if args.until_quiet else 0
        time.sleep(args.pause)


if __name__ == "__main__":
    sys.exit(main())
