"""Local failures: the database locked by another process, the disk full mid-sync, a
read-only file or folder, a damaged file. Each gives an exit code and one line naming the
file and what to do; nothing is half-written (a page of a sync is applied whole or not at
all) and nothing waiting to be pushed is lost; ``sfsync db check`` and ``db backup`` are
the recovery tools the README describes."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sfsync_gui.cli import main
from sfsync_gui.store import db as store_db
from sfsync_gui.store.problems import StoreProblem

from ..cli.conftest import (  # noqa: F401 - fixtures
    Result,
    Run,
    known_secrets,
    org,
    org_env,
    private_data_dir,
    run,
    salesforce,
)

pytestmark = pytest.mark.usefixtures("org_env")


@pytest.fixture
def db(tmp_path: Path, org_env: dict) -> Path:  # noqa: F811
    path = tmp_path / "store" / "sfsync.db"
    assert main(["sync", "--once", "--db", str(path)]) == 0
    return path


def _one_line(r: Result, *words: str) -> str:
    assert r.code == 1, r
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sfsync: "), r.err
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]


def _pending(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT object, local_id, field, new_value FROM outbox "
                            "ORDER BY id").fetchall()
    finally:
        conn.close()


def _lead_id(org) -> str:  # noqa: F811
    return salesforce(org).query("SELECT Id FROM Lead WHERE IsConverted = false "
                                 "ORDER BY Id LIMIT 1")["records"][0]["Id"]


def test_a_database_locked_by_another_process(run: Run, db: Path, org) -> None:  # noqa: F811
    lead = _lead_id(org)
    assert run("person", "set", lead, "Title=before the lock", "--db", db).code == 0
    before = _pending(db)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sqlite3, sys, time
        c = sqlite3.connect({str(db)!r}, isolation_level=None)
        c.execute("BEGIN IMMEDIATE")
        print("locked", flush=True)
        time.sleep(9)
        c.execute("ROLLBACK")
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        t0 = time.monotonic()
        r = run("person", "set", lead, "Title=during the lock", "--db", db)
        assert time.monotonic() - t0 >= 4.5  # it waited its turn first (busy timeout)
        _one_line(r, str(db), "busy", "try again")
        assert _pending(db) == before
    finally:
        holder.wait(timeout=30)
    assert run("sync", "--once", "--db", db).code == 0
    assert salesforce(org).Lead.get(lead)["Title"] == "before the lock"


def test_a_full_disk_mid_sync_rolls_the_page_back_and_keeps_the_outbox(
        run: Run, db: Path, org, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    lead = _lead_id(org)
    assert run("person", "set", lead, "Title=waiting through a full disk", "--db", db).code == 0
    before = _pending(db)
    for i in range(150):  # a page of new Leads to pull
        org.control.create("Lead", {"LastName": f"Full{i}", "Company": "Disk" * 50,
                                    "Description": "d" * 2000})
    conn = sqlite3.connect(db)
    leads_before = conn.execute("SELECT COUNT(*) FROM rec_lead").fetchone()[0]
    conn.close()
    real_open = store_db.open_database

    def small_disk(path: str | Path) -> object:
        database = real_open(path)
        pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
        # SQLite's own "database or disk is full" once the file would grow by 8 pages
        database.execute_sql(f"PRAGMA max_page_count = {pages + 8}")
        return database

    monkeypatch.setattr("sfsync_gui.store.store.open_database", small_disk)
    r = run("sync", "--once", "--db", db)
    _one_line(r, str(db), "full", "free some space")
    monkeypatch.undo()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # the page of 150 Leads was not half applied
        assert conn.execute("SELECT COUNT(*) FROM rec_lead").fetchone()[0] == leads_before
    finally:
        conn.close()
    assert _pending(db) == before
    assert run("sync", "--once", "--db", db).code == 0
    assert salesforce(org).Lead.get(lead)["Title"] == "waiting through a full disk"
    status = json.loads(run("status", "--db", db, "--json").out)
    assert status["outbox"]["pending"] == 0


@contextlib.contextmanager
def _read_only(folder: Path) -> Iterator[None]:
    """``folder`` and its files read-only for this process. root ignores permissions,
    so as root a read-only bind mount does it."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in [folder, *folder.iterdir()]}
        for p in modes:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            yield
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
        return
    subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_read_only_database(run: Run, db: Path, org) -> None:  # noqa: F811
    lead = _lead_id(org)
    assert run("person", "set", lead, "Title=before read-only", "--db", db).code == 0
    before = _pending(db)
    with _read_only(db.parent):
        r = run("person", "set", lead, "Title=while read-only", "--db", db)
        line = _one_line(r, str(db))
        assert "cannot be written" in line or "cannot be opened" in line, line
    assert _pending(db) == before
    assert run("sync", "--once", "--db", db).code == 0


def _garbage_header(path: Path) -> None:
    with path.open("r+b") as fh:
        fh.write(b"this is not an SQLite file at all" * 3)


def _truncated(path: Path) -> None:
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size // 3)


def _bad_page(path: Path) -> None:
    conn = sqlite3.connect(path)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'rec_lead'"
                        ).fetchone()[0]
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page)
        fh.write(bytes(range(256)) * (page // 256))


@pytest.mark.parametrize("damage", [_garbage_header, _truncated, _bad_page])
def test_a_damaged_database_is_named_and_a_backup_restores_it(
        run: Run, db: Path, damage, tmp_path: Path) -> None:  # noqa: F811
    backup = tmp_path / "backups" / "sfsync-backup.db"
    r = run("db", "backup", backup, "--db", db)
    assert r.code == 0 and str(backup) in r.out, r.err
    check = json.loads(run("db", "check", "--db", db, "--json").out)
    assert check["ok"] and check["records"]["lead"] > 0
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    damage(db)
    failed = 0
    for argv in (["status"], ["errors"], ["person", "show", "x@example.org"],
                 ["sync", "--once"]):
        r = run(*argv, "--db", db)
        if r.code == 0:  # a command that never reads the damaged page still works
            continue
        line = _one_line(r, str(db))
        if "no person" in line:
            continue
        assert "damaged" in line and "db check" in line, line
        failed += 1
    assert failed >= 1
    r = run("db", "check", "--db", db)
    _one_line(r, str(db), "damaged", "backup")
    # the README's recovery: move the damaged file away, put the backup in its place
    shutil.move(db, db.with_suffix(".damaged"))
    for extra in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        extra.unlink(missing_ok=True)
    shutil.copy(backup, db)
    assert run("db", "check", "--db", db).code == 0
    assert run("sync", "--once", "--db", db).code == 0


def test_store_problems_are_os_errors_the_window_shows_as_messages() -> None:
    """The sync worker shows OSErrors as a message (``failed``), not the crash dialog."""
    from sfsync_gui.ui.worker import KNOWN_ERRORS

    assert isinstance(StoreProblem("full", "m", Path("x")), KNOWN_ERRORS)
