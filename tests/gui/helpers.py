"""A store with N synthetic Leads, made without a sync (for the records model's tests and
the 1M-row benchmark)."""

from __future__ import annotations

import random
from pathlib import Path

from sfsync_gui.store import Store
from sfsync_gui.store.models import FieldInfo, SyncObject

#: (name, label, type, updateable)
LEAD_FIELDS = [
    ("Name", "Full Name", "string", False),
    ("FirstName", "First Name", "string", True),
    ("LastName", "Last Name", "string", True),
    ("Email", "Email", "email", True),
    ("Company", "Company", "string", True),
    ("Phone", "Phone", "phone", True),
    ("Rating", "Rating", "picklist", True),
    ("City", "City", "string", True),
    ("IsConverted", "Converted", "boolean", False),
    ("DoNotCall", "Do Not Call", "boolean", True),
    ("NumberOfEmployees", "Employees", "int", True),
    ("Lead_Score__c", "Lead Score", "double", False),
]
FIRST = ["Ada", "Léon", "Maria", "Chen", "Olu", "Priya", "Sven", "Zoë", "Jamal", "Ines"]
LAST = ["Guérin", "Smith", "Okafor", "Nakamura", "Müller", "Rossi", "Dubois", "O'Brien",
        "Silva", "Haddad"]


def make_lead_store(path: Path, n: int, *, seed: int = 1) -> Store:
    """A store holding ``n`` Leads as a first sync would leave them (all synced)."""
    store = Store(path)
    with store.atomic():
        SyncObject.get_or_create(name="Lead", defaults={"direction": "two_way",
                                                        "table": "rec_lead",
                                                        "first_sync": "done"})
        for name, label, ftype, upd in LEAD_FIELDS:
            FieldInfo.insert(object="Lead", name=name, label=label, type=ftype,
                             readable=True, createable=upd, updateable=upd, synced=True,
                             has_column=True).on_conflict_replace().execute()
    types = {f[0]: f[2] for f in LEAD_FIELDS}
    table = store.table("Lead")
    table.ensure(types)
    fields = list(types)
    rng = random.Random(seed)

    def rows():
        for i in range(n):
            first, last = rng.choice(FIRST), f"{rng.choice(LAST)}{i}"
            rec = {"FirstName": first, "LastName": last, "Name": f"{first} {last}",
                   "Email": f"{first.lower()}.{last.lower()}@c{i % 5000}.example",
                   "Company": f"Company {i % 20000}", "Phone": "+33 1 00 00 00 00",
                   "City": rng.choice(["Lyon", "Cork", "Ghent", "Osaka"]),
                   "IsConverted": 0, "DoNotCall": 0, "NumberOfEmployees": i % 500,
                   "Lead_Score__c": float(i % 100)}
            yield (f"00Q{i:015d}", "2026-01-01T00:00:00.000+0000", 0,
                   *[rec.get(f) for f in fields])

    with store.atomic():
        table.upsert_salesforce_rows(fields, rows())
    return store
