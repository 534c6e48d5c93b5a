"""What a user types never changes what an SQL statement means: the records view's search
(:mod:`sfsync_gui.ui.record_query`, plain Python) run on a real SQLite store finds exactly
the records a plain reading of the text says, for any text — quotes, ``%``, ``_``,
backslashes, ``--``, ``;``, SQL keywords, unicode, NUL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sfsync_gui.store import Store
from sfsync_gui.ui.record_query import FIELD_INDEXED, QueryBuilder, RecordQuery

PIECES = ["'", '"', "%", "_", "\\", "--", ";", "/*", "*/", "' OR 1=1 --", "\" OR \"\"=\"",
          "DROP TABLE rec_lead;", "@", ".", " ", "é", "É", "ß", "日本", "😀", "a",
          "A", "b", "0", "7", "00Q", "@ex", "²", "١٢"]
#: Stored values are made of PIECES (Salesforce holds no NUL); typed text may have anything.
HOSTILE = st.one_of(st.lists(st.sampled_from([*PIECES, "\x00"]), min_size=1, max_size=6
                             ).map("".join), st.text(max_size=12))
TYPES = {"LastName": "string", "FirstName": "string", "Email": "email", "Company": "string",
         "Title": "string"}


def _fold(text: str) -> str:
    """SQLite's NOCASE: ASCII letters only."""
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in text)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = Store(Path(tmp_path_factory.mktemp("sql")) / "sfsync.db")
    table = s.table("Lead")
    table.ensure(TYPES)
    with s.atomic():
        for i, piece in enumerate(PIECES * 2):
            other = PIECES[(i * 7) % len(PIECES)]
            table.insert({"LastName": f"{piece}{other}", "FirstName": other,
                          "Company": f"{other}{piece}", "Title": piece,
                          "Email": f"{piece}{i}@ex{other}.org", "_sf_id": f"00Q{i:012d}AAA",
                          "_state": "deleted" if i % 9 == 0 else "synced",
                          "_deleted": 1 if i % 9 == 0 else 0})
    yield s
    s.close()


def _expected(rows: list[dict], text: str) -> set[int]:
    text = text.replace("\x00", "").strip()  # a NUL typed in the search box is dropped
    if not text:
        return {r["_lid"] for r in rows}
    out = set()
    for r in rows:
        if text.startswith("@"):
            hit = _fold(text) in _fold(r["Email"] or "")
        else:
            hit = any(_fold(str(r[c] or "")).startswith(_fold(text)) for c in FIELD_INDEXED
                      if c in r)
        ascii_ = text.isascii()
        hit = hit or (ascii_ and text.isalnum() and len(text) >= 3
                      and r["_sf_id"].startswith(text))
        hit = hit or (ascii_ and text.isdigit() and r["_lid"] == int(text))
        if hit:
            out.add(r["_lid"])
    return out


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE)
def test_search_finds_exactly_what_the_text_says(store: Store, text: str) -> None:
    table = store.table("Lead")
    rows = [r for r in table.find("_state != 'deleted'", limit=10_000)]
    builder = QueryBuilder("Lead", table.columns())
    sql = builder.ids(RecordQuery("Lead", search=text))
    found = {row[0] for row in store.db.execute_sql(sql.text, sql.params).fetchall()}
    assert found == _expected(rows, text)
    # and the table is still whole
    assert table.count() == len(PIECES) * 2
