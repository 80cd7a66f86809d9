"""Request and response schemas. Requests are strict: unknown fields are refused."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
)

from clerk_app.core.identity import IdType
from clerk_app.core.lifecycle import EventType


def _plausible_datetime(value: datetime) -> datetime:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"year must be between {MIN_YEAR} and {MAX_YEAR}")
    return value


def _plausible_date(value: date) -> date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"year must be between {MIN_YEAR} and {MAX_YEAR}")
    return value


def _iso_text(shape: re.Pattern[str], example: str) -> Callable[[Any], Any]:
    """Dates and times come as ISO 8601 text of one shape, never as numbers (which pydantic
    would read as seconds since 1970: ``to=0.5`` is not a time)."""

    def check(value: Any) -> Any:
        if isinstance(value, (int, float)) or (
            isinstance(value, str) and not shape.fullmatch(value)
        ):
            raise ValueError(f"must be written as {example}")
        return value

    return check


MIN_YEAR, MAX_YEAR = 1900, 2200
_YEAR = "(19[0-9]{2}|2[01][0-9]{2}|2200)"
_DATE = _YEAR + "-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
_TIME = "([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,6})?"
_OFFSET = "(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])"
#: What the OpenAPI says of dates and times (RFC 3339, years 1900-2200); the service reads
#: the same shapes (``_DAY_SHAPE``, ``_MOMENT_SHAPE``) and checks the ranges when parsing.
DATE_PATTERN = f"^{_DATE}$"
DATE_TIME_PATTERN = f"^{_DATE}T{_TIME}{_OFFSET}$"
_DAY_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MOMENT_SHAPE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})"
)
#: A timezone-aware moment within years the service can store and convert.
Timestamp = Annotated[
    AwareDatetime,
    BeforeValidator(_iso_text(_MOMENT_SHAPE, "2026-11-28T09:30:00+08:00")),
    AfterValidator(_plausible_datetime),
    WithJsonSchema({"type": "string", "format": "date-time", "pattern": DATE_TIME_PATTERN}),
]
Day = Annotated[
    date,
    BeforeValidator(_iso_text(_DAY_SHAPE, "2026-11-28")),
    AfterValidator(_plausible_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
]
Name = Annotated[str, Field(min_length=1, max_length=100)]
Code = Annotated[str, Field(min_length=1, max_length=64)]
WindowCode = Annotated[str, Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9_-]+$")]
Note = Annotated[str, Field(max_length=2000)]
#: A canonical case number, ``HS-W01-20261128-000123`` (center, window, day, sequence).
CASE_NO_PATTERN = r"^[A-Z0-9]{1,8}-[A-Z0-9]{1,8}-[0-9]{8}-[0-9]{6}$"
#: Checked with the case's other business checks (one 422 names every bad field, and says
#: how to write a number that is only spelled wrong), so the pattern is stated for the
#: OpenAPI rather than enforced by the parser.
CaseNo = Annotated[
    str, Field(min_length=1, max_length=40, json_schema_extra={"pattern": CASE_NO_PATTERN})
]
#: The document types the service checks (another answers 422); the check itself runs with
#: the case's other business checks, so that one 422 names every bad field.
IdTypeName = Annotated[
    str,
    Field(min_length=1, max_length=32, json_schema_extra={"enum": [t.value for t in IdType]}),
]
#: A lifecycle event type (another answers 422, with the case's other business checks).
EventTypeName = Annotated[
    str,
    Field(min_length=1, max_length=32, json_schema_extra={"enum": [t.value for t in EventType]}),
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- auth -----------------------------------------------------------------------------


class LoginRequest(Strict):
    username: Annotated[str, Field(min_length=1, max_length=64)]
    password: Annotated[str, Field(min_length=1, max_length=256)]
    window_code: WindowCode | None = None
    device_id: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    client_version: Annotated[str, Field(max_length=32)] | None = None
    #: Whether the desk still holds its device token. ``false`` (the keyring lost it, an
    #: older version kept it in memory only): a clerk or cashier of the window signing in
    #: online gets a new one and the desk's old ones are revoked. Not sent (older
    #: clients): a token is issued only when the service knows no live one for the desk.
    has_device_token: bool | None = None


class UserPublic(BaseModel):
    username: str
    display_name: str
    roles: list[str]


class WindowPublic(BaseModel):
    code: str
    name: str
    department: str


class SequenceHighWater(BaseModel):
    case: int
    document: int


class LoginResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth token type, not a secret
    expires_at: AwareDatetime
    user: UserPublic
    window: WindowPublic | None
    device_token: str | None = None
    sequence_high_water: SequenceHighWater
    #: The password was set by someone else or has expired: until ``POST /auth/password``
    #: changes it, the token may do nothing else (403 ``…/password-change-required``).
    password_change_required: bool = False


class Health(BaseModel):
    status: str
    version: str
    min_client_version: str
    database: str = "ok"


class CalendarPublic(BaseModel):
    year: int
    holidays: list[date]
    workdays: list[date]
    source: str
    provisional: bool


# --- cases ----------------------------------------------------------------------------


class Party(Strict):
    """An applicant or an agent: a person or an organization."""

    kind: Literal["person", "organization"]
    name: Name
    id_type: IdTypeName
    id_number: Annotated[str, Field(min_length=1, max_length=64)]
    phone: Annotated[str, Field(max_length=32)] | None = None
    legal_representative: Annotated[str, Field(max_length=100)] | None = None
    contact_name: Annotated[str, Field(max_length=100)] | None = None
    address: Annotated[str, Field(max_length=200)] | None = None


class MaterialIn(Strict):
    code: Code
    received: bool
    deferred: bool = False
    copies: Annotated[int, Field(ge=0, le=99)] = 1
    note: Annotated[str, Field(max_length=200)] | None = None
    #: 告知承诺: a certificate replaced by the applicant's written commitment (left out: no).
    by_commitment: bool | None = None


class FirstEvent(Strict):
    id: UUID
    type: EventTypeName
    at: Timestamp
    note: Note = ""
    data: dict[str, Any] | None = None


Disposition = Literal[
    "immediate", "promised", "deferred_materials", "supplement", "refused", "forwarded"
]


class CaseCreate(Strict):
    id: UUID
    case_no: CaseNo
    query_code: Annotated[str, Field(pattern=r"^[0-9]{6}$")]
    item_code: Code
    window_code: WindowCode
    catalog_version: Code
    applicant: Party
    agent: Party | None = None
    materials: Annotated[list[MaterialIn], Field(max_length=200)]
    disposition: Disposition
    received_at: Timestamp
    due_date: Day | None = None
    due_date_provisional: bool = False
    fee_fen: Annotated[int, Field(ge=0, le=10**12)] = 0
    clerk: Annotated[str, Field(min_length=1, max_length=64)]
    first_event: FirstEvent


class EventCreate(Strict):
    """A lifecycle event appended to a case (``POST /cases/{case_no}/events``)."""

    id: UUID
    type: EventTypeName
    at: Timestamp
    actor: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    note: Note = ""
    data: dict[str, Any] | None = None


class DocumentCreate(Strict):
    """A document issued or reprinted for a case (``POST /cases/{case_no}/documents``)."""

    id: UUID
    kind: Annotated[str, Field(min_length=1, max_length=32)]
    document_no: Annotated[str, Field(min_length=1, max_length=64)]
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    issued_at: Timestamp
    reprint: bool = False
    clerk: Annotated[str, Field(min_length=1, max_length=64)]
    #: A joint case's document (issue 16): its joint number, the joint case of ``case_no``.
    joint_no: Annotated[str, Field(min_length=1, max_length=40)] | None = None


class RejectedItem(Strict):
    key: Annotated[str, Field(min_length=1, max_length=64)]
    reason: Annotated[str, Field(max_length=500)]


class DeviceStatus(Strict):
    """What a window client reports about itself (``POST /devices/{device_id}/status``)."""

    waiting: Annotated[int, Field(ge=0, le=1_000_000)]
    rejected: Annotated[list[RejectedItem], Field(max_length=200)] = []
    client_version: Annotated[str, Field(min_length=1, max_length=32)]
    clock: Timestamp
    last_sync_at: Timestamp | None = None


class ClientEvent(Strict):
    """An audit record made on the desk (unmasked ID view, reprint, offline sign-in ...)."""

    id: UUID
    at: Timestamp
    actor: Annotated[str, Field(min_length=1, max_length=64)]
    action: Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[a-z0-9_.-]+$")]
    target: Annotated[str, Field(max_length=100)] | None = None
    result: Annotated[str, Field(min_length=1, max_length=32)] = "ok"
    detail: dict[str, Any] | None = None


class ClientEvents(Strict):
    events: Annotated[list[ClientEvent], Field(min_length=1, max_length=500)]


class RatingCreate(Strict):
    """好差评 (``POST /cases/{case_no}/rating``); ``id`` equals the Idempotency-Key."""

    id: UUID
    score: Annotated[int, Field(ge=1, le=5)]
    comment: Annotated[str, Field(max_length=500)] = ""
    rated_at: Timestamp
    clerk: Annotated[str, Field(min_length=1, max_length=64)]


class FollowUpCreate(Strict):
    note: Annotated[str, Field(min_length=1, max_length=2000)]


# --- answers --------------------------------------------------------------------------
# Every field the service sends is declared: a field added to an answer but not to its model
# fails loudly in the tests (``extra="forbid"``) instead of silently vanishing from the wire.


class Public(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _whole_minute_offset(value: Any) -> Any:
    """Before 1901 the center's zone was local mean time (``+08:05:43``), an offset RFC 3339
    cannot write: such a moment is sent in UTC instead (the same instant)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    offset = value.utcoffset() if isinstance(value, datetime) else None
    if offset is not None and offset.total_seconds() % 60:
        return value.astimezone(UTC)
    return value


