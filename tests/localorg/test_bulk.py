"""The local org's Bulk API 2.0, through the real simple-salesforce client over HTTPS (and
raw HTTP where the client hides what is checked: job states, headers, status codes)."""

from __future__ import annotations

import csv
import io
import itertools
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from simple_salesforce import Salesforce
from simple_salesforce.exceptions import SalesforceMalformedRequest, SalesforceOperationError

from sfsync_gui.localorg.bulk import BulkApi, bulk_api_of
from sfsync_gui.localorg.bulk_jobs import decode_locator, encode_locator, java_double
from sfsync_gui.localorg.clock import Clock
from sfsync_gui.localorg.org import SYNC_PROFILE
from sfsync_gui.localorg.server import RunningOrg, start_local_org

from .conftest import https_session

SEED_LEADS = 20_000
_n = itertools.count()


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningOrg]:
    """An org seeded with 20,000 Leads (and the seed's other objects) for this module."""
    running = start_local_org(tmp_path_factory.mktemp("bulk-org"), seed=SEED_LEADS,
                              clock=Clock())
    yield running
    running.stop()


@pytest.fixture(scope="module")
def bulk(org: RunningOrg) -> BulkApi:
    return bulk_api_of(org._server.app)


class Raw:
    """Bulk calls over raw HTTPS with a bearer token, to see states, headers and codes."""

    def __init__(self, org: RunningOrg, sf: Salesforce) -> None:
        self.base = f"{org.facts.instance_url}/services/data/v59.0/jobs"
        self.s: requests.Session = https_session(org.facts.ca_file)
        self.s.headers["Authorization"] = f"Bearer {sf.session_id}"

    def call(self, method: str, path: str, **kw: object) -> requests.Response:
        return self.s.request(method, f"{self.base}/{path}", **kw)  # type: ignore[arg-type]

    def create_query(self, soql: str, operation: str = "query") -> dict:
        resp = self.call("POST", "query", json={"operation": operation, "query": soql})
        assert resp.status_code == 200, resp.text
        return resp.json()

    def wait(self, kind: str, job_id: str, states: set[str], timeout: float = 20) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            info = self.call("GET", f"{kind}/{job_id}").json()
            if info["state"] in states:
                return info
            assert time.monotonic() < deadline, info
            time.sleep(0.02)

    def ingest(self, obj: str, operation: str, data: str, **extra: str) -> dict:
        job = self.call("POST", "ingest", json={"object": obj, "operation": operation,
                                                 "contentType": "CSV", **extra}).json()
        put = self.call("PUT", f"ingest/{job['id']}/batches", data=data.encode(),
                        headers={"Content-Type": "text/csv"})
        assert put.status_code == 201, put.text
        return job


@pytest.fixture(scope="module")
def raw(org: RunningOrg, sf: Salesforce) -> Raw:
    return Raw(org, sf)


@pytest.fixture(scope="module")
def raw_admin(org: RunningOrg, sf_admin: Salesforce) -> Raw:
    return Raw(org, sf_admin)


def rows_of(*pages: str) -> list[dict[str, str]]:
    return [row for page in pages for row in csv.DictReader(io.StringIO(page))]


def tag() -> str:
    return f"B{next(_n)}x{uuid.uuid4().hex[:6]}"


# -- query jobs -------------------------------------------------------------------------


def test_bulk_query_returns_every_row_exactly_once(sf: Salesforce) -> None:
    fields = [f["name"] for f in sf.Lead.describe()["fields"]]
    soql = f"SELECT {', '.join(fields)}, Owner.Name FROM Lead"
    pages = list(sf.bulk2.Lead.query(soql, max_records=8000, wait=0.1))
    rows = rows_of(*pages)
    rest = sf.query_all("SELECT Id FROM Lead")
    assert len(rows) == rest["totalSize"] > 19_000
    ids = [r["Id"] for r in rows]
    assert len(set(ids)) == len(ids)
    assert set(ids) == {r["Id"] for r in rest["records"]}
    assert list(rows[0]) == [*fields, "Owner.Name"]
    assert "AnnualRevenue" not in rows[0]  # hidden from the sync user


