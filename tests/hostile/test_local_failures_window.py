"""The window's sync worker meets a damaged or locked database file: a message naming the
file and what to do (the ``failed`` signal the window shows), never the crash dialog."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from sfsync_gui.localorg.server import RunningOrg, start_local_org
from sfsync_gui.ui.controller import SyncController
from sfsync_gui.ui.source import org_source

from ..gui.conftest import english, no_thread_left, private_settings  # noqa: F401 - fixtures


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningOrg]:
    running = start_local_org(tmp_path_factory.mktemp("window-db-org"), seed=10)
    yield running
    running.stop()


def _run_worker(qtbot, org: RunningOrg, db: Path) -> tuple[list[str], list[str]]:
    c = SyncController()
    crashed: list[str] = []
    failed: list[str] = []
    c.crashed.connect(crashed.append)
    c.failed.connect(failed.append)
    with qtbot.waitSignal(c.stopped, timeout=30_000):
        c.start(org_source(org.facts, db), interval=3600.0)
    return failed, crashed


def test_a_damaged_database_is_a_message_in_the_window(qtbot, org: RunningOrg,
                                                       tmp_path: Path) -> None:
    db = tmp_path / "sfsync.db"
    db.write_bytes(b"this is not an SQLite database" * 200)
    failed, crashed = _run_worker(qtbot, org, db)
    assert not crashed
    assert failed and str(db) in failed[0] and "damaged" in failed[0]
    assert "db check" in failed[0]


def test_a_locked_database_is_a_message_in_the_window(qtbot, org: RunningOrg,
                                                      tmp_path: Path) -> None:
    db = tmp_path / "sfsync.db"
    sqlite3.connect(db).execute("PRAGMA journal_mode=wal").close()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sqlite3, time
        c = sqlite3.connect({str(db)!r}, isolation_level=None)
        c.execute("BEGIN EXCLUSIVE")
        print("locked", flush=True)
        time.sleep(8)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        failed, crashed = _run_worker(qtbot, org, db)
    finally:
        holder.kill()
        holder.wait()
    assert not crashed
    assert failed and str(db) in failed[0] and "busy" in failed[0]
