"""Opening the store: the SQLite file, its pragmas and its versioned schema.

The schema version lives in ``PRAGMA user_version``; each migration moves it one step and
runs in a transaction, so a store written by any earlier release opens in this one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import peewee
import platformdirs
from peewee import SqliteDatabase

from .models import MODELS, Backfill, database_proxy
from .problems import store_problem

log = logging.getLogger("sfsync.store")

#: Measured on this kind of machine: WAL lets the window read while the sync writes.
PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "normal",
    "cache_size": -64000,
    "foreign_keys": 1,
    "busy_timeout": 5000,
    # checkpoint the WAL every ~40 MB, not every 4 MB: a first-sync page writes ~5 MB, so
    # the default copied its index pages back into the file after every page (measured:
    # a quarter less commit CPU over a 100k-Lead first sync)
    "wal_autocheckpoint": 10000,
}


def default_db_path() -> Path:
    """The store in the user's data folder (``~/.local/share/sfsync-gui`` on Linux)."""
    return Path(platformdirs.user_data_dir("sfsync-gui", appauthor=False)) / "sfsync.db"


def _v1(db: SqliteDatabase) -> None:
    db.create_tables(MODELS)


def _v2(db: SqliteDatabase) -> None:
    """Backfill of newly synced fields: its checkpoint table and a count per cycle."""
    db.create_tables([Backfill])
    columns = {c.name for c in db.get_columns("cycle_object")}
    if "backfilled" not in columns:
        db.execute_sql("ALTER TABLE cycle_object ADD COLUMN backfilled INTEGER NOT NULL "
                       "DEFAULT 0")


#: Migration ``i`` moves the schema from version ``i`` to ``i + 1``.
MIGRATIONS: list[Callable[[SqliteDatabase], None]] = [_v1, _v2]
SCHEMA_VERSION = len(MIGRATIONS)


class StoreDatabase(SqliteDatabase):
    """The store's connection: the environment's failures (locked, full, read-only,
    damaged) leave it as :class:`~.problems.StoreProblem` naming the file."""

    def _told(self, exc: peewee.DatabaseError) -> BaseException:
        return store_problem(exc, self.database) or exc

    def _rolled_back_already(self) -> bool:
        # SQLite ends the transaction itself on a full disk or an I/O error; peewee's
        # rollback would then fail and hide the error that says what happened
        conn = self._state.conn
        return conn is not None and not conn.in_transaction

    def execute_sql(self, sql, params=None):  # type: ignore[no-untyped-def]
        if sql.startswith("ROLLBACK TO SAVEPOINT") and self._rolled_back_already():
            return self.cursor()
        try:
            return super().execute_sql(sql, params)
        except peewee.DatabaseError as exc:
            raise self._told(exc) from exc

    def begin(self, lock_type=None):  # type: ignore[no-untyped-def]
        try:
            return super().begin(lock_type)
        except peewee.DatabaseError as exc:
            raise self._told(exc) from exc

    def rollback(self):  # type: ignore[no-untyped-def]
        if self._rolled_back_already():
            return None
        return super().rollback()

    def commit(self):  # type: ignore[no-untyped-def]
        try:
            return super().commit()
        except peewee.DatabaseError as exc:
            raise self._told(exc) from exc


class StoreVersionError(Exception):
    """The file was written by a newer release."""


def open_database(path: str | Path) -> SqliteDatabase:
    """Open (creating if needed) and migrate the store at ``path``; binds the models."""
    path = Path(path)
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    # Transactions begin IMMEDIATE: each reads then writes, and a deferred one that read
    # before another process (the sync, another sfsync command) committed cannot upgrade
    # to a writer — it fails with "database is locked" at once, whatever the busy timeout.
    # Taking the write lock at BEGIN makes it wait its turn instead.
    db = StoreDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False,
                       lock_type="IMMEDIATE")
    try:
        db.connect(reuse_if_open=True)
    except peewee.DatabaseError as exc:
        raise store_problem(exc, path) or exc from exc
    database_proxy.initialize(db)
    version = db.execute_sql("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        db.close()
        raise StoreVersionError(
            f"{path} was written by a newer sfsync (schema {version}, this one knows "
            f"{SCHEMA_VERSION}); upgrade sfsync or choose another --db"
        )
    for step in range(version, SCHEMA_VERSION):
        with db.atomic():
            MIGRATIONS[step](db)
            db.execute_sql(f"PRAGMA user_version = {step + 1}")
        log.info("store %s migrated to schema %d", path, step + 1)
    return db
