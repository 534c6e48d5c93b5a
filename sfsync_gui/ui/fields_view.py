"""The Field access view: per object, every field with its label, API name, type, the
sync user's read / create / update access, synced or not and why; include or exclude a
field from here."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..store import Store
from ..store.models import SyncObject
from . import engine_text, language, state_style
from .table_model import Index, RowsModel

_ROLE = Qt.ItemDataRole
_FLAG = Qt.ItemFlag
_CHECK = Qt.CheckState


class FieldsModel(RowsModel):
    """The catalog of one object. The "Synced" column is a checkbox: ticking it includes
    the field, unticking excludes it (fields the sync user cannot read stay unticked).

    Signals: include_requested(obj, field, included).
    """

    headers = (
        QT_TRANSLATE_NOOP("Columns", "Label"),
        QT_TRANSLATE_NOOP("Columns", "API name"),
        QT_TRANSLATE_NOOP("Columns", "Type"),
        QT_TRANSLATE_NOOP("Columns", "Read"),
        QT_TRANSLATE_NOOP("Columns", "Create"),
        QT_TRANSLATE_NOOP("Columns", "Update"),
        QT_TRANSLATE_NOOP("Columns", "Synced"),
        QT_TRANSLATE_NOOP("Columns", "Why"),
    )
    include_requested = Signal(str, str, object)
    SYNCED = 6

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.obj = ""

    def show_object(self, store: Store, obj: str) -> None:
        self.obj = obj
        self.set_rows([(f.label, f.name, f.type, f.readable, f.createable, f.updateable,
                        f.synced, engine_text.reason(
                            f.reason or ("included by you" if f.included else "")))
                       for f in store.fields(obj)])

    def cell(self, row: int, column: int, role: int) -> object:
        values = self.row_values(row)
        if 3 <= column <= 6:
            if role == _ROLE.CheckStateRole:
                return _CHECK.Checked if values[column] else _CHECK.Unchecked
            if role == _ROLE.DisplayRole:
                return None
            if role == _ROLE.AccessibleTextRole:
                return (self.tr("{column}: yes") if values[column]
                        else self.tr("{column}: no")).format(column=self.header(column))
            return None
        if role == _ROLE.ForegroundRole and not values[3]:
            return state_style.colour("deleted")
        return super().cell(row, column, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if (index.isValid() and index.column() == self.SYNCED
                and self.row_values(index.row())[3]):
            return base | _FLAG.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: object, role: int = _ROLE.EditRole) -> bool:
        if role != _ROLE.CheckStateRole or not (self.flags(index) & _FLAG.ItemIsUserCheckable):
            return False
        include = _CHECK(value) == _CHECK.Checked  # type: ignore[arg-type]
        values = list(self.row_values(index.row()))
        if bool(values[6]) == include:
            return False
        values[6] = include
        values[7] = engine_text.reason("included by you (from the next sync)" if include
                                       else "excluded by you")
        self._rows[index.row()] = tuple(values)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 7))
        self.include_requested.emit(self.obj, str(values[1]), include)
        return True


class FieldsView(QWidget):
    """Signals: include_requested(obj, field, included)."""

    include_requested = Signal(str, str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        self._sized_for: str | None = None
        self.object = QComboBox(self)
        self.object.setAccessibleName(self.tr("Object whose fields are shown"))
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter by label, API name or reason"))
        self.filter.setAccessibleName(self.tr("Filter the fields"))
        self.filter.setClearButtonEnabled(True)
        self.summary = QLabel(self)
        self.model = FieldsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table = QTableView(self)
        self.table.setObjectName("fields")
        self.table.setAccessibleName(
            self.tr("Fields, access of the sync user, and whether synced"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        hint = QLabel(self.tr("Tick Synced to include a field, untick it to exclude it. "
                              "Fields the sync user cannot read are listed greyed out."), self)
        hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Object:"), self))
        top.addWidget(self.object)
        top.addWidget(self.filter, 1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        self.object.currentIndexChanged.connect(self._show)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.model.include_requested.connect(self.include_requested)

    def attach(self, store: Store) -> None:
        """Read from ``store`` from now on (the window calls :meth:`reload` when shown)."""
        self._store = store

    def reload(self) -> None:
        if self._store is None:
            return
        current = self.object.currentText()
        names = [so.name for so in SyncObject.select().order_by(SyncObject.name)]
        if names != [self.object.itemText(i) for i in range(self.object.count())]:
            self.object.blockSignals(True)
            self.object.clear()
            self.object.addItems(names)
            if current in names:
                self.object.setCurrentText(current)
            elif "Lead" in names:
                self.object.setCurrentText("Lead")
            self.object.blockSignals(False)
        self._show()

    def show_object(self, obj: str) -> None:
        if self.object.findText(obj) < 0:
            self.reload()
        self.object.setCurrentText(obj)
        self._show()

    @Slot()
    def _show(self, *_args: object) -> None:
        if self._store is None or not self.object.currentText():
            return
        obj = self.object.currentText()
        self.model.show_object(self._store, obj)
        rows = self.model.rowCount()
        synced = sum(1 for r in range(rows) if self.model.row_values(r)[6])
        self.summary.setText(self.tr("{count} field(s), {synced} synced", "", rows).format(
            count=language.number(rows), synced=language.number(synced)))
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Size the columns to the fields once per object, when the table can be seen
        (a hidden table measures only its header)."""
        if self.isVisible() and self._sized_for != self.model.obj:
            self._sized_for = self.model.obj
            self.table.resizeColumnsToContents()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_columns()
