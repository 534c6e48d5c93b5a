"""Each compiled catalog loads and translates what the window shows; plurals follow each
language's rules; numbers and dates follow the locale; Qt's own buttons are translated."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from sfsync_gui import i18n
from sfsync_gui.ui import engine_text, language, state_style

KNOWN = {
    # (context, source): es, it, nl, fr
    ("MainWindow", "Sync now"): ("Sincronizar ahora", "Sincronizza ora", "Nu synchroniseren",
                                 "Synchroniser maintenant"),
    ("SyncState", "Pending"): ("Pendiente", "In sospeso", "Openstaand", "En attente"),
    ("Columns", "Salesforce Id"): ("Id de Salesforce", "ID Salesforce", "Salesforce-ID",
                                   "ID Salesforce"),
    ("MainWindow", "Force sync"): ("Forzar sincronización", "Forza sincronizzazione",
                                   "Synchronisatie forceren", "Forcer la synchronisation"),
}


@pytest.mark.parametrize("index, code", list(enumerate(i18n.TRANSLATED)))
def test_each_catalog_translates_known_strings(qapp, index: int, code: str) -> None:
    t = QTranslator()
    assert t.load(str(i18n.catalog(code))), i18n.catalog(code)
    assert t.language() == {"es": "es_ES", "it": "it_IT", "nl": "nl_NL", "fr": "fr_FR"}[code]
    for (context, source), words in KNOWN.items():
        assert t.translate(context, source) == words[index]
    # a disambiguated message: the menu, not the tab
    assert t.translate("MainWindow", "&Records", "menu") == (
        "&Registros", "&Record", "&Records", "&Enregistrements")[index]


PLURALS = {
    # n: 0, 1, 2, 12345 — French counts 0 as singular, the others do not; Spanish groups
    # thousands only from five digits on (CLDR), so 12,345 shows its separator everywhere
    "en": ("0 records", "1 record", "2 records", "12,345 records"),
    "es": ("0 registros", "1 registro", "2 registros", "12.345 registros"),
    "it": ("0 record", "1 record", "2 record", "12.345 record"),
    "nl": ("0 records", "1 record", "2 records", "12.345 records"),
    "fr": ("0 enregistrement", "1 enregistrement", "2 enregistrements",
           "12\u202f345 enregistrements"),
}


@pytest.mark.parametrize("code", list(PLURALS))
def test_plural_forms_and_numbers(qtbot, speak, code: str) -> None:
    assert speak(code) == code
    shown = []  # the count beside a records table
    for n in (0, 1, 2, 12345):
        shown.append(QCoreApplication.translate("RecordsPage", "{count} record(s)", "", n)
                     .format(count=language.number(n)))
    assert tuple(shown) == PLURALS[code]


@pytest.mark.parametrize("code, one, two", [
    ("en", "1 API call", "2 API calls"),
    ("es", "1 llamada a la API", "2 llamadas a la API"),
    ("fr", "1 appel d’API", "2 appels d’API"),
])
def test_plurals_in_the_status_bar(qtbot, speak, code: str, one: str, two: str) -> None:
    from sfsync_gui.ui.statusbar import SyncStatusBar

    speak(code)
    bar = SyncStatusBar()
    qtbot.addWidget(bar)
    assert bar.tr("{count} API call(s)", "", 1).format(count=1) == one
    assert bar.tr("{count} API call(s)", "", 2).format(count=2) == two
    bar.set_usage(12_345, 15_000)
    expected = {"en": "API 12,345 / 15,000 today (82 %)",
                "es": "API 12.345 / 15.000 hoy (82 %)",
                "fr": "API 12\u202f345 / 15\u202f000 aujourd’hui (82\u00a0%)"}[code]
    assert bar.usage.text() == expected


def test_dates_follow_the_locale(speak) -> None:
    when = datetime(2026, 3, 28, 14, 5, 9, tzinfo=UTC).astimezone()
    speak("en", {"LANG": "en_US.UTF-8"})
    us = language.date_time(when)
    speak("fr")
    fr = language.date_time(when)
    assert us.startswith("3/28/26") and fr.startswith("28/03/2026"), (us, fr)
    # seconds added to the short time format: 2:05:09 PM, 14:05:09
    assert when.strftime(":%M:%S") in us and fr.endswith(when.strftime("%H:%M:%S"))


def test_engine_words_and_states(speak) -> None:
    speak("it")
    assert state_style.label("local_only") == "Solo locale"
    assert engine_text.phase("pulling Lead") == "Ricezione di Lead"
    assert engine_text.phase("something new") == "Something new"  # unknown: as it is
    assert engine_text.reason("currency fields are synced through their component fields") == (
        "i campi di tipo currency vengono sincronizzati tramite i loro campi componenti")
    assert engine_text.status("needs_sign_in") == "accesso richiesto"


@pytest.mark.parametrize("code, ok, cancel", [
    ("es", "Aceptar", "Cancelar"), ("it", "OK", "Annulla"), ("nl", "OK", "Annuleren"),
    ("fr", "OK", "Annuler")])
def test_qt_standard_buttons_are_translated(qtbot, speak, code: str, ok: str,
                                            cancel: str) -> None:
    speak(code)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {ok, cancel}


def test_locale_default_follows_the_language(speak) -> None:
    speak("nl")
    assert QLocale().language() == QLocale.Language.Dutch
    speak("es", {"LANG": "es_MX.UTF-8"})  # the OS's own variant is kept
    assert QLocale().name() in ("es_MX", "es_ES")
