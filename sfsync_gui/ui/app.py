"""The composition root of ``sfsync-gui``: options, the QApplication, the crash handler,
the controller and the window; a clean shutdown when the window closes or on SIGTERM."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from .. import __version__
from . import language, state_style
from .controller import SyncController
from .crash import CrashHandler
from .icons import app_icon
from .main_window import MainWindow
from .source import choose_source, demo_source

log = logging.getLogger("sfsync.ui")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sfsync-gui",
        description="The sfsync window: see and steer the two-way sync with Salesforce. "
                    "Connects with the SFSYNC_* variables, or --demo.")
    p.add_argument("--version", action="version", version=f"sfsync-gui {__version__}")
    p.add_argument("--demo", action="store_true",
                   help="start the local demo org in this process and sync with it")
    p.add_argument("--data", type=Path, default=None, metavar="DIR",
                   help="the demo's folder (org/ and sfsync.db; default: the one "
                        "'sfsync demo' uses)")
    p.add_argument("--profile", default=None, metavar="NAME",
                   help="the sign-in profile to connect with ('sfsync connect' makes one; "
                        "the only one is used without this)")
    p.add_argument("--db", type=Path, default=None, metavar="PATH",
                   help="the local store, with a profile or the SFSYNC_* variables")
    p.add_argument("--interval", type=float, default=None, metavar="SECONDS",
                   help="seconds between cycles (default: the stored setting, 300)")
    p.add_argument("--self-test", action="store_true",
                   help="check this install or bundle: open the window offscreen on the "
                        "demo org in a temporary folder, run one sync cycle, print a "
                        "summary; exit 0 when it works")
    p.add_argument("--self-test-timeout", type=float, default=None, metavar="SECONDS",
                   help=argparse.SUPPRESS)
    p.add_argument("--screenshots", type=Path, default=None, metavar="DIR",
                   help=argparse.SUPPRESS)  # test hook: tour the views, save PNGs, quit
    return p


def make_app() -> QApplication:
    QApplication.setApplicationName("sfsync-gui")
    QApplication.setOrganizationName("sfsync-gui")
    QApplication.setApplicationDisplayName("sfsync")
    # the .desktop file's id (resources/linux/): Wayland shells match the window to it
    QApplication.setDesktopFileName("io.github.sfsync.SfsyncGui")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setWindowIcon(app_icon())
    # before any widget: the window is built in one language (the user's setting, else the OS's)
    language.install(app)
    return app


def follow_palette(window: MainWindow) -> None:
    """Redraw the state colours when the OS switches between light and dark."""

    def changed(*_args: object) -> None:
        state_style.forget_icons()
        window.update()
        for page in window.records.pages.values():
            page.table.viewport().update()

    QGuiApplication.styleHints().colorSchemeChanged.connect(changed)
    QGuiApplication.instance().paletteChanged.connect(changed)  # type: ignore[union-attr]


def main(argv: list[str] | None = None) -> int:
    """Run the window; returns the exit status."""
    args = build_parser().parse_args(argv)
    if args.self_test:
        from . import self_test

        return self_test.run(args.self_test_timeout or self_test.DEFAULT_TIMEOUT_S)
    if args.demo and (args.db is not None or args.profile):
        print("sfsync-gui: use --demo (with --data DIR), or --profile/--db, not both",
              file=sys.stderr)
        return 2
    # the window tells the user what happens; the terminal only gets warnings and bugs
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s: %(message)s")
    app = make_app()
    crash = CrashHandler(app, show_dialog=args.screenshots is None)
    crash.install()
    controller = SyncController()
    window = MainWindow(controller, crash)
    window.demo_data = args.data
    window.db_path = args.db
    follow_palette(window)
    tour = None
    try:
        source = choose_source(demo=args.demo, db=args.db, data=args.data,
                               profile=args.profile)
        if source is not None:
            window.start(source, interval=args.interval)
        else:  # several saved sign-ins (or none): the welcome page lists them
            window.refresh_profiles()
        window.show()
        # Python handles signals only when it runs: let it run now and then
        tick = QTimer()
        tick.start(250)
        tick.timeout.connect(lambda: None)
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: window.close())
        if args.screenshots is not None:
            from .screenshots import Tour

            tour = Tour(window, args.screenshots)
            tour.start()
        code = app.exec()
    finally:
        window.shutdown()
        crash.uninstall()
    if tour is not None and tour.failed:
        return 1
    return code


__all__ = ["build_parser", "demo_source", "main"]
