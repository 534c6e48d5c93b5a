"""Secrets in the window: every secret field is masked while typed (echo mode) and in its
screenshot, a sign-in leaves them only in the keyring, and the crash dialog's report of a
traceback full of tokens shows none of them. Everything the session leaves — settings and
data folders, screenshots' PNG bytes, log records, standard output — is scanned for each
secret as typed, URL-encoded, JSON-escaped and base64 at any alignment."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest
from PySide6.QtWidgets import QLineEdit

from sfsync_gui.credentials import Credentials
from sfsync_gui.credentials.testing import MemoryKeyring
from sfsync_gui.localorg.server import RunningOrg, start_local_org
from sfsync_gui.ui.crash import CrashDialog, format_exception
from sfsync_gui.ui.signin_dialog import SignInDialog

from ..credentials.conftest import memory_keyring, security_token  # noqa: F401 - fixture
from ..gui.conftest import english, no_thread_left, private_settings  # noqa: F401 - fixtures
from ..gui.test_signin import fill
from .secret_forms import leaks

TOKEN_RE = re.compile(r"00D[A-Za-z0-9]{12,15}![A-Za-z0-9._\-]{20,}")
PASSPHRASE = "lilac-heron-passphrase-77"


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningOrg]:
    running = start_local_org(tmp_path_factory.mktemp("secrets-org"), seed=10)
    yield running
    running.stop()


def test_no_secret_leaves_the_window(qtbot, org: RunningOrg, tmp_path: Path,
                                     memory_keyring: MemoryKeyring,  # noqa: F811
                                     caplog: pytest.LogCaptureFixture,
                                     capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    caplog.set_level(logging.DEBUG)
    data = tmp_path / "user-data"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(data))
    f = org.facts
    token = security_token(org, f.sync_user.username)
    shots = tmp_path / "shots"
    shots.mkdir()

    # -- typing secrets: each field masked, on screen too ---------------------------------
    dialog = SignInDialog(Credentials())
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, org, name="pw", method="password", secret=f.client_secret)
    dialog.username.setText(f.sync_user.username)
    dialog.password.setText(f.sync_user.password)
    dialog.security_token.setText(token)
    dialog.passphrase.setText(PASSPHRASE)
    secret_fields = [dialog.client_secret, dialog.password, dialog.security_token,
                     dialog.passphrase]
    for field in secret_fields:
        assert field.echoMode() == QLineEdit.EchoMode.Password, field.objectName()
        assert field.displayText() != field.text()  # what is drawn is the mask
    dialog.grab().save(str(shots / "sign-in-typed.png"))
    with qtbot.waitSignal(dialog.signed_in, timeout=20_000):
        dialog.sign_in.click()
    assert all(field.text() == "" for field in secret_fields)  # forgotten once used
    dialog.grab().save(str(shots / "sign-in-done.png"))
    assert dialog.wait_threads()
    kept = set(memory_keyring.entries.values())
    access = next(s for s in kept if TOKEN_RE.fullmatch(s))

    # -- a bug whose traceback carries tokens and secrets ---------------------------------
    try:
        raise RuntimeError(f"call failed: Authorization: Bearer {access}; "
                           f"client_secret={f.client_secret}&password={f.sync_user.password}"
                           f" token {access} refresh_token: {max(kept, key=len)}")
    except RuntimeError:
        report = format_exception(*sys.exc_info())
    crash = CrashDialog(report)
    qtbot.addWidget(crash)
    crash.show()
    crash.grab().save(str(shots / "crash.png"))
    assert "RuntimeError" in crash.details.toPlainText()

    # -- scan everything the session left ---------------------------------------------------
    secrets = kept | {f.client_secret, f.sync_user.password, token, PASSPHRASE}
    assert len(kept) >= 3
    out, err = capsys.readouterr()
    places: dict[str, bytes | str] = {
        "crash report": crash.text, "crash dialog": crash.details.toPlainText(),
        "logs": "\n".join(r.getMessage() + (logging.Formatter().formatException(r.exc_info)
                                             if r.exc_info else "")
                          for r in caplog.records),
        "stdout": out, "stderr": err}
    for folder in (tmp_path / "config", data, shots):
        for path in folder.rglob("*") if folder.exists() else []:
            if path.is_file():
                places[str(path.relative_to(tmp_path))] = path.read_bytes()
    assert sum(1 for p in places if p.endswith(".png")) == 3
    assert any("profiles" in p for p in places)
    assert leaks(repr(memory_keyring.entries), secrets)  # the scan does see them
    found = {where: leaks(text, secrets) for where, text in places.items()}
    assert {w: v for w, v in found.items() if v} == {}
