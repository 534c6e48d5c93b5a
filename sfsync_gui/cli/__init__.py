"""The ``sfsync`` command line.

Exit status 0 on success; otherwise one clear line on stderr (``sfsync: ...``) and 2 for a
usage problem (bad option, unknown field, missing setting) or 1 for a failure while doing
the work (org unreachable, person not found, a cycle that failed).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys

import peewee

from .. import __version__
from ..salesforce import ConfigError, SalesforceError
from ..store import LocalEditError
from ..sync.settings import SettingsError
from .errors import CliError, CliFailure, one_line

__all__ = ["CliError", "CliFailure", "build_parser", "main"]


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line, exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    from . import db_cmds, person, profiles_cmds, serve, settings_cmds, sync_cmds, views

    parser = _Parser(prog="sfsync",
                     description="Two-way sync between a local database and a Salesforce org.")
    parser.add_argument("--version", action="version", version=f"sfsync {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sync_cmds.register(sub)
    person.register(sub)
    views.register(sub)
    settings_cmds.register(sub)
    db_cmds.register(sub)
    serve.register(sub)
    profiles_cmds.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``sfsync``; returns the exit status."""
    try:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exc:  # --help, --version
            return int(exc.code or 0)
        return int(args.handler(args) or 0)
    except (CliError, CliFailure) as exc:
        return _fail(str(exc), exc.exit_code)
    except (ConfigError, LocalEditError, SettingsError) as exc:
        return _fail(str(exc), 2)
    except SalesforceError as exc:
        return _fail(f"Salesforce: {exc}", 1)
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        return _fail(f"the local store cannot be used: {exc}", 1)
    except KeyboardInterrupt:
        return _fail("interrupted (an interrupted first sync resumes where it stopped)", 130)
    except BrokenPipeError:
        return 1


def _fail(message: str, code: int) -> int:
    print(f"sfsync: {one_line(message)}", file=sys.stderr, flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
