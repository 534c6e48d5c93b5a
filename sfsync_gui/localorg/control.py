"""The local org's control API: what a test or a demo does *to* the org, not through it.

Salesforce has no API for much of what a sync must cope with — a lead converted in the UI,
a merge, a purge of the recycle bin, a validation rule switched on, a field hidden from
the integration user, time passing. The control API does those, over HTTP at
``/control/...`` (JSON in, JSON out; not part of Salesforce's API, not counted against
the API allowance, never faulted) and from Python on :class:`Control`
(``running.control``), the same operations under the same names.

Only an administrator's bearer token opens ``/control``: none or an invalid one is
``401 INVALID_SESSION_ID``, the sync user's is ``403 INSUFFICIENT_ACCESS``. Operations
that write records act as the administrator, through the one write path (``records``)
where Salesforce would run its rules, and record-level errors come back in Salesforce's
shape (a list of ``{message, errorCode, fields}``). A request the control API cannot
understand is ``400 INVALID_CONTROL_REQUEST`` whose message says what to send.

Persisted in the org's ``_meta`` table, and replayed when the org starts
(:func:`restore_persisted_changes`, called by ``LocalOrg``): custom fields added, field
access changed, validation rule and duplicate rule states, and each changed object's
describe ``Last-Modified``. Faults are in memory only: a restarted org has none.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from . import lifecycle
from .faults import CHANGE_KINDS, FaultInjector, FaultKind, FaultSpecError, parse_spec
from .http import Request, Response, error_response, json_response
from .org import ADMIN_PROFILE, SYNC_PROFILE, LocalOrg
from .records import (
    Actor,
    create,
    delete,
    load_row,
    normalise_id,
    not_found,
    to_json_record,
    update,
)
from .rules import ValidationRule, WriteRejected
from .schema import FieldDef, FieldType, ObjectDef
from .storage import create_tables, format_datetime, parse_datetime, qi

if TYPE_CHECKING:
    from .oauth import OAuthServer

META_FIELDS = "control.fields"
META_ACCESS = "control.access"
META_RULES = "control.rules"
META_DUPLICATE_RULE = "control.duplicate_rule"
META_MODIFIED = "control.modified"

#: Profile aliases the control API accepts besides the profile names.
PROFILE_ALIASES = {"sync": SYNC_PROFILE, "admin": ADMIN_PROFILE}
DUPLICATE_RULE_NAME = "Lead_Contact_Email_Duplicate_Rule"


class ControlError(Exception):
    """A control request that cannot be carried out as sent; ``message`` says what to send.

    HTTP answers it with ``status`` and ``[{"message", "errorCode"}]``.
    """

    def __init__(self, message: str, status: int = 400,
                 code: str = "INVALID_CONTROL_REQUEST") -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code


# ---------------------------------------------------------------------------------------
# Custom field specs

#: Type names a custom field spec may use -> the field type (Setup's names are aliases).
CUSTOM_FIELD_TYPES = {
    "string": FieldType.STRING, "text": FieldType.STRING, "textarea": FieldType.TEXTAREA,
    "email": FieldType.EMAIL, "phone": FieldType.PHONE, "url": FieldType.URL,
    "picklist": FieldType.PICKLIST, "multipicklist": FieldType.MULTIPICKLIST,
    "boolean": FieldType.BOOLEAN, "checkbox": FieldType.BOOLEAN,
    "double": FieldType.DOUBLE, "number": FieldType.DOUBLE,
    "currency": FieldType.CURRENCY, "percent": FieldType.PERCENT,
    "date": FieldType.DATE, "datetime": FieldType.DATETIME,
}
FIELD_SPEC_KEYS = ("name", "type", "label", "length", "precision", "scale", "values",
                   "externalId", "unique", "default")
_CUSTOM_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*__c$")
_FIELD_HINT = ('{"object": "Lead", "name": "Region__c", "type": "string", "length": 40} '
               "(types: " + ", ".join(sorted(CUSTOM_FIELD_TYPES)) + ")")


def field_from_spec(spec: Mapping[str, Any]) -> tuple[FieldDef, dict[str, Any]]:
    """A custom field from its spec; returns the field and the normalised spec (what is
    persisted and replayed). ControlError says what is wrong."""
    if not isinstance(spec, Mapping):
        raise ControlError(f"a field spec is a JSON object: send {_FIELD_HINT}")
    unknown = sorted(set(spec) - set(FIELD_SPEC_KEYS) - {"object"})
    if unknown:
        raise ControlError(f"unknown field spec key(s) {', '.join(unknown)}; a field takes "
                           f"{', '.join(FIELD_SPEC_KEYS)}")
    name = spec.get("name")
    if not isinstance(name, str) or not _CUSTOM_NAME_RE.match(name) or len(name) > 43:
        raise ControlError(
            f"name must be a custom field API name such as Region__c (letters, digits and "
            f"single underscores, ending in __c, at most 40 characters before it); got "
            f"{name!r}")
    type_name = str(spec.get("type", "string")).lower()
    ftype = CUSTOM_FIELD_TYPES.get(type_name)
    if ftype is None:
        raise ControlError(f"type must be one of {', '.join(sorted(CUSTOM_FIELD_TYPES))}; "
                           f"got {spec.get('type')!r}")
    label = spec.get("label") or name[:-3].replace("_", " ")
    if not isinstance(label, str) or len(label) > 40:
        raise ControlError("label must be text of at most 40 characters")
    norm: dict[str, Any] = {"name": name, "type": ftype.value, "label": label}
    kw: dict[str, Any] = {"custom": True}
    if ftype in (FieldType.STRING, FieldType.TEXTAREA):
        limit = 255 if ftype is FieldType.STRING else 131072
        length = _int_in(spec, "length", 255, 1, limit)
        norm["length"] = kw["length"] = length
        if ftype is FieldType.TEXTAREA:
            kw["filterable"] = kw["sortable"] = length <= 255
    elif ftype is FieldType.EMAIL:
        kw["length"] = 80
    elif ftype is FieldType.PHONE:
        kw["length"] = 40
    elif ftype in (FieldType.URL, FieldType.PICKLIST, FieldType.MULTIPICKLIST):
        kw["length"] = 255
    if ftype in (FieldType.PICKLIST, FieldType.MULTIPICKLIST):
        values = spec.get("values")
        if not isinstance(values, list) or not values or not all(
            isinstance(v, str) and v for v in values
        ):
            raise ControlError('a picklist needs "values": a list of non-empty strings')
        norm["values"] = list(values)
        kw["picklist"] = tuple(values)
    if ftype in (FieldType.DOUBLE, FieldType.CURRENCY, FieldType.PERCENT):
        precision = _int_in(spec, "precision", 18, 1, 18)
        scale = _int_in(spec, "scale", 2 if ftype is FieldType.CURRENCY else 0, 0, precision)
        norm.update(precision=precision, scale=scale)
        kw.update(precision=precision, scale=scale)
    if ftype is FieldType.BOOLEAN:
        default = spec.get("default", False)
        if not isinstance(default, bool):
            raise ControlError("default of a checkbox must be true or false")
        norm["default"] = default
        kw.update(nillable=False, defaulted_on_create=True, default=default)
    elif spec.get("default") is not None:
        raise ControlError("only a checkbox takes a default")
    for key, attr in (("externalId", "external_id"), ("unique", "unique")):
        flag = spec.get(key, False)
        if not isinstance(flag, bool):
            raise ControlError(f"{key} must be true or false")
        if flag and ftype not in (FieldType.STRING, FieldType.EMAIL, FieldType.DOUBLE):
            raise ControlError(f"{key} applies to string, email and number fields only")
        if flag:
            norm[key] = True
            kw[attr] = True
            kw["id_lookup"] = True
    return FieldDef(name, label, ftype, **kw), norm


def _int_in(spec: Mapping[str, Any], key: str, default: int, low: int, high: int) -> int:
    value = spec.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ControlError(f"{key} must be a whole number from {low} to {high}")
    return value


# ---------------------------------------------------------------------------------------
# Persistence of org changes


def _load(org: LocalOrg, key: str, default: Any) -> Any:
    with org.lock:
        return json.loads(org._meta(key, json.dumps(default)))


def _save(org: LocalOrg, key: str, value: Any) -> None:
    with org.lock:
        org.set_meta(key, json.dumps(value, sort_keys=True))


def restore_persisted_changes(org: LocalOrg) -> None:
    """Replay the control API's schema changes and rule states on a freshly opened org.

    ``LocalOrg`` calls this at start-up, before it builds its setup tables.
    """
    with org.lock:
        added = _load(org, META_FIELDS, [])
        for entry in added:
            fdef, _ = field_from_spec(entry["field"])
            if org.catalog.objects[entry["object"]].field(fdef.name) is None:
                org.catalog.add_field(entry["object"], fdef, 0)
        if added:
            create_tables(org.conn, org.catalog)
        for entry in _load(org, META_ACCESS, []):
            org.catalog.set_access(entry["profile"], entry["object"], entry["field"],
                                   readable=entry["readable"], editable=entry["editable"],
                                   now_ms=0)
        states = _load(org, META_RULES, {})
        for rule in org.rules:
            if rule.name in states:
                rule.active = bool(states[rule.name])
        duplicate = _load(org, META_DUPLICATE_RULE, None)
        if duplicate is not None:
            org.duplicate_rule_active = bool(duplicate)
        org.catalog.modified.update({k: int(v) for k, v in _load(org, META_MODIFIED, {}).items()})


# ---------------------------------------------------------------------------------------
# The facade


class Control:
    """Every control operation, in Python. ``handle`` serves the same over HTTP.

    Args:
        org: the org to control.
        oauth: the org's authorization server (token checks, revocation); None for an
            org without HTTP, where ``handle`` refuses every request.
        sleep: how ``slow`` faults wait (tests may pass a fake).
    """

    def __init__(self, org: LocalOrg, oauth: OAuthServer | None = None, *,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.org = org
        self.oauth = oauth
        self.retention = lifecycle.BinRetention(org)
        self.injector = FaultInjector(revoke_token=self._revoke_token,
                                      apply_change=self._apply_change, sleep=sleep)

    @property
    def actor(self) -> Actor:
        """Who control operations act as: the org's administrator."""
        return self.org.admin.actor

    # -- hooks for the HTTP layer -------------------------------------------------------

    def before_request(self, req: Request) -> Response | None:
        """``RestApi.faults``: lazy bin retention, then the armed faults."""
        self.retention.check()
        return self.injector(req)

    def after_request(self, req: Request, resp: Response) -> Response:
        """``RestApi.after_faults``: the answer as armed ``garble`` faults spoil it."""
        return self.injector.after(req, resp)

    # -- lead conversion, merge, recycle bin ---------------------------------------------

    def convert_lead(self, lead_id: str, *, account_id: str | None = None,
                     contact_id: str | None = None, create_opportunity: bool = False,
                     opportunity_name: str | None = None,
                     converted_status: str = "Closed - Converted") -> dict[str, Any]:
        """Convert a Lead (see :func:`lifecycle.convert_lead`); a LeadConvertResult."""
        return lifecycle.convert_lead(
            self.org, self.actor, lead_id, account_id=account_id, contact_id=contact_id,
            create_opportunity=create_opportunity, opportunity_name=opportunity_name,
            converted_status=converted_status)

    def merge(self, object_name: str, master_id: str, loser_ids: list[str],
              field_values: Mapping[str, Any] | None = None,
              fields_from: Mapping[str, str] | None = None) -> dict[str, Any]:
        """Merge one or two records into a master (see :func:`lifecycle.merge`)."""
        return lifecycle.merge(self.org, self.actor, object_name, master_id, list(loser_ids),
                               field_values, fields_from)

    def delete(self, object_name: str, record_id: str) -> str:
        """Send a record to the recycle bin as the administrator."""
        obj = self._object(object_name)
        with self.org.transaction() as ctx:
            return delete(ctx, self.actor, obj, record_id)

    def undelete(self, record_ids: list[str]) -> list[dict[str, Any]]:
        """Restore records from the bin; one ``{id, success, errors}`` per Id."""
        return lifecycle.undelete(self.org, self.actor, list(record_ids))

    def purge(self, record_ids: list[str]) -> list[dict[str, Any]]:
        """Hard-delete records (in the bin or not); one ``{id, success, errors}`` per Id."""
        return lifecycle.purge(self.org, list(record_ids))

    def empty_bin(self, object_name: str | None = None) -> dict[str, int]:
        """Purge the recycle bin (of one object, or all); rows purged per object."""
        return lifecycle.empty_bin(self.org, object_name)

    def earliest_deleted(self, object_name: str) -> str:
        """What get deleted now reports as ``earliestDateAvailable`` for the object."""
        return lifecycle.earliest_deleted(self.org, self._object(object_name).name)

    # -- records as the administrator ----------------------------------------------------

    def create(self, object_name: str, values: Mapping[str, Any], *,
               allow_duplicates: bool = False) -> str:
        """Create a record as the administrator; returns its Id."""
        obj = self._object(object_name)
        with self.org.transaction(allow_duplicates=allow_duplicates) as ctx:
            return create(ctx, self.actor, obj, dict(values))

    def update(self, object_name: str, record_id: str, values: Mapping[str, Any], *,
               allow_duplicates: bool = False) -> str:
        """Update a record as the administrator; returns its Id."""
        obj = self._object(object_name)
        with self.org.transaction(allow_duplicates=allow_duplicates) as ctx:
            return update(ctx, self.actor, obj, record_id, dict(values))

    def get(self, object_name: str, record_id: str) -> dict[str, Any]:
        """A record as the administrator sees it, also while it is in the recycle bin."""
        obj = self._object(object_name)
        rid = normalise_id(obj, record_id)
        with self.org.lock:
            row = load_row(self.org.conn, obj, rid)
        if row is None:
            raise not_found()
        return to_json_record(self.org.catalog, ADMIN_PROFILE, obj, row, self.org.api_version)

    # -- faults -------------------------------------------------------------------------

    def add_fault(self, kind: str, **params: Any) -> dict[str, Any]:
        """Arm a fault (see ``faults``); returns it with its id. Parameters: ``path``
        (regex), ``method``, ``rate``, ``times``, ``after``, ``seed``; ``delay`` for
        ``slow``; ``rule``/``active`` for ``validation_rule``; ``object``/``field``/
        ``readable``/``editable``/``profile`` for ``field_access``; ``object`` and a
        ``field`` spec for ``add_field``."""
        spec = {"kind": kind, **params}
        try:
            fault = parse_spec(spec, "check")
            if fault.kind in CHANGE_KINDS:
                self._check_change(fault.kind, fault.params)
            return self.injector.add(spec).to_json()
        except FaultSpecError as exc:
            raise ControlError(str(exc)) from None

    def list_faults(self) -> list[dict[str, Any]]:
        """Every fault with ``seen`` (matching calls) and ``fired`` counts."""
        return self.injector.list()

    def clear_faults(self, fault_id: str | None = None) -> int:
        """Remove one fault or all; how many were removed."""
        return self.injector.clear(fault_id)

    def _check_change(self, kind: FaultKind, params: dict[str, Any]) -> None:
        """Refuse a change fault now rather than fail when it fires."""
        if kind is FaultKind.VALIDATION_RULE:
            self._rule(params.get("rule"))
            if not isinstance(params.get("active", True), bool):
                raise ControlError("active must be true or false")
        elif kind is FaultKind.FIELD_ACCESS:
            self._permissionable(params.get("object"), params.get("field"))
            self._profile(params.get("profile"))
            for key in ("readable", "editable"):
                if not isinstance(params.get(key, False), bool):
                    raise ControlError(f"{key} must be true or false")
        elif kind is FaultKind.ADD_FIELD:
            obj = self._object(params.get("object"))
            fdef, _ = field_from_spec(params.get("field"))  # type: ignore[arg-type]
            if obj.field(fdef.name) is not None:
                raise ControlError(f"{obj.name}.{fdef.name} already exists", 409, "DUPLICATE_VALUE")

    def _apply_change(self, kind: FaultKind, params: dict[str, Any]) -> None:
        if kind is FaultKind.VALIDATION_RULE:
            self.set_rule(params["rule"], params.get("active", True))
        elif kind is FaultKind.FIELD_ACCESS:
            self.set_access(params["object"], params["field"],
                            readable=params.get("readable", False),
                            editable=params.get("editable", False),
                            profile=params.get("profile"))
        elif kind is FaultKind.ADD_FIELD:
            self.add_field(params["object"], **params["field"])

    # -- clock --------------------------------------------------------------------------

    def clock(self) -> dict[str, Any]:
        """The org clock: ``now`` and how far it runs ahead of real time."""
        return {"now": format_datetime(self.org.clock.now()),
                "offsetSeconds": self.org.clock.offset_ms / 1000}

    def advance_clock(self, seconds: float = 0, *, minutes: float = 0, hours: float = 0,
                      days: float = 0) -> dict[str, Any]:
        """Move the org clock forward; token expiry and bin retention follow it (the bin
        is checked at once: ``purged`` says what went)."""
        total = timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
        if total.total_seconds() < 0:
            raise ControlError("the clock only moves forward: send a positive amount")
        self.org.clock.advance(total.total_seconds())
        purged = self.retention.check(force=True)
        return {**self.clock(), "purged": purged}

    # -- schema -------------------------------------------------------------------------

    def add_field(self, object_name: str, name: str, type: str = "string",
                  **spec: Any) -> dict[str, Any]:
        """Add a custom field (visible and editable to every profile, as Setup's default).

        The table gains a column, the setup objects list the field, and the object's
        describe ``Last-Modified`` moves, so ``If-Modified-Since`` answers 200 again.
        Spec keys besides ``name``/``type``: ``label``, ``length``, ``precision``,
        ``scale``, ``values`` (picklists), ``externalId``, ``unique``, ``default``.
        """
        obj = self._object(object_name)
        fdef, norm = field_from_spec({"name": name, "type": type, **spec})
        with self.org.lock:
            if obj.field(fdef.name) is not None:
                raise ControlError(f"{obj.name}.{fdef.name} already exists", 409,
                                   "DUPLICATE_VALUE")
            self.org.catalog.add_field(obj.name, fdef, self.org.clock.now_ms())
            create_tables(self.org.conn, self.org.catalog)
            added = _load(self.org, META_FIELDS, [])
            added.append({"object": obj.name, "field": norm})
            _save(self.org, META_FIELDS, added)
            self._save_modified(obj.name)
        self.org.refresh_setup_tables()
        return {"object": obj.name, "field": norm}

    def set_access(self, object_name: str, field_name: str, *, readable: bool,
                   editable: bool | None = None, profile: str | None = None) -> dict[str, Any]:
        """Set a profile's field-level security on a field (default: the sync user's).

        ``readable=False`` hides the field (gone from describe and records, INVALID_FIELD
        in SOQL); ``editable=False`` makes it read-only. ``editable`` defaults to
        ``readable``.
        """
        obj, fdef = self._permissionable(object_name, field_name)
        prof = self._profile(profile)
        if not isinstance(readable, bool) or not isinstance(editable, (bool, type(None))):
            raise ControlError("readable and editable must be true or false")
        editable = readable if editable is None else editable
        with self.org.lock:
            self.org.catalog.set_access(prof, obj.name, fdef.name, readable=readable,
                                        editable=editable, now_ms=self.org.clock.now_ms())
            entry = {"profile": prof, "object": obj.name, "field": fdef.name,
                     "readable": readable, "editable": editable and readable}
            changes = [e for e in _load(self.org, META_ACCESS, []) if (
                e["profile"], e["object"], e["field"]) != (prof, obj.name, fdef.name)]
            _save(self.org, META_ACCESS, [*changes, entry])
            self._save_modified(obj.name)
        self.org.refresh_setup_tables()
        return entry

    def _save_modified(self, object_name: str) -> None:
        modified = _load(self.org, META_MODIFIED, {})
        modified[object_name] = self.org.catalog.modified[object_name]
        _save(self.org, META_MODIFIED, modified)

    # -- rules --------------------------------------------------------------------------

    def rules(self) -> dict[str, Any]:
        """Validation rules (name, object, message, field, active) and the duplicate rule."""
        return {
            "validationRules": [
                {"name": r.name, "object": r.object, "message": r.message,
                 "errorField": r.error_field, "active": r.active}
                for r in self.org.rules
            ],
            "duplicateRule": {"name": DUPLICATE_RULE_NAME, "objects": ["Lead", "Contact"],
                              "active": self.org.duplicate_rule_active},
        }

    def set_rule(self, name: str, active: bool) -> dict[str, Any]:
        """Switch a validation rule on or off (it applies to the next write)."""
        rule = self._rule(name)
        if not isinstance(active, bool):
            raise ControlError('send {"active": true} or {"active": false}')
        with self.org.lock:
            rule.active = active
            states = _load(self.org, META_RULES, {})
            states[rule.name] = active
            _save(self.org, META_RULES, states)
        return {"name": rule.name, "active": rule.active}

    def set_duplicate_rule(self, active: bool) -> dict[str, Any]:
        """Switch the Lead/Contact email duplicate rule on or off."""
        if not isinstance(active, bool):
            raise ControlError('send {"active": true} or {"active": false}')
        with self.org.lock:
            self.org.duplicate_rule_active = active
            _save(self.org, META_DUPLICATE_RULE, active)
        return {"name": DUPLICATE_RULE_NAME, "active": active}

    # -- tokens -------------------------------------------------------------------------

    def revoke_tokens(self, user: str | None = None) -> dict[str, int]:
        """Revoke every access and refresh token, of one user (``sync``, ``admin``, a
        username or a user Id) or of everyone; ``revoked`` counts them."""
        if self.oauth is None:
            raise ControlError("this org has no OAuth server (it is not served over HTTP)",
                               409, "NOT_AVAILABLE")
        user_id = None
        if user is not None:
            user_id = self._user_id(user)
        return {"revoked": self.oauth.revoke_all(user_id)}

    def _revoke_token(self, token: str) -> None:
        if self.oauth is not None:
            self.oauth.revoke({"token": token})

    def _user_id(self, user: str) -> str:
        alias = {"sync": self.org.sync_user.id, "admin": self.org.admin.id}
        if user in alias:
            return alias[user]
        for info in self.org.users.values():
            if user in (info.id, info.username):
                return info.id
        raise ControlError(f"unknown user {user!r}: send sync, admin, a username or a "
                           "user Id", 404, "NOT_FOUND")

    # -- reset --------------------------------------------------------------------------

    def reset(self) -> dict[str, Any]:
        """Wipe every record and write the seed the org was created with, as it was.

        Kept: users and their passwords, the connected app, TLS files, tokens, schema
        changes, rule states, the clock, API usage and faults. Records made since the
        seed are gone for good (as purged), so every object's ``earliestDateAvailable``
        moves to now; Ids handed out since are not handed out again.
        """
        from .seed import SeedUser
        from .seed import seed as run_seed

        org = self.org
        with org.lock:
            try:
                spec = org._meta("seed")
            except KeyError:
                raise ControlError("this org's data folder does not record the seed it was "
                                   "created with; it cannot be reset", 409,
                                   "NOT_AVAILABLE") from None
            created = parse_datetime(org._meta("created"))
            users = json.loads(org._meta("users"))
            stamp = format_datetime(org.clock.now())
            org.conn.execute("BEGIN IMMEDIATE")
            try:
                for obj in org.catalog:
                    if obj.setup:
                        continue
                    org.conn.execute(f"DELETE FROM {qi(obj.name)}")
                    if obj.has_recycle_bin:
                        org.set_meta(f"earliest_deleted.{obj.name}", stamp)
            except BaseException:
                org.conn.execute("ROLLBACK")
                raise
            org.conn.execute("COMMIT")
            # Open query cursors point at rows that no longer exist.
            for cid in list(org._cursors):
                org._drop_cursor(cid)
            seed_users = [SeedUser(u["username"], u["first"], u["last"], u["email"],
                                   u["profile"]) for u in users]
            summary = run_seed(org.conn, org.catalog, spec, now=created,
                               admin=seed_users[0], sync_user=seed_users[1])
        org.refresh_setup_tables()
        return {"seed": spec, "counts": summary.counts}

    # -- lookups ------------------------------------------------------------------------

    def _object(self, name: object) -> ObjectDef:
        if not isinstance(name, str) or not name:
            raise ControlError('name the object: send "object": "Lead" (or Contact, ...)')
        obj = self.org.catalog.get(name)
        if obj is None or obj.setup:
            raise ControlError(f"unknown object {name!r}", 404, "NOT_FOUND")
        return obj

    def _permissionable(self, object_name: object, field_name: object
                        ) -> tuple[ObjectDef, FieldDef]:
        obj = self._object(object_name)
        fdef = obj.field(field_name) if isinstance(field_name, str) else None
        if fdef is None:
            raise ControlError(f"unknown field {obj.name}.{field_name}: send "
                               '"field": "<API name>"', 404, "NOT_FOUND")
        if fdef.system or fdef.name == "Id" or not (
            fdef.nillable or fdef.type is FieldType.BOOLEAN
        ):
            raise ControlError(f"field-level security cannot be changed on {obj.name}."
                               f"{fdef.name}: it is a required or system field")
        return obj, fdef

    def _profile(self, profile: object) -> str:
        if profile is None:
            return SYNC_PROFILE
        if isinstance(profile, str):
            name = PROFILE_ALIASES.get(profile, profile)
            if name in self.org.catalog.profiles:
                return name
        raise ControlError(f"unknown profile {profile!r}: send \"sync\", \"admin\" or one of "
                           f"{', '.join(sorted(self.org.catalog.profiles))}")

    def _rule(self, name: object) -> ValidationRule:
        for rule in self.org.rules:
            if rule.name == name:
                return rule
        raise ControlError(f"unknown validation rule {name!r}; the rules are "
                           f"{', '.join(r.name for r in self.org.rules)}", 404, "NOT_FOUND")

    # -- HTTP -----------------------------------------------------------------------------

    def handle(self, req: Request, seg: list[str]) -> Response:
        """``RestApi.control``: answer ``/control/...`` for an administrator's token."""
        session = self.oauth.authenticate(req.header("Authorization")) if self.oauth else None
        if session is None:
            return error_response(401, "INVALID_SESSION_ID", "Session expired or invalid")
        if session.user.profile != ADMIN_PROFILE:
            return error_response(403, "INSUFFICIENT_ACCESS",
                                  "The control API needs an administrator's token.")
        try:
            return _route(self, req, seg)
        except ControlError as exc:
            return error_response(exc.status, exc.code, exc.message)
        except WriteRejected as exc:
            return json_response(exc.status, [e.single() for e in exc.errors])


