"""What every command shares: ``--db`` / ``--demo`` / ``--json``, opening the store, the demo
folder, and printing."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs

from ..store import Store, default_db_path
from .errors import CliError, CliFailure


def common_options(*, demo: bool = True) -> argparse.ArgumentParser:
    """A parent parser with ``--db``, ``--json`` and (usually) ``--demo``."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--db", type=Path, default=None, metavar="PATH",
                   help=f"the local store (default: {default_db_path()})")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    if demo:
        p.add_argument("--demo", action="store_true",
                       help="use the demo org and the demo store ('sfsync demo' makes them)")
    return p


def demo_dir() -> Path:
    """Where ``sfsync demo`` keeps its org (``org/``) and its store (``sfsync.db``)."""
    return Path(platformdirs.user_data_dir("sfsync-gui", appauthor=False)) / "demo"


def db_path(args: argparse.Namespace) -> Path:
    """The store the command works on: ``--db``, the demo store, or the default."""
    if getattr(args, "demo", False):
        if args.db is not None:
            raise CliError("use --demo or --db, not both")
        return demo_dir() / "sfsync.db"
    return args.db if args.db is not None else default_db_path()


@contextmanager
def open_store(args: argparse.Namespace, *, create: bool = False) -> Iterator[Store]:
    """The store named by the options. Commands that only read (or edit what a sync
    brought) want it to exist already; ``sync`` creates it."""
    hint = "sfsync demo --once" if getattr(args, "demo", False) else "sfsync sync --once"
    with store_at(db_path(args), create=create, hint=hint) as store:
        yield store


@contextmanager
def store_at(path: Path, *, create: bool, hint: str = "sfsync sync --once"
             ) -> Iterator[Store]:
    """The store at ``path``; CliFailure (saying to run ``hint``) if it must exist and
    does not."""
    from ..store.db import StoreVersionError
    from ..store.problems import StoreProblem

    if path.is_dir():
        raise CliError(f"--db {path} is a folder; give the path of a database file")
    if not create and not path.exists():
        raise CliFailure(f"there is no store at {path} yet: run '{hint}' first")
    try:
        store = Store(path)
    except (StoreVersionError, StoreProblem) as exc:
        raise CliFailure(str(exc)) from None
    try:
        yield store
    except StoreProblem as exc:  # locked, full, read-only, damaged: the file and what to do
        raise CliFailure(str(exc)) from None
    finally:
        with contextlib.suppress(StoreProblem):
            store.close()


def print_json(data: object) -> None:
    """One JSON document on stdout (unicode kept as is)."""
    print(json.dumps(data, ensure_ascii=False, default=str), flush=True)


def out(line: str = "") -> None:
    print(line, flush=True)


def note(line: str) -> None:
    """A line for the person at the terminal, not for a script reading stdout."""
    print(line, file=sys.stderr, flush=True)
