"""Property: random interleavings of local edits, Salesforce edits, deletes, conversions,
rejected values and injected faults, then two quiet cycles → both sides agree field by
field as the policy says (local wins), and every rejected local change is still local with
its failure logged."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sfsync_gui.localorg.server import RunningOrg, start_local_org
from sfsync_gui.store import Store
from sfsync_gui.store.models import Outbox
from sfsync_gui.sync import SyncConfig, SyncEngine

from .test_engine_e2e import make_conn

N_LEADS = 4
FIELDS = ("Title", "City", "Description")
VALUES = st.sampled_from(["alpha", "beta", "gamma", "Ünïcode ✓", "quote ' \" \\ back", ""])

op = st.one_of(
    st.tuples(st.just("local"), st.integers(0, N_LEADS - 1), st.sampled_from(FIELDS), VALUES),
    st.tuples(st.just("remote"), st.integers(0, N_LEADS - 1), st.sampled_from(FIELDS), VALUES),
    st.tuples(st.just("reject"), st.integers(0, N_LEADS - 1)),
    st.tuples(st.just("delete"), st.integers(0, N_LEADS - 1)),
    st.tuples(st.just("convert"), st.integers(0, N_LEADS - 1)),
    st.tuples(st.just("cycle"), st.sampled_from(["none", "lock", "503", "drop", "401"])),
)


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningOrg]:
    running = start_local_org(tmp_path_factory.mktemp("org"), seed=0)
    yield running
    running.stop()


FAULTS = {"lock": "unable_to_lock_row", "503": "service_unavailable", "drop": "drop",
          "401": "invalid_session"}


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(ops=st.lists(op, min_size=3, max_size=14))
@example(ops=[("local", 0, "Title", "alpha"), ("remote", 0, "Title", "beta"),
              ("cycle", "none"), ("remote", 1, "City", "gamma"), ("local", 1, "City", "")])
@example(ops=[("local", 1, "Title", "alpha"), ("local", 1, "Title", ""),
              ("remote", 1, "Title", "alpha")])
@example(ops=[("reject", 2), ("local", 2, "City", "alpha"), ("cycle", "lock"),
              ("remote", 2, "City", "beta"), ("convert", 3), ("delete", 1)])
def test_both_sides_agree_after_quiet_cycles(org: RunningOrg, tmp_path_factory, ops) -> None:
    tmp: Path = tmp_path_factory.mktemp("store")
    tag = uuid.uuid4().hex[:8]
    ids = [org.control.create("Lead", {"LastName": f"P{tag}{i}", "Company": "Prop",
                                       "Email": f"p.{tag}.{i}@example.org"})
           for i in range(N_LEADS)]
    store = Store(tmp / "s.db")
    config = SyncConfig(objects={"Contact": "two_way", "Lead": "two_way"}, backoff_base=0)
    engine = SyncEngine(store, make_conn(org), config)
    assert engine.run_cycle().status == "ok"
    lid = {i: store.table("Lead").get_by_sf_id(sf)["_lid"] for i, sf in enumerate(ids)}

    expected: dict[tuple[int, str], str | None] = {}
    pending: set[tuple[int, str]] = set()
    rejected: set[int] = set()  # records holding a value Salesforce refuses
    dead: set[int] = set()  # deleted or converted in Salesforce

    try:
        for step in ops:
            kind = step[0]
            if kind == "local" and step[1] not in dead:
                _, i, field, value = step
                # setting what the store already holds is no change at all, and editing
                # back to the value last pulled cancels the queued change
                store.local_edit("Lead", lid[i], {field: value or None})
                if field in store.outbox_for("Lead", lid[i]):
                    expected[(i, field)] = value or None
                    pending.add((i, field))
                elif (i, field) in pending:
                    pending.discard((i, field))
                    expected.pop((i, field), None)
            elif kind == "remote" and step[1] not in dead:
                _, i, field, value = step
                org.control.update("Lead", ids[i], {field: value or None})
                if (i, field) not in pending:
                    expected[(i, field)] = value or None
            elif kind == "reject" and step[1] not in dead:
                store.local_edit("Lead", lid[step[1]], {"Rating": "Hot"})  # needs a phone
                rejected.add(step[1])
            elif kind == "delete" and step[1] not in dead:
                org.control.delete("Lead", ids[step[1]])
                dead.add(step[1])
            elif kind == "convert" and step[1] not in dead:
                org.control.convert_lead(ids[step[1]])
                dead.add(step[1])
            elif kind == "cycle":
                fault = step[1]
                if fault != "none":
                    org.control.add_fault(FAULTS[fault], times=1,
                                          path="composite" if fault == "lock" else ".*")
                summary = engine.run_cycle()
                org.control.clear_faults()
                if summary.status == "ok" and fault in ("none", "401"):
                    pending = {p for p in pending if p[0] in rejected}
        # two quiet cycles
        Outbox.update(next_attempt_at=0).execute()
        assert engine.run_cycle().status == "ok"
        Outbox.update(next_attempt_at=0).execute()
        assert engine.run_cycle().status == "ok"

        for i in range(N_LEADS):
            row = store.table("Lead").get(lid[i])
            if i in dead:
                assert row["_deleted"] == 1 or row["IsConverted"] == 1
                continue
            remote = org.control.get("Lead", ids[i])
            for field in FIELDS:
                local_value = row[field]
                if i in rejected:
                    # the rejected record keeps every local value locally
                    if (i, field) in pending:
                        assert local_value == expected[(i, field)]
                    continue
                assert local_value == remote[field], (i, field, ops)
                if (i, field) in expected:
                    assert local_value == expected[(i, field)], (i, field, ops)
            if i in rejected:
                assert row["Rating"] == "Hot" and remote["Rating"] is None
                kinds = [a.kind for a in store.activity(obj="Lead", local_id=lid[i])]
                assert "push_failed" in kinds
    finally:
        org.control.clear_faults()
        store.close()
