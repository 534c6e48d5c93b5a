"""The engine's words as the window shows them. The engine (no Qt, shared with the
``sfsync`` command line, whose output stays English) names its phases, cycle statuses,
triggers, directions and field decisions in English; the window translates the ones it
knows and shows any other text as it is. Diagnostic messages with details (an exception's
text) stay as the engine wrote them."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "Engine"

#: cycle status (Cycle.status, CycleSummary.status) -> its words
STATUSES = {
    "ok": QT_TRANSLATE_NOOP("Engine", "ok"),
    "failed": QT_TRANSLATE_NOOP("Engine", "failed"),
    "running": QT_TRANSLATE_NOOP("Engine", "running"),
    "stopped": QT_TRANSLATE_NOOP("Engine", "stopped"),
    "budget": QT_TRANSLATE_NOOP("Engine", "API budget reached"),
    "api_limit": QT_TRANSLATE_NOOP("Engine", "API limit reached"),
    "needs_sign_in": QT_TRANSLATE_NOOP("Engine", "needs sign-in"),
}
#: what started a cycle (Cycle.trigger)
TRIGGERS = {
    "interval": QT_TRANSLATE_NOOP("Engine", "interval"),
    "manual": QT_TRANSLATE_NOOP("Engine", "manual"),
    "force": QT_TRANSLATE_NOOP("Engine", "force sync"),
    "once": QT_TRANSLATE_NOOP("Engine", "once"),
}
#: an object's sync direction (config.TWO_WAY, config.FROM_SALESFORCE)
DIRECTIONS = {
    "two_way": QT_TRANSLATE_NOOP("Engine", "two-way"),
    "from_salesforce": QT_TRANSLATE_NOOP("Engine", "from Salesforce"),
}
#: an object's first sync (SyncObject.first_sync)
FIRST_SYNC = {
    "pending": QT_TRANSLATE_NOOP("Engine", "not started"),
    "done": QT_TRANSLATE_NOOP("Engine", "done"),
    "running": QT_TRANSLATE_NOOP("Engine", "running"),
}
#: phases without an object
PHASES = {
    "checking for changes": QT_TRANSLATE_NOOP("Engine", "Checking for changes"),
    "waiting": QT_TRANSLATE_NOOP("Engine", "Waiting for the next cycle"),
}
#: phases "<verb> <Object>": the object (an API name) goes in as {object}
OBJECT_PHASES = {
    "first sync of": QT_TRANSLATE_NOOP("Engine", "First sync of {object}"),
    "pulling": QT_TRANSLATE_NOOP("Engine", "Pulling {object}"),
    "pushing": QT_TRANSLATE_NOOP("Engine", "Pushing {object}"),
    "reconciling": QT_TRANSLATE_NOOP("Engine", "Reconciling {object}"),
    "backfilling": QT_TRANSLATE_NOOP("Engine", "Fetching newly synced fields of {object}"),
}
#: why a field is (not) synced (FieldInfo.reason)
REASONS = {
    "included by you": QT_TRANSLATE_NOOP("Engine", "included by you"),
    "excluded by you": QT_TRANSLATE_NOOP("Engine", "excluded by you"),
    "included by you (from the next sync)":
        QT_TRANSLATE_NOOP("Engine", "included by you (from the next sync)"),
    "conflict policy: don't sync": QT_TRANSLATE_NOOP("Engine", "conflict policy: don't sync"),
    "not useful to sync (excluded by default)":
        QT_TRANSLATE_NOOP("Engine", "not useful to sync (excluded by default)"),
    "read-only for the sync user: synced from Salesforce only":
        QT_TRANSLATE_NOOP("Engine", "read-only for the sync user: synced from Salesforce only"),
    "the sync user cannot read this field":
        QT_TRANSLATE_NOOP("Engine", "the sync user cannot read this field"),
}
#: reasons with a value in them: pattern -> message with the same named placeholders
REASON_PATTERNS = (
    (re.compile(r"(?P<type>\w+) fields are synced through their component fields"),
     QT_TRANSLATE_NOOP("Engine", "{type} fields are synced through their component fields")),
    (re.compile(r"the sync user lost read access \((?P<date>[^)]*)\); values kept"),
     QT_TRANSLATE_NOOP("Engine", "the sync user lost read access ({date}); values kept")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _known(table: dict[str, str], key: str) -> str:
    text = table.get(key)
    return _tr(text) if text else key.replace("_", " ")


def status(value: str) -> str:
    """A cycle's status, e.g. ``needs_sign_in`` -> "needs sign-in"."""
    return _known(STATUSES, value)


def trigger(value: str) -> str:
    return _known(TRIGGERS, value)


def direction(value: str) -> str:
    return _known(DIRECTIONS, value)


def first_sync(value: str) -> str:
    return _known(FIRST_SYNC, value)


def phase(value: str) -> str:
    """A phase of the cycle as a sentence start: "pulling Lead" -> "Pulling Lead"."""
    if value in PHASES:
        return _tr(PHASES[value])
    for prefix, text in OBJECT_PHASES.items():
        if value.startswith(prefix + " "):
            return _tr(text).format(object=value[len(prefix) + 1:])
    return value[:1].upper() + value[1:]


def reason(value: str) -> str:
    """Why a field is (not) synced."""
    if value in REASONS:
        return _tr(REASONS[value])
    for pattern, text in REASON_PATTERNS:
        if m := pattern.fullmatch(value):
            return _tr(text).format(**m.groupdict())
    return value


#: what force sync found in Salesforce (the engine's "pulled")
PULLED = {
    "new": QT_TRANSLATE_NOOP("Engine", "new"),
    "updated": QT_TRANSLATE_NOOP("Engine", "updated"),
    "unchanged": QT_TRANSLATE_NOOP("Engine", "unchanged"),
    "deleted": QT_TRANSLATE_NOOP("Engine", "deleted"),
    "conflict": QT_TRANSLATE_NOOP("Engine", "conflict"),
    "not in Salesforce yet": QT_TRANSLATE_NOOP("Engine", "not in Salesforce yet"),
    "not found in Salesforce": QT_TRANSLATE_NOOP("Engine", "not found in Salesforce"),
}


def pulled(value: str) -> str:
    """What force sync's pull found for a record."""
    return _known(PULLED, value)
