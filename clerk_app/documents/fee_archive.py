"""The data of a settlement-center document as JSON, so that a duplicate (副本) renders
exactly what was issued (issue 17).

The cashier's fiscal receipt, the refund voucher and the daily-close sheet are kept by the
desk next to their PDFs as the frozen dataclass they were rendered from. :func:`encode`
writes one as tagged JSON (times, dates, tuples and the named tuples keep their types);
:func:`decode` gives the same object back, never marked as a reprint. Only the types named
here are accepted, so a changed file cannot make the desk build anything else.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from typing import Any

from clerk_app.core.fees import NoticeLine, Waiver
from clerk_app.documents.fee_documents import (
    DailyCloseDoc,
    FeeTotal,
    FiscalReceiptDoc,
    MethodTotal,
    RefundVoucherDoc,
)

#: A document kept for its duplicate.
FeeDocument = FiscalReceiptDoc | RefundVoucherDoc | DailyCloseDoc

_TOP = (FiscalReceiptDoc, RefundVoucherDoc, DailyCloseDoc)
_TYPES: dict[str, type] = {
    cls.__name__: cls for cls in (*_TOP, NoticeLine, Waiver, MethodTotal, FeeTotal)
}


class FeeArchiveError(ValueError):
    """The stored data is not a fee document this version can rebuild."""


def _enc(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if _TYPES.get(name) is not type(value):
            raise FeeArchiveError(f"{name} is not a fee document type")
        fields = {f.name: _enc(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return {"$type": name, "fields": fields}
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        name = type(value).__name__
        if _TYPES.get(name) is not type(value):
            raise FeeArchiveError(f"{name} is not a fee document type")
        return {"$type": name, "values": [_enc(v) for v in value]}
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise FeeArchiveError("document times are timezone-aware")
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, tuple):
        return {"$tuple": [_enc(v) for v in value]}
    if value is None or isinstance(value, str | int | bool):
        return value
    raise FeeArchiveError(f"cannot keep a {type(value).__name__}")


def _dec(value: Any) -> Any:
    if isinstance(value, list):
        return [_dec(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "$type" in value:
        cls = _TYPES.get(str(value["$type"]))
        if cls is None:
            raise FeeArchiveError(f"unknown fee document type {value['$type']!r}")
        if "values" in value:
            return cls(*[_dec(v) for v in value["values"]])
        return cls(**{k: _dec(v) for k, v in value["fields"].items()})
    if "$datetime" in value:
        return datetime.fromisoformat(value["$datetime"])
    if "$date" in value:
        return date.fromisoformat(value["$date"])
    if "$tuple" in value:
        return tuple(_dec(v) for v in value["$tuple"])
    raise FeeArchiveError("not a fee document's data")


def encode(doc: FeeDocument, *, paper: str = "") -> str:
    """``doc`` (kept as the original: never marked as a reprint) as JSON, with the paper
    it was printed on (``a4`` or ``roll80`` for a receipt)."""
    if not isinstance(doc, _TOP):
        raise FeeArchiveError(f"{type(doc).__name__} is not kept for a duplicate")
    original = dataclasses.replace(doc, reprint=False)
    return json.dumps({"paper": paper, "doc": _enc(original)}, ensure_ascii=False)


def decode(text: str) -> tuple[FeeDocument, str]:
    """The document and its paper from :func:`encode`'s JSON.

    Raises:
        FeeArchiveError: not a fee document's data (or its values are refused).
    """
    try:
        data = json.loads(text)
        doc = _dec(data["doc"])
        paper = str(data.get("paper") or "")
    except FeeArchiveError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise FeeArchiveError(f"not a fee document's data: {exc}") from None
    if not isinstance(doc, _TOP):
        raise FeeArchiveError("not a fee document's data")
    return doc, paper
