import io
import logging
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_app.core.identity import (
    ISSUE_TEXT_EN,
    ISSUE_TEXT_ZH,
    IdType,
    Issue,
    MaskingFilter,
    check_credit_code,
    check_document,
    check_mobile,
    check_resident_id,
    describe,
    mask_id,
    mask_phone,
)

TODAY = date(2026, 3, 2)
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def with_check_digit(first17: str) -> str:
    """GB 11643 check digit, computed here independently of the code under test."""
    total = sum(int(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
    return first17 + "10X98765432"[total % 11]


def codes(issues):
    return [i.code for i in issues]


def test_valid_id_reads_birth_date_and_sex():
    check = check_resident_id("11010519491231002X", today=TODAY)
    assert check.ok and check.errors == [] and check.warnings == []
    assert check.birth_date == date(1949, 12, 31)
    assert check.sex == "female"
    male = check_resident_id(with_check_digit("11010519800101001"), today=TODAY)
    assert male.ok and male.sex == "male"


def test_area_newer_than_the_birth_is_only_a_warning():
    # 500101 (Chongqing, Wanzhou) did not exist in 1960, yet such IDs are real.
    number = with_check_digit("50010119600101123")
    check = check_resident_id(number, today=TODAY)
    assert check.errors == []
    assert codes(check.warnings) == ["id.area_unknown"]
    assert check.warnings[0].params == {"area": "500101"}


def test_hong_kong_residence_permit_is_accepted_with_a_warning():
    check = check_resident_id(with_check_digit("81000019900101123"), today=TODAY)
    assert check.errors == []
    assert codes(check.warnings) == ["id.residence_permit"]


def test_wrong_check_digit_is_an_error():
    check = check_resident_id("110105194912310021", today=TODAY)
    assert codes(check.errors) == ["id.check_digit"]


def test_wrong_length_is_an_error_naming_the_length():
    check = check_resident_id("11010519491231002", today=TODAY)
    assert check.errors == [Issue("id.length", {"length": 17, "expected": "18"})]
    assert describe(check.errors[0]) == ("A resident ID number has 18 characters; this one has 17.")


def test_letters_inside_the_number_are_an_error():
    assert codes(check_resident_id("11010519491231A02X", today=TODAY).errors) == ["id.characters"]


def test_february_30_is_an_impossible_birth_date():
    check = check_resident_id(with_check_digit("11010519900230002"), today=TODAY)
    assert codes(check.errors) == ["id.birth_date"]
    assert check.birth_date is None


def test_birth_after_today_is_an_error():
    number = with_check_digit("11010520260501002")
    assert codes(check_resident_id(number, today=TODAY).errors) == ["id.birth_date"]
    assert check_resident_id(number, today=date(2026, 6, 1)).ok


def test_lowercase_x_is_normalized():
    check = check_resident_id("  11010519491231002x ", today=TODAY)
    assert check.value == "11010519491231002X"
    assert check.ok


def test_full_width_digits_are_normalized():
    check = check_resident_id("１１０１０５１９４９１２３１００２Ｘ", today=TODAY)
    assert check.value == "11010519491231002X"
    assert check.ok


def test_a_pasted_megabyte_is_a_length_error_without_copying_it_into_the_value():
    check = check_resident_id("1" * 1_000_000, today=TODAY)
    assert codes(check.errors) == ["id.length"]
    assert len(check.value) <= 40


def test_credit_code_valid_lowercase_and_spaced():
    check = check_credit_code(" 9111 0000 6000 3734 1l ")
    assert check.value == "91110000600037341L"
    assert check.errors == [] and check.warnings == []


def test_credit_code_with_wrong_check_character_is_only_a_warning():
    check = check_credit_code("91110000600037341M")
    assert check.errors == []
    assert codes(check.warnings) == ["credit.check_digit"]


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("9111000060003734", "credit.length"),
        ("91110000600037341I", "credit.characters"),  # I is not in the GB 32100 alphabet
        ("91110000600037341!", "credit.characters"),
    ],
)
def test_credit_code_errors(value, code):
    assert codes(check_credit_code(value).errors) == [code]


@pytest.mark.parametrize("value", ["13800138000", "199 0000 0000", "+86 138-0013-8000"])
def test_mobile_accepted(value):
    check = check_mobile(value)
    assert check.ok
    assert len(check.value) == 11


@pytest.mark.parametrize("value", ["12800138000", "1380013800", "138001380000", "1380013800a", ""])
def test_mobile_rejected(value):
    assert codes(check_mobile(value).errors) == ["mobile.format"]


