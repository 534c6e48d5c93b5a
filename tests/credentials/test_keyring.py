"""The keyring guard and the secret store: real keyrings only, one service per profile."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import chainer, fail, null

from sfsync_gui.credentials import (
    Credentials,
    KeyringFailed,
    KeyringRefused,
    SecretStore,
    service_name,
    usable_backend,
)
from sfsync_gui.credentials.testing import MemoryKeyring

plaintext = pytest.importorskip("keyrings.alt.file", reason="keyrings.alt is a test extra")

OS_ADVICE = ("gnome-keyring", "KWallet", "Secret Service", "Windows", "Credential Manager",
             "macOS", "Keychain")


def _assert_clear_refusal(exc: KeyringRefused, name: str) -> None:
    text = str(exc)
    assert name in text and exc.backend.endswith(name.split(".")[-1])
    for word in OS_ADVICE:
        assert word in text, word
    assert "Nothing was written" in text


def test_plaintext_keyring_is_refused_and_nothing_is_written(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    backend = plaintext.PlaintextKeyring()
    store = SecretStore(backend)
    with pytest.raises(KeyringRefused) as info:
        store.set("p", "refresh-token", "5Aep861-secret")
    _assert_clear_refusal(info.value, "keyrings.alt.file.PlaintextKeyring")
    assert "plain-text" in str(info.value)
    assert not Path(backend.file_path).exists()
    # the default backend, when keyring picked the plaintext one silently
    keyring.set_keyring(backend)
    with pytest.raises(KeyringRefused):
        Credentials(tmp_path / "cfg").check_keyring()
    assert not Path(backend.file_path).exists()


@pytest.mark.parametrize(("backend", "name"), [
    (fail.Keyring(), "keyring.backends.fail.Keyring"),
    (null.Keyring(), "keyring.backends.null.Keyring"),
])
def test_failing_and_null_backends_are_refused(backend: object, name: str) -> None:
    with pytest.raises(KeyringRefused) as info:
        usable_backend(backend)  # type: ignore[arg-type]
    _assert_clear_refusal(info.value, name)


def test_a_chainer_uses_its_real_backend_and_never_a_plaintext_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    memory = MemoryKeyring()
    monkeypatch.setattr(chainer.ChainerBackend, "backends",
                        [plaintext.PlaintextKeyring(), memory])
    assert usable_backend(chainer.ChainerBackend()) is memory
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [plaintext.PlaintextKeyring()])
    with pytest.raises(KeyringRefused, match="none of them a real keyring"):
        usable_backend(chainer.ChainerBackend())
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    with pytest.raises(KeyringRefused, match="chains nothing"):
        usable_backend(chainer.ChainerBackend())


def test_sfsync_connect_refuses_a_plaintext_keyring(tmp_path: Path) -> None:
    """As a new user would meet it: keyrings.alt installed, nothing better around."""
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
               SFSYNC_CONFIG_DIR=str(tmp_path / "cfg"), XDG_DATA_HOME=str(tmp_path / "data"),
               HOME=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-m", "sfsync_gui.cli", "connect", "--method", "client-credentials",
         "--login-url", "acme.my.salesforce.com", "--client-id", "cid"],
        input="the-client-secret\n", capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 2, proc.stderr
    line, = proc.stderr.splitlines()
    assert line.startswith("sfsync: ") and "keyrings.alt.file.PlaintextKeyring" in line
    assert "gnome-keyring" in line and "Credential Manager" in line and "Keychain" in line
    assert not any((tmp_path / "data").rglob("*")) and not (tmp_path / "cfg").exists()
    assert "the-client-secret" not in proc.stdout + proc.stderr


def test_secrets_live_under_one_service_per_profile(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore()
    store.set("acme", "refresh-token", "r1")
    store.set("acme", "client-secret", "s1")
    store.set("other", "refresh-token", "r2")
    assert service_name("acme") == "sfsync-gui/acme"
    assert memory_keyring.entries[("sfsync-gui/acme", "refresh-token")] == "r1"
    assert store.get("acme", "refresh-token") == "r1" and store.get("acme", "password") is None
    assert sorted(store.delete_all("acme")) == ["client-secret", "refresh-token"]
    assert store.delete("acme", "refresh-token") is False
    assert list(memory_keyring.entries) == [("sfsync-gui/other", "refresh-token")]
    with pytest.raises(ValueError):
        store.set("acme", "whatever", "x")
    store.probe()
    assert list(memory_keyring.entries) == [("sfsync-gui/other", "refresh-token")]


class _Locked(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("Prompt dismissed")


def test_a_failing_keyring_is_reported_without_the_secret() -> None:
    store = SecretStore(_Locked())
    with pytest.raises(KeyringFailed) as info:
        store.set("acme", "client-secret", "very-secret-value")
    assert "Prompt dismissed" in str(info.value) and "very-secret-value" not in str(info.value)
    with pytest.raises(KeyringFailed, match="does not work"):
        store.probe()
