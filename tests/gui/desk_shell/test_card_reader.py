"""The SDK ID card reader beside the intake form (issue 22), through the stand-in library
compiled with gcc (tests/helpers/idcard_standin.c): the real ctypes path runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from clerk_app.app import idcard_pipe
from clerk_app.app.context import build_context, demo_provisioning
from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.idcard import IdCardSetup
from clerk_app.gui.card_reader import CardReaderPanel
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.intake_form import IntakeForm
from tests.helpers.desk_shell import DEMO_PROVISIONING, NOWHERE, make_paths, open_window
from tests.helpers.gui import demo_catalog, monday_morning
from tests.helpers.idcard_standin import CARD, base_message, bmp, build_standin, elf32_header


@pytest.fixture(scope="module")
def standin(tmp_path_factory) -> Path:
    library = build_standin(tmp_path_factory.mktemp("sdk"))
    if library is None:
        pytest.skip("no C compiler (gcc) to build the stand-in reader library")
    return library


@pytest.fixture
def desk(qtbot, standin, tmp_path, monkeypatch):
    """An intake form with the reader panel beside it; the card on the stand-in reader."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "text.bin").write_bytes(base_message(CARD))
    (tmp_path / "photo.bin").write_bytes(bmp(102, 126))
    monkeypatch.setenv("IDCARD_STANDIN_TEXT", str(tmp_path / "text.bin"))
    monkeypatch.setenv("IDCARD_STANDIN_PHOTO", str(tmp_path / "photo.bin"))
    monkeypatch.setenv("IDCARD_STANDIN_MODE", "ok")
    window = QWidget()
    qtbot.addWidget(window)
    form = IntakeForm(monday_morning(), WorkCalendar.builtin(), window)
    form.set_item(demo_catalog().item("DEMO-GA-001"))
    reads: list[tuple[str, str]] = []
    panel = CardReaderPanel(
        form,
        IdCardSetup(standin, "termb"),
        on_read=lambda card, role: reads.append((card.id_number, role)),
        parent=window,
    )
    row = QHBoxLayout(window)
    row.addWidget(form)
    row.addWidget(panel)
    window.show()
    qtbot.waitExposed(window)
    form.ui.personNameEdit.setFocus()
    yield form, panel, reads
    window.close()  # kept alive until here


def test_f4_fills_the_applicant_and_shows_the_photo(qtbot, desk):
    form, panel, reads = desk
    qtbot.keyClick(form.ui.personNameEdit, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: bool(reads))
    assert reads == [(CARD.id_number, "applicant")]
    assert form.applicant()["name"] == CARD.name
    assert form.applicant()["id_number"] == CARD.id_number
    assert form.applicant()["id_type"] == "resident_id"
    assert not form.ui.personIdMessage.isVisible()  # the number passes the checks
    assert not panel.photo.pixmap().isNull()
    assert form.ui.personMobileEdit.hasFocus()  # the phone is what the clerk types next


def test_shift_f4_fills_the_agent(qtbot, desk):
    form, _panel, reads = desk
    qtbot.keyClick(form.ui.personNameEdit, Qt.Key.Key_F4, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(reads))
    assert reads == [(CARD.id_number, "agent")]
    assert form.ui.agentBox.isChecked()
    assert form.agent_fields.values()["id_number"] == CARD.id_number
    assert form.applicant()["name"] == ""


@pytest.mark.parametrize(
    ("mode", "words"),
    [("no-card", "No card on the reader"), ("no-reader", "No ID card reader answers")],
)
def test_a_reader_failure_is_a_plain_message_and_the_form_stays(
    qtbot, desk, monkeypatch, mode, words
):
    form, panel, reads = desk
    form.ui.personNameEdit.setText("李四")
    monkeypatch.setenv("IDCARD_STANDIN_MODE", mode)
    panel.button.click()
    qtbot.waitUntil(panel.message.isVisible)
    assert words in panel.message.text()
    assert reads == [] and form.applicant()["name"] == "李四"
    assert panel.button.isEnabled()
    monkeypatch.setenv("IDCARD_STANDIN_MODE", "ok")
    panel.button.click()
    qtbot.waitUntil(lambda: bool(reads))
    assert form.applicant()["name"] == CARD.name and not panel.message.isVisible()


