"""网上待接件 (online pre-submissions, issue 19): the use cases of the window's list.

The center's website posts an applicant's application; the clerks of the item's department
see it here (:func:`pending`), pre-review it once (:func:`review`: accept — the applicant
brings the originals —, accept online — 全程网办, where the item needs no visit —, a
one-time supplement notice, or reject), and when the applicant comes, take it in
(:func:`take_in`): the intake form is filled from it (:func:`intake_state`, the state a
parked intake is resumed from, so the form's resume path opens it) and the clerk's checked
draft becomes the case on the service, which keeps the pre-submission's number and query
code; the desk stores the case as the service made it and issues the decision's document
as for any intake.

A package's pre-submission (一件事) opens the joint intake instead, filled from it
(:func:`joint_state`); its take-in is three short steps: :func:`number_joint` (the
database writer: the parts' numbers from the window's sequence, the joint case built under
the pre-submission's number and query code), :func:`send_joint` (a worker: the joint case
made on the service, once — the joint case's id is the Idempotency-Key, so sending the
same built joint case again after a lost answer gets the service's stored answer) and
:func:`store_joint` (the writer: stored as the service has it, nothing left to send).

All of it is online (the clerk's user token): a refusal the clerk can act on is a
:class:`PresubmissionRefused` with a ``reason`` the GUI words. Calls to the service run on
a worker thread. A take-in is two steps so that a slow link never holds the desk's
database writer: :func:`make_case` (worker thread: the HTTP call, up to the client's
timeout) and then :func:`store_case` (the writer: a short local transaction);
:func:`take_in` is both in one thread.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from clerk_app.app.joint import TakenJoint, _catalog, _package
from clerk_app.app.take_in import (
    TakenCase,
    build_case,
    catalog_version_of,
    issue_decision_document,
    number_case,
)
from clerk_app.core import intake
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.errors import UserError
from clerk_app.core.joint import plan_parts
from clerk_app.core.joint_intake import InvalidJointDraft, JointDraft, build_joint_case, check_joint
from clerk_app.core.records import Case, JointCase
from clerk_app.remote import presubmission_api as api
from clerk_app.remote.api import ApiError, BadResponseError
from clerk_app.remote.presubmission_api import Presubmission, UploadedFile
from clerk_app.remote.wire import case_from_wire, case_to_wire, joint_to_wire
from clerk_app.store import joint as joint_store
from clerk_app.store.parked import ParkedIntakes

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session
    from clerk_app.core.catalog import Item

__all__ = [
    "DECISIONS",
    "MadeCase",
    "Presubmission",
    "PresubmissionRefused",
    "UploadedFile",
    "intake_state",
    "joint_state",
    "make_case",
    "number_joint",
    "pending",
    "review",
    "send_joint",
    "store_case",
    "store_joint",
    "take_in",
]

#: The query code a package's joint case is built with until the service answers with the
#: pre-submission's (never sent as the joint case's: the service sets it).
UNKNOWN_QUERY_CODE = "000000"

#: The pre-review's decisions (``POST /presubmissions/{no}/review``).
DECISIONS = ("accept", "accept_online", "supplement", "reject")

#: Why the service (or the desk) refused, as :attr:`PresubmissionRefused.reason`.
REASONS = frozenset(
    {
        "not-found",  # no such pre-submission in the department (or another's)
        "not-reviewable",  # reviewed already, waiting for the re-post, taken in
        "supplement-used",  # its one-time supplement notice was given
        "needs-visit",  # 全程网办 asked for an item that needs a visit
        "invalid",  # a notice or reason missing, a field the service refused
        "awaiting-supplement",  # take-in while the applicant's supplement is awaited
        "taken-in",  # taken in already (``case_no`` names the case)
        "rejected",
        "package",  # a package's pre-submission: taken in as a joint case
        "no-token",  # signed in offline: the list needs the service
        "other",
    }
)


class PresubmissionRefused(UserError):
    """A pre-review or take-in the window cannot make.

    Attributes:
        reason: one of :data:`REASONS`.
        detail: the service's words (for the log; the GUI words ``reason``).
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason if reason in REASONS else "other"
        self.detail = detail


def _token(context: AppContext, session: Session) -> str:
    if not session.access_token:
        raise PresubmissionRefused("no-token", "signed in offline")
    return str(session.access_token)


def _refused(exc: ApiError) -> Exception:
    """The service's refusal as a :class:`PresubmissionRefused` (401 and the like stay)."""
    slug = exc.slug
    detail = str(exc.problem.get("detail") or exc)
    if exc.status == 404:
        return PresubmissionRefused("not-found", detail)
    if exc.status == 422:
        fields = {str(e.get("field")) for e in exc.problem.get("errors") or []}
        return PresubmissionRefused("needs-visit" if "decision" in fields else "invalid", detail)
    if exc.status == 409 and slug in REASONS:
        return PresubmissionRefused(slug, detail)
    return exc


