"""Kill anywhere: SIGKILL the sync at random points, over and over, with edits flowing.

    .venv/bin/python -m tests.reliability.kill_anywhere --kills 50 --seed 1

The org runs in its own process (seeded with ``--records`` Leads and their world). A driver
keeps edits flowing on both sides and records them in a ledger (``driver.py``). The sync
runs as a child process (``sync_child.py``) that is killed ``--kills`` times in a row —
half the time by a timer, half the time by itself at the Nth pass of a named point inside
the engine (a first-sync page written but not committed, a create Salesforce saved that
the store does not know of yet...) — and restarted each time. Slow faults now and then
stretch a phase so kills land inside it; describe changes (a new field, access lost and
back) happen mid-run. Then faults go off, the sync runs to quiescence, and ``verify.py``
checks agreement, no loss, no duplicates, no activity holes, no stranded outbox.
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

#: (kill point, highest N): where a self-kill may be asked for
HOOKS = [("batch", 3), ("query_page", 25), ("create", 2),
         ("create_returned", 2), ("update", 3), ("update_returned", 3),
         ("upsert_in_txn", 8), ("activity_in_txn", 150), ("marked_sending", 3),
         ("schema", 6), ("backfill_in_txn", 4)]
#: the points a first sync passes through
FIRST_SYNC_HOOKS = [("query_page", 6), ("bulk_page", 8), ("count", 4), ("upsert_in_txn", 12),
                    ("schema", 6)]


@dataclass
class KillResult:
    kills: int = 0
    restarts: int = 0
    landed: Counter[str] = field(default_factory=Counter)
    hooks_hit: Counter[str] = field(default_factory=Counter)
    crashes: list[str] = field(default_factory=list)
    stuck_in_flight: int = 0
    schema_changes: list[str] = field(default_factory=list)
    slow_faults: int = 0
    api_calls: int = 0
    ledger: Ledger = field(default_factory=Ledger)
    driver_ops: dict[str, int] = field(default_factory=dict)
    report: Report | None = None
    seconds: float = 0.0
    final_cycles: int = 0

    def lines(self) -> list[str]:
        local = len(self.ledger.of("local", "edit")) + len(self.ledger.of("local", "create"))
        out = [
            f"kills:             {self.kills}",
            f"restarts:          {self.restarts} (+1 final run, {self.final_cycles} cycles)",
            f"stuck in flight:   {self.stuck_in_flight} cycles ended with changes "
            "still \"sending\" (must be 0)",
            f"crashes:           {len(self.crashes)}  (a child that died by itself)",
            f"edits in ledger:   {len(self.ledger.entries)} ({local} local, "
            f"{len(self.ledger.entries) - local} in Salesforce)",
            "driver ops:        " + ", ".join(f"{k} {v}" for k, v in
                                              sorted(self.driver_ops.items())),
            f"schema changes:    {'; '.join(self.schema_changes) or 'none'}",
            f"slow faults armed: {self.slow_faults}",
            f"API calls (sync):  {self.api_calls}",
            "where kills landed (point@phase):",
        ]
        out += [f"  {n:3d}  {k}" for k, n in self.landed.most_common()]
        out.append("self-kill points hit: " + ", ".join(
            f"{k} {v}" for k, v in sorted(self.hooks_hit.items())))
        if self.report:
            out += self.report.lines()
        out.append(f"time:              {self.seconds:.0f} s")
        for c in self.crashes[:3]:
            out.append("crash:\n" + c)
        return out

    @property
    def ok(self) -> bool:
        return bool(self.report and self.report.ok and not self.crashes
                    and not self.stuck_in_flight)


def run(kills: int, seed: int, records: int, workdir: Path, *,
        echo=print) -> KillResult:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    rng = random.Random(seed)
    res = KillResult()
    (workdir / "org").mkdir(parents=True, exist_ok=True)
    org = OrgProcess(workdir / "org", records)
    try:
        admin = AdminApi(org.facts)
        db = workdir / "sfsync.db"
        Store(db).close()  # created and migrated once, before two processes open it
        driver = Driver(db, admin, rng, res.ledger)
        env = org.child_env(RELIABILITY_BULK_THRESHOLD="1000", RELIABILITY_BULK_PAGE="400")
        schema_at = {max(1, kills * k // 5): k - 1 for k in (1, 2, 3, 4)}
        first_sync_rounds = max(2, kills // 5)
        for i in range(kills):
            admin.clear_faults()
            if i in schema_at:
                res.schema_changes.append(driver.schema_change(schema_at[i]))
            first = i < first_sync_rounds
            if first:
                # stretch the first sync over several rounds: every page is slow
                for path in ("/jobs/query", "/query"):
                    admin.add_fault("slow", path=path, method="GET",
                                    delay=round(rng.uniform(0.15, 0.35), 2))
            elif rng.random() < 0.3:
                path, method = rng.choice([("composite/sobjects", "POST"),
                                           ("composite/sobjects", "PATCH"),
                                           ("/query", "GET"), ("/jobs/query", "GET")])
                admin.add_fault("slow", path=path, method=method,
                                delay=round(rng.uniform(0.5, 2.0), 2),
                                times=rng.randint(1, 3), after=rng.randint(0, 3))
                res.slow_faults += 1
            hook = None
            if rng.random() < 0.5:
                name, top = rng.choice(FIRST_SYNC_HOOKS if first else HOOKS)
                hook = f"{name}:{rng.randint(1, top)}"
                deadline = time.monotonic() + 9
            else:
                deadline = time.monotonic() + rng.uniform(1.5 if first else 0.8, 6.0)
            child = start_child(db, {**env, "RELIABILITY_KILL_AT": hook or ""})
            while child.alive() and time.monotonic() < deadline:
                driver.step()
                time.sleep(rng.uniform(0.01, 0.12))
            if child.alive():
                child.proc.kill()
                how = "timer" if hook is None else "timer(hook missed)"
                landed = f"{how}@{child.phase}"
            else:
                landed = ""
            code = wait_child(child, 30)
            time.sleep(0.05)
            if not landed:
                if child.selfkill:
                    landed = child.selfkill
                    res.hooks_hit[child.selfkill.split("@")[0]] += 1
                else:
                    res.crashes.append(f"exit {code}:\n" + "\n".join(child.lines[-25:]))
                    landed = f"crash@{child.phase}"
            res.landed[landed] += 1
            res.kills += 1 if code == -9 else 0
            res.restarts += 1
            res.api_calls += child.api_calls
            res.stuck_in_flight += child.stuck_in_flight
            echo(f"[{i + 1}/{kills}] {landed} (cycles {child.cycles}, "
                 f"ledger {len(res.ledger.entries)})")
        admin.clear_faults()
        driver.close()
        res.driver_ops = dict(driver.ops)
        final = settle(db, env)
        res.final_cycles = final.cycles
        res.stuck_in_flight += final.stuck_in_flight
        res.api_calls += final.api_calls
        res.ledger.save(workdir / "ledger.jsonl")
        res.report = verify(db, admin, res.ledger)
    finally:
        org.stop()
    res.seconds = time.monotonic() - started
    return res


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--kills", type=int, default=50)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--records", type=int, default=3000, help="Leads in the seeded org")
    p.add_argument("--keep", type=Path, default=None,
                   help="work in this folder and keep it (org, store, ledger)")
    args = p.parse_args(argv)
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="sfsync-kill-"))
    try:
        res = run(args.kills, args.seed, args.records, workdir)
        print("\n".join(res.lines()))
        print("RESULT:", "PASS" if res.ok else "FAIL")
        return 0 if res.ok else 1
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
