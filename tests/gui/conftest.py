"""Fixtures for the window's tests (pytest-qt, offscreen): settings in a temporary folder,
a check that no test leaves a thread running, a local org with the demo data, and a
window syncing with it."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThread

from sfsync_gui.localorg.server import RunningOrg, start_local_org
from sfsync_gui.ui import controller as controller_module
from sfsync_gui.ui.controller import SyncController
from sfsync_gui.ui.jobs import RequestResult
from sfsync_gui.ui.main_window import MainWindow
from sfsync_gui.ui.source import org_source

#: one cycle at start, then only when a test asks (sync now / force sync)
INTERVAL = 3600.0
FIRST_CYCLE_MS = 60_000

_threads: weakref.WeakSet[QThread] = weakref.WeakSet()
_controllers: weakref.WeakSet[SyncController] = weakref.WeakSet()
_start = SyncController.start


class TrackedThread(QThread):
    """The controller's QThread, remembered so the fixture below can check on it."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        _threads.add(self)


@pytest.fixture(autouse=True)
def no_thread_left(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fails a test that leaves a sync QThread or a reading thread running."""
    monkeypatch.setattr(controller_module, "QThread", TrackedThread)

    def start(self: SyncController, *args: object, **kwargs: object) -> None:
        _controllers.add(self)
        _start(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(SyncController, "start", start)
    before = {t.ident for t in threading.enumerate()}
    yield
    QCoreApplication.processEvents()
    import shiboken6

    running = [t for t in list(_threads) if shiboken6.isValid(t) and t.isRunning()]
    for c in list(_controllers):  # do not let one leak break the tests after it
        c.shutdown()
    _controllers.clear()
    readers = [t.name for t in threading.enumerate()
               if t.ident not in before and t.name.startswith("sfsync-read")]
    assert not running, f"{len(running)} QThread(s) left running"
    assert not readers, f"reading threads left running: {readers}"


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """QSettings (the window layout) and sign-in profiles of each test live in its own
    folder; no SFSYNC_* connection variable comes from outside."""
    monkeypatch.setenv("SFSYNC_CONFIG_DIR", str(tmp_path / "config"))
    for k in ("SFSYNC_LOGIN_URL", "SFSYNC_CLIENT_ID", "SFSYNC_CLIENT_SECRET"):
        monkeypatch.delenv(k, raising=False)
    folder = tmp_path / "qsettings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("sfsync-gui-tests")
    QCoreApplication.setApplicationName("sfsync-gui-tests")
    yield folder


@pytest.fixture(autouse=True, scope="session")
def english(qapp) -> None:
    """The window speaks English here, as it does for an English user: its catalog gives
    the English plural forms ("1 record", "2 records"). tests/i18n covers the others."""
    from sfsync_gui import i18n
    from sfsync_gui.ui import language

    assert i18n.catalog("en").exists(), "compile the translations: make bootstrap"
    language.install(qapp, "en")


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningOrg]:
    """The local org with the demo data, for the tests of one module."""
    running = start_local_org(tmp_path_factory.mktemp("gui-org"), seed="demo")
    yield running
    running.stop()


@pytest.fixture
def window(qtbot, org: RunningOrg, tmp_path: Path) -> Iterator[MainWindow]:
    """The window syncing with ``org`` into a new store; shown after its first cycle."""
    controller = SyncController()
    win = MainWindow(controller)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.first_cycle_done, timeout=FIRST_CYCLE_MS):
        win.start(org_source(org.facts, tmp_path / "sfsync.db"), interval=INTERVAL)
    win.show()
    yield win
    win.close()
    assert not controller.running


def run_job(qtbot, win: MainWindow, job: Callable) -> RequestResult:
    """Run a write on the sync thread (as the window does) and return its result."""
    with qtbot.waitSignal(win.controller.request_done, timeout=10_000) as blocker:
        assert win.controller.submit(job)
    return blocker.args[0]


def sync_now(qtbot, win: MainWindow) -> object:
    """Ask for a cycle and wait for it; returns its report."""
    with qtbot.waitSignal(win.controller.cycle_done, timeout=30_000) as blocker:
        win.act_sync.trigger()
    return blocker.args[0]
