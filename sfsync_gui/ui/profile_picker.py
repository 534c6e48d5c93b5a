"""The profile picker: the saved sign-ins (name, user, instance, state) to connect with one,
sign in with a new account, or try the demo org. It sits on the welcome page when several
profiles exist, and in a small dialog behind "Switch profile…"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..credentials import Profile
from . import state_style

NAME_ROLE = Qt.ItemDataRole.UserRole


class ProfilePicker(QWidget):
    """A list of profiles and what to do with them.

    Signals:
        profile_chosen(str): connect with this profile (double-click, Enter, Connect).
        new_sign_in_requested(): "Sign in with a new account".
        demo_requested(): "Try the demo org".
    """

    profile_chosen = Signal(str)
    new_sign_in_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profile-picker")
        self.heading = QLabel(self.tr("Pick a saved sign-in to sync with, or sign in with a new "
                                      "account."), self)
        self.heading.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("profile-list")
        self.list.setAccessibleName(self.tr("Saved sign-ins"))
        self.list.setHeaderLabels([self.tr("Profile"), self.tr("User"), self.tr("Instance"),
                                   self.tr("State")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAllColumnsShowFocus(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.connect_button = QPushButton(self.tr("Connect"), self)
        self.connect_button.setAccessibleName(self.tr("Connect with the selected profile"))
        self.connect_button.setDefault(True)
        self.new_button = QPushButton(self.tr("Sign in with a new account…"), self)
        self.new_button.setAccessibleName(self.tr("Sign in with a new account"))
        self.demo_button = QPushButton(self.tr("Try the demo org"), self)
        self.demo_button.setAccessibleName(self.tr("Try the demo org"))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.connect_button)
        buttons.addStretch()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.demo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.itemActivated.connect(self._activated)
        self.list.currentItemChanged.connect(self._current_changed)
        self.connect_button.clicked.connect(self._connect)
        self.new_button.clicked.connect(self.new_sign_in_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self._current_changed()

    def set_profiles(self, profiles: list[Profile], selected: str | None = None,
                     current: str | None = None) -> None:
        """Show ``profiles``; select ``selected`` (else the first); mark ``current``, the
        one the window syncs with now."""
        self.list.clear()
        failed = state_style.colour("failed")
        pick: QTreeWidgetItem | None = None
        for p in profiles:
            if p.needs_sign_in:
                state = self.tr("Needs sign-in")
            elif p.signed_in_at is None:  # saved without a sign-in (by hand, or an older one)
                state = self.tr("Not signed in yet")
            else:
                state = self.tr("Signed in")
            name = p.name if p.name != current else self.tr("{0} (now)").format(p.name)
            item = QTreeWidgetItem([name, p.username or "—", p.instance_url or p.login_url,
                                    state])
            item.setData(0, NAME_ROLE, p.name)
            item.setToolTip(3, p.state_reason or state)
            item.setToolTip(2, p.login_url)
            if p.needs_sign_in:
                item.setForeground(3, failed)
            self.list.addTopLevelItem(item)
            if pick is None or p.name == selected:
                pick = item
        if pick is not None:
            self.list.setCurrentItem(pick)
        self._current_changed()

    def selected_name(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(0, NAME_ROLE))

    def names(self) -> list[str]:
        return [str(self.list.topLevelItem(i).data(0, NAME_ROLE))
                for i in range(self.list.topLevelItemCount())]

    @Slot()
    def _current_changed(self, *_args: object) -> None:
        self.connect_button.setEnabled(self.list.currentItem() is not None)

    @Slot(QTreeWidgetItem, int)
    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.profile_chosen.emit(str(item.data(0, NAME_ROLE)))

    @Slot()
    def _connect(self) -> None:
        name = self.selected_name()
        if name is not None:
            self.profile_chosen.emit(name)


class ProfilePickerDialog(QDialog):
    """"Switch profile…": the picker in a dialog; it closes once a choice is made, and
    :attr:`choice` says which: ``("profile", name)``, ``("new", None)`` or
    ``("demo", None)``."""

    def __init__(self, profiles: list[Profile], selected: str | None = None,
                 current: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profile-picker-dialog")
        self.setWindowTitle(self.tr("Switch profile — sfsync"))
        self.picker = ProfilePicker(self)
        self.picker.set_profiles(profiles, selected, current)
        self.choice: tuple[str, str | None] | None = None
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker, 1)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(cancel)
        layout.addLayout(row)
        self.picker.profile_chosen.connect(self._profile)
        self.picker.new_sign_in_requested.connect(self._new)
        self.picker.demo_requested.connect(self._demo)
        self.resize(640, 320)

    @Slot(str)
    def _profile(self, name: str) -> None:
        self.choice = ("profile", name)
        self.accept()

    @Slot()
    def _new(self) -> None:
        self.choice = ("new", None)
        self.accept()

    @Slot()
    def _demo(self) -> None:
        self.choice = ("demo", None)
        self.accept()
