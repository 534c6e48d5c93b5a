"""The shapes a leaked secret takes: as typed, URL-encoded (a form or a query string),
base64 (a header, a basic-auth value, a keyring file) at any byte alignment, JSON-escaped —
and a scan of bytes for any of them."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from urllib.parse import quote, quote_plus


def forms(secret: str) -> dict[str, bytes]:
    """Each form of ``secret`` to look for, by name."""
    raw = secret.encode("utf-8")
    out = {"plain": raw, "url": quote(secret, safe="").encode(), "url-path": quote(secret).encode(),
           "url-plus": quote_plus(secret).encode(),
           "json": json.dumps(secret)[1:-1].encode("utf-8"),
           "utf-16": secret.encode("utf-16-le")}
    for pad in range(3):
        for name, enc in (("b64", base64.b64encode), ("b64url", base64.urlsafe_b64encode)):
            text = enc(b"\0" * pad + raw)
            # only the characters that depend on the secret alone, whatever comes before
            # or after it: skip the ones that mix in the padding, and the last group
            start = (pad * 4 + 2) // 3
            core = text[start:len(text) - 4]
            if len(core) >= 8:
                out[f"{name}{pad}"] = core
    return out


def leaks(data: bytes | str, secrets: Iterable[str]) -> list[str]:
    """``"form of secret #i"`` for every form of every secret found in ``data``."""
    blob = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data
    found = []
    for i, secret in enumerate(secrets):
        for name, form in forms(secret).items():
            if form and form in blob:
                found.append(f"{name} form of secret #{i} ({len(secret)} chars)")
    return found
