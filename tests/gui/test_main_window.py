"""The main window without a service: keyboard, status bar, menus, confirmation, language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel

from clerk_app.app.session import Session
from clerk_app.app.take_in import TakenCase
from clerk_app.core.calendar import WorkCalendar
from clerk_app.gui.confirmation import AcceptedDialog
from clerk_app.gui.main_window import MainWindow
from clerk_app.gui.ops import DbWriter
from clerk_app.gui.sync_worker import LinkDetails, RejectedItem
from clerk_app.remote.wire import case_from_wire
from tests.helpers.gui import VALID_ID, LinkFeed, demo_catalog, offline_context, type_text
from tests.helpers.store import make_payload

SESSION = Session(
    username="demo-clerk",
    display_name="示例受理员",
    roles=("clerk",),
    window_code="W01",
    window_name="公安户政窗口",
    department="市公安局",
    access_token=None,
    expires_at=None,
)


def _window(qtbot, take_in=None):
    window = MainWindow(
        offline_context(),
        SESSION,
        calendar=WorkCalendar.builtin(),
        take_in=take_in or (lambda *a: None),
        writer=DbWriter(),
    )
    qtbot.addWidget(window)
    window.set_catalog(demo_catalog())
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _fill(qtbot, window):
    form = window.intake
    type_text(qtbot, form.ui.personNameEdit, "张三")
    form.ui.personIdEdit.setFocus()
    qtbot.keyClicks(form.ui.personIdEdit, VALID_ID)
    qtbot.keyClicks(form.ui.personMobileEdit, "13800138000")
    form.tick_all()


def test_status_bar_shows_clerk_window_department_and_sync_state(qtbot):
    window = _window(qtbot)
    assert "示例受理员" in window.clerk_label.text()
    assert "W01" in window.window_label.text()
    assert "市公安局" in window.department_label.text()
    feed = LinkFeed()
    window.attach_sync(feed)
    feed.details_changed.emit(LinkDetails("offline", 3, waiting_kinds=(2, 0, 1)))
    assert window.connection_indicator.text() == "Offline · 2 cases, 1 other record waiting"
    rejected = (RejectedItem(9, "rating", None, "422: Unprocessable"),)
    feed.details_changed.emit(LinkDetails("online", 0, rejected, waiting_kinds=(0, 0, 0)))
    assert window.connection_indicator.text() == "Online · nothing waiting · 1 rejected"
    # One connection element in the status bar: "Online" is said once.
    shown = [w.text() for w in window.statusBar().findChildren(QLabel) if w.isVisibleTo(window)]
    assert not any("Online" in text for text in shown)


def test_menus_show_their_shortcuts(qtbot):
    window = _window(qtbot)
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert set(menus) == {"&File", "&View", "&Intake", "&Help"}
    shortcuts = {a.text(): a.shortcut().toString() for m in menus.values() for a in m.actions()}
    assert shortcuts["&Quit"] == "Ctrl+Q"
    assert shortcuts["&Find item"] == "Ctrl+F"
    assert shortcuts["&Accept case"] == "Ctrl+Return"
    assert "Ctrl+Return" in window.intake.ui.acceptButton.toolTip()


def test_ctrl_f_focuses_search_and_enter_picks_the_item(qtbot):
    window = _window(qtbot)
    window.choose_item(demo_catalog().item("DEMO-GA-001"))
    window.intake.ui.personNameEdit.setFocus()
    qtbot.keyClick(
        window.intake.ui.personNameEdit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
    )
    assert window.catalog_pane.search.hasFocus()
    qtbot.keyClicks(window.catalog_pane.search, "DEMO-GA-013")
    qtbot.keyClick(window.catalog_pane.search, Qt.Key.Key_Return)
    assert window.current_item.code == "DEMO-GA-013"
    assert window.current_item.name in window.disclosure.toPlainText()


def test_accept_runs_on_the_writer_and_shows_the_confirmation(qtbot, tmp_path):
    seen = {}

    def take_in(context, session, draft, item):
        seen["draft"] = draft
        payload = make_payload(
            1, case_no="HS-W01-20261130-000001", query_code="123456", due_date="2026-12-28"
        )
        return TakenCase(case=case_from_wire(payload), receipt_path=tmp_path / "receipt.pdf")

    window = _window(qtbot, take_in)
    window.choose_item(demo_catalog().item("DEMO-GA-001"))
    assert not window.accept_action.isEnabled()
    _fill(qtbot, window)
    assert window.accept_action.isEnabled()
    qtbot.keyClick(
        window.intake.ui.personMobileEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: window.last_dialog is not None)
    dialog = window.last_dialog
    assert dialog.case_no_label.text() == "HS-W01-20261130-000001"
    assert dialog.query_code_label.text() == "123456"
    assert "2026-12-28" in dialog.due_label.text()
    assert seen["draft"].applicant.id_number == VALID_ID
    assert seen["draft"].disposition == "promised"
    dialog.close()


class _UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_open_receipt_hands_the_pdf_to_the_desktop(qtbot, tmp_path):
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    dialog = AcceptedDialog(
        case_no="HS-W01-20261130-000001",
        query_code="123456",
        due_date="2026-12-28",
        provisional=True,
        receipt_path=pdf,
    )
    qtbot.addWidget(dialog)
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(u.toLocalFile()) for u in catcher.urls] == [pdf]
    assert "(provisional)" in dialog.due_label.text()
    assert str(pdf) in dialog.path_label.text()


def test_in_chinese_the_main_window_speaks_chinese(qtbot, qm_dir):
    from clerk_app.gui.i18n import install_translations

    install_translations("zh_CN", qm_dir)
    window = _window(qtbot)
    window.choose_item(demo_catalog().item("DEMO-GA-001"))
    assert window.windowTitle() == "窗口受理客户端 — 衡水市政务服务中心（示例），W01 号窗口"
    text = window.disclosure.toPlainText()
    for title in ("受理项目", "办事程序", "申报材料", "承诺时限", "收费标准", "政策依据"):
        assert title in text
    assert "20.00元" in text
    assert [a.text() for a in window.menuBar().actions()] == [
        "文件(&F)",
        "视图(&V)",
        "受理(&I)",
        "帮助(&H)",
    ]


def test_while_the_case_is_saved_and_its_receipt_written_a_busy_bar_shows(qtbot, tmp_path):
    import threading

    release = threading.Event()

    def take_in(context, session, draft, item):  # on the writer: the receipt takes its time
        release.wait(10)
        payload = make_payload(1, case_no="HS-W01-20261130-000002", query_code="654321")
        return TakenCase(case=case_from_wire(payload), receipt_path=tmp_path / "receipt.pdf")

    window = _window(qtbot, take_in)
    window.choose_item(demo_catalog().item("DEMO-GA-001"))
    _fill(qtbot, window)
    window.accept_case()
    try:
        assert window.saving_bar.isVisible() and window.statusBar().currentMessage()
        assert window.saving_bar.accessibleName() == window.statusBar().currentMessage()
        qtbot.wait(50)  # the window keeps painting meanwhile
        assert window.saving_bar.isVisible() and window.last_dialog is None
    finally:
        release.set()
    qtbot.waitUntil(lambda: window.last_dialog is not None)
    assert not window.saving_bar.isVisible()
    window.last_dialog.close()
