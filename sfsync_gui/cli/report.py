"""What ``sync`` and ``demo`` print while they run: a line per phase, throttled progress,
and a summary per cycle (text, or one JSON object per cycle with ``--json``)."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from datetime import datetime

from ..store import Store
from ..sync import CycleSummary
from .common import out, print_json
from .render import table

COLUMNS = ("new", "updated", "deleted", "conflicts", "pushed", "failed")
#: statuses that mean the cycle did not do its job
PROBLEMS = frozenset({"failed", "needs_sign_in", "api_limit", "budget"})
USAGE_KEY = "cli.api_usage"


def _stamp() -> str:
    return datetime.now().strftime("%H:%M:%S")


def summary_dict(summary: CycleSummary, usage: dict | None, seconds: float | None) -> dict:
    return {
        "cycle": summary.cycle_id, "status": summary.status, "message": summary.message,
        "api_calls": summary.api_calls,
        "seconds": None if seconds is None else round(seconds, 3),
        "objects": {name: asdict(o) for name, o in summary.objects.items()},
        "api_usage": usage,
    }


def summary_lines(summary: CycleSummary, usage: dict | None, seconds: float | None
                  ) -> list[str]:
    """The text summary of one cycle."""
    took = "" if seconds is None else f", {seconds:.1f} s"
    calls = f"{summary.api_calls} API call{'s' if summary.api_calls != 1 else ''}"
    head = (f"Cycle {summary.cycle_id}: {summary.status}, {calls}{took}" if summary.cycle_id
            else f"No cycle ({summary.status})")
    if usage:
        head += f" (org usage today: {usage['used']} / {usage['limit']})"
    lines = [head]
    rows = [(name, *(getattr(o, c) for c in COLUMNS), o.api_calls)
            for name, o in summary.objects.items()
            if any(getattr(o, c) for c in COLUMNS)]
    if rows:
        lines += table(("object", *COLUMNS, "API calls"), rows, right=range(1, 8))
    backfilled = [(name, o.backfilled) for name, o in summary.objects.items() if o.backfilled]
    for name, n in backfilled:
        lines.append(f"  {name}: values of newly synced fields fetched for {n:,} "
                     f"record{'s' if n != 1 else ''}")
    if not rows and not backfilled and summary.status == "ok":
        lines.append("  nothing changed on either side")
    if summary.message:
        lines.append(f"  {summary.message}")
    return lines


def remember_usage(store: Store, conn: object) -> dict | None:
    """Keep the API usage the connection last saw, for ``sfsync status``."""
    usage = getattr(conn, "usage", None)
    if usage is None:
        return None
    data = {"used": usage.used, "limit": usage.limit,
            "seen_at": datetime.now().astimezone().isoformat(timespec="seconds")}
    store.set_setting(USAGE_KEY, json.dumps(data))
    return data


class EventPrinter:
    """The engine's event sink for the command line."""

    def __init__(self, store: Store, conn: object, *, as_json: bool, once: bool = False,
                 progress_every: float = 1.0) -> None:
        self.store = store
        #: with --once the caller turns a bad status into the one error line
        self.once = once
        self.conn = conn
        self.as_json = as_json
        self.progress_every = progress_every
        self.last_summary: CycleSummary | None = None
        self._cycle_started: float | None = None
        self._last_progress: dict[str, float] = {}

    def __call__(self, kind: str, payload: object) -> None:
        if kind == "phase":
            if payload == "checking for changes":
                self._cycle_started = time.monotonic()
            if not self.as_json and payload != "waiting":
                out(f"[{_stamp()}] {payload}")
        elif kind == "progress":
            self._progress(*payload)  # type: ignore[misc]
        elif kind == "cycle":
            self._cycle(payload)  # type: ignore[arg-type]
        elif kind == "waiting" and not self.as_json:
            out(f"[{_stamp()}] next cycle in {float(payload):g} s (Ctrl+C to stop)")  # type: ignore[arg-type]

    def _progress(self, obj: str, done: int, total: int) -> None:
        now = time.monotonic()
        if self.as_json:
            return
        if done < total and now - self._last_progress.get(obj, 0.0) < self.progress_every:
            return
        self._last_progress[obj] = now
        share = f" ({100 * done // total} %)" if total else ""
        out(f"[{_stamp()}]   {obj}: {done:,} / {total:,}{share}")

    def _cycle(self, summary: CycleSummary) -> None:
        self.last_summary = summary
        seconds = (time.monotonic() - self._cycle_started
                   if self._cycle_started is not None and summary.cycle_id else None)
        self._cycle_started = None
        usage = remember_usage(self.store, self.conn)
        if self.as_json:
            print_json(summary_dict(summary, usage, seconds))
        else:
            for line in summary_lines(summary, usage, seconds):
                out(line)
        if summary.status in PROBLEMS and summary.message and not self.once:
            print(f"sfsync: {summary.message}", file=sys.stderr, flush=True)
