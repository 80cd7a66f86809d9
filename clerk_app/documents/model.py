"""The data a document is rendered from: plain, frozen values, no Qt.

A receipt is built from the case as it was written to the local store (after the commit,
never before), plus the window's provisioning and the clerk's name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple


class MaterialLine(NamedTuple):
    """One material handed in: a plain ``(name, form, copies)`` tuple works as well.

    ``form`` is a code from the ``[material_forms]`` table of ``texts.toml`` ("original",
    "copy", "original_and_copy", "electronic"); any other text is printed as given.
    """

    name: str
    form: str
    copies: int


@dataclass(frozen=True)
class ReceiptData:
    """Everything an acceptance receipt (受理通知书) shows.

    ``applicant_id_number`` is the raw number: it is masked when rendered, never before, so
    a role that may see it whole can later print it whole from the same data.
    ``progress_url`` is the public progress address from the provisioning file ("" when the
    center has none; the QR code then carries only the case number and the query code).
    """

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
    applicant_kind: str
    item_code: str
    item_name: str
    materials_received: tuple[MaterialLine, ...]
    received_at: datetime
    due_date: date | None
    due_provisional: bool
    promised_days: int
    clerk_name: str
    materials_deferred: tuple[str, ...] = field(default=())
    document_no: str = ""
    reprint: bool = False

    def __post_init__(self) -> None:
        if self.received_at.tzinfo is None or self.received_at.utcoffset() is None:
            raise ValueError("received_at must be timezone-aware")
        if self.promised_days < 0:
            raise ValueError("promised_days must not be negative")
        object.__setattr__(self, "materials_received", _lines(self.materials_received))
        object.__setattr__(self, "materials_deferred", tuple(self.materials_deferred))


def _lines(items: Iterable[MaterialLine | tuple[str, str, int]]) -> tuple[MaterialLine, ...]:
    lines = []
    for item in items:
        name, form, copies = item
        lines.append(MaterialLine(str(name), str(form), int(copies)))
    return tuple(lines)
