"""The build files for the systems CI does not build on can at least be checked here: the
shell script parses (and passes shellcheck when installed), the macOS Info.plist has the
keys the .app needs, the Inno Setup script points at files that exist, and the spec names
the executables the build scripts and tests run."""

from __future__ import annotations

import os
import plistlib
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def test_build_sh_is_an_executable_valid_script() -> None:
    script = PACKAGING / "build.sh"
    assert os.access(script, os.X_OK), "packaging/build.sh lost its executable bit"
    subprocess.run(["bash", "-n", str(script)], check=True)
    if shutil.which("shellcheck"):
        done = subprocess.run(["shellcheck", str(script)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout


def test_info_plist_has_what_the_app_needs() -> None:
    plist = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
    assert plist["NSHighResolutionCapable"] is True
    assert re.fullmatch(r"\d+\.\d+", plist["LSMinimumSystemVersion"])
    assert plist["CFBundleShortVersionString"] == "@VERSION@"  # the spec fills it in
    assert "©" in plist["NSHumanReadableCopyright"]
    assert {"en", "es", "fr", "it", "nl"} <= set(plist["CFBundleLocalizations"])


def test_inno_setup_script_is_per_user_and_its_files_exist() -> None:
    iss = (PACKAGING / "windows" / "sfsync-gui.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in iss
    assert "{localappdata}" in iss and "{autoprograms}" in iss
    icon = re.search(r"^SetupIconFile=(.+)$", iss, re.M).group(1).strip()
    assert (PACKAGING / "windows" / icon.replace("\\", "/")).resolve().is_file(), icon
    assert re.search(r'Filename: "\{app\}\\sfsync-gui\.exe"', iss)


def test_spec_makes_the_executables_the_scripts_run() -> None:
    spec = (PACKAGING / "pyinstaller" / "sfsync-gui.spec").read_text()
    for name in ('name="sfsync-gui"', 'name="sfsync"', 'name="sfsync.app"'):
        assert name in spec, name
    for entry in ("sfsync_gui_entry", "sfsync_cli_entry"):
        assert (PACKAGING / "pyinstaller" / f"{entry}.py").is_file()
    assert "self-test" in (PACKAGING / "build.sh").read_text()
    assert "--self-test" in (PACKAGING / "build.ps1").read_text()
    assert "bundle:" in (ROOT / "Makefile").read_text()
