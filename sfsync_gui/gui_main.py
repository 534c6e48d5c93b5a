"""Entry point of ``sfsync-gui``: checks there is a display to open a window on (a clear
message instead of Qt's abort when there is none), then starts the window."""

from __future__ import annotations

import os
import sys

NO_DISPLAY = ("sfsync-gui: no display to open the window on (DISPLAY and WAYLAND_DISPLAY "
              "are not set). Run it in a desktop session, set QT_QPA_PLATFORM=offscreen for "
              "a window nobody sees, or use the command line: 'sfsync demo'.")


def has_display(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """True when Qt can open a window here: a platform was chosen explicitly, or there is
    an X or Wayland display (or this is not Linux/BSD)."""
    if environ.get("QT_QPA_PLATFORM"):
        return True
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    """Start the window; exit status 3 when there is no display (``make demo`` then falls
    back to the command line)."""
    args = sys.argv[1:] if argv is None else argv
    if "--self-test" in args:  # a check, not a window to see: offscreen unless told
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not has_display() and not any(a in ("-h", "--help", "--version") for a in args):
        print(NO_DISPLAY, file=sys.stderr)
        return 3
    from .ui.app import main as run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
