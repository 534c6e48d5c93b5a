"""Property tests: compiled SOQL returns exactly what SOQL's rules say, and no input makes
the compiler raise anything but SoqlError.

The reference evaluator below applies the generated filter to the generated rows in plain
Python with SOQL's semantics (case-insensitive text, nulls only matched by ``= null``,
``!=`` and ``NOT IN``, NOT flipping the two-valued answer); the compiled SQL must agree,
row for row and in ORDER BY order.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sfsync_gui.localorg import ids, storage
from sfsync_gui.localorg.schema import build_catalog
from sfsync_gui.localorg.soql import SoqlError, compile_soql, parse_soql

CATALOG = build_catalog()
ADMIN = "System Administrator"
NOW = datetime(2024, 3, 15, 12, 30, tzinfo=UTC)
U1, U2, U_GONE = ids.make_id("005", 1), ids.make_id("005", 2), ids.make_id("005", 77)
USERS = {U1: {"Name": "Ann Smith", "IsActive": 1}, U2: {"Name": "bo JONES", "IsActive": 0}}
LEAD_IDS = [ids.make_id("00Q", n) for n in range(1, 40)]

_CONN = storage.connect(":memory:")
storage.create_tables(_CONN, CATALOG)
for _uid, _u in USERS.items():
    _CONN.execute(
        'INSERT INTO "User" (Id, LastName, Name, Alias, Email, Username, IsActive) '
        "VALUES (?, ?, ?, 'a', 'a@b.c', ?, ?)",
        (_uid, _u["Name"], _u["Name"], _uid, _u["IsActive"]),
    )

# ---------------------------------------------------------------------------------------
# Fields under test: name -> kind

FIELDS = {
    "LastName": "text", "FirstName": "text", "Rating": "text", "Owner.Name": "text",
    "NumberOfEmployees": "int", "AnnualRevenue": "double",
    "DoNotCall": "bool", "Owner.IsActive": "bool",
    "ConvertedDate": "date", "CreatedDate": "datetime", "EmailBouncedDate": "datetime",
    "Id": "id", "OwnerId": "id",
}
STORED = [f for f in FIELDS if "." not in f]

# Few distinct characters so that values collide, compare equal without case, and hit
# LIKE's wildcards and escapes.
ALPHABET = "aAbBzZ_%\\' éÉ"
texts = st.text(ALPHABET, min_size=1, max_size=4)
DAYS = [date(2024, 3, 13), date(2024, 3, 14), date(2024, 3, 15), date(2024, 3, 16),
        date(2023, 12, 31)]
STAMPS = [
    datetime(2024, 3, 15, 0, 0, tzinfo=UTC), datetime(2024, 3, 15, 12, 0, 0, 500000, tzinfo=UTC),
    datetime(2024, 3, 14, 23, 59, 59, 999000, tzinfo=UTC), datetime(2024, 3, 1, 8, tzinfo=UTC),
    datetime(2023, 12, 31, 23, 0, tzinfo=UTC),
]


def nullable(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


row_strategy = st.fixed_dictionaries({
    "LastName": nullable(texts),
    "FirstName": nullable(texts),
    "Rating": nullable(st.sampled_from(["Hot", "hot", "Warm", "COLD", "é"])),
    "NumberOfEmployees": nullable(st.integers(-3, 3)),
    "AnnualRevenue": nullable(st.sampled_from([-1.5, 0.0, 0.5, 2.0, 1e6])),
    "DoNotCall": nullable(st.sampled_from([0, 1])),
    "ConvertedDate": nullable(st.sampled_from(DAYS)),
    "CreatedDate": st.sampled_from(STAMPS),
    "EmailBouncedDate": nullable(st.sampled_from(STAMPS)),
    "OwnerId": nullable(st.sampled_from([U1, U2, U_GONE])),
})
rows_strategy = st.lists(row_strategy, min_size=0, max_size=12)


def load(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Replace the Leads with ``rows`` (Ids assigned); return the rows as stored."""
    _CONN.execute('DELETE FROM "Lead"')
    out = []
    for rid, row in zip(LEAD_IDS, rows, strict=False):
        stored = dict(row, Id=rid)
        values = dict(stored)
        values["ConvertedDate"] = row["ConvertedDate"] and row["ConvertedDate"].isoformat()
        for key in ("CreatedDate", "EmailBouncedDate"):
            values[key] = row[key] and storage.format_datetime(row[key])
        cols = [*values, "Company", "Status", "IsDeleted"]
        _CONN.execute(
            f'INSERT INTO "Lead" ({", ".join(storage.qi(c) for c in cols)}) '
            f"VALUES ({', '.join('?' for _ in cols)})",
            [*values.values(), "Acme", "Open - Not Contacted", 0],
        )
        out.append(stored)
    return out


