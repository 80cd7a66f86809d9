"""The applicant screen (idle, confirm, rating, thanks), the hall's screens (the board, the
call panel) and the ticket kiosk (both schemes, both text sizes) against the real records
service (issue 18): every control has an accessible name and every text — labels, buttons,
fields and their placeholders, table cells — meets 4.5:1, in Chinese and in English."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from clerk_app.app.session import sign_in
from clerk_app.gui.applicant_screen import ApplicantScreen, DraftSummary
from clerk_app.gui.hall import open_hall_screen
from clerk_app.gui.hall import voice as voice_module
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.kiosk import open_kiosk
from tests.helpers.calling import issue, kiosk_token
from tests.helpers.kiosk import enrolled_kiosk
from tests.helpers.service import DEMO_PASSWORD

from .walk import problems

SUMMARY = DraftSummary(
    item_name="居民身份证首次申领",
    applicant_name="张*",
    id_masked="110105********002X",
    phone_masked="138****8000",
    materials=("户口簿", "近期免冠照片"),
    fee_fen=2000,
)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_page_of_the_applicant_screen_names_its_controls(qtbot, qm_dir, language):
    install_translations(language, qm_dir)
    screen = ApplicantScreen("示例政务服务中心")
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    found = problems(screen, "idle")
    screen.show_draft(SUMMARY)
    assert screen.page() == ApplicantScreen.CONFIRM
    found += problems(screen, "confirm")
    screen.ask_rating("W01-20261130-0001")
    assert screen.page() == ApplicantScreen.RATING
    found += problems(screen, "rating")
    screen.rate(5)
    assert screen.page() == ApplicantScreen.THANKS
    found += problems(screen, "thanks")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_hall_board_and_call_panel_name_their_controls(
    qtbot, records_service, make_context, qm_dir, language, monkeypatch
):
    install_translations(language, qm_dir)
    monkeypatch.setattr(voice_module, "pick_voice", lambda *_a, **_k: None)  # silent here
    service = records_service
    issue(service, kiosk_token(service))
    found: list[str] = []
    for screen_kind in ("board", "calls"):
        context = make_context(service.base_url, home=f"hall-{screen_kind}")
        context.settings.set("hall.screen", screen_kind)
        shown = open_hall_screen(
            context, sign_in(context, "demo-display", DEMO_PASSWORD), show=False
        )
        qtbot.addWidget(shown)
        feed = getattr(shown, "feed", None)  # the call panel's long-poll
        if feed is not None:
            feed.feed.wait = 1.0  # the service answers within a second when nothing comes
        shown.resize(1920, 1080)
        shown.show()
        shown.start()
        qtbot.waitExposed(shown)
        qtbot.waitUntil(lambda s=shown: bool(s.findChildren(QLabel)), timeout=10_000)
        qtbot.wait(300)  # the first answer from the service on screen
        found += problems(shown, screen_kind)
        shown.close()
        if feed is not None:  # the long-poll ends with the panel
            qtbot.waitUntil(lambda f=feed: not f.feed.running, timeout=10_000)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_kiosk_in_both_schemes_and_sizes_names_its_controls(
    qtbot, shared_records_service, make_context, qm_dir, language
):
    """The ticket kiosk, normal and high contrast, normal and large text: every control
    named; labels, buttons, the ID field's text and placeholder at 4.5:1 on its base."""
    install_translations(language, qm_dir)
    context = make_context(shared_records_service.base_url, home=f"kiosk-{language}")
    holder = enrolled_kiosk(shared_records_service, context, label=f"kiosk a11y {language}")
    screen = open_kiosk(context, holder, show=False)
    qtbot.addWidget(screen)
    screen.resize(1280, 900)
    screen.show()
    qtbot.waitExposed(screen)
    with qtbot.waitSignal(screen.categories_shown, timeout=30_000):
        screen.start()
    screen.stop()  # no timers: the walk reads the screen as it is
    found: list[str] = []
    for large in (False, True):
        for high in (False, True):
            screen.set_large_text(large)
            screen.set_high_contrast(high)
            assert screen.id_edit.isVisibleTo(screen) and screen.id_edit.placeholderText()
            found += problems(screen, f"kiosk large={large} high contrast={high}")
    screen.close()
    assert not found, "\n".join(found)
