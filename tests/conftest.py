"""Suite-wide defaults. Keep this small: fixtures live next to the tests that use them."""

import os

# Qt needs a platform before the first QApplication. With no DISPLAY and none chosen, the qapp
# fixture aborts with a misleading xcb-cursor message. Tests that want a real window under
# Xvfb (SFSYNC_TEST_XVFB=1) pick "xcb" themselves, in a subprocess.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
