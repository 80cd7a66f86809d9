"""Read a ``core.catalog.Item`` into the plain values the widgets display."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class MaterialText:
    code: str
    name: str
    required: bool
    original: bool
    copies: int
    notes: str


@dataclass(frozen=True)
class FeeText:
    name: str
    amount_fen: int
    basis: str


class ItemText:
    """The displayable values of a ``core.catalog.Item``.

    Args:
        item: the item.
        department_name: the department's name (the item carries only its code).
    """

    def __init__(self, item: Any, department_name: str = "") -> None:
        self.item = item
        self.code: str = item.code
        self.name: str = item.name
        self.department: str = department_name or item.department
        self.kind: str = item.type
        self.demo: bool = bool(item.demo)
        self.scope: str = item.scope
        self.conditions = [item.conditions] if item.conditions.strip() else []
        self.procedure = list(item.procedure)
        self.legal_basis = list(item.legal_basis)
        limit = item.time_limit
        self.promised_days: int = limit.promised_days
        self.statutory_days: int = limit.statutory_days
        self.on_the_spot: bool = bool(limit.on_the_spot)
        self.materials = [
            MaterialText(
                code=m.code,
                name=m.name,
                required=bool(m.required),
                original=m.form == "original",
                copies=int(m.copies),
                notes=m.notes,
            )
            for m in item.materials
        ]
        self.fees = [FeeText(f.name, int(f.amount_fen), f.basis) for f in item.fees]

    @property
    def fee_fen(self) -> int:
        return sum(f.amount_fen for f in self.fees)