# ---------------------------------------------------------------------------------------
# The filter AST the test generates, renders to SOQL and evaluates in Python


@dataclass(frozen=True)
class Like:
    """A LIKE pattern: items are characters or the wildcards ``%`` / ``_`` (as WILD)."""

    items: tuple[tuple[str, bool], ...]  # (char, is_wildcard)


@dataclass(frozen=True)
class DateLit:
    name: str
    n: int | None = None


@dataclass(frozen=True)
class Cmp:
    field: str
    op: str
    value: Any  # str/int/float/bool/None/date/datetime/Like/DateLit, a tuple for IN


@dataclass(frozen=True)
class Bool:
    op: str  # AND / OR
    items: tuple[Any, ...]


@dataclass(frozen=True)
class Neg:
    item: Any


ZONES = [UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-8)),
         timezone(timedelta(hours=5, minutes=30))]


def value_strategy(kind: str) -> st.SearchStrategy[Any]:
    if kind == "text":
        return st.one_of(texts, st.just(""), st.sampled_from(["hot", "ANN SMITH", "é"]))
    if kind == "int":
        return st.integers(-4, 4)
    if kind == "double":
        return st.sampled_from([-2, -1.5, 0, 0.5, 1, 2.0, 1e6])
    if kind == "bool":
        return st.booleans()
    if kind == "date":
        return st.sampled_from(DAYS)
    if kind == "datetime":
        return st.builds(
            lambda dt, zone: dt.astimezone(zone), st.sampled_from(STAMPS), st.sampled_from(ZONES)
        )
    assert kind == "id"
    return st.builds(
        lambda rid, short: rid[:15] if short else rid,
        st.sampled_from([U1, U2, U_GONE, *LEAD_IDS[:6]]), st.booleans(),
    )


like_strategy = st.builds(
    lambda items: Like(tuple(items)),
    st.lists(st.one_of(
        st.sampled_from(ALPHABET).map(lambda c: (c, False)),
        st.sampled_from("%_").map(lambda c: (c, True)),
    ), min_size=0, max_size=5),
)
date_lit_strategy = st.one_of(
    st.sampled_from(["TODAY", "YESTERDAY", "TOMORROW", "THIS_MONTH", "LAST_YEAR"]).map(DateLit),
    st.builds(DateLit, st.sampled_from(["LAST_N_DAYS", "NEXT_N_DAYS", "N_DAYS_AGO"]),
              st.integers(0, 100)),
)


