"""Identity documents: checks, masking and the issue codes both sides word in their language.

Checks block only on what is certain (length, characters, check digit, impossible birth
date). What a real document may legitimately fail, such as a resident ID whose area code is
newer than its holder or a credit code that fails its check digit, is a warning that the
clerk confirms. See DOMAIN.md "People and identity".
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import ModuleType
from typing import Any

from clerk_app.core.clock import SystemClock

__all__ = [
    "ISSUE_TEXT_EN",
    "ISSUE_TEXT_ZH",
    "IdCheck",
    "IdType",
    "Issue",
    "MaskingFilter",
    "check_credit_code",
    "check_document",
    "check_mobile",
    "check_resident_id",
    "describe",
    "mask_id",
    "mask_phone",
    "mask_text",
    "normalize",
]


def _stdnum(name: str) -> ModuleType:
    """``stdnum.cn.ric`` or ``stdnum.cn.uscc``, imported at the first check: the log's
    masking filter (this module) is set up before the sign-in window, stdnum is not needed
    there (issue 21)."""
    if name == "uscc":
        from stdnum.cn import uscc

        return uscc
    from stdnum.cn import ric

    return ric


#: Longest document number any check looks at; longer input is a length error at once.
MAX_DOCUMENT_LENGTH = 40

_OLDEST_BIRTH_YEAR = 1850
_USCC_ALPHABET = frozenset("0123456789ABCDEFGHJKLMNPQRTUWXY")
_RESIDENCE_PERMIT_PREFIXES = ("81", "82", "83")


class IdType(StrEnum):
    """Kinds of identity document an applicant may bring."""

    RESIDENT_ID = "resident_id"  # 居民身份证
    PASSPORT = "passport"  # 护照
    #: 往来港澳通行证 (mainland residents) or 港澳居民来往内地通行证 (HK/Macau residents)
    HK_MACAU_PERMIT = "hk_macau_permit"
    TAIWAN_PERMIT = "taiwan_permit"  # 台湾居民来往大陆通行证
    FOREIGN_PERMANENT_RESIDENCE = "foreign_permanent_residence"  # 外国人永久居留身份证
    CREDIT_CODE = "credit_code"  # 统一社会信用代码
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem found in input: a code, its parameters, and optionally the field it is in.

    Codes, not sentences: each side words them in its own language (:func:`describe`).
    """

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    field: str = ""

    def at(self, field_name: str) -> Issue:
        """The same issue, attributed to ``field_name``."""
        return Issue(self.code, dict(self.params), field_name)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "params": dict(self.params), "field": self.field}


@dataclass(slots=True)
class IdCheck:
    """The result of checking one document number.

    Attributes:
        value: the normalized number (what should be stored).
        errors: problems that block the intake.
        warnings: problems the clerk must confirm.
        birth_date, sex: read from a resident ID ("male" / "female"); else None.
    """

    value: str
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    birth_date: date | None = None
    sex: str | None = None

    @property
    def ok(self) -> bool:
        """No blocking errors (warnings may remain)."""
        return not self.errors


def describe(issue: Issue, lang: str = "en") -> str:
    """The sentence for ``issue`` in ``lang`` ("en" or "zh"); the code itself if unknown."""
    table = ISSUE_TEXT_ZH if lang.lower().startswith("zh") else ISSUE_TEXT_EN
    template = table.get(issue.code)
    if template is None:
        return issue.code
    try:
        return template.format(**issue.params)
    except (KeyError, IndexError, ValueError):
        return template


def normalize(value: str) -> str:
    """Strip, fold full-width characters to ASCII, drop spaces and hyphens, upper-case."""
    folded = unicodedata.normalize("NFKC", value)
    return re.sub(r"[\s\-]", "", folded).upper()


def _too_long(value: str, check: IdCheck, code: str, expected: str) -> bool:
    """Refuse absurdly long input before normalizing it (a pasted file, say)."""
    if len(value) > MAX_DOCUMENT_LENGTH * 4:
        check.value = value[:MAX_DOCUMENT_LENGTH]
        check.errors.append(Issue(code, {"length": len(value), "expected": expected}))
        return True
    return False


# -- resident ID (GB 11643) ---------------------------------------------------------------


