"""Sign-ins off the GUI thread, for the sign-in dialog.

Each press of Sign in is an :class:`Attempt`. The one-request methods (client credentials,
username and password, JWT bearer) run in a plain thread. The browser sign-in runs in two:
a thread checks the login URL and starts :class:`~sfsync_gui.credentials.PkceSignIn`
(keyring probe, loopback listener, browser), and the sign-in's own thread calls its
``on_finished`` when the browser answers, times out or is cancelled. Either way the outcome
comes back as a Qt signal emitted from that thread, so it is queued to the GUI thread.

Cancel really stops: a browser sign-in stops listening at once; a one-request sign-in
cannot be called back mid-request, so when it still succeeds after Cancel, a profile it
made is removed again (a profile signed in again simply stays signed in).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from ..credentials import (
    CLIENT_CREDENTIALS,
    PASSWORD,
    PKCE,
    Credentials,
    PkceSignIn,
    Profile,
    SignInCancelled,
)
from ..credentials.pkce import DEFAULT_TIMEOUT

log = logging.getLogger("sfsync.ui")


@dataclass
class Attempt:
    """One press of Sign in: the profile, the typed secrets (``client_secret``,
    ``password``, ``security_token``, ``passphrase``; never shown in ``repr``), whether
    the profile existed before, and how it is going."""

    profile: Profile
    secrets: dict[str, str] = field(repr=False, default_factory=dict)
    existed: bool = False
    #: seconds a browser sign-in waits for the browser
    timeout: float = DEFAULT_TIMEOUT
    cancelled: threading.Event = field(default_factory=threading.Event)
    #: the browser sign-in, once made
    pkce: PkceSignIn | None = None


@dataclass(frozen=True)
class Outcome:
    """How an attempt ended: the saved profile, or the exception."""

    attempt: Attempt
    profile: Profile | None = None
    error: BaseException | None = None


class SignInRunner(QObject):
    """Runs attempts off the GUI thread.

    Args:
        credentials: where profiles and secrets go.
        open_url: opens the browser sign-in page (None: only report the URL).

    Signals (emitted from sign-in threads; connect bound methods of GUI objects):
        finished(Outcome): an attempt ended.
        browser_waiting(Attempt, str): the browser sign-in waits for the browser; the URL,
            or "" when no browser could be opened.
    """

    finished = Signal(object)
    browser_waiting = Signal(object, str)

    def __init__(self, credentials: Credentials,
                 open_url: Callable[[str], object] | None = webbrowser.open,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.credentials = credentials
        self.open_url = open_url
        self._threads: list[threading.Thread] = []
        self._browser_sign_ins: list[PkceSignIn] = []

    def start(self, attempt: Attempt) -> None:
        """Run ``attempt`` in a new thread."""
        target = self._run_pkce if attempt.profile.method == PKCE else self._run_direct
        thread = threading.Thread(target=target, args=(attempt,), name="sfsync-sign-in",
                                  daemon=True)
        self._threads.append(thread)
        thread.start()

    @staticmethod
    def cancel(attempt: Attempt) -> None:
        """Stop ``attempt`` (any thread): its outcome, when it comes, is a cancellation."""
        attempt.cancelled.set()
        if attempt.pkce is not None:
            attempt.pkce.cancel()

    def wait(self, timeout: float = 10.0) -> bool:
        """Wait for every thread and browser sign-in started here to end; True if they did
        (tests; cancelled browser sign-ins end within a fraction of a second)."""
        end = time.monotonic() + timeout
        for t in list(self._threads):
            t.join(max(0.0, end - time.monotonic()))
        for sign_in in list(self._browser_sign_ins):
            if sign_in.status != "new":
                sign_in.wait(max(0.0, end - time.monotonic()))
        return (all(not t.is_alive() for t in self._threads)
                and all(s.done() or s.status == "new" for s in self._browser_sign_ins))

    # -- in the threads -----------------------------------------------------------------------

    def _run_direct(self, attempt: Attempt) -> None:
        """A one-request sign-in (client credentials, password, JWT)."""
        creds, p, s = self.credentials, attempt.profile, attempt.secrets
        try:
            if p.method == CLIENT_CREDENTIALS:
                saved = creds.sign_in_client_credentials(p, s["client_secret"])
            elif p.method == PASSWORD:
                saved = creds.sign_in_password(p, s["password"],
                                               client_secret=s["client_secret"],
                                               security_token=s.get("security_token") or None)
            else:
                saved = creds.sign_in_jwt(p, s.get("passphrase"))
        except BaseException as exc:
            self._emit(Outcome(attempt, error=exc))
            return
        if attempt.cancelled.is_set():
            if not attempt.existed:  # cancelled: leave nothing behind
                try:
                    creds.disconnect(p.name)
                except Exception:
                    log.exception("could not undo a cancelled sign-in of profile %s", p.name)
            self._emit(Outcome(attempt, error=SignInCancelled()))
            return
        self._emit(Outcome(attempt, profile=saved))

    def _run_pkce(self, attempt: Attempt) -> None:
        """Start a browser sign-in; the sign-in's own thread reports how it ends."""
        creds, p = self.credentials, attempt.profile
        try:
            creds.check_login_url(p)  # a wrong URL or CA file shows now, not after the browser
            if attempt.cancelled.is_set():
                raise SignInCancelled()
            sign_in = creds.begin_pkce(p, open_url=self.open_url, timeout=attempt.timeout,
                                       on_finished=lambda s: self._pkce_finished(attempt, s))
            attempt.pkce = sign_in
            self._browser_sign_ins.append(sign_in)
            url = sign_in.start()
            if attempt.cancelled.is_set():  # Cancel came while it was starting
                sign_in.cancel()
                return
            with contextlib.suppress(RuntimeError):
                self.browser_waiting.emit(attempt,
                                          url if sign_in.browser_opened is not False else "")
        except BaseException as exc:
            if attempt.pkce is not None and attempt.pkce.status != "new":
                attempt.pkce.cancel()
                return  # its on_finished reports
            self._emit(Outcome(attempt, error=exc))

    def _pkce_finished(self, attempt: Attempt, sign_in: PkceSignIn) -> None:
        """``on_finished`` of the browser sign-in, in its thread."""
        if sign_in.error is not None:
            self._emit(Outcome(attempt, error=sign_in.error))
        else:
            self._emit(Outcome(attempt, profile=sign_in.result(0)))

    def _emit(self, outcome: Outcome) -> None:
        with contextlib.suppress(RuntimeError):  # the dialog is gone: nobody waits
            self.finished.emit(outcome)
