"""Salesforce record Ids: key prefix, 15-character case-sensitive form, 18-character form."""

from __future__ import annotations

_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
#: Pod and reserved characters every Id of this org carries after the key prefix.
_INSTANCE = "5g0"


def checksum_suffix(id15: str) -> str:
    """The three characters Salesforce appends to make a 15-character Id case-safe."""
    out = []
    for chunk in range(3):
        bits = 0
        for i, ch in enumerate(id15[chunk * 5 : chunk * 5 + 5]):
            if "A" <= ch <= "Z":
                bits |= 1 << i
        out.append(_SUFFIX[bits])
    return "".join(out)


def to18(record_id: str) -> str:
    """Normalise a 15- or 18-character Id to 18 characters (ValueError otherwise)."""
    if len(record_id) == 18 and record_id.isalnum():
        return record_id[:15] + checksum_suffix(record_id[:15])
    if len(record_id) == 15 and record_id.isalnum():
        return record_id + checksum_suffix(record_id)
    raise ValueError(f"invalid Id: {record_id!r}")


def looks_like_id(value: str) -> bool:
    return len(value) in (15, 18) and value.isalnum()


def make_id(key_prefix: str, number: int) -> str:
    """The 18-character Id of the ``number``-th record with ``key_prefix``."""
    digits = []
    n = number
    for _ in range(9):
        n, r = divmod(n, 62)
        digits.append(_BASE62[r])
    if n:
        raise OverflowError("record number too large for an Id")
    id15 = key_prefix + _INSTANCE + "".join(reversed(digits))
    return id15 + checksum_suffix(id15)
