"""Values as the window shows and takes them. Record values are data and stay as they are;
only the words around them (yes/no, column titles) are translated."""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, Qt

from ..cli.errors import CliError
from ..cli.values import parse_value
from ..store import Store
from ..store.models import FieldInfo
from . import language

#: fields shown first, in this order, when an object has them
PREFERRED = ("Name", "Subject", "Email", "Company", "Title", "Phone",
             "Status", "Rating", "StageName", "Amount", "CloseDate", "Industry", "City",
             "Country", "LeadSource")
NUMBERS = frozenset({"int", "long", "double", "currency", "percent"})


@dataclass(frozen=True)
class Column:
    """One column of a records table."""

    name: str
    label: str
    type: str = "string"
    editable: bool = False


#: their labels are translated when shown (context "Columns"); a field's label is Salesforce's
STATE_COLUMN = Column("_state", QT_TRANSLATE_NOOP("Columns", "State"))
ID_COLUMN = Column("_sf_id", QT_TRANSLATE_NOOP("Columns", "Salesforce Id"))


def record_columns(store: Store, obj: str, *, two_way: bool) -> list[Column]:
    """State, the preferred fields, the other synced fields (by label), the Salesforce Id."""
    have = set(store.table(obj).columns())
    infos = [f for f in store.fields(obj) if f.name in have and (f.synced or f.has_column)]
    by_name = {f.name: f for f in infos}
    first = [by_name[n] for n in PREFERRED if n in by_name]
    rest = sorted((f for f in infos if f.name not in PREFERRED), key=lambda f: f.label.lower())
    cols = [STATE_COLUMN]
    for f in first + rest:
        cols.append(Column(f.name, f.label or f.name, f.type,
                           two_way and bool(f.synced and f.updateable)))
    cols.append(ID_COLUMN)
    return cols


def display(value: object, sf_type: str = "") -> str:
    """A stored value as text in a table cell: numbers and dates written the locale's way
    (1.234,5 and 28/3/26 in Spanish); editing starts from :func:`edit_text` instead."""
    if value is None:
        return ""
    if sf_type == "boolean":
        return (QCoreApplication.translate("Values", "Yes") if value
                else QCoreApplication.translate("Values", "No"))
    if sf_type in NUMBERS and isinstance(value, int | float) and not isinstance(value, bool):
        return _number(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if sf_type == "date" and isinstance(value, str):
        day = QDate.fromString(value[:10], Qt.DateFormat.ISODate)
        if day.isValid():
            return language.locale().toString(day, QLocale.FormatType.ShortFormat)
    if sf_type == "datetime" and isinstance(value, str) and "T" in value:
        shown = language.date_time(_iso(value), seconds=False)
        return shown if shown != _iso(value) else value[:16].replace("T", " ")
    return str(value)


def _number(value: int | float) -> str:
    if isinstance(value, int) or (value.is_integer() and abs(value) < 1e15):
        return language.number(value)
    text = repr(value)
    if "e" in text or "." not in text:
        return text
    return language.number(value, min(len(text.split(".")[1]), 8))


def _iso(value: str) -> str:
    """Salesforce's ``2026-03-28T03:45:12.000+0000`` as Python reads it."""
    if len(value) > 5 and value[-5] in "+-" and value[-4:].isdigit():
        return value[:-2] + ":" + value[-2:]
    return value.replace("Z", "+00:00")


def edit_text(value: object, sf_type: str = "") -> str:
    """A stored value as the text an editor starts with."""
    if value is None:
        return ""
    if sf_type == "boolean":
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


class ValueRefused(ValueError):
    """A typed value the field cannot take; the message says why."""


def parse_typed(obj: str, info: FieldInfo, value: object) -> object:
    """The value to store for what the user entered (text from an editor, or a bool from
    a checkbox). Raises ValueRefused with the reason."""
    if isinstance(value, bool):
        return value
    try:
        return parse_value(obj, info, "" if value is None else str(value))
    except CliError as exc:
        raise ValueRefused(str(exc)) from None


def error_text(raw: object) -> str:
    """A record's last error (JSON from the store) in one line."""
    if not raw:
        return ""
    try:
        err = json.loads(str(raw))
    except ValueError:
        return str(raw)
    return error_words(err)


def error_words(err: dict) -> str:
    """Salesforce's error (code, fields, message: kept as Salesforce wrote them) in one
    line, in the window's language."""
    fields = ", ".join(err.get("fields") or [])
    text = (QCoreApplication.translate("Values", "{code} on {fields}: {message}") if fields
            else QCoreApplication.translate("Values", "{code}: {message}"))
    return text.format(code=err.get("code", "UNKNOWN"), fields=fields,
                       message=err.get("message", ""))
