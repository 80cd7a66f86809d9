"""Request and answer models of the joint-case routes (issue 16, API.md "joint approval")."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from pydantic import Field

from records_service.schemas import (
    CaseNo,
    CasePublic,
    Code,
    Day,
    Disposition,
    DocumentPublic,
    FirstEvent,
    MaterialIn,
    Moment,
    Party,
    Public,
    Strict,
    Timestamp,
    WindowCode,
)

StageCode = Annotated[str, Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9_-]+$")]
QueryCode = Annotated[str, Field(pattern=r"^[0-9]{6}$")]
#: 项目代码 of the national investment project platform (``2026-130502-48-01-000123``).
ProjectCode = Annotated[str, Field(pattern=r"^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$")]


class JointPartCreate(Strict):
    """One part of a joint intake: an ordinary case of one item and department.

    The applicant, agent, window, clerk, catalog version and intake time are the joint
    case's. A part of a stage that is not open yet starts with a ``receive`` event (no
    decision before its stage opens).
    """

    id: UUID
    case_no: CaseNo
    query_code: QueryCode
    item_code: Code
    stage: StageCode
    materials: Annotated[list[MaterialIn], Field(max_length=200)]
    disposition: Disposition
    due_date: Day | None = None
    due_date_provisional: bool = False
    fee_fen: Annotated[int, Field(ge=0, le=10**12)] = 0
    first_event: FirstEvent


class JointCaseCreate(Strict):
    """``POST /joint-cases``: the joint case with all its parts, written whole or not at all;
    ``id`` equals the Idempotency-Key."""

    id: UUID
    joint_no: CaseNo
    query_code: QueryCode
    package_code: Code
    project_type: Literal["government", "social", "small"] | None = None
    project_code: ProjectCode | None = None
    window_code: WindowCode
    catalog_version: Code
    applicant: Party
    agent: Party | None = None
    materials: Annotated[list[MaterialIn], Field(max_length=200)]
    received_at: Timestamp
    clerk: Annotated[str, Field(min_length=1, max_length=64)]
    parts: Annotated[list[JointPartCreate], Field(min_length=1, max_length=60)]


class StageOpen(Strict):
    """``POST /joint-cases/{joint_no}/stages/{stage}/open``: the lead department opens a
    stage before the one before it is complete; ``id`` equals the Idempotency-Key."""

    id: UUID
    at: Timestamp
    note: Annotated[str, Field(min_length=1, max_length=2000)]


class JointPartPublic(CasePublic):
    """A part: the case, with its joint case, stage and assigned department."""

    joint_case_no: str
    stage: str
    department_code: str | None


class JointStagePublic(Public):
    code: str
    name: str
    lead_department: str
    time_limit_days: int
    state: Literal["waiting", "open", "complete"]
    opened_at: Moment | None
    opened_early: bool
    due_date: date | None
    completed_at: Moment | None


class JointCasePublic(Public):
    id: str
    joint_no: str
    query_code: str
    package_code: str
    package_name: str | None
    project_type: str | None
    project_code: str | None
    window_code: str
    catalog_version: str
    applicant: dict[str, object]
    agent: dict[str, object] | None
    materials: list[dict[str, object]]
    received_at: Moment
    completed_at: Moment | None
    clerk: str
    status: Literal["in_progress", "completed"]
    current_stage: str | None
    stages: list[JointStagePublic]
    parts: list[JointPartPublic]
    updated_at: Moment
    #: Its documents recorded at the center (``records_service.joint_documents``).
    documents: list[DocumentPublic]


class JointCaseAnswer(Public):
    """``{joint_case}``: what the joint-case routes answer."""

    joint_case: JointCasePublic


__all__ = [
    "JointCaseAnswer",
    "JointCaseCreate",
    "JointCasePublic",
    "JointPartCreate",
    "JointPartPublic",
    "JointStagePublic",
    "StageOpen",
]
