"""Mutators for the ``garble`` fault: the org's real answer, spoiled in one chosen way.

Each mutator takes a served :class:`~.http.Response` and a ``random.Random`` and returns
the spoiled response, or None when it does not apply to that answer (a CSV mutator on a
JSON body, say). The fault picks, by its seed, among the mutators it was given that apply,
so a run is reproducible and covers bodies (JSON and Bulk CSV), headers and values.

What they make is what a broken proxy, a half-deployed release or a bug on the far side
could send: truncated or non-JSON bodies, wrong types, missing keys, nulls, nested garbage,
unknown field types, 1 MB texts, 10^30 numbers, dates out of range, NaN, broken UTF-8,
bad CSV quoting and column counts, and malformed, absent or huge ``Sforce-Limit-Info``,
``Date``, ``Sforce-Locator`` and ``Sforce-NumberOfRecords`` headers.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

from .http import Response

Mutator = Callable[[Response, random.Random], "Response | None"]

HUGE_TEXT = "x" * (1 << 20)


def _is_json(resp: Response) -> bool:
    return "json" in (resp.headers.get("Content-Type") or "").lower() and bool(resp.body)


def _is_csv(resp: Response) -> bool:
    return "csv" in (resp.headers.get("Content-Type") or "").lower() and bool(resp.body)


def _with_body(resp: Response, body: bytes) -> Response:
    return Response(resp.status, body, dict(resp.headers))


def _with_headers(resp: Response, **changes: str | None) -> Response:
    headers = {k: v for k, v in resp.headers.items()
               if k.lower() not in {c.lower().replace("_", "-") for c in changes}}
    for key, value in changes.items():
        if value is not None:
            headers[key.replace("_", "-")] = value
    return Response(resp.status, resp.body, headers)


def _json_value(resp: Response) -> Any:
    return json.loads(resp.body.decode("utf-8"))


def _slots(value: Any, path: tuple = ()) -> list[tuple]:
    """Every place (a key path) in a JSON value that holds something."""
    out: list[tuple] = []
    if isinstance(value, dict):
        for k, v in value.items():
            out.append((*path, k))
            out.extend(_slots(v, (*path, k)))
    elif isinstance(value, list):
        for i, v in enumerate(value[:50]):  # enough to reach any shape without walking 2,000 rows
            out.append((*path, i))
            out.extend(_slots(v, (*path, i)))
    return out


def _get(value: Any, path: tuple) -> Any:
    for p in path:
        value = value[p]
    return value


def _json_edit(pick: Callable[[Any], bool], change: Callable[[Any, random.Random], Any],
               *, delete: bool = False) -> Mutator:
    """A mutator that changes (or deletes) one randomly chosen JSON slot ``pick`` accepts."""

    def mutate(resp: Response, rng: random.Random) -> Response | None:
        if not _is_json(resp):
            return None
        value = _json_value(resp)
        slots = [s for s in _slots(value) if pick(_get(value, s))]
        if delete:
            slots = [s for s in slots if isinstance(_get(value, s[:-1]), dict)]
        if not slots:
            return None
        path = rng.choice(slots)
        parent = _get(value, path[:-1])
        if delete:
            del parent[path[-1]]
        else:
            parent[path[-1]] = change(parent[path[-1]], rng)
        return _with_body(resp, json.dumps(value).encode("utf-8"))  # NaN stays NaN

    return mutate


def _other_type(value: Any, rng: random.Random) -> Any:
    # no plain string: a string where a string belongs is a well-formed value, which no
    # client can tell from a real change
    choices: list[Any] = [None, True, 12345, -1.5, [], {}, [1, "two", None],
                          {"unexpected": {"nested": [1]}}]
    return rng.choice([c for c in choices if type(c) is not type(value)])


def _nested(_value: Any, rng: random.Random) -> Any:
    out: Any = "bottom"
    for _ in range(rng.randint(20, 200)):
        out = [out] if rng.random() < 0.5 else {"k": out}
    return out


def _date_like(v: Any) -> bool:
    return isinstance(v, str) and len(v) >= 10 and v[4:5] == "-" and v[7:8] == "-"


def _bad_date(_value: Any, rng: random.Random) -> Any:
    return rng.choice(["0000-00-00T00:00:00.000+0000", "9999-12-31T23:59:59.999+9999",
                       "2024-13-45T25:61:61.000+0000", "-0001-01-01", "yesterday",
                       "2024-02-30", "1e30"])


def _truncate(resp: Response, rng: random.Random) -> Response | None:
    if not resp.body:
        return None
    return _with_body(resp, resp.body[: rng.randrange(0, len(resp.body))])


def _not_json(resp: Response, rng: random.Random) -> Response | None:
    if not _is_json(resp):
        return None
    return _with_body(resp, rng.choice([b"<html><body>Bad Gateway</body></html>", b"",
                                        b"null", b"[]", b"{}", b"\"just a string\"", b"42"]))


def _broken_utf8(resp: Response, rng: random.Random) -> Response | None:
    if not resp.body:
        return None
    cut = rng.randrange(0, len(resp.body))
    return _with_body(resp, resp.body[:cut] + rng.choice([b"\xff\xfe", b"\xc3", b"\xed\xa0\x80",
                                                          b"\x80\x80"]) + resp.body[cut:])


def _unknown_field_type(resp: Response, rng: random.Random) -> Response | None:
    if not _is_json(resp):
        return None
    value = _json_value(resp)
    fields = value.get("fields") if isinstance(value, dict) else None
    if not isinstance(fields, list) or not fields:
        return None
    for f in rng.sample(fields, min(len(fields), 3)):
        f["type"] = rng.choice(["hologram", "", None, 42, "encryptedstring2"])
    return _with_body(resp, json.dumps(value).encode("utf-8"))


def _csv_lines(resp: Response) -> list[bytes] | None:
    if not _is_csv(resp):
        return None
    lines = resp.body.split(b"\n")
    return lines if len(lines) > 1 else None


def _csv_edit(change: Callable[[bytes, random.Random], bytes]) -> Mutator:
    def mutate(resp: Response, rng: random.Random) -> Response | None:
        lines = _csv_lines(resp)
        if lines is None:
            return None
        rows = [i for i, line in enumerate(lines) if line]
        i = rng.choice(rows)
        lines[i] = change(lines[i], rng)
        return _with_body(resp, b"\n".join(lines))

    return mutate


def _drop_column(line: bytes, rng: random.Random) -> bytes:
    cells = line.split(b",")
    if len(cells) > 1:
        del cells[rng.randrange(len(cells))]
    return b",".join(cells)


def _add_column(line: bytes, rng: random.Random) -> bytes:
    return line + b',"extra"' * rng.randint(1, 3)


def _bad_quote(line: bytes, rng: random.Random) -> bytes:
    cut = rng.randrange(0, len(line) + 1)
    return line[:cut] + rng.choice([b'"', b'"a"b"', b'""x']) + line[cut:]


def _huge_cell(line: bytes, rng: random.Random) -> bytes:
    cells = line.split(b",")
    cells[rng.randrange(len(cells))] = b'"' + HUGE_TEXT.encode() + b'"'
    return b",".join(cells)


def _header(name: str, values: list[str | None]) -> Mutator:
    def mutate(resp: Response, rng: random.Random) -> Response | None:
        return _with_headers(resp, **{name.replace("-", "_"): rng.choice(values)})

    return mutate


def _locator(resp: Response, rng: random.Random) -> Response | None:
    if "Sforce-Locator" not in resp.headers:
        return None
    return _with_headers(resp, Sforce_Locator=rng.choice(
        ["", "%%%", "../../etc", "x" * 5000, "MTAw MTAw", "-1"]))


#: Every mutator by name (the ``mutators`` a garble fault may be limited to).
MUTATORS: dict[str, Mutator] = {
    "truncate": _truncate,
    "not_json": _not_json,
    "broken_utf8": _broken_utf8,
    "wrong_type": _json_edit(lambda v: True, _other_type),
    "missing_key": _json_edit(lambda v: True, lambda v, r: v, delete=True),
    "null": _json_edit(lambda v: v is not None, lambda v, r: None),
    "nested_garbage": _json_edit(lambda v: True, _nested),
    "huge_text": _json_edit(lambda v: isinstance(v, str), lambda v, r: HUGE_TEXT),
    "huge_number": _json_edit(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
                              lambda v, r: r.choice([10**30, -(10**30), 1e308])),
    "nan": _json_edit(lambda v: isinstance(v, (int, float, str)),
                      lambda v, r: r.choice([float("nan"), float("inf"), float("-inf")])),
    "bad_date": _json_edit(_date_like, _bad_date),
    "unknown_field_type": _unknown_field_type,
    "csv_bad_quote": _csv_edit(_bad_quote),
    "csv_drop_column": _csv_edit(_drop_column),
    "csv_add_column": _csv_edit(_add_column),
    "csv_huge_cell": _csv_edit(_huge_cell),
    "limit_info": _header("Sforce-Limit-Info", [
        None, "", "api-usage=", "api-usage=abc/def", "api-usage=18",
        "api-usage=99999999999999999999999999/1", "api-usage=-5/15000", "garbage=1/2"]),
    "date_header": _header("Date", [None, "", "not a date", "Mon, 99 Foo 99999 99:99:99 GMT",
                                    "Thu, 01 Jan 1970 00:00:00 GMT"]),
    "locator": _locator,
    "number_of_records": _header("Sforce-NumberOfRecords", [None, "", "-1", "abc", "10" * 20,
                                                            "\u00b2"]),
}


def garble(resp: Response, rng: random.Random, names: list[str] | None = None
           ) -> tuple[Response, str | None]:
    """Spoil ``resp`` with one mutator (chosen by ``rng`` among ``names``, default all)
    that applies to it; returns the response and the mutator's name (None: none applied)."""
    if resp.chunks is not None:  # Bulk results stream: gather them to spoil them
        resp = Response(resp.status, b"".join(resp.chunks), dict(resp.headers))
    candidates = list(names or MUTATORS)
    rng.shuffle(candidates)
    for name in candidates:
        out = MUTATORS[name](resp, rng)
        if out is not None:
            return out, name
    return resp, None
