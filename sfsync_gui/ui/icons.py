"""The app's icons, loaded from the package data ``sfsync_gui/data/icons/`` (rendered from
the SVG sources in resources/icons/ by packaging/make_icons.py): the app icon as PNGs at
every size platforms ask for, and the sync-state icons as SVGs drawn in the palette's
colour (light or dark). Found through ``importlib.resources``, so they load the same from
a source checkout, a wheel or a PyInstaller bundle."""

from __future__ import annotations

import logging
from importlib.resources import files
from importlib.resources.abc import Traversable

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger("sfsync.ui")

APP = "sfsync-gui"
#: the app icon's PNG sizes in the package data
APP_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: the sync states that have an icon (keys of state_style.COLOURS)
STATES = ("synced", "pending", "failed", "conflict", "local_only", "deleted")
#: state icons are drawn for 16 px at 1x and 2x (high-DPI screens)
STATE_SIZES = (16, 32)

_app_icon: QIcon | None = None


def icons_dir() -> Traversable:
    """The folder of the packaged icons."""
    return files("sfsync_gui.data") / "icons"


def app_icon() -> QIcon:
    """The application icon (window, taskbar, tray, welcome page); null only when the
    package data is missing, which is logged."""
    global _app_icon
    if _app_icon is None:
        icon = QIcon()
        for size in APP_SIZES:
            pm = QPixmap()
            if pm.loadFromData((icons_dir() / f"{APP}-{size}.png").read_bytes(), "PNG"):
                icon.addPixmap(pm)
            else:
                log.warning("the %d px app icon did not load from the package data", size)
        _app_icon = icon
    return _app_icon


def state_svg(state: str) -> bytes:
    """The SVG source of a state's icon (drawn in the state's light-palette colour)."""
    return (icons_dir() / "states" / f"{state}.svg").read_bytes()


def state_icon(state: str, colour: str | None = None, light_colour: str | None = None
               ) -> QIcon:
    """A state's icon; with ``colour``, every use of ``light_colour`` (the colour its SVG is
    drawn in) is replaced by it (the dark palette's variant). An unknown state gets a null
    icon."""
    if state not in STATES:
        return QIcon()
    svg = state_svg(state)
    if colour and light_colour and colour.lower() != light_colour.lower():
        svg = svg.replace(light_colour.encode(), colour.encode())
    renderer = QSvgRenderer(QByteArray(svg))
    icon = QIcon()
    if not renderer.isValid():
        log.warning("the '%s' state icon is not a valid SVG", state)
        return icon
    for size in STATE_SIZES:
        pm = QPixmap(size, size)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(p)
        p.end()
        icon.addPixmap(pm)
    return icon
