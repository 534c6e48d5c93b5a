"""The sync worker: the engine and its cycle loop on a ``QThread``.

The worker object is moved to its thread and :meth:`SyncWorker.work` runs there until
stopped: it opens the connection (starting the demo org), opens the store, builds the
engine and runs the :class:`SyncRunner` loop. Every database write of the window happens on
this thread: the GUI sends requests (:meth:`SyncWorker.request`), which run between cycles.
Signals carry strings, numbers and dataclasses, never peewee objects.

Stopping is cooperative: :meth:`SyncWorker.stop` is thread-safe; the loop ends after the
current step, and a first sync stops at its next page (each page is a checkpoint, so the
next start resumes there).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot

from ..cli.errors import CliError, CliFailure
from ..cli.report import remember_usage
from ..salesforce.errors import ConfigError, SalesforceError, redact
from ..store import Store
from ..store.db import StoreVersionError
from ..store.models import Cycle
from ..sync import CycleSummary, SyncEngine, SyncRunner
from ..sync.settings import config_from, read_settings
from .jobs import Job, RequestResult
from .source import Source, open_connection

log = logging.getLogger("sfsync.ui")

#: errors of the environment or of the user's setup: a message, not a crash
KNOWN_ERRORS = (CliError, CliFailure, ConfigError, StoreVersionError, SalesforceError, OSError)


STOPPED = "stopped when the window closed; the next start resumes"


class Stopping(BaseException):
    """Raised inside the engine (from its progress events) to end a long step early; a
    BaseException, like KeyboardInterrupt, so no `except Exception` on the way swallows it."""


@dataclass(frozen=True)
class Ready:
    """The sync is running: the store is open and the first cycle starts."""

    store: Store
    source: Source
    instance_url: str
    interval: float


@dataclass(frozen=True)
class CycleReport:
    """A cycle ended: its summary and the API usage seen."""

    summary: CycleSummary
    used: int | None = None
    limit: int | None = None


class SyncWorker(QObject):
    """Runs the sync on the thread it is moved to.

    Signals:
        ready(Ready), phase(str), progress(obj, done, total), cycle_done(CycleReport),
        waiting(seconds), forced(dict), forced_failed(key, message),
        request_done(RequestResult), failed(message): a known error stopped the sync,
        crashed(traceback): a bug (secrets redacted), finished().
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
    finished = Signal()

    def __init__(self, source: Source, *, interval: float | None = None) -> None:
        super().__init__()
        self.source = source
        self.interval = interval
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._runner: SyncRunner | None = None
        self._requests: deque[Job] = deque()
        self._paused = False
        self._store: Store | None = None

    # -- thread-safe requests ----------------------------------------------------------------

    def stop(self) -> None:
        """End the loop after the current step (thread-safe)."""
        self._stop.set()
        with self._lock:
            runner = self._runner
        if runner is not None:
            runner.stop()

    def request(self, job: Job) -> None:
        """Run ``job`` on the sync thread between cycles; its result comes back as
        ``request_done`` (thread-safe)."""
        with self._lock:
            self._requests.append(job)
            runner = self._runner
        if runner is not None:
            runner.submit(self._drain_requests)

    def sync_now(self) -> None:
        with self._lock:
            runner = self._runner
        if runner is not None:
            runner.sync_now()

    def force_sync(self, key: str) -> None:
        with self._lock:
            runner = self._runner
        if runner is not None:
            runner.force_sync(key)

    def set_paused(self, paused: bool) -> None:
        with self._lock:
            self._paused = paused
            runner = self._runner
        if runner is not None:
            (runner.pause if paused else runner.resume)()

    def set_interval(self, seconds: float) -> None:
        with self._lock:
            runner = self._runner
        if runner is not None:
            runner.interval = seconds
            runner.engine.config.interval = seconds

    # -- the thread's work -----------------------------------------------------------------

    @Slot()
    def work(self) -> None:
        """The thread's body: runs until :meth:`stop`."""
        try:
            self._work()
        except Stopping:
            pass
        except KNOWN_ERRORS as exc:
            log.warning("the sync cannot run: %s", exc)
            self.failed.emit(redact(str(exc)))
        except BaseException:
            text = redact(traceback.format_exc())
            log.error("the sync thread crashed:\n%s", text)
            self.crashed.emit(text)
        finally:
            self.finished.emit()

    def _work(self) -> None:
        if self._stop.is_set():
            return
        with open_connection(self.source) as connected:
            if self._stop.is_set():
                return
            store = Store(self.source.db_path)
            self._store = store
            try:
                self._run(store, connected.conn, connected.instance_url)
            finally:
                self._drain_requests()
                self._store = None
                store.close()

    def _run(self, store: Store, conn: object, instance_url: str) -> None:
        settings = read_settings(store)
        config = config_from(settings)
        if self.interval is not None:
            config.interval = self.interval
        self._conn = conn
        engine = SyncEngine(store, conn, config, events=self._on_event)
        runner = SyncRunner(engine, config.interval)
        with self._lock:
            self._runner = runner
            if self._paused:
                runner.pause()
            if self._requests:
                runner.submit(self._drain_requests)
        if self._stop.is_set():
            runner.stop()
        self.ready.emit(Ready(store, self.source, instance_url, config.interval))
        try:
            runner.run()
        except Stopping:
            log.info("the first sync stops here; the next start resumes from this page")

    def _note_stopped(self, summary: CycleSummary) -> None:
        """A cycle cut short by the stop is recorded as stopped, not failed."""
        if summary.status != "failed" or summary.message or not summary.cycle_id:
            return
        summary.status, summary.message = "stopped", STOPPED
        Cycle.update(status="stopped", error=STOPPED).where(
            Cycle.id == summary.cycle_id).execute()

    def _drain_requests(self) -> None:
        store = self._store
        while True:
            with self._lock:
                if not self._requests:
                    return
                job = self._requests.popleft()
            if store is None:
                self.request_done.emit(RequestResult("dropped", False,
                                                     "the sync is not running"))
                continue
            try:
                result = job(store)
            except Exception as exc:  # a bug in a request: report it, keep syncing
                text = redact(traceback.format_exc())
                log.error("a request failed:\n%s", text)
                result = RequestResult("bug", False, f"{type(exc).__name__}: {exc}")
                self.crashed.emit(text)
            self.request_done.emit(result)

    # -- engine events (on this thread) ------------------------------------------------------

    def _on_event(self, kind: str, payload: object) -> None:
        if self._stop.is_set():
            # the window is going (or restarting the sync): news would only arrive late
            if kind == "progress":
                raise Stopping
            if kind == "cycle":
                self._note_stopped(payload)  # type: ignore[arg-type]
            return
        if kind == "progress":
            obj, done, total = payload  # type: ignore[misc]
            self.progress.emit(str(obj), int(done), int(total))
        elif kind == "phase":
            self.phase.emit(str(payload))
        elif kind == "cycle":
            summary: CycleSummary = payload  # type: ignore[assignment]
            usage = None
            store = self._store
            if store is not None:
                try:
                    usage = remember_usage(store, self._conn)
                except Exception:  # usage is nice to have; never lose the cycle for it
                    log.exception("could not keep the API usage")
            self.cycle_done.emit(CycleReport(summary, (usage or {}).get("used"),
                                             (usage or {}).get("limit")))
        elif kind == "waiting":
            self.waiting.emit(float(payload))  # type: ignore[arg-type]
        elif kind == "forced":
            self.forced.emit(payload)
        elif kind == "forced_failed":
            key, message = payload  # type: ignore[misc]
            self.forced_failed.emit(str(key), str(message))
