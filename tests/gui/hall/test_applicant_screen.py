"""The applicant screen at a real desk: the applicant confirms or asks for a correction and
the clerk sees it; a rating given while the link is down is kept and reaches the service
exactly once when the link returns (the fault proxy loses replies on the way). The tests
that show the screen need a second monitor: they run in a two-screen child
(``test_applicant_placement.test_the_applicant_screen_tests_pass_with_two_monitors``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.exceptions import TimeoutError as QtTimeoutError

from clerk_app.app.session import sign_in
from clerk_app.core.identity import mask_id
from clerk_app.gui.app import Desk
from clerk_app.gui.applicant_desk import ApplicantDesk
from clerk_app.gui.applicant_screen import ApplicantScreen
from tests.helpers.faultproxy import FaultProxy
from tests.helpers.gui import type_text
from tests.helpers.hall_service_data import VALID_ID, stored_ratings
from tests.helpers.screens import two_screens  # noqa: F401 - fixture
from tests.helpers.service import DEMO_PASSWORD


@pytest.fixture
def proxy(records_service) -> Iterator[FaultProxy]:
    """A fault proxy in front of a fresh real records service."""
    port = int(records_service.base_url.rsplit(":", 1)[1])
    proxy = FaultProxy(("127.0.0.1", port)).start()
    try:
        yield proxy
    finally:
        proxy.stop()


def _texts(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def _fill_form(qtbot, window, mobile: str) -> None:
    window.focus_search()
    qtbot.keyClicks(window.catalog_pane.search, "DEMO-GA-001")
    qtbot.keyClick(window.catalog_pane.search, Qt.Key.Key_Return)
    form = window.intake
    type_text(qtbot, form.ui.personNameEdit, "张三")
    form.ui.personIdEdit.setFocus()
    qtbot.keyClicks(form.ui.personIdEdit, VALID_ID)
    qtbot.keyClicks(form.ui.personMobileEdit, mobile)
    qtbot.mouseClick(form.ui.allMaterialsButton, Qt.MouseButton.LeftButton)
    assert form.is_ready()


@pytest.mark.usefixtures("two_screens")
def test_confirm_correct_and_offline_rating_reaches_the_service_once(
    qtbot, records_service, proxy, make_context, clock, language, screenshots
):
    language("zh_CN")
    context = make_context(
        proxy.base_url,
        applicant_screen__enabled=True,
        applicant_screen__require_confirmation=True,
    )
    context.backend.api.timeout = (1.0, 5.0)
    session = sign_in(context, "demo-clerk", DEMO_PASSWORD)
    desk = Desk(context)
    try:
        window = desk.open_desk(session)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.catalog_pane.model.rowCount() > 0, timeout=30_000)
        applicant: ApplicantDesk = window.applicant
        screen: ApplicantScreen = applicant.screen
        qtbot.addWidget(screen)
        assert applicant.indicator.text() == "申请人：未确认"
        assert window.findChild(type(applicant.confirm_action), "askApplicantAction") is not None
        assert applicant.confirm_action.shortcut().toString() == "F9"

        # F9: the applicant sees the case, numbers masked, and asks for a correction.
        _fill_form(qtbot, window, "13800138001")
        qtbot.keyClick(window, Qt.Key.Key_F9)
        assert screen.isVisible() and screen.page() == ApplicantScreen.CONFIRM
        assert applicant.indicator.text() == "申请人：核对中…"
        values = screen.confirm_values
        assert values["name"].text() == "张三"
        assert values["id"].text() == mask_id(VALID_ID) == "110105********002X"
        assert values["phone"].text() == "138****8001"
        # What was received: Alt+K marks the one material the item always requires.
        assert values["item"].text() == "居民身份证首次申领"
        assert values["materials"].text() == "居民户口簿"
        assert VALID_ID not in _texts(screen) and "13800138001" not in _texts(screen)
        # Confirmation is required here: Ctrl+Return does not accept yet.
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert window.last_dialog is None
        assert "尚未确认" in window.statusBar().currentMessage()
        qtbot.mouseClick(screen.correct_button, Qt.MouseButton.LeftButton)
        assert applicant.indicator.text() == "申请人：要求更正"
        assert screen.page() == ApplicantScreen.FEEDBACK  # "tell the clerk", then idle
        screen.idle_timer.timeout.emit()
        assert screen.page() == ApplicantScreen.IDLE

        # The clerk corrects the mobile number and asks again; the applicant confirms.
        window.intake.ui.personMobileEdit.clear()
        qtbot.keyClicks(window.intake.ui.personMobileEdit, "13800138000")
        qtbot.keyClick(window, Qt.Key.Key_F9)
        assert screen.confirm_values["phone"].text() == "138****8000"
        screen.resize(1280, 800)
        assert screen.grab().save(str(screenshots / "applicant-confirm.png"))
        qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
        assert applicant.indicator.text() == "申请人：已确认 ✓"
        # Any change after the confirmation voids it.
        qtbot.keyClicks(window.intake.ui.personMobileEdit, "9")
        assert applicant.state == "none"
        qtbot.keyClick(window.intake.ui.personMobileEdit, Qt.Key.Key_Backspace)
        qtbot.keyClick(window, Qt.Key.Key_F9)
        qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
        assert applicant.state == "confirmed"

        # The link drops; the case is accepted and the applicant rates it.
        proxy.set_faults("drop")
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=30_000)
        case_no = window.last_dialog.case_no_label.text()
        assert window.last_dialog.rating_button is not None
        assert screen.page() == ApplicantScreen.RATING
        assert case_no in screen.rating_case.text()
        assert [b.text() for b in screen.score_buttons.values()] == [
            "非常满意", "满意", "基本满意", "不满意", "非常不满意"]  # fmt: skip
        chip = next(c for c in screen.chips if c.text() == "一次办好")
        qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
        assert chip.isChecked()
        assert screen.grab().save(str(screenshots / "applicant-rating.png"))
        with qtbot.waitSignal(applicant.rating_saved, timeout=30_000):
            qtbot.mouseClick(screen.score_buttons[4], Qt.MouseButton.LeftButton)
        assert screen.page() == ApplicantScreen.THANKS
        assert screen.thanks_label.text() == "感谢您的评价！"
        screen.idle_timer.timeout.emit()
        assert screen.page() == ApplicantScreen.IDLE
        assert "欢迎" in _texts(screen)

        local = context.backend.store.db.query("SELECT score, comment, clerk FROM ratings")
        assert [tuple(r) for r in local] == [(4, "一次办好", "demo-clerk")]
        assert [r.kind for r in context.backend.store.outbox_rows("pending")][-1] == "rating"
        assert stored_ratings(records_service) == []

        # The link returns, losing the first answers: the rating is stored once.
        healed_at = proxy.requests
        proxy.set_faults(lambda n: "lose_reply" if n <= healed_at + 2 else "pass")
        for _round in range(30):
            clock.advance(timedelta(minutes=10))
            desk.sync.wake()
            try:
                qtbot.waitUntil(
                    lambda: context.backend.store.outbox_counts()["pending"] == 0, timeout=2_000
                )
                break
            except QtTimeoutError:
                continue
        assert context.backend.store.outbox_counts() == {"pending": 0, "rejected": 0}
        assert proxy.counts["lose_reply"] == 2
        assert stored_ratings(records_service) == [(case_no, 4, "一次办好")]
    finally:
        if desk.window is not None:
            desk.window.close()
        desk.shutdown()


def _offline_window(qtbot, context):
    from clerk_app.app.session import Session
    from clerk_app.gui.main_window import MainWindow
    from clerk_app.gui.ops import DbWriter

    session = Session("demo-clerk", "示例", ("clerk",), "W01", "", "", None, None)
    window = MainWindow(
        context, session, calendar=context.calendar, take_in=lambda *a: None,
        writer=DbWriter(),
    )  # fmt: skip
    qtbot.addWidget(window)
    return window


def test_without_the_setting_there_is_no_applicant_screen(qtbot, make_context):
    window = _offline_window(qtbot, make_context("http://127.0.0.1:9"))
    assert window.applicant is None
    assert window.findChild(QLabel, "applicantIndicator") is None


@pytest.mark.usefixtures("two_screens")
def test_applicant_screen_and_its_action_follow_a_language_switch(qtbot, make_context, language):
    language("en")
    context = make_context("http://127.0.0.1:9", applicant_screen__enabled=True)
    window = _offline_window(qtbot, context)
    applicant = window.applicant
    qtbot.addWidget(applicant.screen)
    assert applicant.confirm_action in window.intake_menu.actions()
    assert applicant.confirm_action.toolTip().endswith("(F9)")
    assert applicant.indicator.text() == "Applicant: not confirmed"
    assert applicant.screen.idle_welcome.text() == "Welcome"
    applicant.screen.ask_rating("HS-W01-20261128-000007")
    language("zh_CN")
    qtbot.waitUntil(lambda: applicant.screen.idle_welcome.text() == "欢迎光临")
    assert applicant.indicator.text() == "申请人：未确认"
    assert applicant.confirm_action.text() == "请申请人确认(&C)"
    assert applicant.screen.rating_case.text() == "办件编号 HS-W01-20261128-000007"
    assert applicant.screen.score_buttons[3].text() == "基本满意"


def test_settings_dialog_turns_the_applicant_screen_on(qtbot, make_context):
    from clerk_app.core.settings import Settings
    from clerk_app.gui.settings_dialog import SettingsDialog

    context = make_context("http://127.0.0.1:9")
    context.settings = Settings(context.paths.settings_file)
    dialog = SettingsDialog(context, None, printers=[])
    qtbot.addWidget(dialog)
    assert not dialog.applicant_on.isChecked() and not dialog.applicant_confirm.isChecked()
    dialog.applicant_on.setChecked(True)
    dialog.applicant_confirm.setChecked(True)
    dialog.save()
    again = Settings.load(context.paths.settings_file)
    assert again["applicant_screen.enabled"] and again["applicant_screen.require_confirmation"]
