"""``sfsync db check`` and ``sfsync db backup``: look after the local database file.

``check`` reads the file without changing it (SQLite's integrity check, then what it
holds: records, changes waiting to be pushed); ``backup`` copies it consistently while the
sync may be running (SQLite's online backup), then checks the copy. See the README section
"When the local database has a problem" for what to do with their answers.
"""

from __future__ import annotations

import argparse
import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..store.problems import README_SECTION, store_problem
from .common import common_options, db_path, out, print_json
from .errors import CliError, CliFailure

#: Problems listed at most by the integrity check (a wrecked file has thousands).
MAX_PROBLEMS = 20


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``db check`` and ``db backup``."""
    db = sub.add_parser("db", help="check or back up the local database file")
    actions = db.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("check", parents=[common_options()],
                           help="check the file for damage (read only) and say what it holds")
    p.set_defaults(handler=cmd_check)
    p = actions.add_parser("backup", parents=[common_options()],
                           help="copy the database to a file, safely while a sync runs")
    p.add_argument("dest", type=Path, metavar="FILE", help="the copy to write (must not exist)")
    p.set_defaults(handler=cmd_backup)


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    if not path.is_file():
        raise CliFailure(f"there is no database file at {path}")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    try:
        yield conn
    finally:
        conn.close()


def check_file(path: Path) -> dict:
    """``{"ok", "problems", "records", "pending"}`` for the database at ``path``."""
    with _read_only(path) as conn:
        try:
            rows = conn.execute(f"PRAGMA integrity_check({MAX_PROBLEMS})").fetchall()
            problems = [r[0] for r in rows if r[0] != "ok"]
            tables = [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rec\\_%' "
                "ESCAPE '\\'")]
            records = {t[4:]: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
                       for t in tables}
            pending = conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] if conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'outbox'").fetchone() else 0
        except sqlite3.DatabaseError as exc:
            problem = store_problem(exc, path)
            if problem is not None and problem.kind == "locked":
                raise CliFailure(str(problem)) from None
            return {"ok": False, "problems": [str(exc)], "records": {}, "pending": None}
    return {"ok": not problems, "problems": problems, "records": records, "pending": pending}


def cmd_check(args: argparse.Namespace) -> int:
    path = db_path(args)
    result = check_file(path)
    if args.json:
        print_json({"path": str(path), **result})
    elif result["ok"]:
        total = sum(result["records"].values())
        out(f"{path}: no damage found; {total} records, {result['pending']} changes waiting "
            "to be pushed")
    else:
        out(f"{path} is damaged:")
        for line in result["problems"]:
            out(f"  {line}")
    if not result["ok"]:
        raise CliFailure(f"the local database {path} is damaged: restore a backup or rebuild "
                         f"it ({README_SECTION})")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    path = db_path(args)
    dest: Path = args.dest
    if dest.exists():
        raise CliError(f"{dest} already exists; give a new file name")
    if dest.resolve() == path.resolve():
        raise CliError("the backup must be another file than the database")
    dest.parent.mkdir(parents=True, exist_ok=True)
    with _read_only(path) as source:
        target = sqlite3.connect(dest)
        try:
            source.backup(target)
        except sqlite3.DatabaseError as exc:
            target.close()
            dest.unlink(missing_ok=True)
            raise CliFailure(str(store_problem(exc, path) or exc)) from None
        target.close()
    copy = check_file(dest)
    if not copy["ok"]:
        raise CliFailure(f"the copy {dest} failed its check ({copy['problems'][0]}); the "
                         f"database {path} may be damaged: run 'sfsync db check'")
    if args.json:
        print_json({"path": str(path), "backup": str(dest), **copy})
    else:
        out(f"backed up {path} to {dest} ({sum(copy['records'].values())} records, "
            f"{copy['pending']} changes waiting to be pushed)")
    return 0