def test_paging_with_small_max_records_follows_several_locators(raw: Raw) -> None:
    job = raw.create_query("SELECT Id, Email FROM Lead WHERE IsConverted = false")
    info = raw.wait("query", job["id"], {"JobComplete"})
    total = info["numberRecordsProcessed"]
    locator, pages, seen = None, [], []
    while True:
        params = {"maxRecords": 3000, **({"locator": locator} if locator else {})}
        resp = raw.call("GET", f"query/{job['id']}/results", params=params)
        assert resp.status_code == 200
        assert resp.headers["Content-Type"].startswith("text/csv")
        page_rows = rows_of(resp.text)
        assert int(resp.headers["Sforce-NumberOfRecords"]) == len(page_rows)
        pages.append(locator)
        seen += [r["Id"] for r in page_rows]
        locator = resp.headers["Sforce-Locator"]
        if locator == "null":
            break
    assert len(pages) == -(-total // 3000) >= 6
    assert len(seen) == len(set(seen)) == total
    # a locator can be read again and gives the same page
    again = raw.call("GET", f"query/{job['id']}/results",
                     params={"maxRecords": 3000, "locator": pages[2]})
    assert [r["Id"] for r in rows_of(again.text)] == seen[6000:9000]
    bad = raw.call("GET", f"query/{job['id']}/results", params={"locator": "nonsense"})
    assert bad.status_code == 400


def test_results_keep_the_query_order(sf: Salesforce) -> None:
    soql = "SELECT Id, Email FROM Lead WHERE Email != null ORDER BY Email DESC, Id LIMIT 5000"
    bulk_ids = [r["Id"] for r in rows_of(*sf.bulk2.Lead.query(soql, max_records=1200,
                                                                 wait=0.1))]
    rest_ids = [r["Id"] for r in sf.query_all(soql)["records"]]
    assert bulk_ids == rest_ids and len(bulk_ids) == 5000


def test_query_all_includes_deleted_rows(sf: Salesforce) -> None:
    rid = sf.Lead.create({"LastName": tag(), "Company": "Bin"})["id"]
    sf.Lead.delete(rid)
    soql = "SELECT Id, IsDeleted FROM Lead WHERE IsDeleted = true"
    deleted = rows_of(*sf.bulk2.Lead.query_all(soql, wait=0.1))
    assert rid in {r["Id"] for r in deleted}
    assert {r["IsDeleted"] for r in deleted} == {"true"}
    assert len(deleted) == sf.query_all(soql, include_deleted=True)["totalSize"] > 1
    assert rows_of(*sf.bulk2.Lead.query(soql, wait=0.1)) == []


def test_download_writes_result_files(sf: Salesforce, tmp_path: Path) -> None:
    results = sf.bulk2.Lead.download("SELECT Id FROM Lead", str(tmp_path), max_records=9000,
                                     wait=0.1)
    assert len(results) == 3
    assert sum(r["number_of_records"] for r in results) == sf.query(
        "SELECT COUNT() FROM Lead")["totalSize"]
    assert Path(results[0]["file"]).read_text().startswith('"Id"\n"00Q')


def test_csv_values_are_written_as_salesforce_writes_them(
        sf_admin: Salesforce) -> None:
    name = tag()
    rid = sf_admin.Lead.create({
        "LastName": name, "Company": 'Quote "Co", Ltd', "Description": "two\nlines",
        "DoNotCall": True, "AnnualRevenue": 12345678, "NumberOfEmployees": 42,
        "Lead_Score__c": 7.5,
    })["id"]
    created = sf_admin.Lead.get(rid)["CreatedDate"]
    soql = (f"SELECT Id, Company, Description, DoNotCall, HasOptedOutOfEmail, AnnualRevenue, "
            f"NumberOfEmployees, Lead_Score__c, Phone, CreatedDate, Owner.Name FROM Lead "
            f"WHERE LastName = '{name}'")
    text = "".join(sf_admin.bulk2.Lead.query(soql, wait=0.1))
    stamp = created.replace("+0000", "Z")
    assert text == (
        '"Id","Company","Description","DoNotCall","HasOptedOutOfEmail","AnnualRevenue",'
        '"NumberOfEmployees","Lead_Score__c","Phone","CreatedDate","Owner.Name"\n'
        f'"{rid}","Quote ""Co"", Ltd","two\nlines","true","false","1.2345678E7","42","7.5",,'
        f'"{stamp}","Ada Admin"\n'
    )


def test_delimiter_and_line_ending_follow_the_job(raw: Raw) -> None:
    resp = raw.call("POST", "query", json={
        "operation": "query", "query": "SELECT Id, Name FROM Lead LIMIT 3",
        "columnDelimiter": "PIPE", "lineEnding": "CRLF"})
    job = resp.json()
    assert job["columnDelimiter"] == "PIPE" and job["lineEnding"] == "CRLF"
    raw.wait("query", job["id"], {"JobComplete"})
    text = raw.call("GET", f"query/{job['id']}/results").text
    lines = text.split("\r\n")
    assert lines[0] == '"Id"|"Name"' and len(lines) == 5 and lines[-1] == ""


def test_results_are_a_snapshot_of_the_job(raw: Raw, sf: Salesforce,
                                           bulk: BulkApi) -> None:
    name = tag()
    first = sf.Lead.create({"LastName": name, "Company": "Snap"})["id"]
    with bulk.hold("finish"):
        job = raw.create_query(f"SELECT Id, Company FROM Lead WHERE LastName = '{name}'")
        deadline = time.monotonic() + 20
        # held before completion, with the snapshot taken (its count is known by then)
        while raw.call("GET", f"query/{job['id']}").json()["numberRecordsProcessed"] != 1:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        sf.Lead.create({"LastName": name, "Company": "Late"})  # after the snapshot
        sf.Lead.update(first, {"Company": "Changed"})
    info = raw.wait("query", job["id"], {"JobComplete"})
    rows = rows_of(raw.call("GET", f"query/{job['id']}/results").text)
    assert info["numberRecordsProcessed"] == 1
    # the set of records is the job's; values are read when the page is fetched
    assert rows == [{"Id": first, "Company": "Changed"}]


def test_job_states_and_412_before_completion(raw: Raw, bulk: BulkApi) -> None:
    with bulk.hold("start"):
        job = raw.create_query("SELECT Id FROM Lead LIMIT 10")
        assert job["state"] == "UploadComplete"
        assert set(job) == {"id", "operation", "object", "createdById", "createdDate",
                            "systemModstamp", "state", "concurrencyMode", "contentType",
                            "apiVersion", "lineEnding", "columnDelimiter"}
        assert job["id"].startswith("750") and job["apiVersion"] == 59.0
        assert raw.call("GET", f"query/{job['id']}").json()["state"] == "UploadComplete"
        early = raw.call("GET", f"query/{job['id']}/results")
        assert early.status_code == 412
        assert early.json()[0]["errorCode"] == "JOB_NOT_COMPLETE"
    with bulk.hold("finish"):
        job2 = raw.create_query("SELECT Id FROM Lead LIMIT 10")
        info = raw.wait("query", job2["id"], {"InProgress"})
        assert info["state"] == "InProgress"
        assert raw.call("GET", f"query/{job2['id']}/results").status_code == 412
    done = raw.wait("query", job2["id"], {"JobComplete"})
    assert done["jobType"] == "V2Query" and done["numberRecordsProcessed"] == 10
    assert {"retries", "totalProcessingTime", "isPkChunkingSupported"} <= set(done)
    assert raw.call("GET", f"query/{job2['id']}/results").status_code == 200
    raw.wait("query", job["id"], {"JobComplete"})


def test_abort_and_delete_query_jobs(raw: Raw, bulk: BulkApi) -> None:
    with bulk.hold("start"):
        job = raw.create_query("SELECT Id FROM Lead")
        aborted = raw.call("PATCH", f"query/{job['id']}", json={"state": "Aborted"})
        assert aborted.status_code == 200 and aborted.json()["state"] == "Aborted"
    time.sleep(0.1)
    assert raw.call("GET", f"query/{job['id']}").json()["state"] == "Aborted"
    assert raw.call("GET", f"query/{job['id']}/results").status_code == 412
    again = raw.call("PATCH", f"query/{job['id']}", json={"state": "Aborted"})
    assert again.status_code == 400 and again.json()[0]["errorCode"] == "INVALIDJOBSTATE"
    gone = raw.call("DELETE", f"query/{job['id']}")
    assert gone.status_code == 204 and gone.content == b""
    assert raw.call("GET", f"query/{job['id']}").status_code == 404

    done = raw.create_query("SELECT Id FROM Lead LIMIT 5")
    raw.wait("query", done["id"], {"JobComplete"})
    assert raw.call("DELETE", f"query/{done['id']}").status_code == 204
    assert raw.call("GET", f"query/{done['id']}/results").status_code == 404
    with bulk.hold("finish"):
        busy = raw.create_query("SELECT Id FROM Lead LIMIT 5")
        raw.wait("query", busy["id"], {"InProgress"})
        refused = raw.call("DELETE", f"query/{busy['id']}")
        assert refused.status_code == 400


def test_list_query_jobs(raw: Raw, raw_admin: Raw) -> None:
    job = raw.create_query("SELECT Id FROM Lead LIMIT 1")
    listing = raw.call("GET", "query").json()
    assert listing["done"] is True and listing["nextRecordsUrl"] is None
    entry = next(r for r in listing["records"] if r["id"] == job["id"])
    assert entry["jobType"] == "V2Query" and entry["operation"] == "query"
    # the admin sees everyone's jobs; the sync user does not see the admin's
    mine = raw_admin.create_query("SELECT Id FROM Lead LIMIT 1")
    assert job["id"] in {r["id"] for r in raw_admin.call("GET", "query").json()["records"]}
    assert mine["id"] not in {r["id"] for r in raw.call("GET", "query").json()["records"]}
    assert raw.call("GET", f"query/{mine['id']}").status_code == 404


def test_hidden_field_is_refused_when_the_job_is_created(sf: Salesforce,
                                                          sf_admin: Salesforce) -> None:
    soql = "SELECT Id, AnnualRevenue FROM Lead LIMIT 5"
    with pytest.raises(SalesforceMalformedRequest) as exc:
        list(sf.bulk2.Lead.query(soql, wait=0.1))
    assert exc.value.content[0]["errorCode"] == "INVALID_FIELD"
    assert "AnnualRevenue" in exc.value.content[0]["message"]
    assert len(rows_of(*sf_admin.bulk2.Lead.query(soql, wait=0.1))) == 5


def test_access_removed_before_the_job_runs_fails_it(org: RunningOrg, raw: Raw,
                                                     bulk: BulkApi) -> None:
    catalog = org.org.catalog
    try:
        with bulk.hold("start"):
            job = raw.create_query("SELECT Id, Title FROM Lead")
            catalog.set_access(SYNC_PROFILE, "Lead", "Title", readable=False, editable=False,
                               now_ms=org.clock.now_ms())
        info = raw.wait("query", job["id"], {"Failed", "JobComplete"})
    finally:
        catalog.set_access(SYNC_PROFILE, "Lead", "Title", readable=True, editable=True,
                           now_ms=org.clock.now_ms())
    assert info["state"] == "Failed"
    assert "INVALID_FIELD" in info["errorMessage"] and "Title" in info["errorMessage"]


@pytest.mark.parametrize(
    ("soql", "code"),
    [
        ("SELECT Id FROM Lead WHERE", "MALFORMED_QUERY"),
        ("SELECT Nope FROM Lead", "INVALID_FIELD"),
        ("SELECT Id FROM Nope__c", "INVALID_TYPE"),
        ("SELECT COUNT() FROM Lead", "API_ERROR"),
        ("SELECT Id FROM Lead LIMIT 5 OFFSET 2", "API_ERROR"),
        ("SELECT Id FROM FieldDefinition", "INVALIDENTITY"),
    ],
)
def test_queries_bulk_refuses_answer_400(raw: Raw, soql: str, code: str) -> None:
    resp = raw.call("POST", "query", json={"operation": "query", "query": soql})
    assert resp.status_code == 400
    assert resp.json()[0]["errorCode"] == code


def test_bad_job_requests(raw: Raw) -> None:
    unknown = raw.call("POST", "query", json={"operation": "query", "query": "SELECT Id FROM "
                                                "Lead", "bogus": 1})
    assert unknown.json()[0]["errorCode"] == "JSON_PARSER_ERROR"
    op = raw.call("POST", "query", json={"operation": "insert", "query": "SELECT Id FROM Lead"})
    assert op.status_code == 400 and op.json()[0]["errorCode"] == "INVALIDJOB"
    delim = raw.call("POST", "query", json={"operation": "query", "query": "SELECT Id FROM "
                                              "Lead", "columnDelimiter": "COLON"})
    assert delim.status_code == 400
    assert raw.call("GET", "query/750000000000000AAA").status_code == 404
    assert raw.call("GET", "nothing").status_code == 404


def test_bulk_calls_count_against_the_api_allowance(raw: Raw) -> None:
    first = raw.call("GET", "query")
    second = raw.call("GET", "query")
    used = [int(r.headers["Sforce-Limit-Info"].split("=")[1].split("/")[0])
            for r in (first, second)]
    assert used[1] == used[0] + 1


def test_concurrent_downloads_do_not_block_rest(org: RunningOrg, raw: Raw,
                                                sf: Salesforce) -> None:
    job = raw.create_query("SELECT Id, Name, Email, Description FROM Lead")
    raw.wait("query", job["id"], {"JobComplete"})
    errors: list[BaseException] = []

    def download() -> None:
        try:
            s = https_session(org.facts.ca_file)
            s.headers.update(raw.s.headers)
            resp = s.get(f"{raw.base}/query/{job['id']}/results", stream=True)
            for _ in resp.iter_content(1024):
                time.sleep(0.0005)  # a slow reader keeps its page open
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=download) for _ in range(3)]
    for t in threads:
        t.start()
    started = time.monotonic()
    assert sf.query("SELECT Id FROM Lead LIMIT 1")["totalSize"] == 1
    assert time.monotonic() - started < 2
    for t in threads:
        t.join(60)
    assert not errors


