"""A page of records as columns, checked and converted a whole column at a time.

The first sync writes up to 2,000 records x 50 fields per page; checking and converting
them value by value (:func:`.validate.check_records`, :func:`..store.records.to_column`)
cost more CPU than reading the page. Here each column is checked with operations that
run in C — the set of value types, ``min``/``max``, ``"" in column``, one regular
expression over the column joined by newlines — and converted only when a value needs it.

The rule that keeps behaviour identical: :func:`plain_columns` answers None whenever it
cannot prove that every record passes every check of ``check_records``; the caller then
runs the per-value checks, which name the bad record (or pass what this path is merely too
strict for, e.g. a date in a format Salesforce does not send).
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Mapping, Sequence
from functools import partial
from operator import itemgetter

from ..store.records import to_column
from .validate import ID_TYPES, MAX_NUMBER, MAX_TEXT, NUMBER_TYPES

_NONE = type(None)
_BOOL_OK = frozenset({bool, _NONE})
_NUMBER_OK = frozenset({int, float, _NONE})
_TEXT_OK = frozenset({str, _NONE})
_BOOL_TEXT = frozenset({"true", "false"})
#: text types whose values have a form to check
_PATTERNED = frozenset({"datetime", "date", *ID_TYPES})
#: types to_column converts from text (Bulk CSV)
_FROM_TEXT = frozenset({"boolean", "int", "double", "currency", "percent"})

# Strict ASCII forms (validate's patterns accept more; those pages take the slow path).
_YEAR = "(?:1[7-9][0-9]{2}|[23][0-9]{3}|4000)"
#: month and day that exist in every year (29 February is looked at on its own)
_MONTH_DAY = ("(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
              "|(?:0[13578]|1[02])-31|02-29)")
_DATE = f"{_YEAR}-{_MONTH_DAY}"
_STAMP = (f"{_DATE}T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{{1,3}})?"
          "(?:Z|[+-][0-9]{2}:?[0-9]{2})")
_ID = "[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?"


def _lines(pattern: str) -> re.Pattern[str]:
    return re.compile(f"(?:{pattern}\\n)*{pattern}")


_STAMPS_RE = _lines(_STAMP)
_DATES_RE = _lines(_DATE)
_IDS_RE = _lines(_ID)
#: the years of 29 February, at the start of a line of the joined column
_LEAP_DAYS_RE = re.compile(r"^([0-9]{4})-02-29", re.MULTILINE)


def _all_match(regex: re.Pattern[str], values: list[str]) -> bool:
    """Every value matches (a value holding a newline could fake two lines: refused)."""
    joined = "\n".join(values)
    if joined.count("\n") != len(values) - 1 or not regex.fullmatch(joined):
        return False
    # the pattern allows 29 February in any year: check the few there are
    return "-02-29" not in joined or all(
        calendar.isleap(int(y)) for y in _LEAP_DAYS_RE.findall(joined))


def _column_ok(sf_type: str, col: tuple) -> bool:
    types = set(map(type, col))
    if sf_type == "boolean":
        if types <= _BOOL_OK:
            return True
        return types <= _TEXT_OK and {v.lower() for v in set(col) - {None}} <= _BOOL_TEXT
    if sf_type in NUMBER_TYPES:
        values = [v for v in col if v is not None]
        if not values:
            return True
        if types <= _TEXT_OK:  # Bulk CSV text
            try:
                values = list(map(float, values))
            except ValueError:
                return False
        elif not types <= _NUMBER_OK:  # bool is its own type here: refused like validate
            return False
        total = sum(values)
        return (isinstance(total, int) or math.isfinite(total)) and max(
            map(abs, values)) < MAX_NUMBER
    if not types <= _TEXT_OK:
        return False
    if max(map(len, filter(None, col)), default=0) > MAX_TEXT:
        return False
    if sf_type not in _PATTERNED:
        return True
    values = [v for v in col if v is not None]
    if not values:
        return True
    if sf_type == "datetime":
        return _all_match(_STAMPS_RE, values)
    if sf_type == "date":
        return _all_match(_DATES_RE, values)
    if sf_type in ID_TYPES:
        ids = [v for v in values if v]
        return not ids or _all_match(_IDS_RE, ids)
    return True


def plain_columns(fields: Mapping[str, str], records: Sequence[object],
                  needed: Sequence[str]) -> dict[str, tuple] | None:
    """The page as ``name -> column`` for every name in ``needed`` (``Id`` and
    ``SystemModstamp`` among them), when every record passes every check of
    :func:`.validate.check_records` for ``fields``; otherwise None."""
    if not records:
        return {name: () for name in needed}
    if set(map(type, records)) != {dict} or len(needed) < 2:
        return None
    if "IsDeleted" not in needed and any("IsDeleted" in r for r in records):  # type: ignore[operator]
        return None
    try:
        rows = list(map(itemgetter(*needed), records))
    except KeyError:  # a selected field is missing
        return None
    columns = dict(zip(needed, zip(*rows, strict=True), strict=True))
    ids, stamps = columns.get("Id"), columns.get("SystemModstamp")
    if ids is None or stamps is None or set(map(type, ids)) != {str} \
            or set(map(type, stamps)) != {str}:
        return None
    if not _all_match(_IDS_RE, list(ids)) or not _all_match(_STAMPS_RE, list(stamps)):
        return None
    if "IsDeleted" in columns and not _column_ok("boolean", columns["IsDeleted"]):
        return None
    for name, sf_type in fields.items():
        if not _column_ok(sf_type, columns[name]):
            return None
    return columns


def stored(sf_type: str, col: tuple) -> tuple | list:
    """A checked column as the store keeps it: what :func:`to_column` gives for each
    value. Values SQLite's column affinity stores alike pass as they are (a JSON ``true``
    is stored as 1, an int in a REAL column as a float); the rest are converted."""
    convert = "" in col
    if not convert and sf_type in _FROM_TEXT:
        types = set(map(type, col))
        # text from Bulk; 5.5 in an int field is stored as 5
        convert = str in types or (sf_type == "int" and float in types)
    return list(map(partial(to_column, sf_type), col)) if convert else col
