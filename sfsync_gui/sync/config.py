"""What is synced, in which direction, and how often. Defaults follow product.md."""

from __future__ import annotations

from dataclasses import dataclass, field

TWO_WAY = "two_way"
FROM_SALESFORCE = "from_salesforce"

#: Objects in the order they are pulled: parents before children, Contacts before Leads so a
#: converted Lead finds its Contact already there.
DEFAULT_OBJECTS: dict[str, str] = {
    "User": FROM_SALESFORCE,
    "Account": FROM_SALESFORCE,
    "Campaign": TWO_WAY,
    "Contact": TWO_WAY,
    "Lead": TWO_WAY,
    "CampaignMember": TWO_WAY,
    "Opportunity": FROM_SALESFORCE,
    "OpportunityContactRole": FROM_SALESFORCE,
    "Task": FROM_SALESFORCE,
    "Event": FROM_SALESFORCE,
}

PERSON_OBJECTS = ("Lead", "Contact")

#: Standard fields not worth syncing: UI and system bookkeeping, data.com keys, photos.
EXCLUDED_STANDARD_FIELDS = frozenset({
    "LastViewedDate", "LastReferencedDate", "PhotoUrl", "Jigsaw", "JigsawContactId",
    "IsUnreadByOwner", "CleanStatus", "IndividualId", "SystemModstamp", "IsDeleted", "Id",
})
#: Types the store cannot keep as one column.
UNSUPPORTED_TYPES = frozenset({"address", "location", "base64", "anyType", "complexvalue"})


@dataclass
class SyncConfig:
    """Tunable behaviour of the engine (the CLI and the settings dialog set these)."""

    objects: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_OBJECTS))
    #: seconds between cycles
    interval: float = 300.0
    #: re-read this many seconds before the watermark: records committed late with an
    #: earlier SystemModstamp are not lost
    overlap_seconds: int = 300
    #: a first sync above this many records uses Bulk API 2.0
    bulk_threshold: int = 50_000
    #: records per Bulk result page (each page is one checkpoint)
    bulk_page_records: int = 50_000
    #: background sync stops at this share of the daily API allowance
    budget_share: float = 0.8
    #: force sync still runs below this share
    hard_cap_share: float = 0.95
    #: Ids of every object are compared with Salesforce this often (hard deletes)
    reconcile_every_seconds: float = 24 * 3600
    #: how often get deleted is asked whether the recycle bin was purged (then: reconcile)
    deleted_check_every: float = 3600
    #: back-off for transient push failures: base * 2**attempts, capped
    backoff_base: float = 5.0
    backoff_cap: float = 900.0
