"""Online pre-submission (网上申报 / 预审), issue 19.

The center's website posts an application with its integration credential: the applicant,
an item (or a package), the form as filled in and the list of uploaded materials (name,
SHA-256, size; the files follow through the attachment uploads). It is numbered
``YS-{center}-{yyyymmdd}-{seq:06d}`` and gets a query code, so the applicant follows it
with the public progress query. The website's own id (``external_id``) makes the post
idempotent: the same body again answers the pre-submission as it is now (how the website
reads the review back); another body is the re-post after a supplement notice, refused
in any other state.

The clerks of the item's department see it in their 网上待接件 list and pre-review it
once: accept (the applicant brings the originals), accept online (全程网办, only for an
item whose catalog entry needs no visit: ``visits: 0``), a one-time supplement notice
(一次性告知: one per pre-submission — after the re-post the window accepts or rejects),
or reject. On the applicant's visit the clerk takes it in (接件): the case is made of it
with everything filled in and keeps its number and query code; a second take-in is
refused. The applicant is kept as a case's applicant (see ``models``): in full only to the
department's clerks and leads, masked anywhere else, never in a log or an audit record.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.identity import public_applicant_name
from clerk_app.core.numbering import new_query_code
from records_service import audit, catalog_store, commitment, locks, reach, rules
from records_service.case_views import clerk_error, iso, party_errors
from records_service.catalog_store import canonical_json
from records_service.deps import Principal
from records_service.models import Case, CaseEvent, Presubmission, writer_center
from records_service.notifications import enqueue
from records_service.presubmission_attachments import travel_with_case
from records_service.presubmission_schemas import PresubmissionCreate, TakeInCreate
from records_service.problems import ProblemError, invalid_field, invalid_fields
from records_service.schemas import CaseCreate, Party

#: The statuses of the 网上待接件 list (``status=open``).
OPEN_STATUSES = ("submitted", "accepted", "online_accepted")
#: What each review decision makes of a pre-submission.
DECIDED_STATUS = {
    "accept": "accepted",
    "accept_online": "online_accepted",
    "supplement": "supplement",
    "reject": "rejected",
}


def conflict(slug: str, detail: str, title: str) -> ProblemError:
    """A 409 the website or the clerk reads (``…/{slug}``); nothing was written."""
    return ProblemError(409, slug, detail, title=title)


def body_hash(body: PresubmissionCreate) -> str:
    """SHA-256 of the canonical JSON of the website's body (key order does not count)."""
    return hashlib.sha256(canonical_json(body.model_dump(mode="json"))).hexdigest()


def today_of(now: datetime) -> date:
    return now.astimezone(CENTER_TZ).date()


def next_no(session: Session, center: str, day: date) -> str:
    """``YS-{center}-{yyyymmdd}-{seq:06d}``: the day's next number (the caller holds the
    center's ``locks.PRESUBMISSION`` lock, so two posts never draw the same one)."""
    prefix = f"YS-{center}-{day:%Y%m%d}-"
    taken = session.scalar(
        select(func.count()).select_from(Presubmission).where(Presubmission.no.like(prefix + "%"))
    )
    return f"{prefix}{int(taken or 0) + 1:06d}"


# --- the catalog ----------------------------------------------------------------------------


def _catalog_document(session: Session) -> dict[str, Any]:
    row = catalog_store.latest(session)
    return row.document if row is not None else {}


def catalog_item(session: Session, code: str) -> dict[str, Any] | None:
    """The item ``code`` of the center's current catalog (None: withdrawn or unknown)."""
    for item in _catalog_document(session).get("items", []):
        if isinstance(item, dict) and item.get("code", item.get("item_code")) == code:
            return item
    return None


def catalog_package(session: Session, code: str) -> dict[str, Any] | None:
    """The package ``code`` of the current catalog (None: withdrawn or unknown)."""
    for package in _catalog_document(session).get("packages", []) or []:
        if isinstance(package, dict) and package.get("code") == code:
            return package
    return None


def allows_online(item: dict[str, Any] | None) -> bool:
    """Whether the item may be done fully online (全程网办): its entry needs no visit."""
    return item is not None and item.get("visits") == 0


