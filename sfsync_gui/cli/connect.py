"""The Salesforce connection of ``sync``, ``force-sync`` and ``demo``: a sign-in profile
(``--profile NAME``, secrets in the keyring), the environment (``SFSYNC_LOGIN_URL``,
``SFSYNC_CLIENT_ID``, ``SFSYNC_CLIENT_SECRET``, ``SFSYNC_CA_FILE``; held in memory only)
or the demo org started in this process."""

from __future__ import annotations

import argparse
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..salesforce import (
    ClientCredentialsTokens,
    ConfigError,
    SalesforceConnection,
    tokens_from_env,
)
from .common import demo_dir
from .errors import CliError, CliFailure

NO_CONNECTION = ("no Salesforce connection: add --profile NAME ('sfsync connect' makes one), "
                 "set SFSYNC_LOGIN_URL, SFSYNC_CLIENT_ID and SFSYNC_CLIENT_SECRET "
                 "(SFSYNC_CA_FILE for a private CA), or add --demo")


@dataclass
class Connected:
    """A connection and, for the demo, the org serving it."""

    conn: SalesforceConnection
    instance_url: str
    org: object | None = None


def profile_option() -> argparse.ArgumentParser:
    """A parent parser with ``--profile NAME`` (commands that talk to Salesforce)."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--profile", default=None, metavar="NAME",
                   help="the sign-in profile to connect with ('sfsync profiles' lists them)")
    return p


@contextmanager
def connection_from_args(args: argparse.Namespace) -> Iterator[Connected]:
    """The profile's connection with ``--profile``, the demo org's with ``--demo``,
    otherwise the environment's."""
    if getattr(args, "profile", None):
        if getattr(args, "demo", False):
            raise CliError("use --demo or --profile, not both")
        with profile_connection(args.profile) as connected:
            yield connected
        return
    if getattr(args, "demo", False):
        org_dir = demo_dir() / "org"
        if not (org_dir / "org.db").exists():
            raise CliFailure(f"there is no demo org in {org_dir.parent} yet: run "
                             "'sfsync demo --once' first")
        with demo_connection(org_dir) as connected:
            yield connected
        return
    try:
        tokens = tokens_from_env()
    except ConfigError as exc:
        raise CliError(str(exc)) from None
    if tokens is None:
        raise CliError(NO_CONNECTION)
    conn = SalesforceConnection(tokens, ca_file=tokens.ca_file)
    try:
        yield Connected(conn, tokens.login_url)
    finally:
        conn.close()
        tokens.close()


@contextmanager
def profile_connection(name: str) -> Iterator[Connected]:
    """A connection through the saved profile ``name``: tokens from the keyring, renewed
    as the profile's method says."""
    from ..credentials import Credentials

    tokens = Credentials().tokens(name)
    conn = SalesforceConnection(tokens, ca_file=tokens.ca_file)
    try:
        yield Connected(conn, tokens.login_url)
    finally:
        conn.close()
        tokens.close()


@contextmanager
def demo_connection(org_dir: Path, *, seed: str | int = "demo", port: int = 0
                    ) -> Iterator[Connected]:
    """Start the local org kept in ``org_dir`` (made with ``seed`` when new) and connect
    to it as its sync user with client credentials."""
    from ..localorg.server import start_local_org

    new = not (org_dir / "org.db").exists()
    try:
        running = start_local_org(org_dir, seed=seed, port=port)
    except OSError as exc:
        raise CliFailure(f"cannot start the demo org: {exc.strerror or exc}") from None
    except NotImplementedError:
        if new:  # a half-made org would come back empty next time
            shutil.rmtree(org_dir, ignore_errors=True)
        raise CliFailure("this build cannot make the demo data yet; try 'sfsync demo "
                         "--seed 300' (a generated org of 300 Leads)") from None
    f = running.facts
    tokens = ClientCredentialsTokens(f.login_url, f.client_id, f.client_secret,
                                     ca_file=f.ca_file)
    conn = SalesforceConnection(tokens, ca_file=f.ca_file)
    try:
        yield Connected(conn, f.instance_url, running)
    finally:
        conn.close()
        tokens.close()
        running.stop()
