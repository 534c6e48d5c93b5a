#!/usr/bin/env bash
# Run a command with a real, unlocked Secret Service (gnome-keyring) on a private session bus:
#   dbus-run-session -- packaging/dev/with-keyring.sh CMD [ARGS...]
# Exports SFSYNC_TEST_SECRET_SERVICE=1 to CMD once the service answers. The keyring lives in a
# throw-away directory that only the daemon sees as HOME and XDG dirs: CMD keeps the real HOME,
# and a developer's own keyring and its control socket are never touched.
# Exit status is CMD's.
set -euo pipefail

warn() { printf 'with-keyring: WARNING: %s\n' "$*" >&2; }

if [[ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]]; then
    echo "with-keyring: run me inside 'dbus-run-session --', never on a desktop's own bus" >&2
    exit 2
fi

# Pid of the Secret Service on our bus; empty (not an error) while nobody owns the name yet.
secrets_pid() {
    dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null \
        | awk '{ print $2 }' || true
}

kr_dir=$(mktemp -d "${TMPDIR:-/tmp}/sfsync-keyring.XXXXXX")
daemon_pid=
# shellcheck disable=SC2317  # only reached through the EXIT trap
cleanup() {
    # dbus-run-session would end the bus anyway; stopping the daemon first lets us remove
    # its directory and leaves no process behind whatever the outer wrapper does.
    if [[ -n $daemon_pid ]]; then
        kill "$daemon_pid" 2>/dev/null || true
    fi
    rm -rf "$kr_dir"
}
trap cleanup EXIT

# XDG_RUNTIME_DIR must be private (0700): the daemon puts its control socket there.
mkdir -m 700 "$kr_dir/run"
# --unlock reads a password on stdin and creates/unlocks the login keyring with it; without it
# every write ends in "Prompt dismissed", as nobody can answer the prompt.
if printf 'throwaway' | env HOME="$kr_dir" XDG_DATA_HOME="$kr_dir/data" \
    XDG_CONFIG_HOME="$kr_dir/config" XDG_CACHE_HOME="$kr_dir/cache" XDG_RUNTIME_DIR="$kr_dir/run" \
    gnome-keyring-daemon --unlock --components=secrets >/dev/null; then
    # The daemon forks; wait (briefly) until it owns the Secret Service name on our bus.
    for _ in $(seq 50); do
        daemon_pid=$(secrets_pid)
        [[ -n $daemon_pid ]] && break
        sleep 0.1
    done
fi
if [[ -n $daemon_pid ]]; then
    export SFSYNC_TEST_SECRET_SERVICE=1
else
    unset SFSYNC_TEST_SECRET_SERVICE
    warn "gnome-keyring-daemon did not come up: tests needing a Secret Service will skip."
fi

status=0
"$@" || status=$?
exit "$status"
