"""``sfsync-gui --self-test`` as a user (or a bundle check) runs it: a real process, the
real demo org over HTTPS, offscreen, nothing of the user's touched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_gui(args: list[str], home: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
           and not k.startswith(("XDG_", "SFSYNC_"))}
    env["HOME"] = str(home)
    code = "import sys; from sfsync_gui.gui_main import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def test_self_test_syncs_the_demo_offscreen_and_touches_nothing_of_the_user(
        tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    done = run_gui(["--self-test"], home)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "sfsync-gui self-test: OK" in out
    assert "Qt platform offscreen" in out  # chosen for it: no display in this environment
    synced = int(out.split("records synced: ")[1].split()[0])
    rows = int(out.split("records view: ")[1].split()[0])
    # the view counts the tabs it has opened so far (Leads first): some, never more than synced
    assert synced > 100 and 0 < rows <= synced, out
    assert "Lead" in out and "Contact" in out
    seconds = float(out.split("seconds: ")[1].split()[0])
    assert 0 < seconds < 120
    assert not any(home.iterdir()), f"the self-test wrote to HOME: {list(home.rglob('*'))}"


def test_self_test_fails_clearly_when_the_cycle_does_not_finish_in_time(
        tmp_path: Path) -> None:
    done = run_gui(["--self-test", "--self-test-timeout", "0.2"], tmp_path)
    assert done.returncode == 1
    assert "sfsync-gui self-test: FAILED: no complete sync cycle within" in done.stderr
    assert "--self-test-timeout" in done.stderr  # what to do about it


def test_self_test_is_in_the_help(tmp_path: Path) -> None:
    done = run_gui(["--help"], tmp_path)
    assert done.returncode == 0 and "--self-test" in done.stdout