def test_locators_and_doubles() -> None:
    assert encode_locator(10000) == "MTAwMDA"
    assert decode_locator("MTAwMDA") == 10000
    assert decode_locator("!!") is None
    assert [java_double(x) for x in (1500.0, 0.25, 1e7, 92332111.0, 1e-4, -2.5e20, 0.0)] == [
        "1500.0", "0.25", "1.0E7", "9.2332111E7", "1.0E-4", "-2.5E20", "0.0"]


# -- ingest jobs ------------------------------------------------------------------------


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buf.getvalue())
    return str(path)


def test_insert_reports_each_row_and_saves_only_valid_ones(sf: Salesforce,
                                                           tmp_path: Path) -> None:
    t = tag()
    taken = sf.query("SELECT Email FROM Lead WHERE Email != null AND IsConverted = false "
                     "LIMIT 1")["records"][0]["Email"]
    header = ["LastName", "Company", "Email", "Rating", "Phone"]
    rows = [
        [f"{t}ok1", "Acme", f"{t}.1@example.org", "Warm", ""],
        [f"{t}nocompany", "", f"{t}.2@example.org", "", ""],
        [f"{t}bademail", "Acme", "not-an-email", "", ""],
        [f"{t}hot", "Acme", f"{t}.4@example.org", "Hot", ""],
        [f"{t}dup", "Acme", taken, "", ""],
        [f"{t}ok2", "Beta, Inc", f"{t}.6@example.org", "Hot", "555-0100"],
    ]
    result = sf.bulk2.Lead.insert(csv_file=write_csv(tmp_path / "in.csv", header, rows),
                                  wait=0.1)
    assert result[0]["numberRecordsProcessed"] == 6
    assert result[0]["numberRecordsFailed"] == 4
    job_id = result[0]["job_id"]
    saved = {r["LastName"]: r["Id"] for r in sf.query_all(
        f"SELECT Id, LastName FROM Lead WHERE LastName LIKE '{t}%'")["records"]}
    assert set(saved) == {f"{t}ok1", f"{t}ok2"}
    assert sf.bulk2.Lead.get_successful_records(job_id) == (
        '"sf__Id","sf__Created",LastName,Company,Email,Rating,Phone\n'
        f'"{saved[t + "ok1"]}","true","{t}ok1","Acme","{t}.1@example.org","Warm",""\n'
        f'"{saved[t + "ok2"]}","true","{t}ok2","Beta, Inc","{t}.6@example.org","Hot",'
        '"555-0100"\n'
    )
    hot = "A Hot lead needs a phone number so sales can call it within the hour."
    dup = "You're creating a duplicate record. We recommend you use an existing record instead."
    assert sf.bulk2.Lead.get_failed_records(job_id) == (
        '"sf__Id","sf__Error",LastName,Company,Email,Rating,Phone\n'
        f'"","REQUIRED_FIELD_MISSING:Required fields are missing: [Company]:Company --",'
        f'"{t}nocompany","","{t}.2@example.org","",""\n'
        f'"","INVALID_EMAIL_ADDRESS:Email: invalid email address: not-an-email:Email --",'
        f'"{t}bademail","Acme","not-an-email","",""\n'
        f'"","FIELD_CUSTOM_VALIDATION_EXCEPTION:{hot}:Phone --","{t}hot","Acme",'
        f'"{t}.4@example.org","Hot",""\n'
        f'"","DUPLICATES_DETECTED:{dup}: --","{t}dup","Acme","{taken}","",""\n'
    )
    assert sf.bulk2.Lead.get_unprocessed_records(job_id) == (
        "LastName,Company,Email,Rating,Phone\n")


