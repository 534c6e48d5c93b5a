"""Values from data never change what a SOQL query means: quoted through
:mod:`sfsync_gui.salesforce.soql` and sent over the real client to the local org, a value
full of quotes, backslashes, wildcards, newlines, SOQL keywords and unicode matches
exactly the record that holds it — and the engine's link-by-email finds exactly the
Lead with that email, never a look-alike."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sfsync_gui.localorg.server import RunningOrg, start_local_org
from sfsync_gui.salesforce import soql
from sfsync_gui.salesforce.connection import SalesforceConnection
from sfsync_gui.store import Store
from sfsync_gui.sync import SyncConfig, SyncEngine
from sfsync_gui.sync.config import TWO_WAY

from ..sync.test_engine_e2e import make_conn

#: What hostile text is made of: SOQL's special characters, wildcards, whitespace
#: escapes, keyword fragments and non-ASCII letters.
HOSTILE = st.lists(st.sampled_from([
    "'", "\\", '"', "%", "_", "\n", "\r", "\t", "\\'", "''", "' OR Name != '", "') OR (",
    " OR ", " AND ", "LIKE", "NULL", "--", "/*", ";", "\\%", "\\_", "\\n", "\\u0027",
    "é", "ß", "日本", "😀", "a", "Z", "0", " ",
]), min_size=1, max_size=8).map("".join)
#: Characters an email's local part may hold (and the local org accepts).
LOCAL_PART = st.lists(st.sampled_from([
    "'", "%", "_", "+", "-", "!", "#", "$", "&", "*", "=", "?", "^", "`", "{", "|", "}",
    "~", "/", "or", "and", "like", "null", "x", "Q", "7",
]), min_size=1, max_size=8).map("".join)


FIXTURES = [HealthCheck.function_scoped_fixture]


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningOrg]:
    running = start_local_org(tmp_path_factory.mktemp("org"), seed=20)
    time.sleep(1.1)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def conn(org: RunningOrg) -> SalesforceConnection:
    return make_conn(org)


def _ids(conn: SalesforceConnection, where: str) -> set[str]:
    return {r["Id"] for page in conn.query_pages(f"SELECT Id FROM Lead WHERE {where}")
            for r in page}


def _look_alike(value: str) -> str:
    """What a wildcard or a dropped escape would also match."""
    return value.replace("%", "X").replace("_", "Y").replace("\\", "").replace("'", "") + "!"


@settings(max_examples=60, deadline=None, suppress_health_check=FIXTURES)
@given(value=HOSTILE)
def test_quoted_value_matches_exactly_its_record(org: RunningOrg, conn: SalesforceConnection,
                                                 value: str) -> None:
    tag = uuid.uuid4().hex[:8]
    name = f"{tag}{value}"[:80]
    rid = org.control.create("Lead", {"LastName": name, "Company": "Quoting"})
    decoy = org.control.create("Lead", {"LastName": _look_alike(name)[:80],
                                        "Company": "Quoting"})
    stored = org.control.get("Lead", rid)["LastName"]  # as the org keeps it (trimmed...)
    assert _ids(conn, f"LastName = {soql.quote(stored)}") == {rid}
    assert _ids(conn, f"LastName IN ({soql.quote(stored)}, {soql.quote('nobody')})") == {rid}
    assert _ids(conn, f"LastName LIKE {soql.quote_like(stored)}") == {rid}
    prefix = soql.like_escape(stored[:-1] if len(stored) > 9 else stored)
    assert rid in _ids(conn, f"LastName LIKE '{prefix}%' AND Company = {soql.quote('Quoting')}")
    assert decoy not in _ids(conn, f"LastName = {soql.quote(stored)} OR LastName LIKE "
                                   f"{soql.quote_like(stored)}")


def test_api_names_are_checked_not_quoted() -> None:
    assert soql.name("Lead_Score__c") == "Lead_Score__c"
    for bad in ("Lead WHERE", "Lead;", "", "1Lead", "Lead'", "Le ad", "x" * 81):
        with pytest.raises(ValueError):
            soql.name(bad)


@given(value=st.text())
def test_escape_round_trips_through_the_soql_lexer(value: str) -> None:
    """The local org's lexer (a copy of Salesforce's rules) decodes exactly the value."""
    from sfsync_gui.localorg.soql.lexer import STRING, tokenize

    tokens = [t for t in tokenize(soql.quote(value)) if t.kind == STRING]
    assert len(tokens) == 1 and tokens[0].value == value


@pytest.fixture(scope="module")
def lead_engine(org: RunningOrg, tmp_path_factory: pytest.TempPathFactory
                ) -> Iterator[SyncEngine]:
    path: Path = tmp_path_factory.mktemp("link") / "sfsync.db"
    engine = SyncEngine(Store(path), make_conn(org), SyncConfig(objects={"Lead": TWO_WAY}))
    assert engine.run_cycle("once").status == "ok"
    yield engine
    engine.store.close()


@settings(max_examples=20, deadline=None, suppress_health_check=FIXTURES)
@given(local=LOCAL_PART)
def test_link_by_email_finds_exactly_the_lead_with_that_email(
        org: RunningOrg, lead_engine: SyncEngine, local: str) -> None:
    engine = lead_engine
    tag = uuid.uuid4().hex[:8]
    email = f"{local}.{tag}@example.org"
    target = org.control.create("Lead", {"LastName": "Target", "Company": "E",
                                         "Email": email})
    # what a wildcard reading of % or _ in the email would also match
    decoy = org.control.create("Lead", {"LastName": "Decoy", "Company": "E",
                                        "Email": _look_alike(local).replace("!", "") +
                                        f"z.{tag}@example.org"})
    lid = engine.store.create_local("Lead", {"LastName": "Local", "Company": "E",
                                             "Email": email.upper()})
    assert engine.run_cycle("once").status == "ok"
    assert engine.store.table("Lead").count("_lid = ? AND _deleted = 0 AND _sf_id IS NULL",
                                            (lid,)) == 0, "created anew or left unlinked"
    # the one live local record with that email is the target's copy
    holders = {r["_sf_id"] for r in engine.store.table("Lead").find(
        "lower(Email) = ? AND _deleted = 0", (email.lower(),), limit=10)}
    assert holders == {target}
    assert _ids(make_conn(org), f"Email = {soql.quote(email)}") == {target}
    assert decoy not in holders
