"""上报 between levels at the desk (issue 20), against the real records service with a city
(HS) and a county (JZ) below it: the county window's intake form offers its center above
first among the authorities (provisioning ``[center] parent``), the case forwarded to it
carries ``data.center`` and makes the city's case; after the city finishes it and the
county desk pulls, the case detail shows the city's case number, status and 办结 date, in
Chinese and in English, and the county case itself reads 办结."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest
import requests

from clerk_app.app.context import build_context, demo_provisioning
from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.app.take_in import save_intake
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.core.lifecycle import Status
from clerk_app.gui.case_detail import CaseDetail
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.intake_form import IntakeForm
from clerk_app.remote.link import LinkKeeper
from clerk_app.store.sync_state import SyncStateStore
from tests.helpers.centers import add_centers
from tests.helpers.gui import type_text
from tests.helpers.offline import DEMO_PROVISIONING, window_paths
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import TIMEOUT, auth, token_for
from tests.helpers.workload import demo_item

CITY = "衡水市政务服务中心（示例）"


@pytest.fixture
def county(service_factory, tmp_path, clock) -> Any:
    """A county window's desk (JZ01 of JZ, parent HS) signed in at a province service."""
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
        yield service, ctx, session
    finally:
        ctx.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime.now(CENTER_TZ).replace(microsecond=0))


def _forwarded_draft(qtbot, ctx) -> Any:
    """The intake form, as the county window fills it: 上报 to the center above."""
    catalog, item = demo_item()
    form = IntakeForm(ctx.clock, ctx.calendar)
    qtbot.addWidget(form)
    form.decision.set_upper_center(ctx.provisioning.center_parent, CITY)
    form.show()
    form.set_item(item)
    type_text(qtbot, form.ui.personNameEdit, "张三")
    form.ui.personIdEdit.setFocus()
    qtbot.keyClicks(form.ui.personIdEdit, "11010519491231002X")
    qtbot.keyClicks(form.ui.personMobileEdit, "13800138000")
    form.tick_all()
    assert form.decision.set_disposition("forwarded")
    combo = form.decision.authority_combo
    assert combo.itemText(0) == f"Center above: {CITY} (HS)"
    assert combo.currentIndex() == 0 and form.decision.forward_center() == "HS"
    combo.setCurrentIndex(1)  # an authority outside the service: no center
    assert form.decision.forward_center() == ""
    combo.setCurrentIndex(0)
    type_text(qtbot, form.decision.forward_reason_edit, "属市级审批权限")
    draft = form.draft()
    assert draft.forward_center == "HS"
    return draft, item, catalog


def test_a_case_forwarded_to_the_city_shows_the_citys_progress(
    qtbot, county, writer, qm_dir
) -> None:
    service, ctx, session = county
    draft, item, catalog = _forwarded_draft(qtbot, ctx)
    case = save_intake(ctx, draft, item, clerk="jz-clerk", catalog_version=catalog.version)
    assert case.status is Status.FORWARDED
    city_no = "HS" + case.case_no.removeprefix("JZ")
    detail = CaseDetail(ctx, session, case.case_no, writer)
    qtbot.addWidget(detail)
    # Not sent yet: where it went, and that the city's number comes with the next sync.
    assert detail.forwarded_value.text() == (
        "Forwarded to center HS; its case number shows after the next sync"
    )
    detail.close()
    engine = sync_engine(ctx, session)
    assert engine.push_once().waiting == 0
    # The center's answer to the push names the city's case.
    detail = CaseDetail(ctx, session, case.case_no, writer)
    qtbot.addWidget(detail)
    assert detail.forwarded_value.text() == f"Case {city_no} at center HS: Received"
    detail.close()

    city = token_for(service, "demo-clerk", window_code="W01")
    for kind in ("accept", "complete_approved"):
        done = requests.post(
            service.url(f"/cases/{city_no}/events"),
            json={"id": (key := str(uuid.uuid4())), "type": kind, "at": _now(ctx)},
            headers={**auth(city), "Idempotency-Key": key},
            timeout=TIMEOUT,
        )
        assert done.status_code == 201, done.text
    finished = done.json()["case"]["completed_at"][:10]

    link = LinkKeeper(
        ctx.backend.store,
        SyncStateStore(ctx.backend.store.db, ctx.clock),
        ctx.backend.api,
        ctx.clock,
        device_id=ctx.device_id,
        client_version="0.1.0",
    )
    ctx.clock.set(ctx.clock.now() + timedelta(minutes=1))
    token = ctx.backend.tokens.get_device_token("JZ01", ctx.device_id)
    assert link.pull_changes(token) >= 1

    detail = CaseDetail(ctx, session, case.case_no, writer)
    qtbot.addWidget(detail)
    detail.show()
    assert detail.case.status is Status.COMPLETED_APPROVED  # ended with the city's
    assert detail.forwarded_value.isVisible()
    assert detail.forwarded_value.text() == (
        f"Case {city_no} at center HS: Completed (approved), completed on {finished}"
    )
    install_translations("zh_CN", qm_dir)
    try:
        detail.reload()
        assert detail.forwarded_caption.text() == "上级中心："
        assert detail.forwarded_value.text() == (
            f"上级中心 HS 案件 {city_no}：办结（准予），办结日期 {finished}"
        )
    finally:
        install_translations("en", qm_dir)


def _now(ctx) -> str:
    return ctx.clock.now().isoformat()
