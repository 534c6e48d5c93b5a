"""The Linux desktop entry and AppStream metainfo validate with the distributions' own
tools (installed by packaging/dev/bootstrap.sh), and agree with each other and the app."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sfsync_gui import __version__

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "resources" / "linux"
APP_ID = "io.github.sfsync.SfsyncGui"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (packaging/dev/bootstrap.sh installs it as root)")
    return path


def test_desktop_file_validates() -> None:
    done = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)],
                          capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_metainfo_validates_offline() -> None:
    done = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "W:" not in done.stdout and "E:" not in done.stdout, done.stdout


def test_desktop_file_metainfo_and_app_agree() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Exec"].split()[0] == "sfsync-gui" and d["Icon"] == APP_ID
    for lang in ("es", "fr", "it", "nl"):
        assert d[f"Comment[{lang}]"].strip(), lang
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("content_rating") is not None
    assert root.find("releases/release").get("version") == __version__
    shots = [s.text for s in root.iter("image")]
    assert shots, "no screenshots"
    for url in shots:
        name = url.rsplit("/docs/screenshots/", 1)[1]
        assert (ROOT / "docs" / "screenshots" / name).is_file(), url
    app = (ROOT / "sfsync_gui" / "ui" / "app.py").read_text()
    assert f'setDesktopFileName("{APP_ID}")' in app
