"""Local → Salesforce: the outbox, 200 records per call, a result per record.

A rejected record keeps its local value, is marked failed, and its error (code, message,
fields) goes to the record's activity log; it is tried again when it changes again or on a
manual retry. Transient failures (row lock, server errors, time-outs) stay queued with
back-off. A change of a field that is not synced now is parked: it stays in the outbox,
unsent, until the field syncs again (see :func:`parked_count`). A local person with no
Salesforce record is first linked to the one existing Lead or Contact with the same email;
only when there is none is a Lead created.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from peewee import fn

from ..salesforce.soql import escape as _escape
from ..store import Store, SyncState
from ..store.models import Activity, FieldInfo, Outbox
from ..store.records import dump, from_column, load, to_column
from .merge import move_converted_edits

log = logging.getLogger("sfsync.sync")

#: per-record errors worth retrying by themselves
TRANSIENT_CODES = frozenset({"UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE", "UNKNOWN_EXCEPTION",
                             "REQUEST_RUNNING_TOO_LONG", "ALL_OR_NONE_OPERATION_ROLLED_BACK"})
CHUNK = 200
#: ``last_error`` code of a create that was in flight when the process died
NO_ANSWER = "NO_ANSWER_BEFORE_CRASH"


@dataclass
class PushCounts:
    pushed: int = 0
    created: int = 0
    linked: int = 0
    failed: int = 0
    retrying: int = 0
    failures: list[tuple[int, str]] = field(default_factory=list)


def _error_code(box: Outbox) -> str | None:
    try:
        return json.loads(box.last_error).get("code") if box.last_error else None
    except (ValueError, AttributeError):
        return None


def parked_count(store: Store) -> int:
    """Local changes waiting in the outbox on fields that are not synced now."""
    synced = FieldInfo.select(FieldInfo.object, FieldInfo.name).where(
        FieldInfo.synced == True)  # noqa: E712
    return Outbox.select().where(
        Outbox.state.in_(["pending", "failed"])
        & ~fn.EXISTS(synced.where((FieldInfo.object == Outbox.object)
                                  & (FieldInfo.name == Outbox.field)))).count()


class Pusher:
    """Pushes one object's outbox."""

    def __init__(self, store: Store, conn, *, cycle: int | None, backoff_base: float,
                 backoff_cap: float, now: float | None = None) -> None:
        self.store = store
        self.conn = conn
        self.cycle = cycle
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.now = now if now is not None else time.time()
        self._folded_targets: set[int] = set()

    def push(self, obj: str, types: dict[str, str], *, only: set[int] | None = None,
             include_failed: bool = False) -> PushCounts:
        """Push pending changes of ``obj`` (or only of the local ids in ``only``)."""
        counts = PushCounts()
        pending = self.store.pending(obj, now=self.now if only is None else float("inf"),
                                     include_failed=include_failed)
        if only is not None:
            pending = {k: v for k, v in pending.items() if k in only}
        if not pending:
            return counts
        table = self.store.table(obj)
        updates: list[tuple[int, dict, list[Outbox]]] = []
        creates: list[tuple[int, dict, list[Outbox]]] = []
        for lid, boxes in pending.items():
            row = table.get(lid)
            if row is None or row["_deleted"]:
                self._fail(obj, lid, row, boxes, {
                    "code": "ENTITY_IS_DELETED",
                    "message": "the record was deleted in Salesforce; the local change "
                               "cannot be pushed", "fields": []})
                counts.failed += 1
                continue
            if obj == "Lead" and row.get("IsConverted"):
                # a converted Lead takes no changes: they go to its Contact once it is here
                move_converted_edits(self.store, lid)
                continue
            # edits of fields not synced now (excluded, access lost, "don't sync") are
            # parked: not sent and not cleared with the record's other changes — they go
            # out once the field syncs again
            boxes = [b for b in boxes if b.field in types]
            if not boxes:
                continue
            if row["_sf_id"]:
                payload = {b.field: from_column(types[b.field], row.get(b.field))
                           for b in boxes}
                updates.append((lid, {"attributes": {"type": obj}, "Id": row["_sf_id"],
                                      **payload}, boxes))
            else:
                creates.append((lid, row, boxes))
        handled: set[int] = set()
        if creates:
            updates += self._link_or_prepare_creates(obj, types, creates, counts, handled)
            updates += self._find_unanswered_creates(obj, types, creates, counts, handled)
        for start in range(0, len(updates), CHUNK):
            chunk = updates[start:start + CHUNK]
            results = self._send(chunk, self.conn.update)
            self._apply_results(obj, chunk, results, counts, created=False)
        to_create = [c for c in creates if c[0] not in handled]
        folded = self._folded_targets
        self._folded_targets = set()
        for start in range(0, len(to_create), CHUNK):
            chunk = [(lid, self._create_payload(obj, types, row), boxes)
                     for lid, row, boxes in to_create[start:start + CHUNK]]
            results = self._send(chunk, self.conn.create)
            self._apply_results(obj, chunk, results, counts, created=True)
        if folded:
            # values folded into a record already here go out in this push, not the next
            more = self.push(obj, types, only=folded)
            counts.pushed += more.pushed
            counts.failed += more.failed
            counts.retrying += more.retrying
            counts.failures += more.failures
        return counts

    # -- create: link by email first ----------------------------------------------------

    def _create_payload(self, obj: str, types: dict[str, str], row: dict) -> dict:
        fields = self.store.synced_fields(obj)
        payload = {name: from_column(types.get(name, ""), row.get(name))
                   for name in types if row.get(name) is not None and name in fields
                   and fields[name].createable}
        return {"attributes": {"type": obj}, **payload}

    def _link_or_prepare_creates(self, obj: str, types: dict[str, str],
                                 creates: list[tuple[int, dict, list[Outbox]]],
                                 counts: PushCounts, handled: set[int]
                                 ) -> list[tuple[int, dict, list[Outbox]]]:
        """Local persons with an email that exactly one Lead or Contact in Salesforce has
        are linked to it (and their fields pushed as an update) instead of created.

        This is also what makes a create safe after a crash: a record created in
        Salesforce whose Id never reached the store is found again by its email.
        """
        if obj not in ("Lead", "Contact"):
            return []
        emails = sorted({str(row["Email"]).lower() for _lid, row, _b in creates
                         if row.get("Email")})
        matches: dict[str, list[tuple[str, str]]] = {}
        for start in range(0, len(emails), 100):
            chunk = emails[start:start + 100]
            in_list = ", ".join(f"'{_escape(e)}'" for e in chunk)
            for other in ("Lead", "Contact"):
                extra = " AND IsConverted = false" if other == "Lead" else ""
                for page in self.conn.query_pages(
                        f"SELECT Id, Email FROM {other} WHERE Email IN ({in_list}){extra}"):
                    for rec in page:
                        matches.setdefault(str(rec["Email"]).lower(), []).append(
                            (other, rec["Id"]))
        linked: list[tuple[int, dict, list[Outbox]]] = []
        for lid, row, boxes in creates:
            found = matches.get(str(row.get("Email") or "").lower(), [])
            if len(found) != 1:
                continue
            other, sf_id = found[0]
            handled.add(lid)
            if other != obj:
                # e.g. a local Lead whose email belongs to a Contact: the person is that
                # Contact; its values are queued on the local Contact record
                self._link_across(obj, lid, row, boxes, other, sf_id)
                counts.linked += 1
                continue
            existing = self.store.table(obj).get_by_sf_id(sf_id)
            if existing is not None and int(existing["_lid"]) != lid:  # type: ignore[arg-type]
                self._fold_into(obj, lid, row, boxes, existing)
                counts.linked += 1
                continue
            self.store.table(obj).update(lid, {"_sf_id": sf_id,
                                               "_state": SyncState.PENDING.value})
            self.store.log("linked", obj, local_id=lid, sf_id=sf_id, person=row["_person"],
                           side="local", cycle=self.cycle,
                           detail={"email": row.get("Email"), "matched": other})
            payload = {b.field: from_column(types.get(b.field, ""), row.get(b.field))
                       for b in boxes if b.field in types and b.field != "Email"}
            linked.append((lid, {"attributes": {"type": obj}, "Id": sf_id, **payload},
                           [b for b in boxes if b.field != "Email"]))
            counts.linked += 1
        return linked

    def _fold_into(self, obj: str, lid: int, row: dict, boxes: list[Outbox],
                   existing: dict) -> None:
        """The Salesforce record is already here: move the local person's values onto it."""
        target = int(existing["_lid"])  # type: ignore[arg-type]
        values = {b.field: load(b.new_value) for b in boxes
                  if b.field != "Email" and load(b.new_value) is not None}
        with self.store.atomic():
            for b in boxes:
                b.delete_instance()
            self.store.table(obj).update(lid, {"_deleted": 1, "_state": SyncState.DELETED.value,
                                               "_master_sf_id": existing["_sf_id"]})
            if values:
                try:
                    self.store.local_edit(obj, target, values)
                except Exception as exc:  # a field the record cannot take: say so, keep going
                    log.warning("linking %s %s: %s", obj, lid, exc)
            self._folded_targets.add(target)
            self.store.log("linked", obj, local_id=target, sf_id=str(existing["_sf_id"]),
                           person=existing["_person"] or row["_person"],  # type: ignore[arg-type]
                           side="local", cycle=self.cycle,
                           detail={"email": row.get("Email"), "local_id": lid})

    def _link_across(self, obj: str, lid: int, row: dict, boxes: list[Outbox], other: str,
                     sf_id: str) -> None:
        existing = self.store.table(other).get_by_sf_id(sf_id) if self.store.table(
            other).exists() else None
        if existing is not None:
            other_fields = self.store.synced_fields(other)
            values = {b.field: load(b.new_value) for b in boxes
                      if b.field in other_fields and b.field != "Email"
                      and load(b.new_value) is not None}
            with self.store.atomic():
                for b in boxes:
                    b.delete_instance()
                self.store.table(obj).update(lid, {"_deleted": 1,
                                                   "_state": SyncState.DELETED.value,
                                                   "_master_sf_id": sf_id})
                if values:
                    try:
                        self.store.local_edit(other, int(existing["_lid"]), values)  # type: ignore[arg-type]
                    except Exception as exc:
                        log.warning("linking %s %s to %s: %s", obj, lid, other, exc)
                self.store.log("linked", other, local_id=int(existing["_lid"]),  # type: ignore[arg-type]
                               sf_id=sf_id, person=existing["_person"] or row["_person"],  # type: ignore[arg-type]
                               side="local", cycle=self.cycle,
                               detail={"email": row.get("Email"), "from": obj,
                                       "local_id": lid})
        else:
            self.store.log("linked", obj, local_id=lid, sf_id=sf_id, person=row["_person"],
                           side="local", cycle=self.cycle,
                           detail={"email": row.get("Email"), "matched": other,
                                   "note": "waiting for the next pull of " + other})

    # -- results -------------------------------------------------------------------------

    def _send(self, chunk: list[tuple[int, dict, list[Outbox]]], call) -> list[dict]:
        """One collection call with the chunk's changes marked in flight. When the call
        fails as a whole (dropped connection, 503, a refused token...) they go back to the
        queue at once — left "sending", only a restart would have sent them again."""
        self._mark_sending(chunk)
        try:
            return call([rec for _lid, rec, _b in chunk])
        except BaseException:
            self._back_to_queue([b.id for _lid, _rec, boxes in chunk for b in boxes])
            raise

    def _back_to_queue(self, ids: list[int]) -> None:
        """Changes in flight go back to "pending"; a create among them may have reached
        Salesforce all the same, so it is marked :data:`NO_ANSWER` (looked for before it
        is created again)."""
        marker = json.dumps({"code": NO_ANSWER, "message": (
            "Salesforce did not answer this create; it is looked for in Salesforce before "
            "it is created again"), "fields": []})
        with self.store.atomic():
            for b in Outbox.select().where(Outbox.id.in_(ids) & (Outbox.state == "sending")):
                row = self.store.table(b.object).get(b.local_id)
                values: dict = {"state": "pending"}
                if row is not None and not row["_sf_id"]:
                    values["last_error"] = marker
                Outbox.update(**values).where(Outbox.id == b.id).execute()

    def _mark_sending(self, chunk: list[tuple[int, dict, list[Outbox]]]) -> None:
        ids = [b.id for _lid, _rec, boxes in chunk for b in boxes]
        if ids:
            Outbox.update(state="sending").where(Outbox.id.in_(ids)).execute()

    def _apply_results(self, obj: str, chunk: list[tuple[int, dict, list[Outbox]]],
                       results: list[dict], counts: PushCounts, *, created: bool) -> None:
        table = self.store.table(obj)
        with self.store.atomic():
            for (lid, rec, boxes), result in zip(chunk, results, strict=True):
                row = table.get(lid) or {}
                if result.get("success"):
                    sent = {k: v for k, v in rec.items() if k not in ("attributes", "Id")}
                    for b in boxes:
                        current = Outbox.get_or_none(Outbox.id == b.id)
                        if current is None:
                            continue
                        # edited again while in flight: keep that edit queued
                        if current.new_value == b.new_value:
                            current.delete_instance()
                        else:
                            current.state = "pending"
                            current.old_value = dump(load(b.new_value))
                            current.save()
                    left = Outbox.select().where((Outbox.object == obj)
                                                 & (Outbox.local_id == lid)).count()
                    values = {"_state": SyncState.PENDING.value if left
                              else SyncState.SYNCED.value, "_error": None}
                    if created:
                        values["_sf_id"] = result["id"]
                        counts.created += 1
                    counts.pushed += 1
                    table.update(lid, values)
                    self.store.log("pushed", obj, local_id=lid,
                                   sf_id=result.get("id") or row.get("_sf_id"),  # type: ignore[arg-type]
                                   person=row.get("_person"), side="local",  # type: ignore[arg-type]
                                   cycle=self.cycle,
                                   detail={"fields": sorted(sent), "created": created})
                    continue
                errors = result.get("errors") or [{}]
                err = errors[0]
                error = {"code": err.get("statusCode") or err.get("errorCode") or "UNKNOWN",
                         "message": err.get("message", ""), "fields": err.get("fields") or []}
                if error["code"] in TRANSIENT_CODES:
                    self._retry_later(boxes, error)
                    counts.retrying += 1
                else:
                    self._fail(obj, lid, row, boxes, error)
                    counts.failed += 1
                    counts.failures.append((lid, error["code"]))

    def _retry_later(self, boxes: list[Outbox], error: dict) -> None:
        for b in boxes:
            attempts = b.attempts + 1
            delay = min(self.backoff_cap, self.backoff_base * (2 ** (attempts - 1)))
            Outbox.update(state="pending", attempts=attempts,
                          next_attempt_at=self.now + delay,
                          last_error=json.dumps(error)).where(Outbox.id == b.id).execute()

    def _fail(self, obj: str, lid: int, row: dict | None, boxes: list[Outbox],
              error: dict) -> None:
        ids = [b.id for b in boxes]
        Outbox.update(state="failed", last_error=json.dumps(error),
                      attempts=Outbox.attempts + 1).where(Outbox.id.in_(ids)).execute()
        if row:
            self.store.table(obj).update(lid, {"_state": SyncState.FAILED.value,
                                               "_error": json.dumps(error)})
        self.store.log("push_failed", obj, local_id=lid,
                       sf_id=(row or {}).get("_sf_id"), person=(row or {}).get("_person"),  # type: ignore[arg-type]
                       side="local", cycle=self.cycle,
                       detail=error | {"values": {b.field: load(b.new_value) for b in boxes}})

    def recover_sending(self) -> int:
        """After a crash: changes left "sending" go back to the queue. A create among them
        may have reached Salesforce: it is marked :data:`NO_ANSWER`, and before it is
        created again it is looked for by its email or, without one, by its values."""
        sending = [b.id for b in Outbox.select(Outbox.id).where(Outbox.state == "sending")]
        self._back_to_queue(sending)
        return len(sending)

    # -- a create that may have reached Salesforce before the crash --------------------

    def _find_unanswered_creates(self, obj: str, types: dict[str, str],
                                 creates: list[tuple[int, dict, list[Outbox]]],
                                 counts: PushCounts, handled: set[int]
                                 ) -> list[tuple[int, dict, list[Outbox]]]:
        """Creates whose answer was lost in a crash, not found by email: look for records
        of ``obj`` created since the change was made with exactly the values sent (not
        those typed after the crash), that no other local create has claimed, and link
        to them (in order) instead of creating the record a second time. Salesforce has
        no idempotency key for a create; the values sent are the only trace of it."""
        waiting = [(lid, row, boxes) for lid, row, boxes in creates if lid not in handled
                   and any(_error_code(b) == NO_ANSWER for b in boxes)]
        if not waiting:
            return []
        name_field = "LastName" if "LastName" in types else "Name" if "Name" in types else None
        if name_field is None:
            return []
        payloads = {lid: self._create_payload(obj, types, row) for lid, row, _b in waiting}
        # what the lost call carried: the marked changes (one edited since lost its mark,
        # and a field first set after the crash has none)
        sent = {lid: {b.field: load(b.new_value) for b in boxes
                      if _error_code(b) == NO_ANSWER and b.field in types}
                for lid, _row, boxes in waiting}
        names = sorted({str(v[name_field]) for v in sent.values() if v.get(name_field)})
        if not names:
            return []
        since = min(b.created_at for _lid, _row, boxes in waiting for b in boxes)
        since_soql = (datetime.fromisoformat(since).astimezone(UTC) - timedelta(days=1)
                      ).strftime("%Y-%m-%dT%H:%M:%SZ")
        fields = sorted({f for v in sent.values() for f in v})
        candidates: list[dict] = []
        for start in range(0, len(names), 50):
            in_list = ", ".join(f"'{_escape(n)}'" for n in names[start:start + 50])
            candidates += [r for page in self.conn.query_pages(
                f"SELECT Id, {', '.join(fields)} FROM {obj} WHERE {name_field} IN "
                f"({in_list}) AND CreatedDate >= {since_soql} ORDER BY CreatedDate, Id")
                for r in page]
        table = self.store.table(obj)
        taken: set[str] = set()
        for rec in candidates:
            existing = table.get_by_sf_id(rec["Id"])
            if existing is not None and Activity.select().where(
                    (Activity.object == obj) & (Activity.local_id == existing["_lid"])
                    & (Activity.kind == "created") & (Activity.side == "local")).exists():
                taken.add(rec["Id"])  # another local create's record
        linked: list[tuple[int, dict, list[Outbox]]] = []
        for lid, row, boxes in waiting:
            payload = payloads[lid]
            if not sent[lid].get(name_field):
                continue
            match = next((r for r in candidates if r["Id"] not in taken and all(
                to_column(types.get(f, ""), r.get(f)) == to_column(types.get(f, ""), v)
                for f, v in sent[lid].items())), None)
            if match is None:
                continue
            taken.add(match["Id"])
            handled.add(lid)
            counts.linked += 1
            existing = table.get_by_sf_id(match["Id"])
            if existing is not None:  # already pulled back as a record of its own
                self._fold_into(obj, lid, row, boxes, existing)
                continue
            table.update(lid, {"_sf_id": match["Id"], "_state": SyncState.PENDING.value})
            self.store.log("linked", obj, local_id=lid, sf_id=match["Id"],
                           person=row.get("_person"), side="local", cycle=self.cycle,
                           detail={"found_by": "values sent before a crash"})
            # Salesforce has these values already; the update settles the outbox the usual
            # way (a value edited again meanwhile stays queued)
            updateable = {n for n, f in self.store.synced_fields(obj).items() if f.updateable}
            linked.append((lid, {"attributes": {"type": obj}, "Id": match["Id"],
                                 **{k: v for k, v in payload.items() if k in updateable}},
                           boxes))
        return linked
