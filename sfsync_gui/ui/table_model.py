"""A small read-only table model over a list of rows, for the views whose data fit in
memory (cycles, error groups, the field catalog, a person's fields and activity)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole


class RowsModel(QAbstractTableModel):
    """Rows of values under fixed headers. Subclasses override :meth:`cell` for roles
    other than display text.

    ``headers`` are English, marked with ``QT_TRANSLATE_NOOP("Columns", ...)``: they are
    translated when shown (:meth:`header`), one shared context so that a word reads the same
    in every table."""

    headers: Sequence[str] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Sequence[object]] = []

    def set_rows(self, rows: Sequence[Sequence[object]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_values(self, row: int) -> Sequence[object]:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = _ROLE.DisplayRole) -> object:
        if (role == _ROLE.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.headers)):
            return self.header(section)
        return None

    def header(self, section: int) -> str:
        """The title of column ``section`` in the window's language."""
        return QCoreApplication.translate("Columns", self.headers[section])

    def data(self, index: Index, role: int = _ROLE.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, row: int, column: int, role: int) -> object:
        if role == _ROLE.DisplayRole:
            value = self._rows[row][column]
            return "" if value is None else str(value)
        return None
