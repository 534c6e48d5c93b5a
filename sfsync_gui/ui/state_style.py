"""How a sync state looks: a word, a colour and a round icon, readable on light and dark
palettes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

LABELS = {
    "synced": "Synced",
    "pending": "Pending",
    "failed": "Failed",
    "conflict": "Conflict",
    "local_only": "Local only",
    "deleted": "Deleted",
}
#: (colour on a light background, colour on a dark one)
COLOURS = {
    "synced": ("#1e7d32", "#66bb6a"),
    "pending": ("#b26a00", "#ffb74d"),
    "failed": ("#c62828", "#ef5350"),
    "conflict": ("#6a1b9a", "#ba68c8"),
    "local_only": ("#1565c0", "#64b5f6"),
    "deleted": ("#616161", "#9e9e9e"),
}
_icons: dict[tuple[str, bool], QIcon] = {}


def dark_palette() -> bool:
    """True when the window background is dark (the OS is in dark mode)."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def colour(state: str) -> QColor:
    light, dark = COLOURS.get(state, ("#616161", "#9e9e9e"))
    return QColor(dark if dark_palette() else light)


def icon(state: str) -> QIcon:
    """A filled circle in the state's colour (a ring for pending and local only: not yet
    in Salesforce as shown)."""
    key = (state, dark_palette())
    if key not in _icons:
        pm = QPixmap(16, 16)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = colour(state)
        if state in ("pending", "local_only"):
            pen = p.pen()
            pen.setColor(c)
            pen.setWidthF(2.5)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(3, 3, 10, 10)
        else:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(c)
            p.drawEllipse(2, 2, 12, 12)
        p.end()
        _icons[key] = QIcon(pm)
    return _icons[key]


def label(state: str | None) -> str:
    return LABELS.get(state or "", state or "")


def forget_icons() -> None:
    """Drop the cached icons (the palette changed)."""
    _icons.clear()
