"""The secrets scan: sign in with every method, run a full sync with each profile, make
things fail, then look everywhere a secret could leak — the store's database file (and its
WAL), the settings files, the logs at DEBUG, exception messages and ``--json`` output. The
only place a secret may be is the keyring."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from sfsync_gui.credentials import Credentials, Profile, SignInFailed
from sfsync_gui.credentials.testing import MemoryKeyring
from sfsync_gui.localorg.server import RunningOrg
from sfsync_gui.salesforce import NeedsSignIn

from ..hostile.secret_forms import leaks
from .cli_helpers import Run, browser_for, local_args, make_run
from .conftest import security_token

PASSPHRASE = "purple-otter-passphrase-31"
#: an access token of the local org: org id, "!", an opaque tail
TOKEN_RE = re.compile(r"00D[A-Za-z0-9]{12,15}![A-Za-z0-9._\-]{20,}")
REFRESH_RE = re.compile(r"5Aep861[A-Za-z0-9_\-]{20,}")


def _encrypted_key(org: RunningOrg, folder: Path) -> Path:
    plain = next((Path(org.org.data_dir) / "jwt").glob("*private*"))
    key = serialization.load_pem_private_key(plain.read_bytes(), password=None)
    path = folder / "jwt-encrypted.pem"
    path.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(PASSPHRASE.encode())))
    return path


def test_no_secret_outside_the_keyring(org: RunningOrg, tmp_path: Path, config_dir: Path,
                                       memory_keyring: MemoryKeyring,
                                       capsys: pytest.CaptureFixture[str],
                                       caplog: pytest.LogCaptureFixture,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    caplog.set_level(logging.DEBUG)
    run: Run = make_run(capsys, monkeypatch)
    f = org.facts
    token = security_token(org, f.sync_user.username)
    browser_for(org, monkeypatch)
    key = _encrypted_key(org, tmp_path)
    seen_in_keyring: set[str] = set()
    printed: list[str] = []
    messages: list[str] = []

    def remember() -> None:
        seen_in_keyring.update(memory_keyring.entries.values())

    def cli(*argv: str | Path, stdin: str = "", code: int = 0) -> None:
        r = run(*argv, stdin=stdin)
        assert r.code == code, r.err
        printed.extend([r.out, r.err])
        remember()

    # -- sign in with every method, then a full sync with each profile --------------------
    cli(*local_args(org, "pkce", "pkce"), "--json", "--timeout", "30")
    cli(*local_args(org, "cc", "client-credentials"), "--json", stdin=f"{f.client_secret}\n")
    jwt_args = local_args(org, "jwt", "jwt")
    jwt_args[jwt_args.index("--key-file") + 1] = str(key)
    cli(*jwt_args, "--json", stdin=f"{PASSPHRASE}\n")
    cli(*local_args(org, "pw", "password"), "--json",
        stdin=f"{f.sync_user.password}\n{token}\n{f.client_secret}\n")
    dbs = []
    for name in ("pkce", "cc", "jwt", "pw"):
        db = tmp_path / f"{name}.db"
        dbs.append(db)
        cli("sync", "--once", "--profile", name, "--db", db, "--json")
        cli("status", "--db", db, "--json")
    cli("force-sync", "Lead:1", "--profile", "cc", "--db", dbs[1], "--json")
    cli("profiles", "--json")
    cli("profiles")

    # -- and the ways it fails ------------------------------------------------------------
    cli(*local_args(org, "bad", "client-credentials"), stdin="wrong-secret-x\n", code=1)
    cli(*local_args(org, "bad", "password"),
        stdin=f"not-{f.sync_user.password}\n\n{f.client_secret}\n", code=1)
    org.control.add_fault("invalid_session", path="/query", times=1)  # a transparent refresh
    cli("sync", "--once", "--profile", "pkce", "--db", dbs[0], "--json")
    org.control.revoke_tokens("sync")
    cli("sync", "--once", "--profile", "pkce", "--db", dbs[0], "--json", code=1)
    creds = Credentials()
    for name in ("pkce", "cc", "jwt", "pw"):
        try:
            creds.tokens(name).refresh()
        except NeedsSignIn as exc:
            messages += [str(exc), repr(exc)]
    try:
        Credentials().sign_in_jwt(Profile.new(
            "j2", f.login_url, "jwt", f.client_id, ca_file=f.ca_file,
            username=f.sync_user.username, key_file=key), "wrong " + PASSPHRASE)
    except Exception as exc:
        messages += [str(exc), repr(exc)]
    sign_in = creds.begin_pkce(creds.get("pkce"), open_url=None, timeout=0.2)
    sign_in.start()
    with pytest.raises(SignInFailed) as info:
        sign_in.result(10)
    messages += [str(info.value), repr(info.value), repr(sign_in), repr(creds.tokens("cc"))]
    remember()

    # -- what must not show anywhere but the keyring --------------------------------------
    secrets = seen_in_keyring | {f.client_secret, f.sync_user.password, f.admin_user.password,
                                 token, PASSPHRASE, "wrong-secret-x"}
    assert len(seen_in_keyring) >= 8  # tokens, secrets, passwords, the passphrase
    assert PASSPHRASE in seen_in_keyring and f.client_secret in seen_in_keyring
    assert any(TOKEN_RE.fullmatch(s) for s in seen_in_keyring)  # the patterns do match
    assert any(REFRESH_RE.fullmatch(s) for s in seen_in_keyring)

    places: dict[str, str] = {}
    for db in dbs:
        for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            if path.exists():
                places[str(path)] = path.read_bytes().decode("latin-1")
    for path in (tmp_path / "user-data").rglob("*"):  # the data folder (default store...)
        if path.is_file():
            places[str(path)] = path.read_bytes().decode("latin-1")
    for path in config_dir.rglob("*"):
        if path.is_file():
            places[str(path)] = path.read_text(encoding="utf-8", errors="replace")
    logs = []
    for rec in caplog.records:
        logs.append(rec.getMessage())
        if rec.exc_info:
            logs.append(logging.Formatter().formatException(rec.exc_info))
    places["logs"] = "\n".join(logs)
    places["output"] = "\n".join(printed)
    places["exceptions"] = "\n".join(messages)
    assert any(path.endswith("profiles.json") for path in places)
    assert "needs sign-in" in places["output"] and "invalid client credentials" in \
        places["output"]
    assert len(places["logs"]) > 1000  # DEBUG logging really was captured

    for where, text in places.items():
        for secret in secrets:
            assert secret not in text, f"a secret ({len(secret)} chars) leaked into {where}"
        # also URL-encoded, JSON-escaped or base64 (at any alignment)
        assert leaks(text.encode("latin-1", "replace") if where.startswith("/") else text,
                     secrets) == [], where
        assert not TOKEN_RE.search(text), f"an access token leaked into {where}"
        assert not REFRESH_RE.search(text), f"a refresh token leaked into {where}"
