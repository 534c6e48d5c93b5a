"""The sign-in dialog: the four ways into a Salesforce org that ``sfsync connect`` knows —
browser sign-in with PKCE (the default), JWT bearer, client credentials, username and
password — saved as a profile by :mod:`sfsync_gui.credentials` (secrets in the keyring).

Only the fields of the chosen method show. Every network or keyring call runs off the GUI
thread (:mod:`.signin_runner`); Cancel really stops the sign-in; what went wrong is told in
plain words (:mod:`.signin_errors`).

Secrets stay in password-echo fields and go only to the credentials layer: they are never
logged, never shown, and scrubbed from any message before it is shown.
"""

from __future__ import annotations

import logging
import threading
import time
import webbrowser
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..credentials import (
    CLIENT_CREDENTIALS,
    JWT,
    PASSWORD,
    PKCE,
    Credentials,
    Profile,
    SignInFailed,
)
from ..credentials.pkce import DEFAULT_TIMEOUT
from ..credentials.profiles import (
    CUSTOM,
    PRODUCTION,
    PRODUCTION_URL,
    SANDBOX,
    SANDBOX_URL,
    check_name,
)
from ..salesforce.errors import ConfigError, SalesforceError
from . import state_style
from .signin_errors import explain
from .signin_runner import Attempt, Outcome, SignInRunner

log = logging.getLogger("sfsync.ui")

#: Environments, in the order of the combo box.
ENVIRONMENTS = (PRODUCTION, SANDBOX, CUSTOM)


