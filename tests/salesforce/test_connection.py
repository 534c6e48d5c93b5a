"""SalesforceConnection against the local org over real HTTPS (the real simple-salesforce
client underneath), with faults injected through the org's control API."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from sfsync_gui.localorg.control import Control
from sfsync_gui.localorg.server import RunningOrg
from sfsync_gui.salesforce import (
    ApiLimitReached,
    NeedsSignIn,
    QueryError,
    RecordRejected,
    SalesforceConnection,
    SalesforceError,
    StaticTokens,
    TransientError,
    record_error,
)
from sfsync_gui.salesforce.connection import strip_attributes

from .conftest import SEED_LEADS, ConnFactory


def tag() -> str:
    return f"T{uuid.uuid4().hex[:12]}"


def lead(last_name: str, **extra: Any) -> dict[str, Any]:
    return {"attributes": {"type": "Lead"}, "LastName": last_name, "Company": "Acme",
            **extra}


def fired(control: Control, fault: dict[str, Any]) -> int:
    return next(f for f in control.list_faults() if f["id"] == fault["id"])["fired"]


def no_attributes(value: Any) -> bool:
    if isinstance(value, dict):
        return "attributes" not in value and all(no_attributes(v) for v in value.values())
    if isinstance(value, list):
        return all(no_attributes(v) for v in value)
    return True


# -- queries -----------------------------------------------------------------------------


def test_query_pages_follow_next_records_url(conn: SalesforceConnection) -> None:
    total = conn.count("FROM Lead")
    assert total > 600
    calls = conn.calls
    pages = list(conn.query_pages(
        "SELECT Id, LastName, Owner.Name FROM Lead ORDER BY Id", batch_size=200))
    assert [len(p) for p in pages[:-1]] == [200] * (len(pages) - 1)
    assert 0 < len(pages[-1]) <= 200
    ids = [r["Id"] for page in pages for r in page]
    assert len(ids) == total == len(set(ids))
    assert ids == sorted(ids)
    assert conn.calls - calls == len(pages)  # one call per page
    assert no_attributes(pages)
    first = pages[0][0]
    assert set(first) == {"Id", "LastName", "Owner"}
    assert set(first["Owner"]) == {"Name"}
    assert type(first) is dict  # plain dicts, not OrderedDict


def test_query_pages_is_lazy_and_checks_batch_size(conn: SalesforceConnection) -> None:
    pages = conn.query_pages("SELECT Id FROM Lead")
    assert conn.calls == 0
    assert len(next(pages)) > 0
    assert conn.calls == 1
    with pytest.raises(ValueError, match="batch_size"):
        next(conn.query_pages("SELECT Id FROM Lead", batch_size=100))


def test_query_all_includes_deleted_records(conn: SalesforceConnection) -> None:
    name = tag()
    [created] = conn.create([lead(name)])
    assert conn.delete([created["id"]])[0]["success"]
    soql = f"SELECT Id, IsDeleted FROM Lead WHERE LastName = '{name}'"
    assert [r for p in conn.query_pages(soql) for r in p] == []
    deleted = [r for p in conn.query_pages(soql, include_deleted=True) for r in p]
    assert deleted == [{"Id": created["id"], "IsDeleted": True}]
    assert conn.count(f"Lead WHERE LastName = '{name}'") == 0
    assert conn.count(f"FROM Lead WHERE LastName = '{name}'", include_deleted=True) == 1


def test_bad_soql_is_a_query_error(conn: SalesforceConnection) -> None:
    with pytest.raises(QueryError) as exc:
        next(conn.query_pages("SELECT Id, NoSuchField__c FROM Lead"))
    assert exc.value.code == "INVALID_FIELD"
    assert exc.value.status == 400
    with pytest.raises(QueryError) as exc:
        conn.count("FROM NoSuchObject")
    assert exc.value.code == "INVALID_TYPE"
    # a field the sync user cannot read is refused the same way
    with pytest.raises(QueryError, match="INVALID_FIELD"):
        next(conn.query_pages("SELECT Id, AnnualRevenue FROM Lead"))


def test_strip_attributes_reaches_parents_and_child_records() -> None:
    rec = {"attributes": {"type": "Account"}, "Id": "001",
           "Owner": {"attributes": {"type": "User"}, "Name": "A",
                     "Manager": {"attributes": {"type": "User"}, "Name": "B"}},
           "Contacts": {"totalSize": 1, "done": True,
                        "records": [{"attributes": {"type": "Contact"}, "Id": "003"}]},
           "Parent": None}
    assert strip_attributes([rec]) == [{
        "Id": "001", "Owner": {"Name": "A", "Manager": {"Name": "B"}},
        "Contacts": {"totalSize": 1, "done": True, "records": [{"Id": "003"}]},
        "Parent": None}]


# -- usage accounting ----------------------------------------------------------------------


def test_usage_counts_every_kind_of_call(conn: SalesforceConnection, org: RunningOrg) -> None:
    assert conn.usage is None
    now = datetime.now(UTC)
    name = tag()
    state: dict[str, Any] = {}

    def bulk() -> None:
        rows = [r for page in conn.bulk_query("SELECT Id FROM Lead", max_records=300)
                for r in page]
        assert len(rows) >= SEED_LEADS - 50

    steps = [
        ("count", 1, lambda: conn.count("Lead")),
        ("query pages", 4, lambda: list(conn.query_pages("SELECT Id FROM Lead",
                                                          batch_size=200))),
        ("describe", 1, lambda: state.update(lm=conn.describe("Lead")[1])),
        ("describe 304", 1, lambda: conn.describe("Lead", if_modified_since=state["lm"])),
        ("describe global", 1, conn.describe_global),
        ("limits", 1, conn.limits),
        ("batch", 1, lambda: conn.batch([{"method": "GET", "url": "limits"}])),
        ("create", 1, lambda: state.update(id=conn.create([lead(name)])[0]["id"])),
        ("update", 1, lambda: conn.update([{"attributes": {"type": "Lead"},
                                            "Id": state["id"], "Title": "CFO"}])),
        ("SFType updated", 1, lambda: conn.get_updated("Lead", now - timedelta(days=1),
                                                       now + timedelta(minutes=1))),
        ("SFType deleted", 1, lambda: conn.get_deleted("Lead", now - timedelta(days=1),
                                                       now + timedelta(minutes=1))),
        ("delete", 1, lambda: conn.delete([state["id"]])),
        # create job, at least one poll, three pages, delete job
        ("bulk query", 6, bulk),
    ]
    for label, at_least, step in steps:
        calls = conn.calls
        before = conn.usage
        step()
        after = conn.usage
        assert after is not None, label
        assert conn.calls - calls >= at_least, label
        assert after.calls_this_session == conn.calls, label
        assert after.limit == 15000, label
        if before is not None:
            # the org counts exactly what this connection sent (it is alone on the org)
            assert after.used - before.used == conn.calls - calls, label
    limits = conn.limits()
    usage = conn.usage
    assert usage is not None
    daily = limits["DailyApiRequests"]
    assert usage.used == daily["Max"] - daily["Remaining"]
    assert usage.remaining == daily["Remaining"]


# -- describe --------------------------------------------------------------------------------


def test_describe_answers_304_until_the_object_changes(
    conn: SalesforceConnection, control: Control
) -> None:
    describe, last_modified = conn.describe("Lead")
    assert describe is not None and describe["name"] == "Lead"
    assert last_modified and last_modified.endswith("GMT")
    assert conn.describe("Lead", if_modified_since=last_modified) == (None, last_modified)
    # HTTP dates have whole seconds: move on before the change so it is a later second
    control.advance_clock(seconds=2)
    field = f"R{uuid.uuid4().hex[:8]}__c"
    control.add_field("Lead", field, "string", length=20)
    changed, newer = conn.describe("Lead", if_modified_since=last_modified)
    assert changed is not None and newer is not None and newer != last_modified
    assert field in {f["name"] for f in changed["fields"]}
    assert conn.describe("Lead", if_modified_since=newer) == (None, newer)


def test_describe_global_and_limits(conn: SalesforceConnection) -> None:
    names = {o["name"] for o in conn.describe_global()["sobjects"]}
    assert {"Lead", "Contact", "Account"} <= names
    assert conn.limits()["DailyApiRequests"]["Max"] == 15000
    with pytest.raises(SalesforceError) as exc:
        conn.describe("NoSuchThing")
    assert exc.value.status == 404
    with pytest.raises(ValueError):
        conn.describe("Lead/../x")


# -- composite/batch ---------------------------------------------------------------------------


def test_batch_splits_into_calls_of_25(conn: SalesforceConnection) -> None:
    ids = [r["Id"] for r in next(conn.query_pages(
        "SELECT Id FROM Lead ORDER BY Id LIMIT 60", batch_size=200))]
    assert len(ids) == 60
    subs = [{"method": "GET", "url": f"sobjects/Lead/{rid}?fields=Id,LastName"} for rid in ids]
    subs.insert(30, {"method": "GET", "url": "sobjects/Lead/00Q000000000000AAA"})
    subs.append({"method": "GET", "url": "/v59.0/limits"})  # already versioned: kept
    calls = conn.calls
    results = conn.batch(subs)
    assert conn.calls - calls == 3  # 62 subrequests: 25 + 25 + 12
    assert len(results) == 62
    got = [r["result"]["Id"] for r in results if r["statusCode"] == 200 and "Id" in r["result"]]
    assert got == ids  # in order, across the splits
    assert results[30]["statusCode"] == 404  # a failed subrequest is data
    assert results[30]["result"][0]["errorCode"] == "NOT_FOUND"
    assert "DailyApiRequests" in results[-1]["result"]
    assert conn.batch([]) == []


# -- collections ---------------------------------------------------------------------------------


def test_create_update_delete_450_with_mixed_failures_in_order(
    conn: SalesforceConnection,
) -> None:
    name = tag()
    records = []
    for i in range(450):
        rec = lead(f"{name}-{i:03d}")
        if i % 7 == 3:
            del rec["Company"]  # REQUIRED_FIELD_MISSING
        records.append(rec)
    calls = conn.calls
    created = conn.create(records)
    assert conn.calls - calls == 3  # 200 + 200 + 50
    assert len(created) == 450
    for i, res in enumerate(created):
        if i % 7 == 3:
            assert not res["success"]
            assert res["errors"][0]["statusCode"] == "REQUIRED_FIELD_MISSING"
            assert "Company" in res["errors"][0]["fields"]
            err = record_error(res)
            assert isinstance(err, RecordRejected) and err.fields == ["Company"]
        else:
            assert res["success"] and res["id"].startswith("00Q")
            assert record_error(res) is None
    ok_ids = [r["id"] for r in created if r["success"]]
    # the ids come back in input order: each one is the record sent at that position
    stored = {r["Id"]: r["LastName"] for p in conn.query_pages(
        f"SELECT Id, LastName FROM Lead WHERE Company = 'Acme' AND LastName LIKE '{name}%'")
        for r in p}
    for i, res in enumerate(created):
        if res["success"]:
            assert stored[res["id"]] == f"{name}-{i:03d}"

    updates = []
    for i, rid in enumerate(ok_ids):
        email = "not-an-email" if i % 11 == 0 else f"{name.lower()}{i}@example.org"
        updates.append({"attributes": {"type": "Lead"}, "Id": rid, "Email": email})
    calls = conn.calls
    updated = conn.update(updates)
    assert conn.calls - calls == 2  # 385 records: 200 + 185
    assert len(updated) == len(ok_ids)
    for i, (rid, res) in enumerate(zip(ok_ids, updated, strict=True)):
        assert res["id"] == rid
        if i % 11 == 0:
            assert not res["success"]
            assert res["errors"][0]["statusCode"] == "INVALID_EMAIL_ADDRESS"
            assert isinstance(record_error(res), RecordRejected)
        else:
            assert res["success"], res
    emails = {r["Id"]: r["Email"] for p in conn.query_pages(
        f"SELECT Id, Email FROM Lead WHERE LastName LIKE '{name}%'") for r in p}
    for i, (upd, res) in enumerate(zip(updates, updated, strict=True)):
        assert emails[upd["Id"]] == (upd["Email"] if res["success"] else None), i

    missing = "00Q000000000000AAA"
    doomed = [*ok_ids[:150], missing, *ok_ids[150:]]
    deleted = conn.delete(doomed)
    assert [r.get("id") for r in deleted] == doomed
    assert [r["success"] for r in deleted] == [rid != missing for rid in doomed]
    assert conn.count(f"Lead WHERE LastName LIKE '{name}%'") == 0


def test_collections_refuse_records_without_type_or_id(conn: SalesforceConnection) -> None:
    with pytest.raises(ValueError, match=r"attributes\.type"):
        conn.create([{"LastName": "x", "Company": "y"}])
    with pytest.raises(ValueError, match="Id"):
        conn.update([{"attributes": {"type": "Lead"}, "Title": "x"}])
    with pytest.raises(ValueError, match="Id"):
        conn.delete(["not an id"])
    assert conn.calls == 0  # refused before anything was sent
    assert conn.create([]) == [] and conn.delete([]) == []


def test_failed_chunk_reports_the_results_before_it(
    conn: SalesforceConnection, control: Control
) -> None:
    name = tag()
    control.add_fault("server_error", path="/composite/sobjects", method="POST", after=1,
                      times=1)
    with pytest.raises(TransientError) as exc:
        conn.create([lead(f"{name}-{i}") for i in range(450)])
    assert exc.value.status == 500
    done = exc.value.completed
    assert done is not None and len(done) == 200 and all(r["success"] for r in done)
    assert conn.count(f"Lead WHERE LastName LIKE '{name}%'") == 200


# -- updated / deleted ----------------------------------------------------------------------------


def test_get_updated_and_deleted(conn: SalesforceConnection, control: Control) -> None:
    def org_now() -> datetime:
        return datetime.fromisoformat(control.clock()["now"].replace("+0000", "+00:00"))

    start = org_now() - timedelta(minutes=1)
    [res] = conn.create([lead(tag())])
    conn.delete([res["id"]])
    [kept] = conn.create([lead(tag())])
    # Salesforce covers whole minutes up to now: let the org clock pass the next minute
    control.advance_clock(minutes=2)
    end = org_now()
    updated = conn.get_updated("Lead", start, end)
    assert kept["id"] in updated["ids"] and updated["latestDateCovered"]
    assert res["id"] not in updated["ids"]  # deleted records are for get_deleted
    deleted = conn.get_deleted("Lead", start, end)
    assert res["id"] in [d["id"] for d in deleted["deletedRecords"]]
    with pytest.raises(SalesforceError) as exc:
        conn.get_updated("Lead", end, start)
    assert exc.value.code == "INVALID_REPLICATION_DATE"


def test_naive_datetimes_are_refused(conn: SalesforceConnection) -> None:
    naive = datetime(2024, 1, 1)
    aware = datetime(2024, 1, 2, tzinfo=UTC)
    with pytest.raises(ValueError, match="timezone-aware"):
        conn.get_updated("Lead", naive, aware)
    with pytest.raises(ValueError, match="end must be timezone-aware"):
        conn.get_deleted("Lead", aware, naive.replace(day=3))
    assert conn.calls == 0


# -- tokens: one refresh, then NeedsSignIn --------------------------------------------------------


@pytest.mark.parametrize(("path", "call"), [
    ("/query", lambda c: c.count("Lead")),
    ("/sobjects/Lead/updated", lambda c: c.get_updated(
        "Lead", datetime.now(UTC) - timedelta(days=1), datetime.now(UTC))),
    ("/sobjects/Lead/describe", lambda c: c.describe("Lead")),
    ("/composite/sobjects", lambda c: c.delete(["00Q000000000000AAA"])),
    ("/jobs/query", lambda c: list(c.bulk_query("SELECT Id FROM Lead LIMIT 5"))),
], ids=["query", "sftype-updated", "describe", "collections", "bulk"])
def test_401_is_refreshed_transparently_once(
    make_conn: ConnFactory, control: Control, path: str, call: Any
) -> None:
    conn = make_conn()
    conn.limits()  # signed in
    tokens = conn.tokens
    first = tokens.access_token()
    fault = control.add_fault("invalid_session", path=path, times=1)
    call(conn)  # no exception
    assert fired(control, fault) == 1
    assert tokens.refreshes == 2  # the first sign-in, then the one refresh
    assert tokens.access_token() != first
    conn.limits()  # the new token keeps working
    assert tokens.refreshes == 2


def test_401_after_a_successful_refresh_is_transient(make_conn: ConnFactory,
                                                     control: Control) -> None:
    # the token endpoint just accepted the credentials: not a reason to ask for sign-in
    conn = make_conn()
    conn.limits()
    control.add_fault("invalid_session", path="/query", times=2)
    with pytest.raises(TransientError) as exc:
        conn.count("Lead")
    assert not isinstance(exc.value, NeedsSignIn)
    assert exc.value.status == 401
    assert exc.value.code == "INVALID_SESSION_ID"
    assert "retrying later" in str(exc.value)
    assert conn.tokens.refreshes == 2  # sign-in + exactly one refresh, no loop
    assert conn.count("Lead") > 0  # and the next call works (one more refresh)
    for token in conn.tokens.issued:
        assert_no_secret(exc.value, token)


def test_static_tokens_without_a_way_to_renew(org: RunningOrg, control: Control,
                                              make_conn: ConnFactory) -> None:
    token = make_conn().tokens.access_token()
    conn = SalesforceConnection(StaticTokens(token, org.facts.instance_url),
                                ca_file=org.facts.ca_file)
    assert conn.count("Lead") > 0
    control.add_fault("invalid_session", path="/query", times=1)
    with pytest.raises(NeedsSignIn, match="no way to renew"):
        conn.count("Lead")
    assert_no_secret(conn, token)


def test_static_tokens_refresh_callable(org: RunningOrg, control: Control,
                                        make_conn: ConnFactory) -> None:
    source = make_conn().tokens
    renewals: list[str] = []

    def renew() -> str:
        renewals.append(source.refresh())
        return renewals[-1]

    conn = SalesforceConnection(StaticTokens(source.access_token(), org.facts.instance_url,
                                             refresh=renew), ca_file=org.facts.ca_file)
    control.add_fault("invalid_session", path="/query", times=1)
    assert conn.count("Lead") > 0
    assert len(renewals) == 1
    assert conn.tokens.access_token() == renewals[0]


def test_invalid_client_secret_needs_sign_in_without_the_secret(org: RunningOrg) -> None:
    from sfsync_gui.salesforce import ClientCredentialsTokens

    f = org.facts
    secret = "Wr0ngSecret-" + uuid.uuid4().hex
    tokens = ClientCredentialsTokens(f.login_url, f.client_id, secret, ca_file=f.ca_file)
    conn = SalesforceConnection(tokens, ca_file=f.ca_file)
    with pytest.raises(NeedsSignIn) as exc:
        conn.count("Lead")
    err = exc.value
    assert err.code == "invalid_client"
    assert f.login_url in err.message and "refused the sign-in" in err.message
    assert conn.calls == 0  # nothing reached the API
    assert_no_secret(err, secret)
    assert_no_secret(tokens, secret)
    assert_no_secret(conn, secret)
    bad_id = ClientCredentialsTokens(f.login_url, "nobody", f.client_secret, ca_file=f.ca_file)
    with pytest.raises(NeedsSignIn) as exc:
        bad_id.access_token()
    assert exc.value.code == "invalid_client_id"
    assert_no_secret(exc.value, f.client_secret)


def test_untrusted_certificate_is_permanent(org: RunningOrg) -> None:
    from sfsync_gui.salesforce import ClientCredentialsTokens

    f = org.facts
    tokens = ClientCredentialsTokens(f.login_url, f.client_id, f.client_secret)  # system CAs
    with pytest.raises(SalesforceError) as exc:
        tokens.access_token()
    assert type(exc.value) is SalesforceError
    assert exc.value.code == "CERTIFICATE_VERIFY_FAILED"
    assert_no_secret(exc.value, f.client_secret)


# -- faults -> error classes ----------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "status", "code"), [
    ("service_unavailable", 503, "SERVER_UNAVAILABLE"),
    ("server_error", 500, "UNKNOWN_EXCEPTION"),
    ("drop", None, "CONNECTION_ERROR"),
])
def test_server_faults_are_transient(conn: SalesforceConnection, control: Control,
                                     kind: str, status: int | None, code: str) -> None:
    control.add_fault(kind, path="/query", times=1)
    with pytest.raises(TransientError) as exc:
        conn.count("Lead")
    assert exc.value.status == status
    assert exc.value.code == code
    assert conn.count("Lead") > 0  # not retried inside: the next call simply works


def test_row_lock_is_transient(conn: SalesforceConnection, control: Control) -> None:
    # collections answer 200 with every record refused: data, transient per record
    control.add_fault("unable_to_lock_row", path="/composite/sobjects", times=1)
    results = conn.create([lead(tag()), lead(tag())])
    assert [r["errors"][0]["statusCode"] for r in results] == ["UNABLE_TO_LOCK_ROW"] * 2
    assert all(isinstance(record_error(r), TransientError) for r in results)
    # any other write answers 400 UNABLE_TO_LOCK_ROW: raised as transient
    control.add_fault("unable_to_lock_row", path="/composite/batch", times=1)
    with pytest.raises(TransientError) as exc:
        conn.batch([{"method": "GET", "url": "limits"}])
    assert exc.value.code == "UNABLE_TO_LOCK_ROW" and exc.value.status == 400


def test_time_out_is_transient(make_conn: ConnFactory, control: Control) -> None:
    conn = make_conn(timeout=0.5)
    conn.limits()
    control.add_fault("slow", path="/query", delay=2, times=1)
    with pytest.raises(TransientError) as exc:
        conn.count("Lead")
    assert exc.value.code == "TIMEOUT" and exc.value.status is None


def test_request_limit_stops_the_cycle(conn: SalesforceConnection, control: Control) -> None:
    control.add_fault("request_limit", times=2)
    with pytest.raises(ApiLimitReached) as exc:
        conn.limits()
    assert exc.value.code == "REQUEST_LIMIT_EXCEEDED" and exc.value.status == 403
    assert "TotalRequests" in str(exc.value)
    with pytest.raises(ApiLimitReached):
        list(conn.bulk_query("SELECT Id FROM Lead"))


def test_daily_allowance_spent_for_real(tmp_path: Any) -> None:
    from sfsync_gui.localorg.server import start_local_org
    from sfsync_gui.salesforce import ClientCredentialsTokens

    with start_local_org(tmp_path, seed=10, api_limit=3) as small:
        f = small.facts
        conn = SalesforceConnection(
            ClientCredentialsTokens(f.login_url, f.client_id, f.client_secret,
                                    ca_file=f.ca_file), ca_file=f.ca_file)
        with pytest.raises(ApiLimitReached):
            for _ in range(10):
                conn.limits()
        usage = conn.usage
        assert usage is not None and usage.limit == 3


# -- secrets ---------------------------------------------------------------------------------------


def assert_no_secret(obj: object, secret: str) -> None:
    """``secret`` is in neither str nor repr of ``obj``, nor of any exception it chains."""
    seen: set[int] = set()
    todo = [obj]
    while todo:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        assert secret not in str(item), item
        assert secret not in repr(item), item
        if isinstance(item, BaseException):
            assert all(secret not in str(a) for a in item.args)
            todo += [item.__cause__, item.__context__]


def test_no_token_in_any_error_text(org: RunningOrg, make_conn: ConnFactory,
                                    control: Control) -> None:
    conn = make_conn()
    conn.limits()
    token = conn.tokens.access_token()
    errors: list[BaseException] = []
    for kind in ("server_error", "service_unavailable", "drop", "request_limit"):
        control.add_fault(kind, path="/query", times=1)
        with pytest.raises(SalesforceError) as exc:
            conn.count("Lead")
        errors.append(exc.value)
    with pytest.raises(QueryError) as exc:
        conn.count("FROM Nothing")
    errors.append(exc.value)
    control.add_fault("invalid_session", path="/query", times=2)
    with pytest.raises(TransientError) as exc:
        conn.count("Lead")
    errors.append(exc.value)
    for err in errors:
        for secret in (token, *conn.tokens.issued, org.facts.client_secret):
            assert_no_secret(err, secret)
    assert_no_secret(conn, token)
    assert_no_secret(conn.tokens, token)
