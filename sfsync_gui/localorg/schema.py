"""The local org's metadata: objects, fields, types and each profile's field access.

Everything the local org serves is derived from the :class:`Catalog` built here: the SQLite
tables (``storage``), describe (``describe``), the SOQL compiler's view of what exists and
what a user may read (``soql``), and the write rules (``rules``).

Field access follows Salesforce's field-level security: a field hidden from a profile is
absent from describe and records and is ``INVALID_FIELD`` in SOQL; a read-only field shows
``updateable: false`` and writing it is ``INVALID_FIELD_FOR_INSERT_UPDATE``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum


class FieldType(StrEnum):
    """Salesforce field types (describe's ``type``) the local org supports."""

    ID = "id"
    STRING = "string"
    TEXTAREA = "textarea"
    EMAIL = "email"
    PHONE = "phone"
    URL = "url"
    PICKLIST = "picklist"
    MULTIPICKLIST = "multipicklist"
    COMBOBOX = "combobox"
    BOOLEAN = "boolean"
    INT = "int"
    DOUBLE = "double"
    CURRENCY = "currency"
    PERCENT = "percent"
    DATE = "date"
    DATETIME = "datetime"
    REFERENCE = "reference"


#: Types stored as text and compared without regard to case, as SOQL does.
TEXT_TYPES = frozenset(
    {
        FieldType.STRING,
        FieldType.TEXTAREA,
        FieldType.EMAIL,
        FieldType.PHONE,
        FieldType.URL,
        FieldType.PICKLIST,
        FieldType.MULTIPICKLIST,
        FieldType.COMBOBOX,
    }
)
ID_TYPES = frozenset({FieldType.ID, FieldType.REFERENCE})
NUMBER_TYPES = frozenset({FieldType.INT, FieldType.DOUBLE, FieldType.CURRENCY, FieldType.PERCENT})

SOAP_TYPES = {
    FieldType.ID: "tns:ID",
    FieldType.REFERENCE: "tns:ID",
    FieldType.BOOLEAN: "xsd:boolean",
    FieldType.INT: "xsd:int",
    FieldType.DOUBLE: "xsd:double",
    FieldType.CURRENCY: "xsd:double",
    FieldType.PERCENT: "xsd:double",
    FieldType.DATE: "xsd:date",
    FieldType.DATETIME: "xsd:dateTime",
}


@dataclass(frozen=True)
class FieldDef:
    """One field of an object, as describe reports it to a user with full access."""

    name: str
    label: str
    type: FieldType
    length: int = 0
    precision: int = 0
    scale: int = 0
    digits: int = 0
    nillable: bool = True
    createable: bool = True
    updateable: bool = True
    custom: bool = False
    calculated: bool = False
    formula: str | None = None
    defaulted_on_create: bool = False
    default: object = None
    external_id: bool = False
    unique: bool = False
    id_lookup: bool = False
    name_field: bool = False
    picklist: tuple[str, ...] = ()
    restricted_picklist: bool = False
    reference_to: tuple[str, ...] = ()
    relationship_name: str | None = None
    filterable: bool = True
    sortable: bool = True
    auto_number: bool = False
    #: Maintained by the server (stamps, Id, IsDeleted...); never written by a client.
    system: bool = False

    @property
    def required(self) -> bool:
        """True when a create must supply a value (``REQUIRED_FIELD_MISSING`` otherwise)."""
        return (
            not self.nillable
            and self.createable
            and not self.defaulted_on_create
            and self.type is not FieldType.BOOLEAN
        )

    @property
    def soap_type(self) -> str:
        """The ``soapType`` describe reports."""
        return SOAP_TYPES.get(self.type, "xsd:string")

    @property
    def is_text(self) -> bool:
        return self.type in TEXT_TYPES


@dataclass(frozen=True)
class ObjectDef:
    """One sObject type: its describe header and its fields in describe order."""

    name: str
    label: str
    label_plural: str
    key_prefix: str | None
    fields: tuple[FieldDef, ...]
    custom: bool = False
    createable: bool = True
    updateable: bool = True
    deletable: bool = True
    queryable: bool = True
    mergeable: bool = False
    replicateable: bool = True
    #: Setup objects (FieldDefinition, UserFieldAccess...) are derived from the catalog,
    #: not stored by clients; they have no stamps and no recycle bin.
    setup: bool = False

    def field(self, name: str) -> FieldDef | None:
        """The field called ``name`` (case-insensitive, as Salesforce matches API names)."""
        return self._by_lower().get(name.lower())

    def _by_lower(self) -> dict[str, FieldDef]:
        cache = self.__dict__.get("_lower")
        if cache is None:
            cache = {f.name.lower(): f for f in self.fields}
            object.__setattr__(self, "_lower", cache)
        return cache

    def relationship(self, name: str) -> FieldDef | None:
        """The reference field whose ``relationshipName`` is ``name`` (case-insensitive)."""
        low = name.lower()
        for f in self.fields:
            if f.relationship_name and f.relationship_name.lower() == low:
                return f
        return None

    @property
    def has_stamps(self) -> bool:
        return self.field("SystemModstamp") is not None

    @property
    def has_recycle_bin(self) -> bool:
        return self.field("IsDeleted") is not None


@dataclass(frozen=True)
class Profile:
    """A profile's field-level security: hidden and read-only fields as ``Object.Field``."""

    name: str
    hidden: frozenset[str] = frozenset()
    read_only: frozenset[str] = frozenset()
    view_setup: bool = True


@dataclass(frozen=True)
class FieldAccess:
    """What one user may do with one field."""

    readable: bool
    createable: bool
    updateable: bool


@dataclass
class Catalog:
    """All objects of the org plus the profiles' field access.

    Mutations (a custom field added, access removed) bump ``version`` and the object's entry
    in ``modified`` so describe can answer ``If-Modified-Since`` honestly.
    """

    objects: dict[str, ObjectDef]
    profiles: dict[str, Profile]
    #: epoch milliseconds of the last change of each object's metadata
    modified: dict[str, int] = field(default_factory=dict)
    version: int = 0

    def get(self, name: str) -> ObjectDef | None:
        """The object called ``name``, case-insensitively."""
        obj = self.objects.get(name)
        if obj is not None:
            return obj
        low = name.lower()
        for key, value in self.objects.items():
            if key.lower() == low:
                return value
        return None

    def by_prefix(self, key_prefix: str) -> ObjectDef | None:
        for obj in self.objects.values():
            if obj.key_prefix == key_prefix:
                return obj
        return None

    def __iter__(self) -> Iterator[ObjectDef]:
        return iter(self.objects.values())

    def access(self, profile: str, obj: ObjectDef, fdef: FieldDef) -> FieldAccess:
        """Field-level security of ``profile`` on ``obj.fdef``."""
        prof = self.profiles[profile]
        key = f"{obj.name}.{fdef.name}"
        if key in prof.hidden:
            return FieldAccess(False, False, False)
        writable = key not in prof.read_only
        return FieldAccess(True, fdef.createable and writable, fdef.updateable and writable)

    def visible_fields(self, profile: str, obj: ObjectDef) -> list[FieldDef]:
        """The fields ``profile`` can read, in describe order."""
        prof = self.profiles[profile]
        return [f for f in obj.fields if f"{obj.name}.{f.name}" not in prof.hidden]

    def child_relationships(self, obj: ObjectDef) -> list[tuple[ObjectDef, FieldDef]]:
        """Every (child object, reference field) that points at ``obj``."""
        out = []
        for child in self.objects.values():
            for f in child.fields:
                if obj.name in f.reference_to:
                    out.append((child, f))
        return out

    # -- mutations used by the control API (schema changes mid-run) --------------------

    def add_field(self, obj_name: str, fdef: FieldDef, now_ms: int) -> None:
        obj = self.objects[obj_name]
        if obj.field(fdef.name) is not None:
            raise ValueError(f"{obj_name}.{fdef.name} already exists")
        self.objects[obj_name] = dataclasses.replace(obj, fields=(*obj.fields, fdef))
        self._touch(obj_name, now_ms)

    def set_access(
        self, profile: str, obj_name: str, field_name: str, *, readable: bool, editable: bool,
        now_ms: int,
    ) -> None:
        prof = self.profiles[profile]
        key = f"{obj_name}.{field_name}"
        hidden = set(prof.hidden) - {key}
        read_only = set(prof.read_only) - {key}
        if not readable:
            hidden.add(key)
        elif not editable:
            read_only.add(key)
        self.profiles[profile] = dataclasses.replace(
            prof, hidden=frozenset(hidden), read_only=frozenset(read_only)
        )
        self._touch(obj_name, now_ms)

    def _touch(self, obj_name: str, now_ms: int) -> None:
        self.modified[obj_name] = now_ms
        self.version += 1


# ---------------------------------------------------------------------------------------
# Field builders. Keyword defaults mirror what describe reports for that kind of field.


def _id() -> FieldDef:
    return FieldDef(
        "Id", "Record ID", FieldType.ID, length=18, nillable=False, createable=False,
        updateable=False, defaulted_on_create=True, id_lookup=True, unique=False, system=True,
    )


def _text(name: str, label: str, length: int, **kw: object) -> FieldDef:
    return FieldDef(name, label, FieldType.STRING, length=length, **kw)  # type: ignore[arg-type]


def _area(name: str, label: str, length: int = 255, **kw: object) -> FieldDef:
    kw.setdefault("filterable", length <= 255)
    kw.setdefault("sortable", length <= 255)
    return FieldDef(name, label, FieldType.TEXTAREA, length=length, **kw)  # type: ignore[arg-type]


def _email(name: str = "Email", label: str = "Email", **kw: object) -> FieldDef:
    return FieldDef(name, label, FieldType.EMAIL, length=80, id_lookup=True, **kw)  # type: ignore[arg-type]


def _phone(name: str, label: str) -> FieldDef:
    return FieldDef(name, label, FieldType.PHONE, length=40)


def _url(name: str, label: str, **kw: object) -> FieldDef:
    return FieldDef(name, label, FieldType.URL, length=255, **kw)  # type: ignore[arg-type]


def _pick(name: str, label: str, values: Iterable[str], **kw: object) -> FieldDef:
    return FieldDef(
        name, label, FieldType.PICKLIST, length=255, picklist=tuple(values), **kw  # type: ignore[arg-type]
    )


def _bool(name: str, label: str, default: bool = False, **kw: object) -> FieldDef:
    return FieldDef(
        name, label, FieldType.BOOLEAN, nillable=False, defaulted_on_create=True,
        default=default, **kw,  # type: ignore[arg-type]
    )


def _int(name: str, label: str, digits: int = 8, **kw: object) -> FieldDef:
    return FieldDef(name, label, FieldType.INT, digits=digits, **kw)  # type: ignore[arg-type]


def _num(name: str, label: str, ftype: FieldType = FieldType.DOUBLE, precision: int = 18,
         scale: int = 2, **kw: object) -> FieldDef:
    return FieldDef(name, label, ftype, precision=precision, scale=scale, **kw)  # type: ignore[arg-type]


def _date(name: str, label: str, **kw: object) -> FieldDef:
    return FieldDef(name, label, FieldType.DATE, **kw)  # type: ignore[arg-type]


def _datetime(name: str, label: str, **kw: object) -> FieldDef:
    return FieldDef(name, label, FieldType.DATETIME, **kw)  # type: ignore[arg-type]


def _ref(name: str, label: str, to: Iterable[str], rel: str | None, **kw: object) -> FieldDef:
    return FieldDef(
        name, label, FieldType.REFERENCE, length=18, reference_to=tuple(to),
        relationship_name=rel, **kw,  # type: ignore[arg-type]
    )


def _readonly(f: FieldDef, **kw: object) -> FieldDef:
    return dataclasses.replace(f, createable=False, updateable=False, **kw)  # type: ignore[arg-type]


def _system_tail(
    owner: bool = True, activity: bool = False, viewed: bool = False
) -> list[FieldDef]:
    """Owner, audit stamps and the recycle-bin flag that nearly every object carries."""
    out: list[FieldDef] = []
    if owner:
        out.append(
            _ref("OwnerId", "Owner ID", ["User"], "Owner", nillable=False,
                 defaulted_on_create=True)
        )
    out += [
        _bool("IsDeleted", "Deleted", createable=False, updateable=False, system=True),
        _readonly(_datetime("CreatedDate", "Created Date"), nillable=False,
                  defaulted_on_create=True, system=True),
        _readonly(_ref("CreatedById", "Created By ID", ["User"], "CreatedBy"),
                  nillable=False, defaulted_on_create=True, system=True),
        _readonly(_datetime("LastModifiedDate", "Last Modified Date"), nillable=False,
                  defaulted_on_create=True, system=True),
        _readonly(_ref("LastModifiedById", "Last Modified By ID", ["User"], "LastModifiedBy"),
                  nillable=False, defaulted_on_create=True, system=True),
        _readonly(_datetime("SystemModstamp", "System Modstamp"), nillable=False,
                  defaulted_on_create=True, system=True),
    ]
    if activity:
        out.append(_readonly(_date("LastActivityDate", "Last Activity"), system=True))
    if viewed:
        out += [
            _readonly(_datetime("LastViewedDate", "Last Viewed Date"), system=True),
            _readonly(_datetime("LastReferencedDate", "Last Referenced Date"), system=True),
        ]
    return out


def _name(label: str = "Full Name") -> FieldDef:
    """The compound person name (``FirstName LastName``), maintained by the server."""
    return _readonly(_text("Name", label, 121), name_field=True, system=True)


def _address(prefix: str, label: str) -> list[FieldDef]:
    return [
        _area(f"{prefix}Street", f"{label} Street"),
        _text(f"{prefix}City", f"{label} City", 40),
        _text(f"{prefix}State", f"{label} State/Province", 80),
        _text(f"{prefix}PostalCode", f"{label} Zip/Postal Code", 20),
        _text(f"{prefix}Country", f"{label} Country", 80),
    ]


SALUTATIONS = ("Mr.", "Ms.", "Mrs.", "Dr.", "Prof.")
LEAD_SOURCES = ("Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other")
LEAD_STATUSES = ("Open - Not Contacted", "Working - Contacted", "Closed - Converted",
                 "Closed - Not Converted")
INDUSTRIES = ("Agriculture", "Banking", "Consulting", "Education", "Energy", "Finance",
              "Healthcare", "Manufacturing", "Media", "Retail", "Technology", "Other")
RATINGS = ("Hot", "Warm", "Cold")
STAGES = ("Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote",
          "Negotiation/Review", "Closed Won", "Closed Lost")


def _lead() -> ObjectDef:
    fields = [
        _id(),
        _readonly(_ref("MasterRecordId", "Master Record ID", ["Lead"], "MasterRecord"),
                  system=True),
        _text("LastName", "Last Name", 80, nillable=False),
        _text("FirstName", "First Name", 40),
        _pick("Salutation", "Salutation", SALUTATIONS),
        _name(),
        _text("Title", "Title", 128),
        _text("Company", "Company", 255, nillable=False),
        *_address("", "Address"),
        _phone("Phone", "Phone"),
        _phone("MobilePhone", "Mobile Phone"),
        _phone("Fax", "Fax"),
        _email(),
        _url("Website", "Website"),
        _readonly(_url("PhotoUrl", "Photo URL")),
        _area("Description", "Description", 32000),
        _pick("LeadSource", "Lead Source", LEAD_SOURCES),
        _pick("Status", "Status", LEAD_STATUSES, nillable=False, restricted_picklist=True,
              defaulted_on_create=True, default="Open - Not Contacted"),
        _pick("Industry", "Industry", INDUSTRIES),
        _pick("Rating", "Rating", RATINGS),
        _num("AnnualRevenue", "Annual Revenue", FieldType.CURRENCY, 18, 0),
        _int("NumberOfEmployees", "Employees"),
        _bool("HasOptedOutOfEmail", "Email Opt Out"),
        _bool("DoNotCall", "Do Not Call"),
        _readonly(_bool("IsConverted", "Converted"), system=True),
        _readonly(_date("ConvertedDate", "Converted Date"), system=True),
        _readonly(_ref("ConvertedAccountId", "Converted Account ID", ["Account"],
                       "ConvertedAccount"), system=True),
        _readonly(_ref("ConvertedContactId", "Converted Contact ID", ["Contact"],
                       "ConvertedContact"), system=True),
        _readonly(_ref("ConvertedOpportunityId", "Converted Opportunity ID", ["Opportunity"],
                       "ConvertedOpportunity"), system=True),
        _bool("IsUnreadByOwner", "Unread By Owner"),
        _text("Jigsaw", "Data.com Key", 20),
        _readonly(_text("JigsawContactId", "Jigsaw Contact ID", 20)),
        _text("EmailBouncedReason", "Email Bounced Reason", 255),
        _datetime("EmailBouncedDate", "Email Bounced Date"),
        *_system_tail(activity=True, viewed=True),
        # custom fields
        _num("Lead_Score__c", "Lead Score", FieldType.DOUBLE, 5, 0, custom=True),
        _pick("Product_Interest__c", "Product Interest",
              ("Sync Basic", "Sync Pro", "Sync Enterprise"), custom=True),
        _pick("Preferred_Language__c", "Preferred Language",
              ("English", "Spanish", "Italian", "Dutch", "French"), custom=True,
              restricted_picklist=True),
        _text("Partner_Code__c", "Partner Code", 20, custom=True, external_id=True,
              unique=True, id_lookup=True),
        _area("Internal_Notes__c", "Internal Notes", 1000, custom=True),
        _bool("Newsletter__c", "Newsletter", custom=True),
    ]
    return ObjectDef("Lead", "Lead", "Leads", "00Q", tuple(fields), mergeable=True)


def _contact() -> ObjectDef:
    fields = [
        _id(),
        _readonly(_ref("MasterRecordId", "Master Record ID", ["Contact"], "MasterRecord"),
                  system=True),
        _ref("AccountId", "Account ID", ["Account"], "Account"),
        _text("LastName", "Last Name", 80, nillable=False),
        _text("FirstName", "First Name", 40),
        _pick("Salutation", "Salutation", SALUTATIONS),
        _name(),
        *_address("Mailing", "Mailing"),
        _phone("Phone", "Business Phone"),
        _phone("Fax", "Business Fax"),
        _phone("MobilePhone", "Mobile Phone"),
        _phone("HomePhone", "Home Phone"),
        _ref("ReportsToId", "Reports To ID", ["Contact"], "ReportsTo"),
        _email(),
        _text("Title", "Title", 128),
        _text("Department", "Department", 80),
        _date("Birthdate", "Birthdate"),
        _pick("LeadSource", "Lead Source", LEAD_SOURCES),
        _area("Description", "Contact Description", 32000),
        _bool("HasOptedOutOfEmail", "Email Opt Out"),
        _bool("DoNotCall", "Do Not Call"),
        _readonly(_url("PhotoUrl", "Photo URL")),
        _text("Jigsaw", "Data.com Key", 20),
        _text("EmailBouncedReason", "Email Bounced Reason", 255),
        _datetime("EmailBouncedDate", "Email Bounced Date"),
        *_system_tail(activity=True, viewed=True),
        _pick("Level__c", "Level", ("Primary", "Secondary", "Tertiary"), custom=True),
        _text("Languages__c", "Languages", 100, custom=True),
        _text("Customer_Id__c", "Customer ID", 30, custom=True, external_id=True,
              unique=True, id_lookup=True),
        _area("Secret_Notes__c", "Secret Notes", 1000, custom=True),
    ]
    return ObjectDef("Contact", "Contact", "Contacts", "003", tuple(fields), mergeable=True)


def _account() -> ObjectDef:
    fields = [
        _id(),
        _readonly(_ref("MasterRecordId", "Master Record ID", ["Account"], "MasterRecord"),
                  system=True),
        _text("Name", "Account Name", 255, nillable=False, name_field=True),
        _pick("Type", "Account Type", ("Prospect", "Customer - Direct", "Customer - Channel",
                                       "Channel Partner / Reseller", "Other")),
        _ref("ParentId", "Parent Account ID", ["Account"], "Parent"),
        *_address("Billing", "Billing"),
        *_address("Shipping", "Shipping"),
        _phone("Phone", "Account Phone"),
        _phone("Fax", "Account Fax"),
        _url("Website", "Website"),
        _pick("Industry", "Industry", INDUSTRIES),
        _num("AnnualRevenue", "Annual Revenue", FieldType.CURRENCY, 18, 0),
        _int("NumberOfEmployees", "Employees"),
        _area("Description", "Account Description", 32000),
        _pick("AccountSource", "Account Source", LEAD_SOURCES),
        _readonly(_url("PhotoUrl", "Photo URL")),
        _text("Jigsaw", "Data.com Key", 20),
        *_system_tail(activity=True, viewed=True),
    ]
    return ObjectDef("Account", "Account", "Accounts", "001", tuple(fields), mergeable=True)


def _user() -> ObjectDef:
    fields = [
        _id(),
        _text("Username", "Username", 80, nillable=False, unique=True, id_lookup=True),
        _text("LastName", "Last Name", 80, nillable=False),
        _text("FirstName", "First Name", 40),
        _name(),
        _text("Alias", "Alias", 8, nillable=False),
        _email(nillable=False),
        _bool("IsActive", "Active", default=True),
        _text("Title", "Title", 80),
        _text("Department", "Department", 80),
        _text("CompanyName", "Company Name", 80),
        _pick("TimeZoneSidKey", "Time Zone", ("Europe/Madrid", "Europe/Rome",
                                              "Europe/Amsterdam", "Europe/Paris",
                                              "America/Los_Angeles"), nillable=False,
              defaulted_on_create=True, default="Europe/Paris", restricted_picklist=True),
        _text("ProfileName__c", "Profile Name", 80, custom=True),
        *[f for f in _system_tail(owner=False) if f.name != "IsDeleted"],
    ]
    return ObjectDef("User", "User", "Users", "005", tuple(fields), createable=False,
                     deletable=False)


def _opportunity() -> ObjectDef:
    fields = [
        _id(),
        _ref("AccountId", "Account ID", ["Account"], "Account"),
        _text("Name", "Name", 120, nillable=False, name_field=True),
        _area("Description", "Description", 32000),
        _pick("StageName", "Stage", STAGES, nillable=False),
        _num("Amount", "Amount", FieldType.CURRENCY, 18, 2),
        _num("Probability", "Probability (%)", FieldType.PERCENT, 3, 0),
        _date("CloseDate", "Close Date", nillable=False),
        _pick("Type", "Opportunity Type", ("New Customer", "Existing Customer - Upgrade",
                                           "Existing Customer - Renewal")),
        _pick("LeadSource", "Lead Source", LEAD_SOURCES),
        _readonly(_bool("IsClosed", "Closed"), calculated=False),
        _readonly(_bool("IsWon", "Won")),
        _ref("CampaignId", "Campaign ID", ["Campaign"], "Campaign"),
        *_system_tail(activity=True, viewed=True),
    ]
    return ObjectDef("Opportunity", "Opportunity", "Opportunities", "006", tuple(fields))


def _opportunity_contact_role() -> ObjectDef:
    fields = [
        _id(),
        _ref("OpportunityId", "Opportunity ID", ["Opportunity"], "Opportunity",
             nillable=False, updateable=False),
        _ref("ContactId", "Contact ID", ["Contact"], "Contact", nillable=False),
        _pick("Role", "Role", ("Business User", "Decision Maker", "Economic Buyer",
                               "Technical Buyer", "Influencer", "Other")),
        _bool("IsPrimary", "Primary"),
        *_system_tail(owner=False),
    ]
    return ObjectDef("OpportunityContactRole", "Opportunity Contact Role",
                     "Opportunity Contact Roles", "00K", tuple(fields))


def _campaign() -> ObjectDef:
    fields = [
        _id(),
        _text("Name", "Name", 80, nillable=False, name_field=True),
        _ref("ParentId", "Parent Campaign ID", ["Campaign"], "Parent"),
        _pick("Type", "Type", ("Conference", "Webinar", "Trade Show", "Email",
                               "Advertisement", "Other")),
        _pick("Status", "Status", ("Planned", "In Progress", "Completed", "Aborted")),
        _date("StartDate", "Start Date"),
        _date("EndDate", "End Date"),
        _num("ExpectedRevenue", "Expected Revenue in Campaign", FieldType.CURRENCY, 18, 0),
        _num("BudgetedCost", "Budgeted Cost in Campaign", FieldType.CURRENCY, 18, 0),
        _num("ActualCost", "Actual Cost in Campaign", FieldType.CURRENCY, 18, 0),
        _bool("IsActive", "Active"),
        _area("Description", "Description", 32000),
        _readonly(_int("NumberOfLeads", "Leads in Campaign"), system=True),
        _readonly(_int("NumberOfContacts", "Contacts in Campaign"), system=True),
        *_system_tail(activity=True, viewed=True),
    ]
    return ObjectDef("Campaign", "Campaign", "Campaigns", "701", tuple(fields))


def _campaign_member() -> ObjectDef:
    fields = [
        _id(),
        _ref("CampaignId", "Campaign ID", ["Campaign"], "Campaign", nillable=False,
             updateable=False),
        _ref("LeadId", "Lead ID", ["Lead"], "Lead", updateable=False),
        _ref("ContactId", "Contact ID", ["Contact"], "Contact", updateable=False),
        _pick("Status", "Status", ("Planned", "Sent", "Received", "Responded"),
              defaulted_on_create=True, default="Sent"),
        _readonly(_bool("HasResponded", "Responded")),
        _date("FirstRespondedDate", "First Responded Date", createable=False,
              updateable=False),
        *_system_tail(owner=False),
    ]
    return ObjectDef("CampaignMember", "Campaign Member", "Campaign Members", "00v",
                     tuple(fields))


_WHO = ("Contact", "Lead")
_WHAT = ("Account", "Opportunity", "Campaign")


def _task() -> ObjectDef:
    fields = [
        _id(),
        _ref("WhoId", "Name ID", _WHO, "Who"),
        _ref("WhatId", "Related To ID", _WHAT, "What"),
        FieldDef("Subject", "Subject", FieldType.COMBOBOX, length=255,
                 picklist=("Call", "Send Letter", "Send Quote", "Other")),
        _date("ActivityDate", "Due Date Only"),
        _pick("Status", "Status", ("Not Started", "In Progress", "Completed",
                                   "Waiting on someone else", "Deferred"), nillable=False,
              restricted_picklist=True, defaulted_on_create=True, default="Not Started"),
        _pick("Priority", "Priority", ("High", "Normal", "Low"), nillable=False,
              restricted_picklist=True, defaulted_on_create=True, default="Normal"),
        _area("Description", "Description", 32000),
        _readonly(_bool("IsClosed", "Closed")),
        _pick("TaskSubtype", "Task Subtype", ("Task", "Email", "Call"), updateable=False),
        *_system_tail(),
    ]
    return ObjectDef("Task", "Task", "Tasks", "00T", tuple(fields))


def _event() -> ObjectDef:
    fields = [
        _id(),
        _ref("WhoId", "Name ID", _WHO, "Who"),
        _ref("WhatId", "Related To ID", _WHAT, "What"),
        FieldDef("Subject", "Subject", FieldType.COMBOBOX, length=255,
                 picklist=("Call", "Email", "Meeting", "Other")),
        _text("Location", "Location", 255),
        _datetime("StartDateTime", "Start Date Time"),
        _datetime("EndDateTime", "End Date Time"),
        _int("DurationInMinutes", "Duration"),
        _bool("IsAllDayEvent", "All-Day Event"),
        _pick("ShowAs", "Show Time As", ("Busy", "OutOfOffice", "Free"),
              defaulted_on_create=True, default="Busy"),
        _area("Description", "Description", 32000),
        *_system_tail(),
    ]
    return ObjectDef("Event", "Event", "Events", "00U", tuple(fields))


def _subscription() -> ObjectDef:
    fields = [
        _id(),
        _text("Name", "Subscription Name", 80, nillable=False, name_field=True),
        _ref("Contact__c", "Contact", ["Contact"], "Contact__r", custom=True),
        _pick("Plan__c", "Plan", ("Monthly", "Quarterly", "Yearly"), custom=True,
              restricted_picklist=True),
        _date("Start_Date__c", "Start Date", custom=True),
        _bool("Active__c", "Active", custom=True, default=True),
        _num("Monthly_Amount__c", "Monthly Amount", FieldType.CURRENCY, 16, 2, custom=True),
        *_system_tail(),
    ]
    return ObjectDef("Subscription__c", "Subscription", "Subscriptions", "a01", tuple(fields),
                     custom=True)


def _entity_definition() -> ObjectDef:
    fields = [
        FieldDef("Id", "Entity Definition ID", FieldType.ID, length=18, nillable=False,
                 createable=False, updateable=False),
        _readonly(_text("DurableId", "Durable ID", 255)),
        _readonly(_text("QualifiedApiName", "Qualified API Name", 255)),
        _readonly(_text("Label", "Label", 255)),
        _readonly(_text("PluralLabel", "Plural Label", 255)),
        _readonly(_text("KeyPrefix", "Key Prefix", 3)),
        _readonly(_bool("IsCustomizable", "Customizable")),
    ]
    return ObjectDef("EntityDefinition", "Entity Definition", "Entity Definitions", "4ie",
                     tuple(fields), createable=False, updateable=False, deletable=False,
                     replicateable=False, setup=True)


def _field_definition() -> ObjectDef:
    fields = [
        FieldDef("Id", "Field Definition ID", FieldType.ID, length=18, nillable=False,
                 createable=False, updateable=False),
        _readonly(_text("DurableId", "Durable ID", 255)),
        _readonly(_text("QualifiedApiName", "Qualified API Name", 255)),
        _readonly(_ref("EntityDefinitionId", "Entity Definition ID", ["EntityDefinition"],
                       "EntityDefinition")),
        _readonly(_text("Label", "Label", 255)),
        _readonly(_text("DataType", "Data Type", 255)),
        _readonly(_text("ValueTypeId", "Value Type ID", 255)),
        _readonly(_int("Length", "Length")),
        _readonly(_int("Precision", "Precision")),
        _readonly(_int("Scale", "Scale")),
        _readonly(_bool("IsNillable", "Nillable")),
        _readonly(_bool("IsCalculated", "Calculated")),
        _readonly(_bool("IsApiFilterable", "API Filterable")),
        _readonly(_text("NamespacePrefix", "Namespace Prefix", 15)),
    ]
    return ObjectDef("FieldDefinition", "Field Definition", "Field Definitions", "4if",
                     tuple(fields), createable=False, updateable=False, deletable=False,
                     replicateable=False, setup=True)


def _user_field_access() -> ObjectDef:
    fields = [
        FieldDef("Id", "User Field Access ID", FieldType.ID, length=18, nillable=False,
                 createable=False, updateable=False),
        _readonly(_text("DurableId", "Durable ID", 255)),
        _readonly(_ref("EntityDefinitionId", "Entity Definition ID", ["EntityDefinition"],
                       "EntityDefinition")),
        _readonly(_ref("FieldDefinitionId", "Field Definition ID", ["FieldDefinition"],
                       "FieldDefinition")),
        _readonly(_ref("UserId", "User ID", ["User"], "User")),
        _readonly(_bool("IsAccessible", "Accessible")),
        _readonly(_bool("IsCreatable", "Creatable")),
        _readonly(_bool("IsUpdatable", "Updatable")),
    ]
    return ObjectDef("UserFieldAccess", "User Field Access", "User Field Access", "4ia",
                     tuple(fields), createable=False, updateable=False, deletable=False,
                     replicateable=False, setup=True)


#: The sync user's profile: what an integration user typically cannot see or change.
SYNC_PROFILE = Profile(
    "Integration User",
    hidden=frozenset({
        "Lead.AnnualRevenue", "Lead.Internal_Notes__c", "Contact.Secret_Notes__c",
        "Contact.Birthdate", "Account.AnnualRevenue", "Opportunity.Probability",
    }),
    read_only=frozenset({
        "Lead.Lead_Score__c", "Contact.Level__c", "Lead.Partner_Code__c",
        "Account.Rating", "Campaign.ActualCost",
    }),
)
ADMIN_PROFILE = Profile("System Administrator")


def build_catalog() -> Catalog:
    """A fresh catalog with every object of the local org and both profiles."""
    objects = [
        _lead(), _contact(), _account(), _user(), _opportunity(), _opportunity_contact_role(),
        _campaign(), _campaign_member(), _task(), _event(), _subscription(),
        _entity_definition(), _field_definition(), _user_field_access(),
    ]
    return Catalog(
        objects={o.name: o for o in objects},
        profiles={p.name: p for p in (SYNC_PROFILE, ADMIN_PROFILE)},
    )
