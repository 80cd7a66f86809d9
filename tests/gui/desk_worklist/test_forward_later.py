"""上报 after intake (issue 20), against the real records service with a city (HS) and a
county (JZ) below it: a 承诺件 the county took in turns out to need the city.

A later ``forward`` event carries no intake decision (no ``fee_state``): a county desk that
pulls one (made at another desk of the window) reads it typed, with the center it went to.
The county clerk forwards a case from the case detail by keyboard alone: the action names
the center above, asks once more (Esc goes back, nothing written; Alt+F forwards), goes
through the outbox, and the city's case shows in the detail after the push."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest
import requests
from PySide6.QtCore import Qt, QTimer

from clerk_app.app.context import build_context, demo_provisioning
from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.app.take_in import save_intake
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.core.event_data import DecisionData, ForwardData
from clerk_app.core.lifecycle import EventType, Status
from clerk_app.gui.case_detail import CaseDetail
from clerk_app.gui.i18n import install_translations
from clerk_app.remote.link import LinkKeeper
from clerk_app.store.sync_state import SyncStateStore
from tests.helpers.case_detail import choose, offered, open_detail
from tests.helpers.centers import add_centers
from tests.helpers.offline import DEMO_PROVISIONING, window_paths
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import TIMEOUT, auth, token_for
from tests.helpers.workload import demo_item, draft_for

CITY = "衡水市政务服务中心（示例）"


@pytest.fixture
def county(service_factory, tmp_path) -> Any:
    """A county window's desk (JZ01 of JZ, parent HS) signed in, with a 承诺件 taken in
    and sent to the service."""
    clock = FixedClock(datetime.now(CENTER_TZ).replace(microsecond=0))
    service = service_factory()
    add_centers(service.database_url)
    prov = demo_provisioning(DEMO_PROVISIONING, service.base_url)._replace(
        center_code="JZ",
        center_name="冀州区政务服务中心",
        window_code="JZ01",
        center_parent="HS",
        center_parent_name=CITY,
    )
    ctx = build_context(prov, window_paths(tmp_path / "jz01"), clock=clock)
    try:
        session = sign_in(ctx, "jz-clerk", DEMO_PASSWORD)
        catalog, item = demo_item()
        case = save_intake(
            ctx, draft_for(item, 1), item, clerk="jz-clerk", catalog_version=catalog.version
        )
        assert case.status is Status.ACCEPTED  # 承诺件: accepted, a due date
        assert sync_engine(ctx, session).push_once().waiting == 0
        yield service, ctx, session, case.case_no
    finally:
        ctx.close()


def _pull(ctx) -> int:
    link = LinkKeeper(
        ctx.backend.store,
        SyncStateStore(ctx.backend.store.db, ctx.clock),
        ctx.backend.api,
        ctx.clock,
        device_id=ctx.device_id,
        client_version="0.1.0",
    )
    ctx.clock.set(ctx.clock.now() + timedelta(minutes=1))
    return link.pull_changes(ctx.backend.tokens.get_device_token("JZ01", ctx.device_id))


def test_a_later_forward_pulled_from_the_center_is_read_with_its_center(
    qtbot, county, writer
) -> None:
    service, ctx, session, case_no = county
    token = token_for(service, "jz-clerk", window_code="JZ01")
    key = str(uuid.uuid4())
    data = {"authority": CITY, "reason": "属市级审批权限", "expected_by": None, "center": "HS"}
    sent = requests.post(  # another desk of the window forwards it: no fee_state in data
        service.url(f"/cases/{case_no}/events"),
        json={"id": key, "type": "forward", "at": _later(ctx), "note": "", "data": data},
        headers={**auth(token), "Idempotency-Key": key},
        timeout=TIMEOUT,
    )
    assert sent.status_code == 201, sent.text
    assert _pull(ctx) >= 1

    case = ctx.backend.store.get_case(case_no)  # read back from the desk's own database
    assert case.status is Status.FORWARDED
    assert case.first_event.data == DecisionData()  # the intake decision kept as it was
    forward = case.last_event(EventType.FORWARD)
    assert forward.data == ForwardData(authority=CITY, reason="属市级审批权限", center="HS")
    city_no = "HS" + case_no.removeprefix("JZ")
    detail = CaseDetail(ctx, session, case_no, writer)
    qtbot.addWidget(detail)
    assert detail.forwarded_value.text() == f"Case {city_no} at center HS: Received"
    history = [detail.events.item(r, 1).text() for r in range(detail.events.rowCount())]
    assert history[-1] == "Forwarded（to center HS）"


def test_a_promised_case_is_forwarded_to_the_city_from_the_case_detail_by_keyboard(
    qtbot, county, writer, qm_dir
) -> None:
    service, ctx, session, case_no = county
    detail = open_detail(qtbot, ctx, case_no, writer, session)
    choose(qtbot, detail.action_box, "forward")
    assert detail.action_box.currentText() == "Forward to the center above"
    assert detail.extra.currentWidget() is detail.forward_page
    assert detail.forward_page.target.text() == f"{CITY} (HS)"

    detail.opinion.setFocus()
    qtbot.keyClick(detail.opinion, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert detail.action_message.text() == (
        "Write the reason for forwarding the case under Opinion."
    )
    detail.opinion.insertPlainText("属市级审批权限")  # as an input method commits it
    asked = _answer(qtbot, detail, Qt.Key.Key_Escape)  # the default: go back
    qtbot.keyClick(detail.opinion, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked == [f"Forward case {case_no} to {CITY} (HS)? It is handled there from then on."]
    assert detail.action_message.text() == "Not forwarded."
    assert ctx.backend.store.get_case(case_no).status is Status.ACCEPTED

    _answer(qtbot, detail, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(detail.opinion, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: detail.case.status is Status.FORWARDED, timeout=15_000)
    assert detail.action_message.text() == "Recorded: Forwarded. Status now: Forwarded."
    assert detail.forwarded_value.text() == (
        "Forwarded to center HS; its case number shows after the next sync"
    )
    assert "forward" not in offered(detail)

    # Through the outbox like every action: the center makes the city's case.
    assert sync_engine(ctx, session).push_once().waiting == 0
    city_no = "HS" + case_no.removeprefix("JZ")
    detail.reload()
    assert detail.forwarded_value.text() == f"Case {city_no} at center HS: Received"
    city = token_for(service, "demo-clerk", window_code="W01")
    upper = requests.get(service.url(f"/cases/{city_no}"), headers=auth(city), timeout=TIMEOUT)
    assert upper.status_code == 200, upper.text
    assert upper.json()["case"]["status"] == "received"
    assert upper.json()["case"]["forwarded_from"]["case_no"] == case_no
    install_translations("zh_CN", qm_dir)
    try:
        detail.reload()
        assert detail.forwarded_caption.text() == "上级中心："
        assert detail.forwarded_value.text() == f"上级中心 HS 案件 {city_no}：已收件"
        assert detail.events.item(1, 1).text() == "已上报（至上级中心 HS）"
    finally:
        install_translations("en", qm_dir)


def _answer(qtbot, detail, key, modifier=Qt.KeyboardModifier.NoModifier) -> list[str]:
    """Press ``key`` in the question before a forward once it shows; returns what it asked."""
    asked: list[str] = []

    def press() -> None:
        box = detail.forward_box
        if box is None or not box.isVisible():  # not asked yet: look again
            QTimer.singleShot(10, press)
            return
        asked.append(box.text())
        box.activateWindow()  # its mnemonics need it active, as on a screen
        qtbot.waitUntil(box.isActiveWindow, timeout=2000)
        qtbot.keyClick(box, key, modifier)

    QTimer.singleShot(0, press)
    return asked


def _later(ctx) -> str:
    return (ctx.clock.now() + timedelta(minutes=1)).isoformat()
