#!/usr/bin/env bash
# Set up a checkout for `make demo` and `make test`, idempotently:
#   1. Debian packages the tests need (only the missing ones, only when we may install them),
#   2. .venv with Python >= 3.11,
#   3. `pip install -e '.[test,build]'`, skipped while pyproject.toml is unchanged since the last one.
# A second run does no network access and takes well under a second.
#
# Environment:
#   PYTHON=/path/to/python3.x   interpreter for a new .venv (default: python3.11, else python3)
#   SFSYNC_NO_APT=1             never install Debian packages, only report what is missing
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

VENV=.venv
STAMP=$VENV/.sfsync-install-stamp

# Any Qt code, offscreen included, loads these (ldd of PySide6's QtGui and the offscreen
# plugin). libglib2.0-0 and libxkbcommon0 are not on a minimal Debian and nothing below pulls
# them in. Without a font, Qt renders text as empty boxes and says nothing.
QT_PKGS=(libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 fonts-dejavu-core)
# A real X server and what Qt's xcb plugin loads; xdotool and ImageMagick's `import` drive
# and photograph windows in end-to-end tests.
X_PKGS=(xvfb xauth xdotool imagemagick libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
        libxkbcommon-x11-0 libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0
        libxcb-xkb1)
# A real Secret Service. `dbus` brings dbus-run-session and dbus-send; dbus-x11 (dbus-launch,
# X11 autolaunch) is not needed because the test run starts its own private session bus.
KEYRING_PKGS=(gnome-keyring dbus)
# desktop-file-validate and appstreamcli, for the packaging checks.
PACKAGING_PKGS=(desktop-file-utils appstream)

say() { printf 'bootstrap: %s\n' "$*"; }
warn() { printf 'bootstrap: WARNING: %s\n' "$*" >&2; }
die() { printf 'bootstrap: ERROR: %s\n' "$*" >&2; exit 1; }

# --- Python ---------------------------------------------------------------------------------

is_py311_plus() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }

pick_python() {
    if [[ -n "${PYTHON:-}" ]]; then
        is_py311_plus "$PYTHON" || die "PYTHON=$PYTHON is not a Python 3.11 or newer."
        printf '%s\n' "$PYTHON"
        return
    fi
    local candidate
    for candidate in python3.11 python3; do
        if command -v "$candidate" >/dev/null && is_py311_plus "$candidate"; then
            command -v "$candidate"
            return
        fi
    done
    local found="none"
    command -v python3 >/dev/null && found=$(python3 -c 'import sys; print(sys.version.split()[0])')
    die "sfsync-gui needs Python 3.11 or newer (python3 here: $found).
  On Debian 12: apt-get install python3 python3-venv; or point at one: make test PYTHON=/path/to/python3.11"
}

venv_ok() { [[ -x $VENV/bin/python ]] && is_py311_plus "$VENV/bin/python"; }

# Debian's own Python ships venv without ensurepip; python3.X-venv adds it.
debian_venv_pkg() {
    local py=$1
    "$py" -c 'import ensurepip' 2>/dev/null && return 0
    if [[ $(readlink -f "$(command -v "$py")") == /usr/bin/python3* ]]; then
        "$py" -c 'import sys; print("python3.%d-venv" % sys.version_info[1])'
    fi
}

# --- Debian packages ------------------------------------------------------------------------

missing_debs() {
    # One dpkg-query for all names: prints only the installed ones, which we subtract.
    local installed
    installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "$@" 2>/dev/null \
        | awk '$2 == "installed" { print $1 }' || true)
    local pkg
    for pkg in "$@"; do
        grep -qxF "$pkg" <<<"$installed" || printf '%s\n' "$pkg"
    done
}

# Sets AS_ROOT to the command prefix that runs apt-get as root, or fails.
may_install_debs() {
    [[ "${SFSYNC_NO_APT:-}" == 1 ]] && return 1
    command -v apt-get >/dev/null || return 1
    if [[ $(id -u) == 0 ]]; then
        AS_ROOT=()
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        AS_ROOT=(sudo -n)
    else
        return 1
    fi
}

