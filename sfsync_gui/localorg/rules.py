"""The checks every write path runs, in Salesforce's order, with Salesforce's error shapes.

Order: field access and types, then system validation (required fields, lengths, email
format, restricted picklists, references), then validation rules, then duplicate rules and
unique fields. The first category that fails reports its errors; the record is not saved.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from . import ids
from .schema import Catalog, FieldDef, FieldType, ObjectDef
from .storage import ValueTypeError, qi, to_db


@dataclass
class RecordError:
    """One error of one record, as Salesforce reports it."""

    code: str
    message: str
    fields: list[str] = field(default_factory=list)
    extra: dict | None = None

    def single(self) -> dict:
        """Single-record shape: ``errorCode`` (sObject rows, query errors)."""
        out = {"message": self.message, "errorCode": self.code, "fields": self.fields}
        if self.extra:
            out.update(self.extra)
        return out

    def collection(self) -> dict:
        """Collections shape: ``statusCode`` instead of ``errorCode``."""
        out = {"statusCode": self.code, "message": self.message, "fields": self.fields}
        if self.extra:
            out.update(self.extra)
        return out


class WriteRejected(Exception):
    """A write failed one of the checks; ``errors`` say why."""

    def __init__(self, errors: list[RecordError], status: int = 400) -> None:
        super().__init__(errors[0].message if errors else "rejected")
        self.errors = errors
        self.status = status


# ---------------------------------------------------------------------------------------
# Validation rules: data, so the control API can switch them on and off mid-run.

Record = Mapping[str, object]


@dataclass
class ValidationRule:
    """A validation rule: when ``fails(record, today)`` is true the save is refused."""

    name: str
    object: str
    message: str
    error_field: str | None
    active: bool
    fails: Callable[[Record, date], bool]


def _blank(value: object) -> bool:
    return value is None or value == ""


def default_validation_rules() -> list[ValidationRule]:
    """The org's validation rules; one starts inactive for switching on mid-run."""
    return [
        ValidationRule(
            "Hot_Lead_Needs_Phone", "Lead",
            "A Hot lead needs a phone number so sales can call it within the hour.",
            "Phone", True,
            lambda r, _d: r.get("Rating") == "Hot" and _blank(r.get("Phone")),
        ),
        ValidationRule(
            "Employees_Not_Negative", "Lead", "Number of employees cannot be negative.",
            "NumberOfEmployees", True,
            lambda r, _d: isinstance(r.get("NumberOfEmployees"), int)
            and r["NumberOfEmployees"] < 0,  # type: ignore[operator]
        ),
        ValidationRule(
            "Birthdate_In_The_Past", "Contact", "Birthdate must be in the past.",
            "Birthdate", True,
            lambda r, d: isinstance(r.get("Birthdate"), str) and r["Birthdate"] > d.isoformat(),  # type: ignore[operator]
        ),
        ValidationRule(
            "Lead_Source_Required", "Lead",
            "Lead Source is required: say where this lead came from.",
            None, False,
            lambda r, _d: _blank(r.get("LeadSource")),
        ),
    ]


# ---------------------------------------------------------------------------------------

_EMAIL_RE = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)


def invalid_field(obj: ObjectDef, name: str) -> RecordError:
    return RecordError(
        "INVALID_FIELD", f"No such column '{name}' on sobject of type {obj.name}", []
    )


