"""SOQL compiled to SQL and run on an in-memory org database: results, record shapes,
SOQL's null and case rules, field-level security and every semantic refusal."""

from __future__ import annotations

import dataclasses
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from sfsync_gui.localorg import ids, storage
from sfsync_gui.localorg.schema import Catalog, build_catalog
from sfsync_gui.localorg.soql import (
    CompiledQuery,
    SoqlError,
    compile_soql,
    rows_to_records,
)

ADMIN = "System Administrator"
SYNC = "Integration User"
NOW = datetime(2024, 3, 15, 12, 0, tzinfo=UTC)

U1 = ids.make_id("005", 1)
U2 = ids.make_id("005", 2)
ACC = ids.make_id("001", 1)
CON = ids.make_id("003", 1)
L = [ids.make_id("00Q", n) for n in range(1, 8)]
T = [ids.make_id("00T", n) for n in range(1, 5)]
STAMP = "2024-03-01T10:00:00.000+0000"


def insert(conn: sqlite3.Connection, table: str, **values: Any) -> None:
    cols = ", ".join(storage.qi(c) for c in values)
    marks = ", ".join("?" for _ in values)
    conn.execute(f"INSERT INTO {storage.qi(table)} ({cols}) VALUES ({marks})",
                 list(values.values()))


def lead(conn: sqlite3.Connection, rid: str, last: str, **values: Any) -> None:
    base: dict[str, Any] = dict(
        Id=rid, LastName=last, Company="Acme", Status="Open - Not Contacted",
        OwnerId=U1, IsDeleted=0, DoNotCall=0, HasOptedOutOfEmail=0, IsConverted=0,
        IsUnreadByOwner=0, Newsletter__c=0, CreatedDate=STAMP, LastModifiedDate=STAMP,
        SystemModstamp=STAMP, CreatedById=U1, LastModifiedById=U1,
    )
    base.update(values)
    insert(conn, "Lead", **base)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return build_catalog()


@pytest.fixture(scope="module")
def db(catalog: Catalog) -> Iterator[sqlite3.Connection]:
    conn = storage.connect(":memory:")
    storage.create_tables(conn, catalog)
    insert(conn, "User", Id=U1, LastName="Smith", FirstName="Ann", Name="Ann Smith",
           Alias="asmith", Email="ann@example.com", Username="ann@example.com", IsActive=1)
    insert(conn, "User", Id=U2, LastName="Jones", Name="Bo Jones", Alias="bjones",
           Email="bo@example.com", Username="bo@example.com", IsActive=0)
    insert(conn, "Account", Id=ACC, Name="Acme Corp", OwnerId=U2, IsDeleted=0)
    insert(conn, "Contact", Id=CON, LastName="Ng", Name="Lin Ng", AccountId=ACC, OwnerId=U1,
           IsDeleted=0, Email="lin@acme.test")
    lead(conn, L[0], "Smith", FirstName="Ann", Email="ANN@Acme.test", AnnualRevenue=1000.0,
         NumberOfEmployees=10, DoNotCall=1, ConvertedDate="2024-03-15",
         CreatedDate="2024-03-15T08:00:00.000+0000", Rating="Hot")
    lead(conn, L[1], "smith", FirstName=None, Email=None, AnnualRevenue=None,
         NumberOfEmployees=None, OwnerId=U2, ConvertedDate="2024-03-14",
         CreatedDate="2024-03-14T23:59:59.999+0000", Rating=None)
    lead(conn, L[2], "O'Brien", FirstName="Seán", Email="sean@x.test", AnnualRevenue=50.5,
         NumberOfEmployees=3, OwnerId=None, CreatedDate="2024-01-31T09:00:00.000+0000",
         Rating="Cold", Title="50% off_sale")
    lead(conn, L[3], "Zed", FirstName="zoe", Email="zoe@x.test", AnnualRevenue=7.0,
         NumberOfEmployees=3, OwnerId=ids.make_id("005", 99),  # a dangling reference
         CreatedDate="2023-12-31T23:00:00.000+0000", Rating="warm", Title="50 percent")
    lead(conn, L[4], "Deleted", IsDeleted=1, Rating="Hot")
    insert(conn, "Task", Id=T[0], WhoId=CON, WhatId=ACC, Subject="Call", Status="Not Started",
           Priority="Normal", OwnerId=U1, IsDeleted=0, IsClosed=0)
    insert(conn, "Task", Id=T[1], WhoId=L[0], Subject="Email", Status="Completed",
           Priority="High", OwnerId=U1, IsDeleted=0, IsClosed=1)
    insert(conn, "Task", Id=T[2], WhoId=None, Subject="Other", Status="Completed",
           Priority="Low", OwnerId=U1, IsDeleted=0, IsClosed=1)
    ent = ids.make_id("4ie", 1)
    insert(conn, "EntityDefinition", Id=ent, DurableId="Lead", QualifiedApiName="Lead",
           Label="Lead", IsCustomizable=1)
    for n, (field_name, user) in enumerate(
        [("Email", U1), ("AnnualRevenue", U1), ("Email", U2)], start=1
    ):
        fd = ids.make_id("4if", n)
        insert(conn, "FieldDefinition", Id=fd, DurableId=f"Lead.{field_name}{n}",
               QualifiedApiName=field_name, EntityDefinitionId=ent, IsNillable=1,
               IsCalculated=0, IsApiFilterable=1)
        insert(conn, "UserFieldAccess", Id=ids.make_id("4ia", n), DurableId=f"ufa{n}",
               EntityDefinitionId=ent, FieldDefinitionId=fd, UserId=user,
               IsAccessible=1, IsCreatable=n != 2, IsUpdatable=n != 2)
    yield conn
    conn.close()


