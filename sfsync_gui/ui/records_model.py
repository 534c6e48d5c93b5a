"""The records table model: a million rows that feel like a hundred.

The model reports the full row count from SQL at once and loads rows in pages of
:data:`PAGE` when the view asks for them. Which records, and in which order, is one SQL
query (search, state filter and sort all happen in SQL) run by the :class:`Reader` thread:
it answers first with the count and the first ids, then with every id in order. Until the
ids of a far row are known the row shows an ellipsis; the GUI thread itself only runs
``WHERE _lid IN (...)`` page reads of a few hundred rows (under a millisecond).

Edits are not written here: :meth:`setData` checks the value, shows it as pending and
emits :attr:`edit_requested`; the window sends it to the sync thread.
"""

from __future__ import annotations

import array
import sqlite3
from collections import OrderedDict
from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)

from ..store import Store
from . import state_style
from .reader import Reader
from .record_query import QueryBuilder, RecordQuery
from .values import Column, ValueRefused, display, edit_text, error_text, parse_typed

#: rows per page read on the GUI thread
PAGE = 200
#: pages kept (LRU); 50 x 200 rows
MAX_PAGES = 50
#: ids read before the count-and-head answer is sent, for a big table
HEAD = 2 * PAGE
LOADING = "…"

Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole
_FLAG = Qt.ItemFlag


@dataclass(frozen=True)
class Loaded:
    """What the reading thread found for one query."""

    generation: int
    count: int | None = None
    head: list[int] | None = None
    ids: array.array | None = None
    error: str | None = None
    final: bool = True


class Superseded(Exception):
    """A newer query replaced this one before it ran to the end."""


def _load(builder: QueryBuilder, query: RecordQuery, generation: int, emit, refresh: bool,
          current=lambda _generation: True):
    """Runs on the reading thread: count and head first (for a big plain table), then
    every id in order. ``current(generation)`` is asked between statements, so a query
    replaced by a newer one stops early even before ``interrupt`` can reach it."""

    def check() -> None:
        if not current(generation):
            raise Superseded

    def run(conn: sqlite3.Connection) -> Loaded:
        check()
        counts = builder.quick_count(query)
        if counts is not None and not refresh:
            total = sum(conn.execute(s.text, s.params).fetchone()[0] for s in counts)
            head = None
            if total > HEAD and builder.indexed(query.sort):
                h = builder.ids(query, HEAD)
                head = [r[0] for r in conn.execute(h.text, h.params)]
            emit(Loaded(generation, total, head, final=False))
        check()
        s = builder.ids(query)
        ids = array.array("q", (r[0] for r in conn.execute(s.text, s.params)))
        return Loaded(generation, len(ids), ids=ids)

    return run


