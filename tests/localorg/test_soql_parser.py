"""SOQL lexer and parser: tokens, the syntax tree, and every syntax refusal."""

from __future__ import annotations

import pytest

from sfsync_gui.localorg.soql import SoqlError, parse_soql
from sfsync_gui.localorg.soql.lexer import MAX_QUERY_LENGTH, tokenize
from sfsync_gui.localorg.soql.parser import (
    MAX_NESTING,
    Comparison,
    FieldPath,
    Literal,
    Logical,
    Not,
    OrderItem,
)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.kind, t.value) for t in tokenize(text)][:-1]


def refused(text: str, code: str = "MALFORMED_QUERY") -> SoqlError:
    with pytest.raises(SoqlError) as info:
        parse_soql(text)
    assert info.value.error_code == code
    return info.value


# -- lexer -----------------------------------------------------------------------------


def test_tokens_of_a_query() -> None:
    assert kinds("SELECT Id, Owner.Name FROM Lead WHERE x <> 5 AND y >= -1.5") == [
        ("IDENT", "SELECT"), ("IDENT", "Id"), (",", ","), ("IDENT", "Owner"), (".", "."),
        ("IDENT", "Name"), ("IDENT", "FROM"), ("IDENT", "Lead"), ("IDENT", "WHERE"),
        ("IDENT", "x"), ("OP", "!="), ("NUMBER", "5"), ("IDENT", "AND"), ("IDENT", "y"),
        ("OP", ">="), ("NUMBER", "-1.5"),
    ]


@pytest.mark.parametrize("text, kind", [
    ("2024-01-31", "DATE"),
    ("2024-01-31T10:00:00Z", "DATETIME"),
    ("2024-01-31T10:00:00+01:00", "DATETIME"),
    ("2024-01-31T10:00:00-0800", "DATETIME"),
    ("2024-01-31T10:00:00.123Z", "DATETIME"),
    ("42", "NUMBER"),
    (".5", "NUMBER"),
    ("+3", "NUMBER"),
])
def test_literal_tokens(text: str, kind: str) -> None:
    assert kinds(text) == [(kind, text)]


@pytest.mark.parametrize("source, value", [
    (r"'plain'", "plain"),
    (r"'Bob\'s'", "Bob's"),
    (r"'a\\b'", "a\\b"),
    (r"'line\nnext\Ttab'", "line\nnext\ttab"),
    (r"'q\"d'", 'q"d'),
    (r"'\u00e9t\u00E9'", "été"),
    (r"'50\%'", "50%"),
    (r"'a\_b'", "a_b"),
    ("'ünïcödé ✓'", "ünïcödé ✓"),
    ("''", ""),
])
def test_string_escapes(source: str, value: str) -> None:
    (tok,) = tokenize(source)[:-1]
    assert tok.kind == "STRING"
    assert tok.value == value


@pytest.mark.parametrize("source, like", [
    (r"'a%'", "a%"),
    (r"'a\%'", "a\\%"),
    (r"'a\_b_'", "a\\_b_"),
    (r"'back\\%'", "back\\\\%"),
    (r"'it\'s%'", "it's%"),
])
def test_like_patterns_keep_escaped_wildcards_literal(source: str, like: str) -> None:
    assert tokenize(source)[0].like == like


@pytest.mark.parametrize("source, fragment", [
    ("'open", "unterminated string"),
    ("'open\\", "unterminated string"),
    (r"'bad \q'", "illegal character sequence '\\q'"),
    (r"'bad \u12'", "illegal unicode escape"),
    (r"'\ud800'", "surrogate"),
    ('"double"', "unexpected token: '\"'"),
    ("a # b", "unexpected token: '#'"),
    ("5abc", "unexpected token: '5abc'"),
    ("2024-01-31T10:00", "invalid datetime literal"),
    ("2024-01-31T10:00:00", "invalid datetime literal"),
    ("\ud800", "not valid Unicode"),
])
def test_lexer_errors(source: str, fragment: str) -> None:
    with pytest.raises(SoqlError) as info:
        tokenize(source)
    assert info.value.error_code == "MALFORMED_QUERY"
    assert fragment in info.value.message


def test_overlong_query_is_refused() -> None:
    err = refused("SELECT Id FROM Lead WHERE Name = '" + "x" * MAX_QUERY_LENGTH + "'")
    assert "cannot be longer than 100,000 characters" in err.message


def test_error_position_and_salesforce_message() -> None:
    err = refused("SELECT Id FROM Lead WHERE")
    assert err.message == "unexpected token: '<EOF>'"
    assert err.position == len("SELECT Id FROM Lead WHERE")
    assert err.salesforce_message("SELECT Id FROM Lead WHERE").endswith(
        "ERROR at Row:1:Column:26\nunexpected token: '<EOF>'"
    )
    multi = "SELECT Id\nFROM Lead\nWHERE Name ="
    err = refused(multi)
    assert "ERROR at Row:3:Column:13" in err.salesforce_message(multi)
    assert err.to_json() == {"message": err.message, "errorCode": "MALFORMED_QUERY"}


