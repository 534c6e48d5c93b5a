"""SOQL tokens: identifiers, quoted strings with SOQL escapes, numbers, unquoted date and
datetime literals, operators and punctuation.

Keywords are not told apart from identifiers here: SOQL keywords are only reserved in some
positions, so the parser decides by context (``ident.upper == "WHERE"``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import malformed

#: Salesforce refuses longer statements; the limit also bounds the work any query costs.
MAX_QUERY_LENGTH = 100_000

IDENT = "IDENT"
STRING = "STRING"
NUMBER = "NUMBER"
DATE = "DATE"
DATETIME = "DATETIME"
OP = "OP"
LPAREN = "("
RPAREN = ")"
COMMA = ","
DOT = "."
COLON = ":"
EOF = "EOF"


@dataclass(frozen=True, slots=True)
class Token:
    """One token. ``value`` is the decoded text of a string literal (escapes applied) and
    the source text otherwise; ``like`` is a string literal as an SQL ``LIKE`` pattern whose
    escape character is a backslash (``\\%``, ``\\_`` and ``\\\\`` are literal)."""

    kind: str
    value: str
    pos: int
    like: str = ""

    @property
    def upper(self) -> str:
        """The identifier in upper case, for keyword checks."""
        return self.value.upper() if self.kind == IDENT else ""

    def describe(self) -> str:
        """How error messages show the token (Salesforce says ``<EOF>`` at the end)."""
        if self.kind == EOF:
            return "<EOF>"
        if self.kind == STRING:
            return "'" + self.value + "'"
        return self.value


# [0-9] rather than \d: \d also matches other scripts' digits, which SOQL does not.
_IDENT_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_DATETIME_RE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?"
    r"(?:Z|[+-][0-9]{2}:?[0-9]{2})"
)
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMBER_RE = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_OPERATORS = ("<=", ">=", "!=", "<>", "=", "<", ">")
_PUNCT = {"(": LPAREN, ")": RPAREN, ",": COMMA, ".": DOT, ":": COLON}
# SOQL's escape sequences (documented: \n \r \t \b \f \" \' \\ \uXXXX, upper or lower case
# letters). \% and \_ are only meaningful in LIKE; elsewhere they stand for the plain
# character.
_SIMPLE_ESCAPES = {
    "n": "\n", "N": "\n", "r": "\r", "R": "\r", "t": "\t", "T": "\t",
    "b": "\b", "B": "\b", "f": "\f", "F": "\f", '"': '"', "'": "'",
}


def tokenize(text: str) -> list[Token]:
    """Split a SOQL statement into tokens, ending with an ``EOF`` token.

    Raises :class:`SoqlError` (``MALFORMED_QUERY``) for anything SOQL cannot contain.
    """
    if len(text) > MAX_QUERY_LENGTH:
        raise malformed(
            f"SOQL statements cannot be longer than {MAX_QUERY_LENGTH:,} characters."
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        # Lone surrogates cannot reach SQLite; say so instead of failing later.
        raise malformed("the query is not valid Unicode text", exc.start) from None
    tokens: list[Token] = []
    pos = 0
    n = len(text)
    while pos < n:
        ch = text[pos]
        if ch.isspace():
            pos += 1
            continue
        if ch == "'":
            tok, pos = _string(text, pos)
            tokens.append(tok)
            continue
        if ch.isascii() and (ch.isdigit() or ch in "+-."):
            tok = _number_or_date(text, pos)
            if tok is not None:
                tokens.append(tok)
                pos += len(tok.value)
                continue
        m = _IDENT_RE.match(text, pos)
        if m:
            tokens.append(Token(IDENT, m.group(), pos))
            pos = m.end()
            continue
        for op in _OPERATORS:
            if text.startswith(op, pos):
                tokens.append(Token(OP, "!=" if op == "<>" else op, pos))
                pos += len(op)
                break
        else:
            kind = _PUNCT.get(ch)
            if kind is None:
                raise malformed(f"unexpected token: '{ch}'", pos)
            tokens.append(Token(kind, ch, pos))
            pos += 1
    tokens.append(Token(EOF, "", n))
    return tokens


def _number_or_date(text: str, pos: int) -> Token | None:
    """A datetime, date or number literal at ``pos``, or None (a lone ``.``, ``+``...)."""
    for kind, regex in ((DATETIME, _DATETIME_RE), (DATE, _DATE_RE), (NUMBER, _NUMBER_RE)):
        m = regex.match(text, pos)
        if not m:
            continue
        end = m.end()
        if end < len(text) and (text[end] in _WORD_CHARS or text[end] in ".:"):
            if kind == DATE and text[end] == "T":
                raise malformed(
                    f"invalid datetime literal: '{_word_at(text, pos)}' (use "
                    "YYYY-MM-DDThh:mm:ssZ or YYYY-MM-DDThh:mm:ss+hh:mm)", pos,
                )
            raise malformed(f"unexpected token: '{_word_at(text, pos)}'", pos)
        return Token(kind, m.group(), pos)
    return None


def _word_at(text: str, pos: int) -> str:
    """The run of non-space characters at ``pos`` (for error messages), at most 40."""
    end = pos
    while end < len(text) and end - pos < 40 and not text[end].isspace() and text[end] not in "(),":
        end += 1
    return text[pos:end] or text[pos : pos + 1]


def _string(text: str, start: int) -> tuple[Token, int]:
    """The quoted string starting at ``start``: (token, position after the closing quote)."""
    value: list[str] = []
    like: list[str] = []
    pos = start + 1
    n = len(text)
    while True:
        # Copy runs of ordinary characters in one go: strings can be long.
        j = pos
        while j < n and text[j] != "'" and text[j] != "\\":
            j += 1
        if j > pos:
            chunk = text[pos:j]
            value.append(chunk)
            like.append(chunk)
            pos = j
        if pos >= n:
            raise malformed("unterminated string literal (missing closing quote)", start)
        ch = text[pos]
        if ch == "'":
            return Token(STRING, "".join(value), start, "".join(like)), pos + 1
        # a backslash escape
        if pos + 1 >= n:
            raise malformed("unterminated string literal (missing closing quote)", start)
        esc = text[pos + 1]
        if esc in _SIMPLE_ESCAPES:
            value.append(_SIMPLE_ESCAPES[esc])
            like.append(_SIMPLE_ESCAPES[esc])
            pos += 2
        elif esc == "\\":
            value.append("\\")
            like.append("\\\\")
            pos += 2
        elif esc in "%_":
            value.append(esc)
            like.append("\\" + esc)
            pos += 2
        elif esc in "uU":
            digits = text[pos + 2 : pos + 6]
            if len(digits) != 4 or any(c not in "0123456789abcdefABCDEF" for c in digits):
                raise malformed(
                    f"Invalid string literal: illegal unicode escape '\\{esc}{digits}'", pos
                )
            char = chr(int(digits, 16))
            if 0xD800 <= ord(char) <= 0xDFFF:
                raise malformed("Invalid string literal: surrogate code point", pos)
            value.append(char)
            # A literal % or _ given as \u0025 / \u005f is still a literal character.
            like.append("\\" + char if char in "%_\\" else char)
            pos += 6
        else:
            raise malformed(
                f"Invalid string literal: illegal character sequence '\\{esc}'", pos
            )
