"""``sfsync settings``: the settings the window keeps in the store, seen and changed from
the command line, and obeyed by ``sfsync sync`` (against a local org over HTTPS)."""

from __future__ import annotations

import json
import os
import re
import signal
import threading
from pathlib import Path

import pytest

from sfsync_gui.localorg.server import RunningOrg, start_local_org
from sfsync_gui.store import Store
from sfsync_gui.store.models import FieldInfo
from sfsync_gui.sync.settings import SettingsError, check_includable, read_settings

from .conftest import SEED, Run

pytestmark = pytest.mark.usefixtures("org_env")


def jrun(run: Run, *argv: str | Path) -> dict:
    r = run(*argv, "--json")
    assert r.code == 0, r.err
    return json.loads(r.out)


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory, org_env: dict) -> Path:
    """A store that has done its first sync with the module's org."""
    from sfsync_gui.cli import main

    path = tmp_path_factory.mktemp("settings") / "sfsync.db"
    assert main(["sync", "--once", "--db", str(path)]) == 0
    return path


def test_show_without_a_store_gives_the_defaults_and_creates_nothing(
        run: Run, tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    r = run("settings", "--db", db)
    assert r.code == 0, r.err
    assert "No store yet" in r.out and "Sync every: 300 s" in r.out
    assert "80 % of the daily allowance" in r.out
    data = jrun(run, "settings", "show", "--db", db)
    assert data["interval"] == 300 and data["budget_share"] == 0.8
    assert all(o["synced"] for o in data["objects"]) and data["policies"] == []
    assert not db.exists()


def test_set_stores_what_the_window_reads(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    r = run("settings", "set", "interval", "2m", "--db", db)
    assert r.code == 0, r.err
    assert "interval is now 120 s" in r.out
    data = jrun(run, "settings", "set", "budget-share", "50%", "--db", db)
    assert data["budget_share"] == 0.5 and data["interval"] == 120
    assert jrun(run, "settings", "set", "budget_share", "0.3", "--db", db)["budget_share"] == 0.3
    assert jrun(run, "settings", "disable", "task", "--db", db)["objects"][-2] == {
        "object": "Task", "direction": "from_salesforce", "synced": False}
    jrun(run, "settings", "policy", "Contact", "salesforce-wins", "--db", db)
    store = Store(db)
    try:
        s = read_settings(store)
        assert (s.interval, s.budget_share, s.disabled) == (120, 0.3, ["Task"])
        assert s.policies == {("Contact", ""): "salesforce_wins"}
    finally:
        store.close()
    jrun(run, "settings", "enable", "Task", "--db", db)
    assert jrun(run, "settings", "policy", "Contact", "default", "--db", db)["policies"] == []
    text = run("settings", "--db", db).out
    assert "Objects not synced" not in text and "local wins everywhere" in text


@pytest.mark.parametrize(("argv", "message"), [
    (["set", "interval", "3"], "must be 10 to 86400 seconds"),
    (["set", "interval", "soon"], "number of seconds (e.g. 120, 5m or 1h), not 'soon'"),
    (["set", "interval", "nan"], "must be 10 to 86400"),
    (["set", "budget-share", "0.99"], "must be 5 % to 95 %"),
    (["set", "budget-share", "half"], "a fraction or a percentage"),
    (["set", "colour", "blue"], "unknown setting 'colour': use interval or budget-share"),
    (["policy", "Lead", "coin_toss"], "unknown conflict policy 'coin_toss': use local_wins"),
    (["policy", "Lead", "dont_sync"], "use 'sfsync settings disable Lead'"),
    (["policy", "Lead"], "give OBJECT POLICY or OBJECT FIELD POLICY"),
    (["policy", "Leads", "local_wins"], "'Leads' is not an object the sync knows"),
    (["disable", "Widget__c"], "'Widget__c' is not an object the sync knows"),
])
def test_bad_values_are_one_clear_line_and_change_nothing(
        run: Run, tmp_path: Path, argv: list[str], message: str) -> None:
    db = tmp_path / "s.db"
    jrun(run, "settings", "set", "interval", "60", "--db", db)
    r = run("settings", *argv, "--db", db)
    assert r.code == 2
    assert message in r.error_line
    data = jrun(run, "settings", "--db", db)
    assert data["interval"] == 60 and data["budget_share"] == 0.8 and data["policies"] == []


def test_fields_are_checked_against_the_catalog(run: Run, synced: Path) -> None:
    r = run("settings", "include", "Lead", "Faks", "--db", synced)
    assert r.code == 2 and "Lead has no field 'Faks'; see 'sfsync fields Lead'" in r.error_line
    r = run("settings", "include", "Lead", "AnnualRevenue", "--db", synced)
    assert r.code == 2 and "cannot read Lead.AnnualRevenue" in r.error_line
    r = run("settings", "include", "Lead", "SystemModstamp", "--db", synced)
    assert r.code == 2 and "bookkeeping" in r.error_line
    data = jrun(run, "settings", "policy", "lead", "email", "salesforce_wins", "--db", synced)
    assert {"object": "Lead", "field": "Email", "policy": "salesforce_wins"} in data["policies"]
    assert jrun(run, "settings", "policy", "Lead", "Email", "default", "--db",
                synced)["policies"] == []


def test_compound_fields_cannot_be_included() -> None:
    """The local org has no compound fields; a real org's Lead has Address."""
    info = FieldInfo(object="Lead", name="Address", type="address", readable=True)
    with pytest.raises(SettingsError, match="address field; include its component fields"):
        check_includable(info)


def test_exclude_then_include_a_field_backfills_its_values(run: Run, synced: Path,
                                                          org: RunningOrg) -> None:
    r = run("settings", "exclude", "Lead", "fax", "--db", synced)
    assert r.code == 0, r.err
    assert "Lead.Fax excluded" in r.out
    fields = jrun(run, "fields", "Lead", "--db", synced)["fields"]
    fax = next(f for f in fields if f["name"] == "Fax")
    assert fax["synced"] is False and fax["why"] == "excluded by you"
    assert "Lead    Fax    excluded" in run("settings", "--db", synced).out
    # changed in Salesforce while excluded: the record arrives, its Fax does not
    store = Store(synced)
    sf_id = store.table("Lead").find("_deleted = 0 AND _sf_id IS NOT NULL", limit=1)[0]["_sf_id"]
    store.close()
    org.control.update("Lead", sf_id, {"Fax": "+1 555 0100"})
    jrun(run, "sync", "--once", "--db", synced)
    assert jrun(run, "person", "show", sf_id, "--db", synced)["records"][0]["fields"].get(
        "Fax", {}).get("value") != "+1 555 0100"
    data = jrun(run, "settings", "include", "Lead", "Fax", "--db", synced)
    assert {"object": "Lead", "field": "Fax", "included": True, "synced": False} in data["fields"]
    r = run("sync", "--once", "--db", synced)
    assert r.code == 0, r.err
    assert "backfilling Lead" in r.out
    n = int(re.search(r"Lead: values of newly synced fields fetched for (\d+) records",
                      r.out).group(1))
    assert n == SEED
    shown = jrun(run, "person", "show", sf_id, "--db", synced)
    assert shown["records"][0]["fields"]["Fax"]["value"] == "+1 555 0100"
    fields = jrun(run, "fields", "Lead", "--db", synced)["fields"]
    assert next(f for f in fields if f["name"] == "Fax")["synced"] is True
    status = jrun(run, "status", "--db", synced)
    assert status["backfills"][0] | {"at": None} == {
        "at": None, "object": "Lead", "cycle": status["cycles"][0]["cycle"], "fields": ["Fax"],
        "records": n, "kept_local_edits": 0, "started_at": status["backfills"][0]["started_at"]}
    assert f"backfilled Fax for {n} Lead records" in run("status", "--db", synced).out
    jrun(run, "settings", "default", "Lead", "Fax", "--db", synced)
    assert jrun(run, "settings", "--db", synced)["fields"] == []


def test_sync_runs_with_the_stored_settings(run: Run, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Objects, interval and API budget share set here are what ``sfsync sync`` does."""
    with start_local_org(tmp_path / "small", seed=0, api_limit=80) as small:
        f = small.facts
        for k, v in {"SFSYNC_LOGIN_URL": f.login_url, "SFSYNC_CLIENT_ID": f.client_id,
                     "SFSYNC_CLIENT_SECRET": f.client_secret,
                     "SFSYNC_CA_FILE": f.ca_file}.items():
            monkeypatch.setenv(k, v)
        db = tmp_path / "s.db"
        jrun(run, "settings", "disable", "Task", "--db", db)
        jrun(run, "settings", "set", "interval", "10", "--db", db)
        first = jrun(run, "sync", "--once", "--db", db)
        assert first["status"] == "ok"
        assert "Task" not in first["objects"] and "Event" in first["objects"]
        r = _run_until_interrupted(run, "sync", "--db", db)
        assert r.code == 0, r.err
        assert "next cycle in 10 s" in r.out
        jrun(run, "settings", "set", "budget-share", "5%", "--db", db)
        # a new process knows the org's usage from its first answer on: the second cycle
        r = _run_until_interrupted(run, "sync", "--interval", "0.3", "--db", db)
        assert r.code == 0, r.err
        assert "background sync paused: 5 % of the daily API allowance is used" in r.out


def _run_until_interrupted(run: Run, *argv: str | Path):
    # long enough for a whole first cycle on a loaded 2-core CI machine (1.5 s was not:
    # the cycle took 1.4 s and Ctrl+C came before "next cycle in" was printed)
    timer = threading.Timer(6.0, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    try:
        return run(*argv)
    finally:
        timer.cancel()


def test_force_sync_uses_the_stored_settings(run: Run, synced: Path, org: RunningOrg) -> None:
    """A budget share does not stop force sync (only its hard cap does), and the stored
    settings are read without complaint."""
    jrun(run, "settings", "set", "budget-share", "5%", "--db", synced)
    try:
        r = run("force-sync", "Lead:1", "--db", synced)
        assert r.code == 0, r.err
        assert "Lead:1" in r.out
    finally:
        jrun(run, "settings", "set", "budget-share", "80%", "--db", synced)
