"""The GUI's long reads (the ordered ids behind a search or a sort of a big table) run on
one background thread with its own read-only SQLite connection, so the GUI thread only
ever does short indexed reads. Plain Python: results go to a callback, which the Qt side
turns into a queued signal.

A read superseded by a newer one of the same owner is cancelled, or interrupted if it is
already running (``sqlite3.Connection.interrupt`` is thread-safe).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

log = logging.getLogger("sfsync.ui")

Task = Callable[[sqlite3.Connection], object]
Done = Callable[[object], None]


class Reader:
    """One reading thread for the window. ``close()`` stops it (waits for it)."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sfsync-read")
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._running_owner: object = None
        self._queued: dict[int, tuple[object, Future]] = {}
        self._closed = False

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            uri = f"file:{quote(str(self.db_path))}?mode=ro"
            self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False,
                                         timeout=5.0)
        return self._conn

    def submit(self, owner: object, task: Task, done: Done) -> None:
        """Run ``task(connection)`` on the reading thread; ``done`` gets its result, or
        the exception it raised. An earlier read of ``owner`` is dropped."""
        self.cancel(owner)
        with self._lock:
            if self._closed:
                return
            key = id(task)
            future = self._pool.submit(self._run, owner, key, task, done)
            self._queued[key] = (owner, future)

    def _run(self, owner: object, key: int, task: Task, done: Done) -> None:
        with self._lock:
            self._queued.pop(key, None)
            self._running_owner = owner
        try:
            result: object = task(self._connection())
        except Exception as exc:  # reported to the caller, which decides
            result = exc
        finally:
            with self._lock:
                self._running_owner = None
        try:
            done(result)
        except Exception:
            log.exception("a read's result could not be delivered")

    def cancel(self, owner: object) -> None:
        """Drop the queued reads of ``owner`` and interrupt its running one."""
        with self._lock:
            for key, (who, future) in list(self._queued.items()):
                if who is owner and future.cancel():
                    del self._queued[key]
            if self._running_owner is owner and self._conn is not None:
                self._conn.interrupt()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._conn is not None:
                self._conn.interrupt()
        self._pool.shutdown(wait=True, cancel_futures=True)
        if self._conn is not None:
            self._conn.close()
            self._conn = None
