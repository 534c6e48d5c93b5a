"""The sync settings people change — interval, objects, API budget share, conflict
policies, field include/exclude — kept in the store (they belong with the data), so the
window and the ``sfsync`` command line run the same sync.

Plain Python. ``read_settings`` runs anywhere; the ``apply_*`` functions write, so the
window runs them on the sync thread (as worker jobs). The ``parse_*`` functions turn what
a person typed into a value or a :class:`SettingsError` that says what to type instead.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

from ..store import Store
from ..store.models import FieldInfo, Policy, SyncObject
from .config import DEFAULT_OBJECTS, UNSUPPORTED_TYPES, SyncConfig

INTERVAL_KEY = "sync.interval"
BUDGET_KEY = "sync.budget_share"
DISABLED_KEY = "sync.disabled_objects"

#: Conflict policies, in the order they are offered.
POLICIES = ("local_wins", "salesforce_wins", "salesforce_unless_blank", "dont_sync")

#: Bounds of the stored settings (the settings dialog offers the same).
MIN_INTERVAL, MAX_INTERVAL = 10.0, 24 * 3600.0
MIN_BUDGET_SHARE, MAX_BUDGET_SHARE = 0.05, 0.95


class SettingsError(ValueError):
    """A setting value the sync cannot use; the message says what it accepts."""


@dataclass
class SyncSettings:
    """What the settings dialog shows and saves."""

    interval: float = 300.0
    budget_share: float = 0.8
    #: objects not synced (DEFAULT_OBJECTS minus these are)
    disabled: list[str] = field(default_factory=list)
    #: (object, field) -> policy; field "" is the object's own policy
    policies: dict[tuple[str, str], str] = field(default_factory=dict)


def read_settings(store: Store) -> SyncSettings:
    """The stored settings (defaults where none are stored)."""
    s = SyncSettings()
    s.interval = float(store.setting(INTERVAL_KEY) or s.interval)
    s.budget_share = float(store.setting(BUDGET_KEY) or s.budget_share)
    s.disabled = [o for o in json.loads(store.setting(DISABLED_KEY) or "[]")
                  if o in DEFAULT_OBJECTS]
    s.policies = {(p.object, p.field): p.policy for p in Policy.select()}
    return s


def config_from(settings: SyncSettings) -> SyncConfig:
    """The engine's configuration for these settings."""
    config = SyncConfig(interval=settings.interval, budget_share=settings.budget_share)
    config.objects = {o: d for o, d in DEFAULT_OBJECTS.items() if o not in settings.disabled}
    return config


def stored_config(store: Store) -> SyncConfig:
    """The engine's configuration as the store's settings say (what every sync runs)."""
    return config_from(read_settings(store))


def apply_settings(store: Store, new: SyncSettings) -> list[str]:
    """Store ``new``; returns the objects whose field catalog must be read again (their
    policies changed) — their describe is asked for afresh in the next cycle."""
    old = read_settings(store)
    touched: set[str] = set()
    with store.atomic():
        store.set_setting(INTERVAL_KEY, repr(float(new.interval)))
        store.set_setting(BUDGET_KEY, repr(float(new.budget_share)))
        store.set_setting(DISABLED_KEY, json.dumps(sorted(new.disabled)))
        for key in set(old.policies) | set(new.policies):
            if old.policies.get(key) == new.policies.get(key):
                continue
            obj, fname = key
            if key in new.policies:
                store.set_policy(obj, fname, new.policies[key])
            else:
                Policy.delete().where((Policy.object == obj) & (Policy.field == fname)).execute()
            touched.add(obj)
        for obj in touched:
            _describe_again(obj)
    return sorted(touched)


def apply_included(store: Store, obj: str, name: str, included: bool | None) -> None:
    """Include or exclude one field (None: back to the default). Takes effect in the next
    cycle, which reads the object's describe again (and backfills a newly included
    field's values)."""
    with store.atomic():
        FieldInfo.update(included=included).where(
            (FieldInfo.object == obj) & (FieldInfo.name == name)).execute()
        if included is False:  # stop at once; including waits for the column
            FieldInfo.update(synced=False, reason="excluded by you").where(
                (FieldInfo.object == obj) & (FieldInfo.name == name)).execute()
        _describe_again(obj)


def _describe_again(obj: str) -> None:
    SyncObject.update(describe_modified=None).where(SyncObject.name == obj).execute()


# -- what a person types -------------------------------------------------------------------


