import time
from datetime import UTC, date, datetime

import pytest

from clerk_app.core.calendar import DueDate, WorkCalendar
from clerk_app.core.catalog import Catalog
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.intake import (
    Applicant,
    IntakeDraft,
    InvalidDraft,
    MaterialReceipt,
    build_case,
    validate,
)
from clerk_app.remote.wire import case_to_wire
from tests.helpers.catalog_data import catalog_dict


def case_body(*args, **kwargs):
    """The wire body of the typed case a draft becomes (what the desk sends)."""
    return case_to_wire(build_case(*args, **kwargs))


CATALOG = Catalog.from_dict(catalog_dict())
ID_CARD = CATALOG.item("GA-001")  # promised, 20 days, persons; M1, M2 (deferrable), M3
SHOP = CATALOG.item("SJ-010")  # immediate
COMPANY = CATALOG.item("SJ-002")  # promised, 3 days, organizations, fees not waivable
CAL = WorkCalendar.builtin()
TODAY = date(2026, 9, 24)

ZHANG = Applicant(
    kind="person",
    name=" 张三 ",
    id_type="resident_id",
    id_number="11010519491231002x",
    phone="138 0013 8000",
)
FIRM = Applicant(
    kind="organization",
    name="衡水示例科技有限公司",
    id_type="credit_code",
    id_number="91110000600037341L",
    phone="0318-1234567",
    legal_representative="李四",
    contact_name="王五",
)
ALL_ID_CARD = (MaterialReceipt("M1", True), MaterialReceipt("M2", True))


def draft(**changes):
    base = {
        "item_code": "GA-001",
        "applicant": ZHANG,
        "materials": ALL_ID_CARD,
        "disposition": "promised",
    }
    base.update(changes)
    return IntakeDraft(**base)


def codes(issues):
    return [(i.field, i.code) for i in issues]


def test_complete_promised_draft_is_valid_with_its_due_date():
    result = validate(draft(), ID_CARD, today=TODAY, calendar=CAL)
    assert result.ok and result.warnings == []
    # 20 working days after 24 Sep 2026, across Mid-autumn and National Day.
    assert result.due == DueDate(date(2026, 10, 29), False)


def test_promised_case_payload_is_the_post_cases_body():
    payload = case_body(
        draft(materials=(*ALL_ID_CARD, MaterialReceipt("M3", True, copies=2)), note="首问"),
        ID_CARD,
        case_id="7d0f6c1e-2b6a-4a8e-9c53-4f1a8f9d2c11",
        case_no="HS-W01-20260924-000001",
        query_code="042137",
        window_code="W01",
        catalog_version="test-2026.1",
        clerk="demo-clerk",
        received_at=datetime(2026, 9, 24, 1, 30, tzinfo=UTC),  # 09:30 in Hengshui
        calendar=CAL,
        first_event_id="0b9c6a52-51e2-4d1e-8f0a-1f3e8b7f3a10",
    )
    assert payload == {
        "id": "7d0f6c1e-2b6a-4a8e-9c53-4f1a8f9d2c11",
        "case_no": "HS-W01-20260924-000001",
        "query_code": "042137",
        "item_code": "GA-001",
        "window_code": "W01",
        "catalog_version": "test-2026.1",
        "applicant": {
            "kind": "person",
            "name": "张三",
            "id_type": "resident_id",
            "id_number": "11010519491231002X",
            "phone": "13800138000",
        },
        "agent": None,
        "materials": [
            {"code": "M1", "received": True, "deferred": False, "copies": 1},
            {"code": "M2", "received": True, "deferred": False, "copies": 1},
            {"code": "M3", "received": True, "deferred": False, "copies": 2},
        ],
        "disposition": "promised",
        "received_at": "2026-09-24T09:30:00+08:00",
        "due_date": "2026-10-29",
        "due_date_provisional": False,
        "fee_fen": 2000,
        "clerk": "demo-clerk",
        "first_event": {
            "id": "0b9c6a52-51e2-4d1e-8f0a-1f3e8b7f3a10",
            "type": "accept",
            "at": "2026-09-24T09:30:00+08:00",
            "note": "首问",
            "data": {"fee_state": "unpaid"},
        },
    }


def make(d, item, when=datetime(2026, 9, 24, 9, 30, tzinfo=CENTER_TZ)):
    return case_body(
        d,
        item,
        case_id="c",
        case_no="HS-W01-20260924-000002",
        query_code="123456",
        window_code="W01",
        catalog_version="v",
        clerk="demo-clerk",
        received_at=when,
        calendar=CAL,
    )


def test_immediate_case_is_due_the_day_it_is_taken_in():
    d = draft(
        item_code="SJ-010",
        disposition="immediate",
        materials=(MaterialReceipt("M1", True), MaterialReceipt("M2", True, copies=2)),
    )
    payload = make(d, SHOP)
    assert payload["due_date"] == "2026-09-24"
    assert payload["fee_fen"] == 0
    assert payload["first_event"]["type"] == "accept"
    assert len(payload["first_event"]["id"]) == 36  # a fresh uuid4


