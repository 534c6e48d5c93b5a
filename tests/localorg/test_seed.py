"""The local org's seeds: the demo set and N generated Leads.

Every check reads the database the seed wrote, through the catalog, so a field added to
the schema is checked without touching these tests.
"""

from __future__ import annotations

import itertools
import re
import sqlite3
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from sfsync_gui.localorg import seed as seed_module
from sfsync_gui.localorg import storage
from sfsync_gui.localorg.ids import make_id, to18
from sfsync_gui.localorg.schema import Catalog, FieldType, ObjectDef, build_catalog
from sfsync_gui.localorg.seed import (
    SeedSummary,
    SeedUser,
    ascii_slug,
    fill_digits,
    fill_pattern,
    id_range,
    seed,
)
from sfsync_gui.localorg.storage import format_datetime, qi

NOW = datetime(2026, 5, 1, 12, 30, 15, 250_000, tzinfo=UTC)
NOW_TEXT = format_datetime(NOW)
ADMIN = SeedUser("admin@sfsync.local", "Ada", "Admin", "admin@sfsync.example",
                 "System Administrator")
SYNC = SeedUser("sync@sfsync.local", "Sync", "Integration", "sync@sfsync.example",
                "Integration User")
N = 2000

EMAIL_RE = re.compile(r"^[a-z0-9]+(?:[._-][a-z0-9]+)*@[a-z0-9]+(?:-[a-z0-9]+)*"
                      r"(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*\.example$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$")
BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def make_org(path: Path, spec: str | int) -> tuple[sqlite3.Connection, Catalog, SeedSummary]:
    catalog = build_catalog()
    conn = storage.connect(str(path))
    storage.create_tables(conn, catalog)
    summary = seed(conn, catalog, spec, now=NOW, admin=ADMIN, sync_user=SYNC)
    return conn, catalog, summary


def stored(catalog: Catalog) -> list[ObjectDef]:
    return [o for o in catalog if not o.setup]


def rows(conn: sqlite3.Connection, obj: ObjectDef, where: str = "1") -> list[dict]:
    cur = conn.execute(f"SELECT * FROM {qi(obj.name)} WHERE {where} ORDER BY _rid")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur]