def compile_(catalog: Catalog, soql: str, *, profile: str = ADMIN,
             include_deleted: bool = False, user_id: str = U1) -> CompiledQuery:
    return compile_soql(soql, catalog, profile=profile, user_id=user_id,
                        include_deleted=include_deleted, now=NOW)


def run(db: sqlite3.Connection, catalog: Catalog, soql: str, **kw: Any) -> list[dict]:
    cq = compile_(catalog, soql, **kw)
    return rows_to_records(cq, db.execute(cq.sql(), cq.params).fetchall())


def ids_of(db: sqlite3.Connection, catalog: Catalog, where: str, **kw: Any) -> list[str]:
    """Ids of the Leads matching ``where``, in the query's order."""
    return [r["Id"] for r in run(db, catalog, f"SELECT Id FROM Lead {where}", **kw)]


def error(catalog: Catalog, soql: str, **kw: Any) -> SoqlError:
    with pytest.raises(SoqlError) as info:
        compile_(catalog, soql, **kw)
    return info.value


# -- the SQL parts ---------------------------------------------------------------------


def test_sql_parts(catalog: Catalog) -> None:
    cq = compile_(catalog, "SELECT Id, Owner.Name FROM Lead WHERE LastName = 'x' "
                           "ORDER BY Owner.Name LIMIT 5")
    assert cq.object.name == "Lead"
    assert not cq.count_only
    assert cq.select_sql == 'SELECT t0."Id", t1."Name", t1."Id"'
    assert cq.from_sql == 'FROM "Lead" t0 LEFT JOIN "User" t1 ON t1."Id" = t0."OwnerId"'
    assert cq.where_sql == 'WHERE t0."IsDeleted" = 0 AND t0."LastName" = ?'
    assert cq.params == ["x"]
    assert cq.order_sql == 'ORDER BY t1."Name" ASC, t0."Id" ASC'
    assert (cq.limit, cq.offset) == (5, None)
    assert cq.sql() == " ".join(
        [cq.select_sql, cq.from_sql, cq.where_sql, cq.order_sql]) + " LIMIT 5"
    assert cq.count_sql() == (
        'SELECT COUNT(*) FROM (SELECT 1 FROM "Lead" t0 WHERE t0."IsDeleted" = 0 AND '
        't0."LastName" = ? LIMIT 5)'
    )
    assert [(f.path, f.field.name, [o.name for o in f.objects], f.column)
            for f in cq.fields] == [
        (("Id",), "Id", ["Lead"], 0),
        (("Owner", "Name"), "Name", ["Lead", "User"], 1),
    ]
    assert cq.fields[1].name == "Owner.Name"


def test_no_where_and_default_order(catalog: Catalog) -> None:
    cq = compile_(catalog, "SELECT Name FROM User")
    assert cq.where_sql == ""  # User has no recycle bin
    assert cq.params == []
    assert cq.order_sql == 'ORDER BY t0."Id" ASC'
    assert cq.count_sql() == 'SELECT COUNT(*) FROM "User" t0'


def test_order_ending_in_id_gets_no_tie_break(catalog: Catalog) -> None:
    cq = compile_(catalog, "SELECT Id FROM Lead ORDER BY SystemModstamp, Id DESC")
    assert cq.order_sql == 'ORDER BY t0."SystemModstamp" ASC, t0."Id" DESC'


def test_offset_without_limit(catalog: Catalog, db: sqlite3.Connection) -> None:
    cq = compile_(catalog, "SELECT Id FROM Lead OFFSET 1")
    assert cq.sql().endswith(" LIMIT -1 OFFSET 1")
    assert db.execute(cq.count_sql(), cq.params).fetchone()[0] == 3
    assert len(db.execute(cq.sql(), cq.params).fetchall()) == 3
    cq = compile_(catalog, "SELECT Id FROM Lead LIMIT 2 OFFSET 3")
    assert cq.sql().endswith(" LIMIT 2 OFFSET 3")
    assert db.execute(cq.count_sql(), cq.params).fetchone()[0] == 1


def test_count_only(catalog: Catalog, db: sqlite3.Connection) -> None:
    cq = compile_(catalog, "SELECT COUNT() FROM Lead WHERE Owner.Name LIKE '%smith'")
    assert cq.count_only
    assert cq.fields == []
    assert cq.sql() == cq.count_sql()
    assert db.execute(cq.count_sql(), cq.params).fetchone()[0] == 1
    assert rows_to_records(cq, []) == []
    cq = compile_(catalog, "SELECT COUNT() FROM Lead LIMIT 2")
    assert db.execute(cq.count_sql(), cq.params).fetchone()[0] == 2


