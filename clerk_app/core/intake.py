"""Intake at the window: the draft a clerk fills in, its checks, and the case it becomes.

:func:`validate` returns every problem at once (errors block, warnings are confirmed by
the clerk), so a 补正 notice can list everything that is missing in one go.
:func:`build_case` turns a valid draft into the typed :class:`~clerk_app.core.records.Case`
(its wire body is made in :mod:`clerk_app.remote.wire`).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from clerk_app.core.calendar import DueDate, WorkCalendar
from clerk_app.core.catalog import Item, Material
from clerk_app.core.clock import CENTER_TZ, SystemClock
from clerk_app.core.commitment import commitment_issues, verify_deadline
from clerk_app.core.event_data import (
    CommitmentRecord,
    DecisionData,
    DeferredDecision,
    FeeState,
    ForwardDecision,
    MaterialForm,
    MaterialNeed,
    RefusalDecision,
    SupplementDecision,
)
from clerk_app.core.identity import IdType, Issue, check_document, check_mobile
from clerk_app.core.lifecycle import Disposition, initial_status, intake_event
from clerk_app.core.records import Case, CaseEvent, MaterialLine, Party, PartyKind

MAX_NAME_LENGTH = 100

PERSON = "person"
ORGANIZATION = "organization"
_SUBJECT_OF_KIND = {PERSON: "natural_person", ORGANIZATION: "legal_person"}
_PERSON_ID_TYPES = frozenset(IdType) - {IdType.CREDIT_CODE}
_ORGANIZATION_ID_TYPES = frozenset({IdType.CREDIT_CODE, IdType.OTHER})
_LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}(?:-\d{1,6})?")
#: Dispositions that accept the case, so every required material must be in hand.
_ACCEPTING = frozenset({Disposition.IMMEDIATE, Disposition.PROMISED})


@dataclass(frozen=True, slots=True)
class Applicant:
    """The applicant, or an agent acting for them (an agent is always a person)."""

    kind: str
    name: str
    id_type: IdType | str
    id_number: str
    phone: str = ""
    legal_representative: str = ""
    contact_name: str = ""


@dataclass(frozen=True, slots=True)
class MaterialReceipt:
    """What the window did with one material of the item's list.

    ``original``: handed in as the original (True) or a copy (False); None when not said.
    ``note``: the clerk's remark (for a missing material: what exactly it must be).
    """

    code: str
    received: bool
    deferred: bool = False  # 容缺: to follow later
    copies: int = 1
    original: bool | None = None
    note: str = ""
    by_commitment: bool = False  # 告知承诺: a certificate replaced by a written commitment


#: Fee states of a case (收费状态).
FEE_UNPAID = FeeState.UNPAID.value
FEE_PAID = FeeState.PAID.value
FEE_WAIVED = FeeState.WAIVED.value
FEE_STATES = (FEE_UNPAID, FEE_PAID, FEE_WAIVED)

#: Reasons a window may give for 不予受理 (codes; the notice words them in Chinese).
REFUSAL_REASONS: dict[str, str] = {
    "out_of_scope": "申请事项依法不属于本机关职权范围",
    "not_licensing": "申请事项依法不需要取得行政许可",
    "not_eligible": "申请人不具备申请资格或不符合法定条件",
    "false_materials": "申请人隐瞒有关情况或者提供虚假材料",
    "other": "",
}

#: The article every refusal and one-time notice rests on.
LICENSING_LAW_ART_32 = "《中华人民共和国行政许可法》第三十二条"

#: Authorities a window forwards to (上报); the clerk may name another.
FORWARD_AUTHORITIES: tuple[str, ...] = (
    "省级主管部门",
    "国务院主管部门",
    "市人民政府",
)


@dataclass(frozen=True, slots=True)
class IntakeDraft:
    item_code: str
    applicant: Applicant
    agent: Applicant | None = None
    materials: Sequence[MaterialReceipt] = ()
    disposition: Disposition | str = Disposition.PROMISED
    fee_waived: bool = False
    note: str = ""
    #: Fee paid at the window already (ignored when waived).
    fee_paid: bool = False
    #: 容缺: the day the materials to follow must be in (never after the due date).
    supply_by: date | None = None
    #: 不予受理: reasons (sentences) and legal basis.
    refusal_reasons: Sequence[str] = ()
    legal_basis: Sequence[str] = ()
    #: 上报: the authority the case goes to, and why.
    forward_authority: str = ""
    forward_reason: str = ""
    #: 上报 to the center above on the records service (its code; issue 20), or "".
    forward_center: str = ""
    #: The parked draft this intake was resumed from (removed with the case's commit).
    parked_id: str = ""
    #: 告知承诺: the whole item on the applicant's commitment; the clerk's check of the
    #: serious-dishonesty list (严重失信) and its result (see ``core.commitment``).
    commitment_whole: bool = False
    credit_checked: bool = False
    credit_listed: bool = False

    @property
    def by_commitment(self) -> tuple[str, ...]:
        """Codes of the materials the applicant replaces by a written commitment."""
        return tuple(m.code for m in self.materials if m.by_commitment and not m.deferred)

    @property
    def fee_state(self) -> str:
        if self.fee_waived:
            return FEE_WAIVED
        return FEE_PAID if self.fee_paid else FEE_UNPAID


@dataclass(slots=True)
class ValidationResult:
    """Errors block the intake; warnings need the clerk's confirmation.

    ``due`` is the due date the decision implies, when the draft and calendar give one.
    """

    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    due: DueDate | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


class InvalidDraft(ValueError):
    """A draft with errors was turned into a case."""

    def __init__(self, errors: list[Issue]) -> None:
        self.errors = errors
        codes = ", ".join(f"{i.field}: {i.code}" if i.field else i.code for i in errors)
        super().__init__(f"the intake draft has errors: {codes}")


# -- validation ---------------------------------------------------------------------------


def _check_name(value: str, where: str, result: ValidationResult) -> None:
    if len(value) > MAX_NAME_LENGTH * 2:  # decide on length alone: a pasted file is fast
        result.errors.append(
            Issue("name.too_long", {"length": len(value), "max": MAX_NAME_LENGTH}, where)
        )
        return
    name = value.strip()
    if not name:
        result.errors.append(Issue("name.required", {}, where))
    elif len(name) > MAX_NAME_LENGTH:
        result.errors.append(
            Issue("name.too_long", {"length": len(name), "max": MAX_NAME_LENGTH}, where)
        )


def _normalize_phone(value: str) -> tuple[str, bool]:
    """The phone as stored, and whether it is acceptable (a mobile or a landline)."""
    mobile = check_mobile(value)
    if mobile.ok:
        return mobile.value, True
    if len(value) <= 40:
        landline = unicodedata.normalize("NFKC", value).strip().replace(" ", "")
        if _LANDLINE.fullmatch(landline):
            return landline, True
    return mobile.value, False


def _check_person(
    person: Applicant, prefix: str, today: date, result: ValidationResult, *, agent: bool
) -> None:
    if person.kind not in _SUBJECT_OF_KIND or (agent and person.kind != PERSON):
        result.errors.append(Issue("applicant.kind", {"kind": person.kind}, f"{prefix}.kind"))
        return
    _check_name(person.name, f"{prefix}.name", result)
    allowed = _PERSON_ID_TYPES if person.kind == PERSON else _ORGANIZATION_ID_TYPES
    try:
        id_type = IdType(person.id_type)
    except ValueError:
        id_type = None
    if id_type not in allowed:
        result.errors.append(
            Issue(
                "applicant.id_type",
                {"id_type": str(person.id_type), "kind": person.kind},
                f"{prefix}.id_type",
            )
        )
    else:
        check = check_document(id_type, person.id_number, today)
        result.errors.extend(i.at(f"{prefix}.id_number") for i in check.errors)
        result.warnings.extend(i.at(f"{prefix}.id_number") for i in check.warnings)
    if person.phone.strip():
        _, ok = _normalize_phone(person.phone)
        if not ok:
            result.errors.append(Issue("mobile.format", {}, f"{prefix}.phone"))
    if person.kind == ORGANIZATION and not person.legal_representative.strip():
        result.errors.append(
            Issue("applicant.legal_representative", {}, f"{prefix}.legal_representative")
        )


def _check_materials(
    draft: IntakeDraft, item: Item, disposition: Disposition, result: ValidationResult
) -> None:
    known = {m.code: m for m in item.materials}
    receipts: dict[str, MaterialReceipt] = {}
    for n, line in enumerate(draft.materials):
        if line.code not in known:
            result.errors.append(Issue("material.unknown", {"code": line.code}, f"materials[{n}]"))
        else:
            receipts[line.code] = line
    any_deferred = False
    for material in item.materials:
        receipt = receipts.get(material.code)
        params = {"code": material.code, "name": material.name}
        where = f"materials.{material.code}"
        received = (
            receipt is not None
            and (receipt.received or receipt.by_commitment)
            and not receipt.deferred
        )
        deferred = receipt is not None and receipt.deferred
        if deferred:
            any_deferred = True
            if not material.deferrable:
                result.errors.append(Issue("material.not_deferrable", params, where))
            elif disposition in _ACCEPTING:
                result.errors.append(Issue("material.deferred_needs_decision", params, where))
        if (
            material.required
            and not received
            and not deferred
            and (disposition in _ACCEPTING or disposition is Disposition.DEFERRED_MATERIALS)
        ):
            result.errors.append(Issue("material.missing", params, where))
        if (
            received
            and receipt is not None
            and receipt.received
            and not receipt.by_commitment
            and receipt.copies < material.copies
        ):
            result.warnings.append(
                Issue(
                    "material.too_few_copies",
                    {**params, "expected": material.copies, "copies": receipt.copies},
                    where,
                )
            )
    if disposition is Disposition.DEFERRED_MATERIALS and not any_deferred:
        result.errors.append(Issue("material.nothing_deferred", {}, "materials"))


def material_states(
    draft_materials: Sequence[MaterialReceipt], item: Item
) -> tuple[list[str], list[str]]:
    """The codes of the item's required materials that are missing, and those deferred.

    A material counts as received only when received (or replaced by the applicant's
    written commitment) and not marked to follow.
    """
    receipts = {m.code: m for m in draft_materials}
    missing: list[str] = []
    deferred: list[str] = []
    for material in item.materials:
        receipt = receipts.get(material.code)
        if receipt is not None and receipt.deferred:
            deferred.append(material.code)
        elif material.required and (
            receipt is None or not (receipt.received or receipt.by_commitment)
        ):
            missing.append(material.code)
    return missing, deferred


def allowed_dispositions(item: Item, materials: Sequence[MaterialReceipt]) -> list[Disposition]:
    """The decisions the rules allow for these materials, the usual one first.

    Everything required in hand: 即办 (items done on the spot), 承诺, or 上报.
    Only deferrable materials marked to follow: 容缺 (or 补正). Anything else missing: 补正.
    不予受理 is always possible.
    """
    missing, deferred = material_states(materials, item)
    deferrable = {m.code for m in item.materials if m.deferrable}
    out: list[Disposition] = []
    if not missing and not deferred:
        if item.time_limit.on_the_spot:
            out.append(Disposition.IMMEDIATE)
        out.append(Disposition.PROMISED)
        out.append(Disposition.FORWARDED)
    elif not missing and all(code in deferrable for code in deferred):
        out.append(Disposition.DEFERRED_MATERIALS)
        out.append(Disposition.SUPPLEMENT)
    else:
        out.append(Disposition.SUPPLEMENT)
    out.append(Disposition.REFUSED)
    return out


def requirement_text(material: Material, note: str = "") -> str:
    """What a missing material must be, in the notice's words (Chinese)."""
    form = {"original": "原件", "copy": "复印件", "original_and_copy": "原件及复印件"}.get(
        material.form, material.form
    )
    medium = "电子版" if material.medium == "electronic" else "纸质"
    parts = [f"{medium}{form}{material.copies}份"]
    if material.notes:
        parts.append(material.notes)
    if note.strip():
        parts.append(note.strip())
    return "；".join(parts)


