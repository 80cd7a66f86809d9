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

from clerk_app.core.fees import NoticeLine, Waiver
from clerk_app.documents.archive_data import TaggedJson
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


#: Fee documents hold integer fen only: a float is refused.
_CODEC = TaggedJson(_TYPES, FeeArchiveError, floats=False)


def encode(doc: FeeDocument, *, paper: str = "") -> str:
    """``doc`` (kept as the original: never marked as a reprint) as JSON, with the paper
    it was printed on (``a4`` or ``roll80`` for a receipt)."""
    if not isinstance(doc, _TOP):
        raise FeeArchiveError(f"{type(doc).__name__} is not kept for a duplicate")
    original = dataclasses.replace(doc, reprint=False)
    return json.dumps({"paper": paper, "doc": _CODEC.enc(original)}, ensure_ascii=False)


def decode(text: str) -> tuple[FeeDocument, str]:
    """The document and its paper from :func:`encode`'s JSON.

    Raises:
        FeeArchiveError: not a fee document's data (or its values are refused).
    """
    try:
        data = json.loads(text)
        doc = _CODEC.dec(data["doc"])
        paper = str(data.get("paper") or "")
    except FeeArchiveError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise FeeArchiveError(f"not a fee document's data: {exc}") from None
    if not isinstance(doc, _TOP):
        raise FeeArchiveError("not a fee document's data")
    return doc, paper
