"""``sfsync-gui --self-test``: the check a bundle (or a fresh install) passes before anyone
relies on it. It opens the main window offscreen on the demo org in a throw-away folder,
runs one full sync cycle, checks the records view shows rows and that the icons loaded,
prints a short summary and exits 0; any failure or the time-out exits 1 with the reason.

Nothing of the user's is read or written: the demo org, the store and the window's
settings all live in a temporary folder removed at the end, and the sync never connects
to a profile or the SFSYNC_* variables."""

from __future__ import annotations

import logging
import platform
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import PySide6
from PySide6.QtCore import QObject, QSettings, QTimer, Slot, qInstallMessageHandler, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from .. import __version__

log = logging.getLogger("sfsync.ui")

#: the whole test, first sync of the demo org included (about 10 s on 2 cores)
DEFAULT_TIMEOUT_S = 180.0
#: after the first cycle, how long the records view may take to count its rows
ROWS_WAIT_MS = 15_000
ROWS_POLL_MS = 100


@dataclass
class Outcome:
    """What the self-test saw; ``error`` is empty when it passed."""

    error: str = ""
    synced: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def summary(self) -> str:
        """The lines printed at the end, passed or not."""
        head = "sfsync-gui self-test: " + (f"FAILED: {self.error}" if self.error else "OK")
        objects = ", ".join(f"{o} {n}" for o, n in sorted(self.synced.items())) or "none"
        shown = sum(self.rows.values())
        return "\n".join([
            head,
            f"  sfsync-gui {__version__}, Python {platform.python_version()}, "
            f"Qt {qVersion()}, PySide6 {PySide6.__version__}, "
            f"Qt platform {QGuiApplication.platformName() or '?'}",
            f"  records synced: {sum(self.synced.values())} ({objects})",
            f"  records view: {shown} rows in {len(self.rows)} tabs",
            f"  seconds: {self.seconds:.1f}",
        ])


class SelfTest(QObject):
    """Drives the window through one cycle and records the outcome, then quits the app."""

    def __init__(self, window, timeout_s: float, t0: float) -> None:
        super().__init__(window)
        self.window = window
        self.outcome = Outcome()
        self._t0 = t0
        self._report = None
        self._rows_deadline = 0.0
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._timed_out)
        self._watchdog.start(int(timeout_s * 1000))
        self._timeout_s = timeout_s
        c = window.controller
        c.cycle_done.connect(self._on_cycle)
        c.failed.connect(self._on_failed)
        c.crashed.connect(self._on_crashed)
        window.first_cycle_done.connect(self._on_first_cycle)

    @Slot()
    def _timed_out(self) -> None:
        self._finish(f"no complete sync cycle within {self._timeout_s:.0f} s "
                     "(a slow machine: raise it with --self-test-timeout SECONDS)")

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._finish(f"the sync stopped: {message}")

    @Slot(str)
    def _on_crashed(self, text: str) -> None:
        last = text.strip().splitlines()[-1] if text.strip() else "no traceback"
        self._finish(f"the sync thread crashed: {last}")

    @Slot(object)
    def _on_cycle(self, report: object) -> None:
        self._report = report

    @Slot()
    def _on_first_cycle(self) -> None:
        # the window hears cycle_done before we do: read the report once it has reached us
        QTimer.singleShot(0, self._first_cycle_checked)

    def _first_cycle_checked(self) -> None:
        summary = getattr(self._report, "summary", None)
        if summary is None:
            self._finish("the first cycle ended without a report")
            return
        self.outcome.synced = {o: s.new + s.updated for o, s in summary.objects.items()}
        if summary.status != "ok":
            self._finish(f"the first cycle ended '{summary.status}': {summary.message}")
            return
        if not sum(self.outcome.synced.values()):
            self._finish("the first cycle synced no records from the demo org")
            return
        self._rows_deadline = time.monotonic() + ROWS_WAIT_MS / 1000
        self._check_rows()

    def _check_rows(self) -> None:
        pages = self.window.records.pages
        self.outcome.rows = {o: p.model.rowCount() for o, p in pages.items()}
        if sum(self.outcome.rows.values()):
            self._finish("")
        elif time.monotonic() > self._rows_deadline:
            tabs = ", ".join(pages) or "no tabs"
            self._finish(f"the records view shows no rows after the first cycle ({tabs})")
        else:
            QTimer.singleShot(ROWS_POLL_MS, self._check_rows)

    def _finish(self, error: str) -> None:
        if self.outcome.seconds:  # already finished (a late signal)
            return
        self._watchdog.stop()
        self.outcome.error = error
        self.outcome.seconds = max(time.monotonic() - self._t0, 0.05)
        self.window.close()
        QApplication.quit()


def icons_missing() -> list[str]:
    """The packaged icons that did not load (a bundle that forgot its data files)."""
    from . import icons

    missing = []
    if icons.app_icon().isNull():
        missing.append("app icon")
    missing += [f"state icon '{s}'" for s in icons.STATES if icons.state_icon(s).isNull()]
    return missing


def _qt_message(_mode: object, _context: object, message: str) -> None:
    """Qt's messages to stderr as usual, less the offscreen platform's notice that it
    cannot size windows (said for every window; it means nothing for a check)."""
    if "does not support propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _console_for_windowed_exe() -> None:
    """A windowed Windows executable (the bundle's sfsync-gui.exe) has no stdout: print to
    the console it was started from, if any, so build.ps1 shows the summary."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    import ctypes

    if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
        sys.stdout = sys.stderr = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115


def run(timeout_s: float = DEFAULT_TIMEOUT_S) -> int:
    """Run the self-test in this process (the QApplication is made here); returns the exit
    status: 0 passed, 1 failed (the reason is printed)."""
    t0 = time.monotonic()
    _console_for_windowed_exe()
    from .app import make_app
    from .controller import SyncController
    from .crash import CrashHandler
    from .main_window import MainWindow
    from .source import demo_source

    qInstallMessageHandler(_qt_message)
    app = make_app()
    with tempfile.TemporaryDirectory(prefix="sfsync-self-test-") as tmp:
        root = Path(tmp)
        missing = icons_missing()
        if missing:
            outcome = Outcome(error="could not load " + ", ".join(missing),
                              seconds=time.monotonic() - t0)
            print(outcome.summary(), file=sys.stderr)
            return 1
        settings = QSettings(str(root / "window.ini"), QSettings.Format.IniFormat)
        crash = CrashHandler(app, show_dialog=False)
        crash.install()
        window = MainWindow(SyncController(), crash, settings=settings)
        window.remember_layout = False
        test = SelfTest(window, timeout_s, t0)
        try:
            # one cycle now; the next would be an hour away, long after we quit
            window.start(demo_source(root / "demo"), interval=3600)
            window.show()
            app.exec()
        finally:
            window.shutdown()
            crash.uninstall()
            settings.sync()
        outcome = test.outcome
        if not outcome.seconds:  # the loop ended on its own (a signal, another quit)
            outcome.error = outcome.error or "the window closed before the test finished"
            outcome.seconds = time.monotonic() - t0
    print(outcome.summary(), file=sys.stderr if outcome.error else sys.stdout)
    return 1 if outcome.error else 0
