"""Bulk API 2.0 ingest jobs of the local org: insert, update, upsert, delete, hardDelete.

* ``POST jobs/ingest`` checks the object, operation and external id field; the job starts
  ``Open``.
* ``PUT jobs/ingest/{id}/batches`` takes the CSV (one upload per job) and answers ``201``
  with no body. Rows go to the job store as they are parsed, never all at once.
* ``PATCH {"state": "UploadComplete"}`` queues the job. The worker checks the header
  against the creator's field access (an unknown or hidden column fails the whole job, as
  Salesforce's ``InvalidBatch : Field name not found``), then writes the rows through the
  org's one write path (``records.create``/``update``/``delete``) in transactions of 200
  records with a savepoint per record, so every rule applies and a failed row leaves
  nothing behind. Between transactions the org's lock is free for other callers, and an
  abort stops the job (processed rows stay, the rest are "unprocessed").
* ``successfulResults``, ``failedResults`` and ``unprocessedrecords`` stream CSV:
  ``"sf__Id","sf__Created"`` or ``"sf__Id","sf__Error"`` before the uploaded columns.

CSV values: an empty value leaves the field alone, ``#N/A`` sets it to null.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .bulk_jobs import (
    FAILED,
    OPEN,
    Job,
    invalid_job,
    invalid_state,
    not_complete,
    parse_format,
    quote,
    request_body,
)
from .http import Request, Response, error_response, json_response
from .org import ADMIN_PROFILE, UserInfo
from .records import Actor, WriteContext, create, delete, find_by_field, normalise_id, not_found
from .records import update as update_record
from .rules import RecordError, WriteRejected
from .schema import FieldDef, FieldType, ObjectDef
from .storage import parse_date, parse_datetime, qi

if TYPE_CHECKING:
    from .bulk import BulkApi

INGEST_KEYS = frozenset({
    "object", "operation", "externalIdFieldName", "contentType", "columnDelimiter",
    "lineEnding", "assignmentRuleId",
})
OPERATIONS = ("insert", "update", "upsert", "delete", "hardDelete")
#: Records per write transaction (Salesforce's triggers see batches of 200 too).
BATCH = 200
#: Rows parsed from an upload before they are written to the job store.
UPLOAD_CHUNK = 5_000
#: A CSV value that sets the field to null.
NULL_MARKER = "#N/A"


# ---------------------------------------------------------------------------------------
# Creating and uploading


def create_ingest_job(api: BulkApi, req: Request, user: UserInfo, version: str) -> Response:
    """``POST jobs/ingest``."""
    body = request_body(req, INGEST_KEYS)
    if isinstance(body, Response):
        return body
    operation = body.get("operation")
    if operation not in OPERATIONS:
        return invalid_job(f"Invalid operation: {operation}")
    name = body.get("object")
    if not isinstance(name, str) or not name:
        return invalid_job("An ingest job needs an object.")
    obj = api.org.catalog.get(name)
    if obj is None:
        return invalid_job(f"Unable to find object: {name}")
    if obj.setup:
        return error_response(400, "INVALIDENTITY",
                              f"Entity '{obj.name}' is not supported by the Bulk API.")
    able = {
        "insert": obj.createable, "update": obj.updateable,
        "upsert": obj.createable and obj.updateable, "delete": obj.deletable,
        "hardDelete": obj.deletable,
    }[operation]
    if not able:
        return invalid_job(f"Entity type {obj.name} does not support {operation}")
    if operation == "hardDelete" and user.profile != ADMIN_PROFILE:
        return invalid_job("hardDelete needs the Bulk API Hard Delete permission, which "
                           "this user does not have.")
    external: str | None = None
    if operation == "upsert":
        wanted = body.get("externalIdFieldName")
        if not wanted:
            return invalid_job(f"External ID was blank for {obj.name}. An External ID must "
                               "be specified for upsert.")
        f = obj.field(str(wanted))
        if f is None or not (f.external_id or f.name == "Id") or not (
            api.org.catalog.access(user.profile, obj, f).readable
        ):
            return invalid_job(f"Field name provided, {wanted} does not match an External ID, "
                               f"Salesforce Id, or indexed field for {obj.name}")
        external = f.name
    fmt = parse_format(body)
    if isinstance(fmt, Response):
        return fmt
    job = api.new_job("ingest", operation, obj.name, user, version,
                      column_delimiter=fmt[0], line_ending=fmt[1],
                      external_id_field=external, state=OPEN)
    return json_response(200, job.summary())


def upload(api: BulkApi, req: Request, job: Job) -> Response:
    """``PUT jobs/ingest/{id}/batches``: store the CSV rows; ``201`` with no body.

    Parsing problems do not refuse the upload: like Salesforce, the job fails when it is
    processed, with the reason in ``errorMessage``."""
    with job.lock:
        if job.state != OPEN:
            return invalid_state(f"Job {job.id} is not Open: its state is {job.state}.")
        if job.uploaded:
            return invalid_state(f"Data was already uploaded to job {job.id}. A job takes "
                                 "one upload; create another job for more data.")
        job.uploaded = True
    try:
        text = req.body.decode("utf-8")
    except UnicodeDecodeError:
        job.upload_error = "ClientInputError : The job data is not valid UTF-8."
        return Response(201)
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=job.delimiter, strict=True)
    conn = api.store.connect()
    count = 0
    try:
        conn.execute("BEGIN")
        try:
            header = next(reader, None)
            pending: list[tuple[int, int, str]] = []
            for row in reader:
                if not row:
                    continue  # a blank line
                pending.append((job.number, count, json.dumps(row, ensure_ascii=False)))
                count += 1
                if len(pending) >= UPLOAD_CHUNK:
                    _store_rows(conn, pending)
                    pending = []
            _store_rows(conn, pending)
        except csv.Error as exc:
            job.upload_error = f"InvalidBatch : Failed to parse the CSV data: {exc}"
        conn.execute("COMMIT")
    finally:
        conn.close()
    job.header = [h.strip() for h in header] if header else None
    job.row_count = count
    return Response(201)


def _store_rows(conn: sqlite3.Connection, rows: list[tuple[int, int, str]]) -> None:
    if rows:
        conn.executemany("INSERT INTO bulk.irows(job, seq, data) VALUES (?, ?, ?)", rows)


def start_ingest(api: BulkApi, job: Job) -> None:
    """Queue the worker of a job that just became ``UploadComplete``."""
    api.start(job, run_ingest_job)


# ---------------------------------------------------------------------------------------
# Processing


@dataclass
class _Plan:
    """How the columns of a job map to fields, and how one row is written."""

    obj: ObjectDef
    operation: str
    columns: list[FieldDef]
    external: FieldDef | None
    #: the Id of the record the row being applied touches, once known (for sf__Id)
    current_id: str | None = None

    def values(self, row: list[str]) -> dict[str, object]:
        """A row as field values: empty leaves a field alone, ``#N/A`` nulls it."""
        if len(row) > len(self.columns):
            raise WriteRejected([RecordError(
                "INVALID_FIELD",
                f"The row has {len(row)} values but the header has {len(self.columns)} "
                "columns", [],
            )])
        out: dict[str, object] = {}
        for f, raw in zip(self.columns, row, strict=False):
            if raw == "":
                continue
            out[f.name] = None if raw == NULL_MARKER else csv_value(f, raw)
        return out

    def apply(self, ctx: WriteContext, actor: Actor, row: list[str]) -> tuple[str, bool]:
        """Write one row; (record Id, created). Raises WriteRejected."""
        self.current_id = None
        values = self.values(row)
        op = self.operation
        if op in ("delete", "hardDelete", "update"):
            rid = values.pop("Id", None)
            if not rid:
                raise WriteRejected([RecordError(
                    "MISSING_ARGUMENT", f"Id not specified in an {op} call", [],
                )])
            self.current_id = str(rid)
            if op == "delete":
                return delete(ctx, actor, self.obj, str(rid)), False
            if op == "hardDelete":
                return _hard_delete(ctx, self.obj, str(rid)), False
            return update_record(ctx, actor, self.obj, str(rid), values), False
        if op == "insert":
            return create(ctx, actor, self.obj, values), True
        # upsert
        key = self.external
        assert key is not None
        if key.name == "Id":
            rid = values.pop("Id", None)
            if rid:
                self.current_id = str(rid)
                return update_record(ctx, actor, self.obj, str(rid), values), False
            return create(ctx, actor, self.obj, values), True
        value = values.get(key.name)
        if value is None:
            raise WriteRejected([RecordError(
                "MISSING_ARGUMENT", f"{key.name} not specified", [key.name],
            )])
        matches = find_by_field(ctx.conn, self.obj, key.name, str(value))
        if len(matches) > 1:
            raise WriteRejected([RecordError(
                "DUPLICATE_EXTERNAL_ID",
                f"{key.label}: more than one record found for external id field: "
                f"[{', '.join(matches)}]", [key.name],
            )])
        if matches:
            self.current_id = matches[0]
            # the key found the record; it is not a change of the record
            body = {k: v for k, v in values.items() if k != key.name}
            return update_record(ctx, actor, self.obj, matches[0], body), False
        return create(ctx, actor, self.obj, values), True