# ---------------------------------------------------------------------------------------
# HTTP routing

#: Every endpoint, for ``GET /control`` (README "Control API" documents them).
ENDPOINTS = (
    "POST /control/convert", "POST /control/merge", "POST /control/undelete",
    "POST /control/purge", "POST /control/empty-bin",
    "GET|POST|DELETE /control/faults", "DELETE /control/faults/{id}",
    "GET /control/clock", "POST /control/clock/advance",
    "POST /control/schema/fields", "POST /control/schema/access",
    "GET /control/rules", "POST /control/rules/{name}", "POST /control/duplicate-rule",
    "POST /control/records/{object}", "GET|PATCH|DELETE /control/records/{object}/{id}",
    "POST /control/tokens/revoke", "POST /control/reset",
)


class _Body:
    """The JSON object of a control request, read with messages that say what to send."""

    def __init__(self, req: Request, hint: str, allowed: tuple[str, ...] | None) -> None:
        self.hint = hint
        if not req.body.strip():
            data: object = {}
        else:
            try:
                data = req.json()
            except ValueError:
                raise ControlError(f"the body is not valid JSON: send {hint}") from None
        if not isinstance(data, dict):
            raise ControlError(f"send a JSON object: {hint}")
        if allowed is not None:
            unknown = sorted(set(data) - set(allowed))
            if unknown:
                raise ControlError(f"unknown key(s) {', '.join(unknown)}: send {hint}")
        self.data: dict[str, Any] = data

    def text(self, key: str, *, required: bool = True) -> str | None:
        value = self.data.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value:
            raise ControlError(f"{key} is required as text: send {self.hint}")
        return value

    def flag(self, key: str, default: bool | None = None) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise ControlError(f"{key} must be true or false: send {self.hint}")
        return value

    def ids(self, key: str = "ids") -> list[str]:
        value = self.data.get(key)
        if not isinstance(value, list) or not value or not all(
            isinstance(v, str) for v in value
        ):
            raise ControlError(f"{key} must be a non-empty list of record Ids: send {self.hint}")
        return value

    def mapping(self, key: str) -> dict[str, Any] | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, dict):
            raise ControlError(f"{key} must be a JSON object: send {self.hint}")
        return value

    def number(self, key: str) -> float:
        value = self.data.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ControlError(f"{key} must be a number: send {self.hint}")
        return float(value)


