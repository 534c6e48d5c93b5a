"""The Sync status view: the current phase and a progress bar (records done / total during
a first sync), the objects with their counts, and the cycles with their counts and API
calls (select one for its per-object figures)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..store import Store
from . import reads, state_style
from .table_model import RowsModel

_ROLE = Qt.ItemDataRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
STATUS_STATE = {"ok": "synced", "failed": "failed", "running": "pending", "stopped": "deleted",
                "budget": "conflict", "api_limit": "conflict", "needs_sign_in": "failed"}


class CyclesModel(RowsModel):
    headers = ("Cycle", "Started", "Finished", "Trigger", "Status", "API calls", "New",
               "Updated", "Deleted", "Conflicts", "Pushed", "Failed", "Message")

    def cell(self, row: int, column: int, role: int) -> object:
        if role == _ROLE.TextAlignmentRole and (column == 0 or 5 <= column <= 11):
            return _RIGHT
        if column == 4:
            status = str(self.row_values(row)[4])
            if role == _ROLE.DecorationRole:
                return state_style.icon(STATUS_STATE.get(status, "deleted"))
            if role == _ROLE.DisplayRole:
                return status.replace("_", " ")
        if role == _ROLE.ToolTipRole and column == 12:
            return self.row_values(row)[12] or None
        return super().cell(row, column, role)


class CycleObjectsModel(RowsModel):
    headers = ("Object", "New", "Updated", "Deleted", "Failed", "Skipped", "Pushed",
               "API calls", "ms")

    def cell(self, row: int, column: int, role: int) -> object:
        if role == _ROLE.TextAlignmentRole and column > 0:
            return _RIGHT
        return super().cell(row, column, role)


class ObjectsModel(RowsModel):
    headers = ("Object", "Direction", "First sync", "Records", "Pending", "Failed",
               "Local only")

    def cell(self, row: int, column: int, role: int) -> object:
        if role == _ROLE.TextAlignmentRole and column >= 3:
            return _RIGHT
        if role == _ROLE.DisplayRole and column >= 3:
            return f"{self.row_values(row)[column]:,}"
        return super().cell(row, column, role)


def _table(parent: QWidget, name: str, model: RowsModel) -> QTableView:
    t = QTableView(parent)
    t.setAccessibleName(name)
    t.setModel(model)
    t.verticalHeader().hide()
    t.setAlternatingRowColors(True)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class StatusView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        self.phase = QLabel("Not syncing yet.", self)
        self.phase.setAccessibleName("Current phase")
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("First sync progress")
        self.progress.setFormat("%v / %m records (%p %)")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.hide()
        self.objects_model = ObjectsModel(self)
        self.objects = _table(self, "Synced objects and their record counts",
                              self.objects_model)
        self.cycles_model = CyclesModel(self)
        self.cycles = _table(self, "Sync cycles", self.cycles_model)
        self.cycles.setObjectName("cycles")
        self.detail_model = CycleObjectsModel(self)
        self.detail = _table(self, "Per object figures of the selected cycle",
                             self.detail_model)

        now = QGroupBox("Now", self)
        nl = QVBoxLayout(now)
        row = QHBoxLayout()
        row.addWidget(self.phase, 1)
        nl.addLayout(row)
        nl.addWidget(self.progress)
        objects_box = QGroupBox("Objects", self)
        QVBoxLayout(objects_box).addWidget(self.objects)
        cycles_box = QGroupBox("Cycles", self)
        QVBoxLayout(cycles_box).addWidget(self.cycles)
        detail_box = QGroupBox("Selected cycle, per object", self)
        QVBoxLayout(detail_box).addWidget(self.detail)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("status-splitter")
        split.addWidget(objects_box)
        split.addWidget(cycles_box)
        split.addWidget(detail_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setStretchFactor(2, 2)
        split.setSizes([340, 220, 220])
        layout = QVBoxLayout(self)
        layout.addWidget(now)
        layout.addWidget(split, 1)
        self.cycles.selectionModel().selectionChanged.connect(self._show_cycle)

    def attach(self, store: Store) -> None:
        """Read from ``store`` from now on (the window calls :meth:`reload` when shown)."""
        self._store = store

    def reload(self) -> None:
        if self._store is None:
            return
        selected = self.selected_cycle()
        self.objects_model.set_rows(reads.objects_overview(self._store))
        self.cycles_model.set_rows(reads.cycles(self._store))
        self.objects.resizeColumnsToContents()
        self.cycles.resizeColumnsToContents()
        rows = [r[0] for r in (self.cycles_model.row_values(i)
                               for i in range(self.cycles_model.rowCount()))]
        if rows:
            self.cycles.selectRow(rows.index(selected) if selected in rows else 0)

    def selected_cycle(self) -> int | None:
        rows = self.cycles.selectionModel().selectedRows()
        return int(self.cycles_model.row_values(rows[0].row())[0]) if rows else None

    @Slot()
    def _show_cycle(self, *_args: object) -> None:
        cycle = self.selected_cycle()
        if self._store is None or cycle is None:
            self.detail_model.set_rows([])
            return
        self.detail_model.set_rows(reads.cycle_objects(self._store, cycle))
        self.detail.resizeColumnsToContents()

    # -- live -----------------------------------------------------------------------------

    def set_phase(self, phase: str) -> None:
        self.phase.setText(phase[:1].upper() + phase[1:] if phase else "")
        if not phase.startswith("first sync"):
            self.progress.hide()

    def set_progress(self, obj: str, done: int, total: int) -> None:
        self.progress.show()
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.progress.setFormat(f"{obj}: %v / %m records (%p %)")