class RecordsModel(QAbstractTableModel):
    """One object's records.

    Signals:
        loaded: the rows of the current query are all known (count and order).
        edit_requested(obj, local_id, changes): a checked edit for the sync thread.
        message(text): something to tell the user (a refused value).
    """

    loaded = Signal()
    edit_requested = Signal(str, int, dict)
    message = Signal(str)
    _result = Signal(object)  # Loaded, from the reading thread

    def __init__(self, store: Store, reader: Reader, obj: str, columns: list[Column],
                 *, two_way: bool, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.reader = reader
        self.obj = obj
        self.two_way = two_way
        self._columns = columns
        self._field_cols = [c.name for c in columns if not c.name.startswith("_")]
        self._col_index = {c.name: i for i, c in enumerate(columns)}
        self._builder = QueryBuilder(obj, self._field_cols)
        self._infos = store.synced_fields(obj)
        self._query = RecordQuery(obj)
        self._generation = 0
        self._count = 0
        self._ids: array.array | None = None
        self._head: list[int] = []
        self._pages: OrderedDict[int, dict[int, tuple]] = OrderedDict()
        #: (local id, column) -> value sent to the sync thread, not written yet
        self._overlay: dict[tuple[int, str], object] = {}
        self._is_loading = False
        self._result.connect(self._on_result)

    # -- the query ------------------------------------------------------------------------

    @property
    def query(self) -> RecordQuery:
        return self._query

    @property
    def loading(self) -> bool:
        return self._is_loading

    def columns(self) -> list[Column]:
        return list(self._columns)

    def set_query(self, query: RecordQuery) -> None:
        """Show the records ``query`` selects (read in the background)."""
        self._query = query
        self._start(refresh=False)

    def set_search(self, text: str) -> None:
        if text != self._query.search:
            self.set_query(replace(self._query, search=text))

    def set_state_filter(self, state: str | None) -> None:
        if state != self._query.state:
            self.set_query(replace(self._query, state=state))

    def refresh(self) -> None:
        """Read the same query again (after a cycle or an edit); the rows stay on screen
        until the new order is known."""
        self._start(refresh=True)

    def _start(self, *, refresh: bool) -> None:
        self._generation += 1
        self._is_loading = True
        self.reader.submit(self, _load(self._builder, self._query, self._generation,
                                       self._result.emit, refresh, self._is_current),
                           self._result.emit)

    def _is_current(self, generation: int) -> bool:
        """Asked from the reading thread: is this still the query to show?"""
        return generation == self._generation

    def close(self) -> None:
        """Stop reading for this model."""
        self._generation += 1
        self.reader.cancel(self)

    @Slot(object)
    def _on_result(self, result: object) -> None:
        if isinstance(result, Superseded):
            return
        if isinstance(result, Exception):
            if not isinstance(result, sqlite3.OperationalError) or "interrupt" not in str(
                    result):
                self._is_loading = False
                self.message.emit(self.tr("Could not read the {object} records: {error}")
                                  .format(object=self.obj, error=result))
            return
        assert isinstance(result, Loaded)
        if result.generation != self._generation:
            return
        if not result.final:
            self.beginResetModel()
            self._count = result.count or 0
            self._head = result.head or []
            self._ids = None
            self._pages.clear()
            self.endResetModel()
            return
        ids = result.ids if result.ids is not None else array.array("q")
        self._is_loading = False
        if self._ids is None and len(ids) == self._count and self._head == list(
                ids[:len(self._head)]):
            self._ids = ids  # the rows already shown keep their place
            self._pages.clear()
            self._all_changed()
        elif self._ids is not None and ids == self._ids:
            self._pages.clear()
            self._all_changed()
        else:
            self.beginResetModel()
            self._ids = ids
            self._count = len(ids)
            self._head = []
            self._pages.clear()
            self.endResetModel()
        self.loaded.emit()

    def _all_changed(self) -> None:
        if self._count:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self._count - 1, len(self._columns) - 1))

    # -- rows -------------------------------------------------------------------------------

    def local_id(self, row: int) -> int | None:
        """The local id of the record in ``row``, if known yet."""
        if self._ids is not None:
            return int(self._ids[row]) if 0 <= row < len(self._ids) else None
        return self._head[row] if 0 <= row < len(self._head) else None

    def row_of(self, local_id: int) -> int | None:
        """The row showing ``local_id`` (None if not in the current rows)."""
        ids = self._ids if self._ids is not None else self._head
        try:
            return ids.index(local_id)
        except ValueError:
            return None

    def record(self, row: int) -> dict[str, object] | None:
        """The cached values of ``row`` by column name (reads its page if needed)."""
        values = self._row(row)
        if values is None:
            return None
        return dict(zip(["_lid", "_sf_id", "_state", "_error", "_deleted",
                         *self._field_cols], values, strict=True))

    def _row(self, row: int) -> tuple | None:
        lid = self.local_id(row)
        if lid is None:
            return None
        page = row // PAGE
        rows = self._pages.get(page)
        if rows is None:
            rows = self._read_page(page)
        else:
            self._pages.move_to_end(page)
        return rows.get(lid)

    def _read_page(self, page: int) -> dict[int, tuple]:
        lids = [lid for r in range(page * PAGE, min((page + 1) * PAGE, self._count))
                if (lid := self.local_id(r)) is not None]
        rows: dict[int, tuple] = {}
        if lids:
            s = self._builder.rows(self._field_cols, lids)
            for values in self.store.db.execute_sql(s.text, s.params).fetchall():
                rows[values[0]] = values
        self._pages[page] = rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return rows

    def forget_row(self, local_id: int) -> None:
        """Read the record again next time it is shown (it changed)."""
        row = self.row_of(local_id)
        if row is None:
            return
        self._pages.pop(row // PAGE, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))

    # -- Qt model API ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = _ROLE.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            col = self._columns[section]
            if role == _ROLE.DisplayRole:
                # the app's own columns are translated; a field's label is Salesforce's
                return (QCoreApplication.translate("Columns", col.label)
                        if col.name.startswith("_") else col.label)
            if role == _ROLE.ToolTipRole:
                return col.name if not col.name.startswith("_") else None
        elif orientation == Qt.Orientation.Vertical and role == _ROLE.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = _ROLE.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < self._count):
            return None
        col = self._columns[index.column()]
        values = self._row(index.row())
        if values is None:
            return LOADING if role == _ROLE.DisplayRole else None
        lid = values[0]
        if col.name == "_state":
            return self._state_data(lid, values, role)
        if col.name == "_sf_id":
            if role == _ROLE.DisplayRole:
                return values[1] or ""
            if role == _ROLE.ToolTipRole and not values[1]:
                return self.tr("Not in Salesforce yet")
            return None
        value = self._overlay.get((lid, col.name), values[5 + self._field_cols.index(col.name)])
        if col.type == "boolean":
            if role == _ROLE.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role == _ROLE.DisplayRole:
            return display(value, col.type)
        if role == _ROLE.EditRole:
            return edit_text(value, col.type)
        if role == _ROLE.TextAlignmentRole and col.type in ("int", "double", "currency",
                                                             "percent"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == _ROLE.FontRole and (lid, col.name) in self._overlay:
            from PySide6.QtGui import QFont

            f = QFont()
            f.setItalic(True)
            return f
        return None

    def _state_data(self, lid: int, values: tuple, role: int) -> object:
        state = str(values[2])
        if state == "synced" and any(k[0] == lid for k in self._overlay):
            state = "pending"
        if role == _ROLE.DisplayRole:
            return state_style.label(state)
        if role == _ROLE.DecorationRole:
            return state_style.icon(state)
        if role == _ROLE.ForegroundRole:
            return state_style.colour(state)
        if role == _ROLE.ToolTipRole:
            return error_text(values[3]) or state_style.label(state)
        if role == _ROLE.AccessibleTextRole:
            return self.tr("sync state {state}").format(state=state_style.label(state))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return _FLAG.NoItemFlags
        base = _FLAG.ItemIsEnabled | _FLAG.ItemIsSelectable
        col = self._columns[index.column()]
        if not (self.two_way and col.editable):
            return base
        # only what is cached decides: "select all" never reads every row
        lid = self.local_id(index.row())
        page = self._pages.get(index.row() // PAGE) if lid is not None else None
        values = page.get(lid) if page else None
        if values is None or values[4]:
            return base
        if col.type == "boolean":
            return base | _FLAG.ItemIsUserCheckable
        return base | _FLAG.ItemIsEditable

    def setData(self, index: Index, value: object, role: int = _ROLE.EditRole) -> bool:
        if not index.isValid() or not (self.flags(index) & (_FLAG.ItemIsEditable
                                                             | _FLAG.ItemIsUserCheckable)):
            return False
        col = self._columns[index.column()]
        if role == _ROLE.CheckStateRole:
            value = Qt.CheckState(value) == Qt.CheckState.Checked  # type: ignore[arg-type]
        elif role != _ROLE.EditRole:
            return False
        info = self._infos.get(col.name)
        values = self._row(index.row())
        if info is None or values is None:
            return False
        try:
            parsed = parse_typed(self.obj, info, value)
        except ValueRefused as exc:
            self.message.emit(str(exc))
            return False
        lid = int(values[0])
        current = self._overlay.get((lid, col.name),
                                    values[5 + self._field_cols.index(col.name)])
        if _same(current, parsed, col.type):
            return False
        self._overlay[(lid, col.name)] = parsed
        self.dataChanged.emit(self.index(index.row(), 0),
                              self.index(index.row(), len(self._columns) - 1))
        self.edit_requested.emit(self.obj, lid, {col.name: parsed})
        return True

    def edit_finished(self, local_id: int, fields: list[str]) -> None:
        """The sync thread wrote (or refused) the edit of ``fields``: show the store."""
        for name in fields:
            self._overlay.pop((local_id, name), None)
        self.forget_row(local_id)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        name = self._columns[column].name
        self.set_query(replace(self._query, sort=name,
                               descending=order == Qt.SortOrder.DescendingOrder))


def _same(stored: object, new: object, sf_type: str) -> bool:
    if sf_type == "boolean":
        return bool(stored) == bool(new) and stored is not None
    return stored == new