class SignInDialog(QDialog):
    """Sign in to Salesforce and save the sign-in as a profile.

    Args:
        credentials: where profiles and secrets go (default: ``Credentials()``).
        profile: sign this existing profile in again: its name, method, login URL and
            client id are shown and locked.
        open_url: opens the browser sign-in page (default: the system browser); tests
            pass one that plays the browser.
        parent: the parent widget.

    Signals:
        signed_in(str): the profile of that name is signed in and saved.
        busy_changed(bool): a sign-in started or ended.
    """

    signed_in = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, credentials: Credentials | None = None, *,
                 profile: Profile | None = None,
                 open_url: Callable[[str], object] | None = webbrowser.open,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sign-in-dialog")
        self.credentials = credentials if credentials is not None else Credentials()
        self.again = profile
        self.open_url = open_url
        #: seconds the browser sign-in waits for the browser
        self.pkce_timeout = DEFAULT_TIMEOUT
        #: the profile saved by the last successful sign-in
        self.profile: Profile | None = None
        self._attempt: Attempt | None = None
        #: fields of a profile signed in again, which stay as they are
        self._locked: list[QWidget] = []
        self._opened = True
        self.runner = SignInRunner(self.credentials, open_url, self)
        self._deadline = 0.0
        self._taken = {p.name for p in self._profiles()}
        self.setWindowTitle(self.tr("Sign in again — sfsync") if profile else
                            self.tr("Sign in to Salesforce — sfsync"))
        self._build()
        self.runner.finished.connect(self._on_finished)
        self.runner.browser_waiting.connect(self._on_browser_waiting)
        if profile is not None:
            self._prefill(profile)
        else:
            self.name.setText(self._free_name())
        self._method_changed()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        if self.again is not None and not self.again.needs_sign_in:
            self.intro.setText(self.tr("Sign in to profile “{0}” to sync with it; its "
                                       "settings stay as saved.").format(self.again.name))
        elif self.again is not None:
            why = f" ({self.again.state_reason})" if self.again.state_reason else ""
            self.intro.setText(self.tr(
                "Salesforce no longer accepts the sign-in of profile “{0}”{1}. Sign in "
                "again to resume the sync; nothing synced so far is lost.").format(
                    self.again.name, why))
        else:
            self.intro.setText(self.tr(
                "Sign in once; the window then syncs with this org. Secrets are kept in "
                "the system keyring, never in a file."))

        self.method = QComboBox(self)
        self.method.setAccessibleName(self.tr("Sign-in method"))
        for key, text in ((PKCE, self.tr("Browser sign-in (recommended)")),
                          (JWT, self.tr("JWT bearer (private key, unattended)")),
                          (CLIENT_CREDENTIALS, self.tr("Client credentials (unattended)")),
                          (PASSWORD, self.tr("Username and password (legacy)"))):
            self.method.addItem(text, key)
        self.name = self._line(self.tr("Profile name"))
        self.name.setToolTip(self.tr("How this sign-in is called (sfsync --profile NAME)"))
        self.environment = QComboBox(self)
        self.environment.setAccessibleName(self.tr("Environment"))
        self.environment.addItem(self.tr("Production (login.salesforce.com)"), PRODUCTION)
        self.environment.addItem(self.tr("Sandbox (test.salesforce.com)"), SANDBOX)
        self.environment.addItem(self.tr("Custom domain (My Domain or another URL)"), CUSTOM)
        self.url = self._line(self.tr("Login URL"))
        self.url.setPlaceholderText(self.tr("https://yourcompany.my.salesforce.com"))
        self.client_id = self._line(self.tr("Client id"))
        self.client_id.setPlaceholderText(self.tr("the connected app's consumer key"))
        self.client_id.setToolTip(self.tr("The consumer key of the connected app your Salesforce "
                                          "admin set up for sfsync"))
        self.username = self._line(self.tr("Username"))
        self.username.setPlaceholderText(self.tr("user@example.com"))
        self.key_file = self._line(self.tr("Private key file"))
        self.key_file.setPlaceholderText(self.tr("PEM file that signs the JWT assertions"))
        key_row = self._with_browse(self.key_file, self._pick_key_file,
                                    self.tr("Choose the private key file"))
        self.passphrase = self._secret(self.tr("Key passphrase"))
        self.passphrase.setPlaceholderText(self.tr("only if the key file is encrypted"))
        self.client_secret = self._secret(self.tr("Client secret"))
        self.client_secret.setPlaceholderText(self.tr("the connected app's consumer secret"))
        self.password = self._secret(self.tr("Password"))
        self.security_token = self._secret(self.tr("Security token"))
        self.security_token.setPlaceholderText(self.tr("empty if your IP address is trusted"))
        # the command line's warning (PASSWORD_WARNING), in the window's words
        self.warning = QLabel(self.tr(
            "The username-password flow is legacy: Salesforce blocks it by default in orgs "
            "created since Summer '23 and retires SOAP login() in Summer '27. Prefer Browser "
            "sign-in or, unattended, JWT bearer or Client credentials."), self)
        self.warning.setObjectName("password-warning")
        self.warning.setAccessibleName(self.tr("Legacy sign-in warning"))
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        c = state_style.colour("conflict")
        self.warning.setStyleSheet(f"#password-warning {{ border: 1px solid {c.name()}; "
                                   f"border-radius: 4px; padding: 4px; background: "
                                   f"rgba({c.red()}, {c.green()}, {c.blue()}, 28); }}")

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("Sign in with"), self.method)
        self.form.addRow(self.tr("Profile name"), self.name)
        self.form.addRow(self.tr("Environment"), self.environment)
        self.form.addRow(self.tr("Login URL"), self.url)
        self.form.addRow(self.tr("Client id"), self.client_id)
        self.form.addRow(self.tr("Username"), self.username)
        self.form.addRow(self.tr("Private key file"), key_row)
        self.form.addRow(self.tr("Key passphrase"), self.passphrase)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.tr("Security token"), self.security_token)
        self.form.addRow(self.tr("Client secret"), self.client_secret)
        self.form.addRow(self.warning)
        self._key_row = key_row

        self.advanced_toggle = QToolButton(self)
        self.advanced_toggle.setText(self.tr("Advanced"))
        self.advanced_toggle.setAccessibleName(self.tr("Advanced settings"))
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_toggle.setAutoRaise(True)
        self.advanced = QWidget(self)
        self.ca_file = self._line(self.tr("CA file"))
        self.ca_file.setPlaceholderText(self.tr("the system's certificates"))
        self.ca_file.setToolTip(self.tr("A CA bundle (PEM) to trust instead of the system's, "
                                        "for a private org such as the local one"))
        ca_row = self._with_browse(self.ca_file, self._pick_ca_file,
                                   self.tr("Choose the CA file"))
        self.callback_port = QSpinBox(self)
        self.callback_port.setAccessibleName(self.tr("Callback port"))
        self.callback_port.setRange(0, 65535)
        self.callback_port.setSpecialValueText(self.tr("any free port"))
        self.callback_port.setToolTip(self.tr(
            "Browser sign-in: the loopback port. Give one when the connected app's callback "
            "URL names it: http://127.0.0.1:PORT/callback"))
        self.advanced_form = QFormLayout(self.advanced)
        self.advanced_form.setContentsMargins(0, 0, 0, 0)
        self.advanced_form.addRow(self.tr("CA file"), ca_row)
        self.advanced_form.addRow(self.tr("Callback port"), self.callback_port)
        self.advanced.hide()

        self.missing = QLabel(self)
        self.missing.setObjectName("sign-in-missing")
        self.missing.setWordWrap(True)
        self.missing.setTextFormat(Qt.TextFormat.PlainText)
        self.missing.setEnabled(False)  # greyed: a hint, not an error
        self.error = QLabel(self)
        self.error.setObjectName("sign-in-error")
        self.error.setAccessibleName(self.tr("Sign-in error"))
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setStyleSheet(f"color: {state_style.colour('failed').name()}")
        self.error.hide()

        self.busy = QWidget(self)
        self.busy_text = QLabel(self.busy)
        self.busy_text.setWordWrap(True)
        self.busy_text.setTextFormat(Qt.TextFormat.PlainText)
        self.busy_text.setAccessibleName(self.tr("Sign-in progress"))
        self.progress = QProgressBar(self.busy)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.open_again = QPushButton(self.tr("Open the sign-in page again"), self.busy)
        self.copy_link = QPushButton(self.tr("Copy the link"), self.busy)
        self.copy_link.setToolTip(self.tr("Paste it into the browser you sign in with"))
        links = QHBoxLayout()
        links.setContentsMargins(0, 0, 0, 0)
        links.addWidget(self.open_again)
        links.addWidget(self.copy_link)
        links.addStretch()
        bl = QVBoxLayout(self.busy)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.busy_text)
        bl.addWidget(self.progress)
        bl.addLayout(links)
        self.busy.hide()
        self._link = ""
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

        self.buttons = QDialogButtonBox(self)
        self.sign_in = self.buttons.addButton(self.tr("Sign in"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in.setAccessibleName(self.tr("Sign in"))
        self.sign_in.setDefault(True)
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel.setAccessibleName(self.tr("Cancel"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(6)
        layout.addLayout(self.form)
        layout.addWidget(self.advanced_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.advanced)
        layout.addWidget(self.missing)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addStretch()
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        self.method.currentIndexChanged.connect(self._method_changed)
        self.environment.currentIndexChanged.connect(self._environment_changed)
        self.advanced_toggle.toggled.connect(self._show_advanced)
        for edit in (self.name, self.url, self.client_id, self.username, self.key_file,
                     self.client_secret, self.password, self.ca_file):
            edit.textChanged.connect(self._update_button)
        self.sign_in.clicked.connect(self.start_sign_in)
        self.cancel.clicked.connect(self._cancel_clicked)
        self.open_again.clicked.connect(self._open_link)
        self.copy_link.clicked.connect(self._copy_link)

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setClearButtonEnabled(True)
        return edit

    def _secret(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _with_browse(self, edit: QLineEdit, pick: Callable[[], None], what: str) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        button = QPushButton(self.tr("Browse…"), row)
        button.setAccessibleName(what)
        button.clicked.connect(pick)
        layout.addWidget(edit, 1)
        layout.addWidget(button)
        return row

    def _profiles(self) -> list[Profile]:
        try:
            return self.credentials.list()
        except ConfigError:  # a damaged settings file: sign-in says so when it saves
            return []

    def _free_name(self) -> str:
        if "default" not in self._taken:
            return "default"
        n = 2
        while f"salesforce-{n}" in self._taken:
            n += 1
        return f"salesforce-{n}"

    def _prefill(self, p: Profile) -> None:
        """Show ``p`` and lock what identifies it: name, method, login URL, client id."""
        self.method.setCurrentIndex(max(0, self.method.findData(p.method)))
        self.name.setText(p.name)
        env = {PRODUCTION: PRODUCTION, SANDBOX: SANDBOX}.get(p.login_kind, CUSTOM)
        self.environment.setCurrentIndex(ENVIRONMENTS.index(env))
        if env == CUSTOM:
            self.url.setText(p.login_url)
        self.client_id.setText(p.client_id)
        self.username.setText((p.username or "") if p.method in (JWT, PASSWORD) else "")
        self.key_file.setText(p.key_file or "")
        self.ca_file.setText(p.ca_file or "")
        self.callback_port.setValue(int(p.callback_port or 0))
        self._locked = [self.method, self.name, self.environment, self.url, self.client_id]
        if p.method in (JWT, PASSWORD):
            self._locked.append(self.username)
        for w in self._locked:
            w.setEnabled(False)
        if p.ca_file:
            self.advanced_toggle.setChecked(True)

    # -- what shows ------------------------------------------------------------------------------

    @property
    def method_key(self) -> str:
        """The chosen method: ``pkce``, ``jwt``, ``client-credentials`` or ``password``."""
        return str(self.method.currentData())

    @property
    def environment_key(self) -> str:
        return str(self.environment.currentData())

    def _field_rows(self) -> dict[QWidget, set[str]]:
        every = {PKCE, JWT, CLIENT_CREDENTIALS, PASSWORD}
        return {self.name: every, self.environment: every, self.client_id: every,
                self.username: {JWT, PASSWORD}, self._key_row: {JWT},
                self.passphrase: {JWT}, self.password: {PASSWORD},
                self.security_token: {PASSWORD},
                self.client_secret: {CLIENT_CREDENTIALS, PASSWORD},
                self.warning: {PASSWORD}, self.callback_port: {PKCE}}

    @Slot()
    def _method_changed(self, *_args: object) -> None:
        m = self.method_key
        for w, methods in self._field_rows().items():
            if w is self.callback_port:
                self.advanced_form.setRowVisible(w, m in methods)
            else:
                self.form.setRowVisible(w, m in methods)
        if m == CLIENT_CREDENTIALS and self.environment_key != CUSTOM and self.again is None:
            self.environment.setCurrentIndex(ENVIRONMENTS.index(CUSTOM))
        self._environment_changed()
        self.adjustSize()

    @Slot()
    def _environment_changed(self, *_args: object) -> None:
        custom = self.environment_key == CUSTOM
        self.form.setRowVisible(self.url, custom)
        if custom and not self.advanced_toggle.isChecked() and self.again is None:
            self.advanced_toggle.setChecked(True)  # a private org needs its CA file
        self._update_button()

    @Slot(bool)
    def _show_advanced(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.advanced_toggle.setArrowType(Qt.ArrowType.DownArrow if shown
                                          else Qt.ArrowType.RightArrow)
        self.adjustSize()

    def missing_fields(self) -> list[str]:
        """What must still be filled in before Sign in can work (plain words)."""
        m = self.method_key
        out: list[str] = []
        name = self.name.text().strip()
        if not name:
            out.append(self.tr("a profile name"))
        elif self.again is None and name in self._taken:
            out.append(self.tr("another profile name (“{0}” exists: pick it in the profile "
                               "list to sign in again)").format(name))
        else:
            try:
                check_name(name)
            except ConfigError:
                out.append(self.tr("a profile name of letters, digits, '.', '_' or '-'"))
        if self.environment_key == CUSTOM and not self.url.text().strip():
            out.append(self.tr("the login URL"))
        if m == CLIENT_CREDENTIALS and self.environment_key != CUSTOM:
            out.append(self.tr("your org's My Domain URL (client credentials do not work "
                               "with login.salesforce.com or test.salesforce.com)"))
        if not self.client_id.text().strip():
            out.append(self.tr("the client id"))
        if m in (JWT, PASSWORD) and not self.username.text().strip():
            out.append(self.tr("the username"))
        if m == JWT and not self.key_file.text().strip():
            out.append(self.tr("the private key file"))
        if m == PASSWORD and not self.password.text():
            out.append(self.tr("the password"))
        if m in (CLIENT_CREDENTIALS, PASSWORD) and not self.client_secret.text():
            out.append(self.tr("the client secret"))
        return out

    @Slot()
    def _update_button(self, *_args: object) -> None:
        missing = self.missing_fields()
        self.sign_in.setEnabled(not missing and self._attempt is None)
        text = self.tr("Still needed: {0}.").format("; ".join(missing)) if missing else ""
        self.missing.setText(text)
        self.missing.setVisible(bool(missing) and self._attempt is None)
        self.sign_in.setToolTip(text)

    @Slot()
    def _pick_key_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Private key file"),
                                              self.key_file.text(),
                                              self.tr("PEM keys (*.pem *.key);;All files (*)"))
        if path:
            self.key_file.setText(path)

    @Slot()
    def _pick_ca_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("CA file"), self.ca_file.text(),
                                              self.tr("Certificates (*.pem *.crt);;All files "
                                                      "(*)"))
        if path:
            self.ca_file.setText(path)

    # -- signing in ---------------------------------------------------------------------------

    def login_url(self) -> str:
        env = self.environment_key
        if env == PRODUCTION:
            return PRODUCTION_URL
        if env == SANDBOX:
            return SANDBOX_URL
        return self.url.text().strip()

    def build_profile(self) -> Profile:
        """The profile the fields describe (:class:`ProfileError` naming what is wrong)."""
        m = self.method_key
        return Profile.new(
            self.name.text().strip(), self.login_url(), m, self.client_id.text().strip(),
            username=self.username.text().strip() if m in (JWT, PASSWORD) else None,
            ca_file=self.ca_file.text().strip() or None,
            key_file=self.key_file.text().strip() if m == JWT else None,
            callback_port=self.callback_port.value() if m == PKCE else 0)

    @property
    def is_busy(self) -> bool:
        return self._attempt is not None

    @Slot()
    def start_sign_in(self) -> None:
        """Sign in with what the fields say, off the GUI thread."""
        if self._attempt is not None or self.missing_fields():
            return
        self._show_error("")
        try:
            profile = self.build_profile()
        except ConfigError as exc:
            self._show_error(explain(exc, method=self.method_key, login_url=self.login_url()))
            return
        m = profile.method
        secrets: dict[str, str] = {}
        if m in (CLIENT_CREDENTIALS, PASSWORD):
            secrets["client_secret"] = self.client_secret.text()
        if m == PASSWORD:
            secrets["password"] = self.password.text()
            secrets["security_token"] = self.security_token.text()
        if m == JWT and self.passphrase.text():
            secrets["passphrase"] = self.passphrase.text()
        existed = profile.name in self._taken
        attempt = Attempt(profile, secrets, existed, timeout=self.pkce_timeout)
        self._set_busy(attempt)
        self.runner.start(attempt)

    def _set_busy(self, attempt: Attempt | None) -> None:
        self._attempt = attempt
        busy = attempt is not None
        for w in (self.method, self.name, self.environment, self.url, self.client_id,
                  self.username, self._key_row, self.passphrase, self.password,
                  self.security_token, self.client_secret, self.advanced):
            w.setEnabled(not busy and w not in self._locked)
        self.busy.setVisible(busy)
        self.open_again.hide()
        self.copy_link.hide()
        if busy:
            self.busy_text.setText(self.tr("Checking {0}…").format(attempt.profile.login_url)
                                   if attempt.profile.method == PKCE
                                   else self.tr("Signing in…"))
        else:
            self._countdown.stop()
        self._update_button()
        self.busy_changed.emit(busy)

    @Slot(object, str)
    def _on_browser_waiting(self, attempt: Attempt, url: str) -> None:
        if attempt is not self._attempt:
            return
        self._link = attempt.pkce.authorize_url if attempt.pkce is not None else url
        self._opened = bool(url)
        self._deadline = time.monotonic() + attempt.timeout
        self.open_again.setVisible(bool(self._link))
        self.copy_link.setVisible(bool(self._link))
        self._countdown.start()
        self._tick()

    @Slot()
    def _tick(self) -> None:
        left = max(0, round(self._deadline - time.monotonic()))
        clock = f"{left // 60}:{left % 60:02d}"
        if self._opened:
            text = self.tr("Finish signing in in the browser window that opened ({0} left). "
                           "If none opened, open the sign-in page from here.").format(clock)
        else:
            text = self.tr("No browser could be opened: copy the link into your browser and "
                           "sign in there ({0} left).").format(clock)
        self.busy_text.setText(text)

    @Slot(object)
    def _on_finished(self, outcome: Outcome) -> None:
        if outcome.attempt is not self._attempt:
            return  # an attempt cancelled earlier, ending now
        self._set_busy(None)
        if outcome.profile is not None:
            self.profile = outcome.profile
            self._clear_secrets()
            log.info("signed in from the window: profile %s (%s)", outcome.profile.name,
                     outcome.profile.method)
            self.signed_in.emit(outcome.profile.name)
            self.accept()
            return
        if not isinstance(outcome.error, SignInFailed | SalesforceError | ConfigError):
            log.error("sign-in failed unexpectedly: %s", type(outcome.error).__name__)
        self._show_error(self.explain(outcome.error, outcome.attempt))

    @Slot()
    def cancel_sign_in(self) -> None:
        """Stop the sign-in under way (the browser sign-in stops listening at once)."""
        attempt = self._attempt
        if attempt is None:
            return
        self.runner.cancel(attempt)
        self._set_busy(None)
        self._show_error(self.tr("The sign-in was cancelled; nothing was saved."))

    @Slot()
    def _cancel_clicked(self) -> None:
        if self._attempt is not None:
            self.cancel_sign_in()
        else:
            self.reject()

    def done(self, result: int) -> None:
        """Closing the dialog cancels a sign-in under way and forgets the typed secrets."""
        if self._attempt is not None:
            self.cancel_sign_in()
        self._clear_secrets()
        super().done(result)

    def wait_threads(self, timeout: float = 10.0) -> bool:
        """Wait for this dialog's sign-in threads to end (tests); True if they did."""
        return self.runner.wait(timeout)

    def _clear_secrets(self) -> None:
        for edit in (self.client_secret, self.password, self.security_token, self.passphrase):
            edit.clear()

    @Slot()
    def _open_link(self) -> None:
        if self._link and self.open_url is not None:
            threading.Thread(target=self.open_url, args=(self._link,), daemon=True,
                             name="sfsync-open-browser").start()

    @Slot()
    def _copy_link(self) -> None:
        if self._link:
            QGuiApplication.clipboard().setText(self._link)

    # -- errors in plain words ---------------------------------------------------------------

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def explain(self, exc: BaseException | None, attempt: Attempt | None = None) -> str:
        """What went wrong and what to do, in plain words; never a secret."""
        p = attempt.profile if attempt is not None else None
        return explain(exc, method=p.method if p is not None else self.method_key,
                       login_url=p.login_url if p is not None else self.login_url(),
                       timeout=attempt.timeout if attempt is not None else self.pkce_timeout,
                       typed=attempt.secrets.values() if attempt is not None else ())


__all__ = ["ENVIRONMENTS", "SignInDialog"]