def test_count_sql_joins_only_what_where_needs(catalog: Catalog, db: sqlite3.Connection) -> None:
    cq = compile_(catalog, "SELECT Owner.Name, ConvertedAccount.Name FROM Lead "
                           "WHERE Owner.IsActive = true")
    assert cq.from_sql.count("LEFT JOIN") == 2
    assert cq.count_sql().count("LEFT JOIN") == 1
    assert db.execute(cq.count_sql(), cq.params).fetchone()[0] == 1


def test_values_are_parameters_never_sql(catalog: Catalog, db: sqlite3.Connection) -> None:
    evil = r"x\' OR 1=1; DROP TABLE \"Lead\"; --"
    cq = compile_(catalog, f"SELECT Id FROM Lead WHERE LastName = '{evil}'")
    assert "DROP" not in cq.sql()
    assert cq.params == ["x' OR 1=1; DROP TABLE \"Lead\"; --"]
    assert db.execute(cq.sql(), cq.params).fetchall() == []


# -- records ---------------------------------------------------------------------------


def test_records_shape(catalog: Catalog, db: sqlite3.Connection) -> None:
    recs = run(db, catalog, "SELECT id, owner.NAME, lastname, DoNotCall, NumberOfEmployees, "
                            "AnnualRevenue, CreatedDate, Owner.IsActive FROM lead "
                            "WHERE LastName = 'smith' ORDER BY CreatedDate DESC")
    assert recs == [
        {
            "attributes": {"type": "Lead", "url": f"/services/data/v59.0/sobjects/Lead/{L[0]}"},
            "Id": L[0],
            "Owner": {
                "attributes": {"type": "User", "url": f"/services/data/v59.0/sobjects/User/{U1}"},
                "Name": "Ann Smith",
                "IsActive": True,
            },
            "LastName": "Smith",
            "DoNotCall": True,
            "NumberOfEmployees": 10,
            "AnnualRevenue": 1000.0,
            "CreatedDate": "2024-03-15T08:00:00.000+0000",
        },
        {
            "attributes": {"type": "Lead", "url": f"/services/data/v59.0/sobjects/Lead/{L[1]}"},
            "Id": L[1],
            "Owner": {
                "attributes": {"type": "User", "url": f"/services/data/v59.0/sobjects/User/{U2}"},
                "Name": "Bo Jones",
                "IsActive": False,
            },
            "LastName": "smith",
            "DoNotCall": False,
            "NumberOfEmployees": None,
            "AnnualRevenue": None,
            "CreatedDate": "2024-03-14T23:59:59.999+0000",
        },
    ]
    assert list(recs[0]) == ["attributes", "Id", "Owner", "LastName", "DoNotCall",
                             "NumberOfEmployees", "AnnualRevenue", "CreatedDate"]


def test_missing_parent_is_null(catalog: Catalog, db: sqlite3.Connection) -> None:
    recs = run(db, catalog, "SELECT Owner.Name, Owner.Id FROM Lead WHERE Id IN (:a)"
               .replace(":a", f"'{L[2]}', '{L[3]}'"))
    # no owner, and an owner Id that points nowhere: both null, as in Salesforce
    assert [r["Owner"] for r in recs] == [None, None]


def test_two_level_parent_and_api_version(catalog: Catalog, db: sqlite3.Connection) -> None:
    cq = compile_(catalog, "SELECT Name, Account.Name, Account.Owner.Email FROM Contact")
    recs = rows_to_records(cq, db.execute(cq.sql(), cq.params).fetchall(), api_version="60.0")
    assert recs == [{
        "attributes": {"type": "Contact", "url": f"/services/data/v60.0/sobjects/Contact/{CON}"},
        "Name": "Lin Ng",
        "Account": {
            "attributes": {"type": "Account",
                           "url": f"/services/data/v60.0/sobjects/Account/{ACC}"},
            "Name": "Acme Corp",
            "Owner": {
                "attributes": {"type": "User", "url": f"/services/data/v60.0/sobjects/User/{U2}"},
                "Email": "bo@example.com",
            },
        },
    }]


def test_setup_objects_and_durable_id_urls(catalog: Catalog, db: sqlite3.Connection) -> None:
    recs = run(db, catalog, "SELECT QualifiedApiName, EntityDefinition.QualifiedApiName "
                            "FROM FieldDefinition WHERE EntityDefinition.QualifiedApiName = "
                            "'lead' ORDER BY QualifiedApiName LIMIT 1", profile=SYNC)
    assert recs[0]["attributes"]["url"].endswith("/sobjects/FieldDefinition/Lead.AnnualRevenue2")
    assert recs[0]["QualifiedApiName"] == "AnnualRevenue"
    assert recs[0]["EntityDefinition"]["QualifiedApiName"] == "Lead"


def test_user_field_access_is_the_querying_users(catalog: Catalog,
                                                  db: sqlite3.Connection) -> None:
    soql = ("SELECT FieldDefinition.QualifiedApiName, IsUpdatable, User.Id FROM "
            "UserFieldAccess ORDER BY FieldDefinition.QualifiedApiName")
    mine = run(db, catalog, soql, profile=SYNC, user_id=U1[:15])  # a 15-character Id
    assert [(r["FieldDefinition"]["QualifiedApiName"], r["IsUpdatable"], r["User"]["Id"])
            for r in mine] == [("AnnualRevenue", False, U1), ("Email", True, U1)]
    assert len(run(db, catalog, soql, user_id=U2)) == 1


