"""The files of an online pre-submission at the window (issues 19 and 22), keyboard only,
against the real records service: the website posts an application and uploads its file
with its integration credential; W01's clerk opens 网上待接件 (Ctrl+Shift+O), F6 lists the
uploaded files from the center under the names the website gave, Enter shows one (the read
audited at the center), Esc closes it."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage

from tests.gui.desk_intake.test_presubmissions_desk import SHIFT, _to_row, _website
from tests.helpers.keyboard import CTRL, press, sign_in, target
from tests.helpers.service_api import valid_resident_id
from tests.helpers.website_client import Application, uploaded


def _png() -> bytes:
    image = QImage(240, 320, QImage.Format.Format_RGB32)
    image.fill(QColor("#f0f0f0"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def test_the_clerk_sees_the_websites_files_for_the_pre_review(
    no_mouse, desk, shared_records_service
) -> None:
    qtbot, service = no_mouse, shared_records_service
    website = _website(service)
    scan = _png()
    application = Application(
        {
            "external_id": "WEB-DESK-FILES",
            "item_code": "DEMO-GA-001",
            "applicant": {
                "kind": "person",
                "name": "钱七",
                "id_type": "resident_id",
                "id_number": valid_resident_id("13110219800101123"),
                "phone": "13600136000",
            },
            "form_data": {"申请类型": "首次申领"},
            "materials": [uploaded("户口簿首页.png", scan, "M1")],
        }
    )
    assert website.submit(application).status_code == 201
    declared = website.declare_file(application, scan, "M1")
    assert declared.status_code == 201, declared.text
    file_id = declared.json()["upload"]["id"]
    assert website.send_chunks(file_id, scan, 4096).json()["upload"]["complete"] is True

    window = sign_in(qtbot, desk)
    press(qtbot, window, Qt.Key.Key_O, CTRL | SHIFT)
    dialog = window.presubmissions.last_dialog
    qtbot.waitUntil(lambda: any(p.no == application.no for p in dialog.items), timeout=20_000)
    _to_row(qtbot, window, dialog, application.no or "")
    assert "F6" in dialog.keys.text()

    press(qtbot, window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: getattr(dialog, "files_dialog", None) is not None, timeout=5000)
    files = dialog.files_dialog
    pages = files.panel.list
    qtbot.waitUntil(lambda: pages.count() == 1, timeout=20_000)
    assert "户口簿首页.png" in pages.item(0).text() and "at the center" in pages.item(0).text()
    assert target(window) is pages
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: files.panel.viewer is not None, timeout=20_000)
    assert files.panel.viewer.picture.pixmap().size().toTuple() == (240, 320)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not files.panel.viewer.isVisible()
    viewed = service.sql(
        "SELECT actor FROM audit_records WHERE action = 'attachment.view' AND target = :id",
        id=file_id,
    )
    assert viewed == [("demo-clerk",)]
