"""The Records view: a tab per synced object, each a searchable, filterable, sortable
table over a :class:`RecordsModel`."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..store import Store
from . import language, state_style
from .reader import Reader
from .records_model import RecordsModel
from .values import record_columns

#: (state, label in context "SyncState"; translated when the combo box is filled)
STATE_FILTERS = [(None, QT_TRANSLATE_NOOP("SyncState", "All states")),
                 *((s, state_style.LABELS[s]) for s in ("synced", "pending", "failed",
                                                         "conflict", "local_only", "deleted"))]
SEARCH_DELAY_MS = 250


class RecordsPage(QWidget):
    """One object's records.

    Signals:
        record_selected(obj, local_id): the current row changed.
        record_activated(obj, local_id): a row was double-clicked or Enter pressed.
    """

    record_selected = Signal(str, int)
    record_activated = Signal(str, int)

    def __init__(self, store: Store, reader: Reader, obj: str, *, two_way: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.obj = obj
        self.model = RecordsModel(store, reader, obj,
                                  record_columns(store, obj, two_way=two_way),
                                  two_way=two_way, parent=self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search name, email, company or Salesforce Id"))
        self.search.setToolTip(self.tr("Finds records whose name, email, company or Salesforce "
                                       "Id starts with the text; @domain finds an email domain"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search {object} records").format(object=obj))
        self.state = QComboBox(self)
        self.state.setAccessibleName(
            self.tr("Filter {object} records by sync state").format(object=obj))
        for value, text in STATE_FILTERS:
            self.state.addItem(state_style.icon(value) if value else QIcon(),
                               QCoreApplication.translate("SyncState", text), value)
        self.count = QLabel(self)
        self.count.setAccessibleName(self.tr("{object} record count").format(object=obj))
        self.table = QTableView(self)
        self.table.setObjectName(f"records-{obj}")
        self.table.setAccessibleName(self.tr("{object} records").format(object=obj))
        self.table.setModel(self.model)
        # no indicator first: enabling sorting sorts by the indicator's column at once
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setDefaultSectionSize(150)
        header.resizeSection(0, 110)
        header.setStretchLastSection(False)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.state)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._apply_search)
        self.state.currentIndexChanged.connect(self._apply_state)
        self.model.modelReset.connect(self._update_count)
        self.model.loaded.connect(self._update_count)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.activated.connect(self._on_activated)
        self.model.set_query(self.model.query)

    # -- behaviour ---------------------------------------------------------------------------

    @Slot()
    def _apply_search(self) -> None:
        self._debounce.stop()
        self.model.set_search(self.search.text())

    @Slot(int)
    def _apply_state(self, _index: int) -> None:
        self.model.set_state_filter(self.state.currentData())

    @Slot()
    def _update_count(self) -> None:
        n = self.model.rowCount()
        q = self.model.query
        # %n is written by Qt without thousands separators: the number goes in as {count}
        text = (self.tr("{count} found", "records matching the search", n)
                if q.search.strip() or q.state else self.tr("{count} record(s)", "", n))
        text = text.format(count=language.number(n))
        if self.model.loading:
            text += " …"
        self.count.setText(text)

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, *_args: object) -> None:
        lid = self.current_local_id()
        if lid is not None:
            self.record_selected.emit(self.obj, lid)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        lid = self.model.local_id(index.row())
        if lid is not None:
            self.record_activated.emit(self.obj, lid)

    def current_local_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.local_id(index.row()) if index.isValid() else None

    def select_local_id(self, local_id: int) -> bool:
        """Make ``local_id`` the current row, if it is shown."""
        row = self.model.row_of(local_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        self.table.scrollTo(index)
        return True

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def close(self) -> bool:  # type: ignore[override]
        self.model.close()
        return super().close()


class RecordsView(QTabWidget):
    """A tab per synced object whose table exists.

    Signals: record_selected(obj, local_id), record_activated(obj, local_id), message(str),
    edit_requested(obj, local_id, changes), page_added(obj).
    """

    record_selected = Signal(str, int)
    record_activated = Signal(str, int)
    message = Signal(str)
    edit_requested = Signal(str, int, dict)
    page_added = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Synced objects"))
        self.setDocumentMode(True)
        self.pages: dict[str, RecordsPage] = {}
        #: shown first, until the user picks a tab: people are what the app is about
        self.preferred = "Lead"
        self._user_chose = False
        self.tabBarClicked.connect(self._chosen)
        self._store: Store | None = None
        self._reader: Reader | None = None
        self._objects: dict[str, str] = {}

    def attach(self, store: Store, reader: Reader, objects: dict[str, str]) -> None:
        """Show the objects (name -> direction) of ``store``, in order."""
        self._store, self._reader, self._objects = store, reader, dict(objects)
        self.add_new_objects()

    def add_new_objects(self) -> None:
        """Add tabs for objects whose table appeared (their first sync started)."""
        if self._store is None or self._reader is None:
            return
        for obj, direction in self._objects.items():
            if obj in self.pages or not self._store.table(obj).exists():
                continue
            if not self._store.table(obj).columns():
                continue
            page = RecordsPage(self._store, self._reader, obj,
                               two_way=direction == "two_way", parent=self)
            page.record_selected.connect(self.record_selected)
            page.record_activated.connect(self.record_activated)
            page.model.message.connect(self.message)
            page.model.edit_requested.connect(self.edit_requested)
            self.pages[obj] = page
            order = list(self._objects)
            pos = sum(1 for o in order[:order.index(obj)] if o in self.pages)
            self.insertTab(pos, page, obj)
            if obj == self.preferred and not self._user_chose:
                self.setCurrentWidget(page)
            self.page_added.emit(obj)

    @Slot(int)
    def _chosen(self, _index: int) -> None:
        self._user_chose = True

    def current_page(self) -> RecordsPage | None:
        page = self.currentWidget()
        return page if isinstance(page, RecordsPage) else None

    def show_object(self, obj: str) -> RecordsPage | None:
        page = self.pages.get(obj)
        if page is not None:
            self.setCurrentWidget(page)
        return page

    def refresh(self) -> None:
        for page in self.pages.values():
            page.model.refresh()

    def close_models(self) -> None:
        for page in self.pages.values():
            page.model.close()

    def clear_pages(self) -> None:
        """Forget the store: close the models, drop every tab (the window switches to
        another profile's store)."""
        self.close_models()
        for page in self.pages.values():
            self.removeTab(self.indexOf(page))
            page.deleteLater()
        self.pages.clear()
        self._store = self._reader = None
        self._user_chose = False
