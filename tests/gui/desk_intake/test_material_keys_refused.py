"""L (容缺) and C (告知承诺) on a material the catalog does not allow them for say why next
to the row instead of doing nothing in silence (issue 15: a keyboard user never sees the
rows' mouse tooltips); on a material that allows them they mark it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolTip

from clerk_app.core.calendar import WorkCalendar
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.intake_form import IntakeForm
from tests.helpers.gui import demo_catalog, monday_morning

# DEMO-GA-006 户口迁入: the form (row 0) neither, the kinship proof (3) by commitment only,
# the residence proof (4) either.
FORM, KINSHIP, RESIDENCE = 0, 3, 4


@pytest.fixture
def form(qtbot) -> IntakeForm:
    widget = IntakeForm(monday_morning(), WorkCalendar.builtin())
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_item(demo_catalog().item("DEMO-GA-006"))
    return widget


def press_on(qtbot, form: IntakeForm, row: int, key: Qt.Key) -> None:
    table = form.ui.materialsTable
    table.setFocus()
    table.setCurrentCell(row, 0)
    QToolTip.hideText()
    qtbot.keyClick(table, key)


def test_l_on_a_material_that_cannot_follow_later_says_so(qtbot, form):
    press_on(qtbot, form, KINSHIP, Qt.Key.Key_L)
    assert form.materials_table.rows[KINSHIP].state == "missing"
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == "This material cannot follow later (容缺)."

    press_on(qtbot, form, RESIDENCE, Qt.Key.Key_L)
    assert form.materials_table.rows[RESIDENCE].state == "deferred"


def test_c_on_a_material_no_commitment_replaces_says_so_in_chinese(qtbot, qm_dir, form):
    install_translations("zh_CN", qm_dir)
    press_on(qtbot, form, FORM, Qt.Key.Key_C)
    assert form.materials_table.rows[FORM].state == "missing"
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == "此材料不能以告知承诺代替。"

    press_on(qtbot, form, KINSHIP, Qt.Key.Key_C)
    assert form.materials_table.rows[KINSHIP].state == "by_commitment"
