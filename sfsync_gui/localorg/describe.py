"""Describe results (global, per object) as a user with a given profile sees them."""

from __future__ import annotations

from .schema import Catalog, FieldDef, FieldType, ObjectDef


def _urls(obj: ObjectDef, version: str) -> dict[str, str]:
    base = f"/services/data/v{version}/sobjects/{obj.name}"
    return {
        "sobject": base,
        "describe": f"{base}/describe",
        "rowTemplate": f"{base}/{{ID}}",
    }


def object_summary(catalog: Catalog, obj: ObjectDef, version: str) -> dict:
    """The per-object entry of describe global (also the top of an object describe)."""
    return {
        "name": obj.name,
        "label": obj.label,
        "labelPlural": obj.label_plural,
        "keyPrefix": obj.key_prefix,
        "custom": obj.custom,
        "customSetting": False,
        "createable": obj.createable,
        "updateable": obj.updateable,
        "deletable": obj.deletable,
        "undeletable": obj.has_recycle_bin and obj.deletable,
        "mergeable": obj.mergeable,
        "queryable": obj.queryable,
        "retrieveable": True,
        "searchable": not obj.setup,
        "replicateable": obj.replicateable,
        "triggerable": not obj.setup,
        "layoutable": not obj.setup,
        "activateable": False,
        "feedEnabled": False,
        "deprecatedAndHidden": False,
        "urls": _urls(obj, version),
    }


def describe_global(catalog: Catalog, version: str) -> dict:
    """``GET sobjects/``."""
    return {
        "encoding": "UTF-8",
        "maxBatchSize": 200,
        "sobjects": [object_summary(catalog, o, version) for o in catalog],
    }


def _field(catalog: Catalog, profile: str, obj: ObjectDef, f: FieldDef) -> dict:
    access = catalog.access(profile, obj, f)
    picklist = [
        {
            "active": True,
            "defaultValue": f.default == value,
            "label": value,
            "validFor": None,
            "value": value,
        }
        for value in f.picklist
    ]
    is_text = f.is_text or f.type in (FieldType.ID, FieldType.REFERENCE)
    return {
        "name": f.name,
        "label": f.label,
        "type": f.type.value,
        "soapType": f.soap_type,
        "length": f.length if is_text else 0,
        "byteLength": f.length * 3 if is_text else 0,
        "precision": f.precision,
        "scale": f.scale,
        "digits": f.digits,
        "nillable": f.nillable,
        "createable": access.createable,
        "updateable": access.updateable,
        "custom": f.custom,
        "calculated": f.calculated,
        "calculatedFormula": f.formula,
        "defaultedOnCreate": f.defaulted_on_create,
        "defaultValue": f.default if f.type is not FieldType.BOOLEAN else bool(f.default),
        "defaultValueFormula": None,
        "externalId": f.external_id,
        "unique": f.unique,
        "idLookup": f.id_lookup,
        "nameField": f.name_field,
        "autoNumber": f.auto_number,
        "caseSensitive": False,
        "filterable": f.filterable,
        "sortable": f.sortable,
        "groupable": f.filterable and f.type is not FieldType.DOUBLE,
        "permissionable": f.nillable and not f.system and f.name != "Id",
        "restrictedPicklist": f.restricted_picklist,
        "dependentPicklist": False,
        "htmlFormatted": False,
        "picklistValues": picklist,
        "referenceTo": list(f.reference_to),
        "relationshipName": f.relationship_name,
        "relationshipOrder": None,
        "polymorphicForeignKey": len(f.reference_to) > 1,
        "cascadeDelete": False,
        "restrictedDelete": False,
        "writeRequiresMasterRead": False,
        "deprecatedAndHidden": False,
        "encrypted": False,
        "inlineHelpText": None,
        "extraTypeInfo": None,
        "compoundFieldName": None,
    }


def describe_object(catalog: Catalog, obj: ObjectDef, profile: str, version: str) -> dict:
    """``GET sobjects/{obj}/describe`` for ``profile``: hidden fields are absent."""
    out = object_summary(catalog, obj, version)
    out["fields"] = [
        _field(catalog, profile, obj, f) for f in catalog.visible_fields(profile, obj)
    ]
    out["childRelationships"] = [
        {
            "childSObject": child.name,
            "field": f.name,
            "relationshipName": _child_relationship_name(child, f),
            "cascadeDelete": False,
            "restrictedDelete": False,
            "deprecatedAndHidden": False,
        }
        for child, f in catalog.child_relationships(obj)
        if f.relationship_name
    ]
    out["recordTypeInfos"] = []
    out["supportedScopes"] = [{"label": "All " + obj.label_plural, "name": "everything"}]
    return out


def _child_relationship_name(child: ObjectDef, f: FieldDef) -> str | None:
    if f.custom:
        return child.label_plural.replace(" ", "") + "__r"
    if f.name in ("OwnerId", "CreatedById", "LastModifiedById", "MasterRecordId"):
        return None
    return child.label_plural.replace(" ", "")