#: A moment as the service sends it: RFC 3339, in the center's zone (``+08:00``).
Moment = Annotated[AwareDatetime, BeforeValidator(_whole_minute_offset)]


#: ``behind_seconds`` of an answer read off the primary (issue 20).
BEHIND_DESCRIPTION = (
    "how many seconds the read replica that answered is behind the primary; only when more "
    "than the service's ``read_max_lag_seconds``"
)


class ReadFreshness(Public):
    """What an answer that may come from a read replica (issue 20) says of its data."""

    as_of: Moment | None = Field(
        default=None,
        description="the moment the data are as of: now on the primary, a replica's last "
        "replayed commit on a replica",
    )
    behind_seconds: int | None = Field(default=None, description=BEHIND_DESCRIPTION)


class EventPublic(Public):
    id: str
    type: str
    at: Moment
    actor: str
    window_code: str | None
    note: str
    data: dict[str, Any] | None


class ForwardedFrom(Public):
    """上报 (issue 20): the case below that this one was forwarded up from."""

    case_no: str
    center_code: str


class ForwardedTo(Public):
    """上报 (issue 20): the case at the center above this one went to, and how it fares."""

    case_no: str
    center_code: str
    status: str
    hall_group: str | None
    received_at: Moment
    due_date: date | None
    completed_at: Moment | None
    updated_at: Moment
    events: list[EventPublic]


