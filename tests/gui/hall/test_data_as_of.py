""" "数据截至" (issue 20, reads off the primary): the hall's board, the lead's figures and the
progress lookup say, to the second, what moment the center's data are as of, and say
plainly when the service's read replica is behind (the service's ``behind_seconds``)."""

from __future__ import annotations

import re
from datetime import datetime

import requests
from PySide6.QtCore import Qt

from clerk_app.core.clock import CENTER_TZ
from clerk_app.gui.dashboard.widgets import FRESH_STYLE, STALE_STYLE, Freshness
from clerk_app.gui.hall import BoardSnapshot, HallScreen
from clerk_app.gui.lookup import LookupDialog
from clerk_app.remote.wire import board_from_wire, progress_from_wire
from tests.helpers.hall_service_data import TIMEOUT, auth, token_for
from tests.helpers.service_api import case_body

AS_OF = "2026-11-28T10:59:15+08:00"
BOARD = {"as_of": AS_OF, "items": [], "today": {"received": 0, "completed": 0}}


def _hall(qtbot, clock, answer: dict) -> HallScreen:
    board = board_from_wire(answer)
    screen = HallScreen(lambda: board, clock=clock, center_name="示例中心", rows_per_page=8)
    qtbot.addWidget(screen)
    screen.show_board(BoardSnapshot.from_board(board))
    return screen


def test_the_hall_says_how_old_its_data_are_and_when_the_replica_lags(
    qtbot, language, clock
) -> None:
    language("zh_CN")
    current = _hall(qtbot, clock, BOARD)
    assert current.as_of_label.text() == "数据截至 10:59:15"
    behind = _hall(qtbot, clock, {**BOARD, "behind_seconds": 45})
    assert behind.as_of_label.text() == "⚠ 数据截至 10:59:15 · 比最新数据晚 45 秒"
    assert "font-weight: bold" in behind.as_of_label.styleSheet()
    language("en")
    qtbot.waitUntil(lambda: behind.as_of_label.text().startswith("⚠ Data"))
    assert behind.as_of_label.text() == "⚠ Data as of 10:59:15 · 45 s behind the latest"


def test_the_lead_s_figures_are_as_of_the_service_s_answer(qtbot, language) -> None:
    language("zh_CN")
    label = Freshness()
    qtbot.addWidget(label)
    fetched = datetime(2026, 11, 28, 11, 0, tzinfo=CENTER_TZ)
    label.fresh_as_of({"items": [], "as_of": AS_OF}, fetched)
    assert label.text() == "数据截至 10:59:15"
    assert label.styleSheet() == FRESH_STYLE
    label.fresh_as_of({"items": [], "as_of": AS_OF, "behind_seconds": 45}, fetched)
    assert label.text() == "数据截至 10:59:15 · 比最新数据晚 45 秒"
    assert label.styleSheet() == STALE_STYLE
    label.fresh_as_of({"items": []}, fetched)  # a service from before issue 20
    assert label.text() == "数据截至 11:00"


def test_the_progress_lookup_says_when_the_center_s_answer_is_as_of(
    qtbot, language, records_service, make_context
) -> None:
    language("zh_CN")
    clerk = token_for(records_service, "demo-clerk")
    body = case_body()
    created = requests.post(
        records_service.url("/cases"),
        json=body,
        headers={**auth(clerk), "Idempotency-Key": body["id"]},
        timeout=TIMEOUT,
    )
    assert created.status_code == 201, created.text
    dialog = LookupDialog(make_context(records_service.base_url))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.case_edit, body["case_no"])
    qtbot.keyClicks(dialog.code_edit, body["query_code"])
    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=15_000)
    assert re.fullmatch(r"中心记录如下（数据截至 \d\d:\d\d:\d\d）：", dialog.message.text())
    answered = requests.get(
        records_service.url(f"/progress/{body['case_no']}"),
        params={"code": body["query_code"]},
        timeout=TIMEOUT,
    ).json()
    # The same answer from a replica 45 s behind (what the service says then).
    dialog._answered(progress_from_wire({**answered, "behind_seconds": 45}))
    when = datetime.fromisoformat(answered["as_of"]).astimezone(CENTER_TZ)
    assert dialog.message.text() == (
        f"中心记录如下（数据截至 {when:%H:%M:%S}，比最新数据晚 45 秒）："
    )