def test_the_desk_shows_the_reader_beside_the_form_and_audits_each_read(
    qtbot, standin, tmp_path, monkeypatch, clock
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "text.bin").write_bytes(base_message(CARD))
    monkeypatch.setenv("IDCARD_STANDIN_TEXT", str(tmp_path / "text.bin"))
    (tmp_path / "photo.bin").write_bytes(bytes(range(256)) * 4)  # the card's WLT photo
    monkeypatch.setenv("IDCARD_STANDIN_PHOTO", str(tmp_path / "photo.bin"))
    monkeypatch.setenv("IDCARD_STANDIN_MODE", "ok")
    prov = demo_provisioning(DEMO_PROVISIONING, NOWHERE)._replace(
        idcard=IdCardSetup(standin, "sdtapi")
    )
    ctx = build_context(prov, make_paths(tmp_path), clock=clock)
    try:
        window = open_window(qtbot, ctx)
        panel = window.card_reader
        assert panel is not None and panel.isVisible()
        window.choose_item(demo_catalog().item("DEMO-GA-001"))
        qtbot.keyClick(window.intake.ui.personNameEdit, Qt.Key.Key_F4)
        qtbot.waitUntil(lambda: window.intake.applicant()["name"] == CARD.name)
        # sdtapi without [idcard] decoder: the raw WLT photo, said in words, not an error
        assert "needs the reader vendor's decoder" in panel.photo.text()
        assert not panel.message.isVisible()
        assert window.writer.wait_idle(10000)
        [event] = [
            e for row in ctx.backend.store.outbox_rows("pending") for e in row.body["events"]
        ]
        assert event["action"] == "idcard.read" and event["target"] == "110105********0030"
        window.close()
    finally:
        ctx.close()


def test_a_32_bit_reader_through_the_helper_process_fills_the_form_and_its_death_is_words(
    qtbot, standin, tmp_path, monkeypatch
):
    """mode = "helper": the read goes through a real helper process; the stand-in decoder
    turns the sdtapi WLT photo into the picture shown."""
    (tmp_path / "text.bin").write_bytes(base_message(CARD))
    (tmp_path / "photo.bin").write_bytes(bytes(range(256)) * 4)  # the card's WLT photo
    mode = tmp_path / "mode"
    mode.write_text("ok")
    monkeypatch.setenv("IDCARD_STANDIN_TEXT", str(tmp_path / "text.bin"))
    monkeypatch.setenv("IDCARD_STANDIN_PHOTO", str(tmp_path / "photo.bin"))
    monkeypatch.setenv("IDCARD_STANDIN_MODE", f"@{mode}")
    window = QWidget()
    qtbot.addWidget(window)
    form = IntakeForm(monday_morning(), WorkCalendar.builtin(), window)
    form.set_item(demo_catalog().item("DEMO-GA-001"))
    setup = IdCardSetup(standin, "sdtapi", mode="helper", decoder=standin, timeout=20.0)
    panel = CardReaderPanel(form, setup, parent=window)
    row = QHBoxLayout(window)
    row.addWidget(form)
    row.addWidget(panel)
    window.show()
    try:
        mode.write_text("crash")  # the vendor library takes the helper down
        panel.button.click()
        qtbot.waitUntil(panel.message.isVisible, timeout=20_000)
        assert "helper program stopped working" in panel.message.text()
        assert panel.button.isEnabled() and form.applicant()["name"] == ""
        mode.write_text("ok")
        panel.button.click()  # a new helper is started
        qtbot.waitUntil(lambda: form.applicant()["name"] == CARD.name, timeout=20_000)
        assert not panel.photo.pixmap().isNull() and not panel.message.isVisible()
        assert panel.photo.pixmap().toImage().pixelColor(100, 120).name() == "#1e5ac8"
    finally:
        idcard_pipe.close_helpers()
        window.close()


def test_no_reader_in_provisioning_no_panel(qtbot, desk_window):
    assert desk_window.card_reader is None


def test_a_32_bit_library_in_process_points_it_to_the_helper_mode(qtbot, tmp_path, qm_dir):
    """The in-process reader cannot load a 32-bit vendor library: the clerk is told to type
    the number, and IT what fixes it — the helper mode, not a hunt for a 64-bit library."""
    window = QWidget()
    qtbot.addWidget(window)
    form = IntakeForm(monday_morning(), WorkCalendar.builtin(), window)
    setup = IdCardSetup(elf32_header(tmp_path / "libtermb.so"), "termb")
    panel = CardReaderPanel(form, setup, on_read=lambda *_a: None, parent=window)
    window.show()
    panel.button.click()
    qtbot.waitUntil(panel.message.isVisible)
    words = panel.message.text()
    assert words.startswith("The ID card reader's software is 32-bit")
    assert "Type the ID number for now" in words
    assert '[idcard] mode = "helper"' in words and '"Devices on the counter"' in words
    assert "64-bit library" not in words
    install_translations("zh_CN", qm_dir)
    try:
        panel.button.click()
        qtbot.waitUntil(lambda: panel.message.text() != words)
        assert 'mode = "helper"' in panel.message.text()
        assert "请先手工输入证件号码" in panel.message.text()
    finally:
        install_translations("en", qm_dir)
    window.close()
