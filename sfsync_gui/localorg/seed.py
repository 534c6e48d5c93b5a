"""Seed data for the local org: the hand-made demo set, or N realistic Leads and their world.

:func:`seed` runs once on an empty database, after ``storage.create_tables``:

* ``"demo"`` — a few hundred records a new user can read in a window and that exercise what
  a sync must handle: every Lead status, converted Leads with the Contact, Account and
  Opportunity made for them, merges and deletes in the recycle bin, Lead/Contact email
  duplicates, values at their maximum lengths, accented names in five languages, and
  groups of records that share one ``SystemModstamp``.
* an integer ``N`` — N Leads plus Users, Accounts, Contacts, Opportunities, contact roles,
  Campaigns and members, Tasks, Events and Subscriptions in proportion; deterministic
  (``random.Random(N)``) and fast enough for millions of rows. ``0`` seeds only the two
  users the server needs.

Records satisfy the catalog's rules (required fields, lengths, restricted picklists, email
format, Hot leads have a phone) and Salesforce's habits: ``CreatedDate <= LastModifiedDate
<= SystemModstamp``, a converted Lead's stamps equal those of the records its conversion
created, deleting is a record's last change, live records never point at deleted ones, and
(in the bulk seed) Ids grow with creation time.
"""

from __future__ import annotations

import bisect
import gc
import logging
import multiprocessing
import multiprocessing.connection
import pickle
import queue
import random
import re
import sqlite3
import sys
import threading
import time
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import TypeVar

from . import seed_names as names
from .ids import checksum_suffix, make_id
from .schema import SALUTATIONS, Catalog, FieldType, ObjectDef
from .storage import qi

#: Per-table timings at DEBUG (``benchmarks/bench_seed.py`` reads them), the total at INFO.
log = logging.getLogger(__name__)

ADMIN_NUMBER = 1
SYNC_NUMBER = 2

_T = TypeVar("_T")

DAY_MS = 86_400_000
HOUR_MS = 3_600_000
MINUTE_MS = 60_000


@dataclass(frozen=True)
class SeedUser:
    """One of the two users the server knows credentials for.

    ``profile`` is ``"System Administrator"`` or ``"Integration User"``.
    """

    username: str
    first_name: str
    last_name: str
    email: str
    profile: str


@dataclass
class SeedSummary:
    """What :func:`seed` wrote: rows per object, deleted rows included."""

    counts: dict[str, int]


def seed(
    conn: sqlite3.Connection, catalog: Catalog, spec: str | int, *, now: datetime,
    admin: SeedUser, sync_user: SeedUser,
) -> SeedSummary:
    """Fill an empty org database (tables made by ``storage.create_tables``).

    Args:
        conn: the org's connection, in autocommit mode; the seed runs in one transaction.
        catalog: the org's objects.
        spec: ``"demo"``, or a number of Leads (an int or a string of digits).
        now: the org's current time; every stamp is at or before it.
        admin: the administrator; its User is ``make_id("005", 1)``.
        sync_user: the integration user; its User is ``make_id("005", 2)``.

    Return:
        Rows written per object. ``_id_counters`` is left at the next free number of
        every key prefix, so the server continues numbering after the seed.
    """
    if isinstance(spec, str) and spec.isdigit():
        spec = int(spec)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    builder: _Builder
    if spec == "demo":
        builder = _Demo(conn, catalog, now, admin, sync_user)
    elif isinstance(spec, int) and not isinstance(spec, bool) and spec >= 0:
        builder = _Bulk(conn, catalog, now, admin, sync_user, spec)
    else:
        raise ValueError(f"seed spec must be 'demo' or a number of Leads, not {spec!r}")
    started = time.perf_counter()
    conn.execute("BEGIN")
    try:
        builder.build()
        counts = _finish(conn, catalog, str(spec))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    log.info("seeded %r: %d records in %.1f s", spec, sum(counts.values()),
             time.perf_counter() - started)
    return SeedSummary(counts)


# ---------------------------------------------------------------------------------------
# Ids, times and text helpers shared by both seeds

_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def id_range(key_prefix: str, count: int, first: int = 1) -> list[str]:
    """``[make_id(key_prefix, n) for n in range(first, first + count)]``, much faster.

    Consecutive numbers differ only in the last Id character and the last checksum
    character, so one ``make_id`` call serves a block of 62 numbers.
    """
    out: list[str] = []
    n, stop = first, first + count
    while n < stop:
        block = n - n % 62
        head = make_id(key_prefix, block)[:14]
        upper = checksum_suffix(head + "A")
        lower = checksum_suffix(head + "a")
        end = min(stop, block + 62)
        out.extend(
            head + c + (upper if "A" <= c <= "Z" else lower)
            for c in _BASE62[n - block : end - block]
        )
        n = end
    return out


@cache
def _clock_faces() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every ``HH:MM:SS.`` of a day and every ``fff+0000``: a stamp is three lookups."""
    hms = tuple(
        f"{h:02d}:{m:02d}:{s:02d}." for h in range(24) for m in range(60) for s in range(60)
    )
    millis = tuple(f"{ms:03d}+0000" for ms in range(1000))
    return hms, millis


class _Stamps:
    """Formats epoch milliseconds as ``storage.format_datetime`` does, without strftime.

    Covers the days from ``first_ms`` to ``last_ms``; the seeds keep inside that window.
    """

    def __init__(self, first_ms: int, last_ms: int) -> None:
        first_day = first_ms // DAY_MS
        self.base = first_day * DAY_MS
        self.end = (last_ms // DAY_MS + 1) * DAY_MS
        start = date(1970, 1, 1) + timedelta(days=first_day)
        count = last_ms // DAY_MS - first_day + 1
        self.dates = tuple((start + timedelta(days=i)).isoformat() for i in range(count))
        self.dt = self._formatter()

    def _formatter(self) -> Callable[[int], str]:
        # A closure over locals: this runs a few million times in a big seed, and local
        # lookups are the cheapest Python has.
        base, end = self.base, self.end
        day_heads = tuple(d + "T" for d in self.dates)
        hms, millis = _clock_faces()

        def dt(ms: int) -> str:
            """``YYYY-MM-DDTHH:MM:SS.fff+0000``."""
            if not base <= ms < end:
                raise ValueError(f"{ms} is outside the seed's time window")
            rest = ms - base
            return day_heads[rest // 86_400_000] + hms[rest // 1000 % 86_400] + millis[rest % 1000]

        return dt

    def date(self, ms: int) -> str:
        """``YYYY-MM-DD`` of the UTC day ``ms`` falls in."""
        if not self.base <= ms < self.end:
            raise ValueError(f"{ms} is outside the seed's time window")
        return self.dates[(ms - self.base) // DAY_MS]


_FOLD = str.maketrans({
    "ß": "ss", "ẞ": "SS", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "ł": "l", "Ł": "L", "ı": "i", "đ": "d", "Đ": "D", "þ": "th",
})


def ascii_slug(text: str, sep: str = "") -> str:
    """Lower-case ASCII letters and digits: ``"Núñez de Balboa"`` -> ``"nunezdebalboa"``.

    Words are joined with ``sep``. Used for email addresses, usernames and domains, which
    the demo keeps in plain ASCII as most real mail systems still require.
    """
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD)).lower()
    # Accents become combining marks after NFKD and go; anything else not a letter or
    # digit separates words.
    words = "".join(
        ch if ch.isascii() and ch.isalnum() else "" if unicodedata.combining(ch) else " "
        for ch in folded
    ).split()
    if not sep:
        # "O'Brien", "van 't Hof": apostrophes and spaces inside a name vanish.
        return "".join(words)
    return sep.join(words)


@cache
def _slug(words: str) -> str:
    """``ascii_slug(words, "-")``, remembered: company names reuse a few hundred words."""
    return ascii_slug(words, "-")


_LETTERS = "ABCDEFGHJKLMNPRSTUVWXZ"  # postal-code letters (no I, O, Q, Y)


def fill_pattern(pattern: str, rnd: Callable[[], float]) -> str:
    """Replace ``#`` with a digit and ``@`` with an upper-case letter."""
    if "@" not in pattern:
        return fill_digits(pattern, rnd)
    return "".join(
        "0123456789"[int(rnd() * 10)] if ch == "#"
        else _LETTERS[int(rnd() * len(_LETTERS))] if ch == "@" else ch
        for ch in pattern
    )


@cache
def _digit_template(pattern: str) -> tuple[str, tuple[int, ...]]:
    """``"+34 6## ###"`` -> (``"+34 6%02d %03d"``, (100, 1000)) for :func:`fill_digits`."""
    runs = re.findall(r"#+", pattern)
    template = re.sub(r"#+", lambda m: f"%0{len(m.group())}d", pattern.replace("%", "%%"))
    return template, tuple(10 ** len(run) for run in runs)


def fill_digits(pattern: str, rnd: Callable[[], float]) -> str:
    """:func:`fill_pattern` for patterns with ``#`` only, several times faster."""
    template, sizes = _digit_template(pattern)
    return template % tuple([int(rnd() * size) for size in sizes])


def full_name(first: str | None, last: str) -> str:
    """Salesforce's compound ``Name``: ``"First Last"``, or ``Last`` with no first name."""
    return f"{first} {last}" if first else last


