"""The cycle loop: a stop, force sync or "sync now" asked for while a cycle runs is not
lost (no org needed: a stand-in engine)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from sfsync_gui.sync import CycleSummary, SyncConfig, SyncRunner


class FakeEngine:
    def __init__(self, during_cycle: Callable[[], None] | None = None) -> None:
        self.config = SyncConfig(interval=30)
        self.cycles: list[str] = []
        self.forced: list[str] = []
        self.during_cycle = during_cycle

    def run_cycle(self, trigger: str) -> CycleSummary:
        self.cycles.append(trigger)
        if self.during_cycle and len(self.cycles) == 1:
            self.during_cycle()
        return CycleSummary(len(self.cycles), "ok", 0)

    def force_sync(self, key: str) -> dict:
        self.forced.append(key)
        return {"records": []}

    def events(self, _kind: str, _payload: object) -> None:
        pass


def _run_briefly(runner: SyncRunner, seconds: float) -> float:
    t = threading.Thread(target=runner.run)
    start = time.monotonic()
    t.start()
    t.join(seconds)
    took = time.monotonic() - start
    runner.stop()
    t.join(5)
    return took


def test_a_stop_during_a_cycle_ends_the_loop_without_waiting_the_interval() -> None:
    holder: list[SyncRunner] = []
    engine = FakeEngine(during_cycle=lambda: holder[0].stop())
    runner = SyncRunner(engine)  # type: ignore[arg-type]
    holder.append(runner)
    assert _run_briefly(runner, 5) < 2
    assert engine.cycles == ["interval"]


def test_a_force_sync_during_a_cycle_runs_right_after_it() -> None:
    holder: list[SyncRunner] = []
    engine = FakeEngine(during_cycle=lambda: holder[0].force_sync("x@example.com"))
    runner = SyncRunner(engine)  # type: ignore[arg-type]
    holder.append(runner)
    _run_briefly(runner, 1)
    assert engine.forced == ["x@example.com"]
    assert engine.cycles[:2] == ["interval", "manual"]
