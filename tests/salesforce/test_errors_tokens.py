"""Error classification, redaction, environment configuration and the HTTPS session —
the parts that need no org."""

from __future__ import annotations

import pickle
import ssl
from pathlib import Path

import pytest
import requests
from simple_salesforce.exceptions import (
    SalesforceAuthenticationFailed,
    SalesforceExpiredSession,
    SalesforceGeneralError,
    SalesforceMalformedRequest,
    SalesforceRefusedRequest,
    SalesforceResourceNotFound,
)

from sfsync_gui.salesforce import (
    ApiLimitReached,
    ClientCredentialsTokens,
    ConfigError,
    NeedsSignIn,
    QueryError,
    RecordRejected,
    SalesforceConnection,
    SalesforceError,
    StaticTokens,
    TokenProvider,
    TransientError,
    classify,
    https_session,
    record_error,
    tokens_from_env,
)
from sfsync_gui.salesforce.errors import redact

URL = "https://example.my.salesforce.com/services/data/v59.0/query/"


def body(code: str, message: str = "m", fields: list[str] | None = None) -> list[dict]:
    return [{"errorCode": code, "message": message, "fields": fields or []}]


@pytest.mark.parametrize(("exc", "cls", "code"), [
    (SalesforceMalformedRequest(URL, 400, "query", body("INVALID_FIELD", "No such column")),
     QueryError, "INVALID_FIELD"),
    (SalesforceMalformedRequest(URL, 400, "query", body("MALFORMED_QUERY")),
     QueryError, "MALFORMED_QUERY"),
    (SalesforceMalformedRequest(URL, 400, "x", body("UNABLE_TO_LOCK_ROW")),
     TransientError, "UNABLE_TO_LOCK_ROW"),
    (SalesforceMalformedRequest(URL, 400, "x", body("REQUIRED_FIELD_MISSING", "m",
                                                    ["Company"])),
     RecordRejected, "REQUIRED_FIELD_MISSING"),
    (SalesforceMalformedRequest(URL, 400, "x", body("JSON_PARSER_ERROR")),
     SalesforceError, "JSON_PARSER_ERROR"),
    (SalesforceRefusedRequest(URL, 403, "x", body("REQUEST_LIMIT_EXCEEDED",
                                                  "TotalRequests Limit exceeded.")),
     ApiLimitReached, "REQUEST_LIMIT_EXCEEDED"),
    (SalesforceRefusedRequest(URL, 403, "x", body(
        "REQUEST_LIMIT_EXCEEDED", "ConcurrentPerOrgLongTxn Limit exceeded.")),
     TransientError, "REQUEST_LIMIT_EXCEEDED"),
    (SalesforceRefusedRequest(URL, 403, "x", body("INSUFFICIENT_ACCESS")),
     SalesforceError, "INSUFFICIENT_ACCESS"),
    (SalesforceExpiredSession(URL, 401, "x", body("INVALID_SESSION_ID")),
     NeedsSignIn, "INVALID_SESSION_ID"),
    (SalesforceResourceNotFound(URL, 404, "x", body("NOT_FOUND")),
     SalesforceError, "NOT_FOUND"),
    (SalesforceGeneralError(URL, 500, "x", body("UNKNOWN_EXCEPTION")),
     TransientError, "UNKNOWN_EXCEPTION"),
    (SalesforceGeneralError(URL, 502, "x", "<html><body>Bad gateway</body></html>"),
     TransientError, "HTTP_502"),
    (SalesforceGeneralError(URL, 503, "x", b""), TransientError, "HTTP_503"),
    (SalesforceMalformedRequest(URL, 400, "x", {"error": "invalid_grant",
                                                "error_description": "expired"}),
     NeedsSignIn, "invalid_grant"),
    (SalesforceAuthenticationFailed("INVALID_LOGIN", "bad"), NeedsSignIn, "INVALID_LOGIN"),
    (requests.ConnectionError("Connection aborted."), TransientError, "CONNECTION_ERROR"),
    (requests.exceptions.ChunkedEncodingError("cut"), TransientError, "CONNECTION_ERROR"),
    (requests.ReadTimeout("read timed out"), TransientError, "TIMEOUT"),
    (requests.ConnectTimeout("connect timed out"), TransientError, "TIMEOUT"),
    (requests.exceptions.SSLError("EOF occurred in violation of protocol"),
     TransientError, "TLS_ERROR"),
    (requests.exceptions.SSLError(ssl.SSLCertVerificationError(
        1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")),
     SalesforceError, "CERTIFICATE_VERIFY_FAILED"),
    (requests.exceptions.JSONDecodeError("Expecting value", "<html>", 0),
     TransientError, "MALFORMED_RESPONSE"),
    (requests.exceptions.MissingSchema("no scheme"), SalesforceError, "INVALID_URL"),
    (RuntimeError("boom"), SalesforceError, "UNEXPECTED_ERROR"),
])
def test_classify(exc: BaseException, cls: type[SalesforceError], code: str) -> None:
    err = classify(exc)
    assert type(err) is cls
    assert err.code == code
    assert classify(err) is err


def test_error_text_and_attributes() -> None:
    err = classify(SalesforceMalformedRequest(URL, 400, "x", body(
        "REQUIRED_FIELD_MISSING", "Required fields are missing: [Company]", ["Company"])))
    assert err.status == 400 and err.fields == ["Company"]
    assert str(err) == ("REQUIRED_FIELD_MISSING: Required fields are missing: [Company] "
                        "[fields: Company] (HTTP 400)")
    assert repr(err).startswith("RecordRejected(code='REQUIRED_FIELD_MISSING'")
    long = classify(SalesforceGeneralError(URL, 502, "x", "x" * 5000))
    assert len(long.message) <= 500


def test_errors_survive_pickling() -> None:
    err = TransientError("UNABLE_TO_LOCK_ROW", "busy", 400, ["Id"])
    err.completed = [{"id": "00Q", "success": True, "errors": []}]
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is TransientError
    assert (back.code, back.message, back.status, back.fields, back.completed) == (
        "UNABLE_TO_LOCK_ROW", "busy", 400, ["Id"], err.completed)


def test_record_error() -> None:
    assert record_error({"id": "00Q", "success": True, "errors": []}) is None
    lock = record_error({"success": False, "errors": [{
        "statusCode": "UNABLE_TO_LOCK_ROW", "message": "busy", "fields": []}]})
    assert isinstance(lock, TransientError)
    rule = record_error({"success": False, "errors": [
        {"statusCode": "FIELD_CUSTOM_VALIDATION_EXCEPTION", "message": "Hot needs phone",
         "fields": ["Phone"]},
        {"statusCode": "REQUIRED_FIELD_MISSING", "message": "Company", "fields": ["Company"]},
    ]})
    assert isinstance(rule, RecordRejected)
    assert rule.code == "FIELD_CUSTOM_VALIDATION_EXCEPTION"
    assert rule.fields == ["Phone", "Company"]
    assert rule.message == "Hot needs phone; Company"
    assert isinstance(record_error({"success": False, "errors": []}), RecordRejected)


@pytest.mark.parametrize("text", [
    "Authorization: Bearer 00D5g000004abcd!AQ8AQHx.very.secret.token",
    "access_token=abc123secret&instance_url=x",
    '{"access_token": "abc123secret", "token_type": "Bearer"}',
    "client_secret=abc123secret",
    "sid 00D5g000004abcdE!ARwAQPa9vJ3Xz1s0jW2LZy4Pd8kT in text",
])
def test_redact(text: str) -> None:
    out = redact(text)
    assert "secret" not in out.replace("client_secret", "")
    assert "very" not in out and "ARwAQ" not in out
    assert "***" in out
    err = SalesforceError("X", text)
    assert err.message == out and "abc123" not in str(err)


# -- tokens ---------------------------------------------------------------------------------


def test_tokens_from_env(tmp_path: Path) -> None:
    assert tokens_from_env({}) is None
    assert tokens_from_env({"SFSYNC_CA_FILE": "/x"}) is None  # not configured this way
    with pytest.raises(ConfigError, match="set SFSYNC_CLIENT_SECRET too"):
        tokens_from_env({"SFSYNC_LOGIN_URL": "https://x", "SFSYNC_CLIENT_ID": "id"})
    with pytest.raises(ConfigError, match="SFSYNC_LOGIN_URL and SFSYNC_CLIENT_ID"):
        tokens_from_env({"SFSYNC_CLIENT_SECRET": "s3cr3t-value", "SFSYNC_CLIENT_ID": " "})
    full = {"SFSYNC_LOGIN_URL": "https://example.my.salesforce.com/",
            "SFSYNC_CLIENT_ID": "cid", "SFSYNC_CLIENT_SECRET": "s3cr3t-value"}
    with pytest.raises(ConfigError, match="SFSYNC_CA_FILE") as exc:
        tokens_from_env({**full, "SFSYNC_CA_FILE": str(tmp_path / "missing.pem")})
    assert "s3cr3t-value" not in str(exc.value)
    ca = tmp_path / "ca.pem"
    ca.write_text("not really a CA, not read until used")
    tokens = tokens_from_env({**full, "SFSYNC_CA_FILE": str(ca)})
    assert isinstance(tokens, ClientCredentialsTokens)
    provider: TokenProvider = tokens  # satisfies the protocol (checked by type checkers)
    assert provider is tokens
    assert tokens.login_url == "https://example.my.salesforce.com"
    assert tokens.ca_file == str(ca)
    assert "s3cr3t-value" not in repr(tokens) and "s3cr3t-value" not in str(tokens)
    with pytest.raises(ConfigError, match="https://"):
        tokens_from_env({**full, "SFSYNC_LOGIN_URL": "http://example.com"})


def test_static_tokens() -> None:
    tokens: TokenProvider = StaticTokens("tok-1-secret", "https://x.my.salesforce.com/")
    assert tokens.access_token() == "tok-1-secret"
    assert tokens.instance_url == "https://x.my.salesforce.com"
    with pytest.raises(NeedsSignIn) as exc:
        tokens.refresh()
    assert "tok-1-secret" not in str(exc.value) + repr(exc.value) + repr(tokens)
    renewable = StaticTokens("a", "https://x", refresh=lambda: "b")
    assert renewable.refresh() == "b" and renewable.access_token() == "b"


def test_https_session_trusts_only_the_given_ca(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text("x")
    s = https_session(str(ca))
    assert s.trust_env is False and s.verify == str(ca)
    system = https_session(None)
    # certifi's bundle, pinned so REQUESTS_CA_BUNDLE cannot replace it; never False
    assert system.verify == requests.certs.where()
    with pytest.raises(ConfigError, match="does not exist"):
        https_session(str(tmp_path / "nope.pem"))
    # the default time-out reaches requests unless a call brings its own
    sent: list[object] = []
    monkeypatch.setattr(requests.Session, "request",
                        lambda self, m, u, *a, **kw: sent.append(kw.get("timeout")))
    timed = https_session(None, timeout=7.0)
    timed.get("https://example.invalid/")
    timed.get("https://example.invalid/", timeout=1.0)
    assert sent == [7.0, 1.0]


def test_connection_checks_arguments_without_network() -> None:
    conn = SalesforceConnection(StaticTokens("t-secret", "https://x.my.salesforce.com"))
    assert conn.calls == 0 and conn.usage is None
    assert "t-secret" not in repr(conn)
    with pytest.raises(ValueError):
        SalesforceConnection(StaticTokens("t", "https://x"), api_version="v59")