def test_organization_applicant_shape_and_fees():
    d = draft(
        item_code="SJ-002",
        applicant=FIRM,
        materials=(MaterialReceipt("M1", True), MaterialReceipt("M2", True)),
    )
    payload = make(d, COMPANY)
    assert payload["applicant"] == {
        "kind": "organization",
        "name": "衡水示例科技有限公司",
        "id_type": "credit_code",
        "id_number": "91110000600037341L",
        "legal_representative": "李四",
        "contact_name": "王五",
        "phone": "0318-1234567",
    }
    assert payload["fee_fen"] == 11050
    # 3 working days after Thu 24 Sep 2026: Fri 25 is Mid-autumn; 28, 29, 30 Sep.
    assert payload["due_date"] == "2026-09-30"


def test_all_missing_required_materials_are_reported_at_once():
    result = validate(draft(materials=()), ID_CARD, today=TODAY, calendar=CAL)
    assert codes(result.errors) == [
        ("materials.M1", "material.missing"),
        ("materials.M2", "material.missing"),
    ]


def test_deferred_material_needs_the_deferred_decision_and_a_deferrable_material():
    deferred_m2 = (MaterialReceipt("M1", True), MaterialReceipt("M2", False, deferred=True))
    ok = validate(
        draft(materials=deferred_m2, disposition="deferred_materials", supply_by=date(2026, 10, 9)),
        ID_CARD,
        today=TODAY,
        calendar=CAL,
    )
    assert ok.ok and ok.due == DueDate(date(2026, 10, 29), False)
    assert (
        make(
            draft(
                materials=deferred_m2,
                disposition="deferred_materials",
                supply_by=date(2026, 10, 9),
            ),
            ID_CARD,
        )["first_event"]["type"]
        == "accept_deferred"
    )

    promised = validate(draft(materials=deferred_m2), ID_CARD, today=TODAY, calendar=CAL)
    assert codes(promised.errors) == [("materials.M2", "material.deferred_needs_decision")]

    deferred_m1 = (MaterialReceipt("M1", False, deferred=True), MaterialReceipt("M2", True))
    bad = validate(
        draft(materials=deferred_m1, disposition="deferred_materials"),
        ID_CARD,
        today=TODAY,
        calendar=CAL,
    )
    assert codes(bad.errors) == [
        ("materials.M1", "material.not_deferrable"),
        ("supply_by", "deferred.supply_by_required"),
    ]

    nothing = validate(draft(disposition="deferred_materials"), ID_CARD, today=TODAY, calendar=CAL)
    assert codes(nothing.errors) == [
        ("materials", "material.nothing_deferred"),
        ("supply_by", "deferred.supply_by_required"),
    ]


def test_supplement_notice_needs_no_materials_and_sets_no_due_date():
    payload = make(
        draft(materials=(MaterialReceipt("M1", True),), disposition="supplement"), ID_CARD
    )
    assert payload["due_date"] is None
    assert payload["first_event"]["type"] == "request_supplement"


def test_name_rules():
    assert codes(validate(draft(applicant=_with(name="   ")), ID_CARD, TODAY, CAL).errors) == [
        ("applicant.name", "name.required")
    ]
    long_name = validate(draft(applicant=_with(name="张" * 101)), ID_CARD, TODAY, CAL)
    assert long_name.errors[0].code == "name.too_long"
    assert long_name.errors[0].params == {"length": 101, "max": 100}
    assert validate(draft(applicant=_with(name="张" * 100)), ID_CARD, TODAY, CAL).ok


def test_a_ten_megabyte_name_is_refused_quickly():
    started = time.perf_counter()
    result = validate(draft(applicant=_with(name="x" * 10_000_000)), ID_CARD, TODAY, CAL)
    assert time.perf_counter() - started < 0.5
    assert codes(result.errors) == [("applicant.name", "name.too_long")]


def _with(**changes):
    fields = {
        "kind": ZHANG.kind,
        "name": ZHANG.name,
        "id_type": ZHANG.id_type,
        "id_number": ZHANG.id_number,
        "phone": ZHANG.phone,
    }
    fields.update(changes)
    return Applicant(**fields)


def test_identity_problems_are_attributed_to_the_id_field():
    bad = validate(draft(applicant=_with(id_number="110105194912310021")), ID_CARD, TODAY, CAL)
    assert codes(bad.errors) == [("applicant.id_number", "id.check_digit")]
    # A real ID whose area is newer than its holder: a warning only.
    old = validate(draft(applicant=_with(id_number="500101196001011236")), ID_CARD, TODAY, CAL)
    assert old.ok
    assert codes(old.warnings) == [("applicant.id_number", "id.area_unknown")]
    passport = validate(
        draft(applicant=_with(id_type="passport", id_number="E12345678")), ID_CARD, TODAY, CAL
    )
    assert passport.ok


