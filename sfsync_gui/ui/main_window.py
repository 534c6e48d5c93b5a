"""The main window: the welcome page until a sync runs, then the Records, Sync errors,
Sync status and Field access views, the person view beside them, a toolbar, a status bar.

The window reads the store on the GUI thread (short indexed reads, its connection set to
``query_only``) and sends every write to the sync thread through the controller.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..credentials import Credentials, Profile
from ..store import Store
from ..sync.config import DEFAULT_OBJECTS
from ..sync.settings import read_settings
from . import engine_text, language, state_style
from .controller import SyncController
from .crash import CrashHandler
from .dialogs import NewPersonDialog
from .errors_view import ErrorsView
from .fields_view import FieldsView
from .icons import app_icon
from .jobs import RequestResult
from .person_view import PersonView
from .profile_picker import ProfilePickerDialog
from .reader import Reader
from .records_view import RecordsView
from .settings_dialog import SettingsDialog
from .signin_dialog import SignInDialog
from .source import PROFILE, Source, choose_source, demo_source
from .status_view import StatusView
from .statusbar import SyncStatusBar
from .tray import Notifier
from .worker import CycleReport, Ready

log = logging.getLogger("sfsync.ui")

SETTINGS_VERSION = 1
TAB_RECORDS, TAB_ERRORS, TAB_STATUS, TAB_FIELDS = range(4)


class MessageBar(QWidget):
    """A one-line banner above the views for messages that must not be missed (a refused
    value, a sync that cannot start); closes by itself after a while, or with its button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message-bar")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName(self.tr("Message"))
        self.action = QPushButton(self)
        self.action.hide()
        self.action.clicked.connect(self._run_action)
        self._action: Callable[[], None] | None = None
        close = QToolButton(self)
        close.setText("✕")
        close.setAccessibleName(self.tr("Close the message"))
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action)
        layout.addWidget(close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, text: str, level: str = "info", timeout_ms: int = 12000,
                     action: tuple[str, Callable[[], None]] | None = None) -> None:
        """Show ``text``; ``action`` (label, what to do) adds a button that does it."""
        self._action = action[1] if action else None
        self.action.setText(action[0] if action else "")
        self.action.setAccessibleName(action[0] if action else "")
        self.action.setVisible(action is not None)
        state = {"error": "failed", "warning": "pending", "info": "local_only"}[level]
        c = state_style.colour(state)
        self.setStyleSheet(f"#message-bar {{ border: 1px solid {c.name()}; border-radius: 4px; "
                           f"background: rgba({c.red()}, {c.green()}, {c.blue()}, 28); }}")
        self.label.setText(text)
        self.show()
        if timeout_ms:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()

    @Slot()
    def _run_action(self) -> None:
        action = self._action
        self.hide()
        if action is not None:
            action()


