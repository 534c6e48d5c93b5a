"""Signing in from the window (pytest-qt, offscreen) against the local org over real HTTPS:
the browser sign-in end to end then a sync with that profile, client credentials, a wrong
secret, unreachable and untrusted URLs, cancel while the browser is out, a refused refresh
→ "Sign in again…" → the sync resumes, the profile picker, sign-out, and the fields each
method shows. Secrets live in an in-memory keyring; one test uses the real Secret Service
(``make test``)."""

from __future__ import annotations

import logging
import os
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtWidgets import QLineEdit

from sfsync_gui.credentials import PASSWORD_WARNING, Credentials, Profile, SecretStore
from sfsync_gui.credentials.testing import MemoryKeyring
from sfsync_gui.localorg.server import RunningOrg
from sfsync_gui.ui.controller import SyncController
from sfsync_gui.ui.main_window import MainWindow
from sfsync_gui.ui.profile_picker import ProfilePickerDialog
from sfsync_gui.ui.signin_dialog import SignInDialog
from sfsync_gui.ui.source import PROFILE, choose_source
from sfsync_gui.ui.stall import StallMeter

from ..credentials.conftest import play_browser
from .conftest import FIRST_CYCLE_MS, INTERVAL

SIGN_IN_THREADS = ("sfsync-sign-in", "sfsync-pkce-sign-in", "sfsync-sign-out",
                   "sfsync-test-browser")


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """The keyring of every test here (and of the sync thread's profile tokens)."""
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture(autouse=True)
def no_sign_in_thread_left() -> Iterator[None]:
    """Fails a test that leaves a sign-in (or sign-out, or test browser) thread running."""
    yield
    end = time.monotonic() + 10
    while time.monotonic() < end:
        left = [t.name for t in threading.enumerate() if t.name in SIGN_IN_THREADS]
        if not left:
            return
        time.sleep(0.05)
    raise AssertionError(f"sign-in threads left running: {left}")


class Browser:
    """Plays the system browser: signs in on the org's page as the sync user, in a thread
    (as a real browser would, beside the app)."""

    def __init__(self, org: RunningOrg, *, play: bool = True) -> None:
        self.org, self.play = org, play
        self.urls: list[str] = []
        self.threads: list[threading.Thread] = []

    def __call__(self, url: str) -> bool:
        self.urls.append(url)
        if self.play:
            t = threading.Thread(target=play_browser, args=(self.org, url),
                                 name="sfsync-test-browser", daemon=True)
            self.threads.append(t)
            t.start()
        return True

    def join(self) -> None:
        for t in self.threads:
            t.join(30)


def fill(dialog: SignInDialog, org: RunningOrg, *, name: str, method: str,
         secret: str | None = None, ca: bool = True, url: str | None = None) -> None:
    f = org.facts
    dialog.method.setCurrentIndex(dialog.method.findData(method))
    dialog.name.setText(name)
    dialog.environment.setCurrentIndex(2)  # custom domain
    dialog.url.setText(url or f.login_url)
    dialog.client_id.setText(f.client_id)
    dialog.ca_file.setText(f.ca_file if ca else "")
    if secret is not None:
        dialog.client_secret.setText(secret)


def new_window(qtbot, tmp_path: Path, org: RunningOrg | None = None) -> MainWindow:
    win = MainWindow(SyncController())
    qtbot.addWidget(win)
    win.db_path = tmp_path / "sfsync.db"
    if org is not None:
        win.open_url = Browser(org)
    win.show()
    return win


def close(win: MainWindow) -> None:
    if win.sign_in_window is not None:
        win.sign_in_window.reject()
        assert win.sign_in_window.wait_threads()
    win.close()
    assert not win.controller.running


def pkce_sign_in(creds: Credentials, org: RunningOrg, name: str) -> Profile:
    f = org.facts
    profile = Profile.new(name, f.login_url, "pkce", f.client_id, ca_file=f.ca_file)
    sign_in = creds.begin_pkce(profile, open_url=None, timeout=30)
    sign_in.start()
    play_browser(org, sign_in.authorize_url)
    return sign_in.result(30)


