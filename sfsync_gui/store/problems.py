"""Failures of the local database that are the environment's doing, told as such.

A locked, full, read-only or damaged database file is not a bug: it becomes a
:class:`StoreProblem` naming the file and what to do, which the command line prints as one
line and the window shows as a message (it is an ``OSError``, like a missing folder).
Other database errors (a constraint, a bad statement) stay what they are: bugs.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee

#: The README section the messages point to.
README_SECTION = "README, 'When the local database has a problem'"

# SQLite primary result codes (https://sqlite.org/rescode.html)
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, \
    14, 26


class StoreProblem(peewee.OperationalError, OSError):
    """The local database cannot be used as it is; ``kind`` says why: ``locked``,
    ``full``, ``read_only``, ``damaged``, ``disk_error`` or ``cannot_open``."""

    def __init__(self, kind: str, message: str, path: Path) -> None:
        super().__init__(message)
        self.kind = kind
        self.path = path

    def __str__(self) -> str:
        return str(self.args[0])


def _sqlite_error(exc: BaseException) -> BaseException:
    """The sqlite3 exception behind a peewee one (peewee keeps it as its first arg)."""
    for candidate in (exc, *(getattr(exc, "args", ()) or ()), exc.__cause__, exc.__context__):
        if isinstance(candidate, sqlite3.Error):
            return candidate
    return exc


def store_problem(exc: BaseException, path: str | Path) -> StoreProblem | None:
    """The :class:`StoreProblem` ``exc`` stands for, or None when it is not one."""
    if isinstance(exc, StoreProblem):
        return exc
    if not isinstance(exc, (sqlite3.Error, peewee.DatabaseError)):
        return None
    inner = _sqlite_error(exc)
    code = getattr(inner, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(inner).lower()
    path = Path(path)
    if primary in (_BUSY, _LOCKED) or "database is locked" in text:
        return StoreProblem("locked", (
            f"the local database {path} is busy: another sfsync command or window kept it "
            "locked for more than 5 seconds; close or wait for the other one, then try "
            "again (nothing was lost)"), path)
    if primary == _FULL or "disk is full" in text:
        return StoreProblem("full", (
            f"the disk holding the local database {path} is full: free some space, then "
            "try again (the step that was cut short was rolled back; nothing waiting to be "
            "pushed was lost)"), path)
    if primary == _READONLY or "readonly" in text or "read-only" in text:
        return StoreProblem("read_only", (
            f"the local database {path} cannot be written ({inner}: a read-only file, "
            "folder or disk): make it writable again, or choose another file with --db"), path)
    if primary in (_CORRUPT, _NOTADB) or "malformed" in text or "not a database" in text:
        return StoreProblem("damaged", (
            f"the local database {path} is damaged ({inner}): run 'sfsync db check --db "
            f"{path}', then restore a backup or rebuild it ({README_SECTION})"), path)
    if primary == _CANTOPEN or "unable to open" in text:
        return StoreProblem("cannot_open", (
            f"the local database {path} cannot be opened: check that its folder exists "
            "and can be written, or choose another file with --db"), path)
    if primary == _IOERR or "disk i/o error" in text:
        return StoreProblem("disk_error", (
            f"a disk error while using the local database {path} ({inner}): check the "
            f"disk, then run 'sfsync db check --db {path}' ({README_SECTION})"), path)
    return None