def table_contents(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    names = [n for (n,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {n: conn.execute(f"SELECT * FROM {qi(n)} ORDER BY 1").fetchall() for n in names}


def record_number(record_id: str) -> int:
    number = 0
    for ch in record_id[6:15]:
        number = number * 62 + BASE62.index(ch)
    return number


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    conn, catalog, summary = make_org(tmp_path_factory.mktemp("demo") / "org.db", "demo")
    yield conn, catalog, summary
    conn.close()


@pytest.fixture(scope="module")
def bulk(tmp_path_factory: pytest.TempPathFactory):
    conn, catalog, summary = make_org(tmp_path_factory.mktemp("bulk") / "org.db", N)
    yield conn, catalog, summary
    conn.close()


@pytest.fixture(params=["demo", "bulk"])
def org(request: pytest.FixtureRequest):
    """Each seed in turn, for the checks both must pass."""
    return request.getfixturevalue(request.param)


# ---------------------------------------------------------------------------------------
# Helpers


def test_id_range_is_make_id_in_bulk() -> None:
    for prefix, first, count in (("00Q", 1, 300), ("001", 60, 70), ("003", 3843, 5),
                                 ("a01", 62**3 - 3, 10), ("005", 0, 1)):
        assert id_range(prefix, count, first) == [
            make_id(prefix, n) for n in range(first, first + count)]
    assert id_range("00Q", 0) == []


def test_stamp_formatter_is_format_datetime() -> None:
    now_ms = int(NOW.timestamp() * 1000)
    stamps = seed_module._Stamps(now_ms - 1000 * 86_400_000, now_ms + 10 * 86_400_000)
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    for ms in (stamps.base, now_ms, now_ms + 1, now_ms + 999, stamps.end - 1,
               *range(now_ms - 900 * 86_400_000, now_ms, 86_399_937)):
        dt = epoch + timedelta(milliseconds=ms)
        assert stamps.dt(ms) == format_datetime(dt)
        assert stamps.date(ms) == dt.date().isoformat()
    with pytest.raises(ValueError):
        stamps.dt(stamps.base - 1)
    with pytest.raises(ValueError):
        stamps.date(stamps.end)


def test_text_helpers() -> None:
    assert ascii_slug("Núñez de Balboa") == "nunezdebalboa"
    assert ascii_slug("Weiß Sørensen Œuvre", "-") == "weiss-sorensen-oeuvre"
    assert ascii_slug("van 't Hof") == "vanthof"
    assert ascii_slug("O'Brien") == "obrien"
    numbers = iter([0.07, 0.999])  # one draw per run of digits
    assert fill_digits("+34 ## #", lambda: next(numbers)) == "+34 07 9"
    letters = iter([0.0] * 6)
    assert fill_pattern("1### @@", lambda: next(letters)) == "1000 AA"


@pytest.mark.skipif(not seed_module._can_fork(), reason="rows are forked on Linux only")
def test_forked_tables_stream_in_order_and_report_failures() -> None:
    made: list[str] = []

    def tables():
        made.append("first")
        yield "First", ("a",), iter([(1,), (2,)])
        made.append("second")
        yield "Second", ("a", "b"), ((i, f"row {i}") for i in range(12_345))
        yield "Empty", ("a",), iter([])

    forked = seed_module._ForkedTables(tables())
    try:
        got = [(name, columns, list(rows)) for name, columns, rows in forked]
    finally:
        forked.close()
    assert got == [("First", ("a",), [(1,), (2,)]),
                   ("Second", ("a", "b"), [(i, f"row {i}") for i in range(12_345)]),
                   ("Empty", ("a",), [])]
    assert made == []  # the generator ran in the child

    def broken():
        yield "First", ("a",), iter([(1,)])
        raise KeyError("no such company")

    forked = seed_module._ForkedTables(broken())
    try:
        with pytest.raises(RuntimeError, match="no such company"):
            for _name, _columns, rows in forked:
                list(rows)
    finally:
        forked.close()

    def endless():
        yield "Big", ("a",), ((i,) for i in itertools.count())

    # The parent gives up half-way (a failed INSERT): the child is stopped at once.
    forked = seed_module._ForkedTables(endless())
    _name, _columns, rows = next(iter(forked))
    assert next(rows) == (0,)
    started = time.monotonic()
    forked.close()
    assert time.monotonic() - started < 3


def test_bad_spec_is_refused(tmp_path: Path) -> None:
    catalog = build_catalog()
    conn = storage.connect(str(tmp_path / "org.db"))
    storage.create_tables(conn, catalog)
    for spec in ("lots", -1, True, 2.5):
        with pytest.raises(ValueError):
            seed(conn, catalog, spec, now=NOW, admin=ADMIN, sync_user=SYNC)  # type: ignore[arg-type]
    assert not conn.in_transaction
    assert conn.execute('SELECT count(*) FROM "User"').fetchone() == (0,)


# ---------------------------------------------------------------------------------------
# Both seeds


def test_counts_per_object_for_n_leads(bulk) -> None:
    conn, _catalog, summary = bulk
    assert summary.counts == {
        "Lead": N, "User": 5, "Account": N // 10, "Contact": N // 4, "Opportunity": N // 20,
        # one primary role per opportunity, a second on every other one
        "OpportunityContactRole": N // 20 + N // 40, "Campaign": 3, "CampaignMember": N // 10,
        "Task": N // 10, "Event": N // 50, "Subscription__c": N // 20,
    }
    for name, count in summary.counts.items():
        assert conn.execute(f"SELECT count(*) FROM {qi(name)}").fetchone() == (count,)


def test_the_two_users_have_the_fixed_ids(org) -> None:
    conn, _catalog, _summary = org
    users = {r[0]: r[1:] for r in conn.execute(
        'SELECT Id, Username, Email, ProfileName__c, Name, IsActive FROM "User"')}
    assert users[make_id("005", 1)] == (ADMIN.username, ADMIN.email, ADMIN.profile,
                                        "Ada Admin", 1)
    assert users[make_id("005", 2)] == (SYNC.username, SYNC.email, SYNC.profile,
                                        "Sync Integration", 1)
    assert len(users) > 2
    assert all(u[0].endswith("@sfsync.local") for u in users.values())


def test_every_value_fits_the_schema(org) -> None:
    conn, catalog, _summary = org
    today = NOW.date().isoformat()
    for obj in stored(catalog):
        for rec in rows(conn, obj):
            for f in obj.fields:
                value = rec[f.name]
                where = f"{obj.name}.{f.name} of {rec['Id']}: {value!r}"
                if value is None:
                    assert f.nillable, where
                    continue
                if f.type is FieldType.ID:
                    assert to18(value) == value and value[:3] == obj.key_prefix, where
                elif f.type is FieldType.REFERENCE:
                    assert to18(value) == value, where
                elif f.is_text:
                    assert isinstance(value, str) and value, where  # blank is NULL
                    assert len(value) <= f.length, where
                    if f.type is FieldType.EMAIL:
                        assert EMAIL_RE.match(value), where
                    if f.type is FieldType.PICKLIST:
                        assert value in f.picklist, where
                elif f.type is FieldType.BOOLEAN:
                    assert value in (0, 1) and isinstance(value, int), where
                elif f.type is FieldType.INT:
                    assert isinstance(value, int) and 0 <= value < 10 ** f.digits, where
                elif f.type in (FieldType.DOUBLE, FieldType.CURRENCY, FieldType.PERCENT):
                    assert isinstance(value, (int, float)) and value >= 0, where
                elif f.type is FieldType.DATE:
                    assert DATE_RE.match(value) and date.fromisoformat(value), where
                elif f.type is FieldType.DATETIME:
                    assert DATETIME_RE.match(value), where
                    storage.parse_datetime(value)
            # the org's validation rules
            if obj.name == "Lead" and rec["Rating"] == "Hot":
                assert rec["Phone"], rec["Id"]
            if obj.name == "Contact" and rec["Birthdate"]:
                assert rec["Birthdate"] < today


def test_ids_are_the_objects_own(org) -> None:
    conn, catalog, _summary = org
    for obj in stored(catalog):
        ids = [r[0] for r in conn.execute(f"SELECT Id FROM {qi(obj.name)} ORDER BY _rid")]
        assert len(set(ids)) == len(ids)
        # Numbered from 1 in order, as the server will continue.
        assert [record_number(i) for i in ids] == list(range(1, len(ids) + 1))


def test_references_point_at_existing_rows_of_allowed_types(org) -> None:
    conn, catalog, _summary = org
    live_ids: dict[str, set[str]] = {}
    all_ids: dict[str, set[str]] = {}
    for obj in stored(catalog):
        deleted = "IsDeleted" if obj.has_recycle_bin else "0"
        pairs = conn.execute(f"SELECT Id, {deleted} FROM {qi(obj.name)}").fetchall()
        all_ids[obj.key_prefix or ""] = {i for i, _ in pairs}
        live_ids[obj.key_prefix or ""] = {i for i, d in pairs if not d}
    checked = 0
    for obj in stored(catalog):
        for f in obj.fields:
            if f.type is not FieldType.REFERENCE:
                continue
            allowed = {catalog.get(t).key_prefix for t in f.reference_to}  # type: ignore[union-attr]
            for rec in rows(conn, obj, f"{qi(f.name)} IS NOT NULL"):
                value = rec[f.name]
                where = f"{obj.name}.{f.name} of {rec['Id']} = {value}"
                assert value[:3] in allowed, where
                assert value in all_ids[value[:3]], where
                # Live records never point into the recycle bin; a merged (deleted) Lead
                # points at its live master.
                if not rec.get("IsDeleted") or f.name == "MasterRecordId":
                    assert value in live_ids[value[:3]], where
                checked += 1
    assert checked > 100


def test_names_are_first_and_last(org) -> None:
    conn, _catalog, _summary = org
    for name in ("Lead", "Contact", "User"):
        for first, last, full in conn.execute(
                f'SELECT FirstName, LastName, Name FROM "{name}"'):
            assert full == (f"{first} {last}" if first else last)
    lead_without_first = conn.execute(
        'SELECT count(*) FROM "Lead" WHERE FirstName IS NULL').fetchone()[0]
    assert lead_without_first > 0


def test_stamps_are_in_order_and_not_in_the_future(org) -> None:
    conn, catalog, _summary = org
    bin_reach = format_datetime(NOW - timedelta(days=15))
    for obj in stored(catalog):
        for rec in rows(conn, obj):
            c, m, s = rec["CreatedDate"], rec["LastModifiedDate"], rec["SystemModstamp"]
            assert c <= m <= s <= NOW_TEXT, (obj.name, rec["Id"], c, m, s)
            if obj.has_recycle_bin:
                # Deleting is the record's last change; the bin keeps it about 15 days.
                assert bool(rec["IsDeleted"]) == (rec["_deleted_at"] is not None)
                if rec["IsDeleted"]:
                    assert rec["_deleted_at"] == s and bin_reach <= s, rec["Id"]


def test_groups_share_a_system_modstamp(org) -> None:
    conn, _catalog, _summary = org
    groups = conn.execute(
        'SELECT SystemModstamp, count(*) FROM "Lead" GROUP BY SystemModstamp '
        "HAVING count(*) > 1 ORDER BY 2 DESC").fetchall()
    assert len(groups) >= 2 and groups[0][1] >= 5
    # System changes move SystemModstamp alone.
    assert conn.execute(
        'SELECT count(*) FROM "Lead" WHERE SystemModstamp > LastModifiedDate').fetchone()[0] > 0


def test_converted_leads_share_their_conversion_with_its_records(org) -> None:
    conn, _catalog, _summary = org
    converted = conn.execute(
        'SELECT l.Id, l.Status, l.ConvertedDate, l.LastModifiedDate, l.SystemModstamp, '
        'l.Email, l.ConvertedAccountId, l.ConvertedOpportunityId, '
        'c.CreatedDate, c.AccountId, c.Email, c.Name, l.Name, c.Id '
        'FROM "Lead" l JOIN "Contact" c ON c.Id = l.ConvertedContactId '
        'WHERE l.IsConverted = 1').fetchall()
    assert converted
    total = conn.execute('SELECT count(*) FROM "Lead" WHERE IsConverted = 1').fetchone()[0]
    assert len(converted) == total
    with_opportunity = 0
    for (lead, status, day, modified, system, email, account, opp, contact_made,
         contact_account, contact_email, contact_name, lead_name, contact) in converted:
        assert status == "Closed - Converted", lead
        # The conversion is one transaction: the Lead's last change is the moment its
        # Contact (and Opportunity, and its primary contact role) were made.
        assert modified == system == contact_made, lead
        assert day == modified[:10]
        assert account == contact_account and email == contact_email, lead
        assert lead_name == contact_name
        if opp is not None:
            with_opportunity += 1
            assert conn.execute('SELECT AccountId, CreatedDate FROM "Opportunity" WHERE Id = ?',
                                (opp,)).fetchone() == (account, modified), lead
            assert conn.execute(
                'SELECT CreatedDate FROM "OpportunityContactRole" WHERE OpportunityId = ? '
                "AND ContactId = ? AND IsPrimary = 1", (opp, contact)).fetchall() == [
                (modified,)], lead
    assert 0 < with_opportunity < len(converted)
    assert conn.execute(
        'SELECT count(*) FROM "Lead" WHERE Status = \'Closed - Converted\' AND '
        "(IsConverted = 0 OR ConvertedContactId IS NULL OR ConvertedAccountId IS NULL "
        "OR ConvertedDate IS NULL)").fetchone() == (0,)
    assert conn.execute(
        'SELECT count(*) FROM "Lead" WHERE IsConverted = 0 AND (ConvertedDate IS NOT NULL '
        "OR ConvertedContactId IS NOT NULL)").fetchone() == (0,)


def test_live_leads_do_not_share_emails(org) -> None:
    conn, _catalog, _summary = org
    assert conn.execute(
        'SELECT Email, count(*) FROM "Lead" WHERE IsDeleted = 0 AND Email IS NOT NULL '
        "GROUP BY Email HAVING count(*) > 1").fetchall() == []


def test_unique_fields_are_unique(org) -> None:
    conn, catalog, _summary = org
    for obj in stored(catalog):
        for f in obj.fields:
            if f.unique:
                dupes = conn.execute(
                    f"SELECT {qi(f.name)} FROM {qi(obj.name)} WHERE {qi(f.name)} IS NOT NULL "
                    f"GROUP BY {qi(f.name)} HAVING count(*) > 1").fetchall()
                assert dupes == [], (obj.name, f.name)
    assert conn.execute(
        'SELECT count(*) FROM "Lead" WHERE Partner_Code__c IS NOT NULL').fetchone()[0] > 0
    assert conn.execute(
        'SELECT count(*) FROM "Contact" WHERE Customer_Id__c IS NOT NULL').fetchone()[0] > 0


def test_campaign_counts_match_members(org) -> None:
    conn, _catalog, _summary = org
    for cid, leads, contacts in conn.execute(
            'SELECT Id, NumberOfLeads, NumberOfContacts FROM "Campaign"'):
        live = 'FROM "CampaignMember" WHERE CampaignId = ? AND IsDeleted = 0'
        assert conn.execute(f"SELECT count(*) {live} AND LeadId IS NOT NULL",
                            (cid,)).fetchone() == (leads,)
        assert conn.execute(f"SELECT count(*) {live} AND ContactId IS NOT NULL",
                            (cid,)).fetchone() == (contacts,)
    for column in ("LeadId", "ContactId"):
        assert conn.execute(
            f'SELECT CampaignId, {column} FROM "CampaignMember" WHERE {column} IS NOT NULL '
            f"GROUP BY 1, 2 HAVING count(*) > 1").fetchall() == []
    assert conn.execute('SELECT count(*) FROM "CampaignMember" WHERE '
                        "LeadId IS NULL AND ContactId IS NULL").fetchone() == (0,)


def test_activities_relate_as_salesforce_allows(org) -> None:
    conn, _catalog, _summary = org
    for table in ("Task", "Event"):
        # A Lead's activity cannot be related to anything else.
        assert conn.execute(
            f'SELECT count(*) FROM "{table}" WHERE WhoId LIKE \'00Q%\' '
            "AND WhatId IS NOT NULL").fetchone() == (0,)
        assert conn.execute(f'SELECT count(*) FROM "{table}" WHERE WhoId IS NOT NULL '
                            "AND WhatId IS NOT NULL").fetchone()[0] > 0
    assert conn.execute('SELECT count(*) FROM "Task" WHERE IsClosed != '
                        "(Status = 'Completed')").fetchone() == (0,)
    assert conn.execute('SELECT count(*) FROM "Opportunity" WHERE IsWon != '
                        "(StageName = 'Closed Won') OR IsClosed != "
                        "(StageName LIKE 'Closed%')").fetchone() == (0,)


def test_id_counters_continue_after_the_seed(org) -> None:
    conn, catalog, _summary = org
    counters = dict(conn.execute("SELECT prefix, next FROM _id_counters"))
    for obj in stored(catalog):
        used = [record_number(i) for (i,) in conn.execute(f"SELECT Id FROM {qi(obj.name)}")]
        assert counters[obj.key_prefix] > max(used, default=0), obj.name


def test_the_seed_commits(org) -> None:
    conn, _catalog, summary = org
    assert not conn.in_transaction
    assert summary.counts["Lead"] > 0
    assert conn.execute("SELECT value FROM _meta WHERE key = 'seed'").fetchone() in (
        ("demo",), (str(N),))


# ---------------------------------------------------------------------------------------
# N Leads


def test_same_n_gives_the_same_bytes(tmp_path: Path, bulk) -> None:
    conn, _catalog, _summary = bulk
    again, _c, _s = make_org(tmp_path / "again.db", N)
    assert list(again.iterdump()) == list(conn.iterdump())
    other, _c, _s = make_org(tmp_path / "other.db", N + 1)
    assert table_contents(other)["Lead"][:N] != table_contents(conn)["Lead"]


def test_the_big_seed_path_writes_the_same_rows(tmp_path: Path, bulk,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Big seeds generate their rows in a forked process, drop the indexes, load, and
    rebuild them; the rows must be those of the plain path, and every index must be back."""
    conn, _catalog, _summary = bulk
    monkeypatch.setattr(seed_module._Bulk, "DROP_INDEXES_FROM", 1000)
    monkeypatch.setattr(seed_module._Bulk, "FORK_FROM", 1000)
    rebuilt, _c, _s = make_org(tmp_path / "rebuilt.db", N)
    assert table_contents(rebuilt) == table_contents(conn)
    index_sql = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    assert rebuilt.execute(index_sql).fetchall() == conn.execute(index_sql).fetchall()
    assert rebuilt.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # The rebuild ran with its own sorter settings and gave the connection's back.
    assert rebuilt.execute("PRAGMA cache_size").fetchone() == (-64000,)
    assert rebuilt.execute("PRAGMA temp_store").fetchone() == (2,)
    assert rebuilt.execute("PRAGMA threads").fetchone() == (0,)


def test_bulk_records_are_spread_over_two_years(bulk) -> None:
    conn, catalog, _summary = bulk
    start = format_datetime(NOW - timedelta(days=730))
    for obj in stored(catalog):
        if obj.name == "User":
            continue
        first, last = conn.execute(
            f"SELECT min(CreatedDate), max(CreatedDate) FROM {qi(obj.name)}").fetchone()
        assert start <= first and last <= NOW_TEXT, obj.name
    first, last = conn.execute('SELECT min(CreatedDate), max(CreatedDate) FROM "Lead"').fetchone()
    assert first[:7] <= format_datetime(NOW - timedelta(days=700))[:7]
    assert last >= format_datetime(NOW - timedelta(days=30))
    # Ids grow with creation time, as Salesforce's do.
    created = [c for (c,) in conn.execute('SELECT CreatedDate FROM "Lead" ORDER BY _rid')]
    assert created == sorted(created)


def test_bulk_owners_and_deletions(bulk) -> None:
    conn, catalog, _summary = bulk
    users = {i for (i,) in conn.execute('SELECT Id FROM "User"')}
    deleted = total = 0
    for obj in stored(catalog):
        if obj.name == "User":
            continue
        for column in ("OwnerId", "CreatedById", "LastModifiedById"):
            if obj.field(column):
                values = {v for (v,) in conn.execute(
                    f"SELECT DISTINCT {qi(column)} FROM {qi(obj.name)}")}
                assert values <= users, (obj.name, column)
        d, t = conn.execute(f"SELECT sum(IsDeleted), count(*) FROM {qi(obj.name)}").fetchone()
        deleted, total = deleted + d, total + t
    assert 0.002 < deleted / total < 0.01
    by_sync = conn.execute('SELECT count(*) FROM "Lead" WHERE LastModifiedById = ?',
                           (make_id("005", 2),)).fetchone()[0]
    assert by_sync > 0


def test_bulk_leads_look_like_leads(bulk) -> None:
    conn, _catalog, _summary = bulk
    statuses = Counter(s for (s,) in conn.execute('SELECT Status FROM "Lead"'))
    assert set(statuses) == {"Open - Not Contacted", "Working - Contacted",
                             "Closed - Converted", "Closed - Not Converted"}
    languages = {v for (v,) in conn.execute(
        'SELECT DISTINCT Preferred_Language__c FROM "Lead" WHERE '
        "Preferred_Language__c IS NOT NULL")}
    assert languages == {"English", "Spanish", "Italian", "Dutch", "French"}
    # The same locale for name, language and country.
    mismatched = conn.execute(
        'SELECT count(*) FROM "Lead" WHERE Preferred_Language__c = \'Italian\' '
        "AND Country IS NOT NULL AND Country != 'Italia'").fetchone()[0]
    assert mismatched == 0
    converted = statuses["Closed - Converted"] / N
    assert 0.03 < converted < 0.12


def test_zero_leads_seeds_only_the_two_users(tmp_path: Path) -> None:
    conn, _catalog, summary = make_org(tmp_path / "org.db", 0)
    assert summary.counts["User"] == 2
    assert sum(summary.counts.values()) == 2
    assert dict(conn.execute("SELECT prefix, next FROM _id_counters"))["005"] == 3


@pytest.mark.parametrize("n", [1, 7, 45])
def test_tiny_seeds_are_consistent(tmp_path: Path, n: int) -> None:
    conn, catalog, summary = make_org(tmp_path / "org.db", n)
    assert summary.counts["Lead"] == n
    assert summary.counts["Campaign"] == 3 and summary.counts["User"] == 5
    for obj in stored(catalog):
        for f in obj.fields:
            if f.type is FieldType.REFERENCE:
                for (value,) in conn.execute(
                        f"SELECT {qi(f.name)} FROM {qi(obj.name)} WHERE {qi(f.name)} IS NOT NULL"):
                    target = catalog.by_prefix(value[:3])
                    assert target is not None and target.name in f.reference_to
                    assert conn.execute(f"SELECT 1 FROM {qi(target.name)} WHERE Id = ?",
                                        (value,)).fetchone()


def test_a_string_of_digits_is_a_number_of_leads(tmp_path: Path) -> None:
    _conn, _catalog, summary = make_org(tmp_path / "org.db", "30")
    assert summary.counts["Lead"] == 30


# ---------------------------------------------------------------------------------------
# The demo


def test_the_demo_is_the_same_every_time(tmp_path: Path, demo) -> None:
    conn, _catalog, _summary = demo
    again, _c, _s = make_org(tmp_path / "again.db", "demo")
    assert list(again.iterdump()) == list(conn.iterdump())


def test_demo_is_a_few_hundred_records(demo) -> None:
    _conn, _catalog, summary = demo
    assert 250 <= sum(summary.counts.values()) <= 800
    assert all(count > 0 for count in summary.counts.values()), summary.counts


def test_demo_covers_every_lead_status(demo) -> None:
    conn, catalog, _summary = demo
    statuses = {s for (s,) in conn.execute('SELECT DISTINCT Status FROM "Lead"')}
    assert statuses == set(catalog.get("Lead").field("Status").picklist)  # type: ignore[union-attr]
    ratings = {s for (s,) in conn.execute('SELECT DISTINCT Rating FROM "Lead"')}
    assert {"Hot", "Warm", "Cold", None} <= ratings
    assert conn.execute('SELECT count(*) FROM "Lead" WHERE Rating = \'Hot\' AND IsDeleted = 0'
                        ).fetchone()[0] >= 5


def test_demo_conversions_made_their_records(demo) -> None:
    conn, _catalog, _summary = demo
    rows_ = conn.execute(
        'SELECT ConvertedAccountId, ConvertedContactId, ConvertedOpportunityId, '
        'LastModifiedDate FROM "Lead" WHERE IsConverted = 1').fetchall()
    assert len(rows_) >= 6
    assert any(opp is None for *_x, opp, _m in rows_)  # "don't create an opportunity"
    made_for_it = 0
    for account, contact, opp, stamp in rows_:
        assert conn.execute('SELECT CreatedDate FROM "Contact" WHERE Id = ?',
                            (contact,)).fetchone() == (stamp,)
        if conn.execute('SELECT CreatedDate FROM "Account" WHERE Id = ?',
                        (account,)).fetchone() == (stamp,):
            made_for_it += 1
        if opp:
            assert conn.execute('SELECT CreatedDate FROM "Opportunity" WHERE Id = ?',
                                (opp,)).fetchone() == (stamp,)
            assert conn.execute(
                'SELECT count(*) FROM "OpportunityContactRole" WHERE OpportunityId = ? '
                "AND ContactId = ? AND IsPrimary = 1", (opp, contact)).fetchone() == (1,)
    assert 0 < made_for_it < len(rows_)  # new accounts, and existing ones
    both = conn.execute('SELECT count(*) FROM "CampaignMember" m JOIN "Lead" l ON '
                        "l.Id = m.LeadId AND l.ConvertedContactId = m.ContactId").fetchone()[0]
    assert both == 1


def test_demo_recycle_bin(demo) -> None:
    conn, catalog, _summary = demo
    for obj in stored(catalog):
        if obj.has_recycle_bin and obj.name not in ("Account", "Campaign"):
            assert conn.execute(f"SELECT count(*) FROM {qi(obj.name)} WHERE IsDeleted = 1 "
                                "AND _deleted_at IS NOT NULL").fetchone()[0] > 0, obj.name
    merged = conn.execute(
        'SELECT l.Email, l.Name, l.SystemModstamp, m.Email, m.Name, m.IsDeleted, '
        'm.SystemModstamp FROM "Lead" l JOIN "Lead" m ON m.Id = l.MasterRecordId').fetchall()
    assert len(merged) == 2
    for _email, name, stamp, _master_email, master_name, master_deleted, master_stamp in merged:
        assert name == master_name and master_deleted == 0
        assert stamp == master_stamp  # one merge, one transaction
    loser_emails = {row[0] for row in merged}
    assert merged[0][3] in loser_emails  # one loser had the master's email...
    assert len(loser_emails) == 2  # ...the other an old one


def test_demo_has_a_lead_with_a_contacts_email(demo) -> None:
    conn, _catalog, _summary = demo
    shared = conn.execute(
        'SELECT l.Id FROM "Lead" l JOIN "Contact" c ON c.Email = l.Email '
        "WHERE l.IsConverted = 0 AND l.IsDeleted = 0 AND c.IsDeleted = 0").fetchall()
    assert len(shared) == 1


def test_demo_stamp_groups(demo) -> None:
    conn, _catalog, _summary = demo
    imported = conn.execute(
        'SELECT CreatedDate, count(*) FROM "Lead" GROUP BY CreatedDate '
        "ORDER BY 2 DESC LIMIT 1").fetchone()
    assert imported[1] >= 20
    # The nightly job moved SystemModstamp on Leads and Contacts at one instant.
    job = conn.execute(
        'SELECT SystemModstamp, count(*) FROM "Lead" WHERE SystemModstamp > LastModifiedDate '
        "GROUP BY 1 ORDER BY 2 DESC LIMIT 1").fetchone()
    assert job[1] >= 10
    assert conn.execute('SELECT count(*) FROM "Contact" WHERE SystemModstamp = ?',
                        (job[0],)).fetchone()[0] >= 10
    letters = conn.execute('SELECT count(*) FROM "Task" GROUP BY SystemModstamp '
                           "ORDER BY 1 DESC LIMIT 1").fetchone()[0]
    assert letters >= 5


def test_demo_people_speak_five_languages_with_accents(demo) -> None:
    conn, _catalog, _summary = demo
    names = " ".join(n for (n,) in conn.execute(
        'SELECT Name FROM "Lead" UNION ALL SELECT Name FROM "Contact" '
        'UNION ALL SELECT Name FROM "User"'))
    for letter in "éñüßøèíóú":
        assert letter in names, letter
    languages = {v for (v,) in conn.execute(
        'SELECT DISTINCT Preferred_Language__c FROM "Lead" WHERE '
        "Preferred_Language__c IS NOT NULL")}
    assert languages == {"English", "Spanish", "Italian", "Dutch", "French"}
    countries = {v for (v,) in conn.execute('SELECT DISTINCT Country FROM "Lead"')}
    assert {"España", "Italia", "Nederland", "France"} <= countries


def test_demo_custom_fields_are_filled(demo) -> None:
    conn, _catalog, _summary = demo
    for table, column in (("Lead", "Lead_Score__c"), ("Lead", "Product_Interest__c"),
                          ("Lead", "Preferred_Language__c"), ("Lead", "Partner_Code__c"),
                          ("Contact", "Level__c"), ("Contact", "Languages__c"),
                          ("Contact", "Customer_Id__c"), ("Subscription__c", "Plan__c")):
        assert conn.execute(f'SELECT count(*) FROM "{table}" WHERE "{column}" IS NOT NULL'
                            ).fetchone()[0] >= 3, (table, column)
    assert conn.execute('SELECT count(DISTINCT Newsletter__c) FROM "Lead"').fetchone() == (2,)
    assert conn.execute('SELECT count(*) FROM "User" WHERE IsActive = 0').fetchone() == (1,)
    owned_by_departed = conn.execute(
        'SELECT count(*) FROM "Lead" l JOIN "User" u ON u.Id = l.OwnerId '
        "WHERE u.IsActive = 0").fetchone()[0]
    assert owned_by_departed > 0
    parent = conn.execute('SELECT count(*) FROM "Account" WHERE ParentId IS NOT NULL')
    assert parent.fetchone()[0] >= 1


MAX_LENGTH_FIELDS = {
    "Lead": ("FirstName", "LastName", "Name", "Title", "Company", "Street", "City", "State",
             "PostalCode", "Country", "Phone", "MobilePhone", "Fax", "Email", "Website",
             "Description", "Internal_Notes__c", "Partner_Code__c", "EmailBouncedReason",
             "Jigsaw"),
    "Contact": ("FirstName", "LastName", "Name", "Title", "Department", "Email", "Phone",
                "MailingStreet", "MailingCity", "Languages__c", "Customer_Id__c",
                "Description", "Secret_Notes__c"),
    "Account": ("Name", "BillingStreet", "BillingCity", "BillingState", "BillingPostalCode",
                "BillingCountry", "Phone", "Website", "Description"),
    "Opportunity": ("Name", "Description"),
    "Campaign": ("Name",),
    "Task": ("Subject",),
    "Event": ("Location",),
    "Subscription__c": ("Name",),
}


def test_demo_has_values_at_the_maximum_lengths(demo) -> None:
    conn, catalog, _summary = demo
    for name, fields in MAX_LENGTH_FIELDS.items():
        obj = catalog.get(name)
        assert obj is not None
        for field_name in fields:
            f = obj.field(field_name)
            assert f is not None
            (longest,) = conn.execute(
                f"SELECT max(length({qi(field_name)})) FROM {qi(name)}").fetchone()
            assert longest == f.length, (name, field_name, longest, f.length)
    accented = conn.execute(
        "SELECT count(*) FROM \"Lead\" WHERE length(Name) = 121 AND Name LIKE '%Á%'")
    assert accented.fetchone() == (1,)
