"""SOQL literals built from data: the one place values are quoted for a query.

Every value the engine puts into SOQL (emails to link by, names, Ids from a checkpoint,
object names from settings) goes through :func:`quote` (or :func:`name` for API names), so
a quote, a backslash, a newline, a wildcard or a SOQL keyword in the data can never change
what the query means.
"""

from __future__ import annotations

import re

#: Characters SOQL string literals need escaped (Salesforce's documented escapes).
_ESCAPES = {"\\": "\\\\", "'": "\\'", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t",
            "\b": "\\b", "\f": "\\f"}
_ESCAPE_RE = re.compile("[\\\\'\"\n\r\t\b\f]")
_NAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,79}")


def escape(value: str) -> str:
    """``value`` escaped for the inside of a SOQL string literal (``=``/``IN``; in those
    ``%`` and ``_`` are plain characters)."""
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], value)


def quote(value: str) -> str:
    """A SOQL string literal holding exactly ``value``."""
    return f"'{escape(value)}'"


def like_escape(value: str) -> str:
    """``value`` escaped for a LIKE literal: as :func:`escape`, and ``%``/``_`` literal;
    add wildcards around it yourself, e.g. ``f"'%{like_escape(v)}%'"``."""
    return escape(value).replace("%", "\\%").replace("_", "\\_")


def quote_like(value: str) -> str:
    """A SOQL LIKE literal matching exactly ``value`` (no wildcards)."""
    return f"'{like_escape(value)}'"


def name(value: str) -> str:
    """An object or field API name, checked (names are not quoted in SOQL)."""
    if not isinstance(value, str) or not _NAME_RE.fullmatch(value):
        raise ValueError(f"not an API name: {value!r}")
    return value
