"""Fault soak: many sync cycles over a big org while the org misbehaves, for a bounded time.

    .venv/bin/python -m tests.reliability.fault_soak --records 100000 --minutes 10

The org runs in its own process, seeded with ``--records`` Leads and their world. One sync
child runs cycles back to back (first sync included) while, every few seconds, the fault
set changes: one to three faults from the local org's kinds — 401 with the token really
revoked, UNABLE_TO_LOCK_ROW, 500, 503, slow answers, dropped connections, the daily API
allowance reached (REQUEST_LIMIT_EXCEEDED) and describe changes (a field added, field
access taken away and given back) — each firing on a share ``--rate`` of the calls it
matches. A driver keeps edits flowing on both sides meanwhile (``driver.py``). When time
is up the faults go off, the sync runs to quiescence and ``verify.py`` checks agreement,
no loss, no duplicates, no activity holes and no stranded outbox.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sfsync_gui.store import Store

from .driver import Driver, Ledger
from .harness import settle, start_child, wait_child
from .orgproc import AdminApi, OrgProcess
from .verify import Report, verify

#: (kind, where it may strike); paths are searched in the request path
FAULTS = [
    ("invalid_session", ["/query", "/composite", "/sobjects", "/jobs/query"]),
    ("unable_to_lock_row", ["/composite/sobjects"]),
    ("server_error", ["/query", "/composite", "/jobs/query", "/sobjects"]),
    ("service_unavailable", ["/query", "/composite", "/jobs/query"]),
    ("slow", ["/query", "/composite", "/jobs/query"]),
    ("drop", ["/query", "/composite", "/jobs/query", "/sobjects"]),
    ("request_limit", ["/query", "/composite"]),
]


@dataclass
class SoakResult:
    cycles: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    injected: Counter[str] = field(default_factory=Counter)
    describe_changes: list[str] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)
    stuck_in_flight: int = 0
    api_calls: int = 0
    ledger: Ledger = field(default_factory=Ledger)
    driver_ops: dict[str, int] = field(default_factory=dict)
    report: Report | None = None
    seconds: float = 0.0
    soak_seconds: float = 0.0
    fault_sets: int = 0

    @property
    def survived(self) -> int:
        """Faults that fired and left nothing behind: all of them when the run passes."""
        return sum(self.injected.values()) if self.ok else 0

    @property
    def ok(self) -> bool:
        return bool(self.report and self.report.ok and not self.crashes
                    and not self.stuck_in_flight)

    def lines(self) -> list[str]:
        local = len(self.ledger.of("local", "edit")) + len(self.ledger.of("local", "create"))
        out = [
            f"cycles:            {self.cycles} ("
            + ", ".join(f"{k} {v}" for k, v in sorted(self.statuses.items())) + ")",
            f"soak time:         {self.soak_seconds:.0f} s with faults, {self.fault_sets} "
            "fault sets",
            f"faults injected:   {sum(self.injected.values())} ("
            + ", ".join(f"{k} {v}" for k, v in sorted(self.injected.items())) + ")",
            f"describe changes:  {'; '.join(self.describe_changes) or 'none'}",
            f"faults survived:   {self.survived}",
            f"stuck in flight:   {self.stuck_in_flight} cycles ended with changes "
            "still \"sending\" (must be 0)",
            f"crashes:           {len(self.crashes)}",
            f"edits in ledger:   {len(self.ledger.entries)} ({local} local, "
            f"{len(self.ledger.entries) - local} in Salesforce)",
            "driver ops:        " + ", ".join(f"{k} {v}" for k, v in
                                              sorted(self.driver_ops.items())),
            f"API calls (sync):  {self.api_calls}",
        ]
        if self.report:
            out += self.report.lines()
        out.append(f"time:              {self.seconds:.0f} s")
        for c in self.crashes[:3]:
            out.append("crash:\n" + c)
        return out


def _count_fired(admin: AdminApi, res: SoakResult) -> None:
    for f in admin.faults():
        if f["fired"]:
            res.injected[f["kind"]] += f["fired"]


def run(records: int, minutes: float, seed: int, rate: float, workdir: Path, *,
        echo=print) -> SoakResult:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    rng = random.Random(seed)
    res = SoakResult()
    (workdir / "org").mkdir(parents=True, exist_ok=True)
    org = OrgProcess(workdir / "org", records)
    echo(f"org seeded with {records} Leads in {time.monotonic() - started:.0f} s")
    try:
        admin = AdminApi(org.facts)
        db = workdir / "sfsync.db"
        Store(db).close()
        driver = Driver(db, admin, rng, res.ledger)
        env = org.child_env(RELIABILITY_BULK_THRESHOLD="20000",
                            RELIABILITY_BULK_PAGE="10000")
        soak_start = time.monotonic()
        end = soak_start + minutes * 60
        changes = [(0.25, 0), (0.45, 1), (0.65, 2), (0.8, 3)]  # (share of time, change)
        child = start_child(db, env, "--max-seconds", str(minutes * 60))
        seen_lines = 0
        next_set = time.monotonic()
        while time.monotonic() < end:
            now = time.monotonic()
            if changes and now - soak_start >= changes[0][0] * minutes * 60:
                res.describe_changes.append(driver.schema_change(changes.pop(0)[1]))
            if now >= next_set:
                _count_fired(admin, res)
                admin.clear_faults()
                for _ in range(rng.randint(1, 3)):
                    kind, paths = rng.choice(FAULTS)
                    spec: dict = {"path": rng.choice(paths), "rate": rate,
                                  "seed": rng.randrange(1 << 30)}
                    if kind == "slow":
                        spec["delay"] = round(rng.uniform(0.2, 1.5), 2)
                    admin.add_fault(kind, **spec)
                res.fault_sets += 1
                next_set = now + rng.uniform(2.0, 6.0)
            driver.step()
            time.sleep(rng.uniform(0.02, 0.15))
            if not child.alive():
                code = wait_child(child, 5)
                if code != 0:
                    res.crashes.append(f"exit {code}:\n" + "\n".join(child.lines[-25:]))
                res.cycles += child.cycles
                res.api_calls += child.api_calls
                res.stuck_in_flight += child.stuck_in_flight
                res.statuses.update(child.statuses)
                child = start_child(db, env, "--max-seconds", str(max(1, end - now)))
            if len(child.lines) - seen_lines >= 50:
                seen_lines = len(child.lines)
                echo(f"[{now - soak_start:5.0f} s] cycles {res.cycles + child.cycles}, "
                     f"ledger {len(res.ledger.entries)}, injected "
                     f"{sum(res.injected.values())}")
        res.soak_seconds = time.monotonic() - soak_start
        _count_fired(admin, res)
        admin.clear_faults()
        driver.close()
        res.driver_ops = dict(driver.ops)
        code = wait_child(child, 600)
        if code != 0:
            res.crashes.append(f"exit {code}:\n" + "\n".join(child.lines[-25:]))
        res.cycles += child.cycles
        res.api_calls += child.api_calls
        res.stuck_in_flight += child.stuck_in_flight
        res.statuses.update(child.statuses)
        final = settle(db, env)
        res.stuck_in_flight += final.stuck_in_flight
        res.cycles += final.cycles
        res.api_calls += final.api_calls
        res.statuses.update({f"{k} (final run)": v for k, v in final.statuses.items()})
        res.ledger.save(workdir / "ledger.jsonl")
        res.report = verify(db, admin, res.ledger)
    finally:
        org.stop()
    res.seconds = time.monotonic() - started
    return res


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--records", type=int, default=100_000, help="Leads in the seeded org")
    p.add_argument("--minutes", type=float, default=10.0, help="how long faults are on")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--rate", type=float, default=0.15,
                   help="share of matching calls an armed fault strikes")
    p.add_argument("--keep", type=Path, default=None,
                   help="work in this folder and keep it (org, store, ledger)")
    args = p.parse_args(argv)
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="sfsync-soak-"))
    try:
        res = run(args.records, args.minutes, args.seed, args.rate, workdir)
        print("\n".join(res.lines()))
        print("RESULT:", "PASS" if res.ok else "FAIL")
        return 0 if res.ok else 1
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
