"""Every piece of SQL that is SQLite's own dialect, in one place.

A PostgreSQL store for teams will provide the same functions; nothing else in the store
builds dialect-specific SQL.
"""

from __future__ import annotations

#: Salesforce field type -> column type
COLUMN_TYPES = {
    "boolean": "INTEGER",
    "int": "INTEGER",
    "double": "REAL",
    "currency": "REAL",
    "percent": "REAL",
}
TEXT_NOCASE = {"string", "textarea", "email", "phone", "url", "picklist", "multipicklist",
               "combobox"}


def quote(name: str) -> str:
    """Quote an identifier (names come from describe; quoting keeps e.g. ``Type`` safe)."""
    return '"' + name.replace('"', '""') + '"'


def column_type(sf_type: str) -> str:
    """The column definition for a Salesforce field type."""
    if sf_type in TEXT_NOCASE:
        return "TEXT COLLATE NOCASE"
    return COLUMN_TYPES.get(sf_type, "TEXT")


def create_record_table(table: str) -> list[str]:
    """Statements creating a record table with its bookkeeping columns and indexes."""
    q = quote(table)
    return [
        f"CREATE TABLE IF NOT EXISTS {q} ("
        "_lid INTEGER PRIMARY KEY, "
        "_sf_id TEXT UNIQUE, "
        "_modstamp TEXT, "
        "_state TEXT NOT NULL DEFAULT 'synced', "
        "_error TEXT, "
        "_deleted INTEGER NOT NULL DEFAULT 0, "
        "_person INTEGER, "
        "_master_sf_id TEXT, "
        "_updated_at TEXT)",
        f"CREATE INDEX IF NOT EXISTS {quote('ix_' + table + '_state')} ON {q} (_state)",
        f"CREATE INDEX IF NOT EXISTS {quote('ix_' + table + '_person')} ON {q} (_person)",
        f"CREATE INDEX IF NOT EXISTS {quote('ix_' + table + '_modstamp')} ON {q} (_modstamp)",
    ]


def add_column(table: str, column: str, sf_type: str) -> str:
    return f"ALTER TABLE {quote(table)} ADD COLUMN {quote(column)} {column_type(sf_type)}"


def create_index(table: str, column: str) -> str:
    return (
        f"CREATE INDEX IF NOT EXISTS {quote('ix_' + table + '_' + column)} "
        f"ON {quote(table)} ({quote(column)})"
    )


def table_columns_sql(table: str) -> str:
    return f"PRAGMA table_info({quote(table)})"


def upsert_from_salesforce(table: str, fields: list[str]) -> str:
    """One statement for ``executemany``: insert a Salesforce row or refresh it — unless
    the local record has changes of its own waiting (those are merged field by field by
    the change feed, never overwritten wholesale)."""
    cols = ["_sf_id", "_modstamp", "_state", "_deleted", "_updated_at", *fields]
    names = ", ".join(quote(c) for c in cols)
    marks = ", ".join("?" for _ in cols)
    updates = ", ".join(f"{quote(c)} = excluded.{quote(c)}" for c in cols if c != "_sf_id")
    return (
        f"INSERT INTO {quote(table)} ({names}) VALUES ({marks}) "
        f"ON CONFLICT(_sf_id) DO UPDATE SET {updates} "
        f"WHERE {quote(table)}._state NOT IN ('pending', 'failed', 'conflict')"
    )


def backfill_field(table: str, field: str) -> str:
    """One statement for ``executemany`` with ``(value, sf_id, stamp)``: set a newly synced
    field of a record from Salesforce, unless the local copy is already newer than the row
    read (a change feed applied since has the field too). Stamps are compared to the
    millisecond whatever their zone suffix (REST ``+0000``, Bulk ``Z``)."""
    q = quote(table)
    return (
        f"UPDATE {q} SET {quote(field)} = ? WHERE _sf_id = ? "
        "AND (_modstamp IS NULL OR substr(_modstamp, 1, 23) <= substr(?, 1, 23))"
    )


def pending_edits_of_fields(table: str, n_fields: int) -> str:
    """``(sf_id, field, outbox id)`` of local edits waiting for any of ``n_fields`` fields
    (parameters: the object, then the field names)."""
    marks = ", ".join("?" for _ in range(n_fields))
    return (
        f"SELECT r._sf_id, o.field, o.id FROM outbox o JOIN {quote(table)} r "
        f"ON r._lid = o.local_id WHERE o.object = ? AND o.field IN ({marks}) "
        "AND r._sf_id IS NOT NULL"
    )
