"""Finding a person (or any record) from what a user types: email, Salesforce Id, or
``Object:local_id``."""

from __future__ import annotations

from ..store import Store
from .config import PERSON_OBJECTS

KEY_PREFIXES = {"00Q": "Lead", "003": "Contact", "001": "Account", "701": "Campaign",
                "00v": "CampaignMember", "005": "User", "006": "Opportunity"}


def find_person_records(store: Store, key: str) -> list[tuple[str, int]]:
    """The (object, local id) of every record the key names, a Lead and its Contact
    together when they are one person. Deleted records are left out."""
    key = key.strip()
    found: list[tuple[str, int]] = []
    if ":" in key:
        obj, _, lid = key.partition(":")
        # ASCII digits only: "²".isdigit() is true and int("²") fails
        if lid.isascii() and lid.isdigit() and store.table(obj).exists():
            row = store.table(obj).get(int(lid))
            if row is not None:
                found.append((obj, int(lid)))
    elif "@" in key:
        for obj in PERSON_OBJECTS:
            if not store.table(obj).exists():
                continue
            for row in store.table(obj).find("Email = ? AND _deleted = 0", (key,), limit=10):
                found.append((obj, int(row["_lid"])))  # type: ignore[arg-type]
    elif len(key) in (15, 18) and key.isascii() and key.isalnum():
        obj = KEY_PREFIXES.get(key[:3])
        if obj and store.table(obj).exists():
            # Ids are case-sensitive in their 15-character form: compare exactly, never LIKE
            rows = store.table(obj).find("substr(_sf_id, 1, 15) = ?", (key[:15],), limit=1)
            found += [(obj, int(r["_lid"])) for r in rows]  # type: ignore[arg-type]
    # the other half of a converted person
    for obj, lid in list(found):
        row = store.table(obj).get(lid) or {}
        person = row.get("_person")
        if person is None:
            continue
        for other in PERSON_OBJECTS:
            if other == obj or not store.table(other).exists():
                continue
            for r in store.table(other).find("_person = ? AND _deleted = 0", (person,)):
                pair = (other, int(r["_lid"]))  # type: ignore[arg-type]
                if pair not in found:
                    found.append(pair)
    return found
