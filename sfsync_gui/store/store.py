"""The store: the local database the sync keeps and the window shows.

One :class:`Store` per process opens the SQLite file. Writes happen on the sync thread; the
window only reads. Every local change is written together with its outbox rows and its
activity entry in one transaction, so a crash can never keep one without the others.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from peewee import fn

from .db import open_database
from .models import (
    Activity,
    Cycle,
    CycleObject,
    FieldInfo,
    Outbox,
    Person,
    Policy,
    Setting,
    SyncObject,
)
from .records import RecordTable, SyncState, dump, load, now_iso


class LocalEditError(Exception):
    """A local change the store refuses (unknown field, read-only in Salesforce...).
    The message says what to do."""


@dataclass(frozen=True)
class ActivityEntry:
    """An activity row as the CLI and the window show it."""

    id: int
    at: str
    object: str
    local_id: int | None
    sf_id: str | None
    kind: str
    field: str | None
    old_value: object
    new_value: object
    side: str | None
    detail: dict


class Store:
    """The local database. Open with ``Store(path)``; ``close()`` when done."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.db = open_database(self.path)
        self._tables: dict[str, RecordTable] = {}

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def atomic(self) -> Iterator[None]:
        with self.db.atomic():
            yield

    def table(self, obj: str) -> RecordTable:
        t = self._tables.get(obj)
        if t is None:
            t = self._tables[obj] = RecordTable(self.db, obj)
        return t

    # -- settings ------------------------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = Setting.get_or_none(Setting.key == key)
        return row.value if row else default

    def set_setting(self, key: str, value: str) -> None:
        Setting.insert(key=key, value=value).on_conflict_replace().execute()

    # -- objects and fields ----------------------------------------------------------------

    def sync_object(self, name: str, direction: str) -> SyncObject:
        obj, _ = SyncObject.get_or_create(
            name=name, defaults={"direction": direction, "table": self.table(name).table})
        if obj.direction != direction:
            obj.direction = direction
            obj.save()
        return obj

    def fields(self, obj: str) -> list[FieldInfo]:
        return list(FieldInfo.select().where(FieldInfo.object == obj).order_by(FieldInfo.name))

    def synced_fields(self, obj: str) -> dict[str, FieldInfo]:
        return {
            f.name: f for f in FieldInfo.select().where(
                (FieldInfo.object == obj) & (FieldInfo.synced == True))  # noqa: E712
        }

    def policy(self, obj: str, field: str) -> str:
        """The conflict policy of ``obj.field``: the field's own, else the object's, else
        local wins (the product's default)."""
        row = (Policy.select().where((Policy.object == obj) & (Policy.field.in_([field, ""])))
               .order_by(Policy.field.desc()).first())
        return row.policy if row else "local_wins"

    def set_policy(self, obj: str, field: str, policy: str) -> None:
        if policy not in ("local_wins", "salesforce_wins", "salesforce_unless_blank",
                          "dont_sync"):
            raise LocalEditError(
                f"unknown policy {policy!r}: use local_wins, salesforce_wins, "
                "salesforce_unless_blank or dont_sync")
        Policy.insert(object=obj, field=field, policy=policy).on_conflict_replace().execute()

    # -- persons ---------------------------------------------------------------------------

    def new_person(self, email: object, name: object) -> int:
        return Person.create(email=email or None, name=str(name or "")).id

    # -- activity --------------------------------------------------------------------------

    def log(self, kind: str, obj: str, *, local_id: int | None = None, sf_id: str | None = None,
            person: int | None = None, field: str | None = None, old: object = None,
            new: object = None, side: str | None = None, detail: Mapping | None = None,
            cycle: int | None = None) -> None:
        """Append one activity entry."""
        Activity.create(
            at=now_iso(), person=person, object=obj, local_id=local_id, sf_id=sf_id, kind=kind,
            field=field, old_value=dump(old), new_value=dump(new), side=side,
            detail=json.dumps(dict(detail), ensure_ascii=False) if detail else None,
            cycle=cycle,
        )

    def activity(self, *, person: int | None = None, obj: str | None = None,
                 local_id: int | None = None, limit: int = 500) -> list[ActivityEntry]:
        q = Activity.select()
        if person is not None:
            q = q.where(Activity.person == person)
        else:
            q = q.where((Activity.object == obj) & (Activity.local_id == local_id))
        return [
            ActivityEntry(a.id, a.at, a.object, a.local_id, a.sf_id, a.kind, a.field,
                          load(a.old_value), load(a.new_value), a.side,
                          json.loads(a.detail) if a.detail else {})
            for a in q.order_by(Activity.id.desc()).limit(limit)
        ]

    # -- local changes ---------------------------------------------------------------------

    def local_edit(self, obj: str, local_id: int, changes: Mapping[str, object]) -> list[str]:
        """Change fields of a record locally; queued for the next push.

        Returns the fields that really changed. Raises LocalEditError for fields that are
        not synced or that the sync user may not update in Salesforce.
        """
        table = self.table(obj)
        fields = self.synced_fields(obj)
        with self.atomic():
            row = table.get(local_id)
            if row is None:
                raise LocalEditError(f"no {obj} with local id {local_id}")
            if row["_deleted"]:
                raise LocalEditError(f"{obj} {row['_sf_id']} was deleted in Salesforce")
            if obj == "Lead" and row.get("IsConverted"):
                raise LocalEditError(
                    f"Lead {row['_sf_id']} was converted in Salesforce and can no longer be "
                    "changed; edit its Contact instead")
            creating = row["_sf_id"] is None
            for name in changes:
                info = fields.get(name)
                if info is None:
                    raise LocalEditError(
                        f"{obj}.{name} is not synced: see 'sfsync fields {obj}' for the fields "
                        "you can change")
                allowed = info.createable if creating else info.updateable
                if not allowed:
                    raise LocalEditError(
                        f"the Salesforce sync user may not {'set' if creating else 'change'} "
                        f"{obj}.{name}; ask your Salesforce admin for edit access or leave "
                        "it alone")
            from .records import to_column

            new_values = {n: to_column(fields[n].type, v) for n, v in changes.items()}
            changed = [n for n, v in new_values.items() if row.get(n) != v]
            if not changed:
                return []
            table.update(local_id, {n: new_values[n] for n in changed} | {
                "_state": SyncState.LOCAL_ONLY.value if creating else SyncState.PENDING.value,
                "_error": None,
            })
            # the record changed again: its failed changes are sent again with this one
            Outbox.update(state="pending", attempts=0, next_attempt_at=0.0).where(
                (Outbox.object == obj) & (Outbox.local_id == local_id)
                & (Outbox.state == "failed")).execute()
            for name in changed:
                self._queue(obj, local_id, name, row.get(name), new_values[name])
                self.log("updated", obj, local_id=local_id, sf_id=row["_sf_id"],  # type: ignore[arg-type]
                         person=row["_person"], field=name, old=row.get(name),  # type: ignore[arg-type]
                         new=new_values[name], side="local")
            return changed

    def _queue(self, obj: str, local_id: int, field: str, old: object, new: object) -> None:
        existing = Outbox.get_or_none((Outbox.object == obj) & (Outbox.local_id == local_id)
                                      & (Outbox.field == field))
        if existing is None:
            Outbox.create(object=obj, local_id=local_id, field=field, old_value=dump(old),
                          new_value=dump(new), created_at=now_iso())
        elif existing.old_value == dump(new) and existing.state != "failed":
            existing.delete_instance()  # edited back to what Salesforce has: nothing to push
        else:
            existing.new_value = dump(new)
            existing.state = "pending"
            existing.attempts = 0
            existing.next_attempt_at = 0.0
            existing.last_error = None
            existing.save()

    def create_local(self, obj: str, values: Mapping[str, object]) -> int:
        """A new record that exists only locally until pushed (state ``local_only``)."""
        fields = self.synced_fields(obj)
        unknown = [n for n in values if n not in fields]
        if unknown:
            raise LocalEditError(
                f"{obj} has no synced field {', '.join(unknown)}; see 'sfsync fields {obj}'")
        not_creatable = [n for n in values if not fields[n].createable]
        if not_creatable:
            raise LocalEditError(
                f"the Salesforce sync user may not set {', '.join(not_creatable)} on a new "
                f"{obj}")
        from .records import to_column

        stored = {n: to_column(fields[n].type, v) for n, v in values.items()}
        with self.atomic():
            person = None
            if obj in ("Lead", "Contact"):
                name = " ".join(str(stored[k]) for k in ("FirstName", "LastName")
                                if stored.get(k))
                person = self.new_person(stored.get("Email"), name)
            lid = self.table(obj).insert(stored | {"_state": SyncState.LOCAL_ONLY.value,
                                                   "_person": person})
            for name, value in stored.items():
                if value is not None:
                    self._queue(obj, lid, name, None, value)
            self.log("created", obj, local_id=lid, person=person, side="local",
                     detail={"fields": sorted(stored)})
        return lid

    def pending(self, obj: str, *, now: float, include_failed: bool = False
                ) -> dict[int, list[Outbox]]:
        """Outbox rows ready to push, grouped by record."""
        states = ["pending", "failed"] if include_failed else ["pending"]
        out: dict[int, list[Outbox]] = {}
        for row in (Outbox.select().where((Outbox.object == obj) & (Outbox.state.in_(states))
                                          & (Outbox.next_attempt_at <= now))
                    .order_by(Outbox.local_id, Outbox.field)):
            out.setdefault(row.local_id, []).append(row)
        return out

    def outbox_for(self, obj: str, local_id: int) -> dict[str, Outbox]:
        return {o.field: o for o in Outbox.select().where(
            (Outbox.object == obj) & (Outbox.local_id == local_id))}

    def retry_records(self, records: set[tuple[str, int]] | None = None
                      ) -> dict[tuple[str, int], list[str]]:
        """Put the failed changes of ``records`` (all when None) back in the queue and log a
        ``retried`` entry per record. Returns the fields queued again, per record."""
        failed: dict[tuple[str, int], list[str]] = {}
        for row in Outbox.select().where(Outbox.state == "failed"):
            key = (row.object, row.local_id)
            if records is None or key in records:
                failed.setdefault(key, []).append(row.field)
        with self.atomic():
            for (obj, lid), fields in failed.items():
                self.retry_failed(obj, lid)
                r = self.table(obj).get(lid) or {}
                self.log("retried", obj, local_id=lid, sf_id=r.get("_sf_id"),  # type: ignore[arg-type]
                         person=r.get("_person"), side="local",  # type: ignore[arg-type]
                         detail={"fields": sorted(fields)})
        return failed

    def retry_failed(self, obj: str | None = None, local_id: int | None = None) -> int:
        """Put failed pushes back in the queue (manual retry). Returns how many fields."""
        q = Outbox.update(state="pending", attempts=0, next_attempt_at=0.0).where(
            Outbox.state == "failed")
        if obj is not None:
            q = q.where(Outbox.object == obj)
        if local_id is not None:
            q = q.where(Outbox.local_id == local_id)
        return q.execute()

    # -- errors and cycles -------------------------------------------------------------------

    def errors_grouped(self) -> list[tuple[str, str, str, int]]:
        """Failed pushes grouped by (object, error code, field) with counts."""
        out: dict[tuple[str, str, str], int] = {}
        for row in Outbox.select(Outbox.object, Outbox.local_id, Outbox.last_error).where(
                Outbox.state == "failed").distinct():
            err = json.loads(row.last_error) if row.last_error else {}
            fields = err.get("fields") or [""]
            for f in fields:
                key = (row.object, err.get("code", "UNKNOWN"), f)
                out[key] = out.get(key, 0) + 1
        return sorted(((*k, n) for k, n in out.items()), key=lambda r: (-r[3], r))

    def start_cycle(self, trigger: str) -> Cycle:
        return Cycle.create(started_at=now_iso(), trigger=trigger)

    def finish_cycle(self, cycle: Cycle, status: str, api_calls: int, error: str | None = None
                     ) -> None:
        cycle.finished_at = now_iso()
        cycle.status = status
        cycle.api_calls = api_calls
        cycle.error = error
        cycle.save()

    def cycle_object(self, cycle: Cycle, obj: str) -> CycleObject:
        return CycleObject.create(cycle=cycle, object=obj)

    def last_cycles(self, n: int = 20) -> list[Cycle]:
        return list(Cycle.select().order_by(Cycle.id.desc()).limit(n))

    def outbox_counts(self) -> dict[str, int]:
        return {r.state: r.n for r in Outbox.select(Outbox.state, fn.COUNT(Outbox.id).alias("n"))
                .group_by(Outbox.state)}
