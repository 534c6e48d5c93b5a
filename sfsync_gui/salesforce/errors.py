"""What went wrong talking to Salesforce, sorted by what the sync engine does about it.

Every failure the connection layer raises is a :class:`SalesforceError`; its subclass
says what to do:

* :class:`TransientError` — a row lock, a 5xx, a time-out, a dropped connection: retry the
  same call later, with back-off.
* :class:`ApiLimitReached` — the org's daily API allowance is spent: stop the cycle and
  tell the user why.
* :class:`NeedsSignIn` — no new token could be had (the token endpoint refused the
  credentials, or there is no way to renew): stop and ask the user to sign in again. A
  401 right after a successful refresh is a :class:`TransientError` instead.
* :class:`RecordRejected` — a permanent error of one record (validation rule, required
  field...). Collections return these per record, as data; :func:`record_error` turns one
  such result into an exception object when the engine wants one.
* :class:`QueryError` — the SOQL was refused (unknown or hidden field, bad syntax...).
* :class:`SalesforceError` itself — anything else permanent (404, 403 without a limit,
  a malformed request of ours): retrying the same call will not help.

:func:`classify` maps simple-salesforce's and requests' exceptions onto these. Messages
carry Salesforce's error code and text, never a token or a client secret (see
:func:`redact`).
"""

from __future__ import annotations

import json
import re
import ssl
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import requests
from simple_salesforce.exceptions import SalesforceAuthenticationFailed
from simple_salesforce.exceptions import SalesforceError as ClientError

#: Per-record / single-record codes that go away by themselves (the record is busy).
TRANSIENT_CODES = frozenset({"UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE", "UNKNOWN_EXCEPTION"})
#: Codes of a refused SOQL query.
QUERY_CODES = frozenset({
    "INVALID_FIELD", "MALFORMED_QUERY", "INVALID_TYPE", "INVALID_QUERY_FILTER_OPERATOR",
    "INVALID_QUERY_LOCATOR", "QUERY_TIMEOUT", "INVALID_FIELD_FOR_SELECT",
    "INVALID_QUERY_SCOPE", "NONEXISTENT_RELATIONSHIP",
})
#: Codes that belong to one record's data: fixing the record (or the rule) is the cure.
RECORD_CODES = frozenset({
    "REQUIRED_FIELD_MISSING", "FIELD_CUSTOM_VALIDATION_EXCEPTION", "INVALID_EMAIL_ADDRESS",
    "STRING_TOO_LONG", "INVALID_FIELD_FOR_INSERT_UPDATE", "DUPLICATES_DETECTED",
    "DUPLICATE_VALUE", "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "MALFORMED_ID",
    "INVALID_CROSS_REFERENCE_KEY", "ENTITY_IS_DELETED", "FIELD_INTEGRITY_EXCEPTION",
    "NUMBER_OUTSIDE_VALID_RANGE", "INVALID_TYPE_ON_FIELD_IN_RECORD",
    "FIELD_FILTER_VALIDATION_EXCEPTION",
    "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY", "INSUFFICIENT_ACCESS_OR_READONLY",
    "ENTITY_IS_LOCKED", "INVALID_ID_FIELD", "ALL_OR_NONE_OPERATION_ROLLED_BACK",
})
#: OAuth errors that mean "these credentials / this grant will never work again".
SIGN_IN_OAUTH_ERRORS = frozenset({
    "invalid_grant", "invalid_client", "invalid_client_id", "unauthorized_client",
    "invalid_token", "inactive_user", "inactive_org", "unsupported_grant_type",
})
#: A message longer than this (an HTML error page from a proxy...) is cut.
MAX_MESSAGE = 500

# Things that look like credentials, wherever they turn up in text we did not write.
_SECRET_PATTERNS = (
    re.compile(r"(?i)(bearer|oauth)\s+[^\s,;\"']+"),
    re.compile(r"(?i)((?:access|refresh)_token|client_secret|session_?id|password|"
               r"assertion|code_verifier)(\"?\s*[=:]\s*\"?)[^\s&,;\"'}]+"),
    # Salesforce session ids: org id prefix 00D, "!", then a long opaque tail
    re.compile(r"00D[A-Za-z0-9]{12,15}![A-Za-z0-9._\-]{20,}"),
)


class ConfigError(ValueError):
    """The connection cannot be configured as given (a missing environment variable,
    an unreadable CA file); the message names what to set."""


