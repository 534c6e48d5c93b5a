"""The bundle's ``sfsync`` command-line executable (PyInstaller runs this as __main__)."""

import sys

from sfsync_gui.cli import main

if __name__ == "__main__":
    sys.exit(main())
