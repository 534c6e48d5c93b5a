"""Fault injection for the local org: the failures a sync must survive, on demand.

A :class:`FaultInjector` is consulted before every request is routed (``RestApi.faults``;
``/control`` is never faulted). Each :class:`Fault` matches requests by a regular
expression searched in the path and, optionally, a method, and fires

* always (until cleared),
* for the next ``times`` matching calls, then never again,
* or with probability ``rate`` per matching call, drawn from its own ``random.Random(seed)``
  so a run is reproducible (``rate`` and ``times`` combine: at most ``times`` firings),

after letting the first ``after`` matching calls through (to strike mid-run).

Kinds that answer instead of the org: ``invalid_session`` (401, and the presented access
token is really revoked, as when an admin ends the session), ``unable_to_lock_row`` (on
writes only), ``server_error`` (500), ``service_unavailable`` (503), ``request_limit``
(403 ``REQUEST_LIMIT_EXCEEDED``) and ``drop`` (the connection is closed unanswered).
Kinds that let the request through: ``slow`` (waits ``delay`` seconds first) and the
one-shot org changes ``validation_rule``, ``field_access`` and ``add_field``, which apply a
change through a callback (the control layer's own operations, so the change is
persisted) just before the request that triggers them is served. ``garble`` lets the org
answer, then spoils the answer with one of the mutators of :mod:`.garble` (all, or those
named in ``mutators``), chosen by the fault's seed: bad JSON and CSV, odd values, broken
UTF-8, malformed headers (see :meth:`FaultInjector.after`).

Faults live in memory only: a restarted org has none (the changes they made persist).
Firings are not counted against the API allowance: they never reach the REST layer.
"""

from __future__ import annotations

import json
import logging
import random
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .garble import MUTATORS, garble
from .http import Request, Response, error_response, json_response

log = logging.getLogger("sfsync.localorg.faults")


class FaultKind(StrEnum):
    """What a fault does when it fires."""

    INVALID_SESSION = "invalid_session"
    UNABLE_TO_LOCK_ROW = "unable_to_lock_row"
    SERVER_ERROR = "server_error"
    SERVICE_UNAVAILABLE = "service_unavailable"
    REQUEST_LIMIT = "request_limit"
    DROP = "drop"
    SLOW = "slow"
    VALIDATION_RULE = "validation_rule"
    FIELD_ACCESS = "field_access"
    ADD_FIELD = "add_field"
    GARBLE = "garble"


#: Kinds that change the org once and let the request through.
CHANGE_KINDS = frozenset({FaultKind.VALIDATION_RULE, FaultKind.FIELD_ACCESS,
                          FaultKind.ADD_FIELD})
#: Kinds that let the request through (the rest answer instead of the org).
PASS_THROUGH_KINDS = CHANGE_KINDS | {FaultKind.SLOW, FaultKind.GARBLE}
WRITE_METHODS = frozenset({"POST", "PATCH", "PUT", "DELETE"})
METHODS = frozenset({"GET", "HEAD", *WRITE_METHODS})
#: Without a ``path``, a fault matches the REST and Bulk APIs (not OAuth or identity).
DEFAULT_PATH = r"^/services/data/"
MAX_DELAY_S = 600.0

LOCK_MESSAGE = "unable to obtain exclusive access to this record"
SERVER_ERROR_MESSAGE = (
    "An unexpected error occurred. Please include this ErrorId if you contact support: "
    "{}-{} (-{})"
)
UNAVAILABLE_MESSAGE = "Server is unavailable. Please try again later."
_COLLECTIONS_RE = re.compile(r"/composite/sobjects(?:/[^/]*)?/?$")

#: Keys every fault spec may carry; kinds add their own (see ``KIND_KEYS``).
COMMON_KEYS = ("kind", "path", "method", "rate", "times", "after", "seed")
KIND_KEYS: dict[FaultKind, tuple[str, ...]] = {
    FaultKind.SLOW: ("delay",),
    FaultKind.VALIDATION_RULE: ("rule", "active"),
    FaultKind.FIELD_ACCESS: ("object", "field", "readable", "editable", "profile"),
    FaultKind.ADD_FIELD: ("object", "field"),
    FaultKind.GARBLE: ("mutators",),
}


class FaultSpecError(ValueError):
    """A fault spec that cannot be used; the message says what to send instead."""


