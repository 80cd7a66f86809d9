"""The lookup of a joint number lists the joint documents this desk issued for it (issue 16),
archived under one of its parts, and reprints one by keyboard (副本 / REPRINT), the record
sent with the joint number; without a signed-in clerk the list is not shown. Real SQLite
store, the center unreachable (the desk's own record answers)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from clerk_app.app.joint_documents import Filing, issue_consolidated_notice, issue_joint_receipt
from clerk_app.gui.lookup import LookupDialog
from clerk_app.remote import ApiClient
from clerk_app.store.joint import create_joint
from tests.helpers.joint_desk import demo_joint
from tests.helpers.printing import clerk_session
from tests.helpers.worklist import desk_context


def _ask(qtbot, dialog, number: str, code: str) -> None:
    dialog.case_edit.setFocus()
    qtbot.keyClicks(dialog.case_edit, number)
    qtbot.keyClick(dialog.case_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.code_edit, code)
    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.source == "local", timeout=15_000)


def test_a_joint_numbers_documents_are_listed_and_reprinted_by_keyboard(
    qtbot, store, clock, writer, tmp_path
):
    joint = create_joint(store, demo_joint(), outbox_body={"joint": "body"})
    context = desk_context(store, clock, tmp_path)
    context.backend.api = dead = ApiClient("http://127.0.0.1:9", timeout=(0.5, 0.5))
    clerk = replace(clerk_session(), username="demo-clerk-w03", window_code="W03")
    receipt = issue_joint_receipt(context, clerk, joint)
    first = joint.parts[0].case_no
    notice = issue_consolidated_notice(context, clerk, joint, "S1", [Filing(first, ("M1",))])

    dialog = LookupDialog(context, clerk)
    qtbot.addWidget(dialog)
    dialog.joint_documents.panel._writer = writer  # the main window's, in the desk
    dialog.show()
    _ask(qtbot, dialog, joint.joint_no.lower(), joint.query_code)
    box = dialog.joint_documents
    assert box.isVisible() and box.title() == "&Documents of this joint case issued at this desk"
    table = box.panel.table
    rows = [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]
    assert [r[:2] for r in rows] == [
        ("Joint acceptance notice", receipt.document_no),
        ("Joint supplement notice", notice.document_no),
    ]
    table.setFocus()
    with qtbot.waitSignal(box.panel.reprinted, timeout=30_000) as signal:
        qtbot.keyClick(table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    again = signal.args[0]
    assert again.document_no == receipt.document_no and again.archived.reprint
    preview = box.panel.last_preview
    assert preview is not None and preview.dialog.isVisible()
    preview.dialog.reject()
    assert table.item(0, 3).text() == "1"  # reprinted once
    sent = [r.body for r in store.outbox_rows() if r.kind == "document_record"]
    assert [(b["document_no"], b["reprint"], b["joint_no"]) for b in sent][-1] == (
        receipt.document_no,
        True,
        joint.joint_no,
    )
    dialog.close()

    # No clerk signed in (the public check only): no documents.
    public = LookupDialog(context)
    qtbot.addWidget(public)
    public.show()
    _ask(qtbot, public, joint.joint_no, joint.query_code)
    assert public.joint_view.isVisible() and not public.joint_documents.isVisible()
    public.close()
    dead.close()
