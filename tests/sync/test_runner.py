"""The cycle loop: wake early, pause and resume, force sync through the loop, prompt stop."""

from __future__ import annotations

import threading
import time

from sfsync_gui.sync.runner import SyncRunner


class FakeEngine:
    """Counts cycles; the runner only needs run_cycle, force_sync, events and config."""

    def __init__(self) -> None:
        self.cycles: list[str] = []
        self.forced: list[str] = []
        self.events_seen: list[str] = []

        class _Config:
            interval = 3600.0

        self.config = _Config()

    def run_cycle(self, trigger: str = "interval"):
        self.cycles.append(trigger)
        return trigger

    def force_sync(self, key: str) -> dict:
        if key == "nobody@example.org":
            raise LookupError("no such person")
        self.forced.append(key)
        return {"records": []}

    def events(self, kind: str, payload: object) -> None:
        self.events_seen.append(kind)


def _wait(cond, timeout: float = 5.0) -> None:
    end = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.01)


def test_sync_now_pause_resume_force_and_stop() -> None:
    engine = FakeEngine()
    runner = SyncRunner(engine)  # type: ignore[arg-type]
    thread = threading.Thread(target=runner.run)
    thread.start()
    try:
        _wait(lambda: len(engine.cycles) == 1)
        runner.sync_now()
        _wait(lambda: len(engine.cycles) == 2)
        assert engine.cycles[1] == "manual"
        runner.pause()
        runner.sync_now()
        time.sleep(0.2)
        assert len(engine.cycles) == 2  # paused: no cycle
        runner.force_sync("ada@example.org")  # force sync still runs while paused
        runner.force_sync("nobody@example.org")  # an unknown person does not stop the loop
        _wait(lambda: engine.forced == ["ada@example.org"])
        _wait(lambda: "forced_failed" in engine.events_seen)
        runner.resume()
        _wait(lambda: len(engine.cycles) == 3)
    finally:
        t0 = time.monotonic()
        runner.stop()
        thread.join(timeout=5)
    assert not thread.is_alive()
    assert time.monotonic() - t0 < 2  # prompt, though the interval is an hour


def test_once_runs_a_single_cycle() -> None:
    engine = FakeEngine()
    assert SyncRunner(engine).run(once=True) == "once"  # type: ignore[arg-type]
    assert engine.cycles == ["once"]


def test_jobs_and_force_syncs_run_between_cycles_without_starting_one() -> None:
    engine = FakeEngine()
    runner = SyncRunner(engine)  # type: ignore[arg-type]
    done: list[str] = []
    threads: list[threading.Thread] = []
    thread = threading.Thread(target=runner.run)
    thread.start()
    try:
        _wait(lambda: len(engine.cycles) == 1)
        runner.submit(lambda: threads.append(threading.current_thread()))
        runner.submit(lambda: 1 / 0)  # a failing job is logged, the loop goes on
        runner.submit(lambda: done.append("edit"))
        runner.force_sync("ada@example.org")
        _wait(lambda: done == ["edit"] and engine.forced == ["ada@example.org"])
        assert threads == [thread]  # on the loop's own thread
        time.sleep(0.1)
        assert len(engine.cycles) == 1  # neither started a cycle
        runner.sync_now()
        _wait(lambda: len(engine.cycles) == 2)
        runner.submit(lambda: done.append("late"))
        runner.stop()
    finally:
        runner.stop()
        thread.join(timeout=5)
    assert not thread.is_alive()
    assert done == ["edit", "late"]  # a job asked for before the stop still ran
