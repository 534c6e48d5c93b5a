"""Every command in-process against a local org over HTTPS, connected through the
SFSYNC_* variables as an unattended setup would be."""

from __future__ import annotations

import json
import os
import re
import signal
import threading
from pathlib import Path

import pytest

from sfsync_gui.cli import main
from sfsync_gui.localorg.server import RunningOrg

from .conftest import Run, salesforce

pytestmark = pytest.mark.usefixtures("org_env")

WEIRD = "O'Brien \"Q\" \\ SELECT Id FROM Lead WHERE Name LIKE '%' OR 1=1 -- ünï 名 😀"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, org_env: dict) -> Path:
    """A store that has done its first sync with the module's org."""
    path = tmp_path_factory.mktemp("store") / "sfsync.db"
    assert main(["sync", "--once", "--db", str(path)]) == 0
    return path


def jrun(run: Run, *argv: str | Path) -> object:
    r = run(*argv, "--json")
    assert r.code == 0, r.err
    return json.loads(r.out)


def show(run: Run, db: Path, key: str) -> dict:
    return jrun(run, "person", "show", key, "--db", db)  # type: ignore[return-value]


# -- sync and status -----------------------------------------------------------------------


def test_first_sync_prints_phases_progress_and_a_summary(run: Run, tmp_path: Path) -> None:
    r = run("sync", "--once", "--db", tmp_path / "s.db")
    assert r.code == 0, r.err
    assert "first sync of Lead" in r.out
    progress = re.search(r"Lead: (\d+) / \1 \(100 %\)", r.out)
    assert progress, r.out
    assert "Cycle 1: ok," in r.out
    assert re.search(r"object +new +updated +deleted +conflicts +pushed +failed +API calls",
                     r.out)
    lead_row = next(line.split() for line in r.out.splitlines()
                    if line.strip().startswith("Lead "))
    assert lead_row[1] == progress.group(1)
    assert r.err == ""


def test_a_cycle_that_finds_nothing_costs_at_most_two_calls(run: Run, db: Path) -> None:
    first = jrun(run, "sync", "--once", "--db", db)  # may still pull what tests changed
    again = jrun(run, "sync", "--once", "--db", db)
    assert first["status"] == again["status"] == "ok"  # type: ignore[index]
    assert again["api_calls"] <= 2  # type: ignore[index]
    assert again["api_usage"]["limit"] == 15000  # type: ignore[index]
    assert set(again["objects"]["Lead"]) >= {"new", "updated", "deleted", "conflicts",  # type: ignore[index]
                                             "pushed", "failed", "api_calls"}


def test_status_shows_cycles_outbox_objects_and_usage(run: Run, db: Path) -> None:
    data = jrun(run, "status", "--db", db)
    assert data["cycles"][0]["status"] == "ok"  # type: ignore[index]
    assert set(data["outbox"]) == {"pending", "failed", "parked"}  # type: ignore[index]
    lead = next(o for o in data["objects"] if o["object"] == "Lead")  # type: ignore[index]
    assert lead["first_sync"] == "done" and lead["records"] >= 50
    assert data["api_usage"]["used"] > 0  # type: ignore[index]
    text = run("status", "--db", db)
    assert text.code == 0
    assert "Last cycles:" in text.out and "API usage:" in text.out
    assert "Local changes waiting:" in text.out