@dataclass
class Fault:
    """One armed fault and how often it has matched and fired."""

    id: str
    kind: FaultKind
    path: str
    method: str | None = None
    rate: float | None = None
    times: int | None = None
    after: int = 0
    seed: int | None = None
    delay: float = 0.0
    #: What a change kind changes (rule name, field...), as given.
    params: dict[str, Any] = field(default_factory=dict)
    #: Calls that matched path and method.
    seen: int = 0
    #: Calls the fault acted on.
    fired: int = 0
    _pattern: re.Pattern[str] = field(init=False, repr=False)
    _rng: random.Random = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._pattern = re.compile(self.path)
        self._rng = random.Random(self.seed)

    @property
    def remaining(self) -> int | None:
        """Firings left, or None when unlimited."""
        return None if self.times is None else max(0, self.times - self.fired)

    def matches(self, req: Request) -> bool:
        method = req.method.upper()
        if self.method is not None and method != self.method:
            return False
        # A lock fault is about writes: reads never take a row lock.
        if (self.kind is FaultKind.UNABLE_TO_LOCK_ROW and self.method is None
                and method not in WRITE_METHODS):
            return False
        return self._pattern.search(req.path) is not None

    def decide(self) -> bool:
        """Count one matching call and say whether the fault fires on it."""
        self.seen += 1
        if self.seen <= self.after:
            return False
        if self.remaining == 0:
            return False
        if self.rate is not None and self._rng.random() >= self.rate:
            return False
        self.fired += 1
        return True

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "kind": self.kind.value, "path": self.path, "method": self.method,
            "rate": self.rate, "times": self.times, "after": self.after, "seed": self.seed,
            "seen": self.seen, "fired": self.fired, "remaining": self.remaining,
        }
        if self.kind is FaultKind.SLOW:
            out["delay"] = self.delay
        out.update(self.params)
        return out


