"""Taking in a joint application at the 综合窗口 (联合审批 / 一件事, issue 16).

The app API the joint intake form calls: :func:`packages` (the catalog's packages),
:func:`check` (every problem of a draft, per part), :func:`take_in_joint` (number, build and
save the joint case with its parts) and :func:`load_joint` (a joint case this desk keeps).

:func:`take_in_joint` runs on the desk's database writer and works with the link down: the
joint number and one number per part come from the window's own case sequence (one commit,
before anything is written: a crash in between skips numbers, never reuses one), then the
joint case, every part (an ordinary case with its first event, naming its joint case, stage
and department) and ONE outbox row for the whole joint case are committed in ONE transaction
(``store.joint.create_joint``). The sync engine sends that row as ``POST /joint-cases`` with
the joint id as Idempotency-Key: the center gets the joint case with all its parts once, or
nothing; a refusal (4xx naming a part) is a refused item like a refused case.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from clerk_app.app.take_in import catalog_version_of, number_case
from clerk_app.core.catalog import Catalog
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.errors import NoCatalog
from clerk_app.core.identity import Issue
from clerk_app.core.joint import plan_parts
from clerk_app.core.joint_intake import (
    InvalidJointDraft,
    JointDraft,
    build_joint_case,
    check_joint,
)
from clerk_app.core.numbering import new_query_code
from clerk_app.core.packages import Package
from clerk_app.core.records import Case, JointCase
from clerk_app.logs import logger
from clerk_app.remote.api import ApiError
from clerk_app.remote.wire import joint_from_wire, joint_to_wire
from clerk_app.store import joint as joint_store

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

log = logger("app")

__all__ = [
    "InvalidJointDraft",
    "JointDraft",
    "NoJointCatalog",
    "TakenJoint",
    "check",
    "joint_at_center",
    "joint_of",
    "load_joint",
    "packages",
    "save_joint_intake",
    "take_in_joint",
]

#: Issue code: the draft names a package the catalog does not have (withdrawn).
UNKNOWN_PACKAGE = "joint.package"


class NoJointCatalog(NoCatalog, RuntimeError):
    """No catalog on this desk yet (never fetched: the service must be reached once)."""


@dataclass(frozen=True)
class TakenJoint:
    """A joint case saved at the window (its parts and the one outbox row committed)."""

    joint: JointCase

    @property
    def joint_no(self) -> str:
        return self.joint.joint_no

    @property
    def query_code(self) -> str:
        return self.joint.query_code

    @property
    def parts(self) -> tuple[Case, ...]:
        return self.joint.parts


_catalogs: dict[tuple[str | None, str | None, str], Catalog] = {}


def cached_catalog(context: AppContext) -> Catalog | None:
    """The desk's cached catalog (read once per fetched version), or None."""
    cached = context.backend.store.load_catalog()
    if cached is None:
        return None
    key = (cached.version, cached.etag, cached.fetched_at.isoformat())
    catalog = _catalogs.get(key)
    if catalog is None:
        catalog = Catalog.from_dict(json.loads(cached.json_text))
        _catalogs.clear()  # only the newest is wanted
        _catalogs[key] = catalog
    return catalog


def _catalog(context: AppContext) -> Catalog:
    catalog = cached_catalog(context)
    if catalog is None:
        raise NoJointCatalog("no catalog yet: the service must be reached once")
    return catalog


def packages(context: AppContext) -> list[Package]:
    """The catalog's packages (一件事 and staged projects), as the catalog lists them;
    empty when the desk has no catalog yet."""
    catalog = cached_catalog(context)
    return list(catalog.packages) if catalog is not None else []


def _package(catalog: Catalog, draft: JointDraft) -> Package:
    package = catalog.package(draft.package_code)
    if package is None:
        issue = Issue(UNKNOWN_PACKAGE, {"package": draft.package_code}, "package_code")
        raise InvalidJointDraft({"": [issue]})
    return package


