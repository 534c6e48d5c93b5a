"""The local database (Peewee on SQLite): records, outbox, activity, cycles, field catalog.

Plain Python, no Qt. See :class:`sfsync_gui.store.store.Store`.
"""

from .db import default_db_path
from .records import SyncState
from .store import LocalEditError, Store

__all__ = ["LocalEditError", "Store", "SyncState", "default_db_path"]
