"""Numbers a window hands out without asking the center.

- 办件编号 (case number): ``HS-W01-20261128-000123`` — center, window, day of intake and
  the window's own sequence; unique across the center, readable aloud.
- 文书编号 (document number): ``衡政服受〔2026〕W01-0007号`` — agency abbreviation, kind,
  year, window and sequence, so two windows of one agency never clash offline.
- Query code: 6 random digits printed with the case number for the public progress query.
"""

from __future__ import annotations

import re
import secrets
from datetime import date
from typing import NamedTuple, Protocol

MAX_CASE_SEQ = 999_999
MAX_DOCUMENT_SEQ = 99_999

_CODE = re.compile(r"[A-Z0-9]{1,8}")
_CASE_NO = re.compile(r"([A-Z0-9]{1,8})-([A-Z0-9]{1,8})-(\d{8})-(\d{6})")
_DOCUMENT_NO = re.compile(r"(.+?)〔(\d{4})〕([A-Z0-9]{1,8})-(\d{4,5})号")


class CaseNo(NamedTuple):
    """The parts of a case number."""

    center: str
    window: str
    day: date
    seq: int

    def __str__(self) -> str:
        return format_case_no(self.center, self.window, self.day, self.seq)


class DocumentNo(NamedTuple):
    """The parts of a document number; ``prefix`` is agency abbreviation plus kind."""

    prefix: str
    year: int
    window: str
    seq: int


class _RandRange(Protocol):
    def randrange(self, stop: int, /) -> int: ...


def _check_code(what: str, value: str) -> str:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise ValueError(f"{what} code must be 1-8 uppercase ASCII letters or digits: {value!r}")
    return value


def _check_seq(seq: int, maximum: int) -> int:
    if isinstance(seq, bool) or not isinstance(seq, int) or not 1 <= seq <= maximum:
        raise ValueError(f"sequence must be a whole number from 1 to {maximum}: {seq!r}")
    return seq


def format_case_no(center: str, window: str, day: date, seq: int) -> str:
    """``HS-W01-20261128-000123``.

    Raises:
        ValueError: a code is not 1-8 uppercase letters/digits or ``seq`` is out of range.
    """
    _check_code("center", center)
    _check_code("window", window)
    _check_seq(seq, MAX_CASE_SEQ)
    return f"{center}-{window}-{day.year:04d}{day.month:02d}{day.day:02d}-{seq:06d}"


def parse_case_no(text: str) -> CaseNo:
    """Split a case number into its parts; surrounding blanks and lower case are forgiven.

    Raises:
        ValueError: it is not a case number.
    """
    match = _CASE_NO.fullmatch(text.strip().upper()) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"not a case number: {text!r}")
    center, window, day_text, seq_text = match.groups()
    try:
        day = date(int(day_text[:4]), int(day_text[4:6]), int(day_text[6:]))
    except ValueError:
        raise ValueError(f"not a case number (no such date {day_text}): {text!r}") from None
    seq = int(seq_text)
    if seq == 0:
        raise ValueError(f"not a case number (sequence 0): {text!r}")
    return CaseNo(center, window, day, seq)


def new_query_code(rng: _RandRange | None = None) -> str:
    """Six random digits (leading zeros kept); ``secrets`` unless an ``rng`` is injected."""
    source = rng if rng is not None else secrets.SystemRandom()
    return f"{source.randrange(1_000_000):06d}"


def format_document_no(agency: str, kind: str, year: int, window: str, seq: int) -> str:
    """``衡政服受〔2026〕W01-0007号``.

    Args:
        agency: the agency's abbreviation, e.g. ``衡政服``.
        kind: the document kind's character(s), e.g. ``受`` (受理通知书).
        year, window, seq: the year, the window code and the window's yearly sequence.

    Raises:
        ValueError: a part is empty, holds blanks or brackets, or is out of range.
    """
    for what, value in (("agency", agency), ("kind", kind)):
        if not isinstance(value, str) or not value or re.search(r"[\s〔〕]", value):
            raise ValueError(f"{what} must be non-empty, without blanks or 〔〕: {value!r}")
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 9999:
        raise ValueError(f"year must be a four-digit year: {year!r}")
    _check_code("window", window)
    _check_seq(seq, MAX_DOCUMENT_SEQ)
    return f"{agency}{kind}〔{year}〕{window}-{seq:04d}号"


def parse_document_no(text: str) -> DocumentNo:
    """Split a document number into its parts.

    Raises:
        ValueError: it is not a document number.
    """
    match = _DOCUMENT_NO.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"not a document number: {text!r}")
    prefix, year, window, seq = match.groups()
    return DocumentNo(prefix, int(year), window, int(seq))
