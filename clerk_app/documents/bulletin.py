"""The supervision bulletin (通报, issue 19) of a week or a month: data → HTML →
RenderedDocument (kind ``bulletin``, A4, template ``bulletin.html``).

The figures come from the records service (``GET /bulletins``, turned into
:class:`BulletinDoc` by ``clerk_app.app.bulletins``); this module only lays them out. The
columns (:data:`COLUMNS`) are shared with the XLSX export so both say the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from clerk_app.documents.kinds import RenderedDocument
from clerk_app.documents.render import _e, _fill, format_date_zh
from clerk_app.documents.texts import DocumentTexts

TEMPLATE = "bulletin.html"
KIND = "bulletin"


@dataclass(frozen=True)
class BulletinLine:
    """One department's or window's (or the total's) line."""

    code: str
    name: str
    department: str
    received: int
    completed: int
    on_time_rate: float | None
    overdue: int
    complaints: int
    complaints_closed: int
    complaints_overdue: int
    dissatisfied: int
    bad_ratings: int
    followed_up: int
    follow_up_overdue: int
    red_cards: int
    yellow_cards: int
    model_window: bool = False


@dataclass(frozen=True)
class BulletinCardLine:
    issued_on: date
    colour: str  # red | yellow
    target: str
    reason: str


@dataclass(frozen=True)
class BulletinModelLine:
    month: str
    window: str
    department: str
    reason: str


@dataclass(frozen=True)
class BulletinDoc:
    center_name: str
    period: str
    kind: str  # week | month
    start: date
    end: date
    today: date
    departments: Sequence[BulletinLine]
    windows: Sequence[BulletinLine]
    total: BulletinLine
    cards: Sequence[BulletinCardLine]
    models: Sequence[BulletinModelLine]

    @property
    def title(self) -> str:
        return "政务服务周通报" if self.kind == "week" else "政务服务月通报"

    @property
    def period_text(self) -> str:
        """``2026年11月`` or ``2026年第48周（11月23日—11月29日）``."""
        if self.kind == "month":
            return f"{self.start.year}年{self.start.month}月"
        year, week, _ = self.start.isocalendar()
        return (
            f"{year}年第{week}周（{self.start.month}月{self.start.day}日—"
            f"{self.end.month}月{self.end.day}日）"
        )


def percent(rate: float | None) -> str:
    """``0.9312`` → ``93.1%``; no rate → ``—``."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


#: (header, value of a line) of the figures' columns, in order (PDF and XLSX).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("受理", "received"),
    ("办结", "completed"),
    ("按时办结率", "on_time_rate"),
    ("超期", "overdue"),
    ("投诉", "complaints"),
    ("投诉已办结", "complaints_closed"),
    ("投诉超期", "complaints_overdue"),
    ("回访不满意", "dissatisfied"),
    ("差评", "bad_ratings"),
    ("差评已回访", "followed_up"),
    ("回访超期", "follow_up_overdue"),
    ("红牌", "red_cards"),
    ("黄牌", "yellow_cards"),
)


def _head() -> str:
    cells = "".join(f'<th width="6%">{_e(h)}</th>' for h, _ in COLUMNS)
    return f'  <tr><th width="22%" align="left">名称</th>{cells}</tr>'


def _cell(line: BulletinLine, key: str) -> str:
    value = getattr(line, key)
    return percent(value) if key == "on_time_rate" else str(value)


def _line(line: BulletinLine, *, bold: bool = False, window: bool = False) -> str:
    name = _e(line.name)
    if window:
        name = f"{_e(line.code)} {name}<br/><span>{_e(line.department)}</span>"
        if line.model_window:
            name += "（样板窗口）"
    cells = "".join(
        f'<td align="right" style="white-space: nowrap;">{_e(_cell(line, key))}</td>'
        for _, key in COLUMNS
    )
    row = f"  <tr><td>{name}</td>{cells}</tr>"
    return row.replace("<td", "<td style='font-weight: bold;'") if bold else row


def _none(colspan: int) -> str:
    return f'  <tr><td colspan="{colspan}" align="center">无</td></tr>'


def render_html(doc: BulletinDoc, texts: DocumentTexts) -> str:
    departments = "\n".join(_line(d) for d in doc.departments) or _none(len(COLUMNS) + 1)
    windows = "\n".join(_line(w, window=True) for w in doc.windows) or _none(len(COLUMNS) + 1)
    cards = "\n".join(
        f'  <tr><td align="center">{_e(format_date_zh(c.issued_on))}</td>'
        f'<td align="center">{"红牌" if c.colour == "red" else "黄牌"}</td>'
        f"<td>{_e(c.target)}</td><td>{_e(c.reason)}</td></tr>"
        for c in doc.cards
    )
    models = "\n".join(
        f'  <tr><td align="center">{_e(m.month)}</td><td>{_e(m.window)}</td>'
        f"<td>{_e(m.department)}</td><td>{_e(m.reason)}</td></tr>"
        for m in doc.models
    )
    values = {
        "center_name": _e(texts.center.name or doc.center_name),
        "title": _e(doc.title),
        "period_text": _e(doc.period_text),
        "today": _e(format_date_zh(doc.today)),
        "head_row": _head(),
        "department_rows": departments,
        "total_row": _line(doc.total, bold=True),
        "window_rows": windows,
        "card_rows": cards or _none(4),
        "model_rows": models or _none(4),
    }
    return _fill(texts.template(TEMPLATE), values, TEMPLATE)


def build_bulletin(doc: BulletinDoc, texts: DocumentTexts) -> RenderedDocument:
    """The bulletin as an A4 document."""
    return RenderedDocument(
        kind=KIND, title=f"{doc.title} {doc.period}", html=render_html(doc, texts)
    )
