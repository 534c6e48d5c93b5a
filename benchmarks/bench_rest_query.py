"""Benchmark: the local org's REST query path through simple-salesforce over HTTPS.

Measures, on an org seeded with ``--leads`` Leads:
  * a full paged query of every Lead (all visible fields), records/s;
  * a ``SystemModstamp >`` query that returns ``--tail`` rows (latency, median and p95).

Usage:
  python benchmarks/bench_rest_query.py --leads 100000
  python benchmarks/bench_rest_query.py --leads 1000000 --data /tmp/org1m --skip-full

``--data`` keeps the seeded org between runs (seeding 1M Leads takes a while).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

import requests
from simple_salesforce import Salesforce

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sfsync_gui.localorg.server import start_local_org


def _client(org) -> Salesforce:
    s = requests.Session()
    s.trust_env = False
    s.verify = org.facts.ca_file
    tok = s.post(org.facts.login_url + "/services/oauth2/token", data={
        "grant_type": "client_credentials", "client_id": org.facts.client_id,
        "client_secret": org.facts.client_secret}).json()
    return Salesforce(instance_url=tok["instance_url"], session_id=tok["access_token"],
                      session=s)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--leads", type=int, default=100_000)
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--tail", type=int, default=100)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--skip-full", action="store_true")
    args = ap.parse_args()

    print(f"machine: {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    t0 = time.perf_counter()
    org = start_local_org(args.data, seed=args.leads)
    print(f"org ready in {time.perf_counter() - t0:.1f} s (includes seeding when new)")
    try:
        sf = _client(org)
        fields = [f["name"] for f in sf.Lead.describe()["fields"]]
        if not args.skip_full:
            soql = f"SELECT {', '.join(fields)} FROM Lead"
            t0 = time.perf_counter()
            n = 0
            res = sf.query(soql)
            n += len(res["records"])
            pages = 1
            while not res["done"]:
                res = sf.query_more(res["nextRecordsUrl"], identifier_is_url=True)
                n += len(res["records"])
                pages += 1
            dt = time.perf_counter() - t0
            print(f"full paged query: {n} Leads x {len(fields)} fields in {pages} pages, "
                  f"{dt:.1f} s, {n / dt:,.0f} records/s")
        # the newest stamp that leaves at least `tail` newer rows (stamps repeat: records
        # written together share one)
        with org.org.lock:
            newer = 0
            row = None
            for stamp_value, count in org.org.conn.execute(
                'SELECT SystemModstamp, COUNT(*) FROM "Lead" WHERE IsDeleted = 0 '
                "GROUP BY SystemModstamp ORDER BY SystemModstamp DESC"
            ):
                if newer >= args.tail:
                    row = (stamp_value,)
                    break
                newer += count
        stamp = row[0].replace("+0000", "Z")
        soql = (f"SELECT Id, Email, SystemModstamp FROM Lead WHERE SystemModstamp > {stamp} "
                "ORDER BY SystemModstamp, Id")
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            res = sf.query(soql)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        p95 = times[max(0, int(len(times) * 0.95) - 1)]
        print(f"SystemModstamp > query: {res['totalSize']} rows of {args.leads} Leads, "
              f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms "
              f"({args.runs} runs)")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS of this process (client + in-process server): {rss:.0f} MB")
    finally:
        org.stop()


if __name__ == "__main__":
    main()
