"""Fixtures for the translation tests: QSettings in a temporary folder, the catalogs
compiled, and a way to switch the window's language that is undone after each test."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings

from sfsync_gui import i18n
from sfsync_gui.ui import language

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True, scope="session")
def catalogs() -> None:
    """The compiled catalogs, as the bootstrap leaves them (compiled again if a .ts is
    newer: a test must not pass on yesterday's translations)."""
    stale = [c for c in ("en", *i18n.TRANSLATED)
             if not i18n.catalog(c).exists()
             or i18n.catalog(c).stat().st_mtime
             < (ROOT / "resources/translations" / f"sfsync_gui_{c}.ts").stat().st_mtime]
    if stale:
        subprocess.run([sys.executable, str(ROOT / "packaging/translations.py"), "compile"],
                       check=True, capture_output=True)


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> Iterator[Path]:
    """QSettings (the language choice, the layout) of each test live in its own folder."""
    folder = tmp_path / "qsettings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("sfsync-gui-tests")
    QCoreApplication.setApplicationName("sfsync-gui-tests")
    yield folder


@pytest.fixture
def speak(qapp) -> Iterator:
    """``speak("es")`` installs that language (as the app does at start) and returns its
    code; afterwards the suite speaks English again with the default locale."""
    before = QLocale()

    def install(choice: str, environ: dict[str, str] | None = None) -> str:
        return language.install(qapp, choice, environ=environ if environ is not None else {})

    yield install
    language.install(qapp, "en", environ={})
    QLocale.setDefault(before)
