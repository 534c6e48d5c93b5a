"""The sync engine (plain Python, no Qt): schema step, first sync, change feed, merge,
push, force sync, and the cycle loop. Driven by the ``sfsync`` command line and by the
window's worker thread."""

from .config import SyncConfig
from .engine import CycleSummary, SyncEngine
from .runner import SyncRunner

__all__ = ["CycleSummary", "SyncConfig", "SyncEngine", "SyncRunner"]
