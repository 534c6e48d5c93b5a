"""What the window asks the sync thread to write: local edits, new persons, retries,
field include/exclude, settings. Plain Python; each job runs on the sync thread with the
store and returns a :class:`RequestResult` (known refusals become messages)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject

from ..store import LocalEditError, Store
from ..sync.settings import SyncSettings, apply_included, apply_settings
from . import language


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


# The messages below are the window's words (translate() is safe on the sync thread); the
# store's own refusals (LocalEditError) stay as the store wrote them.


class Jobs(QObject):
    """The messages with plurals (lupdate marks a plural only in a QObject's tr())."""

    def retried(self, changes: int, records: int) -> str:
        # two numbers, each with its own plural: two messages put together
        of_records = self.tr("of {count} record(s)", "", records).format(
            count=language.number(records))
        return self.tr("{count} failed change(s) {of_records} queued again", "",
                       changes).format(count=language.number(changes), of_records=of_records)


def edit(obj: str, local_id: int, changes: Mapping[str, object]) -> Job:
    """Change fields of a record locally (queued for the next push)."""
    asked = sorted(changes)

    def job(store: Store) -> RequestResult:
        try:
            changed = store.local_edit(obj, local_id, dict(changes))
        except LocalEditError as exc:
            return RequestResult("edit", False, str(exc), obj, local_id, asked)
        if changed:
            text = QCoreApplication.translate(
                "Jobs", "{record}: {fields} changed; pushed by the next sync")
        else:
            text = QCoreApplication.translate("Jobs", "{record}: nothing changed")
        text = text.format(record=f"{obj}:{local_id}", fields=", ".join(changed))
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
        text = QCoreApplication.translate(
            "Jobs", "{record} created locally; the next sync creates it in Salesforce")
        return RequestResult("create", True, text.format(record=f"{obj}:{lid}"), obj, lid,
                             sorted(values))

    return job


def retry(records: list[tuple[str, int]] | None) -> Job:
    """Queue failed pushes again: of ``records``, or every one (None)."""

    def job(store: Store) -> RequestResult:
        failed = store.retry_records(None if records is None else set(records))
        n = sum(len(f) for f in failed.values())
        if failed:
            text = Jobs().retried(n, len(failed))
        else:
            text = QCoreApplication.translate("Jobs", "Nothing to retry")
        return RequestResult("retry", True, text,
                             data={"records": [f"{o}:{i}" for o, i in failed]})

    return job


def include_field(obj: str, name: str, included: bool | None) -> Job:
    def job(store: Store) -> RequestResult:
        apply_included(store, obj, name, included)
        if included is None:
            text = QCoreApplication.translate(
                "Jobs", "{field} back to the default; applied by the next sync")
        elif included:
            text = QCoreApplication.translate("Jobs", "{field} included; applied by the next sync")
        else:
            text = QCoreApplication.translate("Jobs", "{field} excluded; applied by the next sync")
        return RequestResult("include", True, text.format(field=f"{obj}.{name}"), obj,
                             fields=[name])

    return job


def save_settings(settings: SyncSettings) -> Job:
    def job(store: Store) -> RequestResult:
        touched = apply_settings(store, settings)
        return RequestResult("settings", True,
                             QCoreApplication.translate("Jobs", "Settings saved"),
                             data={"touched": touched})

    return job
