"""The status bar: the sync's state (syncing, waiting, paused, needs sign-in, API budget
reached...), the last cycle, the countdown to the next one, and the API usage."""

from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QStatusBar, QToolButton, QWidget

from . import engine_text, language, state_style
from .worker import CycleReport

#: state -> (text in context "SyncStatusBar", translated when shown; colour of the state)
STATES = {
    "idle": (QT_TRANSLATE_NOOP("SyncStatusBar", "Not connected"), "deleted"),
    "starting": (QT_TRANSLATE_NOOP("SyncStatusBar", "Starting…"), "pending"),
    "syncing": (QT_TRANSLATE_NOOP("SyncStatusBar", "Syncing"), "local_only"),
    "waiting": (QT_TRANSLATE_NOOP("SyncStatusBar", "Up to date"), "synced"),
    "paused": (QT_TRANSLATE_NOOP("SyncStatusBar", "Paused"), "deleted"),
    "needs_sign_in": (QT_TRANSLATE_NOOP("SyncStatusBar", "Needs sign-in"), "failed"),
    "budget": (QT_TRANSLATE_NOOP("SyncStatusBar", "API budget reached"), "conflict"),
    "api_limit": (QT_TRANSLATE_NOOP("SyncStatusBar", "API limit reached"), "conflict"),
    "failed": (QT_TRANSLATE_NOOP("SyncStatusBar", "Last cycle failed"), "failed"),
    "stopped": (QT_TRANSLATE_NOOP("SyncStatusBar", "Stopped"), "deleted"),
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
        self.state_label.setAccessibleName(self.tr("Sync state"))
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
        self.last.setAccessibleName(self.tr("Last cycle"))
        self.next = QLabel(self)
        self.next.setAccessibleName(self.tr("Next cycle"))
        self.usage = QLabel(self)
        self.usage.setAccessibleName(self.tr("API usage"))
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
        text = QCoreApplication.translate("SyncStatusBar", text)
        colour = state_style.colour(colour_of).name()
        self.state_label.setText(f"<span style='color:{colour}'>&#9679;</span> {text}")
        self.state_label.setToolTip(engine_text.phase(detail) if detail else text)
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
        calls = self.tr("{count} API call(s)", "", s.api_calls).format(
            count=language.number(s.api_calls))
        text = self.tr("Last sync {time}: {status}, {calls}").format(
            time=language.time_of_day(), status=engine_text.status(s.status), calls=calls)
        if s.failures:
            text += self.tr(", {count} failed", "", s.failures).format(
                count=language.number(s.failures))
        self.last.setText(text)
        self.last.setToolTip(s.message or "")
        if report.used is not None and report.limit:
            self.set_usage(report.used, report.limit)
        if s.status in ("needs_sign_in", "budget", "api_limit", "failed"):
            self.set_state(s.status, s.message)
        elif not self._paused:
            self.set_state("waiting")

    def set_usage(self, used: int, limit: int) -> None:
        share = used / limit if limit else 0
        self.usage.setText(self.tr("API {used} / {limit} today ({share})").format(
            used=language.number(used), limit=language.number(limit),
            share=language.percent(share)))

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
            self.next.setText(self.tr("Paused"))
        elif left is None:
            self.next.setText("")
        else:
            self.next.setText(self.tr("Next sync in {time}").format(time=_clock(left)))
