"""Guards against the PySide6 6.12.0 regression on Python 3.11.

6.12.0 drops a reference to None on every call that returns None; on 3.11, where None is not
immortal, the interpreter aborts after ~5,000 such calls ("Fatal Python error: none_dealloc").
The stress test runs in a subprocess so that an upgrade bringing the bug back fails here with
a clear message instead of killing the whole test run.
"""

import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
CALLS = 20_000


def _pyside_requirement() -> Requirement:
    deps = tomllib.loads(PYPROJECT.read_text())["project"]["dependencies"]
    (req,) = [r for r in map(Requirement, deps) if r.name == "pyside6-essentials"]
    return req


def child_none_returning_calls(qapp):
    """Run only in the subprocess below (collected there via -o python_functions=child_*)."""
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    nones_before = sys.getrefcount(None)
    for i in range(CALLS):
        label.setText(str(i))
        qapp.processEvents()
    # With the bug the process aborts long before this; a large drop means it is on its way.
    assert sys.getrefcount(None) > nones_before - 1_000
    assert label.text() == str(CALLS - 1)


def test_none_returning_calls_do_not_abort_the_interpreter():
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            __file__,
            "-o",
            "python_functions=child_*",
            "-p",
            "no:cacheprovider",
            "-q",
            "--no-header",
            "-s",  # no capture: an abort message must reach us, not a temp file
        ],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=PYPROJECT.parent,
    )
    output = proc.stdout + proc.stderr
    if proc.returncode != 0 or "1 passed" not in proc.stdout:
        crashed = "none_dealloc" in output or proc.returncode < 0
        fatal = [line for line in output.splitlines() if line.startswith("Fatal Python error")]
        pytest.fail(
            f"PySide6 {version('pyside6-essentials')} on Python {sys.version.split()[0]}: "
            f"{2 * CALLS} None-returning Qt calls "
            + ("ABORTED the interpreter (the 6.12.0 none_dealloc bug). " if crashed else "failed. ")
            + f"Keep the pin {_pyside_requirement()} in pyproject.toml.\n"
            + "\n".join(fatal)
            + f"\n--- subprocess exit {proc.returncode}, output tail ---\n{output[-1500:]}",
            pytrace=False,
        )


def test_installed_pyside_matches_the_pin():
    req = _pyside_requirement()
    installed = version("pyside6-essentials")
    assert req.specifier.contains(installed), (
        f"pyside6-essentials {installed} is installed but pyproject.toml pins {req}; "
        "run `make test` again (it reinstalls when pyproject.toml changes)"
    )

    import PySide6

    # The module actually imported is the pinned one (not a stray full PySide6 of another version).
    assert PySide6.__version__ == installed


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_pin_excludes_the_broken_release():
    assert not _pyside_requirement().specifier.contains("6.12.0"), (
        "pyside6-essentials 6.12.0 aborts Python 3.11 (none_dealloc); keep <6.12 while on 3.11"
    )
