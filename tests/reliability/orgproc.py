"""The local org in its own process, and an administrator's HTTP client for it.

The reliability harnesses keep the org out of their own process so that neither the org's
request threads nor the driver's edits share a GIL with the other, as with a real org.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests

ROOT = Path(__file__).resolve().parents[2]
API = "v59.0"


class ControlFailed(Exception):
    """The org refused a control operation (4xx): the driver skips that edit."""


class OrgProcess:
    """``sfsync localorg serve`` as a child process; ``facts`` is its JSON line."""

    def __init__(self, data_dir: Path, seed: int | str, *, api_limit: int = 50_000_000,
                 token_ttl: int = 7200) -> None:
        self.data_dir = data_dir
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "sfsync_gui.cli", "localorg", "serve", "--data",
             str(data_dir), "--seed", str(seed), "--api-limit", str(api_limit),
             "--token-ttl", str(token_ttl)],
            stdout=subprocess.PIPE, stderr=open(data_dir / "org.log", "ab"),  # noqa: SIM115
            text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the local org did not start: see {data_dir / 'org.log'}")
        self.facts: dict[str, Any] = json.loads(line)

    def child_env(self, **extra: str) -> dict[str, str]:
        """The environment a sync child needs to reach this org (secrets only in env)."""
        f = self.facts
        return {**os.environ, "SFSYNC_LOGIN_URL": f["login_url"],
                "SFSYNC_CLIENT_ID": f["client_id"], "SFSYNC_CLIENT_SECRET": f["client_secret"],
                "SFSYNC_CA_FILE": f["ca_file"], "PYTHONPATH": str(ROOT), **extra}

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class AdminApi:
    """The org as its administrator sees it: control operations and queries over HTTPS."""

    def __init__(self, facts: dict[str, Any]) -> None:
        self.facts = facts
        self.session = requests.Session()
        self.session.trust_env = False
        self.session.verify = facts["ca_file"]
        self.base = facts["instance_url"]
        self._token: str | None = None
        self.calls = 0

    def _login(self) -> str:
        f = self.facts
        resp = self.session.post(f["login_url"] + "/services/oauth2/token", data={
            "grant_type": "password", "client_id": f["client_id"],
            "client_secret": f["client_secret"], "username": f["admin_user"]["username"],
            "password": f["admin_user"]["password"]}, timeout=60)
        resp.raise_for_status()
        self._token = resp.json()["access_token"]
        return self._token

    def request(self, method: str, path: str, body: Any = None) -> Any:
        for attempt in range(6):
            token = self._token or self._login()
            try:
                resp = self.session.request(method, self.base + path, json=body, timeout=120,
                                            headers={"Authorization": f"Bearer {token}"})
            except requests.ConnectionError:
                time.sleep(0.2 * (attempt + 1))
                continue
            self.calls += 1
            if resp.status_code == 401:
                self._token = None
                continue
            if resp.status_code in (500, 503) and attempt < 5:
                time.sleep(0.2 * (attempt + 1))
                continue
            if 400 <= resp.status_code < 500:
                raise ControlFailed(f"{method} {path}: {resp.status_code} {resp.text[:300]}")
            resp.raise_for_status()
            return resp.json() if resp.content else None
        raise RuntimeError(f"{method} {path}: no answer after retries")

    # -- control -------------------------------------------------------------------------

    def control(self, method: str, path: str, body: Any = None) -> Any:
        return self.request(method, "/control/" + path, body)

    def create(self, obj: str, values: dict) -> str:
        return self.control("POST", f"records/{obj}", values)["id"]

    def update(self, obj: str, sf_id: str, values: dict) -> None:
        self.control("PATCH", f"records/{obj}/{sf_id}", values)

    def delete(self, obj: str, sf_id: str) -> None:
        self.control("DELETE", f"records/{obj}/{sf_id}")

    def convert(self, lead_id: str) -> dict:
        return self.control("POST", "convert", {"leadId": lead_id})

    def merge(self, obj: str, master: str, losers: list[str]) -> dict:
        return self.control("POST", "merge", {"object": obj, "masterId": master,
                                              "loserIds": losers})

    def add_fault(self, kind: str, **spec: Any) -> dict:
        return self.control("POST", "faults", {"kind": kind, **spec})

    def faults(self) -> list[dict]:
        return self.control("GET", "faults")

    def clear_faults(self) -> None:
        self.control("DELETE", "faults")

    def add_field(self, obj: str, name: str, type: str = "string", **spec: Any) -> dict:
        return self.control("POST", "schema/fields", {"object": obj, "name": name,
                                                      "type": type, **spec})

    def set_access(self, obj: str, field: str, *, readable: bool,
                   editable: bool | None = None) -> dict:
        body: dict[str, Any] = {"object": obj, "field": field, "readable": readable}
        if editable is not None:
            body["editable"] = editable
        return self.control("POST", "schema/access", body)

    # -- queries ---------------------------------------------------------------------------

    def query_all(self, soql: str) -> list[dict]:
        """Every row of ``soql`` including deleted ones (``queryAll``), all pages."""
        out: list[dict] = []
        page = self.request("GET", f"/services/data/{API}/queryAll?q={quote(soql)}")
        while True:
            out += page.get("records") or []
            if page.get("done", True) or not page.get("nextRecordsUrl"):
                return out
            page = self.request("GET", page["nextRecordsUrl"])

    def count(self, soql: str) -> int:
        return int(self.request(
            "GET", f"/services/data/{API}/query?q={quote(soql)}")["totalSize"])
