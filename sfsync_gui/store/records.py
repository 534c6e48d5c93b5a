"""Record tables: one per synced object, typed columns from describe.

Bookkeeping columns start with ``_``: ``_lid`` (local id), ``_sf_id``, ``_modstamp`` (last
``SystemModstamp`` seen), ``_state`` (see :class:`SyncState`), ``_error`` (last error, JSON),
``_deleted``, ``_person`` (the person a Lead/Contact belongs to), ``_master_sf_id`` (set when
merged away), ``_updated_at``. Field columns are named as the Salesforce field; they are
added when fields appear and never dropped when access is lost.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from enum import StrEnum
from itertools import repeat

from peewee import Database

from . import sql_sqlite as dialect


class SyncState(StrEnum):
    """Where one record stands."""

    SYNCED = "synced"
    PENDING = "pending"
    FAILED = "failed"
    CONFLICT = "conflict"
    LOCAL_ONLY = "local_only"
    DELETED = "deleted"


META_COLUMNS = ("_lid", "_sf_id", "_modstamp", "_state", "_error", "_deleted", "_person",
                "_master_sf_id", "_updated_at")


def now_iso() -> str:
    """Local bookkeeping time: UTC, milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def table_name(obj: str) -> str:
    return "rec_" + obj.lower()


def to_column(sf_type: str, value: object) -> object:
    """A Salesforce JSON value (or CSV text from Bulk) as stored in a typed column."""
    if value is None or value == "":
        return None
    if sf_type == "boolean":
        if isinstance(value, str):
            return 1 if value.lower() == "true" else 0
        return 1 if value else 0
    if sf_type == "int":
        return int(float(value)) if isinstance(value, str) else int(value)  # type: ignore[arg-type]
    if sf_type in ("double", "currency", "percent"):
        return float(value)  # type: ignore[arg-type]
    return value


def from_column(sf_type: str, value: object) -> object:
    """A stored value as Salesforce JSON expects it."""
    if value is None:
        return None
    if sf_type == "boolean":
        return bool(value)
    return value


def dump(value: object) -> str | None:
    """JSON for outbox and activity values (None stays NULL)."""
    return None if value is None else json.dumps(value, ensure_ascii=False)


def load(text: str | None) -> object:
    return None if text is None else json.loads(text)