def test_update_with_null_marker_and_unknown_id(sf: Salesforce) -> None:
    t = tag()
    a = sf.Lead.create({"LastName": t, "Company": "U", "Title": "Boss", "Phone": "1"})["id"]
    b = sf.Lead.create({"LastName": t, "Company": "U", "Title": "Clerk"})["id"]
    missing = a[:9] + "zzzzzz" + a[15:]
    result = sf.bulk2.Lead.update(records=[
        {"Id": a, "Title": "#N/A", "Phone": ""},
        {"Id": b, "Title": "Chief", "Phone": "2"},
        {"Id": missing, "Title": "Ghost", "Phone": ""},
    ], wait=0.1)
    assert result[0]["numberRecordsFailed"] == 1
    assert sf.Lead.get(a)["Title"] is None and sf.Lead.get(a)["Phone"] == "1"
    assert sf.Lead.get(b)["Title"] == "Chief" and sf.Lead.get(b)["Phone"] == "2"
    ok = rows_of(sf.bulk2.Lead.get_successful_records(result[0]["job_id"]))
    assert {(r["sf__Id"], r["sf__Created"]) for r in ok} == {(a, "false"), (b, "false")}
    failed = rows_of(sf.bulk2.Lead.get_failed_records(result[0]["job_id"]))
    assert len(failed) == 1 and failed[0]["Title"] == "Ghost"
    assert failed[0]["sf__Error"].startswith("NOT_FOUND:")