def test_polymorphic_who_and_what(catalog: Catalog, db: sqlite3.Connection) -> None:
    recs = run(db, catalog, "SELECT Subject, Who.Id, Who.Name, Who.Type, What.Name FROM Task "
                            "ORDER BY Subject")
    assert [(r["Subject"], r["Who"], r["What"]) for r in recs] == [
        ("Call",
         {"attributes": {"type": "Contact", "url": f"/services/data/v59.0/sobjects/Contact/{CON}"},
          "Id": CON, "Name": "Lin Ng", "Type": "Contact"},
         {"attributes": {"type": "Account", "url": f"/services/data/v59.0/sobjects/Account/{ACC}"},
          "Name": "Acme Corp"}),
        ("Email",
         {"attributes": {"type": "Lead", "url": f"/services/data/v59.0/sobjects/Lead/{L[0]}"},
          "Id": L[0], "Name": None, "Type": "Lead"},
         None),
        ("Other", None, None),
    ]
    assert [r["Subject"] for r in run(
        db, catalog, "SELECT Subject FROM Task WHERE Who.Type = 'lead' OR Who.Name LIKE 'lin%'"
                     " ORDER BY Subject")] == ["Call", "Email"]
    assert [r["Subject"] for r in run(
        db, catalog, f"SELECT Subject FROM Task WHERE Who.Id = '{L[0][:15]}'")] == ["Email"]
    assert [r["Subject"] for r in run(
        db, catalog, "SELECT Subject FROM Task WHERE Who.Type != 'Contact' ORDER BY Who.Type, "
                     "Subject")] == ["Other", "Email"]


def test_polymorphic_refusals(catalog: Catalog) -> None:
    err = error(catalog, "SELECT Who.Owner.Name FROM Task")
    assert err.error_code == "INVALID_FIELD"
    assert err.message.startswith("Didn't understand relationship 'Owner' in field path.")
    err = error(catalog, "SELECT Who.Company FROM Task")
    assert err.message.startswith("No such column 'Company' on entity 'Name'.")


def test_object_prefix_and_alias(catalog: Catalog, db: sqlite3.Connection) -> None:
    assert run(db, catalog, "SELECT Lead.LastName FROM Lead WHERE Lead.Id = "
                            f"'{L[0]}'") == run(
        db, catalog, f"SELECT l.LastName FROM Lead l WHERE l.Id = '{L[0]}'")
    assert ids_of(db, catalog, f"l WHERE l.Owner.Id = '{U2}'") == [L[1]]


def test_five_levels_of_parents(catalog: Catalog, db: sqlite3.Connection) -> None:
    chain = ".".join(["ReportsTo"] * 5)
    cq = compile_(catalog, f"SELECT {chain}.Name FROM Contact")
    assert cq.from_sql.count("LEFT JOIN") == 5
    assert rows_to_records(cq, db.execute(cq.sql(), cq.params).fetchall())[0]["ReportsTo"] is None
    err = error(catalog, f"SELECT {chain}.ReportsTo.Name FROM Contact")
    assert "more than 5 levels of parent relationships" in err.message


def test_rows_to_records_is_fast(catalog: Catalog) -> None:
    conn = storage.connect(":memory:")
    storage.create_tables(conn, catalog)
    insert(conn, "User", Id=U1, LastName="S", Name="A S", Alias="a", Email="a@b.c",
           Username="a@b.c")
    for n in range(2000):
        lead(conn, ids.make_id("00Q", n + 1), f"L{n}", NumberOfEmployees=n,
             AnnualRevenue=n * 1.5, DoNotCall=n % 2)
    cq = compile_(catalog, "SELECT Id, LastName, FirstName, Company, Email, Owner.Name, "
                           "Owner.Email, DoNotCall, NumberOfEmployees, AnnualRevenue, "
                           "CreatedDate, SystemModstamp FROM Lead")
    rows = conn.execute(cq.sql(), cq.params).fetchall()
    best = min(_timed(lambda: rows_to_records(cq, rows)) for _ in range(5))
    assert best < 0.05  # a few ms in practice; generous for slow CI machines
    assert len(rows_to_records(cq, rows)) == 2000


def _timed(func: Any) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


# -- filters: SOQL semantics -----------------------------------------------------------

LIVE = [L[0], L[1], L[2], L[3]]


