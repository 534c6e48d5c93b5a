"""Plain-text tables and values for the terminal."""

from __future__ import annotations

import json
from collections.abc import Sequence


def show(value: object) -> str:
    """A value as the user typed it would look: strings quoted (so an empty string and
    no value differ), ``null`` for none, booleans as true/false."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else repr(value)
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], *, indent: str = "  ",
          right: Sequence[int] = ()) -> list[str]:
    """Aligned columns; numbers in the ``right`` columns are right-aligned."""
    cells = [[str(h) for h in headers]] + [[_cell(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = []
    for r in cells:
        parts = [c.rjust(w) if i in right else c.ljust(w)
                 for i, (c, w) in enumerate(zip(r, widths, strict=True))]
        lines.append((indent + "  ".join(parts)).rstrip())
    return lines


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return " ".join(text.split()) if "\n" in text or "\r" in text else text


def yes_no(flag: object) -> str:
    return "yes" if flag else "no"
