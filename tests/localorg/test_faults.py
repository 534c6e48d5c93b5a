"""Every fault kind as the real simple-salesforce client meets it over HTTPS."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator

import pytest
import requests
from simple_salesforce import Salesforce
from simple_salesforce.exceptions import (
    SalesforceExpiredSession,
    SalesforceGeneralError,
    SalesforceMalformedRequest,
    SalesforceRefusedRequest,
)

from sfsync_gui.localorg.clock import Clock
from sfsync_gui.localorg.control import Control, ControlError
from sfsync_gui.localorg.faults import FaultInjector
from sfsync_gui.localorg.http import Request
from sfsync_gui.localorg.server import RunningOrg, start_local_org

from .conftest import connect, https_session, token

LOCK = {"message": "unable to obtain exclusive access to this record",
        "errorCode": "UNABLE_TO_LOCK_ROW", "fields": []}


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningOrg]:
    running = start_local_org(tmp_path_factory.mktemp("org"), seed=50, clock=Clock())
    yield running
    running.stop()


@pytest.fixture
def control(org: RunningOrg) -> Iterator[Control]:
    """The org's control facade; every test leaves no fault armed behind it."""
    yield org.control
    org.control.clear_faults()


def new_lead(**extra: object) -> dict:
    return {"LastName": f"F{uuid.uuid4().hex[:10]}", "Company": "Faulty", **extra}


def count_leads(sf: Salesforce, last_name: str) -> int:
    return sf.query(f"SELECT COUNT() FROM Lead WHERE LastName = '{last_name}'")["totalSize"]


def fault(control: Control, fault_id: str) -> dict:
    return next(f for f in control.list_faults() if f["id"] == fault_id)


# -- answering faults -------------------------------------------------------------------


def test_invalid_session_really_revokes_the_presented_token(
    org: RunningOrg, control: Control
) -> None:
    victim = connect(org)
    bystander = connect(org)
    victim.query("SELECT COUNT() FROM Lead")
    armed = control.add_fault("invalid_session", path="/query", times=1)
    with pytest.raises(SalesforceExpiredSession) as exc:
        victim.query("SELECT COUNT() FROM Lead")
    assert exc.value.status == 401
    assert exc.value.content[0]["errorCode"] == "INVALID_SESSION_ID"
    # the fault is spent, but the token stays revoked, on every resource
    assert fault(control, armed["id"])["remaining"] == 0
    with pytest.raises(SalesforceExpiredSession):
        victim.Lead.describe()
    # other sessions live on, and signing in again works
    assert bystander.query("SELECT COUNT() FROM Lead")["totalSize"] > 0
    assert connect(org).query("SELECT COUNT() FROM Lead")["totalSize"] > 0


def test_unable_to_lock_row_on_single_record_writes(control: Control, sf: Salesforce) -> None:
    armed = control.add_fault("unable_to_lock_row", path="/sobjects/Lead", times=2)
    rec = new_lead()
    with pytest.raises(SalesforceMalformedRequest) as exc:
        sf.Lead.create(rec)
    assert exc.value.status == 400 and exc.value.content == [LOCK]
    assert count_leads(sf, rec["LastName"]) == 0  # nothing was written
    existing = sf.query("SELECT Id FROM Lead LIMIT 1")["records"][0]["Id"]
    sf.Lead.get(existing)  # reads take no lock: not counted
    with pytest.raises(SalesforceMalformedRequest) as exc:
        sf.Lead.update(existing, {"Title": "Locked"})
    assert exc.value.content == [LOCK]
    assert sf.Lead.create(rec)["success"]  # transient: the retry succeeds
    assert fault(control, armed["id"])["fired"] == 2
    assert fault(control, armed["id"])["seen"] == 3


