"""What the local org's Bulk API 2.0 query and ingest jobs share.

* :class:`Job`: one job's metadata, shaped into Salesforce's job JSON;
* :class:`JobStore`: the jobs' rows in their own SQLite file beside ``org.db``. Query jobs
  keep a snapshot of the matching records' row ids there (never the records themselves),
  ingest jobs keep the uploaded CSV rows and each row's outcome. A :meth:`JobStore.connect`
  connection opens ``org.db`` with the job file attached, so results are joined and
  streamed straight from SQL on a connection of their own: SQLite's WAL mode gives that
  reader a consistent snapshot without taking the org's lock, so a long download never
  holds up the REST API;
* Salesforce's error bodies and value formats for Bulk.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import math
import sqlite3
import threading
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from .http import Request, Response, error_response

if TYPE_CHECKING:
    from .soql import CompiledQuery

#: Key prefix of Bulk jobs (AsyncApexJob / job Ids start with 750).
JOB_PREFIX = "750"

OPEN = "Open"
UPLOAD_COMPLETE = "UploadComplete"
IN_PROGRESS = "InProgress"
JOB_COMPLETE = "JobComplete"
FAILED = "Failed"
ABORTED = "Aborted"
#: States after which nothing changes any more.
FINAL_STATES = frozenset({JOB_COMPLETE, FAILED, ABORTED})

DELIMITERS = {
    "COMMA": ",", "TAB": "\t", "PIPE": "|", "SEMICOLON": ";", "CARET": "^", "BACKQUOTE": "`",
}
LINE_ENDINGS = {"LF": "\n", "CRLF": "\r\n"}


@dataclass
class Job:
    """One Bulk API 2.0 job. Mutable fields change under :attr:`lock`."""

    number: int
    id: str
    kind: str  # "query" or "ingest"
    operation: str
    object: str
    created_by: str
    created_date: str
    api_version: str
    column_delimiter: str = "COMMA"
    line_ending: str = "LF"
    state: str = OPEN
    modstamp: str = ""
    external_id_field: str | None = None
    query: str | None = None
    error_message: str | None = None
    processed: int = 0
    failed: int = 0
    processing_ms: int = 0
    deleted: bool = False
    # query jobs: the compiled query of the run and where its snapshot sits in the store
    compiled: CompiledQuery | None = None
    first_seq: int = 0
    total: int = 0
    # ingest jobs: the uploaded header and how many rows came with it
    header: list[str] | None = None
    row_count: int = 0
    uploaded: bool = False
    upload_error: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def delimiter(self) -> str:
        return DELIMITERS[self.column_delimiter]

    @property
    def newline(self) -> str:
        return LINE_ENDINGS[self.line_ending]

    @property
    def final(self) -> bool:
        return self.state in FINAL_STATES

    def _head(self) -> dict[str, object]:
        out: dict[str, object] = {
            "id": self.id,
            "operation": self.operation,
            "object": self.object,
            "createdById": self.created_by,
            "createdDate": self.created_date,
            "systemModstamp": self.modstamp or self.created_date,
            "state": self.state,
        }
        if self.external_id_field:
            out["externalIdFieldName"] = self.external_id_field
        out.update({
            "concurrencyMode": "Parallel",
            "contentType": "CSV",
            "apiVersion": float(self.api_version),
        })
        return out

    def summary(self) -> dict[str, object]:
        """What creating the job, changing its state and ``GET jobs/...`` lists show."""
        out = self._head()
        if self.kind == "ingest" and self.state == OPEN:
            out["contentUrl"] = (
                f"services/data/v{self.api_version}/jobs/ingest/{self.id}/batches"
            )
        out["lineEnding"] = self.line_ending
        out["columnDelimiter"] = self.column_delimiter
        return out

    def list_entry(self) -> dict[str, object]:
        """One element of ``records`` in ``GET jobs/query`` or ``GET jobs/ingest``."""
        out = self._head()
        out["jobType"] = "V2Query" if self.kind == "query" else "V2Ingest"
        out["lineEnding"] = self.line_ending
        out["columnDelimiter"] = self.column_delimiter
        return out

    def info(self) -> dict[str, object]:
        """``GET jobs/{kind}/{id}``: the summary plus progress counters."""
        out = self.list_entry()
        if self.kind == "ingest" and self.state == OPEN:
            out["contentUrl"] = (
                f"services/data/v{self.api_version}/jobs/ingest/{self.id}/batches"
            )
        out["numberRecordsProcessed"] = self.processed
        if self.kind == "ingest":
            out["numberRecordsFailed"] = self.failed
        out["retries"] = 0
        out["totalProcessingTime"] = self.processing_ms
        if self.kind == "ingest":
            out["apiActiveProcessingTime"] = self.processing_ms
            out["apexProcessingTime"] = 0
        else:
            out["isPkChunkingSupported"] = True
        if self.error_message:
            out["errorMessage"] = self.error_message
        return out


# ---------------------------------------------------------------------------------------
# Storage


class JobStore:
    """The Bulk jobs' rows: ``bulk.qrows`` (query snapshots) and ``bulk.irows`` (ingest
    data and outcomes) in ``path``, a file that only lives as long as this process (jobs
    do not survive a restart of the org)."""

    def __init__(self, org_db: Path, path: Path) -> None:
        self.org_db = Path(org_db)
        self.path = Path(path)
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{self.path}{suffix}").unlink()
        conn = self.connect()
        try:
            conn.execute("PRAGMA bulk.journal_mode=WAL")
            # A query snapshot is one range of consecutive seq values (see bulk_query).
            conn.execute(
                "CREATE TABLE IF NOT EXISTS bulk.qrows (seq INTEGER PRIMARY KEY, "
                "rid INTEGER NOT NULL)"
            )
            conn.execute(
                "CREATE TABLE IF NOT EXISTS bulk.irows (job INTEGER NOT NULL, "
                "seq INTEGER NOT NULL, data TEXT NOT NULL, outcome INTEGER, sf_id TEXT, "
                "created INTEGER, error TEXT, PRIMARY KEY (job, seq))"
            )
        finally:
            conn.close()

    def connect(self) -> sqlite3.Connection:
        """A new connection: ``org.db`` as ``main``, the job file as ``bulk``. Usable from
        one thread at a time; the caller closes it."""
        conn = sqlite3.connect(str(self.org_db), check_same_thread=False,
                               isolation_level=None)
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute("ATTACH DATABASE ? AS bulk", (str(self.path),))
        conn.create_function("sf_double", 1, java_double, deterministic=True)
        return conn


# ---------------------------------------------------------------------------------------
# Errors, as Salesforce's REST layer shapes them for Bulk (a JSON list)


def not_found() -> Response:
    return error_response(404, "NOT_FOUND", "The requested resource does not exist")


def invalid_job(message: str) -> Response:
    return error_response(400, "INVALIDJOB", message)


def invalid_state(message: str) -> Response:
    return error_response(400, "INVALIDJOBSTATE", message)


def json_error(message: str) -> Response:
    return error_response(400, "JSON_PARSER_ERROR", message)


def not_complete(job: Job) -> Response:
    """Results asked for before the job has finished."""
    return error_response(
        412, "JOB_NOT_COMPLETE",
        f"Job {job.id} is not complete: its state is {job.state}. Results are available "
        "once the job reaches JobComplete.",
    )


def method_not_allowed(method: str, allowed: str) -> Response:
    return error_response(405, "METHOD_NOT_ALLOWED",
                          f"HTTP Method '{method}' not allowed. Allowed are {allowed}")


# ---------------------------------------------------------------------------------------
# Requests


def parse_format(body: dict) -> tuple[str, str] | Response:
    """``columnDelimiter`` and ``lineEnding`` of a job request (``contentType`` must be
    CSV), or the error response."""
    from .bulk_jobs import DELIMITERS, LINE_ENDINGS

    content_type = body.get("contentType", "CSV")
    if content_type != "CSV":
        return invalid_job(f"Invalid contentType: {content_type}. Bulk API 2.0 jobs take CSV.")
    delimiter = body.get("columnDelimiter", "COMMA")
    if delimiter not in DELIMITERS:
        return invalid_job(f"Invalid columnDelimiter: {delimiter}")
    line_ending = body.get("lineEnding", "LF")
    if line_ending not in LINE_ENDINGS:
        return invalid_job(f"Invalid lineEnding: {line_ending}")
    return delimiter, line_ending


def request_body(req: Request, allowed: frozenset[str]) -> dict | Response:
    """The JSON object of a job request, or the parser error Salesforce answers."""
    try:
        body = req.json()
    except ValueError:
        return json_error("The request body is not valid JSON.")
    if not isinstance(body, dict):
        return json_error("The request body must be a JSON object.")
    for key in body:
        if key not in allowed:
            return json_error(f'Unrecognized field "{key}"')
    return body


# ---------------------------------------------------------------------------------------
# Values


def java_double(value: float | None) -> str | None:
    """A double as Salesforce (Java's ``Double.toString``) writes it in CSV: ``1500.0``,
    ``0.25``, ``1.0E7``, ``9.2332111E7``, ``1.0E-4``."""
    if value is None:
        return None
    x = float(value)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "-0.0" if math.copysign(1.0, x) < 0 else "0.0"
    if 1e-3 <= abs(x) < 1e7:
        # Python's repr is the shortest round-tripping form and positional in this range.
        return repr(x)
    sign, digits, exponent = Decimal(repr(x)).as_tuple()
    assert isinstance(exponent, int)
    text = "".join(map(str, digits))
    power = len(text) + exponent - 1
    text = text.rstrip("0") or "0"
    mantissa = f"{text[0]}.{text[1:] or '0'}"
    return f"{'-' if sign else ''}{mantissa}E{power}"


def encode_locator(position: int) -> str:
    """A results locator: opaque to clients, like Salesforce's (``MTAwMDA``)."""
    return base64.b64encode(str(position).encode()).decode().rstrip("=")


def decode_locator(locator: str) -> int | None:
    """The position a locator stands for, or None when it is not one of ours."""
    try:
        padded = locator + "=" * (-len(locator) % 4)
        text = base64.b64decode(padded.encode(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return int(text) if text.isdigit() else None


def quote(value: str) -> str:
    """A CSV value in double quotes, inner quotes doubled (Salesforce quotes every value)."""
    return '"' + value.replace('"', '""') + '"'


def sql_text(value: str) -> str:
    """A constant as an SQL string literal."""
    return "'" + value.replace("'", "''") + "'"