def all_files_text(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


# -- the browser sign-in, end to end -----------------------------------------------------------

def test_browser_sign_in_from_the_welcome_page_then_the_window_syncs_with_the_profile(
        qtbot, org: RunningOrg, tmp_path: Path, memory_keyring: MemoryKeyring,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    win = new_window(qtbot, tmp_path, org)
    win.welcome.sign_in.click()
    dialog = win.sign_in_window
    assert dialog is not None and dialog.isVisible()
    assert dialog.method_key == "pkce"  # the default
    fill(dialog, org, name="local", method="pkce")
    assert dialog.sign_in.isEnabled()
    with qtbot.waitSignal(win.first_cycle_done, timeout=FIRST_CYCLE_MS):
        dialog.sign_in.click()
        assert dialog.is_busy and not dialog.sign_in.isEnabled()
    win.open_url.join()
    assert not dialog.isVisible() and dialog.profile is not None
    assert len(win.open_url.urls) == 1 and "code_challenge_method=S256" in win.open_url.urls[0]

    saved = Credentials().get("local")
    assert saved.state == "signed_in" and saved.method == "pkce"
    assert saved.username == org.facts.sync_user.username
    refresh = memory_keyring.entries[("sfsync-gui/local", "refresh-token")]
    access = memory_keyring.entries[("sfsync-gui/local", "access-token")]
    for secret in (refresh, access):
        assert secret.encode() not in all_files_text(tmp_path)  # settings, QSettings, store
        assert secret not in caplog.text  # nor any log line, at DEBUG
    assert "signed in from the window: profile local" in caplog.text
    # connected exactly as --profile local
    assert win.controller.source == choose_source(demo=False, db=win.db_path,
                                                  profile="local")
    assert win.current_profile() == "local" and win.act_sign_out.isEnabled()
    assert win.settings.value("profiles/last") == "local"
    assert win.stack.currentIndex() == 1
    qtbot.waitUntil(lambda: win.records.pages["Lead"].model.rowCount() > 0, timeout=10_000)
    assert win.status.state in ("waiting", "syncing")
    close(win)


def test_cancel_while_the_browser_is_out(qtbot, org: RunningOrg, tmp_path: Path) -> None:
    browser = Browser(org, play=False)  # opens, and nobody signs in
    dialog = SignInDialog(Credentials(), open_url=browser)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, org, name="waits", method="pkce")
    meter = StallMeter()
    meter.start()  # the URL check, the keyring probe, the listener: none on the GUI thread
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: dialog.copy_link.isVisible(), timeout=10_000)
    assert meter.stop() < 0.1, f"the GUI thread stalled {meter.max_stall * 1000:.0f} ms"
    assert "left" in dialog.busy_text.text() and browser.urls
    pkce = dialog._attempt.pkce
    assert pkce is not None and pkce.status == "waiting"
    dialog.cancel.click()
    assert not dialog.is_busy and dialog.isVisible()  # Cancel stops the sign-in only
    assert "cancelled" in dialog.error.text() and dialog.sign_in.isEnabled()
    assert pkce.wait(5) and pkce.status == "cancelled"
    assert Credentials().list() == []
    dialog.reject()
    assert dialog.wait_threads()


def test_a_browser_that_never_answers_times_out(qtbot, org: RunningOrg) -> None:
    dialog = SignInDialog(Credentials(), open_url=Browser(org, play=False))
    qtbot.addWidget(dialog)
    dialog.pkce_timeout = 1.0
    dialog.show()
    fill(dialog, org, name="late", method="pkce")
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=20_000)
    assert "No answer came back from the browser within 1 second" in dialog.error.text()
    assert not dialog.is_busy and dialog.sign_in.isEnabled()
    assert Credentials().list() == []
    assert dialog.wait_threads()


def test_closing_the_dialog_while_waiting_cancels_the_sign_in(qtbot, org: RunningOrg) -> None:
    dialog = SignInDialog(Credentials(), open_url=Browser(org, play=False))
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, org, name="closed", method="pkce")
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: dialog.copy_link.isVisible(), timeout=10_000)
    pkce = dialog._attempt.pkce
    dialog.reject()  # Escape, or the window's close button
    assert pkce.wait(5) and pkce.status == "cancelled"
    assert dialog.wait_threads() and Credentials().list() == []


