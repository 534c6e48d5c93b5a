# The two commands of the README, for people and CI alike:
#   make demo   open the window on the embedded demo org (`sfsync-gui --demo`; without a
#               display, `sfsync demo` in the terminal)                (make demo ARGS="--help")
#   make test   run the whole test suite                         (make test ARGS="-x -k clock")
#   make bundle build the desktop bundle (PyInstaller) into dist/ and run its --self-test
# Both first run packaging/dev/bootstrap.sh, which is idempotent and fast once done, so a fresh
# clone on Debian 12 with Python 3.11 needs nothing else.
#
# Note: make turns any failing command into its own exit status 2 and prints the real one as
# "Error N" (N = pytest's status for `make test`); packaging/dev/run-tests.sh returns it as is.

SHELL := /bin/bash
ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help bootstrap demo test lint kill-anywhere soak bundle

help:
	@echo "make demo   open the window on the embedded demo Salesforce org (extra args: ARGS=...)"
	@echo "make test   run the whole test suite (extra pytest args: ARGS=...)"
	@echo "make lint   ruff check"
	@echo "make kill-anywhere   SIGKILL the sync 50 times with edits flowing, then verify"
	@echo "make soak   10 minutes of faults over a 100,000-Lead org, then verify"
	@echo "make bundle build the desktop bundle into dist/ and check it (packaging/build.sh)"
	@echo "make bootstrap   only set up: Debian packages, .venv, editable install"

bootstrap:
	@packaging/dev/bootstrap.sh

# The window on the demo org; with no display to show it on, the command-line demo.
demo: bootstrap
	@if .venv/bin/python -c 'import sys; from sfsync_gui.gui_main import has_display; sys.exit(not has_display())'; then \
		echo ".venv/bin/sfsync-gui --demo $(ARGS)"; \
		.venv/bin/sfsync-gui --demo $(ARGS); \
	else \
		echo "make demo: no display for the window (neither DISPLAY nor WAYLAND_DISPLAY is set);" \
			"running the command-line demo instead: .venv/bin/sfsync demo $(ARGS)" >&2; \
		.venv/bin/sfsync demo $(ARGS); \
	fi

test: bootstrap
	@packaging/dev/run-tests.sh $(ARGS)

lint: bootstrap
	.venv/bin/ruff check .

# Reliability harnesses (README "Reliability"): 50 SIGKILLs, then a 10-minute fault soak.
kill-anywhere: bootstrap
	.venv/bin/python -m tests.reliability.kill_anywhere --kills 50 --seed 1 $(ARGS)

soak: bootstrap
	.venv/bin/python -m tests.reliability.fault_soak --records 100000 --minutes 10 $(ARGS)

# dist/sfsync-gui/ (Linux) or dist/sfsync.app (macOS); Windows: packaging/build.ps1
bundle: bootstrap
	@packaging/build.sh
