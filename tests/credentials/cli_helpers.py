"""Running ``sfsync`` in-process for the sign-in tests: secrets on standard input, a
browser that is the test, the output captured."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from sfsync_gui.cli import main
from sfsync_gui.localorg.server import RunningOrg

from .conftest import play_browser


@dataclass
class Result:
    code: int
    out: str
    err: str


Run = Callable[..., Result]


def make_run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """``run(*argv, stdin="...")``: ``main()`` with standard input (not a terminal)."""

    def run(*argv: str | Path, stdin: str = "") -> Result:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


def browser_for(org: RunningOrg, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make ``webbrowser.open`` the test playing the browser; returns the URLs opened."""
    opened: list[str] = []

    def open_url(url: str) -> bool:
        opened.append(url)
        threading.Thread(target=play_browser, args=(org, url), daemon=True).start()
        return True

    monkeypatch.setattr("webbrowser.open", open_url)
    return opened


def local_args(org: RunningOrg, name: str, method: str) -> list[str]:
    """``connect`` flags for the local org."""
    f = org.facts
    args = ["connect", "--name", name, "--method", method, "--login-url", f.login_url,
            "--ca-file", f.ca_file, "--client-id", f.client_id]
    if method in ("jwt", "password"):
        args += ["--username", f.sync_user.username]
    if method == "jwt":
        key = next((Path(org.org.data_dir) / "jwt").glob("*private*"))
        args += ["--key-file", str(key)]
    return args
