"""The store's fixed tables (peewee models). Record tables are per object and built from
describe at run time (``records.py``); everything else lives here.

Models are bound to a database by :class:`sfsync_gui.store.db.Store`; values that can be of
any type (outbox values, activity values) are stored as JSON text.
"""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    CompositeKey,
    DatabaseProxy,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database_proxy = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Setting(BaseModel):
    """Key/value settings that belong with the data (sync interval, budget share...)."""

    key = CharField(primary_key=True)
    value = TextField()


class SyncObject(BaseModel):
    """One synced Salesforce object and where its sync stands."""

    name = CharField(primary_key=True)
    direction = CharField()  # "two_way" | "from_salesforce"
    enabled = BooleanField(default=True)
    table = CharField()
    #: "pending" | "running" | "done"
    first_sync = CharField(default="pending")
    #: JSON: where an interrupted first sync resumes (REST key or Bulk job + locator)
    checkpoint = TextField(null=True)
    first_sync_total = IntegerField(null=True)
    first_sync_done = IntegerField(default=0)
    #: highest SystemModstamp applied (Salesforce text form)
    watermark = CharField(null=True)
    #: Last-Modified of the describe last applied (If-Modified-Since)
    describe_modified = CharField(null=True)
    #: end of the last get-deleted window checked (ISO)
    deleted_checked_to = CharField(null=True)
    last_reconcile = CharField(null=True)


class FieldInfo(BaseModel):
    """The field catalog: every field of a synced object and whether it is synced, and why."""

    object = CharField()
    name = CharField()
    label = CharField(default="")
    type = CharField(default="")
    length = IntegerField(default=0)
    custom = BooleanField(default=False)
    readable = BooleanField(default=True)
    createable = BooleanField(default=False)
    updateable = BooleanField(default=False)
    synced = BooleanField(default=False)
    #: why not synced (or a note why it is)
    reason = CharField(default="")
    #: a column exists in the record table (kept even when access is lost)
    has_column = BooleanField(default=False)
    #: the admin's choice: None = default, True = include, False = exclude
    included = BooleanField(null=True)

    class Meta:
        primary_key = CompositeKey("object", "name")


class Person(BaseModel):
    """A person across objects: a Lead and, after conversion, its Contact share one."""

    id = AutoField()
    email = CharField(null=True, index=True)
    name = CharField(default="")


class Outbox(BaseModel):
    """A local change of one field waiting to be pushed (written with the change)."""

    id = AutoField()
    object = CharField()
    local_id = IntegerField()
    field = CharField()
    #: JSON of the value before the first unpushed local edit (the merge base)
    old_value = TextField(null=True)
    new_value = TextField(null=True)
    created_at = CharField()
    #: "pending" | "failed" | "sending"
    state = CharField(default="pending")
    attempts = IntegerField(default=0)
    next_attempt_at = FloatField(default=0.0)
    last_error = TextField(null=True)

    class Meta:
        indexes = ((("object", "local_id", "field"), True), (("state", "object"), False))


class Activity(BaseModel):
    """One event in a person's (or record's) history."""

    id = AutoField()
    at = CharField(index=True)
    person = IntegerField(null=True, index=True)
    object = CharField()
    local_id = IntegerField(null=True)
    sf_id = CharField(null=True, index=True)
    #: created | updated | pushed | push_failed | conflict | linked | converted | merged |
    #: deleted | undeleted | force_synced | skipped_no_access | retried |
    #: sync_error (an object's answer could not be read; detail: code, message)
    kind = CharField()
    field = CharField(null=True)
    old_value = TextField(null=True)
    new_value = TextField(null=True)
    #: "local" | "salesforce"
    side = CharField(null=True)
    detail = TextField(null=True)  # JSON
    cycle = IntegerField(null=True)

    class Meta:
        indexes = ((("object", "local_id"), False), (("kind", "at"), False))


class Cycle(BaseModel):
    """One sync cycle."""

    id = AutoField()
    started_at = CharField()
    finished_at = CharField(null=True)
    trigger = CharField(default="interval")  # interval | manual | force | once
    status = CharField(default="running")  # running | ok | failed | stopped | budget
    api_calls = IntegerField(default=0)
    error = TextField(null=True)


class CycleObject(BaseModel):
    """What one cycle did to one object."""

    cycle = ForeignKeyField(Cycle, backref="objects", on_delete="CASCADE")
    object = CharField()
    new = IntegerField(default=0)
    updated = IntegerField(default=0)
    deleted = IntegerField(default=0)
    failed = IntegerField(default=0)
    skipped = IntegerField(default=0)
    pushed = IntegerField(default=0)
    api_calls = IntegerField(default=0)
    duration_ms = IntegerField(default=0)
    #: records whose newly synced fields got their values in this cycle (schema 2)
    backfilled = IntegerField(default=0)


class Backfill(BaseModel):
    """Newly synced fields of one object whose values the records already here still need
    (they arrive without waiting for each record to change). Written with the field catalog
    change that makes it necessary; removed when the pass is complete."""

    object = CharField(primary_key=True)
    #: JSON list of field names
    fields = TextField()
    #: JSON: where an interrupted pass resumes ({"mode": "rest", "after": Id} or
    #: {"mode": "bulk", "job": ..., "locator": ...}); null before the first page
    checkpoint = TextField(null=True)
    #: records read so far / expected (the local records when the pass began)
    done = IntegerField(default=0)
    total = IntegerField(null=True)
    #: local edits of these fields kept over Salesforce's value
    kept = IntegerField(default=0)
    started_at = CharField()


class Policy(BaseModel):
    """Conflict policy of an object (field ``""``) or of one field."""

    object = CharField()
    field = CharField(default="")
    #: local_wins | salesforce_wins | salesforce_unless_blank | dont_sync
    policy = CharField()

    class Meta:
        primary_key = CompositeKey("object", "field")


#: The tables of schema 1 (later tables are made by their migration, see ``db.py``).
MODELS = [Setting, SyncObject, FieldInfo, Person, Outbox, Activity, Cycle, CycleObject, Policy]
