"""The data of an issued document as JSON, so that a reprint renders exactly what was issued.

The archive keeps, next to each PDF, the frozen dataclass it was rendered from
(``ReceiptData``, a ``NoticeBase`` kind, ``ReceiptSlip``, a joint-case document).
:func:`encode` writes it as tagged JSON (dates, times, tuples and the named tuples of the
notices keep their types); :func:`decode` gives the same object back. Only the document
types of this package are accepted, so a changed database cannot make the client build
anything else.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from typing import Any

from clerk_app.documents import joint_notices, model, notices

_TYPES: dict[str, type] = {
    cls.__name__: cls
    for module in (model, notices, joint_notices)
    for cls in vars(module).values()
    if isinstance(cls, type)
    and cls.__module__ == module.__name__
    and (dataclasses.is_dataclass(cls) or (issubclass(cls, tuple) and hasattr(cls, "_fields")))
}


class ArchiveDataError(ValueError):
    """The stored data is not a document this version can rebuild."""


class TaggedJson:
    """Frozen dataclasses and named tuples of ``types`` to JSON-able data and back.

    Times, dates, tuples, the named tuples and dicts keep their types through tags
    (``$type``, ``$datetime``, ``$date``, ``$tuple``, ``$dict``); only the classes of
    ``types`` (name → class) are built back, so changed data cannot make the desk build
    anything else. ``floats=False`` refuses floats (money is integer fen). Refusals raise
    ``error`` (a ``ValueError`` subclass).
    """

    def __init__(
        self, types: dict[str, type], error: type[ValueError], *, floats: bool = True
    ) -> None:
        self.types, self.error, self.floats = types, error, floats

    def _known(self, value: object) -> str:
        name = type(value).__name__
        if self.types.get(name) is not type(value):
            raise self.error(f"{name} is not a document type")
        return name

    def enc(self, value: Any) -> Any:
        """``value`` as tagged JSON-able data."""
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            name = self._known(value)
            fields = {
                f.name: self.enc(getattr(value, f.name))
                for f in dataclasses.fields(value)
                if f.init
            }
            return {"$type": name, "fields": fields}
        if isinstance(value, tuple) and hasattr(value, "_fields"):
            return {"$type": self._known(value), "values": [self.enc(v) for v in value]}
        if isinstance(value, datetime):
            if value.tzinfo is None:
                raise self.error("document times are timezone-aware")
            return {"$datetime": value.isoformat()}
        if isinstance(value, date):
            return {"$date": value.isoformat()}
        if isinstance(value, tuple):
            return {"$tuple": [self.enc(v) for v in value]}
        if isinstance(value, list):
            return [self.enc(v) for v in value]
        if isinstance(value, dict):
            return {"$dict": {str(k): self.enc(v) for k, v in value.items()}}
        if value is None or isinstance(value, str | int | bool):
            return value
        if isinstance(value, float) and self.floats:
            return value
        raise self.error(f"cannot keep a {type(value).__name__}")

    def dec(self, value: Any) -> Any:
        """The object :meth:`enc` made ``value`` from."""
        if isinstance(value, list):
            return [self.dec(v) for v in value]
        if not isinstance(value, dict):
            return value
        if "$type" in value:
            cls = self.types.get(str(value["$type"]))
            if cls is None:
                raise self.error(f"unknown document type {value['$type']!r}")
            if "values" in value:
                return cls(*[self.dec(v) for v in value["values"]])
            return cls(**{k: self.dec(v) for k, v in value["fields"].items()})
        if "$datetime" in value:
            return datetime.fromisoformat(value["$datetime"])
        if "$date" in value:
            return date.fromisoformat(value["$date"])
        if "$tuple" in value:
            return tuple(self.dec(v) for v in value["$tuple"])
        if "$dict" in value:
            return {k: self.dec(v) for k, v in value["$dict"].items()}
        raise self.error("not a document's data")


_CODEC = TaggedJson(_TYPES, ArchiveDataError)


def encode(data: object) -> str:
    """The document's data as JSON text (raises ``ArchiveDataError`` for anything else)."""
    if not (dataclasses.is_dataclass(data) and not isinstance(data, type)):
        raise ArchiveDataError(f"{type(data).__name__} is not a document")
    return json.dumps(_CODEC.enc(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def decode(text: str) -> Any:
    """The document object :func:`encode` wrote.

    Raises:
        ArchiveDataError: not JSON of a known document type (a changed file, or data from a
            newer version with fields this one lacks).
    """
    try:
        return _CODEC.dec(json.loads(text))
    except ArchiveDataError:
        raise
    except (ValueError, TypeError, KeyError) as exc:
        raise ArchiveDataError(f"archived document data unreadable: {exc}") from exc
