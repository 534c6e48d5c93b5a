"""Bulk API 2.0 query jobs of the local org.

* ``POST jobs/query`` checks the request and compiles the SOQL as the caller (field-level
  security included): a query Salesforce refuses is refused here, with ``400`` and the
  query error, before any job exists. The job starts in ``UploadComplete``.
* The worker compiles the query again (access may have changed meanwhile; a refusal now
  makes the job ``Failed`` with ``errorMessage``) and snapshots the matching records' row
  ids, in result order, into the job store with one ``INSERT ... SELECT``. The snapshot
  is one statement on a WAL reader: consistent, and the org's lock is never held for it.
* ``GET jobs/query/{id}/results?maxRecords=N&locator=L`` streams one page as CSV, built
  row by row in SQL (the store's row ids joined back to the records) and sent with chunked
  encoding; ``Sforce-NumberOfRecords`` and ``Sforce-Locator`` (``null`` on the last page)
  come on every page. Memory stays flat whatever the number of records.

Values are read when a page is fetched, not when the job ran (Salesforce stores the
values); the set and order of records are the job's.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .bulk_jobs import (
    JOB_COMPLETE,
    UPLOAD_COMPLETE,
    Job,
    decode_locator,
    encode_locator,
    invalid_job,
    not_complete,
    parse_format,
    quote,
    request_body,
    sql_text,
)
from .http import Request, Response, error_response, json_response
from .org import UserInfo
from .schema import FieldDef, FieldType
from .soql import CompiledQuery, SoqlError, compile_soql
from .storage import qi

if TYPE_CHECKING:
    from .bulk import BulkApi

QUERY_KEYS = frozenset({"operation", "query", "contentType", "columnDelimiter", "lineEnding"})
#: Records per page when the client does not say (``maxRecords``).
DEFAULT_PAGE = 100_000
#: Rows per chunk of a streamed page.
CHUNK_ROWS = 2_000


def _compile(api: BulkApi, soql: str, user: UserInfo, include_deleted: bool) -> CompiledQuery:
    with api.org.lock:
        return compile_soql(soql, api.org.catalog, profile=user.profile, user_id=user.id,
                            include_deleted=include_deleted, now=api.org.clock.now())


def _unsupported(cq: CompiledQuery) -> Response | None:
    """What Bulk API 2.0 refuses although SOQL allows it."""
    if cq.object.setup:
        return error_response(
            400, "INVALIDENTITY",
            f"Entity '{cq.object.name}' is not supported by the Bulk API.",
        )
    if cq.count_only:
        return error_response(400, "API_ERROR",
                              "Aggregate functions such as COUNT() are not supported in "
                              "Bulk Query")
    if cq.offset:
        return error_response(400, "API_ERROR", "OFFSET is not supported in Bulk Query")
    return None


def create_query_job(api: BulkApi, req: Request, user: UserInfo, version: str) -> Response:
    """``POST jobs/query``."""
    body = request_body(req, QUERY_KEYS)
    if isinstance(body, Response):
        return body
    operation = body.get("operation")
    if operation not in ("query", "queryAll"):
        return invalid_job(f"Invalid operation for a query job: {operation}")
    soql = body.get("query")
    if not isinstance(soql, str) or not soql.strip():
        return invalid_job("A query job needs a query.")
    fmt = parse_format(body)
    if isinstance(fmt, Response):
        return fmt
    try:
        cq = _compile(api, soql, user, operation == "queryAll")
    except SoqlError as exc:
        return error_response(400, exc.error_code, exc.salesforce_message(soql))
    refusal = _unsupported(cq)
    if refusal is not None:
        return refusal
    job = api.new_job("query", operation, cq.object.name, user, version,
                      column_delimiter=fmt[0], line_ending=fmt[1], query=soql,
                      state=UPLOAD_COMPLETE)
    answer = json_response(200, job.summary())  # before the worker moves the state on
    api.start(job, run_query_job)
    return answer


def run_query_job(api: BulkApi, job: Job) -> None:
    """The worker: compile as the job's creator, snapshot the rows, complete."""
    api.checkpoint(job, "start")
    if not api.begin(job):
        return
    started = time.monotonic()
    user = api.org.users[job.created_by]
    assert job.query is not None
    try:
        cq = _compile(api, job.query, user, job.operation == "queryAll")
    except SoqlError as exc:
        api.finish(job, "Failed", f"Failed to process query: {exc.error_code}: {exc.message}")
        return
    conn = api.store.connect()
    try:
        first, total = _snapshot(conn, cq)
    finally:
        conn.close()
    with job.lock:
        job.compiled, job.first_seq, job.total = cq, first, total
        job.processed = total
    api.checkpoint(job, "finish")
    job.processing_ms = int((time.monotonic() - started) * 1000)
    if not api.finish(job):
        api.drop_rows(job)  # aborted or deleted while it ran: nobody reads these rows


def _snapshot(conn: sqlite3.Connection, cq: CompiledQuery) -> tuple[int, int]:
    """Store the row ids of the query's records in result order; (first seq, count).

    One ``INSERT ... SELECT ... ORDER BY``: SQLite inserts the rows in that order, each
    with the next rowid, and the job file has one writer at a time, so a job's rows are
    the consecutive ``seq`` range ``[first, first + count)``."""
    limit = f" LIMIT {int(cq.limit)}" if cq.limit is not None else ""
    cur = conn.execute(
        f"INSERT INTO bulk.qrows(rid) SELECT t0._rid {cq.from_sql} {cq.where_sql} "
        f"{cq.order_sql}{limit}",
        cq.params,
    )
    count = cur.rowcount
    if count <= 0:
        return 0, 0
    last = conn.execute("SELECT last_insert_rowid()").fetchone()[0]
    first = last - count + 1
    stored = conn.execute("SELECT count(*) FROM bulk.qrows WHERE seq >= ? AND seq <= ?",
                          (first, last)).fetchone()[0]
    if stored != count:  # pragma: no cover - would mean rowids were not consecutive
        raise RuntimeError("query snapshot rows are not contiguous")
    return first, count