class CasePublic(Public):
    """A case as the API shows it, with its events (API.md "Case")."""

    id: str
    case_no: str
    query_code: str
    item_code: str
    window_code: str
    catalog_version: str
    applicant: dict[str, Any]
    agent: dict[str, Any] | None
    materials: list[dict[str, Any]]
    disposition: str
    status: str
    received_at: Moment
    due_date: date | None
    due_date_provisional: bool
    completed_at: Moment | None
    fee_fen: int
    clerk: str
    device_id: str | None
    updated_at: Moment
    #: A part of a joint case (issue 16): the joint number, its stage, the department it
    #: is assigned to; null for an ordinary case.
    joint_case_no: str | None = None
    stage: str | None = None
    department_code: str | None = None
    events: list[EventPublic]
    #: 上报 between levels (issue 20): the case below it came from, the case above it went
    #: to (null when none).
    forwarded_from: ForwardedFrom | None = None
    forwarded_to: ForwardedTo | None = None


class CaseAnswer(Public):
    """``{case}``: what case writes and ``GET /cases/{case_no}`` answer."""

    case: CasePublic


class CasePage(Public):
    items: list[CasePublic]
    next: str | None = Field(description="the ``cursor`` of the next page; null on the last")


class Changes(ReadFreshness):
    items: list[CasePublic]
    next: int = Field(description="pass it back as ``after``")


class DocumentPublic(Public):
    id: str
    case_no: str
    kind: str
    document_no: str
    sha256: str
    reprint: bool
    issued_at: Moment
    clerk: str
    window_code: str
    device_id: str | None
    #: The joint case the document belongs to (issue 16), else null.
    joint_no: str | None = None


class DocumentAnswer(Public):
    document: DocumentPublic


class RatingPublic(Public):
    id: str
    #: Empty for the rating of a queue ticket served with no case (``ticket``).
    case_no: str | None
    #: The queue ticket of the visit rated through ``POST /visits/ratings`` (its number).
    ticket: str | None = None
    score: Annotated[int, Field(ge=1, le=5)]
    comment: str
    bad: bool
    rated_at: Moment
    clerk: str
    window_code: str
    follow_up_due: date | None
    followed_up_at: Moment | None
    follow_up_by: str | None
    follow_up_note: str | None
    #: The visit rated: the id of its acceptance or completion event (one rating each).
    event_id: str | None = None


class RatingAnswer(Public):
    rating: RatingPublic


class BadRating(RatingPublic):
    overdue: bool


class BadRatings(Public):
    today: date
    items: list[BadRating]


class ClientEventsRecorded(Public):
    recorded: int


class RejectedItemPublic(Public):
    key: str
    reason: str