def test_document_type_must_fit_the_applicant_kind():
    person_with_code = _with(id_type="credit_code", id_number="91110000600037341L")
    assert codes(validate(draft(applicant=person_with_code), ID_CARD, TODAY, CAL).errors) == [
        ("applicant.id_type", "applicant.id_type")
    ]
    firm_with_id = Applicant(
        "organization",
        "某公司",
        "resident_id",
        "11010519491231002X",
        "13800138000",
        legal_representative="李四",
    )
    d = draft(
        item_code="SJ-002",
        applicant=firm_with_id,
        materials=(MaterialReceipt("M1", True), MaterialReceipt("M2", True)),
    )
    assert codes(validate(d, COMPANY, TODAY, CAL).errors) == [
        ("applicant.id_type", "applicant.id_type")
    ]


def test_organization_needs_a_legal_representative_and_must_be_served():
    firm = Applicant("organization", "某公司", "credit_code", "91110000600037341L", "13800138000")
    d = draft(
        item_code="SJ-002",
        applicant=firm,
        materials=(MaterialReceipt("M1", True), MaterialReceipt("M2", True)),
    )
    assert codes(validate(d, COMPANY, TODAY, CAL).errors) == [
        ("applicant.legal_representative", "applicant.legal_representative")
    ]
    # GA-001 serves natural persons only.
    assert ("applicant.kind", "applicant.subject") in codes(
        validate(draft(applicant=FIRM), ID_CARD, TODAY, CAL).errors
    )


def test_phone_rules():
    assert codes(validate(draft(applicant=_with(phone="12345")), ID_CARD, TODAY, CAL).errors) == [
        ("applicant.phone", "mobile.format")
    ]
    assert codes(validate(draft(applicant=_with(phone="")), ID_CARD, TODAY, CAL).errors) == [
        ("applicant.phone", "phone.required")
    ]
    agent = Applicant("person", "赵六", "resident_id", "11010519491231002X", "13900139000")
    with_agent = draft(applicant=_with(phone=""), agent=agent)
    assert validate(with_agent, ID_CARD, TODAY, CAL).ok
    assert make(with_agent, ID_CARD)["agent"]["phone"] == "13900139000"


def test_agent_must_be_a_person():
    result = validate(draft(agent=FIRM), ID_CARD, TODAY, CAL)
    assert ("agent.kind", "applicant.kind") in codes(result.errors)


def test_fee_waiver_only_where_the_item_allows_it():
    assert make(draft(fee_waived=True), ID_CARD)["fee_fen"] == 0
    d = draft(
        item_code="SJ-002",
        applicant=FIRM,
        fee_waived=True,
        materials=(MaterialReceipt("M1", True), MaterialReceipt("M2", True)),
    )
    assert codes(validate(d, COMPANY, TODAY, CAL).errors) == [("fee_waived", "fee.not_waivable")]


def test_due_date_in_an_unpublished_year_is_a_provisional_warning():
    # From Sun 20 Dec 2026: 9 working days to Thu 31 Dec; Fri 1 Jan 2027 is 元旦 (statutory;
    # the make-up days of 2027 are unknown), so the 20th working day is Mon 18 Jan.
    result = validate(draft(), ID_CARD, today=date(2026, 12, 20), calendar=CAL)
    assert result.ok
    assert result.due == DueDate(date(2027, 1, 18), True)
    assert codes(result.warnings) == [("due_date", "due_date.provisional")]
    payload = make(draft(), ID_CARD, when=datetime(2026, 12, 20, 10, 0, tzinfo=CENTER_TZ))
    assert payload["due_date"] == "2027-01-18"
    assert payload["due_date_provisional"] is True


def test_other_warnings_and_errors():
    immediate = validate(draft(disposition="immediate"), ID_CARD, TODAY, CAL)
    assert codes(immediate.warnings) == [("disposition", "disposition.not_immediate")]
    few = validate(
        draft(materials=(*ALL_ID_CARD, MaterialReceipt("M3", True, copies=1))), ID_CARD, TODAY, CAL
    )
    assert few.ok and few.warnings[0].params == {
        "code": "M3",
        "name": "相片",
        "expected": 2,
        "copies": 1,
    }
    unknown = validate(
        draft(materials=(*ALL_ID_CARD, MaterialReceipt("M9", True))), ID_CARD, TODAY, CAL
    )
    assert codes(unknown.errors) == [("materials[2]", "material.unknown")]
    assert codes(validate(draft(item_code="SJ-010"), ID_CARD, TODAY, CAL).errors) == [
        ("item_code", "item.mismatch")
    ]
    assert codes(validate(draft(disposition="maybe"), ID_CARD, TODAY, CAL).errors) == [
        ("disposition", "disposition.unknown")
    ]


