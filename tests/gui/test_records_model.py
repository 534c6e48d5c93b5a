"""The records model on a synthetic store: full count from SQL, rows read in pages, search
(name, email, company, Id) with parameters, state filter and sort in SQL, inline edits
sent as requests — and qtmodeltester's checks."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from sfsync_gui.store import Store
from sfsync_gui.ui.reader import Reader
from sfsync_gui.ui.record_query import QueryBuilder, RecordQuery
from sfsync_gui.ui.records_model import HEAD, LOADING, PAGE, RecordsModel, Superseded, _load
from sfsync_gui.ui.values import record_columns

from .helpers import make_lead_store

N = 1200
ROLE = Qt.ItemDataRole


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("records") / "sfsync.db"
    store = make_lead_store(path, N)
    t = store.table("Lead")
    with store.atomic():
        for lid in (3, 4):
            t.update(lid, {"_state": "failed", "_error": '{"code": "X", "message": "no"}'})
        t.update(5, {"_state": "pending"})
        t.update(6, {"_state": "deleted", "_deleted": 1})
    store.close()
    return path


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    s = Store(store_path)
    yield s
    s.close()


@pytest.fixture
def reader(store: Store) -> Iterator[Reader]:
    r = Reader(store.path)
    yield r
    r.close()


@pytest.fixture
def model(qtbot, store: Store, reader: Reader) -> Iterator[RecordsModel]:
    m = RecordsModel(store, reader, "Lead", record_columns(store, "Lead", two_way=True),
                     two_way=True)
    with qtbot.waitSignal(m.loaded, timeout=10_000):
        m.set_query(RecordQuery("Lead"))
    yield m
    m.close()


def query(qtbot, model: RecordsModel, **kw: object) -> list[int]:
    """Apply a query, wait for it, return the local ids shown."""
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_query(RecordQuery("Lead", **kw))  # type: ignore[arg-type]
    return [model.local_id(r) for r in range(model.rowCount())]  # type: ignore[misc]


def col(model: RecordsModel, name: str) -> int:
    return [c.name for c in model.columns()].index(name)


def test_the_model_passes_qtmodeltester(qtmodeltester, model: RecordsModel, qtbot) -> None:
    qtmodeltester.check(model)
    query(qtbot, model, search="Ada")
    qtmodeltester.check(model)
    query(qtbot, model, search="nobody-has-this")
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_full_count_from_sql_and_rows_read_in_pages(model: RecordsModel) -> None:
    assert model.rowCount() == N - 1  # the tombstone is not shown
    assert not model._pages
    last = model.index(model.rowCount() - 1, col(model, "Email"))
    assert model.data(last).endswith(".example")
    assert len(model._pages) == 1  # only the last page was read
    model.data(model.index(0, 0))
    assert len(model._pages) == 2
    assert all(len(p) <= PAGE for p in model._pages.values())


def test_a_big_table_answers_with_the_count_and_first_rows_first(store: Store) -> None:
    builder = QueryBuilder("Lead", store.table("Lead").columns())
    sent: list[object] = []
    conn = sqlite3.connect(store.path)
    final = _load(builder, RecordQuery("Lead"), 7, sent.append, refresh=False)(conn)
    conn.close()
    assert len(sent) == 1 and not sent[0].final  # type: ignore[attr-defined]
    assert sent[0].count == N - 1 and len(sent[0].head) == HEAD  # type: ignore[attr-defined]
    assert final.final and len(final.ids) == N - 1  # type: ignore[attr-defined]
    assert list(final.ids[:HEAD]) == sent[0].head  # type: ignore[attr-defined]


def test_rows_not_known_yet_show_an_ellipsis(qtbot, store: Store, reader: Reader) -> None:
    m = RecordsModel(store, reader, "Lead", record_columns(store, "Lead", two_way=True),
                     two_way=True)
    m._count, m._head = 1000, [1, 2]  # as after the count-and-head answer
    assert m.data(m.index(999, 1)) == LOADING
    assert m.data(m.index(0, 1)) != LOADING
    assert not m.flags(m.index(999, 1)) & Qt.ItemFlag.ItemIsEditable
    m.close()


def test_search_by_name_email_company_and_id(qtbot, model: RecordsModel, store: Store
                                             ) -> None:
    rows = store.table("Lead").find("_state != 'deleted'", limit=N)
    by = {r["_lid"]: r for r in rows}

    def expect(pred) -> set[int]:
        return {lid for lid, r in by.items() if pred(r)}

    assert set(query(qtbot, model, search="Ada")) == expect(
        lambda r: r["Name"].lower().startswith("ada"))
    assert set(query(qtbot, model, search="okafor1")) == expect(
        lambda r: r["LastName"].lower().startswith("okafor1")
        or r["Email"].lower().startswith("okafor1"))
    assert set(query(qtbot, model, search="ada.smith")) == expect(
        lambda r: r["Email"].startswith("ada.smith"))
    assert set(query(qtbot, model, search="Company 11")) == expect(
        lambda r: r["Company"].startswith("Company 11"))
    assert query(qtbot, model, search="00Q000000000000041") == [42]
    assert set(query(qtbot, model, search="@c7.example")) == expect(
        lambda r: "@c7.example" in r["Email"])


@pytest.mark.parametrize("text", ["'; DROP TABLE rec_lead; --", "%", "_", "\\", '"',
                                  "Company 1%", "a' OR '1'='1"])
def test_search_text_is_a_parameter_never_sql(qtbot, model: RecordsModel, store: Store,
                                              text: str) -> None:
    assert query(qtbot, model, search=text) == []
    assert store.table("Lead").count() == N  # still all there


def test_an_apostrophe_finds_what_it_should(qtbot, model: RecordsModel) -> None:
    ids = query(qtbot, model, search="O'Brien")
    assert ids and all(model.record(r)["LastName"].startswith("O'Brien")
                       for r in range(len(ids)))


def test_filter_by_sync_state(qtbot, model: RecordsModel) -> None:
    assert sorted(query(qtbot, model, state="failed")) == [3, 4]
    assert query(qtbot, model, state="pending") == [5]
    assert query(qtbot, model, state="deleted") == [6]
    assert len(query(qtbot, model, state="synced")) == N - 4
    assert 6 not in query(qtbot, model)


def test_the_state_column_has_a_word_an_icon_a_colour_and_the_error(model: RecordsModel
                                                                     ) -> None:
    row = model.row_of(3)
    index = model.index(row, col(model, "_state"))
    assert model.data(index) == "Failed"
    assert not model.data(index, ROLE.DecorationRole).isNull()
    assert model.data(index, ROLE.ForegroundRole).name() in ("#c62828", "#ef5350")
    assert "X" in model.data(index, ROLE.ToolTipRole)


def test_sorting_happens_in_sql(qtbot, model: RecordsModel, store: Store) -> None:
    rows = store.table("Lead").find("_state != 'deleted'", limit=N)
    with qtbot.waitSignal(model.loaded):
        model.sort(col(model, "Email"), Qt.SortOrder.DescendingOrder)
    first = model.record(0)
    assert first["Email"].lower() == max(r["Email"].lower() for r in rows)
    with qtbot.waitSignal(model.loaded):
        model.sort(col(model, "City"), Qt.SortOrder.AscendingOrder)  # no index: still SQL
    cities = [model.record(r)["City"] for r in range(model.rowCount())]
    assert cities == sorted(cities, key=str.lower)


def test_an_inline_edit_is_checked_shown_pending_and_sent(qtbot, model: RecordsModel
                                                          ) -> None:
    row = model.row_of(10)
    email = model.index(row, col(model, "Email"))
    assert not model.flags(email) & Qt.ItemFlag.ItemIsEditable  # flags only read the cache
    model.data(email)  # as the view does when it paints the row
    assert model.flags(email) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(row, col(model, "Name"))) & Qt.ItemFlag.ItemIsEditable
    with qtbot.waitSignal(model.edit_requested) as sent:
        assert model.setData(email, "new@example.org")
    assert sent.args == ["Lead", 10, {"Email": "new@example.org"}]
    assert model.data(email) == "new@example.org"
    assert model.data(model.index(row, col(model, "_state"))) == "Pending"
    model.edit_finished(10, ["Email"])  # the store still has the old value: shown again
    assert model.data(email) != "new@example.org"
    with qtbot.waitSignal(model.message) as refused:
        assert not model.setData(model.index(row, col(model, "NumberOfEmployees")), "lots")
    assert "whole number" in refused.args[0]


def test_a_checkbox_field_is_edited_by_ticking(qtbot, model: RecordsModel) -> None:
    row = model.row_of(11)
    box = model.index(row, col(model, "DoNotCall"))
    model.data(box)
    assert model.flags(box) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.data(box, ROLE.CheckStateRole) == Qt.CheckState.Unchecked
    with qtbot.waitSignal(model.edit_requested) as sent:
        assert model.setData(box, Qt.CheckState.Checked.value, ROLE.CheckStateRole)
    assert sent.args[2] == {"DoNotCall": True}


def test_a_deleted_record_is_not_editable(qtbot, model: RecordsModel) -> None:
    query(qtbot, model, state="deleted")
    model.data(model.index(0, 0))
    assert not model.flags(model.index(0, col(model, "Email"))) & Qt.ItemFlag.ItemIsEditable


def test_a_replaced_query_stops_between_statements(store: Store) -> None:
    builder = QueryBuilder("Lead", store.table("Lead").columns())
    sent: list[object] = []
    conn = sqlite3.connect(store.path)
    try:
        with pytest.raises(Superseded):
            _load(builder, RecordQuery("Lead"), 3, sent.append, False,
                  current=lambda generation: generation == 4)(conn)
    finally:
        conn.close()
    assert sent == []
