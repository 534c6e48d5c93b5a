"""The window built in each language, syncing with the local org (real HTTPS, real SQLite):
no visible text of the main views is left in English unless it is data (object and field
API names, Salesforce's labels, record values) or the language's own word happens to be
the English one; menu and dialog accelerators do not clash; the Language setting is
stored per user and used at the next start."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from sfsync_gui import i18n
from sfsync_gui.localorg.server import RunningOrg, start_local_org
from sfsync_gui.store.models import FieldInfo
from sfsync_gui.sync.config import DEFAULT_OBJECTS
from sfsync_gui.ui import language
from sfsync_gui.ui.controller import SyncController
from sfsync_gui.ui.crash import CrashDialog
from sfsync_gui.ui.dialogs import NewPersonDialog
from sfsync_gui.ui.main_window import TAB_ERRORS, TAB_FIELDS, TAB_STATUS, MainWindow
from sfsync_gui.ui.signin_dialog import SignInDialog
from sfsync_gui.ui.source import org_source

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import translations  # noqa: E402

FIRST_CYCLE_MS = 60_000


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningOrg]:
    running = start_local_org(tmp_path_factory.mktemp("i18n-org"), seed="demo")
    yield running
    running.stop()


class NoProfiles:
    """The saved sign-ins the sign-in dialog sees here: none (never the user's own)."""

    def list(self) -> list:
        return []


def dialogs(win: MainWindow) -> dict[str, str]:
    """The texts of the settings, new person, sign-in (every method's page) and crash
    dialogs."""
    out: dict[str, str] = {}
    settings = win.settings_dialog()
    assert settings is not None
    person = NewPersonDialog(win.store, ["Lead", "Contact"], win)  # type: ignore[arg-type]
    sign_in = SignInDialog(NoProfiles(), open_url=None, parent=win)  # type: ignore[arg-type]
    crash = CrashDialog("Traceback: a bug", win)
    for name, dialog in (("settings", settings), ("person", person), ("crash", crash)):
        out |= {f"{name}:{k}": v for k, v in texts(dialog).items()}
    method = sign_in.findChild(QComboBox)
    assert method is not None
    for i in range(method.count()):  # each way in shows its own fields
        method.setCurrentIndex(i)
        out |= {f"sign-in{i}:{k}": v for k, v in texts(sign_in).items()}
    for d in (settings, person, sign_in, crash):
        d.deleteLater()
    return out


def open_window(qtbot, org: RunningOrg, db: Path) -> MainWindow:
    """The window after its first cycle, every view and the person panel filled once."""
    win = MainWindow(SyncController())
    qtbot.addWidget(win)
    win.remember_layout = False
    with qtbot.waitSignal(win.first_cycle_done, timeout=FIRST_CYCLE_MS):
        win.start(org_source(org.facts, db), interval=3600.0)
    win.show()
    page = win.records.show_object("Lead")
    assert page is not None
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.loading)
    win.open_record("Lead", int(page.model.local_id(0)))  # type: ignore[arg-type]
    for tab in (TAB_ERRORS, TAB_STATUS, TAB_FIELDS, 0):
        win.tabs.setCurrentIndex(tab)
    return win


def close_window(win: MainWindow) -> None:
    win.close()
    assert not win.controller.running