def check_access_and_types(
    catalog: Catalog, profile: str, obj: ObjectDef, values: Mapping[str, object], *,
    creating: bool,
) -> dict[str, object]:
    """Resolve names, check field-level security, convert JSON values to stored form.

    Returns ``{canonical field name: stored value}``; raises WriteRejected.
    """
    out: dict[str, object] = {}
    not_writable: list[str] = []
    for key, value in values.items():
        if key == "attributes":
            continue
        f = obj.field(key)
        if f is None or not catalog.access(profile, obj, f).readable:
            raise WriteRejected([invalid_field(obj, key)])
        if f.name == "Id":
            continue  # the caller decides what an Id in the body means
        access = catalog.access(profile, obj, f)
        if (creating and not access.createable) or (not creating and not access.updateable):
            not_writable.append(f.name)
            continue
        try:
            out[f.name] = to_db(f, value)
        except ValueTypeError:
            kind = {FieldType.BOOLEAN: "boolean", FieldType.INT: "int",
                    FieldType.DATE: "date", FieldType.DATETIME: "datetime"}.get(
                f.type, "double" if f.type in (FieldType.DOUBLE, FieldType.CURRENCY,
                                                FieldType.PERCENT) else "string")
            raise WriteRejected([RecordError(
                "JSON_PARSER_ERROR",
                f"Cannot deserialize instance of {kind} from {type(value).__name__} value "
                f"{value!r} or request may be missing a required field: {f.name}",
                [f.name],
            )]) from None
    if not_writable:
        raise WriteRejected([RecordError(
            "INVALID_FIELD_FOR_INSERT_UPDATE",
            f"Unable to create/update fields: {', '.join(not_writable)}. Please check the "
            "security settings of this field and verify that it is read/write for your "
            "profile or permission set.",
            not_writable,
        )])
    return out


def check_system_validation(
    conn: sqlite3.Connection, catalog: Catalog, obj: ObjectDef, record: Mapping[str, object],
    changed: Mapping[str, object], *, creating: bool,
) -> None:
    """Required fields, lengths, email format, restricted picklists, references."""
    missing = [
        f.name for f in obj.fields
        if f.required and not f.system and _blank(record.get(f.name))
        and (creating or f.name in changed)
    ]
    if missing:
        raise WriteRejected([RecordError(
            "REQUIRED_FIELD_MISSING", f"Required fields are missing: [{', '.join(missing)}]",
            missing,
        )])
    for name, value in changed.items():
        f = obj.field(name)
        assert f is not None
        if value is None or value == "":
            continue
        _check_value(conn, catalog, obj, f, value)


def _check_value(conn: sqlite3.Connection, catalog: Catalog, obj: ObjectDef, f: FieldDef,
                 value: object) -> None:
    if f.is_text and f.length and isinstance(value, str) and len(value) > f.length:
        shown = value if len(value) <= 60 else value[:57] + "..."
        raise WriteRejected([RecordError(
            "STRING_TOO_LONG",
            f"{f.label}: data value too large: {shown} (max length={f.length})", [f.name],
        )])
    if f.type is FieldType.EMAIL and not _EMAIL_RE.match(str(value)):
        raise WriteRejected([RecordError(
            "INVALID_EMAIL_ADDRESS", f"{f.label}: invalid email address: {value}", [f.name],
        )])
    if f.type is FieldType.PICKLIST and f.restricted_picklist and value not in f.picklist:
        raise WriteRejected([RecordError(
            "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
            f"{f.label}: bad value for restricted picklist field: {value}", [f.name],
        )])
    if f.type is FieldType.REFERENCE:
        _check_reference(conn, catalog, f, str(value))
    if f.type is FieldType.INT and f.digits and abs(int(value)) >= 10 ** f.digits:  # type: ignore[call-overload]
        raise WriteRejected([RecordError(
            "NUMBER_OUTSIDE_VALID_RANGE",
            f"{f.label}: value outside of valid range on numeric field: {value}", [f.name],
        )])


def _check_reference(conn: sqlite3.Connection, catalog: Catalog, f: FieldDef, value: str) -> None:
    try:
        rid = ids.to18(value)
    except ValueError:
        raise WriteRejected([RecordError(
            "MALFORMED_ID", f"{f.label}: id value of incorrect type: {value}", [f.name],
        )]) from None
    target = catalog.by_prefix(rid[:3])
    if target is None or target.name not in f.reference_to:
        raise WriteRejected([RecordError(
            "FIELD_INTEGRITY_EXCEPTION",
            f"{f.label}: id value of incorrect type: {value}", [f.name],
        )])
    row = conn.execute(
        f"SELECT 1 FROM {qi(target.name)} WHERE Id = ?"
        + (" AND IsDeleted = 0" if target.has_recycle_bin else ""),
        (rid,),
    ).fetchone()
    if row is None:
        raise WriteRejected([RecordError(
            "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", [f.name],
        )])


