"""The first-run wizard against a real records service on 127.0.0.1, driven by the keyboard:
a wrong window code and a dead address are said in plain words (the technical words behind
Details), the service's name of the window wins, and an enrolment code keeps its credential
where the desk finds it (a desk's device token; a display credential makes a hall screen)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from clerk_app.app.context import build_context
from clerk_app.app.enrolment import display_credential
from clerk_app.core.provisioning import load_provisioning
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.wizard import FirstRunWizard
from clerk_app.paths import Paths
from tests.helpers.gui import type_text
from tests.helpers.hall_service_data import TIMEOUT, auth, token_for

#: What a person must never read: Python's or urllib3's words.
TECHNICAL = re.compile(r"Traceback|Errno|HTTPConnectionPool|Exception|Error\b|NewConnection")

FIELDS = {
    "center.code": "HS",
    "center.name": "衡水市政务服务中心",
    "window.code": "W01",
    "window.name": "公安户籍窗口",
    "window.department": "市公安局",
}


@pytest.fixture
def home(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "data", tmp_path / "config", tmp_path / "logs", tmp_path / "docs")


@pytest.fixture
def wizard(qtbot, home: Paths) -> FirstRunWizard:
    dialog = FirstRunWizard(home.config_dir, paths=home.ensure())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # its mnemonics (Alt+C …) answer from now on
    return dialog


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)


def fill(qtbot, wizard: FirstRunWizard, url: str, **changes: str) -> None:
    values = {**FIELDS, "service.url": url, **{k.replace("__", "."): v for k, v in changes.items()}}
    for name, value in values.items():
        type_into(qtbot, wizard.edits[name], value)


def check(qtbot, wizard: FirstRunWizard) -> str:
    qtbot.keyClick(wizard, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(
        lambda: bool(wizard.report.toPlainText()) and wizard.check_button.isEnabled(),
        timeout=20_000,
    )
    return wizard.report.toPlainText()


def save(qtbot, wizard: FirstRunWizard) -> None:
    qtbot.keyClick(wizard, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.result() == wizard.DialogCode.Accepted, timeout=20_000)


def enrolment_code(service, kind: str, window: str | None = "W01") -> str:
    admin = token_for(service, "demo-admin", window_code=None)
    body = {"kind": kind, "label": f"wizard {kind}"} | ({"window_code": window} if window else {})
    answer = requests.post(
        service.url("/enrolments"), json=body, headers=auth(admin), timeout=TIMEOUT
    )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["code"])


def test_a_wrong_window_code_is_said_plainly_and_blocks_saving(qtbot, wizard, records_service):
    fill(qtbot, wizard, records_service.base_url, window__code="W99")
    report = check(qtbot, wizard)
    assert report == (
        "Center HS has no window W99 at this records service. Check the center and window "
        "codes with IT."
    )
    assert wizard.errors["window.code"].isVisible()
    assert not wizard.save_button.isEnabled()
    assert not TECHNICAL.search(report)


def test_no_service_at_the_address_is_said_plainly_with_details_for_it(qtbot, wizard):
    fill(qtbot, wizard, "http://127.0.0.1:9")
    report = check(qtbot, wizard)
    assert report.startswith("No answer at http://127.0.0.1:9.")
    assert not TECHNICAL.search(report)
    assert not wizard.save_button.isEnabled()
    # The technical words are one key press away, for IT.
    assert wizard.details_button.isVisible() and not wizard.details.isVisible()
    qtbot.keyClick(wizard, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(wizard.details.isVisible)  # a mnemonic clicks after a short animation
    assert "NetworkError" in wizard.details.toPlainText()


def test_a_good_window_and_a_desk_code_keep_the_desk_token(
    qtbot, wizard, records_service, home, monkeypatch
):
    monkeypatch.setenv("CLERK_MACHINE_CONFIG_DIR", str(home.config_dir.parent / "machine"))
    fill(qtbot, wizard, records_service.base_url)
    report = check(qtbot, wizard)
    # The service's name of W01 wins over the one typed.
    assert "Window W01 is called “户政业务窗口” at the records service" in report
    assert wizard.edits["window.name"].text() == "户政业务窗口"
    assert wizard.save_button.isEnabled()
    type_into(qtbot, wizard.enrolment_code, enrolment_code(records_service, "desk").lower())
    save(qtbot, wizard)

    assert wizard.enrolled is not None and wizard.enrolled.kind == "desk"
    saved = load_provisioning(home.config_dir / "provisioning.toml")
    assert (saved.window_code, saved.window_name) == ("W01", "户政业务窗口")
    context = build_context(saved, home)
    try:
        desk = context.backend.tokens.get_device_token("W01", context.device_id)
        assert desk is not None
        answer = requests.get(records_service.url("/catalog"), headers=auth(desk), timeout=TIMEOUT)
        assert answer.status_code == 200  # the desk's own token, before anyone signs in
        assert display_credential(context) is None  # a desk, not a hall screen
    finally:
        context.close()


def test_a_display_code_makes_this_pc_a_hall_screen(qtbot, wizard, records_service, home):
    fill(qtbot, wizard, records_service.base_url)
    check(qtbot, wizard)
    type_into(qtbot, wizard.enrolment_code, enrolment_code(records_service, "display", None))
    save(qtbot, wizard)

    context = build_context(load_provisioning(home.config_dir / "provisioning.toml"), home)
    try:
        credential = display_credential(context)
        assert credential is not None and credential.kind == "display"
        board = requests.get(
            records_service.url("/board"), headers=auth(credential.token), timeout=TIMEOUT
        )
        assert board.status_code == 200
    finally:
        context.close()


def test_a_used_enrolment_code_is_said_plainly_and_nothing_is_saved(
    qtbot, wizard, records_service, home
):
    code = enrolment_code(records_service, "desk")
    used = requests.post(
        records_service.url("/enrolments/redeem"),
        json={"code": code, "device_id": "another-pc"},
        timeout=TIMEOUT,
    )
    assert used.status_code == 201
    fill(qtbot, wizard, records_service.base_url)
    check(qtbot, wizard)
    type_into(qtbot, wizard.enrolment_code, code)
    qtbot.keyClick(wizard, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(wizard.enrolment_error.isVisible, timeout=20_000)
    text = wizard.enrolment_error.text()
    assert text == "This enrolment code is unknown, used or expired. Ask IT for a new one."
    assert not (home.config_dir / "provisioning.toml").exists()
    assert wizard.result() != wizard.DialogCode.Accepted


def test_the_chinese_wizard_says_a_dead_address_in_chinese(qtbot, qm_dir, home):
    install_translations("zh_CN", qm_dir)  # the `english` fixture puts English back after
    dialog = FirstRunWizard(home.config_dir, paths=home.ensure())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.ui.enrolment_code_label.text() == "注册码（可选）(&E)："
    fill(qtbot, dialog, "http://127.0.0.1:9")
    report = check(qtbot, dialog)
    assert report.startswith("http://127.0.0.1:9 没有应答。")
    assert not TECHNICAL.search(report)
    assert dialog.details_button.text() == "详细信息(&D)"
