"""What the window asks the sync thread to write: local edits, new persons, retries,
field include/exclude, settings. Plain Python; each job runs on the sync thread with the
store and returns a :class:`RequestResult` (known refusals become messages)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..store import LocalEditError, Store
from ..sync.settings import SyncSettings, apply_included, apply_settings


@dataclass(frozen=True)
class RequestResult:
    """The outcome of a request the GUI sent."""

    kind: str
    ok: bool
    message: str = ""
    obj: str = ""
    local_id: int | None = None
    fields: list[str] = field(default_factory=list)
    data: dict = field(default_factory=dict)


#: a request body: runs on the sync thread with the store
Job = Callable[[Store], RequestResult]


def edit(obj: str, local_id: int, changes: Mapping[str, object]) -> Job:
    """Change fields of a record locally (queued for the next push)."""
    asked = sorted(changes)

    def job(store: Store) -> RequestResult:
        try:
            changed = store.local_edit(obj, local_id, dict(changes))
        except LocalEditError as exc:
            return RequestResult("edit", False, str(exc), obj, local_id, asked)
        text = (f"{obj}:{local_id}: {', '.join(changed)} changed; pushed by the next sync"
                if changed else f"{obj}:{local_id}: nothing changed")
        return RequestResult("edit", True, text, obj, local_id, asked,
                             {"changed": changed})

    return job


def create(obj: str, values: Mapping[str, object]) -> Job:
    """A new record, local until the next push creates it in Salesforce."""

    def job(store: Store) -> RequestResult:
        try:
            lid = store.create_local(obj, dict(values))
        except LocalEditError as exc:
            return RequestResult("create", False, str(exc), obj)
        return RequestResult("create", True, f"{obj}:{lid} created locally; the next sync "
                             "creates it in Salesforce", obj, lid, sorted(values))

    return job


def retry(records: list[tuple[str, int]] | None) -> Job:
    """Queue failed pushes again: of ``records``, or every one (None)."""

    def job(store: Store) -> RequestResult:
        failed = store.retry_records(None if records is None else set(records))
        n = sum(len(f) for f in failed.values())
        text = (f"{n} failed change{'s' if n != 1 else ''} of {len(failed)} "
                f"record{'s' if len(failed) != 1 else ''} queued again" if failed
                else "nothing to retry")
        return RequestResult("retry", True, text,
                             data={"records": [f"{o}:{i}" for o, i in failed]})

    return job


def include_field(obj: str, name: str, included: bool | None) -> Job:
    def job(store: Store) -> RequestResult:
        apply_included(store, obj, name, included)
        what = {True: "included", False: "excluded", None: "back to the default"}[included]
        return RequestResult("include", True, f"{obj}.{name} {what}; applied by the next "
                             "sync", obj, fields=[name])

    return job


def save_settings(settings: SyncSettings) -> Job:
    def job(store: Store) -> RequestResult:
        touched = apply_settings(store, settings)
        return RequestResult("settings", True, "Settings saved", data={"touched": touched})

    return job
