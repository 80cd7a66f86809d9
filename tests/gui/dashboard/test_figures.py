"""A generated month of 20,000+ cases: the service, the dashboard's table, the CSV and the
XLSX all show the totals counted independently from the generated cases, on SQLite and on
PostgreSQL."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from openpyxl import load_workbook

from clerk_app.app.dashboard import DashboardSource
from clerk_app.gui.dashboard import DashboardWindow
from clerk_app.gui.dashboard.models import COLUMNS, Period, format_value
from clerk_app.remote.api import ApiClient
from tests.helpers import dashboard_dataset as dataset

FIGURES = [c for c in COLUMNS if c.key not in ("group", "name", "department")]


def _dashboard(qtbot, loaded, clock, username="demo-lead") -> DashboardWindow:
    api = ApiClient(loaded.service.base_url)
    source = DashboardSource(api, loaded.service.token(username))
    window = DashboardWindow(source, clock, user_name=username, auto_refresh_ms=0)
    qtbot.addWidget(window)
    return window


def test_the_service_counts_what_was_generated(loaded) -> None:
    """Every window, every department and the total, every figure, for the month."""
    token = loaded.service.token("demo-admin", window_code=None)
    start, end = dataset.MONTH_START, dataset.TODAY
    assert len(loaded.cases) >= 20_000
    for group in ("window", "department"):
        answer = loaded.service.get(
            "/workload", token, **{"from": start.isoformat(), "to": end.isoformat(), "group": group}
        ).json()
        want = dataset.expected(loaded.cases, start, end, group)
        got = {item["group"]: item for item in answer["items"]}
        got["total"] = answer["total"]
        # The demo's other windows (and their departments) are listed with zeros.
        dataset.assert_all_zero({k: v for k, v in got.items() if k not in want})
        got = {k: v for k, v in got.items() if k in want}
        assert set(got) == set(want)
        assert len(got) == (31 if group == "window" else 6)
        for name, figures in want.items():
            for key, value in figures.items():
                assert got[name][key] == value, (loaded.backend, group, name, key)
    trend = {d["date"]: d for d in answer["trend"]}
    assert len(trend) == 27
    assert sum(d["received"] for d in trend.values()) == answer["total"]["received"]
    assert trend["2026-11-27"]["received"] == sum(
        1 for g in loaded.cases if g.received.date() == dataset.TODAY
    )


@pytest.mark.parametrize("period", [Period.MONTH, Period.WEEK])
def test_table_csv_and_xlsx_show_exactly_the_generated_totals(
    qtbot, loaded, client_clock, tmp_path, period
) -> None:
    window = _dashboard(qtbot, loaded, client_clock, username="demo-admin")
    with qtbot.waitSignal(window.workload.refreshed, timeout=60_000) as blocker:
        window.workload.set_period(period)
    assert blocker.args == [True], window.workload.freshness.text()
    start, end = window.workload.shown_period
    assert end == dataset.TODAY
    assert start == (dataset.MONTH_START if period is Period.MONTH else date(2026, 11, 23))
    want = dataset.expected(loaded.cases, start, end)
    shown = window.workload.snapshot()
    headers = shown.headers
    by_code = {row[0]: row for row in shown.text[:-1]}
    total_row = shown.text[-1]
    assert total_row[0] == "Total"
    by_code["total"] = total_row
    received = next(c for c in FIGURES if c.key == "received")
    at = window.workload.model.columns.index(received)
    zero = format_value(received, 0)
    others = {k: v for k, v in by_code.items() if k not in want}
    assert others and all(row[at] == zero for row in others.values()), others
    by_code = {k: v for k, v in by_code.items() if k in want}
    assert set(by_code) == set(want)
    for name, figures in want.items():
        for column in FIGURES:
            cell = by_code[name][window.workload.model.columns.index(column)]
            assert cell == format_value(column, figures[column.key]), (name, column.key)
    assert "Figures as of 11:00" in window.workload.freshness.text()

    csv_path = window.export_csv(tmp_path / "workload.csv")
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel opens the Chinese right
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[1] == headers and rows[2:] == shown.text

    xlsx_path = window.export_xlsx(tmp_path / "workload.xlsx")
    sheet = load_workbook(xlsx_path).active
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert list(values[1]) == headers
    xlsx_rows = {str(r[0]): r for r in values[2:-1]}
    xlsx_rows["total"] = values[-1]
    for name, figures in want.items():
        for column in FIGURES:
            i = window.workload.model.columns.index(column)
            got = xlsx_rows[name][i]
            value = figures[column.key]
            if column.key == "refusals":
                assert (got or "") == format_value(column, value)
            elif value is None:
                assert got == "—"
            else:  # a number with the screen's format: the same figure as shown
                assert format_value(column, got) == format_value(column, value), (name, column)


def test_sorting_keeps_the_total_last_and_orders_by_number(qtbot, loaded, client_clock) -> None:
    window = _dashboard(qtbot, loaded, client_clock, username="demo-admin")
    with qtbot.waitSignal(window.workload.refreshed, timeout=60_000):
        window.workload.set_period(Period.MONTH)
    column = window.workload.model.columns.index(COLUMNS[3])  # received
    from PySide6.QtCore import Qt

    window.workload.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    rows = window.workload.snapshot().text
    received = [int(r[column]) for r in rows[:-1]]
    assert received == sorted(received, reverse=True)
    assert rows[-1][0] == "Total"