def check_resident_id(value: str, today: date | None = None) -> IdCheck:
    """Check a mainland resident ID (or a HK/Macau/Taiwan residence permit number).

    Args:
        value: the number as typed or read.
        today: the date birth dates may not be after; the center's today by default.
    """
    check = IdCheck(value="")
    if _too_long(value, check, "id.length", "18"):
        return check
    number = normalize(value)
    check.value = number
    if len(number) != 18:
        check.errors.append(Issue("id.length", {"length": len(number), "expected": "18"}))
        return check
    if not (number[:17].isascii() and number[:17].isdigit()) or number[17] not in "0123456789X":
        check.errors.append(Issue("id.characters"))
        return check
    if _stdnum("ric").calc_check_digit(number) != number[17]:
        check.errors.append(Issue("id.check_digit"))
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        birth = None
    if today is None:
        today = SystemClock().today()
    if birth is None or birth > today or birth.year < _OLDEST_BIRTH_YEAR:
        check.errors.append(Issue("id.birth_date", {"value": number[6:14]}))
    else:
        check.birth_date = birth
    check.sex = "male" if int(number[16]) % 2 else "female"
    if check.errors:
        return check
    if number.startswith(_RESIDENCE_PERMIT_PREFIXES):
        check.warnings.append(Issue("id.residence_permit", {"prefix": number[:2]}))
        return check
    if not _area_known(number):
        # stdnum knows only the area codes in use at the birth year; real IDs carry
        # codes it does not know (renamed or newly created areas): the clerk confirms.
        check.warnings.append(Issue("id.area_unknown", {"area": number[:6]}))
    return check


#: ``_area_known`` by area code and birth year (number[:10]), all it depends on: the
#: records service checks every new case's applicant (stdnum's lookup is ~0.1 ms).
_AREAS_KNOWN: dict[str, bool] = {}


def _area_known(number: str) -> bool:
    known = _AREAS_KNOWN.get(number[:10])
    if known is None:
        known = _area_lookup(number)
        if len(_AREAS_KNOWN) < 50_000:
            _AREAS_KNOWN[number[:10]] = known
    return known


def _area_lookup(number: str) -> bool:
    from stdnum.exceptions import ValidationError

    try:
        _stdnum("ric").get_birth_place(number)
    except ValidationError:
        return False
    except KeyError:
        # WORKAROUND: python-stdnum 2.2 cn.ric.get_birth_place raises KeyError('county')
        # for a code that names only a province or prefecture (e.g. 110001).
        return False
    return True


# -- unified social credit code (GB 32100) ------------------------------------------------


def check_credit_code(value: str) -> IdCheck:
    """Check a unified social credit code; a failing check digit is only a warning."""
    check = IdCheck(value="")
    if _too_long(value, check, "credit.length", "18"):
        return check
    code = normalize(value)
    check.value = code
    if len(code) != 18:
        check.errors.append(Issue("credit.length", {"length": len(code), "expected": "18"}))
        return check
    if any(c not in _USCC_ALPHABET for c in code):
        check.errors.append(Issue("credit.characters"))
        return check
    if _stdnum("uscc").calc_check_digit(code) != code[17]:
        check.warnings.append(Issue("credit.check_digit"))
    return check


# -- mobile phone -------------------------------------------------------------------------

_MOBILE = re.compile(r"1[3-9]\d{9}")


def check_mobile(value: str) -> IdCheck:
    """Check a mainland mobile number: 11 digits, 1[3-9]…; a +86 prefix is dropped."""
    check = IdCheck(value="")
    if _too_long(value, check, "mobile.format", "11"):
        return check
    number = normalize(value)
    if number.startswith("+86"):
        number = number[3:]
    check.value = number
    if not (number.isascii() and _MOBILE.fullmatch(number)):
        check.errors.append(Issue("mobile.format"))
    return check


# -- other documents ----------------------------------------------------------------------

_DOCUMENT_PATTERNS: dict[IdType, re.Pattern[str]] = {
    IdType.PASSPORT: re.compile(r"[A-Z0-9]{5,17}"),
    # C + 8 (往来港澳通行证), H/M + 8 or 10 digits (港澳居民来往内地通行证); lenient.
    IdType.HK_MACAU_PERMIT: re.compile(r"[A-Z][A-Z0-9]{7,10}"),
    IdType.TAIWAN_PERMIT: re.compile(r"\d{8}(?:\d{2})?"),
    # Old card: 3 letters (country) + 12 digits; new card (2023): 9 + 16 digits + check.
    IdType.FOREIGN_PERMANENT_RESIDENCE: re.compile(r"[A-Z]{3}\d{12}|9\d{16}[\dX]"),
}

#: Longest number accepted for IdType.OTHER.
MAX_OTHER_LENGTH = 32


