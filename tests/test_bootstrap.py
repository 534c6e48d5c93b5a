"""The development harness itself: `make test`'s scripts, its real X server and Secret Service.

The X and keyring tests run only when packaging/dev/run-tests.sh found those programs and said
so (SFSYNC_TEST_XVFB / SFSYNC_TEST_SECRET_SERVICE); they prove the environment that later
end-to-end and credential tests rely on actually works.
"""

import os
import shutil
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = [ROOT / ".ci" / "run", *sorted((ROOT / "packaging" / "dev").glob("*.sh"))]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_shell_scripts_are_valid(script):
    assert os.access(script, os.X_OK), f"{script} lost its executable bit"
    subprocess.run(["bash", "-n", script], check=True)
    if shutil.which("shellcheck"):
        proc = subprocess.run(["shellcheck", script], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout


def test_a_run_that_collects_no_test_fails():
    # CI counts a zero exit with no test run as "ran no test": pytest's 5 must reach the caller.
    # One small file, so that a broken test module elsewhere cannot turn 5 into 2.
    this_file = Path(__file__).relative_to(ROOT)
    proc = subprocess.run(
        [ROOT / "packaging" / "dev" / "run-tests.sh", this_file, "-k", "no_test_has_this_name_zq"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert proc.returncode == 5, proc.stdout[-2000:] + proc.stderr[-2000:]


@pytest.mark.skipif(
    os.environ.get("SFSYNC_TEST_SECRET_SERVICE") != "1", reason="no real Secret Service"
)
def test_real_secret_service_round_trip():
    import keyring
    from keyring.backends import SecretService

    from sfsync_gui.credentials import usable_backend

    # The default choice, not a forced one: this is what the app gets on a Linux desktop —
    # keyring's pick (a chainer, as the test extra keyrings.alt is installed) through the
    # app's keyring guard, which keeps only the real backend.
    backend = usable_backend()
    assert isinstance(backend, SecretService.Keyring), keyring.get_keyring()
    service, user, secret = "sfsync-gui-harness", f"user-{uuid.uuid4()}", "s3cr3t-\u00e9"
    backend.set_password(service, user, secret)
    try:
        assert backend.get_password(service, user) == secret
    finally:
        backend.delete_password(service, user)
    assert backend.get_password(service, user) is None


@pytest.mark.skipif(os.environ.get("SFSYNC_TEST_XVFB") != "1", reason="no real X server")
def test_real_x_server_shows_a_window_with_text():
    # A subprocess, since this process's Qt is already offscreen.
    probe = textwrap.dedent(
        """
        from PySide6.QtGui import QFontDatabase, QGuiApplication
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication([])
        assert QGuiApplication.platformName() == "xcb", QGuiApplication.platformName()
        assert QFontDatabase.families(), "no fonts: text would render as empty boxes"
        label = QLabel("Sync")
        label.setStyleSheet("background: white; color: black; font-size: 32px")
        label.show()
        app.processEvents()
        image = label.grab().toImage()
        dark = sum(
            1
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).lightness() < 128
        )
        assert dark > 20, f"label rendered no text ({dark} dark pixels)"
        print("ok")
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, env=env
    )
    assert proc.returncode == 0 and "ok" in proc.stdout, (
        f"Qt could not show a window on DISPLAY={os.environ.get('DISPLAY')} "
        f"(rerun with QT_DEBUG_PLUGINS=1 to name a missing library):\n{proc.stderr[-3000:]}"
    )