def test_untrusted_and_unreachable_login_urls_are_explained_before_any_browser(
        qtbot, org: RunningOrg) -> None:
    browser = Browser(org, play=False)
    dialog = SignInDialog(Credentials(), open_url=browser)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, org, name="tls", method="pkce", ca=False)  # the org's CA not given
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=20_000)
    assert "not trusted" in dialog.error.text() and "CA file" in dialog.error.text()
    fill(dialog, org, name="tls", method="pkce", url="https://127.0.0.1:9")
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: "cannot be reached" in dialog.error.text(), timeout=20_000)
    assert not browser.urls and Credentials().list() == []
    dialog.reject()
    assert dialog.wait_threads()


# -- the one-request methods ---------------------------------------------------------------------

def test_client_credentials_sign_in(qtbot, org: RunningOrg, memory_keyring: MemoryKeyring,
                                    caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    dialog = SignInDialog(Credentials())
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, org, name="cc", method="client-credentials", secret=org.facts.client_secret)
    meter = StallMeter()
    meter.start()
    with qtbot.waitSignal(dialog.signed_in, timeout=20_000) as got:
        dialog.sign_in.click()
    assert meter.stop() < 0.1, f"the GUI thread stalled {meter.max_stall * 1000:.0f} ms"
    assert got.args == ["cc"]
    saved = Credentials().get("cc")
    assert saved.method == "client-credentials" and saved.state == "signed_in"
    assert saved.instance_url == org.facts.instance_url
    assert memory_keyring.entries[("sfsync-gui/cc", "client-secret")] == org.facts.client_secret
    assert dialog.client_secret.text() == ""  # the typed secret is forgotten
    assert org.facts.client_secret not in caplog.text
    assert dialog.wait_threads()


def test_cancel_during_a_slow_client_credentials_sign_in_leaves_nothing_behind(
        qtbot, org: RunningOrg, memory_keyring: MemoryKeyring) -> None:
    """The token request cannot be called back; when it succeeds after Cancel, the profile
    it made is removed again."""
    org.control.add_fault("slow", path=r"^/services/oauth2/token", times=1, delay=1.0)
    creds = Credentials()
    undone: list[str] = []
    disconnect = creds.disconnect

    def spy(name: str, **kw: object) -> object:
        undone.append(name)
        return disconnect(name, **kw)  # type: ignore[arg-type]

    creds.disconnect = spy  # type: ignore[method-assign]
    try:
        dialog = SignInDialog(creds)
        qtbot.addWidget(dialog)
        dialog.show()
        fill(dialog, org, name="cc-cancelled", method="client-credentials",
             secret=org.facts.client_secret)
        dialog.sign_in.click()
        assert dialog.is_busy
        dialog.cancel.click()
        assert not dialog.is_busy and "cancelled" in dialog.error.text()
        assert dialog.wait_threads()  # the request came back (1 s) and was undone
    finally:
        org.control.clear_faults()
    assert undone == ["cc-cancelled"]  # it had succeeded, then was removed
    assert Credentials().list() == []
    assert not any(s == "sfsync-gui/cc-cancelled" for s, _ in memory_keyring.entries)


def test_a_wrong_secret_is_explained_in_the_dialog_and_nothing_is_saved(
        qtbot, org: RunningOrg, memory_keyring: MemoryKeyring) -> None:
    wrong = "Wr0ngSecret-" + uuid.uuid4().hex
    dialog = SignInDialog(Credentials())
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, org, name="cc-wrong", method="client-credentials", secret=wrong)
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=20_000)
    text = dialog.error.text()
    assert "refused the client secret" in text and "consumer secret" in text
    assert wrong not in text and dialog.isVisible() and dialog.sign_in.isEnabled()
    assert dialog.client_secret.text() == wrong  # kept to correct it
    assert Credentials().list() == [] and not memory_keyring.entries
    dialog.reject()
    assert dialog.client_secret.text() == ""
    assert dialog.wait_threads()


def test_the_password_method_warns_and_signs_in_with_the_security_token(
        qtbot, org: RunningOrg, memory_keyring: MemoryKeyring) -> None:
    from ..credentials.conftest import security_token

    user = org.facts.sync_user
    dialog = SignInDialog(Credentials())
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, org, name="legacy", method="password", secret=org.facts.client_secret)
    assert dialog.warning.isVisibleTo(dialog)  # the command line's warning
    assert "Summer '27" in PASSWORD_WARNING and "Summer '27" in dialog.warning.text()
    dialog.username.setText(user.username)
    dialog.password.setText(user.password + "-wrong")
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=20_000)
    assert "username, password or security token" in dialog.error.text()
    assert user.password not in dialog.error.text() and Credentials().list() == []
    dialog.password.setText(user.password)
    dialog.security_token.setText(security_token(org, user.username))
    with qtbot.waitSignal(dialog.signed_in, timeout=20_000):
        dialog.sign_in.click()
    assert memory_keyring.entries[("sfsync-gui/legacy", "password")] == user.password
    assert dialog.wait_threads()


