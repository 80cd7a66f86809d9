"""The first-run wizard's language box switches its words at once (issue 15): the title,
the labels, the buttons, the report and the error lines follow, by keyboard (Alt+L, Down),
and the service's checks read as the self-check dialog says them ("[警告] 证书：…"), never
as the command's raw keys ("WARN tls: …")."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clerk_app.gui.i18n import current_language, install_translations
from clerk_app.gui.wizard import FirstRunWizard
from clerk_app.paths import Paths
from tests.helpers.gui import type_text

RAW_KEY = "WARN tls"
FIELDS = {
    "center.code": "HS",
    "center.name": "衡水市政务服务中心",
    "window.code": "W01",
    "window.name": "户政业务窗口",
    "window.department": "市公安局",
}


@pytest.fixture
def wizard(qtbot, qm_dir, tmp_path: Path) -> FirstRunWizard:
    install_translations("zh_CN", qm_dir)  # as __main__ does; the `english` fixture undoes it
    home = Paths(tmp_path / "data", tmp_path / "config", tmp_path / "logs", tmp_path / "docs")
    dialog = FirstRunWizard(home.config_dir, paths=home.ensure())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def fill(qtbot, wizard: FirstRunWizard, url: str, **changes: str) -> None:
    for name, value in {**FIELDS, "service.url": url, **changes}.items():
        edit = wizard.edits[name]
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
        type_text(qtbot, edit, value)


def check(qtbot, wizard: FirstRunWizard) -> str:
    wizard.report.clear()
    qtbot.keyClick(wizard, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # clicks animated
    qtbot.waitUntil(
        lambda: (
            wizard.check_button.isEnabled()
            and bool(wizard.report.toPlainText())
            and not wizard.report.toPlainText().startswith(("正在", "Checking"))
        ),
        timeout=20_000,
    )
    return wizard.report.toPlainText()


def choose_language(qtbot, wizard: FirstRunWizard, key: Qt.Key) -> None:
    qtbot.keyClick(wizard, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is wizard.language
    qtbot.keyClick(wizard.language, key)


def test_choosing_english_switches_the_wizard_at_once(qtbot, wizard):
    assert wizard.language.currentText() == "简体中文"  # the language the app opened in
    url = wizard.edits["service.url"]  # its example address shows whole
    assert url.fontMetrics().horizontalAdvance(url.placeholderText()) < url.width() - 8
    assert wizard.windowTitle() != "Set up this window"
    fill(qtbot, wizard, "http://127.0.0.1:9", **{"window.code": "w 1"})
    report = check(qtbot, wizard)
    error = wizard.errors["window.code"]
    assert error.isVisible() and not error.text().isascii()
    assert not report.isascii()

    choose_language(qtbot, wizard, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: wizard.windowTitle() == "Set up this window")
    assert current_language() == "en"
    assert wizard.ui.languageLabel.text() == "&Language:"
    assert wizard.check_button.text() == "&Check"
    assert wizard.report.toPlainText() == "Correct the fields marked in red."
    assert error.isVisible() and error.text().isascii() and error.text()

    choose_language(qtbot, wizard, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: wizard.windowTitle() != "Set up this window")
    assert wizard.report.toPlainText() == report
    assert current_language() == "zh_CN"


def test_the_service_checks_read_in_the_chosen_language(qtbot, wizard, records_service):
    fill(qtbot, wizard, records_service.base_url)
    report = check(qtbot, wizard)
    assert wizard.save_button.isEnabled()
    assert RAW_KEY not in report and "[警告] 证书：" in report  # http: not encrypted
    assert "[正常] 时钟：" in report or "[警告] 时钟：" in report

    choose_language(qtbot, wizard, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: "[Warning] Certificate: " in wizard.report.toPlainText())
    english = wizard.report.toPlainText()
    assert english.startswith("Window W01 is known at center HS.")
    assert RAW_KEY not in english and "证书" not in english
    assert wizard.save_button.isEnabled()  # switching the language keeps the check
    assert wizard.save_button.text() == "&Save"
