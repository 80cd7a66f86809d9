"""The decision's list of materials to follow (容缺) or to bring (补正) wraps inside the
form (issue 15): a material's long requirements ("纸质原件2份；白色背景，未佩戴帽子、饰物；
可现场拍摄") no longer widen the form past the desk's right pane, which gave the whole
pane a horizontal scroll bar and cut the line off."""

from __future__ import annotations

import pytest

from clerk_app.core.calendar import WorkCalendar
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.intake_form import IntakeForm
from tests.helpers.gui import VALID_ID, demo_catalog, monday_morning

PANE = 520  # the right pane of a 1280-wide desk


@pytest.mark.parametrize(
    ("decision", "marks", "label"),
    [("deferred_materials", "rrl", "deferred_label"), ("supplement", "rr-", "missing_label")],
)
def test_the_materials_line_wraps_within_the_pane(qtbot, qm_dir, decision, marks, label):
    install_translations("zh_CN", qm_dir)
    form = IntakeForm(monday_morning(), WorkCalendar.builtin())
    qtbot.addWidget(form)
    form.resize(PANE, 900)
    form.show()
    form.set_item(demo_catalog().item("DEMO-GA-004"))  # the photo: long requirements
    form.ui.personNameEdit.insert("张三")
    form.ui.personIdEdit.setText(VALID_ID)
    form.ui.personMobileEdit.setText("13800138000")
    states = {"r": "received", "l": "deferred", "-": "missing"}
    for row, mark in enumerate(marks):
        form.materials_table.set_state(row, states[mark])
    assert form.decision.set_disposition(decision)
    shown = getattr(form.decision, label)
    qtbot.waitUntil(shown.isVisible)
    assert "可现场拍摄" in shown.text()
    assert form.minimumSizeHint().width() <= PANE
    qtbot.waitUntil(lambda: form.width() == PANE)
    assert shown.geometry().right() < form.ui.decisionBox.width()
    assert shown.heightForWidth(shown.width()) <= shown.height()  # no line cut off
