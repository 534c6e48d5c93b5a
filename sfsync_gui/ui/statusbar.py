"""The status bar: the sync's state (syncing, waiting, paused, needs sign-in, API budget
reached...), the last cycle, the countdown to the next one, and the API usage."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QStatusBar, QToolButton, QWidget

from . import state_style
from .worker import CycleReport

#: state -> (text, colour of the state)
STATES = {
    "idle": ("Not connected", "deleted"),
    "starting": ("Starting…", "pending"),
    "syncing": ("Syncing", "local_only"),
    "waiting": ("Up to date", "synced"),
    "paused": ("Paused", "deleted"),
    "needs_sign_in": ("Needs sign-in", "failed"),
    "budget": ("API budget reached", "conflict"),
    "api_limit": ("API limit reached", "conflict"),
    "failed": ("Last cycle failed", "failed"),
    "stopped": ("Stopped", "deleted"),
}


def _clock(seconds: float) -> str:
    s = max(0, round(seconds))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else \
        f"{s // 60}:{s % 60:02d}"


class SyncStatusBar(QStatusBar):
    """Signals: sign_in_again_requested() — "Sign in again…" was clicked (shown in the
    needs-sign-in state when :attr:`offer_sign_in` says the window can fix it)."""

    sign_in_again_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state_label = QLabel(self)
        self.state_label.setAccessibleName("Sync state")
        #: whether "Sign in again…" is offered when the sync needs sign-in (a profile)
        self.offer_sign_in = False
        self.sign_in_again = QToolButton(self)
        self.sign_in_again.setText(self.tr("Sign in again…"))
        self.sign_in_again.setAccessibleName(self.tr("Sign in again"))
        self.sign_in_again.setToolTip(self.tr("Salesforce refused the saved sign-in: sign in "
                                              "again to resume the sync"))
        self.sign_in_again.clicked.connect(self.sign_in_again_requested)
        self.sign_in_again.hide()
        self.addPermanentWidget(self.sign_in_again)
        self.last = QLabel(self)
        self.last.setAccessibleName("Last cycle")
        self.next = QLabel(self)
        self.next.setAccessibleName("Next cycle")
        self.usage = QLabel(self)
        self.usage.setAccessibleName("API usage")
        for w in (self.state_label, self.last, self.next, self.usage):
            self.addPermanentWidget(w)
        self.state = "idle"
        self._next_at: float | None = None
        self._paused = False
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self.set_state("idle")

    def set_state(self, state: str, detail: str = "") -> None:
        self.state = state
        text, colour_of = STATES.get(state, (state, "deleted"))
        colour = state_style.colour(colour_of).name()
        self.state_label.setText(f"<span style='color:{colour}'>&#9679;</span> {text}")
        self.state_label.setToolTip(detail or text)
        self.sign_in_again.setVisible(state == "needs_sign_in" and self.offer_sign_in)
        if state != "waiting":
            self._next_at = None
        self._tick()

    def set_paused(self, paused: bool) -> None:
        self._paused = paused
        if paused:
            self.set_state("paused")
        elif self.state == "paused":
            self.set_state("waiting" if self._next_at else "syncing")

    def cycle_done(self, report: CycleReport) -> None:
        s = report.summary
        calls = f"{s.api_calls} API call{'s' if s.api_calls != 1 else ''}"
        failures = f", {s.failures} failed" if s.failures else ""
        self.last.setText(f"Last sync {time.strftime('%H:%M:%S')}: {s.status.replace('_', ' ')}"
                          f", {calls}{failures}")
        self.last.setToolTip(s.message or "")
        if report.used is not None and report.limit:
            self.set_usage(report.used, report.limit)
        if s.status in ("needs_sign_in", "budget", "api_limit", "failed"):
            self.set_state(s.status, s.message)
        elif not self._paused:
            self.set_state("waiting")

    def set_usage(self, used: int, limit: int) -> None:
        share = 100 * used / limit if limit else 0
        self.usage.setText(f"API {used:,} / {limit:,} today ({share:.0f} %)")

    def waiting(self, seconds: float) -> None:
        self._next_at = time.monotonic() + seconds
        if self._paused:
            self.set_state("paused")
        elif self.state not in ("needs_sign_in", "budget", "api_limit", "failed"):
            self.set_state("waiting")
        self._tick()

    def seconds_to_next(self) -> float | None:
        return None if self._next_at is None else max(0.0, self._next_at - time.monotonic())

    @Slot()
    def _tick(self) -> None:
        left = self.seconds_to_next()
        if self._paused:
            self.next.setText("Paused")
        elif left is None:
            self.next.setText("")
        else:
            self.next.setText(f"Next sync in {_clock(left)}")
