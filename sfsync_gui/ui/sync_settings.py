"""The sync settings the window changes, kept in the store (they belong with the data):
interval, objects, API budget share, conflict policies, field include/exclude.

Plain Python. ``read_settings`` runs anywhere; the ``apply_*`` functions write, so the
window runs them on the sync thread (as worker jobs).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..store import Store
from ..store.models import FieldInfo, Policy, SyncObject
from ..sync.config import DEFAULT_OBJECTS, SyncConfig

INTERVAL_KEY = "sync.interval"
BUDGET_KEY = "sync.budget_share"
DISABLED_KEY = "sync.disabled_objects"

POLICIES = ("local_wins", "salesforce_wins", "salesforce_unless_blank", "dont_sync")
POLICY_LABELS = {
    "local_wins": "Local wins",
    "salesforce_wins": "Salesforce wins",
    "salesforce_unless_blank": "Salesforce wins unless blank",
    "dont_sync": "Don't sync",
}


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
    cycle, which reads the object's describe again."""
    with store.atomic():
        FieldInfo.update(included=included).where(
            (FieldInfo.object == obj) & (FieldInfo.name == name)).execute()
        if included is False:  # stop at once; including waits for the column
            FieldInfo.update(synced=False, reason="excluded by you").where(
                (FieldInfo.object == obj) & (FieldInfo.name == name)).execute()
        _describe_again(obj)


def _describe_again(obj: str) -> None:
    SyncObject.update(describe_modified=None).where(SyncObject.name == obj).execute()
