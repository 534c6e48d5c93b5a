"""Bulk API 2.0 query results: pages of CSV turned into records shaped like REST's.

The HTTP side (create the job, poll it, fetch pages, delete it) lives on
:class:`~.connection.SalesforceConnection`; this module holds what a page is and how its
CSV becomes dicts, so the two read paths (REST ``query`` and Bulk) hand the engine the
same shapes:

* an empty CSV value is ``None`` (Salesforce writes null, and never stores ``""``);
* ``Owner.Name`` becomes ``{"Owner": {"Name": ...}}``, and ``"Owner": None`` when every
  field of the parent is empty, as REST answers for an empty lookup;
* with ``row_types`` (field -> describe ``type``, or a callable), values are typed back:
  booleans, ints, doubles; datetimes are rewritten from Bulk's ``...000Z`` to REST's
  ``...000+0000`` so a watermark compares the same whichever path read it.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

#: A field's converter: its describe type name (``"boolean"``...) or a callable that
#: takes the non-empty CSV text.
RowType = str | Callable[[str], Any]

#: Job states (Bulk API 2.0).
UPLOAD_COMPLETE = "UploadComplete"
IN_PROGRESS = "InProgress"
JOB_COMPLETE = "JobComplete"
FAILED = "Failed"
ABORTED = "Aborted"
WAITING_STATES = frozenset({UPLOAD_COMPLETE, IN_PROGRESS, "Open"})

_ERROR_CODE_RE = re.compile(r"\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b")
_ZULU_RE = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?)Z$")


class BulkPage(list[dict[str, Any]]):
    """One page of a Bulk API 2.0 query: a list of records, plus where it came from.

    To make a long extract resumable, persist ``(job_id, next_locator)`` once the page's
    records are stored, and after a crash call ``bulk_resume(job_id, next_locator)``.
    ``next_locator`` is None on the last page: the job has nothing more to give.

    Attributes:
        job_id: the query job.
        locator: the locator this page was fetched with (None for the first page).
        next_locator: the locator of the next page, None when this was the last.
    """

    def __init__(self, records: Iterable[dict[str, Any]], *, job_id: str,
                 locator: str | None, next_locator: str | None) -> None:
        super().__init__(records)
        self.job_id = job_id
        self.locator = locator
        self.next_locator = next_locator

    def __repr__(self) -> str:
        return (f"BulkPage({len(self)} records, job_id={self.job_id!r}, "
                f"locator={self.locator!r}, next_locator={self.next_locator!r})")


def _boolean(text: str) -> bool:
    return text.lower() == "true"


def _datetime(text: str) -> str:
    m = _ZULU_RE.match(text)
    return f"{m.group(1)}+0000" if m else text


#: Describe type -> converter of the non-empty CSV text; other types stay text.
CONVERTERS: dict[str, Callable[[str], Any]] = {
    "boolean": _boolean,
    "int": int,
    "double": float,
    "currency": float,
    "percent": float,
    "datetime": _datetime,
}


def _converter(kind: RowType | None) -> Callable[[str], Any] | None:
    if kind is None:
        return None
    if callable(kind):
        return kind
    return CONVERTERS.get(kind.lower())


def iter_lines(chunks: Iterable[bytes]) -> Iterator[str]:
    """Decode UTF-8 ``chunks`` and cut them after each ``\\n``, keeping it (what
    ``csv.reader`` needs to see line breaks inside quoted values as they were)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    pending = ""
    for chunk in chunks:
        pending += decoder.decode(chunk)
        if "\n" not in pending:
            continue
        *lines, pending = pending.split("\n")
        for line in lines:
            yield line + "\n"
    pending += decoder.decode(b"", final=True)
    if pending:
        yield pending


def parse_csv(lines: Iterable[str], row_types: Mapping[str, RowType] | None = None
              ) -> list[dict[str, Any]]:
    """Records from Bulk API 2.0 CSV (a header line, then one line per record).

    ValueError (also ``csv.Error``, ``UnicodeDecodeError``) when the CSV cannot be read
    as such: a row with another number of values than the header, a value its type's
    converter refuses."""
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None:
        return []
    types = row_types or {}
    # Per column: (parent relationship or None, field name, converter); worked out once.
    plan = []
    for name in header:
        parent, _, child = name.rpartition(".")
        plan.append((parent or None, child if parent else name, _converter(types.get(name))))
    nested = any(parent for parent, _, _ in plan)
    records: list[dict[str, Any]] = []
    for row in reader:
        if not row:
            continue
        if len(row) != len(plan):
            # a shifted row would put values in the wrong fields
            raise ValueError(f"CSV line {reader.line_num} has {len(row)} values for "
                             f"{len(plan)} columns")
        rec: dict[str, Any] = {}
        for (parent, field, convert), text in zip(plan, row, strict=True):
            try:
                value: Any = None if text == "" else (convert(text) if convert else text)
            except ValueError:
                raise ValueError(f"CSV line {reader.line_num}: {field} is not a "
                                 f"{getattr(convert, '__name__', 'value')}: {text[:40]!r}"
                                 ) from None
            if parent is None:
                rec[field] = value
            else:
                _put(rec, parent, field, value)
        if nested:
            _drop_empty_parents(rec)
        records.append(rec)
    return records


def _put(rec: dict[str, Any], path: str, field: str, value: Any) -> None:
    node = rec
    for part in path.split("."):
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    node[field] = value


def _drop_empty_parents(rec: dict[str, Any]) -> bool:
    """Replace parent dicts whose values are all None by None; True if ``rec`` is empty
    in that sense."""
    empty = True
    for key, value in rec.items():
        if isinstance(value, dict):
            if _drop_empty_parents(value):
                rec[key] = None
            else:
                empty = False
        elif value is not None:
            empty = False
    return empty


def error_code_of(message: str) -> str:
    """The Salesforce error code inside a job's ``errorMessage``
    (``"Failed to process query: INVALID_FIELD: ..."``), or ``BULK_JOB_FAILED``."""
    m = _ERROR_CODE_RE.search(message or "")
    return m.group(1) if m else "BULK_JOB_FAILED"
