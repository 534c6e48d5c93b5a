"""The Sync errors view: failed pushes grouped by object, error code and field, with
counts; the records of the selected groups; retry them; open a person."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..store import Store
from . import language, reads, state_style
from .table_model import RowsModel

_ROLE = Qt.ItemDataRole


class ErrorGroupsModel(RowsModel):
    """One row per (object, error code, field): the count and Salesforce's message."""

    headers = (
        QT_TRANSLATE_NOOP("Columns", "Records"),
        QT_TRANSLATE_NOOP("Columns", "Object"),
        QT_TRANSLATE_NOOP("Columns", "Field"),
        QT_TRANSLATE_NOOP("Columns", "Error"),
        QT_TRANSLATE_NOOP("Columns", "Message"),
    )

    def set_groups(self, groups: list[dict]) -> None:
        self._groups = groups
        self.set_rows([(g["count"], g["object"], g["field"] or "—", g["code"], g["message"])
                       for g in groups])

    def group(self, row: int) -> dict:
        return self._groups[row]

    def cell(self, row: int, column: int, role: int) -> object:
        if role == _ROLE.DecorationRole and column == 3:
            return state_style.icon("failed")
        if role == _ROLE.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == _ROLE.DisplayRole and column == 0:
            return language.number(self.row_values(row)[0])
        if role == _ROLE.ToolTipRole and column == 4:
            return self.row_values(row)[4]
        return super().cell(row, column, role)


class ErrorsView(QWidget):
    """Signals: open_record(obj, local_id), retry_requested(records or None)."""

    open_record = Signal(str, int)
    retry_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        self.summary = QLabel(self.tr("No failed pushes."), self)
        self.model = ErrorGroupsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("error-groups")
        self.table.setAccessibleName(self.tr("Failed pushes grouped by error and field"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        self.records = QListWidget(self)
        self.records.setAccessibleName(self.tr("Records of the selected error groups"))
        self.records.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.retry = QPushButton(self.tr("Retry selected"), self)
        self.retry.setAccessibleName(self.tr("Retry the selected failed pushes"))
        self.retry.setToolTip(
            self.tr("Queue the selected records' failed changes again and sync now"))
        self.retry_all = QPushButton(self.tr("Retry all"), self)
        self.retry_all.setAccessibleName(self.tr("Retry every failed push"))
        self.open = QPushButton(self.tr("Open person"), self)
        self.open.setAccessibleName(self.tr("Open the selected record"))
        hint = QLabel(self.tr("Fix the value in the person's fields (or the rule in "
                              "Salesforce), then retry."), self)
        hint.setWordWrap(True)

        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(QLabel(self.tr("Records"), right))
        rl.addWidget(self.records, 1)
        row = QHBoxLayout()
        row.addWidget(self.open)
        row.addWidget(self.retry)
        row.addWidget(self.retry_all)
        rl.addLayout(row)
        rl.addWidget(hint)
        split = QSplitter(self)
        split.setObjectName("errors-splitter")
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

        self.table.selectionModel().selectionChanged.connect(self._show_records)
        self.records.itemActivated.connect(self._open_item)
        self.open.clicked.connect(self._open_selected)
        self.retry.clicked.connect(self._retry_selected)
        self.retry_all.clicked.connect(self._retry_all)
        self._update_buttons()

    def attach(self, store: Store) -> None:
        """Read from ``store`` from now on (the window calls :meth:`reload` when shown)."""
        self._store = store

    def reload(self) -> None:
        if self._store is None:
            return
        groups = reads.error_groups(self._store)
        self.model.set_groups(groups)
        self.table.resizeColumnsToContents()
        records = {r for g in groups for r in g["records"]}
        if groups:
            # two numbers, each with its own plural: two messages put together
            in_groups = self.tr("in {count} group(s)", "", len(groups)).format(
                count=language.number(len(groups)))
            self.summary.setText(self.tr("{count} record(s) failed to push, {groups}.", "",
                                         len(records)).format(
                count=language.number(len(records)), groups=in_groups))
        else:
            self.summary.setText(self.tr("No failed pushes."))
        if groups:
            self.table.selectRow(0)
        self._show_records()

    def count(self) -> int:
        return self.model.rowCount()

    @Slot()
    def _show_records(self, *_args: object) -> None:
        self.records.clear()
        seen = set()
        store = self._store
        for index in self.table.selectionModel().selectedRows():
            for key in self.model.group(index.row())["records"]:
                if key in seen:
                    continue
                seen.add(key)
                obj, _, lid = key.partition(":")
                row = store.table(obj).get(int(lid)) if store else None
                name = ""
                if row:
                    name = str(row.get("Name") or row.get("LastName") or "")
                    if row.get("Email"):
                        name += f" <{row['Email']}>"
                item = QListWidgetItem(state_style.icon("failed"), f"{key}  {name}".strip())
                item.setData(_ROLE.UserRole, (obj, int(lid)))
                self.records.addItem(item)
        if self.records.count():
            self.records.setCurrentRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.records.count() > 0
        self.open.setEnabled(has)
        self.retry.setEnabled(has)
        self.retry_all.setEnabled(self.model.rowCount() > 0)

    def selected_records(self) -> list[tuple[str, int]]:
        items = self.records.selectedItems() or [self.records.item(i)
                                                 for i in range(self.records.count())]
        return [item.data(_ROLE.UserRole) for item in items]

    @Slot(QListWidgetItem)
    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_record.emit(*item.data(_ROLE.UserRole))

    @Slot()
    def _open_selected(self) -> None:
        item = self.records.currentItem()
        if item is not None:
            self._open_item(item)

    @Slot()
    def _retry_selected(self) -> None:
        records = self.selected_records()
        if records:
            self.retry_requested.emit(records)

    @Slot()
    def _retry_all(self) -> None:
        self.retry_requested.emit(None)