@st.composite
def comparison(draw: Callable[..., Any], names: tuple[str, ...] = tuple(FIELDS),
               date_literals: int = 4) -> Cmp:
    """A comparison on one of ``names``; 1 in ``date_literals`` date comparisons uses a
    relative date literal."""
    name = draw(st.sampled_from(names))
    kind = FIELDS[name]
    ops = ["=", "!=", "IN", "NOT IN"]
    if kind != "bool":
        ops += ["<", "<=", ">", ">="]
    if kind == "text":
        ops.append("LIKE")
    op = draw(st.sampled_from(ops))
    scalar = value_strategy(kind)
    if op == "LIKE":
        return Cmp(name, op, draw(like_strategy))
    if op in ("IN", "NOT IN"):
        values = draw(st.lists(st.one_of(st.none(), scalar), min_size=1, max_size=4))
        return Cmp(name, op, tuple(values))
    if op in ("=", "!=") and draw(st.booleans()) and draw(st.booleans()):
        return Cmp(name, op, None)
    if kind in ("date", "datetime") and draw(st.integers(1, date_literals)) == 1:
        return Cmp(name, op, draw(date_lit_strategy))
    return Cmp(name, op, draw(scalar))


conditions = st.recursive(
    comparison(),
    lambda inner: st.one_of(
        st.builds(Neg, inner),
        st.builds(lambda op, items: Bool(op, tuple(items)), st.sampled_from(["AND", "OR"]),
                  st.lists(inner, min_size=2, max_size=4)),
    ),
    max_leaves=10,
)


def soql_string(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def render_value(value: Any, rnd: st.DataObject | None = None) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "TRUE" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)  # the generated numbers never need an exponent
    if isinstance(value, datetime):
        text = value.strftime("%Y-%m-%dT%H:%M:%S")
        if value.microsecond:
            text += f".{value.microsecond // 1000:03d}"
        offset = value.utcoffset() or timedelta(0)
        if not offset:
            return text + "Z"
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        return f"{text}{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, DateLit):
        return value.name if value.n is None else f"{value.name}:{value.n}"
    if isinstance(value, Like):
        out = []
        for ch, wild in value.items:
            if wild:
                out.append(ch)
            elif ch in "%_\\":
                out.append("\\" + ch)
            elif ch == "'":
                out.append("\\'")
            else:
                out.append(ch)
        return "'" + "".join(out) + "'"
    assert isinstance(value, str)
    return soql_string(value)


def render(cond: Any) -> str:
    if isinstance(cond, Cmp):
        if cond.op in ("IN", "NOT IN"):
            values = ", ".join(render_value(v) for v in cond.value)
            return f"{cond.field} {cond.op} ({values})"
        return f"{cond.field} {cond.op} {render_value(cond.value)}"
    if isinstance(cond, Neg):
        inner = render(cond.item)
        return f"NOT ({inner})" if isinstance(cond.item, Bool) else f"NOT {inner}"
    return f" {cond.op} ".join(
        f"({render(item)})" if isinstance(item, Bool) else render(item) for item in cond.items
    )


# -- the reference evaluator -----------------------------------------------------------

_ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str) -> str:
    """SQLite's NOCASE and LIKE fold ASCII letters only; so does the reference."""
    return text.translate(_ASCII_FOLD)


def field_value(row: dict[str, Any], name: str) -> Any:
    if name.startswith("Owner."):
        owner = USERS.get(row["OwnerId"])
        return None if owner is None else owner[name.split(".")[1]]
    return row[name]


