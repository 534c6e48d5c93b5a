"""Edits on both sides while the sync runs, and the ledger of every edit made.

Local edits and creates go through :class:`Store` in this process (its own SQLite
connection: WAL and a busy timeout let it write while the sync child writes). Salesforce
edits, creates, deletes, merges and conversions go through the org's control API as the
administrator. Every value written is unique, so an activity entry or a Salesforce value
names exactly one ledger entry.

Fields are split so each outcome is checkable: ``MobilePhone`` and ``Description`` are
edited only locally, ``Phone`` only in Salesforce, ``Title`` on both sides (conflicts,
decided by the default policy: local wins).
"""

from __future__ import annotations

import json
import random
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sfsync_gui.store import Store
from sfsync_gui.store.models import SyncObject
from sfsync_gui.store.store import LocalEditError

from .orgproc import AdminApi, ControlFailed

PERSONS = ("Lead", "Contact")
LOCAL_FIELDS = ("MobilePhone", "Description")
SF_FIELDS = ("Phone",)
BOTH_FIELDS = ("Title",)
CREATE_COMPANY = "Reliability Ltd"


@dataclass
class Ledger:
    """Every edit the driver made, in order, with what should become of it."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, **entry: Any) -> None:
        with self.lock:
            entry["t"] = time.time()
            entry["n"] = len(self.entries)
            self.entries.append(entry)

    def of(self, side: str, op: str) -> list[dict[str, Any]]:
        return [e for e in self.entries if e["side"] == side and e["op"] == op]

    def save(self, path: Path) -> None:
        path.write_text("\n".join(json.dumps(e) for e in self.entries) + "\n")


class Driver:
    """Makes one random edit per :meth:`step` (both sides), recording it in the ledger."""

    def __init__(self, db: Path, admin: AdminApi, rng: random.Random, ledger: Ledger, *,
                 hot: int = 150) -> None:
        self.db = db
        self.admin = admin
        self.rng = rng
        self.ledger = ledger
        self.hot_size = hot
        self.store: Store | None = None
        self.hot: dict[str, list[str]] = {}
        self.created: list[int] = []  # local ids of Leads the driver created locally
        self.counter = 0
        self.errors: list[str] = []
        self.refused = 0
        self.ops: dict[str, int] = {}
        #: fields added mid-run, edited in Salesforce from then on (backfill, new columns)
        self.added: dict[str, list[str]] = {}

    def _store(self) -> Store:
        if self.store is None:
            self.store = Store(self.db)
        return self.store

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def _value(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter:06d}"

    def _ready(self, obj: str) -> bool:
        store = self._store()
        so = SyncObject.get_or_none(SyncObject.name == obj)
        return so is not None and store.table(obj).exists() and bool(store.synced_fields(obj))

    def _refresh_hot(self, obj: str) -> list[str]:
        have = self.hot.get(obj) or []
        if len(have) < self.hot_size:
            table = self._store().table(obj)
            rows = table.find("_sf_id IS NOT NULL AND _deleted = 0 ORDER BY _lid",
                              limit=self.hot_size * 3)
            ids = [str(r["_sf_id"]) for r in rows]
            self.rng.shuffle(ids)
            have = sorted(set(have) | set(ids[:self.hot_size - len(have)]))
            self.hot[obj] = have
        return have

    def _pick(self, obj: str) -> dict[str, Any] | None:
        ids = self._refresh_hot(obj)
        if not ids:
            return None
        return self._store().table(obj).get_by_sf_id(self.rng.choice(ids))

    # -- one step -------------------------------------------------------------------------

    def step(self) -> str | None:
        ops = [("local_edit", 40), ("local_create", 8), ("sf_edit", 30), ("sf_create", 5),
               ("sf_delete", 3), ("sf_merge", 3), ("sf_convert", 4)]
        op = self.rng.choices([o for o, _ in ops], [w for _, w in ops])[0]
        try:
            done = getattr(self, op)()
        except ControlFailed as exc:
            self.refused += 1
            self.errors.append(str(exc)[:200])
            return None
        if done:
            self.ops[op] = self.ops.get(op, 0) + 1
            return op
        return None

    def local_edit(self) -> bool:
        obj = self.rng.choice(PERSONS)
        if not self._ready(obj):
            return False
        store = self._store()
        if obj == "Lead" and self.created and self.rng.random() < 0.25:
            row = store.table("Lead").get(self.rng.choice(self.created))
        else:
            row = self._pick(obj)
        if row is None:
            return False
        name = self.rng.choice(LOCAL_FIELDS + BOTH_FIELDS)
        value = self._value("L-" if name != "MobilePhone" else "+44 20 ")
        try:
            changed = store.local_edit(obj, int(row["_lid"]), {name: value})
        except LocalEditError:
            self.refused += 1
            return False
        if not changed:
            return False
        self.ledger.add(side="local", op="edit", obj=obj, lid=int(row["_lid"]), field=name,
                        value=value, sf_id=row["_sf_id"])
        return True

    def local_create(self) -> bool:
        if not self._ready("Lead"):
            return False
        key = self._value("Rk")
        values: dict[str, Any] = {"LastName": key, "Company": CREATE_COMPANY,
                                  "FirstName": "Ledger"}
        email = None
        if self.rng.random() < 0.5:
            email = f"{key.lower()}@reliability.example.org"
            values["Email"] = email
        lid = self._store().create_local("Lead", values)
        self.created.append(lid)
        self.ledger.add(side="local", op="create", obj="Lead", lid=lid, key=key, email=email)
        return True

    def sf_edit(self) -> bool:
        obj = self.rng.choice(PERSONS)
        if not self._ready(obj):
            return False
        row = self._pick(obj)
        if row is None:
            return False
        name = self.rng.choice(SF_FIELDS + BOTH_FIELDS + tuple(self.added.get(obj, ())))
        value = self._value("S-" if name != "Phone" else "+1 415 ")
        so = SyncObject.get_or_none(SyncObject.name == obj)
        self.admin.update(obj, str(row["_sf_id"]), {name: value})
        self.ledger.add(side="sf", op="edit", obj=obj, sf_id=row["_sf_id"], field=name,
                        value=value, after_first_sync=bool(so and so.first_sync == "done"))
        return True

    def sf_create(self) -> bool:
        key = self._value("Sk")
        sf_id = self.admin.create("Lead", {"LastName": key, "Company": "Remote Ltd",
                                           "Email": f"{key.lower()}@remote.example.org"})
        self.ledger.add(side="sf", op="create", obj="Lead", sf_id=sf_id, key=key)
        return True

    def sf_delete(self) -> bool:
        obj = self.rng.choice(PERSONS)
        if not self._ready(obj):
            return False
        row = self._pick(obj)
        if row is None:
            return False
        self.admin.delete(obj, str(row["_sf_id"]))
        self.hot[obj].remove(str(row["_sf_id"]))
        self.ledger.add(side="sf", op="delete", obj=obj, sf_id=row["_sf_id"])
        return True

    def sf_merge(self) -> bool:
        obj = self.rng.choice(PERSONS)
        if not self._ready(obj) or len(self._refresh_hot(obj)) < 2:
            return False
        master, loser = self.rng.sample(self.hot[obj], 2)
        if obj == "Lead":
            # converted Leads cannot be merged: ask the org
            rows = self.admin.query_all(
                f"SELECT Id, IsConverted, IsDeleted FROM Lead WHERE Id IN ('{master}', "
                f"'{loser}')")
            if len(rows) != 2 or any(r["IsConverted"] or r["IsDeleted"] for r in rows):
                return False
        self.admin.merge(obj, master, [loser])
        self.hot[obj].remove(loser)
        self.ledger.add(side="sf", op="merge", obj=obj, sf_id=loser, master=master)
        return True

    def sf_convert(self) -> bool:
        if not self._ready("Lead"):
            return False
        row = self._pick("Lead")
        if row is None:
            return False
        res = self.admin.convert(str(row["_sf_id"]))
        self.hot["Lead"].remove(str(row["_sf_id"]))
        self.ledger.add(side="sf", op="convert", obj="Lead", sf_id=row["_sf_id"],
                        contact=res.get("contactId"))
        return True

    # -- schema changes mid-run -----------------------------------------------------------

    def schema_change(self, which: int) -> str:
        """One of the describe changes, in turn: a new field, lost access, access back."""
        if which == 0:
            self.admin.add_field("Lead", "Reliability_Tag__c", "string", length=40)
            self.added.setdefault("Lead", []).append("Reliability_Tag__c")
            return "add_field Lead.Reliability_Tag__c"
        if which == 1:
            self.admin.set_access("Lead", "Fax", readable=False)
            return "set_access Lead.Fax hidden"
        if which == 2:
            self.admin.set_access("Lead", "Fax", readable=True, editable=True)
            return "set_access Lead.Fax visible"
        if which == 3:
            self.admin.add_field("Contact", "Reliability_Tag__c", "string", length=40)
            self.added.setdefault("Contact", []).append("Reliability_Tag__c")
            return "add_field Contact.Reliability_Tag__c"
        return "none"