def _check_decision(
    draft: IntakeDraft,
    item: Item,
    disposition: Disposition,
    today: date,
    due: DueDate | None,
    result: ValidationResult,
) -> None:
    if disposition is Disposition.DEFERRED_MATERIALS:
        if draft.supply_by is None:
            result.errors.append(Issue("deferred.supply_by_required", {}, "supply_by"))
        elif draft.supply_by < today:
            result.errors.append(
                Issue("deferred.supply_by_past", {"date": draft.supply_by.isoformat()}, "supply_by")
            )
        elif due is not None and draft.supply_by > due.date:
            result.errors.append(
                Issue(
                    "deferred.supply_by_after_due",
                    {"date": draft.supply_by.isoformat(), "due_date": due.date.isoformat()},
                    "supply_by",
                )
            )
    elif disposition is Disposition.SUPPLEMENT:
        missing, deferred = material_states(draft.materials, item)
        if not missing and not deferred:
            result.errors.append(Issue("supplement.nothing_missing", {}, "materials"))
    elif disposition is Disposition.REFUSED:
        if not any(r.strip() for r in draft.refusal_reasons):
            result.errors.append(Issue("refusal.reason_required", {}, "refusal_reasons"))
        if not any(b.strip() for b in draft.legal_basis):
            result.errors.append(Issue("refusal.legal_basis_required", {}, "legal_basis"))
    elif disposition is Disposition.FORWARDED:
        if not draft.forward_authority.strip():
            result.errors.append(Issue("forward.authority_required", {}, "forward_authority"))
        if not draft.forward_reason.strip():
            result.errors.append(Issue("forward.reason_required", {}, "forward_reason"))
        missing, deferred = material_states(draft.materials, item)
        if missing or deferred:
            result.errors.append(Issue("forward.materials_incomplete", {}, "materials"))