def check(context: AppContext, draft: JointDraft) -> dict[str, list[Issue]]:
    """Every problem of ``draft`` per item code ("" for the joint case itself: an unknown
    package, the project type or code); empty when it can be taken in today.

    Raises:
        NoJointCatalog: the desk has no catalog yet.
    """
    catalog = _catalog(context)
    try:
        package = _package(catalog, draft)
    except InvalidJointDraft as exc:
        return exc.errors
    today = context.clock.now().astimezone(CENTER_TZ).date()
    return check_joint(draft, package, catalog, context.calendar, today)


def save_joint_intake(
    context: AppContext,
    draft: JointDraft,
    *,
    clerk: str,
    catalog_version: str | None = None,
) -> JointCase:
    """Check, number, build and save a joint intake (everything but its documents).

    Raises:
        InvalidJointDraft: the draft has errors (per item code); nothing was saved and no
            number was used.
        NoJointCatalog: the desk has no catalog yet.
        StoreError: disk full, locked or damaged database; nothing was saved.
    """
    catalog = _catalog(context)
    package = _package(catalog, draft)
    now = context.clock.now().astimezone(CENTER_TZ)
    errors = check_joint(draft, package, catalog, context.calendar, now.date())
    if errors:
        raise InvalidJointDraft(errors)
    version = catalog_version or catalog_version_of(context)
    numbers = _numbers(context, len(plan_parts(package, catalog, draft.project_type)) + 1, now)
    joint = build_joint_case(
        draft,
        package,
        catalog,
        joint_id=str(uuid.uuid4()),
        numbers=numbers,
        query_code=new_query_code(),
        window_code=context.provisioning.window_code,
        catalog_version=version,
        clerk=clerk,
        received_at=now,
        calendar=context.calendar,
    )
    stored = joint_store.create_joint(
        context.backend.store, joint, outbox_body=joint_to_wire(joint)
    )
    log.info(
        "joint case %s taken in (package %s, %d parts)",
        stored.joint_no,
        package.code,
        len(stored.parts),
    )
    return stored


def _numbers(context: AppContext, count: int, now: datetime) -> list[str]:
    """``count`` numbers of the window's case sequence, committed together on their own."""
    store = context.backend.store
    with store.db.transaction():
        return [number_case(context, now.date()) for _ in range(count)]


def take_in_joint(context: AppContext, session: Session, draft: JointDraft) -> TakenJoint:
    """Take a joint application in (see the module doc); the documents are issued after
    it (``app.joint_documents``).

    Raises:
        InvalidJointDraft: the draft has errors; nothing was saved, no number used.
        NoJointCatalog: the desk has no catalog yet.
        StoreError: disk full, locked or damaged database; nothing was saved.
    """
    return TakenJoint(save_joint_intake(context, draft, clerk=session.username))


def load_joint(context: AppContext, joint_no: str) -> JointCase | None:
    """The joint case with this number and its parts as this desk keeps them (taken in
    here), or None."""
    return joint_store.get_joint(context.backend.store, joint_no)


def joint_at_center(context: AppContext, session: Session, joint_no: str) -> JointCase | None:
    """The joint case as the center has it (parts with their statuses, events and
    departments), or None when it does not know it (404) — on a worker thread.

    Raises:
        ConnectionProblem: the center cannot be reached.
        Refused: another refusal (403 …).
        WireError: an answer that is not a joint case.
    """
    token = session.access_token or context.backend.tokens.get_device_token(
        context.provisioning.window_code, context.device_id
    )
    try:
        answer = context.backend.api.get_joint_case(token or "", joint_no)
    except ApiError as exc:
        if exc.status == 404:
            return None
        raise
    return joint_from_wire(answer)


def joint_of(context: AppContext, case_no: str) -> str | None:
    """The joint number a part (or a joint number) belongs to; None for an ordinary case."""
    return joint_store.joint_of(context.backend.store, case_no)