install_debs() {
    # The lock timeout waits out a concurrent apt (another checkout's bootstrap, unattended
    # upgrades) instead of failing at once.
    local -a apt=("${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -qq
                  -o DPkg::Lock::Timeout=300)
    say "installing Debian packages: $*"
    # update only now that something must be installed: the lists may be old or absent.
    "${apt[@]}" update || warn "apt-get update failed; trying the install with the old lists"
    "${apt[@]}" install -y --no-install-recommends "$@" >/dev/null \
        || warn "apt-get install failed (see above)"
}

# True when any of the given packages is in MISSING (a space-padded list).
any_missing() {
    local pkg
    for pkg in "$@"; do [[ $MISSING == *" $pkg "* ]] && return 0; done
    return 1
}

report_missing() {
    MISSING=" $* "
    warn "missing Debian packages: $*"
    warn "  to install them: sudo apt-get install --no-install-recommends $*"
    if any_missing "${QT_PKGS[@]}"; then
        warn "  - Qt libraries or fonts: Qt tests may fail to load, even offscreen."
    fi
    if any_missing "${X_PKGS[@]}"; then
        warn "  - no real X server: end-to-end window tests skip; offscreen Qt tests run."
    fi
    if any_missing "${KEYRING_PKGS[@]}"; then
        warn "  - no real Secret Service: keyring tests that need one skip."
    fi
    if any_missing "${PACKAGING_PKGS[@]}"; then
        warn "  - no desktop-file-validate/appstreamcli: packaging checks skip."
    fi
    warn "  everything else (unit tests, the local org, make demo) still runs."
}

ensure_debs() {
    command -v dpkg-query >/dev/null || {
        warn "not a Debian system: cannot check system packages; tests needing them will skip."
        return 0
    }
    local -a wanted=("${QT_PKGS[@]}" "${X_PKGS[@]}" "${KEYRING_PKGS[@]}" "${PACKAGING_PKGS[@]}" "$@")
    local -a missing
    mapfile -t missing < <(missing_debs "${wanted[@]}")
    ((${#missing[@]})) || return 0

    if may_install_debs; then
        install_debs "${missing[@]}"
        mapfile -t missing < <(missing_debs "${wanted[@]}")
        ((${#missing[@]})) || return 0
    else
        warn "cannot install Debian packages (not root, no passwordless sudo, or SFSYNC_NO_APT=1)."
    fi
    report_missing "${missing[@]}"
}

# --- main -----------------------------------------------------------------------------------

extra_debs=()
if ! venv_ok; then
    python=$(pick_python)
    venv_pkg=$(debian_venv_pkg "$python")
    [[ -n $venv_pkg ]] && extra_debs+=("$venv_pkg")
fi

ensure_debs "${extra_debs[@]}"

if ! venv_ok; then
    # A half-made or stale .venv (interrupted creation, deleted base interpreter) is rebuilt.
    [[ -e $VENV ]] && { warn "$VENV is unusable; recreating it"; rm -rf "$VENV"; }
    say "creating $VENV with $python ($("$python" -c 'import sys; print(sys.version.split()[0])'))"
    "$python" -m venv "$VENV" \
        || die "could not create $VENV with $python (on Debian: apt-get install python3-venv)."
fi

# pyproject.toml's content, not its mtime: a fresh clone or a branch switch touches the
# mtime without changing the dependencies.
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
have=$(cat "$STAMP" 2>/dev/null || true)
if [[ "$want" != "$have" ]]; then
    say "pip install -e '.[test,build]' into $VENV (new venv or pyproject.toml changed)"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[test,build]'
    printf '%s\n' "$want" >"$STAMP"
fi

# The window's translations: compile a catalog (.qm, not in git) that is missing or older
# than its source (.ts), so a fresh clone's `make demo` speaks the user's language.
for ts in resources/translations/sfsync_gui_*.ts; do
    [[ -e $ts ]] || continue
    qm=sfsync_gui/data/translations/$(basename "${ts%.ts}").qm
    if [[ ! -e $qm || $ts -nt $qm ]]; then
        say "compiling the translations (packaging/translations.py compile)"
        "$VENV/bin/python" packaging/translations.py compile >/dev/null
        break
    fi
done
