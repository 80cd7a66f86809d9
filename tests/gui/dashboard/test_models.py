"""The dashboard's pieces without a service: periods, cell texts, the model and the proxy."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from clerk_app.gui.dashboard.export import write_csv
from clerk_app.gui.dashboard.models import (
    COLUMNS,
    Period,
    TotalLastProxy,
    WorkloadModel,
    format_value,
    period_range,
    shown_value,
    snapshot,
)

BY_KEY = {c.key: c for c in COLUMNS}


def test_periods_start_on_monday_and_on_the_first() -> None:
    sunday = date(2027, 1, 3)
    assert period_range(Period.TODAY, sunday) == (sunday, sunday)
    assert period_range(Period.WEEK, sunday) == (date(2026, 12, 28), sunday)
    assert period_range(Period.MONTH, sunday) == (date(2027, 1, 1), sunday)
    assert period_range(Period.RANGE, sunday, date(2026, 5, 9), date(2026, 5, 1)) == (
        date(2026, 5, 1),
        date(2026, 5, 9),
    )


def test_cells_read_as_a_lead_expects_and_exports_round_alike() -> None:
    assert format_value(BY_KEY["received"], 1234) == "1234"
    assert format_value(BY_KEY["on_time_rate"], 0.9753) == "97.5%"
    assert format_value(BY_KEY["on_time_rate"], None) == "—"
    assert format_value(BY_KEY["average_handling_days"], 2.0) == "2.00"
    assert format_value(BY_KEY["refusals"], {"b": 1, "a": 3, "c": 1}) == "a 3; b 1; c 1"
    for rate in (0.3675, 0.0005, 0.9995, 0.12345, 1.0):
        column = BY_KEY["satisfaction"]
        assert format_value(column, shown_value(column, rate)) == format_value(column, rate)


def _figures() -> dict:
    items = [
        {"group": "W01", "name": "户政", "received": 5, "on_time_rate": 0.5},
        {"group": "W02", "name": "出入境", "received": 9, "on_time_rate": None},
        {"group": "W03", "name": "企业", "received": 1, "on_time_rate": 1.0},
    ]
    return {"group": "window", "items": items, "total": {"received": 15, "on_time_rate": 0.75}}


def test_the_model_passes_qt_model_checks(qtmodeltester) -> None:
    model = WorkloadModel()
    model.set_figures(_figures())
    qtmodeltester.check(model)
    proxy = TotalLastProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)


def test_sorting_by_number_keeps_the_total_last_either_way(tmp_path) -> None:
    model = WorkloadModel()
    model.set_figures(_figures())
    proxy = TotalLastProxy()
    proxy.setSourceModel(model)
    received = [c.key for c in model.columns].index("received")
    rate = [c.key for c in model.columns].index("on_time_rate")
    proxy.sort(received, Qt.SortOrder.DescendingOrder)
    assert [r[0] for r in snapshot(proxy, model.columns).text] == ["W02", "W01", "W03", "Total"]
    proxy.sort(received, Qt.SortOrder.AscendingOrder)
    assert [r[0] for r in snapshot(proxy, model.columns).text] == ["W03", "W01", "W02", "Total"]
    proxy.sort(rate, Qt.SortOrder.AscendingOrder)  # nothing ("—") sorts lowest
    assert [r[0] for r in snapshot(proxy, model.columns).text] == ["W02", "W01", "W03", "Total"]
    table = snapshot(proxy, model.columns)
    path = write_csv(tmp_path / "w.csv", table, title="标题")
    assert path.read_bytes().startswith("\ufeff标题".encode())
