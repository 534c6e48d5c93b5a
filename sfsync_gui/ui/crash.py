"""Bugs reach a crash dialog with the traceback (secrets redacted); the environment's
errors are messages elsewhere. One exception hook for the GUI thread and for Python
threads; reports from other threads travel to the GUI thread by a queued signal."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..salesforce.errors import redact

log = logging.getLogger("sfsync.ui")


def format_exception(etype: type[BaseException], value: BaseException,
                     tb: TracebackType | None) -> str:
    """The traceback as text, with anything that looks like a secret replaced."""
    return redact("".join(traceback.format_exception(etype, value, tb)))


class CrashDialog(QDialog):
    """Shows a bug's traceback; the user may copy it, go on, or quit."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("sfsync hit a bug"))
        self.setObjectName("crash-dialog")
        self.text = text
        intro = QLabel(self.tr("Something went wrong inside sfsync — this is a bug, not "
                               "something you did. Your data is safe: every change is written "
                               "together with its queue entry, so nothing half-done is kept."
                               "\n\nPlease send the report below (secrets are already "
                               "removed) to whoever looks after sfsync. You can go on "
                               "working, or quit."), self)
        intro.setWordWrap(True)
        self.details = QPlainTextEdit(text, self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Crash report"))
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(self)
        self.copy = buttons.addButton(self.tr("&Copy report"),
                                      QDialogButtonBox.ButtonRole.ActionRole)
        self.go_on = buttons.addButton(self.tr("&Go on"), QDialogButtonBox.ButtonRole.RejectRole)
        self.quit = buttons.addButton(self.tr("&Quit"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy.clicked.connect(self._copy)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(720, 480)

    @Slot()
    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)


class CrashHandler(QObject):
    """Installs itself as ``sys.excepthook`` and ``threading.excepthook``.

    Signals: crashed(text) — emitted in the GUI thread for every report.
    """

    crashed = Signal(str)
    _report = Signal(str)

    def __init__(self, parent: QObject | None = None, *, show_dialog: bool = True) -> None:
        super().__init__(parent)
        self.show_dialog = show_dialog
        self.reports: list[str] = []
        self._showing = False
        self._report.connect(self._on_report, Qt.ConnectionType.QueuedConnection)
        self._old_hooks = (sys.excepthook, threading.excepthook)

    def install(self) -> None:
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._old_hooks

    def _excepthook(self, etype: type[BaseException], value: BaseException,
                    tb: TracebackType | None) -> None:
        if issubclass(etype, KeyboardInterrupt):
            QApplication.quit()
            return
        self.report(format_exception(etype, value, tb))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.report(format_exception(args.exc_type, args.exc_value, args.exc_traceback))

    def report(self, text: str) -> None:
        """A bug's traceback from any thread (already redacted or not: redacted here)."""
        text = redact(text)
        log.error("bug:\n%s", text)
        self._report.emit(text)

    @Slot(str)
    def _on_report(self, text: str) -> None:
        self.reports.append(text)
        self.crashed.emit(text)
        if not self.show_dialog or self._showing:
            return
        self._showing = True
        try:
            dialog = CrashDialog(text, QApplication.activeWindow())
            if dialog.exec() == QDialog.DialogCode.Accepted:
                QApplication.exit(70)
        finally:
            self._showing = False
