"""The window's language: installs the app's catalog and Qt's own (standard buttons, context
menus), sets the locale that numbers and dates follow, and formats them.

The choice (:mod:`sfsync_gui.i18n`) is the user's "Language" setting, kept in
``QSettings`` (it belongs to the person, not to the synced data); "Automatic" follows the
OS. A new choice applies at the next start: the window is built in one language.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTimeZone,
    QTranslator,
)

from .. import i18n

log = logging.getLogger("sfsync.ui")

#: QSettings key of the user's choice ("" = automatic, else a code of i18n.LANGUAGES)
SETTINGS_KEY = "ui/language"

_installed: list[QTranslator] = []
_current = i18n.SOURCE


def stored_choice(settings: QSettings) -> str:
    """The language the user chose in the settings ("" for automatic)."""
    value = str(settings.value(SETTINGS_KEY, i18n.AUTOMATIC) or "")
    return value if value in i18n.LANGUAGES else i18n.AUTOMATIC


def store_choice(settings: QSettings, choice: str) -> None:
    """Remember ``choice`` ("" for automatic) for the next start."""
    if choice and choice not in i18n.LANGUAGES:
        raise ValueError(f"unknown language {choice!r}; one of {', '.join(i18n.LANGUAGES)}")
    settings.setValue(SETTINGS_KEY, choice)
    settings.sync()


def current() -> str:
    """The code of the language installed last (``en`` before any)."""
    return _current


def install(app: QCoreApplication, choice: str | None = None,
            settings: QSettings | None = None,
            environ: Mapping[str, str] = os.environ) -> str:
    """Speak the chosen language from now on; returns its code.

    ``choice`` None reads the stored setting (of ``settings``, else the app's QSettings).
    Translators installed by an earlier call are removed first, so this may run again.
    """
    global _current
    if choice is None:
        choice = stored_choice(settings if settings is not None else QSettings())
    system = QLocale.system()
    code = i18n.choose(choice, environ, system.uiLanguages())
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    ours = QTranslator(app)
    path = i18n.catalog(code)
    if ours.load(str(path)):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        # a checkout whose catalogs were never compiled (packaging/dev/bootstrap.sh does)
        log.warning("no translation catalog %s (packaging/translations.py compile makes it); "
                    "the window speaks English", path)
        code = i18n.SOURCE
    if code != i18n.SOURCE:
        qt = QTranslator(app)
        if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    # numbers and dates: the OS's own locale when it speaks this language (keeps es_MX
    # dates for a Mexican user), else the language's main one
    wanted = system if system.name().split("_")[0] == code else QLocale(code)
    QLocale.setDefault(wanted)
    _current = code
    return code


# -- formatting ---------------------------------------------------------------------------


def locale() -> QLocale:
    """The locale numbers and dates follow; the C locale (``LANG=C``) writes numbers the
    English way, with thousands separators."""
    loc = QLocale()
    if loc.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return loc


def number(value: int | float, decimals: int = 0) -> str:
    """``12,345`` in English, ``12.345`` in Spanish, ``12 345`` in French."""
    loc = locale()
    if decimals == 0:
        return loc.toString(round(value))
    return loc.toString(float(value), "f", decimals)


def percent(value: float) -> str:
    """A share (0..1) as a whole percentage, the way the language writes it."""
    return QCoreApplication.translate("Formats", "{value} %").format(
        value=number(100 * value))


def date_time(when: datetime | str | None, *, seconds: bool = True) -> str:
    """A moment in local time, in the locale's short date and time format."""
    if not when:
        return ""
    if isinstance(when, str):
        try:
            when = datetime.fromisoformat(when.replace(" ", "T"))
        except ValueError:
            return when
    if when.tzinfo is None:
        when = when.astimezone()  # a naive value is local time already
    dt = QDateTime.fromSecsSinceEpoch(int(when.timestamp()), QTimeZone.systemTimeZone())
    loc = locale()
    fmt = loc.dateTimeFormat(QLocale.FormatType.ShortFormat)
    if seconds and ":ss" not in fmt:
        fmt = fmt.replace(":mm", ":mm:ss", 1)
    return loc.toString(dt, fmt)


def time_of_day(when: datetime | None = None) -> str:
    """The time (with seconds) in the locale's format."""
    when = when or datetime.now()
    loc = locale()
    fmt = loc.timeFormat(QLocale.FormatType.ShortFormat)
    if ":ss" not in fmt:
        fmt = fmt.replace(":mm", ":mm:ss", 1)
    return loc.toString(QDateTime.fromSecsSinceEpoch(int(when.timestamp())).time(), fmt)
