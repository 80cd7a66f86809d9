"""A refused joint case is named in the clerk's words (issue 16): F8's refused list says
"Joint case", a part's case detail says the whole joint case is refused; an outbox kind the
desk does not know reads as a word, never its raw code. Real SQLite store."""

from __future__ import annotations

from clerk_app.gui.sync_status import ConnectionPanel
from clerk_app.gui.sync_worker import LinkDetails
from clerk_app.store.joint import create_joint
from clerk_app.store.outbox import KIND_CREATE_JOINT
from clerk_app.store.rejections import RefusedRow, refused_rows
from tests.helpers.case_detail import open_detail
from tests.helpers.joint_desk import demo_joint
from tests.helpers.worklist import desk_context


def _refused_joint(store):
    joint = create_joint(store, demo_joint(), outbox_body={"joint": "body"})
    [row] = store.outbox_rows()
    assert row.kind == KIND_CREATE_JOINT
    store.mark_rejected(row.id, 422, {"title": "Validation failed", "detail": "parts[2]"})
    return joint


def test_f8_names_a_refused_joint_case_and_an_unknown_kind_in_words(qtbot, store):
    joint = _refused_joint(store)
    newer = RefusedRow(999, "create_something_new", "HS-W03-20261128-000099", "422: ?")
    panel = ConnectionPanel()
    qtbot.addWidget(panel)
    panel.show_details(LinkDetails("online", 0, rejected=(*refused_rows(store), newer)))
    table = panel.rejected_table
    rows = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    assert rows == [(joint.joint_no, "Joint case"), (newer.case_no, "Other record")]
    assert "create_" not in str(rows)


def test_a_parts_detail_says_the_whole_joint_case_was_refused(
    qtbot, store, clock, writer, tmp_path
):
    joint = _refused_joint(store)
    context = desk_context(store, clock, tmp_path)
    detail = open_detail(qtbot, context, joint.parts[2].case_no, writer)
    panel = detail.rejected
    assert panel.isVisible() and panel.table.rowCount() == 1
    assert panel.table.item(0, 0).text() == "The joint case with all its parts"
    assert panel.kind_label("create_something_new") == "Another record"
    detail.close()
