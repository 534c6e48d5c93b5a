"""``sfsync connect``, ``sfsync profiles`` and ``sfsync disconnect``: sign-in profiles.

``connect`` asks for what the flags leave out — at a terminal; otherwise the flags must say
it — and reads secrets with ``getpass`` (or, when standard input is not a terminal, one line
each from it: ``printf '%s\\n' "$SECRET" | sfsync connect ...``). Secrets go to the keyring
only (:mod:`sfsync_gui.credentials`); nothing here prints one.
"""

from __future__ import annotations

import argparse
import getpass
import sys
import webbrowser
from pathlib import Path

from ..credentials import (
    CLIENT_CREDENTIALS,
    JWT,
    METHODS,
    PASSWORD,
    PASSWORD_WARNING,
    PKCE,
    Credentials,
    Profile,
    SignInFailed,
)
from ..credentials.jwt_bearer import key_is_encrypted
from ..credentials.pkce import DEFAULT_TIMEOUT
from ..credentials.profiles import CUSTOM, parse_login_url
from .common import note, out, print_json
from .errors import CliError, CliFailure
from .render import table
from .sync_cmds import positive_seconds

DEFAULT_NAME = "default"


class Interrupted(CliFailure):
    """Ctrl+C while waiting for the browser: exit status 130."""

    exit_code = 130


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``connect``, ``profiles`` and ``disconnect``."""
    p = sub.add_parser("connect", help="sign in to Salesforce and keep the sign-in as a profile "
                                       "(secrets in the system keyring)")
    p.add_argument("--name", default=None,
                   help=f"the profile's name (default: {DEFAULT_NAME!r}); an existing profile "
                        "is signed in again with its settings")
    p.add_argument("--method", choices=METHODS, default=None,
                   help="pkce: browser sign-in (default); jwt: a private key, unattended; "
                        "client-credentials: the connected app's secret, unattended (My "
                        "Domain); password: legacy username + password (+ security token)")
    p.add_argument("--login-url", default=None, metavar="URL",
                   help="production (default), sandbox, a My Domain (NAME.my.salesforce.com) "
                        "or any https:// URL (the local org's)")
    p.add_argument("--ca-file", type=Path, default=None, metavar="PATH",
                   help="a CA bundle to trust instead of the system's (the local org's)")
    p.add_argument("--client-id", default=None, metavar="ID",
                   help="the connected app's consumer key")
    p.add_argument("--username", default=None, help="the Salesforce user (jwt, password)")
    p.add_argument("--key-file", type=Path, default=None, metavar="PATH",
                   help="the private key (PEM) that signs JWT assertions (jwt)")
    p.add_argument("--no-browser", action="store_true",
                   help="pkce: print the sign-in URL instead of opening a browser")
    p.add_argument("--callback-port", type=int, default=None, metavar="PORT",
                   help="pkce: the loopback port (default: any free one); the connected "
                        "app's callback URL must then be http://127.0.0.1:PORT/callback")
    p.add_argument("--timeout", type=positive_seconds, default=DEFAULT_TIMEOUT,
                   metavar="SECONDS",
                   help=f"pkce: how long to wait for the browser (default {DEFAULT_TIMEOUT:g})")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_connect)

    p = sub.add_parser("profiles", help="the sign-in profiles and their state")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_profiles)

    p = sub.add_parser("disconnect", help="remove a profile and every secret of it from the "
                                          "keyring (its refresh token is revoked first)")
    p.add_argument("name", metavar="NAME", help="the profile (see 'sfsync profiles')")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_disconnect)


# -- asking ------------------------------------------------------------------------------------


def interactive() -> bool:
    """Whether a person can answer prompts (standard input is a terminal)."""
    return sys.stdin is not None and sys.stdin.isatty()


def ask(label: str, flag: str, default: str | None = None) -> str:
    """A setting the flags left out: asked at a terminal, else ``default`` or an error."""
    if not interactive():
        if default is not None:
            return default
        raise CliError(f"{label} is needed: give {flag}")
    hint = f" [{default}]" if default else ""
    sys.stderr.write(f"{label}{hint}: ")
    sys.stderr.flush()
    answer = sys.stdin.readline().strip()
    if answer:
        return answer
    if default is not None:
        return default
    raise CliError(f"{label} is needed: give {flag}")


def ask_secret(label: str, *, optional: bool = False) -> str:
    """A secret, never echoed: ``getpass`` at a terminal, else one line of standard input."""
    if interactive():
        value = getpass.getpass(f"{label}: ", stream=sys.stderr)
    else:
        value = (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\r\n")
    if not value and not optional:
        raise CliError(f"{label} is needed (at the prompt, or one line on standard input)")
    return value


# -- connect ----------------------------------------------------------------------------------


def _profile_from_args(args: argparse.Namespace, creds: Credentials) -> Profile:
    """The profile to sign in: the flags, over an existing profile of that name, over
    answers to prompts."""
    name = args.name or (ask("Profile name", "--name", DEFAULT_NAME) if interactive()
                         else DEFAULT_NAME)
    old = creds.profiles.find(name)
    method = args.method or (old.method if old else ask(
        f"Sign-in method ({', '.join(METHODS)})", "--method", PKCE))
    login_url = args.login_url or (old.login_url if old else ask(
        "Login URL (production, sandbox, a My Domain or https://...)", "--login-url",
        "production"))
    client_id = args.client_id or (old.client_id if old else ask(
        "Client id (the connected app's consumer key)", "--client-id"))
    username = args.username or (old.username if old and method in (JWT, PASSWORD) else None)
    if method in (JWT, PASSWORD) and not username:
        username = ask("Salesforce username", "--username")
    key_file = args.key_file or (old.key_file if old else None)
    if method == JWT and not key_file:
        key_file = ask("Private key file (PEM)", "--key-file")
    ca_file = args.ca_file or (old.ca_file if old and not args.login_url else None)
    if ca_file is None and not old and interactive() and parse_login_url(login_url)[0] == CUSTOM:
        ca_file = ask("CA file to trust (empty: the system's)", "--ca-file", "") or None
    port = args.callback_port if args.callback_port is not None else (
        old.callback_port if old else 0)
    return Profile.new(name, login_url, method, client_id, username=username,
                       ca_file=ca_file, key_file=key_file if method == JWT else None,
                       callback_port=port)


def _sign_in_pkce(creds: Credentials, profile: Profile, args: argparse.Namespace) -> Profile:
    creds.check_login_url(profile)  # a wrong URL or CA file shows now, not after the browser
    sign_in = creds.begin_pkce(profile, open_url=None if args.no_browser else webbrowser.open,
                               timeout=args.timeout)
    url = sign_in.start()
    wait = f"waiting up to {args.timeout:g} s, Ctrl+C to cancel"
    if args.no_browser:
        note(f"Open this URL in a browser and sign in ({wait}):")
    else:
        note(f"Sign in in the browser window that opened; if none did, open this URL ({wait}):")
    note(url)
    try:
        return sign_in.result()
    except KeyboardInterrupt:
        sign_in.cancel()
        sign_in.wait(5)
        raise Interrupted("sign-in cancelled; nothing was saved") from None


def _sign_in(creds: Credentials, profile: Profile, args: argparse.Namespace) -> Profile:
    if profile.method == PKCE:
        return _sign_in_pkce(creds, profile, args)
    if profile.method == CLIENT_CREDENTIALS:
        return creds.sign_in_client_credentials(
            profile, ask_secret("Client secret (the connected app's consumer secret)"))
    if profile.method == JWT:
        passphrase = (ask_secret(f"Passphrase of {profile.key_file}")
                      if key_is_encrypted(profile.key_file or "") else None)
        return creds.sign_in_jwt(profile, passphrase)
    note(f"sfsync: warning: {PASSWORD_WARNING}")
    password = ask_secret(f"Password of {profile.username}")
    token = ask_secret("Security token (empty if your IP is trusted)", optional=True)
    client_secret = ask_secret("Client secret (the connected app's consumer secret)")
    return creds.sign_in_password(profile, password, client_secret=client_secret,
                                  security_token=token or None)


def cmd_connect(args: argparse.Namespace) -> int:
    creds = Credentials()
    backend = creds.check_keyring()  # refuse a plaintext keyring before asking anything
    try:
        profile = _profile_from_args(args, creds)
        saved = _sign_in(creds, profile, args)
    except SignInFailed as exc:
        raise CliFailure(f"sign-in failed: {exc}") from None
    except (KeyboardInterrupt, EOFError):
        raise Interrupted("connect interrupted; nothing was saved") from None
    if args.json:
        print_json({"profile": saved.to_dict(), "keyring": backend,
                    "settings_file": str(creds.profiles.path)})
        return 0
    who = f" as {saved.username}" if saved.username else ""
    out(f"Signed in: profile {saved.name!r} ({saved.method}){who} at {saved.instance_url}")
    out(f"Its secrets are in the keyring ({backend}); the profile is in "
        f"{creds.profiles.path}.")
    out(f"Sync with: sfsync sync --profile {saved.name}")
    return 0


# -- profiles, disconnect -----------------------------------------------------------------------


def state_text(profile: Profile) -> str:
    if profile.needs_sign_in:
        return "needs sign-in" + (f": {profile.state_reason}" if profile.state_reason else "")
    return "signed in"


def cmd_profiles(args: argparse.Namespace) -> int:
    profiles = Credentials().list()
    if args.json:
        print_json([p.to_dict() for p in profiles])
        return 0
    if not profiles:
        out("No profiles yet: 'sfsync connect' signs in and makes one.")
        return 0
    rows = [(p.name, p.method, p.login_url, p.username or "-", p.signed_in_at or "-",
             state_text(p)) for p in profiles]
    for line in table(("NAME", "METHOD", "LOGIN URL", "USER", "SIGNED IN", "STATE"), rows,
                      indent=""):
        out(line)
    return 0


def cmd_disconnect(args: argparse.Namespace) -> int:
    creds = Credentials()
    if creds.profiles.find(args.name) is None:
        raise CliFailure(f"there is no profile named {args.name!r} (see 'sfsync profiles')")
    done = creds.disconnect(args.name)
    if args.json:
        print_json({"profile": done.name, "secrets_removed": done.removed,
                    "refresh_token_revoked": done.revoked})
        return 0
    kinds = ", ".join(done.removed) or "none were left"
    out(f"Disconnected {done.name!r}: removed its secrets from the keyring ({kinds}) and the "
        "profile.")
    if done.revoked is not None:
        out("The refresh token was revoked at Salesforce." if done.revoked else
            "The refresh token could not be revoked at Salesforce (unreachable, or already "
            "revoked); it is gone from this machine.")
    return 0
