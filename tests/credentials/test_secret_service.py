"""Against a real Secret Service (gnome-keyring on a private D-Bus, as ``make test`` and CI
run it): secrets stored, read and removed; profiles and secrets survive a restart (a new
process); and the command line as a new user meets it, with keyring's own choice of
backend."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from sfsync_gui.credentials import Credentials, Profile, SecretStore
from sfsync_gui.localorg.server import RunningOrg

from .conftest import play_browser

pytestmark = pytest.mark.skipif(
    os.environ.get("SFSYNC_TEST_SECRET_SERVICE") != "1",
    reason="needs a real Secret Service: run 'make test' (gnome-keyring on a private D-Bus "
           "session, SFSYNC_TEST_SECRET_SERVICE=1)")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def secret_service() -> object:
    from keyring.backends import SecretService

    return SecretService.Keyring()


@pytest.fixture
def name() -> Iterator[str]:
    """A profile name of this test run; its secrets are removed afterwards, whatever
    happens."""
    from keyring.backends import SecretService

    value = f"test-{uuid.uuid4().hex[:10]}"
    yield value
    SecretStore(SecretService.Keyring()).delete_all(value)


def sfsync(*argv: str, config: Path, stdin: str = "", check: bool = True
           ) -> subprocess.CompletedProcess[str]:
    """``sfsync`` in a new process, keyring choosing its backend as for any user."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    env["SFSYNC_CONFIG_DIR"] = str(config)
    proc = subprocess.run([sys.executable, "-m", "sfsync_gui.cli", *argv], input=stdin,
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def test_store_read_remove_and_survive_a_restart(secret_service: object, name: str,
                                                 org: RunningOrg, config_dir: Path) -> None:
    f = org.facts
    creds = Credentials(config_dir, secret_service)  # type: ignore[arg-type]
    assert creds.check_keyring() == "keyring.backends.SecretService.Keyring"
    profile = Profile.new(name, f.login_url, "client-credentials", f.client_id,
                          ca_file=f.ca_file)
    creds.sign_in_client_credentials(profile, f.client_secret)

    # a restart: new objects in this process, and a new process
    again = Credentials(config_dir, secret_service)  # type: ignore[arg-type]
    assert again.get(name).state == "signed_in"
    assert again.secrets.get(name, "client-secret") == f.client_secret
    code = ("import sys; from sfsync_gui.credentials import Credentials; c = Credentials(); "
            f"t = c.tokens({name!r}); t.refresh(); "
            f"print(c.get({name!r}).method, c.secrets.get({name!r}, 'client-secret') "
            f"== {f.client_secret!r}, c.secrets.backend_name)")
    env = dict(os.environ, SFSYNC_CONFIG_DIR=str(config_dir))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["client-credentials", "True",
                                  "keyring.backends.SecretService.Keyring"]

    done = again.disconnect(name)
    assert sorted(done.removed) == ["access-token", "client-secret"]
    for kind in ("access-token", "client-secret"):
        assert secret_service.get_password(f"sfsync-gui/{name}", kind) is None  # type: ignore[attr-defined]


def test_the_command_line_as_a_new_user(secret_service: object, name: str, org: RunningOrg,
                                        tmp_path: Path) -> None:
    f = org.facts
    config = tmp_path / "cfg"
    local = ["--login-url", f.login_url, "--ca-file", f.ca_file, "--client-id", f.client_id]

    # the browser sign-in, with the URL printed
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    env["SFSYNC_CONFIG_DIR"] = str(config)
    proc = subprocess.Popen(
        [sys.executable, "-m", "sfsync_gui.cli", "connect", "--name", name, *local,
         "--no-browser", "--timeout", "60"], stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        url = ""
        while not url.startswith("https://"):
            line = proc.stderr.readline()  # type: ignore[union-attr]
            assert line, "sfsync connect ended without printing the sign-in URL"
            url = line.strip()
        play_browser(org, url)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert f"Signed in: profile {name!r} (pkce)" in out
    assert "keyring.backends.SecretService.Keyring" in out
    refresh = secret_service.get_password(f"sfsync-gui/{name}", "refresh-token")  # type: ignore[attr-defined]
    assert refresh and refresh not in (config / "profiles.json").read_text()

    cc = f"{name}-cc"
    try:
        sfsync("connect", "--name", cc, "--method", "client-credentials", *local,
               config=config, stdin=f.client_secret + "\n")
        assert secret_service.get_password(  # type: ignore[attr-defined]
            f"sfsync-gui/{cc}", "client-secret") == f.client_secret
        listing = sfsync("profiles", config=config).stdout
        assert name in listing and cc in listing and "signed in" in listing
        for profile in (name, cc):
            r = sfsync("sync", "--once", "--profile", profile, "--db",
                       str(tmp_path / f"{profile}.db"), config=config)
            assert "Cycle 1: ok" in r.stdout
        sfsync("disconnect", cc, config=config)
    finally:
        SecretStore(secret_service).delete_all(cc)  # type: ignore[arg-type]
    r = sfsync("disconnect", name, config=config)
    assert "refresh token was revoked" in r.stdout
    for profile in (name, cc):
        for kind in ("refresh-token", "access-token", "client-secret"):
            assert secret_service.get_password(f"sfsync-gui/{profile}", kind) is None  # type: ignore[attr-defined]
    assert "No profiles yet" in sfsync("profiles", config=config).stdout
