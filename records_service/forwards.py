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
- its item is the upper center's own implementation of the same base item (事项同源: the
  basic code of the lower case's item, looked up in the upper center's implementations),
  in the upper center's newest catalog; when the upper center has not published one, the
  forward is refused (422 naming ``data.center``), nothing written;
- ``cases.forwarded_from`` names the lower case (a unique index: one case forwarded up at
  most once, whatever the retries — a retry with the same ``Idempotency-Key`` gets the
  stored answer, another forward of a forwarded case is refused by the lifecycle).

A ``data.center`` that is not a center above the case's, or a ``data.window`` that is not
one of its windows, is refused (422 naming the field) before anything is written. Without
``data.center`` a forward goes to an authority outside the service, as before.

The lower case shows the upper one (``forwarded_to``: number, center, status, hall word,
events), the change feed brings the lower case again when the upper one changes, and the
public progress query answers at both numbers with the one code.

When the upper case ends (办结 approved or not, 不予受理 there, withdrawn there), the lower
case, still ``forwarded``, ends with it: :func:`touch_lower` records the matching event on
it (:data:`SETTLING`: ``complete_approved``, or ``complete_rejected`` with the upper
center's reason, or ``withdraw``) in the same transaction as the upper case's final event,
so the county's board, workload and progress query say 办结 at both numbers, and its desk
pulls the event like any other. The event is made once (its id is a uuid5 of the upper
event's) and only while the lower case is still ``forwarded``. A case voided or revoked
above leaves the lower case as it is (a mistake there is no decision on the application).
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
from records_service import audit, catalog_store, rules
from records_service.models import Case, CaseEvent, Center, ItemImplementation, Window
from records_service.problems import ProblemError, invalid_field

#: Names the ids of the cases and first events made by forwarding (uuid5 of the lower ones).
NAMESPACE = uuid.UUID("7d1f8a52-3c0e-4c55-9d0b-2f6a1c9e4b21")
#: The disposition and first status of a case forwarded in from below.
DISPOSITION = "forwarded"
FIRST_STATUS = "received"
#: The upper case's final status -> the event the lower (still forwarded) case takes.
SETTLING: dict[str, str] = {
    "completed_approved": "complete_approved",
    "completed_rejected": "complete_rejected",
    "refused": "complete_rejected",
    "withdrawn": "withdraw",
}


@dataclass(frozen=True)
class Plan:
    """Where a forward goes: the upper center, its window, the new case's number, and the
    upper center's implementation of the case's base item (item code, catalog version)."""

    center: str
    window: str
    case_no: str
    item_code: str
    catalog_version: str


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
    name a center above the case's and one of its windows, or naming ``data.center`` when
    that center has not published its implementation of the case's base item.

    Any event of a case forwarded in from below also locks the cases below here, before
    anything is written (and before any lock the caller takes next): :func:`touch_lower`
    writes them, and row locks are always taken upper case first, then the lower."""
    below, seen = case.forwarded_from, {case.id}
    while below and below not in seen:  # the cases below, nearest first
        seen.add(below)
        lower = session.get(Case, below, with_for_update=True)
        below = lower.forwarded_from if lower is not None else None
    if event_type != "forward" or not data or data.get("center") in (None, ""):
        return None
    center = data.get("center")
    if not isinstance(center, str) or center not in centers_above(session, case.center_code):
        raise invalid_field(
            f"{where}.center", f"not a center above this case's center ({case.center_code})"
        )
    window = _window(session, case, center, data.get("window"), where)
    item_code, version = _upper_item(session, case, center, where)
    parsed = numbering.parse_case_no(case.case_no)
    try:
        number = numbering.format_case_no(center, parsed.window, parsed.day, parsed.seq)
    except ValueError:
        raise invalid_field(f"{where}.center", "its code cannot begin a case number") from None
    return Plan(
        center=center,
        window=window,
        case_no=number,
        item_code=item_code,
        catalog_version=version,
    )


def basic_code_of(session: Session, case: Case) -> str | None:
    """The base item (basic code) ``case``'s item implements: the implementation of the
    center whose catalog the case was taken in on (or of the case's own center), else the
    ``basic_code`` the catalog item carries. None: an item linked to no base item."""
    version = catalog_store.by_version(session, case.catalog_version)
    owners = dict.fromkeys(
        c for c in (version.center_code if version else None, case.center_code) if c
    )
    for owner in owners:
        found = session.scalar(
            select(ItemImplementation.basic_code).where(
                ItemImplementation.center_code == owner,
                ItemImplementation.item_code == case.item_code,
            )
        )
        if found is not None:
            return found
    for item in version.document.get("items", []) if version is not None else []:
        if isinstance(item, dict) and item.get("code") == case.item_code and item.get("basic_code"):
            return str(item["basic_code"])
    return None


def _upper_item(session: Session, case: Case, center: str, where: str) -> tuple[str, str]:
    """(item code, catalog version) of ``center``'s implementation of the case's base item,
    in its newest catalog that holds it; 422 naming ``{where}.center`` when it has none."""
    basic = basic_code_of(session, case)
    own = (
        session.scalars(
            select(ItemImplementation).where(
                ItemImplementation.center_code == center,
                ItemImplementation.basic_code == basic,
            )
        ).first()
        if basic is not None
        else None
    )
    if own is None:
        what = f"base item {basic}" if basic else f"item {case.item_code}, linked to no base item"
        raise invalid_field(
            f"{where}.center",
            f"center {center} has not published its implementation of this case's item ({what})",
        )
    newest = catalog_store.own_latest(session, center)
    if newest is not None and own.item_code in catalog_store.item_codes(newest.document):
        return own.item_code, newest.version
    return own.item_code, own.catalog_version


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
        item_code=forward.item_code,
        window_code=forward.window,
        center_code=forward.center,
        catalog_version=forward.catalog_version,
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
        detail={
            "from": case.case_no,
            "center": forward.center,
            "window": forward.window,
            "item_code": forward.item_code,
        },
    )
    return upper


def touch_lower(session: Session, case: Case, now: datetime) -> None:
    """A case forwarded in changed: the case below it changed too (its ``forwarded_to``),
    so lists by ``updated_after`` and the hall screen bring it again; when ``case`` has
    just ended, the case below ends with it (:func:`settle`). Called with the event
    appended and the status set, in the event's transaction."""
    if not case.forwarded_from:
        return
    lower = session.get(Case, case.forwarded_from)
    if lower is None:
        return
    lower.updated_at = now
    settle(session, lower, case, now)


def settle(session: Session, lower: Case, upper: Case, now: datetime) -> CaseEvent | None:
    """Record on ``lower`` (still ``forwarded``) the end of ``upper`` (see the module doc):
    the event of :data:`SETTLING`, at the upper event's moment, by its actor; returns it
    (None: nothing to record). A case forwarded further up settles its own lower case in
    turn."""
    kind = SETTLING.get(upper.status)
    last = upper.events[-1] if upper.events else None
    if kind is None or last is None or lower.status != DISPOSITION:
        return None
    after = rules.apply_event(lower.status, kind)
    settled = CaseEvent(
        id=str(uuid.uuid5(NAMESPACE, f"settled:{last.id}")),
        type=kind,
        at=last.at,
        actor=last.actor,
        window_code=lower.window_code,
        center_code=lower.center_code,
        note=_settled_note(upper, last),
        data={
            "forwarded_to": upper.case_no,
            "center": upper.center_code,
            "status": upper.status,
        },
        recorded_at=now,
    )
    lower.events.append(settled)
    lower.status = after
    if lower.completed_at is None:
        lower.completed_at = last.at
    lower.updated_at = now
    audit.record(
        session,
        at=now,
        action="case.forward_settled",
        result="ok",
        actor=last.actor,
        target=lower.case_no,
        detail={"by": upper.case_no, "center": upper.center_code, "status": after},
    )
    if lower.forwarded_from:
        below = session.get(Case, lower.forwarded_from)
        if below is not None:
            below.updated_at = now
            settle(session, below, lower, now)
    return settled


def _settled_note(upper: Case, last: CaseEvent) -> str:
    """The lower case's note of the upper case's end, in the center's words."""
    where = f"上级中心 {upper.center_code}（{upper.case_no}）"
    reason = (last.note or "").strip()
    words = {
        "completed_approved": f"{where}办结：准予许可",
        "completed_rejected": f"{where}办结：不予许可",
        "refused": f"{where}不予受理",
        "withdrawn": f"申请人在{where}撤回申请",
    }[upper.status]
    return f"{words}。{reason}" if reason else words


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
                    if events_upto is None or (e.pos is not None and e.pos <= events_upto)
                ],
            }
    return found


def upper_case(session: Session, case: Case) -> Case | None:
    """The case ``case`` was forwarded up to, if any."""
    return session.scalars(select(Case).where(Case.forwarded_from == case.id)).first()