def test_unable_to_lock_row_on_collections_fails_every_record(
    control: Control, sf: Salesforce
) -> None:
    control.add_fault("unable_to_lock_row", path="/composite/sobjects", times=3)
    records = [{"attributes": {"type": "Lead"}, **new_lead()} for _ in range(3)]
    res = sf.restful("composite/sobjects", method="POST",
                     json={"allOrNone": False, "records": records})
    error = {"statusCode": "UNABLE_TO_LOCK_ROW",
             "message": "unable to obtain exclusive access to this record", "fields": []}
    assert res == [{"success": False, "errors": [error]}] * 3
    assert count_leads(sf, records[0]["LastName"]) == 0
    ids = [r["Id"] for r in sf.query("SELECT Id FROM Lead LIMIT 2")["records"]]
    res = sf.restful("composite/sobjects", method="PATCH", json={"records": [
        {"attributes": {"type": "Lead"}, "Id": rid, "Title": "x"} for rid in ids]})
    assert res == [{"id": rid, "success": False, "errors": [error]} for rid in ids]
    res = sf.restful("composite/sobjects", method="DELETE",
                     params={"ids": ",".join(ids), "allOrNone": "false"})
    assert res == [{"id": rid, "success": False, "errors": [error]} for rid in ids]
    assert sf.query(f"SELECT COUNT() FROM Lead WHERE Id IN ('{ids[0]}', '{ids[1]}')")[
        "totalSize"] == 2


@pytest.mark.parametrize(("kind", "status", "code"), [
    ("server_error", 500, "UNKNOWN_EXCEPTION"),
    ("service_unavailable", 503, "SERVER_UNAVAILABLE"),
])
def test_server_errors(control: Control, sf: Salesforce, kind: str, status: int,
                       code: str) -> None:
    control.add_fault(kind, path="/query", times=1)
    with pytest.raises(SalesforceGeneralError) as exc:
        sf.query("SELECT COUNT() FROM Lead")
    assert exc.value.status == status
    assert exc.value.content[0]["errorCode"] == code
    assert exc.value.content[0]["message"]
    assert sf.query("SELECT COUNT() FROM Lead")["totalSize"] > 0


def test_request_limit_exceeded(control: Control, sf: Salesforce) -> None:
    control.add_fault("request_limit", times=1)
    with pytest.raises(SalesforceRefusedRequest) as exc:
        sf.limits()
    assert exc.value.status == 403
    assert exc.value.content == [{"message": "TotalRequests Limit exceeded.",
                                  "errorCode": "REQUEST_LIMIT_EXCEEDED"}]


def test_dropped_connection(control: Control, sf: Salesforce) -> None:
    armed = control.add_fault("drop", path="/query", times=1)
    with pytest.raises(requests.exceptions.ConnectionError):
        sf.query("SELECT COUNT() FROM Lead")
    assert fault(control, armed["id"])["fired"] == 1
    assert sf.query("SELECT COUNT() FROM Lead")["totalSize"] > 0


def test_slow_response_answers_normally_and_delays_no_one_else(
    org: RunningOrg, control: Control, sf: Salesforce
) -> None:
    control.add_fault("slow", path="/limits", delay=1.0, times=1)
    slow_client = connect(org)
    took: dict[str, float] = {}

    def slow_call() -> None:
        t0 = time.monotonic()
        took["limits"] = slow_client.limits()["DailyApiRequests"]["Max"]
        took["slow"] = time.monotonic() - t0

    thread = threading.Thread(target=slow_call)
    thread.start()
    time.sleep(0.2)
    t0 = time.monotonic()
    sf.query("SELECT COUNT() FROM Lead")
    fast = time.monotonic() - t0
    thread.join(timeout=10)
    assert took["limits"] == 15000
    assert took["slow"] >= 1.0
    assert fast < 0.7


# -- when a fault fires -----------------------------------------------------------------


def test_next_n_faults_stop_after_n(control: Control, sf: Salesforce) -> None:
    armed = control.add_fault("server_error", path="/query", times=3)
    outcomes = []
    for _ in range(5):
        try:
            sf.query("SELECT COUNT() FROM Lead")
            outcomes.append("ok")
        except SalesforceGeneralError:
            outcomes.append("500")
    assert outcomes == ["500", "500", "500", "ok", "ok"]
    spent = fault(control, armed["id"])
    assert (spent["fired"], spent["seen"], spent["remaining"]) == (3, 5, 0)


def test_after_lets_the_first_calls_through_and_method_narrows(
    control: Control, sf: Salesforce
) -> None:
    control.add_fault("service_unavailable", path="/sobjects/Lead", method="PATCH", after=2,
                      times=1)
    rid = sf.Lead.create(new_lead())["id"]  # POST: not matched
    assert sf.Lead.update(rid, {"Title": "one"}) == 204
    assert sf.Lead.update(rid, {"Title": "two"}) == 204
    with pytest.raises(SalesforceGeneralError) as exc:
        sf.Lead.update(rid, {"Title": "three"})
    assert exc.value.status == 503
    assert sf.Lead.get(rid)["Title"] == "two"