def csv_value(f: FieldDef, raw: str) -> object:
    """A CSV text as the JSON-like value the write path takes (WriteRejected when it is
    not of the field's type)."""
    t = f.type
    try:
        if t is FieldType.BOOLEAN:
            low = raw.strip().lower()
            if low in ("true", "1"):
                return True
            if low in ("false", "0"):
                return False
            raise ValueError(raw)
        if t is FieldType.INT:
            number = float(raw)
            if not number.is_integer():
                raise ValueError(raw)
            return int(number)
        if t in (FieldType.DOUBLE, FieldType.CURRENCY, FieldType.PERCENT):
            number = float(raw)
            if number != number or number in (float("inf"), float("-inf")):
                raise ValueError(raw)
            return number
        if t is FieldType.DATE:
            parse_date(raw)
        elif t is FieldType.DATETIME:
            parse_datetime(raw)
    except ValueError:
        raise WriteRejected([RecordError(
            "INVALID_TYPE_ON_FIELD_IN_RECORD", f"{f.label}: value not of required type: {raw}",
            [f.name],
        )]) from None
    return raw


def _hard_delete(ctx: WriteContext, obj: ObjectDef, record_id: str) -> str:
    """Remove a record for good, recycle bin skipped (``records`` has no hard delete: the
    row simply goes, so get-deleted never reports it, as on Salesforce)."""
    rid = normalise_id(obj, record_id)
    if ctx.conn.execute(f"SELECT 1 FROM {qi(obj.name)} WHERE Id = ?", (rid,)).fetchone() is None:
        raise not_found()
    ctx.conn.execute(f"DELETE FROM {qi(obj.name)} WHERE Id = ?", (rid,))
    return rid