def check_validation_rules(
    rules: list[ValidationRule], obj: ObjectDef, record: Mapping[str, object], today: date
) -> None:
    """Every active rule of ``obj``; all failures are reported together, as Salesforce does."""
    errors = [
        RecordError("FIELD_CUSTOM_VALIDATION_EXCEPTION", rule.message,
                    [rule.error_field] if rule.error_field else [])
        for rule in rules
        if rule.active and rule.object == obj.name and rule.fails(record, today)
    ]
    if errors:
        raise WriteRejected(errors)


DUPLICATE_MESSAGE = (
    "You're creating a duplicate record. We recommend you use an existing record instead."
)


def check_duplicates(
    conn: sqlite3.Connection, obj: ObjectDef, record: Mapping[str, object],
    changed: Mapping[str, object], *, record_id: str | None, api_version: str,
    rule_active: bool,
) -> None:
    """The duplicate rule on Lead and Contact email, then unique fields."""
    if rule_active and obj.name in ("Lead", "Contact") and record.get("Email") and (
        "Email" in changed
    ):
        matches: list[tuple[str, str]] = []
        for other in ("Lead", "Contact"):
            extra = " AND IsConverted = 0" if other == "Lead" else ""
            for (rid,) in conn.execute(
                f"SELECT Id FROM {qi(other)} WHERE Email = ? AND IsDeleted = 0{extra} "
                "AND Id IS NOT ? ORDER BY Id LIMIT 10",
                (record["Email"], record_id),
            ):
                matches.append((other, rid))
        if matches:
            raise WriteRejected([_duplicate_error(obj, matches, api_version)])
    for name, value in changed.items():
        f = obj.field(name)
        if f is None or not f.unique or value in (None, ""):
            continue
        row = conn.execute(
            f"SELECT Id FROM {qi(obj.name)} WHERE {qi(f.name)} = ? AND Id IS NOT ? LIMIT 1",
            (value, record_id),
        ).fetchone()
        if row:
            raise WriteRejected([RecordError(
                "DUPLICATE_VALUE",
                f"duplicate value found: {f.name} duplicates value on record with id: {row[0]}",
                [],
            )])


def _duplicate_error(obj: ObjectDef, matches: list[tuple[str, str]], version: str) -> RecordError:
    by_type: dict[str, list[str]] = {}
    for entity, rid in matches:
        by_type.setdefault(entity, []).append(rid)
    match_results = [
        {
            "entityType": entity,
            "errors": [],
            "matchEngine": "ExactMatchEngine",
            "matchRecords": [
                {
                    "additionalInformation": [],
                    "fieldDiffs": [],
                    "matchConfidence": 100.0,
                    "record": {
                        "attributes": {
                            "type": entity,
                            "url": f"/services/data/v{version}/sobjects/{entity}/{rid}",
                        },
                        "Id": rid,
                    },
                }
                for rid in rids
            ],
            "rule": f"Email_Match_Rule_{entity}",
            "size": len(rids),
            "success": True,
        }
        for entity, rids in by_type.items()
    ]
    return RecordError(
        "DUPLICATES_DETECTED", DUPLICATE_MESSAGE, [],
        {"duplicateResult": {
            "allowSave": False,
            "duplicateRule": f"Standard_{obj.name}_Duplicate_Rule",
            "duplicateRuleEntityType": obj.name,
            "errorMessage": DUPLICATE_MESSAGE,
            "matchResults": match_results,
        }},
    )