# -- parser: the tree ------------------------------------------------------------------


def test_select_list_and_clauses() -> None:
    text = ("select Id, owner.name FROM Lead l where Name = 'x' "
            "order by Name desc nulls last, Id LIMIT 10 OFFSET 20")
    q = parse_soql(text)
    assert q.fields == (FieldPath(("Id",), 7), FieldPath(("owner", "name"), 11))
    assert q.object_name == "Lead"
    assert q.alias == "l"
    assert not q.count_only
    assert q.where == Comparison(
        FieldPath(("Name",), text.index("Name =")), "=",
        (Literal("string", "x", text.index("'x'"), "x"),), text.index("= 'x'"),
    )
    assert q.order_by == (
        OrderItem(FieldPath(("Name",), text.index("Name desc")), True, False),
        OrderItem(FieldPath(("Id",), text.index("Id LIMIT")), False, None),
    )
    assert (q.limit, q.offset) == (10, 20)


def test_count() -> None:
    q = parse_soql("SELECT COUNT() FROM Lead")
    assert q.count_only
    assert q.fields == ()


def test_and_or_not_and_parentheses() -> None:
    q = parse_soql("SELECT Id FROM Lead WHERE a = 1 AND (b = 2 OR NOT c = 3) AND NOT (d = 4)")
    assert isinstance(q.where, Logical)
    assert q.where.op == "AND"
    a, bc, d = q.where.items
    assert isinstance(a, Comparison)
    assert isinstance(bc, Logical) and bc.op == "OR"
    assert isinstance(bc.items[1], Not)
    assert isinstance(d, Not) and isinstance(d.item, Comparison)


def test_operators_and_values() -> None:
    q = parse_soql(
        "SELECT Id FROM Lead WHERE a IN ('x', null) AND b NOT IN (1, 2.5) AND c LIKE 'x%' "
        "AND d = true AND e != FALSE AND f < 2024-01-01 AND g > 2024-01-01T00:00:00Z "
        "AND h = TODAY AND i = LAST_N_DAYS:30 AND j <> NULL"
    )
    assert isinstance(q.where, Logical)
    got = [(c.op, [(v.kind, v.text, v.n) for v in c.values]) for c in q.where.items
           if isinstance(c, Comparison)]
    assert got == [
        ("IN", [("string", "x", None), ("null", "null", None)]),
        ("NOT IN", [("number", "1", None), ("number", "2.5", None)]),
        ("LIKE", [("string", "x%", None)]),
        ("=", [("boolean", "true", None)]),
        ("!=", [("boolean", "false", None)]),
        ("<", [("date", "2024-01-01", None)]),
        (">", [("datetime", "2024-01-01T00:00:00Z", None)]),
        ("=", [("date_literal", "TODAY", None)]),
        ("=", [("date_literal", "LAST_N_DAYS", 30)]),
        ("!=", [("null", "null", None)]),
    ]


def test_keywords_are_case_insensitive() -> None:
    q = parse_soql("sElEcT Id fRoM Lead wHeRe Name LiKe 'a%' oRdEr By Name AsC NuLlS fIrSt "
                   "LiMiT 1 oFfSeT 2")
    assert q.order_by[0].nulls_first is True
    assert (q.limit, q.offset) == (1, 2)


def test_nesting_up_to_the_limit_parses() -> None:
    depth = MAX_NESTING - 1
    text = "SELECT Id FROM Lead WHERE " + "(" * depth + "Name = 'x'" + ")" * depth
    assert isinstance(parse_soql(text).where, Comparison)


# -- parser: refusals ------------------------------------------------------------------


