"""The person view: a record's fields (local value, Salesforce value, pending change), its
person's activity timeline with a filter, Force sync, and "Sync to Salesforce" for a
person who exists only locally."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..store import Store
from ..store.models import FieldInfo
from . import language, reads, state_style
from .reads import ActivityRow, FieldRow, PersonDetail
from .table_model import Index, RowsModel
from .values import ValueRefused, display, edit_text, parse_typed

_ROLE = Qt.ItemDataRole
_FLAG = Qt.ItemFlag

#: activity kind -> its label in context "Activity" (translated when shown: :func:`kind_label`)
KIND_LABELS = {
    "created": QT_TRANSLATE_NOOP("Activity", "Created"),
    "updated": QT_TRANSLATE_NOOP("Activity", "Updated"),
    "pushed": QT_TRANSLATE_NOOP("Activity", "Pushed"),
    "push_failed": QT_TRANSLATE_NOOP("Activity", "Push failed"),
    "conflict": QT_TRANSLATE_NOOP("Activity", "Conflict"),
    "linked": QT_TRANSLATE_NOOP("Activity", "Linked by email"),
    "converted": QT_TRANSLATE_NOOP("Activity", "Converted"),
    "merged": QT_TRANSLATE_NOOP("Activity", "Merged"),
    "deleted": QT_TRANSLATE_NOOP("Activity", "Deleted"),
    "undeleted": QT_TRANSLATE_NOOP("Activity", "Undeleted"),
    "force_synced": QT_TRANSLATE_NOOP("Activity", "Force-synced"),
    "skipped_no_access": QT_TRANSLATE_NOOP("Activity", "Skipped (no access)"),
    "retried": QT_TRANSLATE_NOOP("Activity", "Retried"),
    "backfilled": QT_TRANSLATE_NOOP("Activity", "Backfilled"),
}
KIND_STATE = {"pushed": "synced", "push_failed": "failed", "conflict": "conflict",
              "deleted": "deleted", "created": "local_only", "updated": "pending",
              "force_synced": "synced", "retried": "pending"}


def kind_label(kind: str) -> str:
    """An activity kind in the window's language (an unknown kind as it is)."""
    text = KIND_LABELS.get(kind)
    return QCoreApplication.translate("Activity", text) if text else kind


class PersonFieldsModel(RowsModel):
    """A record's fields; the local value is editable for two-way objects.

    Signals: edit_requested(obj, local_id, changes), message(text).
    """

    headers = (
        QT_TRANSLATE_NOOP("Columns", "Field"),
        QT_TRANSLATE_NOOP("Columns", "Local value"),
        QT_TRANSLATE_NOOP("Columns", "Salesforce value"),
        QT_TRANSLATE_NOOP("Columns", "Pending change"),
    )
    edit_requested = Signal(str, int, dict)
    message = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.obj = ""
        self.local_id = 0
        self._infos: dict[str, FieldInfo] = {}

    def show(self, detail: PersonDetail, infos: dict[str, FieldInfo]) -> None:
        self.obj, self.local_id, self._infos = detail.obj, detail.local_id, infos
        self.set_rows(detail.fields)

    def field(self, row: int) -> FieldRow:
        return self.row_values(row)  # type: ignore[return-value]

    def cell(self, row: int, column: int, role: int) -> object:
        f = self.field(row)
        if role == _ROLE.DisplayRole:
            if column == 0:
                return f.label
            if column == 1:
                return display(f.local, f.type)
            if column == 2:
                return display(f.salesforce, f.type) if f.salesforce_known else "—"
            return {"pending": self.tr("Waiting to be pushed"),
                    "failed": self.tr("Push failed"),
                    "not synced": self.tr("Not synced")}.get(f.change, "")
        if role == _ROLE.EditRole and column == 1:
            return edit_text(f.local, f.type)
        if role == _ROLE.ToolTipRole:
            if column == 0:
                return f"{f.name} ({f.type})"
            if column == 3 and f.error:
                return f.error
        if role == _ROLE.ForegroundRole and column == 3 and f.change in ("pending", "failed"):
            return state_style.colour(f.change)
        if role == _ROLE.DecorationRole and column == 3 and f.change in ("pending", "failed"):
            return state_style.icon(f.change)
        if role == _ROLE.FontRole and column == 1 and f.change:
            font = QFont()
            font.setBold(f.change in ("pending", "failed"))
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 1 and self.field(index.row()).editable:
            return base | _FLAG.ItemIsEditable
        return base

    def setData(self, index: Index, value: object, role: int = _ROLE.EditRole) -> bool:
        if role != _ROLE.EditRole or not (self.flags(index) & _FLAG.ItemIsEditable):
            return False
        f = self.field(index.row())
        info = self._infos.get(f.name)
        if info is None:
            return False
        try:
            parsed = parse_typed(self.obj, info, value)
        except ValueRefused as exc:
            self.message.emit(str(exc))
            return False
        if parsed == f.local:
            return False
        self.edit_requested.emit(self.obj, self.local_id, {f.name: parsed})
        return True


