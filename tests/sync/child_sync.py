"""A sync process for kill tests: runs one cycle against the org named by environment
variables and prints every event on its own line, so the parent can kill it mid-way."""

from __future__ import annotations

import os
import sys

from sfsync_gui.salesforce.connection import SalesforceConnection
from sfsync_gui.salesforce.tokens import ClientCredentialsTokens
from sfsync_gui.store import Store
from sfsync_gui.sync import SyncConfig, SyncEngine


def main() -> int:
    env = os.environ
    tokens = ClientCredentialsTokens(env["SFSYNC_LOGIN_URL"], env["SFSYNC_CLIENT_ID"],
                                     env["SFSYNC_CLIENT_SECRET"], ca_file=env["SFSYNC_CA_FILE"])
    conn = SalesforceConnection(tokens, ca_file=env["SFSYNC_CA_FILE"])
    store = Store(sys.argv[1])
    config = SyncConfig(bulk_threshold=int(env.get("CHILD_BULK_THRESHOLD", "50000")),
                        bulk_page_records=int(env.get("CHILD_BULK_PAGE", "50000")))

    def events(kind: str, payload: object) -> None:
        print(f"{kind} {payload}", flush=True)

    summary = SyncEngine(store, conn, config, events=events).run_cycle("once")
    print(f"done {summary.status} {summary.api_calls}", flush=True)
    return 0 if summary.status == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