@pytest.mark.parametrize("where, expected", [
    ("WHERE LastName = 'SMITH'", [L[0], L[1]]),
    ("WHERE LastName != 'smith'", [L[2], L[3]]),
    ("WHERE LastName IN ('zed', 'o\\'brien')", [L[2], L[3]]),
    ("WHERE FirstName = null", [L[1]]),
    ("WHERE FirstName != null", [L[0], L[2], L[3]]),
    ("WHERE FirstName = ''", [L[1]]),
    ("WHERE FirstName != ''", [L[0], L[2], L[3]]),
    # != and NOT IN also match nulls
    ("WHERE Rating != 'hot'", [L[1], L[2], L[3]]),
    ("WHERE Rating NOT IN ('Hot', 'Cold')", [L[1], L[3]]),
    ("WHERE Rating NOT IN ('Hot', null)", [L[2], L[3]]),
    ("WHERE Rating IN ('Hot', null)", [L[0], L[1]]),
    # <, >, LIKE, IN never match nulls
    ("WHERE AnnualRevenue < 100", [L[2], L[3]]),
    ("WHERE AnnualRevenue >= 7", [L[0], L[2], L[3]]),
    ("WHERE Rating IN ('hot', 'WARM')", [L[0], L[3]]),
    ("WHERE Rating LIKE '%'", [L[0], L[2], L[3]]),
    # NOT flips SOQL's two-valued answer, nulls included
    ("WHERE NOT AnnualRevenue < 100", [L[0], L[1]]),
    ("WHERE NOT (Rating = 'Hot' OR Rating = 'Cold')", [L[1], L[3]]),
    ("WHERE NOT Rating LIKE 'h%'", [L[1], L[2], L[3]]),
    ("WHERE NOT Rating IN ('Hot')", [L[1], L[2], L[3]]),
    ("WHERE NOT Rating NOT IN ('Hot')", [L[0]]),
    ("WHERE NOT FirstName = null", [L[0], L[2], L[3]]),
    ("WHERE NOT NOT FirstName = null", [L[1]]),
    ("WHERE NOT (LastName = 'smith' AND FirstName != null)", [L[1], L[2], L[3]]),
    # LIKE: case-insensitive, _ and %, escapes
    ("WHERE Email LIKE 'ann@%'", [L[0]]),
    ("WHERE LastName LIKE 's_ith'", [L[0], L[1]]),
    ("WHERE Title LIKE '50\\%%'", [L[2]]),
    ("WHERE Title LIKE '50%'", [L[2], L[3]]),
    ("WHERE Title LIKE '%f\\_s%'", [L[2]]),
    ("WHERE Title LIKE '%f_s%'", [L[2]]),
    ("WHERE FirstName LIKE 'se_n'", [L[2]]),
    # numbers, booleans
    ("WHERE NumberOfEmployees = 3", [L[2], L[3]]),
    ("WHERE NumberOfEmployees > 2.5", [L[0], L[2], L[3]]),
    ("WHERE AnnualRevenue = 50.5", [L[2]]),
    ("WHERE AnnualRevenue IN (1000, 7.0)", [L[0], L[3]]),
    ("WHERE DoNotCall = true", [L[0]]),
    ("WHERE DoNotCall != TRUE", [L[1], L[2], L[3]]),
    ("WHERE DoNotCall IN (false)", [L[1], L[2], L[3]]),
    # dates and datetimes, converted to stored UTC text
    ("WHERE CreatedDate > 2024-03-14T23:59:59Z", [L[0], L[1]]),
    ("WHERE CreatedDate > 2024-03-14T23:59:59.999Z", [L[0]]),
    ("WHERE CreatedDate >= 2024-03-15T09:00:00+01:00", [L[0]]),
    ("WHERE CreatedDate <= 2024-01-01T00:00:00+01:00", [L[3]]),
    ("WHERE CreatedDate < 2024-01-01T00:00:00+01:00", []),
    ("WHERE CreatedDate = 2024-01-31T10:00:00+01:00", [L[2]]),
    ("WHERE ConvertedDate = 2024-03-14", [L[1]]),
    ("WHERE ConvertedDate <= 2024-03-15", [L[0], L[1]]),
    ("WHERE ConvertedDate != 2024-03-15", [L[1], L[2], L[3]]),
    # relative date literals (UTC days; now is 2024-03-15 12:00Z)
    ("WHERE CreatedDate = TODAY", [L[0]]),
    ("WHERE CreatedDate = YESTERDAY", [L[1]]),
    ("WHERE CreatedDate < TODAY", [L[1], L[2], L[3]]),
    ("WHERE CreatedDate > YESTERDAY", [L[0]]),
    ("WHERE CreatedDate <= YESTERDAY", [L[1], L[2], L[3]]),
    ("WHERE CreatedDate >= YESTERDAY", [L[0], L[1]]),
    ("WHERE CreatedDate != TODAY", [L[1], L[2], L[3]]),
    ("WHERE NOT CreatedDate = TODAY", [L[1], L[2], L[3]]),
    ("WHERE CreatedDate = LAST_N_DAYS:1", [L[0], L[1]]),
    ("WHERE CreatedDate = LAST_N_DAYS:75", [L[0], L[1], L[2], L[3]]),
    ("WHERE CreatedDate = LAST_N_DAYS:44", [L[0], L[1], L[2]]),
    ("WHERE CreatedDate = N_DAYS_AGO:44", [L[2]]),
    ("WHERE CreatedDate = THIS_MONTH", [L[0], L[1]]),
    ("WHERE CreatedDate = LAST_YEAR", [L[3]]),
    ("WHERE CreatedDate = NEXT_N_DAYS:5", []),
    ("WHERE ConvertedDate = TODAY", [L[0]]),
    ("WHERE ConvertedDate != TODAY", [L[1], L[2], L[3]]),
    ("WHERE ConvertedDate < TODAY", [L[1]]),
    # ids: 15 or 18 characters, references too
    (f"WHERE Id = '{L[2][:15]}'", [L[2]]),
    (f"WHERE Id IN ('{L[2]}', '{L[3][:15]}')", [L[2], L[3]]),
    (f"WHERE OwnerId = '{U1[:15]}'", [L[0]]),
    (f"WHERE OwnerId != '{U1}'", [L[1], L[2], L[3]]),
    ("WHERE OwnerId = null", [L[2]]),
    ("WHERE OwnerId = ''", [L[2]]),
    # parent fields
    ("WHERE Owner.Name LIKE '%jones'", [L[1]]),
    ("WHERE Owner.Name != 'Bo Jones'", [L[0], L[2], L[3]]),
    ("WHERE Owner.Id = null", [L[2], L[3]]),
    ("WHERE Owner.IsActive = false", [L[1]]),
    # AND / OR nesting
    ("WHERE (LastName = 'smith' AND DoNotCall = true) OR (Rating = null)", [L[0], L[1]]),
    ("WHERE LastName = 'smith' AND (Rating = 'hot' OR FirstName = null)", [L[0], L[1]]),
    ("WHERE Rating = 'Hot' OR Rating = 'Cold' OR Rating = 'Warm'", [L[0], L[2], L[3]]),
    ("WHERE ((((LastName = 'zed'))))", [L[3]]),
])
def test_filters(catalog: Catalog, db: sqlite3.Connection, where: str,
                 expected: list[str]) -> None:
    assert ids_of(db, catalog, where) == expected


