"""An ID card reader that types like a keyboard: 18 characters in a burst, then Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clerk_app.core.calendar import WorkCalendar
from clerk_app.gui.intake_form import IntakeForm
from tests.helpers.gui import VALID_ID, demo_catalog, monday_morning


def _form(qtbot) -> IntakeForm:
    form = IntakeForm(monday_morning(), WorkCalendar.builtin())
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    form.set_item(demo_catalog().item("DEMO-GA-001"))
    return form


def test_a_burst_with_enter_fills_the_field_and_moves_on(qtbot):
    form = _form(qtbot)
    edit = form.ui.personIdEdit
    edit.setFocus()
    seen: list[str] = []
    for ch in VALID_ID:
        qtbot.keyClick(edit, ch)
        seen.append(form.ui.personIdMessage.text() if form.ui.personIdMessage.isVisible() else "")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == VALID_ID  # no character lost
    assert seen == [""] * 18  # no complaint while the reader is still typing
    assert form.focusWidget() is form.ui.personMobileEdit
    assert not form.ui.personIdMessage.isVisible()
    assert "1949-12-31" in form.ui.personIdDerived.text()
    assert "female" in form.ui.personIdDerived.text()


def test_a_second_card_read_into_a_filled_field_replaces_the_number(qtbot):
    form = _form(qtbot)
    edit = form.ui.personIdEdit
    edit.setFocus()
    qtbot.keyClicks(edit, "110101199003070038")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert form.focusWidget() is form.ui.personMobileEdit
    # The clerk comes back (Shift+Tab) and the next card is read: it replaces the old one.
    qtbot.keyClick(form.ui.personMobileEdit, Qt.Key.Key_Backtab)
    assert form.focusWidget() is edit
    QApplication.processEvents()  # the field selects its text once it has the focus
    qtbot.keyClicks(edit, VALID_ID)
    assert edit.text() == VALID_ID


def test_a_burst_without_enter_is_checked_when_complete(qtbot):
    form = _form(qtbot)
    edit = form.ui.personIdEdit
    edit.setFocus()
    qtbot.keyClicks(edit, VALID_ID[:-1] + "1")  # a misread last character
    assert form.ui.personIdMessage.isVisible()
    assert "check digit" in form.ui.personIdMessage.text()
