"""Benchmark: seeding the local org with N Leads and their world.

Seeds a fresh SQLite file (the org's own layout and pragmas) in a temporary folder and
prints, per table, the rows and the time spent writing them (for Leads that includes
generating them: the rows stream from a generator into ``executemany``), the index
rebuilds, the total and the file size.

Usage:
  python benchmarks/bench_seed.py --n 100000
  python benchmarks/bench_seed.py --n 1000000 --keep /tmp/org1m.db
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sfsync_gui.localorg import storage
from sfsync_gui.localorg.schema import build_catalog
from sfsync_gui.localorg.seed import SeedUser, seed

ADMIN = SeedUser("admin@sfsync.local", "Ada", "Admin", "admin@sfsync.example",
                 "System Administrator")
SYNC = SeedUser("sync@sfsync.local", "Sync", "Integration", "sync@sfsync.example",
                "Integration User")


class _Timings(logging.Handler):
    """Collects the seed's DEBUG timings (``table %s: %d rows in %.3f s`` and
    ``indexes: %d rebuilt in %.3f s``)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.tables: list[tuple[str, int, float]] = []
        self.indexes: list[tuple[int, float]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg.startswith("table "):
            self.tables.append(record.args)  # type: ignore[arg-type]
        elif record.msg.startswith("indexes: "):
            self.indexes.append(record.args)  # type: ignore[arg-type]


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="Leads to seed")
    ap.add_argument("--keep", type=Path, default=None,
                    help="copy the seeded database here (default: thrown away)")
    args = ap.parse_args()

    print(f"machine: {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, load {os.getloadavg()[0]:.2f}")
    timings = _Timings()
    logger = logging.getLogger("sfsync_gui.localorg.seed")
    logger.addHandler(timings)
    logger.setLevel(logging.DEBUG)
    with tempfile.TemporaryDirectory(prefix="bench-seed-") as folder:
        path = Path(folder) / "org.db"
        catalog = build_catalog()
        conn = storage.connect(str(path))
        storage.create_tables(conn, catalog)
        wall, cpu = time.perf_counter(), time.process_time()
        summary = seed(conn, catalog, args.n, now=datetime.now(UTC), admin=ADMIN,
                       sync_user=SYNC)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        conn.close()  # checkpoints the WAL into the file
        size = _size(path)
        if args.keep:
            shutil.copyfile(path, args.keep)

    print(f"\n{'table':<24}{'rows':>10}{'seconds':>10}{'rows/s':>12}")
    for name, rows, seconds in timings.tables:
        rate = f"{rows / seconds:,.0f}" if seconds else "-"
        print(f"{name:<24}{rows:>10,}{seconds:>10.2f}{rate:>12}")
    for count, seconds in timings.indexes:
        print(f"{f'{count} indexes rebuilt':<34}{seconds:>10.2f}")
    total = sum(summary.counts.values())
    print(f"\nLeads: {args.n:,}; records: {total:,}")
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"total: {wall:.1f} s wall; CPU {cpu:.1f} s in this process, "
          f"{children.ru_utime + children.ru_stime:.1f} s in the row generator's process; "
          f"{total / wall:,.0f} records/s")
    print(f"file: {size / 1e6:,.0f} MB; peak memory {_peak_mb():,.0f} MB (this process), "
          f"{children.ru_maxrss / 1024:,.0f} MB (generator)")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
