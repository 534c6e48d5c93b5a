#!/usr/bin/env bash
# Build the desktop bundle on Linux or macOS and check it (`make bundle` runs this):
#   1. PyInstaller at the version pinned in pyproject.toml's `build` extra, into .venv,
#   2. the translations compiled to .qm (packaging/translations.py compile, when present),
#   3. PyInstaller with packaging/pyinstaller/sfsync-gui.spec,
#   4. the bundle's own `sfsync-gui --self-test` (offscreen) and `sfsync --version`.
# Prints where the bundle is, its size and how long each step took.
#
# Environment:
#   SFSYNC_DIST=DIR     where the bundle goes (default: dist)
#   SFSYNC_WORK=DIR     PyInstaller's work folder, reused between builds (default: build/pyinstaller)
#   SFSYNC_NO_SELF_TEST=1   build only
# Output: DIST/sfsync-gui/{sfsync-gui,sfsync,_internal/} on Linux; DIST/sfsync.app on macOS.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PY=.venv/bin/python
DIST=${SFSYNC_DIST:-dist}
WORK=${SFSYNC_WORK:-build/pyinstaller}

say() { printf 'build: %s\n' "$*"; }
die() { printf 'build: ERROR: %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

[[ -x $PY ]] || die "no .venv here: run packaging/dev/bootstrap.sh (or 'make bundle') first."

# 1. PyInstaller, exactly the pinned versions (a no-op when they are there already)
mapfile -t pins < <("$PY" - <<'EOF'
import tomllib
print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["build"]))
EOF
)
if ! "$PY" - "${pins[@]}" <<'EOF'
import sys
from importlib.metadata import PackageNotFoundError, version
for pin in sys.argv[1:]:
    name, want = pin.split("==")
    try:
        if version(name) != want:
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
EOF
then
    say "installing ${pins[*]} into .venv"
    "$PY" -m pip install --quiet --disable-pip-version-check "${pins[@]}"
fi

# 2. translations (owned by packaging/translations.py; an English-only bundle without it)
if [[ -f packaging/translations.py ]]; then
    say "compiling translations: $PY packaging/translations.py compile"
    "$PY" packaging/translations.py compile
else
    say "no packaging/translations.py: the bundle speaks English only"
fi

# 3. the bundle. PyInstaller reuses WORK when its inputs did not change.
t0=$(now)
say "$PY -m PyInstaller --noconfirm --distpath $DIST --workpath $WORK packaging/pyinstaller/sfsync-gui.spec"
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" \
    packaging/pyinstaller/sfsync-gui.spec
build_s=$(since "$t0")

if [[ $(uname) == Darwin ]]; then
    bundle=$DIST/sfsync.app
    bin=$bundle/Contents/MacOS
else
    bundle=$DIST/sfsync-gui
    bin=$bundle
fi
[[ -x $bin/sfsync-gui && -x $bin/sfsync ]] || die "PyInstaller made no $bin/sfsync-gui and $bin/sfsync"
size=$(du -sh "$bundle" | cut -f1)
say "built $bundle ($size) in ${build_s} s"

# 4. the bundle checks itself, with nothing of this checkout on its path
if [[ ${SFSYNC_NO_SELF_TEST:-} != 1 ]]; then
    "$bin/sfsync" --version
    t0=$(now)
    QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} PYTHONPATH='' "$bin/sfsync-gui" --self-test \
        || die "the bundle's self-test failed (above); the bundle is in $bundle"
    say "self-test passed in $(since "$t0") s"
fi
say "done: $bundle"