def test_rate_faults_are_reproducible_with_a_seed(control: Control, sf: Salesforce) -> None:
    def run() -> list[bool]:
        armed = control.add_fault("server_error", path="/query", rate=0.4, seed=1234)
        failed = []
        for _ in range(25):
            try:
                sf.query("SELECT COUNT() FROM Lead")
                failed.append(False)
            except SalesforceGeneralError:
                failed.append(True)
        assert fault(control, armed["id"])["fired"] == sum(failed)
        control.clear_faults(armed["id"])
        return failed

    first, second = run(), run()
    assert first == second
    assert 0 < sum(first) < 25


def test_rate_faults_without_a_seed_fire_at_about_the_rate() -> None:
    injector = FaultInjector()
    injector.add({"kind": "server_error", "rate": 0.25})
    req = Request("GET", "/services/data/v59.0/limits", {}, {})
    fired = sum(injector(req) is not None for _ in range(4000))
    assert 800 < fired < 1200


def test_faults_list_and_clear(control: Control, sf: Salesforce) -> None:
    a = control.add_fault("server_error", path="/nothing-matches")
    b = control.add_fault("slow", delay=0)
    sf.limits()
    listed = {f["id"]: f for f in control.list_faults()}
    assert listed[a["id"]]["fired"] == 0 and listed[b["id"]]["fired"] == 1
    assert listed[a["id"]]["remaining"] is None  # until cleared
    assert control.clear_faults(a["id"]) == 1
    assert [f["id"] for f in control.list_faults()] == [b["id"]]
    assert control.clear_faults() == 1 and control.list_faults() == []


def test_control_is_never_faulted(org: RunningOrg, control: Control) -> None:
    admin = token(org, "password", user="admin")["access_token"]
    control.add_fault("drop", path=".*")
    resp = https_session(org.facts.ca_file).get(
        org.facts.control_url + "/faults", headers={"Authorization": f"Bearer {admin}"})
    assert resp.status_code == 200 and resp.json()[0]["kind"] == "drop"


@pytest.mark.parametrize(("spec", "needle"), [
    ({"kind": "explode"}, "kind must be one of"),
    ({"kind": "slow", "delay": -1}, "delay"),
    ({"kind": "drop", "rate": 2}, "rate"),
    ({"kind": "drop", "times": 0}, "times"),
    ({"kind": "drop", "path": "("}, "regular expression"),
    ({"kind": "drop", "method": "FETCH"}, "method"),
    ({"kind": "drop", "delay": 1}, "unknown key"),
    ({"kind": "validation_rule", "rule": "Nope"}, "unknown validation rule"),
    ({"kind": "field_access", "object": "Lead", "field": "LastName"}, "required or system"),
    ({"kind": "add_field", "object": "Lead", "field": {"name": "Email"}}, "__c"),
])
def test_bad_fault_specs_say_what_to_send(control: Control, spec: dict, needle: str) -> None:
    spec = dict(spec)
    with pytest.raises(ControlError) as exc:
        control.add_fault(spec.pop("kind"), **spec)
    assert needle in exc.value.message


# -- one-shot org changes mid-run -------------------------------------------------------


def test_validation_rule_switched_on_mid_run_refuses_writes(
    control: Control, sf: Salesforce
) -> None:
    control.add_fault("validation_rule", rule="Lead_Source_Required", active=True,
                      path="/composite/sobjects", method="POST", after=1)
    try:
        batch = [{"attributes": {"type": "Lead"}, **new_lead()} for _ in range(2)]
        first = sf.restful("composite/sobjects", method="POST", json={"records": batch})
        assert all(r["success"] for r in first)
        second = sf.restful("composite/sobjects", method="POST", json={"records": batch})
        errors = [r["errors"][0] for r in second]
        assert {e["statusCode"] for e in errors} == {"FIELD_CUSTOM_VALIDATION_EXCEPTION"}
        assert "Lead Source is required" in errors[0]["message"]
        with pytest.raises(SalesforceMalformedRequest):
            sf.Lead.create(new_lead())
        assert sf.Lead.create(new_lead(LeadSource="Web"))["success"]
        rule = next(r for r in control.rules()["validationRules"]
                    if r["name"] == "Lead_Source_Required")
        assert rule["active"] is True
    finally:
        control.set_rule("Lead_Source_Required", False)