def test_sync_runs_until_interrupted_and_stops_cooperatively(run: Run, db: Path) -> None:
    timer = threading.Timer(1.5, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    try:
        r = run("sync", "--interval", "0.3", "--db", db)
    finally:
        timer.cancel()
    assert r.code == 0, r.err
    assert r.out.count("Cycle ") >= 2
    assert "next cycle in 0.3 s" in r.out
    assert r.out.rstrip().endswith("stopped")
    assert "stopping after the current step" in r.err


# -- persons: new, set, show, and what Salesforce gets ----------------------------------------


def test_person_new_is_created_in_salesforce_with_values_untouched(
        run: Run, db: Path, org: RunningOrg) -> None:
    r = run("person", "new", f"LastName={WEIRD[:80]}", "Company=Zürich ☃ \\ AG",
            "Email=o'brien+cli@example.com", "Title=true", "Phone=12345",
            "NumberOfEmployees=42", "DoNotCall=true", "Description=a=b\nline two",
            "Fax=", "--db", db)
    assert r.code == 0, r.err
    assert "created locally" in r.out
    before = show(run, db, "o'brien+cli@example.com")["records"][0]
    assert before["state"] == "local_only" and before["sf_id"] is None
    assert before["fields"]["Title"]["pending"]["state"] == "pending"
    assert jrun(run, "sync", "--once", "--db", db)["objects"]["Lead"]["pushed"] == 1  # type: ignore[index]
    after = show(run, db, "o'brien+cli@example.com")["records"][0]
    assert after["state"] == "synced" and after["sf_id"].startswith("00Q")
    lead = salesforce(org).Lead.get(after["sf_id"])
    assert lead["LastName"] == WEIRD[:80]
    assert lead["Company"] == "Zürich ☃ \\ AG"
    assert lead["Email"] == "o'brien+cli@example.com"
    assert lead["Title"] == "true" and lead["Phone"] == "12345"
    assert lead["NumberOfEmployees"] == 42 and lead["DoNotCall"] is True
    assert lead["Description"] == "a=b\nline two" and lead["Fax"] is None
    # and back: the local copy shows the same values
    fields = after["fields"]
    assert fields["LastName"]["value"] == WEIRD[:80]
    assert fields["DoNotCall"]["value"] is True
    assert "pending" not in fields["Title"]


def test_person_show_text_lists_values_and_hides_empty_fields(run: Run, db: Path) -> None:
    assert run("person", "new", "LastName=Show", "Company=Acme", "Email=show@example.com",
               "--db", db).code == 0
    r = run("person", "show", "show@example.com", "--db", db)
    assert r.code == 0
    assert "state: local_only" in r.out and "(not in Salesforce yet)" in r.out
    assert 'LastName   "Show"' in r.out or '"Show"' in r.out
    assert "pending push (Salesforce has null)" in r.out
    assert "fields with no value not shown" in r.out
    assert "Title" in run("person", "show", "show@example.com", "--all", "--db", db).out


def test_a_rejected_change_shows_in_errors_and_activity_until_fixed(
        run: Run, db: Path, org: RunningOrg) -> None:
    assert run("person", "new", "LastName=Bad", "Company=Acme", "Email=fixme@example.com",
               "--db", db).code == 0
    jrun(run, "sync", "--once", "--db", db)
    r = run("person", "set", "fixme@example.com", "Email=fixme@@example", "--db", db)
    assert r.code == 0, r.err
    assert "Email changed locally" in r.out
    summary = jrun(run, "sync", "--once", "--db", db)
    assert summary["objects"]["Lead"]["failed"] == 1  # type: ignore[index]

    errors = jrun(run, "errors", "--db", db)
    group = next(g for g in errors if g["code"] == "INVALID_EMAIL_ADDRESS")  # type: ignore[union-attr]
    assert (group["object"], group["field"], group["count"]) == ("Lead", "Email", 1)
    assert "invalid email address" in group["message"]
    text = run("errors", "--db", db).out
    assert "INVALID_EMAIL_ADDRESS" in text and "Email" in text

    key = group["records"][0]  # Lead:N — the email no longer finds it locally
    activity = jrun(run, "activity", key, "--db", db)["activity"]  # type: ignore[index]
    failed = next(e for e in activity if e["kind"] == "push_failed")
    assert failed["detail"]["code"] == "INVALID_EMAIL_ADDRESS"
    assert "invalid email address: fixme@@example" in failed["detail"]["message"]
    assert activity[0]["id"] > activity[-1]["id"]  # newest first
    text = run("activity", key, "--db", db).out
    assert "push_failed" in text and "invalid email address: fixme@@example" in text
    shown = show(run, db, key)["records"][0]
    assert shown["state"] == "failed"
    assert shown["fields"]["Email"]["pending"]["state"] == "failed"

    assert run("person", "set", key, "Email=fixed@example.com", "--db", db).code == 0
    jrun(run, "sync", "--once", "--db", db)
    assert not [g for g in jrun(run, "errors", "--db", db)  # type: ignore[union-attr]
                if g["records"] == [key]]
    shown = show(run, db, key)["records"][0]
    assert shown["state"] == "synced"
    assert salesforce(org).Lead.get(shown["sf_id"])["Email"] == "fixed@example.com"


def test_retry_queues_failed_changes_again(run: Run, db: Path) -> None:
    assert run("person", "new", "LastName=Retry", "Company=Acme", "Email=retry@example.com",
               "--db", db).code == 0
    jrun(run, "sync", "--once", "--db", db)
    assert run("person", "set", "retry@example.com", "Email=retry@@x", "--db", db).code == 0
    jrun(run, "sync", "--once", "--db", db)
    key = next(g["records"][0] for g in jrun(run, "errors", "--db", db)  # type: ignore[union-attr]
               if "retry@@x" in g["message"])
    r = run("retry", key, "--db", db)
    assert r.code == 0 and "1 failed change of 1 record queued again" in r.out
    assert show(run, db, key)["records"][0]["fields"]["Email"]["pending"]["state"] == "pending"
    assert "retried" in run("activity", key, "--db", db).out
    jrun(run, "sync", "--once", "--db", db)  # Salesforce refuses it again
    assert jrun(run, "retry", "--all", "--db", db)["changes"] >= 1  # type: ignore[index]
    assert "Nothing to retry" in run("retry", "--all", "--db", db).out


def test_person_set_types_values_from_the_catalog(run: Run, db: Path, org: RunningOrg) -> None:
    sf = salesforce(org)
    lead = sf.query("SELECT Id, Email FROM Lead WHERE Email != null AND IsConverted = false "
                    "ORDER BY Id LIMIT 1")["records"][0]
    r = run("person", "set", lead["Id"], "NumberOfEmployees=7", "DoNotCall=false",
            "Title=", "EmailBouncedDate=2024-05-06T07:08:09Z", "--db", db)
    assert r.code == 0, r.err
    jrun(run, "sync", "--once", "--db", db)
    got = sf.Lead.get(lead["Id"])
    assert got["NumberOfEmployees"] == 7 and got["DoNotCall"] is False
    assert got["Title"] is None
    assert got["EmailBouncedDate"].startswith("2024-05-06T07:08:09")


# -- force sync and fields --------------------------------------------------------------------


def test_force_sync_pulls_and_pushes_one_person_and_logs_it(
        run: Run, db: Path, org: RunningOrg) -> None:
    sf_admin = salesforce(org, admin=True)
    lead = sf_admin.query("SELECT Id, Email FROM Lead WHERE Email != null AND IsConverted = "
                          "false ORDER BY Id LIMIT 1 OFFSET 5")["records"][0]  # a seeded Lead
    sf_admin.Lead.update(lead["Id"], {"Title": "Changed in Salesforce"})
    r = run("force-sync", lead["Email"], "--db", db)
    assert r.code == 0, r.err
    assert "pulled: updated" in r.out and "now synced" in r.out
    assert show(run, db, lead["Email"])["records"][0]["fields"]["Title"]["value"] == \
        "Changed in Salesforce"
    activity = jrun(run, "activity", lead["Email"], "--db", db)["activity"]  # type: ignore[index]
    assert activity[0]["kind"] == "force_synced"
    result = jrun(run, "force-sync", lead["Id"], "--db", db)
    assert result["records"][0]["state"] == "synced"  # type: ignore[index]
    assert result["api_calls"] <= 3  # type: ignore[index]


def test_force_sync_of_a_rejected_change_fails_with_one_line(run: Run, db: Path) -> None:
    assert run("person", "new", "LastName=Forced", "Company=Acme", "Email=forced@@x",
               "--db", db).code == 0
    r = run("force-sync", "forced@@x", "--db", db)
    assert r.code == 1
    assert "INVALID_EMAIL_ADDRESS on Email" in r.error_line
    assert "now failed" in r.out


def test_fields_lists_every_field_with_access_and_why(run: Run, db: Path) -> None:
    data = jrun(run, "fields", "Lead", "--db", db)
    fields = {f["name"]: f for f in data["fields"]}  # type: ignore[index]
    revenue = fields["AnnualRevenue"]
    assert (revenue["read"], revenue["synced"]) == (False, False)
    assert "cannot read" in revenue["why"]
    assert fields["Lead_Score__c"]["read"] and not fields["Lead_Score__c"]["update"]
    assert fields["Email"]["synced"] and fields["Email"]["update"]
    assert not fields["LastViewedDate"]["synced"]
    text = run("fields", "lead", "--db", db).out
    line = next(x for x in text.splitlines() if "AnnualRevenue" in x)
    assert "Annual Revenue" in line and " no " in line and "cannot read" in line
    assert text.splitlines()[0].startswith("Lead: ")


# -- bad input: one clear line ---------------------------------------------------------------


@pytest.mark.parametrize(("argv", "code", "says"), [
    (["person", "new", "LastName=X", "Company=Y", "Nope=1"], 2, "Lead has no field 'Nope'"),
    (["person", "new", "LastName=X", "AnnualRevenue=1"], 2, "cannot read Lead.AnnualRevenue"),
    (["person", "new", "LastName=X", "Lead_Score__c=1"], 2, "Lead_Score__c is read-only"),
    (["person", "new", "LastName=X", "NumberOfEmployees=many"], 2, "takes a whole number"),
    (["person", "new", "LastName=X", "DoNotCall=yes"], 2, "use true or false"),
    (["person", "new", "LastName"], 2, "expected Field=Value"),
    (["person", "set", "nobody@example.com", "Title=x"], 1, "no person matches"),
    (["person", "show", "00Q000000000000AAA"], 1, "no person matches"),
    (["person", "show", "Lead:x"], 2, "is not Object:localid"),
    (["activity", "nobody@example.com"], 1, "no person matches"),
    (["force-sync", "nobody@example.com"], 1, "no person matches"),
    (["fields", "Nope"], 1, "no field catalog for Nope"),
    (["retry"], 2, "or give --all"),
    (["status", "--demo"], 2, "use --demo or --db, not both"),
    (["bogus"], 2, "invalid choice"),
    (["sync", "--interval", "0"], 2, "positive number of seconds"),
])
def test_bad_input_is_one_clear_line(run: Run, db: Path, argv: list[str], code: int,
                                     says: str) -> None:
    r = run(*argv, "--db", db)
    assert r.code == code
    assert says in r.error_line
    assert r.out == ""


def test_a_missing_store_says_to_sync_first(run: Run, tmp_path: Path) -> None:
    r = run("person", "show", "x@example.com", "--db", tmp_path / "none.db")
    assert r.code == 1
    assert "there is no store at" in r.error_line and "sfsync sync --once" in r.error_line
    assert not (tmp_path / "none.db").exists()


def test_connection_problems_are_one_line(run: Run, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "c.db"
    monkeypatch.delenv("SFSYNC_CLIENT_SECRET")
    r = run("sync", "--once", "--db", store)
    assert r.code == 2 and "set SFSYNC_CLIENT_SECRET too" in r.error_line
    for var in ("SFSYNC_LOGIN_URL", "SFSYNC_CLIENT_ID"):
        monkeypatch.delenv(var)
    r = run("sync", "--once", "--db", store)
    assert r.code == 2 and "no Salesforce connection" in r.error_line and "--demo" in r.error_line
    monkeypatch.setenv("SFSYNC_LOGIN_URL", "https://127.0.0.1:9")
    monkeypatch.setenv("SFSYNC_CLIENT_ID", "id")
    monkeypatch.setenv("SFSYNC_CLIENT_SECRET", "s3cr3t-value")
    r = run("sync", "--once", "--db", store)
    assert r.code == 1
    assert "the sync cycle failed" in r.error_line and "CONNECTION_ERROR" in r.error_line
    assert "s3cr3t-value" not in r.out + r.err
    monkeypatch.setenv("SFSYNC_CA_FILE", str(tmp_path / "missing.pem"))
    r = run("sync", "--once", "--db", store)
    assert r.code == 2 and "SFSYNC_CA_FILE" in r.error_line


def test_wrong_credentials_say_sign_in(run: Run, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SFSYNC_CLIENT_SECRET", "not-the-secret")
    r = run("sync", "--once", "--db", tmp_path / "w.db")
    assert r.code == 1
    assert "refused the sign-in" in r.error_line and "SFSYNC_CLIENT_SECRET" in r.error_line
    assert "not-the-secret" not in r.out + r.err


def test_an_untrusted_certificate_fails_the_cycle(run: Run, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    other_ca = tmp_path / "other" / "ca.pem"
    from sfsync_gui.localorg.tls import ensure_certificates

    other_ca = Path(ensure_certificates(tmp_path / "other").ca_file)
    monkeypatch.setenv("SFSYNC_CA_FILE", str(other_ca))
    r = run("sync", "--once", "--db", tmp_path / "t.db")
    assert r.code == 1
    assert "CERTIFICATE_VERIFY_FAILED" in r.error_line
    status = jrun(run, "status", "--db", tmp_path / "t.db")
    assert status["cycles"][0]["status"] == "failed"  # type: ignore[index]


def test_the_api_limit_stops_the_cycle_with_one_line(run: Run, db: Path,
                                                     org: RunningOrg) -> None:
    fault = org.control.add_fault("request_limit")
    try:
        r = run("sync", "--once", "--db", db)
    finally:
        org.control.clear_faults(fault["id"])
    assert r.code == 1
    assert "REQUEST_LIMIT_EXCEEDED" in r.error_line or "API calls" in r.error_line
    assert "24 hours" in r.error_line


def test_a_converted_person_is_one_timeline_and_edits_go_to_the_contact(
        run: Run, db: Path, org: RunningOrg) -> None:
    sf = salesforce(org)
    lead = sf.query("SELECT Id, Email FROM Lead WHERE Email != null AND IsConverted = false "
                    "ORDER BY Id LIMIT 1 OFFSET 9")["records"][0]
    jrun(run, "sync", "--once", "--db", db)
    converted = org.control.convert_lead(lead["Id"])
    jrun(run, "sync", "--once", "--db", db)
    records = show(run, db, lead["Email"])["records"]
    assert {r["object"] for r in records} == {"Lead", "Contact"}
    contact = next(r for r in records if r["object"] == "Contact")
    assert contact["sf_id"] == converted["contactId"]

    activity = jrun(run, "activity", lead["Email"], "--db", db)
    assert set(activity["records"]) == {f"{r['object']}:{r['local_id']}" for r in records}  # type: ignore[index]
    assert "converted" in [e["kind"] for e in activity["activity"]]  # type: ignore[index]

    r = run("person", "set", lead["Email"], "Title=After conversion", "--db", db)
    assert r.code == 0, r.err
    assert r.out.startswith(f"{contact['key']}:")
    r = run("person", "set", lead["Id"], "Title=x", "--db", db)
    assert r.code == 2 and "was converted" in r.error_line and contact["key"] in r.error_line
    jrun(run, "sync", "--once", "--db", db)
    assert sf.Contact.get(contact["sf_id"])["Title"] == "After conversion"
