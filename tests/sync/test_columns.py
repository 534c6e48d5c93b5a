"""The column-at-a-time page path gives what the value-by-value path gives: it accepts a
page only when every check of ``check_records`` passes, and what it stores reads back from
SQLite exactly as ``to_column``'s values do."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sfsync_gui.salesforce.connection import strip_attributes
from sfsync_gui.store import sql_sqlite
from sfsync_gui.store.records import to_column
from sfsync_gui.sync.columns import plain_columns, stored
from sfsync_gui.sync.validate import MalformedAnswer, check_records

FIELDS = {"Title": "string", "Score__c": "double", "Employees": "int", "Active": "boolean",
          "Born": "date", "Seen": "datetime", "OwnerId": "reference", "Big": "long"}
NEEDED = [*FIELDS, "Id", "SystemModstamp", "IsDeleted"]

texts = st.one_of(st.none(), st.just(""), st.text(max_size=8),
                  st.sampled_from(["a\nb", "x" * 10]))
stamps = st.one_of(st.sampled_from([
    "2024-01-02T03:04:05.000+0000", "2024-02-29T00:00:00.000Z", "2023-02-29T00:00:00.000Z",
    "2024-04-31T10:00:00.000+0000", "2024-01-02T24:00:00.000+0000", "1699-12-31T00:00:00Z",
    "4000-12-31T23:59:59.999-0800", "2024-01-02T03:04:05+01:00", "2024-01-02 03:04:05",
    "2024-01-02T03:04:05.000+0000\n2024-01-02T03:04:05.000+0000", "", "٢٠٢٤-01-02T00:00:00Z"]),
    st.none())
dates = st.one_of(st.none(), st.sampled_from(["2024-02-29", "2023-02-29", "2024-06-31",
                                              "1700-01-01", "4001-01-01", "2024-W01-1", ""]))
numbers = st.one_of(st.none(), st.integers(-10**19, 10**19), st.booleans(),
                    st.floats(allow_nan=True, allow_infinity=True),
                    st.sampled_from(["12", "1.5", "x", "", "nan"]))
ids = st.sampled_from(["00Q000000000001AAA", "00Q000000000002", "bad id", "", None,
                       "00Q000000000001AAA\n00Q000000000002"])
booleans = st.one_of(st.none(), st.booleans(), st.sampled_from(["true", "FALSE", "yes", ""]),
                     st.integers(0, 1))


@st.composite
def records(draw: st.DrawFn) -> dict:
    rec = {"Id": draw(ids), "SystemModstamp": draw(stamps), "IsDeleted": draw(booleans),
           "Title": draw(texts), "Score__c": draw(numbers), "Employees": draw(numbers),
           "Active": draw(booleans), "Born": draw(dates), "Seen": draw(stamps),
           "OwnerId": draw(ids), "Big": draw(numbers)}
    if draw(st.integers(0, 20)) == 0:
        rec.pop(draw(st.sampled_from(sorted(rec))))
    return rec


@st.composite
def clean_records(draw: st.DrawFn) -> dict:
    """Records as Salesforce sends them (REST JSON), so the fast path is exercised."""
    return {"Id": f"00Q{draw(st.integers(0, 10**11)):012d}AAA",
            "SystemModstamp": draw(st.sampled_from(["2024-01-02T03:04:05.000+0000",
                                                    "2024-02-29T23:59:59.999+0000"])),
            "IsDeleted": draw(st.booleans()), "Title": draw(st.one_of(st.none(), st.text())),
            "Score__c": draw(st.one_of(st.none(), st.integers(-10**6, 10**6),
                                       st.floats(-1e6, 1e6))),
            "Employees": draw(st.one_of(st.none(), st.integers(0, 10**6), st.just(5.5))),
            "Active": draw(st.one_of(st.none(), st.booleans())),
            "Born": draw(st.one_of(st.none(), st.just("2024-02-29"), st.just("1999-12-31"))),
            "Seen": draw(st.one_of(st.none(), st.just("2024-03-31T00:00:00.000+0000"))),
            "OwnerId": draw(st.one_of(st.none(), st.just(""), st.just("005000000000001AAA"))),
            "Big": draw(st.one_of(st.none(), st.integers(-10**12, 10**12)))}


def _slow_ok(page: list[dict]) -> bool:
    try:
        check_records("Lead", FIELDS, page, bookkeeping=["Id", "SystemModstamp", "IsDeleted"])
    except MalformedAnswer:
        return False
    return True


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(records(), clean_records()), max_size=6))
def test_a_page_passes_as_columns_only_when_every_value_passes(page: list[dict]) -> None:
    columns = plain_columns(FIELDS, page, NEEDED)
    if columns is not None:
        assert _slow_ok(page)
        assert all(columns[n] == tuple(r[n] for r in page) for n in NEEDED) or not page


@settings(max_examples=200, deadline=None)
@given(st.lists(clean_records(), min_size=1, max_size=6))
def test_clean_pages_take_the_fast_path_and_store_what_to_column_stores(page: list[dict]
                                                                         ) -> None:
    columns = plain_columns(FIELDS, page, NEEDED)
    assert columns is not None
    db = sqlite3.connect(":memory:")
    cols = ", ".join(f"{sql_sqlite.quote(n)} {sql_sqlite.column_type(t)}"
                     for n, t in FIELDS.items())
    db.execute(f"CREATE TABLE slow ({cols})")
    db.execute(f"CREATE TABLE fast ({cols})")
    marks = ", ".join("?" for _ in FIELDS)
    db.executemany(f"INSERT INTO slow VALUES ({marks})",
                   [[to_column(t, r[n]) for n, t in FIELDS.items()] for r in page])
    db.executemany(f"INSERT INTO fast VALUES ({marks})",
                   zip(*[stored(t, columns[n]) for n, t in FIELDS.items()], strict=True))
    slow = db.execute("SELECT * FROM slow").fetchall()
    fast = db.execute("SELECT * FROM fast").fetchall()
    assert [[(type(v), v) for v in row] for row in fast] == \
        [[(type(v), v) for v in row] for row in slow]


@pytest.mark.parametrize(("body", "records", "stripped"), [
    # a plain page: one "attributes" per record, nothing else to look at
    (b'{"records":[{"attributes":{},"Title":"say \\"attributes\\""}]}',
     [{"attributes": {}, "Title": 'say "attributes"'}], [{"Title": 'say "attributes"'}]),
    # a parent record has its own: every value is searched
    (b'{"records":[{"attributes":{},"Owner":{"attributes":{},"Name":"A"}}]}',
     [{"attributes": {}, "Owner": {"attributes": {}, "Name": "A"}}],
     [{"Owner": {"Name": "A"}}]),
])
def test_attributes_are_stripped_alike_with_or_without_the_body(
        body: bytes, records: list[dict], stripped: list[dict]) -> None:
    import copy

    assert strip_attributes(copy.deepcopy(records), body=body) == stripped
    assert strip_attributes(copy.deepcopy(records)) == stripped
