"""The ``--screenshots DIR`` test hook: after the first cycle, tour the window as a user
would — open a Lead, force-sync it with the button, make Salesforce refuse a change (a
Hot Lead without a phone), look at every view and dialog — saving a PNG of each, then
``tour.json`` with what was seen, and quit. The end-to-end test runs it on a real X
server; the pictures are for people."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication, QWidget

from .main_window import TAB_ERRORS, TAB_FIELDS, TAB_RECORDS, TAB_STATUS, MainWindow
from .records_view import RecordsPage
from .stall import StallMeter

log = logging.getLogger("sfsync.ui")

TIMEOUT_MS = 240_000
PAINT_MS = 400


class Tour(QObject):
    def __init__(self, window: MainWindow, out: Path) -> None:
        super().__init__(window)
        self.window = window
        window.remember_layout = False
        self.out = Path(out)
        self.failed = False
        self.report: dict = {"shots": []}
        self.meter = StallMeter(parent=self)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(lambda: self._fail("timed out"))
        self._t0 = time.monotonic()

    def start(self) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        self._watchdog.start(TIMEOUT_MS)
        self.meter.start()
        self.window.controller.failed.connect(lambda m: self._fail(f"sync failed: {m}"))
        self._once(self.window.first_cycle_done, self._first_cycle)

    # -- plumbing -----------------------------------------------------------------------------

    def _once(self, signal: SignalInstance, then: Callable[..., None]) -> None:
        def fire(*args: object) -> None:
            signal.disconnect(fire)
            QTimer.singleShot(PAINT_MS, lambda: self._step(then, *args))

        signal.connect(fire)

    def _later(self, then: Callable[[], None]) -> None:
        QTimer.singleShot(PAINT_MS, lambda: self._step(then))

    def _step(self, fn: Callable[..., None], *args: object) -> None:
        if self.failed:
            return
        try:
            fn(*args)
        except Exception as exc:  # the tour is a test: any surprise fails it
            log.exception("screenshot tour step failed")
            self._fail(f"{type(exc).__name__}: {exc}")

    def _shot(self, name: str, widget: QWidget | None = None) -> None:
        QApplication.processEvents()
        target = widget or self.window
        path = self.out / f"{name}.png"
        if not target.grab().save(str(path)):
            raise RuntimeError(f"could not save {path}")
        self.report["shots"].append(path.name)

    def _fail(self, why: str) -> None:
        if self.failed:
            return
        log.error("screenshot tour failed: %s", why)
        self.failed = True
        self.report["error"] = why
        self._finish()

    def _finish(self) -> None:
        self._watchdog.stop()
        self.report["seconds"] = round(time.monotonic() - self._t0, 1)
        (self.out / "tour.json").write_text(json.dumps(self.report, indent=2))
        self.window.close()
        QApplication.quit()

    # -- the tour -------------------------------------------------------------------------------

    def _first_cycle(self, *_args: object) -> None:
        self.report["max_stall_ms_first_sync"] = round(self.meter.stop() * 1000, 1)
        w = self.window
        welcome = w.welcome
        welcome.resize(w.size())
        self._shot("00-welcome", welcome)
        w.tabs.setCurrentIndex(TAB_RECORDS)
        page = w.records.show_object("Lead")
        if page is None:
            raise RuntimeError("no Lead tab after the first cycle")
        self.report["lead_rows"] = page.model.rowCount()
        row = self._editable_row(page)
        lid = page.model.local_id(row)
        assert lid is not None
        self._lead = (page, lid)
        page.table.selectRow(row)
        w.open_record("Lead", lid)
        self._later(self._records)

    def _editable_row(self, page: RecordsPage) -> int:
        for row in range(min(page.model.rowCount(), 50)):
            rec = page.model.record(row) or {}
            if not rec.get("IsConverted") and rec.get("_state") == "synced" and rec.get(
                    "Email"):
                return row
        raise RuntimeError("no unconverted, synced Lead with an email in the first rows")

    def _records(self) -> None:
        self._shot("01-records")
        self._once(self.window.controller.forced, self._forced)
        self.window.person.force.click()  # through the UI: the person view's button

    def _forced(self, result: object) -> None:
        self.report["forced"] = result
        self.window.person.tabs.setCurrentIndex(1)
        self.report["activity_kinds"] = self.window.person.activity_kinds()[:10]
        self._shot("02-person-activity")
        self.window.person.tabs.setCurrentIndex(0)
        self._shot("03-person-fields")
        # make Salesforce refuse a change: a Hot Lead needs a phone (a validation rule)
        page, lid = self._lead
        model = page.model
        row = model.row_of(lid)
        cols = {c.name: i for i, c in enumerate(model.columns())}
        self._edits = 0
        self.window.controller.request_done.connect(self._edited)
        sent = [model.setData(model.index(row, cols["Phone"]), ""),
                model.setData(model.index(row, cols["Rating"]), "Hot")]
        self._expected = sum(sent)
        if not self._expected:
            raise RuntimeError("the inline edits were refused")

    def _edited(self, _result: object) -> None:
        self._edits += 1
        if self._edits < self._expected:
            return
        self.window.controller.request_done.disconnect(self._edited)
        self._later(self._edits_done)

    def _edits_done(self) -> None:
        self._shot("04-records-pending")
        self._once(self.window.controller.cycle_done, self._pushed)
        self.window.act_sync.trigger()

    def _pushed(self, _report: object) -> None:
        w = self.window
        w.tabs.setCurrentIndex(TAB_ERRORS)
        w.person.tabs.setCurrentIndex(1)  # the refusal in the person's log, beside the errors
        self.report["error_groups"] = w.errors.count()
        self.report["activity_after_push"] = w.person.activity_kinds()[:10]
        self._shot("05-errors")
        w.tabs.setCurrentIndex(TAB_STATUS)
        self._later(self._status)

    def _status(self) -> None:
        self._shot("06-status")
        self.window.tabs.setCurrentIndex(TAB_FIELDS)
        self._later(self._fields)

    def _fields(self) -> None:
        self._shot("07-fields")
        dialog = self.window.settings_dialog()
        assert dialog is not None
        dialog.show()
        self._dialog = dialog
        self._later(self._settings)

    def _settings(self) -> None:
        self._shot("08-settings", self._dialog)
        self._dialog.reject()
        from .dialogs import NewPersonDialog
        from .profile_picker import ProfilePickerDialog
        from .signin_dialog import SignInDialog

        assert self.window.store is not None
        self._dialog = NewPersonDialog(self.window.store, ["Lead", "Contact"], self.window)
        self._dialog.show()
        # the sign-in dialog as a new user meets it; the profile picker with made-up
        # profiles held in memory only (the tour never saves one)
        self._sign_in = SignInDialog(_NoProfiles(), open_url=None, parent=self.window)
        self._sign_in.client_id.setText("3MVG9-example-consumer-key")
        self._sign_in.show()
        self._picker = ProfilePickerDialog(example_profiles(), "acme", "acme", self.window)
        self._picker.show()
        self._later(self._dialogs)

    def _dialogs(self) -> None:
        self._shot("09-new-person", self._dialog)
        self._shot("10-sign-in", self._sign_in)
        self._shot("11-profiles", self._picker)
        self._dialog.reject()
        self._sign_in.reject()
        self._picker.reject()
        welcome = self.window.welcome  # as someone with several sign-ins starts the app
        welcome.set_profiles(example_profiles(), "acme")
        welcome.resize(self.window.size())
        self._shot("12-welcome-profiles", welcome)
        welcome.set_profiles([])
        self.window.tabs.setCurrentIndex(TAB_RECORDS)
        self._finish()


class _NoProfiles:
    """What the tour's sign-in dialog sees of the saved profiles: none (it signs no one
    in, and must not read the user's own)."""

    def list(self) -> list:
        return []


def example_profiles() -> list:
    """Three profiles, in memory only, for the profile picker's picture."""
    from ..credentials import Profile

    acme = Profile.new("acme", "acme.my.salesforce.com", "pkce", "3MVG9-acme")
    acme.username, acme.instance_url = "sync@acme.example", "https://acme.my.salesforce.com"
    sandbox = Profile.new("acme-uat", "sandbox", "jwt", "3MVG9-uat",
                          username="sync@acme.example.uat", key_file="/tmp/uat.pem")
    sandbox.instance_url = "https://acme--uat.sandbox.my.salesforce.com"
    sandbox.state, sandbox.state_reason = "needs_sign_in", "expired access/refresh token"
    local = Profile.new("local-org", "https://127.0.0.1:8443", "client-credentials",
                        "3MVG9-local")
    local.username, local.instance_url = "sync@local.example", "https://127.0.0.1:8443"
    return [acme, sandbox, local]
