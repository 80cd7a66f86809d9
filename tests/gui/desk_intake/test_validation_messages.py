"""What the form says under a field for bad input, in English and in Chinese.

Resident IDs (check digit, impossible birth date, length), credit codes, mobiles, and the
format of each other document type; typed from the keyboard, the message shows once the
clerk leaves the field (Tab). Enter on an incomplete form goes to the first problem.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from clerk_app.core.calendar import WorkCalendar
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.intake_form import IntakeForm
from tests.helpers.gui import BAD_CHECK_DIGIT_ID, VALID_ID, demo_catalog, monday_morning

IMPOSSIBLE_BIRTH = "110105194902300020"  # 30 February 1949


def _form(qtbot, code: str = "DEMO-GA-001") -> IntakeForm:
    form = IntakeForm(monday_morning(), WorkCalendar.builtin())
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()  # as at the desk: focus changes reach the fields
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    form.set_item(demo_catalog().item(code))
    return form


def _type_and_leave(qtbot, edit, text: str) -> None:
    edit.setFocus()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def _choose_type(qtbot, form, value: str) -> None:
    combo = form.ui.personIdTypeCombo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentData() != value:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


PERSON_CASES = [
    # (document type, number, English words, Chinese words)
    ("resident_id", BAD_CHECK_DIGIT_ID, "check digit", "校验码"),
    (
        "resident_id",
        IMPOSSIBLE_BIRTH,
        "birth date in the number (19490230)",
        "出生日期（19490230）",
    ),
    ("resident_id", "1101051949", "18 characters; 10 were entered", "当前输入 10 位"),
    ("passport", "AB1", "passport number has 5 to 17", "护照号码应为5至17位"),
    ("hk_macau_permit", "12345678", "Hong Kong/Macau travel permit number", "港澳通行证号码"),
    ("taiwan_permit", "1234", "8 or 10 digits", "8位或10位数字"),
    (
        "foreign_permanent_residence",
        "AB12",
        "permanent residence ID has 15",
        "外国人永久居留身份证",
    ),
]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize(("id_type", "number", "english", "chinese"), PERSON_CASES)
def test_each_document_type_says_what_is_wrong(
    qtbot, qm_dir, lang, id_type, number, english, chinese
):
    install_translations(lang, qm_dir)
    form = _form(qtbot)
    _choose_type(qtbot, form, id_type)
    _type_and_leave(qtbot, form.ui.personIdEdit, number)
    message = form.ui.personIdMessage
    assert message.isVisible()
    assert (english if lang == "en" else chinese) in message.text()
    assert not form.ui.acceptButton.isEnabled()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_good_number_of_each_type_is_accepted_and_a_resident_id_shows_birth_and_sex(
    qtbot, qm_dir, lang
):
    install_translations(lang, qm_dir)
    form = _form(qtbot)
    for id_type, number in [
        ("passport", "E12345678"),
        ("hk_macau_permit", "C12345678"),
        ("taiwan_permit", "12345678"),
        ("foreign_permanent_residence", "USA123456789012"),
        ("resident_id", VALID_ID),
    ]:
        _choose_type(qtbot, form, id_type)
        form.ui.personIdEdit.clear()
        _type_and_leave(qtbot, form.ui.personIdEdit, number)
        assert not form.ui.personIdMessage.isVisible(), (id_type, form.ui.personIdMessage.text())
    derived = form.ui.personIdDerived.text()
    assert "1949-12-31" in derived
    assert ("female" if lang == "en" else "女") in derived


@pytest.mark.parametrize(
    ("lang", "english", "chinese"),
    [("en", "A mobile number has 11 digits", ""), ("zh_CN", "", "手机号码应为 11 位数字")],
)
def test_a_bad_mobile_is_named(qtbot, qm_dir, lang, english, chinese):
    install_translations(lang, qm_dir)
    form = _form(qtbot)
    _type_and_leave(qtbot, form.ui.personMobileEdit, "12345678901")
    assert (english or chinese) in form.ui.personMobileMessage.text()


@pytest.mark.parametrize(
    ("code", "english", "chinese"),
    [
        ("91130100MA00000O0X", "only digits and the letters", "只能由数字和字母"),
        ("9113010", "18 characters; 7 were entered", "当前输入 7 位"),
        ("91130100MA0000000X", "does not match", "请与营业执照核对"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_credit_codes_are_checked(qtbot, qm_dir, lang, code, english, chinese):
    install_translations(lang, qm_dir)
    form = _form(qtbot, "DEMO-SJ-001")
    form.ui.orgRadio.setFocus()
    qtbot.keyClick(form.ui.orgRadio, Qt.Key.Key_Space)
    assert not form.is_person()
    _type_and_leave(qtbot, form.ui.creditCodeEdit, code)
    assert (english if lang == "en" else chinese) in form.ui.creditCodeMessage.text()


def test_enter_goes_to_the_first_problem_and_accept_names_everything(qtbot):
    form = _form(qtbot)
    form.ui.personNameEdit.setFocus()
    qtbot.keyClicks(form.ui.personNameEdit, "Li Lei")
    qtbot.keyClick(form.ui.personNameEdit, Qt.Key.Key_Return)
    assert form.focusWidget() is form.ui.personIdEdit  # the first thing missing
    missing = form.ui.missingLabel.text()
    for words in ("document number", "mobile number", "居民户口簿", "Choose the decision"):
        assert words in missing