def literal(kind: str, value: Any, equality: bool = True) -> Any:
    """A generated literal as the reference compares it (None for null)."""
    if value is None:
        return None
    if kind == "text":
        return None if value == "" and equality else fold(value)  # = '' means = null
    if kind == "id":
        return ids.to18(value)
    if kind == "bool":
        return int(value)
    if kind == "datetime":
        # stored to the millisecond in UTC
        return value.astimezone(UTC).replace(microsecond=value.microsecond // 1000 * 1000)
    return value


def comparable(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "text":
        return fold(value)
    if kind == "bool":
        return int(value)
    return value


def date_range(lit: DateLit) -> tuple[date, date]:
    today = NOW.date()
    day = timedelta(days=1)
    n = lit.n or 0
    return {
        "TODAY": (today, today + day),
        "YESTERDAY": (today - day, today),
        "TOMORROW": (today + day, today + 2 * day),
        "THIS_MONTH": (today.replace(day=1), date(2024, 4, 1)),
        "LAST_YEAR": (date(2023, 1, 1), date(2024, 1, 1)),
        "LAST_N_DAYS": (today - n * day, today + day),
        "NEXT_N_DAYS": (today + day, today + (n + 1) * day),
        "N_DAYS_AGO": (today - n * day, today - n * day + day),
    }[lit.name]


def like_regex(pattern: Like) -> re.Pattern[str]:
    parts = []
    for ch, wild in pattern.items:
        parts.append((".*" if ch == "%" else ".") if wild else re.escape(fold(ch)))
    return re.compile("".join(parts), re.DOTALL)


def evaluate(cond: Any, row: dict[str, Any]) -> bool:
    if isinstance(cond, Neg):
        return not evaluate(cond.item, row)
    if isinstance(cond, Bool):
        results = [evaluate(item, row) for item in cond.items]
        return all(results) if cond.op == "AND" else any(results)
    kind = FIELDS[cond.field]
    x = comparable(kind, field_value(row, cond.field))
    op = cond.op
    if isinstance(cond.value, Like):
        return x is not None and like_regex(cond.value).fullmatch(x) is not None
    if isinstance(cond.value, DateLit):
        lo, hi = date_range(cond.value)
        if kind == "datetime":
            lo_v: Any = datetime(lo.year, lo.month, lo.day, tzinfo=UTC)
            hi_v: Any = datetime(hi.year, hi.month, hi.day, tzinfo=UTC)
        else:
            lo_v, hi_v = lo, hi
        if x is None:
            return op == "!="
        inside = lo_v <= x < hi_v
        return {"=": inside, "!=": not inside, "<": x < lo_v, "<=": x < hi_v,
                ">": x >= hi_v, ">=": x >= lo_v}[op]
    if op in ("IN", "NOT IN"):
        values = [literal(kind, v) for v in cond.value]
        has_null = any(v is None for v in values)
        found = has_null if x is None else x in [v for v in values if v is not None]
        return found if op == "IN" else not found
    v = literal(kind, cond.value, equality=op in ("=", "!="))
    if v is None:
        return (x is None) == (op == "=")
    if x is None:
        return op == "!="
    return {"=": x == v, "!=": x != v, "<": x < v, "<=": x <= v, ">": x > v,
            ">=": x >= v}[op]


def order_rows(rows: list[dict[str, Any]], order: list[tuple[str, bool, bool | None]]
               ) -> list[dict[str, Any]]:
    """Sort as SOQL does: each term ASC (nulls first) or DESC (nulls last) unless NULLS
    says otherwise; the compiler's tie-break on Id last."""
    terms = list(order)
    if not terms or terms[-1][0] != "Id":
        terms.append(("Id", False, None))

    def compare(a: dict[str, Any], b: dict[str, Any]) -> int:
        for name, desc, nulls_first in terms:
            kind = FIELDS[name]
            x, y = comparable(kind, field_value(a, name)), comparable(kind, field_value(b, name))
            first = (not desc) if nulls_first is None else nulls_first
            if x is None and y is None:
                continue
            if x is None or y is None:
                return (-1 if x is None else 1) * (1 if first else -1)
            if x != y:
                result = -1 if x < y else 1
                return -result if desc else result
        return 0

    return sorted(rows, key=functools.cmp_to_key(compare))


# ---------------------------------------------------------------------------------------
# The properties

order_strategy = st.lists(
    st.tuples(st.sampled_from(list(FIELDS)), st.booleans(), st.sampled_from([None, True, False])),
    min_size=0, max_size=2,
)


def render_order(order: list[tuple[str, bool, bool | None]]) -> str:
    if not order:
        return ""
    terms = []
    for name, desc, nulls_first in order:
        term = f"{name} {'DESC' if desc else 'ASC'}"
        if nulls_first is not None:
            term += " NULLS FIRST" if nulls_first else " NULLS LAST"
        terms.append(term)
    return " ORDER BY " + ", ".join(terms)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=rows_strategy, cond=conditions, order=order_strategy,
       limit=st.one_of(st.none(), st.integers(0, 6)),
       offset=st.one_of(st.none(), st.integers(0, 4)))
def test_compiled_sql_matches_the_reference(
    rows: list[dict[str, Any]], cond: Any, order: list[tuple[str, bool, bool | None]],
    limit: int | None, offset: int | None,
) -> None:
    assume(len({name for name, _, _ in order}) == len(order))
    stored = load(rows)
    soql = f"SELECT Id FROM Lead WHERE {render(cond)}{render_order(order)}"
    if limit is not None:
        soql += f" LIMIT {limit}"
    if offset is not None:
        soql += f" OFFSET {offset}"
    cq = compile_soql(soql, CATALOG, profile=ADMIN, user_id=U1, include_deleted=False, now=NOW)
    got = [r[0] for r in _CONN.execute(cq.sql(), cq.params)]
    expected = [r["Id"] for r in order_rows([r for r in stored if evaluate(cond, r)], order)]
    start = offset or 0
    expected = expected[start:] if limit is None else expected[start : start + limit]
    assert got == expected, soql
    assert _CONN.execute(cq.count_sql(), cq.params).fetchone()[0] == len(expected)


date_conditions = st.lists(
    comparison(("ConvertedDate", "CreatedDate", "EmailBouncedDate"), date_literals=1),
    min_size=1, max_size=3,
).map(lambda items: items[0] if len(items) == 1 else Bool("OR", tuple(items)))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=rows_strategy, cond=date_conditions)
def test_relative_date_literals_match_the_reference(rows: list[dict[str, Any]],
                                                    cond: Any) -> None:
    stored = load(rows)
    soql = f"SELECT Id FROM Lead WHERE {render(cond)}"
    cq = compile_soql(soql, CATALOG, profile=ADMIN, user_id=U1, include_deleted=False, now=NOW)
    got = [r[0] for r in _CONN.execute(cq.sql(), cq.params)]
    assert got == [r["Id"] for r in order_rows([r for r in stored if evaluate(cond, r)], [])], soql


