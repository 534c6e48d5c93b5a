"""The sync worker on its QThread: it starts, syncs, takes writes as requests on its own
thread, reports bugs (redacted) and known errors, and stops promptly — also in the middle
of a first sync, which then resumes."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from sfsync_gui.localorg.server import start_local_org
from sfsync_gui.store import Store
from sfsync_gui.store.models import Cycle, SyncObject
from sfsync_gui.ui.controller import SyncController
from sfsync_gui.ui.jobs import RequestResult
from sfsync_gui.ui.source import ENV, Source, org_source

INTERVAL = 3600.0


def test_starts_syncs_and_stops_promptly(qtbot, org, tmp_path: Path) -> None:
    c = SyncController()
    ready: list[object] = []
    c.ready.connect(ready.append)
    with qtbot.waitSignal(c.cycle_done, timeout=60_000) as cycle:
        c.start(org_source(org.facts, tmp_path / "s.db"), interval=INTERVAL)
    assert ready
    report = cycle.args[0]
    assert report.summary.status == "ok" and report.summary.api_calls > 0
    assert report.used is not None and report.limit
    assert c.running
    t0 = time.monotonic()
    with qtbot.waitSignal(c.stopped, timeout=10_000):
        assert c.shutdown()
    assert time.monotonic() - t0 < 2.0  # though the interval is an hour
    assert not c.running


def test_writes_run_on_the_sync_thread_and_bugs_are_reported_redacted(qtbot, org,
                                                                      tmp_path: Path
                                                                      ) -> None:
    c = SyncController()
    with qtbot.waitSignal(c.cycle_done, timeout=60_000):
        c.start(org_source(org.facts, tmp_path / "s.db"), interval=INTERVAL)
    threads: list[threading.Thread] = []

    def where(store) -> RequestResult:
        threads.append(threading.current_thread())
        return RequestResult("probe", True)

    with qtbot.waitSignal(c.request_done) as done:
        c.submit(where)
    assert done.args[0].ok and threads[0] is not threading.main_thread()

    def bug(store) -> RequestResult:
        raise RuntimeError("oops access_token=00D000000000001!AQ0AQHkQsecretsecretsecret")

    crashed: list[str] = []
    c.crashed.connect(crashed.append)
    with qtbot.waitSignal(c.request_done, timeout=10_000) as failed:
        c.submit(bug)
    assert failed.args[0].ok is False
    text = crashed[0]
    assert "RuntimeError" in text and "secretsecret" not in text and "***" in text
    with qtbot.waitSignal(c.request_done) as done:  # the sync thread goes on
        c.submit(where)
    assert done.args[0].ok
    c.shutdown()


def test_a_setup_problem_is_a_message_not_a_crash(qtbot, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SFSYNC_LOGIN_URL", "https://example.my.salesforce.com")
    monkeypatch.delenv("SFSYNC_CLIENT_ID", raising=False)
    monkeypatch.delenv("SFSYNC_CLIENT_SECRET", raising=False)
    c = SyncController()
    crashed: list[str] = []
    c.crashed.connect(crashed.append)
    failed: list[str] = []
    c.failed.connect(failed.append)
    with qtbot.waitSignal(c.stopped, timeout=10_000):
        c.start(Source(ENV, tmp_path / "s.db"))
    message = failed[0]
    assert "SFSYNC_CLIENT_ID" in message and "SFSYNC_CLIENT_SECRET" in message
    assert not crashed


def test_closing_during_a_first_sync_is_prompt_and_it_resumes(qtbot, tmp_path: Path) -> None:
    with start_local_org(tmp_path / "org", seed=6000) as big:
        source = org_source(big.facts, tmp_path / "s.db")
        c = SyncController()
        progress: list[tuple[str, int, int]] = []
        c.progress.connect(lambda o, d, t: progress.append((o, d, t)))
        with qtbot.waitSignal(c.ready, timeout=60_000):
            c.start(source, interval=INTERVAL)
        qtbot.waitUntil(lambda: any(o == "Lead" and d < t for o, d, t in progress),
                        timeout=60_000)
        t0 = time.monotonic()
        assert c.shutdown()
        assert time.monotonic() - t0 < 3.0
        store = Store(tmp_path / "s.db")
        try:
            lead = SyncObject.get_by_id("Lead")
            assert lead.first_sync == "running" and lead.checkpoint
            assert 0 < lead.first_sync_done < lead.first_sync_total
            assert Cycle.select().order_by(Cycle.id.desc()).first().status == "stopped"
        finally:
            store.close()
        with qtbot.waitSignal(c.cycle_done, timeout=120_000) as finished:
            c.start(source, interval=INTERVAL)  # resumes from the checkpoint
        assert finished.args[0].summary.status == "ok", finished.args[0].summary.message
        c.shutdown()
        store = Store(tmp_path / "s.db")
        try:
            assert SyncObject.get_by_id("Lead").first_sync == "done"
        finally:
            store.close()
