"""A local change of a field excluded from sync waits in the outbox (``sfsync status``
says so) and reaches Salesforce once the field is included again — before, the record's
next push cleared it unsent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sfsync_gui.localorg.server import RunningOrg

from .conftest import Run

pytestmark = pytest.mark.usefixtures("org_env")


def jrun(run: Run, *argv: str | Path) -> dict:
    r = run(*argv, "--json")
    assert r.code == 0, r.err
    return json.loads(r.out)


def test_change_of_an_excluded_field_is_kept_and_sent_once_included(
        run: Run, tmp_path: Path, org: RunningOrg) -> None:
    db = tmp_path / "sfsync.db"
    sf_id = org.control.create("Lead", {"LastName": "Parked", "Company": "P",
                                        "Email": "parked.cli@example.org",
                                        "Title": "From Salesforce"})
    jrun(run, "sync", "--once", "--db", db)
    assert run("person", "set", sf_id, "Title=Typed here", "--db", db).code == 0
    assert run("settings", "exclude", "Lead", "Title", "--db", db).code == 0
    assert run("person", "set", sf_id, "Phone=+1 555 0101", "--db", db).code == 0
    r = run("sync", "--once", "--db", db)
    assert r.code == 0, r.err
    assert org.control.get("Lead", sf_id)["Phone"] == "+1 555 0101"
    assert org.control.get("Lead", sf_id)["Title"] == "From Salesforce"
    assert jrun(run, "status", "--db", db)["outbox"] == {"pending": 1, "failed": 0,
                                                         "parked": 1}
    assert "1 local change waits on fields not synced" in run("status", "--db", db).out

    assert run("settings", "include", "Lead", "Title", "--db", db).code == 0
    r = run("sync", "--once", "--db", db)
    assert r.code == 0, r.err
    assert org.control.get("Lead", sf_id)["Title"] == "Typed here"
    status = jrun(run, "status", "--db", db)
    assert status["outbox"] == {"pending": 0, "failed": 0, "parked": 0}
    # the backfill of Title kept the local change (Salesforce's value became its base)
    assert status["backfills"][0]["fields"] == ["Title"]
    assert status["backfills"][0]["kept_local_edits"] == 1
    assert "wait on fields not synced" not in run("status", "--db", db).out
    assert "waits on fields not synced" not in run("status", "--db", db).out
