"""Bulk API 2.0 queries through SalesforceConnection against the local org: every row
exactly once, resume from a checkpointed locator, polling, typing, clean-up."""

from __future__ import annotations

import time
from typing import Any

import pytest
import requests

from sfsync_gui.localorg.bulk import bulk_api_of
from sfsync_gui.localorg.control import Control
from sfsync_gui.localorg.server import RunningOrg
from sfsync_gui.salesforce import (
    BulkPage,
    QueryError,
    SalesforceConnection,
    SalesforceError,
    TransientError,
)
from sfsync_gui.salesforce.bulk import iter_lines, parse_csv

from .conftest import ConnFactory


def job_exists(org: RunningOrg, conn: SalesforceConnection, job_id: str) -> bool:
    s = requests.Session()
    s.trust_env = False
    s.verify = org.facts.ca_file
    resp = s.get(f"{org.facts.instance_url}/services/data/v59.0/jobs/query/{job_id}",
                 headers={"Authorization": f"Bearer {conn.tokens.access_token()}"})
    assert resp.status_code in (200, 404), resp.text
    return resp.status_code == 200


def rest_ids(conn: SalesforceConnection, soql: str, **kw: Any) -> list[str]:
    return [r["Id"] for page in conn.query_pages(soql, **kw) for r in page]


def test_every_row_exactly_once_with_small_pages(
    org: RunningOrg, conn: SalesforceConnection
) -> None:
    soql = "SELECT Id, LastName FROM Lead"
    pages = list(conn.bulk_query(soql, max_records=64))
    assert all(isinstance(p, BulkPage) for p in pages)
    assert [len(p) for p in pages[:-1]] == [64] * (len(pages) - 1)
    ids = [r["Id"] for p in pages for r in p]
    assert len(ids) == len(set(ids))
    assert sorted(ids) == sorted(rest_ids(conn, soql))
    # pages chain: each one was fetched with the locator the one before handed out
    job_id = pages[0].job_id
    assert all(p.job_id == job_id for p in pages)
    assert pages[0].locator is None and pages[-1].next_locator is None
    assert [p.locator for p in pages[1:]] == [p.next_locator for p in pages[:-1]]
    assert not job_exists(org, conn, job_id)  # deleted once the last page was consumed


def test_resume_from_a_checkpointed_locator(
    org: RunningOrg, make_conn: ConnFactory
) -> None:
    soql = "SELECT Id FROM Lead"
    first = make_conn()
    seen: list[str] = []
    checkpoint: tuple[str, str | None] | None = None
    pages = first.bulk_query(soql, max_records=100)
    for i, page in enumerate(pages):
        seen += [r["Id"] for r in page]
        checkpoint = (page.job_id, page.next_locator)  # stored with the page's records
        if i == 2:
            break  # "crash" after the third page
    pages.close()
    assert checkpoint is not None and checkpoint[1] is not None
    assert job_exists(org, first, checkpoint[0])  # kept for the resume
    # a new process: new connection, new token
    second = make_conn()
    resumed = list(second.bulk_resume(*checkpoint, max_records=100))
    assert resumed[0].locator == checkpoint[1]
    seen += [r["Id"] for p in resumed for r in p]
    assert len(seen) == len(set(seen))
    assert sorted(seen) == sorted(rest_ids(second, soql))
    assert not job_exists(org, second, checkpoint[0])
    # the job is gone: resuming again says so
    with pytest.raises(SalesforceError) as exc:
        next(second.bulk_resume(*checkpoint))
    assert exc.value.status == 404


def test_start_then_resume_from_the_beginning(conn: SalesforceConnection) -> None:
    job_id = conn.start_bulk_query("SELECT Id FROM Lead WHERE IsConverted = true")
    rows = [r for p in conn.bulk_resume(job_id) for r in p]
    assert sorted(r["Id"] for r in rows) == sorted(
        rest_ids(conn, "SELECT Id FROM Lead WHERE IsConverted = true"))


def test_bulk_rows_match_rest_records(conn: SalesforceConnection) -> None:
    describe, _ = conn.describe("Lead")
    assert describe is not None
    types = {f["name"]: f["type"] for f in describe["fields"]}
    fields = ["Id", "LastName", "Email", "IsConverted", "IsDeleted", "NumberOfEmployees",
              "SystemModstamp", "CreatedDate", "ConvertedDate", "Status"]
    soql = f"SELECT {', '.join(fields)}, Owner.Name, ConvertedAccount.Name FROM Lead"
    row_types = {name: types[name] for name in fields}
    bulk = {r["Id"]: r for p in conn.bulk_query(soql, row_types=row_types) for r in p}
    rest = {r["Id"]: r for p in conn.query_pages(soql) for r in p}
    assert bulk == rest
    converted = [r for r in rest.values() if r["IsConverted"]]
    assert converted and any(r["ConvertedAccount"] for r in converted)
    assert any(r["ConvertedAccount"] is None for r in rest.values())


def test_include_deleted_uses_query_all(conn: SalesforceConnection) -> None:
    [res] = conn.create([{"attributes": {"type": "Lead"}, "LastName": "BulkGone",
                          "Company": "Acme"}])
    conn.delete([res["id"]])
    soql = f"SELECT Id, IsDeleted FROM Lead WHERE Id = '{res['id']}'"
    assert [r for p in conn.bulk_query(soql) for r in p] == []
    rows = [r for p in conn.bulk_query(soql, include_deleted=True,
                                       row_types={"IsDeleted": "boolean"}) for r in p]
    assert rows == [{"Id": res["id"], "IsDeleted": True}]