def check_document(id_type: IdType | str, value: str, today: date | None = None) -> IdCheck:
    """Check a document number by its type, only as far as that type defines a format.

    Raises:
        ValueError: ``id_type`` is not an :class:`IdType`.
    """
    kind = IdType(id_type)
    if kind is IdType.RESIDENT_ID:
        return check_resident_id(value, today)
    if kind is IdType.CREDIT_CODE:
        return check_credit_code(value)
    check = IdCheck(value="")
    if _too_long(value, check, "document.too_long", str(MAX_OTHER_LENGTH)):
        return check
    number = normalize(value)
    check.value = number
    if not number:
        check.errors.append(Issue("document.empty"))
        return check
    if kind is IdType.OTHER:
        if len(number) > MAX_OTHER_LENGTH:
            check.errors.append(
                Issue("document.too_long", {"length": len(number), "max": MAX_OTHER_LENGTH})
            )
        return check
    pattern = _DOCUMENT_PATTERNS[kind]
    if not (number.isascii() and pattern.fullmatch(number)):
        check.errors.append(Issue(f"{kind.value}.format"))
        return check
    if (
        kind is IdType.FOREIGN_PERMANENT_RESIDENCE
        and len(number) == 18
        and _stdnum("ric").calc_check_digit(number) != number[17]
    ):
        check.warnings.append(Issue("foreign_permanent_residence.check_digit"))
    return check


# -- masking ------------------------------------------------------------------------------


def mask_id(value: str) -> str:
    """Mask a document number for display: ``110105********0123`` for 18 characters."""
    s = value.strip()
    if len(s) == 18:
        return f"{s[:6]}{'*' * 8}{s[-4:]}"
    if len(s) <= 4:
        return "*" * len(s)
    return f"{s[:2]}{'*' * (len(s) - 4)}{s[-2:]}"


def mask_phone(value: str) -> str:
    """Mask a phone number for display: ``138****8000`` for 11 digits."""
    s = value.strip()
    if len(s) == 11:
        return f"{s[:3]}****{s[-4:]}"
    if len(s) <= 4:
        return "*" * len(s)
    return f"{s[:2]}{'*' * (len(s) - 4)}{s[-2:]}"


def mask_name(name: str) -> str:
    """``张三`` → ``张*``, ``欧阳小明`` → ``欧***``: how a person's name is shown in public."""
    name = name.strip()
    return name[:1] + "*" * (len(name) - 1) if len(name) > 1 else "*"


def public_name(name: str, *, organization: bool) -> str:
    """An applicant's name as public screens show it: a person's masked, an
    organization's as it is (it is public)."""
    return name if organization else mask_name(name)


def public_applicant_name(applicant: Mapping[str, Any]) -> str:
    """:func:`public_name` of an applicant given as the service's JSON object."""
    name = str(applicant.get("name") or "")
    return public_name(name, organization=applicant.get("kind") == "organization")


_ID_LIKE = re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")
_MOBILE_LIKE = re.compile(r"(?<![0-9])(?:\+?86)?1[3-9]\d{9}(?![0-9])")


def mask_text(text: str) -> str:
    """Mask every resident-ID-looking and mobile-looking number in free text."""
    text = _ID_LIKE.sub(lambda m: mask_id(m.group()), text)
    return _MOBILE_LIKE.sub(lambda m: mask_phone(m.group()[-11:]), text)


