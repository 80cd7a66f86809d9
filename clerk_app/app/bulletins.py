"""The supervision bulletin (通报, issue 19): ``GET /bulletins?period=`` fetched once and
rendered at the desk as a PDF (``clerk_app.documents.bulletin``, template ``bulletin.html``)
and an XLSX, both from the same typed :class:`BulletinDoc` — the service computes the
figures (the workload dashboard's own case figures), the desk only lays them out.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from clerk_app.core.spreadsheet import safe_row
from clerk_app.documents import DocumentTexts, template_dirs
from clerk_app.documents.bulletin import (
    COLUMNS,
    BulletinCardLine,
    BulletinDoc,
    BulletinLine,
    BulletinModelLine,
    build_bulletin,
)
from clerk_app.documents.pdf import write_pdf
from clerk_app.remote.api import API_PREFIX, ApiClient, BadResponseError

__all__ = [
    "BulletinDoc",
    "bulletin_from_wire",
    "fetch_bulletin",
    "write_bulletin_pdf",
    "write_bulletin_xlsx",
]


def fetch_bulletin(api: ApiClient, token: str, period: str, center_name: str = "") -> BulletinDoc:
    """``GET /bulletins?period=`` (``2026-W49`` or ``2026-11``) as a :class:`BulletinDoc`.

    Raises:
        ApiError: the service refused (403 for a role without bulletins, 422 for a period
            that is neither a week nor a month); NetworkError and the client's others.
        BadResponseError: the answer lacks what a bulletin has.
    """
    response = api.request("GET", f"{API_PREFIX}/bulletins", token=token, params={"period": period})
    data = response.json()
    if not isinstance(data, dict):
        raise BadResponseError("/bulletins answer is not an object")
    return bulletin_from_wire(data, center_name)


def _line(row: Mapping[str, Any], name: str | None = None) -> BulletinLine:
    cases, complaints = row["cases"], row["complaints"]
    ratings, cards = row["ratings"], row["cards"]
    return BulletinLine(
        code=str(row["group"]),
        name=name or str(row["name"]),
        department=str(row.get("department") or ""),
        received=int(cases["received"]),
        completed=int(cases["completed"]),
        on_time_rate=cases["on_time_rate"],
        overdue=int(cases["overdue"]),
        complaints=int(complaints["received"]),
        complaints_closed=int(complaints["closed"]),
        complaints_overdue=int(complaints["overdue"]),
        dissatisfied=int(complaints["dissatisfied"]),
        bad_ratings=int(ratings["bad"]),
        followed_up=int(ratings["followed_up"]),
        follow_up_overdue=int(ratings["follow_up_overdue"]),
        red_cards=int(cards["red"]),
        yellow_cards=int(cards["yellow"]),
        model_window=bool(row.get("model_window")),
    )


def bulletin_from_wire(data: Mapping[str, Any], center_name: str = "") -> BulletinDoc:
    """The ``GET /bulletins`` answer as typed lines (``BadResponseError`` when a part is
    missing or of the wrong type)."""
    try:
        return BulletinDoc(
            center_name=center_name or str(data["center_code"]),
            period=str(data["period"]),
            kind=str(data["kind"]),
            start=date.fromisoformat(data["from"]),
            end=date.fromisoformat(data["to"]),
            today=date.fromisoformat(data["today"]),
            departments=tuple(_line(r) for r in data["departments"]),
            windows=tuple(_line(r) for r in data["windows"]),
            total=_line(data["total"], "合计"),
            cards=tuple(
                BulletinCardLine(
                    issued_on=datetime.fromisoformat(c["issued_at"]).date(),
                    colour=str(c["colour"]),
                    target=f"{c['target_code']} {c['target_name']}",
                    reason=str(c["reason"]),
                )
                for c in data["cards"]
            ),
            models=tuple(
                BulletinModelLine(
                    month=str(m["month"]),
                    window=f"{m['window_code']} {m['name']}",
                    department=str(m["department"]),
                    reason=str(m["reason"]),
                )
                for m in data["model_windows"]
            ),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise BadResponseError(f"/bulletins answer without a readable {exc}") from None


def write_bulletin_pdf(
    doc: BulletinDoc, path: Path | str, *, config_dir: Path | None = None
) -> Path:
    """The bulletin as an A4 PDF at ``path`` (the center's name and the template from the
    desk's documents folders, as every document's).

    Raises:
        NoCjkFontError, TemplateError, DocumentWriteError: no PDF was written.
    """
    texts = DocumentTexts.load(template_dirs(config_dir))
    rendered = build_bulletin(doc, texts)
    return write_pdf(rendered.html, path, page=rendered.page, title=rendered.title)


def _sheet_rows(lines: tuple[BulletinLine, ...] | list[BulletinLine], windows: bool) -> list:
    head = ["代码", "名称", *(["部门", "样板窗口"] if windows else []), *(h for h, _ in COLUMNS)]
    rows: list[list[Any]] = [head]
    for line in lines:
        extra = [line.department, "是" if line.model_window else ""] if windows else []
        rows.append([line.code, line.name, *extra, *(getattr(line, key) for _, key in COLUMNS)])
    return rows


def write_bulletin_xlsx(doc: BulletinDoc, path: Path | str) -> Path:
    """The bulletin as an XLSX: sheets 部门 (with the total), 窗口, 红黄牌, 样板窗口; counts
    and the on-time rate as numbers (the rate formatted as a percentage); no cell is a
    formula."""
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]

    book = Workbook()
    sheets = [
        ("部门", _sheet_rows([*doc.departments, doc.total], windows=False)),
        ("窗口", _sheet_rows(list(doc.windows), windows=True)),
        (
            "红黄牌",
            [["日期", "类别", "对象", "事由"]]
            + [
                [c.issued_on, "红牌" if c.colour == "red" else "黄牌", c.target, c.reason]
                for c in doc.cards
            ],
        ),
        (
            "样板窗口",
            [["月份", "窗口", "部门", "事迹"]]
            + [[m.month, m.window, m.department, m.reason] for m in doc.models],
        ),
    ]
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append([f"{doc.title} {doc.period_text}"])
        sheet.cell(row=1, column=1).font = Font(bold=True)
        for index, row in enumerate(rows):
            sheet.append(safe_row(row))
            for cell in sheet[sheet.max_row]:
                if index == 0:
                    cell.font = Font(bold=True)
                elif isinstance(cell.value, float):
                    cell.number_format = "0.0%"
                elif isinstance(cell.value, date):
                    cell.number_format = "yyyy-mm-dd"
    target = Path(path)
    book.save(target)
    return target
