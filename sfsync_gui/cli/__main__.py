"""``python -m sfsync_gui.cli``: the same as the ``sfsync`` command."""

import sys

from . import main

sys.exit(main())
