"""The cycle loop: sync, wait the interval, sync again; woken early by "sync now" or a
force sync; paused and resumed; stopped cooperatively. The CLI runs it in the main thread,
the window in its worker thread.
"""

from __future__ import annotations

import logging
import threading
from collections import deque

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
        self._lock = threading.Lock()
        self.last: CycleSummary | None = None

    # -- requests from other threads --------------------------------------------------------

    def sync_now(self) -> None:
        self._wake.set()

    def force_sync(self, key: str) -> None:
        with self._lock:
            self._force.append(key)
        self._wake.set()

    def pause(self) -> None:
        self._paused = True

    def resume(self) -> None:
        self._paused = False
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
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
            self._wake.clear()
            self._drain_force()
            if not self._paused:
                self.last = self.engine.run_cycle(trigger)
                if once:
                    return self.last
            if self._stop.is_set():
                break
            self.engine.events("waiting", self.interval)
            self._wake.wait(self.interval)
            trigger = "manual" if self._wake.is_set() else "interval"
        return self.last

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