class RecordTable:
    """The local copy of one object's records."""

    def __init__(self, db: Database, obj: str) -> None:
        self.db = db
        self.obj = obj
        self.table = table_name(obj)
        self._q = dialect.quote(self.table)
        self._columns: list[str] | None = None

    # -- schema --------------------------------------------------------------------------

    def ensure(self, field_types: Mapping[str, str]) -> list[str]:
        """Create the table and add a column for every field not there yet.

        Returns the names of the columns added.
        """
        for stmt in dialect.create_record_table(self.table):
            self.db.execute_sql(stmt)
        have = set(self.columns(refresh=True))
        added = []
        for name, sf_type in field_types.items():
            if name not in have:
                self.db.execute_sql(dialect.add_column(self.table, name, sf_type))
                added.append(name)
        for name in ("Email", "Name", "LastName", "Company"):
            if name in field_types:
                self.db.execute_sql(dialect.create_index(self.table, name))
        if added:
            self._columns = None
        return added

    def columns(self, *, refresh: bool = False) -> list[str]:
        """Field columns (bookkeeping columns excluded)."""
        if self._columns is None or refresh:
            rows = self.db.execute_sql(dialect.table_columns_sql(self.table)).fetchall()
            self._columns = [r[1] for r in rows if not r[1].startswith("_")]
        return list(self._columns)

    def exists(self) -> bool:
        return bool(self.db.execute_sql(dialect.table_columns_sql(self.table)).fetchall())

    # -- bulk writes -----------------------------------------------------------------------

    def upsert_salesforce_rows(self, fields: Sequence[str], rows: Iterable[Sequence[object]]
                               ) -> int:
        """Insert or refresh rows fetched from Salesforce, fast (one prepared statement).

        Each row is ``(sf_id, modstamp, deleted, *field values)`` already converted with
        :func:`to_column`. Records with local changes waiting are left for the merge.
        """
        sql = dialect.upsert_from_salesforce(self.table, list(fields))
        stamp = now_iso()
        params = [
            (r[0], r[1], SyncState.DELETED.value if r[2] else SyncState.SYNCED.value,
             int(bool(r[2])), stamp, *r[3:])
            for r in rows
        ]
        cursor = self.db.cursor()
        cursor.executemany(sql, params)
        return len(params)

    def upsert_salesforce_columns(self, fields: Sequence[str], ids: Sequence[str],
                                  stamps: Sequence[object], deleted: Sequence[object],
                                  columns: Sequence[Sequence[object]]) -> int:
        """:meth:`upsert_salesforce_rows` for a page held as columns (one per field, in
        the order of ``fields``, values already as stored): no row is built in Python."""
        sql = dialect.upsert_from_salesforce(self.table, list(fields))
        gone, kept = SyncState.DELETED.value, SyncState.SYNCED.value
        states = [gone if d else kept for d in deleted]
        flags = [1 if d else 0 for d in deleted]
        self.db.cursor().executemany(
            sql, zip(ids, stamps, states, flags, repeat(now_iso()), *columns, strict=False))
        return len(ids)

    def backfill(self, field_values: Mapping[str, Sequence[tuple[object, str, str]]]) -> int:
        """Set newly synced fields from Salesforce rows: per field, ``(value, sf_id,
        stamp)`` tuples already converted with :func:`to_column`. No outbox, no activity,
        no state change; a record whose local copy is newer than the row is left alone.
        Returns how many field values were written."""
        written = 0
        cursor = self.db.cursor()
        for name, rows in field_values.items():
            cursor.executemany(dialect.backfill_field(self.table, name), rows)
            written += max(cursor.rowcount, 0)
        return written

    def pending_edits(self, fields: Sequence[str]) -> dict[tuple[str, str], int]:
        """``(sf_id, field) -> outbox id`` of local edits waiting for these fields."""
        if not fields:
            return {}
        cur = self.db.execute_sql(dialect.pending_edits_of_fields(self.table, len(fields)),
                                  (self.obj, *fields))
        return {(r[0], r[1]): r[2] for r in cur.fetchall()}

    # -- reads -----------------------------------------------------------------------------

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, object]]:
        cursor = self.db.execute_sql(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def get(self, local_id: int) -> dict[str, object] | None:
        rows = self._rows(f"SELECT * FROM {self._q} WHERE _lid = ?", (local_id,))
        return rows[0] if rows else None

    def get_by_sf_id(self, sf_id: str) -> dict[str, object] | None:
        rows = self._rows(f"SELECT * FROM {self._q} WHERE _sf_id = ?", (sf_id,))
        return rows[0] if rows else None

    def by_sf_ids(self, sf_ids: Sequence[str]) -> dict[str, dict[str, object]]:
        out: dict[str, dict[str, object]] = {}
        ids = list(sf_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in self._rows(f"SELECT * FROM {self._q} WHERE _sf_id IN ({marks})", chunk):
                out[str(row["_sf_id"])] = row
        return out

    def find(self, where: str, params: Sequence[object] = (), limit: int = 100
             ) -> list[dict[str, object]]:
        """Rows matching an SQL condition (callers pass parameters, never values)."""
        return self._rows(f"SELECT * FROM {self._q} WHERE {where} LIMIT ?", (*params, limit))

    def count(self, where: str = "1", params: Sequence[object] = ()) -> int:
        return self.db.execute_sql(
            f"SELECT COUNT(*) FROM {self._q} WHERE {where}", params).fetchone()[0]

    def all_sf_ids(self) -> set[str]:
        cur = self.db.execute_sql(
            f"SELECT _sf_id FROM {self._q} WHERE _sf_id IS NOT NULL AND _deleted = 0")
        return {r[0] for r in cur.fetchall()}

    # -- single-record writes ----------------------------------------------------------------

    def update(self, local_id: int, values: Mapping[str, object]) -> None:
        """Set columns (fields and/or bookkeeping) of one record."""
        if not values:
            return
        cols = list(values)
        sets = ", ".join(f"{dialect.quote(c)} = ?" for c in cols)
        self.db.execute_sql(
            f"UPDATE {self._q} SET {sets}, _updated_at = ? WHERE _lid = ?",
            [values[c] for c in cols] + [now_iso(), local_id],
        )

    def insert(self, values: Mapping[str, object]) -> int:
        """Insert one record; returns its local id."""
        cols = list(values)
        names = ", ".join(dialect.quote(c) for c in [*cols, "_updated_at"])
        marks = ", ".join("?" for _ in range(len(cols) + 1))
        cursor = self.db.execute_sql(
            f"INSERT INTO {self._q} ({names}) VALUES ({marks})",
            [values[c] for c in cols] + [now_iso()],
        )
        return int(cursor.lastrowid)