class MaskingFilter(logging.Filter):
    """Logging filter that masks ID and mobile numbers in messages, arguments and tracebacks.

    The record's message is formatted once and its arguments dropped, so nothing
    unmasked reaches any handler whatever the argument types were.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a broken format string: mask what there is
            message = f"{record.msg} {record.args!r}"
        record.msg = mask_text(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_text(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_text(record.stack_info)
        return True


# -- sentences for issue codes ------------------------------------------------------------

#: English sentences for every issue code of clerk_app.core (for the service and the logs).
ISSUE_TEXT_EN: dict[str, str] = {
    "id.length": "A resident ID number has {expected} characters; this one has {length}.",
    "id.characters": "A resident ID number is 17 digits followed by a digit or X.",
    "id.check_digit": "The check digit of this resident ID number does not match; "
    "a character was probably mistyped.",
    "id.birth_date": "The birth date in this resident ID number ({value}) is impossible.",
    "id.area_unknown": "Area code {area} is not known for the birth year in this ID number; "
    "confirm against the card.",
    "id.residence_permit": "This is a residence permit number of a Hong Kong, Macau or "
    "Taiwan resident (prefix {prefix}); confirm against the card.",
    "credit.length": "A unified social credit code has {expected} characters; "
    "this one has {length}.",
    "credit.characters": "A unified social credit code uses only digits and the letters "
    "ABCDEFGHJKLMNPQRTUWXY.",
    "credit.check_digit": "The check character of this credit code does not match; "
    "confirm it against the business licence.",
    "mobile.format": "A mobile number has 11 digits and starts with 13 to 19.",
    "passport.format": "A passport number has 5 to 17 letters or digits.",
    "hk_macau_permit.format": "A Hong Kong/Macau travel permit number is a letter "
    "followed by 8 to 10 letters or digits.",
    "taiwan_permit.format": "A Taiwan residents' travel permit number has 8 or 10 digits.",
    "foreign_permanent_residence.format": "A foreigner's permanent residence ID has 15 "
    "characters (old card) or 18 starting with 9 (new card).",
    "foreign_permanent_residence.check_digit": "The check digit of this permanent residence "
    "ID does not match; confirm against the card.",
    "document.empty": "The document number is missing.",
    "document.too_long": "The document number is too long ({length} characters, at most {max}).",
    "name.required": "The name is missing.",
    "name.too_long": "The name is too long ({length} characters, at most {max}).",
    "applicant.kind": "The applicant must be a person or an organization.",
    "applicant.id_type": "A document of type {id_type} does not identify {kind}.",
    "applicant.subject": "This item does not serve applicants of kind {kind}.",
    "applicant.legal_representative": "The legal representative of the organization is missing.",
    "phone.required": "A phone number is needed to reach the applicant.",
    "item.mismatch": "The draft is for item {draft_item}, not {item}.",
    "disposition.unknown": "Unknown intake decision {value}.",
    "disposition.not_immediate": "This item is not done on the spot (its time limit is "
    "{days} working days).",
    "material.missing": "Required material {code} ({name}) has not been received.",
    "material.unknown": "Material {code} is not in this item's list.",
    "material.not_deferrable": "Material {code} ({name}) cannot follow later (容缺 not allowed).",
    "material.deferred_needs_decision": "Materials to follow later need the decision "
    "'accepted with materials to follow'.",
    "material.nothing_deferred": "The decision 'accepted with materials to follow' needs "
    "at least one material marked to follow.",
    "material.too_few_copies": "Material {code} ({name}) needs {expected} copies; "
    "{copies} received.",
    "fee.not_waivable": "The fee for this item cannot be waived.",
    "due_date.provisional": "The due date {due_date} is provisional: the holiday schedule "
    "for that year is not published yet.",
}

#: Chinese sentences for the same codes.
ISSUE_TEXT_ZH: dict[str, str] = {
    "id.length": "居民身份证号码应为{expected}位，当前为{length}位。",
    "id.characters": "居民身份证号码应为17位数字加1位数字或X。",
    "id.check_digit": "居民身份证号码校验码不符，可能有输入错误。",
    "id.birth_date": "居民身份证号码中的出生日期（{value}）不存在。",
    "id.area_unknown": "地址码{area}与出生年份不对应，请核对证件原件。",
    "id.residence_permit": "该号码为港澳台居民居住证号码（{prefix}开头），请核对证件原件。",
    "credit.length": "统一社会信用代码应为{expected}位，当前为{length}位。",
    "credit.characters": "统一社会信用代码只能包含数字和字母ABCDEFGHJKLMNPQRTUWXY。",
    "credit.check_digit": "统一社会信用代码校验码不符，请核对营业执照。",
    "mobile.format": "手机号码应为以13至19开头的11位数字。",
    "passport.format": "护照号码应为5至17位字母或数字。",
    "hk_macau_permit.format": "港澳通行证号码应为1位字母加8至10位字母或数字。",
    "taiwan_permit.format": "台湾居民来往大陆通行证号码应为8位或10位数字。",
    "foreign_permanent_residence.format": "外国人永久居留身份证号码应为15位（旧证）"
    "或以9开头的18位（新证）。",
    "foreign_permanent_residence.check_digit": "外国人永久居留身份证号码校验码不符，"
    "请核对证件原件。",
    "document.empty": "证件号码不能为空。",
    "document.too_long": "证件号码过长（{length}位，最多{max}位）。",
    "name.required": "姓名或名称不能为空。",
    "name.too_long": "姓名或名称过长（{length}个字符，最多{max}个）。",
    "applicant.kind": "申请人须为自然人或法人（组织）。",
    "applicant.id_type": "证件类型{id_type}不适用于{kind}。",
    "applicant.subject": "本事项不受理{kind}类申请人。",
    "applicant.legal_representative": "缺少法定代表人。",
    "phone.required": "请填写联系电话。",
    "item.mismatch": "受理草稿对应事项{draft_item}，而非{item}。",
    "disposition.unknown": "未知的受理决定{value}。",
    "disposition.not_immediate": "本事项不是即办件（承诺时限{days}个工作日）。",
    "material.missing": "必需材料{code}（{name}）尚未收取。",
    "material.unknown": "材料{code}不在本事项材料清单中。",
    "material.not_deferrable": "材料{code}（{name}）不适用容缺受理。",
    "material.deferred_needs_decision": "有容缺后补材料时，应选择容缺受理。",
    "material.nothing_deferred": "容缺受理须至少标记一项后补材料。",
    "material.too_few_copies": "材料{code}（{name}）需{expected}份，实收{copies}份。",
    "fee.not_waivable": "本事项费用不可减免。",
    "due_date.provisional": "办结时限{due_date}为暂定日期：该年度节假日安排尚未公布。",
}
