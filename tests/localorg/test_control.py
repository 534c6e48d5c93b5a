"""The control API over HTTPS (``/control/...``, an admin's bearer token, JSON in and out),
checked through the real simple-salesforce client where the org's behaviour changes."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from simple_salesforce import Salesforce
from simple_salesforce.exceptions import (
    SalesforceExpiredSession,
    SalesforceGeneralError,
    SalesforceMalformedRequest,
)

from sfsync_gui.localorg.clock import Clock
from sfsync_gui.localorg.server import RunningOrg, start_local_org
from sfsync_gui.localorg.storage import parse_datetime

from .conftest import connect, https_session, token

OBJECTS = ("Lead", "Contact", "Account", "User", "Opportunity", "OpportunityContactRole",
           "Campaign", "CampaignMember", "Task", "Event", "Subscription__c")


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningOrg]:
    running = start_local_org(tmp_path_factory.mktemp("org"), seed=100, clock=Clock())
    yield running
    running.stop()


class ControlClient:
    """``/control`` over HTTPS with one bearer token."""

    def __init__(self, org: RunningOrg, access_token: str | None) -> None:
        self.base = org.facts.control_url
        self.session = https_session(org.facts.ca_file)
        self.headers = {"Authorization": f"Bearer {access_token}"} if access_token else {}

    def call(self, method: str, path: str, body: Any = None, **params: str
             ) -> requests.Response:
        return self.session.request(method, self.base + path, json=body, params=params,
                                    headers=self.headers)

    def ok(self, method: str, path: str, body: Any = None, **params: str) -> Any:
        resp = self.call(method, path, body, **params)
        assert resp.status_code in (200, 201), resp.text
        return resp.json()


def admin_client(org: RunningOrg) -> ControlClient:
    return ControlClient(org, token(org, "password", user="admin")["access_token"])


@pytest.fixture(scope="module")
def ctl(org: RunningOrg) -> ControlClient:
    return admin_client(org)


def tag() -> str:
    return uuid.uuid4().hex[:10]


def counts(sf: Salesforce) -> dict[str, int]:
    """Rows per object, recycle bin included."""
    return {o: sf.query(f"SELECT COUNT() FROM {o}", include_deleted=True)["totalSize"]
            for o in OBJECTS}


# -- access -----------------------------------------------------------------------------


def test_control_needs_an_admin_token(org: RunningOrg, sf: Salesforce) -> None:
    for client in (ControlClient(org, None), ControlClient(org, "00Dbogus!token")):
        resp = client.call("GET", "")
        assert resp.status_code == 401
        assert resp.json() == [{"message": "Session expired or invalid",
                                "errorCode": "INVALID_SESSION_ID"}]
    resp = ControlClient(org, sf.session_id).call("POST", "/clock/advance", {"days": 1})
    assert resp.status_code == 403
    assert resp.json()[0]["errorCode"] == "INSUFFICIENT_ACCESS"
    endpoints = admin_client(org).ok("GET", "")["endpoints"]
    assert "POST /control/convert" in endpoints and "POST /control/reset" in endpoints


def test_control_calls_are_not_api_calls(ctl: ControlClient, sf: Salesforce) -> None:
    sf.limits()
    before = sf.api_usage["api-usage"].used
    for _ in range(3):
        ctl.ok("GET", "/clock")
    sf.limits()
    assert sf.api_usage["api-usage"].used == before + 1


@pytest.mark.parametrize(("method", "path", "body", "status", "needle"), [
    ("POST", "/convert", {}, 400, 'send {"leadId"'),
    ("POST", "/convert", {"leadId": "00Q", "bogus": 1}, 400, "unknown key(s) bogus"),
    ("POST", "/merge", {"object": "Lead", "masterId": "x", "loserIds": "y"}, 400,
     "loserIds must be a non-empty list"),
    ("POST", "/undelete", [], 400, "send a JSON object"),
    ("POST", "/clock/advance", {}, 400, "say how far"),
    ("POST", "/clock/advance", {"days": -1}, 400, "only moves forward"),
    ("POST", "/clock/advance", {"days": "two"}, 400, "days must be a number"),
    ("POST", "/schema/fields", {"object": "Lead", "name": "Bad Name"}, 400, "__c"),
    ("POST", "/schema/fields", {"object": "Nope__c", "name": "X__c"}, 404, "unknown object"),
    ("POST", "/schema/access", {"object": "Lead", "field": "Email"}, 400,
     "readable must be true or false"),
    ("POST", "/rules/Nope", {"active": True}, 404, "Hot_Lead_Needs_Phone"),
    ("POST", "/rules/Lead_Source_Required", {"active": "yes"}, 400, "active"),
    ("POST", "/tokens/revoke", {"user": "nobody"}, 404, "unknown user"),
    ("GET", "/convert", None, 405, "use POST"),
    ("GET", "/nowhere", None, 404, "GET /control lists"),
])
def test_bad_requests_say_what_to_send(ctl: ControlClient, method: str, path: str, body: Any,
                                       status: int, needle: str) -> None:
    resp = ctl.call(method, path, body)
    assert resp.status_code == status, resp.text
    err = resp.json()[0]
    assert needle in err["message"]
    assert err["errorCode"] in ("INVALID_CONTROL_REQUEST", "NOT_FOUND", "METHOD_NOT_ALLOWED")


def test_invalid_json_body(ctl: ControlClient) -> None:
    resp = ctl.session.post(ctl.base + "/merge", data=b"{oops", headers=ctl.headers)
    assert resp.status_code == 400
    assert "not valid JSON" in resp.json()[0]["message"]


# -- lifecycle over HTTP ----------------------------------------------------------------


def test_convert_merge_undelete_purge_over_http(ctl: ControlClient, sf: Salesforce) -> None:
    t = tag()
    lead = sf.Lead.create({"LastName": f"H{t}", "Company": f"Http {t}"})["id"]
    res = ctl.ok("POST", "/convert", {"leadId": lead, "createOpportunity": True})
    assert res["success"] and res["opportunityId"].startswith("006")
    assert sf.Lead.get(lead)["ConvertedOpportunityId"] == res["opportunityId"]
    again = ctl.call("POST", "/convert", {"leadId": lead})
    assert again.status_code == 400
    assert again.json()[0]["errorCode"] == "CANNOT_UPDATE_CONVERTED_LEAD"

    a = sf.Contact.create({"LastName": f"A{t}"})["id"]
    b = sf.Contact.create({"LastName": f"B{t}", "Title": "Boss"})["id"]
    merged = ctl.ok("POST", "/merge", {"object": "Contact", "masterId": a, "loserIds": [b],
                                       "fieldsFrom": {"Title": b}})
    assert merged["mergedRecordIds"] == [b]
    assert sf.Contact.get(a)["Title"] == "Boss"

    assert ctl.ok("POST", "/undelete", {"ids": [b]})[0]["success"]
    assert sf.Contact.get(b)["IsDeleted"] is False
    sf.Contact.delete(b)
    assert ctl.ok("POST", "/purge", {"ids": [b]}) == [{"id": b, "success": True, "errors": []}]
    assert sf.query_all(f"SELECT Id FROM Contact WHERE Id = '{b}'",
                        include_deleted=True)["totalSize"] == 0
    c = sf.Contact.create({"LastName": f"C{t}"})["id"]
    sf.Contact.delete(c)
    assert ctl.ok("POST", "/empty-bin", {"object": "Contact"})["purged"]["Contact"] >= 1
    assert "Contact" not in ctl.ok("POST", "/empty-bin", {})["purged"]  # already empty


def test_records_as_the_admin(ctl: ControlClient, sf: Salesforce) -> None:
    t = tag()
    # the admin may write what the sync user may not (a hidden field)
    created = ctl.call("POST", "/records/Lead", {"LastName": f"R{t}", "Company": "R",
                                                 "AnnualRevenue": 5000})
    assert created.status_code == 201
    rid = created.json()["id"]
    assert ctl.ok("GET", f"/records/Lead/{rid}")["AnnualRevenue"] == 5000.0
    assert "AnnualRevenue" not in sf.Lead.get(rid)
    assert ctl.ok("PATCH", f"/records/Lead/{rid}", {"Title": "CFO"})["success"]
    assert sf.Lead.get(rid)["LastModifiedById"] == sf.Lead.get(rid)["CreatedById"]
    assert sf.Lead.get(rid)["Title"] == "CFO"
    assert ctl.ok("DELETE", f"/records/Lead/{rid}")["id"] == rid
    binned = ctl.ok("GET", f"/records/Lead/{rid}")
    assert binned["IsDeleted"] is True
    missing = ctl.call("POST", "/records/Lead", {"LastName": "NoCompany"})
    assert missing.status_code == 400
    assert missing.json() == [{"message": "Required fields are missing: [Company]",
                               "errorCode": "REQUIRED_FIELD_MISSING", "fields": ["Company"]}]
    assert ctl.call("GET", "/records/Nope__c/x").status_code == 404
    mail = f"dup.{t}@example.org"
    ctl.ok("POST", "/records/Contact", {"LastName": "D1", "Email": mail})
    dup = ctl.call("POST", "/records/Lead", {"LastName": "D2", "Company": "D", "Email": mail})
    assert dup.json()[0]["errorCode"] == "DUPLICATES_DETECTED"
    assert ctl.call("POST", "/records/Lead", {"LastName": "D2", "Company": "D", "Email": mail},
                    allowDuplicates="true").status_code == 201


# -- clock ------------------------------------------------------------------------------


def test_clock_get_and_advance(ctl: ControlClient, org: RunningOrg) -> None:
    before = ctl.ok("GET", "/clock")
    after = ctl.ok("POST", "/clock/advance", {"minutes": 5, "seconds": 30})
    assert after["offsetSeconds"] == pytest.approx(before["offsetSeconds"] + 330)
    assert parse_datetime(after["now"]) - parse_datetime(before["now"]) >= timedelta(
        seconds=330)
    assert after["purged"] == {}
    assert org.control.clock()["offsetSeconds"] == after["offsetSeconds"]


def test_token_expiry_follows_the_clock(tmp_path: Path) -> None:
    with start_local_org(tmp_path, seed=0, token_ttl=600) as small:
        sf = connect(small)
        ctl = admin_client(small)
        sf.query("SELECT COUNT() FROM Lead")
        ctl.ok("POST", "/clock/advance", {"seconds": 601})
        with pytest.raises(SalesforceExpiredSession):
            sf.query("SELECT COUNT() FROM Lead")
        assert ctl.call("GET", "/clock").status_code == 401  # the admin's token too


# -- faults, schema, rules, tokens over HTTP --------------------------------------------


def test_faults_over_http(ctl: ControlClient, sf: Salesforce) -> None:
    created = ctl.call("POST", "/faults", {"kind": "server_error", "path": "/limits",
                                           "times": 1})
    assert created.status_code == 201
    fid = created.json()["id"]
    with pytest.raises(SalesforceGeneralError) as exc:
        sf.limits()
    assert exc.value.status == 500
    listed = ctl.ok("GET", "/faults")
    assert [(f["id"], f["fired"], f["remaining"]) for f in listed] == [(fid, 1, 0)]
    assert ctl.ok("DELETE", f"/faults/{fid}") == {"cleared": 1}
    assert ctl.call("DELETE", f"/faults/{fid}").status_code == 404
    ctl.ok("POST", "/faults", {"kind": "slow", "delay": 0})
    ctl.ok("POST", "/faults", {"kind": "drop", "path": "/nothing"})
    assert ctl.ok("DELETE", "/faults") == {"cleared": 2}
    bad = ctl.call("POST", "/faults", {"kind": "server_error", "rate": 5})
    assert bad.status_code == 400 and "rate" in bad.json()[0]["message"]


def test_schema_changes_over_http(org: RunningOrg, ctl: ControlClient, sf: Salesforce) -> None:
    added = ctl.call("POST", "/schema/fields", {"object": "Lead", "name": "Score_Band__c",
                                                "type": "number", "precision": 3})
    assert added.status_code == 201
    assert added.json()["field"]["type"] == "double"
    assert ctl.call("POST", "/schema/fields", {"object": "Lead", "name": "Score_Band__c"}
                    ).status_code == 409
    rid = sf.Lead.create({"LastName": "Band", "Company": "B", "Score_Band__c": 7})["id"]
    assert sf.Lead.get(rid)["Score_Band__c"] == 7.0
    entry = ctl.ok("POST", "/schema/access", {"object": "Lead", "field": "Score_Band__c",
                                              "readable": True, "editable": False})
    assert entry == {"profile": "Integration User", "object": "Lead", "field": "Score_Band__c",
                     "readable": True, "editable": False}
    with pytest.raises(SalesforceMalformedRequest):
        sf.Lead.update(rid, {"Score_Band__c": 8})
    ctl.ok("POST", "/schema/access", {"object": "Lead", "field": "Score_Band__c",
                                      "readable": False, "profile": "sync"})
    assert "Score_Band__c" not in sf.Lead.get(rid)
    admin_view = ctl.ok("GET", f"/records/Lead/{rid}")
    assert admin_view["Score_Band__c"] == 7.0


def test_rules_over_http(ctl: ControlClient, sf: Salesforce) -> None:
    rules = ctl.ok("GET", "/rules")
    names = {r["name"]: r["active"] for r in rules["validationRules"]}
    assert names["Lead_Source_Required"] is False and names["Hot_Lead_Needs_Phone"] is True
    assert rules["duplicateRule"]["active"] is True
    ctl.ok("POST", "/rules/Hot_Lead_Needs_Phone", {"active": False})
    try:
        assert sf.Lead.create({"LastName": "Hot", "Company": "H", "Rating": "Hot"})["success"]
    finally:
        ctl.ok("POST", "/rules/Hot_Lead_Needs_Phone", {"active": True})
    with pytest.raises(SalesforceMalformedRequest):
        sf.Lead.create({"LastName": "Hot", "Company": "H", "Rating": "Hot"})
    mail = f"dr.{tag()}@example.org"
    sf.Contact.create({"LastName": "First", "Email": mail})
    assert ctl.ok("POST", "/duplicate-rule", {"active": False})["active"] is False
    try:
        assert sf.Lead.create({"LastName": "Second", "Company": "D", "Email": mail})["success"]
    finally:
        ctl.ok("POST", "/duplicate-rule", {"active": True})
    assert ctl.ok("GET", "/duplicate-rule")["active"] is True


def test_revoke_tokens_of_one_user(org: RunningOrg, ctl: ControlClient) -> None:
    sync = connect(org)
    sync.query("SELECT COUNT() FROM Lead")
    revoked = ctl.ok("POST", "/tokens/revoke", {"user": "sync@sfsync.local"})["revoked"]
    assert revoked >= 1
    with pytest.raises(SalesforceExpiredSession):
        sync.query("SELECT COUNT() FROM Lead")
    assert ctl.ok("GET", "/clock")  # the admin's token is untouched


# -- reset and persistence --------------------------------------------------------------


def test_reset_to_the_seed_restores_counts(tmp_path: Path) -> None:
    with start_local_org(tmp_path, seed=120) as small:
        sf = connect(small)
        ctl = admin_client(small)
        seeded = counts(sf)
        some_lead = sf.query("SELECT Id FROM Lead WHERE IsConverted = false LIMIT 1")[
            "records"][0]["Id"]
        snapshot = sf.Lead.get(some_lead)
        made = [sf.Lead.create({"LastName": f"New{i}", "Company": "N"})["id"] for i in range(3)]
        sf.Lead.update(some_lead, {"Title": "Changed"})
        ctl.ok("POST", "/convert", {"leadId": some_lead})
        victim = sf.query("SELECT Id FROM Contact LIMIT 1")["records"][0]["Id"]
        sf.Contact.delete(victim)
        ctl.ok("POST", "/purge", {"ids": [victim]})
        assert counts(sf) != seeded

        reset = ctl.ok("POST", "/reset")

        assert reset["seed"] == "120"
        assert counts(sf) == seeded == {k: reset["counts"][k] for k in OBJECTS}
        assert sf.Lead.get(some_lead) == snapshot  # the very same record, stamps and all
        for rid in made:
            assert sf.query_all(f"SELECT Id FROM Lead WHERE Id = '{rid}'",
                                include_deleted=True)["totalSize"] == 0
        # Ids are never handed out twice, and get deleted admits what vanished
        fresh = sf.Lead.create({"LastName": "After", "Company": "A"})["id"]
        assert fresh > max(made)
        now = small.clock.now()
        earliest = sf.Lead.deleted(now - timedelta(hours=1), now)["earliestDateAvailable"]
        assert parse_datetime(earliest) > now - timedelta(minutes=1)
        assert connect(small).query("SELECT COUNT() FROM Lead")  # users kept


def test_schema_and_rule_changes_survive_a_restart_faults_do_not(tmp_path: Path) -> None:
    with start_local_org(tmp_path, seed=0) as first:
        c = first.control
        c.add_field("Contact", "Tier__c", "picklist", values=["Gold", "Silver"])
        c.set_access("Lead", "Phone", readable=False)
        c.set_access("Contact", "Tier__c", readable=True, editable=False)
        c.set_rule("Lead_Source_Required", True)
        c.set_rule("Hot_Lead_Needs_Phone", False)
        c.set_duplicate_rule(False)
        sf = connect(first)
        last_modified = https_session(first.facts.ca_file).get(
            f"{first.facts.instance_url}/services/data/v59.0/sobjects/Contact/describe",
            headers={"Authorization": f"Bearer {sf.session_id}"}).headers["Last-Modified"]
        c.add_fault("server_error")
    with start_local_org(tmp_path, seed=0) as second:
        c = second.control
        assert c.list_faults() == []
        sf = connect(second)
        contact = {f["name"]: f for f in sf.Contact.describe()["fields"]}
        assert contact["Tier__c"]["updateable"] is False
        assert [v["value"] for v in contact["Tier__c"]["picklistValues"]] == ["Gold", "Silver"]
        assert "Phone" not in {f["name"] for f in sf.Lead.describe()["fields"]}
        rules = {r["name"]: r["active"] for r in c.rules()["validationRules"]}
        assert rules["Lead_Source_Required"] is True
        assert rules["Hot_Lead_Needs_Phone"] is False
        assert c.rules()["duplicateRule"]["active"] is False
        with pytest.raises(SalesforceMalformedRequest) as exc:
            sf.Lead.create({"LastName": "NoSource", "Company": "X"})
        assert exc.value.content[0]["errorCode"] == "FIELD_CUSTOM_VALIDATION_EXCEPTION"
        resp = https_session(second.facts.ca_file).get(
            f"{second.facts.instance_url}/services/data/v59.0/sobjects/Contact/describe",
            headers={"Authorization": f"Bearer {sf.session_id}",
                     "If-Modified-Since": last_modified})
        assert resp.status_code == 304  # describe's Last-Modified survives too
        rid = c.create("Contact", {"LastName": "Tiered", "Tier__c": "Gold"})
        assert sf.Contact.get(rid)["Tier__c"] == "Gold"