def fit(text: str, length: int) -> str:
    """``text`` repeated and cut to exactly ``length`` characters, never ending in a space."""
    out = (text * (length // max(1, len(text)) + 1))[:length]
    if out.endswith(" "):
        out = out[:-1] + "x"
    return out


def _bag(weights: dict[object, int]) -> tuple:
    """A tuple in which each value appears ``weight`` times: a weighted draw is one index."""
    return tuple(value for value, weight in weights.items() for _ in range(weight))


@dataclass(slots=True)
class _Person:
    locale: str
    first: str
    last: str
    local: str  #: email local part, ``first.last`` in ASCII
    name: str  #: ``first last``


def _person(locale: str, first: str, last: str) -> _Person:
    return _Person(locale, first, last, f"{ascii_slug(first)}.{ascii_slug(last)}",
                   full_name(first, last))


@dataclass(slots=True)
class _Company:
    locale: str
    name: str
    domain: str
    street: str
    city: str
    state: str
    postal: str
    country: str
    phone: str
    website: str
    industry: str
    employees: int
    revenue: float
    #: street, city, state, postal code, country: the order of the address fields
    address: tuple[str, str, str, str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.address = (self.street, self.city, self.state, self.postal, self.country)


_LANG_NAMES = {"es": "Español", "it": "Italiano", "nl": "Nederlands", "fr": "Français",
               "en": "English"}
_AND = {"es": "y", "it": "e", "nl": "&", "fr": "et", "en": "&"}
_INDUSTRY = _bag({"Agriculture": 4, "Banking": 3, "Consulting": 9, "Education": 4,
                  "Energy": 4, "Finance": 5, "Healthcare": 7, "Manufacturing": 14,
                  "Media": 5, "Retail": 12, "Technology": 14, "Other": 6})
_LOCALE_BAG = _bag(dict(names.LOCALE_WEIGHTS))


class _Pools:
    """People and companies drawn once per seed; rows pick from them by index.

    Each person and company belongs to one locale, and a lead takes both from the same
    locale, so names, company, address, phone and language agree.
    """

    #: More companies than this and the name space gets crowded; accounts beyond it
    #: reuse a company with a branch number, as real orgs' duplicate accounts do.
    MAX_COMPANIES = 120_000

    def __init__(self, rng: random.Random) -> None:
        self.people = {
            loc: [
                _person(loc, first, last)
                for first in names.FIRST_NAMES[loc]
                for last in names.LAST_NAMES[loc]
            ]
            for loc in names.LOCALES
        }
        for group in self.people.values():
            rng.shuffle(group)
        self.companies: list[_Company] = []
        self.by_locale: dict[str, list[_Company]] = {loc: [] for loc in names.LOCALES}
        self._domains: set[str] = set()

    def add_companies(self, rng: random.Random, count: int) -> None:
        """Make ``count`` more companies (at most ``MAX_COMPANIES`` in all)."""
        for _ in range(min(count, self.MAX_COMPANIES - len(self.companies))):
            company = self._company(rng, _LOCALE_BAG[int(rng.random() * len(_LOCALE_BAG))])
            self.companies.append(company)
            self.by_locale[company.locale].append(company)

    def _company(self, rng: random.Random, loc: str) -> _Company:
        r = rng.random
        kinds = names.COMPANY_KINDS[loc]
        surnames = names.LAST_NAMES[loc]
        cities = names.CITIES[loc]
        while True:
            kind = kinds[int(r() * len(kinds))]
            place = cities[int(r() * len(cities))]
            x = r()
            if x < 0.15:
                core = place[0]  # named after its town
            elif x < 0.4:
                one, two = (int(r() * len(surnames)), int(r() * (len(surnames) - 1)))
                two += two >= one  # two different partners
                core = f"{surnames[one]} {_AND[loc]} {surnames[two]}"
            else:
                core = surnames[int(r() * len(surnames))]
            if names.KIND_FIRST[loc]:
                words, slug = f"{kind} {core}", f"{_slug(kind)}-{_slug(core)}"
            else:
                words, slug = f"{core} {kind}", f"{_slug(core)}-{_slug(kind)}"
            domain = slug[:40].strip("-") + ".example"
            if domain not in self._domains:
                break
        self._domains.add(domain)
        suffixes = names.COMPANY_SUFFIXES[loc]
        city, state, postal, country = place
        street_names = names.STREET_NAMES[loc]
        patterns = names.STREET_PATTERNS[loc]
        street = patterns[int(r() * len(patterns))].format(
            s=street_names[int(r() * len(street_names))], n=1 + int(r() * 180)
        )
        employees = int(10 ** (1 + r() * 3.7))
        return _Company(
            locale=loc,
            name=f"{words} {suffixes[int(r() * len(suffixes))]}",
            domain=domain,
            street=street,
            city=city,
            state=state,
            postal=fill_pattern(postal, r),
            country=country,
            phone=fill_digits(names.OFFICE_PHONE_BY_COUNTRY.get(country)
                              or names.PHONE_PATTERNS[loc][0], r),
            website=f"https://www.{domain}",
            industry=_INDUSTRY[int(r() * len(_INDUSTRY))],
            employees=employees,
            revenue=float(round(employees * (40_000 + r() * 160_000), -3)),
        )


# ---------------------------------------------------------------------------------------
# Writing rows


class _Table:
    """One prepared INSERT with a fixed column order for one object's table.

    Refuses columns the object lacks and a column list that leaves a non-nillable field
    out (it would be NULL), so a typo in a seeder fails at once, not in a later test.

    With ``blank_is_null`` nillable columns are written through ``NULLIF(?, '')`` and rows
    carry ``""`` for NULL: CPython's sqlite3 binds ``None`` through its adapter protocol,
    measured here at ~0.3 µs a value against ~0.13 µs for a string, and the bulk seed binds
    tens of millions of them. Salesforce has no empty strings either: blank is null.
    """

    def __init__(self, conn: sqlite3.Connection, obj: ObjectDef, columns: Sequence[str],
                 *, blank_is_null: bool = False) -> None:
        unknown = [c for c in columns if c != "_deleted_at" and obj.field(c) is None]
        if unknown:
            raise ValueError(f"{obj.name} has no fields {unknown}")
        missing = [f.name for f in obj.fields if not f.nillable and f.name not in columns]
        if missing:
            raise ValueError(f"{obj.name}: non-nillable fields {missing} have no column")
        marks = []
        for c in columns:
            f = obj.field(c)
            nillable = f is None or f.nillable
            marks.append("NULLIF(?, '')" if blank_is_null and nillable else "?")
        self.conn = conn
        self.obj = obj
        self.columns = tuple(columns)
        self.sql = (
            f"INSERT INTO {qi(obj.name)} ({', '.join(qi(c) for c in columns)}) "
            f"VALUES ({', '.join(marks)})"
        )

    def write(self, rows: Iterable[tuple]) -> None:
        """Insert ``rows`` (a generator is consumed as SQLite takes the rows)."""
        started = time.perf_counter()
        count = self.conn.executemany(self.sql, rows).rowcount
        log.debug("table %s: %d rows in %.3f s", self.obj.name, count,
                  time.perf_counter() - started)


def _write_dicts(conn: sqlite3.Connection, obj: ObjectDef, records: list[dict]) -> None:
    """Insert records given as ``{field: stored value}``; other fields get their default
    (booleans 0/1, defaulted picklists their default, everything else NULL)."""
    columns = [f.name for f in obj.fields]
    defaults = []
    for f in obj.fields:
        value = f.default
        if f.type is FieldType.BOOLEAN:
            value = int(bool(value))
        defaults.append(value)
    if obj.has_recycle_bin:
        columns.append("_deleted_at")
        defaults.append(None)
    for rec in records:
        unknown = set(rec) - set(columns)
        if unknown:
            raise ValueError(f"{obj.name} has no fields {sorted(unknown)}")
    table = _Table(conn, obj, columns)
    table.write(
        tuple(rec.get(c, d) for c, d in zip(columns, defaults, strict=True)) for rec in records
    )


def _finish(conn: sqlite3.Connection, catalog: Catalog, spec: str) -> dict[str, int]:
    """Campaign member counts, Id counters and the seed's own facts; rows per object."""
    # Leads/Contacts in Campaign count the live members that name a Lead / a Contact (a
    # converted Lead's membership names both and counts in both).
    conn.execute(
        'UPDATE "Campaign" SET '
        '"NumberOfLeads" = (SELECT count(*) FROM "CampaignMember" m WHERE m."CampaignId" = '
        '"Campaign"."Id" AND m."IsDeleted" = 0 AND m."LeadId" IS NOT NULL), '
        '"NumberOfContacts" = (SELECT count(*) FROM "CampaignMember" m WHERE m."CampaignId" = '
        '"Campaign"."Id" AND m."IsDeleted" = 0 AND m."ContactId" IS NOT NULL)'
    )
    counts: dict[str, int] = {}
    for obj in catalog:
        if obj.setup or obj.key_prefix is None:
            continue
        (count,) = conn.execute(f"SELECT count(*) FROM {qi(obj.name)}").fetchone()
        counts[obj.name] = count
        # Seeded Ids are numbered 1..count, so the server's next number is count + 1.
        conn.execute(
            "INSERT INTO _id_counters(prefix, next) VALUES (?, ?) "
            "ON CONFLICT(prefix) DO UPDATE SET next = max(next, excluded.next)",
            (obj.key_prefix, count + 1),
        )
    conn.execute(
        "INSERT INTO _meta(key, value) VALUES ('seed', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (spec,),
    )
    return counts


# ---------------------------------------------------------------------------------------
# What both seeds share: time window, users, pools


class _Builder:
    """Common state of a seed run."""

    def __init__(self, conn: sqlite3.Connection, catalog: Catalog, now: datetime,
                 admin: SeedUser, sync_user: SeedUser, rng: random.Random,
                 companies: int) -> None:
        self.conn = conn
        self.catalog = catalog
        self.rng = rng
        self.r = rng.random
        self.now_ms = int(now.astimezone(UTC).timestamp() * 1000)
        self.today = now.astimezone(UTC).date()
        # Records are created in the two years before now; users a little earlier; close
        # dates and events reach into the future.
        self.t0 = self.now_ms - 730 * DAY_MS
        self.fmt = _Stamps(self.now_ms - 1100 * DAY_MS, self.now_ms + 800 * DAY_MS)
        self.admin_user = admin
        self.sync_seed_user = sync_user
        self.admin_id = make_id("005", ADMIN_NUMBER)
        self.sync_id = make_id("005", SYNC_NUMBER)
        self.pools = _Pools(rng)
        self.pools.add_companies(rng, companies)

    def build(self) -> None:
        raise NotImplementedError

    def obj(self, name: str) -> ObjectDef:
        obj = self.catalog.get(name)
        if obj is None:
            raise KeyError(name)
        return obj

    def pick(self, seq: Sequence[_T]) -> _T:
        """A uniformly chosen element (``seq`` must not be empty)."""
        return seq[int(self.r() * len(seq))]

    def users(self, reps: Sequence[tuple[_Person, bool]]) -> list[str]:
        """Write the admin, the sync user and ``reps`` (person, active); return rep Ids.

        The two fixed users are created together, before everything else (their stamps
        are equal: one transaction), by the admin.
        """
        fmt = self.fmt
        created = self.t0 - 120 * DAY_MS
        org_domain = self.admin_user.username.rpartition("@")[2] or "sfsync.local"
        mail_domain = self.admin_user.email.rpartition("@")[2] or "sfsync.example"
        records = []
        for number, user in ((ADMIN_NUMBER, self.admin_user),
                             (SYNC_NUMBER, self.sync_seed_user)):
            stamp = fmt.dt(created)
            records.append({
                "Id": make_id("005", number), "Username": user.username,
                "LastName": user.last_name, "FirstName": user.first_name or None,
                "Name": full_name(user.first_name, user.last_name),
                "Alias": _alias(user.first_name, user.last_name), "Email": user.email,
                "IsActive": 1, "TimeZoneSidKey": "Europe/Paris", "ProfileName__c": user.profile,
                "Title": "Salesforce Administrator" if number == ADMIN_NUMBER
                else "Integration", "CompanyName": "sfsync demo",
                "CreatedDate": stamp, "CreatedById": self.admin_id,
                "LastModifiedDate": stamp, "LastModifiedById": self.admin_id,
                "SystemModstamp": stamp,
            })
        used = {self.admin_user.username.lower(), self.sync_seed_user.username.lower()}
        rep_ids = id_range("005", len(reps), first=3)
        for i, (person, active) in enumerate(reps):
            local = person.local
            k = 1
            while f"{local}@{org_domain}" in used:
                k += 1
                local = f"{person.local}{k}"
            used.add(f"{local}@{org_domain}")
            # Sales reps join between the org's start and the first customer records.
            made = created + (i + 1) * 119 * DAY_MS // (len(reps) + 1) + int(self.r() * HOUR_MS)
            changed = made if active else self.t0 + int(self.r() * 300 * DAY_MS)
            records.append({
                "Id": rep_ids[i], "Username": f"{local}@{org_domain}",
                "LastName": person.last, "FirstName": person.first,
                "Name": full_name(person.first, person.last),
                "Alias": _alias(person.first, person.last),
                "Email": f"{local}@{mail_domain}", "IsActive": int(active),
                "Title": "Account Executive", "Department": "Sales",
                "CompanyName": "sfsync demo", "TimeZoneSidKey": names.TIME_ZONE[person.locale],
                "ProfileName__c": "Standard User",
                "CreatedDate": fmt.dt(made), "CreatedById": self.admin_id,
                "LastModifiedDate": fmt.dt(changed), "LastModifiedById": self.admin_id,
                "SystemModstamp": fmt.dt(changed),
            })
        _write_dicts(self.conn, self.obj("User"), records)
        return rep_ids


def _alias(first: str | None, last: str) -> str:
    """Salesforce's default alias: first initial plus the start of the last name."""
    return (ascii_slug(first or "")[:1] + ascii_slug(last))[:8] or "user"


# ---------------------------------------------------------------------------------------
# N Leads and their world. Rows carry "" for NULL (see _Table's blank_is_null).


_STAGE_PROBABILITY = {"Prospecting": 10.0, "Qualification": 10.0, "Needs Analysis": 20.0,
                      "Proposal/Price Quote": 75.0, "Negotiation/Review": 90.0,
                      "Closed Won": 100.0, "Closed Lost": 0.0}
_OPEN_STAGES = ("Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote",
                "Negotiation/Review")
_LEAD_STATUS = _bag({"Open - Not Contacted": 45, "Working - Contacted": 30,
                     "Closed - Not Converted": 25})
_RATING = _bag({"Hot": 12, "Warm": 28, "Cold": 25, "": 35})
_LEAD_SOURCE = _bag({"Web": 40, "Phone Inquiry": 15, "Partner Referral": 12,
                     "Purchased List": 18, "Other": 5, "": 10})
_PRODUCT = _bag({"Sync Basic": 25, "Sync Pro": 20, "Sync Enterprise": 10, "": 45})
_ACCOUNT_TYPE = _bag({"Prospect": 40, "Customer - Direct": 30, "Customer - Channel": 10,
                      "Channel Partner / Reseller": 10, "Other": 10})
_OPP_TYPE = _bag({"New Customer": 60, "Existing Customer - Upgrade": 25,
                  "Existing Customer - Renewal": 15})
_LEVEL = _bag({"Primary": 30, "Secondary": 30, "Tertiary": 15, "": 25})
_MEMBER_STATUS = _bag({"Planned": 10, "Sent": 45, "Received": 25, "Responded": 20})
_PRIORITY = _bag({"High": 15, "Normal": 70, "Low": 15})
_OPEN_TASK = ("Not Started", "In Progress", "Waiting on someone else", "Deferred")
_SHOW_AS = _bag({"Busy": 80, "OutOfOffice": 5, "Free": 15})
_PLAN = _bag({"Monthly": 50, "Quarterly": 20, "Yearly": 30})
_PLAN_PRICE = {"Monthly": 49.0, "Quarterly": 45.0, "Yearly": 39.0}
_PRODUCTS = ("Sync Basic", "Sync Pro", "Sync Enterprise")
_ROLES = ("Business User", "Decision Maker", "Economic Buyer", "Technical Buyer",
          "Influencer", "Other")

_LEAD_COLUMNS = (
    "Id", "LastName", "FirstName", "Name", "Title", "Company", "Street", "City", "State",
    "PostalCode", "Country", "Phone", "MobilePhone", "Email", "Website", "Description",
    "LeadSource", "Status", "Industry", "Rating", "AnnualRevenue", "NumberOfEmployees",
    "HasOptedOutOfEmail", "DoNotCall", "IsConverted", "ConvertedDate", "ConvertedAccountId",
    "ConvertedContactId", "ConvertedOpportunityId", "IsUnreadByOwner", "EmailBouncedReason",
    "EmailBouncedDate", "OwnerId", "IsDeleted", "CreatedDate", "CreatedById",
    "LastModifiedDate", "LastModifiedById", "SystemModstamp", "Lead_Score__c",
    "Product_Interest__c", "Preferred_Language__c", "Partner_Code__c", "Newsletter__c",
    "_deleted_at",
)
#: The audit columns every bulk table ends with, in the order ``_Bulk.audit`` returns.
_AUDIT = ("OwnerId", "IsDeleted", "CreatedDate", "CreatedById", "LastModifiedDate",
          "LastModifiedById", "SystemModstamp", "_deleted_at")
_AUDIT_NO_OWNER = _AUDIT[1:]


#: The bulk seed's tables in the order it writes them; indexes of the first five are
#: rebuilt as soon as Leads are in.
_BULK_TABLES = ("Account", "Campaign", "Contact", "Opportunity", "Lead", "CampaignMember",
                "OpportunityContactRole", "Task", "Event", "Subscription__c")

#: A table's rows: (object name, columns, rows).
_Rows = tuple[str, tuple[str, ...], list[tuple]]


@dataclass
class _Made:
    """What later objects need to know about one object's seeded records (by index)."""

    ids: list[str]
    created: list[int]
    live: list[int]
    owner: list[str]


class _Bulk(_Builder):
    """N Leads plus proportional related records, deterministic in N."""

    DELETED = 0.005  #: share of records in the recycle bin
    #: Below this many Leads, dropping and rebuilding the indexes gains nothing.
    DROP_INDEXES_FROM = 20_000
    #: From this many Leads, they are generated in a forked process (where there is fork).
    FORK_FROM = 20_000

    def __init__(self, conn: sqlite3.Connection, catalog: Catalog, now: datetime,
                 admin: SeedUser, sync_user: SeedUser, n: int) -> None:
        # Companies are made in tables(): in the child process, when there is one.
        super().__init__(conn, catalog, now, admin, sync_user, random.Random(n), companies=0)
        self.n = n
        # System jobs (a nightly recalculation, a data-quality run) touch many records at
        # one instant: their SystemModstamp moves, LastModifiedDate does not.
        self.jobs = tuple(self.now_ms - d for d in (3 * DAY_MS + 2 * HOUR_MS,
                                                    9 * DAY_MS + 5 * HOUR_MS, 20 * DAY_MS))
        self.emails: set[str] = set()

    # -- shared pieces ---------------------------------------------------------------------

    def times(self, count: int) -> list[int]:
        """Sorted creation times over the two years; about one in twelve equals the one
        before it (records inserted by one transaction share their stamps)."""
        r, t0, span = self.r, self.t0, self.now_ms - self.t0
        out = sorted([t0 + int(r() * span) for _ in range(count)])
        for i in range(1, count):
            if r() < 0.08:
                out[i] = out[i - 1]
        return out

    def after(self, *moments: int, within: int = 30 * DAY_MS) -> int:
        """A moment up to ``within`` after the latest of ``moments``, never after now."""
        return min(self.now_ms, max(moments) + int(self.r() * within))

    def life(self, created: int, owner: str, *, deletable: bool = True,
             ) -> tuple[str, int, str, int, int | None]:
        """(CreatedById, LastModifiedDate, LastModifiedById, SystemModstamp, deleted at)."""
        r, now = self.r, self.now_ms
        x = r()
        by = owner if x < 0.6 else self.admin_id if x < 0.85 else self.sync_id
        if r() < self.DELETED and deletable:
            # Deleted within the recycle bin's 15 days; deleting stamps the record.
            gone = max(created, now - int(r() * 15 * DAY_MS))
            return by, gone, owner, gone, gone
        x = r()
        if x < 0.4:
            modified, modified_by = created, by
        else:
            modified = created + int(r() * (now - created))
            modified_by = owner if x < 0.75 else self.sync_id
        system = modified
        x = r()
        if x < 0.08:
            system = modified + int(r() * (now - modified))
        elif x < 0.11:
            job = self.jobs[int(r() * len(self.jobs))]
            if job >= modified:
                system = job
        return by, modified, modified_by, system, None

    def audit(self, created: int, owner: str, *, deletable: bool = True) -> tuple:
        """The values of ``_AUDIT`` for a record created at ``created``."""
        dt = self.fmt.dt
        by, modified, modified_by, system, gone = self.life(created, owner,
                                                            deletable=deletable)
        c = dt(created)
        m = c if modified == created else dt(modified)
        return (owner, int(gone is not None), c, by, m, modified_by,
                m if system == modified else dt(system), "" if gone is None else m)

    def unique_email(self, local: str, domain: str) -> str:
        """``local@domain``, numbered when taken: no two seeded people share an email."""
        email = f"{local}@{domain}"
        if email in self.emails:
            k = 2
            while f"{local}{k}@{domain}" in self.emails:
                k += 1
            email = f"{local}{k}@{domain}"
        self.emails.add(email)
        return email

    def birthdate(self) -> str:
        """A date of birth 25 to 65 years ago (the org's rule: in the past)."""
        return (self.today - timedelta(days=int((25 + self.r() * 40) * 365.25))).isoformat()

    def write(self, name: str, columns: Sequence[str], rows: Iterable[tuple]) -> None:
        _Table(self.conn, self.obj(name), columns, blank_is_null=True).write(rows)

    # -- the run ---------------------------------------------------------------------------

    def build(self) -> None:
        """Users, then :meth:`tables` (in a forked child for big seeds on Linux), with the
        indexes dropped and rebuilt around a big load."""
        n = self.n
        people = self.pools.people
        reps = []
        for i in range(max(5, n // 2000) - 2 if n else 0):
            loc = names.LOCALES[i % len(names.LOCALES)]
            group = people[loc]
            # A few reps have left the company; their records keep them as owner.
            reps.append((group[(i // len(names.LOCALES)) % len(group)],
                         i < 3 or self.r() >= 0.1))
        self.owners = self.users(reps)
        if n == 0:
            return
        saved = _drop_indexes(self.conn, _BULK_TABLES) if n >= self.DROP_INDEXES_FROM else {}
        if n >= self.FORK_FROM and _can_fork():
            # A forked copy of this process generates every row while this one binds and
            # inserts them and builds the indexes: the work splits over two cores.
            tables: Iterable[tuple[str, Sequence[str], Iterable[tuple]]] = _ForkedTables(
                self.tables())
        else:
            tables = self.tables()
        try:
            for name, columns, rows in tables:
                self.write(name, columns, rows)
                if name == "Lead" and saved:
                    # Meanwhile the child goes on with the objects that hang off Leads.
                    _rebuild_indexes(self.conn, _indexes_of(saved, _BULK_TABLES[:5]))
        finally:
            if isinstance(tables, _ForkedTables):
                tables.close()
        if saved:
            _rebuild_indexes(self.conn, _indexes_of(saved, _BULK_TABLES[5:]))

    def tables(self) -> Iterator[_Rows | tuple[str, tuple[str, ...], Iterator[tuple]]]:
        """Every table's rows, in an order where each record's references exist before
        it. Each table's rows must be taken before the next table is asked for."""
        self.pools.add_companies(self.rng, max(300, self.n // 8))
        yield self.accounts()
        yield self.campaigns()
        yield self.contacts()
        # Leads are timed before opportunities: a conversion makes its opportunity.
        self.lead_created = self.times(self.n)
        self.converted = self.conversions(self.lead_created)
        yield self.opportunities()
        yield self.leads()
        yield self.members()
        yield self.contact_roles()
        yield self.tasks()
        yield self.events()
        yield self.subscriptions()

    def accounts(self) -> _Rows:
        r, pick = self.r, self.pick
        count = self.n // 10
        created = self.times(count)
        ids = id_range("001", count)
        companies = self.pools.companies
        live: list[int] = []
        owners: list[str] = []
        self.account_company: list[_Company] = []
        rows = []
        for i in range(count):
            company = companies[i % len(companies)]
            name = company.name
            if i >= len(companies):
                name = f"{name} ({i // len(companies) + 1})"
            owner = pick(self.owners)
            audit = self.audit(created[i], owner)
            address = (company.street, company.city, company.state, company.postal,
                       company.country)
            rows.append((
                ids[i], name, pick(_ACCOUNT_TYPE),
                ids[pick(live)] if live and r() < 0.03 else "",
                *address, *(address if r() < 0.3 else ("",) * 5),
                company.phone, company.website, company.industry,
                company.revenue if r() < 0.6 else "",
                company.employees if r() < 0.7 else "", pick(_LEAD_SOURCE), *audit,
            ))
            owners.append(owner)
            self.account_company.append(company)
            if not audit[1]:
                live.append(i)
        table = "Account", (
            "Id", "Name", "Type", "ParentId", "BillingStreet", "BillingCity", "BillingState",
            "BillingPostalCode", "BillingCountry", "ShippingStreet", "ShippingCity",
            "ShippingState", "ShippingPostalCode", "ShippingCountry", "Phone", "Website",
            "Industry", "AnnualRevenue", "NumberOfEmployees", "AccountSource", *_AUDIT,
        ), rows
        self.acc = _Made(ids, created, live, owners)
        return table

    def campaigns(self) -> _Rows:
        r, fmt, pick, now = self.r, self.fmt, self.pick, self.now_ms
        count = max(3, self.n // 5000)
        created = self.times(count)
        ids = id_range("701", count)
        live: list[int] = []
        owners: list[str] = []
        seen_names: set[str] = set()
        rows = []
        for i in range(count):
            kind, theme = names.CAMPAIGN_THEMES[i % len(names.CAMPAIGN_THEMES)]
            start = created[i] + int((7 + r() * 50) * DAY_MS)
            end = start + int((1 + r() * 90) * DAY_MS)
            name = f"{theme} {fmt.date(start)[:7]}"
            k = 1
            while name in seen_names:
                k += 1
                name = f"{theme} {fmt.date(start)[:7]} #{k}"
            seen_names.add(name)
            if end < now:
                status = "Aborted" if r() < 0.05 else "Completed"
            else:
                status = "Planned" if start > now else "In Progress"
            budget = float(round(1000 + r() * 40_000, -2))
            owner = pick(self.owners)
            audit = self.audit(created[i], owner)
            rows.append((
                ids[i], name, ids[pick(live)] if live and r() < 0.2 else "", kind, status,
                fmt.date(start), fmt.date(end), float(round(budget * (2 + r() * 8), -2)),
                budget,
                float(round(budget * (0.6 + r() * 0.5), -2)) if status == "Completed" else "",
                int(status in ("Planned", "In Progress")), *audit,
            ))
            owners.append(owner)
            if not audit[1]:
                live.append(i)
        table = "Campaign", (
            "Id", "Name", "ParentId", "Type", "Status", "StartDate", "EndDate",
            "ExpectedRevenue", "BudgetedCost", "ActualCost", "IsActive", *_AUDIT,
        ), rows
        self.camp = _Made(ids, created, live, owners)
        return table

    def contacts(self) -> _Rows:
        r, pick, now = self.r, self.pick, self.now_ms
        count = self.n // 4
        acc = self.acc
        specs = []
        for _ in range(count):
            own = self.t0 + int(r() * (now - self.t0))
            if acc.live and r() < 0.92:
                a = pick(acc.live)
                specs.append((max(own, self.after(acc.created[a], within=60 * DAY_MS)), a))
            else:
                specs.append((own, -1))  # a private contact, with no account
        specs.sort()
        ids = id_range("003", count)
        live: list[int] = []
        owners: list[str] = []
        self.contact_account: list[int] = []
        self.contact_person: list[_Person] = []
        self.contact_email: list[str] = []
        last_at_account: dict[int, int] = {}
        companies, people = self.pools.companies, self.pools.people
        account_company, account_owner, account_ids = self.account_company, acc.owner, acc.ids
        audit, unique_email, rep_ids = self.audit, self.unique_email, self.owners
        source_bag, level_bag = _LEAD_SOURCE, _LEVEL
        rows = []
        for j, (t, a) in enumerate(specs):
            company = account_company[a] if a >= 0 else companies[int(r() * len(companies))]
            loc = company.locale
            group = people[loc]
            person = group[int(r() * len(group))]
            email = unique_email(person.local, company.domain) if r() < 0.95 else ""
            # mostly the account's owner
            owner = (account_owner[a] if a >= 0 and r() < 0.8
                     else rep_ids[int(r() * len(rep_ids))])
            boss = last_at_account.get(a, -1) if a >= 0 and r() < 0.3 else -1
            langs = _LANG_NAMES[loc]
            if loc != "en" and r() < 0.5:
                langs += ", English"
            stamps = audit(t, owner)
            titles, departments = names.TITLES[loc], names.DEPARTMENTS[loc]
            rows.append((
                ids[j], account_ids[a] if a >= 0 else "", person.last, person.first,
                person.name, *company.address, company.phone if r() < 0.8 else "",
                fill_digits(names.PHONE_PATTERNS[loc][1], r) if r() < 0.35 else "",
                ids[boss] if boss >= 0 else "", email,
                titles[int(r() * len(titles))] if r() < 0.8 else "",
                departments[int(r() * len(departments))] if r() < 0.6 else "",
                self.birthdate() if r() < 0.2 else "",
                source_bag[int(r() * len(source_bag))], int(r() < 0.04), int(r() < 0.02),
                level_bag[int(r() * len(level_bag))], langs if r() < 0.7 else "",
                f"CUST-{j + 1:08d}" if r() < 0.6 else "", *stamps,
            ))
            owners.append(owner)
            self.contact_account.append(a)
            self.contact_person.append(person)
            self.contact_email.append(email)
            if not stamps[1]:
                live.append(j)
                if a >= 0:
                    last_at_account[a] = j
        table = "Contact", (
            "Id", "AccountId", "LastName", "FirstName", "Name", "MailingStreet", "MailingCity",
            "MailingState", "MailingPostalCode", "MailingCountry", "Phone", "MobilePhone",
            "ReportsToId", "Email", "Title", "Department", "Birthdate", "LeadSource",
            "HasOptedOutOfEmail", "DoNotCall", "Level__c", "Languages__c", "Customer_Id__c",
            *_AUDIT,
        ), rows
        self.con = _Made(ids, [t for t, _ in specs], live, owners)
        return table

    def opportunities(self) -> _Rows:
        r, fmt, pick, now = self.r, self.fmt, self.pick, self.now_ms
        count = self.n // 20
        acc, camp, con = self.acc, self.camp, self.con
        # Three conversions in four made an opportunity, at the conversion's instant; the
        # other opportunities belong to random live accounts.
        specs = []
        for j in self.converted.values():
            if len(specs) < count and r() < 0.75:
                specs.append((con.created[j], self.contact_account[j], j))
        while len(specs) < count:
            own = self.t0 + int(r() * (now - self.t0))
            a = pick(acc.live) if acc.live else -1
            specs.append((max(own, self.after(acc.created[a])) if a >= 0 else own, a, -1))
        specs.sort()
        ids = id_range("006", count)
        self.opp_contact: list[int] = []  # the converted contact an opportunity was made for
        self.conversion_opp: dict[int, int] = {}
        live: list[int] = []
        owners: list[str] = []
        self.opp_account: list[int] = []
        self.opp_gone: list[str] = []
        self.account_opps: dict[int, list[int]] = {}
        rows = []
        for k, (t, a, j) in enumerate(specs):
            if now - t > 90 * DAY_MS and r() < 0.75:
                stage = "Closed Won" if r() < 0.5 else "Closed Lost"
                close = fmt.date(t + int(r() * min(now - t, 120 * DAY_MS)))
            else:
                stage = pick(_OPEN_STAGES)
                close = fmt.date(now + int(r() * 180 * DAY_MS))
            seats = 5 + int(r() * 200)
            account_name = self.account_company[a].name if a >= 0 else "Private"
            owner = acc.owner[a] if a >= 0 and r() < 0.8 else pick(self.owners)
            if j >= 0:
                owner = con.owner[j]
                self.conversion_opp[j] = k
            # A converted Lead's opportunity stays: live Leads never point into the bin.
            audit = self.audit(t, owner, deletable=j < 0)
            self.opp_contact.append(j)
            rows.append((
                ids[k], acc.ids[a] if a >= 0 else "",
                f"{account_name} – {pick(_PRODUCTS)} ({seats} users)"[:120], stage,
                float(round(seats * (300 + r() * 900), -2)), _STAGE_PROBABILITY[stage], close,
                pick(_OPP_TYPE), pick(_LEAD_SOURCE), int(stage.startswith("Closed")),
                int(stage == "Closed Won"),
                camp.ids[pick(camp.live)] if camp.live and r() < 0.25 else "", *audit,
            ))
            owners.append(owner)
            self.opp_account.append(a)
            self.opp_gone.append(audit[-1])
            if not audit[1]:
                live.append(k)
                if a >= 0:
                    self.account_opps.setdefault(a, []).append(k)
        table = "Opportunity", (
            "Id", "AccountId", "Name", "StageName", "Amount", "Probability", "CloseDate",
            "Type", "LeadSource", "IsClosed", "IsWon", "CampaignId", *_AUDIT,
        ), rows
        self.opp = _Made(ids, [t for t, _a, _j in specs], live, owners)
        return table

    def conversions(self, created: list[int]) -> dict[int, int]:
        """Lead index -> Contact index for the converted Leads (about 8 %).

        Conversion works backwards from the contacts: a contact with an account is the
        product of converting a Lead created before it, so the Lead's conversion shares
        the contact's creation stamp.
        """
        con = self.con
        candidates = [j for j in con.live if self.contact_account[j] >= 0]
        chosen = self.rng.sample(candidates, min(len(candidates), self.n * 8 // 100))
        out: dict[int, int] = {}
        for j in chosen:
            before = bisect.bisect_left(created, con.created[j])
            for _ in range(4):
                if before == 0:
                    break
                i = int(self.r() * before)
                if i not in out:
                    out[i] = j
                    break
        return out

    def leads(self) -> tuple[str, tuple[str, ...], Iterator[tuple]]:
        # The hot loop of a big seed: names are bound to locals and every value that can
        # be is drawn from precomputed pools.
        n, r, fmt = self.n, self.r, self.fmt
        created, converted = self.lead_created, self.converted
        ids = id_range("00Q", n)
        live: list[int] = []
        owners: list[str] = []
        con, acc, opp = self.con, self.acc, self.opp
        contact_account, account_company = self.contact_account, self.account_company
        people, by_locale = self.pools.people, self.pools.by_locale
        all_companies = self.pools.companies
        life, dt, unique_email = self.life, fmt.dt, self.unique_email
        rep_ids = self.owners
        locale_bag, status_bag, rating_bag = _LOCALE_BAG, _LEAD_STATUS, _RATING
        source_bag, product_bag = _LEAD_SOURCE, _PRODUCT
        titles, notes, language = names.TITLES, names.LEAD_NOTES, names.LANGUAGE
        mobiles = {loc: names.PHONE_PATTERNS[loc][1] for loc in names.LOCALES}
        bounces = names.EMAIL_BOUNCE_REASONS
        no_address = ("",) * 5
        no_bounce = ("", "")
        not_converted = (0, "", "", "", "")
        emails = self.emails

        def rows():  # a generator: a million rows never sit in memory at once
            for i in range(n):
                t = created[i]
                owner = rep_ids[int(r() * len(rep_ids))]
                j = converted.get(i)
                if j is None:
                    loc = locale_bag[int(r() * len(locale_bag))]
                    group = people[loc]
                    person = group[int(r() * len(group))]
                    companies = by_locale[loc] or all_companies
                    company = companies[int(r() * len(companies))]
                    if r() < 0.97:
                        first, name = person.first, person.name
                    else:
                        first, name = "", person.last
                    if r() < 0.93:
                        email = person.local + "@" + company.domain
                        if email in emails:
                            email = unique_email(person.local, company.domain)
                        else:
                            emails.add(email)
                    else:
                        email = ""
                    status = status_bag[int(r() * len(status_bag))]
                    by, modified, modified_by, system, gone = life(t, owner)
                    conversion = not_converted
                else:
                    a = contact_account[j]
                    company = account_company[a]
                    person = con_person[j]
                    loc = company.locale
                    first, name, email = person.first, person.name, con_email[j]
                    status = "Closed - Converted"
                    # The conversion is the Lead's last change, in the contact's transaction.
                    modified = system = con.created[j]
                    by, modified_by, gone = owner, owner, None
                    k = conversion_opp.get(j)
                    conversion = (1, fmt.date(modified), acc.ids[a], con.ids[j],
                                  "" if k is None else opp.ids[k])
                c = dt(t)
                m = c if modified == t else dt(modified)
                rating = rating_bag[int(r() * len(rating_bag))]
                source = source_bag[int(r() * len(source_bag))]
                sized = r() < 0.5
                local_titles = titles[loc]
                yield (
                    ids[i], person.last, first, name,
                    local_titles[int(r() * len(local_titles))] if r() < 0.75 else "",
                    company.name, *(company.address if r() < 0.8 else no_address),
                    company.phone if r() < 0.7 or rating == "Hot" else "",
                    fill_digits(mobiles[loc], r) if r() < 0.3 else "", email,
                    company.website if r() < 0.4 else "",
                    notes[loc][int(r() * len(notes[loc]))] if r() < 0.03 else "",
                    source, status, company.industry if r() < 0.7 else "", rating,
                    company.revenue if sized else "", company.employees if sized else "",
                    int(r() < 0.04), int(r() < 0.02), *conversion,
                    int(status == "Open - Not Contacted" and r() < 0.1),
                    *((bounces[int(r() * len(bounces))], dt(t + int(r() * (modified - t))))
                      if email and r() < 0.01 else no_bounce),
                    owner, int(gone is not None), c, by, m, modified_by,
                    m if system == modified else dt(system),
                    float(int(r() * 101)) if r() < 0.85 else "",
                    product_bag[int(r() * len(product_bag))],
                    language[loc] if r() < 0.88 else "",
                    f"PRT-{i + 1:07d}" if source == "Partner Referral" else "",
                    int(r() < 0.3), "" if gone is None else m,
                )
                owners.append(owner)
                if gone is None:
                    live.append(i)

        con_person, con_email = self.contact_person, self.contact_email
        conversion_opp = self.conversion_opp
        # ``live`` and ``owners`` fill up as the rows are taken, before the next table.
        self.lead = _Made(ids, created, live, owners)
        return "Lead", _LEAD_COLUMNS, rows()

    def members(self) -> _Rows:
        pick = self.pick
        count = self.n // 10
        camp, lead, con = self.camp, self.lead, self.con
        columns = ("Id", "CampaignId", "LeadId", "ContactId", "Status", "HasResponded",
                   "FirstRespondedDate", *_AUDIT_NO_OWNER)
        if not camp.live:
            return "CampaignMember", columns, []
        from_leads = min(count * 7 // 10, len(lead.live))
        chosen = [(lead, i, True) for i in self.rng.sample(lead.live, from_leads)]
        chosen += [(con, j, False) for j in
                   self.rng.sample(con.live, min(count - from_leads, len(con.live)))]
        specs = []
        for made, i, is_lead in chosen:
            c = pick(camp.live)
            specs.append((self.after(made.created[i], camp.created[c]), c, i, is_lead))
        specs.sort()
        ids = id_range("00v", len(specs))
        rows = []
        for k, (t, c, i, is_lead) in enumerate(specs):
            status = pick(_MEMBER_STATUS)
            responded = status == "Responded"
            audit = self.audit(t, (lead if is_lead else con).owner[i])
            rows.append((
                ids[k], camp.ids[c], lead.ids[i] if is_lead else "",
                "" if is_lead else con.ids[i], status, int(responded),
                # the response was the member's last change
                audit[4][:10] if responded else "", *audit[1:],
            ))
        return "CampaignMember", columns, rows

    def contact_roles(self) -> _Rows:
        """One primary role per opportunity and a second role on every other one; roles of
        a deleted opportunity went to the recycle bin with it."""
        fmt, pick = self.fmt, self.pick
        opp, con = self.opp, self.con
        columns = ("Id", "OpportunityId", "ContactId", "Role", "IsPrimary", *_AUDIT_NO_OWNER)
        if not con.live:
            return "OpportunityContactRole", columns, []
        at_account: dict[int, list[int]] = {}
        for j in con.live:
            a = self.contact_account[j]
            if a >= 0:
                at_account.setdefault(a, []).append(j)
        specs = []
        for k in range(len(opp.ids)):
            pool = at_account.get(self.opp_account[k]) or con.live
            converted = self.opp_contact[k]
            first = pick(pool) if converted < 0 else converted
            picked = [first]
            if k % 2 and len(con.live) > 1:
                second = pick(pool) if len(pool) > 1 else pick(con.live)
                while second == first:
                    second = pick(con.live)
                picked.append(second)
            for rank, j in enumerate(picked):
                if j == converted:  # made by the conversion, in its transaction
                    t = opp.created[k]
                else:
                    t = self.after(opp.created[k], con.created[j], within=10 * DAY_MS)
                specs.append((t, k, j, rank == 0))
        specs.sort()
        ids = id_range("00K", len(specs))
        rows = []
        for m, (t, k, j, primary) in enumerate(specs):
            gone = self.opp_gone[k]
            if gone:
                # Cascaded: deleted with the opportunity, in its transaction.
                made = fmt.dt(t)
                audit = (1, min(made, gone), opp.owner[k], gone, opp.owner[k], gone, gone)
            else:
                audit = self.audit(t, opp.owner[k])[1:]
            rows.append((
                ids[m], opp.ids[k], con.ids[j], "Decision Maker" if primary else pick(_ROLES),
                int(primary), *audit,
            ))
        return "OpportunityContactRole", columns, rows

    def activity_targets(self) -> tuple[int, str, str, str]:
        """(earliest moment, WhoId, WhatId, owner) for a Task or Event.

        A Lead can have no WhatId (Salesforce refuses it); a Contact's activity relates to
        its account or one of the account's opportunities.
        """
        r, pick = self.r, self.pick
        lead, con, acc, opp, camp = self.lead, self.con, self.acc, self.opp, self.camp
        x = r()
        if x < 0.5 and lead.live:
            i = pick(lead.live)
            return lead.created[i], lead.ids[i], "", lead.owner[i]
        if x < 0.9 and con.live:
            j = pick(con.live)
            a = self.contact_account[j]
            y = r()
            if a >= 0 and y < 0.4:
                return max(con.created[j], acc.created[a]), con.ids[j], acc.ids[a], con.owner[j]
            opps = self.account_opps.get(a) if a >= 0 else None
            if opps and y < 0.6:
                k = pick(opps)
                return (max(con.created[j], opp.created[k]), con.ids[j], opp.ids[k],
                        con.owner[j])
            return con.created[j], con.ids[j], "", con.owner[j]
        y = r()
        for made, threshold in ((acc, 0.5), (opp, 0.8), (camp, 1.0)):
            if made.live and y < threshold:
                i = pick(made.live)
                return made.created[i], "", made.ids[i], made.owner[i]
        return self.t0, "", "", pick(self.owners)

    def tasks(self) -> _Rows:
        r, fmt, pick, now = self.r, self.fmt, self.pick, self.now_ms
        specs = []
        for _ in range(self.n // 10):
            t0, who, what, owner = self.activity_targets()
            specs.append((self.after(t0, within=60 * DAY_MS), who, what, owner))
        specs.sort()
        ids = id_range("00T", len(specs))
        rows = []
        for k, (t, who, what, owner) in enumerate(specs):
            subject = pick(names.TASK_SUBJECTS)
            due = t + int((r() * 22 - 2) * DAY_MS)
            status = "Completed" if due < now and r() < 0.75 else pick(_OPEN_TASK)
            subtype = ("Call" if subject == "Call" else
                       "Email" if "mail" in subject.lower() else "Task")
            rows.append((
                ids[k], who, what, subject, fmt.date(due), status, pick(_PRIORITY), subtype,
                int(status == "Completed"), *self.audit(t, owner),
            ))
        return "Task", (
            "Id", "WhoId", "WhatId", "Subject", "ActivityDate", "Status", "Priority",
            "TaskSubtype", "IsClosed", *_AUDIT,
        ), rows

    def events(self) -> _Rows:
        r, fmt, pick = self.r, self.fmt, self.pick
        specs = []
        for _ in range(self.n // 50):
            t0, who, what, owner = self.activity_targets()
            specs.append((self.after(t0, within=60 * DAY_MS), who, what, owner))
        specs.sort()
        ids = id_range("00U", len(specs))
        rows = []
        for k, (t, who, what, owner) in enumerate(specs):
            start = t + int((0.1 + r() * 30) * DAY_MS)
            all_day = r() < 0.05
            if all_day:
                start -= start % DAY_MS
                minutes = 1440
            else:
                start -= start % (15 * MINUTE_MS)
                minutes = pick((30, 45, 60, 60, 90, 120))
            rows.append((
                ids[k], who, what, pick(names.EVENT_SUBJECTS),
                pick(names.EVENT_LOCATIONS) if r() < 0.7 else "", fmt.dt(start),
                fmt.dt(start + minutes * MINUTE_MS), minutes, int(all_day), pick(_SHOW_AS),
                *self.audit(t, owner),
            ))
        return "Event", (
            "Id", "WhoId", "WhatId", "Subject", "Location", "StartDateTime", "EndDateTime",
            "DurationInMinutes", "IsAllDayEvent", "ShowAs", *_AUDIT,
        ), rows

    def subscriptions(self) -> _Rows:
        r, fmt, pick = self.r, self.fmt, self.pick
        con = self.con
        specs = []
        for _ in range(self.n // 20):
            if con.live:
                j = pick(con.live)
                specs.append((self.after(con.created[j], within=90 * DAY_MS), j))
            else:
                specs.append((self.t0 + int(r() * (self.now_ms - self.t0)), -1))
        specs.sort()
        ids = id_range("a01", len(specs))
        rows = []
        for k, (t, j) in enumerate(specs):
            plan = pick(_PLAN)
            owner = con.owner[j] if j >= 0 else pick(self.owners)
            rows.append((
                ids[k], f"SUB-{k + 1:07d}", con.ids[j] if j >= 0 else "", plan,
                fmt.date(t), int(r() < 0.85),
                round(_PLAN_PRICE[plan] * (1 + int(r() * 50)), 2), *self.audit(t, owner),
            ))
        return "Subscription__c", (
            "Id", "Name", "Contact__c", "Plan__c", "Start_Date__c", "Active__c",
            "Monthly_Amount__c", *_AUDIT,
        ), rows


def _drop_indexes(conn: sqlite3.Connection, tables: Sequence[str]) -> dict[str, list[str]]:
    """Drop the secondary indexes of ``tables``; return, per table, the SQL that
    recreates them.

    Building an index once from the full table is one sort; keeping B-trees in order
    through a million inserts costs more. Measured for 1M Leads (15 indexes): 85 s of
    inserts with every index against 22 s without plus ~20 s to rebuild them; even the
    six mostly-NULL indexes cost 7 s of CPU to keep against ~6 s to rebuild.
    """
    marks = ", ".join("?" * len(tables))
    found = conn.execute(
        f"SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' "
        f"AND sql IS NOT NULL AND tbl_name IN ({marks}) ORDER BY name",
        tuple(tables),
    ).fetchall()
    saved: dict[str, list[str]] = {}
    for name, table, sql in found:
        conn.execute(f"DROP INDEX {qi(name)}")
        saved.setdefault(table, []).append(sql)
    return saved


def _rebuild_indexes(conn: sqlite3.Connection, statements: Sequence[str]) -> None:
    """Run the saved CREATE INDEX statements with the sorter settings that measured
    fastest: a small page cache and file temp storage (three 1M-row Lead indexes: 3.8-4.5 s,
    against 6.7-7.9 s with the org's 64 MB cache and in-memory temp storage). The
    connection's own settings come back afterwards."""
    started = time.perf_counter()
    saved = {name: conn.execute(f"PRAGMA {name}").fetchone()[0]
             for name in ("cache_size", "temp_store", "threads")}
    conn.execute("PRAGMA cache_size=-2000")
    conn.execute("PRAGMA temp_store=FILE")
    # One helper thread for the sorter: ~20 % less wall time when a core is free.
    conn.execute("PRAGMA threads=1")
    try:
        for sql in statements:
            conn.execute(sql)
    finally:
        for name, value in saved.items():
            conn.execute(f"PRAGMA {name}={int(value)}")
    log.debug("indexes: %d rebuilt in %.3f s", len(statements), time.perf_counter() - started)


# ---------------------------------------------------------------------------------------
# The demo org


_DEMO_REPS = (
    ("es", "Lucía", "Fernández", True), ("it", "Niccolò", "Ferrè", True),
    ("nl", "Sanne", "van den Berg", True), ("fr", "Amélie", "Lefèvre", True),
    ("en", "Seán", "O'Brien", True),
    # Left the company; still owns records, as departed reps do in real orgs.
    ("nl", "Jürgen", "Weiß", False),
)
_DEMO_STAGES = ("Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote",
                "Negotiation/Review", "Closed Won", "Closed Lost")
_DEMO_STATUSES = ("Open - Not Contacted", "Working - Contacted", "Closed - Not Converted")


class _Demo(_Builder):
    """The demo org: a few hundred records, each a case a sync has to get right."""

    def __init__(self, conn: sqlite3.Connection, catalog: Catalog, now: datetime,
                 admin: SeedUser, sync_user: SeedUser) -> None:
        super().__init__(conn, catalog, now, admin, sync_user, random.Random("sfsync demo"),
                         companies=90)
        self.records: dict[str, list[dict]] = {}
        self.numbers: dict[str, int] = {}
        self.emails: set[str] = set()
        self.taken: set[tuple[str, str]] = set()
        self.company_turn: dict[str, int] = {}
        self.customer_ids = iter(range(1, 10_000))
        self.partner_codes = iter(range(1, 10_000))
        # A nightly job (lead scoring, run by the integration user) touched many
        # records at one instant.
        self.job_ms = self.ago(days=3, hours=2)

    # -- helpers ---------------------------------------------------------------------------

    def ago(self, days: float = 0, hours: float = 0, minutes: float = 0) -> int:
        return self.now_ms - int(days * DAY_MS + hours * HOUR_MS + minutes * MINUTE_MS)

    def add(self, obj_name: str, record: dict) -> str:
        """Give ``record`` the next Id of ``obj_name`` and queue it for writing."""
        obj = self.obj(obj_name)
        number = self.numbers.get(obj_name, 0) + 1
        self.numbers[obj_name] = number
        record["Id"] = make_id(obj.key_prefix or "000", number)
        self.records.setdefault(obj_name, []).append(record)
        return record["Id"]

    def stamps(self, created: int, *, by: str, modified: int | None = None,
               modified_by: str | None = None, system: int | None = None,
               deleted: int | None = None) -> dict:
        """Audit fields; a deleted record's last change is its deletion."""
        dt = self.fmt.dt
        if deleted is not None:
            modified = system = deleted
        modified = created if modified is None else modified
        system = modified if system is None else system
        if not created <= modified <= system <= self.now_ms:
            raise ValueError("stamps out of order")
        out = {
            "CreatedDate": dt(created), "CreatedById": by,
            "LastModifiedDate": dt(modified), "LastModifiedById": modified_by or by,
            "SystemModstamp": dt(system),
        }
        if deleted is not None:
            out.update(IsDeleted=1, _deleted_at=dt(deleted))
        return out

    def history(self, created: int, owner: str) -> dict:
        """Stamps of a record edited once or twice since it was made (or never)."""
        r = self.r
        x = r()
        by = owner if x < 0.7 else self.admin_id
        if r() < 0.35:
            return self.stamps(created, by=by)
        modified = created + int(r() * (self.now_ms - created))
        return self.stamps(created, by=by, modified=modified,
                           modified_by=owner if r() < 0.7 else self.sync_id)

    def person(self, loc: str) -> _Person:
        """Someone not yet in the demo, from locale ``loc``."""
        for p in self.pools.people[loc]:
            if (p.first, p.last) not in self.taken:
                self.taken.add((p.first, p.last))
                return p
        raise RuntimeError(f"no people left for {loc}")

    def company(self, loc: str) -> _Company:
        """The next unused company of locale ``loc``."""
        group = self.pools.by_locale[loc]
        k = self.company_turn.get(loc, 0)
        self.company_turn[loc] = k + 1
        return group[k % len(group)]

    def email(self, local: str, domain: str) -> str:
        email = f"{local}@{domain}"
        if email in self.emails:
            raise ValueError(f"demo email {email} used twice")
        self.emails.add(email)
        return email

    def customer_id(self) -> str:
        return f"CUST-{next(self.customer_ids):06d}"

    def partner_code(self, loc: str) -> str:
        return f"PRT-{loc.upper()}-{next(self.partner_codes):04d}"

    # -- the run ---------------------------------------------------------------------------

    def build(self) -> None:
        reps = [(_person(loc, first, last), active) for loc, first, last, active in _DEMO_REPS]
        rep_ids = self.users(reps)
        self.rep = {loc: rep_ids[i] for i, (loc, *_rest) in enumerate(_DEMO_REPS[:5])}
        self.departed = rep_ids[5]
        self.accounts()
        self.contacts()
        self.campaigns()
        self.opportunities()
        self.leads()
        self.conversions()
        self.merge_and_duplicates()
        self.max_length_records()
        self.campaign_members()
        self.tasks_and_events()
        self.subscriptions()
        for name, records in self.records.items():
            _write_dicts(self.conn, self.obj(name), records)

    def account_record(self, company: _Company, owner: str, created: int, **extra) -> dict:
        r = self.r
        rec = {
            "Name": company.name, "Type": self.pick(_ACCOUNT_TYPE),
            "BillingStreet": company.street, "BillingCity": company.city,
            "BillingState": company.state, "BillingPostalCode": company.postal,
            "BillingCountry": company.country, "Phone": company.phone,
            "Website": company.website, "Industry": company.industry,
            "AnnualRevenue": company.revenue if r() < 0.7 else None,
            "NumberOfEmployees": company.employees,
            "AccountSource": self.pick(_LEAD_SOURCE) or None,
            "OwnerId": owner,
        }
        rec.update(extra)
        return rec

    def accounts(self) -> None:
        """Three accounts per locale, and a group with a subsidiary (ParentId)."""
        self.account_ids: list[str] = []
        self.account_info: dict[str, tuple[_Company, int, str]] = {}
        for k in range(15):
            loc = names.LOCALES[k % 5]
            company = self.company(loc)
            created = self.ago(days=520 - k * 12, hours=k)
            owner = self.rep[loc]
            aid = self.add("Account", self.account_record(
                company, owner, created, **self.history(created, owner)))
            self.account_ids.append(aid)
            self.account_info[aid] = (company, created, owner)
        group = _Company("es", "Grupo Peñalara S.A.", "grupo-penalara.example",
                         "Paseo de la Castellana, 95", "Madrid", "Madrid", "28046", "España",
                         "+34 915 550 100", "https://www.grupo-penalara.example", "Finance",
                         2400, 310_000_000.0)
        child = _Company("es", "Peñalara Logística S.L.", "penalara-logistica.example",
                         "Calle de Alcalá, 212", "Madrid", "Madrid", "28028", "España",
                         "+34 915 550 200", "https://www.penalara-logistica.example",
                         "Manufacturing", 180, 24_000_000.0)
        created = self.ago(days=470)
        owner = self.rep["es"]
        parent_id = self.add("Account", self.account_record(
            group, owner, created, Type="Customer - Direct",
            Description="Holding del grupo; las filiales se facturan por separado.",
            **self.stamps(created, by=self.admin_id)))
        child_id = self.add("Account", self.account_record(
            child, owner, created + HOUR_MS, Type="Customer - Direct", ParentId=parent_id,
            **self.stamps(created + HOUR_MS, by=self.admin_id)))
        for aid, company, made in ((parent_id, group, created),
                                   (child_id, child, created + HOUR_MS)):
            self.account_ids.append(aid)
            self.account_info[aid] = (company, made, owner)

    def contact_record(self, person: _Person, company: _Company | None, account: str | None,
                       owner: str, **extra) -> dict:
        r, loc = self.r, person.locale
        languages = _LANG_NAMES[loc] + (", English" if loc != "en" and r() < 0.6 else "")
        rec = {
            "AccountId": account, "FirstName": person.first, "LastName": person.last,
            "Name": full_name(person.first, person.last),
            "Salutation": self.pick(SALUTATIONS) if r() < 0.5 else None,
            "Title": self.pick(names.TITLES[loc]), "Department": self.pick(names.DEPARTMENTS[loc]),
            "Phone": company.phone if company else None,
            "MobilePhone": fill_digits(names.PHONE_PATTERNS[loc][1], r) if r() < 0.6 else None,
            "LeadSource": self.pick(_LEAD_SOURCE) or None,
            "Birthdate": self.birthdate() if r() < 0.3 else None,
            "Level__c": self.pick(_LEVEL) or None, "Languages__c": languages,
            "Customer_Id__c": self.customer_id() if r() < 0.8 else None, "OwnerId": owner,
        }
        if company is not None:
            rec.update(MailingStreet=company.street, MailingCity=company.city,
                       MailingState=company.state, MailingPostalCode=company.postal,
                       MailingCountry=company.country,
                       Email=self.email(person.local, company.domain))
        rec.update(extra)
        return rec

    def birthdate(self) -> str:
        return (self.today - timedelta(days=int((25 + self.r() * 40) * 365.25))).isoformat()

    def contacts(self) -> None:
        """Three contacts per account (the first is the others' manager), two private
        contacts, one in the recycle bin, and ten touched by one sync-user update."""
        self.contact_ids: list[str] = []
        self.contact_info: dict[str, tuple[_Person, str | None, int, str]] = {}
        self.account_contacts: dict[str, list[str]] = {}
        for aid in self.account_ids:
            company, made, owner = self.account_info[aid]
            boss = None
            for k in range(3):
                person = self.person(company.locale)
                created = made + int((5 + self.r() * 90) * DAY_MS) + k * HOUR_MS
                cid = self.add("Contact", self.contact_record(
                    person, company, aid, owner, ReportsToId=boss,
                    **self.history(created, owner)))
                boss = boss or cid
                self.contact_ids.append(cid)
                self.contact_info[cid] = (person, aid, created, owner)
                self.account_contacts.setdefault(aid, []).append(cid)
        for loc in ("fr", "it"):
            person = self.person(loc)
            created = self.ago(days=200 if loc == "fr" else 150)
            owner = self.rep[loc]
            cid = self.add("Contact", self.contact_record(
                person, None, None, owner,
                Email=self.email(person.local, f"{ascii_slug(person.last)}-famille.example"
                                 if loc == "fr" else "posta-personale.example"),
                Description="Contatto privato, senza azienda." if loc == "it"
                else "Contact privé, sans société.", **self.history(created, owner)))
            self.contact_ids.append(cid)
            self.contact_info[cid] = (person, None, created, owner)
        # One contact in the recycle bin.
        company, made, owner = self.account_info[self.account_ids[3]]
        person = self.person(company.locale)
        created = made + 30 * DAY_MS
        self.add("Contact", self.contact_record(
            person, company, self.account_ids[3], owner,
            **self.stamps(created, by=owner, deleted=self.ago(days=4, hours=3))))
        # The integration user updated ten contacts in one transaction (equal stamps).
        for rec in self.records["Contact"][:30:3]:
            rec.update(LastModifiedDate=self.fmt.dt(self.job_ms), LastModifiedById=self.sync_id,
                       SystemModstamp=self.fmt.dt(self.job_ms))

    def campaigns(self) -> None:
        """A parent campaign with two children, and campaigns in every status."""
        fmt = self.fmt
        owner = self.rep["fr"]
        self.campaign_ids: list[str] = []
        plan = (
            # (name, type, status, start days ago, length in days, parent?)
            ("Events 2025 – Europe", "Other", "Completed", 330, 240, None),
            ("Feria Logística Barcelona 2025", "Trade Show", "Completed", 300, 3, 0),
            ("Journée clients Paris 2025", "Conference", "Completed", 160, 1, 0),
            ("Webinar: two-way sync without tears", "Webinar", "In Progress", 20, 60, None),
            ("Nieuwsbrief voorjaar", "Email", "Planned", -25, 30, None),
            ("Conferenza CRM Milano", "Conference", "Aborted", 90, 2, None),
        )
        for name, kind, status, start_days, length, parent in plan:
            created = self.ago(days=max(start_days, 0) + 45)
            start = self.ago(days=start_days)
            budget = float(round(2000 + self.r() * 30_000, -2))
            self.campaign_ids.append(self.add("Campaign", {
                "Name": name, "Type": kind, "Status": status,
                "ParentId": None if parent is None else self.campaign_ids[parent],
                "StartDate": fmt.date(start), "EndDate": fmt.date(start + length * DAY_MS),
                "BudgetedCost": budget, "ExpectedRevenue": budget * 6,
                "ActualCost": round(budget * 0.9, 2) if status == "Completed" else None,
                "IsActive": int(status in ("Planned", "In Progress")),
                "Description": "Stand 14, hall 2. Bring the sync demo laptop."
                if kind == "Trade Show" else None,
                "OwnerId": owner, **self.history(created, owner),
            }))

    def opportunities(self) -> None:
        """An opportunity per account through every stage, one in the recycle bin, with
        contact roles."""
        fmt, r = self.fmt, self.r
        self.opp_ids: list[str] = []
        for k, aid in enumerate(self.account_ids):
            company, made, owner = self.account_info[aid]
            stage = _DEMO_STAGES[k % len(_DEMO_STAGES)]
            created = made + int((100 + r() * 60) * DAY_MS)
            closed = stage.startswith("Closed")
            close = created + 60 * DAY_MS if closed else self.now_ms + int((10 + k * 7) * DAY_MS)
            seats = 10 + k * 5
            history = self.history(created, owner)
            deleted = k == 7
            if deleted:
                history = self.stamps(created, by=owner, deleted=self.ago(days=8))
            oid = self.add("Opportunity", {
                "AccountId": aid, "Name": f"{company.name} – Sync Pro ({seats} users)",
                "StageName": stage, "Amount": float(seats * 540),
                "Probability": _STAGE_PROBABILITY[stage], "CloseDate": fmt.date(close),
                "Type": self.pick(_OPP_TYPE), "LeadSource": self.pick(_LEAD_SOURCE) or None,
                "IsClosed": int(closed), "IsWon": int(stage == "Closed Won"),
                "CampaignId": self.campaign_ids[3] if k % 4 == 1 else None,
                "OwnerId": owner, **history,
            })
            self.opp_ids.append(oid)
            contacts = self.account_contacts.get(aid, [])
            for rank, cid in enumerate(contacts[: 1 + k % 2]):
                t = max(created, self.contact_info[cid][2]) + HOUR_MS
                stamps = (self.stamps(t, by=owner, deleted=self.ago(days=8)) if deleted
                          else self.stamps(t, by=owner))
                self.add("OpportunityContactRole", {
                    "OpportunityId": oid, "ContactId": cid, "IsPrimary": int(rank == 0),
                    "Role": "Decision Maker" if rank == 0 else "Technical Buyer", **stamps,
                })

    def lead_record(self, person: _Person, company: _Company, owner: str, *,
                    first: bool = True, email: bool = True, **extra) -> dict:
        r, loc = self.r, person.locale
        first_name = person.first if first else None
        source = self.pick(("Web", "Phone Inquiry", "Partner Referral", "Purchased List",
                            "Other"))
        rec = {
            "FirstName": first_name, "LastName": person.last,
            "Name": full_name(first_name, person.last),
            "Salutation": self.pick(SALUTATIONS) if r() < 0.4 else None,
            "Title": self.pick(names.TITLES[loc]), "Company": company.name,
            "Street": company.street, "City": company.city, "State": company.state,
            "PostalCode": company.postal, "Country": company.country,
            "Phone": company.phone if r() < 0.6 else None,
            "MobilePhone": fill_digits(names.PHONE_PATTERNS[loc][1], r) if r() < 0.4 else None,
            "Email": self.email(person.local, company.domain) if email else None,
            "Website": company.website if r() < 0.5 else None,
            "LeadSource": source, "Industry": company.industry,
            "NumberOfEmployees": company.employees, "AnnualRevenue": company.revenue,
            "Lead_Score__c": float(int(r() * 101)),
            "Product_Interest__c": self.pick(_PRODUCTS),
            "Preferred_Language__c": names.LANGUAGE[loc], "Newsletter__c": int(r() < 0.4),
            "Partner_Code__c": self.partner_code(loc) if source == "Partner Referral" else None,
            "OwnerId": owner,
        }
        rec.update(extra)
        if rec.get("Rating") == "Hot" and not rec.get("Phone"):
            rec["Phone"] = company.phone  # the org's rule: a Hot lead has a phone
        return rec

    def leads(self) -> None:
        """A web-form import (25 Leads, one transaction), 60 worked Leads in every open or
        closed status, and a nightly job that moved 12 Leads' SystemModstamp only."""
        r = self.r
        self.lead_ids: list[str] = []
        self.lead_info: dict[str, tuple[_Person, int, str]] = {}
        imported = self.ago(days=12, hours=5, minutes=17)
        for k in range(25):
            loc = names.LOCALES[k % 5]
            person, company, owner = self.person(loc), self.company(loc), self.rep[loc]
            lid = self.add("Lead", self.lead_record(
                person, company, owner, Status="Open - Not Contacted", LeadSource="Web",
                IsUnreadByOwner=1, Rating="Warm" if k % 3 else None,
                Description="Web form: «Request a demo»",
                **self.stamps(imported, by=self.sync_id)))
            self.lead_ids.append(lid)
            self.lead_info[lid] = (person, imported, owner)
        ratings = ("Hot", "Warm", "Cold", None, "Warm")
        for k in range(60):
            loc = names.LOCALES[k % 5]
            person, company = self.person(loc), self.company(loc)
            owner = self.departed if k in (12, 32, 52) else self.rep[loc]
            created = self.ago(days=300 - k * 4.7, hours=k % 9)
            stamps = self.history(created, owner)
            extra: dict = {}
            if k % 20 == 3:
                extra.update(HasOptedOutOfEmail=1, Newsletter__c=0)
            if k % 30 == 7:
                extra.update(DoNotCall=1)
            if k in (9, 41):
                reason = names.EMAIL_BOUNCE_REASONS[k % 3]
                extra.update(EmailBouncedReason=reason,
                             EmailBouncedDate=stamps["LastModifiedDate"])
            if k % 10 == 5:
                extra.update(Description=self.pick(names.LEAD_NOTES[loc]))
            lid = self.add("Lead", self.lead_record(
                person, company, owner, first=k not in (4, 27, 50), email=k not in (6, 38),
                Status=_DEMO_STATUSES[k % 3], Rating=ratings[k % 5], **extra, **stamps))
            self.lead_ids.append(lid)
            self.lead_info[lid] = (person, created, owner)
        # Lead scoring ran as the integration user: SystemModstamp moved on 12 Leads at
        # one instant, LastModifiedDate did not (a system change).
        moved = 0
        for rec in self.records["Lead"][25:]:
            if moved < 12 and rec["SystemModstamp"] <= self.fmt.dt(self.job_ms):
                rec["SystemModstamp"] = self.fmt.dt(self.job_ms)
                rec["Lead_Score__c"] = float(int(r() * 101))
                moved += 1

    def conversions(self) -> None:
        """Eight converted Leads: each conversion made a Contact, an Account for six of them
        (the others joined an existing one) and an Opportunity for six; all records of one
        conversion share one stamp, as one Salesforce transaction does."""
        fmt = self.fmt
        self.converted: list[tuple[str, str]] = []  # (lead, contact)
        for k in range(8):
            loc = names.LOCALES[k % 5]
            owner = self.rep[loc]
            at = self.ago(days=70 - k * 8, hours=3 + k, minutes=k * 7)
            if k < 6:
                company = self.company(loc)
                account = self.add("Account", self.account_record(
                    company, owner, at, Type="Customer - Direct",
                    **self.stamps(at, by=owner)))
            else:
                account = next(a for a in self.account_ids if self.account_info[a][0].locale
                               == loc)
                company = self.account_info[account][0]
            person = self.person(loc)
            contact = self.add("Contact", self.contact_record(
                person, company, account, owner, LeadSource="Web",
                Description="Converted from a lead.", **self.stamps(at, by=owner)))
            opp = None
            if k not in (3, 7):  # "Don't create an opportunity upon conversion"
                opp = self.add("Opportunity", {
                    "AccountId": account, "Name": f"{company.name} – Sync Basic (new)",
                    "StageName": "Qualification", "Probability": 10.0, "Amount": 6480.0,
                    "CloseDate": fmt.date(at + 90 * DAY_MS), "LeadSource": "Web",
                    "Type": "New Customer", "OwnerId": owner, **self.stamps(at, by=owner),
                })
                self.add("OpportunityContactRole", {
                    "OpportunityId": opp, "ContactId": contact, "IsPrimary": 1,
                    "Role": "Decision Maker", **self.stamps(at, by=owner),
                })
            created = at - int((20 + k * 9) * DAY_MS)
            lead = self.add("Lead", self.lead_record(
                person, company, owner, email=False, Status="Closed - Converted",
                Rating="Hot", Email=self.records["Contact"][-1]["Email"], IsConverted=1,
                ConvertedDate=fmt.date(at), ConvertedAccountId=account,
                ConvertedContactId=contact, ConvertedOpportunityId=opp,
                **self.stamps(created, by=owner, modified=at)))
            self.converted.append((lead, contact))

    def merge_and_duplicates(self) -> None:
        """A merge (a master and two merged Leads in the recycle bin), three deleted
        Leads, and a Lead with the email of an existing Contact."""
        loc = "es"
        owner = self.rep[loc]
        person, company = self.person(loc), self.company(loc)
        old_company = self.company(loc)
        merged_at = self.ago(days=5, hours=6)
        master = self.add("Lead", self.lead_record(
            person, company, owner, Status="Working - Contacted", Rating="Warm",
            Description="Fusionado con dos duplicados del formulario web.",
            **self.stamps(self.ago(days=90), by=owner, modified=merged_at)))
        master_email = self.records["Lead"][-1]["Email"]
        for k, email in enumerate((master_email,
                                   self.email(person.local, old_company.domain))):
            created = self.ago(days=40 - k * 15)
            self.add("Lead", self.lead_record(
                person, old_company if k else company, owner, email=False, Email=email,
                Status="Open - Not Contacted", MasterRecordId=master,
                **self.stamps(created, by=self.sync_id, modified_by=owner,
                              deleted=merged_at)))
        for days in (1.2, 6.5, 14):
            loc = names.LOCALES[int(days) % 5]
            created = self.ago(days=days + 30)
            self.add("Lead", self.lead_record(
                self.person(loc), self.company(loc), self.rep[loc],
                Status="Closed - Not Converted",
                **self.stamps(created, by=self.rep[loc], deleted=self.ago(days=days))))
        # Someone already a Contact filled in the web form again: Lead and Contact share
        # an email, the case the sync's "link, don't duplicate" logic exists for.
        contact = self.records["Contact"][0]
        account_company = self.account_info[contact["AccountId"]][0]
        created = self.ago(days=2, hours=4)
        self.add("Lead", {
            **self.lead_record(
                _person("es", contact["FirstName"], contact["LastName"]), account_company,
                contact["OwnerId"], email=False, Status="Open - Not Contacted",
                LeadSource="Web", **self.stamps(created, by=self.sync_id)),
            "Email": contact["Email"],
            "Company": account_company.name.rsplit(" ", 1)[0],  # typed without "S.L."
        })

    def max_length_records(self) -> None:
        """One Lead, Contact, Account, Opportunity and Campaign with every text field at
        its maximum length (accented text included: lengths count characters)."""
        owner = self.rep["es"]
        created = self.ago(days=33, hours=1)
        domain = "companiaanonimadistribucionylogisticapenalara.example"
        # Email addresses of exactly 80 characters for the Contact and the Lead (which
        # are the same person, but the Lead came first with another address).
        email = self.email(fit("maria.de.los.angeles.fernandez.", 80 - len(domain) - 1), domain)
        lead_email = self.email(fit("mariangeles.fdez.cordoba.", 80 - len(domain) - 1), domain)
        street = fit("Calle de Núñez de Balboa, 120, 3.º izquierda, ", 255)
        account = self.add("Account", {
            "Name": fit("Compañía Anónima de Distribución y Logística Peñalara ", 255),
            "BillingStreet": street, "BillingCity": fit("Castellón de la Plana ", 40),
            "BillingState": fit("Comunidad Valenciana ", 80),
            "BillingPostalCode": fit("12001-", 20), "BillingCountry": fit("España ", 80),
            "Phone": fit("+34 964 123 456 ext. 7", 40),
            "Website": _url_of_length(domain, 255),
            "Description": fit("Descripción larguísima con acentos: á é í ó ú ñ ü. ", 32000),
            "Jigsaw": fit("JSW", 20), "OwnerId": owner, **self.stamps(created, by=owner),
        })
        first = fit("María de los Ángeles Inmaculada Begoña ", 40)
        last = fit("Fernández de Córdoba y Peñaranda-Ibáñez ", 80)
        contact = self.add("Contact", {
            "AccountId": account, "FirstName": first, "LastName": last,
            "Name": full_name(first, last), "Title": fit("Directora General Adjunta ", 128),
            "Department": fit("Departamento de Operaciones ", 80), "Email": email,
            "Phone": fit("+34 964 123 456 ext. 8", 40), "MailingStreet": street,
            "MailingCity": fit("Castellón de la Plana ", 40),
            "MailingPostalCode": fit("12001-", 20),
            "Languages__c": fit("Español, English, Italiano, Français, Nederlands, ", 100),
            "Customer_Id__c": fit("CUST-MAX-", 30), "Level__c": "Primary",
            "Description": fit("Notas de cliente: ñ ü ß ø é. ", 32000),
            "Secret_Notes__c": fit("Confidencial: ", 1000),
            "EmailBouncedReason": fit("550 5.1.1 Buzón lleno ", 255),
            "OwnerId": owner, **self.stamps(created, by=owner),
        })
        self.add("Lead", {
            "FirstName": first, "LastName": last, "Name": full_name(first, last),
            "Title": fit("Directora General Adjunta ", 128),
            "Company": fit("Compañía Anónima de Distribución y Logística Peñalara ", 255),
            "Street": street, "City": fit("Castellón de la Plana ", 40),
            "State": fit("Comunidad Valenciana ", 80), "PostalCode": fit("12001-", 20),
            "Country": fit("España ", 80), "Phone": fit("+34 964 123 456 ext. 9", 40),
            "MobilePhone": fit("+34 600 000 000 / ", 40), "Fax": fit("+34 964 000 000 ", 40),
            "Email": lead_email, "Website": _url_of_length(domain, 255),
            "Description": fit("Nota muy larga para probar los límites. ", 32000),
            "Internal_Notes__c": fit("Nota interna: ", 1000), "LeadSource": "Other",
            "Status": "Working - Contacted", "Rating": "Hot",
            "Jigsaw": fit("JSW", 20), "EmailBouncedReason": fit("552 5.2.2 Mailbox full ", 255),
            "EmailBouncedDate": self.fmt.dt(created), "Lead_Score__c": 99999.0,
            "NumberOfEmployees": 99_999_999, "AnnualRevenue": 999_999_999_999.0,
            "Preferred_Language__c": "Spanish", "Product_Interest__c": "Sync Enterprise",
            "Partner_Code__c": fit("PRT-MAX-", 20), "OwnerId": owner,
            **self.stamps(created, by=owner),
        })
        self.add("Opportunity", {
            "AccountId": account, "Name": fit("Compañía Anónima – Sync Enterprise ", 120),
            "StageName": "Negotiation/Review", "Probability": 90.0, "Amount": 1_250_000.0,
            "CloseDate": self.fmt.date(self.now_ms + 30 * DAY_MS),
            "Description": fit("Oportunidad con descripción máxima. ", 32000),
            "OwnerId": owner, **self.stamps(created, by=owner),
        })
        self.campaign_ids.append(self.add("Campaign", {
            "Name": fit("Campaña de otoño en redes — nombre larguísimo ", 80),
            "Type": "Advertisement", "Status": "Planned",
            "StartDate": self.fmt.date(self.now_ms + 40 * DAY_MS), "OwnerId": owner,
            **self.stamps(created, by=owner),
        }))
        self.max_contact = contact

    def campaign_members(self) -> None:
        """Leads and Contacts in campaigns in every member status; a converted Lead's
        membership names both its Lead and its Contact."""
        seen: set[tuple[str, str]] = set()
        statuses = ("Planned", "Sent", "Received", "Responded")
        campaigns = self.records["Campaign"]

        def member(c: int, lead: str | None, contact: str | None, created: int, *,
                   modified: int | None = None, deleted: int | None = None) -> None:
            key = (campaigns[c]["Id"], lead or contact or "")
            if key in seen:
                return
            seen.add(key)
            status = statuses[len(seen) % 4]
            stamps = self.stamps(created, by=self.sync_id, modified=modified, deleted=deleted)
            self.add("CampaignMember", {
                "CampaignId": campaigns[c]["Id"], "LeadId": lead, "ContactId": contact,
                "Status": status, "HasResponded": int(status == "Responded"),
                "FirstRespondedDate": stamps["LastModifiedDate"][:10]
                if status == "Responded" else None, **stamps,
            })

        def joined(c: int, since: int) -> int:
            return max(since, _ms(campaigns[c]["CreatedDate"])) + HOUR_MS

        for k, lid in enumerate(self.lead_ids[:60]):
            c = (1, 2, 3, 4, 5)[k % 5]
            member(c, lid, None, joined(c, self.lead_info[lid][1]))
        for k, cid in enumerate(self.contact_ids[:40]):
            c = (3, 0, 2, 4)[k % 4]
            member(c, None, cid, joined(c, self.contact_info[cid][2]))
        # The converted Lead's membership was updated to name its new Contact at the
        # conversion (same stamp as the conversion's records).
        lead_id, contact_id = self.converted[0]
        lead = next(rec for rec in self.records["Lead"] if rec["Id"] == lead_id)
        member(0, lead_id, contact_id, joined(0, _ms(lead["CreatedDate"])),
               modified=_ms(lead["LastModifiedDate"]))
        # One member removed from a campaign: in the recycle bin.
        cid = self.contact_ids[45]
        member(1, None, cid, joined(1, self.contact_info[cid][2]), deleted=self.ago(days=2))

    def tasks_and_events(self) -> None:
        """Calls and emails on Leads (no WhatId: Salesforce refuses one with a Lead),
        Contacts (with their account or opportunity) and campaigns; a mass "Send Letter"
        in one transaction; an all-day event; some in the future; one of each deleted."""
        fmt, r = self.fmt, self.r
        hot = [rec for rec in self.records["Lead"] if rec.get("Rating") == "Hot"
               and not rec.get("IsDeleted") and not rec.get("IsConverted")]
        for k, rec in enumerate(hot[:12]):
            created = _ms(rec["CreatedDate"]) + (k + 1) * HOUR_MS
            done = k % 3 != 0
            self.add("Task", {
                "WhoId": rec["Id"], "Subject": "Call", "TaskSubtype": "Call",
                "ActivityDate": fmt.date(created + DAY_MS),
                "Status": "Completed" if done else "Not Started", "IsClosed": int(done),
                "Priority": "High", "Description": f"Llamar a {rec['Name']}" if done else None,
                "OwnerId": rec["OwnerId"], **self.stamps(created, by=rec["OwnerId"]),
            })
        opps_by_account: dict[str, str] = {}
        for rec in self.records["Opportunity"]:
            if not rec.get("IsDeleted"):
                opps_by_account.setdefault(rec["AccountId"], rec["Id"])
        for k, cid in enumerate(self.contact_ids[:20]):
            _person, aid, made, owner = self.contact_info[cid]
            what = (opps_by_account.get(aid) if k % 2 else aid) or aid
            created = made + int((3 + r() * 40) * DAY_MS)
            status = ("Completed", "In Progress", "Waiting on someone else", "Deferred")[k % 4]
            self.add("Task", {
                "WhoId": cid, "WhatId": what, "Subject": "Send Quote" if k % 2 else "Other",
                "TaskSubtype": "Task", "ActivityDate": fmt.date(created + 5 * DAY_MS),
                "Status": status, "IsClosed": int(status == "Completed"), "Priority": "Normal",
                "OwnerId": owner, **self.stamps(created, by=owner),
            })
        letters = self.ago(days=21, hours=2)
        for cid in self.contact_ids[20:25]:
            owner = self.contact_info[cid][3]
            self.add("Task", {
                "WhoId": cid, "WhatId": self.campaign_ids[2], "Subject": "Send Letter",
                "TaskSubtype": "Task", "ActivityDate": fmt.date(letters),
                "Status": "Completed", "IsClosed": 1, "Priority": "Low", "OwnerId": owner,
                **self.stamps(letters, by=self.admin_id),
            })
        self.add("Task", {
            "WhatId": self.campaign_ids[3], "Subject": fit("Preparar el webinar: ", 255),
            "TaskSubtype": "Task", "ActivityDate": fmt.date(self.now_ms + 3 * DAY_MS),
            "Status": "Not Started", "Priority": "High", "OwnerId": self.rep["fr"],
            **self.stamps(self.ago(days=6), by=self.rep["fr"]),
        })
        self.add("Task", {
            "WhoId": self.lead_ids[30], "Subject": "Call", "TaskSubtype": "Call",
            "Status": "Not Started", "Priority": "Normal", "OwnerId": self.rep["es"],
            **self.stamps(self.ago(days=9), by=self.rep["es"], deleted=self.ago(days=3)),
        })
        for k, cid in enumerate(self.contact_ids[25:40]):
            _person, aid, made, owner = self.contact_info[cid]
            start = self.now_ms + (k - 7) * 2 * DAY_MS
            start -= start % (15 * MINUTE_MS)
            created = min(self.now_ms, max(made, start - 10 * DAY_MS))
            minutes = (30, 60, 90)[k % 3]
            self.add("Event", {
                "WhoId": cid, "WhatId": opps_by_account.get(aid, aid),
                "Subject": ("Meeting", "Call", "Other")[k % 3],
                "Location": self.pick(names.EVENT_LOCATIONS),
                "StartDateTime": fmt.dt(start), "EndDateTime": fmt.dt(start + minutes * MINUTE_MS),
                "DurationInMinutes": minutes, "ShowAs": "Busy", "OwnerId": owner,
                **self.stamps(created, by=owner),
            })
        fair = _ms(self.records["Campaign"][1]["StartDate"] + "T00:00:00.000+0000")
        self.add("Event", {
            "WhatId": self.campaign_ids[1], "Subject": "Other", "IsAllDayEvent": 1,
            "Location": fit("Fira de Barcelona, Recinte Gran Via, pavelló 2, estand 14 ", 255),
            "StartDateTime": fmt.dt(fair), "EndDateTime": fmt.dt(fair + DAY_MS),
            "DurationInMinutes": 1440, "ShowAs": "OutOfOffice", "OwnerId": self.rep["es"],
            **self.stamps(fair - 30 * DAY_MS, by=self.rep["es"]),
        })
        for k, lid in enumerate(self.lead_ids[25:31]):
            _person, made, owner = self.lead_info[lid]
            start = made + (k + 2) * DAY_MS
            start -= start % (15 * MINUTE_MS)
            self.add("Event", {
                "WhoId": lid, "Subject": "Call", "Location": "Teams",
                "StartDateTime": fmt.dt(start), "EndDateTime": fmt.dt(start + 30 * MINUTE_MS),
                "DurationInMinutes": 30, "OwnerId": owner,
                **self.stamps(min(made + HOUR_MS, start), by=owner,
                              deleted=self.ago(days=1) if k == 5 else None),
            })

    def subscriptions(self) -> None:
        """Subscriptions of twenty customers; one cancelled, one in the recycle bin."""
        plans = ("Monthly", "Quarterly", "Yearly")
        for k, cid in enumerate(self.contact_ids[::3][:20]):
            _person, _account, made, owner = self.contact_info[cid]
            created = made + int((10 + k) * DAY_MS)
            plan = plans[k % 3]
            self.add("Subscription__c", {
                "Name": f"SUB-{k + 1:04d} {plan}", "Contact__c": cid, "Plan__c": plan,
                "Start_Date__c": self.fmt.date(created), "Active__c": int(k != 4),
                "Monthly_Amount__c": _PLAN_PRICE[plan] * (1 + k % 7), "OwnerId": owner,
                **self.stamps(created, by=owner,
                              deleted=self.ago(days=7) if k == 9 else None),
            })
        self.add("Subscription__c", {
            "Name": fit("Suscripción anual — cliente con nombre larguísimo ", 80),
            "Contact__c": self.max_contact, "Plan__c": "Yearly", "Active__c": 1,
            "Monthly_Amount__c": 39.0, "OwnerId": self.rep["es"],
            **self.stamps(self.ago(days=30), by=self.rep["es"]),
        })


def _url_of_length(domain: str, length: int) -> str:
    """``https://www.{domain}/`` and a path, ``length`` characters in all."""
    base = f"https://www.{domain}/"
    return base + fit("productos/sincronizacion/", length - len(base))


def _ms(stamp: str) -> int:
    """Epoch milliseconds of a stored ``YYYY-MM-DDTHH:MM:SS.fff+0000`` datetime."""
    dt = datetime.strptime(stamp[:23], "%Y-%m-%dT%H:%M:%S.%f").replace(tzinfo=UTC)
    return int(dt.timestamp() * 1000)


def _can_fork() -> bool:
    # Linux only: macOS and Windows would spawn, re-running the whole set-up in the child.
    return sys.platform.startswith("linux")


class _ForkedTables:
    """The tables of a row generator run in a forked child process, read in the parent.

    Yields ``(name, columns, rows)`` like the generator, each ``rows`` an iterator that
    must be used up before the next table. The child inherits everything the generator
    reads (nothing is sent to it) and sends rows in pickled chunks; a thread here reads
    them as they come, so the child keeps generating while this process is busy in SQLite
    (which releases the GIL), up to ``BUFFER`` chunks ahead.

    The child touches nothing but the generator's objects and the pipe, and leaves with
    ``os._exit`` (multiprocessing's fork start does): the SQLite connection it inherited,
    in the middle of the seed's transaction, is never used or closed there.
    """

    CHUNK = 5_000
    BUFFER = 64  #: chunks read ahead (a Lead chunk pickles to ~1.7 MB)

    def __init__(self, tables: Iterator[tuple[str, Sequence[str], Iterable[tuple]]]) -> None:
        context = multiprocessing.get_context("fork")
        # Unflushed output would be flushed twice, once by each process.
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
        self._recv, send = context.Pipe(duplex=False)
        self._proc = context.Process(target=_send_tables, args=(tables, send), daemon=True)
        self._proc.start()
        send.close()
        self._chunks: queue.Queue[bytes | None] = queue.Queue(self.BUFFER)
        self._closed = threading.Event()
        self._done = False
        self._reader = threading.Thread(target=self._read, name="seed-reader", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while not self._closed.is_set():
            try:
                data: bytes | None = self._recv.recv_bytes()
            except (EOFError, OSError):
                data = None
            while not self._closed.is_set():
                try:
                    self._chunks.put(data, timeout=0.2)
                    break
                except queue.Full:
                    continue
            if data is None:
                return

    def _next(self) -> tuple:
        data = self._chunks.get()
        if data is None:
            raise RuntimeError("the row generator's process died")
        message = pickle.loads(data)
        if message[0] == "error":
            raise RuntimeError(f"the row generator failed:\n{message[1]}")
        return message

    def __iter__(self) -> Iterator[tuple[str, tuple[str, ...], Iterator[tuple]]]:
        while True:
            message = self._next()
            if message[0] == "done":
                self._done = True
                return
            _kind, name, columns = message
            yield name, columns, self._rows()

    def _rows(self) -> Iterator[tuple]:
        while True:
            message = self._next()
            if message[0] == "end":
                return
            yield from message[1]

    def close(self) -> None:
        """Stop the child (at once if its tables were not all read) and the reader."""
        self._closed.set()
        if not self._done:
            self._proc.kill()
        self._proc.join(timeout=5)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join()
        self._reader.join(timeout=5)  # the child's end is closed: the read ends
        self._recv.close()


def _send_tables(tables: Iterator[tuple[str, Sequence[str], Iterable[tuple]]],
                 send: multiprocessing.connection.Connection) -> None:
    """The child's side of :class:`_ForkedTables`."""
    # No collection in the child: a garbage cycle holding some SQLite connection must not
    # be finalized (closed) here.
    gc.disable()
    try:
        for name, columns, rows in tables:
            send.send(("table", name, tuple(columns)))
            batch: list[tuple] = []
            for row in rows:
                batch.append(row)
                if len(batch) == _ForkedTables.CHUNK:
                    send.send(("rows", batch))
                    batch = []
            send.send(("rows", batch))
            send.send(("end",))
        send.send(("done",))
    except BaseException:
        send.send(("error", traceback.format_exc()))
    finally:
        send.close()


def _indexes_of(saved: dict[str, list[str]], tables: Sequence[str]) -> list[str]:
    return [sql for table in tables for sql in saved.get(table, ())]
