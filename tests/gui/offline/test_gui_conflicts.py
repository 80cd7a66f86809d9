"""The conflict as the clerk sees it: a marker on the connection indicator, the panel's
list, the dialog with both versions (ID masked), and the decision made from the keyboard —
with a real conflict made against the real service."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from clerk_app.app.sync import conflict_items
from clerk_app.core.clock import CENTER_TZ
from clerk_app.gui.case_actions import event_label
from clerk_app.gui.ops import DbWriter
from clerk_app.gui.sync_status import ConnectionIndicator
from clerk_app.gui.sync_worker import LinkDetails
from clerk_app.store import conflicts
from tests.helpers.conflicts import _offline_event_then_lead
from tests.helpers.conflicts import desk as desk  # the fixture
from tests.helpers.workload import VALID_ID


class _Desk(QWidget):
    """What the indicator finds up its parent chain on the real main window."""

    def __init__(self, context, session) -> None:
        super().__init__()
        self.context = context
        self.session = session
        self.writer = DbWriter(self)


def test_conflict_is_marked_shown_side_by_side_and_decided_by_keyboard(
    qtbot,
    desk,
    fault_proxy,
    tmp_path,
):
    ctx, session, _, case_no, _ = desk
    _offline_event_then_lead(desk, fault_proxy, "start", "suspend", "现场核查")
    host = _Desk(ctx, session)
    qtbot.addWidget(host)
    indicator = ConnectionIndicator(host)
    details = LinkDetails("online", 0, conflicts=conflict_items(ctx.backend.store))
    indicator.show_details(details)
    assert "1 conflict" in indicator.text()

    indicator.open_panel()
    panel = indicator.panel
    table = panel.conflicts_table
    assert table.isVisible() and table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(3)] == [case_no, "In progress", "Suspended"]
    panel.grab().save(str(tmp_path / "connection-panel-conflict.png"))

    with qtbot.waitActive(panel):
        panel.activateWindow()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = panel.last_dialog
    assert dialog is not None and dialog.isVisible()
    assert VALID_ID not in dialog.applicant_label.text()
    assert VALID_ID[-4:] in dialog.applicant_label.text() or "*" in dialog.applicant_label.text()
    assert dialog.desk_status.text() == "In progress"
    assert dialog.center_status.text() == "Suspended"
    assert dialog.desk_events.rowCount() == 1 and dialog.center_events.rowCount() == 1
    assert "refused" in dialog.desk_events.item(0, 2).text()
    # The desk's own event, as the desk recorded it: its name and its time at the center.
    [mine] = ctx.backend.store.get_case(case_no).events[-1:]
    assert dialog.desk_events.item(0, 0).text() == event_label(mine.type)
    assert dialog.desk_events.item(0, 1).text() == mine.at.astimezone(CENTER_TZ).strftime(
        "%Y-%m-%d %H:%M"
    )
    assert dialog.center_events.item(0, 2).text() == "demo-lead"
    assert not dialog.mine_button.isEnabled()
    assert "no longer allows" in dialog.mine_button.toolTip()
    dialog.resize(900, 440)
    dialog.grab().save(str(tmp_path / "conflict-dialog.png"))

    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    dialog.center_events.setFocus()
    qtbot.waitUntil(lambda: dialog.isActiveWindow() and dialog.center_events.hasFocus())
    with qtbot.waitSignal(dialog.resolved, timeout=30_000) as signal:
        qtbot.keyClick(dialog.center_events, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert signal.args == [case_no, "center"]
    assert ctx.backend.store.get_case(case_no).status == "suspended"
    assert conflicts.open_conflict_count(ctx.backend.store) == 0
    assert table.rowCount() == 0 and not table.isVisible()
