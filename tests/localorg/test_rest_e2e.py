"""The local org's REST core, through the real simple-salesforce client over HTTPS."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from simple_salesforce import Salesforce
from simple_salesforce.exceptions import (
    SalesforceExpiredSession,
    SalesforceGeneralError,
    SalesforceMalformedRequest,
    SalesforceRefusedRequest,
    SalesforceResourceNotFound,
)

from sfsync_gui.localorg.clock import Clock
from sfsync_gui.localorg.server import RunningOrg, start_local_org

from .conftest import connect, https_session

_n = itertools.count()


def unique_email(tag: str = "p") -> str:
    return f"{tag}.{uuid.uuid4().hex[:10]}@example.org"


def new_lead(**extra: object) -> dict:
    lead = {"LastName": f"Tester{next(_n)}", "Company": "Acme", "Email": unique_email()}
    lead.update(extra)
    return lead


def error_of(exc: pytest.ExceptionInfo) -> dict:
    """The first error of a client exception; error bodies are JSON lists."""
    content = exc.value.content
    assert isinstance(content, list), content
    return content[0]


# -- discovery ------------------------------------------------------------------------


def test_versions_list_needs_no_token_and_has_no_limit_header(org: RunningOrg) -> None:
    resp = https_session(org.facts.ca_file).get(org.facts.instance_url + "/services/data/")
    assert resp.status_code == 200
    versions = [v["version"] for v in resp.json()]
    assert "59.0" in versions
    assert "Sforce-Limit-Info" not in resp.headers


def test_unknown_api_version_is_not_found(org: RunningOrg, sf: Salesforce) -> None:
    s = https_session(org.facts.ca_file)
    resp = s.get(org.facts.instance_url + "/services/data/v12.0/sobjects",
                 headers={"Authorization": f"Bearer {sf.session_id}"})
    assert resp.status_code == 404
    assert resp.json()[0]["errorCode"] == "NOT_FOUND"


def test_any_v5x_or_v6x_version_is_accepted(org: RunningOrg, sf: Salesforce) -> None:
    for version in ("52.0", "59.0", "62.0"):
        other = Salesforce(instance_url=org.facts.instance_url, session_id=sf.session_id,
                           session=https_session(org.facts.ca_file), version=version)
        assert other.query("SELECT COUNT() FROM Lead")["totalSize"] > 0


def test_describe_global_lists_every_object(sf: Salesforce) -> None:
    names = {o["name"] for o in sf.describe()["sobjects"]}
    assert {"Lead", "Contact", "Account", "User", "Opportunity", "OpportunityContactRole",
            "Campaign", "CampaignMember", "Task", "Event", "Subscription__c"} <= names


def test_sync_user_describe_hides_and_locks_fields(sf: Salesforce, sf_admin: Salesforce) -> None:
    sync_fields = {f["name"]: f for f in sf.Lead.describe()["fields"]}
    admin_fields = {f["name"]: f for f in sf_admin.Lead.describe()["fields"]}
    assert "AnnualRevenue" not in sync_fields
    assert "Internal_Notes__c" not in sync_fields
    assert "AnnualRevenue" in admin_fields
    assert sync_fields["Lead_Score__c"]["updateable"] is False
    assert admin_fields["Lead_Score__c"]["updateable"] is True
    email = sync_fields["Email"]
    assert email["type"] == "email" and email["length"] == 80 and email["soapType"] == "xsd:string"
    assert sync_fields["OwnerId"]["referenceTo"] == ["User"]
    assert sync_fields["OwnerId"]["relationshipName"] == "Owner"
    status = sync_fields["Status"]
    assert status["restrictedPicklist"] is True
    assert {"active", "defaultValue", "label", "validFor", "value"} <= set(
        status["picklistValues"][0])
    assert sync_fields["Partner_Code__c"]["externalId"] is True


def test_describe_if_modified_since_answers_304(sf: Salesforce) -> None:
    future = (datetime.now(UTC) + timedelta(days=1)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    with pytest.raises(SalesforceGeneralError) as exc:
        sf.Lead.describe(headers={"If-Modified-Since": future})
    assert exc.value.status == 304
    past = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert sf.Lead.describe(headers={"If-Modified-Since": past})["name"] == "Lead"


# -- query ----------------------------------------------------------------------------


def test_query_returns_salesforce_shaped_records_with_parent_fields(sf: Salesforce) -> None:
    result = sf.query("SELECT Id, Name, Email, Owner.Name, IsConverted FROM Lead "
                      "WHERE IsConverted = false ORDER BY Name LIMIT 5")
    assert result["done"] is True and result["totalSize"] == 5
    rec = result["records"][0]
    assert rec["attributes"]["type"] == "Lead"
    assert rec["attributes"]["url"] == f"/services/data/v59.0/sobjects/Lead/{rec['Id']}"
    assert rec["Id"].startswith("00Q") and len(rec["Id"]) == 18
    assert rec["Owner"]["attributes"]["type"] == "User" and rec["Owner"]["Name"]
    assert rec["IsConverted"] is False


def test_query_paging_covers_equal_stamps_without_loss(sf: Salesforce) -> None:
    tag = uuid.uuid4().hex[:8]
    created = []
    # Three collection calls: every record of one call shares one SystemModstamp.
    for chunk in (200, 200, 90):
        records = [{"attributes": {"type": "Lead"}, "LastName": f"Page{tag}", "Company": "P",
                    "Email": unique_email(tag)} for _ in range(chunk)]
        res = sf.restful("composite/sobjects", method="POST",
                         json={"allOrNone": True, "records": records})
        assert all(r["success"] for r in res)
        created += [r["id"] for r in res]
    soql = (f"SELECT Id, SystemModstamp FROM Lead WHERE LastName = 'Page{tag}' "
            "ORDER BY SystemModstamp, Id")
    first = sf.query(soql, headers={"Sforce-Query-Options": "batchSize=200"})
    assert first["totalSize"] == 490 and first["done"] is False
    assert "/query/" in first["nextRecordsUrl"]
    pages = [first]
    while not pages[-1]["done"]:
        pages.append(sf.query_more(pages[-1]["nextRecordsUrl"], identifier_is_url=True))
    assert [len(p["records"]) for p in pages] == [200, 200, 90]
    rows = [r for p in pages for r in p["records"]]
    assert [r["Id"] for r in rows] == sorted(created)  # ids are allocated in order
    stamps = [r["SystemModstamp"] for r in rows]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == 3  # each collection call shares one stamp
    assert len({r["Id"] for r in rows}) == 490


def test_query_all_follows_next_records_url(sf: Salesforce) -> None:
    everything = sf.query_all("SELECT Id FROM Lead")
    assert everything["totalSize"] == len(everything["records"])
    assert len({r["Id"] for r in everything["records"]}) == everything["totalSize"]


def test_query_excludes_deleted_and_query_all_includes_them(sf: Salesforce) -> None:
    rid = sf.Lead.create(new_lead(LastName="Binned"))["id"]
    sf.Lead.delete(rid)
    soql = f"SELECT Id, IsDeleted FROM Lead WHERE Id = '{rid}'"
    assert sf.query(soql)["totalSize"] == 0
    rows = sf.query_all(soql, include_deleted=True)["records"]
    assert rows[0]["IsDeleted"] is True


def test_count_query(sf: Salesforce) -> None:
    res = sf.query("SELECT COUNT() FROM Contact")
    assert res["totalSize"] > 0 and res["records"] == []


@pytest.mark.parametrize(
    ("soql", "code", "needle"),
    [
        ("SELECT Id FROM Nope__c", "INVALID_TYPE", "Nope__c"),
        ("SELECT Bogus FROM Lead", "INVALID_FIELD", "Bogus"),
        ("SELECT AnnualRevenue FROM Lead", "INVALID_FIELD", "AnnualRevenue"),
        ("SELECT Id FROM Lead GROUP BY Id", "MALFORMED_QUERY", "GROUP BY"),
        ("SELECT Id FROM Lead WHERE", "MALFORMED_QUERY", ""),
        ("SELEC Id FROM Lead", "MALFORMED_QUERY", ""),
    ],
)
def test_refused_soql_names_the_problem(sf: Salesforce, soql: str, code: str,
                                        needle: str) -> None:
    with pytest.raises(SalesforceMalformedRequest) as exc:
        sf.query(soql)
    err = error_of(exc)
    assert err["errorCode"] == code
    assert needle in err["message"]


def test_setup_objects_tell_what_the_sync_user_cannot_see(sf: Salesforce) -> None:
    rows = sf.query(
        "SELECT FieldDefinition.QualifiedApiName, IsAccessible, IsUpdatable "
        "FROM UserFieldAccess WHERE EntityDefinitionId = 'Lead'")["records"]
    access = {r["FieldDefinition"]["QualifiedApiName"]: r for r in rows}
    assert access["AnnualRevenue"]["IsAccessible"] is False
    assert access["Lead_Score__c"]["IsAccessible"] is True
    assert access["Lead_Score__c"]["IsUpdatable"] is False
    assert access["Email"]["IsUpdatable"] is True
    fields = sf.query("SELECT QualifiedApiName, DataType FROM FieldDefinition "
                      "WHERE EntityDefinition.QualifiedApiName = 'Lead'")["records"]
    types = {r["QualifiedApiName"]: r["DataType"] for r in fields}
    assert types["LastName"] == "Text(80)"
    assert "Internal_Notes__c" in types  # listed regardless of access


# -- single records -------------------------------------------------------------------


def test_create_get_update_delete(sf: Salesforce) -> None:
    created = sf.Lead.create(new_lead(FirstName="Zoë", Status="Working - Contacted"))
    assert created["success"] is True and created["errors"] == []
    rid = created["id"]
    rec = sf.Lead.get(rid)
    assert rec["Name"].startswith("Zoë Tester")
    assert rec["IsDeleted"] is False and rec["CreatedDate"] == rec["SystemModstamp"]
    assert rec["CreatedDate"].endswith("+0000") and len(rec["CreatedDate"]) == 28
    assert "AnnualRevenue" not in rec
    assert sf.Lead.update(rid, {"Title": "CTO"}) == 204
    after = sf.Lead.get(rid)
    assert after["Title"] == "CTO"
    assert after["SystemModstamp"] >= rec["SystemModstamp"]
    assert sf.Lead.delete(rid) == 204
    with pytest.raises(SalesforceResourceNotFound) as exc:
        sf.Lead.get(rid)
    assert error_of(exc)["errorCode"] == "ENTITY_IS_DELETED"


def test_get_with_fields_and_unknown_id(sf: Salesforce) -> None:
    rid = sf.Lead.create(new_lead())["id"]
    rec = sf.Lead.get(rid, params={"fields": "Id,Email"})
    assert set(rec) == {"attributes", "Id", "Email"}
    with pytest.raises(SalesforceResourceNotFound) as exc:
        sf.Lead.get("00Q5g0000zzzzzzAAA")
    assert error_of(exc)["errorCode"] == "NOT_FOUND"


def test_upsert_by_external_id_creates_then_updates(sf: Salesforce) -> None:
    key = f"CUST-{uuid.uuid4().hex[:8]}"
    status = sf.Contact.upsert(f"Customer_Id__c/{key}",
                               {"LastName": "Upsert", "Email": unique_email()})
    assert status == 201
    assert sf.Contact.upsert(f"Customer_Id__c/{key}", {"Title": "Buyer"}) == 204
    rows = sf.query(f"SELECT Title FROM Contact WHERE Customer_Id__c = '{key}'")["records"]
    assert [r["Title"] for r in rows] == ["Buyer"]
    with pytest.raises(SalesforceResourceNotFound):
        sf.Contact.upsert("LastName/x", {"Title": "no"})


# -- rules and error shapes -------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "code", "fields", "message_part"),
    [
        ({"LastName": "NoCompany"}, "REQUIRED_FIELD_MISSING", ["Company"],
         "Required fields are missing: [Company]"),
        ({"Company": "X"}, "REQUIRED_FIELD_MISSING", ["LastName"], "[LastName]"),
        ({"LastName": "E", "Company": "X", "Email": "not-an-email"}, "INVALID_EMAIL_ADDRESS",
         ["Email"], "invalid email address: not-an-email"),
        ({"LastName": "L" * 81, "Company": "X"}, "STRING_TOO_LONG", ["LastName"],
         "max length=80"),
        ({"LastName": "P", "Company": "X", "Status": "Sleeping"},
         "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", ["Status"], "Sleeping"),
        ({"LastName": "H", "Company": "X", "Rating": "Hot"},
         "FIELD_CUSTOM_VALIDATION_EXCEPTION", ["Phone"], "Hot lead"),
        ({"LastName": "N", "Company": "X", "NumberOfEmployees": -3},
         "FIELD_CUSTOM_VALIDATION_EXCEPTION", ["NumberOfEmployees"], "negative"),
        ({"LastName": "R", "Company": "X", "Lead_Score__c": 10},
         "INVALID_FIELD_FOR_INSERT_UPDATE", ["Lead_Score__c"], "Unable to create/update"),
        ({"LastName": "J", "Company": "X", "NumberOfEmployees": "many"},
         "JSON_PARSER_ERROR", None, "Cannot deserialize"),
        ({"LastName": "V", "Company": "X", "OwnerId": "not-an-id"},
         "MALFORMED_ID", ["OwnerId"], "id value of incorrect type"),
    ],
)
def test_single_record_errors_have_salesforce_shape(
    sf: Salesforce, record: dict, code: str, fields: list[str] | None, message_part: str
) -> None:
    with pytest.raises(SalesforceMalformedRequest) as exc:
        sf.Lead.create(record)
    assert exc.value.status == 400
    err = error_of(exc)
    assert set(err) >= {"message", "errorCode", "fields"}
    assert "statusCode" not in err
    assert err["errorCode"] == code
    if fields is not None:
        assert err["fields"] == fields
    assert message_part in err["message"]


def test_hidden_field_is_invalid_on_write(sf: Salesforce) -> None:
    with pytest.raises(SalesforceMalformedRequest) as exc:
        sf.Lead.create(new_lead(AnnualRevenue=5))
    assert error_of(exc)["errorCode"] == "INVALID_FIELD"


def test_admin_may_write_what_the_sync_user_may_not(sf_admin: Salesforce) -> None:
    rid = sf_admin.Lead.create(new_lead(AnnualRevenue=1000, Lead_Score__c=42))["id"]
    rec = sf_admin.Lead.get(rid)
    assert rec["AnnualRevenue"] == 1000.0 and rec["Lead_Score__c"] == 42.0


def test_duplicate_rule_on_email_across_leads_and_contacts(sf: Salesforce) -> None:
    email = unique_email("dup")
    contact_id = sf.Contact.create({"LastName": "First", "Email": email})["id"]
    with pytest.raises(SalesforceMalformedRequest) as exc:
        sf.Lead.create(new_lead(Email=email.upper()))
    err = error_of(exc)
    assert err["errorCode"] == "DUPLICATES_DETECTED"
    matches = err["duplicateResult"]["matchResults"]
    ids = [m["record"]["Id"] for r in matches for m in r["matchRecords"]]
    assert ids == [contact_id]
    # the header Salesforce offers to save anyway
    res = sf.Lead.create(new_lead(Email=email),
                         headers={"Sforce-Duplicate-Rule-Header": "allowSave=true"})
    assert res["success"]


def test_validation_rule_on_update_keeps_the_record_unchanged(sf: Salesforce) -> None:
    rid = sf.Lead.create(new_lead())["id"]
    with pytest.raises(SalesforceMalformedRequest) as exc:
        sf.Lead.update(rid, {"Rating": "Hot", "Phone": None})
    assert error_of(exc)["errorCode"] == "FIELD_CUSTOM_VALIDATION_EXCEPTION"
    assert sf.Lead.get(rid)["Rating"] is None


def test_malformed_json_body(org: RunningOrg, sf: Salesforce) -> None:
    resp = https_session(org.facts.ca_file).post(
        f"{org.facts.instance_url}/services/data/v59.0/sobjects/Lead/",
        data=b"{not json", headers={"Authorization": f"Bearer {sf.session_id}",
                                    "Content-Type": "application/json"})
    assert resp.status_code == 400
    assert resp.json()[0]["errorCode"] == "JSON_PARSER_ERROR"


# -- collections and batch ------------------------------------------------------------


def test_collection_results_use_status_code_in_request_order(sf: Salesforce) -> None:
    records = [
        {"attributes": {"type": "Lead"}, **new_lead()},
        {"attributes": {"type": "Lead"}, "LastName": "NoCompany"},
        {"attributes": {"type": "Contact"}, "LastName": "Mixed", "Email": unique_email()},
    ]
    res = sf.restful("composite/sobjects", method="POST",
                     json={"allOrNone": False, "records": records})
    assert [r["success"] for r in res] == [True, False, True]
    err = res[1]["errors"][0]
    assert err["statusCode"] == "REQUIRED_FIELD_MISSING" and "errorCode" not in err
    assert err["fields"] == ["Company"]
    assert res[0]["id"].startswith("00Q") and res[2]["id"].startswith("003")


def test_collection_all_or_none_rolls_back(sf: Salesforce) -> None:
    tag = uuid.uuid4().hex[:8]
    records = [
        {"attributes": {"type": "Lead"}, "LastName": tag, "Company": "A"},
        {"attributes": {"type": "Lead"}, "LastName": tag},
    ]
    res = sf.restful("composite/sobjects", method="POST",
                     json={"allOrNone": True, "records": records})
    assert res[0]["success"] is False
    assert res[0]["errors"][0]["statusCode"] == "ALL_OR_NONE_OPERATION_ROLLED_BACK"
    assert res[1]["errors"][0]["statusCode"] == "REQUIRED_FIELD_MISSING"
    assert sf.query(f"SELECT COUNT() FROM Lead WHERE LastName = '{tag}'")["totalSize"] == 0


def test_collection_update_and_delete(sf: Salesforce) -> None:
    ids = [sf.Lead.create(new_lead())["id"] for _ in range(3)]
    res = sf.restful("composite/sobjects", method="PATCH", json={"allOrNone": False, "records": [
        {"attributes": {"type": "Lead"}, "Id": ids[0], "Title": "A"},
        {"attributes": {"type": "Lead"}, "Id": ids[1], "Email": "bad"},
        {"attributes": {"type": "Lead"}, "Title": "no id"},
    ]})
    assert [r["success"] for r in res] == [True, False, False]
    assert res[1]["id"] == ids[1]
    assert res[1]["errors"][0]["statusCode"] == "INVALID_EMAIL_ADDRESS"
    assert res[2]["errors"][0]["statusCode"] == "MISSING_ARGUMENT"
    res = sf.restful("composite/sobjects", method="DELETE",
                     params={"ids": ",".join([*ids[:2], "00Q5g0000zzzzzzAAA"]),
                             "allOrNone": "false"})
    assert [r["success"] for r in res] == [True, True, False]
    assert res[2]["errors"][0]["statusCode"] == "NOT_FOUND"


def test_collection_over_200_is_refused(sf: Salesforce) -> None:
    records = [{"attributes": {"type": "Lead"}, **new_lead()} for _ in range(201)]
    with pytest.raises(SalesforceMalformedRequest) as exc:
        sf.restful("composite/sobjects", method="POST",
                   json={"allOrNone": False, "records": records})
    assert error_of(exc)["errorCode"] == "EXCEEDED_ID_LIMIT"


def test_composite_batch_is_one_api_call(sf: Salesforce) -> None:
    sf.limits()
    before = sf.api_usage["api-usage"].used
    subs = [{"method": "GET", "url": f"v59.0/query?q=SELECT+COUNT()+FROM+{name}"}
            for name in ("Lead", "Contact", "Account", "Campaign", "CampaignMember")] * 5
    res = sf.restful("composite/batch", method="POST", json={"batchRequests": subs})
    assert res["hasErrors"] is False and len(res["results"]) == 25
    assert all(r["statusCode"] == 200 for r in res["results"])
    sf.limits()
    assert sf.api_usage["api-usage"].used == before + 2  # the batch and this limits call
    too_many = {"batchRequests": subs + subs[:1]}
    with pytest.raises(SalesforceMalformedRequest):
        sf.restful("composite/batch", method="POST", json=too_many)


# -- replication ----------------------------------------------------------------------


def test_get_updated_and_get_deleted(org: RunningOrg, sf: Salesforce) -> None:
    start = org.clock.now() - timedelta(minutes=1)
    rid = sf.Lead.create(new_lead())["id"]
    gone = sf.Lead.create(new_lead())["id"]
    sf.Lead.delete(gone)
    org.clock.advance(120)
    end = org.clock.now()
    updated = sf.Lead.updated(start, end)
    assert rid in updated["ids"] and gone not in updated["ids"]
    assert updated["latestDateCovered"].endswith("+0000")
    deleted = sf.Lead.deleted(start, end)
    deleted_ids = [d["id"] for d in deleted["deletedRecords"]]
    assert gone in deleted_ids and rid not in deleted_ids
    assert all(d["deletedDate"].endswith("+0000") for d in deleted["deletedRecords"])
    assert "earliestDateAvailable" in deleted
    with pytest.raises(SalesforceMalformedRequest) as exc:
        sf.Lead.updated(end, start)
    assert error_of(exc)["errorCode"] == "INVALID_REPLICATION_DATE"
    with pytest.raises(SalesforceMalformedRequest):
        sf.Lead.deleted(end - timedelta(days=20), end)


# -- limits, tokens -------------------------------------------------------------------


def test_limits_and_usage_header(sf: Salesforce) -> None:
    limits = sf.limits()
    usage = sf.api_usage["api-usage"]
    assert limits["DailyApiRequests"]["Max"] == usage.total == 15000
    assert limits["DailyApiRequests"]["Remaining"] == 15000 - usage.used + 1 or usage.used > 0


def test_api_allowance_is_enforced(tmp_path) -> None:
    with start_local_org(tmp_path, seed=0, api_limit=3) as small:
        sf = connect(small)
        for _ in range(3):
            sf.query("SELECT COUNT() FROM Lead")
        with pytest.raises(SalesforceRefusedRequest) as exc:
            sf.query("SELECT COUNT() FROM Lead")
        assert error_of(exc) == {"message": "TotalRequests Limit exceeded.",
                                 "errorCode": "REQUEST_LIMIT_EXCEEDED"}


def test_expired_token_gets_invalid_session(tmp_path) -> None:
    clock = Clock()
    with start_local_org(tmp_path, seed=0, token_ttl=60, clock=clock) as small:
        sf = connect(small)
        sf.query("SELECT COUNT() FROM Lead")
        clock.advance(61)
        with pytest.raises(SalesforceExpiredSession) as exc:
            sf.query("SELECT COUNT() FROM Lead")
        assert exc.value.status == 401
        assert error_of(exc)["errorCode"] == "INVALID_SESSION_ID"


def test_unknown_token_is_refused(org: RunningOrg) -> None:
    sf = Salesforce(instance_url=org.facts.instance_url, session_id="00Dbogus!token",
                    session=https_session(org.facts.ca_file))
    with pytest.raises(SalesforceExpiredSession):
        sf.query("SELECT Id FROM Lead LIMIT 1")


def test_data_persists_across_restart(tmp_path) -> None:
    with start_local_org(tmp_path, seed="demo") as first:
        sf = connect(first)
        rid = sf.Lead.create(new_lead(LastName="Persisted"))["id"]
        client_id = first.facts.client_id
    with start_local_org(tmp_path, seed="demo") as second:
        assert second.facts.client_id == client_id
        assert connect(second).Lead.get(rid)["LastName"] == "Persisted"