def due_date_for(
    disposition: Disposition | str, item: Item, received_on: date, calendar: WorkCalendar
) -> DueDate | None:
    """The due date an intake decision implies.

    即办: the day of intake. 承诺, 容缺 and 上报: the item's promised working days after
    the day of intake. 补正 and 不予受理 set no due date (nothing was accepted).
    """
    kind = Disposition(disposition)
    if kind is Disposition.IMMEDIATE:
        return DueDate(received_on, False)
    if kind in (Disposition.SUPPLEMENT, Disposition.REFUSED):
        return None
    days = item.time_limit.promised_days or item.time_limit.statutory_days
    return calendar.add_working_days(received_on, days)


def validate(
    draft: IntakeDraft,
    item: Item,
    today: date | None = None,
    calendar: WorkCalendar | None = None,
) -> ValidationResult:
    """Check a draft against its catalog item; every problem is reported at once.

    Args:
        draft: what the clerk entered.
        item: the catalog item the draft is for.
        today: the intake day (birth dates may not be later); the center's today by default.
        calendar: to compute the due date (and warn when it is provisional); the
            built-in calendar by default.
    """
    if today is None:
        today = SystemClock().today()
    result = ValidationResult()
    if draft.item_code != item.code:
        result.errors.append(
            Issue("item.mismatch", {"draft_item": draft.item_code, "item": item.code}, "item_code")
        )
    _check_person(draft.applicant, "applicant", today, result, agent=False)
    if draft.agent is not None:
        _check_person(draft.agent, "agent", today, result, agent=True)
    subject = _SUBJECT_OF_KIND.get(draft.applicant.kind)
    if subject is not None and item.subjects and subject not in item.subjects:
        result.errors.append(
            Issue("applicant.subject", {"kind": draft.applicant.kind}, "applicant.kind")
        )
    phones = [draft.applicant.phone] + ([draft.agent.phone] if draft.agent else [])
    if not any(p.strip() for p in phones):
        result.errors.append(Issue("phone.required", {}, "applicant.phone"))

    try:
        disposition = Disposition(draft.disposition)
    except ValueError:
        result.errors.append(
            Issue("disposition.unknown", {"value": str(draft.disposition)}, "disposition")
        )
        return result
    _check_materials(draft, item, disposition, result)
    result.errors.extend(
        commitment_issues(
            item,
            disposition,
            by_commitment=draft.by_commitment,
            whole_item=draft.commitment_whole,
            credit_checked=draft.credit_checked,
            credit_listed=draft.credit_listed,
        )
    )
    if disposition is Disposition.IMMEDIATE and not item.time_limit.on_the_spot:
        result.warnings.append(
            Issue(
                "disposition.not_immediate", {"days": item.time_limit.promised_days}, "disposition"
            )
        )
    if draft.fee_waived and any(not fee.waivable for fee in item.fees):
        result.errors.append(Issue("fee.not_waivable", {}, "fee_waived"))

    due = due_date_for(disposition, item, today, calendar or WorkCalendar.builtin())
    result.due = due
    _check_decision(draft, item, disposition, today, due, result)
    if due is not None and due.provisional:
        result.warnings.append(
            Issue("due_date.provisional", {"due_date": due.date.isoformat()}, "due_date")
        )
    return result