def parse_interval(text: str) -> float:
    """Seconds between cycles: ``120``, ``90s``, ``5m`` or ``1h``."""
    raw = text.strip().lower()
    scale = {"s": 1.0, "m": 60.0, "h": 3600.0}.get(raw[-1:])
    number = raw[:-1] if scale is not None else raw
    try:
        seconds = float(number) * (scale or 1.0)
    except ValueError:
        raise SettingsError(f"the interval is a number of seconds (e.g. 120, 5m or 1h), "
                            f"not {text!r}") from None
    if not math.isfinite(seconds) or not MIN_INTERVAL <= seconds <= MAX_INTERVAL:
        raise SettingsError(f"the interval must be {MIN_INTERVAL:g} to {MAX_INTERVAL:g} "
                            f"seconds (24 h), not {text}")
    return seconds


def parse_budget_share(text: str) -> float:
    """The share of the daily API allowance for background sync: ``0.5`` or ``50%``."""
    raw = text.strip()
    percent = raw.endswith("%")
    try:
        share = float(raw.rstrip("%").strip())
    except ValueError:
        raise SettingsError(f"the budget share is a fraction or a percentage (e.g. 0.5 or "
                            f"50%), not {text!r}") from None
    if percent or share > 1:
        share /= 100
    if not math.isfinite(share) or not MIN_BUDGET_SHARE <= share <= MAX_BUDGET_SHARE:
        raise SettingsError(
            f"the budget share must be {MIN_BUDGET_SHARE * 100:g} % to "
            f"{MAX_BUDGET_SHARE * 100:g} % of the daily allowance (force sync keeps the "
            f"rest), not {text}")
    return share


def parse_policy(text: str) -> str:
    """A conflict policy name (``local_wins``, ``salesforce-wins`` ... any case)."""
    name = text.strip().lower().replace("-", "_")
    if name not in POLICIES:
        raise SettingsError(f"unknown conflict policy {text!r}: use {', '.join(POLICIES)}")
    return name


def object_name(text: str) -> str:
    """The synced object ``text`` names (any case)."""
    known = {o.lower(): o for o in DEFAULT_OBJECTS}
    obj = known.get(text.strip().lower())
    if obj is None:
        raise SettingsError(f"{text!r} is not an object the sync knows: use "
                            f"{', '.join(DEFAULT_OBJECTS)}")
    return obj


def catalog_field(store: Store, obj: str, text: str) -> FieldInfo:
    """The field ``text`` names in ``obj``'s catalog (any case)."""
    fields = {f.name.lower(): f for f in store.fields(obj)}
    info = fields.get(text.strip().lower())
    if info is None:
        hint = (f"see 'sfsync fields {obj}' for its fields" if fields
                else "its fields are known after the first sync ('sfsync sync --once')")
        raise SettingsError(f"{obj} has no field {text!r}; {hint}")
    return info


#: Fields the engine reads for its own bookkeeping: never a column of their own.
BOOKKEEPING_FIELDS = frozenset({"Id", "SystemModstamp", "IsDeleted"})


def check_includable(info: FieldInfo) -> None:
    """Refuse to include a field the sync cannot keep as a column of values."""
    where = f"{info.object}.{info.name}"
    if info.name in BOOKKEEPING_FIELDS:
        raise SettingsError(f"{where} is the sync's own bookkeeping; it is always read and "
                            "cannot be included as a field")
    if info.type in UNSUPPORTED_TYPES:
        raise SettingsError(f"{where} is a {info.type} field; include its component fields "
                            "instead (see 'sfsync fields " + info.object + "')")
    if not info.readable:
        raise SettingsError(f"the Salesforce sync user cannot read {where}; ask your "
                            "Salesforce admin for read access (it syncs from then on)")


def set_policy(store: Store, obj: str, field_name: str, policy: str | None) -> None:
    """Set (None: remove) the conflict policy of an object (``field_name`` "") or of one
    of its fields; the next cycle reads the object's describe again, so a field leaving
    or returning from "don't sync" is applied (and backfilled)."""
    with store.atomic():
        if policy is None:
            Policy.delete().where((Policy.object == obj)
                                  & (Policy.field == field_name)).execute()
        else:
            store.set_policy(obj, field_name, policy)
        _describe_again(obj)


def set_object_enabled(store: Store, obj: str, enabled: bool) -> SyncSettings:
    """Sync ``obj`` or not; returns the settings as stored."""
    s = read_settings(store)
    disabled = set(s.disabled) - {obj} if enabled else set(s.disabled) | {obj}
    store.set_setting(DISABLED_KEY, json.dumps(sorted(disabled)))
    return read_settings(store)
