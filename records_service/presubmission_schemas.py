"""Request and answer models of online pre-submission (网上申报 / 预审), issue 19; see
``records_service.presubmissions``.

Requests are strict (unknown fields are refused); every field an answer carries is declared.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import Field, RootModel

from records_service.joint_schemas import JointCasePublic, JointPartCreate, ProjectCode
from records_service.schemas import (
    CasePublic,
    Code,
    Day,
    Disposition,
    FirstEvent,
    MaterialIn,
    Moment,
    Party,
    Public,
    ReadFreshness,
    Strict,
    Timestamp,
    WindowCode,
)

Status = Literal["submitted", "accepted", "online_accepted", "supplement", "taken_in", "rejected"]
#: ``open``: the department's 网上待接件 (submitted, accepted, online_accepted).
StatusFilter = Literal[
    "open", "submitted", "accepted", "online_accepted", "supplement", "taken_in", "rejected"
]
Decision = Literal["accept", "accept_online", "supplement", "reject"]
#: The website's own id of a pre-submission (its idempotency key).
ExternalId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
#: A pre-submission number: ``YS-{center}-{yyyymmdd}-{seq:06d}``.
PresubmissionNo = Annotated[str, Field(min_length=1, max_length=40)]


class UploadedMaterial(Strict):
    """A file the applicant uploaded on the website: its name, SHA-256 and size (the file
    itself follows through the attachment uploads); ``code``: the item's material it is
    for (``M1`` …), when the website knows it."""

    name: Annotated[str, Field(min_length=1, max_length=200)]
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    size: Annotated[int, Field(ge=0, le=10**11)]
    code: Code | None = None


class PresubmissionCreate(Strict):
    """``POST /presubmissions``: the website's application (exactly one of ``item_code``
    and ``package_code``). ``form_data``: the website's form as filled in (kept as sent)."""

    external_id: ExternalId
    item_code: Code | None = None
    package_code: Code | None = None
    applicant: Party
    form_data: Annotated[dict[str, Any], Field(max_length=200, default_factory=dict)]
    materials: Annotated[list[UploadedMaterial], Field(max_length=200, default_factory=list)]


class ReviewCreate(Strict):
    """``POST /presubmissions/{no}/review``: the window's pre-review (预审).

    ``accept``: the applicant brings the originals; ``accept_online``: 全程网办, accepted
    without a visit (only for an item whose catalog entry needs no visit, ``visits: 0``);
    ``supplement``: one-time notice (一次性告知) of what is missing, ``supplement_text``
    required, once per pre-submission; ``reject``: not this center's business, ``note``
    required.
    """

    decision: Decision
    note: Annotated[str, Field(max_length=2000)] = ""
    supplement_text: Annotated[str, Field(min_length=1, max_length=4000)] | None = None


class TakeInCreate(Strict):
    """``POST /presubmissions/{no}/take-in``: the case made of the pre-submission (接件).

    What a ``POST /cases`` body holds but its number, query code and item, which are the
    pre-submission's (the case keeps its number and code). ``applicant`` defaults to the
    pre-submission's (send it when the originals corrected it); ``id`` is the case's id
    and the Idempotency-Key.
    """

    id: UUID
    window_code: WindowCode
    catalog_version: Code
    applicant: Party | None = None
    agent: Party | None = None
    materials: Annotated[list[MaterialIn], Field(max_length=200)]
    disposition: Disposition
    received_at: Timestamp
    due_date: Day | None = None
    due_date_provisional: bool = False
    fee_fen: Annotated[int, Field(ge=0, le=10**12)] = 0
    clerk: Annotated[str, Field(min_length=1, max_length=64)]
    first_event: FirstEvent


class UploadedMaterialPublic(Public):
    name: str
    sha256: str
    size: int
    code: str | None = None


class PresubmissionPublic(Public):
    """A pre-submission as the API shows it. ``applicant`` in full only to the department's
    clerks and leads (``applicant_masked`` everywhere); ``supplement_text`` is the one-time
    notice sent back to the applicant; ``case_no`` once taken in (the same number)."""

    no: str
    external_id: str
    item_code: str | None
    item_name: str | None
    package_code: str | None
    department_code: str
    applicant: dict[str, Any] | None
    applicant_masked: str
    form_data: dict[str, Any]
    materials: list[UploadedMaterialPublic]
    status: Status
    review_note: str | None
    supplement_text: str | None
    supplement_used: bool
    reviewed_by: str | None
    case_no: str | None
    created_at: Moment
    updated_at: Moment


class PresubmissionAnswer(Public):
    """The website's answer: the pre-submission and its query code (for the applicant's
    public progress query, ``GET /progress/{no}?code=``)."""

    presubmission: PresubmissionPublic
    query_code: str


class PresubmissionPage(Public):
    """A page of pre-submissions, oldest first (``next``: null on the last page)."""

    items: list[PresubmissionPublic]
    next: str | None


class ReviewAnswer(Public):
    presubmission: PresubmissionPublic


class JointTakeInCreate(Strict):
    """``POST /presubmissions/{no}/take-in`` of a package's pre-submission (一件事): the
    joint case made of it, as ``POST /joint-cases`` takes one, but its number, query code
    and package are the pre-submission's (so not sent; each part's ``query_code`` is
    replaced by it); ``applicant`` defaults to the pre-submission's; ``id`` (the joint
    case's) equals the Idempotency-Key."""

    id: UUID
    project_type: Literal["government", "social", "small"] | None = None
    project_code: ProjectCode | None = None
    window_code: WindowCode
    catalog_version: Code
    applicant: Party | None = None
    agent: Party | None = None
    materials: Annotated[list[MaterialIn], Field(max_length=200)]
    received_at: Timestamp
    clerk: Annotated[str, Field(min_length=1, max_length=64)]
    parts: Annotated[list[JointPartCreate], Field(min_length=1, max_length=60)]


class JointTakeInAnswer(Public):
    """The pre-submission (``taken_in``, ``case_no`` = the joint number = ``no``) and the
    joint case made of it with its parts."""

    presubmission: PresubmissionPublic
    joint_case: JointCasePublic


class TakeInAnswer(Public):
    """The pre-submission (``taken_in``) and the case made of it (``case_no`` = ``no``)."""

    presubmission: PresubmissionPublic
    case: CasePublic


class TakeInResult(RootModel[TakeInAnswer | JointTakeInAnswer]):
    """What ``POST /presubmissions/{no}/take-in`` answers: ``TakeInAnswer`` (an item's: the
    case) or ``JointTakeInAnswer`` (a package's: the joint case)."""


class PresubmissionProgress(ReadFreshness):
    """The applicant's public view of a pre-submission not yet taken in: its status, the
    one-time supplement notice, the item and the masked applicant."""

    presubmission_no: str
    status: Status
    item_code: str | None
    item_name: str | None
    package_code: str | None
    applicant: str
    submitted_at: Moment
    updated_at: Moment
    supplement_text: str | None
    review_note: str | None


__all__ = [
    "JointTakeInAnswer",
    "JointTakeInCreate",
    "PresubmissionAnswer",
    "PresubmissionCreate",
    "PresubmissionPage",
    "PresubmissionProgress",
    "PresubmissionPublic",
    "ReviewAnswer",
    "ReviewCreate",
    "TakeInAnswer",
    "TakeInCreate",
    "TakeInResult",
    "UploadedMaterial",
]