def _target(session: Session, body: PresubmissionCreate) -> str:
    """The department of the item or package posted; 422 naming a withdrawn one."""
    if (body.item_code is None) == (body.package_code is None):
        raise invalid_field("item_code", "name exactly one of item_code and package_code")
    if body.item_code is not None:
        item = catalog_item(session, body.item_code)
        if item is None:
            raise invalid_field(
                "item_code",
                f"item {body.item_code} is not in the center's catalog (withdrawn or unknown)",
            )
        return str(item["department"])
    assert body.package_code is not None
    package = catalog_package(session, body.package_code)
    if package is None:
        raise invalid_field(
            "package_code",
            f"package {body.package_code} is not in the center's catalog (withdrawn or unknown)",
        )
    current = catalog_store.item_codes(_catalog_document(session))
    withdrawn = sorted(
        {
            code
            for stage in package.get("stages", []) or []
            for code in stage.get("parts", []) or []
            if code not in current
        }
    )
    if withdrawn:
        raise invalid_fields(
            [
                {"field": "package_code", "message": f"item {code} of this package is withdrawn"}
                for code in withdrawn
            ]
        )
    return str(package.get("lead_department") or "")


# --- the website's post ---------------------------------------------------------------------


def submit(
    session: Session, body: PresubmissionCreate, principal: Principal, now: datetime
) -> tuple[Presubmission, int]:
    """Take the website's post; returns the pre-submission and the answer's status: 201 a
    new one, 200 the same body again (as it is now) or the re-post after a supplement.

    Raises:
        ProblemError: 422 naming a withdrawn item or a bad ID number; 409
            ``already-submitted`` for another body while no supplement is asked for.
    """
    center = principal.center_code or writer_center(session)
    errors = party_errors("applicant", body.applicant)
    if errors:
        raise invalid_fields(errors)
    # The center's posts one at a time (numbers, one per website id); other centers go on.
    locks.hold(session, locks.PRESUBMISSION, center)
    digest = body_hash(body)
    existing = session.scalars(
        select(Presubmission)
        .where(Presubmission.center_code == center, Presubmission.external_id == body.external_id)
        .with_for_update()  # a re-post waits for a take-in of the same one, then sees it
        .execution_options(populate_existing=True)
    ).first()
    if existing is not None:
        if existing.body_hash == digest:
            return existing, 200
        return _repost(session, existing, body, digest, principal, now), 200
    department = _target(session, body)
    data = body.model_dump(mode="json")
    presubmission = Presubmission(
        no=next_no(session, center, today_of(now)),
        external_id=body.external_id,
        center_code=center,
        item_code=body.item_code,
        package_code=body.package_code,
        department_code=department,
        applicant=data["applicant"],
        form_data=data["form_data"],
        materials=data["materials"],
        body_hash=digest,
        status="submitted",
        query_code=new_query_code(),
        created_at=now,
        updated_at=now,
        version=1,
    )
    session.add(presubmission)
    session.flush()
    _audit(session, presubmission, "presubmission.submit", principal, now)
    return presubmission, 201


def _repost(
    session: Session,
    existing: Presubmission,
    body: PresubmissionCreate,
    digest: str,
    principal: Principal,
    now: datetime,
) -> Presubmission:
    if existing.status != "supplement":
        raise conflict(
            "already-submitted",
            f"Pre-submission {existing.no} ({body.external_id}) is {existing.status}: "
            "a changed application is re-posted only after a supplement notice.",
            "Already submitted",
        )
    if (body.item_code, body.package_code) != (existing.item_code, existing.package_code):
        raise invalid_field("item_code", "a re-post keeps the item or package of the first post")
    data = body.model_dump(mode="json")
    existing.applicant = data["applicant"]
    existing.form_data = data["form_data"]
    existing.materials = data["materials"]
    existing.body_hash = digest
    existing.status = "submitted"
    existing.updated_at = now
    existing.version += 1
    session.flush()
    _audit(session, existing, "presubmission.repost", principal, now)
    return existing


# --- reach ------------------------------------------------------------------------------------


