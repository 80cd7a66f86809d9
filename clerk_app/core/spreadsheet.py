"""Cells written to CSV and XLSX files are data, never formulas (CSV/formula injection).

A spreadsheet program runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` (and, for
some of them, a tab or carriage return before those) as a formula: an applicant named
``=HYPERLINK("http://…","click")`` in an exported audit trail is a link the auditor's
Excel follows. :func:`safe_cell` writes such a cell as text by putting an apostrophe in
front, as OWASP recommends; a plain number (``-12``, ``+3.5``, ``-4%``) stays as it is,
because it is no formula. Every export of the project (the service's audit export, the
dashboard's CSV and XLSX) passes its cells through here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

#: What a formula may begin with.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


def safe_cell(value: Any) -> Any:
    """``value`` as a cell that no spreadsheet runs: a text beginning with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets a leading ``'``; anything else (numbers,
    dates, None, other text) is returned unchanged."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if _PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


def safe_row(values: Iterable[Any]) -> list[Any]:
    """:func:`safe_cell` of every value of a row."""
    return [safe_cell(v) for v in values]
