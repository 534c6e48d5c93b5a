"""Salesforce → local: first sync (checkpointed, Bulk 2.0 when big) and the change feed.

The change feed reads ``SystemModstamp >=`` the watermark minus an overlap, ordered by
``SystemModstamp, Id``, through ``queryAll`` so deletes and merges arrive in the same feed;
records already applied with the same stamp are skipped, so the overlap costs nothing but
bandwidth and no record committed late with an earlier stamp is lost.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ..salesforce.soql import escape as _escape
from ..store import Store
from ..store.models import SyncObject
from ..store.records import to_column
from .columns import plain_columns, stored
from .merge import apply_record
from .schema import ObjectSchema
from .validate import check_records

log = logging.getLogger("sfsync.sync")

#: progress(object, done, total)
Progress = Callable[[str, int, int], None]


@dataclass
class PullCounts:
    new: int = 0
    updated: int = 0
    deleted: int = 0
    conflicts: int = 0
    unchanged: int = 0


def parse_stamp(text: str) -> datetime:
    """Salesforce's ``2024-01-02T03:04:05.000+0000`` as an aware datetime."""
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%f%z")


def soql_datetime(dt: datetime) -> str:
    """A SOQL datetime literal (unquoted, UTC, milliseconds)."""
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def window_condition(watermark: str | None, read_at: str | None, overlap: timedelta) -> str:
    """The SOQL condition covering every record the store may not have seen.

    Unseen records are stamped after the watermark, or — committed late by a long
    transaction — no earlier than ``overlap`` before our last complete read. Once the last
    read is more than the overlap past the watermark, the window is just ``> watermark``:
    a quiet object then costs nothing in the probe, however many records share the
    watermark's stamp.
    """
    if not watermark:
        return ""
    mark = parse_stamp(watermark)
    if read_at:
        floor = parse_stamp(read_at) - overlap
        if floor > mark:
            return f" WHERE SystemModstamp > {soql_datetime(mark)}"
        return f" WHERE SystemModstamp >= {soql_datetime(min(floor, mark - overlap))}"
    return f" WHERE SystemModstamp >= {soql_datetime(mark - overlap)}"


