"""The Salesforce connection layer: tokens, a connection wrapping simple-salesforce, and
errors sorted by what the sync engine does about them. No Qt here."""

from .bulk import BulkPage
from .connection import ApiUsage, SalesforceConnection
from .errors import (
    ApiLimitReached,
    ConfigError,
    NeedsSignIn,
    QueryError,
    RecordRejected,
    SalesforceError,
    TransientError,
    classify,
    record_error,
)
from .tokens import (
    ClientCredentialsTokens,
    StaticTokens,
    TokenProvider,
    https_session,
    tokens_from_env,
)

__all__ = [
    "ApiLimitReached",
    "ApiUsage",
    "BulkPage",
    "ClientCredentialsTokens",
    "ConfigError",
    "NeedsSignIn",
    "QueryError",
    "RecordRejected",
    "SalesforceConnection",
    "SalesforceError",
    "StaticTokens",
    "TokenProvider",
    "TransientError",
    "classify",
    "https_session",
    "record_error",
    "tokens_from_env",
]
