"""The GUI thread's reads: short, indexed, bounded. Plain Python returning dataclasses and
tuples (never peewee objects that outlive the call).

Reuses the command line's readers where they fit (``describe_record``, ``error_groups``,
the activity wording), so the window and ``sfsync`` tell the same story.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..cli.person import describe_record
from ..cli.report import COLUMNS, USAGE_KEY
from ..cli.views import error_groups
from ..store import Store
from ..store.models import Cycle, CycleObject, SyncObject
from ..store.records import from_column, table_name
from ..store.sql_sqlite import quote
from ..sync.persons import find_person_records
from .activity_text import ActivityText
from .values import error_words

__all__ = ["ActivityRow", "FieldRow", "PersonDetail", "api_usage", "cycle_objects", "cycles",
           "error_groups", "objects_overview", "person_detail"]


@dataclass(frozen=True)
class FieldRow:
    """One field of a record in the person view."""

    name: str
    label: str
    type: str
    local: object
    salesforce: object
    salesforce_known: bool
    change: str  # "" | "pending" | "failed" | "not synced"
    error: str = ""
    editable: bool = False


@dataclass(frozen=True)
class ActivityRow:
    id: int
    at: str
    record: str
    kind: str
    detail: str
    side: str


@dataclass
class PersonDetail:
    """A record and the person it belongs to."""

    obj: str
    local_id: int
    title: str
    sf_id: str | None
    state: str
    deleted: bool
    error: str
    records: list[tuple[str, int]]
    fields: list[FieldRow] = field(default_factory=list)
    activity: list[ActivityRow] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.obj}:{self.local_id}"

    @property
    def local_only(self) -> bool:
        return not self.sf_id and not self.deleted


def _title(obj: str, row: dict) -> str:
    name = row.get("Name") or " ".join(str(row[k]) for k in ("FirstName", "LastName")
                                        if row.get(k)) or row.get("Subject") or ""
    email = row.get("Email")
    text = str(name) or f"{obj} record"
    return f"{text} <{email}>" if email else text


def person_detail(store: Store, obj: str, local_id: int, *, two_way: bool,
                  activity_limit: int = 500) -> PersonDetail | None:
    """Everything the person view shows for ``obj:local_id`` (None if there is no such
    record)."""
    row = store.table(obj).get(local_id)
    if row is None:
        return None
    rec = describe_record(store, obj, local_id)
    infos = {f.name: f for f in store.fields(obj)}
    creating = not rec["sf_id"]
    rows: list[FieldRow] = []
    for name, f in rec["fields"].items():
        info = infos.get(name)
        pending = f.get("pending")
        change, error = "", ""
        sf_value: object = None
        known = False
        if pending:
            change = "failed" if pending["state"] == "failed" else "pending"
            sf_value = from_column(info.type if info else "", pending["salesforce"])
            known = not creating
            err = pending.get("error") or {}
            if err:
                error = f"{err.get('code', 'UNKNOWN')}: {err.get('message', '')}"
        elif not f["synced"]:
            change = "not synced"
        elif not creating:
            sf_value, known = f["value"], True
        editable = bool(two_way and info is not None and info.synced and not rec["deleted"]
                        and (info.createable if creating else info.updateable))
        rows.append(FieldRow(name, info.label if info else name, info.type if info else "",
                             f["value"], sf_value, known, change, error, editable))
    rows.sort(key=lambda r: (r.change not in ("pending", "failed"), r.local is None,
                             r.label.lower()))
    err = rec.get("error") or {}
    records = find_person_records(store, f"{obj}:{local_id}")
    detail = PersonDetail(
        obj, local_id, _title(obj, row), rec["sf_id"], str(rec["state"]), rec["deleted"],
        error_words(err) if err else "", records or [(obj, local_id)], rows)
    detail.activity = activity(store, detail.records, limit=activity_limit)
    return detail


def activity(store: Store, records: list[tuple[str, int]], limit: int = 500
             ) -> list[ActivityRow]:
    """The history of these records and their person, newest first."""
    entries = {}
    persons = set()
    for obj, lid in records:
        for e in store.activity(obj=obj, local_id=lid, limit=limit):
            entries[e.id] = e
        person = (store.table(obj).get(lid) or {}).get("_person")
        if person is not None:
            persons.add(int(person))  # type: ignore[call-overload]
    for person in persons:
        for e in store.activity(person=person, limit=limit):
            entries[e.id] = e
    newest = sorted(entries.values(), key=lambda e: e.id, reverse=True)[:limit]
    types = {o: {f.name: f.type for f in store.fields(o)} for o in {e.object for e in newest}}
    describe = ActivityText().describe  # the command line's words, in the window's language
    return [ActivityRow(e.id, e.at[:19].replace("T", " "), f"{e.object}:{e.local_id}",
                        e.kind, describe(e, types.get(e.object, {})), e.side or "")
            for e in newest]


# -- sync status ---------------------------------------------------------------------------------


def cycles(store: Store, n: int = 100) -> list[tuple]:
    """The last cycles: id, started, finished, trigger, status, API calls, the totals of
    :data:`COLUMNS` and the message."""
    out = []
    last = list(Cycle.select().order_by(Cycle.id.desc()).limit(n))
    totals: dict[int, dict[str, int]] = {c.id: dict.fromkeys(COLUMNS, 0) for c in last}
    if last:
        for o in CycleObject.select().where(CycleObject.cycle.in_([c.id for c in last])):
            t = totals[o.cycle_id]
            for col in COLUMNS:
                t[col] += getattr(o, col, 0) or 0
    for c in last:
        out.append((c.id, _when(c.started_at), _when(c.finished_at), c.trigger, c.status,
                    c.api_calls, *(totals[c.id][k] for k in COLUMNS), c.error or ""))
    return out


def cycle_objects(store: Store, cycle_id: int) -> list[tuple]:
    """Per object: new, updated, deleted, failed, skipped, pushed, API calls, ms."""
    return [(o.object, o.new, o.updated, o.deleted, o.failed, o.skipped, o.pushed,
             o.api_calls, o.duration_ms)
            for o in CycleObject.select().where(CycleObject.cycle == cycle_id)
            .order_by(CycleObject.id)]


def objects_overview(store: Store) -> list[tuple]:
    """Per synced object: direction, first sync, records, pending, failed, local only.
    Counts use COUNT(*) (SQLite counts a table without reading its rows) and the state
    index, so a million records cost milliseconds."""
    out = []
    for so in SyncObject.select().order_by(SyncObject.name):
        t = store.table(so.name)
        counts = {"records": 0, "pending": 0, "failed": 0, "local_only": 0}
        if t.exists():
            q = quote(table_name(so.name))
            by_state = dict(store.db.execute_sql(
                f"SELECT _state, COUNT(*) FROM {q} WHERE _state IN "
                "('deleted', 'pending', 'failed', 'local_only') GROUP BY _state").fetchall())
            total = store.db.execute_sql(f"SELECT COUNT(*) FROM {q}").fetchone()[0]
            counts["records"] = total - by_state.get("deleted", 0)
            for k in ("pending", "failed", "local_only"):
                counts[k] = by_state.get(k, 0)
        first = so.first_sync
        if first == "running":
            first = f"running {so.first_sync_done:,}/{so.first_sync_total or 0:,}"
        out.append((so.name, so.direction.replace("_", " "), first, counts["records"],
                    counts["pending"], counts["failed"], counts["local_only"]))
    return out


def api_usage(store: Store) -> tuple[int, int] | None:
    raw = store.setting(USAGE_KEY)
    if not raw:
        return None
    data = json.loads(raw)
    return int(data["used"]), int(data["limit"])


def _when(iso: str | None) -> str:
    """UTC ISO time as local time, to the second."""
    if not iso:
        return ""
    from datetime import datetime

    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return iso[:19].replace("T", " ")
