"""SOQL for the local org: the subset a sync tool uses, parsed and compiled to SQLite SQL.

Queries never run row by row in Python: :func:`compile_soql` turns a SOQL statement into
SQL parts over the ``storage`` layout (one table per object, ``t0`` the FROM object), and
:func:`rows_to_records` shapes the rows into Salesforce's records. Every refusal is a
:class:`SoqlError` carrying Salesforce's ``errorCode``.
"""

from .compiler import CompiledQuery, SelectedField, compile_soql
from .errors import SoqlError
from .parser import parse_soql
from .results import rows_to_records

__all__ = [
    "CompiledQuery",
    "SelectedField",
    "SoqlError",
    "compile_soql",
    "parse_soql",
    "rows_to_records",
]
