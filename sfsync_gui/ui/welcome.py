"""The page a new user sees when there is no connection yet: try the demo org, or sign
in to Salesforce; with saved sign-in profiles, the list of them to pick one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ..credentials import Profile
from .icons import app_icon
from .profile_picker import ProfilePicker


class WelcomePage(QWidget):
    """Signals: demo_requested(), sign_in_requested(), profile_chosen(name)."""

    demo_requested = Signal()
    sign_in_requested = Signal()
    profile_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        logo = QLabel(self)
        logo.setPixmap(app_icon().pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        title = QLabel(self.tr("Welcome to sfsync"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        blurb = QLabel(self.tr("sfsync keeps a local database in two-way sync with a "
                               "Salesforce org and shows you that sync: which records are in "
                               "sync, which failed and why, what happened to a person, which "
                               "fields the sync user can reach."), self)
        blurb.setWordWrap(True)
        blurb.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        blurb.setFixedWidth(520)
        blurb.setFixedHeight(blurb.heightForWidth(520))
        self.demo = QPushButton(self.tr("Try the demo org"), self)
        self.demo.setAccessibleName(self.tr("Try the demo org"))
        self.demo.setToolTip(self.tr("A local Salesforce org with sample data, started inside "
                                     "the app: nothing leaves this computer"))
        self.demo.setDefault(True)
        self.sign_in = QPushButton(self.tr("Sign in to Salesforce…"), self)
        self.sign_in.setAccessibleName(self.tr("Sign in to Salesforce"))
        for b in (self.demo, self.sign_in):
            b.setMinimumWidth(260)
            b.setMinimumHeight(36)
        self.picker = ProfilePicker(self)
        self.picker.setFixedWidth(720)
        self.picker.setFixedHeight(240)
        self.picker.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.status.setFixedWidth(520)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for w in (logo, title, blurb):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(24)
        layout.addWidget(self.demo, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.sign_in, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.picker, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addWidget(self.status, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.demo.clicked.connect(self.demo_requested)
        self.sign_in.clicked.connect(self.sign_in_requested)
        self.picker.profile_chosen.connect(self.profile_chosen)
        self.picker.new_sign_in_requested.connect(self.sign_in_requested)
        self.picker.demo_requested.connect(self.demo_requested)

    def set_profiles(self, profiles: list[Profile], selected: str | None = None) -> None:
        """With saved profiles, list them (``selected`` first in line) instead of the two
        buttons; without, the buttons."""
        self.picker.set_profiles(profiles, selected)
        self.picker.setVisible(bool(profiles))
        self.demo.setVisible(not profiles)
        self.sign_in.setVisible(not profiles)

    def set_busy(self, text: str) -> None:
        """While the sync starts: say what happens, buttons off."""
        self.status.setText(text)
        self.demo.setEnabled(not text)
        self.sign_in.setEnabled(not text)
        self.picker.setEnabled(not text)

    def set_error(self, text: str) -> None:
        self.status.setText(text)
        self.demo.setEnabled(True)
        self.sign_in.setEnabled(True)
        self.picker.setEnabled(True)
