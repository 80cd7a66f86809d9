"""Help → Self-check… shows the same report as the command, against a live service."""

from __future__ import annotations

from pathlib import Path

from clerk_app.core.provisioning import load_provisioning
from clerk_app.gui.selfcheck_dialog import SelfCheckDialog
from clerk_app.paths import default_paths

DEMO = Path(__file__).resolve().parents[2] / "resources" / "provisioning" / "demo-W01.toml"


def test_dialog_reports_each_check_and_summarises_warnings(
    qtbot, records_service, tmp_path, monkeypatch
):
    monkeypatch.setenv("CLERK_HOME", str(tmp_path))
    window = tmp_path / "window.toml"
    window.write_text(
        DEMO.read_text("utf-8").replace("http://127.0.0.1:8765", records_service.base_url),
        "utf-8",
    )
    dialog = SelfCheckDialog(default_paths(), load_provisioning(window), "en", printers=[])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=20_000)

    lines = dialog.report.toPlainText().splitlines()
    assert [r.name for r in dialog.results][:5] == [
        "provisioning", "service", "tls", "clock", "window"
    ]  # fmt: skip
    names = {r.name for r in dialog.results}
    assert {"keyring", "database", "outbox", "disk", "printers", "font", "translations"} <= names
    assert len(lines) == len(dialog.results)
    assert any(line.startswith("[OK] Records service: ") for line in lines)
    assert any(line.startswith("[Warning] Printers: no printer found") for line in lines)
    assert "warning" in dialog.summary.text()
    assert dialog.again_button.isEnabled()


def test_dialog_says_ask_it_when_the_service_is_down(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("CLERK_HOME", str(tmp_path))
    dialog = SelfCheckDialog(default_paths(), load_provisioning(DEMO), "zh_CN", printers=["P"])
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=20_000)
    assert "[Failed] Records service：无法连接" in dialog.report.toPlainText()
    assert "Ask IT" in dialog.summary.text()  # the tests' UI is English (tests/helpers)