class MainWindow(QMainWindow):
    """Signals: first_cycle_done() — the first cycle of this run ended (tests and the
    screenshot hook wait for it)."""

    first_cycle_done = Signal()
    #: from the sign-out thread: (profile, message for the user)
    _signed_out = Signal(str, str)

    def __init__(self, controller: SyncController, crash: CrashHandler | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.setWindowTitle("sfsync")
        self.setWindowIcon(app_icon())
        self.controller = controller
        self.crash = crash
        self.settings = settings or QSettings()
        self.store: Store | None = None
        self.reader: Reader | None = None
        self.ready_info: Ready | None = None
        #: the demo's folder for "Try the demo org" (None: the default one)
        self.demo_data: Path | None = None
        #: the store a profile syncs into (``--db``; None: the default one)
        self.db_path: Path | None = None
        #: makes the sign-in layer (profiles + keyring) for the sign-in dialogs
        self.make_credentials: Callable[[], Credentials] = Credentials
        #: opens the browser sign-in page (tests play the browser instead)
        self.open_url: Callable[[str], object] | None = webbrowser.open
        self._sign_out_threads: list[threading.Thread] = []
        #: the sign-in dialog opened last (tests drive it)
        self.sign_in_window: SignInDialog | None = None
        self._cycles_seen = 0
        self._dock_sized = False
        #: the screenshot tour leaves the user's remembered layout alone
        self.remember_layout = True
        #: views to read again when next shown
        self._dirty: set[str] = set()
        self._objects: dict[str, str] = {}
        self._progress_refresh = QTimer(self)
        self._progress_refresh.setSingleShot(True)
        self._progress_refresh.setInterval(5000)
        self._progress_refresh.timeout.connect(self._refresh_during_first_sync)

        from .welcome import WelcomePage

        self.welcome = WelcomePage(self)
        self.records = RecordsView(self)
        self.errors = ErrorsView(self)
        self.status_view = StatusView(self)
        self.fields = FieldsView(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("main-tabs")
        self.tabs.setAccessibleName(self.tr("Views"))
        for view, name in zip((self.records, self.errors, self.status_view, self.fields),
                              self.view_names(), strict=True):
            self.tabs.addTab(view, name)
        self.message_bar = MessageBar(self)
        main = QWidget(self)
        ml = QVBoxLayout(main)
        ml.setContentsMargins(4, 4, 4, 0)
        ml.addWidget(self.message_bar)
        ml.addWidget(self.tabs, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(main)
        self.setCentralWidget(self.stack)

        self.person = PersonView(self)
        self.person_dock = QDockWidget(self.tr("Person"), self)
        self.person_dock.setObjectName("person-dock")
        self.person_dock.setWidget(self.person)
        self.person.setMinimumWidth(420)
        self.person_dock.setAllowedAreas(Qt.DockWidgetArea.RightDockWidgetArea
                                         | Qt.DockWidgetArea.BottomDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.person_dock)
        self.person_dock.hide()

        self.status = SyncStatusBar(self)
        self.setStatusBar(self.status)
        self.notifier = Notifier(lambda text: self.show_message(text, "warning"), self)
        self.notifier.activated.connect(self._raise)
        self._build_actions()
        self._connect()
        self.resize(1200, 780)
        self._restore_layout()

    # -- construction -------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut: str | QKeySequence.StandardKey | None = None,
                tip: str = "") -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        tip = tip or text
        if shortcut is not None:
            tip += f" ({a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
        a.setToolTip(tip)
        a.setStatusTip(tip)
        a.triggered.connect(slot)
        self.addAction(a)
        return a

    def view_names(self) -> tuple[str, str, str, str]:
        """The four views' names, as tabs and in the View menu."""
        return (self.tr("Records"), self.tr("Sync errors"), self.tr("Sync status"),
                self.tr("Field access"))

    def _build_actions(self) -> None:
        self.act_sync = self._action(self.tr("Sync now"), self.sync_now, "F5",
                                     self.tr("Run a sync cycle now"))
        self.act_pause = self._action(self.tr("Pause"), self.toggle_pause, "Ctrl+P",
                                      self.tr("Pause or resume background sync"))
        self.act_pause.setCheckable(True)
        self.act_force = self._action(self.tr("Force sync"), self.force_sync_current,
                                      "Ctrl+Shift+F",
                                      self.tr("Sync the selected person both ways now"))
        self.act_new = self._action(self.tr("New person…"), self.new_person, "Ctrl+N",
                                    self.tr("Create a Lead or Contact (sent by the next sync)"))
        self.act_search = self._action(self.tr("Search"), self.focus_search, "Ctrl+F",
                                       self.tr("Search the records"))
        self.act_settings = self._action(
            self.tr("Settings…"), self.open_settings, "Ctrl+,",
            self.tr("Interval, objects, conflict policies, API budget, language"))
        self.act_sign_in = self._action(self.tr("Sign in to Salesforce…"), self.open_sign_in,
                                        None, self.tr("Connect to your Salesforce org"))
        self.act_demo = self._action(self.tr("Try the demo org"), self.start_demo, None,
                                     self.tr("Sync with a local demo org"))
        self.act_switch = self._action(self.tr("Switch profile…"), self.switch_profile, None,
                                       self.tr("Sync with another saved sign-in, or sign in "
                                               "with a new account"))
        self.act_sign_out = self._action(self.tr("Sign out…"), self.sign_out, None,
                                         self.tr("Remove this sign-in and its secrets from "
                                                 "this computer"))
        self.act_quit = self._action(self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.act_person = self.person_dock.toggleViewAction()
        self.act_person.setText(self.tr("Person panel"))
        bar = QToolBar(self.tr("Main toolbar"), self)
        bar.setObjectName("main-toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.act_sync, self.act_pause, self.act_force, self.act_new):
            bar.addAction(a)
        bar.addSeparator()
        bar.addAction(self.act_settings)
        bar.addAction(self.act_sign_in)
        self.addToolBar(bar)
        self.toolbar = bar
        menu = self.menuBar()
        m = menu.addMenu(self.tr("&Sync", "menu"))
        for a in (self.act_sync, self.act_pause, self.act_force):
            m.addAction(a)
        m.addSeparator()
        m.addAction(self.act_demo)
        m.addAction(self.act_sign_in)
        m.addAction(self.act_switch)
        m.addAction(self.act_sign_out)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = menu.addMenu(self.tr("&Records", "menu"))
        m.addAction(self.act_search)
        m.addAction(self.act_new)
        m = menu.addMenu(self.tr("&View", "menu"))
        m.addAction(self.act_person)
        m.addSeparator()
        m.addAction(self.act_settings)
        for i, name in enumerate(self.view_names()):
            a = self._action(name, lambda _=False, i=i: self.tabs.setCurrentIndex(i),
                             f"Ctrl+{i + 1}")
            m.addAction(a)
        self._set_running(False)

    def _connect(self) -> None:
        c = self.controller
        c.ready.connect(self._on_ready)
        c.phase.connect(self._on_phase)
        c.progress.connect(self._on_progress)
        c.cycle_done.connect(self._on_cycle)
        c.waiting.connect(self.status.waiting)
        c.forced.connect(self._on_forced)
        c.forced_failed.connect(self._on_forced_failed)
        c.request_done.connect(self._on_request_done)
        c.failed.connect(self._on_failed)
        c.crashed.connect(self._on_crashed)
        c.stopped.connect(self._on_stopped)
        c.paused_changed.connect(self._on_paused)
        self.tabs.currentChanged.connect(self._reload_visible)
        self.person_dock.visibilityChanged.connect(self._reload_visible)
        self.welcome.demo_requested.connect(self.start_demo)
        self.welcome.sign_in_requested.connect(self.open_sign_in)
        self.welcome.profile_chosen.connect(self.connect_profile)
        self.status.sign_in_again_requested.connect(self.sign_in_again)
        self._signed_out.connect(self._on_signed_out)
        self.records.page_added.connect(self._restore_header)
        self.records.record_selected.connect(self._on_record_selected)
        self.records.record_activated.connect(self.open_record)
        self.records.message.connect(self.show_error)
        self.records.edit_requested.connect(self.request_edit)
        self.person.force_sync_requested.connect(self.force_sync)
        self.person.edit_requested.connect(self.request_edit)
        self.person.message.connect(self.show_error)
        self.errors.open_record.connect(self.open_record)
        self.errors.retry_requested.connect(self.retry)
        self.fields.include_requested.connect(self._include_field)

    # -- starting --------------------------------------------------------------------------------

    def start(self, source: Source, *, interval: float | None = None) -> None:
        """Start syncing ``source``; the views appear when the store is open."""
        self.welcome.set_busy(self.tr("Starting {source}…").format(source=source.label))
        self.status.offer_sign_in = source.kind == PROFILE
        if source.kind == PROFILE:
            self.settings.setValue("profiles/last", source.profile)
        self.status.set_state("starting")
        self._set_running(True)
        self.controller.start(source, interval=interval)
        self.act_sign_out.setEnabled(source.kind == PROFILE)

    @Slot()
    def start_demo(self) -> None:
        if self.controller.running:
            return
        self.start(demo_source(self.demo_data))

    @Slot(object)
    def _on_ready(self, info: Ready) -> None:
        self.ready_info = info
        self.store = info.store
        # this thread's own connection may only read: every write goes to the sync thread
        self.store.db.execute_sql("PRAGMA query_only = 1")
        if self.reader is not None:
            self.reader.close()
        self.reader = Reader(info.store.path)
        settings = read_settings(self.store)
        self._objects = {o: d for o, d in DEFAULT_OBJECTS.items() if o not in settings.disabled}
        self.records.attach(self.store, self.reader, self._objects)
        self.person.attach(self.store, {o for o, d in self._objects.items() if d == "two_way"})
        self.errors.attach(self.store)
        self.status_view.attach(self.store)
        self.fields.attach(self.store)
        self._changed("errors", "status", "fields")
        self.stack.setCurrentIndex(1)
        self.welcome.set_busy("")
        where = self.tr("the demo org") if info.source.kind == "demo" else info.instance_url
        self.setWindowTitle(self.tr("sfsync — {where}").format(where=where))
        self.status.set_state("syncing")

    def _set_running(self, running: bool) -> None:
        for a in (self.act_sync, self.act_pause, self.act_force, self.act_new,
                  self.act_settings):
            a.setEnabled(running)
        self.act_demo.setEnabled(not running)
        source = self.controller.source
        self.act_sign_out.setEnabled(running and source is not None and source.kind == PROFILE)

    # -- the sync's news --------------------------------------------------------------------------

    @Slot(str)
    def _on_phase(self, phase: str) -> None:
        self.status_view.set_phase(phase)
        if phase != "waiting" and self.status.state not in ("paused",):
            self.status.set_state("syncing", phase)
        if phase.startswith("first sync of"):
            self.records.add_new_objects()
            self._changed("fields")

    @Slot(str, int, int)
    def _on_progress(self, obj: str, done: int, total: int) -> None:
        self.status_view.set_progress(obj, done, total)
        if not self._progress_refresh.isActive():
            self._progress_refresh.start()

    @Slot()
    def _refresh_during_first_sync(self) -> None:
        self.records.add_new_objects()
        self.records.refresh()

    @Slot(object)
    def _on_cycle(self, report: CycleReport) -> None:
        self._cycles_seen += 1
        self.status.cycle_done(report)
        self.records.add_new_objects()
        self.records.refresh()
        self._changed("errors", "status", "fields", "person")
        s = report.summary
        if s.failures:
            self.notifier.notify(
                self.tr("Sync failures"),
                self.tr("{count} change(s) could not be pushed to Salesforce; see Sync errors.",
                        "", s.failures).format(count=language.number(s.failures)))
        if s.status == "needs_sign_in" and self.current_profile() is not None:
            self.show_message(
                self.tr("Salesforce no longer accepts the sign-in of profile “{0}”: the sync "
                        "waits until you sign in again.").format(self.current_profile()),
                "error", 0, (self.tr("Sign in again…"), self.sign_in_again))
        elif s.status in ("needs_sign_in", "api_limit", "budget", "failed") and s.message:
            self.show_message(s.message, "warning")
        if self._cycles_seen == 1:
            self.first_cycle_done.emit()

    @Slot(object)
    def _on_forced(self, result: dict) -> None:
        parts = []
        for r in result.get("records", []):
            text = self.tr("{record}: pulled: {pulled}; pushed {pushed}").format(
                record=f"{r['object']}:{r['local_id']}", pulled=engine_text.pulled(r["pulled"]),
                pushed=language.number(r["pushed"]))
            if r["failed"]:
                text += self.tr(", {count} failed", "", r["failed"]).format(
                    count=language.number(r["failed"]))
            parts.append(text + self.tr("; now {state}").format(
                state=state_style.in_sentence(r["state"])))
            page = self.records.pages.get(r["object"])
            if page is not None:
                page.model.forget_row(r["local_id"])
        self.show_message(self.tr("Force sync done — {results}").format(
                          results="; ".join(parts)),
                          "warning" if any(r["failed"] for r in result.get("records", []))
                          else "info")
        self._changed("person", "errors")

    @Slot(str, str)
    def _on_forced_failed(self, key: str, message: str) -> None:
        self.show_error(self.tr("Force sync of {record} failed: {error}").format(
            record=key, error=message))

    @Slot(object)
    def _on_request_done(self, result: RequestResult) -> None:
        if result.kind == "edit":
            page = self.records.pages.get(result.obj)
            if page is not None and result.local_id is not None:
                page.model.edit_finished(result.local_id, result.fields)
            if result.local_id is not None and self.person.shows(result.obj, result.local_id):
                self.person.reload()
            self._changed("errors")  # an edit queues the record's failed changes again
        elif result.kind == "create" and result.ok:
            page = self.records.pages.get(result.obj)
            if page is not None:
                page.model.refresh()
            if result.local_id is not None:
                self.open_record(result.obj, result.local_id)
        elif result.kind == "retry":
            self._changed("errors", "person")
        elif result.kind == "include":
            self._changed("fields")
        elif result.kind == "settings":
            self._changed("status")
        if result.ok:
            self.status.showMessage(result.message, 8000)
        else:
            self.show_error(result.message)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        log.warning("sync stopped: %s", message)
        self.status.set_state("stopped", message)
        if self.store is None:
            source = self.controller.source
            if source is not None and source.kind == PROFILE:
                self.refresh_profiles()  # pick it (or another) again: it may need sign-in
            self.welcome.set_error(self.tr("Could not start: {error}").format(error=message))
        else:
            self.show_message(self.tr("The sync stopped: {error}").format(error=message),
                              "error", 0)

    @Slot(str)
    def _on_crashed(self, text: str) -> None:
        if self.crash is not None:
            self.crash.report(text)
        else:
            log.error("bug in the sync thread:\n%s", text)

    @Slot()
    def _on_stopped(self) -> None:
        self._set_running(False)
        if self.status.state not in ("stopped",):
            self.status.set_state("stopped")

    @Slot(bool)
    def _on_paused(self, paused: bool) -> None:
        self.act_pause.setChecked(paused)
        self.act_pause.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.status.set_paused(paused)

    # -- views that show what changed, when they are seen ------------------------------------

    def _changed(self, *views: str) -> None:
        """Mark views as out of date; the visible ones are read again now, the others when
        they are shown (reading a hidden view would only cost the GUI thread time)."""
        self._dirty.update(views)
        self._reload_visible()

    @Slot()
    def _reload_visible(self, *_args: object) -> None:
        current = self.tabs.currentWidget()
        for name, view in (("errors", self.errors), ("status", self.status_view),
                           ("fields", self.fields)):
            if name in self._dirty and view is current:
                self._dirty.discard(name)
                view.reload()
        if "person" in self._dirty and self.person_dock.isVisible():
            self._dirty.discard("person")
            self.person.reload()

    # -- user actions ------------------------------------------------------------------------------

    def show_message(self, text: str, level: str = "info", timeout_ms: int = 12000,
                     action: tuple[str, Callable[[], None]] | None = None) -> None:
        self.message_bar.show_message(text, level, timeout_ms, action)

    @Slot(str)
    def show_error(self, text: str) -> None:
        self.show_message(text, "error")

    @Slot()
    def sync_now(self) -> None:
        self.controller.sync_now()
        self.status.set_state("syncing", self.tr("Sync asked for"))

    @Slot()
    def toggle_pause(self) -> None:
        self.controller.set_paused(not self.controller.paused)

    def current_record(self) -> tuple[str, int] | None:
        """The record the person view shows, else the selected row."""
        if self.person.detail is not None and self.person_dock.isVisible():
            return self.person.detail.obj, self.person.detail.local_id
        page = self.records.current_page()
        if page is not None and (lid := page.current_local_id()) is not None:
            return page.obj, lid
        return None

    @Slot()
    def force_sync_current(self) -> None:
        current = self.current_record()
        if current is None:
            self.show_message(self.tr("Pick a person in the Records view first, then force "
                                      "sync."),
                              "warning")
            return
        self.force_sync(f"{current[0]}:{current[1]}")

    @Slot(str)
    def force_sync(self, key: str) -> None:
        self.controller.force_sync(key)
        self.status.showMessage(self.tr("Force sync of {record} asked for…").format(record=key),
                                5000)

    @Slot(str, int, dict)
    def request_edit(self, obj: str, local_id: int, changes: dict) -> None:
        if not self.controller.edit(obj, local_id, changes):
            self.show_error(self.tr("The sync is not running: the change was not saved."))
            page = self.records.pages.get(obj)
            if page is not None:
                page.model.edit_finished(local_id, list(changes))

    @Slot(object)
    def retry(self, records: list[tuple[str, int]] | None) -> None:
        self.controller.retry(records)

    @Slot(str, str, object)
    def _include_field(self, obj: str, name: str, included: object) -> None:
        self.controller.include_field(obj, name, included)  # type: ignore[arg-type]

    @Slot(str, int)
    def _on_record_selected(self, obj: str, local_id: int) -> None:
        if self.person_dock.isVisible():
            self.person.show_record(obj, local_id)

    @Slot(str, int)
    def open_record(self, obj: str, local_id: int) -> None:
        """Show a record in the person view (and select it in its table)."""
        if not self.person.show_record(obj, local_id):
            self.show_error(self.tr("There is no {record} any more.").format(
                record=f"{obj}:{local_id}"))
            return
        if not self.person_dock.isVisible() and not self._dock_sized:
            self._dock_sized = True
            self.person_dock.show()
            self.resizeDocks([self.person_dock], [max(460, self.width() * 2 // 5)],
                             Qt.Orientation.Horizontal)
        self.person_dock.show()
        self.person_dock.raise_()
        page = self.records.pages.get(obj)
        if page is not None and self.tabs.currentIndex() == TAB_RECORDS:
            self.records.setCurrentWidget(page)
            page.select_local_id(local_id)

    @Slot()
    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(TAB_RECORDS)
        page = self.records.current_page()
        if page is not None:
            page.focus_search()

    @Slot()
    def new_person(self) -> None:
        if self.store is None:
            return
        objects = [o for o, d in self._objects.items() if d == "two_way"]
        dialog = NewPersonDialog(self.store, objects, self)
        if dialog.exec() and dialog.values():
            self.controller.create(dialog.obj, dialog.values())

    def settings_dialog(self) -> SettingsDialog | None:
        if self.store is None:
            return None
        return SettingsDialog(read_settings(self.store), self, user_settings=self.settings)

    @Slot()
    def open_settings(self) -> None:
        dialog = self.settings_dialog()
        if dialog is not None and dialog.exec():
            self.controller.save_settings(dialog.result_settings())

    # -- sign-in, profiles, sign-out ----------------------------------------------------------

    def current_profile(self) -> str | None:
        """The profile the sync runs with (None: the demo, the variables, or nothing)."""
        source = self.controller.source
        if source is None or source.kind != PROFILE or not self.controller.running:
            return None
        return source.profile

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question (tests answer it themselves)."""
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def sign_in_dialog(self, profile: Profile | None = None) -> SignInDialog:
        """A sign-in dialog (for ``profile``: signing it in again); connecting follows its
        success."""
        dialog = SignInDialog(self.make_credentials(), profile=profile,
                              open_url=self.open_url, parent=self)
        dialog.signed_in.connect(self.connect_profile)
        self.sign_in_window = dialog
        return dialog

    @Slot()
    def open_sign_in(self) -> None:
        """Sign in with a new account (the dialog is window-modal, not blocking)."""
        self.sign_in_dialog().open()

    @Slot()
    def sign_in_again(self, name: str | None = None) -> None:
        """Sign the current (or ``name``) profile in again, its settings locked."""
        name = name or self.current_profile()
        if not name:
            return
        try:
            profile = self.make_credentials().get(name)
        except ValueError as exc:  # gone from the settings file meanwhile
            self.show_error(str(exc))
            return
        self.sign_in_dialog(profile).open()

    def profiles(self) -> list[Profile]:
        """The saved sign-in profiles (the settings file; an unreadable one says so)."""
        try:
            return self.make_credentials().list()
        except ValueError as exc:
            self.show_error(str(exc))
            return []

    def last_profile(self) -> str | None:
        value = self.settings.value("profiles/last")
        return str(value) if value else None

    def refresh_profiles(self) -> None:
        """Show the saved profiles on the welcome page, the last one used first in line."""
        self.welcome.set_profiles(self.profiles(), self.last_profile())

    @Slot(str)
    def connect_profile(self, name: str) -> None:
        """Sync with profile ``name`` as ``sfsync-gui --profile NAME`` does; the profile
        just signed in again resumes the sync that waited for it."""
        self.settings.setValue("profiles/last", name)
        if self.current_profile() == name:
            self.message_bar.hide()
            self.status.set_state("syncing", self.tr("signed in again"))
            self.controller.sync_now()
            return
        found = next((p for p in self.profiles() if p.name == name), None)
        if found is not None and (found.needs_sign_in or found.signed_in_at is None):
            self.sign_in_dialog(found).open()  # connecting follows the sign-in
            return
        source = choose_source(demo=False, db=self.db_path, profile=name)
        assert source is not None
        self._stop_sync()
        self.start(source)

    @Slot()
    def switch_profile(self) -> None:
        dialog = ProfilePickerDialog(self.profiles(), self.current_profile()
                                     or self.last_profile(), self.current_profile(), self)
        if not dialog.exec() or dialog.choice is None:
            return
        kind, name = dialog.choice
        if kind == "profile" and name:
            self.connect_profile(name)
        elif kind == "new":
            self.open_sign_in()
        elif kind == "demo":
            self._stop_sync()
            self.start(demo_source(self.demo_data))

    @Slot()
    def sign_out(self) -> None:
        """Sign out of the current profile: stop its sync, then remove the profile and its
        secrets (its refresh token revoked at Salesforce first), after asking."""
        name = self.current_profile()
        if name is None:
            return
        if not self.confirm(self.tr("Sign out — sfsync"), self.tr(
                "Sign out of “{0}”? The sync stops, and the sign-in and its secrets are "
                "removed from this computer. The local database stays.").format(name)):
            return
        self._stop_sync()
        self.welcome.set_busy(self.tr("Signing out of {0}…").format(name))
        make = self.make_credentials

        def disconnect() -> None:  # network (revoke) and keyring: not on the GUI thread
            try:
                make().disconnect(name)
                text = self.tr("Signed out of {0}.").format(name)
            except Exception as exc:  # the settings file or the keyring
                text = self.tr("Could not sign out of {0}: {1}").format(name, exc)
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._signed_out.emit(name, text)

        thread = threading.Thread(target=disconnect, name="sfsync-sign-out", daemon=True)
        self._sign_out_threads.append(thread)
        thread.start()

    @Slot(str, str)
    def _on_signed_out(self, _name: str, text: str) -> None:
        self.welcome.set_busy("")
        self.refresh_profiles()
        self.welcome.set_error(text)

    def _stop_sync(self) -> None:
        """Stop the running sync and let go of its store; the welcome page shows."""
        if not self.controller.running and self.store is None:
            return
        self.save_layout()
        self.controller.shutdown()
        self.records.clear_pages()
        if self.reader is not None:
            self.reader.close()
            self.reader = None
        if self.store is not None:
            self.store.db.close()
            self.store = None
        self.ready_info = None
        self._cycles_seen = 0
        self.person_dock.hide()
        self.message_bar.hide()
        self.stack.setCurrentIndex(0)
        self.setWindowTitle("sfsync")
        self.status.set_state("idle")
        self._set_running(False)

    @Slot()
    def _raise(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # -- layout and shutdown ----------------------------------------------------------------------

    def _restore_layout(self) -> None:
        s = self.settings
        if int(s.value("layout/version", 0) or 0) != SETTINGS_VERSION:
            return
        geometry = s.value("layout/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = s.value("layout/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
            self._dock_sized = True
        self.tabs.setCurrentIndex(int(s.value("layout/tab", 0) or 0))

    @Slot(str)
    def _restore_header(self, obj: str) -> None:
        state = self.settings.value(f"records/{obj}/header")
        page = self.records.pages.get(obj)
        if isinstance(state, QByteArray) and page is not None:
            page.table.horizontalHeader().restoreState(state)

    def save_layout(self) -> None:
        if not self.remember_layout:
            return
        s = self.settings
        s.setValue("layout/version", SETTINGS_VERSION)
        s.setValue("layout/geometry", self.saveGeometry())
        s.setValue("layout/state", self.saveState())
        s.setValue("layout/tab", self.tabs.currentIndex())
        for obj, page in self.records.pages.items():
            s.setValue(f"records/{obj}/header", page.table.horizontalHeader().saveState())
        s.sync()

    def shutdown(self) -> bool:
        """Stop the sync thread and the reader; True when everything ended in time."""
        if self.sign_in_window is not None and self.sign_in_window.is_busy:
            self.sign_in_window.cancel_sign_in()  # the browser sign-in stops listening
        ok = self.controller.shutdown()
        self.records.close_models()
        if self.reader is not None:
            self.reader.close()
            self.reader = None
        if self.store is not None:
            self.store.db.close()  # this thread's connection; the worker closed its own
        self.notifier.close()
        return ok

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.status.set_state("stopped", "closing")
        if not self.shutdown():
            log.warning("the sync did not stop in time; it resumes where it stopped next time")
        event.accept()
