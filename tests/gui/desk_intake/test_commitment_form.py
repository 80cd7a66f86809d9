"""The intake form's 告知承诺 parts by keyboard (issue 15): offered only where the catalog
allows it, the whole item on a commitment, and a parked intake keeping the choices."""

from __future__ import annotations

from PySide6.QtCore import Qt

from clerk_app.core.calendar import WorkCalendar
from clerk_app.gui.intake_form import IntakeForm
from tests.helpers.gui import VALID_ID, demo_catalog, monday_morning, type_text


def _form(qtbot, code: str) -> IntakeForm:
    form = IntakeForm(monday_morning(), WorkCalendar.builtin())
    qtbot.addWidget(form)
    form.show()
    form.set_item(demo_catalog().item(code))
    type_text(qtbot, form.ui.personNameEdit, "Zhang San")
    form.ui.personIdEdit.setFocus()
    qtbot.keyClicks(form.ui.personIdEdit, VALID_ID)
    qtbot.keyClicks(form.ui.personMobileEdit, "13800138000")
    return form


def test_no_commitment_is_offered_where_the_catalog_allows_none(qtbot) -> None:
    form = _form(qtbot, "DEMO-GA-013")  # passport: no certificate may be promised
    assert not form.commitment.isVisible()
    table = form.ui.materialsTable
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C)
    assert form.materials_table.rows[0].state == "missing"
    assert not any(m.by_commitment for m in form.draft().materials)


def test_the_whole_item_on_commitment_needs_the_list_queried_and_survives_parking(qtbot) -> None:
    form = _form(qtbot, "DEMO-WJ-003")  # public-place hygiene licence: wholesale allowed
    form.tick_all()
    panel = form.commitment
    assert panel.isVisible() and panel.whole_check.isVisible()
    assert form.ui.acceptButton.isEnabled()  # no commitment asked: nothing to query
    panel.whole_check.setFocus()
    qtbot.keyClick(panel.whole_check, Qt.Key.Key_Space)
    assert form.draft().commitment_whole
    assert not form.ui.acceptButton.isEnabled()
    assert "Query the serious-dishonesty list" in form.ui.missingLabel.text()
    qtbot.keyClick(panel.whole_check, Qt.Key.Key_Tab)
    assert form.focusWidget() is panel.list_combo  # Tab order: the check, then the list
    qtbot.keyClick(panel.list_combo, Qt.Key.Key_Down)  # queried: not listed
    assert form.ui.acceptButton.isEnabled(), form.ui.missingLabel.text()
    # The disposition stays 承诺: a wholesale commitment is no new decision.
    assert form.draft().disposition == "promised"
    draft = form.draft()
    assert (draft.credit_checked, draft.credit_listed) == (True, False)

    state = form.snapshot()
    form.clear()
    assert not form.draft().commitment_whole and not form.draft().credit_checked
    form.restore(state, form.item)
    assert form.draft().commitment_whole and form.draft().credit_checked
