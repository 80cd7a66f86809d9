"""Live validation on the intake form, the due date, and when Accept is allowed."""

from __future__ import annotations

from datetime import datetime

import pytest

from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.gui.intake_form import IntakeForm
from tests.helpers.gui import BAD_CHECK_DIGIT_ID, VALID_ID, demo_catalog, monday_morning, type_text


@pytest.fixture
def form(qtbot):
    widget = IntakeForm(monday_morning(), WorkCalendar.builtin())
    qtbot.addWidget(widget)
    widget.show()
    widget.set_item(demo_catalog().item("DEMO-GA-001"))
    return widget


def _fill_person(qtbot, form, id_number=VALID_ID):
    type_text(qtbot, form.ui.personNameEdit, "张三")
    form.ui.personIdEdit.setFocus()
    qtbot.keyClicks(form.ui.personIdEdit, id_number)
    qtbot.keyClicks(form.ui.personMobileEdit, "13800138000")


def test_a_complete_person_with_required_materials_can_be_accepted(qtbot, form):
    assert not form.ui.acceptButton.isEnabled()
    _fill_person(qtbot, form)
    assert not form.ui.acceptButton.isEnabled()
    assert "居民户口簿" in form.ui.missingLabel.text()
    form.set_material(0, True)
    assert form.ui.acceptButton.isEnabled()
    assert form.ui.missingLabel.text() == ""
    assert form.applicant() == {
        "kind": "person",
        "name": "张三",
        "id_type": "resident_id",
        "id_number": VALID_ID,
        "phone": "13800138000",
    }
    assert form.materials()[0] == {"code": "M1", "received": True, "deferred": False, "copies": 1}


def test_a_wrong_check_digit_is_named_under_the_field_and_blocks_accept(qtbot, form):
    _fill_person(qtbot, form, BAD_CHECK_DIGIT_ID)
    form.tick_all()
    assert form.ui.personIdMessage.isVisible()
    assert "check digit" in form.ui.personIdMessage.text()
    assert not form.ui.acceptButton.isEnabled()
    assert "Applicant: a valid document number" in form.ui.missingLabel.text()


def test_a_short_id_says_how_many_characters_when_the_clerk_leaves_the_field(qtbot, form):
    form.ui.personIdEdit.setFocus()
    qtbot.keyClicks(form.ui.personIdEdit, "1101051949")
    assert not form.ui.personIdMessage.isVisible()  # still typing
    form.ui.personMobileEdit.setFocus()
    form.revalidate()
    assert "18 characters; 10 were entered" in form.ui.personIdMessage.text()


def test_an_impossible_birth_date_is_named(qtbot, form):
    form.ui.personIdEdit.setFocus()
    qtbot.keyClicks(form.ui.personIdEdit, "110105194913310027")
    assert "birth date" in form.ui.personIdMessage.text()


def test_the_resident_id_field_takes_18_characters_in_one_burst(qtbot, form):
    assert form.ui.personIdEdit.maxLength() == 18
    form.ui.personIdEdit.setFocus()
    qtbot.keyClicks(form.ui.personIdEdit, VALID_ID + "99")
    assert form.ui.personIdEdit.text() == VALID_ID


def test_only_the_applicant_kinds_the_item_serves_are_offered(qtbot, form):
    # DEMO-GA-001 (first resident ID) serves natural persons only.
    assert form.ui.personRadio.isEnabled()
    assert not form.ui.orgRadio.isEnabled()


def test_a_credit_code_check_warning_must_be_confirmed(qtbot, form):
    form.set_item(demo_catalog().item("DEMO-SJ-001"))
    form.ui.orgRadio.setChecked(True)
    type_text(qtbot, form.ui.orgNameEdit, "衡水示例科技有限公司")
    form.ui.creditCodeEdit.setFocus()
    qtbot.keyClicks(form.ui.creditCodeEdit, "91130100MA0000000X")
    type_text(qtbot, form.ui.legalRepEdit, "李四")
    type_text(qtbot, form.ui.contactNameEdit, "王五")
    qtbot.keyClicks(form.ui.contactPhoneEdit, "0318-5550101")
    form.tick_all()
    assert form.ui.creditConfirmCheck.isVisible()
    assert "business licence" in form.ui.creditCodeMessage.text()
    assert not form.ui.acceptButton.isEnabled()
    form.ui.creditConfirmCheck.setChecked(True)
    assert form.ui.acceptButton.isEnabled()
    assert form.applicant()["id_type"] == "credit_code"


def test_the_due_date_in_working_days_is_shown_before_accepting(form):
    due = WorkCalendar.builtin().add_working_days(monday_morning().today(), 20)
    assert due.date.isoformat() in form.ui.dueDateLabel.text()
    assert "20 working days from today" in form.ui.dueDateLabel.text()
    assert "Provisional" not in form.ui.dueDateLabel.text()


def test_a_due_date_beyond_the_published_calendar_is_marked_provisional(qtbot):
    clock = FixedClock(datetime(2031, 3, 3, 9, 0, tzinfo=CENTER_TZ))
    widget = IntakeForm(clock, WorkCalendar.builtin())
    qtbot.addWidget(widget)
    widget.set_item(demo_catalog().item("DEMO-GA-001"))
    assert "Provisional" in widget.ui.dueDateLabel.text()


def test_ctrl_return_on_an_incomplete_form_does_not_accept(qtbot, form):
    fired: list[bool] = []
    form.accept_requested.connect(lambda: fired.append(True))
    form.request_accept()
    assert fired == []