def presubmission_reach(principal: Principal) -> ColumnElement[bool]:
    """The pre-submissions ``principal`` reaches: a clerk's or a lead's department's in
    their center; anyone else none."""
    who = reach.callers(principal)
    if who & {"clerk", "lead"} and principal.department_code and principal.center_code:
        return and_(
            Presubmission.department_code == principal.department_code,
            Presubmission.center_code == principal.center_code,
        )
    return false()


def in_reach(
    session: Session, principal: Principal, no: str, *, lock: bool = False
) -> Presubmission:
    """The pre-submission ``no`` if ``principal`` reaches it; else 404 (like an unknown one)."""
    query = select(Presubmission).where(Presubmission.no == no, presubmission_reach(principal))
    if lock:
        query = query.with_for_update()
    found = session.scalars(query).first()
    if found is None:
        raise reach.not_found(f"pre-submission {no}")
    return found


# --- the window's review ------------------------------------------------------------------------


def review(
    session: Session,
    presubmission: Presubmission,
    decision: str,
    note: str,
    supplement_text: str | None,
    principal: Principal,
    now: datetime,
) -> None:
    """Record the pre-review (see :class:`~records_service.presubmission_schemas.ReviewCreate`).

    Raises:
        ProblemError: 409 ``not-reviewable`` unless it is ``submitted`` (reviewed already,
            waiting for the re-post, taken in); 409 ``supplement-used`` for a second
            supplement notice; 422 for a missing notice or reason, or 全程网办 of an item
            that needs a visit.
    """
    if presubmission.status != "submitted":
        raise conflict(
            "not-reviewable",
            f"Pre-submission {presubmission.no} is {presubmission.status}: only a submitted "
            "one is pre-reviewed.",
            "Not waiting for review",
        )
    if decision == "supplement":
        if not (supplement_text or "").strip():
            raise invalid_field("supplement_text", "say what the applicant must supplement")
        if presubmission.supplement_text:
            raise conflict(
                "supplement-used",
                f"Pre-submission {presubmission.no} had its one-time supplement notice "
                "(一次性告知): accept it or reject it.",
                "Supplement already asked for",
            )
    elif supplement_text is not None:
        raise invalid_field("supplement_text", "only with the decision supplement")
    if decision == "reject" and not note.strip():
        raise invalid_field("note", "say why it is rejected")
    if decision == "accept_online":
        item = catalog_item(session, presubmission.item_code) if presubmission.item_code else None
        if not allows_online(item):
            raise invalid_field(
                "decision",
                f"{presubmission.item_code or presubmission.package_code} needs a visit: "
                "not done fully online (全程网办)",
            )
    presubmission.status = DECIDED_STATUS[decision]
    presubmission.review_note = note.strip() or None
    if decision == "supplement":
        presubmission.supplement_text = (supplement_text or "").strip()
    presubmission.reviewed_by = principal.actor
    presubmission.updated_at = now
    presubmission.version += 1
    session.flush()
    _audit(session, presubmission, "presubmission.review", principal, now, {"decision": decision})
    notify_applicant(session, presubmission, now)


#: What the applicant is told of each review (the SMS text; the number and code follow).
REVIEW_TEXTS = {
    "accepted": "【政务服务中心】您的网上申报{no}已通过预审，请携带材料原件到窗口办理。",
    "online_accepted": "【政务服务中心】您的网上申报{no}已通过预审，全程网办，无需到现场。",
    "supplement": "【政务服务中心】您的网上申报{no}需一次性补正：{text}",
    "rejected": "【政务服务中心】您的网上申报{no}未通过预审：{text}",
}


def notify_applicant(session: Session, presubmission: Presubmission, now: datetime) -> None:
    """Tell the applicant the pre-review's result through the notification outbox
    (``records_service.notifications``, kind ``prereview`` or ``supplement``), written in
    the review's transaction (none when the applicant left no phone)."""
    phone = str((presubmission.applicant or {}).get("phone") or "")
    status = presubmission.status
    text = REVIEW_TEXTS[status].format(
        no=presubmission.no,
        text=presubmission.supplement_text if status == "supplement" else presubmission.review_note,
    )
    enqueue(
        session,
        kind="supplement" if status == "supplement" else "prereview",
        recipient=phone,
        text=text,
        related_no=presubmission.no,
        now=now,
        center_code=presubmission.center_code,
    )