def test_a_draft_with_errors_never_becomes_a_case():
    with pytest.raises(InvalidDraft) as info:
        make(draft(materials=()), ID_CARD)
    assert [i.code for i in info.value.errors] == ["material.missing", "material.missing"]
    assert "materials.M1: material.missing" in str(info.value)


def test_received_at_must_be_aware():
    with pytest.raises(ValueError, match="timezone-aware"):
        make(draft(), ID_CARD, when=datetime(2026, 9, 24, 9, 30))


# -- decisions (issue 6) ------------------------------------------------------------------


def test_the_decisions_offered_follow_the_materials():
    from clerk_app.core.intake import allowed_dispositions
    from clerk_app.core.lifecycle import Disposition as D

    complete = allowed_dispositions(ID_CARD, ALL_ID_CARD)
    assert complete == [D.PROMISED, D.FORWARDED, D.REFUSED]
    deferred = (MaterialReceipt("M1", True), MaterialReceipt("M2", False, deferred=True))
    assert allowed_dispositions(ID_CARD, deferred) == [
        D.DEFERRED_MATERIALS,
        D.SUPPLEMENT,
        D.REFUSED,
    ]
    assert allowed_dispositions(ID_CARD, ()) == [D.SUPPLEMENT, D.REFUSED]
    assert (
        allowed_dispositions(SHOP, [MaterialReceipt(m.code, True) for m in SHOP.materials])[0]
        is D.IMMEDIATE
    )


def test_deferred_supply_day_is_neither_past_nor_after_the_due_date():
    deferred = (MaterialReceipt("M1", True), MaterialReceipt("M2", False, deferred=True))

    def check(day):
        d = draft(materials=deferred, disposition="deferred_materials", supply_by=day)
        return codes(validate(d, ID_CARD, today=TODAY, calendar=CAL).errors)

    assert check(date(2026, 10, 29)) == []  # the due date itself
    assert check(date(2026, 10, 30)) == [("supply_by", "deferred.supply_by_after_due")]
    assert check(date(2026, 9, 23)) == [("supply_by", "deferred.supply_by_past")]
    payload = make(
        draft(materials=deferred, disposition="deferred_materials", supply_by=date(2026, 10, 9)),
        ID_CARD,
    )
    data = payload["first_event"]["data"]
    assert data["supply_by"] == "2026-10-09"
    assert [m["code"] for m in data["deferred"]] == ["M2"]


def test_supplement_lists_every_missing_material_with_what_it_must_be():
    payload = make(draft(materials=(), disposition="supplement"), ID_CARD)
    missing = payload["first_event"]["data"]["missing"]
    assert [m["code"] for m in missing] == ["M1", "M2"]
    assert all(m["requirement"] for m in missing)
    assert payload["fee_fen"] == 0  # nothing accepted, nothing charged
    nothing = validate(draft(disposition="supplement"), ID_CARD, today=TODAY, calendar=CAL)
    assert codes(nothing.errors) == [("materials", "supplement.nothing_missing")]


def test_refusal_needs_reasons_and_a_legal_basis():
    bare = validate(draft(disposition="refused"), ID_CARD, today=TODAY, calendar=CAL)
    assert codes(bare.errors) == [
        ("refusal_reasons", "refusal.reason_required"),
        ("legal_basis", "refusal.legal_basis_required"),
    ]
    payload = make(
        draft(
            disposition="refused",
            refusal_reasons=("申请人不具备申请资格",),
            legal_basis=("《中华人民共和国行政许可法》第三十二条",),
        ),
        ID_CARD,
    )
    assert payload["first_event"]["data"]["reasons"] == ["申请人不具备申请资格"]
    assert payload["due_date"] is None


def test_forwarding_needs_authority_reason_and_complete_materials():
    bare = validate(
        draft(disposition="forwarded", materials=()), ID_CARD, today=TODAY, calendar=CAL
    )
    assert [c for _f, c in codes(bare.errors)] == [
        "forward.authority_required",
        "forward.reason_required",
        "forward.materials_incomplete",
    ]
    payload = make(
        draft(
            disposition="forwarded", forward_authority="省级主管部门", forward_reason="须省级审批"
        ),
        ID_CARD,
    )
    data = payload["first_event"]["data"]
    assert data["authority"] == "省级主管部门" and data["expected_by"] == payload["due_date"]


def test_fee_state_is_recorded():
    assert make(draft(fee_paid=True), ID_CARD)["first_event"]["data"]["fee_state"] == "paid"
    waived = make(draft(fee_waived=True), ID_CARD)
    assert waived["first_event"]["data"]["fee_state"] == "waived" and waived["fee_fen"] == 0
