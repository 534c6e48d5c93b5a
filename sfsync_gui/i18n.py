"""Which language the window speaks. Plain Python (the Qt side, which installs the
translators, is :mod:`sfsync_gui.ui.language`).

The window follows the user's locale unless they chose a language in the settings. On
Linux the locale is read from the environment the way GNU gettext reads it (``LANGUAGE``,
then ``LC_ALL``, ``LC_MESSAGES``, ``LANG``), so ``LANG=es_ES.UTF-8`` gives Spanish even
where the C library has no ``es_ES`` locale generated. Elsewhere (or when the
environment says nothing) the OS's list of preferred UI languages decides.

The command line (``sfsync``) stays English: its output is read by scripts.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path

#: the source language of every string
SOURCE = "en"
#: language code -> its own name, as the settings offer them
LANGUAGES: dict[str, str] = {
    "en": "English",
    "es": "Español",
    "it": "Italiano",
    "nl": "Nederlands",
    "fr": "Français",
}
#: the languages that have a translation file (English has one for its plural forms only)
TRANSLATED = ("es", "it", "nl", "fr")
#: the stored choice meaning "follow the OS"
AUTOMATIC = ""
#: catalog file name: sfsync_gui_<code>.qm
CATALOG = "sfsync_gui_{}"


def _code(tag: str) -> str | None:
    """The language part of a locale name or BCP 47 tag (``es_ES.UTF-8@euro`` -> ``es``);
    None for an empty one. ``C`` and ``POSIX`` mean English."""
    tag = tag.strip().split(".")[0].split("@")[0]
    if not tag:
        return None
    if tag in ("C", "POSIX"):
        return SOURCE
    return tag.replace("-", "_").split("_")[0].lower() or None


def from_environment(environ: Mapping[str, str] = os.environ) -> list[str]:
    """The language codes the environment asks for, most wanted first.

    ``LANGUAGE`` (a colon-separated priority list) first, unless the locale is set to
    ``C``/``POSIX`` (GNU gettext ignores it then too); then the first of ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG`` that is set.
    """
    locale = next((environ[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(k)),
                  "")
    wanted: list[str] = []
    if locale.split(".")[0] not in ("C", "POSIX"):
        wanted += [c for part in environ.get("LANGUAGE", "").split(":") if (c := _code(part))]
    if (c := _code(locale)) is not None:
        wanted.append(c)
    return wanted


def choose(choice: str = AUTOMATIC, environ: Mapping[str, str] = os.environ,
           ui_languages: Iterable[str] = ()) -> str:
    """The language to speak: the user's ``choice`` if it is one we have, else the first
    language of the environment, else of the OS's ``ui_languages`` (BCP 47 tags such as
    ``QLocale.system().uiLanguages()``) that we speak; English otherwise. An English locale
    listed before a translated one means English."""
    if choice in LANGUAGES:
        return choice
    for code in [*from_environment(environ), *(_code(t) for t in ui_languages)]:
        if code in LANGUAGES:
            return code
    return SOURCE


def catalog_dir() -> Path:
    """Where the compiled catalogs (``.qm``) are: ``sfsync_gui/data/translations``."""
    return Path(str(resources.files("sfsync_gui"))) / "data" / "translations"


def catalog(code: str) -> Path:
    """The compiled catalog of ``code`` (it may not exist: English has plurals only)."""
    return catalog_dir() / (CATALOG.format(code) + ".qm")
