"""A joint case on the hall's big screen (issue 16): one row with its package and current
stage, not a row per part, its hall word following its parts; a single case beside it as
before. A real records service; the screen in Chinese."""

from __future__ import annotations

import uuid

import requests

from clerk_app.app.session import sign_in
from clerk_app.gui.hall import open_hall_screen
from tests.helpers.hall_service_data import TIMEOUT, auth, service_now, take_in, token_for
from tests.helpers.joint_api import OPENING, joint_body, post_joint
from tests.helpers.service import DEMO_PASSWORD


def test_a_joint_case_is_one_row_with_its_stage_and_its_parts_hall_word(
    qtbot, records_service, make_context, language, screenshots
):
    language("zh_CN")
    display = token_for(records_service, "demo-display", window_code=None)
    now = service_now(records_service, display)
    single = take_in(
        records_service, token_for(records_service, "demo-clerk"), now, 1, "王五", "在办"
    )
    w03 = token_for(records_service, "demo-clerk-w03", window_code="W03")
    body = joint_body(OPENING, window="W03", clerk="demo-clerk-w03")
    body["received_at"] = now.replace(microsecond=0).isoformat()
    for part in body["parts"]:
        part["first_event"]["at"] = body["received_at"]
    answer = post_joint(records_service, w03, body)
    assert answer.status_code == 201, answer.text
    parts = answer.json()["joint_case"]["parts"]

    context = make_context(records_service.base_url)
    screen = open_hall_screen(context, sign_in(context, "demo-display", DEMO_PASSWORD), show=False)
    qtbot.addWidget(screen)
    screen.resize(1920, 1080)
    screen.show()
    with qtbot.waitSignal(screen.refreshed, timeout=30_000):
        screen.refresh()
    screen.stop()
    rows = screen.shown_rows()
    assert len(rows) == 2  # the single case and the joint case; no row per part
    joint_row = next(r for r in rows if r[0] == "W03")
    assert joint_row[1:4] == (
        "衡水示例置业有限公司",
        "企业开办“一件事” · 当前阶段：企业开办",
        "受理",
    )
    assert next(r for r in rows if r[0] == "W01")[2:4] == (single.item_name, "在办")
    assert not any(p["case_no"] in str(rows) for p in parts)
    screen.grab().save(str(screenshots / "hall-screen-joint-row.png"))

    # One department starts its part: the joint row says 在办; every part done: 办结, and
    # no stage beside the package any more.
    def event(case_no: str, kind: str) -> None:
        key = str(uuid.uuid4())
        sent = requests.post(
            records_service.url(f"/cases/{case_no}/events"),
            json={"id": key, "type": kind, "at": body["received_at"], "note": "办理"},
            headers={**auth(w03), "Idempotency-Key": key},
            timeout=TIMEOUT,
        )
        assert sent.status_code == 201, sent.text

    event(parts[0]["case_no"], "start")
    with qtbot.waitSignal(screen.refreshed, timeout=30_000):
        screen.refresh()
    assert next(r for r in screen.shown_rows() if r[0] == "W03")[3] == "在办"
    for part in parts:
        event(part["case_no"], "complete_approved")
    with qtbot.waitSignal(screen.refreshed, timeout=30_000):
        screen.refresh()
    done = next(r for r in screen.shown_rows() if r[0] == "W03")
    assert done[2:4] == ("企业开办“一件事”", "办结")
    # Today's totals count the joint case once, not its five parts.
    assert (screen.snapshot.received, screen.snapshot.completed) == (2, 1)