def test_implicit_is_deleted_and_query_all(catalog: Catalog, db: sqlite3.Connection) -> None:
    assert ids_of(db, catalog, "") == LIVE
    assert ids_of(db, catalog, "", include_deleted=True) == [*LIVE, L[4]]
    assert ids_of(db, catalog, "WHERE IsDeleted = true", include_deleted=True) == [L[4]]
    assert ids_of(db, catalog, "WHERE IsDeleted = true") == []
    assert ids_of(db, catalog, "WHERE Rating = 'hot'", include_deleted=True) == [L[0], L[4]]


@pytest.mark.parametrize("order, expected", [
    ("ORDER BY Rating", [L[1], L[2], L[0], L[3]]),  # nulls first, then without case
    ("ORDER BY Rating ASC NULLS LAST", [L[2], L[0], L[3], L[1]]),
    ("ORDER BY Rating DESC", [L[3], L[0], L[2], L[1]]),  # nulls last
    ("ORDER BY Rating DESC NULLS FIRST", [L[1], L[3], L[0], L[2]]),
    ("ORDER BY LastName, FirstName", [L[2], L[1], L[0], L[3]]),
    ("ORDER BY LastName DESC, Id DESC", [L[3], L[1], L[0], L[2]]),
    ("ORDER BY NumberOfEmployees DESC, LastName", [L[0], L[2], L[3], L[1]]),
    ("ORDER BY Owner.Name NULLS LAST", [L[0], L[1], L[2], L[3]]),
    ("ORDER BY Owner.Name DESC NULLS FIRST", [L[2], L[3], L[1], L[0]]),
    ("ORDER BY SystemModstamp", LIVE),  # equal stamps: Id decides
    ("ORDER BY DoNotCall DESC", [L[0], L[1], L[2], L[3]]),
])
def test_order_by(catalog: Catalog, db: sqlite3.Connection, order: str,
                  expected: list[str]) -> None:
    assert ids_of(db, catalog, order) == expected


# -- field-level security --------------------------------------------------------------


@pytest.mark.parametrize("soql", [
    "SELECT AnnualRevenue FROM Lead",
    "SELECT Id FROM Lead WHERE AnnualRevenue > 0",
    "SELECT Id FROM Lead ORDER BY AnnualRevenue",
    "SELECT Id, Internal_Notes__c FROM Lead WHERE NOT (Name = 'x')",
])
def test_hidden_fields_do_not_exist(catalog: Catalog, soql: str) -> None:
    hidden = "AnnualRevenue" if "AnnualRevenue" in soql else "Internal_Notes__c"
    err = error(catalog, soql, profile=SYNC)
    assert err.error_code == "INVALID_FIELD"
    assert err.message == (
        f"No such column '{hidden}' on entity 'Lead'. If you are attempting to use a custom "
        "field, be sure to append the '__c' after the custom field name. Please reference "
        "your WSDL or the describe call for the appropriate names."
    )
    compile_(catalog, soql, profile=ADMIN)  # the administrator sees everything


def test_hidden_parent_fields(catalog: Catalog) -> None:
    soql = "SELECT Contact__r.Secret_Notes__c FROM Subscription__c"
    err = error(catalog, soql, profile=SYNC)
    assert err.message.startswith("No such column 'Secret_Notes__c' on entity 'Contact'.")
    compile_(catalog, soql, profile=ADMIN)
    compile_(catalog, "SELECT Contact__r.Email FROM Subscription__c", profile=SYNC)


