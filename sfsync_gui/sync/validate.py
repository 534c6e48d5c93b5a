"""Checks on what Salesforce sent before any of it touches the store.

A record or describe that cannot be what Salesforce means — a missing selected field, a
number where text belongs, a date that does not exist, a 1 MB value, NaN — raises
:class:`MalformedAnswer` (a :class:`~..salesforce.errors.TransientError`, code
``MALFORMED_RESPONSE``) naming the object, the record and the field. The engine then
reports that object as failed for this cycle and goes on with the others; the page is not
written and the watermark does not move, so the next clean answer is applied whole.

A well-formed but wrong value (another valid string) cannot be told from a real change
and is not caught here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from ..salesforce.errors import TransientError

#: Longest text Salesforce stores in one field (long text area: 131,072 characters).
MAX_TEXT = 131_072
#: Salesforce numbers have at most 18 digits.
MAX_NUMBER = 10**18
#: Salesforce accepts dates from 1700 to 4000.
YEARS = range(1700, 4001)
ID_RE = re.compile(r"[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?")
NAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,79}")
_STAMP_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?"
                       r"(?:Z|[+-]\d{2}:?\d{2})")
#: Types whose values are Salesforce Ids.
ID_TYPES = frozenset({"id", "reference"})
NUMBER_TYPES = frozenset({"int", "long", "double", "currency", "percent"})


class MalformedAnswer(TransientError):
    """Salesforce's answer had the right syntax but could not be what it means."""

    def __init__(self, message: str) -> None:
        super().__init__("MALFORMED_RESPONSE", message)


def _bad(obj: str, rid: object, field: str, problem: str) -> MalformedAnswer:
    where = f"{obj} {rid}" if isinstance(rid, str) and ID_RE.fullmatch(rid) else obj
    return MalformedAnswer(f"Salesforce sent an unreadable {where}: field {field} {problem}")


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f"holds text of {len(value)} characters" if len(value) > 80 else f"= {value!r}"
    return f"holds {type(value).__name__} {str(value)[:40]}"


def check_stamp(text: Any) -> bool:
    """True for a Salesforce datetime (``2024-01-02T03:04:05.000+0000``) that exists."""
    if not isinstance(text, str):
        return False
    m = _STAMP_RE.fullmatch(text)
    if not m or int(m.group(1)) not in YEARS:
        return False
    try:
        datetime(*(int(g) for g in m.groups()))
    except ValueError:
        return False
    return True


def _check_date(text: Any) -> bool:
    if not isinstance(text, str) or len(text) != 10:
        return False
    try:
        return date.fromisoformat(text).year in YEARS
    except ValueError:
        return False


def check_value(sf_type: str, value: Any) -> str | None:
    """What is wrong with ``value`` for a field of ``sf_type`` (REST JSON or Bulk CSV
    text), or None when it could be real."""
    if value is None:
        return None
    if sf_type == "boolean":
        ok = isinstance(value, bool) or (isinstance(value, str)
                                          and value.lower() in ("true", "false"))
        return None if ok else "is not true or false"
    if sf_type in NUMBER_TYPES:
        if isinstance(value, str):  # Bulk CSV text
            try:
                value = float(value)
            except ValueError:
                return "is not a number"
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return "is not a number"
        if not math.isfinite(value) or abs(value) >= MAX_NUMBER:
            return "is not a number Salesforce can hold"
        return None
    if not isinstance(value, str):
        return "is not text"
    if len(value) > MAX_TEXT:
        return f"is longer than Salesforce allows ({len(value)} characters)"
    if sf_type == "datetime" and not check_stamp(value):
        return "is not a date and time Salesforce can hold"
    if sf_type == "date" and not _check_date(value):
        return "is not a date Salesforce can hold"
    if sf_type in ID_TYPES and value and not ID_RE.fullmatch(value):
        return "is not a record Id"
    return None


def check_records(obj: str, fields: Mapping[str, str], records: Iterable[Any], *,
                  bookkeeping: Iterable[str] = ()) -> None:
    """Raise :class:`MalformedAnswer` for the first record that cannot be real.

    Args:
        obj: the object's API name (for the message).
        fields: synced field -> Salesforce type; each must be present (SOQL always sends
            every selected field, null or not).
        records: the page as the connection returned it.
        bookkeeping: further selected fields that must be present (``IsDeleted``...).
    """
    needed = list(fields) + [f for f in bookkeeping if f not in fields]
    from .columns import plain_columns

    if isinstance(records, list) and plain_columns(fields, records, needed) is not None:
        return  # every column passed as a whole; the loop below names a bad record
    for rec in records:
        if not isinstance(rec, dict):
            raise MalformedAnswer(f"Salesforce sent an unreadable {obj} record: "
                                  f"{_describe(rec)} instead of a record")
        rid = rec.get("Id")
        if not isinstance(rid, str) or not ID_RE.fullmatch(rid):
            raise _bad(obj, rid, "Id", _describe(rid))
        if not check_stamp(rec.get("SystemModstamp")):
            raise _bad(obj, rid, "SystemModstamp", _describe(rec.get("SystemModstamp")))
        for name in needed:
            if name not in rec:
                raise _bad(obj, rid, name, "is missing")
        for name in ("IsDeleted",):
            if name in rec and check_value("boolean", rec[name]):
                raise _bad(obj, rid, name, _describe(rec[name]))
        for name, sf_type in fields.items():
            problem = check_value(sf_type, rec[name])
            if problem:
                raise _bad(obj, rid, name, f"{problem} ({_describe(rec[name])})")


def check_describe(obj: str, describe: Any) -> None:
    """Raise :class:`MalformedAnswer` unless ``describe`` has a list of fields, each with
    a name and a type (an unknown type is allowed: it is not synced)."""
    fields = describe.get("fields") if isinstance(describe, dict) else None
    if not isinstance(fields, list) or not fields:
        raise MalformedAnswer(f"Salesforce sent an unreadable describe of {obj}: "
                              "no list of fields")
    seen = set()
    for f in fields:
        name = f.get("name") if isinstance(f, dict) else None
        if not isinstance(name, str) or not NAME_RE.fullmatch(name) or name in seen:
            raise MalformedAnswer(f"Salesforce sent an unreadable describe of {obj}: a field "
                                  f"named {_describe(name)}")
        seen.add(name)
        if not isinstance(f.get("type"), str) or not f["type"]:
            raise MalformedAnswer(f"Salesforce sent an unreadable describe of {obj}: field "
                                  f"{name} has type {_describe(f.get('type'))}")
