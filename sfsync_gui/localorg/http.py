"""Request and response values passed between the HTTPS transport and the API handlers."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qs


@dataclass
class Request:
    """One HTTP request, already read off the socket."""

    method: str
    path: str
    query: dict[str, str]
    headers: Mapping[str, str]
    body: bytes = b""

    def header(self, name: str) -> str | None:
        """A header value, case-insensitively."""
        low = name.lower()
        for key, value in self.headers.items():
            if key.lower() == low:
                return value
        return None

    def form(self) -> dict[str, str]:
        """The body as ``application/x-www-form-urlencoded``, last value per key."""
        parsed = parse_qs(self.body.decode("utf-8", "replace"), keep_blank_values=True)
        return {k: v[-1] for k, v in parsed.items()}

    def json(self) -> object:
        """The body as JSON (ValueError when it is not)."""
        return json.loads(self.body.decode("utf-8"))


@dataclass
class Response:
    """What to send back; ``chunks`` streams a large body instead of ``body``."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    chunks: Iterable[bytes] | None = None
    #: Close the connection without answering (a "dropped connection" fault).
    drop: bool = False
    #: The JSON value behind ``body`` (re-encoded pretty on request, read by subrequests).
    payload: object = None

    def render(self, *, pretty: bool = False) -> None:
        """Re-encode ``payload`` indented when the client sent ``X-PrettyPrint: 1``, as
        Salesforce does (the compact body is already there)."""
        if pretty and self.payload is not None:
            self.body = json.dumps(self.payload, indent=2, ensure_ascii=False).encode("utf-8")

    def json(self) -> object:
        """The JSON value of this response (payload or decoded body), None if empty."""
        if self.payload is not None:
            return self.payload
        return json.loads(self.body) if self.body else None


def json_response(status: int, payload: object, headers: dict[str, str] | None = None
                  ) -> Response:
    """A JSON response (compact, as Salesforce sends it unless asked to pretty-print)."""
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    h = {"Content-Type": "application/json;charset=UTF-8"}
    if headers:
        h.update(headers)
    return Response(status, body, h, payload=payload)


def error_response(status: int, code: str, message: str) -> Response:
    """Salesforce's REST error body: a JSON list of ``{message, errorCode}``."""
    return json_response(status, [{"message": message, "errorCode": code}])