class FaultInjector:
    """The org's armed faults; callable as the ``RestApi.faults`` hook.

    Args:
        revoke_token: revokes one access token (``invalid_session`` faults).
        apply_change: applies a change kind's ``params`` to the org.
        sleep: how to wait for ``slow`` faults (tests may pass a fake).
    """

    def __init__(self, *, revoke_token: Callable[[str], None] | None = None,
                 apply_change: Callable[[FaultKind, dict[str, Any]], None] | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self._revoke_token = revoke_token
        self._apply_change = apply_change
        self._sleep = sleep
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._next = 1
        # garble faults that fired for the request this thread is serving (each request is
        # served start to end on one thread)
        self._pending = threading.local()

    # -- arming ----------------------------------------------------------------------

    def add(self, spec: Mapping[str, Any]) -> Fault:
        """Arm a fault from a spec (the JSON the control API takes); FaultSpecError if
        the spec is unusable. Change kinds fire once unless ``times`` says otherwise."""
        fault = parse_spec(spec, "pending")
        with self._lock:
            fault.id = f"F{self._next}"
            self._next += 1
            self._faults.append(fault)
        return fault

    def list(self) -> list[dict[str, Any]]:
        """Every fault, armed or spent, in the order it was added."""
        with self._lock:
            return [f.to_json() for f in self._faults]

    def clear(self, fault_id: str | None = None) -> int:
        """Remove one fault (by id) or all; returns how many were removed."""
        with self._lock:
            before = len(self._faults)
            self._faults = [f for f in self._faults
                            if fault_id is not None and f.id != fault_id]
            return before - len(self._faults)

    # -- the hook --------------------------------------------------------------------

    def __call__(self, req: Request) -> Response | None:
        """The response a fault gives ``req`` instead of the org, or None to serve it.

        Faults are considered in the order they were added; pass-through kinds before the
        first answering one all act, and the first answering fault that fires ends it.
        """
        acting: list[Fault] = []
        with self._lock:
            for fault in self._faults:
                if fault.matches(req) and fault.decide():
                    acting.append(fault)
                    if fault.kind not in PASS_THROUGH_KINDS:
                        break
        # Side effects (sleep, revoke, schema changes) happen outside the lock so other
        # requests are neither delayed nor deadlocked by them.
        self._pending.garbles = [f for f in acting if f.kind is FaultKind.GARBLE]
        for fault in acting:
            if fault.kind is FaultKind.SLOW:
                self._sleep(fault.delay)
            elif fault.kind in CHANGE_KINDS and self._apply_change is not None:
                try:
                    self._apply_change(fault.kind, dict(fault.params))
                except Exception:  # checked when armed; a later clash must not fail the call
                    log.exception("fault %s could not apply its change", fault.id)
            elif fault.kind not in PASS_THROUGH_KINDS:
                return self._answer(fault, req)
        return None

    def after(self, req: Request, resp: Response) -> Response:
        """The org's answer to ``req`` as the garble faults that fired for it spoil it."""
        garbles = getattr(self._pending, "garbles", None) or []
        self._pending.garbles = []
        for fault in garbles:
            with self._lock:  # the fault's random generator is shared by threads
                resp, name = garble(resp, fault._rng, fault.params.get("mutators"))
            fault.params.setdefault("applied", {})
            if name is not None:
                applied = fault.params["applied"]
                applied[name] = applied.get(name, 0) + 1
            log.info("fault %s garbled %s %s with %s", fault.id, req.method, req.path, name)
        return resp

    def _answer(self, fault: Fault, req: Request) -> Response:
        kind = fault.kind
        if kind is FaultKind.INVALID_SESSION:
            token = _bearer(req)
            if token and self._revoke_token is not None:
                self._revoke_token(token)
            return error_response(401, "INVALID_SESSION_ID", "Session expired or invalid")
        if kind is FaultKind.UNABLE_TO_LOCK_ROW:
            return _lock_response(req)
        if kind is FaultKind.SERVER_ERROR:
            rng = random.Random(fault.fired)
            message = SERVER_ERROR_MESSAGE.format(
                rng.randrange(10**9, 10**10), rng.randrange(10**4, 10**5),
                rng.randrange(10**9, 10**10))
            return error_response(500, "UNKNOWN_EXCEPTION", message)
        if kind is FaultKind.SERVICE_UNAVAILABLE:
            return error_response(503, "SERVER_UNAVAILABLE", UNAVAILABLE_MESSAGE)
        if kind is FaultKind.REQUEST_LIMIT:
            return error_response(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")
        if kind is FaultKind.DROP:
            return Response(0, drop=True)
        raise AssertionError(kind)


def parse_spec(spec: Mapping[str, Any], fault_id: str) -> Fault:
    """Validate a fault spec and build the (unarmed) fault."""
    if not isinstance(spec, Mapping):
        raise FaultSpecError('send a JSON object such as {"kind": "server_error", "times": 1}')
    raw_kind = spec.get("kind")
    try:
        kind = FaultKind(raw_kind)
    except ValueError:
        raise FaultSpecError(
            f"kind must be one of {', '.join(k.value for k in FaultKind)}; got {raw_kind!r}"
        ) from None
    allowed = COMMON_KEYS + KIND_KEYS.get(kind, ())
    unknown = sorted(set(spec) - set(allowed))
    if unknown:
        raise FaultSpecError(
            f"unknown key(s) {', '.join(unknown)} for a {kind.value} fault; it takes "
            f"{', '.join(allowed)}")
    path = spec.get("path") or DEFAULT_PATH
    if not isinstance(path, str):
        raise FaultSpecError("path must be a regular expression (a string) searched in the "
                             "request path, e.g. \"/sobjects/Lead\"")
    try:
        re.compile(path)
    except re.error as exc:
        raise FaultSpecError(f"path is not a valid regular expression: {exc}") from None
    method = spec.get("method")
    if method is not None:
        if not isinstance(method, str) or method.upper() not in METHODS:
            raise FaultSpecError(f"method must be one of {', '.join(sorted(METHODS))}")
        method = method.upper()
    rate = spec.get("rate")
    if rate is not None and (
        isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 < rate <= 1
    ):
        raise FaultSpecError("rate must be a probability: a number above 0 and at most 1")
    times = _count(spec, "times", minimum=1)
    if times is None and kind in CHANGE_KINDS:
        times = 1  # org changes act once
    after = _count(spec, "after", minimum=0) or 0
    seed = spec.get("seed")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise FaultSpecError("seed must be an integer")
    delay = 0.0
    if kind is FaultKind.SLOW:
        delay = spec.get("delay", 2.0)
        if isinstance(delay, bool) or not isinstance(delay, (int, float)) or not (
            0 <= delay <= MAX_DELAY_S
        ):
            raise FaultSpecError(f"delay must be a number of seconds from 0 to {MAX_DELAY_S:g}")
        delay = float(delay)
    params = {k: spec[k] for k in KIND_KEYS.get(kind, ()) if k in spec and k != "delay"}
    if kind is FaultKind.GARBLE:
        names = params.get("mutators")
        if isinstance(names, str):
            names = [names]
        if names is not None and (not isinstance(names, list) or not names
                                  or any(n not in MUTATORS for n in names)):
            raise FaultSpecError(f"mutators must be a list of some of {', '.join(MUTATORS)}")
        params = {"mutators": names} if names else {}
    return Fault(fault_id, kind, path, method, float(rate) if rate is not None else None,
                 times, after, seed, delay, params)


def _count(spec: Mapping[str, Any], key: str, *, minimum: int) -> int | None:
    value = spec.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise FaultSpecError(f"{key} must be a whole number of at least {minimum}")
    return value


def _bearer(req: Request) -> str | None:
    parts = (req.header("Authorization") or "").strip().split(None, 1)
    if len(parts) == 2 and parts[0].lower() in ("bearer", "oauth"):
        return parts[1].strip()
    return None


def _lock_response(req: Request) -> Response:
    """UNABLE_TO_LOCK_ROW in the shape of the call that was refused.

    A collection call answers 200 with every record failed (``statusCode``); any other
    write answers the single-record 400 (``errorCode``).
    """
    if not _COLLECTIONS_RE.search(req.path.rstrip("/")):
        return json_response(400, [{"message": LOCK_MESSAGE, "errorCode": "UNABLE_TO_LOCK_ROW",
                                    "fields": []}])
    error = {"statusCode": "UNABLE_TO_LOCK_ROW", "message": LOCK_MESSAGE, "fields": []}
    entries: list[dict[str, Any]] = []
    if req.method.upper() == "DELETE":
        for rid in [i for i in req.query.get("ids", "").split(",") if i]:
            entries.append({"id": rid, "success": False, "errors": [error]})
    else:
        try:
            records = json.loads(req.body.decode("utf-8") or "{}").get("records") or []
        except (ValueError, AttributeError):
            records = []
        for rec in records if isinstance(records, list) else []:
            entry: dict[str, Any] = {"success": False, "errors": [error]}
            if isinstance(rec, dict) and rec.get("Id"):
                entry = {"id": rec["Id"], **entry}
            entries.append(entry)
    return json_response(200, entries)
