"""CI size of the kill-anywhere harness: 8 SIGKILLs on a small org with edits flowing on
both sides, then the same invariants as the full run (``make kill-anywhere``)."""

from __future__ import annotations

from pathlib import Path

from .kill_anywhere import run


def test_eight_kills_lose_nothing_and_duplicate_nothing(tmp_path: Path) -> None:
    res = run(kills=8, seed=7, records=1500, workdir=tmp_path, echo=lambda _line: None)
    text = "\n".join(res.lines())
    assert res.restarts == 8, text
    assert res.kills == 8, text  # every run ended by SIGKILL, none by a crash
    assert not res.crashes, text
    assert res.stuck_in_flight == 0, text
    assert res.report is not None
    assert res.report.records_checked > 1500, text
    assert len(res.ledger.of("local", "edit")) > 20, text
    assert res.report.losses == [], text
    assert res.report.duplicates == [], text
    assert res.report.disagreements == [], text
    assert res.report.holes == [], text
    assert res.report.stranded == [], text
    # the first rounds land in the first sync
    assert any("first sync" in where for where in res.landed), text
