"""The CI gate: every message translated and the .ts files up to date with the sources
(packaging/translations.py check), and the check itself catches what it should."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import translations  # noqa: E402


def test_translations_are_complete_and_up_to_date() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "packaging/translations.py"), "check"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "complete and up to date" in done.stdout


@pytest.fixture
def ts_copy(tmp_path: Path) -> Path:
    for code in translations.all_codes():
        shutil.copy(translations.ts_file(code), tmp_path)
    assert translations.failures(tmp_path) == []
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_check_names_an_unfinished_message(ts_copy: Path) -> None:
    es = ts_copy / "sfsync_gui_es.ts"
    _edit(es, "<translation>Sincronizar ahora</translation>",
          '<translation type="unfinished">Sincronizar ahora</translation>')
    assert translations.failures(ts_copy) == [
        "sfsync_gui_es.ts: unfinished: MainWindow: 'Sync now'"]


def test_check_names_an_empty_plural_form_and_a_lost_placeholder(ts_copy: Path) -> None:
    fr = ts_copy / "sfsync_gui_fr.ts"
    _edit(fr, "<numerusform>{count} enregistrements</numerusform>",
          "<numerusform></numerusform>")
    _edit(fr, "<translation>Dernière erreur&#xa0;: {error}</translation>",
          "<translation>Dernière erreur</translation>")
    found = translations.failures(ts_copy)
    assert "sfsync_gui_fr.ts: untranslated: RecordsPage: '{count} record(s)'" in found
    assert any("placeholders [] instead of ['{error}']" in f and "Last error" in f
               for f in found), found


def test_check_names_a_lost_accelerator(ts_copy: Path) -> None:
    _edit(ts_copy / "sfsync_gui_nl.ts", "<translation>&amp;Taal</translation>",
          "<translation>Taal</translation>")
    assert any("accelerator" in f and "&Language" in f for f in translations.failures(ts_copy))


def test_check_finds_a_stale_file(ts_copy: Path) -> None:
    """A message the sources no longer have, and one they have that the file lacks."""
    it = ts_copy / "sfsync_gui_it.ts"
    _edit(it, "<source>Sync now</source>", "<source>Sync right now</source>")
    found = translations.failures(ts_copy)
    stale = [f for f in found if "sfsync_gui_it.ts is stale" in f]
    assert len(stale) == 1, found
    assert "new: MainWindow: 'Sync now'" in stale[0]
    assert "gone: MainWindow: 'Sync right now'" in stale[0]
