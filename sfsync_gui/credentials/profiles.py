"""Connection profiles: the non-secret half of a sign-in, in the settings file.

A profile says where and how to sign in — name, login URL (production, sandbox, My Domain,
or custom with its CA file), method, client id, username, key file — and what happened
last (signed in, or needs sign-in and why). Its secrets live in the keyring
(:mod:`.secretstore`); nothing in this file is secret, by construction: the dataclass has
no field for one.

The settings file is ``profiles.json`` in ``platformdirs.user_config_dir("sfsync-gui")``
(or ``$SFSYNC_CONFIG_DIR``), written atomically with mode 0600 under a lock file, so the
CLI, a sync process and the window can update it side by side.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import platformdirs

from .errors import ProfileError

try:  # POSIX: lock the settings file while changing it
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

ENV_CONFIG_DIR = "SFSYNC_CONFIG_DIR"
SETTINGS_FILE = "profiles.json"
FORMAT = 1

PKCE, JWT, CLIENT_CREDENTIALS, PASSWORD = "pkce", "jwt", "client-credentials", "password"
#: Sign-in methods, the default first.
METHODS = (PKCE, JWT, CLIENT_CREDENTIALS, PASSWORD)

PRODUCTION, SANDBOX, MY_DOMAIN, CUSTOM = "production", "sandbox", "mydomain", "custom"
PRODUCTION_URL = "https://login.salesforce.com"
SANDBOX_URL = "https://test.salesforce.com"

SIGNED_IN, NEEDS_SIGN_IN = "signed_in", "needs_sign_in"

_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def config_dir() -> Path:
    """Where the settings file lives: ``$SFSYNC_CONFIG_DIR`` or the platform's user
    config folder for sfsync-gui."""
    given = os.environ.get(ENV_CONFIG_DIR, "").strip()
    if given:
        return Path(given).expanduser()
    return Path(platformdirs.user_config_dir("sfsync-gui", appauthor=False))


def now_iso() -> str:
    """The time now, UTC, ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def check_name(name: str) -> str:
    """``name`` if it may name a profile (letters, digits, ``.``, ``_``, ``-``; up to 64,
    starting with a letter or digit), else :class:`ProfileError`."""
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise ProfileError(f"a profile name is 1-64 letters, digits, '.', '_' or '-', "
                           f"starting with a letter or digit (not {name!r})")
    return name


def parse_login_url(text: str) -> tuple[str, str]:
    """``(kind, url)`` of a login URL as a person writes it.

    ``production`` / ``sandbox`` (or ``login`` / ``test``) stand for Salesforce's
    generic login URLs; ``acme.my.salesforce.com`` gains ``https://``; anything else must
    be an ``https://`` URL (a custom one, like the local org's). Only https is accepted:
    secrets never travel in clear.
    """
    raw = (text or "").strip()
    word = raw.lower()
    if word in (PRODUCTION, "prod", "login"):
        return PRODUCTION, PRODUCTION_URL
    if word in (SANDBOX, "test"):
        return SANDBOX, SANDBOX_URL
    if not raw:
        raise ProfileError("the login URL is empty")
    if "://" not in raw:
        raw = "https://" + raw
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        raise ProfileError(f"{text!r} is not a login URL") from None
    if parts.scheme.lower() != "https":
        raise ProfileError(f"the login URL must use https:// (got {text!r})")
    if not parts.hostname or parts.username or parts.password or parts.query or parts.fragment:
        raise ProfileError(f"{text!r} is not a login URL: give https://host[:port][/path]")
    host = parts.hostname.lower()
    netloc = host if port is None else f"{host}:{port}"
    url = f"https://{netloc}{parts.path.rstrip('/')}"
    if url == PRODUCTION_URL:
        return PRODUCTION, url
    if url == SANDBOX_URL:
        return SANDBOX, url
    if host.endswith(".my.salesforce.com") and not parts.path.strip("/"):
        return MY_DOMAIN, url
    return CUSTOM, url