def test_upsert_contacts_by_external_id(sf: Salesforce) -> None:
    t = tag()
    existing = sf.Contact.create({"LastName": t, "Customer_Id__c": f"{t}-1",
                                  "Title": "Old"})["id"]
    result = sf.bulk2.Contact.upsert(records=[
        {"Customer_Id__c": f"{t}-1", "LastName": t, "Title": "New"},
        {"Customer_Id__c": f"{t}-2", "LastName": t, "Title": "Fresh"},
    ], external_id_field="Customer_Id__c", wait=0.1)
    assert result[0]["numberRecordsFailed"] == 0
    ok = {r["Customer_Id__c"]: r for r in rows_of(
        sf.bulk2.Contact.get_successful_records(result[0]["job_id"]))}
    assert ok[f"{t}-1"]["sf__Id"] == existing and ok[f"{t}-1"]["sf__Created"] == "false"
    assert ok[f"{t}-2"]["sf__Created"] == "true"
    assert sf.Contact.get(existing)["Title"] == "New"
    fresh = sf.Contact.get(ok[f"{t}-2"]["sf__Id"])
    assert fresh["Title"] == "Fresh" and fresh["Customer_Id__c"] == f"{t}-2"


def test_upsert_needs_an_external_id_field(raw: Raw) -> None:
    for extra in ({}, {"externalIdFieldName": "Title"}, {"externalIdFieldName": "Nope__c"}):
        resp = raw.call("POST", "ingest", json={"object": "Contact", "operation": "upsert",
                                                 **extra})
        assert resp.status_code == 400 and resp.json()[0]["errorCode"] == "INVALIDJOB"


