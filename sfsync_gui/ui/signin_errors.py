"""Why a sign-in failed and what to do about it, in plain words, for the sign-in dialog.

The credentials layer raises precise errors (Salesforce's OAuth codes, the transport's
classification, the browser sign-in's reasons); here each becomes a sentence a person can
act on. No message carries a secret: whatever was typed into a secret field is masked, and
anything that looks like a token is redacted, even though the layers below never put one
in an exception.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from ..credentials import (
    CLIENT_CREDENTIALS,
    JWT,
    PASSWORD,
    KeyringFailed,
    KeyringRefused,
    SignInCancelled,
    SignInFailed,
    SignInTimedOut,
)
from ..salesforce.errors import ConfigError, NeedsSignIn, SalesforceError, redact

#: Translation context: the texts belong to the sign-in dialog.
CONTEXT = "SignInDialog"


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, None, n)


def sentence(text: str) -> str:
    """``text`` as a sentence: a capital first, one full stop last."""
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "." if text else text


def explain(exc: BaseException | None, *, method: str, login_url: str,
            timeout: float = 300.0, typed: Iterable[str] = ()) -> str:
    """What went wrong signing in with ``method`` at ``login_url``, and what to do.

    Args:
        exc: what the sign-in raised.
        method: the sign-in method (``pkce``, ``jwt``, ``client-credentials``,
            ``password``).
        login_url: the login URL tried.
        timeout: seconds the browser sign-in waited.
        typed: the secrets typed for this attempt, masked should any turn up.
    """
    text = _explain(exc, method, login_url, timeout)
    for value in typed:
        if value and len(value) >= 4:
            text = text.replace(value, "***")
    return redact(text)


def _explain(exc: BaseException | None, method: str, url: str, timeout: float) -> str:
    if isinstance(exc, SignInCancelled):
        return _tr("The sign-in was cancelled; nothing was saved.")
    if isinstance(exc, SignInTimedOut):
        if timeout < 90:
            return _tr("No answer came back from the browser within %n second(s). Click "
                       "Sign in to try again, and finish signing in in the browser window "
                       "that opens.", max(1, round(timeout)))
        return _tr("No answer came back from the browser within %n minute(s). Click Sign in "
                   "to try again, and finish signing in in the browser window that opens.",
                   round(timeout / 60))
    if isinstance(exc, SignInFailed):
        return _browser(exc)
    if isinstance(exc, NeedsSignIn):
        return _refused(exc, method)
    if isinstance(exc, SalesforceError):
        return _transport(exc, url)
    if isinstance(exc, KeyringRefused | KeyringFailed | ConfigError):
        return sentence(str(exc))
    return _tr("The sign-in failed unexpectedly ({0}). Try again; if it keeps failing, "
               "report it.").format(type(exc).__name__)


def _browser(exc: SignInFailed) -> str:
    """The browser sign-in ended without tokens."""
    if exc.reason == "ACCESS_DENIED":
        return _tr("Access was denied in the browser. Click Sign in to try again, and allow "
                   "sfsync access.")
    if exc.reason == "STATE_MISMATCH":
        return _tr("The browser's answer did not belong to this sign-in, so it was ignored. "
                   "Click Sign in to try again.")
    if exc.reason == "REFUSED":
        return _tr("Salesforce refused the sign-in ({0}). Check the client id, and that the "
                   "connected app allows the callback URL http://127.0.0.1:PORT/callback (set "
                   "the port under Advanced when it names one).").format(str(exc))
    return _tr("The sign-in could not be completed: {0}. Check the login URL and the CA "
               "file, then try again.").format(str(exc))


def _refused(exc: NeedsSignIn, method: str) -> str:
    """Salesforce said no to the credentials themselves."""
    said = exc.message or exc.code
    if exc.code == "invalid_client_id":
        return _tr("Salesforce does not know this client id ({0}). Check the connected app's "
                   "consumer key.").format(said)
    if exc.code == "invalid_client":
        return _tr("Salesforce refused the client secret ({0}). Check the connected app's "
                   "consumer secret and try again; nothing was saved.").format(said)
    if method == PASSWORD:
        return _tr("Salesforce refused the username, password or security token ({0}). Check "
                   "them and try again; outside a trusted IP range the security token is "
                   "needed. Nothing was saved.").format(said)
    if method == JWT:
        return _tr("Salesforce refused the signed assertion ({0}). Check the username, that "
                   "the key's certificate is uploaded to the connected app, and that the user "
                   "is pre-authorized. Nothing was saved.").format(said)
    if method == CLIENT_CREDENTIALS:
        return _tr("Salesforce refused the client credentials ({0}). Check the client secret "
                   "and that the connected app has a run-as user. Nothing was saved."
                   ).format(said)
    return _tr("Salesforce refused the sign-in ({0}).").format(said)


def _transport(exc: SalesforceError, url: str) -> str:
    """The login URL could not be talked to."""
    if exc.code == "CERTIFICATE_VERIFY_FAILED":
        return _tr("The server's certificate at {0} is not trusted. For a private org (such "
                   "as the local one) choose its CA file under Advanced.").format(url)
    if exc.code == "TLS_ERROR":
        return _tr("No secure (TLS) connection could be made to {0}: {1}. Check the URL and "
                   "the CA file.").format(url, exc.message)
    if exc.code in ("CONNECTION_ERROR", "TIMEOUT", "REQUEST_FAILED"):
        return _tr("{0} cannot be reached. Check the login URL and your network connection, "
                   "then try again.").format(url)
    if exc.code == "INVALID_URL":
        return _tr("{0} is not a valid login URL.").format(url)
    return _tr("Salesforce answered with an error: {0}. Check the settings and try again."
               ).format(str(exc))