class Puller:
    """Pulls one object's records for one cycle."""

    def __init__(self, store: Store, conn, *, overlap_seconds: int, bulk_threshold: int,
                 cycle: int | None, progress: Progress | None = None,
                 bulk_page_records: int = 50_000) -> None:
        self.store = store
        self.conn = conn
        self.overlap = timedelta(seconds=overlap_seconds)
        self.bulk_threshold = bulk_threshold
        self.bulk_page_records = bulk_page_records
        self.cycle = cycle
        self.progress = progress

    # -- first sync ------------------------------------------------------------------------

    def first_sync(self, schema: ObjectSchema) -> PullCounts:
        """Copy every record the sync user can see; resumes from its checkpoint."""
        so = SyncObject.get_by_id(schema.name)
        checkpoint = json.loads(so.checkpoint) if so.checkpoint else {}
        if so.first_sync_total is None or not checkpoint:
            # with the recycle bin: deleted records are kept as tombstones, so the next
            # probe does not mistake a recent delete for a change still to pull
            so.first_sync_total = self.conn.count(f"FROM {schema.name}",
                                                  include_deleted=schema.has_recycle_bin)
            so.first_sync_done = 0
        so.first_sync = "running"
        so.save()
        total = so.first_sync_total or 0
        if checkpoint.get("mode") == "bulk" or (not checkpoint and total >= self.bulk_threshold):
            counts = self._first_sync_bulk(schema, so, checkpoint)
        else:
            counts = self._first_sync_rest(schema, so, checkpoint)
        so = SyncObject.get_by_id(schema.name)
        so.first_sync = "done"
        so.checkpoint = None
        # every Id was just compared: no reconcile needed until the next period
        so.last_reconcile = str(time.time())
        so.deleted_checked_to = str(time.time())
        so.save()
        return counts

    def _store_page(self, schema: ObjectSchema, so: SyncObject, records: list[dict],
                    checkpoint: dict) -> int:
        """Write one page and the checkpoint that follows it in one transaction; returns
        how many live (not deleted) records it held."""
        fields = list(schema.fields)
        types = schema.fields
        bookkeeping = schema.soql_fields()
        # whole columns at a time (see columns.py); value by value when a page needs it
        columns = plain_columns(types, records, fields + [
            f for f in bookkeeping if f not in types])
        if columns is not None:
            ids, stamps = columns["Id"], columns["SystemModstamp"]
            deleted = stored("boolean", columns.get("IsDeleted", (None,) * len(ids)))
            values = [stored(types[f], columns[f]) for f in fields]
        else:
            check_records(schema.name, types, records, bookkeeping=bookkeeping)
            ids = [rec["Id"] for rec in records]
            stamps = [rec.get("SystemModstamp") for rec in records]
            deleted = [to_column("boolean", rec.get("IsDeleted")) for rec in records]
            values = [[to_column(types[f], rec.get(f)) for rec in records] for f in fields]
        tops = [s for s in stamps if s]
        if so.watermark:
            tops.append(so.watermark)
        top = max(tops) if tops else None
        with self.store.atomic():
            n = self.store.table(schema.name).upsert_salesforce_columns(
                fields, ids, stamps, deleted, values)
            so.watermark = top
            so.first_sync_done = (so.first_sync_done or 0) + n
            so.checkpoint = json.dumps(checkpoint)
            so.save()
        if self.progress:
            self.progress(schema.name, so.first_sync_done, so.first_sync_total or 0)
        return n - sum(1 for d in deleted if d)

    def _first_sync_rest(self, schema: ObjectSchema, so: SyncObject, checkpoint: dict
                         ) -> PullCounts:
        where = ""
        if checkpoint.get("stamp"):
            stamp = soql_datetime(parse_stamp(checkpoint["stamp"]))
            last_id = _escape(checkpoint["id"])
            where = (f" WHERE SystemModstamp > {stamp} OR "
                     f"(SystemModstamp = {stamp} AND Id > '{last_id}')")
        soql = (f"SELECT {', '.join(schema.soql_fields())} FROM {schema.name}{where} "
                "ORDER BY SystemModstamp, Id")
        counts = PullCounts()
        for page in self.conn.query_pages(soql, include_deleted=schema.has_recycle_bin):
            if not page:
                continue
            last = page[-1]
            counts.new += self._store_page(schema, so, page, {
                "mode": "rest", "stamp": last["SystemModstamp"], "id": last["Id"]})
        return counts

    def _first_sync_bulk(self, schema: ObjectSchema, so: SyncObject, checkpoint: dict
                         ) -> PullCounts:
        soql = f"SELECT {', '.join(schema.soql_fields())} FROM {schema.name}"
        counts = PullCounts()
        pages: Iterator
        if checkpoint.get("job") and checkpoint.get("locator"):
            pages = self.conn.bulk_resume(checkpoint["job"], checkpoint["locator"],
                                          max_records=self.bulk_page_records,
                                          row_types=_stamp_types(schema))
        else:
            pages = self.conn.bulk_query(soql, include_deleted=schema.has_recycle_bin,
                                         max_records=self.bulk_page_records,
                                         row_types=_stamp_types(schema))
        for page in pages:
            records = page.records if hasattr(page, "records") else page
            job = getattr(page, "job_id", checkpoint.get("job"))
            locator = getattr(page, "next_locator", None)
            counts.new += self._store_page(schema, so, records, {
                "mode": "bulk", "job": job, "locator": locator})
        return counts

    # -- change feed -------------------------------------------------------------------------

    def changes(self, schema: ObjectSchema) -> PullCounts:
        """Apply everything changed since the watermark (minus the overlap)."""
        so = SyncObject.get_by_id(schema.name)
        counts = PullCounts()
        where = window_condition(so.watermark, self.store.setting(f"read_at.{schema.name}"),
                                 self.overlap)
        soql = (f"SELECT {', '.join(schema.soql_fields())} FROM {schema.name}{where} "
                "ORDER BY SystemModstamp, Id")
        top = so.watermark
        for page in self.conn.query_pages(soql, include_deleted=schema.has_recycle_bin):
            # a page that cannot be real is not applied, and the watermark stays before it
            check_records(schema.name, schema.fields, page, bookkeeping=schema.soql_fields())
            with self.store.atomic():
                for rec in page:
                    applied = apply_record(self.store, schema, rec, cycle=self.cycle)
                    setattr(counts, _COUNTER.get(applied.outcome, "unchanged"),
                            getattr(counts, _COUNTER.get(applied.outcome, "unchanged")) + 1)
                    stamp = rec.get("SystemModstamp")
                    if stamp and (top is None or stamp > top):
                        top = stamp
                so.watermark = top
                so.save()
        return counts

    def probe_request(self, schema: ObjectSchema, api_version: str) -> dict | None:
        """A composite/batch subrequest answering "did anything change?" for this object:
        the Ids and stamps in the overlap window (usually a handful)."""
        so = SyncObject.get_by_id(schema.name)
        if so.first_sync != "done" or not so.watermark:
            return None
        where = window_condition(so.watermark, self.store.setting(f"read_at.{schema.name}"),
                                 self.overlap)
        soql = (f"SELECT Id, SystemModstamp FROM {schema.name}{where} "
                "ORDER BY SystemModstamp, Id LIMIT 2000")
        kind = "queryAll" if schema.has_recycle_bin else "query"
        from urllib.parse import quote

        return {"method": "GET", "url": f"v{api_version}/{kind}?q={quote(soql)}"}

    def probe_says_unchanged(self, schema: ObjectSchema, result: dict | None) -> bool:
        """True when every record in the overlap window is already applied locally."""
        if not isinstance(result, dict) or result.get("done") is not True:
            return False
        records = result.get("records") or []
        if not isinstance(records, list) or len(records) >= 2000 or not all(
                isinstance(r, dict) and isinstance(r.get("Id"), str)
                and isinstance(r.get("SystemModstamp"), str) for r in records):
            return False  # an odd answer: read the window itself
        table = self.store.table(schema.name)
        local = table.by_sf_ids([r["Id"] for r in records])
        return all(
            r["Id"] in local and local[r["Id"]]["_modstamp"] == r["SystemModstamp"]
            for r in records
        )


def _stamp_types(schema: ObjectSchema) -> dict[str, str]:
    """Bulk CSV datetimes (``...Z``) rewritten to REST's ``...+0000``: stored in the
    Bulk form, every record in the overlap window looked changed to the next probe and
    was applied again (its datetimes logged as updated)."""
    return {"SystemModstamp": "datetime"} | {
        f: t for f, t in schema.fields.items() if t == "datetime"}


_COUNTER = {"new": "new", "updated": "updated", "deleted": "deleted", "conflict": "conflicts",
            "unchanged": "unchanged"}
