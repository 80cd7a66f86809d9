"""The first-run wizard: fields checked by the loader, the service checked live, file written."""

from __future__ import annotations

from clerk_app.core.provisioning import load_provisioning, locate_provisioning
from clerk_app.gui.wizard import FirstRunWizard


def fill(wizard: FirstRunWizard, **values: str) -> None:
    for name, value in values.items():
        wizard.edits[name.replace("__", ".")].setText(value)


GOOD = {
    "center__code": "HS",
    "center__name": "衡水市政务服务中心",
    "window__code": "W01",
    "window__name": "公安户籍窗口",
    "window__department": "市公安局",
}


def test_wrong_fields_are_marked_and_nothing_can_be_saved(qtbot, tmp_path):
    wizard = FirstRunWizard(tmp_path)
    qtbot.addWidget(wizard)
    fill(wizard, **{**GOOD, "service__url": "ftp://x", "window__code": "w 1"})
    wizard.check()
    assert wizard.errors["service.url"].isVisibleTo(wizard)
    assert "https://" in wizard.errors["service.url"].text()
    assert "W01" in wizard.errors["window.code"].text()
    assert not wizard.errors["center.code"].isVisibleTo(wizard)
    assert not wizard.save_button.isEnabled()


def test_live_check_then_save_writes_the_provisioning_file(
    qtbot, records_service, tmp_path, monkeypatch
):
    monkeypatch.setenv("CLERK_MACHINE_CONFIG_DIR", str(tmp_path / "machine"))
    wizard = FirstRunWizard(tmp_path / "config")
    qtbot.addWidget(wizard)
    wizard.language.setCurrentIndex(1)  # English
    fill(wizard, **GOOD, service__url=records_service.base_url)
    wizard.check()
    qtbot.waitUntil(wizard.save_button.isEnabled, timeout=20_000)
    report = wizard.report.toPlainText()
    assert "[OK] Records service:" in report and "Window W01 is known at center HS." in report

    wizard.edits["window.name"].setText("户籍窗口")  # an edit needs a new check
    assert not wizard.save_button.isEnabled()
    wizard.check()
    qtbot.waitUntil(wizard.save_button.isEnabled, timeout=20_000)
    wizard.save_button.click()
    assert wizard.result() == wizard.DialogCode.Accepted
    saved = load_provisioning(tmp_path / "config" / "provisioning.toml")
    # The service's name of the window wins over the one typed.
    assert (saved.window_code, saved.window_name, saved.language) == ("W01", "户政业务窗口", "en")
    assert saved.service_url == records_service.base_url
    assert locate_provisioning(tmp_path / "config") == saved


def test_dead_service_blocks_saving(qtbot, tmp_path):
    wizard = FirstRunWizard(tmp_path)
    qtbot.addWidget(wizard)
    fill(wizard, **GOOD, service__url="http://127.0.0.1:9")
    wizard.check()
    qtbot.waitUntil(wizard.check_button.isEnabled, timeout=20_000)
    assert wizard.report.toPlainText().startswith("No answer at http://127.0.0.1:9.")
    assert not wizard.save_button.isEnabled()
