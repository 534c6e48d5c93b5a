"""The sync engine: one cycle, and force sync of one person. Plain Python, no Qt.

A cycle: (1) one ``composite/batch`` call asks every object at once whether its describe
changed and whether anything changed in Salesforce; (2) the schema step for objects whose
describe changed; (3) first syncs still to do; (4) the change feed for objects that
changed; (5) the push of the outbox; (6) a reconcile of Ids now and then, for hard deletes.
A cycle that finds nothing changed costs that one call.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from ..salesforce.errors import (
    ApiLimitReached,
    NeedsSignIn,
    QueryError,
    SalesforceError,
    TransientError,
)
from ..salesforce.soql import quote
from ..store import Store, SyncState
from ..store.models import CycleObject, SyncObject
from ..store.org_guard import OrgMismatch, check_org
from ..store.records import now_iso
from .backfill import Backfiller, pending_fields
from .config import TWO_WAY, SyncConfig
from .merge import apply_record
from .pull import Progress, Puller
from .push import Pusher
from .schema import ObjectSchema, apply_describe, schema_from_catalog
from .validate import MalformedAnswer, check_describe

log = logging.getLogger("sfsync.sync")

#: event(kind, payload): "phase" (str), "progress" (obj, done, total), "cycle" (summary)
EventSink = Callable[[str, object], None]


@dataclass
class ObjectSummary:
    new: int = 0
    updated: int = 0
    deleted: int = 0
    conflicts: int = 0
    failed: int = 0
    pushed: int = 0
    skipped: int = 0
    api_calls: int = 0
    duration_ms: int = 0
    #: records whose newly synced fields got their values (backfill)
    backfilled: int = 0


@dataclass
class CycleSummary:
    """What one cycle did; also what the CLI prints."""

    cycle_id: int
    status: str  # ok | failed | budget | needs_sign_in | api_limit
    api_calls: int
    objects: dict[str, ObjectSummary] = field(default_factory=dict)
    message: str = ""

    @property
    def failures(self) -> int:
        return sum(o.failed for o in self.objects.values())


class BudgetReached(Exception):
    """Background sync paused: the share of the daily API allowance is used."""


class SyncEngine:
    """Runs cycles and force syncs against one connection and one store.

    Args:
        store: the local database (written only from the thread that runs the engine).
        conn: a :class:`sfsync_gui.salesforce.connection.SalesforceConnection`.
        config: objects, intervals, thresholds.
        events: receives phases and progress (the CLI prints them, the window shows them).
    """

    def __init__(self, store: Store, conn, config: SyncConfig | None = None,
                 events: EventSink | None = None) -> None:
        self.store = store
        self.conn = conn
        self.config = config or SyncConfig()
        self.events = events or (lambda _kind, _payload: None)
        self._schemas: dict[str, ObjectSchema] = {}
        self._read_at: datetime | None = None
        self._org_checked = False
        Pusher(store, conn, cycle=None, backoff_base=1, backoff_cap=1).recover_sending()

    # -- helpers ---------------------------------------------------------------------------

    @property
    def api_version(self) -> str:
        return getattr(self.conn, "api_version", "59.0")

    def _calls(self) -> int:
        return int(getattr(self.conn, "calls", 0))

    def _budget_ok(self, share: float) -> bool:
        usage = getattr(self.conn, "usage", None)
        if usage is None or not usage.limit:
            return True
        return usage.used < usage.limit * share

    def _progress(self, obj: str, done: int, total: int) -> None:
        self.events("progress", (obj, done, total))

    def _objects(self) -> list[SyncObject]:
        out = []
        for name, direction in self.config.objects.items():
            out.append(self.store.sync_object(name, direction))
        return out

    # -- the cycle ---------------------------------------------------------------------------

    def check_org(self) -> None:
        """Refuse (:class:`OrgMismatch`) a connection to another org than the store's,
        before anything is written; the first sync records the org. Once per engine."""
        identity = getattr(self.conn, "identity", None)
        if self._org_checked or identity is None:  # unit tests' fake connections
            return
        check_org(self.store, identity())
        self._org_checked = True

    def run_cycle(self, trigger: str = "interval") -> CycleSummary:
        """One full cycle. Known failures end the cycle with a status, never a crash;
        a store of another org raises :class:`OrgMismatch` before the cycle starts."""
        calls_before_check = self._calls()
        try:
            self.check_org()
        except OrgMismatch:
            raise
        except SalesforceError as exc:  # unchecked: never sync an unknown org
            status = ("needs_sign_in" if isinstance(exc, NeedsSignIn) else
                      "api_limit" if isinstance(exc, ApiLimitReached) else "failed")
            # the failed attempt is a cycle the user looks for (status, window): record
            # that row only, no record data
            cycle = self.store.start_cycle(trigger)
            unchecked = CycleSummary(cycle.id, status, self._calls() - calls_before_check,
                                     message=f"{exc}; retrying next cycle")
            self.store.finish_cycle(cycle, status, unchecked.api_calls, unchecked.message)
            self.events("cycle", unchecked)
            return unchecked
        if trigger == "interval" and not self._budget_ok(self.config.budget_share):
            paused = CycleSummary(0, "budget", 0, message=(
                "background sync paused: "
                f"{int(self.config.budget_share * 100)} % of the daily API allowance is used"))
            self.events("cycle", paused)  # the CLI and the window say why nothing happens
            return paused
        cycle = self.store.start_cycle(trigger)
        start_calls = self._calls()
        summary = CycleSummary(cycle.id, "ok", 0)
        try:
            self._cycle(cycle, summary)
        except NeedsSignIn as exc:
            summary.status, summary.message = "needs_sign_in", str(exc)
        except ApiLimitReached as exc:
            summary.status, summary.message = "api_limit", (
                f"Salesforce refused more API calls today ({exc}); the sync waits")
        except TransientError as exc:
            summary.status, summary.message = "failed", (
                f"Salesforce is not answering properly ({exc}); retrying next cycle")
        except SalesforceError as exc:  # e.g. an untrusted certificate: not an "ok" cycle
            summary.status, summary.message = "failed", f"{exc}; retrying next cycle"
        except BaseException:
            summary.status = "failed"
            raise
        finally:
            summary.api_calls = self._calls() - start_calls
            self.store.finish_cycle(cycle, summary.status, summary.api_calls,
                                    summary.message or None)
            for name, o in summary.objects.items():
                CycleObject.create(cycle=cycle, object=name, new=o.new, updated=o.updated,
                                   deleted=o.deleted, failed=o.failed, skipped=o.skipped,
                                   pushed=o.pushed, api_calls=o.api_calls,
                                   duration_ms=o.duration_ms, backfilled=o.backfilled)
            self.events("cycle", summary)
        return summary

    def _cycle(self, cycle, summary: CycleSummary) -> None:
        objects = self._objects()
        self.events("phase", "checking for changes")
        describe_results, probe_results = self._probe(objects)
        unreadable: list[str] = []
        self._notes: list[str] = []
        for so in objects:
            t0 = time.perf_counter()
            calls0 = self._calls()
            osum = summary.objects.setdefault(so.name, ObjectSummary())
            try:
                self._object_step(cycle, so, osum, describe_results, probe_results)
            except TransientError as exc:
                if exc.code != "MALFORMED_RESPONSE":
                    raise
                # one object's unreadable answer: nothing of it was written; the others go on
                log.warning("%s: %s", so.name, exc)
                osum.failed += 1
                unreadable.append(f"{so.name}: {exc.message}")
                self.store.log("sync_error", so.name, cycle=cycle.id,
                               detail={"code": exc.code, "message": exc.message})
            osum.api_calls += self._calls() - calls0
            osum.duration_ms += int((time.perf_counter() - t0) * 1000)
        self._reconcile_if_due(objects, summary)
        if self._notes and not summary.message:
            summary.message = "; ".join(self._notes)
        if unreadable:
            summary.status = "failed"
            summary.message = ("Salesforce's answer could not be read for "
                               + "; ".join(unreadable) + "; nothing of it was saved, "
                               "retrying next cycle")
        self.events("phase", "waiting")

    def _object_step(self, cycle, so: SyncObject, osum: ObjectSummary, describe_results: dict,
                     probe_results: dict) -> None:
        """Schema, pull and push of one object in a cycle."""
        schema = self._schema_step(so, describe_results.get(so.name))
        if schema is None:
            return
        puller = Puller(self.store, self.conn, overlap_seconds=self.config.overlap_seconds,
                        bulk_threshold=self.config.bulk_threshold, cycle=cycle.id,
                        progress=self._progress,
                        bulk_page_records=self.config.bulk_page_records)
        so = SyncObject.get_by_id(so.name)
        if so.first_sync != "done":
            self.events("phase", f"first sync of {so.name}")
            counts = puller.first_sync(schema)
            osum.new += counts.new
        elif not puller.probe_says_unchanged(schema, probe_results.get(so.name)):
            self.events("phase", f"pulling {so.name}")
            counts = puller.changes(schema)
            osum.new += counts.new
            osum.updated += counts.updated
            osum.deleted += counts.deleted
            osum.conflicts += counts.conflicts
        if self._read_at is not None:
            self.store.set_setting(f"read_at.{so.name}", _stamp(self._read_at))
        if pending_fields(so.name) and SyncObject.get_by_id(so.name).first_sync == "done":
            self._backfill(cycle, schema, osum)
        if so.direction == TWO_WAY:
            self.events("phase", f"pushing {so.name}")
            pushed = Pusher(self.store, self.conn, cycle=cycle.id,
                            backoff_base=self.config.backoff_base,
                            backoff_cap=self.config.backoff_cap).push(so.name, schema.fields)
            osum.pushed += pushed.pushed
            osum.failed += pushed.failed

    def _backfill(self, cycle, schema: ObjectSchema, osum: ObjectSummary) -> None:
        """Values of newly synced fields for the records already here (see backfill.py);
        stops between pages at the API budget and goes on next cycle."""
        self.events("phase", f"backfilling {schema.name}")
        result = Backfiller(
            self.store, self.conn, cycle=cycle.id, bulk_threshold=self.config.bulk_threshold,
            bulk_page_records=self.config.bulk_page_records, progress=self._progress,
            may_continue=lambda: self._budget_ok(self.config.budget_share)).run(schema)
        if result is None:
            return
        osum.backfilled += result.records
        if not result.complete:
            self._notes.append(
                f"backfill of {', '.join(result.fields)} for {schema.name} paused: "
                f"{int(self.config.budget_share * 100)} % of the daily API allowance is "
                "used; it goes on in a later cycle")

    def _probe(self, objects: list[SyncObject]) -> tuple[dict, dict]:
        """One composite/batch call: describe (If-Modified-Since) and the overlap window of
        every object."""
        subrequests: list[tuple[str, str, dict]] = []
        for so in objects:
            sub: dict = {"method": "GET", "url": f"v{self.api_version}/sobjects/{so.name}/describe"}
            if so.describe_modified and self.store.table(so.name).exists():
                sub["httpHeaders"] = {"If-Modified-Since": so.describe_modified}
            subrequests.append(("describe", so.name, sub))
            schema = self._schemas.get(so.name)
            if schema is None and so.first_sync == "done":
                # a new process: the stored catalog knows the shape (a 304 will confirm it)
                schema = schema_from_catalog(self.store, so.name, so.direction)
            if schema is not None:
                probe = Puller(self.store, self.conn, overlap_seconds=self.config.overlap_seconds,
                               bulk_threshold=0, cycle=None).probe_request(schema, self.api_version)
                if probe:
                    subrequests.append(("probe", so.name, probe))
                if self._deleted_check_due(so, schema):
                    subrequests.append(("deleted", so.name, self._deleted_request(so.name)))
        # If-Modified-Since has whole seconds: remember a second before we asked, so a
        # change made in the same second as our describe is never answered with 304
        self._asked_at = time.time() - 1
        results = self.conn.batch([s for _k, _n, s in subrequests])
        # The server's clock when it answered (HTTP dates have whole seconds: one back).
        # Every record stamped before this minus the overlap has been seen once the object
        # is pulled in this cycle.
        server_time = getattr(self.conn, "server_time", None)
        self._read_at = server_time - timedelta(seconds=1) if isinstance(
            server_time, datetime) else None
        describes: dict[str, dict] = {}
        probes: dict[str, dict] = {}
        for (kind, name, _sub), res in zip(subrequests, results, strict=True):
            if kind == "describe":
                describes[name] = res
            elif kind == "deleted":
                self._note_purges(name, res)
            elif res.get("statusCode") == 200:
                probes[name] = res.get("result")
        return describes, probes

    # -- purges: get deleted's earliestDateAvailable ---------------------------------------

    def _deleted_check_due(self, so: SyncObject, schema: ObjectSchema) -> bool:
        if so.first_sync != "done" or not schema.has_recycle_bin:
            return False
        return time.time() - float(so.deleted_checked_to or 0) >= self.config.deleted_check_every

    def _deleted_request(self, obj: str) -> dict:
        from urllib.parse import quote

        end = datetime.now(UTC)
        start = end - timedelta(days=14)
        fmt = "%Y-%m-%dT%H:%M:%S+00:00"
        return {"method": "GET", "url": (
            f"v{self.api_version}/sobjects/{obj}/deleted/?start={quote(start.strftime(fmt))}"
            f"&end={quote(end.strftime(fmt))}")}

    def _note_purges(self, obj: str, res: dict) -> None:
        """When the recycle bin was emptied past what we last saw, deletes may have gone by
        unseen: reconcile the object's Ids in this cycle."""
        so = SyncObject.get_by_id(obj)
        so.deleted_checked_to = str(time.time())
        so.save()
        if res.get("statusCode") != 200:
            return
        earliest = (res.get("result") or {}).get("earliestDateAvailable")
        key = f"earliest_deleted.{obj}"
        before = self.store.setting(key)
        if earliest and before and earliest > before:
            log.info("%s: the recycle bin was purged since %s; reconciling Ids", obj, before)
            so.last_reconcile = None
            so.save()
        if earliest:
            self.store.set_setting(key, earliest)

    def _schema_step(self, so: SyncObject, describe_result: dict | None) -> ObjectSchema | None:
        status = (describe_result or {}).get("statusCode")
        if status == 304 and so.name in self._schemas:
            return self._schemas[so.name]
        if status == 304:
            schema = schema_from_catalog(self.store, so.name, so.direction)
            self._schemas[so.name] = schema
            return schema
        if not isinstance(status, int) or isinstance(status, bool):
            # a garbled subresponse is an unreadable answer, not a lack of access
            raise MalformedAnswer(f"Salesforce sent an unreadable describe of {so.name}: "
                                  "no status code")
        if status != 200:
            log.warning("describe of %s failed: %s", so.name, describe_result)
            self.store.log("skipped_no_access", so.name,
                           detail={"reason": "describe failed",
                                   "result": (describe_result or {}).get("result")})
            return None
        describe = describe_result["result"]  # type: ignore[index]
        check_describe(so.name, describe)
        access, definitions = self._field_access(so.name)
        schema = apply_describe(self.store, so.name, so.direction, describe, access, definitions)
        so.describe_modified = _http_date(getattr(self, "_asked_at", time.time() - 1))
        so.save()
        self._schemas[so.name] = schema
        return schema

    def _field_access(self, obj: str) -> tuple[list[dict] | None, list[dict] | None]:
        """What the sync user cannot see, when it may ask (View Setup)."""
        try:
            access = [r for page in self.conn.query_pages(
                "SELECT FieldDefinition.QualifiedApiName, IsAccessible, IsCreatable, "
                f"IsUpdatable FROM UserFieldAccess WHERE EntityDefinitionId = {quote(obj)}")
                for r in page]
            definitions = [r for page in self.conn.query_pages(
                "SELECT QualifiedApiName, Label, DataType FROM FieldDefinition "
                f"WHERE EntityDefinition.QualifiedApiName = {quote(obj)}") for r in page]
        except QueryError:
            return None, None
        return access, definitions

    def _reconcile_if_due(self, objects: list[SyncObject], summary: CycleSummary) -> None:
        """Compare Ids with Salesforce now and then: hard deletes leave no other trace."""
        now = time.time()
        for so in objects:
            so = SyncObject.get_by_id(so.name)
            if so.first_sync != "done":
                continue
            last = float(so.last_reconcile or 0)
            if now - last < self.config.reconcile_every_seconds:
                continue
            self.events("phase", f"reconciling {so.name}")
            self.reconcile(so.name, summary)

    def reconcile(self, obj: str, summary: CycleSummary | None = None) -> int:
        """Mark local records whose Id Salesforce no longer has (purged) as deleted."""
        table = self.store.table(obj)
        remote: set[str] = set()
        for page in self.conn.query_pages(f"SELECT Id FROM {obj}", include_deleted=True):
            remote.update(r["Id"] for r in page)
        gone = table.all_sf_ids() - remote
        with self.store.atomic():
            for sf_id in sorted(gone):
                row = table.get_by_sf_id(sf_id)
                if row is None:
                    continue
                table.update(int(row["_lid"]), {"_deleted": 1,  # type: ignore[arg-type]
                                                "_state": SyncState.DELETED.value})
                self.store.log("deleted", obj, local_id=int(row["_lid"]), sf_id=sf_id,  # type: ignore[arg-type]
                               person=row["_person"], side="salesforce",  # type: ignore[arg-type]
                               detail={"how": "hard delete found by reconcile"})
            so = SyncObject.get_by_id(obj)
            so.last_reconcile = str(time.time())
            so.save()
        if summary is not None:
            summary.objects.setdefault(obj, ObjectSummary()).deleted += len(gone)
        return len(gone)

    # -- force sync ------------------------------------------------------------------------

    def force_sync(self, key: str) -> dict:
        """Sync one person both ways now, outside the cycle. ``key``: email, Salesforce
        Id or ``Object:local_id``. Returns what happened (also logged)."""
        self.check_org()
        if not self._budget_ok(self.config.hard_cap_share):
            raise BudgetReached("the daily API allowance is nearly spent; force sync waits")
        from .persons import find_person_records

        records = find_person_records(self.store, key)
        if not records:
            raise LookupError(f"no person matches {key!r}: use an email, a Salesforce Id or "
                              "Object:local_id (see 'sfsync person show')")
        result: dict = {"records": []}
        for obj, lid in records:
            schema = self._schemas.get(obj) or schema_from_catalog(
                self.store, obj, self.config.objects.get(obj, TWO_WAY))
            row = self.store.table(obj).get(lid) or {}
            pulled = "not in Salesforce yet"
            if row.get("_sf_id"):
                soql = (f"SELECT {', '.join(schema.soql_fields())} FROM {obj} "
                        f"WHERE Id = {quote(str(row['_sf_id']))}")
                recs = [r for page in self.conn.query_pages(
                    soql, include_deleted=schema.has_recycle_bin) for r in page]
                pulled = "not found in Salesforce"
                for rec in recs:
                    with self.store.atomic():
                        pulled = apply_record(self.store, schema, rec, cycle=None).outcome
            pushed = Pusher(self.store, self.conn, cycle=None,
                            backoff_base=self.config.backoff_base,
                            backoff_cap=self.config.backoff_cap).push(
                obj, schema.fields, only={lid}, include_failed=True)
            row = self.store.table(obj).get(lid) or {}
            entry = {"object": obj, "local_id": lid, "sf_id": row.get("_sf_id"),
                     "pulled": pulled, "pushed": pushed.pushed, "failed": pushed.failed,
                     "state": row.get("_state")}
            self.store.log("force_synced", obj, local_id=lid, sf_id=row.get("_sf_id"),  # type: ignore[arg-type]
                           person=row.get("_person"), detail=entry)  # type: ignore[arg-type]
            result["records"].append(entry)
        return result


def _stamp(dt: datetime) -> str:
    """Salesforce's record form of a datetime (what watermarks are kept in)."""
    dt = dt.astimezone(UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}+0000"


def _http_date(epoch: float) -> str:
    from email.utils import formatdate

    return formatdate(epoch, usegmt=True)


__all__ = ["BudgetReached", "CycleSummary", "ObjectSummary", "Progress", "SyncEngine",
           "now_iso"]
