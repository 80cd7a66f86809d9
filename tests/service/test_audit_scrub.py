"""What the audit trail masks in the targets and details it records (``audit.scrub``):
resident ID numbers (18 and 15 digits) and mobile numbers, and nothing else. A run of 12
digits — the last group of about one UUID in 250, so of a case's, an event's or a file's id
— was once taken for an ID number: the audit record of a file's viewing then named another
target than the file (found as a flaky test_attachments run in CI)."""

from __future__ import annotations

import uuid

from records_service.audit import scrub


def test_resident_ids_and_mobiles_are_masked_where_they_stand() -> None:
    text = (
        "申请人 110105199001011234，旧证 110105900101123，身份证 11010519900101123X，"
        "手机13800138000，tel:+8613912345678"
    )
    assert scrub(text) == (
        "申请人 110105********1234，旧证 110105*****1123，身份证 110105********123X，"
        "手机138****8000，tel:+86139****5678"
    )
    nested = {"applicant": {"id_number": "110105199001011234"}, "phones": ["13800138000"]}
    assert scrub(nested) == {
        "applicant": {"id_number": "110105********1234"},
        "phones": ["138****8000"],
    }


def test_ids_of_records_and_other_numbers_stay_as_they_are() -> None:
    # Once masked to 70e961c0-4fd8-480d-888e-884280*****7: the audit named no such file.
    for value in (
        "70e961c0-4fd8-480d-888e-884280973637",
        "1a2b3c4d-0000-4000-8000-313800138000",  # a mobile's shape inside an id
        "单号 123456789012",  # 12 digits: no ID number has that length
        "HS-W01-20261206-0001",
        "receipt 2026120600000123",  # 16 digits
    ):
        assert scrub(value) == value
    changed = [u for u in (str(uuid.uuid4()) for _ in range(20_000)) if scrub(u) != u]
    assert changed == []
