"""The bundle's ``sfsync-gui`` executable (PyInstaller runs this file as __main__)."""

import sys

from sfsync_gui.gui_main import main

if __name__ == "__main__":
    sys.exit(main())
