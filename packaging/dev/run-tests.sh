#!/usr/bin/env bash
# Run the whole test suite as CI does (`make test` calls this after the bootstrap):
# pytest under a real X server (xvfb-run) and a real, unlocked Secret Service (gnome-keyring on
# a private D-Bus session), each only when installed. Arguments go to pytest.
#
# Exports for the tests:
#   SFSYNC_TEST_XVFB=1              DISPLAY is a real X server (Qt's default stays offscreen;
#                                   a test that wants the window sets QT_QPA_PLATFORM=xcb)
#   SFSYNC_TEST_SECRET_SERVICE=1    a real Secret Service answers on the session bus
#
# Exit status is pytest's; 5 ("no tests collected") stays a failure on purpose.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

note() { printf 'run-tests: %s\n' "$*" >&2; }

cmd=(.venv/bin/python -m pytest "$@")

# Set by with-keyring.sh / here only when the thing is really there, never inherited.
unset SFSYNC_TEST_SECRET_SERVICE SFSYNC_TEST_XVFB

if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
    cmd=(dbus-run-session -- packaging/dev/with-keyring.sh "${cmd[@]}")
else
    note "no dbus-run-session/gnome-keyring-daemon: running without a Secret Service;" \
        "keyring tests that need one skip."
fi

if command -v xvfb-run >/dev/null; then
    export SFSYNC_TEST_XVFB=1
    cmd=(xvfb-run -a -s "-screen 0 1280x1024x24" "${cmd[@]}")
else
    note "no xvfb-run: running without a real X server; end-to-end window tests skip."
fi

exec "${cmd[@]}"