class DevicePublic(Public):
    device_id: str
    revoked: bool
    last_seen_at: Moment | None
    last_report_at: Moment | None
    last_sync_at: Moment | None
    waiting: int | None
    rejected: int
    rejected_items: list[RejectedItemPublic]
    client_version: str | None
    clock_skew_seconds: int | None


class DeviceAnswer(Public):
    device: DevicePublic


class WindowStatus(Public):
    code: str
    name: str
    department: str
    department_code: str
    last_sync_at: Moment | None
    waiting: int
    devices: list[DevicePublic]


class Windows(Public):
    as_of: Moment
    min_client_version: str
    items: list[WindowStatus]


class UserStatus(Public):
    username: str
    display_name: str
    roles: list[str]
    department_code: str | None
    window_code: str | None
    active: bool
    failed_sign_ins: int
    locked: bool


class Users(Public):
    items: list[UserStatus]


class AuditPublic(Public):
    id: int
    at: Moment
    actor: str | None
    device_id: str | None
    action: str
    target: str | None
    client_ip: str | None
    result: str
    detail: dict[str, Any] | None
    chained: bool = Field(
        description="in its center's hash chain yet (PostgreSQL chains a record within "
        "moments of its commit; SQLite at once)"
    )


class AuditPage(Public):
    items: list[AuditPublic]
    next: int | None = Field(description="the ``cursor`` of the next page; null on the last")


class ForwardedProgress(Public):
    """The applicant's view of the case a case was forwarded up to (issue 20)."""

    case_no: str
    status: str
    hall_group: str | None
    completed_at: Moment | None


class Progress(ReadFreshness):
    """The applicant's public view of a case: no names but a masked one, no numbers."""

    case_no: str
    status: str
    hall_group: str | None
    item_code: str
    item_name: str | None
    applicant: str
    received_at: Moment
    due_date: date | None
    completed_at: Moment | None
    #: 上报 (issue 20): the case at the center above it went to (its number answers to the
    #: same query code); null when none.
    forwarded_to: ForwardedProgress | None = None


class Figures(Public):
    """A group's figures (``clerk_app.core.workload.GroupFigures.as_dict``)."""

    group: str
    received: int
    accepted: int
    completed: int
    in_progress: int
    waiting: int
    overdue: int
    due_soon: int
    refused: int
    on_time_rate: float | None
    early_rate: float | None
    average_handling_days: float | None
    immediate: int
    promised: int
    immediate_share: float | None
    promised_share: float | None
    ratings: int
    satisfaction: float | None
    average_score: float | None
    refusals: dict[str, int]


class GroupFigures(Figures):
    """One window's (name, department), one department's or one center's (name) figures."""

    name: str
    department_code: str | None = None
    department: str | None = None


class DayCounts(Public):
    day: date = Field(alias="date")
    received: int
    completed: int


class Workload(ReadFreshness):
    """``GET /workload``; ``department_code``/``department`` only on window groups."""

    from_: date = Field(alias="from")
    to: date
    group: Literal["window", "department", "center"]
    today: date
    due_soon_days: int
    items: list[GroupFigures]
    total: Figures
    trend: list[DayCounts]


class WorkloadCase(Public):
    case_no: str
    item_code: str
    item_name: str | None
    applicant: str
    status: str
    hall_group: str | None
    disposition: str
    received_at: Moment
    due_date: date | None
    completed_at: Moment | None
    clerk: str
    overdue: bool
    due_soon: bool


class WorkloadCases(Public):
    window: str
    from_: date = Field(alias="from")
    to: date
    count: int
    items: list[WorkloadCase]
    next: str | None


class BoardRow(Public):
    """A case, or a joint case as one row (issue 16: ``joint``; its number, its package as
    the item, its current stage)."""

    case_no: str
    window_code: str
    item_code: str
    item_name: str | None
    applicant: str
    status: str
    hall_group: str | None
    updated_at: Moment
    joint: bool = False
    stage: str | None = None
    stage_name: str | None = None


class BoardToday(Public):
    received: int
    completed: int
    completion_rate: float | None


class Board(Public):
    as_of: Moment
    behind_seconds: int | None = Field(default=None, description=BEHIND_DESCRIPTION)
    items: list[BoardRow]
    today: BoardToday


class CatalogPublic(BaseModel):
    """The published catalog as imported (``resources/catalog``): more members may come."""

    model_config = ConfigDict(extra="allow")

    version: str
    items: list[dict[str, Any]]


def public_json(model: type[Public], data: dict[str, Any]) -> str:
    """``data`` checked against ``model``, as compact JSON text (stored for replays)."""
    return model.model_validate(data).model_dump_json(by_alias=True)
