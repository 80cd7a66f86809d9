"""Request and response models of the centers and the catalog adoptions (issue 20)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from records_service.schemas import Strict

Code = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
Text = Annotated[str, Field(max_length=2000)]
Line = Annotated[str, Field(max_length=200)]


class CenterPublic(BaseModel):
    """A service center: ``level`` province / city / county / district / sub-center;
    ``parent`` the center above (none for the top)."""

    code: str
    name: str
    level: str
    parent: str | None


class Centers(BaseModel):
    """``GET /centers``: the centers in the caller's reach, top down."""

    centers: list[CenterPublic]


class MaterialIn(Strict):
    code: Annotated[str, Field(min_length=1, max_length=32)]
    name: Annotated[str, Field(min_length=1, max_length=200)]
    required: bool
    form: Literal["original", "copy", "original_and_copy"] = "original"
    copies: Annotated[int, Field(ge=1, le=99)] = 1
    medium: Literal["paper", "electronic", "either"] = "paper"
    deferrable: bool = False
    notes: Text = ""
    commitment: bool = False


class FeeIn(Strict):
    name: Annotated[str, Field(min_length=1, max_length=200)]
    amount_fen: Annotated[int, Field(ge=0, le=100_000_000)]
    basis: Text = ""
    waivable: bool = False


class TimeLimitIn(Strict):
    statutory_days: Annotated[int, Field(ge=0, le=3650)]
    promised_days: Annotated[int, Field(ge=0, le=3650)]
    on_the_spot: bool = False


class AdoptionCreate(Strict):
    """A center publishes its implementation (实施清单) of a base item.

    Name, type and legal basis come from the base item (四级四同); the rest is the
    center's own. ``code`` is the catalog item code the center's windows see.
    """

    basic_code: Code
    implementation_code: Code
    code: Code
    center_code: Annotated[str, Field(pattern=r"^[A-Z0-9]{1,8}$")] | None = Field(
        default=None, description="the adopting center (default: the caller's own)"
    )
    department: Annotated[str, Field(min_length=1, max_length=32)]
    subjects: Annotated[
        list[Literal["natural_person", "legal_person"]], Field(min_length=1, max_length=2)
    ]
    scope: Text
    conditions: Text = ""
    procedure: Annotated[list[Line], Field(max_length=50, default_factory=list)]
    materials: Annotated[list[MaterialIn], Field(max_length=100, default_factory=list)]
    time_limit: TimeLimitIn
    case_kind: Literal["immediate", "promised"]
    fees: Annotated[list[FeeIn], Field(max_length=50, default_factory=list)]
    visits: Annotated[int, Field(ge=0, le=10)] = 1
    place: Line = ""
    hours: Line = ""
    phone: Annotated[str, Field(max_length=40)] = ""
    complaint_phone: Annotated[str, Field(max_length=40)] = ""
    #: 告知承诺: the item may be granted on a written commitment; days to verify one.
    commitment_whole: bool = False
    verify_days: Annotated[int, Field(ge=0, le=365)] = 0


class AdoptionAnswer(BaseModel):
    """The implementation as published: which catalog version of which center holds it,
    and whether this request published a new version (``false``: it was already so)."""

    implementation_code: str
    basic_code: str
    center_code: str
    code: str
    catalog_version: str
    published: bool
