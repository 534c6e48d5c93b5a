"""``sfsync localorg serve``: the local Salesforce org over HTTPS until Ctrl+C / SIGTERM."""

from __future__ import annotations

import argparse
import json
import signal
import threading
from pathlib import Path

from .errors import CliError


def seed_value(text: str) -> str | int:
    """``--seed``: ``demo`` or a number of Leads."""
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


def positive_int(text: str) -> int:
    """A whole number above zero."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if n <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number, not {n}")
    return n


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``localorg serve``."""
    localorg = sub.add_parser("localorg", help="the local Salesforce org (demo and test bed)")
    lsub = localorg.add_subparsers(dest="localorg_command", required=True, metavar="ACTION")
    serve = lsub.add_parser("serve", help="serve the local org over HTTPS on 127.0.0.1")
    serve.add_argument("--data", type=Path, default=None,
                       help="data folder (default: a temporary folder removed at exit)")
    serve.add_argument("--port", type=int, default=0,
                       help="TCP port on 127.0.0.1 (0: any free)")
    serve.add_argument("--seed", type=seed_value, default="demo",
                       help="'demo' or a number of Leads; used when the data folder is new")
    serve.add_argument("--api-limit", type=positive_int, default=15000,
                       help="daily API allowance (default 15000, a Developer Edition's)")
    serve.add_argument("--token-ttl", type=positive_int, default=7200,
                       help="access token lifetime in seconds (default 7200)")
    serve.set_defaults(handler=serve_until_signal)


def serve_until_signal(args: argparse.Namespace) -> int:
    """Print the org's facts as one JSON line, then serve until a signal."""
    from ..localorg.server import start_local_org

    if args.port and not 0 < args.port < 65536:
        raise CliError(f"--port must be between 1 and 65535, not {args.port}")
    try:
        running = start_local_org(args.data, port=args.port, seed=args.seed,
                                  api_limit=args.api_limit, token_ttl=args.token_ttl)
    except OSError as exc:
        raise CliError(f"cannot start the local org: {exc.strerror or exc}") from None
    stop = threading.Event()

    def _stop(_signum: int, _frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    print(json.dumps(running.facts.to_json_dict()), flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        running.stop()
    return 0
