"""The case detail in Chinese reads as Chinese (issue 15): a 容缺 step shows whole in the
process table (its date was cut off: "容缺受理（2026-12-09前…"), and after recording an
action the line under it joins its sentences without a space ("…已受理。文书 …已保存")."""

from __future__ import annotations

from datetime import timedelta

from clerk_app.gui.i18n import install_translations
from tests.gui.desk_worklist.test_deferred_follow_up import deferred_payload
from tests.helpers.case_detail import act, open_detail
from tests.helpers.store import T0, add_case
from tests.helpers.worklist import desk_context


def test_a_deferred_case_reads_whole_and_without_stray_spaces(
    qtbot, desk, writer, tmp_path, qm_dir
):
    install_translations("zh_CN", qm_dir)
    payload = deferred_payload(1, T0.date() + timedelta(days=3))
    add_case(desk.store, payload)
    assert desk.engine.push_once().sent == 1
    context = desk_context(desk.store, desk.clock, tmp_path)
    detail = open_detail(qtbot, context, payload["case_no"], writer)
    step = detail.events.item(0, 1)
    assert step.text().startswith("容缺受理")
    assert detail.events.fontMetrics().horizontalAdvance(step.text()) < detail.events.columnWidth(1)

    act(qtbot, detail, "deferred_supplied", "M5 brought")
    message = detail.action_message.text()
    assert message.startswith("已记录：容缺材料已补齐。")
    assert "。文书 " in message and "。 " not in message
