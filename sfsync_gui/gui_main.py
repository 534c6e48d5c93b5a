"""Entry point of ``sfsync-gui``. The window arrives with the desktop-window issue; until
then this says so plainly instead of failing obscurely."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Start the desktop window (not built yet: points to the command line)."""
    print(
        "sfsync-gui: the window is not built yet. Use 'sfsync demo' to start the local "
        "demo org.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