def texts(root: QWidget) -> dict[str, str]:
    """Every text a person sees (or hears from a screen reader) in ``root``, by a path that
    is the same in every language: labels, buttons, group and tab titles, placeholders,
    combo box entries, column titles, menu and toolbar actions with their tips."""
    out: dict[str, str] = {}

    def put(key: str, text: str | None) -> None:
        if text and text.strip():
            out[key] = text

    def walk(w: QWidget, path: str) -> None:
        put(path + "#title", w.windowTitle() if w.isWindow() else "")
        put(path + "#a11y", w.accessibleName())
        put(path + "#tip", w.toolTip())
        if (isinstance(w, QLabel) and w.pixmap().isNull()) or isinstance(w, QAbstractButton):
            put(path + "#text", w.text())
        elif isinstance(w, QGroupBox):
            put(path + "#text", w.title())
        elif isinstance(w, QDockWidget):
            put(path + "#text", w.windowTitle())
        elif isinstance(w, QLineEdit):
            put(path + "#text", w.placeholderText())
        elif isinstance(w, QComboBox) and not w.isEditable():
            for i in range(w.count()):
                put(f"{path}#item{i}", w.itemText(i))
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                put(f"{path}#tab{i}", w.tabText(i))
        elif isinstance(w, QTableView | QTreeView) and w.model() is not None:
            m = w.model()
            for c in range(m.columnCount(QModelIndex())):
                put(f"{path}#col{c}", m.headerData(c, Qt.Orientation.Horizontal))
        for a in w.actions():
            walk_action(a, f"{path}/action:{a.objectName() or a.data() or ''}")
        kids = [c for c in w.children() if isinstance(c, QWidget)]
        for i, child in enumerate(kids):
            walk(child, f"{path}/{child.objectName() or type(child).__name__}[{i}]")

    def walk_action(a: QAction, path: str) -> None:
        key = f"{path}{a.shortcut().toString()}"
        put(key + "#text", a.text())
        put(key + "#tip", a.toolTip())
        put(key + "#status", a.statusTip())
        if a.menu() is not None:
            for i, sub in enumerate(a.menu().actions()):  # type: ignore[union-attr]
                walk_action(sub, f"{key}/{i}")

    walk(root, type(root).__name__)
    return out


def data_words(store_fields: list[FieldInfo]) -> set[str]:
    """Words that are data, the same in every language."""
    words = {"sfsync", "Salesforce", "API", "ms", "Id", "ID", *DEFAULT_OBJECTS,
             *i18n.LANGUAGES.values()}
    for f in store_fields:
        words.update((f.label, f.name))
    return words


def translation_patterns(code: str) -> list[re.Pattern[str]]:
    """Each translation of ``code`` as a pattern (placeholders match anything)."""
    out = []
    for m in translations.read_ts(translations.ts_file(code)):
        for form in m.forms:
            parts = re.split(r"(\{[a-z_0-9]*\}|%L?n|%[vmp])", form)
            rx = "".join(".+?" if i % 2 else re.escape(p) for i, p in enumerate(parts))
            out.append(re.compile(rx, re.DOTALL))
    return out


def is_data(text: str, words: set[str]) -> bool:
    """Nothing but data words, numbers, ids, times and punctuation."""
    rest = text
    for w in sorted(words, key=len, reverse=True):
        rest = rest.replace(w, " ")
    rest = re.sub(r"\b[0-9A-Za-z]{15,18}\b|[\w.+-]+@[\w.-]+|\b\w+:\d+\b", " ", rest)
    return not re.search(r"[^\W\d_]{2,}", rest)


def untranslated(english: dict[str, str], other: dict[str, str], code: str,
                 words: set[str]) -> list[str]:
    patterns = translation_patterns(code)
    left = []
    for key, text in other.items():
        if english.get(key) != text or is_data(text, words):
            continue
        bare = re.sub(r"\s*\([^()]*\)$", "", text)  # a tip ends with its shortcut: "(Ctrl+1)"
        if any(p.fullmatch(text) or p.fullmatch(bare) for p in patterns):
            continue  # this language's word is the English one ("Type", "Records", "Status")
        left.append(f"{key}: {text!r}")
    return left


def accelerators(labels: list[str]) -> list[str]:
    return [m.group(1).lower() for t in labels if (m := re.search(r"&([^&\s])", t))]


_english: dict[str, str] = {}


@pytest.fixture
def english_texts(qtbot, org: RunningOrg, tmp_path: Path) -> dict[str, str]:
    """The texts of the English window (built once per module, before any other language)."""
    if not _english:
        win = open_window(qtbot, org, tmp_path / "english.db")
        try:
            _english.update(texts(win) | dialogs(win))
        finally:
            close_window(win)
    return _english


