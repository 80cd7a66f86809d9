"""The data of every notice a window issues besides the acceptance receipt: frozen, no Qt.

Each notice kind is a dataclass built on ``NoticeBase`` (the case, applicant, window and
clerk every formal notice shows). ID numbers are kept raw and masked when rendered (unless
the center's ``mask_id_numbers`` is false). The kind codes are those of
``clerk_app.core.provisioning.DOCUMENT_KINDS``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import ClassVar, NamedTuple

from clerk_app.core.catalog import Item


class MissingMaterial(NamedTuple):
    """A material that is missing or incomplete, and what it must be."""

    name: str
    requirement: str


class FeeLine(NamedTuple):
    """One fee item: name, amount in fen (分), and the basis for charging it."""

    name: str
    amount_fen: int
    basis: str


class Correction(NamedTuple):
    """One corrected entry: what, as it was, as it is now."""

    field: str
    old: str
    new: str


def _aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


@dataclass(frozen=True, kw_only=True)
class NoticeBase:
    """What every formal A4 notice carries (see the module docstring)."""

    kind: ClassVar[str] = ""

    center_name: str
    department_name: str
    window_code: str
    window_name: str
    case_no: str
    query_code: str
    progress_url: str
    applicant_name: str
    applicant_id_type: str
    applicant_id_number: str
    item_code: str
    item_name: str
    received_at: datetime
    issued_at: datetime
    clerk_name: str
    document_no: str = ""
    reprint: bool = False

    def __post_init__(self) -> None:
        _aware(self.received_at, "received_at")
        _aware(self.issued_at, "issued_at")


@dataclass(frozen=True, kw_only=True)
class SupplementNotice(NoticeBase):
    """补正材料通知书 / 一次性告知书: EVERY missing material at once, with what it must be."""

    kind: ClassVar[str] = "supplement"

    missing: tuple[MissingMaterial, ...]
    legal_basis: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        super().__post_init__()
        lines = tuple(MissingMaterial(str(n), str(r)) for n, r in self.missing)
        if not lines:
            raise ValueError("a supplement notice lists at least one missing material")
        object.__setattr__(self, "missing", lines)
        object.__setattr__(self, "legal_basis", tuple(self.legal_basis))


@dataclass(frozen=True, kw_only=True)
class DeferredNotice(NoticeBase):
    """容缺受理通知书: accepted with materials to follow, by when, and what if they do not."""

    kind: ClassVar[str] = "deferred"

    deferred: tuple[MissingMaterial, ...]
    supply_by: date
    due_date: date | None
    due_provisional: bool = False
    promised_days: int = 0

    def __post_init__(self) -> None:
        super().__post_init__()
        lines = tuple(MissingMaterial(str(n), str(r)) for n, r in self.deferred)
        if not lines:
            raise ValueError("a deferred notice lists at least one material to follow")
        object.__setattr__(self, "deferred", lines)


@dataclass(frozen=True, kw_only=True)
class DeferredSuppliedReceipt(NoticeBase):
    """容缺材料补齐回执: the material a 容缺 case waited for came; the case goes on."""

    kind: ClassVar[str] = "supplied"

    supplied: tuple[MissingMaterial, ...]
    supplied_on: date
    due_date: date | None
    due_provisional: bool = False

    def __post_init__(self) -> None:
        super().__post_init__()
        lines = tuple(MissingMaterial(str(n), str(r)) for n, r in self.supplied)
        if not lines:
            raise ValueError("a supplied-material receipt lists at least one material")
        object.__setattr__(self, "supplied", lines)


@dataclass(frozen=True, kw_only=True)
class DeferredLapsedNotice(NoticeBase):
    """容缺受理终止通知书: the 容缺 material did not come by the promised day; the case ends
    without approval (with the rights of review and litigation)."""

    kind: ClassVar[str] = "lapsed"

    missing: tuple[MissingMaterial, ...]
    supply_by: date | None
    ended_on: date
    reason: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(
            self, "missing", tuple(MissingMaterial(str(n), str(r)) for n, r in self.missing)
        )


@dataclass(frozen=True, kw_only=True)
class RefusalNotice(NoticeBase):
    """不予受理通知书: reasons, legal basis, and the rights of review and litigation."""

    kind: ClassVar[str] = "refusal"

    reasons: tuple[str, ...]
    legal_basis: tuple[str, ...]

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.reasons:
            raise ValueError("a refusal states at least one reason")
        object.__setattr__(self, "reasons", tuple(self.reasons))
        object.__setattr__(self, "legal_basis", tuple(self.legal_basis))


@dataclass(frozen=True, kw_only=True)
class ForwardedNotice(NoticeBase):
    """上报 notice: forwarded to a higher authority, and when to expect an answer."""

    kind: ClassVar[str] = "forwarded"

    authority: str
    forwarded_on: date
    expected_by: date | None
    expected_provisional: bool = False
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class CompletionNotice(NoticeBase):
    """办结通知 / pickup notice: the result, where and when to collect it, what to bring."""

    kind: ClassVar[str] = "completion"

    result: str
    completed_on: date
    pickup_items: tuple[str, ...] = ()
    bring: tuple[str, ...] = ()
    pickup_place: str = ""
    pickup_hours: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "pickup_items", tuple(self.pickup_items))
        object.__setattr__(self, "bring", tuple(self.bring))


@dataclass(frozen=True, kw_only=True)
class FeeNotice(NoticeBase):
    """收费通知书: each fee item with its basis, and the total."""

    kind: ClassVar[str] = "fee"

    fees: tuple[FeeLine, ...]
    pay_place: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        lines = tuple(FeeLine(str(n), int(a), str(b)) for n, a, b in self.fees)
        if not lines:
            raise ValueError("a fee notice lists at least one fee")
        if any(line.amount_fen < 0 for line in lines):
            raise ValueError("fees must not be negative")
        object.__setattr__(self, "fees", lines)

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.fees)


@dataclass(frozen=True, kw_only=True)
class VoidNotice(NoticeBase):
    """作废通知书: the case taken in by mistake is void (kept, never deleted)."""

    kind: ClassVar[str] = "void"

    voided_at: datetime
    reason: str
    voided_documents: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        super().__post_init__()
        _aware(self.voided_at, "voided_at")
        if not self.reason.strip():
            raise ValueError("a void notice states the reason")
        object.__setattr__(self, "voided_documents", tuple(self.voided_documents))


@dataclass(frozen=True, kw_only=True)
class CorrectionNotice(NoticeBase):
    """更正通知书: what was corrected in an earlier notice (which one, old and new)."""

    kind: ClassVar[str] = "correction"

    corrected_document_no: str
    corrections: tuple[Correction, ...]
    reason: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        lines = tuple(Correction(str(f), str(o), str(n)) for f, o, n in self.corrections)
        if not lines:
            raise ValueError("a correction notice lists at least one correction")
        object.__setattr__(self, "corrections", lines)


@dataclass(frozen=True)
class ServiceGuide:
    """办事指南: an item's six disclosures, printed for an applicant who came unprepared.

    Not numbered and not archived: it belongs to no case.
    """

    kind: ClassVar[str] = "guide"

    center_name: str
    department_name: str
    item: Item
    printed_at: datetime
    window_code: str = ""
    window_name: str = ""
    progress_url: str = ""


@dataclass(frozen=True)
class ReceiptSlip:
    """The 80 mm roll slip: case number, query code, QR code and due date."""

    kind: ClassVar[str] = "slip"

    center_name: str
    window_code: str
    window_name: str
    case_no: str
    query_code: str
    progress_url: str
    item_name: str
    received_at: datetime
    due_date: date | None
    due_provisional: bool = False
    clerk_name: str = ""
    reprint: bool = False
    extra_lines: tuple[str, ...] = field(default=())
    #: The number of the acceptance receipt it abridges (the slip is archived under it).
    document_no: str = ""

    def __post_init__(self) -> None:
        _aware(self.received_at, "received_at")


@dataclass(frozen=True, kw_only=True)
class CommitmentLetter(NoticeBase):
    """告知承诺书: what the applicant promises in writing instead of a certificate (or for
    the whole item), the legal consequences of a false promise, and the verification (核查)
    the department does by ``verify_by``. Printed for signing and archived like a notice.
    """

    kind: ClassVar[str] = "commitment"

    #: The certificates (证明事项) the commitment replaces; empty for a wholesale one.
    materials: tuple[MissingMaterial, ...] = ()
    whole_item: bool = False
    #: The item's conditions the applicant declares to meet (wholesale commitment).
    conditions: str = ""
    promise: str
    consequence: str
    credit_checked: bool = True
    verify_by: date | None = None
    verify_provisional: bool = False

    def __post_init__(self) -> None:
        super().__post_init__()
        lines = tuple(MissingMaterial(str(n), str(r)) for n, r in self.materials)
        if not lines and not self.whole_item:
            raise ValueError("a commitment letter replaces a certificate or the whole item")
        if not self.promise.strip() or not self.consequence.strip():
            raise ValueError("a commitment letter states the promise and its consequences")
        object.__setattr__(self, "materials", lines)
