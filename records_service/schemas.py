"""Request and response schemas. Requests are strict: unknown fields are refused."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field


def _plausible_datetime(value: datetime) -> datetime:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"year must be between {MIN_YEAR} and {MAX_YEAR}")
    return value


def _plausible_date(value: date) -> date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"year must be between {MIN_YEAR} and {MAX_YEAR}")
    return value


MIN_YEAR, MAX_YEAR = 1900, 2200
#: A timezone-aware moment within years the service can store and convert.
Timestamp = Annotated[AwareDatetime, AfterValidator(_plausible_datetime)]
Day = Annotated[date, AfterValidator(_plausible_date)]
Name = Annotated[str, Field(min_length=1, max_length=100)]
Code = Annotated[str, Field(min_length=1, max_length=64)]
WindowCode = Annotated[str, Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9_-]+$")]
Note = Annotated[str, Field(max_length=2000)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- auth -----------------------------------------------------------------------------


class LoginRequest(Strict):
    username: Annotated[str, Field(min_length=1, max_length=64)]
    password: Annotated[str, Field(min_length=1, max_length=256)]
    window_code: WindowCode | None = None
    device_id: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    client_version: Annotated[str, Field(max_length=32)] | None = None


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
    id_type: Annotated[str, Field(min_length=1, max_length=32)]
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


class FirstEvent(Strict):
    id: UUID
    type: Annotated[str, Field(min_length=1, max_length=32)]
    at: Timestamp
    note: Note = ""
    data: dict[str, Any] | None = None


Disposition = Literal[
    "immediate", "promised", "deferred_materials", "supplement", "refused", "forwarded"
]


class CaseCreate(Strict):
    id: UUID
    case_no: Annotated[str, Field(min_length=1, max_length=40)]
    query_code: Annotated[str, Field(pattern=r"^\d{6}$")]
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
    type: Annotated[str, Field(min_length=1, max_length=32)]
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