def _method(req: Request, *allowed: str) -> None:
    if req.method not in allowed:
        raise ControlError(f"use {' or '.join(allowed)} here", 405, "METHOD_NOT_ALLOWED")


def _route(c: Control, req: Request, seg: list[str]) -> Response:
    m = req.method
    match seg:
        case []:
            _method(req, "GET")
            return json_response(200, {"endpoints": list(ENDPOINTS)})
        case ["convert"]:
            _method(req, "POST")
            b = _Body(req, '{"leadId": "00Q...", "accountId": null, "contactId": null, '
                      '"createOpportunity": false, "opportunityName": null, '
                      '"convertedStatus": "Closed - Converted"}',
                      ("leadId", "accountId", "contactId", "createOpportunity",
                       "opportunityName", "convertedStatus"))
            return json_response(200, c.convert_lead(
                b.text("leadId"), account_id=b.text("accountId", required=False),  # type: ignore[arg-type]
                contact_id=b.text("contactId", required=False),
                create_opportunity=b.flag("createOpportunity", False),
                opportunity_name=b.text("opportunityName", required=False),
                converted_status=b.text("convertedStatus", required=False)
                or "Closed - Converted"))
        case ["merge"]:
            _method(req, "POST")
            b = _Body(req, '{"object": "Contact", "masterId": "003...", "loserIds": '
                      '["003..."], "fieldValues": {"Title": "CTO"}, "fieldsFrom": '
                      '{"Phone": "003..."}}',
                      ("object", "masterId", "loserIds", "fieldValues", "fieldsFrom"))
            return json_response(200, c.merge(
                b.text("object"), b.text("masterId"), b.ids("loserIds"),  # type: ignore[arg-type]
                b.mapping("fieldValues"), b.mapping("fieldsFrom")))
        case ["undelete" | "purge" as verb]:
            _method(req, "POST")
            b = _Body(req, '{"ids": ["00Q...", "003..."]}', ("ids",))
            fn = c.undelete if verb == "undelete" else c.purge
            return json_response(200, fn(b.ids()))
        case ["empty-bin"]:
            _method(req, "POST")
            b = _Body(req, '{"object": "Lead"} (or {} for every object)', ("object",))
            return json_response(200, {"purged": c.empty_bin(b.text("object", required=False))})
        case ["faults"]:
            if m == "GET":
                return json_response(200, c.list_faults())
            if m == "DELETE":
                return json_response(200, {"cleared": c.clear_faults()})
            _method(req, "POST")
            b = _Body(req, '{"kind": "server_error", "path": "/query", "times": 2}', None)
            spec = dict(b.data)
            kind = spec.pop("kind", None)
            return json_response(201, c.add_fault(kind, **spec))  # type: ignore[arg-type]
        case ["faults", fault_id]:
            _method(req, "DELETE")
            cleared = c.clear_faults(fault_id)
            if not cleared:
                raise ControlError(f"no fault {fault_id}", 404, "NOT_FOUND")
            return json_response(200, {"cleared": cleared})
        case ["clock"]:
            _method(req, "GET")
            return json_response(200, c.clock())
        case ["clock", "advance"]:
            _method(req, "POST")
            b = _Body(req, '{"days": 16} (or "hours", "minutes", "seconds")',
                      ("days", "hours", "minutes", "seconds"))
            if not b.data:
                raise ControlError(f"say how far: send {b.hint}")
            return json_response(200, c.advance_clock(
                b.number("seconds"), minutes=b.number("minutes"), hours=b.number("hours"),
                days=b.number("days")))
        case ["schema", "fields"]:
            _method(req, "POST")
            b = _Body(req, _FIELD_HINT, ("object", *FIELD_SPEC_KEYS))
            spec = dict(b.data)
            obj = spec.pop("object", None)
            name = spec.pop("name", None)
            return json_response(201, c.add_field(obj, name, **spec))  # type: ignore[arg-type]
        case ["schema", "access"]:
            _method(req, "POST")
            b = _Body(req, '{"object": "Lead", "field": "Email", "readable": false, '
                      '"editable": false, "profile": "sync"}',
                      ("object", "field", "readable", "editable", "profile"))
            editable = b.data.get("editable")
            return json_response(200, c.set_access(
                b.text("object"), b.text("field"), readable=b.flag("readable"),  # type: ignore[arg-type]
                editable=None if editable is None else b.flag("editable"),
                profile=b.text("profile", required=False)))
        case ["rules"]:
            _method(req, "GET")
            return json_response(200, c.rules())
        case ["rules", name]:
            _method(req, "POST", "PATCH")
            b = _Body(req, '{"active": true}', ("active",))
            return json_response(200, c.set_rule(name, b.flag("active")))
        case ["duplicate-rule"]:
            if m == "GET":
                return json_response(200, c.rules()["duplicateRule"])
            _method(req, "POST", "PATCH")
            b = _Body(req, '{"active": false}', ("active",))
            return json_response(200, c.set_duplicate_rule(b.flag("active")))
        case ["records", object_name]:
            _method(req, "POST")
            b = _Body(req, '{"LastName": "Ng", "Company": "Acme"} (the record\'s fields)', None)
            rid = c.create(object_name, b.data, allow_duplicates=_allow_dups(req))
            return json_response(201, {"id": rid, "success": True, "errors": []})
        case ["records", object_name, record_id]:
            if m == "GET":
                return json_response(200, c.get(object_name, record_id))
            if m == "DELETE":
                rid = c.delete(object_name, record_id)
                return json_response(200, {"id": rid, "success": True, "errors": []})
            _method(req, "PATCH", "GET", "DELETE")
            b = _Body(req, '{"Title": "CTO"} (the fields to change)', None)
            rid = c.update(object_name, record_id, b.data, allow_duplicates=_allow_dups(req))
            return json_response(200, {"id": rid, "success": True, "errors": []})
        case ["tokens", "revoke"]:
            _method(req, "POST")
            b = _Body(req, '{"user": "sync"} (or a username, or {} for every user)', ("user",))
            return json_response(200, c.revoke_tokens(b.text("user", required=False)))
        case ["reset"]:
            _method(req, "POST")
            return json_response(200, c.reset())
    raise ControlError(f"no control resource /control/{'/'.join(seg)}; GET /control lists "
                       "them", 404, "NOT_FOUND")


def _allow_dups(req: Request) -> bool:
    return (req.query.get("allowDuplicates") or "").lower() == "true"
