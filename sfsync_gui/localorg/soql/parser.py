"""SOQL text to a syntax tree, without looking at the catalog.

The grammar is the subset the local org serves::

    query      := SELECT (COUNT '(' ')' | path (',' path)*) FROM ident [alias]
                  [WHERE condition] [ORDER BY order (',' order)*] [LIMIT int] [OFFSET int]
    condition  := unary (AND unary)* | unary (OR unary)*     -- no mixing without parentheses
    unary      := NOT unary | '(' condition ')' | comparison
    comparison := path op value | path [NOT] IN '(' value (',' value)* ')' | path LIKE value
    order      := path [ASC | DESC] [NULLS (FIRST | LAST)]

Everything else SOQL has (subqueries, aggregates, GROUP BY, TYPEOF, WITH, FOR UPDATE,
semi-joins, bind variables...) is refused with ``MALFORMED_QUERY`` naming the construct.
Parsing is bounded: nesting deeper than :data:`MAX_NESTING` is refused, so no input can
exhaust Python's stack.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import lexer
from .dates import DATE_LITERALS, DATE_LITERALS_WITH_N, UNSUPPORTED_DATE_LITERALS
from .errors import malformed
from .lexer import Token

#: Deepest nesting of parentheses / NOT accepted by the parser.
MAX_NESTING = 50
#: Salesforce's limit on OFFSET.
MAX_OFFSET = 2000
#: Larger LIMIT values are refused (they could not fit SQLite's integers anyway).
MAX_LIMIT = 2**53

# Words that end the SELECT list / the FROM clause and therefore cannot be an alias.
_CLAUSE_WORDS = frozenset({
    "WHERE", "WITH", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "FOR", "UPDATE",
    "USING", "ALL", "FROM", "SELECT", "AND", "OR", "NOT", "NULLS", "ASC", "DESC",
})
_UNSUPPORTED_CLAUSES = {
    "WITH": "WITH clauses (WITH SECURITY_ENFORCED, WITH DATA CATEGORY...)",
    "GROUP": "GROUP BY",
    "HAVING": "HAVING",
    "FOR": "FOR VIEW / FOR REFERENCE / FOR UPDATE",
    "UPDATE": "UPDATE TRACKING / UPDATE VIEWSTAT",
    "USING": "USING SCOPE",
    "ALL": "ALL ROWS (use the queryAll resource)",
}
_AGGREGATES = frozenset({"COUNT", "COUNT_DISTINCT", "SUM", "AVG", "MIN", "MAX", "GROUPING"})
_COMPARISON_OPS = frozenset({"=", "!=", "<", "<=", ">", ">="})


@dataclass(frozen=True, slots=True)
class FieldPath:
    """A dotted field reference as written (``Owner.Name``): names are not resolved yet."""

    parts: tuple[str, ...]
    pos: int

    @property
    def text(self) -> str:
        return ".".join(self.parts)


@dataclass(frozen=True, slots=True)
class Literal:
    """A value in a condition.

    ``kind`` is ``string`` (``text`` decoded, ``like`` the LIKE pattern), ``number``,
    ``date``, ``datetime`` (``text`` as written), ``null``, ``boolean`` (``text`` is
    ``true``/``false``) or ``date_literal`` (``text`` the upper-case name such as
    ``LAST_N_DAYS``, ``n`` its number if it takes one).
    """

    kind: str
    text: str
    pos: int
    like: str = ""
    n: int | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    """``field op value``; ``op`` is one of ``= != < <= > >= LIKE IN NOT IN`` (``<>`` is
    read as ``!=``); ``values`` holds one literal except for ``IN`` lists."""

    field: FieldPath
    op: str
    values: tuple[Literal, ...]
    pos: int


@dataclass(frozen=True, slots=True)
class Logical:
    """Two or more conditions joined by one operator, ``AND`` or ``OR``."""

    op: str
    items: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class Not:
    """``NOT condition``."""

    item: Condition


Condition = Comparison | Logical | Not


@dataclass(frozen=True, slots=True)
class OrderItem:
    """One ``ORDER BY`` term; ``nulls_first`` is None when the query leaves it to the
    default (ASC: nulls first, DESC: nulls last)."""

    field: FieldPath
    descending: bool
    nulls_first: bool | None


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed SOQL ``SELECT``."""

    fields: tuple[FieldPath, ...]
    count_only: bool
    object_name: str
    object_pos: int
    alias: str | None
    where: Condition | None
    order_by: tuple[OrderItem, ...]
    limit: int | None
    offset: int | None


