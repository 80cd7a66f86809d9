"""What the lead sees, saved for a person to look at (``<basetemp>/dashboard-screens``):
the three tabs in Chinese and in English, over the generated month (SQLite only)."""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from clerk_app.app.dashboard import DashboardSource
from clerk_app.gui.dashboard import DashboardWindow
from clerk_app.gui.dashboard.models import Period
from clerk_app.gui.i18n import install_translations
from clerk_app.remote.api import ApiClient
from tests.gui.dashboard.test_sync_people import _report
from tests.helpers import dashboard_dataset as dataset


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_screenshots_of_the_three_tabs(
    qtbot, loaded, client_clock, qm_dir, tmp_path_factory, language
) -> None:
    if loaded.backend != "sqlite":
        pytest.skip("one set of screenshots is enough")
    install_translations(language, qm_dir)
    clock = loaded.service.clock
    try:  # three clients: one silent since 08:10 with an old version and a rejected case
        clock.now = dataset.NOW - timedelta(hours=2, minutes=50)
        rejected = [{"key": "TW01-000123", "reason": "422: item ITEM-OLD is no longer offered"}]
        _report(loaded, "demo-clerk", "W01", "pc-w01-hall-left", "0.9.0", rejected)
    finally:
        clock.now = dataset.NOW
    _report(loaded, "clerk-w02", "W02", "pc-w02-front", "1.4.0", [])
    _report(loaded, "demo-clerk", "W01", "pc-w01-hall-right", "1.4.0", [])
    screens: Path = tmp_path_factory.getbasetemp() / "dashboard-screens"
    screens.mkdir(exist_ok=True)
    token = loaded.service.token("demo-lead", window_code=None)
    window = DashboardWindow(
        DashboardSource(ApiClient(loaded.service.base_url), token),
        client_clock,
        user_name="演示值班长",
        department="市公安局",
        auto_refresh_ms=0,
    )
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    with qtbot.waitSignal(window.workload.refreshed, timeout=60_000):
        window.choose_period(Period.MONTH)
    with qtbot.waitSignals([window.sync.refreshed, window.people.refreshed], timeout=60_000):
        window.start()
    QApplication.processEvents()
    expected = "数据截至 11:00" if language == "zh_CN" else "Figures as of 11:00"
    assert expected in window.workload.freshness.text()
    saved = []
    for index, name in enumerate(("workload", "sync", "people")):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        path = screens / f"dashboard-{name}-{language}.png"
        assert window.grab().save(str(path))
        assert path.stat().st_size > 20_000
        saved.append(path)
    target = os.environ.get("CLERK_DASHBOARD_SCREENSHOTS")  # e.g. tmp/ of the checkout
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        for path in saved:
            shutil.copy(path, Path(target) / path.name)