@pytest.mark.parametrize("code", i18n.TRANSLATED)
def test_no_english_left_in_the_window(qtbot, org, tmp_path, english_texts, speak,
                                       code: str) -> None:
    speak(code)
    win = open_window(qtbot, org, tmp_path / "sfsync.db")
    try:
        shown = texts(win) | dialogs(win)
        words = data_words(list(FieldInfo.select()))
        words.add(win.person.detail.title)  # type: ignore[union-attr]  # a record's name
        left = untranslated(english_texts, shown, code, words)
        assert not left, f"{code}: left in English:\n" + "\n".join(left)
        # enough of the window was looked at for the comparison to mean something
        assert len(shown) > 250 and sum(english_texts.get(k) != v for k, v in shown.items()) > 200

        # accelerators: the menu bar's, and the settings dialog's with its standard buttons
        dialog = win.settings_dialog()
        assert dialog is not None
        qtbot.addWidget(dialog)
        menus = [a.text() for a in win.menuBar().actions()]
        assert len(set(accelerators(menus))) == len(menus) == 3, menus
        labels = [b.text() for b in dialog.findChildren(QAbstractButton)]
        labels += [w.text() for w in dialog.findChildren(QLabel) if "&" in w.text()]
        keys = accelerators(labels)
        assert len(keys) >= 3 and len(set(keys)) == len(keys), labels
        for menu in win.menuBar().findChildren(QMenu):
            keys = accelerators([a.text() for a in menu.actions()])
            assert len(set(keys)) == len(keys), [a.text() for a in menu.actions()]

        person = NewPersonDialog(win.store, ["Lead", "Contact"], win)  # type: ignore[arg-type]
        qtbot.addWidget(person)
        assert person.windowTitle() != "New person — sfsync"
        assert all(b.text() not in ("Create", "Cancel") for b in
                   person.findChildren(QAbstractButton)), code
    finally:
        close_window(win)


def test_the_language_setting_is_kept_and_used_at_the_next_start(qtbot, speak, org,
                                                                 tmp_path) -> None:
    """Automatic follows the OS (LANG); the choice made in Settings is stored in the user's
    QSettings and wins at the next start, whatever LANG says; Automatic again follows LANG."""
    os_spanish = {"LANG": "es_ES.UTF-8"}
    assert speak(None, os_spanish) == "es"  # type: ignore[arg-type]
    win = open_window(qtbot, org, tmp_path / "sfsync.db")
    try:
        assert win.act_sync.text() == "Sincronizar ahora"
        dialog = win.settings_dialog()
        assert dialog is not None
        qtbot.addWidget(dialog)
        assert dialog.language.currentText() == "Automático"
        assert [dialog.language.itemText(i) for i in range(1, dialog.language.count())] == [
            "English", "Español", "Italiano", "Nederlands", "Français"]
        dialog.language.setCurrentIndex(dialog.language.findData("fr"))
        assert dialog._language_note.isVisibleTo(dialog)
        dialog.accept()
    finally:
        close_window(win)
    assert QSettings().value(language.SETTINGS_KEY) == "fr"

    # the next start: French although the OS says Spanish
    assert speak(None, os_spanish) == "fr"  # type: ignore[arg-type]
    win = MainWindow(SyncController())
    qtbot.addWidget(win)
    assert win.act_sync.text() == "Synchroniser maintenant"
    assert win.tabs.tabText(TAB_STATUS) == "Statut de la synchronisation"
    win.close()

    language.store_choice(QSettings(), "")
    assert speak(None, {"LANG": "nl_NL.UTF-8"}) == "nl"  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown language"):
        language.store_choice(QSettings(), "de")


def test_the_search_for_english_finds_it() -> None:
    """The comparison itself: English left is found; data and same-as-English words pass."""
    english = {"a": "Sync now", "b": "Type", "c": "Lead", "d": "96 records",
               "e": "Records (Ctrl+1)", "f": "Léon Guérin <leon@example.org>"}
    assert untranslated(english, dict(english), "fr", {"Lead", "Léon Guérin"}) == [
        "a: 'Sync now'", "d: '96 records'", "e: 'Records (Ctrl+1)'"]
    # in Dutch "Type", "Records" and "96 records" are the Dutch words
    assert untranslated(english, dict(english), "nl", {"Lead", "Léon Guérin"}) == [
        "a: 'Sync now'"]
