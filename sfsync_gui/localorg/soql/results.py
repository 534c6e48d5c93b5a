"""Rows of a compiled query's ``SELECT`` to Salesforce-shaped records.

The compiler leaves a :class:`RecordNode` tree on the compiled query: which column holds
each field, which converter it needs and where parent records start. Building a record is
then a walk over that small tree per row, with no per-row decisions about types.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..schema import FieldDef, FieldType

if TYPE_CHECKING:
    from .compiler import CompiledQuery


def _to_bool(value: Any) -> bool:
    return bool(value)


def _to_int(value: Any) -> int:
    return int(value)


def _to_float(value: Any) -> float:
    return float(value)


def converter(fdef: FieldDef) -> Callable[[Any], Any] | None:
    """The function turning a non-null stored value into its JSON value (``None`` when
    the stored value is already right). Mirrors ``storage.from_db``."""
    t = fdef.type
    if t is FieldType.BOOLEAN:
        return _to_bool
    if t is FieldType.INT:
        return _to_int
    if t in (FieldType.DOUBLE, FieldType.CURRENCY, FieldType.PERCENT):
        return _to_float
    return None


@dataclass
class RecordNode:
    """One record in the result shape: the root or a parent reached by a relationship.

    ``presence`` is the column that is null when the parent does not exist (its Id, or the
    reference column for a polymorphic relationship); ``url_column`` holds what goes after
    ``sobjects/{type}/`` in the URL. A polymorphic node has no fixed ``type_name``: the type
    comes from the Id's key prefix through ``type_by_prefix``.
    """

    key: str
    presence: int
    url_column: int
    type_name: str | None
    type_by_prefix: dict[str, str] = field(default_factory=dict)
    #: (key, column, converter) for a field, or a child RecordNode, in SELECT order
    entries: list[tuple[str, int, Callable[[Any], Any] | None] | RecordNode] = field(
        default_factory=list
    )

    def child(self, key: str) -> RecordNode | None:
        for entry in self.entries:
            if isinstance(entry, RecordNode) and entry.key == key:
                return entry
        return None


def _build(node: RecordNode, row: Sequence[Any], prefix: str) -> dict[str, Any] | None:
    ident = row[node.presence]
    if ident is None:
        return None
    type_name = node.type_name or node.type_by_prefix.get(str(ident)[:3], "Name")
    record: dict[str, Any] = {
        "attributes": {"type": type_name, "url": f"{prefix}{type_name}/{row[node.url_column]}"}
    }
    for entry in node.entries:
        if isinstance(entry, RecordNode):
            record[entry.key] = _build(entry, row, prefix)
        else:
            key, col, conv = entry
            value = row[col]
            record[key] = conv(value) if conv is not None and value is not None else value
    return record


def rows_to_records(
    cq: CompiledQuery, rows: Iterable[Sequence[Any]], api_version: str = "59.0"
) -> list[dict[str, Any]]:
    """Records as Salesforce's query resource shows them, from rows of ``cq.select_sql``
    (same column order): ``attributes`` first, fields in SELECT order, parents nested,
    ``null`` for a missing parent. COUNT() queries have no records."""
    if cq.count_only:
        return []
    prefix = f"/services/data/v{api_version}/sobjects/"
    root = cq.record_plan
    out = []
    for row in rows:
        record = _build(root, row, prefix)
        if record is not None:
            out.append(record)
    return out