def _audit(
    session: Session,
    presubmission: Presubmission,
    action: str,
    principal: Principal,
    now: datetime,
    detail: dict[str, Any] | None = None,
) -> None:
    audit.record(
        session,
        at=now,
        action=action,
        result="ok",
        actor=principal.actor,
        device_id=principal.device_id,
        target=presubmission.no,
        detail={"status": presubmission.status, **(detail or {})},
        center_code=presubmission.center_code,
    )


# --- views ----------------------------------------------------------------------------------------


def item_name(session: Session, presubmission: Presubmission) -> str | None:
    if presubmission.item_code is None:
        package = catalog_package(session, presubmission.package_code or "")
        return str(package["name"]) if package and package.get("name") else None
    item = catalog_item(session, presubmission.item_code)
    return str(item["name"]) if item and item.get("name") else None


def public(session: Session, presubmission: Presubmission, *, full: bool = True) -> dict[str, Any]:
    """The pre-submission as the API shows it (``full``: the applicant unmasked)."""
    return {
        "no": presubmission.no,
        "external_id": presubmission.external_id,
        "item_code": presubmission.item_code,
        "item_name": item_name(session, presubmission),
        "package_code": presubmission.package_code,
        "department_code": presubmission.department_code,
        "applicant": presubmission.applicant if full else None,
        "applicant_masked": public_applicant_name(presubmission.applicant or {}),
        "form_data": presubmission.form_data or {},
        "materials": presubmission.materials or [],
        "status": presubmission.status,
        "review_note": presubmission.review_note,
        "supplement_text": presubmission.supplement_text,
        "supplement_used": bool(presubmission.supplement_text),
        "reviewed_by": presubmission.reviewed_by,
        "case_no": presubmission.case_no,
        "created_at": iso(presubmission.created_at),
        "updated_at": iso(presubmission.updated_at),
    }


def progress(session: Session, presubmission: Presubmission) -> dict[str, Any]:
    """The applicant's public progress of a pre-submission not yet taken in."""
    return {
        "presubmission_no": presubmission.no,
        "status": presubmission.status,
        "item_code": presubmission.item_code,
        "item_name": item_name(session, presubmission),
        "package_code": presubmission.package_code,
        "applicant": public_applicant_name(presubmission.applicant or {}),
        "submitted_at": iso(presubmission.created_at),
        "updated_at": iso(presubmission.updated_at),
        "supplement_text": presubmission.supplement_text,
        "review_note": presubmission.review_note,
    }


# --- take-in (接件) -------------------------------------------------------------------------------


