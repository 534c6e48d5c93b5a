"""Shared parts of the reliability harnesses: running the sync child and reading it."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .orgproc import ROOT


@dataclass
class ChildRun:
    """One sync child process and what it printed."""

    proc: subprocess.Popen
    lines: list[str] = field(default_factory=list)
    phase: str = "start"
    cycles: int = 0
    api_calls: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    selfkill: str | None = None
    #: cycles that ended with outbox rows still "sending" (stranded until a restart)
    stuck_in_flight: int = 0

    def alive(self) -> bool:
        return self.proc.poll() is None


def start_child(db: Path, env: dict[str, str], *args: str) -> ChildRun:
    proc = subprocess.Popen([sys.executable, "-m", "tests.reliability.sync_child", str(db),
                             *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, env=env, cwd=ROOT)
    run = ChildRun(proc)

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            line = line.rstrip()
            run.lines.append(line)
            if line.startswith("phase "):
                run.phase = line[6:]
            elif line.startswith("cycle "):
                run.cycles += 1
                parts = line.split()
                run.statuses[parts[1]] = run.statuses.get(parts[1], 0) + 1
                run.api_calls += int(parts[2].split("=")[1])
                if parts[6] != "sending=0":
                    run.stuck_in_flight += 1
            elif line.startswith("selfkill "):
                run.selfkill = line[9:]
    threading.Thread(target=read, daemon=True).start()
    return run


def wait_child(run: ChildRun, timeout: float) -> int:
    try:
        return run.proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        run.proc.kill()
        return run.proc.wait()


def settle(db: Path, env: dict[str, str], *, timeout: float = 600) -> ChildRun:
    """Run the sync to quiescence (two cycles in a row with nothing to do)."""
    run = start_child(db, env, "--until-quiet", "--max-seconds", str(timeout))
    code = wait_child(run, timeout + 60)
    time.sleep(0.1)  # let the reader thread take the last lines
    if code != 0:
        tail = "\n".join(run.lines[-30:])
        raise RuntimeError(f"the final sync did not reach quiescence (exit {code}):\n{tail}")
    return run


def crashed(run: ChildRun, code: int) -> str | None:
    """A traceback the child printed before dying by itself, if any."""
    if code in (-9,):
        return None
    return "\n".join(run.lines[-25:])
