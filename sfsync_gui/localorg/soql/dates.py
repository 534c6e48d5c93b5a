"""SOQL's relative date literals (``TODAY``, ``LAST_N_DAYS:7``...) as ranges of days.

Each literal is a half-open range of whole days ``[start, end)``: ``field = TODAY`` means
inside it, ``field < TODAY`` before its start, ``field > TODAY`` from its end on.
Salesforce evaluates them in the querying user's time zone; the local org uses UTC days.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from .errors import malformed


def _month_start(d: date, delta_months: int) -> date:
    index = d.year * 12 + (d.month - 1) + delta_months
    return date(index // 12, index % 12 + 1, 1)


def _days(start: int, end: int) -> Callable[[date, int | None], tuple[date, date]]:
    return lambda today, _n: (today + timedelta(days=start), today + timedelta(days=end))


def _months(delta: int) -> Callable[[date, int | None], tuple[date, date]]:
    return lambda today, _n: (_month_start(today, delta), _month_start(today, delta + 1))


def _years(delta: int) -> Callable[[date, int | None], tuple[date, date]]:
    return lambda today, _n: (date(today.year + delta, 1, 1), date(today.year + delta + 1, 1, 1))


#: Literals without a number: name -> (today, None) -> [start, end)
DATE_LITERALS: dict[str, Callable[[date, int | None], tuple[date, date]]] = {
    "YESTERDAY": _days(-1, 0),
    "TODAY": _days(0, 1),
    "TOMORROW": _days(1, 2),
    # "starts with the current day and continues for the past 90 days": 91 days in all
    "LAST_90_DAYS": _days(-90, 1),
    # "starts 00:00:00 of the next day and continues for the next 90 days"
    "NEXT_90_DAYS": _days(1, 91),
    "LAST_MONTH": _months(-1),
    "THIS_MONTH": _months(0),
    "NEXT_MONTH": _months(1),
    "LAST_YEAR": _years(-1),
    "THIS_YEAR": _years(0),
    "NEXT_YEAR": _years(1),
}


def _last_n_days(today: date, n: int | None) -> tuple[date, date]:
    # LAST_N_DAYS:1 is yesterday and today (Salesforce's documentation).
    return today - timedelta(days=n or 0), today + timedelta(days=1)


def _next_n_days(today: date, n: int | None) -> tuple[date, date]:
    return today + timedelta(days=1), today + timedelta(days=(n or 0) + 1)


def _n_days_ago(today: date, n: int | None) -> tuple[date, date]:
    day = today - timedelta(days=n or 0)
    return day, day + timedelta(days=1)


#: Literals written ``NAME:n``.
DATE_LITERALS_WITH_N: dict[str, Callable[[date, int | None], tuple[date, date]]] = {
    "LAST_N_DAYS": _last_n_days,
    "NEXT_N_DAYS": _next_n_days,
    "N_DAYS_AGO": _n_days_ago,
}

#: Literals Salesforce has and the local org refuses by name (week starts and fiscal
#: periods depend on locale and org settings the local org does not model).
UNSUPPORTED_DATE_LITERALS = frozenset({
    "LAST_WEEK", "THIS_WEEK", "NEXT_WEEK", "THIS_QUARTER", "LAST_QUARTER", "NEXT_QUARTER",
    "THIS_FISCAL_QUARTER", "LAST_FISCAL_QUARTER", "NEXT_FISCAL_QUARTER", "THIS_FISCAL_YEAR",
    "LAST_FISCAL_YEAR", "NEXT_FISCAL_YEAR",
})


def date_range(name: str, n: int | None, today: date, pos: int) -> tuple[date, date]:
    """The ``[start, end)`` days of the literal ``name`` (with ``n`` for ``NAME:n``)."""
    func = DATE_LITERALS.get(name) or DATE_LITERALS_WITH_N.get(name)
    if func is None:  # the parser only lets known names through
        raise malformed(f"The date literal {name} is not supported by the local org", pos)
    try:
        return func(today, n)
    except (OverflowError, ValueError):
        raise malformed(f"the date literal {name}{'' if n is None else f':{n}'} reaches "
                        "outside the supported range of dates", pos) from None
