"""Notifications: a tray message when the desktop has a tray, else the window's message bar.
Used when a cycle produces new failures."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from .icons import app_icon


class Notifier(QObject):
    """Signals: activated() — the tray icon (or its "Show" entry) was clicked."""

    activated = Signal()

    def __init__(self, fallback: Callable[[str], None], parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self.fallback = fallback
        self.sent: list[tuple[str, str]] = []
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.setToolTip("sfsync")
            menu = QMenu()
            show = QAction(self.tr("Show sfsync"), menu)
            show.triggered.connect(self.activated)
            menu.addAction(show)
            self._menu = menu
            self.tray.setContextMenu(menu)
            self.tray.activated.connect(self._on_tray)
            self.tray.show()

    def _on_tray(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.activated.emit()

    def notify(self, title: str, text: str) -> None:
        self.sent.append((title, text))
        if self.tray is not None and self.tray.supportsMessages():
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 10000)
        else:
            self.fallback(f"{title}: {text}")

    def close(self) -> None:
        if self.tray is not None:
            self.tray.hide()