def test_hidden_reference_hides_its_relationship(catalog: Catalog) -> None:
    cat = build_catalog()
    cat.set_access(SYNC, "Lead", "OwnerId", readable=False, editable=False, now_ms=0)
    err = error(cat, "SELECT Owner.Name FROM Lead", profile=SYNC)
    assert err.message.startswith("Didn't understand relationship 'Owner' in field path.")


def test_read_only_fields_are_readable(catalog: Catalog) -> None:
    compile_(catalog, "SELECT Lead_Score__c FROM Lead WHERE Lead_Score__c > 1", profile=SYNC)


def test_setup_objects_need_view_setup(catalog: Catalog) -> None:
    cat = build_catalog()
    cat.profiles[SYNC] = dataclasses.replace(cat.profiles[SYNC], view_setup=False)
    err = error(cat, "SELECT Id FROM FieldDefinition", profile=SYNC)
    assert err.error_code == "INVALID_TYPE"


def test_unknown_profile_is_a_caller_error(catalog: Catalog) -> None:
    with pytest.raises(ValueError, match="unknown profile"):
        compile_(catalog, "SELECT Id FROM Lead", profile="Nobody")


# -- refusals --------------------------------------------------------------------------


def test_unknown_object(catalog: Catalog) -> None:
    err = error(catalog, "SELECT Id FROM Foo")
    assert err.error_code == "INVALID_TYPE"
    assert err.message == (
        "sObject type 'Foo' is not supported. If you are attempting to use a custom object, "
        "be sure to append the '__c' after the entity name. Please reference your WSDL or "
        "the describe call for the appropriate names."
    )
    assert err.position == len("SELECT Id FROM ")


def test_names_are_case_insensitive(catalog: Catalog) -> None:
    cq = compile_(catalog, "select ID, OWNER.name, contact__R.EMAIL from SUBSCRIPTION__C")
    assert cq.object.name == "Subscription__c"
    assert [f.name for f in cq.fields] == ["Id", "Owner.Name", "Contact__r.Email"]


@pytest.mark.parametrize("soql, code, message", [
    ("SELECT Foo FROM Lead", "INVALID_FIELD", "No such column 'Foo' on entity 'Lead'. If"),
    ("SELECT Owner.Foo FROM Lead", "INVALID_FIELD", "No such column 'Foo' on entity 'User'."),
    ("SELECT Foo.Name FROM Lead", "INVALID_FIELD",
     "Didn't understand relationship 'Foo' in field path. If you are attempting to use a "
     "custom relationship, be sure to append the '__r' after the custom relationship name."),
    ("SELECT Contact__c.Name FROM Subscription__c", "INVALID_FIELD",
     "Didn't understand relationship 'Contact__c'"),
    ("SELECT OwnerId.Name FROM Lead", "INVALID_FIELD", "Didn't understand relationship"),
    ("SELECT Owner FROM Lead", "INVALID_FIELD", "No such column 'Owner' on entity 'Lead'"),
    ("SELECT Id, id FROM Lead", "MALFORMED_QUERY", "duplicate field selected: Id"),
    ("SELECT Id FROM Lead WHERE Description = 'x'", "INVALID_FIELD",
     "field 'Description' can not be filtered in a query call"),
    ("SELECT Id FROM Lead ORDER BY Description", "INVALID_FIELD",
     "field 'Description' can not be sorted in a query call"),
    ("SELECT Id FROM Lead WHERE AnnualRevenue > '5'", "INVALID_FIELD",
     "value of filter criterion for field 'AnnualRevenue' must be of type currency and "
     "should not be enclosed in quotes"),
    ("SELECT Id FROM Lead WHERE Lead_Score__c > '5'", "INVALID_FIELD",
     "value of filter criterion for field 'Lead_Score__c' must be of type double and "
     "should not be enclosed in quotes"),
    ("SELECT Id FROM Lead WHERE NumberOfEmployees IN (1, '2')", "INVALID_FIELD",
     "field 'NumberOfEmployees' must be of type integer and should not be enclosed"),
    ("SELECT Id FROM Lead WHERE LastName = 5", "INVALID_FIELD",
     "value of filter criterion for field 'LastName' must be of type string and should be "
     "enclosed in quotes"),
    ("SELECT Id FROM Lead WHERE LastName = TODAY", "INVALID_FIELD", "must be of type string"),
    ("SELECT Id FROM Lead WHERE LastName = true", "INVALID_FIELD", "must be of type string"),
    ("SELECT Id FROM Lead WHERE DoNotCall = 'true'", "INVALID_FIELD",
     "field 'DoNotCall' must be of type boolean and should not be enclosed in quotes"),
    ("SELECT Id FROM Lead WHERE DoNotCall = 1", "INVALID_FIELD", "must be of type boolean"),
    ("SELECT Id FROM Lead WHERE CreatedDate > '2024-01-01T00:00:00Z'", "INVALID_FIELD",
     "field 'CreatedDate' must be of type dateTime and should not be enclosed in quotes"),
    ("SELECT Id FROM Lead WHERE CreatedDate > 2024-01-01", "INVALID_FIELD",
     "must be of type dateTime"),
    ("SELECT Id FROM Lead WHERE ConvertedDate > 2024-01-01T00:00:00Z", "INVALID_FIELD",
     "field 'ConvertedDate' must be of type date and should not be enclosed in quotes"),
    ("SELECT Id FROM Lead WHERE OwnerId = 5", "INVALID_FIELD",
     "field 'OwnerId' must be of type id and should be enclosed in quotes"),
    ("SELECT Id FROM Lead WHERE ConvertedDate = 2024-02-30", "MALFORMED_QUERY",
     "invalid date: 2024-02-30"),
    ("SELECT Id FROM Lead WHERE CreatedDate = 2024-01-01T25:00:00Z", "MALFORMED_QUERY",
     "invalid dateTime: 2024-01-01T25:00:00Z"),
    ("SELECT Id FROM Lead WHERE CreatedDate = 2024-01-01T00:00:00+99:00", "MALFORMED_QUERY",
     "invalid dateTime"),
    ("SELECT Id FROM Lead WHERE CreatedDate = 9999-12-31T23:00:00-05:00", "MALFORMED_QUERY",
     "invalid dateTime"),
    ("SELECT Id FROM Lead WHERE Id = 'abc'", "INVALID_QUERY_FILTER_OPERATOR",
     "invalid ID field: abc"),
    ("SELECT Id FROM Lead WHERE OwnerId IN ('00Q5g0000000001EAA', 'nope')",
     "INVALID_QUERY_FILTER_OPERATOR", "invalid ID field: nope"),
    ("SELECT Id FROM Lead WHERE Id LIKE '00Q%'", "INVALID_QUERY_FILTER_OPERATOR",
     "invalid operator on id field"),
    ("SELECT Id FROM Lead WHERE NumberOfEmployees LIKE '1%'", "INVALID_QUERY_FILTER_OPERATOR",
     "invalid operator on int field"),
    ("SELECT Id FROM Lead WHERE DoNotCall > false", "INVALID_QUERY_FILTER_OPERATOR",
     "invalid operator on boolean field"),
    ("SELECT Id FROM Lead WHERE LastName LIKE 5", "INVALID_FIELD", "must be of type string"),
    ("SELECT Id FROM Lead WHERE LastName LIKE null", "INVALID_FIELD", "must be of type string"),
    ("SELECT Id FROM Lead WHERE AnnualRevenue > null", "MALFORMED_QUERY",
     "null can only be compared with = or !="),
    ("SELECT Id FROM Lead WHERE CreatedDate IN (TODAY)", "MALFORMED_QUERY",
     "date literals such as TODAY in IN lists are not supported"),
    ("SELECT Id FROM Lead WHERE CreatedDate = LAST_N_DAYS:999999", "MALFORMED_QUERY",
     "outside the supported range of dates"),
    ("SELECT Id FROM Lead WHERE AnnualRevenue > " + "9" * 400 + ".5", "MALFORMED_QUERY",
     "number out of range"),
])
def test_semantic_errors(catalog: Catalog, soql: str, code: str, message: str) -> None:
    err = error(catalog, soql)
    assert err.error_code == code
    assert message in err.message
    assert err.position is not None