class ActivityModel(RowsModel):
    """The timeline: when, record, what, detail."""

    headers = (
        QT_TRANSLATE_NOOP("Columns", "When"),
        QT_TRANSLATE_NOOP("Columns", "Record"),
        QT_TRANSLATE_NOOP("Columns", "What"),
        QT_TRANSLATE_NOOP("Columns", "Detail"),
    )

    def cell(self, row: int, column: int, role: int) -> object:
        a: ActivityRow = self.row_values(row)  # type: ignore[assignment]
        if role == _ROLE.DisplayRole:
            if column == 0:
                return language.date_time(a.at + "+00:00")  # the log keeps UTC
            return (a.at, a.record, kind_label(a.kind), a.detail)[column]
        if role == _ROLE.UserRole:
            return a.kind
        if role == _ROLE.ToolTipRole and column == 3:
            return a.detail
        if role == _ROLE.DecorationRole and column == 2 and a.kind in KIND_STATE:
            return state_style.icon(KIND_STATE[a.kind])
        return None


class ActivityFilter(QSortFilterProxyModel):
    """Filters the timeline by kind and by text in any column."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.kind: str | None = None
        self.text = ""

    def set_filter(self, kind: str | None, text: str) -> None:
        self.beginFilterChange()
        self.kind, self.text = kind, text.strip().lower()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if self.kind and model.index(source_row, 0, source_parent).data(
                _ROLE.UserRole) != self.kind:
            return False
        if not self.text:
            return True
        return any(self.text in str(model.index(source_row, c, source_parent).data()).lower()
                   for c in range(model.columnCount()))


class PersonView(QWidget):
    """The person (or any record) the user picked.

    Signals:
        force_sync_requested(key), edit_requested(obj, local_id, changes), message(text).
    """

    force_sync_requested = Signal(str)
    edit_requested = Signal(str, int, dict)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("person-view")
        self._store: Store | None = None
        self._two_way: set[str] = set()
        self.detail: PersonDetail | None = None

        self.title = QLabel(self.tr("Pick a record in the Records view to see it here."), self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.records = QComboBox(self)
        self.records.setAccessibleName(self.tr("Records of this person"))
        self.records.setToolTip(self.tr("A converted Lead and its Contact are one person"))
        self.force = QPushButton(self.tr("Force sync"), self)
        self.force.setAccessibleName(self.tr("Force sync this person"))
        self.force.setToolTip(self.tr("Sync this person both ways now (Ctrl+Shift+F)"))
        self.push = QPushButton(self.tr("Sync to Salesforce"), self)
        self.push.setAccessibleName(self.tr("Create this person in Salesforce now"))
        self.push.setToolTip(
            self.tr("This person exists only here: create it in Salesforce now"))
        for w in (self.force, self.push):
            w.setEnabled(False)
        self.push.hide()
        self.records.hide()

        self.fields_model = PersonFieldsModel(self)
        self.fields = QTableView(self)
        self.fields.setAccessibleName(
            self.tr("Fields: local value, Salesforce value, pending change"))
        self.fields.setModel(self.fields_model)
        self.fields.verticalHeader().hide()
        self.fields.setAlternatingRowColors(True)
        self.fields.setWordWrap(False)
        self.fields.verticalHeader().setDefaultSectionSize(
            self.fields.fontMetrics().height() + 8)
        self.fields.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fields.horizontalHeader().setStretchLastSection(True)
        self.fields.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive)
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                    | QAbstractItemView.EditTrigger.EditKeyPressed)

        self.activity_model = ActivityModel(self)
        self.activity_filter = ActivityFilter(self)
        self.activity_filter.setSourceModel(self.activity_model)
        self.activity = QTableView(self)
        self.activity.setAccessibleName(self.tr("Activity log"))
        self.activity.setModel(self.activity_filter)
        self.activity.verticalHeader().hide()
        self.activity.setAlternatingRowColors(True)
        self.activity.setWordWrap(True)
        self.activity.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.activity.horizontalHeader().setStretchLastSection(True)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Show activity of kind"))
        self.kind.addItem(self.tr("Everything"), None)
        for kind in KIND_LABELS:
            self.kind.addItem(kind_label(kind), kind)
        self.filter_text = QLineEdit(self)
        self.filter_text.setPlaceholderText(self.tr("Filter the activity"))
        self.filter_text.setAccessibleName(self.tr("Filter the activity by text"))
        self.filter_text.setClearButtonEnabled(True)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        fields_page = QWidget(self)
        fl = QVBoxLayout(fields_page)
        fl.setContentsMargins(0, 4, 0, 0)
        fl.addWidget(self.fields)
        activity_page = QWidget(self)
        al = QVBoxLayout(activity_page)
        al.setContentsMargins(0, 4, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.filter_text, 1)
        al.addLayout(row)
        al.addWidget(self.activity)
        self.tabs.addTab(fields_page, self.tr("Fields"))
        self.tabs.addTab(activity_page, self.tr("Activity"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.records, 1)
        buttons.addStretch()
        buttons.addWidget(self.force)
        buttons.addWidget(self.push)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)

        self.force.clicked.connect(self._force_sync)
        self.push.clicked.connect(self._force_sync)
        self.records.activated.connect(self._pick_record)
        self.kind.currentIndexChanged.connect(self._filter)
        self.filter_text.textChanged.connect(self._filter)
        self.fields_model.edit_requested.connect(self.edit_requested)
        self.fields_model.message.connect(self.message)

    def attach(self, store: Store, two_way: set[str]) -> None:
        self._store, self._two_way = store, set(two_way)

    def show_record(self, obj: str, local_id: int) -> bool:
        """Show ``obj:local_id`` and its person; False if there is no such record."""
        if self._store is None:
            return False
        detail = reads.person_detail(self._store, obj, local_id, two_way=obj in self._two_way)
        if detail is None:
            return False
        self.detail = detail
        self.title.setText(detail.title)
        state = state_style.label(detail.state)
        sf = detail.sf_id or self.tr("not in Salesforce yet")
        colour = state_style.colour(detail.state).name()
        facts = (f"{detail.key} · {sf} · <span style='color:{colour}'>&#9679; {state}</span>")
        if detail.error:
            facts += "<br>" + self.tr("Last error: {error}").format(error=_escape(detail.error))
        self.facts.setText(facts)
        self.records.clear()
        for o, lid in detail.records:
            self.records.addItem(f"{o}:{lid}", (o, lid))
            if (o, lid) == (obj, local_id):
                self.records.setCurrentIndex(self.records.count() - 1)
        self.records.setVisible(len(detail.records) > 1)
        self.fields_model.show(detail, {f.name: f for f in self._store.fields(obj)})
        for column, widest in ((0, 150), (1, 170), (2, 170)):
            self.fields.resizeColumnToContents(column)
            self.fields.setColumnWidth(column, min(self.fields.columnWidth(column), widest))
        self.activity_model.set_rows(detail.activity)
        self.activity.setColumnHidden(1, len(detail.records) < 2)
        for column in (0, 1, 2):
            self.activity.resizeColumnToContents(column)
        self.activity.resizeRowsToContents()
        self.force.setEnabled(not detail.deleted and not detail.local_only)
        self.push.setVisible(detail.local_only)
        self.push.setEnabled(detail.local_only)
        return True

    def reload(self) -> None:
        if self.detail is not None:
            self.show_record(self.detail.obj, self.detail.local_id)

    def shows(self, obj: str, local_id: int) -> bool:
        d = self.detail
        return d is not None and any(r == (obj, local_id) for r in d.records)

    @Slot()
    def _force_sync(self) -> None:
        if self.detail is not None:
            self.force_sync_requested.emit(self.detail.key)

    @Slot(int)
    def _pick_record(self, index: int) -> None:
        data = self.records.itemData(index)
        if data:
            self.show_record(*data)

    @Slot()
    def _filter(self, *_args: object) -> None:
        self.activity_filter.set_filter(self.kind.currentData(), self.filter_text.text())

    def activity_kinds(self) -> list[str]:
        """The kinds shown (after the filter), newest first (for tests and the hook)."""
        m = self.activity_filter
        return [m.index(r, 0).data(_ROLE.UserRole) for r in range(m.rowCount())]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