def sf_error(errors: list[RecordError]) -> str:
    """``sf__Error`` of a failed row: ``CODE:message:Field1,Field2 --`` per error."""
    return " ".join(f"{e.code}:{e.message}:{','.join(e.fields)} --" for e in errors)


def _plan(api: BulkApi, job: Job, user: UserInfo) -> _Plan | str:
    """The column plan, or the ``errorMessage`` that fails the whole job."""
    if job.upload_error:
        return job.upload_error
    if not job.header:
        return "InvalidBatch : No data was uploaded for this job."
    obj = api.org.catalog.get(job.object)
    assert obj is not None
    columns: list[FieldDef] = []
    with api.org.lock:
        for name in job.header:
            f = obj.field(name)
            if f is None or not api.org.catalog.access(user.profile, obj, f).readable:
                return f"InvalidBatch : Field name not found : {name}"
            columns.append(f)
    names = {f.name for f in columns}
    if job.operation in ("delete", "hardDelete") and "Id" not in names:
        return "InvalidBatch : Field name not found : Id"
    external = obj.field(job.external_id_field) if job.external_id_field else None
    if external is not None and external.name not in names:
        return f"InvalidBatch : Field name not found : {external.name}"
    return _Plan(obj, job.operation, columns, external)


def run_ingest_job(api: BulkApi, job: Job) -> None:
    """The worker: validate the header, then write the rows batch by batch."""
    api.checkpoint(job, "start")
    if not api.begin(job):
        return
    started = time.monotonic()
    user = api.org.users[job.created_by]
    plan = _plan(api, job, user)
    if isinstance(plan, str):
        api.finish(job, FAILED, plan)
        return
    conn = api.store.connect()
    try:
        position = 0
        while position < job.row_count:
            api.checkpoint(job, "batch")
            if not api.still_running(job):
                return  # aborted or deleted: the rest stays unprocessed
            rows = conn.execute(
                "SELECT seq, data FROM bulk.irows WHERE job = ? AND seq >= ? ORDER BY seq "
                "LIMIT ?", (job.number, position, BATCH),
            ).fetchall()
            if not rows:
                break
            outcomes = _write_batch(api, job, user, plan, rows)
            conn.execute("BEGIN")
            conn.executemany(
                "UPDATE bulk.irows SET outcome = ?, sf_id = ?, created = ?, error = ? "
                "WHERE job = ? AND seq = ?", outcomes,
            )
            conn.execute("COMMIT")
            with job.lock:
                job.processed += len(outcomes)
                job.failed += sum(1 for o in outcomes if o[0] == 0)
                job.processing_ms = int((time.monotonic() - started) * 1000)
            position = rows[-1][0] + 1
    finally:
        conn.close()
    api.checkpoint(job, "finish")
    api.finish(job)