# -- the case ----------------------------------------------------------------------------


def _party(person: Applicant, today: date) -> Party:
    id_type = IdType(person.id_type)
    phone, _ = _normalize_phone(person.phone) if person.phone.strip() else ("", True)
    organization = person.kind == ORGANIZATION
    return Party(
        kind=PartyKind(person.kind),
        name=person.name.strip(),
        id_type=id_type,
        id_number=check_document(id_type, person.id_number, today).value,
        phone=phone,
        legal_representative=person.legal_representative.strip() if organization else "",
        contact_name=person.contact_name.strip() if organization else "",
    )


def build_case(
    draft: IntakeDraft,
    item: Item,
    *,
    case_id: str,
    case_no: str,
    query_code: str,
    window_code: str,
    catalog_version: str,
    clerk: str,
    received_at: datetime,
    calendar: WorkCalendar,
    first_event_id: str | None = None,
) -> Case:
    """The case a valid draft becomes, with its first event (the intake decision).

    ``received_at`` is kept in the center's time zone, to the second. The wire body
    (``POST /cases``) is :func:`clerk_app.remote.wire.case_to_wire` of the result.

    Raises:
        InvalidDraft: the draft has errors (see :func:`validate`).
        ValueError: ``received_at`` is naive.
    """
    if received_at.tzinfo is None or received_at.utcoffset() is None:
        raise ValueError("received_at must be timezone-aware")
    local = received_at.astimezone(CENTER_TZ).replace(microsecond=0)
    received_on = local.date()
    result = validate(draft, item, today=received_on, calendar=calendar)
    if result.errors:
        raise InvalidDraft(result.errors)
    disposition = Disposition(draft.disposition)
    accepted = disposition not in (Disposition.SUPPLEMENT, Disposition.REFUSED)
    due = result.due
    first = CaseEvent(
        id=first_event_id or str(uuid.uuid4()),
        type=intake_event(disposition),
        at=local,
        actor=clerk,
        note=draft.note,
        data=decision_data(
            draft,
            item,
            due,
            verify=verify_deadline(item, received_on, calendar) if _committed(draft) else None,
        ),
    )
    return Case(
        id=case_id,
        case_no=case_no,
        query_code=query_code,
        item_code=item.code,
        window_code=window_code,
        catalog_version=catalog_version,
        applicant=_party(draft.applicant, received_on),
        agent=_party(draft.agent, received_on) if draft.agent else None,
        materials=tuple(_material_line(m) for m in draft.materials),
        disposition=disposition,
        status=initial_status(disposition),
        received_at=local,
        due_date=due.date if due else None,
        due_date_provisional=due.provisional if due else False,
        fee_fen=0 if draft.fee_waived or not accepted else item.fee_total_fen,
        clerk=clerk,
        events=(first,),
    )


