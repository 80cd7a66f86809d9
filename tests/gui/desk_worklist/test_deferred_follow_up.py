"""容缺 follow-up at the window (issue 15), keyboard only, against the real records service
and a real SQLite file: the worklist flags the cases whose promised material is due (a colour
and a word), the case detail records "material supplied" (a receipt) or "material not
supplied" (the case ends, with a notice carrying the review and litigation rights), and the
hall's board and the applicant's progress query leave 待办."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from clerk_app.gui.worklist import MATERIAL_DUE_ROLE, VIOLET, WorklistPane
from tests.helpers.case_detail import act, choose, notice_text, offered, open_detail
from tests.helpers.printing import clerk_session
from tests.helpers.service_api import token_for
from tests.helpers.store import T0, add_case, make_payload
from tests.helpers.worklist import desk_context

M5 = ("合法稳定住所证明", "纸质原件1份")


def deferred_payload(seq: int, supply_by: date) -> dict:
    """A DEMO-GA-006 case accepted under 容缺: M5 (stable residence proof) to follow."""
    materials = [
        {"code": f"M{n}", "received": n != 5, "deferred": n == 5, "copies": 1} for n in range(1, 6)
    ]
    payload = make_payload(
        seq, item_code="DEMO-GA-006", disposition="deferred_materials", materials=materials
    )
    payload["first_event"].update(
        type="accept_deferred",
        data={
            "fee_state": "unpaid",
            "deferred": [{"code": "M5", "name": M5[0], "requirement": M5[1]}],
            "supply_by": supply_by.isoformat(),
        },
    )
    return payload


def hall_words(desk, display_token: str, cases: dict) -> dict:
    """Each case's word on the hall's board and in the applicant's progress query."""
    board = {e["case_no"]: e["hall_group"] for e in desk.api.board(display_token)["items"]}
    return {
        name: (
            board.get(p["case_no"]),
            desk.api.progress(p["case_no"], p["query_code"])["hall_group"],
        )
        for name, p in cases.items()
    }


def test_deferred_cases_are_flagged_followed_up_and_leave_waiting(qtbot, desk, writer, tmp_path):
    today = T0.date()
    cases = {
        "due": deferred_payload(1, today),
        "late": deferred_payload(2, today - timedelta(days=1)),
        "later": deferred_payload(3, today + timedelta(days=3)),
    }
    for payload in cases.values():
        add_case(desk.store, payload)
    assert desk.engine.push_once().sent == 3
    display = token_for(desk.service, "demo-display", window_code=None)
    # the case detail offers both follow-ups while the material is awaited
    context = desk_context(desk.store, desk.clock, tmp_path)
    detail = open_detail(qtbot, context, cases["later"]["case_no"], writer)
    assert {"deferred_supplied", "deferred_lapsed"} <= offered(detail)
    assert (
        "by " + cases["later"]["first_event"]["data"]["supply_by"]
        in detail.events.item(0, 1).text()
    )
    detail.close()
    assert hall_words(desk, display, cases) == {n: ("待办", "待办") for n in cases}

    # The worklist: a violet status cell AND a word for the two whose material is due.
    pane = WorklistPane(context, clerk_session(), context.calendar, writer)
    qtbot.addWidget(pane)
    pane.resize(1200, 500)
    pane.show()
    model = pane.model
    status = model.COLUMNS.index("status")
    shown = {}
    for row in range(model.rowCount()):
        index = model.index(row, status)
        case_no = model.row_at(row).case_no
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        shown[case_no] = (
            index.data(),
            index.data(MATERIAL_DUE_ROLE),
            background.color().name() if background is not None else None,
        )
    violet = VIOLET.name()
    assert shown[cases["due"]["case_no"]] == ("Accepted · material due", "today", violet)
    assert shown[cases["late"]["case_no"]] == ("Accepted · material overdue", "overdue", violet)
    assert shown[cases["later"]["case_no"]] == ("Accepted", None, None)
    tips = [model.index(r, status).data(Qt.ItemDataRole.ToolTipRole) for r in range(3)]
    assert sum("promised by" in t for t in tips) == 2

    # A case that never waited for a material is offered neither follow-up.
    plain = make_payload(4)
    add_case(desk.store, plain)
    detail = open_detail(qtbot, context, plain["case_no"], writer)
    assert not offered(detail) & {"deferred_supplied", "deferred_lapsed"}
    detail.close()

    # The material comes: recorded from the case detail, a receipt lists it.
    detail = open_detail(qtbot, context, cases["due"]["case_no"], writer)
    act(qtbot, detail, "deferred_supplied", "Residence proof brought")
    receipt = detail.last_outcome.notice
    assert receipt is not None, detail.action_message.text()
    text = notice_text(receipt)
    assert "容缺材料补齐回执" in text and M5[0] in text and "本件继续办理" in text
    assert detail.last_outcome.status == "accepted"
    assert not offered(detail) & {"deferred_supplied", "deferred_lapsed"}  # nothing awaited
    detail.close()

    # The other never comes: the case ends, with the notice and the rights of review.
    detail = open_detail(qtbot, context, cases["late"]["case_no"], writer)
    choose(qtbot, detail.action_box, "deferred_lapsed")
    qtbot.keyClick(detail.opinion, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "needs a reason" in detail.action_message.text()
    act(qtbot, detail, "deferred_lapsed", "Not brought by the promised day")
    notice = detail.last_outcome.notice
    assert notice is not None, detail.action_message.text()
    text = notice_text(notice)
    assert "容缺受理终止通知书" in text and M5[0] in text
    assert "不予批准" in text and "行政复议" in text and "行政诉讼" in text
    assert detail.last_outcome.status == "completed_rejected"
    detail.close()
    kinds = {d["kind"] for d in desk.store.db.query("SELECT kind FROM documents")}
    assert {"supplied", "lapsed"} <= kinds

    # The worklist no longer flags them; the center shows each where it now is.
    pane.refresh()
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    flagged = [model.row_at(r).case_no for r in range(4) if model.row_at(r).material_due]
    assert flagged == []
    for _ in range(10):
        if not desk.store.outbox_counts()["pending"]:
            break
        desk.engine.push_once()
    assert desk.store.outbox_counts() == {"pending": 0, "rejected": 0}
    assert hall_words(desk, display, cases) == {
        "due": ("受理", "受理"),
        "late": ("办结", "办结"),
        "later": ("待办", "待办"),
    }
    remote = desk.api.get_case(desk.login.access_token, cases["due"]["case_no"])
    events = [e["type"] for e in remote["events"]]
    assert events == ["accept_deferred", "deferred_supplied"]
