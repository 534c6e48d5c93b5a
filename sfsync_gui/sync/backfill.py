"""Backfill: the values of newly synced fields for the records already in the store.

A field starts syncing when the admin includes it, when a "don't sync" policy is lifted,
or when Salesforce grants the sync user read access. The change feed brings its value only
with each record's next change, so the schema step schedules a pass (a
:class:`~..store.models.Backfill` row, written with the catalog change) and the engine runs
it after the object's pull: ``SELECT Id, SystemModstamp, <fields>`` keyset-paged by Id over
REST, or a Bulk API 2.0 job when the object is big — the same choice the first sync makes.
Each page is written with its checkpoint in one transaction, so a killed process resumes
where it stopped; between pages the pass stops when the API budget is reached and goes on
in a later cycle.

A value is written straight into its column: no outbox entry, no conflict, no per-record
activity (one ``backfilled`` entry per object says what happened). A record with a local
edit of that very field waiting keeps the edit; its merge base becomes Salesforce's value,
so the next change from Salesforce is judged against what Salesforce really had.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..salesforce.errors import SalesforceError
from ..salesforce.soql import escape as _escape
from ..store import Store
from ..store.models import Backfill, Outbox, SyncObject
from ..store.records import dump, now_iso, to_column
from .pull import Progress
from .schema import ObjectSchema

log = logging.getLogger("sfsync.sync")

#: Fields a pass never fills: the engine reads them for its bookkeeping anyway.
NOT_BACKFILLED = frozenset({"Id", "SystemModstamp", "IsDeleted", "MasterRecordId"})


@dataclass
class BackfillResult:
    """What one run of a pass did."""

    fields: list[str]
    #: records read in this run
    records: int = 0
    #: the pass is complete (False: stopped for the budget; resumes next cycle)
    complete: bool = False


def schedule(store: Store, obj: str, fields: Iterable[str]) -> list[str]:
    """Ask for a pass over ``fields`` of ``obj`` (call inside the transaction that makes
    them synced). A pass already waiting or half done starts over with the union: its
    pages so far lack the new fields. Returns the fields of the pass."""
    wanted = sorted(set(fields) - NOT_BACKFILLED)
    if not wanted:
        return []
    so = SyncObject.get_or_none(SyncObject.name == obj)
    if so is None or so.first_sync == "pending":
        return []  # nothing local yet: the first sync reads every synced field
    row = Backfill.get_or_none(Backfill.object == obj)
    if row is not None:
        have = json.loads(row.fields)
        if set(wanted) <= set(have):
            return have
        wanted = sorted(set(wanted) | set(have))
        Backfill.delete().where(Backfill.object == obj).execute()
    Backfill.create(object=obj, fields=json.dumps(wanted), started_at=now_iso())
    log.info("%s: backfill of %s scheduled", obj, ", ".join(wanted))
    return wanted


def pending_fields(obj: str) -> list[str]:
    """The fields of ``obj`` still waiting for a backfill (empty when none)."""
    row = Backfill.get_or_none(Backfill.object == obj)
    return json.loads(row.fields) if row is not None else []


class Backfiller:
    """Runs (or resumes) one object's pass.

    Args:
        may_continue: asked before each further page; False stops the pass there (the
            API budget), keeping the checkpoint.
    """

    def __init__(self, store: Store, conn, *, cycle: int | None, bulk_threshold: int,
                 bulk_page_records: int, progress: Progress | None = None,
                 may_continue: Callable[[], bool] = lambda: True) -> None:
        self.store = store
        self.conn = conn
        self.cycle = cycle
        self.bulk_threshold = bulk_threshold
        self.bulk_page_records = bulk_page_records
        self.progress = progress
        self.may_continue = may_continue

    def run(self, schema: ObjectSchema) -> BackfillResult | None:
        """Run the object's pass if one is waiting; None when there is none."""
        row = Backfill.get_or_none(Backfill.object == schema.name)
        if row is None:
            return None
        fields = [f for f in json.loads(row.fields) if f in schema.fields]
        if not fields:  # excluded again before their values came
            Backfill.delete().where(Backfill.object == schema.name).execute()
            return None
        if fields != json.loads(row.fields):
            row.fields = json.dumps(fields)
            row.save()
        table = self.store.table(schema.name)
        if row.total is None:
            row.total = table.count("_sf_id IS NOT NULL AND _deleted = 0")
            row.save()
        checkpoint = json.loads(row.checkpoint) if row.checkpoint else {}
        result = BackfillResult(fields)
        mode = checkpoint.get("mode") or (
            "bulk" if row.total >= self.bulk_threshold else "rest")
        pages = (self._bulk_pages(schema, fields, checkpoint) if mode == "bulk"
                 else self._rest_pages(schema, fields, checkpoint))
        for records, next_checkpoint, last in pages:
            if records:
                row = self._store_page(schema, fields, records, next_checkpoint)
                result.records += len(records)
                if self.progress:
                    self.progress(schema.name, row.done, max(row.total or 0, row.done))
            # the last page: the loop asks once more, so a Bulk job is deleted
            if not last and not self.may_continue():  # before the next page is asked for
                log.info("%s: backfill stopped for the API budget at %d records",
                         schema.name, row.done)
                return result
        self._finish(schema.name)
        result.complete = True
        return result

    # -- reading -------------------------------------------------------------------------

    def _soql(self, schema: ObjectSchema, fields: list[str]) -> str:
        return f"SELECT Id, SystemModstamp, {', '.join(fields)} FROM {schema.name}"

    def _rest_pages(self, schema: ObjectSchema, fields: list[str], checkpoint: dict
                    ) -> Iterator[tuple[list[dict], dict, bool]]:
        """Pages keyset by Id; the checkpoint is the last Id stored. The pass ends when
        the query has no more pages."""
        where = ""
        if checkpoint.get("after"):
            where = f" WHERE Id > '{_escape(checkpoint['after'])}'"
        soql = f"{self._soql(schema, fields)}{where} ORDER BY Id"
        for page in self.conn.query_pages(soql):
            yield page, {"mode": "rest", "after": page[-1]["Id"] if page else None}, False

    def _bulk_pages(self, schema: ObjectSchema, fields: list[str], checkpoint: dict
                    ) -> Iterator[tuple[list[dict], dict | None, bool]]:
        """Pages of one Bulk query job; the checkpoint is the job and its next locator."""
        types = {f: schema.fields[f] for f in fields} | {"SystemModstamp": "datetime"}
        pages: Iterable
        if checkpoint.get("job") and checkpoint.get("locator"):
            try:
                pages = self._resumed(checkpoint["job"], checkpoint["locator"], types)
                yield from self._bulk_checkpoints(pages)
                return
            except SalesforceError as exc:
                if exc.status != 404:
                    raise
                log.info("%s: the backfill's Bulk job is gone; starting a new one",
                         schema.name)
        pages = self.conn.bulk_query(self._soql(schema, fields),
                                     max_records=self.bulk_page_records, row_types=types)
        yield from self._bulk_checkpoints(pages)

    def _resumed(self, job: str, locator: str, types: dict) -> Iterator:
        pages = self.conn.bulk_resume(job, locator, max_records=self.bulk_page_records,
                                      row_types=types)
        first = next(pages, None)  # a job Salesforce dropped fails here, before any write
        if first is not None:
            yield first
            yield from pages

    @staticmethod
    def _bulk_checkpoints(pages: Iterable) -> Iterator[tuple[list[dict], dict | None, bool]]:
        for page in pages:
            nxt = page.next_locator
            yield (list(page), {"mode": "bulk", "job": page.job_id, "locator": nxt} if nxt
                   else None, nxt is None)

    # -- writing -------------------------------------------------------------------------

    def _store_page(self, schema: ObjectSchema, fields: list[str], records: list[dict],
                    checkpoint: dict | None) -> Backfill:
        table = self.store.table(schema.name)
        converters = [(f, schema.fields[f]) for f in fields]
        with self.store.atomic():
            # read inside the transaction: another process may have just queued an edit
            pending = table.pending_edits(fields)
            values: dict[str, list[tuple[object, str, str]]] = {f: [] for f in fields}
            kept = 0
            for rec in records:
                sf_id, stamp = rec["Id"], rec.get("SystemModstamp") or ""
                for f, sf_type in converters:
                    value = to_column(sf_type, rec.get(f))
                    box = pending.get((sf_id, f))
                    if box is None:
                        values[f].append((value, sf_id, stamp))
                    else:  # the local edit stands; Salesforce's value is its new base
                        Outbox.update(old_value=dump(value)).where(Outbox.id == box).execute()
                        kept += 1
            table.backfill(values)
            row = Backfill.get_by_id(schema.name)
            row.done += len(records)
            row.kept += kept
            row.checkpoint = json.dumps(checkpoint) if checkpoint else row.checkpoint
            row.save()
        return row

    def _finish(self, obj: str) -> None:
        with self.store.atomic():
            row = Backfill.get_by_id(obj)
            fields = json.loads(row.fields)
            self.store.log("backfilled", obj, side="salesforce", cycle=self.cycle, detail={
                "fields": fields, "records": row.done, "kept_local_edits": row.kept,
                "started_at": row.started_at})
            Backfill.delete().where(Backfill.object == obj).execute()
        log.info("%s: backfilled %s for %d records", obj, ", ".join(fields), row.done)

