"""Small dialogs: a new person. (Signing in has its own module: :mod:`.signin_dialog`.)"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..store import Store
from ..store.models import FieldInfo
from . import state_style
from .values import ValueRefused, parse_typed

#: fields the new-person dialog asks for, per object (required ones first)
PERSON_FIELDS = {
    "Lead": ("LastName", "Company", "FirstName", "Email", "Phone", "Title"),
    "Contact": ("LastName", "FirstName", "Email", "Phone", "Title"),
}
REQUIRED = {"Lead": ("LastName", "Company"), "Contact": ("LastName",)}


class NewPersonDialog(QDialog):
    """Asks for a new Lead or Contact; :meth:`values` gives the checked, typed fields."""

    def __init__(self, store: Store, objects: list[str], parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New person — sfsync"))
        self.setObjectName("new-person-dialog")
        self.setMinimumWidth(400)  # room for the note in the longer languages
        self._store = store
        self.object = QComboBox(self)
        self.object.setAccessibleName(self.tr("Create as"))
        self.object.addItems([o for o in ("Lead", "Contact") if o in objects])
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {state_style.colour('failed').name()}")
        self.error.hide()
        self.form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        layout = QVBoxLayout(self)
        top = QFormLayout()
        top.addRow(self.tr("Create as"), self.object)
        layout.addLayout(top)
        layout.addLayout(self.form)
        note = QLabel(self.tr("The person exists here until the next sync creates it in "
                              "Salesforce (or links it to the Lead or Contact with the same "
                              "email)."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.object.currentTextChanged.connect(self._build)
        self._build(self.object.currentText())
        self._values: dict[str, object] = {}

    @Slot(str)
    def _build(self, obj: str) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.edits = {}
        infos = self._infos(obj)
        for name in PERSON_FIELDS.get(obj, ()):
            info = infos.get(name)
            if info is None or not info.createable:
                continue
            edit = QLineEdit(self)
            label = info.label + (" *" if name in REQUIRED.get(obj, ()) else "")
            edit.setAccessibleName(info.label)
            self.form.addRow(label, edit)
            self.edits[name] = edit

    def _infos(self, obj: str) -> dict[str, FieldInfo]:
        return self._store.synced_fields(obj) if obj else {}

    @property
    def obj(self) -> str:
        return self.object.currentText()

    def values(self) -> dict[str, object]:
        return dict(self._values)

    @Slot()
    def _accept(self) -> None:
        obj = self.obj
        infos = self._infos(obj)
        values: dict[str, object] = {}
        try:
            for name, edit in self.edits.items():
                text = edit.text().strip()
                if not text:
                    if name in REQUIRED.get(obj, ()):
                        raise ValueRefused(self.tr("{field} is required").format(
                            field=infos[name].label))
                    continue
                values[name] = parse_typed(obj, infos[name], text)
        except ValueRefused as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self._values = values
        self.accept()
