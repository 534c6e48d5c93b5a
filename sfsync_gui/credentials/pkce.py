"""The browser sign-in: authorization code with PKCE over a loopback redirect.

:class:`PkceSignIn` is one sign-in, made for a window as much as for the command line:
``start()`` listens on 127.0.0.1, builds the authorize URL and opens the browser (or lets
the caller show the URL); a worker thread waits for the answer, exchanges the code with the
verifier, and stores the refresh token in the keyring; ``cancel()`` works from any thread;
``wait()`` / ``result()`` / ``on_finished`` tell the outcome.

    sign_in = credentials.begin_pkce(profile)        # sfsync_gui.credentials.Credentials
    url = sign_in.start()                            # the browser opens on url
    profile = sign_in.result()                       # blocks; raises SignInFailed
"""

from __future__ import annotations

import base64
import hashlib
import logging
import secrets
import threading
import time
import webbrowser
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from ..salesforce.errors import ConfigError, NeedsSignIn, SalesforceError
from .errors import SignInCancelled, SignInFailed
from .loopback import LoopbackListener
from .profiles import Profile
from .secretstore import REFRESH_TOKEN

if TYPE_CHECKING:
    from .manager import Credentials

log = logging.getLogger("sfsync.credentials.pkce")

#: Seconds a browser sign-in may take by default.
DEFAULT_TIMEOUT = 300.0
#: Scopes asked for: the REST API, and a refresh token to stay signed in.
SCOPE = "api refresh_token"

NEW, WAITING, SIGNED_IN, CANCELLED, TIMED_OUT, FAILED = (
    "new", "waiting", "signed_in", "cancelled", "timed_out", "failed")


def new_verifier() -> str:
    """A PKCE code verifier: 86 unreserved characters (RFC 7636: 43-128)."""
    return secrets.token_urlsafe(64)


