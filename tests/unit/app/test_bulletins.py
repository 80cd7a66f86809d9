"""The bulletin's wire answer as typed lines (``clerk_app.app.bulletins``); the figures
themselves and the PDF/XLSX against a real service: tests/service/test_bulletins.py."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_app.app.bulletins import bulletin_from_wire
from clerk_app.remote.api import BadResponseError


def _row(group: str, name: str) -> dict:
    return {
        "group": group,
        "name": name,
        "cases": {"received": 3, "completed": 2, "on_time_rate": 0.5, "overdue": 1},
        "complaints": {"received": 1, "closed": 0, "overdue": 1, "dissatisfied": 0},
        "ratings": {"bad": 2, "followed_up": 1, "follow_up_overdue": 1},
        "cards": {"red": 1, "yellow": 0},
    }


def _answer() -> dict:
    return {
        "period": "2026-W49",
        "kind": "week",
        "from": "2026-11-30",
        "to": "2026-12-06",
        "today": "2026-12-04",
        "center_code": "HS",
        "departments": [_row("GA", "市公安局")],
        "windows": [{**_row("W01", "户政业务窗口"), "department": "市公安局"}],
        "total": _row("total", "total"),
        "cards": [
            {
                "colour": "red",
                "target_kind": "window",
                "target_code": "W01",
                "target_name": "户政业务窗口",
                "reason": "超期",
                "issued_at": "2026-12-01T10:00:00+08:00",
            }
        ],
        "model_windows": [],
    }


def test_a_weeks_bulletin_reads_as_lines_with_its_period_in_words() -> None:
    doc = bulletin_from_wire(_answer(), "衡水市政务服务中心")
    assert doc.period_text == "2026年第49周（11月30日—12月6日）"
    assert doc.title == "政务服务周通报"
    assert doc.total.name == "合计"
    window = doc.windows[0]
    assert (window.code, window.department, window.overdue, window.red_cards) == (
        "W01", "市公安局", 1, 1,
    )  # fmt: skip
    assert doc.cards[0].issued_on == date(2026, 12, 1)
    assert doc.cards[0].target == "W01 户政业务窗口"


@pytest.mark.parametrize("broken", ["total", "windows", "from"])
def test_an_answer_missing_a_part_is_a_bad_response(broken: str) -> None:
    answer = _answer()
    del answer[broken]
    with pytest.raises(BadResponseError, match=broken):
        bulletin_from_wire(answer)