def take_in(
    session: Session,
    presubmission: Presubmission,
    body: TakeInCreate,
    principal: Principal,
    now: datetime,
) -> Case:
    """Make the case of ``presubmission`` (it keeps the number and the query code) and mark
    the pre-submission ``taken_in``. The first event's ``data.presubmission`` carries the
    website's form and the list of uploaded materials.

    Raises:
        ProblemError: 409 ``taken-in`` (a second take-in, naming the case),
            ``awaiting-supplement``, ``rejected``, ``package`` (a package is taken in as a
            joint case); 422 naming every bad field, as ``POST /cases`` does.
    """
    check_takeable(presubmission)
    if presubmission.item_code is None:
        raise conflict(
            "package",
            f"Pre-submission {presubmission.no} is for package {presubmission.package_code}: "
            "take it in as a joint case (send the joint intake, ``JointTakeInCreate``).",
            "A package",
        )
    case_body = CaseCreate.model_construct(
        id=body.id,
        case_no=presubmission.no,
        query_code=presubmission.query_code,
        item_code=presubmission.item_code,
        window_code=body.window_code,
        catalog_version=body.catalog_version,
        applicant=body.applicant or Party.model_validate(presubmission.applicant),
        agent=body.agent,
        materials=body.materials,
        disposition=body.disposition,
        received_at=body.received_at,
        due_date=body.due_date,
        due_date_provisional=body.due_date_provisional,
        fee_fen=body.fee_fen,
        clerk=body.clerk,
        first_event=body.first_event,
    )
    _check_take_in(session, case_body, principal)
    data = case_body.model_dump(mode="json", exclude_none=True)
    first = case_body.first_event
    case = Case(
        id=str(body.id),
        case_no=presubmission.no,
        seq=0,  # not from the window's sequence: the window's high-water mark stays its own
        query_code=presubmission.query_code,
        item_code=presubmission.item_code,
        window_code=body.window_code,
        catalog_version=body.catalog_version,
        applicant=data["applicant"],
        agent=data.get("agent"),
        materials=data["materials"],
        disposition=body.disposition,
        status=rules.initial_status(body.disposition),
        received_at=body.received_at,
        due_date=body.due_date,
        due_date_provisional=body.due_date_provisional,
        fee_fen=body.fee_fen,
        clerk=body.clerk,
        created_by=principal.actor,
        device_id=principal.device_id,
        created_at=now,
        updated_at=now,
    )
    event_data = dict(first.data or {})
    event_data["presubmission"] = {
        "no": presubmission.no,
        "external_id": presubmission.external_id,
        "status": presubmission.status,
        "form_data": presubmission.form_data or {},
        "materials": presubmission.materials or [],
    }
    case.events = [
        CaseEvent(
            id=str(first.id),
            type=first.type,
            at=first.at,
            actor=body.clerk,
            window_code=body.window_code,
            note=first.note,
            data=event_data,
            device_id=principal.device_id,
            recorded_at=now,
        )
    ]
    session.add(case)
    try:
        session.flush()
    except IntegrityError:
        raise conflict(
            "conflict",
            f"Case {presubmission.no} (or its id or first event) is already recorded.",
            "Case number taken",
        ) from None
    presubmission.status = "taken_in"
    presubmission.case_no = case.case_no
    presubmission.updated_at = now
    presubmission.version += 1
    session.flush()
    files = travel_with_case(session, presubmission.no, case)  # issue 22: the website's files
    _audit(
        session,
        presubmission,
        "presubmission.take_in",
        principal,
        now,
        {"case": case.id, "files": files},
    )
    return case


def check_takeable(presubmission: Presubmission) -> None:
    """409 unless ``presubmission`` may be taken in now: ``taken-in`` (naming the case or
    joint case made of it), ``awaiting-supplement``, ``rejected``."""
    if presubmission.status == "taken_in":
        raise conflict(
            "taken-in",
            f"Pre-submission {presubmission.no} was taken in already: case "
            f"{presubmission.case_no}.",
            "Taken in already",
        )
    if presubmission.status in ("supplement", "rejected"):
        waiting = (
            "waits for the applicant's supplement"
            if presubmission.status == ("supplement")
            else "was rejected"
        )
        raise conflict(
            "awaiting-supplement" if presubmission.status == "supplement" else "rejected",
            f"Pre-submission {presubmission.no} {waiting}: it cannot be taken in.",
            "Not to be taken in",
        )


def _check_take_in(session: Session, body: CaseCreate, principal: Principal) -> None:
    """The business checks of ``POST /cases`` but the case number's (422 naming every bad
    field)."""
    errors: list[dict[str, str]] = []
    bad_clerk = clerk_error(session, principal, body.clerk, body.window_code, "clerk")
    if bad_clerk:
        errors.append(bad_clerk)
    current = catalog_store.latest_published(session)
    if current is None or body.item_code not in current.item_codes:
        errors.append(
            {
                "field": "item_code",
                "message": f"item {body.item_code} is withdrawn from the catalog",
            }
        )
    catalog = catalog_store.published(session, body.catalog_version)
    if catalog is None:
        errors.append({"field": "catalog_version", "message": "unknown catalog version"})
    errors.extend(commitment.case_errors(body, catalog or current))
    if not rules.is_event_type(body.first_event.type):
        errors.append({"field": "first_event.type", "message": "unknown event type"})
    errors.extend(party_errors("applicant", body.applicant))
    if body.agent is not None:
        errors.extend(party_errors("agent", body.agent))
    if errors:
        raise invalid_fields(errors)