def test_empty_result_is_one_empty_last_page(conn: SalesforceConnection) -> None:
    pages = list(conn.bulk_query("SELECT Id FROM Lead WHERE LastName = 'no such name'"))
    assert len(pages) == 1 and pages[0] == [] and pages[0].next_locator is None


def test_refused_query_is_a_query_error(conn: SalesforceConnection) -> None:
    with pytest.raises(QueryError) as exc:
        list(conn.bulk_query("SELECT Id, NoSuchField__c FROM Lead"))
    assert exc.value.code == "INVALID_FIELD"
    with pytest.raises(ValueError):
        next(conn.bulk_resume("not/a/job"))


def test_job_that_fails_while_running(org: RunningOrg, control: Control,
                                      make_conn: ConnFactory) -> None:
    """Access removed between creating the job and running it: Failed -> QueryError."""
    api = bulk_api_of(org._server.app)
    conn = make_conn(bulk_poll_initial=0.01)
    with api.hold("start"):
        job_id = conn.start_bulk_query("SELECT Id, Title FROM Lead")
        control.set_access("Lead", "Title", readable=False)
    try:
        with pytest.raises(QueryError) as exc:
            list(conn.bulk_resume(job_id))
        assert exc.value.code == "INVALID_FIELD"
    finally:
        control.set_access("Lead", "Title", readable=True, editable=True)


def test_polling_backs_off_and_waits_out_transient_errors(
    org: RunningOrg, control: Control, make_conn: ConnFactory
) -> None:
    api = bulk_api_of(org._server.app)
    held = api.hold("start")  # the job stays UploadComplete until the fourth wait
    waits: list[float] = []

    def fake_sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 4:
            held.__exit__(None, None, None)
        elif len(waits) > 4:
            time.sleep(0.01)  # the worker runs for real now: do not hammer it

    conn = make_conn(bulk_poll_initial=0.25, bulk_poll_max=1.0, sleep=fake_sleep)
    held.__enter__()
    try:
        job_id = conn.start_bulk_query("SELECT Id FROM Lead LIMIT 10")
        # two failed polls in a row are waited out (three are tolerated)
        control.add_fault("service_unavailable", path=r"/jobs/query/[^/]+/?$", method="GET",
                          times=2)
        rows = [r for p in conn.bulk_resume(job_id) for r in p]
    finally:
        if len(waits) < 4:
            held.__exit__(None, None, None)
    assert len(rows) == 10
    assert waits[:4] == [0.25, 0.5, 1.0, 1.0]
    assert max(waits) == 1.0


def test_too_many_transient_poll_errors_raise(control: Control,
                                              make_conn: ConnFactory) -> None:
    conn = make_conn(sleep=lambda s: None, bulk_poll_errors=2)
    job_id = conn.start_bulk_query("SELECT Id FROM Lead LIMIT 3")
    control.add_fault("server_error", path=r"/jobs/query/[^/]+/?$", method="GET", times=3)
    with pytest.raises(TransientError) as exc:
        next(conn.bulk_resume(job_id))
    assert exc.value.status == 500
    control.clear_faults()
    assert len([r for p in conn.bulk_resume(job_id) for r in p]) == 3  # resumable


def test_dropped_page_is_transient_and_resumable(control: Control,
                                                 conn: SalesforceConnection) -> None:
    job_id = conn.start_bulk_query("SELECT Id FROM Lead")
    control.add_fault("drop", path="/results", times=1)
    with pytest.raises(TransientError) as exc:
        list(conn.bulk_resume(job_id, max_records=100))
    assert exc.value.code == "CONNECTION_ERROR"
    assert len([r for p in conn.bulk_resume(job_id, max_records=100) for r in p]) > 600


# -- CSV ------------------------------------------------------------------------------------


def test_csv_values_nulls_parents_and_types() -> None:
    text = (
        '"Id","Name","Owner.Name","Owner.Manager.Name","IsX","N","D","Amount","When","Note"\n'
        '"1","A, B","Ann","","true","7","","1.5","2024-01-02T03:04:05.000Z","line1\r\nline2"\n'
        '"2","","","","false","","","","",""\n'
    )
    chunks = [text.encode()[i:i + 7] for i in range(0, len(text.encode()), 7)]
    types = {"IsX": "boolean", "N": "int", "Amount": "currency", "When": "datetime",
             "Owner.Name": str.upper}
    rows = parse_csv(iter_lines(chunks), types)
    assert rows == [
        {"Id": "1", "Name": "A, B", "Owner": {"Name": "ANN", "Manager": None}, "IsX": True,
         "N": 7, "D": None, "Amount": 1.5, "When": "2024-01-02T03:04:05.000+0000",
         "Note": "line1\r\nline2"},
        {"Id": "2", "Name": None, "Owner": None, "IsX": False, "N": None, "D": None,
         "Amount": None, "When": None, "Note": None},
    ]
    assert parse_csv(iter_lines([])) == []


def test_iter_lines_keeps_multibyte_characters_split_across_chunks() -> None:
    data = '"Id","Name"\n"1","Hébert Dell\'Acqua ✓"\n'.encode()
    chunks = [data[i:i + 1] for i in range(len(data))]
    assert parse_csv(iter_lines(chunks)) == [{"Id": "1", "Name": "Hébert Dell'Acqua ✓"}]