def test_delete_sends_records_to_the_recycle_bin(sf: Salesforce) -> None:
    t = tag()
    ids = [sf.Lead.create({"LastName": t, "Company": "D"})["id"] for _ in range(3)]
    result = sf.bulk2.Lead.delete(records=[{"Id": i} for i in ids], wait=0.1)
    assert result[0]["numberRecordsProcessed"] == 3 and result[0]["numberRecordsFailed"] == 0
    soql = f"SELECT Id, IsDeleted FROM Lead WHERE LastName = '{t}'"
    assert sf.query(soql)["totalSize"] == 0
    assert {r["IsDeleted"] for r in sf.query_all(soql, include_deleted=True)["records"]} == {
        True}
    again = sf.bulk2.Lead.delete(records=[{"Id": ids[0]}], wait=0.1)
    assert again[0]["numberRecordsFailed"] == 1
    failed = rows_of(sf.bulk2.Lead.get_failed_records(again[0]["job_id"]))
    assert failed[0]["sf__Id"] == ids[0]
    assert failed[0]["sf__Error"] == "ENTITY_IS_DELETED:entity is deleted: --"


def test_hard_delete_is_for_administrators(raw: Raw, sf_admin: Salesforce) -> None:
    refused = raw.call("POST", "ingest", json={"object": "Lead", "operation": "hardDelete"})
    assert refused.status_code == 400
    rid = sf_admin.Lead.create({"LastName": tag(), "Company": "H"})["id"]
    result = sf_admin.bulk2.Lead.hard_delete(records=[{"Id": rid}], wait=0.1)
    assert result[0]["numberRecordsFailed"] == 0
    assert sf_admin.query_all(f"SELECT Id FROM Lead WHERE Id = '{rid}'",
                              include_deleted=True)["totalSize"] == 0


