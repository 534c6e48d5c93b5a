"""End to end on a real X server (``make test`` runs the suite under Xvfb and sets
SFSYNC_TEST_XVFB=1): ``sfsync-gui --demo`` starts the demo org, syncs, and its screenshot
tour force-syncs a person through the person view's button, makes Salesforce refuse a
change, and saves a PNG of every view and dialog. SFSYNC_SCREENSHOTS=DIR keeps them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.environ.get("SFSYNC_TEST_XVFB") != "1",
                                reason="needs a real X server (make test runs Xvfb)")

VIEWS = ["00-welcome", "01-records", "02-person-activity", "03-person-fields",
         "04-records-pending", "05-errors", "06-status", "07-fields", "08-settings",
         "09-new-person", "10-sign-in", "11-profiles", "12-welcome-profiles"]


def test_the_demo_window_on_a_real_x_server(tmp_path: Path) -> None:
    shots = Path(os.environ.get("SFSYNC_SCREENSHOTS") or tmp_path / "shots")
    env = dict(os.environ, QT_QPA_PLATFORM="xcb",
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    gui = Path(sys.executable).parent / "sfsync-gui"
    proc = subprocess.run([str(gui), "--demo", "--data", str(tmp_path / "demo"),
                           "--screenshots", str(shots)], env=env, capture_output=True,
                          text=True, timeout=240)
    tour = json.loads((shots / "tour.json").read_text()) if (shots / "tour.json").exists() \
        else {}
    assert proc.returncode == 0, f"{tour.get('error')}\n{proc.stderr[-3000:]}"
    assert "error" not in tour
    assert tour["shots"] == [f"{v}.png" for v in VIEWS]
    for v in VIEWS:
        png = shots / f"{v}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
    assert tour["activity_kinds"][0] == "force_synced"
    assert tour["forced"]["records"][0]["failed"] == 0
    assert tour["error_groups"] >= 1
    assert tour["lead_rows"] > 50
    assert "Traceback" not in proc.stderr
    _assert_no_secret_left(tmp_path, shots, proc.stdout + proc.stderr)


def _assert_no_secret_left(tmp_path: Path, shots: Path, output: str) -> None:
    """The demo org's client secret and passwords appear nowhere the window session left
    files (data, settings, the store and its WAL, the screenshots' PNG bytes) nor in its
    output — in any form (see tests/hostile/secret_forms.py). The org's own folder is the
    server's, where they belong."""
    from ..cli.conftest import org_secrets
    from ..hostile.secret_forms import leaks

    org_dirs = [p.parent for p in tmp_path.rglob("org.db")]
    secrets = [s for d in org_dirs for s in org_secrets(d)]
    assert secrets, "the demo org keeps its client secret and passwords in org.db"
    places = {"output": output.encode()}
    for path in [*tmp_path.rglob("*"), *shots.rglob("*")]:
        if path.is_file() and not any(d in path.parents for d in org_dirs):
            places[str(path)] = path.read_bytes()
    assert sum(1 for p in places if p.endswith(".png")) >= len(VIEWS)
    found = {where: leaks(data, secrets) for where, data in places.items()}
    assert {w: v for w, v in found.items() if v} == {}