def test_huge_integers_compare_as_doubles(catalog: Catalog, db: sqlite3.Connection) -> None:
    assert ids_of(db, catalog, "WHERE NumberOfEmployees < 99999999999999999999999") == [
        L[0], L[2], L[3]]


# -- limits of the generated SQL -------------------------------------------------------


def test_long_or_chains_and_in_lists_run(catalog: Catalog, db: sqlite3.Connection) -> None:
    chain = " OR ".join(f"NumberOfEmployees = {n}" for n in range(3000))
    assert ids_of(db, catalog, f"WHERE {chain}") == [L[0], L[2], L[3]]
    many = ", ".join(f"'{ids.make_id('00Q', n)}'" for n in range(100, 4000))
    assert ids_of(db, catalog, f"WHERE Id IN ({many})") == []
    assert ids_of(db, catalog, f"WHERE Id NOT IN ({many})") == LIVE


def test_in_lists_are_deduplicated(catalog: Catalog) -> None:
    cq = compile_(catalog, "SELECT Id FROM Lead WHERE LastName IN ('a', 'a', 'b', 'a')")
    assert cq.params == ["a", "b"]


@pytest.mark.parametrize("with_not", [False, True])
def test_deepest_accepted_where_runs_and_deeper_is_refused(
    catalog: Catalog, db: sqlite3.Connection, with_not: bool
) -> None:
    def nested(depth: int) -> str:
        cond = "Rating = 'x'"
        for n in range(depth):
            op = "OR" if n % 2 else "AND"
            inner = f"NOT ({cond})" if with_not else f"({cond})"
            cond = f"Rating != 'y{n}' {op} {inner}"
        return cond

    accepted = 0
    for depth in range(1, 60):
        try:
            cq = compile_(catalog, f"SELECT Id FROM Lead WHERE {nested(depth)}")
        except SoqlError as exc:
            assert exc.error_code == "MALFORMED_QUERY"
            assert "too complex" in exc.message or "nested too deeply" in exc.message
            break
        # every accepted query is one SQLite's parser copes with
        db.execute(cq.sql(), cq.params).fetchall()
        db.execute(cq.count_sql(), cq.params).fetchall()
        accepted = depth
    assert 15 <= accepted < 59
