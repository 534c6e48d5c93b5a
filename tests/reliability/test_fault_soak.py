"""CI size of the fault soak: a minute of random faults over ~5,000 Leads (and their
world) with edits flowing on both sides, then the invariants of the full run
(``make soak``)."""

from __future__ import annotations

from pathlib import Path

from .fault_soak import run


def test_a_minute_of_faults_loses_nothing(tmp_path: Path) -> None:
    res = run(records=5000, minutes=1.0, seed=11, rate=0.15, workdir=tmp_path,
              echo=lambda _line: None)
    text = "\n".join(res.lines())
    assert not res.crashes, text
    assert res.stuck_in_flight == 0, text
    assert res.cycles > 20, text
    assert sum(res.injected.values()) > 10, text
    assert len(res.injected) >= 4, text  # several kinds, not one
    assert any(s != "ok" for s in res.statuses), text  # faults were felt...
    assert res.report is not None
    assert res.report.records_checked > 5000, text
    assert res.report.losses == [], text  # ...and nothing was lost
    assert res.report.duplicates == [], text
    assert res.report.disagreements == [], text
    assert res.report.holes == [], text
    assert res.report.stranded == [], text
