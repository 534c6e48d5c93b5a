"""TLS is never bypassed: a local org serving an expired, not yet valid, wrongly named or
unknown-CA certificate is refused by the sync connection and by sign-in (``sfsync
connect``) with a message naming the problem and what to do; environment variables
cannot widen or switch off trust; and no code path turns verification off."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from sfsync_gui.localorg.server import RunningOrg, start_local_org
from sfsync_gui.localorg.tls import FAULTS, issue_faulty_certificate
from sfsync_gui.salesforce.connection import SalesforceConnection
from sfsync_gui.salesforce.errors import SalesforceError
from sfsync_gui.salesforce.tokens import ClientCredentialsTokens, https_session

from ..credentials.cli_helpers import local_args, make_run
from ..credentials.conftest import config_dir, memory_keyring  # noqa: F401 - fixtures

ROOT = Path(__file__).resolve().parents[2]
#: What each fault must be called in the message, and the remedy it must name.
WORDS = {"expired": ("expired", "renew"), "not_yet_valid": ("not valid yet", "date"),
         "wrong_name": ("another name", "URL"), "unknown_ca": ("certificate authority",
                                                               "CA file")}


@pytest.fixture(scope="module", params=FAULTS)
def bad_org(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[tuple[str, RunningOrg]]:
    folder = tmp_path_factory.mktemp(f"tls-{request.param}")
    files = issue_faulty_certificate(folder, request.param)
    running = start_local_org(folder, seed=5, tls=files)
    yield request.param, running
    running.stop()


def _conn(org: RunningOrg) -> SalesforceConnection:
    f = org.facts
    return SalesforceConnection(ClientCredentialsTokens(
        f.login_url, f.client_id, f.client_secret, ca_file=f.ca_file, timeout=10),
        ca_file=f.ca_file, timeout=10)


def _assert_explained(fault: str, message: str) -> None:
    what, remedy = WORDS[fault]
    assert what in message and remedy in message, message
    assert "Traceback" not in message


def test_the_connection_refuses_a_faulty_certificate(bad_org: tuple[str, RunningOrg]) -> None:
    fault, org = bad_org
    with pytest.raises(SalesforceError) as caught:
        _conn(org).count("FROM Lead")
    assert caught.value.code == "CERTIFICATE_VERIFY_FAILED"
    _assert_explained(fault, caught.value.message)


def test_sign_in_refuses_a_faulty_certificate(bad_org: tuple[str, RunningOrg],
                                              capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    fault, org = bad_org
    run = make_run(capsys, monkeypatch)
    monkeypatch.setattr("webbrowser.open", lambda url: pytest.fail("a browser was opened"))
    r = run(*local_args(org, "bad", "client-credentials"),
            stdin=org.facts.client_secret + "\n")
    assert r.code == 1, r
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sfsync: "), r.err
    _assert_explained(fault, lines[0])
    assert org.facts.client_secret not in r.out + r.err


@pytest.fixture(scope="module")
def good_org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningOrg]:
    running = start_local_org(tmp_path_factory.mktemp("tls-good"), seed=5)
    yield running
    running.stop()


@pytest.mark.parametrize("env", [
    {"REQUESTS_CA_BUNDLE": "{ca}"}, {"CURL_CA_BUNDLE": "{ca}"},
    {"REQUESTS_CA_BUNDLE": "", "CURL_CA_BUNDLE": ""}, {"PYTHONHTTPSVERIFY": "0"},
    {"REQUESTS_CA_BUNDLE": "/nonexistent.pem", "SSL_CERT_FILE": "{ca}"},
])
def test_environment_variables_neither_widen_nor_switch_off_trust(
        good_org: RunningOrg, monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """Policy: trust is certifi's bundle or the CA file given explicitly — never a bundle
    named in the environment (name it with SFSYNC_CA_FILE or --ca-file instead)."""
    f = good_org.facts
    for key, value in env.items():
        monkeypatch.setenv(key, value.format(ca=f.ca_file))
    session = https_session(None, timeout=10)
    with pytest.raises(Exception) as caught:
        session.get(f.login_url + "/services/data")
    assert "CERTIFICATE_VERIFY_FAILED" in str(caught.value)
    # an explicit CA file does extend trust, whatever the environment says
    trusted = https_session(f.ca_file, timeout=10)
    assert trusted.get(f.login_url + "/services/data").status_code == 200
    # and a request cannot ask for verification off
    assert https_session(f.ca_file, timeout=10).get(
        f.login_url + "/services/data", verify=False).status_code == 200
    with pytest.raises(Exception, match="CERTIFICATE_VERIFY_FAILED"):
        session.get(f.login_url + "/services/data", verify=False)


#: Ways Python code turns TLS verification off.
BYPASSES = re.compile(
    r"verify\s*=\s*False|CERT_NONE|check_hostname\s*=\s*False|_create_unverified_context"
    r"|disable_warnings|InsecureRequestWarning|PYTHONHTTPSVERIFY|trust_env\s*=\s*True"
    r"|ssl\._create_default_https_context")


def test_no_code_path_turns_verification_off() -> None:
    offenders = []
    for path in sorted((ROOT / "sfsync_gui").rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if BYPASSES.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert offenders == []
    # and every HTTP session is built by the one function that pins trust
    sessions = [str(p.relative_to(ROOT)) for p in (ROOT / "sfsync_gui").rglob("*.py")
                if re.search(r"requests\.(Session|get|post|request)\(|urlopen\(",
                             p.read_text(encoding="utf-8"))]
    assert sessions == [], sessions
