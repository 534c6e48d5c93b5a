"""The two kinds of failure the command line reports, each as one line on stderr."""

from __future__ import annotations


class CliError(Exception):
    """A problem with what the user asked (bad option, unknown field, missing setting):
    exit status 2."""

    exit_code = 2


class CliFailure(Exception):
    """Something went wrong while doing what was asked (org unreachable, no such person,
    a cycle that failed): exit status 1."""

    exit_code = 1


def one_line(text: object) -> str:
    """``text`` squeezed onto one line (messages from elsewhere may hold newlines)."""
    return " ".join(str(text).split())
