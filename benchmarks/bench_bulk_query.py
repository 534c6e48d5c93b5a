"""Benchmark: a Bulk API 2.0 query of every Lead beside the REST paged query of the same rows.

The org runs as its own process (this script with ``--serve``: what ``sfsync localorg
serve`` does), so the figures include real HTTPS between two processes and the server's
memory can be sampled on its own: its RSS is read from ``/proc/<pid>/status`` every 20 ms
during each phase.

Both phases use simple-salesforce as an app would: ``sf.bulk2.Lead.query`` (the job is
created, polled, then every page fetched; each page's CSV is parsed with ``csv``) and
``sf.query`` / ``sf.query_more`` (JSON parsed by the client). Both select all the fields
the sync user can read.

Usage:
  python benchmarks/bench_bulk_query.py --leads 100000
  python benchmarks/bench_bulk_query.py --leads 1000000 --data /tmp/org1m

``--data`` keeps the seeded org between runs (seeding 1M Leads takes a while; the seed is
only used when the folder is new).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import platform
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests
from simple_salesforce import Salesforce

ROOT = Path(__file__).resolve().parents[1]


class RssSampler:
    """Samples a process's resident memory (VmRSS, in MB) in a background thread."""

    def __init__(self, pid: int, interval: float = 0.02) -> None:
        self.pid = pid
        self.interval = interval
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def __enter__(self) -> RssSampler:
        self.peak = self.rss_mb()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak = max(self.peak, self.rss_mb())

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        assert self._thread is not None
        self._thread.join()
        self.peak = max(self.peak, self.rss_mb())


def serve(data: Path | None, leads: int) -> None:
    """The child: what ``sfsync localorg serve`` does (start the org, print its facts as
    one JSON line, serve until SIGTERM), without depending on the CLI module."""
    sys.path.insert(0, str(ROOT))
    from sfsync_gui.localorg.server import start_local_org

    running = start_local_org(data, seed=leads, api_limit=1_000_000)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    print(json.dumps(running.facts.to_json_dict()), flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        running.stop()


def start_server(data: Path | None, leads: int) -> tuple[subprocess.Popen, dict]:
    """The org in a child process; returns it and its facts line."""
    cmd = [sys.executable, __file__, "--serve", "--leads", str(leads)]
    if data is not None:
        cmd += ["--data", str(data)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        proc.wait()
        raise SystemExit(f"the org did not start (exit code {proc.returncode})")
    return proc, json.loads(line)


def client(facts: dict) -> Salesforce:
    s = requests.Session()
    s.trust_env = False
    s.verify = facts["ca_file"]
    tok = s.post(facts["login_url"] + "/services/oauth2/token", data={
        "grant_type": "client_credentials", "client_id": facts["client_id"],
        "client_secret": facts["client_secret"]}).json()
    return Salesforce(instance_url=tok["instance_url"], session_id=tok["access_token"],
                      session=s)


def bulk_query(sf: Salesforce, soql: str, max_records: int) -> tuple[int, int, float]:
    """Every page of a Bulk 2.0 query, parsed; (records, pages, seconds to the first
    page: job creation, polling until JobComplete and the first download)."""
    n = pages = 0
    t0 = time.perf_counter()
    first = 0.0
    for page in sf.bulk2.Lead.query(soql, max_records=max_records, wait=0.2):
        if not pages:
            first = time.perf_counter() - t0
        rows = csv.reader(io.StringIO(page))
        next(rows)  # the header
        n += sum(1 for _ in rows)
        pages += 1
    return n, pages, first


def rest_query(sf: Salesforce, soql: str) -> tuple[int, int]:
    """Every page of a REST query; (records, pages)."""
    res = sf.query(soql)
    n, pages = len(res["records"]), 1
    while not res["done"]:
        res = sf.query_more(res["nextRecordsUrl"], identifier_is_url=True)
        n += len(res["records"])
        pages += 1
    return n, pages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--leads", type=int, default=100_000)
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--max-records", type=int, default=50_000,
                    help="Bulk results page size (simple-salesforce's default 50,000)")
    ap.add_argument("--skip-rest", action="store_true")
    ap.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(args.data, args.leads)
        return

    print(f"machine: {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    t0 = time.perf_counter()
    proc, facts = start_server(args.data, args.leads)
    print(f"org ready in {time.perf_counter() - t0:.1f} s (includes seeding when new), "
          f"server pid {proc.pid}")
    sampler = RssSampler(proc.pid)
    try:
        sf = client(facts)
        fields = [f["name"] for f in sf.Lead.describe()["fields"]]
        soql = f"SELECT {', '.join(fields)} FROM Lead"
        print(f"server RSS at rest: {sampler.rss_mb():.0f} MB")

        with sampler:
            t0 = time.perf_counter()
            n, pages, first = bulk_query(sf, soql, args.max_records)
            dt = time.perf_counter() - t0
        print(f"bulk2 query: {n} Leads x {len(fields)} fields in {pages} pages of "
              f"{args.max_records}, {dt:.1f} s ({first:.1f} s to the first page), "
              f"{n / dt:,.0f} records/s; server peak RSS {sampler.peak:.0f} MB")

        if not args.skip_rest:
            with sampler:
                t0 = time.perf_counter()
                n, pages = rest_query(sf, soql)
                dt = time.perf_counter() - t0
            print(f"REST query:  {n} Leads x {len(fields)} fields in {pages} pages, "
                  f"{dt:.1f} s, {n / dt:,.0f} records/s; server peak RSS {sampler.peak:.0f} MB")
    finally:
        proc.terminate()
        proc.wait(30)


if __name__ == "__main__":
    main()