class SalesforceError(Exception):
    """A failed call to Salesforce.

    Attributes:
        code: Salesforce's error code (``INVALID_FIELD``...), an OAuth error
            (``invalid_grant``), or one of ours (``CONNECTION_ERROR``, ``TIMEOUT``...).
        message: what Salesforce (or the transport) said, secrets removed.
        status: the HTTP status, or None when no answer came.
        fields: the fields the error is about, when Salesforce names them.
        completed: for a chunked write that failed part-way, the per-record results of
            the chunks that went through before it (in input order); None otherwise.
    """

    completed: list[dict[str, Any]] | None = None

    def __init__(self, code: str, message: str, status: int | None = None,
                 fields: Iterable[str] | None = None) -> None:
        self.code = code
        self.message = redact(message)[:MAX_MESSAGE]
        self.status = status
        self.fields = list(fields or [])
        super().__init__(str(self))

    def __str__(self) -> str:
        status = f" (HTTP {self.status})" if self.status is not None else ""
        fields = f" [fields: {', '.join(self.fields)}]" if self.fields else ""
        return f"{self.code}: {self.message}{fields}{status}"

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(code={self.code!r}, message={self.message!r}, "
                f"status={self.status!r}, fields={self.fields!r})")

    def __reduce__(self) -> tuple[Any, ...]:
        # Exceptions cross threads and processes (Qt workers, multiprocessing): keep
        # them picklable although __init__ takes more than ``args``.
        return (type(self), (self.code, self.message, self.status, self.fields),
                {"completed": self.completed})


class TransientError(SalesforceError):
    """Retry later with back-off: a row lock, a 5xx, a time-out, a dropped connection."""


class ApiLimitReached(SalesforceError):
    """``REQUEST_LIMIT_EXCEEDED``: the org's API allowance is spent; stop the cycle."""


class NeedsSignIn(SalesforceError):
    """A new token cannot be had (the token endpoint refused the credentials): the user
    must sign in again (or fix the app's credentials)."""


class RecordRejected(SalesforceError):
    """A permanent error of one record (validation rule, required field, duplicate...)."""


class QueryError(SalesforceError):
    """Salesforce refused the SOQL (``INVALID_FIELD``, ``MALFORMED_QUERY``...)."""


def redact(text: str) -> str:
    """``text`` with anything that looks like a token, secret or password replaced."""
    for pattern in _SECRET_PATTERNS:
        if pattern.groups >= 2:
            text = pattern.sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)
        elif pattern.groups == 1:
            text = pattern.sub(lambda m: f"{m.group(1)} ***", text)
        else:
            text = pattern.sub("***", text)
    return text


def error_for_code(code: str, message: str, status: int | None = None,
                   fields: Iterable[str] | None = None) -> SalesforceError:
    """The exception class Salesforce's ``code`` (with HTTP ``status``) calls for."""
    cls: type[SalesforceError]
    if code == "REQUEST_LIMIT_EXCEEDED":
        # The same code covers the daily allowance and too many concurrent long
        # requests; only the first is a reason to stop the cycle.
        cls = TransientError if "concurrent" in message.lower() else ApiLimitReached
    elif code == "INVALID_SESSION_ID" or status == 401:
        cls = NeedsSignIn
    elif code in TRANSIENT_CODES or (status is not None and status >= 500):
        cls = TransientError
    elif code in QUERY_CODES:
        cls = QueryError
    elif code in RECORD_CODES:
        cls = RecordRejected
    else:
        cls = SalesforceError
    return cls(code, message, status, fields)


def record_error(result: Mapping[str, Any]) -> SalesforceError | None:
    """The error of one collection result (``{"success", "errors": [...]}``), or None when
    it succeeded. A row lock is a :class:`TransientError`, a validation or other data
    problem a :class:`RecordRejected`; several errors are joined into one message."""
    if result.get("success", True) and not result.get("errors"):
        return None
    errors = [e for e in result.get("errors") or [] if isinstance(e, Mapping)]
    if not errors:
        return RecordRejected("UNKNOWN_ERROR", "the record was not saved (no reason given)")
    first = errors[0]
    code = str(first.get("statusCode") or first.get("errorCode") or "UNKNOWN_ERROR")
    message = "; ".join(str(e.get("message", "")) for e in errors)
    fields = [f for e in errors for f in e.get("fields") or []]
    if code in TRANSIENT_CODES:
        return TransientError(code, message, None, fields)
    if code in QUERY_CODES:  # cannot happen for a record, but keep the mapping honest
        return QueryError(code, message, None, fields)
    return RecordRejected(code, message, None, fields)


