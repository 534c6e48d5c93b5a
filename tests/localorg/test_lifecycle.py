"""Conversion, merge, undelete, purge and bin retention as a sync sees them: through the
real simple-salesforce client (query, queryAll, get, get updated, get deleted) over HTTPS,
with the changes made through the control API's Python facade."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from simple_salesforce import Salesforce
from simple_salesforce.exceptions import SalesforceMalformedRequest, SalesforceResourceNotFound

from sfsync_gui.localorg.clock import Clock
from sfsync_gui.localorg.control import Control
from sfsync_gui.localorg.rules import WriteRejected
from sfsync_gui.localorg.server import RunningOrg, start_local_org
from sfsync_gui.localorg.storage import parse_datetime

from .conftest import connect


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningOrg]:
    """A generated org (300 Leads and their world); tests make their own records."""
    running = start_local_org(tmp_path_factory.mktemp("org"), seed=300, clock=Clock())
    yield running
    running.stop()


@pytest.fixture(scope="module")
def control(org: RunningOrg) -> Control:
    return org.control


def tag() -> str:
    return uuid.uuid4().hex[:10]


def email(label: str = "p") -> str:
    return f"{label}.{tag()}@example.org"


def error_code(exc: pytest.ExceptionInfo) -> str:
    return exc.value.errors[0].code if isinstance(exc.value, WriteRejected) else (
        exc.value.content[0]["errorCode"])


class Window:
    """A get updated / get deleted window around the changes made inside it: starts a
    minute before, and the clock moves two minutes on so the window covers the change."""

    def __init__(self, org: RunningOrg) -> None:
        self.org = org
        self.start = org.clock.now() - timedelta(minutes=1)

    def close(self) -> tuple[datetime, datetime]:
        self.org.clock.advance(120)
        return self.start, self.org.clock.now()


def one(sf: Salesforce, soql: str, *, include_deleted: bool = False) -> dict:
    rows = sf.query_all(soql, include_deleted=include_deleted)["records"]
    assert len(rows) == 1, rows
    return rows[0]


# -- lead conversion --------------------------------------------------------------------


def test_conversion_is_an_update_of_the_lead_seen_by_every_feed(
    org: RunningOrg, control: Control, sf: Salesforce
) -> None:
    t = tag()
    lead_id = sf.Lead.create({
        "FirstName": "Ada", "LastName": f"Conv{t}", "Company": f"Conv Co {t}",
        "Email": email("conv"), "Phone": "+39 06 1234", "Title": "CTO", "Street": "Via Roma 1",
        "City": "Roma", "PostalCode": "00100", "Country": "Italy", "LeadSource": "Web",
        "Preferred_Language__c": "Italian", "Industry": "Media",
    })["id"]
    campaign = control.create("Campaign", {"Name": f"Camp {t}"})
    member = sf.CampaignMember.create({"CampaignId": campaign, "LeadId": lead_id})["id"]
    task = sf.Task.create({"WhoId": lead_id, "Subject": "Call"})["id"]
    window = Window(org)

    result = control.convert_lead(lead_id)

    start, end = window.close()
    assert result["success"] is True and result["opportunityId"] is None
    contact_id, account_id = result["contactId"], result["accountId"]
    lead = sf.Lead.get(lead_id)
    assert lead["IsConverted"] is True and lead["Status"] == "Closed - Converted"
    assert lead["ConvertedContactId"] == contact_id
    assert lead["ConvertedAccountId"] == account_id
    assert lead["ConvertedOpportunityId"] is None
    assert lead["ConvertedDate"] == lead["SystemModstamp"][:10]
    contact = sf.Contact.get(contact_id)
    assert (contact["FirstName"], contact["LastName"], contact["Title"]) == ("Ada", f"Conv{t}",
                                                                            "CTO")
    assert contact["Email"] == lead["Email"] and contact["Phone"] == "+39 06 1234"
    assert (contact["MailingStreet"], contact["MailingCity"], contact["MailingCountry"]) == (
        "Via Roma 1", "Roma", "Italy")
    assert contact["LeadSource"] == "Web" and contact["Languages__c"] == "Italian"
    assert contact["AccountId"] == account_id and contact["OwnerId"] == lead["OwnerId"]
    account = sf.Account.get(account_id)
    assert account["Name"] == f"Conv Co {t}" and account["BillingCity"] == "Roma"
    assert account["Industry"] == "Media" and account["AccountSource"] == "Web"
    # one transaction, one stamp on every touched record
    stamp = lead["SystemModstamp"]
    assert contact["CreatedDate"] == account["CreatedDate"] == stamp
    assert lead["LastModifiedDate"] == stamp
    cm = sf.CampaignMember.get(member)
    assert cm["ContactId"] == contact_id and cm["LeadId"] == lead_id
    assert cm["SystemModstamp"] == stamp
    assert sf.Task.get(task)["WhoId"] == contact_id
    assert lead_id in sf.Lead.updated(start, end)["ids"]
    assert contact_id in sf.Contact.updated(start, end)["ids"]
    assert account_id in sf.Account.updated(start, end)["ids"]
    assert member in sf.CampaignMember.updated(start, end)["ids"]
    assert sf.Campaign.get(campaign)["NumberOfContacts"] == 1
    # the change feed query a sync runs sees it too
    rows = sf.query_all(
        f"SELECT Id, IsConverted, ConvertedContactId FROM Lead WHERE SystemModstamp >= "
        f"{start.strftime('%Y-%m-%dT%H:%M:%SZ')} AND Id = '{lead_id}'")["records"]
    assert rows[0]["ConvertedContactId"] == contact_id
    # a converted lead is read-only
    with pytest.raises(SalesforceMalformedRequest) as exc:
        sf.Lead.update(lead_id, {"Title": "CEO"})
    assert error_code(exc) == "CANNOT_UPDATE_CONVERTED_LEAD"


def test_conversion_into_an_existing_contact_fills_only_blank_fields(
    org: RunningOrg, control: Control, sf: Salesforce
) -> None:
    t = tag()
    account_id = control.create("Account", {"Name": f"Existing {t}", "Phone": "111"})
    contact_id = control.create("Contact", {
        "LastName": f"Kept{t}", "Title": "Buyer", "AccountId": account_id,
        "Email": email("kept")})
    before = sf.Contact.get(contact_id)
    lead_id = control.create("Lead", {
        "LastName": f"Other{t}", "Company": "Ignored", "Title": "CTO", "Phone": "222",
        "MobilePhone": "333", "Email": email("lead"), "Website": "https://ignored.example"},
        allow_duplicates=True)
    counts = {o: sf.query(f"SELECT COUNT() FROM {o}")["totalSize"]
              for o in ("Contact", "Account")}
    org.clock.advance(1)

    result = control.convert_lead(lead_id, contact_id=contact_id)

    assert result["contactId"] == contact_id and result["accountId"] == account_id
    after = sf.Contact.get(contact_id)
    assert after["LastName"] == f"Kept{t}" and after["Title"] == "Buyer"  # kept
    assert after["Email"] == before["Email"]
    assert after["Phone"] == "222" and after["MobilePhone"] == "333"  # were blank
    assert after["SystemModstamp"] > before["SystemModstamp"]
    assert after["LastModifiedDate"] == after["SystemModstamp"]
    account = sf.Account.get(account_id)
    assert account["Phone"] == "111" and account["Website"] == "https://ignored.example"
    assert account["Name"] == f"Existing {t}"
    assert {o: sf.query(f"SELECT COUNT() FROM {o}")["totalSize"]
            for o in ("Contact", "Account")} == counts
    assert sf.Lead.get(lead_id)["ConvertedContactId"] == contact_id


def test_conversion_with_an_opportunity_and_an_existing_account(
    control: Control, sf: Salesforce
) -> None:
    t = tag()
    account_id = control.create("Account", {"Name": f"Acc {t}"})
    lead_id = control.create("Lead", {"LastName": f"Opp{t}", "Company": "X",
                                      "LeadSource": "Partner Referral"})
    result = control.convert_lead(lead_id, account_id=account_id, create_opportunity=True,
                                  opportunity_name=f"Deal {t}")
    opp = sf.Opportunity.get(result["opportunityId"])
    assert opp["Name"] == f"Deal {t}" and opp["AccountId"] == account_id
    assert opp["StageName"] == "Prospecting" and opp["LeadSource"] == "Partner Referral"
    role = one(sf, "SELECT ContactId, IsPrimary FROM OpportunityContactRole "
                   f"WHERE OpportunityId = '{opp['Id']}'")
    assert role == {**role, "ContactId": result["contactId"], "IsPrimary": True}
    lead = sf.Lead.get(lead_id)
    assert lead["ConvertedOpportunityId"] == opp["Id"]
    assert lead["ConvertedAccountId"] == account_id
    assert sf.Contact.get(result["contactId"])["AccountId"] == account_id


def test_conversion_errors_change_nothing(control: Control, sf: Salesforce) -> None:
    t = tag()
    lead_id = control.create("Lead", {"LastName": f"Err{t}", "Company": f"ErrCo{t}"})
    contacts = sf.query("SELECT COUNT() FROM Contact")["totalSize"]
    with pytest.raises(WriteRejected) as exc:
        control.convert_lead(lead_id, converted_status="Working - Contacted")
    assert error_code(exc) == "INVALID_STATUS"
    other_account = control.create("Account", {"Name": f"A{t}"})
    stranger = control.create("Contact", {"LastName": "S", "AccountId": control.create(
        "Account", {"Name": f"B{t}"})})
    with pytest.raises(WriteRejected) as exc:
        control.convert_lead(lead_id, account_id=other_account, contact_id=stranger)
    assert error_code(exc) == "INVALID_CROSS_REFERENCE_KEY"
    assert sf.query("SELECT COUNT() FROM Contact")["totalSize"] == contacts + 1  # stranger
    assert sf.Lead.get(lead_id)["IsConverted"] is False
    assert sf.query(f"SELECT COUNT() FROM Account WHERE Name = 'ErrCo{t}'")["totalSize"] == 0

    control.convert_lead(lead_id)
    with pytest.raises(WriteRejected) as exc:
        control.convert_lead(lead_id)
    assert error_code(exc) == "CANNOT_UPDATE_CONVERTED_LEAD"
    gone = control.create("Lead", {"LastName": f"Gone{t}", "Company": "G"})
    sf.Lead.delete(gone)
    with pytest.raises(WriteRejected) as exc:
        control.convert_lead(gone)
    assert error_code(exc) == "ENTITY_IS_DELETED"
    with pytest.raises(WriteRejected) as exc:
        control.convert_lead("00Q5g0000zzzzzzAAA")
    assert error_code(exc) == "NOT_FOUND"
    with pytest.raises(WriteRejected) as exc:
        control.convert_lead(stranger)
    assert error_code(exc) == "MALFORMED_ID"


def test_conversion_runs_validation_rules_and_rolls_back(control: Control,
                                                         sf: Salesforce) -> None:
    t = tag()
    lead_id = control.create("Lead", {"LastName": f"Val{t}", "Company": f"ValCo{t}"})
    contact_id = control.create("Contact", {"LastName": f"Val{t}"})
    # data an admin fixed before the rule existed: the contact fails the rule now
    control.org.conn.execute('UPDATE "Contact" SET Birthdate = ? WHERE Id = ?',
                             ("2999-01-01", contact_id))
    with pytest.raises(WriteRejected) as exc:
        control.convert_lead(lead_id, contact_id=contact_id)
    assert error_code(exc) == "FIELD_CUSTOM_VALIDATION_EXCEPTION"
    assert sf.Lead.get(lead_id)["IsConverted"] is False
    assert sf.query(f"SELECT COUNT() FROM Account WHERE Name = 'ValCo{t}'")["totalSize"] == 0


# -- merge ------------------------------------------------------------------------------


def test_contact_merge_seen_through_query_all_get_deleted_and_updated(
    org: RunningOrg, control: Control, sf: Salesforce
) -> None:
    t = tag()
    account_id = control.create("Account", {"Name": f"M {t}"})
    master = control.create("Contact", {"LastName": f"Master{t}", "AccountId": account_id,
                                        "Email": email("m")})
    loser = control.create("Contact", {"LastName": f"Loser{t}", "Phone": "555",
                                       "Email": email("l")})
    opp = control.create("Opportunity", {"Name": "O", "StageName": "Prospecting",
                                         "CloseDate": "2030-01-01", "AccountId": account_id})
    role = control.create("OpportunityContactRole", {"OpportunityId": opp, "ContactId": loser})
    sub = control.create("Subscription__c", {"Name": f"S{t}", "Contact__c": loser})
    task = control.create("Task", {"WhoId": loser, "Subject": "Call"})
    event = control.create("Event", {"WhoId": loser, "Subject": "Meeting",
                                     "DurationInMinutes": 30,
                                     "StartDateTime": "2030-01-01T10:00:00Z",
                                     "EndDateTime": "2030-01-01T10:30:00Z"})
    campaign = control.create("Campaign", {"Name": f"C{t}"})
    member = control.create("CampaignMember", {"CampaignId": campaign, "ContactId": loser})
    window = Window(org)

    result = control.merge("Contact", master, [loser], field_values={"Title": "VP"},
                           fields_from={"Phone": loser})

    start, end = window.close()
    assert result["mergedRecordIds"] == [loser]
    assert set(result["updatedRelatedIds"]) == {role, sub, task, event, member}
    merged = sf.Contact.get(master)
    assert merged["Title"] == "VP" and merged["Phone"] == "555"
    assert sf.query(f"SELECT COUNT() FROM Contact WHERE Id = '{loser}'")["totalSize"] == 0
    binned = one(sf, f"SELECT Id, IsDeleted, MasterRecordId FROM Contact WHERE Id = '{loser}'",
                 include_deleted=True)
    assert binned["IsDeleted"] is True and binned["MasterRecordId"] == master
    with pytest.raises(SalesforceResourceNotFound) as exc:
        sf.Contact.get(loser)
    assert error_code(exc) == "ENTITY_IS_DELETED"
    deleted = sf.Contact.deleted(start, end)["deletedRecords"]
    assert loser in [d["id"] for d in deleted]
    updated = sf.Contact.updated(start, end)["ids"]
    assert master in updated and loser not in updated
    for obj, rid, field in (("OpportunityContactRole", role, "ContactId"),
                            ("Subscription__c", sub, "Contact__c"), ("Task", task, "WhoId"),
                            ("Event", event, "WhoId"), ("CampaignMember", member, "ContactId")):
        rec = getattr(sf, obj).get(rid)
        assert rec[field] == master, obj
        assert rec["SystemModstamp"] == merged["SystemModstamp"], obj
        assert rid in getattr(sf, obj).updated(start, end)["ids"], obj


def test_lead_merge_of_three_keeps_one_campaign_membership(
    org: RunningOrg, control: Control, sf: Salesforce
) -> None:
    t = tag()
    leads = [control.create("Lead", {"LastName": f"L{i}{t}", "Company": "C"}) for i in range(3)]
    master, first, second = leads
    campaign = control.create("Campaign", {"Name": f"C{t}"})
    kept = control.create("CampaignMember", {"CampaignId": campaign, "LeadId": master})
    doubled = control.create("CampaignMember", {"CampaignId": campaign, "LeadId": first})
    other_campaign = control.create("Campaign", {"Name": f"D{t}"})
    moved = control.create("CampaignMember", {"CampaignId": other_campaign, "LeadId": second})
    window = Window(org)

    control.merge("Lead", master, [first, second])

    start, end = window.close()
    rows = sf.query_all(f"SELECT Id, MasterRecordId, IsDeleted FROM Lead WHERE Id IN "
                        f"('{first}', '{second}')", include_deleted=True)["records"]
    assert {r["MasterRecordId"] for r in rows} == {master}
    assert all(r["IsDeleted"] for r in rows)
    assert {d["id"] for d in sf.Lead.deleted(start, end)["deletedRecords"]} >= {first, second}
    assert sf.CampaignMember.get(moved)["LeadId"] == master
    assert sf.CampaignMember.get(kept)["LeadId"] == master
    with pytest.raises(SalesforceResourceNotFound):
        sf.CampaignMember.get(doubled)  # one membership per campaign is enough
    assert doubled in [d["id"] for d in sf.CampaignMember.deleted(start, end)["deletedRecords"]]
    assert sf.Campaign.get(campaign)["NumberOfLeads"] == 1


def test_account_merge_reparents_contacts_opportunities_and_children_accounts(
    control: Control, sf: Salesforce
) -> None:
    t = tag()
    master = control.create("Account", {"Name": f"Master {t}"})
    loser = control.create("Account", {"Name": f"Loser {t}", "ParentId": None})
    child_account = control.create("Account", {"Name": f"Child {t}", "ParentId": loser})
    contact = control.create("Contact", {"LastName": f"C{t}", "AccountId": loser})
    opp = control.create("Opportunity", {"Name": "O", "StageName": "Prospecting",
                                         "CloseDate": "2030-01-01", "AccountId": loser})
    control.update("Account", master, {"ParentId": loser})
    control.merge("Account", master, [loser])
    assert sf.Contact.get(contact)["AccountId"] == master
    assert sf.Opportunity.get(opp)["AccountId"] == master
    assert sf.Account.get(child_account)["ParentId"] == master
    assert sf.Account.get(master)["ParentId"] is None  # would point at itself


def test_merge_errors(control: Control, sf: Salesforce) -> None:
    t = tag()
    a, b, c, d = (control.create("Contact", {"LastName": f"E{i}{t}"}) for i in range(4))
    for args, code in [
        (("Contact", a, [b, c, d]), "INVALID_OPERATION"),
        (("Contact", a, []), "INVALID_OPERATION"),
        (("Contact", a, [a]), "INVALID_OPERATION"),
        (("Contact", a, [b, b]), "INVALID_OPERATION"),
        (("Opportunity", a, [b]), "INVALID_TYPE_FOR_OPERATION"),
        (("Lead", a, [b]), "MALFORMED_ID"),
    ]:
        with pytest.raises(WriteRejected) as exc:
            control.merge(*args)
        assert error_code(exc) == code, args
    with pytest.raises(WriteRejected) as exc:
        control.merge("Contact", a, [b], fields_from={"Phone": c})
    assert error_code(exc) == "INVALID_OPERATION"
    sf.Contact.delete(d)
    with pytest.raises(WriteRejected) as exc:
        control.merge("Contact", a, [d])
    assert error_code(exc) == "ENTITY_IS_DELETED"
    converted = control.create("Lead", {"LastName": f"Cv{t}", "Company": "C"})
    other = control.create("Lead", {"LastName": f"Ot{t}", "Company": "C"})
    control.convert_lead(converted)
    with pytest.raises(WriteRejected) as exc:
        control.merge("Lead", other, [converted])
    assert error_code(exc) == "CANNOT_UPDATE_CONVERTED_LEAD"
    # nothing moved: every failed merge rolled back
    assert sf.query(f"SELECT COUNT() FROM Contact WHERE LastName LIKE 'E%{t}'")[
        "totalSize"] == 3


def test_merge_moves_a_unique_value_to_the_master(control: Control, sf: Salesforce) -> None:
    t = tag()
    master = control.create("Contact", {"LastName": f"U{t}"})
    loser = control.create("Contact", {"LastName": f"V{t}", "Customer_Id__c": f"CU-{t}"})
    control.merge("Contact", master, [loser], fields_from={"Customer_Id__c": loser})
    assert sf.Contact.get(f"Customer_Id__c/CU-{t}")["Id"] == master


# -- recycle bin ------------------------------------------------------------------------


def test_undelete_brings_a_record_back_into_every_feed(
    org: RunningOrg, control: Control, sf: Salesforce
) -> None:
    rid = sf.Lead.create({"LastName": f"Und{tag()}", "Company": "U", "Email": email()})["id"]
    sf.Lead.delete(rid)
    window = Window(org)

    result = control.undelete([rid])

    start, end = window.close()
    assert result == [{"id": rid, "success": True, "errors": []}]
    rec = sf.Lead.get(rid)
    assert rec["IsDeleted"] is False
    assert rid in sf.Lead.updated(start, end)["ids"]
    assert sf.query(f"SELECT COUNT() FROM Lead WHERE Id = '{rid}'")["totalSize"] == 1
    assert rec["SystemModstamp"] >= start.strftime("%Y-%m-%dT%H:%M")
    again = control.undelete([rid, "00Q5g0000zzzzzzAAA"])
    assert again[0]["errors"][0]["statusCode"] == "UNDELETE_FAILED"
    assert again[1]["errors"][0]["statusCode"] == "NOT_FOUND"


def test_undeleted_merge_loser_is_no_longer_merged(control: Control, sf: Salesforce) -> None:
    master = control.create("Lead", {"LastName": f"Ma{tag()}", "Company": "C"})
    loser = control.create("Lead", {"LastName": f"Lo{tag()}", "Company": "C"})
    control.merge("Lead", master, [loser])
    control.undelete([loser])
    assert sf.Lead.get(loser)["MasterRecordId"] is None


def test_purge_removes_the_record_from_every_feed_and_moves_earliest_date(
    org: RunningOrg, control: Control, sf: Salesforce
) -> None:
    binned = sf.Lead.create({"LastName": f"Pur{tag()}", "Company": "P"})["id"]
    live = sf.Lead.create({"LastName": f"Hard{tag()}", "Company": "P"})["id"]
    window = Window(org)
    sf.Lead.delete(binned)
    org.clock.advance(60)  # get deleted covers whole minutes
    before = sf.Lead.deleted(window.start, org.clock.now())
    assert binned in [d["id"] for d in before["deletedRecords"]]

    result = control.purge([binned, live])

    start, end = window.close()
    assert [r["success"] for r in result] == [True, True]
    for rid in (binned, live):
        soql = f"SELECT Id FROM Lead WHERE Id = '{rid}'"
        assert sf.query_all(soql, include_deleted=True)["totalSize"] == 0
        with pytest.raises(SalesforceResourceNotFound) as exc:
            sf.Lead.get(rid)
        assert error_code(exc) == "NOT_FOUND"
    after = sf.Lead.deleted(start, end)
    assert binned not in [d["id"] for d in after["deletedRecords"]]
    assert live not in [d["id"] for d in after["deletedRecords"]]
    # get deleted tells the client it cannot vouch for deletes before the purge
    assert parse_datetime(after["earliestDateAvailable"]) > parse_datetime(
        before["earliestDateAvailable"])
    assert parse_datetime(after["earliestDateAvailable"]) > start
    assert control.earliest_deleted("Lead") == after["earliestDateAvailable"]
    assert control.purge([binned])[0]["errors"][0]["statusCode"] == "NOT_FOUND"
    user = control.purge([control.org.sync_user.id])[0]
    assert user["errors"][0]["statusCode"] == "INVALID_TYPE_FOR_OPERATION"


def test_empty_bin_purges_one_object_or_all(control: Control, sf: Salesforce) -> None:
    lead = sf.Lead.create({"LastName": f"Eb{tag()}", "Company": "E"})["id"]
    contact = sf.Contact.create({"LastName": f"Eb{tag()}"})["id"]
    sf.Lead.delete(lead)
    sf.Contact.delete(contact)
    assert control.empty_bin("Lead")["Lead"] >= 1
    assert sf.query_all(f"SELECT Id FROM Contact WHERE Id = '{contact}'",
                        include_deleted=True)["totalSize"] == 1
    assert control.empty_bin()["Contact"] >= 1
    assert sf.query("SELECT COUNT() FROM Contact WHERE IsDeleted = true",
                    include_deleted=True)["totalSize"] == 0


def test_bin_retention_purges_after_15_days_on_the_org_clock(tmp_path: Path) -> None:
    clock = Clock()
    with start_local_org(tmp_path, seed=0, clock=clock) as small:
        sf = connect(small)
        old = sf.Lead.create({"LastName": "Old", "Company": "R"})["id"]
        sf.Lead.delete(old)
        first_earliest = sf.Lead.deleted(clock.now() - timedelta(days=1), clock.now())[
            "earliestDateAvailable"]
        small.control.advance_clock(days=10)
        sf = connect(small)  # the first token expired with the clock
        recent = sf.Lead.create({"LastName": "Recent", "Company": "R"})["id"]
        sf.Lead.delete(recent)

        advanced = small.control.advance_clock(days=6)  # Old: 16 days in the bin

        assert advanced["purged"] == {"Lead": 1}
        sf = connect(small)
        rows = sf.query_all("SELECT Id FROM Lead WHERE IsDeleted = true",
                            include_deleted=True)["records"]
        assert [r["Id"] for r in rows] == [recent]
        now = clock.now()
        deleted = sf.Lead.deleted(now - timedelta(days=14), now)
        assert [d["id"] for d in deleted["deletedRecords"]] == [recent]
        earliest = parse_datetime(deleted["earliestDateAvailable"])
        assert earliest > parse_datetime(first_earliest)
        assert earliest > now - timedelta(minutes=1)  # purged just now

        # lazily too: time passes without the control API, the next call purges
        clock.advance(16 * 86400)
        sf = connect(small)
        assert sf.query("SELECT COUNT() FROM Lead WHERE IsDeleted = true",
                        include_deleted=True)["totalSize"] == 0
        assert sf.Lead.deleted(clock.now() - timedelta(days=1), clock.now())[
            "deletedRecords"] == []
