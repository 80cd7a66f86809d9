"""The supervisor's screen (issue 19) against the real records service, each of its tabs
with a complaint, a card, a model window and a 12345 work order listed: every control has
an accessible name and every text meets 4.5:1 (the red of an overdue complaint too), in
Chinese and English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from clerk_app.app import supervision
from clerk_app.app.session import sign_in
from clerk_app.gui.app import Desk
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.supervision import SupervisionScreen
from tests.helpers.hotline_client import enrol_hotline
from tests.helpers.service import DEMO_PASSWORD

from .walk import problems


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_supervisors_screen_names_every_control(
    qtbot, shared_records_service, make_context, qm_dir, language
) -> None:
    install_translations(language, qm_dir)
    context = make_context(shared_records_service.base_url, home=f"supervisor-{language}")
    session = sign_in(context, "demo-supervisor", DEMO_PASSWORD)
    new = supervision.NewComplaint(
        "phone", True, "", "13900139000", "window", "W01", "delay", "Waited past the promise."
    )
    taken = supervision.take_complaint(context, session, new)
    supervision.issue_card(
        context, session, colour="yellow", target_kind="window", target_code="W01",
        reason="Complaint about delay", complaints=taken.no,
    )  # fmt: skip
    hotline = enrol_hotline(shared_records_service)
    hotline.dispatch(f"RX-A11Y-{language}", "help", sign_within=(1, "hours"))
    desk = Desk(context)
    screen = desk.open_desk(session)
    assert isinstance(screen, SupervisionScreen)
    qtbot.addWidget(screen)
    qtbot.waitExposed(screen)
    qtbot.waitUntil(lambda: not screen.working(), timeout=15_000)  # the lists loaded
    try:
        assert screen.table.rowCount() >= 1 and screen.cards.card_table.rowCount() >= 1
        qtbot.waitUntil(
            lambda: f"RX-A11Y-{language}" in [o.no for o in screen.hotline.items], timeout=10_000
        )
        found = problems(screen, "supervision")
        assert not found, "\n".join(found)
    finally:
        desk.shutdown()
        QCoreApplication.processEvents()
        screen.close()