def test_ingest_job_lifecycle_over_raw_http(raw: Raw) -> None:
    t = tag()
    job = raw.call("POST", "ingest", json={"object": "Lead", "operation": "insert",
                                            "contentType": "CSV", "lineEnding": "LF"}).json()
    assert job["state"] == "Open"
    assert job["contentUrl"] == f"services/data/v59.0/jobs/ingest/{job['id']}/batches"
    early = raw.call("GET", f"ingest/{job['id']}/successfulResults/")
    assert early.status_code == 412
    data = f"LastName,Company\n{t},A\n{t},B\n"
    put = raw.call("PUT", f"ingest/{job['id']}/batches", data=data.encode(),
                   headers={"Content-Type": "text/csv"})
    assert put.status_code == 201 and put.content == b""
    second = raw.call("PUT", f"ingest/{job['id']}/batches", data=data.encode())
    assert second.status_code == 400
    closed = raw.call("PATCH", f"ingest/{job['id']}", json={"state": "UploadComplete"})
    assert closed.status_code == 200 and closed.json()["state"] == "UploadComplete"
    info = raw.wait("ingest", job["id"], {"JobComplete"})
    assert info["jobType"] == "V2Ingest"
    assert info["numberRecordsProcessed"] == 2 and info["numberRecordsFailed"] == 0
    late = raw.call("PUT", f"ingest/{job['id']}/batches", data=data.encode())
    assert late.status_code == 400 and late.json()[0]["errorCode"] == "INVALIDJOBSTATE"
    listing = raw.call("GET", "ingest").json()["records"]
    assert job["id"] in {r["id"] for r in listing}
    assert raw.call("DELETE", f"ingest/{job['id']}").status_code == 204
    assert raw.call("GET", f"ingest/{job['id']}").status_code == 404


def test_unprocessed_records_after_abort(raw: Raw, bulk: BulkApi, sf: Salesforce) -> None:
    t = tag()
    data = "LastName,Company\n" + "".join(f"{t},C{i}\n" for i in range(3))
    job = raw.ingest("Lead", "insert", data)
    aborted = raw.call("PATCH", f"ingest/{job['id']}", json={"state": "Aborted"})
    assert aborted.json()["state"] == "Aborted"
    unprocessed = raw.call("GET", f"ingest/{job['id']}/unprocessedrecords/")
    assert unprocessed.text == "LastName,Company\n" + "".join(
        f'"{t}","C{i}"\n' for i in range(3))
    assert raw.call("GET", f"ingest/{job['id']}/failedResults/").text == (
        '"sf__Id","sf__Error",LastName,Company\n')
    assert sf.query(f"SELECT Id FROM Lead WHERE LastName = '{t}'")["totalSize"] == 0