def pending(context: AppContext, session: Session) -> list[Presubmission]:
    """The department's 网上待接件 (submitted, accepted, accepted online), oldest first."""
    try:
        return api.pending(context.backend.api, _token(context, session))
    except ApiError as exc:
        raise _refused(exc) from exc


def review(
    context: AppContext,
    session: Session,
    no: str,
    decision: str,
    *,
    note: str = "",
    supplement_text: str | None = None,
) -> Presubmission:
    """The pre-review of ``no`` (see :data:`DECISIONS`); the applicant is told by SMS."""
    if decision not in DECISIONS:
        raise ValueError(f"unknown decision {decision!r}")
    try:
        return api.review(
            context.backend.api,
            _token(context, session),
            no,
            decision,
            note=note,
            supplement_text=supplement_text,
        )
    except ApiError as exc:
        raise _refused(exc) from exc


def intake_state(presubmission: Presubmission, item: Item) -> dict[str, Any]:
    """The intake form's state (a parked intake's ``snapshot``) filled from the
    pre-submission: the applicant, and each of the item's materials the applicant uploaded
    marked received (the clerk checks the originals and unticks what is missing)."""
    uploaded = {m.code for m in presubmission.materials if m.code}
    return {
        "version": 1,
        "item_code": item.code,
        **_applicant_state(presubmission),
        "agent": None,
        "materials": [
            {"code": m.code, "state": "received" if m.code in uploaded else "missing"}
            for m in item.materials
        ],
        "decision": {},
        "commitment": {},
        "presubmission_no": presubmission.no,
    }


def _applicant_state(presubmission: Presubmission) -> dict[str, Any]:
    """The applicant as the intake forms keep it (``kind``, ``person``, ``organization``)."""
    applicant = presubmission.applicant
    organization = applicant.get("kind") == "organization"
    return {
        "kind": "organization" if organization else "person",
        "person": {
            "name": "" if organization else str(applicant.get("name") or ""),
            "id_type": str(applicant.get("id_type") or "resident_id"),
            "id_number": "" if organization else str(applicant.get("id_number") or ""),
            "phone": "" if organization else str(applicant.get("phone") or ""),
        },
        "organization": {
            "name": str(applicant.get("name") or "") if organization else "",
            "credit_code": str(applicant.get("id_number") or "") if organization else "",
            "credit_confirmed": False,
            "legal_representative": str(applicant.get("legal_representative") or ""),
            "contact_name": str(applicant.get("contact_name") or ""),
            "phone": str(applicant.get("phone") or "") if organization else "",
        },
    }


@dataclass(frozen=True)
class MadeCase:
    """A case the service made from a pre-submission (:func:`make_case`), not yet stored
    at the desk (:func:`store_case`).

    Attributes:
        case: the case as the service answered it.
        parked_id: the parked intake the draft was resumed from (removed when stored).
    """

    case: Case
    parked_id: str | None


def make_case(
    context: AppContext,
    session: Session,
    presubmission: Presubmission,
    draft: intake.IntakeDraft,
    item: Item,
    *,
    catalog_version: str | None = None,
) -> MadeCase:
    """Take ``presubmission`` in (接件) on the service with the clerk's checked ``draft``:
    the case it makes keeps the pre-submission's number and query code. A worker thread's
    call (network); nothing is written at the desk.

    Raises:
        InvalidDraft: the draft has errors; nothing was sent.
        PresubmissionRefused: taken in already, waiting for a supplement, rejected, ...
        ConnectionProblem: the service cannot be reached (nothing was taken in).
    """
    now = context.clock.now().astimezone(CENTER_TZ)
    checked = intake.validate(draft, item, today=now.date(), calendar=context.calendar)
    if checked.errors:
        raise intake.InvalidDraft(checked.errors)
    version = catalog_version or catalog_version_of(context)
    case = build_case(
        context,
        draft,
        item,
        clerk=session.username,
        case_no=presubmission.no,
        received_at=now,
        catalog_version=version,
    )
    body = {
        k: v
        for k, v in case_to_wire(case).items()
        if k not in ("case_no", "query_code", "item_code")
    }
    try:
        answer = api.take_in(context.backend.api, _token(context, session), presubmission.no, body)
    except ApiError as exc:
        raise _refused(exc) from exc
    return MadeCase(case_from_wire(answer["case"]), draft.parked_id)


