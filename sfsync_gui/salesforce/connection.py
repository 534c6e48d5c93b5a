"""The Salesforce connection the sync engine talks through.

One :class:`SalesforceConnection` wraps one ``simple_salesforce.Salesforce`` client over
one HTTPS session, and adds what the engine needs around it:

* **errors sorted by what to do** (:mod:`.errors`): every failure is raised as a
  :class:`~.errors.SalesforceError` subclass. Per-record errors of collection calls are
  returned as data, never raised.
* **one token refresh**: a 401 makes the connection ask its :class:`~.tokens.TokenProvider`
  for a new token and retry that call once. Only the token endpoint may say the sign-in
  is dead (the provider raises :class:`~.errors.NeedsSignIn` for ``invalid_grant`` and
  friends); a 401 on the retry, right after a refresh that worked, is a
  :class:`~.errors.TransientError` retried next cycle — the credentials were just
  accepted, so the refusal is the org's glitch (a fault soak showed it), not a reason to
  stop syncing until the user signs in. If it persists, every cycle refreshes once and
  fails again, which costs two calls and a token request per cycle, never a loop.
  Nothing else is retried here — the engine owns back-off,
  so the connection stays predictable (the one exception: polling a Bulk job).
* **usage accounting**: a response hook on the session counts every call (REST, SObject,
  Bulk) and reads ``Sforce-Limit-Info`` from every answer.
* **speed**: JSON parsed into plain dicts and no ``X-PrettyPrint`` (measured ~30 % less
  parse time than simple-salesforce's defaults).

The connection makes no network call until it is first used. It is not thread-safe: use
one per worker thread (reading :attr:`~SalesforceConnection.usage` from another thread is
fine).
"""

from __future__ import annotations

import contextlib
import csv
import json
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from operator import methodcaller
from typing import Any, TypeVar

import requests
from simple_salesforce import Salesforce
from simple_salesforce.exceptions import SalesforceError as ClientError
from simple_salesforce.exceptions import SalesforceExpiredSession
from simple_salesforce.util import exception_handler
from urllib3.exceptions import DecodeError, ProtocolError, ReadTimeoutError
from urllib3.exceptions import SSLError as Urllib3SSLError

from .bulk import (
    ABORTED,
    FAILED,
    JOB_COMPLETE,
    WAITING_STATES,
    BulkPage,
    RowType,
    error_code_of,
    iter_lines,
    parse_csv,
)
from .errors import (
    SalesforceError,
    TransientError,
    classify,
    error_for_code,
)
from .tokens import TokenProvider, https_session

log = logging.getLogger("sfsync.salesforce")

T = TypeVar("T")

#: Subrequests per ``composite/batch`` call (Salesforce's maximum).
BATCH_SIZE = 25
#: Records per ``composite/sobjects`` call (Salesforce's maximum).
COLLECTION_SIZE = 200
#: ``Sforce-Query-Options: batchSize`` bounds.
MIN_BATCH_SIZE, MAX_BATCH_SIZE = 200, 2000

_USAGE_RE = re.compile(r"(?:^|[;,\s])api-usage=(\d+)/(\d+)")
_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
#: Record and job Ids: 15 or 18 letters and digits.
_ID_RE = re.compile(r"^[A-Za-z0-9]{15,18}$")
#: A Bulk results locator: an opaque token of URL-safe characters ("null" on the last page).
_LOCATOR_RE = re.compile(r"[A-Za-z0-9+/=_.-]{1,200}")
#: Key under which :meth:`SalesforceConnection._get_json` keeps a page's raw body.
_BODY = "\x00body"
_MISSING = object()
_POP_ATTRIBUTES = methodcaller("pop", "attributes", _MISSING)
#: isinstance(x, dict) as a function map() calls in C
_is_dict = dict.__instancecheck__
_VERSIONED_RE = re.compile(r"^/?(?:services/data/)?v\d+\.\d+/")


@dataclass(frozen=True)
class ApiUsage:
    """The org's API usage as of the last answer that reported it.

    Attributes:
        used: calls made against the org's daily allowance (all clients, not only ours).
        limit: the daily allowance.
        calls_this_session: calls this connection has made so far.
    """

    used: int
    limit: int
    calls_this_session: int

    @property
    def remaining(self) -> int:
        """Calls left in the daily allowance."""
        return max(0, self.limit - self.used)