@pytest.mark.parametrize(
    ("id_type", "value"),
    [
        (IdType.PASSPORT, "E12345678"),
        (IdType.PASSPORT, "ab1234"),
        (IdType.HK_MACAU_PERMIT, "C12345678"),
        (IdType.HK_MACAU_PERMIT, "H1234567890"),
        (IdType.HK_MACAU_PERMIT, "M12345678"),
        (IdType.TAIWAN_PERMIT, "12345678"),
        (IdType.TAIWAN_PERMIT, "1234567890"),
        (IdType.FOREIGN_PERMANENT_RESIDENCE, "USA123456789012"),
        (IdType.FOREIGN_PERMANENT_RESIDENCE, with_check_digit("93184019800101001")),
        (IdType.OTHER, "军官证 第123号"),
        ("resident_id", "11010519491231002X"),
        ("credit_code", "91110000600037341L"),
    ],
)
def test_documents_accepted_by_type(id_type, value):
    check = check_document(id_type, value, today=TODAY)
    assert check.errors == [] and check.warnings == []


@pytest.mark.parametrize(
    ("id_type", "value", "code"),
    [
        (IdType.PASSPORT, "E12", "passport.format"),
        (IdType.PASSPORT, "E1234567890123456789", "passport.format"),
        (IdType.HK_MACAU_PERMIT, "12345678", "hk_macau_permit.format"),
        (IdType.TAIWAN_PERMIT, "123456789", "taiwan_permit.format"),
        (
            IdType.FOREIGN_PERMANENT_RESIDENCE,
            "US123456789012",
            "foreign_permanent_residence.format",
        ),
        (IdType.OTHER, "   ", "document.empty"),
        (IdType.OTHER, "9" * 33, "document.too_long"),
        (IdType.PASSPORT, "", "document.empty"),
        (IdType.RESIDENT_ID, "123", "id.length"),
    ],
)
def test_documents_refused_by_type(id_type, value, code):
    assert codes(check_document(id_type, value, today=TODAY).errors) == [code]


def test_new_permanent_residence_card_with_bad_check_digit_warns():
    good = with_check_digit("93184019800101001")
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    check = check_document(IdType.FOREIGN_PERMANENT_RESIDENCE, bad)
    assert check.errors == []
    assert codes(check.warnings) == ["foreign_permanent_residence.check_digit"]


def test_unknown_document_type_is_refused():
    with pytest.raises(ValueError):
        check_document("library_card", "123")


def test_every_issue_code_has_english_and_chinese_text():
    assert set(ISSUE_TEXT_EN) == set(ISSUE_TEXT_ZH)
    issue = Issue("material.missing", {"code": "M2", "name": "营业执照"})
    assert describe(issue) == "Required material M2 (营业执照) has not been received."
    assert describe(issue, lang="zh_CN") == "必需材料M2（营业执照）尚未收取。"
    assert describe(Issue("no.such.code")) == "no.such.code"


def test_issue_can_be_attributed_to_a_field():
    issue = Issue("mobile.format").at("applicant.phone")
    assert issue.to_dict() == {"code": "mobile.format", "params": {}, "field": "applicant.phone"}


def test_masking():
    assert mask_id("110105194912310123") == "110105********0123"
    assert mask_id("E12345678") == "E1*****78"
    assert mask_id("123") == "***"
    assert mask_phone("13800138000") == "138****8000"
    assert mask_phone("0318-1234567") == "03********67"


def make_logger(name):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.addFilter(MaskingFilter())
    logger = logging.getLogger(name)
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    return logger, stream


def test_masking_filter_masks_messages_arguments_and_tracebacks():
    logger, stream = make_logger("test.masking")
    logger.info("applicant 11010519491231002x phone %s", "13800138000")
    logger.info("phone as number %d, id %s", 13900139000, "110105194912310123")
    logger.info("case HS-W01-20261128-000123 fee 1000 ok")
    try:
        raise ValueError("bad id 110105194912310123")
    except ValueError:
        logger.exception("failed for %s", "+8613800138000")
    out = stream.getvalue()
    assert "110105********002x" in out
    assert "138****8000" in out
    assert "139****9000" in out
    assert "110105********0123" in out
    assert "HS-W01-20261128-000123 fee 1000 ok" in out
    for secret in ("19491231", "13800138000", "13900139000"):
        assert secret not in out


first17 = st.builds(
    lambda area, birth, seq: f"{area:06d}{birth:%Y%m%d}{seq:03d}",
    st.integers(110000, 659999),
    st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    st.integers(0, 999),
)


@given(first17)
def test_any_id_with_a_correct_check_digit_has_no_errors(prefix):
    number = with_check_digit(prefix)
    check = check_resident_id(number, today=TODAY)
    assert check.errors == []
    assert check.birth_date == date(int(prefix[6:10]), int(prefix[10:12]), int(prefix[12:14]))


@given(first17, st.sampled_from("0123456789X"))
def test_changing_the_check_digit_gives_exactly_one_error(prefix, other):
    number = with_check_digit(prefix)
    if other == number[17]:
        return
    assert codes(check_resident_id(prefix + other, today=TODAY).errors) == ["id.check_digit"]
