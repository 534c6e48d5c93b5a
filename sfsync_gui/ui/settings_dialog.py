"""The settings dialog: sync interval, which objects, conflict policy per object and per
field, and the share of the daily API allowance background sync may use. Saved in the
store (by the sync thread) so the command line and the window share them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..store.models import FieldInfo
from ..sync.config import DEFAULT_OBJECTS
from ..sync.settings import POLICIES, SyncSettings
from . import engine_text, language

_ROLE = Qt.ItemDataRole

#: What each conflict policy is called in the window (shown to people: translated here).
POLICY_LABELS = {
    "local_wins": QT_TRANSLATE_NOOP("SettingsDialog", "Local wins"),
    "salesforce_wins": QT_TRANSLATE_NOOP("SettingsDialog", "Salesforce wins"),
    "salesforce_unless_blank": QT_TRANSLATE_NOOP("SettingsDialog",
                                                 "Salesforce wins unless blank"),
    "dont_sync": QT_TRANSLATE_NOOP("SettingsDialog", "Don't sync"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


def _policy_combo(parent: QWidget, current: str, *, allow_default: bool) -> QComboBox:
    box = QComboBox(parent)
    if allow_default:
        box.addItem(QCoreApplication.translate("SettingsDialog", "Default (local wins)"), "")
    for p in POLICIES:
        if p == "dont_sync" and allow_default:
            continue  # an object that should not sync is unticked instead
        box.addItem(_tr(POLICY_LABELS[p]), p)
    i = box.findData(current)
    box.setCurrentIndex(max(0, i))
    return box


class SettingsDialog(QDialog):
    """Edits a copy of :class:`SyncSettings`; :meth:`result_settings` gives it back. The
    window's language is the user's own (``user_settings``, a QSettings): saved on accept,
    used from the next start."""

    def __init__(self, settings: SyncSettings, parent: QWidget | None = None,
                 user_settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings — sfsync"))
        self.setObjectName("settings-dialog")
        self._settings = settings

        self.interval = QSpinBox(self)
        self.interval.setRange(10, 24 * 3600)
        self.interval.setSuffix(self.tr(" s", "seconds"))
        self.interval.setValue(int(settings.interval))
        self.interval.setAccessibleName(self.tr("Seconds between sync cycles"))
        self.budget = QSpinBox(self)
        self.budget.setRange(5, 95)
        self.budget.setSuffix(self.tr(" %", "percent"))
        self.budget.setValue(round(settings.budget_share * 100))
        self.budget.setAccessibleName(
            self.tr("Share of the daily API allowance for background sync"))
        self.budget.setToolTip(self.tr("Background sync pauses when the org has used this "
                                       "share of its daily API calls; force sync still works "
                                       "up to 95 %."))
        self._user_settings = user_settings
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language of the window"))
        self.language.setToolTip(self.tr("Automatic follows the language of your computer. "
                                         "A new choice applies the next time sfsync starts."))
        self.language.addItem(self.tr("Automatic"), i18n.AUTOMATIC)
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)  # each in its own language, never translated
        chosen = (language.stored_choice(user_settings) if user_settings is not None
                  else i18n.AUTOMATIC)
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        self.language.setEnabled(user_settings is not None)
        self._language_note = QLabel(self.tr("The new language applies the next time sfsync "
                                             "starts."), self)
        self._language_note.setWordWrap(True)
        self._language_note.hide()
        self.language.currentIndexChanged.connect(self._language_changed)
        form = QFormLayout()
        form.addRow(self.tr("Sync every"), self.interval)
        form.addRow(self.tr("API budget for background sync"), self.budget)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow("", self._language_note)

        self.objects = QTableWidget(len(DEFAULT_OBJECTS), 3, self)
        self.objects.setAccessibleName(
            self.tr("Objects: synced or not, direction, conflict policy"))
        self.objects.setHorizontalHeaderLabels([self.tr("Object"), self.tr("Direction"),
                                                self.tr("Conflict policy")])
        self.objects.verticalHeader().hide()
        self.objects.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self._object_policy: dict[str, QComboBox] = {}
        for row, (obj, direction) in enumerate(DEFAULT_OBJECTS.items()):
            item = QTableWidgetItem(obj)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if obj in settings.disabled
                               else Qt.CheckState.Checked)
            self.objects.setItem(row, 0, item)
            d = QTableWidgetItem(engine_text.direction(direction))
            d.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.objects.setItem(row, 1, d)
            combo = _policy_combo(self, settings.policies.get((obj, ""), ""),
                                  allow_default=True)
            combo.setEnabled(direction == "two_way")
            combo.setAccessibleName(self.tr("Conflict policy of {object}").format(object=obj))
            self._object_policy[obj] = combo
            self.objects.setCellWidget(row, 2, combo)
        self.objects.setWordWrap(False)
        for col in (0, 1):
            self.objects.horizontalHeader().setSectionResizeMode(
                col, QHeaderView.ResizeMode.ResizeToContents)
        self.objects.horizontalHeader().setStretchLastSection(True)
        objects_box = QGroupBox(self.tr("Objects (untick to stop syncing one)"), self)
        QVBoxLayout(objects_box).addWidget(self.objects)

        self.fields = QTableWidget(0, 3, self)
        self.fields.setAccessibleName(self.tr("Conflict policies of single fields"))
        self.fields.setHorizontalHeaderLabels([self.tr("Object"), self.tr("Field"),
                                               self.tr("Policy")])
        self.fields.verticalHeader().hide()
        self.fields.horizontalHeader().setStretchLastSection(True)
        self.new_object = QComboBox(self)
        self.new_object.setAccessibleName(self.tr("Object of a new field policy"))
        self.new_object.addItems([o for o, d in DEFAULT_OBJECTS.items() if d == "two_way"])
        self.new_field = QComboBox(self)
        self.new_field.setAccessibleName(self.tr("Field of a new field policy"))
        self.new_field.setEditable(True)
        self.add_field = QPushButton(self.tr("&Add"), self)
        self.add_field.setAccessibleName(self.tr("Add a field policy"))
        self.remove_field = QPushButton(self.tr("&Remove"), self)
        self.remove_field.setAccessibleName(self.tr("Remove the selected field policy"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_object)
        add_row.addWidget(self.new_field, 1)
        add_row.addWidget(self.add_field)
        add_row.addWidget(self.remove_field)
        fields_box = QGroupBox(self.tr("Field policies (override the object's)"), self)
        fl = QVBoxLayout(fields_box)
        fl.addWidget(self.fields)
        fl.addLayout(add_row)
        for (obj, name), policy in sorted(settings.policies.items()):
            if name:
                self._add_field_row(obj, name, policy)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(objects_box, 3)
        layout.addWidget(fields_box, 2)
        layout.addWidget(QLabel(self.tr("Sync changes apply from the next sync cycle."), self))
        layout.addWidget(buttons)
        self.new_object.currentTextChanged.connect(self._fill_fields)
        self.add_field.clicked.connect(self._add_clicked)
        self.remove_field.clicked.connect(self._remove_clicked)
        self._fill_fields(self.new_object.currentText())
        self.resize(640, 720)

    @Slot(int)
    def _language_changed(self, _index: int) -> None:
        self._language_note.setVisible(self.language_choice() != (
            language.stored_choice(self._user_settings) if self._user_settings is not None
            else i18n.AUTOMATIC))

    def language_choice(self) -> str:
        """The language picked ("" for automatic)."""
        return str(self.language.currentData() or "")

    def accept(self) -> None:
        if self._user_settings is not None:
            language.store_choice(self._user_settings, self.language_choice())
        super().accept()

    @Slot(str)
    def _fill_fields(self, obj: str) -> None:
        self.new_field.clear()
        names = [f.name for f in FieldInfo.select(FieldInfo.name).where(
            (FieldInfo.object == obj) & (FieldInfo.readable == True))  # noqa: E712
            .order_by(FieldInfo.name)]
        self.new_field.addItems(names)

    def _add_field_row(self, obj: str, name: str, policy: str) -> None:
        row = self.fields.rowCount()
        self.fields.insertRow(row)
        for col, text in enumerate((obj, name)):
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.fields.setItem(row, col, item)
        combo = _policy_combo(self, policy, allow_default=False)
        combo.setAccessibleName(self.tr("Conflict policy of {object}.{field}").format(
            object=obj, field=name))
        self.fields.setCellWidget(row, 2, combo)

    @Slot()
    def _add_clicked(self) -> None:
        obj, name = self.new_object.currentText(), self.new_field.currentText().strip()
        if not name:
            return
        for row in range(self.fields.rowCount()):
            if (self.fields.item(row, 0).text(), self.fields.item(row, 1).text()) == (obj,
                                                                                      name):
                return
        self._add_field_row(obj, name, "salesforce_wins")

    @Slot()
    def _remove_clicked(self) -> None:
        rows = sorted({i.row() for i in self.fields.selectedIndexes()}, reverse=True)
        for row in rows:
            self.fields.removeRow(row)

    def result_settings(self) -> SyncSettings:
        """The settings as edited."""
        policies: dict[tuple[str, str], str] = {}
        disabled = []
        for row, obj in enumerate(DEFAULT_OBJECTS):
            if self.objects.item(row, 0).checkState() != Qt.CheckState.Checked:
                disabled.append(obj)
            p = self._object_policy[obj].currentData()
            if p:
                policies[(obj, "")] = p
        for row in range(self.fields.rowCount()):
            combo = self.fields.cellWidget(row, 2)
            policies[(self.fields.item(row, 0).text(), self.fields.item(row, 1).text())] = (
                combo.currentData())  # type: ignore[union-attr]
        return SyncSettings(interval=float(self.interval.value()),
                            budget_share=self.budget.value() / 100, disabled=disabled,
                            policies=policies)
