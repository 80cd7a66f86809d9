"""Intake at the window: the draft a clerk fills in, its checks, and the case it becomes.

:func:`validate` returns every problem at once (errors block, warnings are confirmed by
the clerk), so a 补正 notice can list everything that is missing in one go.
:func:`build_case_payload` turns a valid draft into the ``POST /cases`` body of
docs/INTERFACES.md.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from clerk_app.core.calendar import DueDate, WorkCalendar
from clerk_app.core.catalog import Item
from clerk_app.core.clock import CENTER_TZ, SystemClock
from clerk_app.core.identity import IdType, Issue, check_document, check_mobile
from clerk_app.core.lifecycle import Disposition, intake_event

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
    """What the window did with one material of the item's list."""

    code: str
    received: bool
    deferred: bool = False  # 容缺: to follow later
    copies: int = 1


@dataclass(frozen=True, slots=True)
class IntakeDraft:
    item_code: str
    applicant: Applicant
    agent: Applicant | None = None
    materials: Sequence[MaterialReceipt] = ()
    disposition: Disposition | str = Disposition.PROMISED
    fee_waived: bool = False
    note: str = ""


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
    for n, receipt in enumerate(draft.materials):
        if receipt.code not in known:
            result.errors.append(
                Issue("material.unknown", {"code": receipt.code}, f"materials[{n}]")
            )
        else:
            receipts[receipt.code] = receipt
    any_deferred = False
    for material in item.materials:
        receipt = receipts.get(material.code)
        params = {"code": material.code, "name": material.name}
        where = f"materials.{material.code}"
        received = receipt is not None and receipt.received and not receipt.deferred
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
        if received and receipt is not None and receipt.copies < material.copies:
            result.warnings.append(
                Issue(
                    "material.too_few_copies",
                    {**params, "expected": material.copies, "copies": receipt.copies},
                    where,
                )
            )
    if disposition is Disposition.DEFERRED_MATERIALS and not any_deferred:
        result.errors.append(Issue("material.nothing_deferred", {}, "materials"))


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
    if due is not None and due.provisional:
        result.warnings.append(
            Issue("due_date.provisional", {"due_date": due.date.isoformat()}, "due_date")
        )
    return result


# -- the case body ------------------------------------------------------------------------


def _person_dict(person: Applicant, today: date) -> dict[str, Any]:
    id_type = IdType(person.id_type)
    phone, _ = _normalize_phone(person.phone) if person.phone.strip() else ("", True)
    out: dict[str, Any] = {
        "kind": person.kind,
        "name": person.name.strip(),
        "id_type": id_type.value,
        "id_number": check_document(id_type, person.id_number, today).value,
    }
    if person.kind == ORGANIZATION:
        out["legal_representative"] = person.legal_representative.strip()
        out["contact_name"] = person.contact_name.strip()
    out["phone"] = phone
    return out


def build_case_payload(
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
) -> dict[str, Any]:
    """The ``POST /cases`` body for a valid draft (docs/INTERFACES.md).

    Raises:
        InvalidDraft: the draft has errors (see :func:`validate`).
        ValueError: ``received_at`` is naive.
    """
    if received_at.tzinfo is None or received_at.utcoffset() is None:
        raise ValueError("received_at must be timezone-aware")
    local = received_at.astimezone(CENTER_TZ)
    received_on = local.date()
    result = validate(draft, item, today=received_on, calendar=calendar)
    if result.errors:
        raise InvalidDraft(result.errors)
    disposition = Disposition(draft.disposition)
    due = result.due
    at = local.isoformat(timespec="seconds")
    return {
        "id": case_id,
        "case_no": case_no,
        "query_code": query_code,
        "item_code": item.code,
        "window_code": window_code,
        "catalog_version": catalog_version,
        "applicant": _person_dict(draft.applicant, received_on),
        "agent": _person_dict(draft.agent, received_on) if draft.agent else None,
        "materials": [
            {"code": m.code, "received": m.received, "deferred": m.deferred, "copies": m.copies}
            for m in draft.materials
        ],
        "disposition": disposition.value,
        "received_at": at,
        "due_date": due.date.isoformat() if due else None,
        "due_date_provisional": due.provisional if due else False,
        "fee_fen": 0 if draft.fee_waived else item.fee_total_fen,
        "clerk": clerk,
        "first_event": {
            "id": first_event_id or str(uuid.uuid4()),
            "type": intake_event(disposition).value,
            "at": at,
            "note": draft.note,
        },
    }
