"""`sfsync localorg serve` as a user runs it: one JSON line, real HTTPS, clean shutdown."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from simple_salesforce import Salesforce

from .conftest import https_session

FACT_KEYS = {"instance_url", "login_url", "ca_file", "client_id", "client_secret",
             "sync_user", "admin_user", "control_url"}


def _serve(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "sfsync_gui.cli", "localorg", "serve", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_prints_facts_serves_and_stops_cleanly(tmp_path: Path, sig: int) -> None:
    proc = _serve("--data", str(tmp_path), "--seed", "30", "--api-limit", "500")
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        facts = json.loads(line)
        assert set(facts) == FACT_KEYS
        assert set(facts["sync_user"]) == {"username", "password"}
        assert facts["instance_url"].startswith("https://127.0.0.1:")
        s = https_session(facts["ca_file"])
        tok = s.post(facts["login_url"] + "/services/oauth2/token", data={
            "grant_type": "password", "client_id": facts["client_id"],
            "client_secret": facts["client_secret"],
            "username": facts["admin_user"]["username"],
            "password": facts["admin_user"]["password"]}).json()
        sf = Salesforce(instance_url=tok["instance_url"], session_id=tok["access_token"],
                        session=s)
        # the seed sends a few of its Leads to the recycle bin: count those too
        assert sf.query("SELECT COUNT() FROM Lead", include_deleted=True)["totalSize"] == 30
        assert sf.limits()["DailyApiRequests"]["Max"] == 500
    finally:
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert out == ""  # nothing after the one JSON line
    assert (tmp_path / "org.db").exists()


def test_serve_refuses_bad_options_with_one_clear_line(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "sfsync_gui.cli", "localorg", "serve", "--seed", "lots"],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert "--seed takes 'demo' or a number of Leads" in proc.stderr
