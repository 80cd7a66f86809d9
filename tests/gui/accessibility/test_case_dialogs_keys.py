"""The desk's case dialogs walked by keyboard against the real records service (issue 18),
each opened as the clerk opens it: a case with fees — its fees panel (缴款通知书), the
notice issued by Alt+Y and its print preview, the waiver (Alt+W) above the lead's limit and
the lead's approval (Alt+L), the lead's refund request (Alt+F) —, the case's actions
(start handling, request supplement with the checklist, suspension with its kind, a
correction, the 容缺 follow-up: material supplied or not), the online pre-submissions, the
lookup answering for a case and for a joint case, and the joint case's confirmation. For
each: where the focus starts, every control reached by Tab in reading order and named, the
default button, Esc, and 4.5:1 for every text, cell and field."""

from __future__ import annotations

import uuid
from datetime import date

import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from clerk_app.app.joint import take_in_joint
from clerk_app.core import lifecycle
from clerk_app.gui.joint_result import JointAcceptedDialog
from clerk_app.gui.ops import DbWriter
from clerk_app.gui.waiver_dialog import LeadApprovalDialog, WaiverDialog
from tests.helpers import joint_api, service_api
from tests.helpers import store as store_helpers
from tests.helpers.joint_desk import complete_draft, opening_desk
from tests.helpers.website_client import Application, WebsiteClient, uploaded
from tests.helpers.worklist import add_case

from .keys import activate, esc_problems, keyboard_problems
from .walk import problems

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
E = lifecycle.EventType


def _detail(qtbot, window, seq: int, item_code: str):
    payload = add_case(
        window.context.backend.store, seq, received=date.today(), due=None, item_code=item_code
    )
    window.show_worklist_tab()
    qtbot.waitUntil(lambda: window.worklist.model.rowCount() >= 1, timeout=10_000)
    detail = window.worklist.open_case(payload["case_no"])
    activate(qtbot, detail)
    return detail


