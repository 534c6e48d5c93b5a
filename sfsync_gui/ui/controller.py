"""The GUI thread's handle on the sync worker: starts its ``QThread``, forwards requests,
re-emits the worker's signals from a GUI-thread object, and shuts it down promptly.

Worker signals are connected to bound methods of this object (a lambda would run in the
worker's thread), so everything connected to the controller's own signals runs in the GUI
thread.
"""

from __future__ import annotations

import logging
import time

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from ..sync.settings import SyncSettings
from . import jobs
from .jobs import RequestResult
from .source import Source
from .worker import CycleReport, Ready, SyncWorker

log = logging.getLogger("sfsync.ui")


class SyncController(QObject):
    """Owns the sync thread.

    Signals (all emitted in the GUI thread):
        ready(Ready), phase(str), progress(obj, done, total), cycle_done(CycleReport),
        waiting(seconds), forced(dict), forced_failed(key, message),
        request_done(RequestResult), failed(message), crashed(traceback),
        stopped(): the thread has ended, running_changed(bool), paused_changed(bool).
    """

    ready = Signal(object)
    phase = Signal(str)
    progress = Signal(str, int, int)
    cycle_done = Signal(object)
    waiting = Signal(float)
    forced = Signal(object)
    forced_failed = Signal(str, str)
    request_done = Signal(object)
    failed = Signal(str)
    crashed = Signal(str)
    stopped = Signal()
    paused_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: SyncWorker | None = None
        self.source: Source | None = None
        self.ready_info: Ready | None = None
        self.paused = False
        self.syncing = False

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        t = self._thread
        return t is not None and shiboken6.isValid(t) and t.isRunning()

    def start(self, source: Source, *, interval: float | None = None) -> None:
        """Start syncing ``source`` on a new thread (after stopping any earlier one)."""
        if self.running:
            self.shutdown()
        self.source = source
        self.ready_info = None
        thread = QThread()
        thread.setObjectName("sfsync-sync")
        worker = SyncWorker(source, interval=interval)
        worker.moveToThread(thread)
        thread.started.connect(worker.work)
        # quit() is thread-safe; called directly from the worker's thread it also works
        # while the GUI thread is blocked in wait() (queued, it would wait for that)
        worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        worker.finished.connect(worker.deleteLater)
        thread.finished.connect(thread.deleteLater)
        thread.finished.connect(self._on_thread_finished)
        worker.ready.connect(self._on_ready)
        worker.phase.connect(self._on_phase)
        worker.progress.connect(self._on_progress)
        worker.cycle_done.connect(self._on_cycle)
        worker.waiting.connect(self._on_waiting)
        worker.forced.connect(self._on_forced)
        worker.forced_failed.connect(self._on_forced_failed)
        worker.request_done.connect(self._on_request_done)
        worker.failed.connect(self._on_failed)
        worker.crashed.connect(self._on_crashed)
        if self.paused:
            worker.set_paused(True)
        self._thread, self._worker = thread, worker
        thread.start()

    def shutdown(self, timeout: float = 15.0) -> bool:
        """Stop the sync and wait for its thread; True when it ended in time."""
        worker, thread = self._worker, self._thread
        if worker is not None and shiboken6.isValid(worker):
            worker.stop()
        ok = True
        if thread is not None and shiboken6.isValid(thread) and thread.isRunning():
            t0 = time.monotonic()
            ok = thread.wait(int(timeout * 1000))
            log.info("sync thread stopped in %.2f s", time.monotonic() - t0)
        self._worker = None
        return ok

    # -- requests ---------------------------------------------------------------------------

    def _request(self, job: jobs.Job) -> bool:
        worker = self._worker
        if worker is None or not shiboken6.isValid(worker):
            return False
        worker.request(job)
        return True

    def edit(self, obj: str, local_id: int, changes: dict) -> bool:
        return self._request(jobs.edit(obj, local_id, changes))

    def create(self, obj: str, values: dict) -> bool:
        return self._request(jobs.create(obj, values))

    def retry(self, records: list[tuple[str, int]] | None, *, sync_now: bool = True) -> bool:
        ok = self._request(jobs.retry(records))
        if ok and sync_now:
            self.sync_now()
        return ok

    def include_field(self, obj: str, name: str, included: bool | None) -> bool:
        return self._request(jobs.include_field(obj, name, included))

    def save_settings(self, settings: SyncSettings) -> bool:
        ok = self._request(jobs.save_settings(settings))
        if ok and self._worker is not None:
            self._worker.set_interval(settings.interval)
        return ok

    def submit(self, job: jobs.Job) -> bool:
        """Any other write, run on the sync thread (tests use this to set up data)."""
        return self._request(job)

    def sync_now(self) -> None:
        if self._worker is not None:
            self._worker.sync_now()

    def force_sync(self, key: str) -> None:
        if self._worker is not None:
            self._worker.force_sync(key)

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        if self._worker is not None:
            self._worker.set_paused(paused)
        self.paused_changed.emit(paused)

    # -- the worker's signals, re-emitted in the GUI thread ------------------------------------

    def _stale(self) -> bool:
        """True for news from a worker already shut down (queued before it stopped)."""
        sender = self.sender()
        return sender is not None and sender is not self._worker

    @Slot(object)
    def _on_ready(self, info: Ready) -> None:
        if self._stale():
            return
        self.ready_info = info
        self.ready.emit(info)

    @Slot(str)
    def _on_phase(self, phase: str) -> None:
        if self._stale():
            return
        self.syncing = phase != "waiting"
        self.phase.emit(phase)

    @Slot(str, int, int)
    def _on_progress(self, obj: str, done: int, total: int) -> None:
        if self._stale():
            return
        self.progress.emit(obj, done, total)

    @Slot(object)
    def _on_cycle(self, report: CycleReport) -> None:
        if self._stale():
            return
        self.syncing = False
        self.cycle_done.emit(report)

    @Slot(float)
    def _on_waiting(self, seconds: float) -> None:
        if self._stale():
            return
        self.syncing = False
        self.waiting.emit(seconds)

    @Slot(object)
    def _on_forced(self, result: dict) -> None:
        self.forced.emit(result)

    @Slot(str, str)
    def _on_forced_failed(self, key: str, message: str) -> None:
        self.forced_failed.emit(key, message)

    @Slot(object)
    def _on_request_done(self, result: RequestResult) -> None:
        self.request_done.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.failed.emit(message)

    @Slot(str)
    def _on_crashed(self, text: str) -> None:
        self.crashed.emit(text)

    @Slot()
    def _on_thread_finished(self) -> None:
        if self.running:  # an earlier thread's last word, after a restart
            return
        t = self._thread
        if t is not None and shiboken6.isValid(t):
            # finished is emitted just before the thread really ends: dropping the last
            # reference now could destroy a QThread still running (a segfault about one
            # run in four when the worker failed at once)
            t.wait()
        self._thread = None
        self.syncing = False
        self.stopped.emit()
