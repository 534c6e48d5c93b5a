"""How the local org keeps its records in SQLite.

Layout (the SOQL compiler and the seeders rely on it):

* one table per object, named exactly as the object's API name (quote it: ``"Lead"``);
* one column per field, named exactly as the field's API name;
* ``_rid INTEGER PRIMARY KEY`` (SQLite's rowid) and ``_deleted_at`` (when the record went to
  the recycle bin, same format as datetimes) as internal columns;
* values: text-like types ``TEXT COLLATE NOCASE`` (SOQL compares text without case); Id and
  reference ``TEXT``; boolean ``INTEGER`` 0/1; int ``INTEGER``; double/currency/percent
  ``REAL``; date ``'YYYY-MM-DD'``; datetime ``'YYYY-MM-DDTHH:MM:SS.fff+0000'`` in UTC, a
  fixed-width form whose text order is time order and which is what records show.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, date, datetime

from .schema import ID_TYPES, Catalog, FieldDef, FieldType, ObjectDef

SQL_TYPES = {
    FieldType.BOOLEAN: "INTEGER",
    FieldType.INT: "INTEGER",
    FieldType.DOUBLE: "REAL",
    FieldType.CURRENCY: "REAL",
    FieldType.PERCENT: "REAL",
}

#: Pragmas for the org's database: WAL so readers never wait for the writer.
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA cache_size=-64000",
    "PRAGMA busy_timeout=5000",
    "PRAGMA temp_store=MEMORY",
)


def qi(name: str) -> str:
    """Quote an SQL identifier (object and field names are checked against the catalog
    before they reach SQL; quoting keeps reserved words such as ``Type`` safe)."""
    return '"' + name.replace('"', '""') + '"'


def column_sql(fdef: FieldDef) -> str:
    """The column definition of one field."""
    if fdef.name == "Id":
        return f"{qi('Id')} TEXT NOT NULL UNIQUE"
    if fdef.type in ID_TYPES or fdef.type in (FieldType.DATE, FieldType.DATETIME):
        return f"{qi(fdef.name)} TEXT"
    sql_type = SQL_TYPES.get(fdef.type)
    if sql_type:
        return f"{qi(fdef.name)} {sql_type}"
    return f"{qi(fdef.name)} TEXT COLLATE NOCASE"


def _index_columns(obj: ObjectDef) -> list[tuple[str, ...]]:
    """Indexes a sync tool's queries need: stamps with the Id tie-break, email, names,
    references (joins and child lookups), external ids."""
    out: list[tuple[str, ...]] = []
    if obj.field("SystemModstamp"):
        out.append(("SystemModstamp", "Id"))
        out.append(("LastModifiedDate",))
    if obj.field("IsDeleted"):
        out.append(("_deleted_at",))
    for f in obj.fields:
        if f.name == "Id":
            continue
        if (
            f.type is FieldType.REFERENCE
            or f.external_id
            or f.unique
            or f.type is FieldType.EMAIL
            or f.name in ("Name", "LastName", "Company", "QualifiedApiName", "DurableId")
        ):
            out.append((f.name,))
    return out


def create_tables(conn: sqlite3.Connection, catalog: Catalog) -> None:
    """Create every object's table and indexes; add columns for fields added since.

    Also the org's own tables: ``_id_counters`` (the next record number per key prefix,
    see ``ids.make_id``) and ``_meta`` (key/value facts of the org).
    """
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _id_counters (prefix TEXT PRIMARY KEY, next INTEGER NOT NULL)"
    )
    conn.execute("CREATE TABLE IF NOT EXISTS _meta (key TEXT PRIMARY KEY, value TEXT)")
    for obj in catalog:
        existing = {
            row[1] for row in conn.execute(f"PRAGMA table_info({qi(obj.name)})").fetchall()
        }
        if not existing:
            cols = ["_rid INTEGER PRIMARY KEY", "_deleted_at TEXT"]
            cols += [column_sql(f) for f in obj.fields]
            conn.execute(f"CREATE TABLE {qi(obj.name)} ({', '.join(cols)})")
        else:
            for f in obj.fields:
                if f.name not in existing:
                    conn.execute(f"ALTER TABLE {qi(obj.name)} ADD COLUMN {column_sql(f)}")
        for cols in _index_columns(obj):
            name = f"ix_{obj.name}_{'_'.join(c.strip('_') for c in cols)}"
            conn.execute(
                f"CREATE INDEX IF NOT EXISTS {qi(name)} ON {qi(obj.name)} "
                f"({', '.join(qi(c) for c in cols)})"
            )


# ---------------------------------------------------------------------------------------
# Values


def format_datetime(dt: datetime) -> str:
    """``2013-05-20T20:49:32.000+0000``: Salesforce's record form, in UTC, to the ms."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    dt = dt.astimezone(UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}+0000"