def test_jwt_bearer_with_an_encrypted_key_asks_for_its_passphrase(
        qtbot, org: RunningOrg, tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    from ..credentials.test_methods import PASSPHRASE, encrypted_key

    dialog = SignInDialog(Credentials())
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, org, name="jwt", method="jwt")
    dialog.username.setText(org.facts.sync_user.username)
    dialog.key_file.setText(str(encrypted_key(org, tmp_path)))
    assert dialog.sign_in.isEnabled()  # the passphrase is optional: plain keys have none
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=20_000)
    assert "passphrase is needed" in dialog.error.text()
    dialog.passphrase.setText("not it")
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: "wrong passphrase" in dialog.error.text(), timeout=20_000)
    assert "not it" not in dialog.error.text() and Credentials().list() == []
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.signed_in, timeout=20_000):
        dialog.sign_in.click()
    assert memory_keyring.entries[("sfsync-gui/jwt", "key-passphrase")] == PASSPHRASE
    assert Credentials().get("jwt").key_file == str(tmp_path / "encrypted.pem")
    assert dialog.wait_threads()


# -- needs sign-in, and back ---------------------------------------------------------------------

def test_a_refused_refresh_offers_sign_in_again_and_the_sync_resumes(
        qtbot, org: RunningOrg, tmp_path: Path) -> None:
    pkce_sign_in(Credentials(), org, "again")
    win = new_window(qtbot, tmp_path, org)
    with qtbot.waitSignal(win.first_cycle_done, timeout=FIRST_CYCLE_MS):
        win.start(choose_source(demo=False, db=win.db_path, profile="again"),
                  interval=INTERVAL)
    assert not win.status.sign_in_again.isVisible()

    org.control.revoke_tokens("sync")  # the refresh token dies with the access token
    with qtbot.waitSignal(win.controller.cycle_done, timeout=30_000) as got:
        win.act_sync.trigger()
    assert got.args[0].summary.status == "needs_sign_in"
    assert Credentials().get("again").needs_sign_in
    assert win.status.state == "needs_sign_in" and win.status.sign_in_again.isVisible()
    bar = win.message_bar
    assert bar.isVisible() and "sign in again" in bar.label.text()
    assert bar.action.isVisible() and bar.action.text() == "Sign in again…"
    assert win.controller.running  # waiting, not crashed

    bar.action.click()
    dialog = win.sign_in_window
    assert dialog is not None and dialog.again is not None and dialog.isVisible()
    assert "no longer accepts" in dialog.intro.text()
    assert dialog.method_key == "pkce" and dialog.name.text() == "again"
    assert dialog.url.text() == org.facts.login_url
    assert dialog.client_id.text() == org.facts.client_id
    for locked in (dialog.method, dialog.name, dialog.environment, dialog.url,
                   dialog.client_id):
        assert not locked.isEnabled()
    assert dialog.ca_file.text() == org.facts.ca_file and dialog.sign_in.isEnabled()
    with qtbot.waitSignal(win.controller.cycle_done, timeout=30_000) as got:
        dialog.sign_in.click()
    win.open_url.join()
    assert got.args[0].summary.status == "ok"  # the same sync, resumed
    assert Credentials().get("again").state == "signed_in"
    assert win.status.state != "needs_sign_in" and not win.status.sign_in_again.isVisible()
    assert not bar.isVisible()
    close(win)


# -- profiles: picker, switch, sign out ---------------------------------------------------------

def two_profiles(org: RunningOrg) -> None:
    f = org.facts
    creds = Credentials()
    alpha = Profile.new("alpha", f.login_url, "client-credentials", f.client_id,
                        ca_file=f.ca_file)
    alpha.signed_in_at = "2026-01-02T03:04:05Z"
    creds.profiles.save(alpha)
    creds.profiles.save(Profile.new("beta", "sandbox", "pkce", "3MVG9beta"))
    creds.profiles.set_state("beta", "needs_sign_in", "expired access/refresh token")


