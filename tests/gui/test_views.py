"""The window without a sync: the welcome page and sign-in, the crash dialog, the status
bar, shortcuts, accessible names, the remembered layout, the palette, and
``sfsync-gui`` with no display."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QTableView

from sfsync_gui.gui_main import has_display
from sfsync_gui.gui_main import main as gui_main
from sfsync_gui.sync import CycleSummary
from sfsync_gui.ui import state_style
from sfsync_gui.ui.controller import SyncController
from sfsync_gui.ui.crash import CrashDialog, CrashHandler
from sfsync_gui.ui.main_window import MainWindow
from sfsync_gui.ui.source import DEMO, PROFILE, choose_source
from sfsync_gui.ui.statusbar import SyncStatusBar, _clock
from sfsync_gui.ui.worker import CycleReport


@pytest.fixture
def idle(qtbot) -> MainWindow:
    win = MainWindow(SyncController())
    qtbot.addWidget(win)
    win.show()
    return win


def test_with_no_connection_the_welcome_page_offers_the_demo_and_sign_in(
        idle: MainWindow) -> None:
    assert choose_source(demo=False, db=None) is None
    assert idle.stack.currentWidget() is idle.welcome
    assert idle.welcome.demo.text() == "Try the demo org"
    assert idle.welcome.sign_in.accessibleName() == "Sign in to Salesforce"
    assert not idle.act_sync.isEnabled() and idle.act_demo.isEnabled()
    assert idle.status.state == "idle"


def test_the_one_saved_profile_is_used_and_several_need_a_choice(tmp_path: Path) -> None:
    from sfsync_gui.credentials import Profile, ProfileStore

    store = ProfileStore()
    store.save(Profile.new("acme", "acme.my.salesforce.com", "pkce", "3MVG9client"))
    source = choose_source(demo=False, db=tmp_path / "s.db")
    assert source.kind == PROFILE and source.profile == "acme"
    assert source.label == "Salesforce (acme)"
    store.save(Profile.new("beta", "sandbox", "pkce", "3MVG9other"))
    assert choose_source(demo=False, db=None) is None
    assert choose_source(demo=False, db=None, profile="beta").profile == "beta"


def test_the_demo_button_starts_the_demo(idle: MainWindow, monkeypatch: pytest.MonkeyPatch,
                                         tmp_path: Path) -> None:
    started: list[object] = []
    monkeypatch.setattr(idle.controller, "start", lambda s, **kw: started.append(s))
    idle.demo_data = tmp_path / "demo"
    idle.welcome.demo.click()
    assert started[0].kind == DEMO and started[0].db_path == tmp_path / "demo" / "sfsync.db"
    assert "Starting the demo org" in idle.welcome.status.text()


def test_a_bug_reaches_the_crash_dialog_with_secrets_redacted(qtbot) -> None:
    handler = CrashHandler(show_dialog=False)
    with qtbot.waitSignal(handler.crashed) as got:
        try:
            raise ValueError("refresh failed: refresh_token=5Aep861secretvalue client_secret="
                             "ABCDEF123")
        except ValueError as exc:
            handler._excepthook(type(exc), exc, exc.__traceback__)
    text = got.args[0]
    assert "ValueError" in text and "5Aep861secretvalue" not in text
    assert "ABCDEF123" not in text
    dialog = CrashDialog(text)
    qtbot.addWidget(dialog)
    assert dialog.details.toPlainText() == text
    dialog.copy.click()
    assert QGuiApplication.clipboard().text() == text


def test_the_status_bar_shows_state_last_cycle_countdown_and_usage(qtbot) -> None:
    bar = SyncStatusBar()
    qtbot.addWidget(bar)
    bar.cycle_done(CycleReport(CycleSummary(3, "ok", 2), used=41, limit=15000))
    assert "ok, 2 API calls" in bar.last.text()
    assert bar.usage.text() == "API 41 / 15,000 today (0 %)"
    bar.waiting(300)
    assert bar.state == "waiting"
    assert bar.next.text() in ("Next sync in 5:00", "Next sync in 4:59")
    bar.set_paused(True)
    assert bar.state == "paused" and bar.next.text() == "Paused"
    bar.set_paused(False)
    bar.cycle_done(CycleReport(CycleSummary(4, "needs_sign_in", 1, message="token refused")))
    assert bar.state == "needs_sign_in" and "Needs sign-in" in bar.state_label.text()
    bar.cycle_done(CycleReport(CycleSummary(0, "budget", 0, message="80 % used")))
    assert "API budget reached" in bar.state_label.text()
    assert _clock(3725) == "1:02:05" and _clock(59) == "0:59"


def test_keyboard_shortcuts(idle: MainWindow) -> None:
    keys = {a.shortcut().toString(): a.text() for a in idle.actions() if not a.shortcut()
            .isEmpty()}
    assert keys["F5"] == "Sync now"
    assert keys["Ctrl+F"] == "Search"
    assert keys["Ctrl+Shift+F"] == "Force sync"
    assert keys["Ctrl+N"] == "New person…"


def test_controls_have_accessible_names(idle: MainWindow) -> None:
    idle.stack.setCurrentIndex(1)
    missing = []
    for cls in (QLineEdit, QComboBox, QTableView):
        for w in idle.findChildren(cls):
            if w.objectName().startswith("qt_") or (w.parent() and isinstance(w.parent(),
                                                                            QComboBox)):
                continue
            if not w.accessibleName():
                missing.append(f"{cls.__name__} {w.objectName()}")
    for b in idle.findChildren(QAbstractButton):
        if not (b.accessibleName() or b.text() or b.toolTip()) and b.isVisible():
            missing.append(f"button {b.objectName()}")
    assert not missing, missing


def test_the_layout_is_remembered(qtbot, private_settings: Path) -> None:
    first = MainWindow(SyncController())
    qtbot.addWidget(first)
    first.resize(710, 507)  # the offscreen screen is 800 x 600
    first.tabs.setCurrentIndex(2)
    first.save_layout()
    second = MainWindow(SyncController(), settings=QSettings())
    qtbot.addWidget(second)
    assert second.tabs.currentIndex() == 2
    assert (second.width(), second.height()) == (710, 507)


def test_state_colours_follow_a_dark_palette(qapp) -> None:
    before = state_style.colour("failed").name()
    old = qapp.palette()
    dark = QPalette(old)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    qapp.setPalette(dark)
    try:
        assert state_style.dark_palette()
        assert state_style.colour("failed").name() != before
    finally:
        qapp.setPalette(old)
        state_style.forget_icons()


def test_no_display_gives_a_clear_message_and_status_3(monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    for k in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(k, raising=False)
    assert not has_display()
    assert gui_main(["--demo"]) == 3
    err = capsys.readouterr().err
    assert "no display" in err and "sfsync demo" in err
