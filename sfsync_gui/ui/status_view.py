"""The Sync status view: the current phase and a progress bar (records done / total during
a first sync), the objects with their counts, and the cycles with their counts and API
calls (select one for its per-object figures)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Slot
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
from . import engine_text, language, reads, state_style
from .table_model import RowsModel

_ROLE = Qt.ItemDataRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
STATUS_STATE = {"ok": "synced", "failed": "failed", "running": "pending", "stopped": "deleted",
                "budget": "conflict", "api_limit": "conflict", "needs_sign_in": "failed"}


class CyclesModel(RowsModel):
    headers = (
        QT_TRANSLATE_NOOP("Columns", "Cycle"),
        QT_TRANSLATE_NOOP("Columns", "Started"),
        QT_TRANSLATE_NOOP("Columns", "Finished"),
        QT_TRANSLATE_NOOP("Columns", "Trigger"),
        QT_TRANSLATE_NOOP("Columns", "Status"),
        QT_TRANSLATE_NOOP("Columns", "API calls"),
        QT_TRANSLATE_NOOP("Columns", "New"),
        QT_TRANSLATE_NOOP("Columns", "Updated"),
        QT_TRANSLATE_NOOP("Columns", "Deleted"),
        QT_TRANSLATE_NOOP("Columns", "Conflicts"),
        QT_TRANSLATE_NOOP("Columns", "Pushed"),
        QT_TRANSLATE_NOOP("Columns", "Failed"),
        QT_TRANSLATE_NOOP("Columns", "Message"),
    )

    def cell(self, row: int, column: int, role: int) -> object:
        if role == _ROLE.TextAlignmentRole and (column == 0 or 5 <= column <= 11):
            return _RIGHT
        if role == _ROLE.DisplayRole:
            value = self.row_values(row)[column]
            if column in (1, 2):
                return language.date_time(str(value or ""))
            if column == 3:
                return engine_text.trigger(str(value))
            if 5 <= column <= 11:
                return language.number(int(value or 0))
        if column == 4:
            status = str(self.row_values(row)[4])
            if role == _ROLE.DecorationRole:
                return state_style.icon(STATUS_STATE.get(status, "deleted"))
            if role == _ROLE.DisplayRole:
                return engine_text.status(status)
        if role == _ROLE.ToolTipRole and column == 12:
            return self.row_values(row)[12] or None
        return super().cell(row, column, role)


class CycleObjectsModel(RowsModel):
    headers = (
        QT_TRANSLATE_NOOP("Columns", "Object"),
        QT_TRANSLATE_NOOP("Columns", "New"),
        QT_TRANSLATE_NOOP("Columns", "Updated"),
        QT_TRANSLATE_NOOP("Columns", "Deleted"),
        QT_TRANSLATE_NOOP("Columns", "Failed"),
        QT_TRANSLATE_NOOP("Columns", "Skipped"),
        QT_TRANSLATE_NOOP("Columns", "Pushed"),
        QT_TRANSLATE_NOOP("Columns", "API calls"),
        QT_TRANSLATE_NOOP("Columns", "ms"),
    )

    def cell(self, row: int, column: int, role: int) -> object:
        if role == _ROLE.TextAlignmentRole and column > 0:
            return _RIGHT
        if role == _ROLE.DisplayRole and column > 0:
            return language.number(int(self.row_values(row)[column] or 0))
        return super().cell(row, column, role)


class ObjectsModel(RowsModel):
    headers = (
        QT_TRANSLATE_NOOP("Columns", "Object"),
        QT_TRANSLATE_NOOP("Columns", "Direction"),
        QT_TRANSLATE_NOOP("Columns", "First sync"),
        QT_TRANSLATE_NOOP("Columns", "Records"),
        QT_TRANSLATE_NOOP("Columns", "Pending"),
        QT_TRANSLATE_NOOP("Columns", "Failed"),
        QT_TRANSLATE_NOOP("Columns", "Local only"),
    )

    def cell(self, row: int, column: int, role: int) -> object:
        if role == _ROLE.TextAlignmentRole and column >= 3:
            return _RIGHT
        if role == _ROLE.DisplayRole and column >= 3:
            return language.number(int(self.row_values(row)[column] or 0))
        if role == _ROLE.DisplayRole and column == 1:
            return engine_text.direction(str(self.row_values(row)[1]).replace(" ", "_"))
        if role == _ROLE.DisplayRole and column == 2:
            return _first_sync(str(self.row_values(row)[2]))
        return super().cell(row, column, role)


def _first_sync(value: str) -> str:
    """"running 1,200/5,000" (reads.objects_overview) -> the progress in this language."""
    if value.startswith("running "):
        done, _, total = value[len("running "):].partition("/")
        try:
            done_n, total_n = int(done.replace(",", "")), int(total.replace(",", ""))
        except ValueError:
            return value
        return QCoreApplication.translate("StatusView", "running {done} / {total}").format(
            done=language.number(done_n), total=language.number(total_n))
    return engine_text.first_sync(value)


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
        self.phase = QLabel(self.tr("Not syncing yet."), self)
        self.phase.setAccessibleName(self.tr("Current phase"))
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("First sync progress"))
        self.progress.setFormat(self.tr("%v / %m records (%p %)"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.hide()
        self.objects_model = ObjectsModel(self)
        self.objects = _table(self, self.tr("Synced objects and their record counts"),
                              self.objects_model)
        self.cycles_model = CyclesModel(self)
        self.cycles = _table(self, self.tr("Sync cycles"), self.cycles_model)
        self.cycles.setObjectName("cycles")
        self.detail_model = CycleObjectsModel(self)
        self.detail = _table(self, self.tr("Per object figures of the selected cycle"),
                             self.detail_model)

        now = QGroupBox(self.tr("Now"), self)
        nl = QVBoxLayout(now)
        row = QHBoxLayout()
        row.addWidget(self.phase, 1)
        nl.addLayout(row)
        nl.addWidget(self.progress)
        objects_box = QGroupBox(self.tr("Objects"), self)
        QVBoxLayout(objects_box).addWidget(self.objects)
        cycles_box = QGroupBox(self.tr("Cycles"), self)
        QVBoxLayout(cycles_box).addWidget(self.cycles)
        detail_box = QGroupBox(self.tr("Selected cycle, per object"), self)
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
        self.phase.setText(engine_text.phase(phase) if phase else "")
        if not phase.startswith("first sync"):
            self.progress.hide()

    def set_progress(self, obj: str, done: int, total: int) -> None:
        self.progress.show()
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.progress.setFormat(self.tr("{object}: %v / %m records (%p %)").format(object=obj))
