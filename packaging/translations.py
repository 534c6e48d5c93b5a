#!/usr/bin/env python3
"""The window's translations: Qt Linguist sources in resources/translations, compiled
catalogs in sfsync_gui/data/translations (built, not kept in git).

    packaging/translations.py update [--drop-vanished]
        read the window's strings (pyside6-lupdate over sfsync_gui/) into every .ts,
        keeping the translations already made; new strings arrive unfinished
    packaging/translations.py compile
        pyside6-lrelease every .ts into sfsync_gui/data/translations/*.qm
    packaging/translations.py check
        fail, naming each message, when a string is unfinished, untranslated, vanished
        (its source text is gone: translate the new text, then update --drop-vanished),
        its translation loses a placeholder ({name}, %n) or an accelerator (&), or a .ts
        is stale (lupdate would change it: run update)

English is the source language; sfsync_gui_en.ts holds only its plural forms ("1 record",
"2 records" for "%n record(s)"). The command line (sfsync) is not translated.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sfsync_gui"
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = ROOT / "sfsync_gui" / "data" / "translations"
#: translated languages and their Qt locale names
LANGUAGES = {"es": "es_ES", "it": "it_IT", "nl": "nl_NL", "fr": "fr_FR"}
#: the source language: plural forms only
SOURCE = ("en", "en_US")
#: lupdate options that make the .ts independent of line numbers (another change to a file
#: must not make the translations stale) and of the order of files on disk
LUPDATE_OPTIONS = ["-extensions", "py", "-locations", "none", "-silent"]
EXTRACOMMENT = re.compile(r"^[ \t]*<extracomment>.*?</extracomment>\n", re.MULTILINE | re.DOTALL)
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%L?n|%[vmp]")


def ts_file(code: str) -> Path:
    return TS_DIR / f"sfsync_gui_{code}.ts"


def qm_file(code: str) -> Path:
    return QM_DIR / f"sfsync_gui_{code}.qm"


def all_codes() -> list[str]:
    return [SOURCE[0], *LANGUAGES]


def tool(name: str) -> str:
    """A Qt tool that PySide6 ships: next to this Python first (the venv), else on PATH."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    if here.exists():
        return str(here)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        sys.exit(f"translations: pyside6-{name} not found; install the project "
                 "(pip install -e .) into the Python running this script")
    return found


def run(cmd: list[str]) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"translations: {' '.join(cmd[:2])}... failed:\n{done.stdout}{done.stderr}")


def lupdate(ts_dir: Path, *, drop_vanished: bool = False) -> None:
    """Bring the .ts files in ``ts_dir`` up to date with the sources."""
    extra = ["-no-obsolete"] if drop_vanished else []
    exe = tool("lupdate")
    for code, locale in LANGUAGES.items():
        run([exe, *LUPDATE_OPTIONS, *extra, str(SOURCES), "-target-language", locale,
             "-ts", str(ts_dir / ts_file(code).name)])
    code, locale = SOURCE
    run([exe, *LUPDATE_OPTIONS, "-no-obsolete", "-pluralonly", str(SOURCES),
         "-source-language", locale, "-target-language", locale,
         "-ts", str(ts_dir / ts_file(code).name)])
    for code in all_codes():
        _drop_extracomments(ts_dir / ts_file(code).name)


def _drop_extracomments(path: Path) -> None:
    """lupdate reads Python's ``#:`` comments as notes for translators; here they are
    attribute docs (and change with every edit of them), so they are left out."""
    text = path.read_text(encoding="utf-8")
    path.write_text(EXTRACOMMENT.sub("", text), encoding="utf-8")


def compile_all() -> list[Path]:
    QM_DIR.mkdir(parents=True, exist_ok=True)
    exe = tool("lrelease")
    made = []
    for code in all_codes():
        if not ts_file(code).exists():
            sys.exit(f"translations: {ts_file(code)} is missing; run: "
                     "packaging/translations.py update")
        run([exe, "-silent", str(ts_file(code)), "-qm", str(qm_file(code))])
        made.append(qm_file(code))
    return made


# -- check ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    kind: str  # "" (finished), "unfinished", "vanished", "obsolete"
    forms: tuple[str, ...]

    def key(self) -> tuple[str, str, str]:
        return self.context, self.source, self.comment

    def where(self) -> str:
        comment = f" ({self.comment})" if self.comment else ""
        return f"{self.context}: {self.source!r}{comment}"


