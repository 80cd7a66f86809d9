"""Read a ``core.catalog.Item`` into the plain values the widgets display.

The one place where the GUI knows the item's field names, so the widgets stay simple.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    for name in names:
        if isinstance(obj, dict):
            if name in obj:
                return obj[name]
        elif hasattr(obj, name):
            return getattr(obj, name)
    return default


def _lines(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    out = []
    for v in value:
        if isinstance(v, str):
            out.append(v)
        else:  # e.g. a step or a basis record with a title / name / text
            out.append(str(_get(v, "text", "title", "name", default=v)))
    return out


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
    """The displayable values of an item."""

    def __init__(self, item: Any) -> None:
        self.item = item
        self.code: str = _get(item, "code", "item_code", default="")
        self.name: str = _get(item, "name", default="")
        self.department: str = _get(item, "department", default="") or ""
        self.kind: str = str(_get(item, "item_type", "type", "kind", default="") or "")
        self.demo: bool = bool(_get(item, "demo", "is_demo", default=False))
        self.scope: str = _get(item, "scope", "description", default="") or ""
        self.conditions = _lines(_get(item, "conditions", "acceptance_conditions"))
        self.procedure = _lines(_get(item, "procedure", "steps"))
        self.legal_basis = _lines(_get(item, "legal_basis", "basis"))
        limit = _get(item, "time_limit", "promised_limit", default=None)
        self.promised_days: int | None = _get(
            limit, "promised_days", "promised", "days", default=None
        )
        self.statutory_days: int | None = _get(limit, "statutory_days", "statutory", default=None)
        self.on_the_spot = bool(_get(limit, "on_the_spot", default=False)) or (
            self.promised_days == 0
        )
        self.materials = [
            MaterialText(
                code=_get(m, "code", default=""),
                name=_get(m, "name", default=""),
                required=bool(_get(m, "required", default=True)),
                original=_is_original(m),
                copies=int(_get(m, "copies", default=1) or 1),
                notes=_get(m, "notes", "note", default="") or "",
            )
            for m in _get(item, "materials", default=()) or ()
        ]
        self.fees = [
            FeeText(
                name=_get(f, "name", default=""),
                amount_fen=int(_get(f, "amount_fen", "fen", default=0) or 0),
                basis=_get(f, "basis", default="") or "",
            )
            for f in _get(item, "fees", default=()) or ()
        ]

    @property
    def fee_fen(self) -> int:
        return sum(f.amount_fen for f in self.fees)


def _is_original(material: Any) -> bool:
    form = _get(material, "form", "original", default="original")
    if isinstance(form, bool):
        return form
    return str(form).lower() in ("original", "原件")
