"""Where the sync connects: a saved sign-in profile (``sfsync connect`` makes them; secrets
in the keyring), the demo org started in this process, the SFSYNC_* environment variables,
or nowhere yet (the welcome page). Plain Python: the worker opens the connection on its own
thread with the command line's helpers."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ..cli.common import demo_dir
from ..cli.connect import Connected, connection_from_args, demo_connection, profile_connection
from ..salesforce import ClientCredentialsTokens, SalesforceConnection
from ..salesforce.tokens import ENV_CLIENT_ID, ENV_CLIENT_SECRET, ENV_LOGIN_URL
from ..store import default_db_path

DEMO = "demo"
ENV = "env"
PROFILE = "profile"
#: a local org already running in this process (tests, benchmarks)
ORG = "org"


@dataclass(frozen=True)
class Source:
    """A connection to open and the store that goes with it."""

    kind: str  # DEMO | ENV | ORG
    db_path: Path
    #: the demo's folder (``org/`` and ``sfsync.db``)
    demo_root: Path | None = None
    seed: str | int = "demo"
    #: for ORG: the running org's facts (``sfsync_gui.localorg.server.OrgFacts``)
    facts: object | None = None
    #: for PROFILE: the profile's name
    profile: str | None = None

    @property
    def label(self) -> str:
        if self.kind == PROFILE:
            return QCoreApplication.translate("Source", "Salesforce ({profile})").format(
                profile=self.profile)
        if self.kind == DEMO:
            return QCoreApplication.translate("Source", "the demo org")
        if self.kind == ORG:
            return QCoreApplication.translate("Source", "the local org")
        return "Salesforce"


def demo_source(data: Path | None = None, seed: str | int = "demo") -> Source:
    """The demo org and its store, in ``data`` (default: the demo folder of ``sfsync``)."""
    root = (data or demo_dir()).expanduser()
    return Source(DEMO, root / "sfsync.db", root, seed)


def org_source(facts: object, db_path: Path) -> Source:
    """A local org already running in this process (``start_local_org(...).facts``)."""
    return Source(ORG, Path(db_path), facts=facts)


def env_configured(environ: Mapping[str, str] = os.environ) -> bool:
    """True when any SFSYNC_* connection variable is set (a missing one is then an error
    the worker reports)."""
    return any((environ.get(k) or "").strip()
               for k in (ENV_LOGIN_URL, ENV_CLIENT_ID, ENV_CLIENT_SECRET))


def saved_profiles() -> list[str]:
    """The names of the saved sign-in profiles (reads the settings file, not the keyring)."""
    from ..credentials import ProfileStore

    try:
        return [p.name for p in ProfileStore().list()]
    except Exception:  # an unreadable settings file: the welcome page, not a crash
        return []


def choose_source(*, demo: bool, db: Path | None, data: Path | None = None,
                  profile: str | None = None,
                  environ: Mapping[str, str] = os.environ) -> Source | None:
    """What ``sfsync-gui`` starts on: ``--demo``; ``--profile NAME``; the environment;
    the one saved profile; else None (the welcome page offers the demo and sign-in)."""
    if demo:
        return demo_source(data)
    if profile:
        return Source(PROFILE, db or default_db_path(), profile=profile)
    if env_configured(environ):
        return Source(ENV, db or default_db_path())
    names = saved_profiles()
    if len(names) == 1:
        return Source(PROFILE, db or default_db_path(), profile=names[0])
    return None


@contextmanager
def open_connection(source: Source) -> Iterator[Connected]:
    """The connection of ``source``; for the demo, the local org runs until the block
    ends. Raises the command line's CliError/CliFailure with a message for the user."""
    if source.kind == DEMO:
        assert source.demo_root is not None
        root = source.demo_root
        root.mkdir(parents=True, exist_ok=True)
        new_org = not (root / "org" / "org.db").exists()
        with demo_connection(root / "org", seed=source.seed) as connected:
            if new_org:
                from ..cli.sync_cmds import _next_second

                _next_second()
            yield connected
        return
    if source.kind == ORG:
        f = source.facts
        tokens = ClientCredentialsTokens(f.login_url, f.client_id,  # type: ignore[attr-defined]
                                         f.client_secret, ca_file=f.ca_file)  # type: ignore[attr-defined]
        conn = SalesforceConnection(tokens, ca_file=f.ca_file)  # type: ignore[attr-defined]
        try:
            yield Connected(conn, f.instance_url)  # type: ignore[attr-defined]
        finally:
            conn.close()
            tokens.close()
        return
    if source.kind == PROFILE:
        with profile_connection(str(source.profile)) as connected:
            yield connected
        return
    with connection_from_args(argparse.Namespace(demo=False)) as connected:
        yield connected