def read_ts(path: Path) -> list[Message]:
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            kind = tr.get("type", "") if tr is not None else "unfinished"
            if tr is None:
                forms: tuple[str, ...] = ()
            elif m.get("numerus") == "yes":
                forms = tuple(f.text or "" for f in tr.iter("numerusform"))
            else:
                forms = (tr.text or "",)
            out.append(Message(name, m.findtext("source") or "", m.findtext("comment") or "",
                               m.get("numerus") == "yes", kind, forms))
    return out


def _accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&)\S", text.replace("&&", "")))


def problems(path: Path) -> list[str]:
    """What is wrong with the translations in ``path`` (staleness apart)."""
    found = []
    for m in read_ts(path):
        if m.kind in ("vanished", "obsolete"):
            found.append(f"vanished (no longer in the sources): {m.where()}")
            continue
        if m.kind == "unfinished":
            found.append(f"unfinished: {m.where()}")
            continue
        if not m.forms or any(not f.strip() for f in m.forms):
            found.append(f"untranslated: {m.where()}")
            continue
        want = sorted(set(PLACEHOLDER.findall(m.source)))
        for form in m.forms:
            have = sorted(set(PLACEHOLDER.findall(form)))
            if have != want:
                found.append(f"placeholders {have} instead of {want} in {form!r}: {m.where()}")
            if _accelerators(m.source) != _accelerators(form):
                found.append(f"accelerator (&) lost or added in {form!r}: {m.where()}")
    return found


def stale(ts_dir: Path = TS_DIR) -> list[str]:
    """The .ts files lupdate would change, with the messages it would add or drop."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp)
        for code in all_codes():
            if (ts_dir / ts_file(code).name).exists():
                shutil.copy(ts_dir / ts_file(code).name, copy / ts_file(code).name)
        lupdate(copy)
        for code in all_codes():
            ours, fresh = ts_dir / ts_file(code).name, copy / ts_file(code).name
            if ours.exists() and ours.read_bytes() == fresh.read_bytes():
                continue
            before = {m.key(): m for m in read_ts(ours)} if ours.exists() else {}
            after = {m.key(): m for m in read_ts(fresh)}
            lines = [f"  new: {after[k].where()}" for k in after if k not in before]
            lines += [f"  gone: {before[k].where()}" for k in before
                      if k not in after or (after[k].kind == "vanished"
                                            and before[k].kind != "vanished")]
            out.append(f"{_shown(ours)} is stale (run packaging/translations.py "
                       "update):" + ("\n" + "\n".join(lines) if lines else " layout differs"))
    return out


def _shown(path: Path) -> Path:
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def failures(ts_dir: Path = TS_DIR) -> list[str]:
    """Every problem of the .ts files in ``ts_dir``, staleness included."""
    found = []
    for code in all_codes():
        path = ts_dir / ts_file(code).name
        if not path.exists():
            found.append(f"{_shown(path)} is missing (run update)")
            continue
        found += [f"{path.name}: {p}" for p in problems(path)]
    return found + stale(ts_dir)


def check() -> int:
    failures_found = failures()
    for line in failures_found:
        print(line)
    if failures_found:
        print(f"translations: {len(failures_found)} problem(s)", file=sys.stderr)
        return 1
    counts = {code: len(read_ts(ts_file(code))) for code in all_codes()}
    print("translations: complete and up to date ("
          + ", ".join(f"{c} {n}" for c, n in counts.items()) + " messages)")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="packaging/translations.py",
                                description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    up = sub.add_parser("update", help="read the strings of sfsync_gui/ into the .ts files")
    up.add_argument("--drop-vanished", action="store_true",
                    help="forget translations whose source text is gone")
    sub.add_parser("compile", help="compile the .ts files into sfsync_gui/data/translations")
    sub.add_parser("check", help="fail on unfinished, vanished or stale translations")
    args = p.parse_args(argv)
    if args.command == "update":
        TS_DIR.mkdir(parents=True, exist_ok=True)
        lupdate(TS_DIR, drop_vanished=args.drop_vanished)
        for code in all_codes():
            todo = [m for m in read_ts(ts_file(code)) if m.kind]
            print(f"{ts_file(code).relative_to(ROOT)}: {len(todo)} message(s) to translate "
                  "or drop" if todo else f"{ts_file(code).relative_to(ROOT)}: complete")
        return 0
    if args.command == "compile":
        for qm in compile_all():
            print(qm.relative_to(ROOT))
        return 0
    return check()


if __name__ == "__main__":
    sys.exit(main())