def _describe_headers(org: RunningOrg, sf: Salesforce, obj: str,
                      since: str | None = None) -> requests.Response:
    headers = {"Authorization": f"Bearer {sf.session_id}"}
    if since:
        headers["If-Modified-Since"] = since
    return https_session(org.facts.ca_file).get(
        f"{org.facts.instance_url}/services/data/v59.0/sobjects/{obj}/describe",
        headers=headers)


def test_field_access_removed_mid_run_shows_in_describe_and_soql(
    org: RunningOrg, control: Control, sf: Salesforce
) -> None:
    last_modified = _describe_headers(org, sf, "Lead").headers["Last-Modified"]
    with pytest.raises(SalesforceGeneralError) as exc:
        sf.Lead.describe(headers={"If-Modified-Since": last_modified})
    assert exc.value.status == 304
    org.clock.advance(60)  # HTTP dates have whole seconds
    control.add_fault("field_access", object="Lead", field="Website", readable=False,
                      path="/sobjects/Lead/describe")
    try:
        after = sf.Lead.describe(headers={"If-Modified-Since": last_modified})
        assert "Website" not in {f["name"] for f in after["fields"]}
        with pytest.raises(SalesforceMalformedRequest) as exc:
            sf.query("SELECT Website FROM Lead LIMIT 1")
        assert exc.value.content[0]["errorCode"] == "INVALID_FIELD"
        access = sf.query(
            "SELECT IsAccessible FROM UserFieldAccess WHERE EntityDefinitionId = 'Lead' "
            "AND FieldDefinition.QualifiedApiName = 'Website'")["records"]
        assert [a["IsAccessible"] for a in access] == [False]
        newer = _describe_headers(org, sf, "Lead").headers["Last-Modified"]
        with pytest.raises(SalesforceGeneralError) as exc:
            sf.Lead.describe(headers={"If-Modified-Since": newer})
        assert exc.value.status == 304
    finally:
        control.set_access("Lead", "Website", readable=True)


def test_read_only_access_mid_run_refuses_updates(control: Control, sf: Salesforce) -> None:
    rid = sf.Lead.create(new_lead(Title="Before"))["id"]
    control.add_fault("field_access", object="Lead", field="Title", readable=True,
                      editable=False, path="/sobjects/Lead/", method="PATCH")
    try:
        with pytest.raises(SalesforceMalformedRequest) as exc:
            sf.Lead.update(rid, {"Title": "After"})
        assert exc.value.content[0]["errorCode"] == "INVALID_FIELD_FOR_INSERT_UPDATE"
        fields = {f["name"]: f for f in sf.Lead.describe()["fields"]}
        assert fields["Title"]["updateable"] is False
    finally:
        control.set_access("Lead", "Title", readable=True)


def test_custom_field_added_mid_run_shows_in_describe_soql_and_setup(
    org: RunningOrg, control: Control, sf: Salesforce
) -> None:
    last_modified = _describe_headers(org, sf, "Contact").headers["Last-Modified"]
    with pytest.raises(SalesforceGeneralError) as exc:
        sf.Contact.describe(headers={"If-Modified-Since": last_modified})
    assert exc.value.status == 304
    org.clock.advance(60)
    control.add_fault("add_field", object="Contact",
                      field={"name": "Region__c", "type": "picklist",
                             "values": ["North", "South"]},
                      path="/sobjects/Contact/describe")
    described = sf.Contact.describe(headers={"If-Modified-Since": last_modified})
    region = {f["name"]: f for f in described["fields"]}["Region__c"]
    assert region["custom"] is True and region["type"] == "picklist"
    assert [v["value"] for v in region["picklistValues"]] == ["North", "South"]
    rid = sf.Contact.create({"LastName": "Regional", "Region__c": "North"})["id"]
    assert sf.query(f"SELECT Region__c FROM Contact WHERE Id = '{rid}'")["records"][0][
        "Region__c"] == "North"
    assert sf.query("SELECT COUNT() FROM Contact WHERE Region__c = null")["totalSize"] > 0
    assert sf.query("SELECT DataType FROM FieldDefinition WHERE EntityDefinitionId = "
                    "'Contact' AND QualifiedApiName = 'Region__c'")["records"][0][
        "DataType"] == "Picklist"
    # acts once: the next describe is not a new change
    again = _describe_headers(org, sf, "Contact")
    assert again.status_code == 200
    assert _describe_headers(org, sf, "Contact",
                             again.headers["Last-Modified"]).status_code == 304
