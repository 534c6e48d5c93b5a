"""Two processes writing one store: the sync and a local edit (another sfsync command, or
the reliability driver) — a write transaction must wait its turn, never fail because
another connection committed between its first read and its first write."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sfsync_gui.store import Store

from .test_store import _synced_lead, store  # noqa: F401


def test_local_edit_takes_the_write_lock_before_it_reads(store: Store, tmp_path: Path  # noqa: F811
                                                         ) -> None:
    lid = _synced_lead(store)
    other = sqlite3.connect(store.path, timeout=0.1, isolation_level=None)
    table = store.table("Lead")
    read = table.get
    other_wrote: list[bool] = []

    def get_then_let_the_other_process_write(local_id: int):  # type: ignore[no-untyped-def]
        row = read(local_id)
        try:  # the other process writes between our read and our write
            other.execute("INSERT INTO setting (key, value) VALUES ('other', 'x')")
            other_wrote.append(True)
        except sqlite3.OperationalError:  # locked: we hold the write lock already
            other_wrote.append(False)
        return row

    table.get = get_then_let_the_other_process_write  # type: ignore[method-assign]
    # a deferred BEGIN would read a snapshot, see the other commit and fail with
    # "database is locked" at its UPDATE however long the busy timeout
    assert store.local_edit("Lead", lid, {"Title": "CEO"}) == ["Title"]
    assert other_wrote == [False]
    del table.get
    assert store.table("Lead").get(lid)["Title"] == "CEO"
    other.close()
