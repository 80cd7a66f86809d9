"""Scanning the materials at the counter by keyboard (issue 22): S on a row of the checklist
scans a page from SANE's real ``test`` device, the page shows as a thumbnail, is sealed on
disk, and goes with the case when it is taken in (Ctrl+Return). No mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt

from clerk_app.app.scanner import PNG_MAGIC
from clerk_app.app.scans import case_scans, scan_image
from tests.helpers.keyboard import CTRL, applicant, find_item, press, target, to_materials
from tests.helpers.sane import sane_test_device  # noqa: F401 - a fixture


def _scan(qtbot, window, pages: int) -> None:
    press(qtbot, window, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: window.scans.thumbs.count() == pages, timeout=20_000)


def test_pages_scanned_by_the_s_key_are_thumbnails_sealed_and_kept_with_the_case(
    qtbot,
    desk_window,
    context,
    sane_test_device,  # noqa: F811
):
    window = desk_window
    find_item(qtbot, window, "DEMO-GA-001")
    applicant(qtbot, window)
    to_materials(qtbot, window)
    table = window.intake.materials_table
    first, second = table.rows[0], table.rows[1]

    _scan(qtbot, window, 1)  # row 0, page 1
    _scan(qtbot, window, 2)  # row 0, page 2
    assert window.scans.status.text() == f"Page 2 of {first.name} scanned."
    press(qtbot, window, Qt.Key.Key_Down)
    _scan(qtbot, window, 3)  # row 1, page 1
    assert window.scans.thumbnail_texts() == [
        f"{first.name} · 1",
        f"{first.name} · 2",
        f"{second.name} · 1",
    ]
    assert target(window) is window.intake.ui.materialsTable  # the keys go on working
    kept = window.scans.pages()
    for page in kept:  # on disk only sealed: no picture of the papers in clear
        data = (context.paths.documents_dir / page.path).read_bytes()
        assert data.startswith(b"WCDOC") and PNG_MAGIC not in data

    press(qtbot, window, Qt.Key.Key_Home, CTRL)
    for _ in table.rows:  # every material received
        press(qtbot, window, Qt.Key.Key_Space)
        press(qtbot, window, Qt.Key.Key_Down)
    assert window.intake.ui.acceptButton.isEnabled(), window.intake.ui.missingLabel.text()
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=20_000)
    case_no = window.last_dialog.case_no_label.text()
    press(qtbot, window, Qt.Key.Key_Escape)

    rows = case_scans(context, case_no)
    assert [(r.material_code, r.page) for r in rows] == sorted(
        [(first.code, 1), (first.code, 2), (second.code, 1)]
    )
    assert {r.id for r in rows} == {k.id for k in kept}
    assert scan_image(context, rows[0].path).startswith(PNG_MAGIC)
    assert window.scans.thumbs.count() == 0  # the next applicant starts with no pages


def test_no_scanner_is_said_in_words_and_delete_drops_a_page(
    qtbot,
    desk_window,
    context,
    sane_test_device,  # noqa: F811
    tmp_path,
    monkeypatch,
):
    window = desk_window
    find_item(qtbot, window, "DEMO-GA-001")
    applicant(qtbot, window)
    to_materials(qtbot, window)
    _scan(qtbot, window, 1)
    path = context.paths.documents_dir / window.scans.pages()[0].path
    assert path.exists()

    empty = tmp_path / "no-backends"
    empty.mkdir()
    (empty / "dll.conf").write_text("")
    monkeypatch.setenv("SANE_CONFIG_DIR", str(empty))
    press(qtbot, window, Qt.Key.Key_Down)
    press(qtbot, window, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: "No scanner answers" in window.scans.status.text(), timeout=20_000)
    assert window.scans.thumbs.count() == 1

    window.scans.thumbs.setFocus()
    window.scans.thumbs.setCurrentRow(0)
    qtbot.keyClick(window.scans.thumbs, Qt.Key.Key_Delete)
    assert window.scans.thumbs.count() == 0 and window.scans.pages() == []
    assert not path.exists()


def test_the_pages_of_a_parked_intake_come_back_when_it_is_resumed(
    qtbot,
    desk_window,
    sane_test_device,  # noqa: F811
):
    window = desk_window
    find_item(qtbot, window, "DEMO-GA-001")
    applicant(qtbot, window)
    to_materials(qtbot, window)
    _scan(qtbot, window, 1)
    before = window.scans.pages()

    press(qtbot, window, Qt.Key.Key_S, CTRL)  # 暂存
    qtbot.waitUntil(lambda: window.intake.ui.personNameEdit.text() == "", timeout=10_000)
    assert window.scans.thumbs.count() == 0
    press(qtbot, window, Qt.Key.Key_R, CTRL)
    dialog = window.parking.last_dialog
    assert dialog is not None and dialog.isVisible()
    press(qtbot, window, Qt.Key.Key_Return)  # resume
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert window.intake.ui.personNameEdit.text() == "Li Lei"
    assert window.scans.pages() == before
    assert window.scans.thumbnail_texts() == [f"{window.intake.materials_table.rows[0].name} · 1"]