def test_abort_while_in_progress_keeps_processed_batches(raw: Raw, bulk: BulkApi,
                                                         sf: Salesforce) -> None:
    t = tag()
    data = "LastName,Company\n" + "".join(f"{t},C{i}\n" for i in range(450))
    job = raw.ingest("Lead", "insert", data)
    batches = []

    def abort_at_second_batch(job_id: str, phase: str) -> None:
        if job_id == job["id"] and phase == "batch":
            batches.append(phase)
            if len(batches) == 2:
                raw.call("PATCH", f"ingest/{job_id}", json={"state": "Aborted"})

    bulk.step_hook = abort_at_second_batch
    try:
        raw.call("PATCH", f"ingest/{job['id']}", json={"state": "UploadComplete"})
        info = raw.wait("ingest", job["id"], {"Aborted", "JobComplete"})
        time.sleep(0.2)  # the worker notices the abort at its next batch
        info = raw.call("GET", f"ingest/{job['id']}").json()
    finally:
        bulk.step_hook = None
    assert info["state"] == "Aborted" and info["numberRecordsProcessed"] == 200
    done = rows_of(raw.call("GET", f"ingest/{job['id']}/successfulResults/").text)
    rest = rows_of(raw.call("GET", f"ingest/{job['id']}/unprocessedrecords/").text)
    assert len(done) == 200 and len(rest) == 250
    assert rest[0]["Company"] == "C200"
    assert sf.query(f"SELECT COUNT() FROM Lead WHERE LastName = '{t}'")["totalSize"] == 200


def test_unknown_or_hidden_column_fails_the_job(sf: Salesforce, raw: Raw) -> None:
    with pytest.raises(SalesforceOperationError):
        sf.bulk2.Lead.insert(records=[{"LastName": tag(), "Company": "X", "Bogus__c": "1"}],
                             wait=0.1)
    job = raw.ingest("Lead", "insert", "LastName,Company,AnnualRevenue\nA,B,5\n")
    raw.call("PATCH", f"ingest/{job['id']}", json={"state": "UploadComplete"})
    info = raw.wait("ingest", job["id"], {"Failed", "JobComplete"})
    assert info["state"] == "Failed"
    assert info["errorMessage"] == "InvalidBatch : Field name not found : AnnualRevenue"
    assert rows_of(raw.call("GET", f"ingest/{job['id']}/unprocessedrecords/").text) == [
        {"LastName": "A", "Company": "B", "AnnualRevenue": "5"}]


def test_type_errors_and_read_only_fields_fail_rows(sf: Salesforce) -> None:
    t = tag()
    result = sf.bulk2.Lead.insert(records=[
        {"LastName": t, "Company": "T", "NumberOfEmployees": "many", "Lead_Score__c": ""},
        {"LastName": t, "Company": "T", "NumberOfEmployees": "12", "Lead_Score__c": "3"},
        {"LastName": t, "Company": "T", "NumberOfEmployees": "12", "Lead_Score__c": ""},
    ], wait=0.1)
    failed = rows_of(sf.bulk2.Lead.get_failed_records(result[0]["job_id"]))
    errors = sorted(r["sf__Error"] for r in failed)
    assert errors[0].startswith("INVALID_FIELD_FOR_INSERT_UPDATE:")
    assert errors[1] == ("INVALID_TYPE_ON_FIELD_IN_RECORD:Employees: value not of required "
                         "type: many:NumberOfEmployees --")
    rows = sf.query(f"SELECT NumberOfEmployees FROM Lead WHERE LastName = '{t}'")["records"]
    assert [r["NumberOfEmployees"] for r in rows] == [12]


def test_ingest_with_semicolons_and_crlf(raw: Raw, sf: Salesforce) -> None:
    t = tag()
    job = raw.call("POST", "ingest", json={"object": "Lead", "operation": "insert",
                                            "columnDelimiter": "SEMICOLON",
                                            "lineEnding": "CRLF"}).json()
    data = f'LastName;Company;Description\r\n{t};"A;B";"line1\r\nline2"\r\n'
    assert raw.call("PUT", f"ingest/{job['id']}/batches", data=data.encode()).status_code == 201
    raw.call("PATCH", f"ingest/{job['id']}", json={"state": "UploadComplete"})
    raw.wait("ingest", job["id"], {"JobComplete"})
    rec = sf.query(f"SELECT Company, Description FROM Lead WHERE LastName = '{t}'")[
        "records"][0]
    assert rec["Company"] == "A;B" and rec["Description"] == "line1\r\nline2"
    ok = raw.call("GET", f"ingest/{job['id']}/successfulResults").text
    assert ok.startswith('"sf__Id";"sf__Created";LastName;Company;Description\r\n')