@dataclass
class Profile:
    """One way into one org. No secret: those are in the keyring under the profile's name.

    Attributes:
        name: the profile's name (``--profile NAME``).
        login_url: where to sign in (``https://login.salesforce.com``, a My Domain...).
        login_kind: ``production``, ``sandbox``, ``mydomain`` or ``custom``.
        method: ``pkce``, ``jwt``, ``client-credentials`` or ``password``.
        client_id: the connected app's consumer key.
        username: the Salesforce user (JWT and password: who signs in; otherwise who
            signed in, as the identity service said).
        ca_file: a CA bundle to trust instead of the system's (a custom login URL).
        key_file: the private key that signs JWT bearer assertions.
        callback_port: PKCE loopback port (0: any free port).
        created: when the profile was first saved (UTC, ISO 8601).
        state: ``signed_in`` or ``needs_sign_in``.
        state_reason: why it needs sign-in (Salesforce's answer; never a secret).
        state_changed: when ``state`` last changed.
        signed_in_at: when the last sign-in completed.
        instance_url: the org's instance, as the last token answer gave it.
    """

    name: str
    login_url: str
    login_kind: str
    method: str
    client_id: str
    username: str | None = None
    ca_file: str | None = None
    key_file: str | None = None
    callback_port: int = 0
    created: str = field(default_factory=now_iso)
    state: str = SIGNED_IN
    state_reason: str | None = None
    state_changed: str | None = None
    signed_in_at: str | None = None
    instance_url: str | None = None

    @classmethod
    def new(cls, name: str, login_url: str, method: str, client_id: str, *,
            username: str | None = None, ca_file: str | Path | None = None,
            key_file: str | Path | None = None, callback_port: int = 0) -> Profile:
        """A checked new profile; ``login_url`` as :func:`parse_login_url` takes it."""
        kind, url = parse_login_url(login_url)
        profile = cls(name=name, login_url=url, login_kind=kind, method=method,
                      client_id=(client_id or "").strip(), username=(username or None),
                      ca_file=_abs(ca_file), key_file=_abs(key_file),
                      callback_port=callback_port)
        profile.check()
        return profile

    @property
    def needs_sign_in(self) -> bool:
        return self.state == NEEDS_SIGN_IN

    def check(self) -> None:
        """Raise :class:`ProfileError` naming what is wrong or missing."""
        check_name(self.name)
        if self.method not in METHODS:
            raise ProfileError(f"unknown sign-in method {self.method!r}: use "
                               f"{', '.join(METHODS)}")
        if not self.client_id:
            raise ProfileError("a client id (the connected app's consumer key) is needed")
        if self.method in (JWT, PASSWORD) and not self.username:
            raise ProfileError(f"the {self.method} method needs a username")
        if self.method == JWT and not self.key_file:
            raise ProfileError("the jwt method needs the private key file (--key-file)")
        if self.method == CLIENT_CREDENTIALS and self.login_kind in (PRODUCTION, SANDBOX):
            raise ProfileError("the client-credentials flow works only with the org's My "
                               "Domain login URL (https://NAME.my.salesforce.com), not "
                               f"{self.login_url}")
        if self.ca_file and not Path(self.ca_file).is_file():
            raise ProfileError(f"the CA file {self.ca_file} does not exist or is not a file")
        if not 0 <= int(self.callback_port) < 65536:
            raise ProfileError(f"the callback port must be 0-65535, not {self.callback_port}")

    def to_dict(self) -> dict[str, Any]:
        """The profile as stored and as ``--json`` shows it."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Profile:
        """A profile from :meth:`to_dict`'s shape; unknown keys (a newer version's) are
        ignored."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def _abs(path: str | Path | None) -> str | None:
    if path is None or str(path).strip() == "":
        return None
    return str(Path(path).expanduser().absolute())


class ProfileStore:
    """The profiles in the settings file.

    Args:
        directory: the folder of the settings file; None means :func:`config_dir` (read
            when the store is made).
    """

    def __init__(self, directory: str | Path | None = None) -> None:
        self.directory = Path(directory) if directory is not None else config_dir()
        self.path = self.directory / SETTINGS_FILE

    def __repr__(self) -> str:
        return f"ProfileStore({str(self.path)!r})"

    # -- reading -------------------------------------------------------------------------

    def list(self) -> list[Profile]:
        """Every profile, by name."""
        return sorted(self._read().values(), key=lambda p: p.name.lower())

    def find(self, name: str) -> Profile | None:
        """The profile called ``name``, or None."""
        return self._read().get(name)

    def get(self, name: str) -> Profile:
        """The profile called ``name``; :class:`ProfileError` listing the others if none."""
        profile = self.find(name)
        if profile is None:
            names = ", ".join(p.name for p in self.list()) or "none yet"
            raise ProfileError(f"there is no profile named {name!r} (profiles: {names}); "
                               "'sfsync connect' makes one")
        return profile

    # -- writing -------------------------------------------------------------------------

    def save(self, profile: Profile) -> Profile:
        """Add or replace ``profile`` (checked first)."""
        profile.check()
        with self._locked() as profiles:
            profiles[profile.name] = profile
        return profile

    def update(self, name: str, **changes: Any) -> Profile:
        """Change fields of a stored profile and return it."""
        with self._locked() as profiles:
            if name not in profiles:
                raise ProfileError(f"there is no profile named {name!r}")
            profiles[name] = replace(profiles[name], **changes)
            return profiles[name]

    def set_state(self, name: str, state: str, reason: str | None = None) -> Profile | None:
        """Record ``signed_in`` / ``needs_sign_in`` (and why); None if the profile is gone."""
        with self._locked() as profiles:
            old = profiles.get(name)
            if old is None:
                return None
            changed = old.state_changed if old.state == state else now_iso()
            profiles[name] = replace(old, state=state, state_reason=reason,
                                     state_changed=changed)
            return profiles[name]

    def remove(self, name: str) -> bool:
        """Drop a profile; False when there was none."""
        with self._locked() as profiles:
            return profiles.pop(name, None) is not None

    # -- the file --------------------------------------------------------------------------

    def _read(self) -> dict[str, Profile]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise ProfileError(f"cannot read the settings file {self.path}: "
                               f"{exc.strerror or exc}") from None
        try:
            data = json.loads(text)
            items = data["profiles"]
            profiles = [Profile.from_dict(item) for item in items]
        except (ValueError, KeyError, TypeError) as exc:
            raise ProfileError(f"the settings file {self.path} is damaged ({exc}); fix or "
                               "remove it and connect again") from None
        return {p.name: p for p in profiles}

    def _write(self, profiles: dict[str, Profile]) -> None:
        data = {"format": FORMAT,
                "profiles": [p.to_dict() for p in sorted(profiles.values(),
                                                         key=lambda p: p.name.lower())]}
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        fd, tmp = tempfile.mkstemp(prefix=".profiles-", suffix=".tmp", dir=self.directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    @contextlib.contextmanager
    def _locked(self) -> Iterator[dict[str, Profile]]:
        """The profiles to change in place, read and written under the lock file."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise ProfileError(f"cannot create {self.directory}: "
                               f"{exc.strerror or exc}") from None
        with open(self.directory / (SETTINGS_FILE + ".lock"), "a+b") as lock:
            if fcntl is not None:
                fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
            try:
                profiles = self._read()
                yield profiles
                self._write(profiles)
            finally:
                if fcntl is not None:
                    fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
