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
    synced = int(out.split("records synced: ")[1].split()[0])
    rows = int(out.split("records view: ")[1].split()[0])
    # the view counts the tabs it has opened so far (Leads first): some, never more than synced
    assert synced > 100 and 0 < rows <= synced, out
    assert not any(tmp_path.iterdir()), "the self-test wrote into HOME"


def test_bundle_command_line_version_and_demo(bundle: Path, tmp_path: Path) -> None:
    from sfsync_gui import __version__

    done = as_a_user([str(bundle / "sfsync"), "--version"], tmp_path)
    assert done.returncode == 0 and done.stdout.strip() == f"sfsync {__version__}", done
    demo = tmp_path / "demo"
    done = as_a_user([str(bundle / "sfsync"), "demo", "--once", "--data", str(demo)], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Lead" in done.stdout and (demo / "sfsync.db").is_file()


@pytest.mark.skipif(os.environ.get("SFSYNC_TEST_SECRET_SERVICE") != "1",
                    reason="needs a real Secret Service: run 'make test' (gnome-keyring on a "
                           "private D-Bus session, SFSYNC_TEST_SECRET_SERVICE=1)")
def test_bundle_signs_in_with_the_keyring_and_syncs(bundle: Path, tmp_path: Path) -> None:
    """The bundle's keyring finds the Secret Service (its backends are collected), keeps
    the client secret there and syncs a local org through the saved profile."""
    import uuid

    from sfsync_gui.localorg.server import start_local_org

    org = start_local_org(tmp_path / "org", seed=30)
    name = f"bundle-{uuid.uuid4().hex[:8]}"
    bus = {"DBUS_SESSION_BUS_ADDRESS": os.environ["DBUS_SESSION_BUS_ADDRESS"],
           "SFSYNC_CONFIG_DIR": str(tmp_path / "config")}
    home = tmp_path / "home"
    home.mkdir()
    f = org.facts
    sfsync = str(bundle / "sfsync")
    try:
        done = subprocess.run(
            [sfsync, "connect", "--name", name, "--method", "client-credentials",
             "--login-url", f.login_url, "--ca-file", str(f.ca_file), "--client-id",
             f.client_id], input=f.client_secret + "\n", capture_output=True, text=True,
            env={"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **bus},
            cwd=home, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
        done = as_a_user([sfsync, "sync", "--once", "--profile", name, "--db",
                          str(tmp_path / "store.db")], home, **bus)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Lead" in done.stdout
        secrets_on_disk = [p for p in tmp_path.rglob("*") if p.is_file()
                           and f.client_secret.encode() in p.read_bytes()]
        assert not [p for p in secrets_on_disk if not p.is_relative_to(tmp_path / "org")]
        # (make test's keyring is thrown away after the run, should this not be reached)
        done = as_a_user([sfsync, "disconnect", name], home, **bus)
        assert done.returncode == 0, done.stdout + done.stderr
    finally:
        org.stop()
