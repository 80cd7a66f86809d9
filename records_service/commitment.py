"""告知承诺 on the service: what a case taken in on a commitment must record, and the
verification events (``commitment_verified``, ``commitment_false``).

The desk records in the intake decision's ``data.commitment`` which certificates the
commitment replaces (or that it covers the whole item), that the clerk checked the
serious-dishonesty list, and the verification deadline; the service checks those against
the catalog the case names. A verification event carries typed ``data``
(:class:`VerificationIn`); a commitment found false needs a credit note, which goes into
the audit trail with the applicant's document number, and revokes the case (the lifecycle
of ``clerk_app.core``).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, ValidationError

from records_service.catalog_store import PublishedCatalog
from records_service.models import Case
from records_service.problems import ProblemError, invalid_field
from records_service.schemas import CaseCreate, Day, Strict

#: The lifecycle events of a commitment's verification.
VERIFICATION_EVENTS = frozenset({"commitment_verified", "commitment_false"})


class NeedIn(Strict):
    """A certificate the commitment replaces (its code in the item, name, requirement)."""

    code: Annotated[str, Field(max_length=64)] = ""
    name: Annotated[str, Field(min_length=1, max_length=200)]
    requirement: Annotated[str, Field(max_length=500)] = ""


class CommitmentIn(Strict):
    """``first_event.data.commitment`` of a case taken in on a written commitment."""

    materials: Annotated[list[NeedIn], Field(max_length=50, default_factory=list)]
    whole_item: bool = False
    credit_checked: bool
    verify_by: Day | None = None
    verify_by_provisional: bool = False


class VerificationIn(Strict):
    """``data`` of a ``commitment_verified`` or ``commitment_false`` event."""

    verified_on: Day | None = None
    credit_note: Annotated[str, Field(max_length=500)] = ""


def _errors(exc: ValidationError, prefix: str) -> list[dict[str, str]]:
    return [
        {
            "field": ".".join([prefix, *(str(p) for p in error["loc"])]),
            "message": error["msg"],
        }
        for error in exc.errors()
    ]


def case_errors(body: CaseCreate, catalog: PublishedCatalog | None) -> list[dict[str, str]]:
    """What is wrong with a new case's commitment (empty: none, or no commitment)."""
    raw = (body.first_event.data or {}).get("commitment")
    marked = [m.code for m in body.materials if m.by_commitment]
    if raw is None:
        if marked:
            return [
                {
                    "field": "first_event.data.commitment",
                    "message": "a material by commitment needs the commitment record",
                }
            ]
        return []
    try:
        record = CommitmentIn.model_validate(raw)
    except ValidationError as exc:
        return _errors(exc, "first_event.data.commitment")
    errors: list[dict[str, str]] = []
    if not record.credit_checked:
        errors.append(
            {
                "field": "first_event.data.commitment.credit_checked",
                "message": "the serious-dishonesty list must be checked before a commitment",
            }
        )
    if not marked and not record.whole_item:
        errors.append(
            {"field": "first_event.data.commitment", "message": "the commitment replaces nothing"}
        )
    if catalog is not None:
        allowed = catalog.commitment_materials.get(body.item_code, frozenset())
        errors.extend(
            {
                "field": f"materials.{code}.by_commitment",
                "message": "the catalog does not allow a commitment for this material",
            }
            for code in marked
            if code not in allowed
        )
        if record.whole_item and body.item_code not in catalog.commitment_whole:
            errors.append(
                {
                    "field": "first_event.data.commitment.whole_item",
                    "message": "the catalog does not allow this item on a commitment",
                }
            )
    return errors


def has_commitment(case: Case) -> bool:
    """Whether ``case`` was taken in on a written commitment."""
    if any(isinstance(m, dict) and m.get("by_commitment") for m in case.materials or []):
        return True
    first = case.events[0] if case.events else None
    data = first.data if first is not None else None
    return isinstance(data, dict) and isinstance(data.get("commitment"), dict)


def check_verification(case: Case, event_type: str, data: dict[str, Any] | None) -> str:
    """Check a verification event; the credit note of a commitment found false ("" else).

    Raises:
        ProblemError: 422 when ``data`` is not a :class:`VerificationIn` or a finding of a
            false commitment has no credit note; 409 ``no-commitment`` when the case was not
            taken in on a commitment.
    """
    try:
        verification = VerificationIn.model_validate(data or {})
    except ValidationError as exc:
        first = _errors(exc, "data")[0]
        raise invalid_field(first["field"], first["message"]) from None
    if event_type == "commitment_false" and not verification.credit_note.strip():
        raise invalid_field("data.credit_note", "a commitment found false needs a credit note")
    if not has_commitment(case):
        raise ProblemError(
            409,
            "no-commitment",
            "This case was not taken in on a written commitment; there is nothing to verify.",
            title="No commitment to verify",
        )
    return verification.credit_note.strip()