def parse_soql(text: str) -> Query:
    """Parse a SOQL statement (:class:`SoqlError` for anything outside the subset)."""
    if not isinstance(text, str):
        raise malformed("the query must be text")
    return _Parser(lexer.tokenize(text)).query()


class _Parser:
    """Recursive descent over the token list; recursion depth bounded by MAX_NESTING."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.i = 0

    # -- token helpers ------------------------------------------------------------------

    def peek(self, ahead: int = 0) -> Token:
        j = self.i + ahead
        return self.tokens[j] if j < len(self.tokens) else self.tokens[-1]

    def advance(self) -> Token:
        tok = self.peek()
        if tok.kind != lexer.EOF:
            self.i += 1
        return tok

    def at_kw(self, *words: str) -> bool:
        return self.peek().upper in words

    def expect_kw(self, word: str) -> Token:
        tok = self.peek()
        if tok.upper != word:
            raise self.unexpected(tok)
        return self.advance()

    def expect(self, kind: str) -> Token:
        tok = self.peek()
        if tok.kind != kind:
            raise self.unexpected(tok)
        return self.advance()

    @staticmethod
    def unexpected(tok: Token) -> Exception:
        return malformed(f"unexpected token: '{tok.describe()}'", tok.pos)

    @staticmethod
    def unsupported(what: str, tok: Token) -> Exception:
        return malformed(f"{what} is not supported by the local org", tok.pos)

    # -- query --------------------------------------------------------------------------

    def query(self) -> Query:
        self.expect_kw("SELECT")
        fields, count_only = self.select_list()
        self.expect_kw("FROM")
        obj_tok = self.peek()
        if obj_tok.kind == lexer.LPAREN:
            raise self.unsupported("A subquery in FROM", obj_tok)
        if obj_tok.kind != lexer.IDENT or obj_tok.upper in _CLAUSE_WORDS:
            raise self.unexpected(obj_tok)
        self.advance()
        if self.peek().kind == lexer.COMMA:
            raise self.unsupported("Querying more than one object", self.peek())
        alias = None
        tok = self.peek()
        if tok.kind == lexer.IDENT and tok.upper not in _CLAUSE_WORDS:
            alias = self.advance().value
        self.refuse_clause()
        where = None
        if self.at_kw("WHERE"):
            self.advance()
            where = self.condition(0)
        self.refuse_clause()
        order: tuple[OrderItem, ...] = ()
        if self.at_kw("ORDER"):
            self.advance()
            self.expect_kw("BY")
            order = self.order_list()
        self.refuse_clause()
        limit = offset = None
        if self.at_kw("LIMIT"):
            self.advance()
            limit = self.integer("LIMIT", MAX_LIMIT)
        if self.at_kw("OFFSET"):
            self.advance()
            offset = self.integer("OFFSET", MAX_OFFSET)
        self.refuse_clause()
        tok = self.peek()
        if tok.kind != lexer.EOF:
            raise self.unexpected(tok)
        return Query(fields, count_only, obj_tok.value, obj_tok.pos, alias, where, order,
                     limit, offset)

    def refuse_clause(self) -> None:
        tok = self.peek()
        what = _UNSUPPORTED_CLAUSES.get(tok.upper)
        if what:
            raise self.unsupported(what, tok)

    def select_list(self) -> tuple[tuple[FieldPath, ...], bool]:
        tok = self.peek()
        if tok.upper == "COUNT" and self.peek(1).kind == lexer.LPAREN:
            self.advance()
            self.advance()
            if self.peek().kind != lexer.RPAREN:
                raise self.unsupported(
                    "COUNT(field) and other aggregate functions (only COUNT() is)", tok
                )
            self.advance()
            if self.peek().kind == lexer.COMMA:
                raise malformed("COUNT() must be the only element in the SELECT list",
                                self.peek().pos)
            return (), True
        fields: list[FieldPath] = []
        while True:
            tok = self.peek()
            if tok.kind == lexer.LPAREN:
                raise self.unsupported("A subquery (nested SELECT of child records)", tok)
            if tok.kind != lexer.IDENT or tok.upper in ("FROM", "SELECT"):
                raise self.unexpected(tok)
            if tok.upper == "TYPEOF":
                raise self.unsupported("TYPEOF", tok)
            if self.peek(1).kind == lexer.LPAREN:
                raise self.function(tok)
            path = self.path()
            after = self.peek()
            if after.kind == lexer.IDENT and after.upper != "FROM":
                raise malformed("Only aggregate expressions use field aliasing", after.pos)
            fields.append(path)
            if self.peek().kind != lexer.COMMA:
                break
            self.advance()
        return tuple(fields), False

    def function(self, tok: Token) -> Exception:
        name = tok.upper
        if name == "FIELDS":
            return self.unsupported("FIELDS() (list the fields instead)", tok)
        if name in _AGGREGATES:
            return self.unsupported(f"The aggregate function {tok.value}()", tok)
        return self.unsupported(f"The function {tok.value}()", tok)

    def path(self) -> FieldPath:
        first = self.expect(lexer.IDENT)
        parts = [first.value]
        while self.peek().kind == lexer.DOT:
            self.advance()
            parts.append(self.expect(lexer.IDENT).value)
        return FieldPath(tuple(parts), first.pos)

    def integer(self, clause: str, maximum: int) -> int:
        tok = self.peek()
        if tok.kind != lexer.NUMBER or not tok.value.isdigit():
            if tok.kind == lexer.COLON:
                raise self.unsupported("A bind variable (Apex only)", tok)
            raise malformed(f"{clause} must be a non-negative integer, not "
                            f"'{tok.describe()}'", tok.pos)
        self.advance()
        value = int(tok.value)
        if value > maximum:
            if clause == "OFFSET":
                raise malformed(f"Maximum SOQL offset allowed is {MAX_OFFSET}", tok.pos)
            raise malformed(f"{clause} is too large: {tok.value}", tok.pos)
        return value

    def order_list(self) -> tuple[OrderItem, ...]:
        items: list[OrderItem] = []
        while True:
            tok = self.peek()
            if tok.kind != lexer.IDENT or tok.upper in _CLAUSE_WORDS:
                raise self.unexpected(tok)
            if self.peek(1).kind == lexer.LPAREN:
                raise self.function(tok)
            path = self.path()
            descending = False
            if self.at_kw("ASC", "DESC"):
                descending = self.advance().upper == "DESC"
            nulls_first = None
            if self.at_kw("NULLS"):
                self.advance()
                tok = self.peek()
                if tok.upper not in ("FIRST", "LAST"):
                    raise self.unexpected(tok)
                nulls_first = self.advance().upper == "FIRST"
            items.append(OrderItem(path, descending, nulls_first))
            if self.peek().kind != lexer.COMMA:
                return tuple(items)
            self.advance()

    # -- conditions ---------------------------------------------------------------------

    def condition(self, depth: int) -> Condition:
        if depth > MAX_NESTING:
            raise malformed(
                f"the WHERE clause is nested too deeply (more than {MAX_NESTING} levels)",
                self.peek().pos,
            )
        items = [self.unary(depth)]
        op = None
        while self.at_kw("AND", "OR"):
            tok = self.advance()
            if op is not None and tok.upper != op:
                # SOQL has no precedence between AND and OR: parentheses are required.
                raise malformed(
                    f"unexpected token: '{tok.value}' (AND and OR cannot be mixed without "
                    "parentheses)", tok.pos,
                )
            op = tok.upper
            items.append(self.unary(depth))
        if op is None:
            return items[0]
        return Logical(op, tuple(items))

    def unary(self, depth: int) -> Condition:
        if depth > MAX_NESTING:
            raise malformed(
                f"the WHERE clause is nested too deeply (more than {MAX_NESTING} levels)",
                self.peek().pos,
            )
        tok = self.peek()
        if tok.upper == "NOT":
            self.advance()
            return Not(self.unary(depth + 1))
        if tok.kind == lexer.LPAREN:
            self.advance()
            if self.at_kw("SELECT"):
                raise self.unsupported("A subquery", self.peek())
            cond = self.condition(depth + 1)
            self.expect(lexer.RPAREN)
            return cond
        return self.comparison()

    def comparison(self) -> Comparison:
        tok = self.peek()
        if tok.kind != lexer.IDENT or tok.upper in _CLAUSE_WORDS:
            raise self.unexpected(tok)
        if self.peek(1).kind == lexer.LPAREN:
            raise self.function(tok)
        path = self.path()
        op_tok = self.peek()
        if op_tok.kind == lexer.OP:
            self.advance()
            return Comparison(path, op_tok.value, (self.value(),), op_tok.pos)
        word = op_tok.upper
        if word == "LIKE":
            self.advance()
            return Comparison(path, "LIKE", (self.value(),), op_tok.pos)
        if word == "IN":
            self.advance()
            return Comparison(path, "IN", self.value_list(), op_tok.pos)
        if word == "NOT":
            self.advance()
            nxt = self.peek()
            if nxt.upper != "IN":
                raise self.unexpected(nxt)
            self.advance()
            return Comparison(path, "NOT IN", self.value_list(), op_tok.pos)
        if word in ("INCLUDES", "EXCLUDES"):
            raise self.unsupported(f"{word} (multi-select picklist filters)", op_tok)
        raise self.unexpected(op_tok)

    def value_list(self) -> tuple[Literal, ...]:
        self.expect(lexer.LPAREN)
        if self.at_kw("SELECT"):
            raise self.unsupported("A semi-join or anti-join (IN / NOT IN with a subquery)",
                                   self.peek())
        values = [self.value()]
        while self.peek().kind == lexer.COMMA:
            self.advance()
            values.append(self.value())
        self.expect(lexer.RPAREN)
        return tuple(values)

    def value(self) -> Literal:
        tok = self.peek()
        kind = tok.kind
        if kind == lexer.STRING:
            self.advance()
            return Literal("string", tok.value, tok.pos, tok.like)
        if kind == lexer.NUMBER:
            self.advance()
            return Literal("number", tok.value, tok.pos)
        if kind == lexer.DATE:
            self.advance()
            return Literal("date", tok.value, tok.pos)
        if kind == lexer.DATETIME:
            self.advance()
            return Literal("datetime", tok.value, tok.pos)
        if kind == lexer.COLON:
            raise self.unsupported("A bind variable (Apex only)", tok)
        if kind != lexer.IDENT:
            raise self.unexpected(tok)
        word = tok.upper
        if word == "NULL":
            self.advance()
            return Literal("null", "null", tok.pos)
        if word in ("TRUE", "FALSE"):
            self.advance()
            return Literal("boolean", word.lower(), tok.pos)
        if word in DATE_LITERALS:
            self.advance()
            return Literal("date_literal", word, tok.pos)
        if word in DATE_LITERALS_WITH_N:
            self.advance()
            self.expect(lexer.COLON)
            num = self.peek()
            if num.kind != lexer.NUMBER or not num.value.isdigit() or len(num.value) > 6:
                raise malformed(f"{word} needs a whole number of days, as in {word}:7",
                                num.pos)
            self.advance()
            return Literal("date_literal", word, tok.pos, n=int(num.value))
        if word in UNSUPPORTED_DATE_LITERALS or (
            word.startswith(("LAST_N_", "NEXT_N_", "N_")) and self.peek(1).kind == lexer.COLON
        ):
            raise self.unsupported(f"The date literal {tok.value}", tok)
        raise self.unexpected(tok)
