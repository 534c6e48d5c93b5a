"""The ``sfsync`` command line.

Exit status 0 on success; otherwise one clear line on stderr and a non-zero status.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from pathlib import Path

from . import __version__


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""


def _seed_value(text: str) -> str | int:
    if text == "demo":
        return "demo"
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--seed takes 'demo' or a number of Leads, not {text!r}"
        ) from None
    if n < 0:
        raise argparse.ArgumentTypeError("--seed must not be negative")
    return n


def _positive_int(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if n <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number, not {n}")
    return n


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sfsync",
        description="Two-way sync between a local database and a Salesforce org.",
    )
    parser.add_argument("--version", action="version", version=f"sfsync {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    localorg = sub.add_parser("localorg", help="the local Salesforce org (demo and test bed)")
    lsub = localorg.add_subparsers(dest="localorg_command", required=True, metavar="ACTION")
    serve = lsub.add_parser("serve", help="serve the local org over HTTPS on 127.0.0.1")
    _add_serve_options(serve)

    demo = sub.add_parser("demo", help="start the local org with the demo data")
    demo.add_argument("--data", type=Path, default=None,
                      help="keep the demo org's data in DIR (default: a temporary folder)")
    demo.add_argument("--port", type=int, default=0, help="TCP port (default: any free)")
    return parser


def _add_serve_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", type=Path, default=None,
                   help="data folder (default: a temporary folder removed at exit)")
    p.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0: any free)")
    p.add_argument("--seed", type=_seed_value, default="demo",
                   help="'demo' or a number of Leads; used when the data folder is new")
    p.add_argument("--api-limit", type=_positive_int, default=15000,
                   help="daily API allowance (default 15000, a Developer Edition's)")
    p.add_argument("--token-ttl", type=_positive_int, default=7200,
                   help="access token lifetime in seconds (default 7200)")


def _serve_until_signal(args: argparse.Namespace, *, banner: bool) -> int:
    from .localorg.server import start_local_org

    if args.port and not 0 < args.port < 65536:
        raise CliError(f"--port must be between 1 and 65535, not {args.port}")
    try:
        running = start_local_org(
            args.data, port=args.port, seed=getattr(args, "seed", "demo"),
            api_limit=getattr(args, "api_limit", 15000),
            token_ttl=getattr(args, "token_ttl", 7200),
        )
    except OSError as exc:
        raise CliError(f"cannot start the local org: {exc.strerror or exc}") from None
    stop = threading.Event()

    def _stop(_signum: int, _frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    facts = running.facts.to_json_dict()
    print(json.dumps(facts), flush=True)
    if banner:
        print(_demo_banner(facts), file=sys.stderr, flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        running.stop()
    return 0


def _demo_banner(f: dict) -> str:
    return (
        "\nThe demo org is running (press Ctrl+C to stop).\n"
        f"  Instance URL : {f['instance_url']}\n"
        f"  Trust the CA : {f['ca_file']}\n"
        f"  Sync user    : {f['sync_user']['username']}  (client credentials: the client id "
        "and secret above)\n"
        f"  Admin user   : {f['admin_user']['username']}\n"
        "Try it with simple-salesforce:\n"
        "  import requests, simple_salesforce\n"
        "  s = requests.Session(); s.trust_env = False; s.verify = CA_FILE\n"
        "  tok = s.post(INSTANCE_URL + '/services/oauth2/token', data={'grant_type': "
        "'client_credentials', 'client_id': ID, 'client_secret': SECRET}).json()\n"
        "  sf = simple_salesforce.Salesforce(instance_url=INSTANCE_URL, "
        "session_id=tok['access_token'], session=s)\n"
        "  sf.query('SELECT Id, Name, Email FROM Lead LIMIT 5')\n"
    )


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``sfsync``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "localorg" and args.localorg_command == "serve":
            return _serve_until_signal(args, banner=False)
        if args.command == "demo":
            return _serve_until_signal(args, banner=True)
    except CliError as exc:
        print(f"sfsync: {exc}", file=sys.stderr)
        return 2
    parser.error("unknown command")
    return 2


if __name__ == "__main__":
    sys.exit(main())
