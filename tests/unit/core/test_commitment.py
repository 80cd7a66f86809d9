"""告知承诺 rules: who may commit, what for, the verification deadline and its state."""

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from clerk_app.core.calendar import DueDate, WorkCalendar
from clerk_app.core.catalog import Catalog, CatalogError
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.commitment import (
    Verification,
    commitment_of,
    false_commitment,
    verification_state,
    verification_task,
    verify_deadline,
)
from clerk_app.core.event_data import DecisionData, VerificationData
from clerk_app.core.intake import Applicant, IntakeDraft, MaterialReceipt, build_case, validate
from clerk_app.core.lifecycle import EventType, Status, transition
from clerk_app.core.records import CaseEvent

DEMO = Path(__file__).resolve().parents[3] / "resources" / "catalog" / "demo_catalog.json"
CATALOG = Catalog.from_dict(json.loads(DEMO.read_text(encoding="utf-8")))
HOUSEHOLD = CATALOG.item("DEMO-GA-006")  # M4 亲属关系证明, M5 住所证明 by commitment; 20 days
HYGIENE = CATALOG.item("DEMO-WJ-003")  # the whole item on commitment
PASSPORT = CATALOG.item("DEMO-GA-013")  # no commitment at all
CAL = WorkCalendar.builtin()
MONDAY_BEFORE_NATIONAL_DAY = date(2026, 9, 28)

ZHANG = Applicant(
    kind="person",
    name="张三",
    id_type="resident_id",
    id_number="11010519491231002x",
    phone="13800138000",
)


def household_draft(**changes):
    materials = [MaterialReceipt(code, True) for code in ("M1", "M2", "M3", "M5")]
    materials.append(MaterialReceipt("M4", False, by_commitment=True))
    base = {
        "item_code": HOUSEHOLD.code,
        "applicant": ZHANG,
        "materials": tuple(materials),
        "disposition": "promised",
        "credit_checked": True,
    }
    base.update(changes)
    return IntakeDraft(**base)


def errors(draft, item=HOUSEHOLD):
    result = validate(draft, item, today=MONDAY_BEFORE_NATIONAL_DAY, calendar=CAL)
    return [(i.field, i.code) for i in result.errors]


def take_in(draft, item=HOUSEHOLD):
    return build_case(
        draft,
        item,
        case_id="7d0f6c1e-2b6a-4a8e-9c53-4f1a8f9d2c11",
        case_no="HS-W01-20260928-000001",
        query_code="042137",
        window_code="W01",
        catalog_version=CATALOG.version,
        clerk="demo-clerk",
        received_at=datetime(2026, 9, 28, 9, 30, tzinfo=CENTER_TZ),
        calendar=CAL,
    )


def test_a_certificate_replaced_by_commitment_is_not_missing():
    assert errors(household_draft()) == []


def test_refused_when_the_applicant_is_on_the_dishonesty_list():
    assert errors(household_draft(credit_listed=True)) == [
        ("credit_check", "commitment.credit_listed")
    ]


def test_refused_until_the_clerk_has_checked_the_dishonesty_list():
    assert errors(household_draft(credit_checked=False)) == [
        ("credit_check", "commitment.credit_unchecked")
    ]


def test_the_list_is_not_asked_about_when_nobody_commits():
    materials = tuple(MaterialReceipt(f"M{n}", True) for n in range(1, 6))
    assert errors(household_draft(materials=materials, credit_checked=False)) == []


def test_a_material_the_catalog_does_not_allow_cannot_be_replaced():
    materials = (
        MaterialReceipt("M1", False, by_commitment=True),
        *(MaterialReceipt(f"M{n}", True) for n in range(2, 6)),
    )
    assert errors(household_draft(materials=materials)) == [
        ("materials.M1", "commitment.material_not_allowed")
    ]


