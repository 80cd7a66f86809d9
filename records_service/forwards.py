"""上报 between levels (issue 20): a case forwarded from a center to a center above it.

A ``forward`` event (``POST /cases/{case_no}/events``, or a case taken in with the
disposition ``forwarded``) whose ``data.center`` names a center *above* the case's (its
parent, or further up) makes the linked case at that center, in the same transaction as
the event:

- its number is the lower case's under the upper center's code (``JZ-JZ01-20261206-000007``
  forwarded to ``HS`` is ``HS-JZ01-20261206-000007``: window codes are unique across the
  service, so it never clashes with a number the upper center's own windows make), and it
  keeps the applicant's query code, so the one code answers at both numbers;
- it goes to ``data.window`` (a window of the upper center) or else to the upper center's
  first window (by code) of the lower case's department;
- it starts ``received`` with the disposition ``forwarded`` (the upper center has not
  decided yet: it counts as received there, as accepted once accepted);
- ``cases.forwarded_from`` names the lower case (a unique index: one case forwarded up at
  most once, whatever the retries — a retry with the same ``Idempotency-Key`` gets the
  stored answer, another forward of a forwarded case is refused by the lifecycle).

A ``data.center`` that is not a center above the case's, or a ``data.window`` that is not
one of its windows, is refused (422 naming the field) before anything is written. Without
``data.center`` a forward goes to an authority outside the service, as before.

The lower case shows the upper one (``forwarded_to``: number, center, status, hall word,
events), the change feed brings the lower case again when the upper one changes, and the
public progress query answers at both numbers with the one code.
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, object_session

from clerk_app.core import numbering
from records_service import audit, rules
from records_service.models import Case, CaseEvent, Center, Window
from records_service.problems import ProblemError, invalid_field

#: Names the ids of the cases and first events made by forwarding (uuid5 of the lower ones).
NAMESPACE = uuid.UUID("7d1f8a52-3c0e-4c55-9d0b-2f6a1c9e4b21")
#: The disposition and first status of a case forwarded in from below.
DISPOSITION = "forwarded"
FIRST_STATUS = "received"


@dataclass(frozen=True)
class Plan:
    """Where a forward goes: the upper center, its window and the new case's number."""

    center: str
    window: str
    case_no: str


def centers_above(session: Session, center_code: str) -> list[str]:
    """The centers above ``center_code``, nearest first (its parent, the parent's ...)."""
    parents: dict[str, str | None] = {
        code: parent for code, parent in session.execute(select(Center.code, Center.parent_code))
    }
    found: list[str] = []
    code = parents.get(center_code)
    while code is not None and code not in found and code != center_code:
        found.append(code)
        code = parents.get(code)
    return found


def plan(
    session: Session,
    case: Case,
    event_type: str,
    data: dict[str, Any] | None,
    *,
    where: str = "data",
) -> Plan | None:
    """The forward's plan, or None when the event makes no case above (not a forward, or
    a forward to an authority outside the service). Raises a 422 naming ``data.center``
    or ``data.window`` (under ``where``: ``first_event.data`` at intake) when they do not
    name a center above the case's and one of its windows."""
    if event_type != "forward" or not data or data.get("center") in (None, ""):
        return None
    center = data.get("center")
    if not isinstance(center, str) or center not in centers_above(session, case.center_code):
        raise invalid_field(
            f"{where}.center", f"not a center above this case's center ({case.center_code})"
        )
    window = _window(session, case, center, data.get("window"), where)
    parsed = numbering.parse_case_no(case.case_no)
    try:
        number = numbering.format_case_no(center, parsed.window, parsed.day, parsed.seq)
    except ValueError:
        raise invalid_field(f"{where}.center", "its code cannot begin a case number") from None
    return Plan(center=center, window=window, case_no=number)


def _window(session: Session, case: Case, center: str, named: object, where: str) -> str:
    """The upper center's window that takes the case (see the module doc)."""
    if named not in (None, ""):
        found = session.scalar(
            select(Window.code).where(Window.code == named, Window.center_code == center)
        )
        if not isinstance(named, str) or found is None:
            raise invalid_field(f"{where}.window", f"not a window of center {center}")
        return found
    department = case.department_code or session.scalar(
        select(Window.department_code).where(Window.code == case.window_code)
    )
    found = session.scalar(
        select(Window.code)
        .where(Window.center_code == center, Window.department_code == department)
        .order_by(Window.code)
        .limit(1)
    )
    if found is None:
        raise invalid_field(
            f"{where}.center", f"center {center} has no window of department {department}"
        )
    return found