def test_the_welcome_page_lists_several_profiles_and_remembers_the_last_one(
        qtbot, org: RunningOrg, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    two_profiles(org)
    assert choose_source(demo=False, db=None) is None  # several: the user picks
    win = new_window(qtbot, tmp_path)
    started: list[object] = []
    monkeypatch.setattr(win.controller, "start", lambda s, **kw: started.append(s))
    win.demo_data = tmp_path / "demo"
    win.settings.setValue("profiles/last", "beta")
    win.refresh_profiles()
    picker = win.welcome.picker
    assert picker.isVisible() and not win.welcome.demo.isVisible()
    assert picker.names() == ["alpha", "beta"] and picker.selected_name() == "beta"
    rows = {picker.list.topLevelItem(i).text(0): [picker.list.topLevelItem(i).text(c)
                                                  for c in range(4)] for i in range(2)}
    assert rows["alpha"][3] == "Signed in" and rows["beta"][3] == "Needs sign-in"
    assert rows["beta"][2] == "https://test.salesforce.com"

    with qtbot.waitSignal(win.welcome.sign_in_requested):
        picker.new_button.click()
    assert win.sign_in_window.again is None
    win.sign_in_window.reject()
    with qtbot.waitSignal(win.welcome.demo_requested):
        picker.demo_button.click()
    assert started.pop().demo_root == tmp_path / "demo"
    win.welcome.set_busy("")

    # the one that needs sign-in opens the dialog for it, locked to it
    picker.connect_button.click()
    assert win.sign_in_window is not None and win.sign_in_window.again.name == "beta"
    assert not win.sign_in_window.client_id.isEnabled()
    win.sign_in_window.reject()

    picker.list.setCurrentItem(picker.list.topLevelItem(0))
    picker.connect_button.click()
    assert started[0].kind == PROFILE and started[0].profile == "alpha"
    assert started[0].db_path == win.db_path
    assert win.settings.value("profiles/last") == "alpha"
    assert not picker.isEnabled()  # starting: no second choice meanwhile


def test_switch_profile_dialog_says_what_was_chosen(qtbot, org: RunningOrg) -> None:
    two_profiles(org)
    dialog = ProfilePickerDialog(Credentials().list(), "alpha", "alpha")
    qtbot.addWidget(dialog)
    assert dialog.picker.list.topLevelItem(0).text(0) == "alpha (now)"
    item = dialog.picker.list.topLevelItem(1)
    dialog.picker.list.itemActivated.emit(item, 0)  # double-click / Enter
    assert dialog.choice == ("profile", "beta") and dialog.result() == 1


def test_a_profile_never_signed_in_says_so_and_asks_for_the_sign_in(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Credentials().profiles.save(Profile.new("fresh", "acme.my.salesforce.com", "pkce",
                                            "3MVG9fresh"))
    win = new_window(qtbot, tmp_path)
    monkeypatch.setattr(win.controller, "start", lambda *a, **k: pytest.fail("started"))
    win.refresh_profiles()
    assert win.welcome.picker.list.topLevelItem(0).text(3) == "Not signed in yet"
    win.welcome.picker.connect_button.click()
    assert win.sign_in_window.again.name == "fresh" and win.sign_in_window.isVisible()
    assert "no longer accepts" not in win.sign_in_window.intro.text()
    win.sign_in_window.reject()


def test_switching_then_signing_out(qtbot, org: RunningOrg, tmp_path: Path,
                                    memory_keyring: MemoryKeyring) -> None:
    f = org.facts
    creds = Credentials()
    for name in ("one", "two"):
        creds.sign_in_client_credentials(Profile.new(name, f.login_url, "client-credentials",
                                                     f.client_id, ca_file=f.ca_file),
                                         f.client_secret)
    win = new_window(qtbot, tmp_path)
    with qtbot.waitSignal(win.first_cycle_done, timeout=FIRST_CYCLE_MS):
        win.start(choose_source(demo=False, db=tmp_path / "one.db", profile="one"),
                  interval=INTERVAL)
    win.db_path = tmp_path / "two.db"
    with qtbot.waitSignal(win.first_cycle_done, timeout=FIRST_CYCLE_MS):
        win.connect_profile("two")  # what "Switch profile…" does with its choice
    assert win.current_profile() == "two" and win.store.path == tmp_path / "two.db"
    qtbot.waitUntil(lambda: win.records.pages["Lead"].model.rowCount() > 0, timeout=10_000)

    asked: list[str] = []

    def say_no(title: str, text: str) -> bool:
        asked.append(text)
        return False

    win.confirm = say_no
    win.act_sign_out.trigger()
    assert asked and "two" in asked[0] and win.controller.running  # said no: nothing done
    win.confirm = lambda title, text: True
    win.act_sign_out.trigger()
    assert not win.controller.running and win.stack.currentIndex() == 0
    qtbot.waitUntil(lambda: "Signed out of two" in win.welcome.status.text(), timeout=20_000)
    assert [p.name for p in Credentials().list()] == ["one"]
    assert not any(s == "sfsync-gui/two" for s, _ in memory_keyring.entries)
    assert win.welcome.picker.names() == ["one"]
    close(win)


# -- what each method shows ---------------------------------------------------------------------

def test_each_method_shows_its_own_fields_and_sign_in_waits_for_them(qtbot) -> None:
    dialog = SignInDialog(Credentials())
    qtbot.addWidget(dialog)
    dialog.show()
    fields = {"username": dialog.username, "key": dialog.key_file,
              "passphrase": dialog.passphrase, "secret": dialog.client_secret,
              "password": dialog.password, "token": dialog.security_token,
              "warning": dialog.warning}
    expected = {"pkce": set(), "jwt": {"username", "key", "passphrase"},
                "client-credentials": {"secret"},
                "password": {"username", "password", "token", "secret", "warning"}}
    assert dialog.method_key == "pkce" and dialog.name.text() == "default"
    assert dialog.environment.currentIndex() == 0 and not dialog.url.isVisibleTo(dialog)
    for method, shown in expected.items():
        dialog.method.setCurrentIndex(dialog.method.findData(method))
        assert {k for k, w in fields.items() if w.isVisibleTo(dialog)} == shown, method
        dialog.advanced_toggle.setChecked(True)
        assert dialog.callback_port.isVisibleTo(dialog) == (method == "pkce")
        assert dialog.ca_file.isVisibleTo(dialog)
    for secret in (dialog.passphrase, dialog.client_secret, dialog.password,
                   dialog.security_token):
        assert secret.echoMode() == QLineEdit.EchoMode.Password

    # Sign in only once what the method needs is there
    dialog.method.setCurrentIndex(dialog.method.findData("client-credentials"))
    assert dialog.environment.currentIndex() == 2  # client credentials need My Domain
    dialog.environment.setCurrentIndex(0)
    dialog.client_id.setText("3MVG9x")
    dialog.client_secret.setText("s3cret-value")
    assert not dialog.sign_in.isEnabled() and "My Domain" in dialog.missing.text()
    dialog.environment.setCurrentIndex(2)
    assert not dialog.sign_in.isEnabled() and "login URL" in dialog.missing.text()
    dialog.url.setText("acme.my.salesforce.com")
    assert dialog.sign_in.isEnabled() and not dialog.missing.isVisible()
    assert "s3cret-value" not in " ".join(
        w.text() for w in dialog.findChildren(QLineEdit) if w.echoMode() == 0)
    dialog.name.setText("bad name!")
    assert not dialog.sign_in.isEnabled() and "letters, digits" in dialog.missing.text()
    dialog.name.setText("ok")
    dialog.method.setCurrentIndex(dialog.method.findData("jwt"))
    assert not dialog.sign_in.isEnabled()
    assert "username" in dialog.missing.text() and "private key" in dialog.missing.text()


def test_a_taken_name_is_refused_for_a_new_sign_in(qtbot, org: RunningOrg) -> None:
    two_profiles(org)
    dialog = SignInDialog(Credentials())
    qtbot.addWidget(dialog)
    fill(dialog, org, name="alpha", method="pkce")
    assert not dialog.sign_in.isEnabled() and "exists" in dialog.missing.text()


# -- the real Secret Service (make test) ---------------------------------------------------------

@pytest.mark.skipif(os.environ.get("SFSYNC_TEST_SECRET_SERVICE") != "1",
                    reason="needs a real Secret Service: run 'make test' (gnome-keyring on a "
                           "private D-Bus session, SFSYNC_TEST_SECRET_SERVICE=1)")
def test_signing_in_from_the_window_keeps_the_secret_in_the_secret_service_only(
        qtbot, org: RunningOrg, tmp_path: Path) -> None:
    from keyring.backends import SecretService

    real = SecretService.Keyring()
    keyring.set_keyring(real)  # memory_keyring puts the one before back afterwards
    name = f"gui-{uuid.uuid4().hex[:10]}"
    win = new_window(qtbot, tmp_path)
    try:
        win.open_sign_in()
        dialog = win.sign_in_window
        fill(dialog, org, name=name, method="client-credentials",
             secret=org.facts.client_secret)
        with qtbot.waitSignal(win.first_cycle_done, timeout=FIRST_CYCLE_MS):
            dialog.sign_in.click()
        assert Credentials().secrets.backend_name == "keyring.backends.SecretService.Keyring"
        assert real.get_password(f"sfsync-gui/{name}", "client-secret") == \
            org.facts.client_secret
        token = real.get_password(f"sfsync-gui/{name}", "access-token")
        assert token
        close(win)
        # config (profiles.json), QSettings, the store and its WAL: no secret anywhere
        text = all_files_text(tmp_path)
        assert (tmp_path / "config" / "profiles.json").exists() and win.db_path.exists()
        for secret in (org.facts.client_secret, token):
            assert secret.encode() not in text
    finally:
        SecretStore(real).delete_all(name)


def test_a_profile_that_needs_sign_in_at_start_offers_sign_in_again(
        qtbot, org: RunningOrg, tmp_path: Path) -> None:
    """sfsync-gui --profile beta, beta refused since (and never synced): no crash loop, no
    token request; the window says so and offers the sign-in locked to beta."""
    two_profiles(org)
    win = new_window(qtbot, tmp_path)
    with qtbot.waitSignal(win.controller.cycle_done, timeout=20_000) as got:
        win.start(choose_source(demo=False, db=win.db_path, profile="beta"))
    assert got.args[0].summary.status == "needs_sign_in"
    assert win.status.state == "needs_sign_in" and win.status.sign_in_again.isVisible()
    win.status.sign_in_again.click()
    assert win.sign_in_window is not None and win.sign_in_window.again.name == "beta"
    close(win)


def test_a_profile_that_cannot_start_brings_the_picker_back(qtbot, org: RunningOrg,
                                                             tmp_path: Path) -> None:
    two_profiles(org)
    win = new_window(qtbot, tmp_path)
    with qtbot.waitSignal(win.controller.failed, timeout=20_000):
        win.start(choose_source(demo=False, db=win.db_path, profile="ghost"))
    assert "no profile named 'ghost'" in win.welcome.status.text()
    assert win.welcome.picker.isVisible() and win.welcome.picker.names() == ["alpha", "beta"]
    close(win)


def test_errors_are_told_in_plain_words_without_secrets(qtbot) -> None:
    from sfsync_gui.credentials import SignInFailed, SignInTimedOut
    from sfsync_gui.salesforce.errors import NeedsSignIn, SalesforceError, TransientError
    from sfsync_gui.ui.signin_errors import explain

    url = "https://acme.my.salesforce.com"

    def told(exc: BaseException, method: str = "pkce", **kw: object) -> str:
        return explain(exc, method=method, login_url=url, **kw)  # type: ignore[arg-type]

    assert "within 5 minute" in told(SignInTimedOut("late"), timeout=300)
    assert "denied in the browser" in told(SignInFailed("ACCESS_DENIED", "no"))
    assert "not trusted" in told(SalesforceError("CERTIFICATE_VERIFY_FAILED", "x"))
    assert f"{url} cannot be reached" in told(TransientError("CONNECTION_ERROR", "refused"))
    assert "client id" in told(NeedsSignIn("invalid_client_id", "client identifier invalid"))
    assert "pre-authorized" in told(NeedsSignIn("invalid_grant", "invalid assertion"), "jwt")
    typed = "Hunter2-typed-secret"
    leaked = told(RuntimeError(f"boom {typed} refresh_token=5Aep861abcdef"), typed=[typed])
    assert typed not in leaked and "5Aep861abcdef" not in leaked
    assert "failed unexpectedly (RuntimeError)" in leaked
