"""Benchmark: the sync engine against a local org running in its own process.

Measures, for an org seeded with ``--leads`` Leads:
  * the first sync of Leads over REST and over Bulk 2.0: records/s and client CPU, beside
    the floor for the same rows (``json.loads`` of the same REST pages plus ``executemany``
    into SQLite);
  * API calls: the first sync, a no-change cycle, a cycle with ``--changes`` changes on each
    side; a push of ``--push`` local changes (calls and records per call);
  * force-sync latency (median of 10).

Usage:
  python benchmarks/bench_sync.py --leads 100000 --data /tmp/org100k
  python benchmarks/bench_sync.py --leads 1000000 --data /tmp/org1m --skip-rest

The org runs as ``python -m sfsync_gui.cli localorg serve`` so client CPU is ours alone.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import requests

from sfsync_gui.salesforce.connection import SalesforceConnection
from sfsync_gui.salesforce.tokens import ClientCredentialsTokens
from sfsync_gui.store import Store
from sfsync_gui.sync import SyncConfig, SyncEngine


def serve(data: Path, leads: int, api_limit: int) -> tuple[subprocess.Popen, dict]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "sfsync_gui.cli", "localorg", "serve", "--data", str(data),
         "--seed", str(leads), "--api-limit", str(api_limit)],
        stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    facts = json.loads(proc.stdout.readline())
    return proc, facts


def connection(facts: dict) -> SalesforceConnection:
    tokens = ClientCredentialsTokens(facts["login_url"], facts["client_id"],
                                     facts["client_secret"], ca_file=facts["ca_file"])
    return SalesforceConnection(tokens, ca_file=facts["ca_file"])


def first_sync(facts: dict, *, bulk: bool, workdir: Path) -> tuple[Store, SyncEngine, dict]:
    store = Store(workdir / ("bulk.db" if bulk else "rest.db"))
    conn = connection(facts)
    config = SyncConfig(objects={"Lead": "two_way"},
                        bulk_threshold=1 if bulk else 10**12)
    engine = SyncEngine(store, conn, config)
    cpu0, t0 = time.process_time(), time.perf_counter()
    summary = engine.run_cycle("once")
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - t0
    n = store.table("Lead").count()
    return store, engine, {"records": n, "wall_s": wall, "cpu_s": cpu,
                           "records_per_s": n / wall, "api_calls": summary.api_calls,
                           "status": summary.status}


def floor(facts: dict, fields: list[str], workdir: Path) -> dict:
    """json.loads of the same REST pages plus executemany into SQLite (CPU only)."""
    s = requests.Session()
    s.trust_env = False
    s.verify = facts["ca_file"]
    tok = s.post(facts["login_url"] + "/services/oauth2/token", data={
        "grant_type": "client_credentials", "client_id": facts["client_id"],
        "client_secret": facts["client_secret"]}).json()
    h = {"Authorization": "Bearer " + tok["access_token"]}
    url = (facts["instance_url"] + "/services/data/v59.0/queryAll/?q="
           + requests.utils.quote(f"SELECT {', '.join(fields)} FROM Lead"))
    bodies = []
    while url:
        body = s.get(url, headers=h).content
        bodies.append(body)
        nxt = json.loads(body).get("nextRecordsUrl")
        url = facts["instance_url"] + nxt if nxt else None
    db = sqlite3.connect(workdir / "floor.db")
    db.execute(f"CREATE TABLE t ({', '.join(f'c{i}' for i in range(len(fields)))})")
    sql = f"INSERT INTO t VALUES ({', '.join('?' for _ in fields)})"
    cpu0 = time.process_time()
    n = 0
    with db:
        for body in bodies:
            records = json.loads(body)["records"]
            db.executemany(sql, [tuple(r.get(f) for f in fields) for r in records])
            n += len(records)
    return {"records": n, "cpu_s": time.process_time() - cpu0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--leads", type=int, default=100_000)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--changes", type=int, default=1000)
    ap.add_argument("--push", type=int, default=10_000)
    ap.add_argument("--skip-rest", action="store_true")
    args = ap.parse_args()
    print(f"machine: {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    proc, facts = serve(args.data, args.leads, api_limit=10**9)
    workdir = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    try:
        results: dict = {}
        if not args.skip_rest:
            store, engine, results["rest"] = first_sync(facts, bulk=False, workdir=workdir)
            print("first sync REST:", results["rest"])
            store.close()
        store, engine, results["bulk"] = first_sync(facts, bulk=True, workdir=workdir)
        print("first sync Bulk 2.0:", results["bulk"])
        fields = ["Id", "SystemModstamp", "IsDeleted", *engine._schemas["Lead"].fields]
        results["floor"] = floor(facts, fields, workdir)
        print("floor (json.loads + executemany):", results["floor"])

        summary = engine.run_cycle()
        print(f"no-change cycle: {summary.api_calls} API call(s)")

        # changes on both sides
        # another app edits "in Salesforce" (through its own connection)
        admin = connection(facts)
        rows = store.table("Lead").find("_deleted = 0 AND IsConverted = 0", limit=2 * args.changes)
        ids = [r["_sf_id"] for r in rows]
        remote_ids, local_ids = ids[:args.changes], ids[args.changes:2 * args.changes]
        # values of this run: an org kept from an earlier run has that run's values already
        tag = time.strftime("%H%M%S")
        admin.update([{"attributes": {"type": "Lead"}, "Id": i, "Title": f"remote {tag}"}
                      for i in remote_ids])
        for sf_id in local_ids:
            row = store.table("Lead").get_by_sf_id(sf_id)
            store.local_edit("Lead", row["_lid"], {"Title": f"local {tag}"})
        t0 = time.perf_counter()
        summary = engine.run_cycle()
        print(f"cycle with {args.changes} changes each side: {summary.api_calls} API calls, "
              f"{time.perf_counter() - t0:.1f} s, pushed {summary.objects['Lead'].pushed}, "
              f"pulled {summary.objects['Lead'].updated}")

        # a push of many local changes
        rows = store.table("Lead").find("_deleted = 0 AND IsConverted = 0", limit=args.push)
        for row in rows:
            store.local_edit("Lead", row["_lid"], {"City": f"Pushville {tag}"})
        calls0 = engine._calls()
        t0 = time.perf_counter()
        summary = engine.run_cycle()
        calls = engine._calls() - calls0
        pushed = summary.objects["Lead"].pushed
        print(f"push of {pushed} changes: {calls} API calls in the cycle "
              f"({pushed / max(1, calls - 2):.0f} records per write call), "
              f"{time.perf_counter() - t0:.1f} s")

        # force sync latency
        emails = [r["Email"] for r in rows[:10] if r.get("Email")]
        lat = []
        for e in emails:
            t0 = time.perf_counter()
            engine.force_sync(e)
            lat.append((time.perf_counter() - t0) * 1000)
        print(f"force sync: median {statistics.median(lat):.0f} ms, max {max(lat):.0f} ms "
              f"({len(lat)} persons)")
        store.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