def classify(exc: BaseException) -> SalesforceError:
    """Turn an exception from simple-salesforce or requests into a :class:`SalesforceError`.

    Already classified errors come back as they are. Anything unknown becomes a plain
    :class:`SalesforceError` (permanent) naming the exception type.
    """
    if isinstance(exc, SalesforceError):
        return exc
    if isinstance(exc, SalesforceAuthenticationFailed):
        return NeedsSignIn(str(exc.code or "AUTHENTICATION_FAILED"),
                           exc.auth_message or "authentication failed", 401)
    if isinstance(exc, ClientError):
        return _from_response(exc.status, exc.content)
    if isinstance(exc, requests.exceptions.SSLError):
        if _certificate_refused(exc):
            return SalesforceError(
                "CERTIFICATE_VERIFY_FAILED",
                f"the server's TLS certificate is not trusted: {_certificate_problem(exc)}")
        return TransientError("TLS_ERROR", _exc_text(exc))
    if isinstance(exc, requests.exceptions.Timeout):
        return TransientError("TIMEOUT", f"no answer in time: {_exc_text(exc)}")
    if isinstance(exc, requests.ConnectionError | requests.exceptions.ChunkedEncodingError):
        return TransientError("CONNECTION_ERROR", f"the connection failed: {_exc_text(exc)}")
    if isinstance(exc, requests.exceptions.JSONDecodeError | json.JSONDecodeError):
        # a body cut short or a proxy's HTML page where JSON was due
        return TransientError("MALFORMED_RESPONSE", f"the answer was not valid JSON: {exc}")
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return SalesforceError("INVALID_URL", _exc_text(exc))
    if isinstance(exc, requests.exceptions.RequestException):
        return TransientError("REQUEST_FAILED", _exc_text(exc))
    return SalesforceError("UNEXPECTED_ERROR", f"{type(exc).__name__}: {exc}")


def _from_response(status: int | None, content: Any) -> SalesforceError:
    """The error of an HTTP answer whose body is ``content`` (parsed JSON or text)."""
    first: Mapping[str, Any] | None = None
    if isinstance(content, list) and content and isinstance(content[0], Mapping):
        first = content[0]
    elif isinstance(content, Mapping):
        first = content
    if first is not None:
        if "error" in first and "errorCode" not in first:  # an OAuth answer
            return _oauth_error(status, first)
        code = str(first.get("errorCode") or first.get("statusCode") or f"HTTP_{status}")
        message = str(first.get("message") or "")
        return error_for_code(code, message, status, first.get("fields") or [])
    if isinstance(content, bytes):
        content = content.decode("utf-8", "replace")
    text = " ".join(str(content or "").split())
    return error_for_code(f"HTTP_{status}", text or f"HTTP status {status}", status)


def _oauth_error(status: int | None, body: Mapping[str, Any]) -> SalesforceError:
    code = str(body.get("error"))
    description = str(body.get("error_description") or "")
    if code in SIGN_IN_OAUTH_ERRORS:
        return NeedsSignIn(code, description or "sign-in refused", status)
    return error_for_code(code, description, status)


def oauth_error(status: int | None, body: Any, *, where: str) -> SalesforceError:
    """The error of a refused token request to ``where`` (the login URL)."""
    if isinstance(body, Mapping) and "error" in body:
        err = _oauth_error(status, body)
        if isinstance(err, NeedsSignIn):
            return NeedsSignIn(err.code, f"{where} refused the sign-in: {err.message}",
                               status)
        return err
    return _from_response(status, body)


def _exception_chain(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and every exception it wraps (args, cause, context, urllib3's reason),
    each once: requests buries the SSL error several layers down."""
    seen: set[int] = set()
    stack: list[Any] = [exc]
    while stack:
        item = stack.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        stack.extend([*item.args, item.__cause__, item.__context__,
                      getattr(item, "reason", None)])


def _certificate_refused(exc: BaseException) -> bool:
    return any(isinstance(item, ssl.SSLCertVerificationError)
               or "CERTIFICATE_VERIFY_FAILED" in str(item)
               for item in _exception_chain(exc))


#: OpenSSL's verify codes -> what is wrong and what to do, in words.
_VERIFY_PROBLEMS = {
    10: "it has expired; the server must renew it (check this computer's date too)",
    9: "it is not valid yet; check this computer's date and time",
    62: "it was issued for another name than the server's address; check the login or "
        "instance URL",
    64: "it was issued for another name than the server's address; check the login or "
        "instance URL",
    20: "it is not signed by a certificate authority this app trusts; for a private org "
        "give its CA file (SFSYNC_CA_FILE, or sfsync connect --ca-file)",
    19: "it is self-signed or signed by an unknown CA; for a private org give its CA file "
        "(SFSYNC_CA_FILE, or sfsync connect --ca-file)",
    18: "it is self-signed; for a private org give its CA file (SFSYNC_CA_FILE, or sfsync "
        "connect --ca-file)",
}


def _certificate_problem(exc: BaseException) -> str:
    """The verify failure in ``exc``'s chain as a cause and a remedy."""
    for item in _exception_chain(exc):
        if isinstance(item, ssl.SSLCertVerificationError):
            problem = _VERIFY_PROBLEMS.get(getattr(item, "verify_code", None))
            detail = getattr(item, "verify_message", None) or "certificate verify failed"
            if problem:
                return f"{problem} ({detail})"
            return f"{detail}; check the CA file and the URL"
    return f"{_exc_text(exc)} (check the CA file)"


def _exc_text(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
