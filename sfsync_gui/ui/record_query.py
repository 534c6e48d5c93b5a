"""The SQL behind the records table: which records, in which order, found how.

Plain Python. Every value the user types is a parameter; only identifiers (column names
checked against the table, quoted) are put into the SQL text. Searches use the indexes the
store keeps (Name, LastName, Email, Company, the Salesforce Id) as prefix ranges, so a
search of a million records reads a few index pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..store.records import table_name
from ..store.sql_sqlite import quote

#: columns the store indexes on every record table (plus the per-field ones below)
META_INDEXED = frozenset({"_lid", "_sf_id", "_state", "_person", "_modstamp"})
#: field columns indexed when the object has them (``RecordTable.ensure``)
FIELD_INDEXED = ("Name", "LastName", "Email", "Company")
#: searched by prefix without an index, for objects that have none of the above
FALLBACK_SEARCH = ("Subject", "Title")
#: the largest code point: ``prefix + TOP`` bounds every text that starts with ``prefix``
TOP = "\U0010ffff"
DELETED = "deleted"


@dataclass(frozen=True)
class RecordQuery:
    """What the records table shows: an object's records, searched, filtered, sorted.

    Args:
        obj: the Salesforce object.
        search: text typed in the search box ("" for none).
        state: a sync state to show only (None: every record not deleted).
        sort: the column to sort by (``_lid``: the order records arrived in).
        descending: sort order.
    """

    obj: str
    search: str = ""
    state: str | None = None
    sort: str = "_lid"
    descending: bool = False


@dataclass(frozen=True)
class Sql:
    text: str
    params: tuple[object, ...] = ()


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class QueryBuilder:
    """Builds the statements for one object's table, knowing its columns."""

    def __init__(self, obj: str, columns: list[str]) -> None:
        self.obj = obj
        self.table = quote(table_name(obj))
        self.columns = list(columns)
        self._known = set(columns) | META_INDEXED | {"_error", "_deleted", "_updated_at"}

    def indexed(self, column: str) -> bool:
        return column in META_INDEXED or (column in FIELD_INDEXED and column in self._known)

    def _state_filter(self, q: RecordQuery) -> Sql:
        if q.state:
            return Sql("_state = ?", (q.state,))
        # a small set (tombstones), so a scan of another index can skip them cheaply
        return Sql(f"_lid NOT IN (SELECT _lid FROM {self.table} WHERE _state = ?)", (DELETED,))

    def _search(self, text: str) -> Sql | None:
        # NUL ends a comparison under SQLite's NOCASE: "\0x" would match every "\0..."
        text = text.replace("\x00", "").strip()
        if not text:
            return None
        parts: list[str] = []
        params: list[object] = []
        if text.startswith("@") and "Email" in self._known:
            parts.append(f"SELECT _lid FROM {self.table} WHERE Email LIKE ? ESCAPE '\\'")
            params.append(f"%{_like_escape(text)}%")
        else:
            indexed = [c for c in FIELD_INDEXED if c in self._known]
            if not indexed:
                indexed = [c for c in FALLBACK_SEARCH if c in self._known]
            for col in indexed:
                parts.append(f"SELECT _lid FROM {self.table} WHERE {quote(col)} >= ? "
                             f"AND {quote(col)} < ?")
                params += [text, text + TOP]
        # str.isdigit/isalnum also say yes to "²" or "١" (int("²") fails): ASCII only
        if text.isascii() and text.isalnum() and len(text) >= 3:  # an Id, or its start
            parts.append(f"SELECT _lid FROM {self.table} WHERE _sf_id >= ? AND _sf_id < ?")
            params += [text, text + TOP]
        if text.isascii() and text.isdigit():
            parts.append(f"SELECT _lid FROM {self.table} WHERE _lid = ?")
            params.append(int(text))
        if not parts:
            return Sql("0")
        return Sql(f"_lid IN ({' UNION '.join(parts)})", tuple(params))

    def where(self, q: RecordQuery) -> Sql:
        conds = [self._state_filter(q)]
        found = self._search(q.search)
        if found is not None:
            conds.append(found)
        return Sql(" AND ".join(c.text for c in conds),
                   tuple(p for c in conds for p in c.params))

    def order(self, q: RecordQuery) -> str:
        col = q.sort if q.sort in self._known else "_lid"
        way = " DESC" if q.descending else ""
        if col == "_lid":
            return f"_lid{way}"
        return f"{quote(col)}{way}, _lid{way}"

    def ids(self, q: RecordQuery, limit: int | None = None) -> Sql:
        """The local ids of the records, in order (``limit``: only the first ones)."""
        w = self.where(q)
        tail = "" if limit is None else " LIMIT ?"
        params = w.params + (() if limit is None else (limit,))
        return Sql(f"SELECT _lid FROM {self.table} WHERE {w.text} ORDER BY {self.order(q)}"
                   f"{tail}", params)

    def quick_count(self, q: RecordQuery) -> list[Sql] | None:
        """Statements whose results give the count cheaply (total minus tombstones, or
        one state's index range); None when it takes the search itself."""
        if q.search.strip():
            return None
        if q.state:
            return [Sql(f"SELECT COUNT(*) FROM {self.table} WHERE _state = ?", (q.state,))]
        return [Sql(f"SELECT COUNT(*) FROM {self.table}"),
                Sql(f"SELECT -COUNT(*) FROM {self.table} WHERE _state = ?", (DELETED,))]

    def rows(self, columns: list[str], lids: list[int]) -> Sql:
        """The given records (any order): bookkeeping columns, then ``columns``."""
        cols = ", ".join(["_lid", "_sf_id", "_state", "_error", "_deleted",
                          *(quote(c) for c in columns)])
        marks = ", ".join("?" for _ in lids)
        return Sql(f"SELECT {cols} FROM {self.table} WHERE _lid IN ({marks})", tuple(lids))
