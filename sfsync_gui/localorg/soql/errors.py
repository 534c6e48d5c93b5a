"""The one exception the SOQL package raises for a bad query."""

from __future__ import annotations


class SoqlError(Exception):
    """A query Salesforce would refuse, with Salesforce's ``errorCode`` and message.

    ``error_code`` is one of ``MALFORMED_QUERY``, ``INVALID_TYPE``, ``INVALID_FIELD`` and
    ``INVALID_QUERY_FILTER_OPERATOR``; Salesforce answers all of them with HTTP 400.
    ``position`` is the 0-based character offset in the query the error points at, when
    known; :meth:`salesforce_message` formats it the way Salesforce prefixes its messages.
    """

    def __init__(self, error_code: str, message: str, position: int | None = None) -> None:
        super().__init__(f"{error_code}: {message}")
        self.error_code = error_code
        self.message = message
        self.position = position

    def salesforce_message(self, soql: str) -> str:
        """The message as Salesforce words it: the query line, a caret under the offending
        character, ``ERROR at Row:r:Column:c`` and the message. Without a position, the bare
        message."""
        if self.position is None:
            return self.message
        pos = max(0, min(self.position, len(soql)))
        row = soql.count("\n", 0, pos) + 1
        line_start = soql.rfind("\n", 0, pos) + 1
        line_end = soql.find("\n", pos)
        line = soql[line_start : line_end if line_end >= 0 else len(soql)]
        col = pos - line_start + 1
        return f"\n{line}\n{' ' * (col - 1)}^\nERROR at Row:{row}:Column:{col}\n{self.message}"

    def to_json(self) -> dict[str, str]:
        """The error body element Salesforce sends (the REST layer wraps it in a list)."""
        return {"message": self.message, "errorCode": self.error_code}


def malformed(message: str, position: int | None = None) -> SoqlError:
    """A ``MALFORMED_QUERY`` error (syntax, or a construct the local org refuses)."""
    return SoqlError("MALFORMED_QUERY", message, position)
