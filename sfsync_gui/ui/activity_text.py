"""A person's activity entry in words, in the window's language (the command line's
``sfsync_gui.cli.views.describe`` says the same in English for scripts). Values, field
names, ids and Salesforce's error codes and messages are data and stay as they are."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QObject

from ..cli.render import show
from ..store.records import from_column
from ..store.store import ActivityEntry
from . import engine_text, language, state_style


class ActivityText(QObject):
    """Builds the detail column of the activity timeline (context "ActivityText")."""

    def describe(self, e: ActivityEntry, types: dict[str, str] | None = None) -> str:
        """One entry's detail (``types``: field -> Salesforce type, for checkboxes)."""
        d = e.detail or {}
        side = self._side(e.side)
        if e.kind == "updated":
            t = (types or {}).get(e.field or "", "")
            old, new = from_column(t, e.old_value), from_column(t, e.new_value)
            return f"{e.field}: {show(old)} → {show(new)}{side}"
        if e.kind == "conflict":
            return self.tr("{field}: local {local} vs Salesforce {salesforce}; {winner} wins "
                           "({policy})").format(
                field=e.field, local=show(d.get("local")), salesforce=show(d.get("salesforce")),
                winner=self._winner(str(d.get("winner"))), policy=_policy(d.get("policy")))
        if e.kind == "push_failed":
            fields = ", ".join(d.get("fields") or []) or "-"
            return self.tr("{code} on {fields}: {message}").format(
                code=d.get("code"), fields=fields, message=d.get("message", ""))
        if e.kind == "pushed":
            text = (self.tr("created in Salesforce {id}: {fields}") if d.get("created")
                    else self.tr("pushed {id}: {fields}"))
            return text.format(id=e.sf_id or "", fields=", ".join(d.get("fields") or [])).strip(
                ": ")
        if e.kind == "created":
            text = self.tr("created") + side
            return text + (f": {', '.join(d['fields'])}" if d.get("fields") else "")
        if e.kind == "force_synced":
            return self.tr("pulled: {pulled}; pushed {pushed}, failed {failed}; now {state}"
                           ).format(pulled=engine_text.pulled(str(d.get("pulled"))),
                                    pushed=language.number(int(d.get("pushed") or 0)),
                                    failed=language.number(int(d.get("failed") or 0)),
                                    state=state_style.in_sentence(d.get("state")))
        if e.kind == "linked":
            return self.tr("linked by email {email} to {record}").format(
                email=show(d.get("email")), record=e.sf_id or d.get("matched", ""))
        if e.kind == "converted":
            return self.tr("converted: Contact {contact}, Account {account}").format(
                contact=d.get("contact"), account=d.get("account"))
        if e.kind == "merged":
            if d.get("master"):
                return self.tr("merged into {record}").format(record=d["master"])
            return self.tr("absorbed {record}").format(record=d.get("merged_away"))
        if e.kind == "backfilled":
            n = int(d.get("records") or 0)
            text = self.tr("backfilled {fields} for {count} {object} record(s)", "", n).format(
                fields=", ".join(d.get("fields") or []), count=language.number(n),
                object=e.object)
            kept = int(d.get("kept_local_edits") or 0)
            if kept:
                text += self.tr("; {count} local edit(s) kept", "", kept).format(
                    count=language.number(kept))
            return text
        if e.kind == "sync_error":
            return self.tr("Salesforce's answer could not be read: {message}").format(
                message=d.get("message", ""))
        if e.kind == "retried":
            return self.tr("queued again: {fields}").format(
                fields=", ".join(d.get("fields") or []))
        extra = json.dumps(d, ensure_ascii=False) if d else ""
        return f"{e.field or ''} {extra}{side}".strip()

    def _side(self, side: str | None) -> str:
        if side == "local":
            return self.tr(" (from local)")
        if side == "salesforce":
            return self.tr(" (from Salesforce)")
        return f" ({side})" if side else ""

    def _winner(self, winner: str) -> str:
        if winner == "local":
            return self.tr("local", "the winner of a conflict")
        if winner == "salesforce":
            return "Salesforce"
        return winner


def _policy(policy: object) -> str:
    from .settings_dialog import POLICY_LABELS

    text = POLICY_LABELS.get(str(policy))
    return QCoreApplication.translate("SettingsDialog", text) if text else str(policy)