def _material_line(m: MaterialReceipt) -> MaterialLine:
    return MaterialLine(
        code=m.code,
        received=m.received,
        deferred=m.deferred,
        copies=m.copies,
        note=m.note.strip()[:200],
        by_commitment=m.by_commitment and not m.deferred,
    )


def _committed(draft: IntakeDraft) -> bool:
    return bool(draft.by_commitment) or draft.commitment_whole


def decision_data(
    draft: IntakeDraft, item: Item, due: DueDate | None, *, verify: DueDate | None = None
) -> DecisionData:
    """What the first event records about the decision (the notice is made from it).

    Always the fee state; with 容缺 the materials to follow and the day they are due; with
    补正 every missing material with what it must be and the legal basis; with 不予受理 the
    reasons and legal basis; with 上报 the authority, why, and the day expected.
    ``received_as`` notes the materials handed in as a copy or an original when the clerk
    said so. A 告知承诺 adds the :class:`CommitmentRecord` (``verify``: the verification
    deadline, see :func:`clerk_app.core.commitment.verify_deadline`).
    """
    disposition = Disposition(draft.disposition)
    accepted = disposition not in (Disposition.SUPPLEMENT, Disposition.REFUSED)
    fee_state = FeeState(draft.fee_state) if accepted else FeeState.UNPAID
    receipts = {m.code: m for m in draft.materials}
    received_as = {
        m.code: MaterialForm.ORIGINAL if m.original else MaterialForm.COPY
        for m in draft.materials
        if m.received and m.original is not None
    }
    missing, deferred = material_states(draft.materials, item)
    known = {m.code: m for m in item.materials}

    def needs(codes: list[str]) -> tuple[MaterialNeed, ...]:
        return tuple(
            MaterialNeed(
                code=code,
                name=known[code].name,
                requirement=requirement_text(
                    known[code], receipts[code].note if code in receipts else ""
                ),
            )
            for code in codes
        )

    commitment = (
        CommitmentRecord(
            materials=needs(list(draft.by_commitment)),
            whole_item=draft.commitment_whole,
            credit_checked=draft.credit_checked and not draft.credit_listed,
            verify_by=verify.date if verify else None,
            verify_by_provisional=verify.provisional if verify else False,
        )
        if _committed(draft)
        else None
    )
    if disposition is Disposition.DEFERRED_MATERIALS:
        return DeferredDecision(
            fee_state=fee_state,
            received_as=received_as,
            commitment=commitment,
            deferred=needs(deferred),
            supply_by=draft.supply_by,
        )
    if disposition is Disposition.SUPPLEMENT:
        return SupplementDecision(
            fee_state=fee_state,
            received_as=received_as,
            missing=needs(missing + deferred),
            legal_basis=tuple(b for b in draft.legal_basis if b.strip()) or (LICENSING_LAW_ART_32,),
        )
    if disposition is Disposition.REFUSED:
        return RefusalDecision(
            fee_state=fee_state,
            received_as=received_as,
            reasons=tuple(r.strip() for r in draft.refusal_reasons if r.strip()),
            legal_basis=tuple(b.strip() for b in draft.legal_basis if b.strip()),
        )
    if disposition is Disposition.FORWARDED:
        return ForwardDecision(
            fee_state=fee_state,
            received_as=received_as,
            authority=draft.forward_authority.strip(),
            reason=draft.forward_reason.strip(),
            expected_by=due.date if due else None,
            center=draft.forward_center.strip(),
        )
    return DecisionData(fee_state=fee_state, received_as=received_as, commitment=commitment)