def _write_batch(api: BulkApi, job: Job, user: UserInfo, plan: _Plan,
                 rows: list[tuple[int, str]]) -> list[tuple[int, str, int, str | None, int, int]]:
    """One transaction for a batch, a savepoint per record: a failed record leaves nothing
    and does not disturb the others. Returns the store's outcome rows."""
    out: list[tuple[int, str, int, str | None, int, int]] = []
    actor = user.actor
    with api.org.transaction() as ctx:
        for seq, data in rows:
            row = json.loads(data)
            try:
                with api.org.savepoint(ctx):
                    rid, created = plan.apply(ctx, actor, row)
                out.append((1, rid, int(created), None, job.number, seq))
            except WriteRejected as exc:
                out.append((0, plan.current_id or "", 0, sf_error(exc.errors), job.number,
                            seq))
    return out


# ---------------------------------------------------------------------------------------
# Results


_RESULT_KINDS = {
    "successfulresults": ('"sf__Id","sf__Created"', "outcome = 1"),
    "failedresults": ('"sf__Id","sf__Error"', "outcome = 0"),
    "unprocessedrecords": ("", "outcome IS NULL"),
}


def ingest_results(api: BulkApi, job: Job, which: str) -> Response:
    """``successfulResults``, ``failedResults`` or ``unprocessedrecords`` as CSV."""
    if not job.final:
        return not_complete(job)
    prefix, condition = _RESULT_KINDS[which]
    d = job.delimiter
    if d != ",":
        prefix = prefix.replace(",", d)
    original = d.join(_header_cell(h, d) for h in (job.header or []))
    header = d.join(p for p in (prefix, original) if p) + job.newline
    conn = api.store.connect()
    try:
        cur = conn.execute(
            f"SELECT data, sf_id, created, error FROM bulk.irows WHERE job = ? AND {condition} "
            "ORDER BY seq", (job.number,),
        )
    except BaseException:
        conn.close()
        raise
    return Response(200, b"", {"Content-Type": "text/csv"},
                    chunks=_stream(conn, cur, header, which, job))


def _stream(conn: sqlite3.Connection, cur: sqlite3.Cursor, header: str, which: str,
            job: Job) -> Iterator[bytes]:
    d, newline = job.delimiter, job.newline
    try:
        yield header.encode("utf-8")
        while True:
            rows = cur.fetchmany(2_000)
            if not rows:
                break
            lines = []
            for data, sf_id, created, error in rows:
                cells = [quote(v) for v in json.loads(data)]
                if which == "successfulresults":
                    cells[:0] = [quote(sf_id or ""), quote("true" if created else "false")]
                elif which == "failedresults":
                    cells[:0] = [quote(sf_id or ""), quote(error or "")]
                lines.append(d.join(cells))
            yield (newline.join(lines) + newline).encode("utf-8")
    finally:
        conn.close()


def _header_cell(name: str, delimiter: str) -> str:
    """An uploaded column name as the results repeat it: bare unless CSV needs quotes."""
    if any(ch in name for ch in (delimiter, '"', "\n", "\r")):
        return quote(name)
    return name