def like_from(value: str, data: st.DataObject) -> Like:
    """A pattern close to ``value``: some characters swapped for wildcards, for literal
    ``%``/``_`` (which must then not act as wildcards) or for the other case."""
    items: list[tuple[str, bool]] = []
    for ch in value:
        choice = data.draw(st.integers(0, 7))
        if choice == 0:
            items.append(("%", True))
        elif choice == 1:
            items.append(("_", True))
        elif choice == 2:
            items.append((data.draw(st.sampled_from("%_")), False))
        elif choice == 3:
            items.append((ch.swapcase(), False))
        else:
            items.append((ch, False))
    return Like(tuple(items))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=rows_strategy, data=st.data())
def test_like_matches_the_reference(rows: list[dict[str, Any]], data: st.DataObject) -> None:
    stored = load(rows)
    name = data.draw(st.sampled_from(["LastName", "FirstName", "Owner.Name"]))
    values = [v for v in (field_value(r, name) for r in stored) if v]
    if values and data.draw(st.booleans()):
        pattern = like_from(data.draw(st.sampled_from(values)), data)
    else:
        pattern = data.draw(like_strategy)
    cond: Any = Cmp(name, "LIKE", pattern)
    if data.draw(st.booleans()):
        cond = Neg(cond)
    soql = f"SELECT Id FROM Lead WHERE {render(cond)}"
    cq = compile_soql(soql, CATALOG, profile=ADMIN, user_id=U1, include_deleted=False, now=NOW)
    got = [r[0] for r in _CONN.execute(cq.sql(), cq.params)]
    assert got == [r["Id"] for r in order_rows([r for r in stored if evaluate(cond, r)], [])], soql


