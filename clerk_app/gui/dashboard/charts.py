"""QtCharts of the dashboard: volume per window, status mix, trend per day."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QPainter

RECEIVED_COLOR = QColor("#2f6db5")
COMPLETED_COLOR = QColor("#3a9a5b")
STATUS_COLORS = ("#2f6db5", "#e0a020", "#3a9a5b", "#c0392b")


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart


# Room kept right of the plot for half of the last day's label ("11-27").
TREND_RIGHT_MARGIN = 28


def count_step(maximum: int, most_ticks: int = 6) -> int:
    """The step between the ticks of a count axis up to ``maximum``: 1, 2, 5, 10, 20, 50 …
    — a whole number, so no label repeats ("0, 0, 1, 1, 2")."""
    step, factors = 1, (2, 2.5, 2)
    i = 0
    while -(-max(1, maximum) // step) > most_ticks:
        step = int(step * factors[i % 3])
        i += 1
    return step


def _value_axis(maximum: int) -> QValueAxis:
    """A count axis from 0 with a tick on every ``count_step`` (whole numbers only)."""
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    step = count_step(maximum)
    top = step * -(-max(1, maximum) // step)
    axis.setRange(0, top)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setMinorTickCount(0)
    return axis


def volume_chart(items: list[dict[str, Any]]) -> QChart:
    """Received and completed per window (or department), side by side."""
    chart = _chart(QCoreApplication.translate("Dashboard", "Volume per window"))
    received, completed = (
        QBarSet(QCoreApplication.translate("Dashboard", "Received")),
        QBarSet(QCoreApplication.translate("Dashboard", "Completed")),
    )
    received.setColor(RECEIVED_COLOR)
    completed.setColor(COMPLETED_COLOR)
    categories = []
    for item in items:
        categories.append(str(item.get("group", "")))
        received.append(int(item.get("received") or 0))
        completed.append(int(item.get("completed") or 0))
    series = QBarSeries()
    series.append(received)
    series.append(completed)
    chart.addSeries(series)
    x = QBarCategoryAxis()
    x.append(categories or [""])
    if len(categories) > 12:
        x.setLabelsAngle(-90)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(x)
    peak = max([int(i.get("received") or 0) for i in items] + [1])
    y = _value_axis(peak)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(y)
    return chart


def status_counts(total: dict[str, Any]) -> list[tuple[str, int]]:
    """The status mix of the period's cases: in progress, waiting, completed, refused."""
    return [
        (
            QCoreApplication.translate("Dashboard", "In progress"),
            int(total.get("in_progress") or 0),
        ),
        (QCoreApplication.translate("Dashboard", "Waiting"), int(total.get("waiting") or 0)),
        (QCoreApplication.translate("Dashboard", "Completed"), int(total.get("completed") or 0)),
        (QCoreApplication.translate("Dashboard", "Refused"), int(total.get("refused") or 0)),
    ]


def status_chart(total: dict[str, Any]) -> QChart:
    """A doughnut of the status mix, each slice labelled with its count."""
    chart = _chart(QCoreApplication.translate("Dashboard", "Status mix"))
    series = QPieSeries()
    series.setHoleSize(0.35)
    for (label, count), color in zip(status_counts(total), STATUS_COLORS, strict=True):
        piece = series.append(f"{label} {count}", count)
        piece.setColor(QColor(color))
    chart.addSeries(series)
    return chart


def trend_chart(trend: list[dict[str, Any]]) -> QChart:
    """Received and completed per day of the period."""
    chart = _chart(QCoreApplication.translate("Dashboard", "Trend per day"))
    received, completed = QLineSeries(), QLineSeries()
    received.setName(QCoreApplication.translate("Dashboard", "Received"))
    completed.setName(QCoreApplication.translate("Dashboard", "Completed"))
    received.setColor(RECEIVED_COLOR)
    completed.setColor(COMPLETED_COLOR)
    for i, day in enumerate(trend):
        received.append(i, int(day.get("received") or 0))
        completed.append(i, int(day.get("completed") or 0))
    chart.addSeries(received)
    chart.addSeries(completed)
    # A label every few days, so that a month or a year stays readable.
    x = QCategoryAxis()
    x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    x.setRange(0, max(1, len(trend) - 1))
    step = max(1, -(-len(trend) // 8))
    last = len(trend) - 1
    # every step-th day and always the last one (a label less than a step before it left out:
    # the two would run into each other)
    days = [i for i in range(0, len(trend), step) if i == 0 or last - i >= step]
    for i in sorted(set(days) | ({last} if trend else set())):
        x.append(str(trend[i].get("date", ""))[5:], i)
    chart.setMargins(QMargins(4, 4, TREND_RIGHT_MARGIN, 4))
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    peak = max(
        [int(d.get("received") or 0) for d in trend]
        + [int(d.get("completed") or 0) for d in trend]
        + [1]
    )
    y = _value_axis(peak)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    for series in (received, completed):
        series.attachAxis(x)
        series.attachAxis(y)
    return chart


def chart_view(parent: Any = None) -> QChartView:
    view = QChartView(parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    view.setAccessibleName(QCoreApplication.translate("DashboardCharts", "Chart"))
    view.viewport().setAccessibleName(view.accessibleName())
    return view


def show(view: QChartView, chart: QChart) -> None:
    """Put ``chart`` in ``view``; the previous chart is deleted with it."""
    old = view.chart()
    view.setChart(chart)
    view.setAccessibleName(chart.title() or view.accessibleName())
    view.viewport().setAccessibleName(view.accessibleName())
    if old is not None:
        old.deleteLater()