class SalesforceConnection:
    """A connection to one org, for the sync engine.

    Args:
        tokens: where access tokens and the instance URL come from.
        ca_file: CA bundle to trust instead of the system's (the local org's).
        api_version: REST API version, e.g. ``"59.0"``.
        timeout: seconds any single HTTP request may take.
        bulk_poll_initial: first wait, in seconds, between polls of a Bulk job.
        bulk_poll_max: longest wait between polls (the wait doubles up to it).
        bulk_timeout: how long, in seconds, to wait for a Bulk job before giving up.
        bulk_poll_errors: transient failures in a row tolerated while polling a job.
        sleep: how to wait between polls (tests pass a fake).
    """

    def __init__(self, tokens: TokenProvider, *, ca_file: str | None = None,
                 api_version: str = "59.0", timeout: float = 60.0,
                 bulk_poll_initial: float = 0.5, bulk_poll_max: float = 10.0,
                 bulk_timeout: float = 3600.0, bulk_poll_errors: int = 3,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        if not re.fullmatch(r"\d+\.\d", api_version):
            raise ValueError(f"api_version looks like '59.0', not {api_version!r}")
        self.tokens = tokens
        self.api_version = api_version
        self.timeout = timeout
        self.bulk_poll_initial = bulk_poll_initial
        self.bulk_poll_max = bulk_poll_max
        self.bulk_timeout = bulk_timeout
        self.bulk_poll_errors = bulk_poll_errors
        self._sleep = sleep
        self._session = https_session(ca_file, timeout=timeout)
        # A response hook sees every answer, also those of SFType and Bulk calls that
        # bypass simple-salesforce's own usage parsing.
        self._session.hooks["response"].append(self._on_response)
        self._sf: Salesforce | None = None
        self._lock = threading.Lock()
        #: HTTP answers this connection received from the org (for cycle logs).
        self.calls = 0
        #: the server's clock (HTTP ``Date``) at its last answer, None before any
        self.server_time: datetime | None = None
        self._used: int | None = None
        self._limit: int | None = None

    def __repr__(self) -> str:
        instance = self._sf.base_url if self._sf is not None else "(not connected)"
        return (f"SalesforceConnection({instance}, api_version={self.api_version!r}, "
                f"calls={self.calls})")

    def __enter__(self) -> SalesforceConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP connections (the connection can be used again afterwards)."""
        self._session.close()

    # -- usage ---------------------------------------------------------------------------

    @property
    def usage(self) -> ApiUsage | None:
        """API usage from the last ``Sforce-Limit-Info`` seen; None before the first."""
        with self._lock:
            if self._used is None or self._limit is None:
                return None
            return ApiUsage(self._used, self._limit, self.calls)

    def _on_response(self, resp: requests.Response, *args: Any, **kwargs: Any) -> None:
        with self._lock:
            self.calls += 1
            m = _USAGE_RE.search(resp.headers.get("Sforce-Limit-Info", ""))
            if m and _usage_plausible(int(m.group(1)), int(m.group(2))):
                self._used, self._limit = int(m.group(1)), int(m.group(2))
            elif m:  # a broken header must not pause the sync for the rest of the day
                log.warning("ignored an implausible Sforce-Limit-Info: %.80s",
                            resp.headers.get("Sforce-Limit-Info"))
            date = resp.headers.get("Date")
            if date:
                with contextlib.suppress(TypeError, ValueError):
                    stamp = parsedate_to_datetime(date)
                    # a garbled Date would move the overlap window: believe only a clock
                    # within a day of ours
                    if abs(stamp - datetime.now(UTC)) < timedelta(days=1):
                        self.server_time = stamp
        if not kwargs.get("stream") and "json" in resp.headers.get("Content-Type", ""):
            try:
                resp.content.decode("utf-8")
            except UnicodeDecodeError as exc:
                # requests would decode it with replacement characters: garbage in a value
                raise requests.exceptions.JSONDecodeError(
                    f"invalid UTF-8 at byte {exc.start}", "", 0) from None

    # -- the client and the one refresh --------------------------------------------------

    def _client(self) -> Salesforce:
        if self._sf is None:
            self._sf = self._build(self.tokens.access_token())
        return self._sf

    def _build(self, token: str) -> Salesforce:
        sf = Salesforce(instance_url=self.tokens.instance_url, session_id=token,
                        session=self._session, version=self.api_version,
                        object_pairs_hook=dict)
        sf.headers.pop("X-PrettyPrint", None)
        return sf

    def _call(self, fn: Callable[[Salesforce], T]) -> T:
        """Run ``fn(client)``; on a 401 refresh the token and run it once more.

        Every failure leaves as a classified :class:`SalesforceError`.
        """
        try:
            return fn(self._client())
        except SalesforceExpiredSession:
            log.info("access token refused; getting a new one")
        except (ClientError, requests.RequestException) as exc:
            raise classify(exc) from exc
        except (TypeError, AttributeError, KeyError, IndexError) as exc:
            raise _unreadable(exc) from exc
        self._sf = self._build(self.tokens.refresh())
        try:
            return fn(self._sf)
        except SalesforceExpiredSession as exc:
            # the refresh worked, so the credentials are good: retry next cycle
            first = classify(exc)
            raise TransientError(first.code, "Salesforce refused a freshly issued access "
                                 f"token too ({first.message}); retrying later", 401) from exc
        except (ClientError, requests.RequestException) as exc:
            raise classify(exc) from exc
        except (TypeError, AttributeError, KeyError, IndexError) as exc:
            raise _unreadable(exc) from exc

    def _raw(self, sf: Salesforce, method: str, path: str, *, ok: Sequence[int] = (),
             headers: Mapping[str, str] | None = None, **kwargs: Any) -> requests.Response:
        """One request to ``{base_url}{path}`` with the client's token, for what
        simple-salesforce does not expose (response headers, Bulk 2.0 pages). A status of
        300 or more outside ``ok`` raises simple-salesforce's exception for it, so
        :meth:`_call` treats both paths alike."""
        url = sf.base_url + path
        all_headers = {"Authorization": f"Bearer {sf.session_id}",
                       "Content-Type": "application/json", "Accept": "application/json"}
        all_headers.update(headers or {})
        resp = self._session.request(method, url, headers=all_headers, **kwargs)
        if resp.status_code >= 300 and resp.status_code not in ok:
            try:
                exception_handler(resp, name=path)
            finally:
                resp.close()
        return resp

    def _get_json(self, sf: Salesforce, url: str, name: str, headers: Mapping[str, str],
                  params: Mapping[str, str] | None = None) -> Any:
        """GET a JSON answer as simple-salesforce's ``query``/``query_more`` do (same
        headers, errors through its ``exception_handler``), parsed from the bytes into
        plain dicts: no text decoding by requests, no ``object_pairs_hook`` (the decoder's
        own dicts are built in C). The raw body rides along under ``_BODY`` for
        :func:`strip_attributes`."""
        resp = self._session.request("GET", url, params=params, stream=True, headers={
            "Authorization": f"Bearer {sf.session_id}", "Content-Type": "application/json",
            "Accept": "application/json", **headers})
        if resp.status_code >= 300:
            try:
                exception_handler(resp, name=name)
            finally:
                resp.close()
        body = _read_body(resp)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:  # as _on_response reports it for other answers
            raise requests.exceptions.JSONDecodeError(
                f"invalid UTF-8 at byte {exc.start}", "", 0) from None
        try:
            answer = json.loads(text)
        except ValueError as exc:  # as requests' resp.json() reports it
            raise requests.exceptions.JSONDecodeError(str(exc), "", 0) from None
        if isinstance(answer, dict):
            answer[_BODY] = body
        return answer

    # -- queries -------------------------------------------------------------------------

    def query_pages(self, soql: str, *, include_deleted: bool = False,
                    batch_size: int = 2000) -> Iterator[list[dict[str, Any]]]:
        """The records of ``soql``, one list per page as Salesforce sends them, with
        ``attributes`` removed (also from parent records); follows ``nextRecordsUrl``.

        Lazy: nothing is asked until the first page is wanted. ``include_deleted`` uses
        ``queryAll`` (deleted and merged rows, ``IsDeleted = true``). ``batch_size``
        (200 to 2,000) is a wish Salesforce may not grant.
        """
        if not MIN_BATCH_SIZE <= batch_size <= MAX_BATCH_SIZE:
            raise ValueError(f"batch_size must be {MIN_BATCH_SIZE} to {MAX_BATCH_SIZE}")
        headers = {"Sforce-Query-Options": f"batchSize={batch_size}"}
        kind = "queryAll/" if include_deleted else "query/"
        page = self._call(lambda sf: self._get_json(sf, sf.base_url + kind, "query",
                                                    headers, params={"q": soql}))
        while True:
            if not isinstance(page, dict) or not isinstance(page.get("records", []), list) \
                    or not all(map(_is_dict, page.get("records") or [])) \
                    or not isinstance(page.get("done", True), bool) or not (
                        page.get("done", True) or isinstance(page.get("nextRecordsUrl"), str)):
                raise TransientError("MALFORMED_RESPONSE", "a query answered without a list "
                                     "of records")
            yield strip_attributes(page.get("records") or [], body=page.get(_BODY))
            next_url = page.get("nextRecordsUrl")
            if page.get("done", True) or not next_url:
                return
            page = self._call(lambda sf, url=next_url: self._get_json(
                sf, f"https://{sf.sf_instance}{url}", "query_more", headers))

    def count(self, soql_from_where: str, *, include_deleted: bool = False) -> int:
        """``SELECT COUNT() FROM ...``: pass the part from ``FROM`` on (the word ``FROM``
        may be left out: ``count("Lead WHERE IsConverted = false")``)."""
        rest = soql_from_where.strip()
        if not rest.upper().startswith("FROM "):
            rest = f"FROM {rest}"
        result = self._call(lambda sf: sf.query(f"SELECT COUNT() {rest}",
                                                include_deleted=include_deleted))
        return int(result["totalSize"])

    # -- describe and limits -------------------------------------------------------------

    def describe(self, obj: str, *, if_modified_since: str | None = None
                 ) -> tuple[dict[str, Any] | None, str | None]:
        """The object's describe and its ``Last-Modified`` header.

        With ``if_modified_since`` (an HTTP date, e.g. a ``Last-Modified`` kept from
        before), an unchanged object answers ``(None, last_modified)`` — 304, no body.
        """
        _check_name(obj)
        headers = {"If-Modified-Since": if_modified_since} if if_modified_since else {}
        resp = self._call(lambda sf: self._raw(sf, "GET", f"sobjects/{obj}/describe",
                                               headers=headers, ok=(304,)))
        last_modified = resp.headers.get("Last-Modified")
        if resp.status_code == 304:
            return None, last_modified or if_modified_since
        try:
            return resp.json(), last_modified
        except requests.JSONDecodeError as exc:
            raise classify(exc) from exc

    def describe_global(self) -> dict[str, Any]:
        """``GET sobjects``: every object the user can see (``sobjects[]``)."""
        return self._call(lambda sf: sf.describe()) or {}

    def identity(self) -> dict[str, Any]:
        """``GET /services/oauth2/userinfo``: the signed-in user and their org
        (``organization_id``, ``username``), plus the ``instance_url`` used."""
        def fetch(sf: Salesforce) -> dict[str, Any]:
            url = self.tokens.instance_url.rstrip("/") + "/services/oauth2/userinfo"
            resp = self._session.request("GET", url, headers={
                "Authorization": f"Bearer {sf.session_id}", "Accept": "application/json"})
            try:
                if resp.status_code >= 300:
                    exception_handler(resp, name="userinfo")
                return dict(resp.json())
            finally:
                resp.close()
        answer = self._call(fetch)
        answer.setdefault("instance_url", self.tokens.instance_url)
        return answer

    def limits(self) -> dict[str, Any]:
        """``GET limits``: ``{"DailyApiRequests": {"Max", "Remaining"}, ...}``."""
        return self._call(lambda sf: sf.limits())

    # -- composite -----------------------------------------------------------------------

    def batch(self, subrequests: list[dict[str, Any]], *, halt_on_error: bool = False
              ) -> list[dict[str, Any]]:
        """Run subrequests through ``composite/batch``, 25 per call (longer lists are
        split); one ``{"statusCode", "result"}`` per subrequest, in order.

        A subrequest is ``{"method": "GET", "url": "sobjects/Lead/describe"}`` (plus
        ``richInput`` for a body); a ``url`` without ``vNN.N/`` gets this connection's
        version. A failed subrequest is data (its ``statusCode`` >= 400), not raised.
        """
        prepared = []
        for sub in subrequests:
            url = str(sub["url"])
            if not _VERSIONED_RE.match(url):
                url = f"v{self.api_version}/{url.lstrip('/')}"
            prepared.append({**sub, "url": url})

        def send(chunk: list[dict[str, Any]]) -> list[dict[str, Any]]:
            body = {"batchRequests": chunk, "haltOnError": halt_on_error}
            answer = self._call(lambda sf: sf.restful("composite/batch", method="POST",
                                                      json=body))
            results = answer.get("results") if isinstance(answer, dict) else None
            if not isinstance(results, list) or not all(
                    isinstance(r, dict) and type(r.get("statusCode")) is int for r in results):
                raise TransientError("MALFORMED_RESPONSE", "composite/batch answered without "
                                     "a status for each subrequest")
            return results

        return _chunked(prepared, BATCH_SIZE, send, check_length=True)

    def create(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Insert records (each with ``attributes.type``) through ``composite/sobjects``,
        200 per call, ``allOrNone=false``.

        Returns one ``{"id", "success", "errors": [{"statusCode", "message", "fields"}]}``
        per record, in order; refused records are data (see :func:`~.errors.record_error`).
        A call that fails as a whole raises; its ``completed`` attribute holds the results
        of the records before it. After a dropped connection or a time-out, the records of
        the failed call may or may not have been written.
        """
        for rec in records:
            _record_type(rec)
        return self._collection("POST", records)

    def update(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Update records (each with ``attributes.type`` and ``Id``), like :meth:`create`."""
        for rec in records:
            _record_type(rec)
            if not rec.get("Id"):
                raise ValueError("every record to update needs its Id")
        return self._collection("PATCH", records)

    def delete(self, ids: list[str]) -> list[dict[str, Any]]:
        """Delete records by Id, 200 per call, ``allOrNone=false``; results as
        :meth:`create`'s, in order."""
        for rid in ids:
            if not isinstance(rid, str) or not _ID_RE.match(rid):
                raise ValueError(f"not a record Id: {rid!r}")

        def send(chunk: list[str]) -> list[dict[str, Any]]:
            params = {"ids": ",".join(chunk), "allOrNone": "false"}
            return self._call(lambda sf: sf.restful("composite/sobjects", method="DELETE",
                                                    params=params)) or []

        return _chunked(ids, COLLECTION_SIZE, send, check_length=True)

    def _collection(self, method: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        def send(chunk: list[dict[str, Any]]) -> list[dict[str, Any]]:
            body = {"allOrNone": False, "records": chunk}
            return self._call(lambda sf: sf.restful("composite/sobjects", method=method,
                                                    json=body)) or []

        return _chunked(records, COLLECTION_SIZE, send, check_length=True)

    # -- replication ---------------------------------------------------------------------

    def get_updated(self, obj: str, start: datetime, end: datetime) -> dict[str, Any]:
        """Ids of ``obj`` records created or changed in ``[start, end]``:
        ``{"ids": [...], "latestDateCovered": ...}``. Timezone-aware datetimes only."""
        _check_name(obj)
        _check_aware(start=start, end=end)
        # SFType hard-codes X-PrettyPrint; a None header is dropped by requests.
        return self._call(lambda sf: getattr(sf, obj).updated(
            start, end, headers={"X-PrettyPrint": None}))

    def get_deleted(self, obj: str, start: datetime, end: datetime) -> dict[str, Any]:
        """Records of ``obj`` deleted in ``[start, end]``: ``{"deletedRecords": [{"id",
        "deletedDate"}], "earliestDateAvailable", "latestDateCovered"}``."""
        _check_name(obj)
        _check_aware(start=start, end=end)
        return self._call(lambda sf: getattr(sf, obj).deleted(
            start, end, headers={"X-PrettyPrint": None}))

    # -- Bulk API 2.0 --------------------------------------------------------------------

    def bulk_query(self, soql: str, *, include_deleted: bool = False,
                   max_records: int = 50000,
                   row_types: Mapping[str, RowType] | None = None) -> Iterator[BulkPage]:
        """Run ``soql`` as a Bulk API 2.0 query job and yield its result pages.

        Creates the job, polls it with back-off until ``JobComplete``, then streams pages
        of at most ``max_records`` records (:class:`~.bulk.BulkPage`: a list of dicts
        carrying ``job_id`` and ``next_locator`` for checkpoints; see
        :meth:`bulk_resume`). Empty CSV values are None; ``row_types`` types values back
        (see :mod:`.bulk`). Once the last page has been consumed (the caller asks for
        more), the job is deleted; a caller that stops early leaves it for a resume
        (Salesforce drops jobs after seven days; :meth:`delete_bulk_job` cleans up).
        """
        job_id = self.start_bulk_query(soql, include_deleted=include_deleted)
        yield from self.bulk_resume(job_id, None, max_records=max_records,
                                    row_types=row_types)

    def start_bulk_query(self, soql: str, *, include_deleted: bool = False) -> str:
        """Create a Bulk API 2.0 query job (``queryAll`` with ``include_deleted``); its
        id. A query Salesforce refuses raises :class:`~.errors.QueryError` here."""
        body = {"operation": "queryAll" if include_deleted else "query", "query": soql,
                "contentType": "CSV", "columnDelimiter": "COMMA", "lineEnding": "LF"}
        resp = self._call(lambda sf: self._raw(sf, "POST", "jobs/query", json=body))
        try:
            job_id = resp.json()["id"]
        except (ValueError, KeyError, TypeError) as exc:
            raise TransientError("MALFORMED_RESPONSE",
                                 "the new Bulk job's answer carries no id") from exc
        log.info("bulk query job %s created", job_id)
        return str(job_id)

    def bulk_resume(self, job_id: str, locator: str | None = None, *,
                    max_records: int = 50000,
                    row_types: Mapping[str, RowType] | None = None,
                    delete_when_done: bool = True) -> Iterator[BulkPage]:
        """The pages of query job ``job_id`` from ``locator`` on (None: from the first).

        Waits for the job first if it still runs. Use the ``next_locator`` of the last
        page whose records were stored. A job Salesforce no longer has raises a
        :class:`~.errors.SalesforceError` with code ``NOT_FOUND``: start a new one.
        """
        if not _ID_RE.match(job_id):
            raise ValueError(f"not a Bulk job id: {job_id!r}")
        if max_records < 1:
            raise ValueError("max_records must be at least 1")
        self.wait_for_bulk_job(job_id)
        current = locator
        while True:
            page = self._bulk_page(job_id, current, max_records, row_types)
            yield page
            if page.next_locator is None:
                break
            current = page.next_locator
        if delete_when_done:
            self.delete_bulk_job(job_id, missing_ok=True)

    def wait_for_bulk_job(self, job_id: str) -> dict[str, Any]:
        """Poll a query job until it is ``JobComplete``; its info.

        The wait starts at ``bulk_poll_initial`` seconds and doubles up to
        ``bulk_poll_max``. Up to ``bulk_poll_errors`` transient failures in a row are
        waited out here (the job runs on regardless). A ``Failed`` job raises the
        error its message names (e.g. :class:`~.errors.QueryError`); an ``Aborted`` one a
        :class:`~.errors.SalesforceError`; a job still running after ``bulk_timeout``
        seconds is aborted and raises :class:`~.errors.TransientError`.
        """
        deadline = time.monotonic() + self.bulk_timeout
        delay = self.bulk_poll_initial
        errors_in_a_row = 0
        while True:
            try:
                info = self._call(lambda sf: self._raw(sf, "GET", f"jobs/query/{job_id}")
                                  ).json()
                errors_in_a_row = 0
            except TransientError:
                errors_in_a_row += 1
                if errors_in_a_row > self.bulk_poll_errors:
                    raise
                info = {"state": "(unknown)"}
            state = info.get("state")
            if state == JOB_COMPLETE:
                return info
            if state == FAILED:
                message = str(info.get("errorMessage") or "the job failed")
                raise error_for_code(error_code_of(message), message)
            if state == ABORTED:
                raise SalesforceError("JOB_ABORTED", f"Bulk job {job_id} was aborted")
            if state not in WAITING_STATES and state != "(unknown)":
                raise SalesforceError("UNEXPECTED_JOB_STATE",
                                      f"Bulk job {job_id} is in state {state!r}")
            if time.monotonic() + delay > deadline:
                self._abort_quietly(job_id)
                raise TransientError("BULK_JOB_TIMEOUT", f"Bulk job {job_id} did not "
                                     f"finish within {self.bulk_timeout:g} s; it was aborted")
            self._sleep(delay)
            delay = min(delay * 2, self.bulk_poll_max)

    def delete_bulk_job(self, job_id: str, *, missing_ok: bool = False) -> None:
        """Delete a finished query job and its results. Failures are logged, not raised:
        the data is safe either way and Salesforce drops jobs after seven days."""
        try:
            self._call(lambda sf: self._raw(sf, "DELETE", f"jobs/query/{job_id}").close())
        except SalesforceError as exc:
            if exc.status == 404 and missing_ok:
                return
            log.warning("could not delete Bulk job %s: %s", job_id, exc)

    def _abort_quietly(self, job_id: str) -> None:
        try:
            self._call(lambda sf: self._raw(sf, "PATCH", f"jobs/query/{job_id}",
                                            json={"state": ABORTED}).close())
        except SalesforceError as exc:
            log.warning("could not abort Bulk job %s: %s", job_id, exc)

    def _bulk_page(self, job_id: str, locator: str | None, max_records: int,
                   row_types: Mapping[str, RowType] | None) -> BulkPage:
        params: dict[str, Any] = {"maxRecords": max_records}
        if locator:
            params["locator"] = locator

        def fetch(sf: Salesforce) -> BulkPage:
            resp = self._raw(sf, "GET", f"jobs/query/{job_id}/results", params=params,
                             headers={"Accept": "text/csv"}, stream=True)
            with resp:
                # Parsed inside _call: a stream cut short (ChunkedEncodingError) is
                # classified like any other dropped connection.
                try:
                    records = parse_csv(iter_lines(resp.iter_content(chunk_size=1 << 16)),
                                        row_types)
                except (ValueError, csv.Error) as exc:  # also broken UTF-8
                    raise TransientError("MALFORMED_RESPONSE", f"Bulk job {job_id}: a results "
                                         f"page could not be read: {exc}") from None
                next_locator = resp.headers.get("Sforce-Locator")
                expected = resp.headers.get("Sforce-NumberOfRecords")
            if expected is None or not expected.isascii() or not expected.isdigit() or not (
                    next_locator == "null" or _LOCATOR_RE.fullmatch(next_locator or "")):
                # without both the page could end the job early or resume at nowhere
                raise TransientError("MALFORMED_RESPONSE", f"Bulk job {job_id}: a results "
                                     "page came with an unreadable Sforce-NumberOfRecords "
                                     f"({expected!r:.40}) or Sforce-Locator "
                                     f"({next_locator!r:.40})")
            if int(expected) != len(records):
                raise TransientError("INCOMPLETE_PAGE", f"Bulk job {job_id}: the page "
                                     f"announced {expected} records and held {len(records)}")
            return BulkPage(records, job_id=job_id, locator=locator,
                            next_locator=None if next_locator == "null" else next_locator)

        return self._call(fetch)


# -- helpers -------------------------------------------------------------------------------


def _result_ok(result: Any) -> bool:
    """A collection result (``success``, ``id``, ``errors``) or a batch result
    (``statusCode``) that has the shape Salesforce gives it."""
    if not isinstance(result, dict):
        return False
    if "statusCode" in result and "success" not in result:
        return type(result["statusCode"]) is int
    rid = result.get("id")
    return (isinstance(result.get("success"), bool)
            and (rid is None or (isinstance(rid, str) and bool(_ID_RE.match(rid))))
            and isinstance(result.get("errors", []), list))


def _read_body(resp: requests.Response) -> bytes:
    """The whole body of a streamed answer in one read (``resp.content`` reads it 10 KB at
    a time, each through urllib3 and http.client: a quarter of a 2 MB page's CPU), with
    urllib3's failures turned into requests' as ``iter_content`` turns them."""
    try:
        # at the end of the body urllib3 puts the connection back in the pool
        return _read_raw(resp)
    except BaseException:
        resp.close()
        raise


def _read_raw(resp: requests.Response) -> bytes:
    try:
        return resp.raw.read(decode_content=True) or b""
    except ProtocolError as exc:
        raise requests.exceptions.ChunkedEncodingError(exc) from exc
    except DecodeError as exc:
        raise requests.exceptions.ContentDecodingError(exc) from exc
    except ReadTimeoutError as exc:
        raise requests.exceptions.ConnectionError(exc) from exc
    except Urllib3SSLError as exc:
        raise requests.exceptions.SSLError(exc) from exc


def strip_attributes(records: list[dict[str, Any]], *, body: bytes | None = None
                     ) -> list[dict[str, Any]]:
    """Remove ``attributes`` from records and their parent records, in place.

    With the raw JSON ``body`` of the page: when it names ``"attributes"`` once per record
    and every record had them, no parent record can have any, so the values need not be
    searched (a string holding the word has its quotes escaped in JSON).
    """
    if body is not None and body.count(b'"attributes"') == len(records) \
            and _MISSING not in map(_POP_ATTRIBUTES, records):  # every record had them
        return records
    for rec in records:
        _strip(rec)
    return records


def _strip(rec: dict[str, Any]) -> None:
    rec.pop("attributes", None)
    for value in rec.values():
        if type(value) is dict:
            if "records" in value and isinstance(value["records"], list):
                strip_attributes(value["records"])  # a child subquery
            else:
                _strip(value)


def _chunked(items: list[Any], size: int, send: Callable[[list[Any]], list[dict[str, Any]]],
             *, check_length: bool = False) -> list[dict[str, Any]]:
    """``send`` each chunk of ``size`` items; all results in order. If a chunk fails, the
    error carries the results so far in ``completed`` (those records are done)."""
    results: list[dict[str, Any]] = []
    for start in range(0, len(items), size):
        chunk = items[start:start + size]
        try:
            answer = send(chunk)
            if not isinstance(answer, list) or not all(_result_ok(a) for a in answer):
                raise TransientError("MALFORMED_RESPONSE", "the results of "
                                     f"{len(chunk)} records could not be read")
            if check_length and len(answer) != len(chunk):
                raise TransientError("MALFORMED_RESPONSE", f"{len(chunk)} records sent, "
                                     f"{len(answer)} results received")
        except SalesforceError as exc:
            exc.completed = results
            raise
        results.extend(answer)
    return results


def _record_type(rec: Mapping[str, Any]) -> str:
    attributes = rec.get("attributes")
    kind = attributes.get("type") if isinstance(attributes, Mapping) else None
    if not isinstance(kind, str) or not _NAME_RE.match(kind):
        raise ValueError("every record needs attributes.type, e.g. "
                         '{"attributes": {"type": "Lead"}, "LastName": "Ng"}')
    return kind


def _unreadable(exc: Exception) -> TransientError:
    """The client tripped over an answer of the wrong shape (a number where a list was
    due...): as much a malformed answer as one that is not JSON."""
    return TransientError("MALFORMED_RESPONSE", "the answer had an unexpected shape "
                          f"({type(exc).__name__}: {str(exc)[:80]})")


def _usage_plausible(used: int, limit: int) -> bool:
    """Usage an org can report: a limit up to a billion calls, use up to twice it
    (Salesforce lets an org run somewhat over before refusing)."""
    return 0 < limit <= 10**9 and used <= 2 * limit


def _check_name(obj: str) -> None:
    if not isinstance(obj, str) or not _NAME_RE.match(obj):
        raise ValueError(f"not an object API name: {obj!r}")


def _check_aware(**values: datetime) -> None:
    for name, value in values.items():
        if not isinstance(value, datetime):
            raise TypeError(f"{name} must be a datetime")
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"{name} must be timezone-aware (e.g. datetime.now(UTC)); "
                             "a naive datetime makes Salesforce refuse the call")