def test_a_cases_fees_waiver_approval_refund_and_notice_by_keyboard(qtbot, open_as) -> None:
    window = open_as("demo-clerk")
    detail = _detail(qtbot, window, 9101, "DEMO-ZR-001")  # 560 yuan, 550 waivable
    fees = detail.fees
    assert fees.isVisible() and fees.waiver_button.isVisible()
    found = problems(detail, "case with fees")

    # Alt+W: the waiver, 110 yuan — above the lead's limit, so it waits for one.
    qtbot.keyClick(detail, Qt.Key.Key_W, ALT)
    qtbot.waitUntil(lambda: isinstance(fees.last_dialog, WaiverDialog), timeout=5000)  # animated
    waiver = fees.last_dialog
    activate(qtbot, waiver)
    ok = waiver.buttons.button(QDialogButtonBox.StandardButton.Ok)
    found += problems(waiver, "waiver")
    found += keyboard_problems(qtbot, waiver, "waiver", first=waiver.reason, default=ok)
    waiver.amount.setFocus()
    qtbot.keyClicks(waiver.amount, "110")
    qtbot.keyClick(waiver.amount, Qt.Key.Key_Return)  # the default button: OK
    qtbot.waitUntil(lambda: not waiver.isVisible(), timeout=5000)
    assert fees.approve_button.isVisible()
    found += problems(detail, "case with a waiver waiting")

    # Alt+L: a lead approves it here.
    activate(qtbot, detail)
    qtbot.keyClick(detail, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(lambda: isinstance(fees.last_dialog, LeadApprovalDialog), timeout=5000)
    approval = fees.last_dialog
    activate(qtbot, approval)
    ok = approval.buttons.button(QDialogButtonBox.StandardButton.Ok)
    found += problems(approval, "lead approval")
    found += keyboard_problems(
        qtbot, approval, "lead approval", first=approval.username, default=ok
    )
    found += esc_problems(qtbot, approval, "lead approval")

    # The lead's refund request, as Alt+F opens it once the notice is paid.
    fees.refund_entry.open()
    refund = fees.refund_entry.dialog
    activate(qtbot, refund)
    found += problems(refund, "refund request")
    found += keyboard_problems(
        qtbot, refund, "refund request", first=refund.lead_user, default=None
    )
    found += esc_problems(qtbot, refund, "refund request")

    # Alt+Y: the notice (without the waiver: cleared), its print preview opens.
    fees.waiver = None
    fees._show()
    activate(qtbot, detail)
    qtbot.keyClick(detail, Qt.Key.Key_Y, ALT)
    qtbot.waitUntil(lambda: fees.last_preview is not None, timeout=30_000)
    preview = fees.last_preview
    dialog = preview.chooser or preview.dialog  # no printer here: the choice comes first
    activate(qtbot, dialog)
    found += problems(dialog, "notice's printer choice")
    if preview.chooser is not None:
        found += keyboard_problems(
            qtbot, dialog, "notice's printer choice", first=_focused(), default=_default(dialog)
        )
        found += esc_problems(qtbot, dialog, "notice's printer choice")
    activate(qtbot, preview.dialog)
    found += problems(preview.dialog, "notice's print preview")
    found += keyboard_problems(
        qtbot, preview.dialog, "notice's print preview", first=_focused(), default=None,
        order=False,
    )  # fmt: skip
    found += esc_problems(qtbot, preview.dialog, "notice's print preview")
    activate(qtbot, detail)
    assert fees.cancel_reason.isVisible()  # the issued notice may be cancelled: its field
    found += problems(detail, "case with its notice issued")
    detail.close()
    assert not found, "\n".join(found)


def _focused():
    return QApplication.focusWidget()


def _default(dialog):
    from PySide6.QtWidgets import QPushButton

    return next((b for b in dialog.findChildren(QPushButton) if b.isDefault()), None)


def test_a_cases_actions_by_keyboard(qtbot, open_as) -> None:
    """Each action's own fields: the checklist of a supplement, a suspension's kind, the
    field and value of a correction, and the opinion every action takes."""
    window = open_as("demo-clerk")
    detail = _detail(qtbot, window, 9102, "DEMO-GA-001")
    found = problems(detail, "case detail")
    found += keyboard_problems(
        qtbot, detail, "case detail", first=_focused(), default=None, order=False
    )
    box = detail.action_box
    offered = {box.itemData(i): i for i in range(box.count())}
    for action in (E.START, E.REQUEST_SUPPLEMENT, E.SUSPEND, E.CORRECT):
        if action.value not in offered:
            continue
        box.setCurrentIndex(offered[action.value])
        box.setFocus(Qt.FocusReason.TabFocusReason)
        where = f"action {action.value}"
        found += problems(detail, where)
        found += keyboard_problems(qtbot, detail, where, first=box, default=None, order=False)
    assert {E.START.value, E.REQUEST_SUPPLEMENT.value} <= set(offered), offered
    # Enter in the correction's value answers nothing (it unmasked the ID when "Show full
    # ID" was the dialog's default button).
    box.setCurrentIndex(offered[E.CORRECT.value])
    detail.new_value.setFocus()
    qtbot.keyClick(detail.new_value, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert not detail.full_id_shown
    detail.close()
    assert not found, "\n".join(found)


def test_a_deferred_cases_follow_up_by_keyboard(qtbot, open_as) -> None:
    """容缺 follow-up: the worklist flags the case whose promised material is due (its
    colour on the row at 4.5:1), the detail offers "material supplied" / "not supplied"."""
    window = open_as("demo-clerk")
    materials = [
        {"code": f"M{n}", "received": n != 5, "deferred": n == 5, "copies": 1} for n in range(1, 6)
    ]
    payload = store_helpers.make_payload(
        9104, item_code="DEMO-GA-006", disposition="deferred_materials", materials=materials
    )
    payload["first_event"].update(
        type="accept_deferred",
        data={
            "fee_state": "unpaid",
            "deferred": [{"code": "M5", "name": "合法稳定住所证明", "requirement": "原件1份"}],
            "supply_by": date.today().isoformat(),
        },
    )
    store_helpers.add_case(window.context.backend.store, payload)
    window.show_worklist_tab()
    model = window.worklist.model
    qtbot.waitUntil(lambda: model.rowCount() >= 1, timeout=10_000)
    found = problems(window, "worklist with a material due")
    detail = window.worklist.open_case(payload["case_no"])
    activate(qtbot, detail)
    box = detail.action_box
    offered = {box.itemData(i): i for i in range(box.count())}
    for action in (E.DEFERRED_SUPPLIED, E.DEFERRED_LAPSED):
        assert action.value in offered, offered
        box.setCurrentIndex(offered[action.value])
        box.setFocus(Qt.FocusReason.TabFocusReason)
        where = f"follow-up {action.value}"
        found += problems(detail, where)
        found += keyboard_problems(qtbot, detail, where, first=box, default=None, order=False)
    detail.close()
    assert not found, "\n".join(found)


def test_the_lookup_answering_for_a_case_and_a_joint_case(
    qtbot, open_as, shared_records_service
) -> None:
    service = shared_records_service
    body = service_api.case_body()
    token = service_api.token_for(service)
    assert service_api.post_case(service, token, body).status_code == 201
    joint = joint_api.joint_body()
    w05 = service_api.token_for(service, "demo-clerk-w05", window_code="W05")
    assert joint_api.post_joint(service, w05, joint).status_code == 201, "joint not taken"

    window = open_as("demo-clerk")
    found: list[str] = []
    for number, code in ((body["case_no"], body["query_code"]), (joint["joint_no"], "730512")):
        window.show_lookup()
        lookup = window.last_tool
        activate(qtbot, lookup)
        where = f"lookup of {number}"
        qtbot.keyClicks(lookup.case_edit, number)
        qtbot.keyClick(lookup.case_edit, Qt.Key.Key_Tab)
        qtbot.keyClicks(lookup.code_edit, code)
        qtbot.keyClick(lookup.code_edit, Qt.Key.Key_Return)  # the default: Look up
        qtbot.waitUntil(lambda lookup=lookup: lookup.source == "center", timeout=15_000)
        lookup.case_edit.setFocus()
        found += problems(lookup, where)
        found += keyboard_problems(
            qtbot, lookup, where, first=lookup.case_edit, default=lookup.lookup_button
        )
        found += esc_problems(qtbot, lookup, where)
    assert not found, "\n".join(found)


def test_the_joint_cases_confirmation(qtbot, make_context, shared_records_service) -> None:
    context, session, catalog = opening_desk(make_context, shared_records_service.base_url)
    taken = take_in_joint(context, session, complete_draft(catalog))
    writer = DbWriter()
    dialog = JointAcceptedDialog(context, session, taken, writer=writer, catalog=catalog)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    qtbot.waitUntil(dialog.print_button.isEnabled, timeout=20_000)  # the receipt issued
    found = problems(dialog, "joint accepted")
    found += keyboard_problems(
        qtbot, dialog, "joint accepted", first=dialog.close_button, default=dialog.close_button
    )
    found += esc_problems(qtbot, dialog, "joint accepted")
    writer.wait_idle(30_000)
    assert not found, "\n".join(found)


def test_the_online_pre_submissions_list(qtbot, open_as, shared_records_service) -> None:
    """网上待接件 (Ctrl+Shift+O) with a pre-submission listed: the list has the focus; Tab
    goes to the note, then Close; Esc closes."""
    service = shared_records_service
    website = _website(service)
    application = Application(
        {
            "external_id": f"WEB-A11Y-{uuid.uuid4().hex[:8]}",
            "item_code": "DEMO-GA-001",
            "applicant": {
                "kind": "person",
                "name": "赵六",
                "id_type": "resident_id",
                "id_number": service_api.valid_resident_id("13110219800101123"),
                "phone": "13600136000",
            },
            "form_data": {"申请类型": "首次申领"},
            "materials": [uploaded("户口簿.pdf", b"hukou", "M1")],
        }
    )
    assert website.submit(application).status_code == 201
    window = open_as("demo-clerk")
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.presubmissions.last_dialog is not None, timeout=5000)
    dialog = window.presubmissions.last_dialog
    qtbot.waitUntil(lambda: any(p.no == application.no for p in dialog.items), timeout=20_000)
    activate(qtbot, dialog)
    found = problems(dialog, "pre-submissions")
    found += keyboard_problems(qtbot, dialog, "pre-submissions", first=dialog.table, default=None)
    found += esc_problems(qtbot, dialog, "pre-submissions")
    assert not found, "\n".join(found)


def _website(service) -> WebsiteClient:
    """The center's website, enrolled as an integration account by the admin."""
    admin = service_api.auth(service_api.token_for(service, "demo-admin", window_code=None))
    code = requests.post(
        service.url("/enrolments"),
        json={"kind": "integration", "label": "网上办事大厅"},
        headers=admin,
        timeout=service_api.TIMEOUT,
    ).json()["code"]
    redeemed = requests.post(
        service.url("/enrolments/redeem"), json={"code": code}, timeout=service_api.TIMEOUT
    )
    assert redeemed.status_code == 201, redeemed.text
    return WebsiteClient(service.api_url, redeemed.json()["token"])