# ---------------------------------------------------------------------------------------
# Results


def query_results(api: BulkApi, req: Request, job: Job) -> Response:
    """``GET jobs/query/{id}/results``: one page of CSV."""
    if job.state != JOB_COMPLETE:
        return not_complete(job)
    raw_max = req.query.get("maxRecords")
    page = DEFAULT_PAGE
    if raw_max is not None:
        if not raw_max.isdigit() or int(raw_max) < 1:
            return error_response(400, "INVALIDURL",
                                  f"maxRecords must be a positive integer: {raw_max}")
        page = int(raw_max)
    position = 0
    locator = req.query.get("locator")
    if locator:
        decoded = decode_locator(locator)
        if decoded is None or not 0 <= decoded < max(job.total, 1):
            return error_response(400, "INVALID_QUERY_LOCATOR",
                                  f"Invalid locator for job {job.id}: {locator}")
        position = decoded
    end = min(position + page, job.total)
    cq = job.compiled
    assert cq is not None
    low, high = job.first_seq + position, job.first_seq + end
    conn = api.store.connect()
    try:
        # One read transaction for the count and the rows, so they always agree (a record
        # hard-deleted since the job ran is gone from both).
        conn.execute("BEGIN")
        joined = cq.from_sql.replace("FROM ", "FROM bulk.qrows q CROSS JOIN ", 1)
        count = conn.execute(
            f"SELECT count(*) FROM bulk.qrows q CROSS JOIN {_root_table(cq)} t0 "
            "WHERE q.seq >= ? AND q.seq < ? AND t0._rid = q.rid", (low, high),
        ).fetchone()[0] if high > low else 0
        cur = conn.execute(_page_sql(conn, cq, joined, job.delimiter), (low, high))
    except BaseException:
        conn.close()
        raise
    header = job.delimiter.join(quote(f.name) for f in cq.fields) + job.newline
    headers = {
        "Content-Type": "text/csv",
        "Sforce-Locator": encode_locator(end) if end < job.total else "null",
        "Sforce-NumberOfRecords": str(count),
    }
    return Response(200, b"", headers, chunks=_stream(conn, cur, header, job.newline))


def _stream(conn: sqlite3.Connection, cur: sqlite3.Cursor, header: str, newline: str
            ) -> Iterator[bytes]:
    try:
        yield header.encode("utf-8")
        while True:
            rows = cur.fetchmany(CHUNK_ROWS)
            if not rows:
                break
            yield (newline.join(r[0] for r in rows) + newline).encode("utf-8")
    finally:
        conn.close()  # also ends the read transaction when the client goes away


def _root_table(cq: CompiledQuery) -> str:
    return qi(cq.object.name)


def _page_sql(conn: sqlite3.Connection, cq: CompiledQuery, joined_from: str,
              delimiter: str) -> str:
    """One CSV line per record of a page, in snapshot order; takes (low, high) seq."""
    width = len(conn.execute(f"{cq.select_sql} {cq.from_sql} LIMIT 0").description)
    names = ", ".join(f"c{i}" for i in range(width))
    body = cq.select_sql[len("SELECT "):]
    inner = (f"SELECT q.seq, {body} {joined_from} "
             "WHERE q.seq >= ? AND q.seq < ? AND t0._rid = q.rid")
    separator = f" || {sql_text(delimiter)} || "
    line = separator.join(csv_value_sql(f.field, f"c{f.column}") for f in cq.fields)
    return f"WITH page(seq, {names}) AS ({inner}) SELECT {line} FROM page ORDER BY seq"


def csv_value_sql(fdef: FieldDef, col: str) -> str:
    """SQL turning a stored value into its CSV text as Salesforce writes it: quoted, empty
    (unquoted) for null, ``"true"``/``"false"``, doubles as Java prints them, datetimes
    as ``2013-05-20T20:49:32.000Z``."""
    t = fdef.type
    if t is FieldType.BOOLEAN:
        return (f"CASE WHEN {col} IS NULL THEN '' WHEN {col} THEN '\"true\"' "
                "ELSE '\"false\"' END")
    if t is FieldType.INT:
        return f"CASE WHEN {col} IS NULL THEN '' ELSE '\"' || CAST({col} AS INTEGER) || '\"' END"
    if t in (FieldType.DOUBLE, FieldType.CURRENCY, FieldType.PERCENT):
        return f"CASE WHEN {col} IS NULL THEN '' ELSE '\"' || sf_double({col}) || '\"' END"
    if t is FieldType.DATETIME:
        # stored as 2013-05-20T20:49:32.000+0000 (23 characters, then the zone)
        return (f"CASE WHEN {col} IS NULL OR {col} = '' THEN '' "
                f"ELSE '\"' || substr({col}, 1, 23) || 'Z\"' END")
    if t in (FieldType.ID, FieldType.REFERENCE, FieldType.DATE):
        return f"CASE WHEN {col} IS NULL OR {col} = '' THEN '' ELSE '\"' || {col} || '\"' END"
    return (f"CASE WHEN {col} IS NULL OR {col} = '' THEN '' "
            f"ELSE '\"' || replace({col}, '\"', '\"\"') || '\"' END")
