"""Routing of the local org's HTTP API: OAuth, REST v5x/v6x, and hooks for Bulk and control.

Every authenticated REST call counts one API call (``composite/batch`` counts one for all
its subrequests) and answers with ``Sforce-Limit-Info: api-usage=N/M``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from email.utils import format_datetime as http_date
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from . import describe
from .http import Request, Response, error_response, json_response
from .org import ApiLimitExceeded, LocalOrg, UserInfo
from .records import (
    Actor,
    WriteContext,
    create,
    delete,
    entity_deleted,
    find_by_field,
    load_row,
    normalise_id,
    not_found,
    to_json_record,
    update,
)
from .rules import RecordError, WriteRejected
from .schema import ObjectDef

_VERSION_RE = re.compile(r"^v([56]\d)\.0$")
SUPPORTED_VERSIONS = [f"{n}.0" for n in range(50, 63)]
MAX_COLLECTION = 200
MAX_BATCH = 25


class _RollBack(Exception):
    """Raised inside a transaction to undo an allOrNone collection call."""


class RestApi:
    """Maps requests to the org. ``bulk`` and ``control`` are attached by later layers."""

    def __init__(self, org: LocalOrg, oauth: Any, base_url: str) -> None:
        self.org = org
        self.oauth = oauth
        self.base_url = base_url
        #: ``(request, user, version, segments) -> Response`` for ``jobs/...`` (Bulk API 2.0)
        self.bulk: Callable[[Request, UserInfo, str, list[str]], Response] | None = None
        #: ``(request, segments) -> Response`` for ``/control/...``
        self.control: Callable[[Request, list[str]], Response] | None = None
        #: ``(request) -> Response | None``: a fault to answer instead (set by the fault layer)
        self.faults: Callable[[Request], Response | None] | None = None
        #: ``(request, response) -> Response``: the answer as faults spoil it (``garble``)
        self.after_faults: Callable[[Request, Response], Response] | None = None

    # -- entry ---------------------------------------------------------------------------

    def handle(self, req: Request) -> Response:
        """Answer one request."""
        path = req.path.rstrip("/") or "/"
        if self.faults is not None and not path.startswith("/control"):
            fault = self.faults(req)
            if fault is not None:
                return fault
            if self.after_faults is not None:
                return self.after_faults(req, self._serve(req, path))
        return self._serve(req, path)

    def _serve(self, req: Request, path: str) -> Response:
        if path.startswith("/services/oauth2/"):
            return self._oauth(req, path)
        if path.startswith("/id/"):
            return self._identity(req)
        if path == "/services/data":
            return self._versions()
        if path.startswith("/services/data/"):
            return self._rest(req, path)
        if path == "/control" or path.startswith("/control/"):
            if self.control is None:
                return error_response(404, "NOT_FOUND", "The requested resource does not exist")
            return self.control(req, [s for s in path.split("/")[2:] if s])
        return error_response(404, "NOT_FOUND", "The requested resource does not exist")

    # -- OAuth ---------------------------------------------------------------------------

    def _oauth(self, req: Request, path: str) -> Response:
        name = path.rsplit("/", 1)[-1]
        if name == "token" and req.method == "POST":
            from .oauth import TOKEN_RESPONSE_HEADERS

            status, payload = self.oauth.token(req.form())
            return json_response(status, payload, dict(TOKEN_RESPONSE_HEADERS))
        if name == "revoke" and req.method in ("POST", "GET"):
            form = req.form() if req.method == "POST" else req.query
            status, payload = self.oauth.revoke(form)
            if payload is None:
                return Response(status, b"", {})
            return json_response(status, payload)
        if name == "authorize":
            if req.method == "GET":
                status, headers, body = self.oauth.authorize_get(req.query)
            elif req.method == "POST":
                status, headers, body = self.oauth.authorize_post(req.form())
            else:
                return error_response(405, "METHOD_NOT_ALLOWED", "Method not allowed")
            return Response(status, body, headers)
        if name == "userinfo":
            return self._identity(req)
        return error_response(404, "NOT_FOUND", "The requested resource does not exist")

    def _identity(self, req: Request) -> Response:
        session = self.oauth.authenticate(req.header("Authorization"))
        if session is None:
            return _invalid_session()
        parts = [p for p in req.path.split("/") if p]
        # /id/{org}/{user} describes that user only; a token may not read another's
        if parts[:1] == ["id"] and parts[2:3] != [session.user.id]:
            return error_response(403, "INSUFFICIENT_ACCESS", "Insufficient access rights")
        return json_response(200, self.oauth.userinfo(session))

    # -- REST ----------------------------------------------------------------------------

    def _versions(self) -> Response:
        return json_response(200, [
            {"label": f"Release {v}", "url": f"/services/data/v{v}", "version": v}
            for v in SUPPORTED_VERSIONS
        ])

    def _rest(self, req: Request, path: str) -> Response:
        segments = [s for s in path.split("/")[3:] if s]
        if not segments or not _VERSION_RE.match(segments[0]):
            return error_response(404, "NOT_FOUND", "The requested resource does not exist")
        version = segments[0][1:]
        session = self.oauth.authenticate(req.header("Authorization"))
        if session is None:
            return _invalid_session()
        user = self.org.users[session.user.id]
        try:
            used, limit = self.org.count_api_call()
        except ApiLimitExceeded:
            return error_response(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")
        resp = self.dispatch(req, user, version, segments[1:])
        resp.headers["Sforce-Limit-Info"] = f"api-usage={used}/{limit}"
        resp.render(pretty=req.header("X-PrettyPrint") == "1")
        return resp

    def dispatch(self, req: Request, user: UserInfo, version: str, seg: list[str]) -> Response:
        """Route one authenticated REST call (also used for composite/batch subrequests)."""
        from .soql import SoqlError

        try:
            return self._route(req, user, version, seg)
        except WriteRejected as exc:
            return json_response(exc.status, [e.single() for e in exc.errors])
        except SoqlError as exc:
            return error_response(400, exc.error_code, exc.message)

    def _route(self, req: Request, user: UserInfo, version: str, seg: list[str]) -> Response:
        m = req.method
        if not seg:
            return json_response(200, {
                name: f"/services/data/v{version}/{name}"
                for name in ("sobjects", "query", "queryAll", "limits", "composite", "jobs")
            })
        head = seg[0]
        if head == "sobjects":
            return self._sobjects(req, user, version, seg[1:])
        if head in ("query", "queryAll") and m == "GET":
            return self._query(req, user, include_deleted=head == "queryAll", rest=seg[1:])
        if head == "limits" and m == "GET":
            return json_response(200, self.org.limits())
        if head == "composite" and len(seg) >= 2 and seg[1] == "sobjects":
            return self._collections(req, user, version, seg[2:])
        if head == "composite" and seg[1:] == ["batch"] and m == "POST":
            return self._batch(req, user, version)
        if head == "jobs" and self.bulk is not None:
            return self.bulk(req, user, version, seg[1:])
        return error_response(404, "NOT_FOUND", "The requested resource does not exist")

    # -- sobjects ------------------------------------------------------------------------

    def _object(self, name: str) -> ObjectDef:
        obj = self.org.catalog.get(name)
        if obj is None:
            raise WriteRejected([RecordError(
                "NOT_FOUND", "The requested resource does not exist", [],
            )], status=404)
        return obj

    def _sobjects(self, req: Request, user: UserInfo, version: str, seg: list[str]) -> Response:
        m = req.method
        cat = self.org.catalog
        if not seg:
            return json_response(200, describe.describe_global(cat, version))
        obj = self._object(seg[0])
        if len(seg) == 1:
            if m == "GET":
                return json_response(200, {
                    "objectDescribe": describe.object_summary(cat, obj, version),
                    "recentItems": [],
                })
            if m == "POST":
                return self._create_one(req, user, obj)
        elif len(seg) == 2 and seg[1] == "describe" and m == "GET":
            return self._describe(req, user, obj, version)
        elif len(seg) == 2 and seg[1] in ("updated", "deleted") and m == "GET":
            start, end = req.query.get("start"), req.query.get("end")
            if not start or not end:
                return error_response(400, "MALFORMED_QUERY", "start and end are required")
            fn = self.org.updated if seg[1] == "updated" else self.org.deleted
            return json_response(200, fn(obj, start, end))
        elif len(seg) == 2:
            return self._record(req, user, obj, seg[1], version)
        elif len(seg) == 3:
            return self._by_external_id(req, user, obj, seg[1], seg[2], version)
        return error_response(404, "NOT_FOUND", "The requested resource does not exist")

    def _describe(self, req: Request, user: UserInfo, obj: ObjectDef, version: str) -> Response:
        modified_ms = self.org.catalog.modified.get(obj.name) or self._created_ms()
        last_modified = _http_date(modified_ms)
        since = req.header("If-Modified-Since")
        if since:
            try:
                since_ms = int(parsedate_to_datetime(since).timestamp() * 1000)
            except (TypeError, ValueError):
                since_ms = None
            # HTTP dates have whole seconds: unchanged when nothing moved after that second
            if since_ms is not None and modified_ms // 1000 <= since_ms // 1000:
                return Response(304, b"", {"Last-Modified": last_modified})
        with self.org.lock:
            payload = describe.describe_object(self.org.catalog, obj, user.profile, version)
        return json_response(200, payload, {"Last-Modified": last_modified})

    def _created_ms(self) -> int:
        from .storage import parse_datetime

        with self.org.lock:
            created = self.org._meta("created")
        return int(parse_datetime(created).timestamp() * 1000)

    def _body_dict(self, req: Request) -> dict:
        try:
            body = req.json()
        except ValueError:
            raise WriteRejected([RecordError(
                "JSON_PARSER_ERROR", "The request body is not valid JSON.", [],
            )]) from None
        if not isinstance(body, dict):
            raise WriteRejected([RecordError(
                "JSON_PARSER_ERROR",
                "Cannot deserialize instance of SObject from START_ARRAY value", [],
            )])
        return body

    def _allow_dups(self, req: Request) -> bool:
        header = (req.header("Sforce-Duplicate-Rule-Header") or "").replace(" ", "").lower()
        return "allowsave=true" in header

    def _create_one(self, req: Request, user: UserInfo, obj: ObjectDef) -> Response:
        body = self._body_dict(req)
        with self.org.transaction(allow_duplicates=self._allow_dups(req)) as ctx:
            rid = create(ctx, user.actor, obj, body)
        return json_response(201, {"id": rid, "success": True, "errors": []})

    def _record(self, req: Request, user: UserInfo, obj: ObjectDef, record_id: str,
                version: str) -> Response:
        m = req.method
        if m == "GET":
            rid = normalise_id(obj, record_id)
            fields = req.query.get("fields")
            wanted = [f.strip() for f in fields.split(",") if f.strip()] if fields else None
            with self.org.lock:
                row = load_row(self.org.conn, obj, rid)
            if row is None:
                raise not_found()
            if row.get("IsDeleted"):
                raise entity_deleted()
            if wanted:
                for name in wanted:
                    f = obj.field(name)
                    if f is None or not self.org.catalog.access(user.profile, obj, f).readable:
                        return error_response(
                            400, "INVALID_FIELD",
                            f"No such column '{name}' on entity '{obj.name}'. If you are "
                            "attempting to use a custom field, be sure to append the '__c' "
                            "after the custom field name. Please reference your WSDL or the "
                            "describe call for the appropriate names.",
                        )
            return json_response(200, to_json_record(
                self.org.catalog, user.profile, obj, row, version, wanted))
        if m == "PATCH":
            body = self._body_dict(req)
            with self.org.transaction(allow_duplicates=self._allow_dups(req)) as ctx:
                update(ctx, user.actor, obj, record_id, body)
            return Response(204)
        if m == "DELETE":
            with self.org.transaction() as ctx:
                delete(ctx, user.actor, obj, record_id)
            return Response(204)
        return error_response(405, "METHOD_NOT_ALLOWED", f"HTTP Method '{m}' not allowed.")

    def _by_external_id(self, req: Request, user: UserInfo, obj: ObjectDef, field_name: str,
                        value: str, version: str) -> Response:
        f = obj.field(field_name)
        if f is None or not (f.external_id or f.name == "Id") or not (
            self.org.catalog.access(user.profile, obj, f).readable
        ):
            return error_response(
                404, "NOT_FOUND",
                f"Provided external ID field does not exist or is not accessible: {field_name}",
            )
        with self.org.lock:
            matches = find_by_field(self.org.conn, obj, f.name, value)
        if len(matches) > 1:
            return json_response(300, [
                f"/services/data/v{version}/sobjects/{obj.name}/{rid}" for rid in matches
            ])
        if req.method == "GET":
            if not matches:
                raise not_found()
            return self._record(Request("GET", "", req.query, req.headers), user, obj,
                                matches[0], version)
        if req.method == "DELETE":
            if not matches:
                raise not_found()
            with self.org.transaction() as ctx:
                delete(ctx, user.actor, obj, matches[0])
            return Response(204)
        if req.method not in ("PATCH", "POST"):
            return error_response(405, "METHOD_NOT_ALLOWED", "Method not allowed")
        body = self._body_dict(req)
        if any(k.lower() == f.name.lower() for k in body):
            return error_response(
                400, "INVALID_FIELD",
                f"The field {f.name} is an external ID field and cannot be specified in the "
                "body; it is taken from the URL.",
            )
        with self.org.transaction(allow_duplicates=self._allow_dups(req)) as ctx:
            if matches:
                update(ctx, user.actor, obj, matches[0], body)
                return Response(204)
            values = dict(body)
            if f.name != "Id":
                values[f.name] = value
            elif value:
                raise not_found()
            rid = create(ctx, user.actor, obj, values)
        return json_response(201, {"id": rid, "success": True, "errors": [], "created": True})

    # -- query ---------------------------------------------------------------------------

    def _query(self, req: Request, user: UserInfo, *, include_deleted: bool,
               rest: list[str]) -> Response:
        if rest:
            return json_response(200, self.org.query_more(user, rest[0]))
        soql = req.query.get("q")
        if not soql:
            return error_response(400, "MALFORMED_QUERY", "A query string (q) is required.")
        batch = 2000
        options = req.header("Sforce-Query-Options") or ""
        m = re.search(r"batchSize\s*=\s*(\d+)", options)
        if m:
            batch = int(m.group(1))
        return json_response(200, self.org.query(user, soql, include_deleted=include_deleted,
                                                 batch_size=batch))

    # -- collections ---------------------------------------------------------------------

    def _collections(self, req: Request, user: UserInfo, version: str, seg: list[str]
                     ) -> Response:
        m = req.method
        if m == "DELETE":
            raw_ids = req.query.get("ids", "")
            id_list = [i for i in raw_ids.split(",") if i]
            all_or_none = req.query.get("allOrNone", "false").lower() == "true"
            return self._run_collection(
                user, [("delete", i, None) for i in id_list], all_or_none, allow_dups=False,
            )
        if m == "GET" and seg:
            obj = self._object(seg[0])
            id_list = [i for i in req.query.get("ids", "").split(",") if i]
            fields = [f for f in req.query.get("fields", "").split(",") if f]
            out = []
            for rid in id_list[:MAX_COLLECTION]:
                resp = self._record(Request("GET", "", {"fields": ",".join(fields)},
                                            req.headers), user, obj, rid, version)
                out.append(resp.json() if resp.status == 200 else None)
            return json_response(200, out)
        if m not in ("POST", "PATCH"):
            return error_response(405, "METHOD_NOT_ALLOWED", f"HTTP Method '{m}' not allowed.")
        body = self._body_dict(req)
        records = body.get("records")
        if not isinstance(records, list):
            return error_response(400, "JSON_PARSER_ERROR", "records must be a list")
        ops: list[tuple[str, str | None, dict | None]] = []
        for rec in records:
            if not isinstance(rec, dict):
                return error_response(400, "JSON_PARSER_ERROR", "each record must be an object")
            ops.append(("create" if m == "POST" else "update", None, rec))
        return self._run_collection(user, ops, bool(body.get("allOrNone")),
                                    allow_dups=self._allow_dups(req))

    def _run_collection(self, user: UserInfo, ops: list[tuple[str, str | None, dict | None]],
                        all_or_none: bool, *, allow_dups: bool) -> Response:
        if len(ops) > MAX_COLLECTION:
            return error_response(
                400, "EXCEEDED_ID_LIMIT",
                f"record limit reached. cannot submit more than {MAX_COLLECTION} records into "
                "this call",
            )
        results: list[dict] = []
        try:
            with self.org.transaction(allow_duplicates=allow_dups) as ctx:
                failed = False
                for kind, rid, rec in ops:
                    try:
                        with self.org.savepoint(ctx):
                            new_id = self._one_op(ctx, user.actor, kind, rid, rec)
                        results.append({"id": new_id, "success": True, "errors": []})
                    except WriteRejected as exc:
                        failed = True
                        entry: dict = {"success": False,
                                       "errors": [e.collection() for e in exc.errors]}
                        if kind == "delete" or (rec and rec.get("Id")):
                            entry = {"id": rid or (rec or {}).get("Id"), **entry}
                        results.append(entry)
                if failed and all_or_none:
                    raise _RollBack()
        except _RollBack:
            rolled = RecordError(
                "ALL_OR_NONE_OPERATION_ROLLED_BACK",
                "Record rolled back because not all records were valid and the request was "
                "using AllOrNone header", [],
            )
            results = [
                r if not r["success"] else {
                    "id": None, "success": False, "errors": [rolled.collection()]
                }
                for r in results
            ]
        return json_response(200, results)

    def _one_op(self, ctx: WriteContext, actor: Actor, kind: str, rid: str | None,
                rec: dict | None) -> str:
        if kind == "delete":
            assert rid is not None
            obj = self._object_of_id(rid)
            return delete(ctx, actor, obj, rid)
        assert rec is not None
        attrs = rec.get("attributes") or {}
        type_name = attrs.get("type") if isinstance(attrs, dict) else None
        if kind == "update":
            record_id = rec.get("Id")
            if not record_id:
                raise WriteRejected([RecordError(
                    "MISSING_ARGUMENT", "Id not specified in an update call", ["Id"],
                )])
            obj = self._object(type_name) if type_name else self._object_of_id(str(record_id))
            return update(ctx, actor, obj, str(record_id), rec)
        if not type_name:
            raise WriteRejected([RecordError(
                "INVALID_TYPE", "Must send a concrete entity type.", [],
            )])
        return create(ctx, actor, self._object(type_name), rec)

    def _object_of_id(self, record_id: str) -> ObjectDef:
        obj = self.org.catalog.by_prefix(record_id[:3]) if len(record_id) >= 3 else None
        if obj is None:
            raise WriteRejected([RecordError(
                "MALFORMED_ID", f"malformed id {record_id}", [],
            )])
        return obj

    # -- composite/batch -----------------------------------------------------------------

    def _batch(self, req: Request, user: UserInfo, version: str) -> Response:
        body = self._body_dict(req)
        subs = body.get("batchRequests")
        if not isinstance(subs, list) or not subs:
            return error_response(400, "JSON_PARSER_ERROR", "batchRequests must be a list")
        if len(subs) > MAX_BATCH:
            return error_response(400, "INVALID_BATCH_REQUEST",
                                  f"A batch cannot contain more than {MAX_BATCH} subrequests.")
        halt = bool(body.get("haltOnError"))
        results = []
        has_errors = False
        for sub in subs:
            if halt and has_errors:
                results.append({"statusCode": 412, "result": [{
                    "errorCode": "BATCH_PROCESSING_HALTED",
                    "message": "Batch processing halted per request"}]})
                continue
            resp = self._batch_one(sub, user, req)
            if resp.status >= 400:
                has_errors = True
            result = resp.json()
            results.append({"statusCode": resp.status, "result": result})
        return json_response(200, {"hasErrors": has_errors, "results": results})

    def _batch_one(self, sub: object, user: UserInfo, outer: Request) -> Response:
        if not isinstance(sub, dict) or "url" not in sub:
            return error_response(400, "JSON_PARSER_ERROR", "each subrequest needs a url")
        url = str(sub["url"])
        parts = urlsplit(url)
        path = parts.path
        if path.startswith("/services/data/"):
            path = path[len("/services/data/"):]
        seg = [s for s in path.split("/") if s]
        if not seg or not _VERSION_RE.match(seg[0]):
            return error_response(404, "NOT_FOUND", "The requested resource does not exist")
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        body = sub.get("richInput")
        headers = dict(outer.headers)
        headers.pop("Content-Length", None)
        extra = sub.get("httpHeaders")
        if isinstance(extra, dict):  # e.g. If-Modified-Since on a describe subrequest
            headers.update({str(k): str(v) for k, v in extra.items()})
        sub_req = Request(str(sub.get("method", "GET")).upper(), url, query, headers,
                          json.dumps(body).encode() if body is not None else b"")
        if seg[1:2] == ["composite"] and seg[2:3] == ["batch"]:
            return error_response(400, "INVALID_BATCH_REQUEST", "A batch cannot be nested.")
        return self.dispatch(sub_req, user, seg[0][1:], seg[1:])


def _invalid_session() -> Response:
    return error_response(401, "INVALID_SESSION_ID", "Session expired or invalid")


def _http_date(ms: int) -> str:
    from datetime import UTC, datetime

    return http_date(datetime.fromtimestamp(ms / 1000, tz=UTC), usegmt=True)
