"""The keyring guard: secrets go to a real keyring or nowhere.

``keyring`` picks a backend by priority. When nothing better is installed it picks the
``fail`` backend (every call raises) — or, if ``keyrings.alt`` is installed, silently its
``PlaintextKeyring``, a base64 file anyone can read. :func:`usable_backend` refuses those,
the ``null`` backend, and a chainer with nothing real in it, with a message that names the
backend and says how to get a real one. Of a chainer that holds a real backend, the real
one with the highest priority is used directly, so a write can never fall through to a
plaintext backend further down the chain.
"""

from __future__ import annotations

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from .errors import KeyringRefused

#: How to get a real keyring, per OS (also shown in the README).
HOW_TO_GET_ONE = (
    "Linux: install and run a Secret Service — GNOME Keyring (e.g. 'sudo apt install "
    "gnome-keyring', unlocked at login in a desktop session) or KWallet — and make sure "
    "the session's D-Bus is reachable; Windows: Credential Manager is built in; macOS: "
    "the Keychain is built in. If PYTHON_KEYRING_BACKEND or a keyringrc.cfg names this "
    "backend, remove that setting ('python -m keyring diagnose' shows where keyring looks)."
)


def backend_name(backend: KeyringBackend) -> str:
    """``module.Class`` of a backend."""
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def refusal_reason(backend: KeyringBackend) -> str | None:
    """Why ``backend`` must not hold secrets, or None when it may. Chainers are not
    judged here (see :func:`usable_backend`)."""
    name = backend_name(backend)
    if isinstance(backend, fail.Keyring):
        return "it is keyring's 'no backend' placeholder: every call fails"
    if isinstance(backend, null.Keyring):
        return "it is keyring's null backend: it forgets everything it is given"
    if name.startswith("keyrings.alt.") or "plaintext" in name.lower():
        if "plaintext" in name.lower():
            return "it keeps secrets in a plain-text file anyone with the file can read"
        return ("it is one of keyrings.alt's alternative backends, which are not meant "
                "for secrets")
    return None


def _message(name: str, why: str) -> str:
    return (f"sfsync-gui keeps Salesforce credentials only in the system keyring, and the "
            f"keyring backend here is {name}, which is refused: {why}. Nothing was written. "
            f"To get a real keyring — {HOW_TO_GET_ONE}")


def usable_backend(backend: KeyringBackend | None = None) -> KeyringBackend:
    """The backend to keep secrets in: ``backend`` or keyring's current one, checked.

    Raises:
        KeyringRefused: a plaintext, null or failing backend, or a chainer with no
            real backend in it; the message names it and how to get a real one.
    """
    backend = backend if backend is not None else keyring.get_keyring()
    if isinstance(backend, chainer.ChainerBackend):
        chained = list(backend.backends)
        real = [b for b in chained if refusal_reason(b) is None]
        if real:
            return real[0]
        names = ", ".join(backend_name(b) for b in chained) or "nothing"
        raise KeyringRefused(_message(backend_name(backend),
                                      f"it chains {names}, none of them a real keyring"),
                             backend_name(backend))
    why = refusal_reason(backend)
    if why is not None:
        raise KeyringRefused(_message(backend_name(backend), why), backend_name(backend))
    return backend
