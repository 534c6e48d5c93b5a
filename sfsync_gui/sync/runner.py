"""The cycle loop: sync, wait the interval, sync again; woken early by "sync now"; paused
and resumed; stopped cooperatively. Force syncs and submitted jobs run on the loop's thread
between cycles without starting one. The CLI runs it in the main thread, the window in its
worker thread (which sends its database writes as jobs, so they all happen on one thread).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable

from .engine import CycleSummary, SyncEngine

log = logging.getLogger("sfsync.sync")


class SyncRunner:
    """Drives a :class:`SyncEngine`. All methods but :meth:`run` are thread-safe."""

    def __init__(self, engine: SyncEngine, interval: float | None = None) -> None:
        self.engine = engine
        self.interval = interval if interval is not None else engine.config.interval
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._paused = False
        self._force: deque[str] = deque()
        self._jobs: deque[Callable[[], None]] = deque()
        #: a cycle (or the stop) was asked for, not only a job or a force sync
        self._asked = False
        self._lock = threading.Lock()
        self.last: CycleSummary | None = None

    # -- requests from other threads --------------------------------------------------------

    def sync_now(self) -> None:
        self._ask()

    def force_sync(self, key: str) -> None:
        """Sync one person now, between cycles (without starting one)."""
        with self._lock:
            self._force.append(key)
        self._wake.set()

    def submit(self, job: Callable[[], None]) -> None:
        """Run ``job`` on the loop's thread as soon as no cycle is running (also while
        paused, and once more when stopping); it does not start a cycle. A job reports its
        own outcome; an exception it lets out is logged and the loop goes on."""
        with self._lock:
            self._jobs.append(job)
        self._wake.set()

    def pause(self) -> None:
        self._paused = True

    def resume(self) -> None:
        self._paused = False
        self._ask()

    def stop(self) -> None:
        self._stop.set()
        self._ask()

    def _ask(self) -> None:
        with self._lock:
            self._asked = True
        self._wake.set()

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    # -- the loop ------------------------------------------------------------------------------

    def run(self, *, once: bool = False) -> CycleSummary | None:
        """Run cycles until stopped (or one, with ``once``). Returns the last summary."""
        trigger = "once" if once else "interval"
        while not self._stop.is_set():
            # cleared before the work, not after it: a stop, force sync or "sync now" asked
            # for during a cycle must not be lost (it ends the wait below at once)
            with self._lock:
                self._wake.clear()
                self._asked = False
            self._drain_jobs()
            self._drain_force()
            if not self._paused:
                self.last = self.engine.run_cycle(trigger)
                if once:
                    return self.last
            if self._stop.is_set():
                break
            self.engine.events("waiting", self.interval)
            trigger = "manual" if self._wait() else "interval"
        self._drain_jobs()  # what was asked before the stop is still done
        return self.last

    def _wait(self) -> bool:
        """Wait out the interval, running jobs and force syncs as they come. True when a
        cycle or the stop was asked for, False when the interval ran out."""
        end = time.monotonic() + self.interval
        while True:
            remaining = end - time.monotonic()
            if remaining <= 0 or not self._wake.wait(remaining):
                return False
            with self._lock:
                if self._asked:
                    return True
                self._wake.clear()
            self._drain_jobs()
            self._drain_force()

    def _drain_jobs(self) -> None:
        while True:
            with self._lock:
                if not self._jobs:
                    return
                job = self._jobs.popleft()
            try:
                job()
            except Exception:
                log.exception("a job submitted to the sync loop failed")

    def _drain_force(self) -> None:
        while True:
            with self._lock:
                if not self._force:
                    return
                key = self._force.popleft()
            try:
                result = self.engine.force_sync(key)
                self.engine.events("forced", result)
            except Exception as exc:  # a person that is not there must not stop the loop
                log.warning("force sync of %s failed: %s", key, exc)
                self.engine.events("forced_failed", (key, str(exc)))
