"""The scans of a case's materials in the case detail and the lead's view (issue 22), by
keyboard against the real records service.

The desk that scanned the pages shows them as thumbnails of its own sealed files; Enter
shows a page, Alt+U marks it unreadable: its material is ticked for a 补正 and the notice
names the page. Once sent, the pages say they are at the center. A desk that pulled the
case from the center lists the center's files and fetches a page when Enter asks for it
(audited at the center); the lead's view of a case does the same with the lead's token.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage

from clerk_app.app.dashboard import DashboardSource
from clerk_app.app.scans import attach_scans, keep_scan, scan_image
from clerk_app.gui.case_materials import install_case_view
from clerk_app.gui.dashboard.window import DashboardWindow
from clerk_app.remote.attachments import AttachmentUploader
from tests.helpers.case_detail import notice_text, open_detail, record
from tests.helpers.printing import clerk_session
from tests.helpers.service_api import token_for
from tests.helpers.store import add_case, make_payload, open_store
from tests.helpers.worklist import desk_context

ITEM = "DEMO-GA-006"


def _png(width: int, height: int, color: str) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def _scanned_case(desk, tmp_path, seq: int):
    """A case taken in at this desk with two scanned pages of its first material."""
    payload = make_payload(seq, item_code=ITEM)
    add_case(desk.store, payload)
    assert desk.engine.push_once().sent == 1
    context = desk_context(desk.store, desk.clock, tmp_path)
    material = payload["materials"][0]["code"]
    pages = [keep_scan(context, material, _png(300, 400, c)) for c in ("#ffffff", "#202020")]
    assert attach_scans(context, payload["case_no"], pages) == 2
    return payload, context, material


def _send_pages(desk, context) -> None:
    desk.engine.uploads = AttachmentUploader(
        desk.api, desk.store, lambda page: scan_image(context, page.path), chunk_bytes=4096
    )
    for _ in range(5):
        if desk.engine.push_once().waiting == 0:
            return
    raise AssertionError(desk.store.outbox_rows())


def test_the_desk_shows_its_scans_and_an_unreadable_page_goes_into_the_notice(
    qtbot, desk, writer, tmp_path
) -> None:
    payload, context, _ = _scanned_case(desk, tmp_path, 1)
    detail = open_detail(qtbot, context, payload["case_no"], writer)
    pages = detail.materials.list
    assert pages.count() == 2
    qtbot.waitUntil(lambda: detail.materials.thumbnails_ready, timeout=15_000)
    assert all(not pages.item(r).icon().isNull() for r in range(2))  # thumbnails
    assert "page 2" in pages.item(1).text() and "waiting to be sent" in pages.item(1).text()

    # Alt+B goes to the pages; Enter shows one at full size; Esc closes it.
    detail.action_box.setFocus()
    qtbot.keyClick(detail, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert detail.focusWidget() is pages
    qtbot.keyClick(pages, Qt.Key.Key_Return)
    viewer = detail.materials.viewer
    assert viewer is not None and viewer.isVisible()
    assert viewer.picture.pixmap().size().toTuple() == (300, 400)
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()

    # The second page is unreadable: Alt+U ticks its material for a 补正, naming the page.
    qtbot.keyClick(pages, Qt.Key.Key_Right)
    qtbot.keyClick(pages, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    # (the button's mnemonic clicks it a moment later when the window is active)
    qtbot.waitUntil(lambda: detail.action_box.currentData() == "request_supplement")
    assert detail.focusWidget() is detail.missing_list
    [(name, need)] = detail.checked_materials()
    assert "page 2 of the scan is unreadable" in need
    record(qtbot, detail, "Page 2 cannot be read")
    notice = detail.last_outcome.notice
    assert notice is not None, detail.action_message.text()
    text = notice_text(notice)
    assert name.replace(" ", "") in text and "page2ofthescanisunreadable" in text

    # Sent: the pages say they are at the center.
    _send_pages(desk, context)
    detail.reload()
    assert all("at the center" in pages.item(r).text() for r in range(2))


def test_a_case_from_the_center_fetches_its_pages_on_demand_and_the_lead_sees_them(
    qtbot, desk, writer, tmp_path
) -> None:
    payload, context, _ = _scanned_case(desk, tmp_path / "scanned", 2)
    _send_pages(desk, context)
    # Another desk of the window holds the case as pulled from the center (no pages here).
    other = open_store(tmp_path / "other.db", desk.clock)
    try:
        add_case(other, payload, outbox=False)
        pulled = desk_context(other, desk.clock, tmp_path / "other")
        pulled.backend.api = desk.api
        session = replace(clerk_session(), access_token=desk.login.access_token)
        detail = open_detail(qtbot, pulled, payload["case_no"], writer, session=session)
        pages = detail.materials.list
        qtbot.waitUntil(lambda: pages.count() == 2, timeout=15_000)
        assert "at the center" in pages.item(0).text() and pages.item(0).icon().isNull()
        assert desk.service.sql(
            "SELECT count(*) FROM audit_records WHERE action = 'attachment.view'"
        ) == [(0,)]
        pages.setFocus()
        qtbot.keyClick(pages, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: detail.materials.viewer is not None, timeout=15_000)
        assert detail.materials.viewer.picture.pixmap().size().toTuple() == (300, 400)
        assert not pages.item(0).icon().isNull()  # the fetched page is its thumbnail now
        qtbot.keyClick(detail.materials.viewer, Qt.Key.Key_Escape)
        detail.close()
    finally:
        other.db.close()

    # The lead's view: Enter on the case in a window's case list shows its files.
    source = DashboardSource(desk.api, token_for(desk.service, "demo-lead"))
    window = DashboardWindow(source, desk.clock, auto_refresh_ms=0)
    qtbot.addWidget(window)
    install_case_view(window)
    with qtbot.waitSignal(window.cases_shown, timeout=60_000) as shown:
        window.show_cases("W01")
    cases = shown.args[0]
    row = cases.case_numbers().index(payload["case_no"])
    cases.table.setCurrentIndex(cases.table.model().index(row, 0))
    qtbot.keyClick(cases.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(window, "materials_dialog", None) is not None, timeout=5000)
    dialog = window.materials_dialog
    qtbot.waitUntil(lambda: dialog.panel.list.count() == 2, timeout=15_000)
    assert not dialog.panel.unreadable_button.isVisible()  # a 补正 is the window's
    qtbot.keyClick(dialog.panel.list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.panel.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.panel.viewer is not None, timeout=15_000)
    viewed = desk.service.sql(
        "SELECT actor FROM audit_records WHERE action = 'attachment.view' ORDER BY id"
    )
    assert [r[0] for r in viewed] == ["demo-clerk", "demo-lead"]
