"""Record writes and reads of the local org: the one write path every API shares.

Create, update, delete and upsert apply field-level security, the rules in ``rules`` and
Salesforce's stamps (``CreatedDate``, ``LastModifiedDate``, ``SystemModstamp`` and the
``...ById`` fields). One request is one transaction with one timestamp, so all records of a
collection call share a ``SystemModstamp`` as they do in Salesforce.

Callers hold the org lock and own the transaction (``Transaction`` below).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from . import ids
from .rules import (
    RecordError,
    ValidationRule,
    WriteRejected,
    check_access_and_types,
    check_duplicates,
    check_system_validation,
    check_validation_rules,
)
from .schema import Catalog, FieldType, ObjectDef
from .storage import format_datetime, from_db, qi


@dataclass(frozen=True)
class Actor:
    """Who is writing: a user Id and that user's profile."""

    user_id: str
    profile: str


@dataclass
class WriteContext:
    """What one transaction's writes share."""

    conn: sqlite3.Connection
    catalog: Catalog
    rules: list[ValidationRule]
    duplicate_rule_active: bool
    now: datetime
    api_version: str = "59.0"
    allow_duplicates: bool = False

    @property
    def stamp(self) -> str:
        return format_datetime(self.now)


def next_id(conn: sqlite3.Connection, key_prefix: str) -> str:
    """Allocate the next Id for ``key_prefix`` (inside the caller's transaction)."""
    row = conn.execute("SELECT next FROM _id_counters WHERE prefix = ?", (key_prefix,)).fetchone()
    number = row[0] if row else 1
    conn.execute(
        "INSERT INTO _id_counters(prefix, next) VALUES (?, ?) "
        "ON CONFLICT(prefix) DO UPDATE SET next = excluded.next",
        (key_prefix, number + 1),
    )
    return ids.make_id(key_prefix, number)


def not_found() -> WriteRejected:
    return WriteRejected(
        [RecordError("NOT_FOUND", "The requested resource does not exist", [])], status=404
    )


def entity_deleted() -> WriteRejected:
    return WriteRejected([RecordError("ENTITY_IS_DELETED", "entity is deleted", [])], status=404)


def normalise_id(obj: ObjectDef, record_id: str) -> str:
    """An 18-character Id of ``obj`` or NOT_FOUND/MALFORMED_ID, as Salesforce answers."""
    try:
        rid = ids.to18(record_id)
    except ValueError:
        raise not_found() from None
    if obj.key_prefix and rid[:3] != obj.key_prefix:
        raise WriteRejected([RecordError(
            "MALFORMED_ID", f"{obj.label} ID: id value of incorrect type: {record_id}", ["Id"],
        )])
    return rid


def load_row(conn: sqlite3.Connection, obj: ObjectDef, rid: str) -> dict[str, object] | None:
    """The stored row of ``rid`` (all fields, stored form) or None."""
    cur = conn.execute(f"SELECT * FROM {qi(obj.name)} WHERE Id = ?", (rid,))
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip((d[0] for d in cur.description), row, strict=True))


def _person_name(first: object, last: object) -> str | None:
    parts = [str(p) for p in (first, last) if p not in (None, "")]
    return " ".join(parts) or None


def _derive(obj: ObjectDef, record: dict[str, object]) -> None:
    """Fields the server computes from others."""
    if obj.name in ("Lead", "Contact", "User"):
        record["Name"] = _person_name(record.get("FirstName"), record.get("LastName"))
    if obj.name == "Task":
        record["IsClosed"] = int(record.get("Status") == "Completed")
    if obj.name == "Opportunity":
        stage = record.get("StageName")
        record["IsClosed"] = int(stage in ("Closed Won", "Closed Lost"))
        record["IsWon"] = int(stage == "Closed Won")


def create(ctx: WriteContext, actor: Actor, obj: ObjectDef, values: Mapping[str, object]) -> str:
    """Insert one record; returns its Id or raises WriteRejected."""
    if not obj.createable or obj.setup:
        raise WriteRejected([RecordError(
            "INVALID_TYPE_FOR_OPERATION", f"entity type {obj.name} does not support insert", [],
        )])
    if any(k.lower() == "id" for k in values):
        raise WriteRejected([RecordError(
            "INVALID_FIELD_FOR_INSERT_UPDATE", "cannot specify Id in an insert call", ["Id"],
        )])
    changed = check_access_and_types(ctx.catalog, actor.profile, obj, values, creating=True)
    record: dict[str, object] = {}
    for f in obj.fields:
        if f.defaulted_on_create and f.default is not None:
            record[f.name] = int(f.default) if f.type is FieldType.BOOLEAN else f.default  # type: ignore[call-overload]
        elif f.type is FieldType.BOOLEAN:
            record[f.name] = 0
    record.update(changed)
    _derive(obj, record)
    check_system_validation(ctx.conn, ctx.catalog, obj, record, changed, creating=True)
    check_validation_rules(ctx.rules, obj, record, ctx.now.date())
    check_duplicates(
        ctx.conn, obj, record, changed, record_id=None, api_version=ctx.api_version,
        rule_active=ctx.duplicate_rule_active and not ctx.allow_duplicates,
    )
    rid = next_id(ctx.conn, obj.key_prefix or "000")
    record["Id"] = rid
    _stamp(obj, record, actor, ctx.stamp, creating=True)
    _insert(ctx.conn, obj, record)
    return rid