_DT_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?"
    r"(Z|[+-]\d{2}:?\d{2})?$"
)


def parse_datetime(text: str) -> datetime:
    """Parse the datetime forms Salesforce accepts (``Z``, ``+00:00``, ``+0000``, ms)."""
    m = _DT_RE.match(text.strip())
    if not m:
        raise ValueError(f"'{text}' is not a valid value for the type xsd:dateTime")
    year, month, day, hour, minute, second, frac, zone = m.groups()
    micro = int((frac or "0")[:6].ljust(6, "0"))
    dt = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0),
                  micro)
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        offset = sign * (int(digits[:2]) * 60 + int(digits[2:]))
        from datetime import timedelta, timezone

        return dt.replace(tzinfo=timezone(timedelta(minutes=offset))).astimezone(UTC)
    return dt.replace(tzinfo=UTC)


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise ValueError(f"'{text}' is not a valid value for the type xsd:date") from None


class ValueTypeError(ValueError):
    """A JSON value of the wrong type for a field (Salesforce: ``JSON_PARSER_ERROR``)."""


def to_db(fdef: FieldDef, value: object) -> object:
    """Convert a JSON value written by a client to its stored form (ValueTypeError if the
    type is wrong). Rule checks (length, picklists, email) happen in ``rules``."""
    if value is None:
        return None
    t = fdef.type
    try:
        if t is FieldType.BOOLEAN:
            if isinstance(value, bool):
                return int(value)
            if isinstance(value, str) and value.lower() in ("true", "false"):
                return int(value.lower() == "true")
            raise ValueTypeError(f"boolean from {value!r}")
        if t is FieldType.INT:
            if isinstance(value, bool):
                raise ValueTypeError("int from boolean")
            if isinstance(value, float) and not value.is_integer():
                raise ValueTypeError(f"int from {value!r}")
            return int(value)  # type: ignore[call-overload]
        if t in (FieldType.DOUBLE, FieldType.CURRENCY, FieldType.PERCENT):
            if isinstance(value, bool):
                raise ValueTypeError("double from boolean")
            return float(value)  # type: ignore[arg-type]
        if t is FieldType.DATETIME:
            if not isinstance(value, str):
                raise ValueTypeError(f"datetime from {value!r}")
            return format_datetime(parse_datetime(value))
        if t is FieldType.DATE:
            if not isinstance(value, str):
                raise ValueTypeError(f"date from {value!r}")
            return parse_date(value).isoformat()
    except (TypeError, ValueError) as exc:
        if isinstance(exc, ValueTypeError):
            raise
        raise ValueTypeError(str(exc)) from None
    if isinstance(value, (dict, list)):
        raise ValueTypeError(f"{t.value} from an object or array")
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def from_db(fdef: FieldDef, value: object) -> object:
    """Convert a stored value to what a record shows in JSON."""
    if value is None:
        return None
    t = fdef.type
    if t is FieldType.BOOLEAN:
        return bool(value)
    if t is FieldType.INT:
        return int(value)  # type: ignore[call-overload]
    if t in (FieldType.DOUBLE, FieldType.CURRENCY, FieldType.PERCENT):
        return float(value)  # type: ignore[arg-type]
    return value


def connect(path: str) -> sqlite3.Connection:
    """Open the org database with the pragmas above; usable from any thread (callers hold
    the org's lock)."""
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    for pragma in PRAGMAS:
        conn.execute(pragma)
    return conn
