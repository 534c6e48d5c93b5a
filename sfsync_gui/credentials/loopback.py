"""The loopback listener of the browser sign-in: where Salesforce sends the browser back.

An HTTP server on ``127.0.0.1`` (a random free port unless told one) that waits for
``GET /callback?code=…&state=…``. It checks ``state`` in constant time, hands the code to
the caller, and shows the browser the outcome. Each connection gets its own thread, so a
browser's idle pre-connection cannot hold up the real answer; the waiting loop polls, so it
can be cancelled from another thread and gives up at its deadline. Once an answer is being
handled, only its outcome ends the wait (the code exchange has its own time-out). Nothing
here logs the code, and the server writes no access log.
"""

from __future__ import annotations

import hmac
import html
import logging
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, HTTPServer
from socketserver import ThreadingMixIn
from urllib.parse import parse_qs, urlsplit

from .errors import SignInCancelled, SignInFailed, SignInTimedOut

log = logging.getLogger("sfsync.credentials.loopback")

CALLBACK_PATH = "/callback"
#: How often the listener looks at cancel and the deadline (seconds).
POLL = 0.2
#: Seconds a browser connection may take to send its request.
REQUEST_TIMEOUT = 10.0

#: What the code handler returns: None when all went well, else the failure to report.
CodeHandler = Callable[[str], SignInFailed | None]

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sfsync-gui sign-in</title>
<style>body{{font-family:sans-serif;margin:3em auto;max-width:36em;line-height:1.5}}</style>
</head><body><h1>{title}</h1><p>{text}</p></body></html>
"""


def _page(title: str, text: str) -> bytes:
    return _PAGE.format(title=html.escape(title), text=html.escape(text)).encode("utf-8")


class _Server(ThreadingMixIn, HTTPServer):
    """Carries the listener to its handlers; a daemon thread per connection."""

    daemon_threads = True
    listener: LoopbackListener


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    timeout = REQUEST_TIMEOUT

    def do_GET(self) -> None:
        status, body, settled = self.server.listener.answer(self.path)
        try:
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
        finally:
            if settled:  # the browser has its page before the waiter moves on
                self.server.listener.settled()

    def log_message(self, format: str, *args: object) -> None:
        """No access log: the request line holds the authorization code."""


class LoopbackListener:
    """Listens on ``127.0.0.1:port`` for one sign-in answer.

    Args:
        state: the ``state`` sent with the authorize request; answers must carry it back.
        port: the port to listen on; 0 picks a free one.
    """

    def __init__(self, state: str, *, port: int = 0) -> None:
        self._state = state
        self._server = _Server(("127.0.0.1", port), _Handler)
        self._server.listener = self
        self._server.timeout = POLL
        self._on_code: CodeHandler | None = None
        self._outcome: SignInFailed | None = None
        self._lock = threading.Lock()
        self._claimed = False  # an answer is being handled
        self._finished = threading.Event()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def redirect_uri(self) -> str:
        """The callback URL to give Salesforce."""
        return f"http://127.0.0.1:{self.port}{CALLBACK_PATH}"

    def close(self) -> None:
        self._server.server_close()

    def serve(self, on_code: CodeHandler, *, deadline: float, cancelled: threading.Event,
              timeout_text: str) -> None:
        """Serve until an answer settles the sign-in. ``on_code(code)`` runs for an answer
        with the right state (it exchanges the code) and says how that went.

        Raises:
            SignInCancelled: ``cancelled`` was set.
            SignInTimedOut: ``deadline`` (a ``time.monotonic()`` value) passed.
            SignInFailed: a wrong ``state``, an error from Salesforce, no code, or what
                ``on_code`` reported.
        """
        self._on_code = on_code
        try:
            while not self._finished.is_set():
                stop: SignInFailed | None = None
                with self._lock:
                    claimed = self._claimed
                    if not claimed:
                        if cancelled.is_set():
                            stop = SignInCancelled()
                        elif time.monotonic() >= deadline:
                            stop = SignInTimedOut(timeout_text)
                        if stop is not None:
                            self._claimed = True  # a late answer finds the door shut
                if stop is not None:
                    raise stop
                if claimed:
                    self._finished.wait(POLL)
                else:
                    self._server.handle_request()
        finally:
            with self._lock:
                self._claimed = True
            self.close()
        if self._outcome is not None:
            raise self._outcome

    # -- one request ------------------------------------------------------------------------

    def settled(self) -> None:
        """The answer was handled and the browser shown the outcome: the wait is over."""
        self._finished.set()

    def answer(self, path: str) -> tuple[int, bytes, bool]:
        """Status and page for a request to ``path``, and whether it settled the sign-in
        (then :meth:`settled` must follow)."""
        parts = urlsplit(path)
        with self._lock:
            mine = parts.path == CALLBACK_PATH and not self._claimed
            if mine:
                self._claimed = True
        if not mine:
            return 404, _page("Not found", "Nothing here."), False
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        try:
            outcome = self._settle(query)
        except Exception:
            log.exception("the sign-in answer could not be handled")
            outcome = SignInFailed("ERROR", "The sign-in answer could not be handled.")
        self._outcome = outcome
        if outcome is None:
            return 200, _page("Signed in", "sfsync-gui is signed in to Salesforce. You can "
                                           "close this tab and go back to the app."), True
        return 400, _page("Sign-in failed",
                          f"{outcome} Go back to sfsync-gui and try again."), True

    def _settle(self, query: dict[str, str]) -> SignInFailed | None:
        if not hmac.compare_digest(query.get("state", "").encode(), self._state.encode()):
            log.info("a sign-in answer with the wrong state arrived; sign-in stopped")
            return SignInFailed("STATE_MISMATCH", "The answer that reached the sign-in "
                                "listener does not belong to this sign-in (wrong state): "
                                "it was ignored and the sign-in stopped.")
        if "error" in query:
            error = query["error"][:100]
            text = query.get("error_description", "")[:300]
            if error == "access_denied":
                return SignInFailed("ACCESS_DENIED", "Access was denied in the browser.")
            return SignInFailed("REFUSED", f"Salesforce refused the sign-in: {error}"
                                + (f" ({text})" if text else "") + ".")
        code = query.get("code", "")
        if not code:
            return SignInFailed("NO_CODE", "The answer carried no authorization code.")
        assert self._on_code is not None
        return self._on_code(code)