def _live_record(ctx: WriteContext, obj: ObjectDef, record_id: str, operation: str
                 ) -> tuple[str, dict[str, object]]:
    """The 18-character Id and stored row of a record ``operation`` may act on, or the
    error Salesforce answers (type not supporting it, unknown Id, in the recycle bin)."""
    allowed = obj.updateable if operation == "update" else obj.deletable
    if not allowed or obj.setup:
        raise WriteRejected([RecordError(
            "INVALID_TYPE_FOR_OPERATION",
            f"entity type {obj.name} does not support {operation}", [],
        )])
    rid = normalise_id(obj, record_id)
    current = load_row(ctx.conn, obj, rid)
    if current is None:
        raise not_found()
    if current.get("IsDeleted"):
        raise entity_deleted()
    return rid, current


def update(
    ctx: WriteContext, actor: Actor, obj: ObjectDef, record_id: str,
    values: Mapping[str, object],
) -> str:
    """Update one record by Id; returns the 18-character Id or raises WriteRejected."""
    rid, current = _live_record(ctx, obj, record_id, "update")
    body = {k: v for k, v in values.items() if k.lower() != "id"}
    changed = check_access_and_types(ctx.catalog, actor.profile, obj, body, creating=False)
    if obj.name == "Lead" and current.get("IsConverted"):
        raise WriteRejected([RecordError(
            "CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead", [],
        )])
    record = dict(current)
    record.update(changed)
    _derive(obj, record)
    check_system_validation(ctx.conn, ctx.catalog, obj, record, changed, creating=False)
    check_validation_rules(ctx.rules, obj, record, ctx.now.date())
    real_changes = {k: v for k, v in changed.items() if current.get(k) != v}
    check_duplicates(
        ctx.conn, obj, record, real_changes, record_id=rid, api_version=ctx.api_version,
        rule_active=ctx.duplicate_rule_active and not ctx.allow_duplicates,
    )
    _stamp(obj, record, actor, ctx.stamp, creating=False)
    cols = [k for k in record if k != "_rid" and record[k] != current.get(k)]
    if cols:
        ctx.conn.execute(
            f"UPDATE {qi(obj.name)} SET {', '.join(f'{qi(c)} = ?' for c in cols)} WHERE Id = ?",
            [record[c] for c in cols] + [rid],
        )
    return rid


def delete(ctx: WriteContext, actor: Actor, obj: ObjectDef, record_id: str) -> str:
    """Send a record to the recycle bin (IsDeleted, stamps move); returns its Id."""
    rid, _row = _live_record(ctx, obj, record_id, "delete")
    ctx.conn.execute(
        f"UPDATE {qi(obj.name)} SET IsDeleted = 1, _deleted_at = ?, SystemModstamp = ?, "
        "LastModifiedDate = ?, LastModifiedById = ? WHERE Id = ?",
        (ctx.stamp, ctx.stamp, ctx.stamp, actor.user_id, rid),
    )
    return rid


def find_by_field(
    conn: sqlite3.Connection, obj: ObjectDef, field_name: str, value: str
) -> list[str]:
    """Ids of non-deleted records whose ``field_name`` equals ``value`` (case-insensitive
    for text, as external-id matching is)."""
    deleted = " AND IsDeleted = 0" if obj.has_recycle_bin else ""
    return [
        r[0] for r in conn.execute(
            f"SELECT Id FROM {qi(obj.name)} WHERE {qi(field_name)} = ?{deleted} LIMIT 2",
            (value,),
        )
    ]


def _stamp(obj: ObjectDef, record: dict[str, object], actor: Actor, stamp: str, *,
           creating: bool) -> None:
    if not obj.has_stamps:
        return
    if creating:
        record["CreatedDate"] = stamp
        record["CreatedById"] = actor.user_id
        if obj.field("OwnerId") and not record.get("OwnerId"):
            record["OwnerId"] = actor.user_id
        if obj.has_recycle_bin:
            record["IsDeleted"] = 0
    record["LastModifiedDate"] = stamp
    record["LastModifiedById"] = actor.user_id
    record["SystemModstamp"] = stamp


def _insert(conn: sqlite3.Connection, obj: ObjectDef, record: Mapping[str, object]) -> None:
    cols = [k for k in record if not k.startswith("_")]
    conn.execute(
        f"INSERT INTO {qi(obj.name)} ({', '.join(qi(c) for c in cols)}) "
        f"VALUES ({', '.join('?' for _ in cols)})",
        [record[c] for c in cols],
    )


def to_json_record(
    catalog: Catalog, profile: str, obj: ObjectDef, row: Mapping[str, object], version: str,
    fields: list[str] | None = None,
) -> dict[str, object]:
    """A stored row as ``GET sobjects/{obj}/{id}`` shows it to ``profile``."""
    out: dict[str, object] = {
        "attributes": {
            "type": obj.name,
            "url": f"/services/data/v{version}/sobjects/{obj.name}/{row['Id']}",
        }
    }
    visible = catalog.visible_fields(profile, obj)
    if fields is not None:
        wanted = {f.lower() for f in fields}
        visible = [f for f in visible if f.name.lower() in wanted]
    for f in visible:
        out[f.name] = from_db(f, row.get(f.name))
    return out
