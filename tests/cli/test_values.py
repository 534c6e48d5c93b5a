"""Field=Value parsing against the field catalog (no org needed)."""

from __future__ import annotations

import pytest

from sfsync_gui.cli.errors import CliError
from sfsync_gui.cli.values import parse_assignments, parse_value, split_assignments
from sfsync_gui.store.models import FieldInfo


def info(name: str, type_: str, *, length: int = 0, readable: bool = True,
         synced: bool = True, createable: bool = True, updateable: bool = True,
         reason: str = "") -> FieldInfo:
    return FieldInfo(object="Lead", name=name, label=name, type=type_, length=length,
                     readable=readable, synced=synced, createable=createable,
                     updateable=updateable, reason=reason)


CATALOG = {f.name: f for f in [
    info("LastName", "string", length=80), info("Title", "string", length=128),
    info("Description", "textarea", length=32000), info("DoNotCall", "boolean"),
    info("NumberOfEmployees", "int"), info("Lead_Score__c", "double", createable=False,
                                            updateable=False),
    info("AnnualRevenue", "currency", readable=False, synced=False),
    info("Jigsaw", "string", synced=False, reason="not useful to sync (excluded by default)"),
    info("Birthdate", "date"), info("EmailBouncedDate", "datetime"),
    info("Score", "percent"), info("Phone", "phone", length=40),
    info("Email", "email", length=80),
]}


@pytest.mark.parametrize(("type_", "text", "value"), [
    ("boolean", "true", True), ("boolean", "FALSE", False),
    ("int", "42", 42), ("int", "-7", -7), ("int", "+3", 3),
    ("percent", "12.5", 12.5), ("percent", "3", 3.0), ("percent", "1e3", 1000.0),
    ("date", "2024-02-29", "2024-02-29"),
    ("datetime", "2024-01-02T03:04:05Z", "2024-01-02T03:04:05.000+0000"),
    ("datetime", "2024-01-02T04:04:05.250+01:00", "2024-01-02T03:04:05.250+0000"),
    ("datetime", "2024-01-02 03:04", "2024-01-02T03:04:00.000+0000"),
    ("string", "", None), ("int", "", None), ("boolean", "", None),
    # text stays text, whatever it looks like
    ("string", "true", "true"), ("string", "12", "12"), ("phone", "+1 (555) 010", "+1 (555) 010"),
    ("string", "O'Brien \"Q\" \\ SELECT Id FROM Lead WHERE 1=1 -- ünï 名 😀",
     "O'Brien \"Q\" \\ SELECT Id FROM Lead WHERE 1=1 -- ünï 名 😀"),
    ("string", "  spaced  ", "  spaced  "),
])
def test_values_take_the_type_of_their_field(type_: str, text: str, value: object) -> None:
    assert parse_value("Lead", info("F", type_, length=200), text) == value


@pytest.mark.parametrize(("type_", "text", "says"), [
    ("boolean", "yes", "use true or false"), ("boolean", "1", "use true or false"),
    ("int", "4.5", "whole number"), ("int", "1_000", "whole number"),
    ("int", "٣", "whole number"), ("int", "12abc", "whole number"),
    ("percent", "nan", "takes a number"), ("percent", "inf", "takes a number"),
    ("percent", "1,5", "takes a number"),
    ("date", "2024-02-30", "a date like"), ("date", "20240102", "a date like"),
    ("date", "tomorrow", "a date like"), ("datetime", "noon", "a date and time"),
])
def test_values_the_type_cannot_take_are_refused(type_: str, text: str, says: str) -> None:
    with pytest.raises(CliError, match=says):
        parse_value("Lead", info("F", type_), text)


def test_too_long_text_is_refused_with_the_limit() -> None:
    with pytest.raises(CliError, match="at most 80 characters"):
        parse_value("Lead", CATALOG["LastName"], "x" * 81)
    assert parse_value("Lead", CATALOG["LastName"], "é" * 80) == "é" * 80


def test_assignments_split_on_the_first_equals_sign() -> None:
    assert split_assignments(["Description=a=b", "Title=", "LastName= x "]) == [
        ("Description", "a=b"), ("Title", ""), ("LastName", " x ")]
    with pytest.raises(CliError, match="expected Field=Value"):
        split_assignments(["Title"])
    with pytest.raises(CliError, match="expected Field=Value"):
        split_assignments(["=x"])
    with pytest.raises(CliError, match="given twice"):
        split_assignments(["Title=a", "title=b"])


def test_field_names_are_matched_in_any_case() -> None:
    assert parse_assignments("Lead", ["lastname=Ng", "DONOTCALL=true"], CATALOG,
                             creating=True) == {"LastName": "Ng", "DoNotCall": True}


@pytest.mark.parametrize(("item", "says"), [
    ("Nope=1", "Lead has no field 'Nope'"),
    ("LastNme=1", "did you mean LastName"),
    ("AnnualRevenue=5", "cannot read Lead.AnnualRevenue"),
    ("Jigsaw=x", "Lead.Jigsaw is not synced (not useful to sync"),
    ("Lead_Score__c=5", "Lead.Lead_Score__c is read-only"),
])
def test_fields_the_user_cannot_set_are_named(item: str, says: str) -> None:
    with pytest.raises(CliError, match=says.replace("(", r"\(")):
        parse_assignments("Lead", [item], CATALOG, creating=False)
