"""How a sync state looks: a word, a colour and a round icon, readable on light and dark
palettes."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette

#: translated when shown (:func:`label`)
LABELS = {
    "synced": QT_TRANSLATE_NOOP("SyncState", "Synced"),
    "pending": QT_TRANSLATE_NOOP("SyncState", "Pending"),
    "failed": QT_TRANSLATE_NOOP("SyncState", "Failed"),
    "conflict": QT_TRANSLATE_NOOP("SyncState", "Conflict"),
    "local_only": QT_TRANSLATE_NOOP("SyncState", "Local only"),
    "deleted": QT_TRANSLATE_NOOP("SyncState", "Deleted"),
}
#: the same words inside a sentence ("now synced"), translated by :func:`in_sentence`
IN_SENTENCE = {
    "synced": QT_TRANSLATE_NOOP("SyncStateInSentence", "synced"),
    "pending": QT_TRANSLATE_NOOP("SyncStateInSentence", "pending"),
    "failed": QT_TRANSLATE_NOOP("SyncStateInSentence", "failed"),
    "conflict": QT_TRANSLATE_NOOP("SyncStateInSentence", "in conflict"),
    "local_only": QT_TRANSLATE_NOOP("SyncStateInSentence", "local only"),
    "deleted": QT_TRANSLATE_NOOP("SyncStateInSentence", "deleted"),
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
    """The state's icon (sfsync_gui/data/icons/states/*.svg) in the palette's colour: a
    full disc with a mark for synced/failed/deleted, a diamond for conflict, a ring for
    pending and local only (not yet in Salesforce as shown)."""
    key = (state, dark_palette())
    if key not in _icons:
        from .icons import state_icon

        light, _dark = COLOURS.get(state, ("#616161", "#9e9e9e"))
        _icons[key] = state_icon(state, colour(state).name(), light)
    return _icons[key]


def label(state: str | None) -> str:
    """The state's word in the window's language (an unknown state as it is)."""
    text = LABELS.get(state or "")
    return QCoreApplication.translate("SyncState", text) if text else state or ""


def in_sentence(state: str | None) -> str:
    """The state's word inside a sentence ("now synced")."""
    text = IN_SENTENCE.get(state or "")
    return QCoreApplication.translate("SyncStateInSentence", text) if text else state or ""


def forget_icons() -> None:
    """Drop the cached icons (the palette changed)."""
    _icons.clear()