def challenge_of(verifier: str) -> str:
    """The S256 code challenge of ``verifier``."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def authorize_url(login_url: str, client_id: str, redirect_uri: str, *, state: str,
                  challenge: str, login_hint: str | None = None) -> str:
    """The ``/services/oauth2/authorize`` URL that starts the browser sign-in."""
    params = {"response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri,
              "state": state, "code_challenge": challenge, "code_challenge_method": "S256",
              "scope": SCOPE}
    if login_hint:
        params["login_hint"] = login_hint
    return f"{login_url.rstrip('/')}/services/oauth2/authorize?{urlencode(params)}"


class PkceSignIn:
    """One browser sign-in for ``profile``; its refresh token ends up in the keyring.

    Args:
        credentials: where the profile and its secrets are saved.
        profile: the profile to sign in (saved, with state ``signed_in``, on success).
        open_url: opens the authorize URL (default: the system browser); None to only
            return it from :meth:`start` (``--no-browser``). Its return value, when a
            bool, says whether a browser opened.
        timeout: seconds to wait for the browser's answer.
        on_finished: called with this object once it is done, in the worker thread.
    """

    def __init__(self, credentials: Credentials, profile: Profile, *,
                 open_url: Callable[[str], object] | None = webbrowser.open,
                 timeout: float = DEFAULT_TIMEOUT,
                 on_finished: Callable[[PkceSignIn], None] | None = None) -> None:
        if timeout <= 0:
            raise ValueError("the sign-in time-out must be positive")
        self._credentials = credentials
        self.profile = profile
        self.timeout = timeout
        self._open_url = open_url
        self._on_finished = on_finished
        self.__verifier = new_verifier()
        self.__state = secrets.token_urlsafe(24)
        self._cancel = threading.Event()
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._status = NEW
        self._error: SignInFailed | None = None
        self._result: Profile | None = None
        self._listener: LoopbackListener | None = None
        self._thread: threading.Thread | None = None
        #: The URL the browser must open (set by :meth:`start`).
        self.authorize_url: str | None = None
        #: The loopback callback URL (set by :meth:`start`).
        self.redirect_uri: str | None = None
        #: Whether ``open_url`` reported a browser opened (None: not asked).
        self.browser_opened: bool | None = None

    def __repr__(self) -> str:
        return f"PkceSignIn(profile={self.profile.name!r}, status={self._status!r})"

    # -- control ---------------------------------------------------------------------------

    def start(self) -> str:
        """Listen, start waiting in a worker thread, open the browser; return the URL.

        Raises:
            KeyringRefused / KeyringFailed: no usable keyring (checked first, so nobody
                signs in for nothing).
            SignInFailed: the loopback port cannot be had.
        """
        with self._lock:
            if self._status != NEW:
                raise RuntimeError("this sign-in was started already; make a new one")
            self._credentials.check_keyring()
            try:
                listener = LoopbackListener(self.__state, port=self.profile.callback_port)
            except OSError as exc:
                raise SignInFailed("ERROR", "cannot listen for the sign-in on 127.0.0.1:"
                                   f"{self.profile.callback_port}: {exc.strerror or exc}"
                                   ) from None
            self._listener = listener
            self.redirect_uri = listener.redirect_uri
            self.authorize_url = authorize_url(
                self.profile.login_url, self.profile.client_id, listener.redirect_uri,
                state=self.__state, challenge=challenge_of(self.__verifier),
                login_hint=self.profile.username)
            self._status = WAITING
            self._thread = threading.Thread(target=self._run, name="sfsync-pkce-sign-in",
                                            daemon=True)
            self._thread.start()
        log.info("browser sign-in for profile %s waiting on %s", self.profile.name,
                 listener.redirect_uri)
        if self._open_url is not None:
            try:
                opened = self._open_url(self.authorize_url)
            except Exception as exc:  # a missing browser must not end the sign-in
                log.info("could not open a browser: %s", exc)
                opened = False
            self.browser_opened = opened if isinstance(opened, bool) else True
        return self.authorize_url

    def cancel(self) -> None:
        """Stop waiting (from any thread); :meth:`result` then raises SignInCancelled.
        No effect once the sign-in is done."""
        self._cancel.set()

    # -- outcome -----------------------------------------------------------------------------

    @property
    def status(self) -> str:
        """``new``, ``waiting``, ``signed_in``, ``cancelled``, ``timed_out`` or ``failed``."""
        return self._status

    @property
    def error(self) -> SignInFailed | None:
        """Why it failed, once it has."""
        return self._error

    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until done (at most ``timeout`` seconds); return whether it is."""
        if self._status == NEW:
            raise RuntimeError("start() the sign-in first")
        return self._done.wait(timeout)

    def result(self, timeout: float | None = None) -> Profile:
        """The signed-in profile, once done.

        Raises:
            TimeoutError: not done within ``timeout`` seconds (the sign-in goes on).
            SignInFailed: it failed, timed out (SignInTimedOut) or was cancelled
                (SignInCancelled).
        """
        if not self.wait(timeout):
            raise TimeoutError("the sign-in is still waiting for the browser")
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result

    # -- the worker ------------------------------------------------------------------------------

    def _run(self) -> None:
        assert self._listener is not None
        try:
            self._listener.serve(
                self._exchange, deadline=time.monotonic() + self.timeout,
                cancelled=self._cancel,
                timeout_text=f"no answer came back from the browser in {self.timeout:g} s: "
                             "sign in again")
            self._status = SIGNED_IN
        except SignInFailed as exc:
            self._error = exc
            self._status = {"CANCELLED": CANCELLED, "TIMED_OUT": TIMED_OUT}.get(exc.reason,
                                                                                FAILED)
        except Exception as exc:  # never leave a waiter hanging
            log.exception("the browser sign-in failed")
            self._error = SignInFailed("ERROR", f"the sign-in failed: {type(exc).__name__}")
            self._status = FAILED
        finally:
            self._done.set()
            log.info("browser sign-in for profile %s: %s", self.profile.name, self._status)
            if self._on_finished is not None:
                try:
                    self._on_finished(self)
                except Exception:
                    log.exception("the sign-in's on_finished callback failed")

    def _exchange(self, code: str) -> SignInFailed | None:
        """Trade the code for tokens and store them; None when all went well."""
        assert self.redirect_uri is not None
        client = self._credentials.client(self.profile)
        try:
            tokens = client.exchange_code(code, self.__verifier, self.redirect_uri)
            if self._cancel.is_set():
                if tokens.refresh_token:
                    client.revoke(tokens.refresh_token)
                return SignInCancelled()
            if not tokens.refresh_token:
                return SignInFailed("REFUSED", "Salesforce signed in but gave no refresh "
                                    "token: give the connected app the 'refresh_token' "
                                    "(offline access) scope")
            self._result = self._credentials.complete_sign_in(
                self.profile, tokens, {REFRESH_TOKEN: tokens.refresh_token}, client=client)
        except NeedsSignIn as exc:
            return SignInFailed("REFUSED", f"Salesforce refused the sign-in: {exc}")
        except SalesforceError as exc:  # unreachable, an untrusted certificate...
            return SignInFailed("ERROR", f"the sign-in could not be completed: {exc}")
        except ConfigError as exc:  # the keyring, the settings file
            return SignInFailed("ERROR", str(exc))
        finally:
            client.close()
        return None
