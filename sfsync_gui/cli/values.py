"""``Field=Value`` arguments, checked and typed with the field catalog.

A value is text unless the field's type says otherwise: ``true``/``false`` for checkboxes,
numbers for numeric fields, ISO dates and date-times for date fields. An empty value means
"no value" (null). Anything else is kept exactly as typed: quotes, backslashes, SOQL words
and any unicode go to Salesforce untouched.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime

from ..store.models import FieldInfo
from .errors import CliError

NUMERIC = frozenset({"int", "long", "double", "currency", "percent"})
_INT = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TEXT_TYPES = frozenset({"string", "textarea", "email", "phone", "url", "picklist",
                         "multipicklist", "combobox", "encryptedstring"})


def split_assignments(items: Sequence[str]) -> list[tuple[str, str]]:
    """``["A=1", "B="]`` → ``[("A", "1"), ("B", "")]``; only the first ``=`` splits."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise CliError(f"expected Field=Value, got {item!r} (an empty value means null: "
                           "Field=)")
        if name.lower() in seen:
            raise CliError(f"{name} is given twice")
        seen.add(name.lower())
        out.append((name, value))
    return out


def resolve_field(obj: str, name: str, catalog: dict[str, FieldInfo], *, creating: bool
                  ) -> FieldInfo:
    """The catalog entry of ``name`` (any letter case) if the user may set it."""
    by_lower = {n.lower(): f for n, f in catalog.items()}
    info = by_lower.get(name.lower())
    if info is None:
        close = difflib.get_close_matches(name, list(catalog), n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise CliError(f"{obj} has no field {name!r}{hint}; 'sfsync fields {obj}' lists them")
    full = f"{obj}.{info.name}"
    if not info.readable:
        raise CliError(f"the Salesforce sync user cannot read {full}, so it is not synced; "
                       "ask your Salesforce admin for access")
    if not info.synced:
        raise CliError(f"{full} is not synced ({info.reason or 'excluded'}); "
                       f"'sfsync fields {obj}' says which fields are")
    if not (info.createable if creating else info.updateable):
        verb = "set" if creating else "change"
        raise CliError(f"{full} is read-only for the Salesforce sync user: it may not {verb} "
                       "it (ask your Salesforce admin for edit access)")
    return info


def parse_value(obj: str, info: FieldInfo, text: str) -> object:
    """``text`` as the value ``info``'s type takes; CliError naming the type if it cannot."""
    full = f"{obj}.{info.name}"
    if text == "":
        return None
    t = info.type
    if t == "boolean":
        low = text.strip().lower()
        if low not in ("true", "false"):
            raise CliError(f"{full} is a checkbox: use true or false, not {text!r}")
        return low == "true"
    if t in ("int", "long"):
        if not _INT.fullmatch(text.strip()):
            raise CliError(f"{full} takes a whole number, not {text!r}")
        return int(text)
    if t in NUMERIC:
        if not _DECIMAL.fullmatch(text.strip()):
            raise CliError(f"{full} takes a number (like 1234.5), not {text!r}")
        return float(text)
    if t == "date":
        try:
            if not _DATE.fullmatch(text.strip()):
                raise ValueError
            return date.fromisoformat(text.strip()).isoformat()
        except ValueError:
            raise CliError(f"{full} takes a date like 2024-12-31, not {text!r}") from None
    if t == "datetime":
        return _datetime(full, text)
    if t in _TEXT_TYPES and info.length and len(text) > info.length:
        raise CliError(f"{full} takes at most {info.length} characters; this value has "
                       f"{len(text)}")
    return text


def _datetime(full: str, text: str) -> str:
    """ISO 8601 (UTC when no offset is given) in Salesforce's form."""
    raw = text.strip()
    try:
        if not _DATE.match(raw):
            raise ValueError
        dt = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise CliError(f"{full} takes a date and time like 2024-12-31T09:30:00Z, not "
                       f"{text!r}") from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    dt = dt.astimezone(UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}+0000"


def parse_assignments(obj: str, items: Sequence[str], catalog: dict[str, FieldInfo], *,
                      creating: bool) -> dict[str, object]:
    """Checked, typed ``{field: value}`` from ``Field=Value`` arguments."""
    values: dict[str, object] = {}
    for name, text in split_assignments(items):
        info = resolve_field(obj, name, catalog, creating=creating)
        values[info.name] = parse_value(obj, info, text)
    return values