def store_case(context: AppContext, session: Session, made: MadeCase, item: Item) -> TakenCase:
    """Store the case the service made (a draft resumed from the parked list leaves it in
    the same transaction) and issue its decision's document. The database writer's job:
    no network call."""
    store = context.backend.store
    if made.parked_id:
        with store.db.transaction():
            stored = store.create_case(made.case)
            ParkedIntakes(store.db, context.clock).remove(made.parked_id)
    else:
        stored = store.create_case(made.case)
    return issue_decision_document(context, session, stored, item)


def take_in(
    context: AppContext,
    session: Session,
    presubmission: Presubmission,
    draft: intake.IntakeDraft,
    item: Item,
    *,
    catalog_version: str | None = None,
) -> TakenCase:
    """:func:`make_case` then :func:`store_case`, in the calling thread (the desk runs
    the first on a worker and the second on the writer)."""
    made = make_case(context, session, presubmission, draft, item, catalog_version=catalog_version)
    return store_case(context, session, made, item)


# -- a package's pre-submission: the joint intake -----------------------------------------


def joint_state(presubmission: Presubmission, material_codes: list[str]) -> dict[str, Any]:
    """The joint intake's state (a parked joint intake's, ``gui.joint_parking``) filled
    from a package's pre-submission: the applicant, and each of the package's combined
    materials (``material_codes``) the applicant uploaded marked received."""
    uploaded = {m.code for m in presubmission.materials if m.code}
    return {
        "version": 1,
        "joint": True,
        "package_code": presubmission.package_code,
        "project_type": None,
        "project_code": "",
        **_applicant_state(presubmission),
        "agent": None,
        "materials": [
            {"code": code, "state": "received" if code in uploaded else "missing"}
            for code in material_codes
        ],
        "own": {},
        "decisions": {},
        "presubmission_no": presubmission.no,
    }


def number_joint(
    context: AppContext, session: Session, presubmission: Presubmission, draft: JointDraft
) -> JointCase:
    """The joint case ``draft`` becomes under the pre-submission's number (its query code
    comes with the service's answer, :func:`send_joint`), each part numbered from the
    window's sequence (committed on their own, before anything
    is sent: a failure later skips numbers, never reuses one). The database writer's job;
    nothing is sent.

    Raises:
        InvalidJointDraft: the draft has errors; no number was used.
        NoJointCatalog: the desk has no catalog yet.
    """
    catalog = _catalog(context)
    package = _package(catalog, draft)
    now = context.clock.now().astimezone(CENTER_TZ)
    errors = check_joint(draft, package, catalog, context.calendar, now.date())
    if errors:
        raise InvalidJointDraft(errors)
    count = len(plan_parts(package, catalog, draft.project_type))
    store = context.backend.store
    with store.db.transaction():
        numbers = [number_case(context, now.date()) for _ in range(count)]
    return build_joint_case(
        draft,
        package,
        catalog,
        joint_id=str(uuid.uuid4()),
        numbers=[presubmission.no, *numbers],
        query_code=UNKNOWN_QUERY_CODE,
        window_code=context.provisioning.window_code,
        catalog_version=catalog_version_of(context),
        clerk=session.username,
        received_at=now,
        calendar=context.calendar,
    )


def send_joint(
    context: AppContext, session: Session, presubmission: Presubmission, joint: JointCase
) -> JointCase:
    """Take the package's ``presubmission`` in on the service as ``joint`` (a worker
    thread's call; nothing is written at the desk); ``joint`` comes back with the
    pre-submission's query code the service gave it and its parts. ``joint`` sent again
    gets the same answer (its id is the Idempotency-Key).

    Raises:
        PresubmissionRefused: taken in already, waiting for a supplement, rejected, ...
        ConnectionProblem: the service cannot be reached (nothing was taken in, or the
            answer was lost: send the same ``joint`` again).
    """
    body = {
        k: v
        for k, v in joint_to_wire(joint).items()
        if k not in ("joint_no", "query_code", "package_code")
    }
    try:
        answer = api.take_in_joint(
            context.backend.api, _token(context, session), presubmission.no, body
        )
    except ApiError as exc:
        raise _refused(exc) from exc
    code = str(answer["joint_case"].get("query_code") or "")
    if not code.isdigit():
        raise BadResponseError("a joint case without its query code")
    parts = tuple(replace(p, query_code=code) for p in joint.parts)
    return replace(joint, query_code=code, parts=parts)


def store_joint(context: AppContext, joint: JointCase) -> TakenJoint:
    """Store the joint case the service made (synced: nothing left to send). The database
    writer's job: no network call."""
    return TakenJoint(joint_store.create_joint(context.backend.store, joint, outbox_body=None))
