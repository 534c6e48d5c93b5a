"""A sync process killed (SIGKILL) mid-first-sync and mid-push, then restarted: nothing
lost, nothing duplicated in Salesforce."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from sfsync_gui.localorg.server import RunningOrg, start_local_org
from sfsync_gui.store import Store, SyncState

from ..localorg.conftest import connect

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def big_org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningOrg]:
    running = start_local_org(tmp_path_factory.mktemp("org"), seed=12000)
    yield running
    running.stop()


def child_env(org: RunningOrg, **extra: str) -> dict[str, str]:
    f = org.facts
    return {**os.environ, "SFSYNC_LOGIN_URL": f.login_url, "SFSYNC_CLIENT_ID": f.client_id,
            "SFSYNC_CLIENT_SECRET": f.client_secret, "SFSYNC_CA_FILE": f.ca_file,
            "PYTHONPATH": str(ROOT), **extra}


def run_child(db: Path, env: dict[str, str], *, kill_after: str | None = None,
              count: int = 1, delay: float = 0.0) -> tuple[int, list[str]]:
    """Run the child; with ``kill_after``, SIGKILL it ``delay`` seconds after that prefix
    was printed ``count`` times. Returns (exit status, lines)."""
    proc = subprocess.Popen([sys.executable, "-m", "tests.sync.child_sync", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=env, cwd=ROOT)
    lines: list[str] = []
    seen = 0
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.append(line.rstrip())
        if kill_after and line.startswith(kill_after):
            seen += 1
            if seen >= count:
                time.sleep(delay)
                proc.kill()
                break
    proc.wait(timeout=120)
    return proc.returncode, lines


@pytest.mark.parametrize("bulk", [False, True], ids=["rest", "bulk"])
def test_killed_first_sync_resumes_without_loss(big_org: RunningOrg, tmp_path: Path,
                                                bulk: bool) -> None:
    db = tmp_path / "sfsync.db"
    env = child_env(big_org, CHILD_BULK_THRESHOLD="5000" if bulk else "1000000",
                    CHILD_BULK_PAGE="2000")
    code, lines = run_child(db, env, kill_after="progress ('Lead'", count=2)
    assert code == -9, lines[-5:]
    store = Store(db)
    partial = store.table("Lead").count()
    store.close()
    assert 0 < partial < 12000
    code, lines = run_child(db, env)
    assert code == 0, lines[-5:]
    remote = connect(big_org).query("SELECT COUNT() FROM Lead")["totalSize"]
    store = Store(db)
    try:
        assert store.table("Lead").count("_deleted = 0") == remote
        # resumed, not restarted: the second run's first Lead progress starts past zero
        first = next(ln for ln in lines if ln.startswith("progress ('Lead'"))
        done = int(first.split(",")[1])
        assert done > 2000
    finally:
        store.close()


def test_killed_push_creates_no_duplicates(big_org: RunningOrg, tmp_path: Path) -> None:
    db = tmp_path / "sfsync.db"
    env = child_env(big_org)
    code, _ = run_child(db, env)
    assert code == 0
    tag = uuid.uuid4().hex[:8]
    store = Store(db)
    for i in range(450):
        store.create_local("Lead", {"LastName": f"Kill{tag}", "Company": "K",
                                    "Email": f"kill.{tag}.{i}@example.org"})
    store.close()
    # the second create call is slow; the process dies while Salesforce still saves it,
    # so Salesforce has records whose Ids never reached the store
    big_org.control.add_fault("slow", path="composite/sobjects", method="POST", delay=2.0,
                              after=1, times=1)
    try:
        code, lines = run_child(db, env, kill_after="phase pushing Lead", delay=1.2)
        assert code == -9
    finally:
        big_org.control.clear_faults()
    time.sleep(1.5)  # let the org finish the request the dead process sent
    sf = connect(big_org)
    created_meanwhile = sf.query(
        f"SELECT COUNT() FROM Lead WHERE LastName = 'Kill{tag}'")["totalSize"]
    assert created_meanwhile > 0
    code, lines = run_child(db, env)
    assert code == 0, lines[-5:]
    sf = connect(big_org)
    remote = sf.query(f"SELECT COUNT() FROM Lead WHERE LastName = 'Kill{tag}'")["totalSize"]
    assert remote == 450
    store = Store(db)
    try:
        rows = store.table("Lead").find("LastName = ? AND _deleted = 0", (f"Kill{tag}",),
                                        limit=1000)
        assert len(rows) == 450
        assert all(r["_state"] == SyncState.SYNCED and r["_sf_id"] for r in rows)
        assert len({r["_sf_id"] for r in rows}) == 450
    finally:
        store.close()


@pytest.mark.parametrize("bulk", [False, True], ids=["rest", "bulk"])
def test_killed_backfill_resumes_without_reading_twice(big_org: RunningOrg, tmp_path: Path,
                                                       bulk: bool) -> None:
    """Read access granted on a field of 12,000 synced Leads: the process is killed in the
    middle of the backfill; the next run finishes it from its checkpoint."""
    from sfsync_gui.store.models import Activity, Backfill

    db = tmp_path / "sfsync.db"
    env = child_env(big_org, CHILD_BULK_THRESHOLD="5000" if bulk else "1000000",
                    CHILD_BULK_PAGE="2000")
    code, lines = run_child(db, env)
    assert code == 0, lines[-5:]
    big_org.control.set_access("Lead", "AnnualRevenue", readable=True, editable=False)
    try:
        code, lines = run_child(db, env, kill_after="progress ('Lead'", count=2)
        assert code == -9, lines[-5:]
        assert "phase backfilling Lead" in lines
        store = Store(db)
        try:
            row = Backfill.get_by_id("Lead")
            assert 0 < row.done < row.total and row.checkpoint
            assert ('"mode": "bulk"' in row.checkpoint) is bulk
        finally:
            store.close()
        code, lines = run_child(db, env)
        assert code == 0, lines[-5:]
        first = next(ln for ln in lines if ln.startswith("progress ('Lead'"))
        assert int(first.split(",")[1]) > 2000  # resumed, not restarted
        sf = connect(big_org, user="admin")
        remote = {r["Id"]: r["AnnualRevenue"] for r in sf.query_all(
            "SELECT Id, AnnualRevenue FROM Lead")["records"]}
    finally:
        big_org.control.set_access("Lead", "AnnualRevenue", readable=False)
    store = Store(db)
    try:
        rows = store.table("Lead").find("_deleted = 0", limit=10**6)
        assert {r["_sf_id"]: r["AnnualRevenue"] for r in rows} == remote
        (entry,) = Activity.select().where(Activity.kind == "backfilled")
        assert f'"records": {len(remote)}' in entry.detail  # every record read once
        assert not Backfill.select().exists()
    finally:
        store.close()