@settings(max_examples=100, deadline=None)
@given(cond=conditions)
def test_rendered_filters_parse_back(cond: Any) -> None:
    """The generator's SOQL is valid SOQL for the parser (a check on the test itself)."""
    parse_soql(f"SELECT Id FROM Lead WHERE {render(cond)}")


# -- fuzzing: SoqlError and nothing else -----------------------------------------------

VOCAB = [
    "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE", "ORDER", "BY", "ASC", "DESC",
    "NULLS", "FIRST", "LAST", "LIMIT", "OFFSET", "COUNT", "()", "(", ")", ",", ".", ":",
    "Id", "Name", "Owner", "Owner.Name", "Who", "Who.Name", "Who.Type", "Lead", "Task",
    "Contact", "Account.Owner.Email", "FieldDefinition", "UserFieldAccess", "AnnualRevenue",
    "Description", "CreatedDate", "ConvertedDate", "DoNotCall", "=", "!=", "<>", "<", "<=",
    ">", ">=", "null", "true", "FALSE", "'x'", "'a\\%'", "''", "5", "-2.5", "2024-01-31",
    "2024-01-31T10:00:00Z", "2024-13-45", "TODAY", "LAST_N_DAYS:3", "LAST_N_DAYS", "FIELDS",
    "GROUP", "TYPEOF", "FOR", "UPDATE", "WITH", "'00Q5g0000000001'", "\\", "'", "é", "\x00",
]
fuzz_tokens = st.lists(st.sampled_from(VOCAB), max_size=30).map(" ".join)


def compiles_or_soql_error(text: str, profile: str = ADMIN) -> None:
    try:
        cq = compile_soql(text, CATALOG, profile=profile, user_id=U1, include_deleted=False,
                          now=NOW)
    except SoqlError as exc:
        assert exc.error_code in ("MALFORMED_QUERY", "INVALID_TYPE", "INVALID_FIELD",
                                  "INVALID_QUERY_FILTER_OPERATOR")
        assert exc.message
        assert exc.salesforce_message(text)
        return
    # whatever compiles runs
    _CONN.execute(cq.sql(), cq.params).fetchall()
    _CONN.execute(cq.count_sql(), cq.params).fetchall()


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200))
def test_random_text_raises_only_soql_error(text: str) -> None:
    compiles_or_soql_error(text)
    compiles_or_soql_error("SELECT Id FROM Lead WHERE " + text)


@settings(max_examples=300, deadline=None)
@given(text=fuzz_tokens, profile=st.sampled_from([ADMIN, "Integration User"]))
def test_token_soup_raises_only_soql_error(text: str, profile: str) -> None:
    compiles_or_soql_error(text, profile)
    compiles_or_soql_error("SELECT Id FROM Lead WHERE " + text, profile)


def test_pathological_inputs() -> None:
    for text in [
        "(" * 99_000,
        "SELECT Id FROM Lead WHERE " + "(" * 50_000 + "Name = 'x'" + ")" * 49_000,
        "SELECT Id FROM Lead WHERE " + "NOT " * 24_000 + "Name = 'x'",
        "SELECT Id FROM Lead WHERE Name = '" + "\\" * 99_000,
        "SELECT Id FROM Lead WHERE " + " OR ".join(["Name = 'x'"] * 6_000),
        "SELECT Id FROM Lead WHERE Name IN (" + ",".join(["'x'"] * 24_000) + ")",
        "SELECT " + ", ".join(["Id"] * 30_000) + " FROM Lead",
        "SELECT " + ".".join(["Owner"] * 20_000) + ".Name FROM Lead",
        "SELECT Id FROM Lead WHERE NumberOfEmployees = " + "9" * 90_000,
        "x" * 200_000,
        "\ud83d\ude00 SELECT",
        "SELECT Id FROM Lead WHERE Name = '\ud800'",
        "",
        "\x00",
    ]:
        compiles_or_soql_error(text)
