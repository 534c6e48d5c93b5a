"""The local org's state: database, catalog, clock, users, rules, API usage and cursors.

:class:`LocalOrg` is the plain-Python org that the HTTP layer (``server``/``rest``) and the
tests drive. One lock serialises database work; HTTP threads parse and serialise outside it.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from . import ids
from .clock import Clock
from .records import Actor, WriteContext
from .rules import RecordError, ValidationRule, WriteRejected, default_validation_rules
from .schema import Catalog, ObjectDef, build_catalog
from .storage import connect, create_tables, format_datetime, parse_datetime, qi

ADMIN_PROFILE = "System Administrator"
SYNC_PROFILE = "Integration User"
ADMIN_USERNAME = "admin@sfsync.local"
SYNC_USERNAME = "sync@sfsync.local"
ADMIN_ID = ids.make_id("005", 1)
SYNC_ID = ids.make_id("005", 2)

#: Query cursors live this long without use, as Salesforce's query locators do.
CURSOR_TTL_MS = 15 * 60 * 1000
UPDATED_REACH = timedelta(days=30)
DELETED_REACH = timedelta(days=15)
ID_LIMIT = 600_000


@dataclass(frozen=True)
class UserInfo:
    """An org user the API can act as."""

    id: str
    username: str
    password: str
    security_token: str
    profile: str
    email: str
    name: str

    @property
    def actor(self) -> Actor:
        return Actor(self.id, self.profile)


class ApiLimitExceeded(Exception):
    """The daily API allowance is spent."""


class LocalOrg:
    """All state of one local org, persisted under ``data_dir``.

    Args:
        data_dir: folder holding ``org.db``, certificates and the org's own secrets.
        seed: ``"demo"``, a number of Leads, or None for no seed (only on first start).
        api_limit: the daily API allowance (``DailyApiRequests.Max``).
        clock: the org clock (tests pass one to advance).
    """

    api_version = "59.0"

    def __init__(self, data_dir: Path, *, seed: str | int | None = "demo",
                 api_limit: int = 15000, clock: Clock | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.lock = threading.RLock()
        self.clock = clock or Clock()
        self.catalog: Catalog = build_catalog()
        self.rules: list[ValidationRule] = default_validation_rules()
        self.duplicate_rule_active = True
        self.api_limit = api_limit
        self.conn: sqlite3.Connection = connect(str(self.data_dir / "org.db"))
        self.conn.execute("ATTACH DATABASE '' AS cursors")
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS cursors.rows (cid INTEGER, seq INTEGER, rid INTEGER, "
            "PRIMARY KEY (cid, seq)) WITHOUT ROWID"
        )
        self._cursors: dict[int, _Cursor] = {}
        self._next_cursor = 1
        with self.lock:
            fresh = not self._has_tables()
            create_tables(self.conn, self.catalog)
            if fresh:
                self._initialise(seed)
            self.org_id = self._meta("org_id")
            self.users = self._load_users()
            self.client_id = self._meta("client_id")
            self.client_secret = self._meta("client_secret")
            # Schema changes and rule switches made through the control API outlive a restart.
            from .control import restore_persisted_changes

            restore_persisted_changes(self)
            self.refresh_setup_tables()

    # -- start-up ------------------------------------------------------------------------

    def _has_tables(self) -> bool:
        return self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = '_meta'"
        ).fetchone() is not None

    def _meta(self, key: str, default: str | None = None) -> str:
        row = self.conn.execute("SELECT value FROM _meta WHERE key = ?", (key,)).fetchone()
        if row is None:
            if default is None:
                raise KeyError(key)
            return default
        return row[0]

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO _meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def _initialise(self, seed: str | int | None) -> None:
        from .seed import SeedUser
        from .seed import seed as run_seed

        now = self.clock.now()
        # The org's own secrets: generated here, stored only in this data folder.
        facts = {
            "org_id": ids.make_id("00D", 1 + secrets.randbelow(10_000_000)),
            "client_id": "3MVG9sfsync." + secrets.token_urlsafe(24),
            "client_secret": secrets.token_hex(32),
            "created": format_datetime(now),
            "users": json.dumps([
                {"id": ADMIN_ID, "username": ADMIN_USERNAME, "password": secrets.token_urlsafe(12),
                 "security_token": secrets.token_urlsafe(18), "profile": ADMIN_PROFILE,
                 "email": "admin@sfsync.example", "first": "Ada", "last": "Admin"},
                {"id": SYNC_ID, "username": SYNC_USERNAME, "password": secrets.token_urlsafe(12),
                 "security_token": secrets.token_urlsafe(18), "profile": SYNC_PROFILE,
                 "email": "sync@sfsync.example", "first": "Sync", "last": "Integration"},
            ]),
        }
        self.conn.execute("BEGIN")
        for key, value in facts.items():
            self.set_meta(key, value)
        self.conn.execute("COMMIT")
        users = json.loads(facts["users"])
        seed_users = [
            SeedUser(u["username"], u["first"], u["last"], u["email"], u["profile"])
            for u in users
        ]
        run_seed(self.conn, self.catalog, seed if seed is not None else 0, now=now,
                 admin=seed_users[0], sync_user=seed_users[1])

    def _load_users(self) -> dict[str, UserInfo]:
        out = {}
        for u in json.loads(self._meta("users")):
            out[u["id"]] = UserInfo(
                u["id"], u["username"], u["password"], u["security_token"], u["profile"],
                u["email"], f"{u['first']} {u['last']}",
            )
        return out

    @property
    def admin(self) -> UserInfo:
        return self.users[ADMIN_ID]

    @property
    def sync_user(self) -> UserInfo:
        return self.users[SYNC_ID]

    def close(self) -> None:
        with self.lock:
            self.conn.close()

    # -- transactions --------------------------------------------------------------------

    @contextmanager
    def transaction(self, *, allow_duplicates: bool = False) -> Iterator[WriteContext]:
        """One write transaction with one timestamp; rolls back on any exception."""
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield WriteContext(
                    self.conn, self.catalog, self.rules, self.duplicate_rule_active,
                    self.clock.now(), self.api_version, allow_duplicates,
                )
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    @contextmanager
    def savepoint(self, ctx: WriteContext) -> Iterator[None]:
        """A nested unit inside a transaction: one record of a collection call."""
        ctx.conn.execute("SAVEPOINT rec")
        try:
            yield
        except BaseException:
            ctx.conn.execute("ROLLBACK TO rec")
            ctx.conn.execute("RELEASE rec")
            raise
        ctx.conn.execute("RELEASE rec")

    # -- API usage -----------------------------------------------------------------------

    def count_api_call(self) -> tuple[int, int]:
        """Count one API call against today's allowance (a UTC day on the org clock).

        Returns (used, max); raises ApiLimitExceeded when the allowance is spent (the
        refused call is not counted).
        """
        with self.lock:
            day = self.clock.now().date().isoformat()
            used = int(self._meta("api_usage", "0")) if self._meta("api_day", "") == day else 0
            if used >= self.api_limit:
                raise ApiLimitExceeded()
            used += 1
            self.set_meta("api_day", day)
            self.set_meta("api_usage", str(used))
            return used, self.api_limit

    def api_usage(self) -> tuple[int, int]:
        with self.lock:
            day = self.clock.now().date().isoformat()
            used = int(self._meta("api_usage", "0")) if self._meta("api_day", "") == day else 0
            return used, self.api_limit

    def limits(self) -> dict:
        used, limit = self.api_usage()
        return {
            "DailyApiRequests": {"Max": limit, "Remaining": max(0, limit - used)},
            "DailyBulkV2QueryJobs": {"Max": 10000, "Remaining": 10000},
            "DailyBulkV2QueryFileStorageMB": {"Max": 976562, "Remaining": 976562},
            "DataStorageMB": {"Max": 1024, "Remaining": 1024},
            "ConcurrentAsyncGetReportInstances": {"Max": 200, "Remaining": 200},
        }

    # -- setup objects -------------------------------------------------------------------

    def refresh_setup_tables(self) -> None:
        """Rebuild EntityDefinition, FieldDefinition and UserFieldAccess from the catalog."""
        with self.lock:
            self.conn.execute("BEGIN")
            for name in ("EntityDefinition", "FieldDefinition", "UserFieldAccess"):
                self.conn.execute(f"DELETE FROM {qi(name)}")
            ent_rows, fd_rows, ufa_rows = [], [], []
            for obj in self.catalog:
                if obj.setup:
                    continue
                ent_rows.append((obj.name, obj.name, obj.name, obj.label, obj.label_plural,
                                 obj.key_prefix, 1))
                for f in obj.fields:
                    durable = f"{obj.name}.{f.name}"
                    fd_rows.append((
                        durable, durable, f.name, obj.name, f.label, _data_type(f),
                        f.type.value, f.length, f.precision, f.scale, int(f.nillable),
                        int(f.calculated), int(f.filterable),
                        None,
                    ))
                    for user in self.users.values():
                        acc = self.catalog.access(user.profile, obj, f)
                        ufa_rows.append((
                            f"{durable}.{user.id}", f"{durable}.{user.id}", obj.name, durable,
                            user.id, int(acc.readable), int(acc.createable),
                            int(acc.updateable),
                        ))
            self.conn.executemany(
                'INSERT INTO "EntityDefinition" (Id, DurableId, QualifiedApiName, Label, '
                "PluralLabel, KeyPrefix, IsCustomizable) VALUES (?, ?, ?, ?, ?, ?, ?)",
                ent_rows,
            )
            self.conn.executemany(
                'INSERT INTO "FieldDefinition" (Id, DurableId, QualifiedApiName, '
                "EntityDefinitionId, Label, DataType, ValueTypeId, Length, Precision, Scale, "
                "IsNillable, IsCalculated, IsApiFilterable, NamespacePrefix) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                fd_rows,
            )
            self.conn.executemany(
                'INSERT INTO "UserFieldAccess" (Id, DurableId, EntityDefinitionId, '
                "FieldDefinitionId, UserId, IsAccessible, IsCreatable, IsUpdatable) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ufa_rows,
            )
            self.conn.execute("COMMIT")

    # -- queries -------------------------------------------------------------------------

    def query(self, user: UserInfo, soql: str, *, include_deleted: bool,
              batch_size: int = 2000) -> dict:
        """Run SOQL as ``user``: the first page and, when there are more, a locator."""
        from .soql import compile_soql, rows_to_records

        batch_size = max(200, min(2000, batch_size))
        with self.lock:
            cq = compile_soql(soql, self.catalog, profile=user.profile, user_id=user.id,
                              include_deleted=include_deleted, now=self.clock.now())
            total = self.conn.execute(cq.count_sql(), cq.params).fetchone()[0]
            if cq.count_only:
                return {"totalSize": total, "done": True, "records": []}
            if total <= batch_size:
                rows = self.conn.execute(cq.sql(), cq.params).fetchall()
                return {"totalSize": total, "done": True,
                        "records": rows_to_records(cq, rows, self.api_version)}
            cid = self._open_cursor(cq, total, batch_size, include_deleted)
        return self.query_more(user, self._locator(cid, 0), first=True)

    def _locator(self, cid: int, pos: int) -> str:
        return f"{ids.make_id('01g', cid)}-{pos}"

    def _open_cursor(self, cq: object, total: int, batch: int, include_deleted: bool) -> int:
        self._expire_cursors()
        cid = self._next_cursor
        self._next_cursor += 1
        limits = _limit_clause(cq)
        select = (
            f"SELECT t0._rid {cq.from_sql} {cq.where_sql} {cq.order_sql} {limits}"  # type: ignore[attr-defined]
        )
        cur = self.conn.execute(select, cq.params)  # type: ignore[attr-defined]
        self.conn.execute("BEGIN")
        seq = 0
        while True:
            chunk = cur.fetchmany(10_000)
            if not chunk:
                break
            self.conn.executemany(
                "INSERT INTO cursors.rows(cid, seq, rid) VALUES (?, ?, ?)",
                [(cid, seq + i, r[0]) for i, r in enumerate(chunk)],
            )
            seq += len(chunk)
        self.conn.execute("COMMIT")
        self._cursors[cid] = _Cursor(cq, seq, batch, include_deleted, self.clock.now_ms())
        return cid

    def _expire_cursors(self) -> None:
        now = self.clock.now_ms()
        for cid, cur in list(self._cursors.items()):
            if now - cur.used_ms > CURSOR_TTL_MS:
                self._drop_cursor(cid)

    def _drop_cursor(self, cid: int) -> None:
        self._cursors.pop(cid, None)
        self.conn.execute("DELETE FROM cursors.rows WHERE cid = ?", (cid,))

    def query_more(self, user: UserInfo, locator: str, *, first: bool = False) -> dict:
        """The page of a query locator ``{cursor Id}-{position}``."""
        from .soql import rows_to_records

        cid, pos = _parse_locator(locator)
        with self.lock:
            cursor = self._cursors.get(cid) if cid is not None else None
            if cursor is None or pos is None or pos < 0 or pos > cursor.total:
                raise WriteRejected([RecordError(
                    "INVALID_QUERY_LOCATOR", "invalid query locator", [],
                )])
            cursor.used_ms = self.clock.now_ms()
            cq = cursor.query
            end = min(pos + cursor.batch, cursor.total)
            from_sql = cq.from_sql.replace(
                "FROM ", "FROM cursors.rows c CROSS JOIN ", 1
            )
            sql = (
                f"{cq.select_sql} {from_sql} "
                "WHERE c.cid = ? AND c.seq >= ? AND c.seq < ? AND t0._rid = c.rid "
                "ORDER BY c.seq"
            )
            rows = self.conn.execute(sql, (cid, pos, end)).fetchall()
            done = end >= cursor.total
            if done:
                self._drop_cursor(cid)  # type: ignore[arg-type]
        out: dict = {
            "totalSize": cursor.total,
            "done": done,
            "records": rows_to_records(cq, rows, self.api_version),
        }
        if not done:
            kind = "queryAll" if cursor.include_deleted else "query"
            out["nextRecordsUrl"] = (
                f"/services/data/v{self.api_version}/{kind}/{self._locator(cid, end)}"  # type: ignore[arg-type]
            )
        return out

    # -- replication (get updated / get deleted) ----------------------------------------

    def _replication_window(self, start_text: str, end_text: str, reach: timedelta
                            ) -> tuple[datetime, datetime]:
        try:
            start = parse_datetime(start_text.replace(" ", "+"))
            end = parse_datetime(end_text.replace(" ", "+"))
        except ValueError as exc:
            raise WriteRejected([RecordError("MALFORMED_QUERY", str(exc), [])]) from None
        now = self.clock.now()
        if start >= end:
            raise WriteRejected([RecordError(
                "INVALID_REPLICATION_DATE", "startDate must chronologically precede endDate", [],
            )])
        if start < now - reach:
            raise WriteRejected([RecordError(
                "INVALID_REPLICATION_DATE",
                f"startDate cannot be more than {reach.days} days ago", [],
            )])
        # Salesforce covers whole minutes and never past now.
        end = min(end, now).replace(second=0, microsecond=0)
        return start.replace(second=0, microsecond=0), end

    def updated(self, obj: ObjectDef, start_text: str, end_text: str) -> dict:
        """``sobjects/{obj}/updated``: Ids created or changed in [start, end)."""
        start, end = self._replication_window(start_text, end_text, UPDATED_REACH)
        with self.lock:
            deleted = " AND IsDeleted = 0" if obj.has_recycle_bin else ""
            rows = self.conn.execute(
                f"SELECT Id FROM {qi(obj.name)} WHERE SystemModstamp >= ? "
                f"AND SystemModstamp < ?{deleted} ORDER BY SystemModstamp, Id LIMIT ?",
                (format_datetime(start), format_datetime(end), ID_LIMIT + 1),
            ).fetchall()
        if len(rows) > ID_LIMIT:
            raise WriteRejected([RecordError(
                "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 600000 ids", [],
            )])
        return {"ids": [r[0] for r in rows], "latestDateCovered": format_datetime(end)}

    def deleted(self, obj: ObjectDef, start_text: str, end_text: str) -> dict:
        """``sobjects/{obj}/deleted``: records sent to the bin in [start, end)."""
        start, end = self._replication_window(start_text, end_text, DELETED_REACH)
        with self.lock:
            rows = self.conn.execute(
                f"SELECT Id, _deleted_at FROM {qi(obj.name)} WHERE IsDeleted = 1 "
                "AND _deleted_at >= ? AND _deleted_at < ? ORDER BY _deleted_at, Id LIMIT ?",
                (format_datetime(start), format_datetime(end), ID_LIMIT + 1),
            ).fetchall()
            earliest = self._meta(f"earliest_deleted.{obj.name}", self._meta("created"))
        if len(rows) > ID_LIMIT:
            raise WriteRejected([RecordError(
                "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 600000 ids", [],
            )])
        return {
            "deletedRecords": [{"id": r[0], "deletedDate": r[1]} for r in rows],
            "earliestDateAvailable": earliest,
            "latestDateCovered": format_datetime(end),
        }


@dataclass
class _Cursor:
    query: object
    total: int
    batch: int
    include_deleted: bool
    used_ms: int


def _limit_clause(cq: object) -> str:
    limit = getattr(cq, "limit", None)
    offset = getattr(cq, "offset", None)
    if limit is None and offset is None:
        return ""
    return f"LIMIT {int(limit) if limit is not None else -1} OFFSET {int(offset or 0)}"


def _parse_locator(locator: str) -> tuple[int | None, int | None]:
    head, _, pos = locator.rpartition("-")
    try:
        if not head.startswith("01g"):
            return None, None
        cid = _decode_number(head[6:15])
        return cid, int(pos)
    except ValueError:
        return None, None


def _decode_number(digits: str) -> int:
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    n = 0
    for ch in digits:
        idx = alphabet.find(ch)
        if idx < 0:
            raise ValueError(digits)
        n = n * 62 + idx
    return n


def _data_type(f: object) -> str:
    """FieldDefinition.DataType as Setup shows it (``Text(80)``, ``Lookup(User)``...)."""
    from .schema import FieldDef, FieldType

    assert isinstance(f, FieldDef)
    t = f.type
    if t is FieldType.STRING:
        return f"Text({f.length})"
    if t is FieldType.TEXTAREA:
        return f"Text Area({f.length})" if f.length <= 255 else f"Long Text Area({f.length})"
    if t is FieldType.REFERENCE:
        return f"Lookup({','.join(f.reference_to)})"
    if t in (FieldType.DOUBLE, FieldType.CURRENCY, FieldType.PERCENT):
        name = {FieldType.DOUBLE: "Number", FieldType.CURRENCY: "Currency",
                FieldType.PERCENT: "Percent"}[t]
        return f"{name}({f.precision}, {f.scale})"
    return {
        FieldType.ID: "Lookup()", FieldType.EMAIL: "Email", FieldType.PHONE: "Phone",
        FieldType.URL: "URL(255)", FieldType.PICKLIST: "Picklist",
        FieldType.MULTIPICKLIST: "Picklist (Multi-Select)", FieldType.COMBOBOX: "Picklist",
        FieldType.BOOLEAN: "Checkbox", FieldType.INT: "Number(8, 0)", FieldType.DATE: "Date",
        FieldType.DATETIME: "Date/Time",
    }.get(t, t.value)


def wall_ms() -> int:
    return int(time.time() * 1000)
