"""The Linux bundle, built as `make bundle` builds it (packaging/build.sh: the pinned
PyInstaller, the translations compiled, the spec), then run the way a user runs it: from
its own folder, with nothing of this checkout or its venv on any path, no display, a fresh
HOME. Its `sfsync-gui --self-test` syncs the demo org offscreen; its `sfsync` runs the
command-line demo against the local org it carries.

PyInstaller's work folder is kept in build/pyinstaller-test (the bundle goes to a temporary
folder), so a second run reuses the analysis PyInstaller can reuse. About 25-35 s to build on
2 cores, 4 s per check."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 480

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(BUILD_TIMEOUT_S + 120),
    pytest.mark.skipif(not sys.platform.startswith("linux"),
                       reason="CI builds the Linux bundle; packaging/build.sh or build.ps1 "
                              "build the macOS and Windows ones on those systems"),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/sfsync-gui/ as packaging/build.sh makes it (its own self-test off: the tests
    below run it and look at what it says)."""
    dist = tmp_path_factory.mktemp("dist")
    work = ROOT / "build" / "pyinstaller-test"
    env = dict(os.environ, SFSYNC_DIST=str(dist), SFSYNC_WORK=str(work), SFSYNC_NO_SELF_TEST="1")
    done = subprocess.run([str(ROOT / "packaging" / "build.sh")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    assert "build: built" in done.stdout
    return dist / "sfsync-gui"


def as_a_user(cmd: list[str], home: Path, timeout: float = 120, **extra: str
              ) -> subprocess.CompletedProcess:
    """``cmd`` with a bare environment: no venv, no PYTHONPATH, no display, HOME=home."""
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **extra}
    return subprocess.run(cmd, cwd=home, env=env, capture_output=True, text=True,
                          timeout=timeout)


def test_bundle_holds_both_programs_and_the_package_data(bundle: Path) -> None:
    for exe in ("sfsync-gui", "sfsync"):
        assert os.access(bundle / exe, os.X_OK), exe
    data = bundle / "_internal" / "sfsync_gui" / "data"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert (data / "icons" / f"sfsync-gui-{size}.png").is_file()
    assert {p.stem for p in (data / "icons" / "states").glob("*.svg")} >= {
        "synced", "pending", "failed", "conflict", "local_only", "deleted"}
    if (ROOT / "packaging" / "translations.py").exists():
        qms = {p.name for p in (data / "translations").glob("*.qm")}
        assert {f"sfsync_gui_{lang}.qm" for lang in ("es", "fr", "it", "nl")} <= qms, qms
    # left out on purpose (packaging/pyinstaller/sfsync-gui.spec): unused Qt, host GTK
    internal = bundle / "_internal"
    assert not list(internal.rglob("QtQml*")) and not list(internal.rglob("libQt6Quick*"))
    assert not list(internal.rglob("libgtk-3*")) and not list(internal.rglob("libqgtk3*"))
    size_mb = sum(p.lstat().st_size for p in bundle.rglob("*")
                  if p.is_file() and not p.is_symlink()) / 2**20
    assert size_mb < 230, f"the bundle grew to {size_mb:.0f} MB"


def test_bundle_self_test_passes_offscreen(bundle: Path, tmp_path: Path) -> None:
    done = as_a_user([str(bundle / "sfsync-gui"), "--self-test"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert out.startswith("sfsync-gui self-test: OK"), out
    assert "Qt platform offscreen" in out
    assert int(out.split("records synced: ")[1].split()[0]) > 100
    assert int(out.split("records view: ")[1].split()[0]) > 100
    assert not any(tmp_path.iterdir()), "the self-test wrote into HOME"


def test_bundle_command_line_version_and_demo(bundle: Path, tmp_path: Path) -> None:
    from sfsync_gui import __version__

    done = as_a_user([str(bundle / "sfsync"), "--version"], tmp_path)
    assert done.returncode == 0 and done.stdout.strip() == f"sfsync {__version__}", done
    demo = tmp_path / "demo"
    done = as_a_user([str(bundle / "sfsync"), "demo", "--once", "--data", str(demo)], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Lead" in done.stdout and (demo / "sfsync.db").is_file()
