# The two commands of the README, for people and CI alike:
#   make demo   run `sfsync demo` on the embedded local org     (make demo ARGS="--help")
#   make test   run the whole test suite                         (make test ARGS="-x -k clock")
# Both first run packaging/dev/bootstrap.sh, which is idempotent and fast once done, so a fresh
# clone on Debian 12 with Python 3.11 needs nothing else.
#
# Note: make turns any failing command into its own exit status 2 and prints the real one as
# "Error N" (N = pytest's status for `make test`); packaging/dev/run-tests.sh returns it as is.

SHELL := /bin/bash
ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help bootstrap demo test lint

help:
	@echo "make demo   run the demo on the embedded local Salesforce org (extra args: ARGS=...)"
	@echo "make test   run the whole test suite (extra pytest args: ARGS=...)"
	@echo "make lint   ruff check"
	@echo "make bootstrap   only set up: Debian packages, .venv, editable install"

bootstrap:
	@packaging/dev/bootstrap.sh

demo: bootstrap
	.venv/bin/sfsync demo $(ARGS)

test: bootstrap
	@packaging/dev/run-tests.sh $(ARGS)

lint: bootstrap
	.venv/bin/ruff check .
