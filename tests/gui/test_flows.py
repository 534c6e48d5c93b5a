"""What a user does in the window, against the local org with the demo data: edit a Lead
(pending, then synced), force sync (an activity entry), a change Salesforce refuses (in the
errors view and the person's log) and its retry after the fix, a new person synced with
"Sync to Salesforce", field include/exclude, settings — and every view's model under
qtmodeltester."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sfsync_gui.localorg.server import RunningOrg
from sfsync_gui.store.models import FieldInfo
from sfsync_gui.sync.settings import read_settings
from sfsync_gui.ui.main_window import TAB_ERRORS, MainWindow
from sfsync_gui.ui.records_view import RecordsPage

from .conftest import sync_now


def lead_page(qtbot, win: MainWindow) -> RecordsPage:
    page = win.records.show_object("Lead")
    assert page is not None
    qtbot.waitUntil(lambda: not page.model.loading, timeout=10_000)
    return page


def col(page: RecordsPage, name: str) -> int:
    return [c.name for c in page.model.columns()].index(name)


def a_lead(page: RecordsPage, *, phone: bool = True) -> tuple[int, int]:
    """(row, local id) of a synced, unconverted Lead with an email."""
    for row in range(page.model.rowCount()):
        rec = page.model.record(row) or {}
        if (rec.get("_state") == "synced" and not rec.get("IsConverted") and rec.get("Email")
                and bool(rec.get("Phone")) == phone and rec.get("Rating") != "Hot"):
            return row, int(rec["_lid"])
    raise AssertionError("no suitable Lead in the demo data")


def edit(qtbot, win: MainWindow, page: RecordsPage, lid: int, field: str, value: object
         ) -> None:
    """An inline edit in the records table, waited for until the sync thread wrote it."""
    row = page.model.row_of(lid)
    index = page.model.index(row, col(page, field))
    page.model.data(index)
    with qtbot.waitSignal(win.controller.request_done, timeout=10_000) as done:
        assert page.model.setData(index, value)
    assert done.args[0].ok, done.args[0].message


def state(page: RecordsPage, lid: int) -> str:
    return page.model.data(page.model.index(page.model.row_of(lid), 0))


def test_edit_a_lead_it_is_pending_then_synced(qtbot, window: MainWindow,
                                               org: RunningOrg) -> None:
    page = lead_page(qtbot, window)
    _row, lid = a_lead(page)
    edit(qtbot, window, page, lid, "Title", "Head of Sync")
    assert state(page, lid) == "Pending"
    sf_id = page.model.record(page.model.row_of(lid))["_sf_id"]
    report = sync_now(qtbot, window)
    assert report.summary.objects["Lead"].pushed >= 1
    qtbot.waitUntil(lambda: state(page, lid) == "Synced", timeout=10_000)
    assert org.control.get("Lead", sf_id)["Title"] == "Head of Sync"


def test_force_sync_from_the_person_view_logs_it(qtbot, window: MainWindow) -> None:
    page = lead_page(qtbot, window)
    _row, lid = a_lead(page)
    window.open_record("Lead", lid)
    assert window.person_dock.isVisible() and window.person.force.isEnabled()
    with qtbot.waitSignal(window.controller.forced, timeout=20_000) as forced:
        qtbot.mouseClick(window.person.force, Qt.MouseButton.LeftButton)
    assert forced.args[0]["records"][0]["local_id"] == lid
    qtbot.waitUntil(lambda: "force_synced" in window.person.activity_kinds(), timeout=5000)
    window.person.kind.setCurrentIndex(window.person.kind.findData("force_synced"))
    assert set(window.person.activity_kinds()) == {"force_synced"}


def test_a_refused_change_shows_in_errors_and_log_and_a_retry_after_the_fix_syncs(
        qtbot, window: MainWindow, org: RunningOrg) -> None:
    page = lead_page(qtbot, window)
    _row, lid = a_lead(page)
    sf_id = page.model.record(page.model.row_of(lid))["_sf_id"]
    edit(qtbot, window, page, lid, "Phone", "")
    edit(qtbot, window, page, lid, "Rating", "Hot")  # a Hot Lead needs a phone
    report = sync_now(qtbot, window)
    assert report.summary.objects["Lead"].failed == 1
    assert window.notifier.sent[-1][0] == "Sync failures"  # tray message, or the banner
    qtbot.waitUntil(lambda: state(page, lid) == "Failed", timeout=10_000)
    window.tabs.setCurrentIndex(TAB_ERRORS)
    groups = [window.errors.model.group(r) for r in range(window.errors.count())]
    assert any(g["code"] == "FIELD_CUSTOM_VALIDATION_EXCEPTION" and g["field"] == "Phone"
               and f"Lead:{lid}" in g["records"] for g in groups)
    # open the person from the errors view: its log says why
    row = next(r for r in range(window.errors.count())
               if f"Lead:{lid}" in window.errors.model.group(r)["records"])
    window.errors.table.selectRow(row)
    items = [window.errors.records.item(i) for i in range(window.errors.records.count())]
    window.errors.records.setCurrentItem(next(i for i in items
                                              if i.text().startswith(f"Lead:{lid} ")))
    qtbot.mouseClick(window.errors.open, Qt.MouseButton.LeftButton)
    assert window.person.detail.local_id == lid
    assert "push_failed" in window.person.activity_kinds()
    assert "Hot lead needs a phone" in window.person.facts.text()
    # a retry without a fix fails again, and says so
    window.errors.table.selectRow(row)
    with qtbot.waitSignal(window.controller.cycle_done, timeout=30_000) as again:
        qtbot.mouseClick(window.errors.retry, Qt.MouseButton.LeftButton)
    assert again.args[0].summary.objects["Lead"].failed == 1
    qtbot.waitUntil(lambda: window.person.activity_kinds()[:2] == ["push_failed", "retried"],
                    timeout=5000)
    # fix the value in the person's fields: queued again at once; the next sync pushes it
    fields = window.person.fields_model
    phone = next(r for r in range(fields.rowCount()) if fields.field(r).name == "Phone")
    with qtbot.waitSignal(window.controller.request_done, timeout=10_000):
        assert fields.setData(fields.index(phone, 1), "+44 20 7946 0000")
    assert not any(f"Lead:{lid}" in window.errors.model.group(r)["records"]
                   for r in range(window.errors.count()))
    sync_now(qtbot, window)
    qtbot.waitUntil(lambda: state(page, lid) == "Synced", timeout=10_000)
    remote = org.control.get("Lead", sf_id)
    assert remote["Rating"] == "Hot" and remote["Phone"] == "+44 20 7946 0000"


def test_a_new_person_exists_locally_until_synced_to_salesforce(qtbot, window: MainWindow,
                                                                org: RunningOrg) -> None:
    with qtbot.waitSignal(window.controller.request_done, timeout=10_000) as done:
        window.controller.create("Lead", {"LastName": "Ng", "Company": "Acme",
                                          "Email": "ng.window@example.org"})
    result = done.args[0]
    assert result.ok, result.message
    qtbot.waitUntil(lambda: window.person.detail is not None
                    and window.person.detail.local_id == result.local_id, timeout=5000)
    assert window.person.detail.local_only and window.person.push.isVisible()
    with qtbot.waitSignal(window.controller.forced, timeout=20_000) as forced:
        qtbot.mouseClick(window.person.push, Qt.MouseButton.LeftButton)
    sf_id = forced.args[0]["records"][0]["sf_id"]
    assert sf_id and org.control.get("Lead", sf_id)["LastName"] == "Ng"
    qtbot.waitUntil(lambda: not window.person.push.isVisible(), timeout=5000)


def test_exclude_a_field_from_the_field_access_view(qtbot, window: MainWindow) -> None:
    window.fields.show_object("Lead")
    m = window.fields.model
    row = next(r for r in range(m.rowCount()) if m.row_values(r)[1] == "Title")
    with qtbot.waitSignal(window.controller.request_done, timeout=10_000) as done:
        assert m.setData(m.index(row, m.SYNCED), Qt.CheckState.Unchecked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert done.args[0].kind == "include" and done.args[0].ok
    info = FieldInfo.get((FieldInfo.object == "Lead") & (FieldInfo.name == "Title"))
    assert info.synced is False and info.included is False
    unreadable = next(r for r in range(m.rowCount()) if not m.row_values(r)[3])
    assert not m.flags(m.index(unreadable, m.SYNCED)) & Qt.ItemFlag.ItemIsUserCheckable


def test_settings_are_saved_in_the_store(qtbot, window: MainWindow) -> None:
    dialog = window.settings_dialog()
    qtbot.addWidget(dialog)
    dialog.interval.setValue(120)
    dialog.budget.setValue(50)
    dialog.objects.item(list(dialog._object_policy).index("Task"), 0).setCheckState(
        Qt.CheckState.Unchecked)
    combo = dialog._object_policy["Contact"]
    combo.setCurrentIndex(combo.findData("salesforce_wins"))
    dialog.new_object.setCurrentText("Lead")
    dialog.new_field.setCurrentText("Email")
    dialog.add_field.click()
    with qtbot.waitSignal(window.controller.request_done, timeout=10_000) as done:
        window.controller.save_settings(dialog.result_settings())
    assert done.args[0].kind == "settings"
    s = read_settings(window.store)
    assert s.interval == 120 and s.budget_share == 0.5 and s.disabled == ["Task"]
    assert s.policies[("Contact", "")] == "salesforce_wins"
    assert s.policies[("Lead", "Email")] == "salesforce_wins"


def test_pause_and_resume(qtbot, window: MainWindow) -> None:
    window.act_pause.trigger()
    assert window.controller.paused and window.act_pause.text() == "Resume"
    assert window.status.state == "paused"
    with qtbot.waitSignal(window.controller.cycle_done, timeout=30_000):
        window.act_pause.trigger()  # resuming runs a cycle
    assert not window.controller.paused and window.status.state == "waiting"


def test_every_view_model_passes_qtmodeltester(qtmodeltester, qtbot, window: MainWindow
                                               ) -> None:
    page = lead_page(qtbot, window)
    _row, lid = a_lead(page)
    window.open_record("Lead", lid)
    window.errors.reload()
    window.status_view.reload()
    window.fields.show_object("Lead")
    for model in (page.model, window.person.fields_model, window.person.activity_model,
                  window.person.activity_filter, window.errors.model,
                  window.status_view.cycles_model, window.status_view.detail_model,
                  window.status_view.objects_model, window.fields.model, window.fields.proxy):
        qtmodeltester.check(model)
    assert window.status_view.cycles_model.rowCount() >= 1
    assert window.status_view.objects_model.rowCount() == 10


def test_the_window_reads_but_never_writes_on_its_own_thread(window: MainWindow) -> None:
    import peewee

    try:
        window.store.set_setting("x", "y")
    except peewee.OperationalError as exc:
        assert "readonly" in str(exc)
    else:
        raise AssertionError("a write on the GUI thread went through")
