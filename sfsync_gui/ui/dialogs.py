"""Small dialogs: a new person, and sign-in (until the credentials work lands, it explains
the two ways in: the SFSYNC_* variables, or the demo org)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
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
        self.setWindowTitle("New person — sfsync")
        self.setObjectName("new-person-dialog")
        self._store = store
        self.object = QComboBox(self)
        self.object.setAccessibleName("Create as")
        self.object.addItems([o for o in ("Lead", "Contact") if o in objects])
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {state_style.colour('failed').name()}")
        self.error.hide()
        self.form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        layout = QVBoxLayout(self)
        top = QFormLayout()
        top.addRow("Create as", self.object)
        layout.addLayout(top)
        layout.addLayout(self.form)
        note = QLabel("The person exists here until the next sync creates it in Salesforce "
                      "(or links it to the Lead or Contact with the same email).", self)
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
                        raise ValueRefused(f"{infos[name].label} is required")
                    continue
                values[name] = parse_typed(obj, infos[name], text)
        except ValueRefused as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self._values = values
        self.accept()


class SignInDialog(QDialog):
    """How to connect to Salesforce. Signals: demo_requested()."""

    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sign in to Salesforce — sfsync")
        self.setObjectName("sign-in-dialog")
        text = QLabel(
            "<p><b>Signing in from the window is on its way.</b> Until then, sign in once "
            "in a terminal; the window then uses that profile (its secrets stay in the "
            "system keyring):</p>"
            "<p><code>sfsync connect --name acme --login-url acme.my.salesforce.com "
            "--client-id ...</code><br>then <code>sfsync-gui</code> (or "
            "<code>sfsync-gui --profile acme</code> when there are several).</p>"
            "<p>Or set these environment variables (a connected app with the "
            "client-credentials flow, run as the sync user); they are never written "
            "anywhere:<br>"
            "<code>SFSYNC_LOGIN_URL</code> (your My Domain URL), "
            "<code>SFSYNC_CLIENT_ID</code>, <code>SFSYNC_CLIENT_SECRET</code>, and "
            "<code>SFSYNC_CA_FILE</code> only for a private certificate authority.</p>"
            "<p>Or try the demo org: a local Salesforce org with sample data, started "
            "inside the app.</p>", self)
        text.setWordWrap(True)
        text.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        demo = buttons.addButton("Try the demo org", QDialogButtonBox.ButtonRole.AcceptRole)
        demo.setAccessibleName("Try the demo org")
        buttons.rejected.connect(self.reject)
        demo.clicked.connect(self._demo)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addStretch()
        layout.addWidget(buttons)
        self.resize(520, 320)

    @Slot()
    def _demo(self) -> None:
        self.demo_requested.emit()
        self.accept()
