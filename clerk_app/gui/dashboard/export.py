"""Export what the dashboard shows: CSV (UTF-8 with BOM, so Excel reads the Chinese) and
XLSX (openpyxl; numbers as numbers, formatted as on screen)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from clerk_app.core.spreadsheet import safe_row
from clerk_app.gui.dashboard.models import Kind, Snapshot

FORMATS = {Kind.RATE: "0.0%", Kind.DAYS: "0.00", Kind.COUNT: "0"}


def write_csv(path: Path | str, table: Snapshot, title: str = "") -> Path:
    """One header row, then the cells' text exactly as shown (a title row first if given)."""
    target = Path(path)
    with open(target, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        if title:
            writer.writerow([title])
        writer.writerow(table.headers)
        writer.writerows(safe_row(row) for row in table.text)  # no cell is a formula
    return target


def write_xlsx(path: Path | str, table: Snapshot, title: str = "", sheet: str = "") -> Path:
    """A workbook with one sheet: a title row if given, the headers in bold, then the rows.
    Counts, rates and days are numbers with the screen's format; "—" stays text."""
    from openpyxl import Workbook

    workbook = Workbook()
    ws = workbook.active
    if sheet:
        ws.title = sheet[:31]
    formats = [FORMATS.get(kind, "") for kind in table.kinds]
    fill_sheet(ws, table.headers, table.text, table.values, formats, title)
    workbook.save(target := Path(path))
    return target


def fill_sheet(
    ws: Any,
    headers: list[str],
    text: list[list[str]],
    values: list[list[Any]],
    formats: Sequence[str],
    title: str = "",
) -> None:
    """Write a table as shown on the worksheet ``ws``: a title row if given, the headers in
    bold, then the rows, a cell's number where it has one (``values``; in its column's
    number format, "" for none) and its text otherwise; columns as wide as their texts, the
    rows below the headers scrolling."""
    from openpyxl.styles import Font

    if title:
        ws.append([title])
        ws.cell(row=1, column=1).font = Font(bold=True)
    ws.append(headers)
    header_row = ws.max_row
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
    for text_row, value_row in zip(text, values, strict=True):
        ws.append(
            safe_row(v if v is not None else t for t, v in zip(text_row, value_row, strict=True))
        )
        for c, (fmt, value) in enumerate(zip(formats, value_row, strict=False), start=1):
            if fmt and value is not None:
                ws.cell(row=ws.max_row, column=c).number_format = fmt
    for c, header in enumerate(headers, start=1):
        width = max([len(header) * 2] + [len(r[c - 1]) for r in text] + [6])
        ws.column_dimensions[ws.cell(row=header_row, column=c).column_letter].width = min(
            width + 2, 60
        )
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
