"""Which Salesforce org a store belongs to, and the check that keeps another org's sync out.

A store holds one org's records, Ids, watermarks and outbox. The first sync records that
org's Organization Id (with instance URL and user, for the messages); every later cycle
compares, and a different org is refused before anything is written."""

from __future__ import annotations

from typing import Any

from ..salesforce.errors import ConfigError

ORG_ID, ORG_URL, ORG_USER = "org.id", "org.instance_url", "org.username"


class OrgMismatch(ConfigError):
    """The store belongs to another org than the connection: nothing was synced."""


def _org15(org_id: str) -> str:
    # 15- and 18-character forms of one Id are the same org
    return org_id[:15]


def check_org(store: Any, identity: dict[str, Any]) -> None:
    """Record the connection's org in a store that has none; raise :class:`OrgMismatch`
    when the store already belongs to another org."""
    org_id = str(identity.get("organization_id") or "")
    if not org_id:
        return  # an identity without an org: nothing to compare with
    url = str(identity.get("instance_url") or "")
    user = str(identity.get("username") or "")
    known = store.setting(ORG_ID)
    if known is None:
        store.set_setting(ORG_ID, org_id)
        store.set_setting(ORG_URL, url)
        store.set_setting(ORG_USER, user)
        return
    if _org15(known) != _org15(org_id):
        theirs = f"{known} ({store.setting(ORG_USER) or '?'} at {store.setting(ORG_URL) or '?'})"
        ours = f"{org_id} ({user or '?'} at {url or '?'})"
        raise OrgMismatch(
            f"the store {store.path} belongs to org {theirs}, not to the org signed in now, "
            f"{ours}; nothing was synced. Sync this org into a store of its own: "
            "'sfsync sync --db PATH' (and the same --db for its other commands), or "
            "'sfsync-gui --db PATH --profile NAME'")
