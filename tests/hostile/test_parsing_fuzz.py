"""Hypothesis on the functions that turn Salesforce's answers into values: for any input
they either return values Salesforce could hold or raise the one kind of error the engine
reports (never another exception, never garbage through)."""

from __future__ import annotations

import csv
import io
import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sfsync_gui.localorg.faults import FaultSpecError, parse_spec
from sfsync_gui.localorg.garble import MUTATORS, garble
from sfsync_gui.localorg.http import Response, json_response
from sfsync_gui.salesforce.bulk import iter_lines, parse_csv
from sfsync_gui.salesforce.errors import TransientError
from sfsync_gui.store.records import to_column
from sfsync_gui.sync.validate import (
    MAX_NUMBER,
    MAX_TEXT,
    MalformedAnswer,
    check_describe,
    check_records,
    check_value,
)

TYPES = ["string", "textarea", "email", "picklist", "boolean", "int", "double", "currency",
         "percent", "date", "datetime", "reference", "id", "hologram"]
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids,
                                                             max_size=4),
    max_leaves=20)
FIELDS = {"LastName": "string", "NumberOfEmployees": "int", "DoNotCall": "boolean",
          "AnnualRevenue": "currency", "LastTransferDate": "date", "OwnerId": "reference",
          "CreatedDate": "datetime"}
GOOD = {"Id": "00Q5g000000000AEAQ", "SystemModstamp": "2024-01-02T03:04:05.000+0000",
        "IsDeleted": False, "LastName": "Ng", "NumberOfEmployees": 12, "DoNotCall": False,
        "AnnualRevenue": 1.5e6, "LastTransferDate": "2024-02-29",
        "OwnerId": "0055g000000000aAAA", "CreatedDate": "2023-12-31T23:59:59.000+0000"}


@settings(max_examples=500)
@given(sf_type=st.sampled_from(TYPES), value=JSON)
def test_a_value_that_passes_the_check_converts_to_something_salesforce_holds(
        sf_type: str, value: object) -> None:
    if check_value(sf_type, value) is not None:
        return
    stored = to_column(sf_type, value)
    if stored is None:
        return
    if sf_type in ("int", "double", "currency", "percent"):
        assert isinstance(stored, (int, float)) and math.isfinite(stored)
        assert abs(stored) < MAX_NUMBER
    elif sf_type == "boolean":
        assert stored in (0, 1)
    else:
        assert isinstance(stored, str) and len(stored) <= MAX_TEXT


@settings(max_examples=400)
@given(field=st.sampled_from(["Id", "SystemModstamp", "IsDeleted", *FIELDS]), value=JSON,
       drop=st.booleans())
def test_a_spoiled_record_is_refused_or_still_well_formed(field: str, value: object,
                                                          drop: bool) -> None:
    rec = dict(GOOD)
    if drop:
        del rec[field]
    else:
        rec[field] = value
    try:
        check_records("Lead", FIELDS, [rec], bookkeeping=["Id", "SystemModstamp", "IsDeleted"])
    except MalformedAnswer as exc:
        assert exc.code == "MALFORMED_RESPONSE" and "Lead" in exc.message
        return
    assert not drop
    for name, sf_type in FIELDS.items():
        assert check_value(sf_type, rec[name]) is None


def test_the_good_record_passes_and_extremes_do_not() -> None:
    check_records("Lead", FIELDS, [GOOD])
    for field, bad in [("NumberOfEmployees", 10**30), ("AnnualRevenue", float("nan")),
                       ("LastName", "x" * (MAX_TEXT + 1)), ("LastTransferDate", "2024-02-30"),
                       ("CreatedDate", "9999-12-31T23:59:59.000+0000"), ("OwnerId", "' OR 1"),
                       ("DoNotCall", "maybe"), ("LastName", 7)]:
        with pytest.raises(MalformedAnswer, match=field):
            check_records("Lead", FIELDS, [{**GOOD, field: bad}])


@settings(max_examples=200)
@given(describe=JSON)
def test_any_describe_is_accepted_whole_or_refused(describe: object) -> None:
    try:
        check_describe("Lead", describe)
    except MalformedAnswer:
        return
    assert isinstance(describe, dict)
    assert all(isinstance(f["name"], str) and isinstance(f["type"], str)
               for f in describe["fields"])


def _csv(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


HEADER = ["Id", "LastName", "NumberOfEmployees"]


@settings(max_examples=400)
@given(rows=st.lists(st.lists(st.text(max_size=12), min_size=3, max_size=3), max_size=6),
       cut=st.integers(min_value=0, max_value=400), junk=st.binary(max_size=6),
       chunk=st.integers(min_value=1, max_value=64))
def test_csv_pages_parse_whole_or_raise_value_error(rows: list[list[str]], cut: int,
                                                    junk: bytes, chunk: int) -> None:
    body = _csv([HEADER, *rows])
    spoiled = body[:cut] + junk + body[cut:]
    chunks = [spoiled[i:i + chunk] for i in range(0, len(spoiled), chunk)]
    try:
        records = parse_csv(iter_lines(chunks), {"NumberOfEmployees": "int"})
    except (ValueError, csv.Error):
        return
    # never a shifted or short row: every record has a value for each header column (a
    # spoiled header gives other names, which the engine's check refuses as missing fields)
    assert len({tuple(rec) for rec in records}) <= 1
    for rec in records:
        assert 0 < len(rec) <= len(HEADER)
        if "NumberOfEmployees" in rec:
            assert rec["NumberOfEmployees"] is None or isinstance(rec["NumberOfEmployees"], int)


def test_a_clean_page_parses_exactly() -> None:
    rows = [["00Q5g000000000AEAQ", 'O"Brien, \\ \n名', "12"], ["00Q5g000000000BEAQ", "", ""]]
    recs = parse_csv(iter_lines([_csv([HEADER, *rows])]), {"NumberOfEmployees": "int"})
    assert recs == [{"Id": rows[0][0], "LastName": rows[0][1], "NumberOfEmployees": 12},
                    {"Id": rows[1][0], "LastName": None, "NumberOfEmployees": None}]


@settings(max_examples=300)
@given(seed=st.integers(min_value=0, max_value=10**6), payload=JSON)
def test_every_mutator_yields_a_response(seed: int, payload: object) -> None:
    resp = json_response(200, {"totalSize": 1, "done": True, "records": [payload]},
                         {"Sforce-Limit-Info": "api-usage=1/15000"})
    out, name = garble(resp, random.Random(seed))
    assert isinstance(out, Response) and name in MUTATORS
    if name not in ("limit_info", "date_header", "number_of_records"):
        assert out.body != resp.body or name in ("null", "wrong_type", "missing_key")


def test_garble_specs_are_checked() -> None:
    assert parse_spec({"kind": "garble", "mutators": ["truncate"]}, "F").params == {
        "mutators": ["truncate"]}
    assert parse_spec({"kind": "garble", "mutators": "nan"}, "F").params == {
        "mutators": ["nan"]}
    for bad in (["no_such"], [], 3):
        with pytest.raises(FaultSpecError, match="mutators must be"):
            parse_spec({"kind": "garble", "mutators": bad}, "F")
    with pytest.raises(FaultSpecError, match="unknown key"):
        parse_spec({"kind": "garble", "delay": 1}, "F")


def test_transient_is_what_the_engine_catches() -> None:
    assert issubclass(MalformedAnswer, TransientError)