def test_the_whole_item_only_where_the_item_allows_it():
    assert errors(household_draft(commitment_whole=True)) == [
        ("commitment", "commitment.item_not_allowed")
    ]
    materials = tuple(MaterialReceipt(f"M{n}", True) for n in range(1, 6))
    hygiene = IntakeDraft(
        item_code=HYGIENE.code,
        applicant=ZHANG,
        materials=materials,
        disposition="promised",
        commitment_whole=True,
        credit_checked=True,
    )
    assert errors(hygiene, HYGIENE) == []
    # The disposition stays 即办 or 承诺: a wholesale commitment is no 容缺 or 补正.
    assert ("disposition", "commitment.needs_acceptance") in errors(
        replace(hygiene, disposition="supplement"), HYGIENE
    )


def test_no_commitment_with_a_refusal():
    draft = household_draft(disposition="refused", refusal_reasons=["x"], legal_basis=["y"])
    assert ("disposition", "commitment.needs_acceptance") in errors(draft)


def test_verification_deadline_counts_working_days_across_national_day():
    item = replace(HOUSEHOLD, verify_days=5)
    # 29, 30 Sep; 1-7 Oct are the holiday; 8, 9 Oct and the make-up Saturday 10 Oct.
    assert verify_deadline(item, MONDAY_BEFORE_NATIONAL_DAY, CAL) == DueDate(
        date(2026, 10, 10), False
    )


def test_the_case_records_the_commitment_the_check_and_the_deadline():
    case = take_in(household_draft())
    assert [m.code for m in case.materials if m.by_commitment] == ["M4"]
    record = commitment_of(case)
    assert record is not None and record.credit_checked and not record.whole_item
    assert [need.name for need in record.materials] == ["亲属关系证明"]
    # 20 working days from 28 Sep 2026, the Golden Week not counted.
    assert record.verify_by == date(2026, 10, 30)
    assert case.disposition == "promised" and case.status is Status.ACCEPTED
    task = verification_task(case, date(2026, 10, 9))
    assert task is not None and not task.overdue
    assert verification_task(case, date(2026, 11, 3)).overdue


def test_found_false_revokes_and_keeps_the_credit_note():
    case = take_in(household_draft())
    assert verification_state(case) is Verification.PENDING
    finding = CaseEvent(
        id="e2",
        type=EventType.COMMITMENT_FALSE,
        at=datetime(2026, 10, 9, 10, tzinfo=CENTER_TZ),
        note="亲属关系与户籍档案不符",
        data=false_commitment(date(2026, 10, 9), "虚假承诺：亲属关系证明事项"),
    )
    after = replace(case, events=(*case.events, finding))
    assert transition(case.status, finding.type) is Status.REVOKED
    assert verification_state(after) is Verification.FALSE
    assert verification_task(after, date(2026, 10, 9)) is None
    with pytest.raises(ValueError):
        false_commitment(date(2026, 10, 9), "  ")


def test_a_verified_commitment_leaves_no_task_and_a_case_without_one_has_none():
    case = take_in(household_draft())
    passed = CaseEvent(
        id="e2",
        type=EventType.COMMITMENT_VERIFIED,
        at=datetime(2026, 10, 9, 10, tzinfo=CENTER_TZ),
        data=VerificationData(verified_on=date(2026, 10, 9)),
    )
    after = replace(case, events=(*case.events, passed))
    assert transition(case.status, passed.type) is Status.ACCEPTED
    assert verification_state(after) is Verification.PASSED
    assert verification_task(after, date(2026, 10, 9)) is None
    plain = take_in(
        household_draft(materials=tuple(MaterialReceipt(f"M{n}", True) for n in range(1, 6)))
    )
    assert verification_state(plain) is None
    assert isinstance(plain.first_event.data, DecisionData)
    assert plain.first_event.data.commitment is None


def test_the_catalog_needs_a_verification_deadline_where_a_commitment_is_allowed():
    data = CATALOG.to_dict()
    assert Catalog.from_dict(data).item("DEMO-GA-006").material("M4").commitment
    item = next(i for i in data["items"] if i["code"] == "DEMO-GA-006")
    del item["verify_days"]
    with pytest.raises(CatalogError, match=r"DEMO-GA-006.*verify_days"):
        Catalog.from_dict(data)
    assert not PASSPORT.allows_commitment and HYGIENE.allows_commitment