def make_case(
    session: Session,
    case: Case,
    event: CaseEvent,
    forward: Plan,
    *,
    actor: str,
    created_by: str,
    now: datetime,
) -> Case:
    """The case at the upper center for ``case`` forwarded by ``event`` (added to the
    session, audited; the caller's transaction commits it with the event)."""
    upper = Case(
        id=str(uuid.uuid5(NAMESPACE, case.id)),
        case_no=forward.case_no,
        seq=0,
        query_code=case.query_code,
        item_code=case.item_code,
        window_code=forward.window,
        center_code=forward.center,
        catalog_version=case.catalog_version,
        applicant=copy.deepcopy(case.applicant),
        agent=copy.deepcopy(case.agent),
        materials=copy.deepcopy(case.materials),
        disposition=DISPOSITION,
        status=FIRST_STATUS,
        received_at=event.at,
        due_date=None,
        due_date_provisional=False,
        fee_fen=case.fee_fen,
        clerk=actor,
        created_by=created_by,
        device_id=None,
        created_at=now,
        updated_at=now,
        forwarded_from=case.id,
    )
    upper.events = [
        CaseEvent(
            id=str(uuid.uuid5(NAMESPACE, event.id)),
            type="receive",
            at=event.at,
            actor=actor,
            window_code=forward.window,
            center_code=forward.center,
            note=event.note,
            data={"forwarded_from": case.case_no, "center": case.center_code},
            recorded_at=now,
        )
    ]
    session.add(upper)
    try:
        session.flush()
    except IntegrityError:
        raise ProblemError(
            409,
            "conflict",
            f"Case number {forward.case_no} is already taken at center {forward.center}.",
            title="Case number taken",
        ) from None
    audit.record(
        session,
        at=now,
        action="case.forward",
        result="ok",
        actor=actor,
        target=forward.case_no,
        detail={"from": case.case_no, "center": forward.center, "window": forward.window},
    )
    return upper


def touch_lower(session: Session, case: Case, now: datetime) -> None:
    """A case forwarded in changed: the case below it changed too (its ``forwarded_to``),
    so lists by ``updated_after`` and the hall screen bring it again."""
    if case.forwarded_from:
        lower = session.get(Case, case.forwarded_from)
        if lower is not None:
            lower.updated_at = now


def links(case: Case, *, events_upto: int | None = None) -> dict[str, Any]:
    """``forwarded_from`` and ``forwarded_to`` of :func:`case_views.case_public`: the case
    below it came from (number, center) and the case above it went to (number, center,
    status, hall word, dates, events)."""
    # imported here: case_views imports this module
    from records_service.case_views import event_public, iso

    session = object_session(case)
    found: dict[str, Any] = {"forwarded_from": None, "forwarded_to": None}
    if session is None:
        return found
    if case.forwarded_from:
        lower = session.get(Case, case.forwarded_from)
        if lower is not None:
            found["forwarded_from"] = {"case_no": lower.case_no, "center_code": lower.center_code}
    if any(e.type == "forward" for e in case.events):
        upper = upper_case(session, case)
        if upper is not None:
            found["forwarded_to"] = {
                "case_no": upper.case_no,
                "center_code": upper.center_code,
                "status": upper.status,
                "hall_group": rules.hall_group(upper.status, False),
                "received_at": iso(upper.received_at),
                "due_date": upper.due_date.isoformat() if upper.due_date else None,
                "completed_at": iso(upper.completed_at),
                "updated_at": iso(upper.updated_at),
                "events": [
                    event_public(e)
                    for e in upper.events
                    if events_upto is None or e.seq is None or e.seq <= events_upto
                ],
            }
    return found


def upper_case(session: Session, case: Case) -> Case | None:
    """The case ``case`` was forwarded up to, if any."""
    return session.scalars(select(Case).where(Case.forwarded_from == case.id)).first()