@pytest.mark.parametrize("text, fragment", [
    ("SELECT FIELDS(ALL) FROM Lead LIMIT 200", "FIELDS() (list the fields instead)"),
    ("SELECT Id, (SELECT Id FROM Contacts) FROM Account", "subquery"),
    ("SELECT COUNT(Id) FROM Lead", "COUNT(field)"),
    ("SELECT MAX(CreatedDate) FROM Lead", "aggregate function MAX()"),
    ("SELECT toLabel(Status) FROM Lead", "function toLabel()"),
    ("SELECT TYPEOF What WHEN Account THEN Name END FROM Task", "TYPEOF"),
    ("SELECT Id FROM Lead GROUP BY Status", "GROUP BY"),
    ("SELECT Id FROM Lead WHERE Name = 'x' GROUP BY Status", "GROUP BY"),
    ("SELECT Id FROM Lead HAVING COUNT(Id) > 1", "HAVING"),
    ("SELECT Id FROM Lead WITH SECURITY_ENFORCED", "WITH clauses"),
    ("SELECT Id FROM Lead FOR UPDATE", "FOR UPDATE"),
    ("SELECT Id FROM Lead LIMIT 1 FOR VIEW", "FOR VIEW"),
    ("SELECT Id FROM Lead USING SCOPE mine", "USING SCOPE"),
    ("SELECT Id FROM Lead ALL ROWS", "ALL ROWS"),
    ("SELECT Id FROM Lead WHERE Id IN (SELECT LeadId FROM CampaignMember)", "semi-join"),
    ("SELECT Id FROM Lead WHERE Id NOT IN (SELECT LeadId FROM CampaignMember)", "anti-join"),
    ("SELECT Id FROM Lead WHERE CALENDAR_YEAR(CreatedDate) = 2024", "CALENDAR_YEAR()"),
    ("SELECT Id FROM Lead ORDER BY MAX(Name)", "MAX()"),
    ("SELECT Id FROM Lead WHERE Tags__c INCLUDES ('a')", "INCLUDES"),
    ("SELECT Id FROM Lead WHERE Name = :name", "bind variable"),
    ("SELECT Id FROM Lead LIMIT :n", "bind variable"),
    ("SELECT Id FROM Lead WHERE CreatedDate = THIS_WEEK", "date literal THIS_WEEK"),
    ("SELECT Id FROM Lead WHERE CreatedDate = LAST_N_WEEKS:2", "date literal LAST_N_WEEKS"),
    ("SELECT Id, Name FROM Lead, Contact", "more than one object"),
    ("SELECT Id FROM (SELECT Id FROM Lead)", "subquery in FROM"),
])
def test_unsupported_constructs_are_named(text: str, fragment: str) -> None:
    err = refused(text)
    assert fragment in err.message
    assert "not supported by the local org" in err.message


@pytest.mark.parametrize("text, fragment", [
    ("", "unexpected token: '<EOF>'"),
    ("DELETE FROM Lead", "unexpected token: 'DELETE'"),
    ("SELECT FROM Lead", "unexpected token: 'FROM'"),
    ("SELECT * FROM Lead", "unexpected token: '*'"),
    ("SELECT Id Lead", "Only aggregate expressions use field aliasing"),
    ("SELECT Id, FROM Lead", "unexpected token: 'FROM'"),
    ("SELECT Id FROM", "unexpected token: '<EOF>'"),
    ("SELECT Id FROM Lead WHERE", "unexpected token: '<EOF>'"),
    ("SELECT Id FROM Lead WHERE Name", "unexpected token: '<EOF>'"),
    ("SELECT Id FROM Lead WHERE Name = ", "unexpected token: '<EOF>'"),
    ("SELECT Id FROM Lead WHERE Name == 'x'", "unexpected token: '='"),
    ("SELECT Id FROM Lead WHERE Name NOT LIKE 'x'", "unexpected token: 'LIKE'"),
    ("SELECT Id FROM Lead WHERE Name IN ()", "unexpected token: ')'"),
    ("SELECT Id FROM Lead WHERE (Name = 'x'", "unexpected token: '<EOF>'"),
    ("SELECT Id FROM Lead WHERE Name = 'x')", "unexpected token: ')'"),
    ("SELECT Id FROM Lead WHERE Name = x", "unexpected token: 'x'"),
    ("SELECT Id FROM Lead WHERE a = 1 AND b = 2 OR c = 3", "cannot be mixed"),
    ("SELECT Id FROM Lead WHERE a = 1 OR b = 2 AND c = 3", "cannot be mixed"),
    ("SELECT Id FROM Lead ORDER Name", "unexpected token: 'Name'"),
    ("SELECT Id FROM Lead ORDER BY Name NULLS", "unexpected token: '<EOF>'"),
    ("SELECT Id FROM Lead LIMIT -1", "LIMIT must be a non-negative integer"),
    ("SELECT Id FROM Lead LIMIT 1.5", "LIMIT must be a non-negative integer"),
    ("SELECT Id FROM Lead OFFSET 2001", "Maximum SOQL offset allowed is 2000"),
    ("SELECT Id FROM Lead LIMIT 99999999999999999999", "LIMIT is too large"),
    ("SELECT Id FROM Lead OFFSET 5 LIMIT 5", "unexpected token: 'LIMIT'"),
    ("SELECT Id FROM Lead LIMIT 5 WHERE Name = 'x'", "unexpected token: 'WHERE'"),
    ("SELECT COUNT(), Id FROM Lead", "COUNT() must be the only element"),
    ("SELECT Id FROM Lead WHERE CreatedDate = LAST_N_DAYS", "unexpected token: '<EOF>'"),
    ("SELECT Id FROM Lead WHERE CreatedDate = LAST_N_DAYS:x", "whole number of days"),
    ("SELECT Id FROM Lead WHERE Owner. = 'x'", "unexpected token: '='"),
])
def test_syntax_errors(text: str, fragment: str) -> None:
    assert fragment in refused(text).message


def test_too_deep_nesting_is_refused_not_a_recursion_error() -> None:
    for opener in ("(", "NOT "):
        text = "SELECT Id FROM Lead WHERE " + opener * 10_000 + "Name = 'x'"
        assert "nested too deeply" in refused(text).message


def test_offset_2000_is_allowed() -> None:
    assert parse_soql("SELECT Id FROM Lead OFFSET 2000").offset == 2000
