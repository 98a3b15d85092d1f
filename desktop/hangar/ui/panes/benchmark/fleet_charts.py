"""The Fleet tab's charts (QtCharts): cost per million output tokens against throughput, and
latency (median solid, p99 dashed) against concurrency, one colour per machine.

What to draw comes from core/fleet/charts.py, the same data the HTML report draws as SVG.
"""

from __future__ import annotations

import math

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QLogValueAxis, QScatterSeries, QValueAxis
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from ....core.fleet.svg import PALETTE
from .chart import speed_axis_range


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setTitle(title)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


class _LinesChart(QChartView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        self.colours: dict[str, str] = {}

    def _colour(self, machine: str) -> QColor:
        if machine not in self.colours:
            self.colours[machine] = PALETTE[len(self.colours) % len(PALETTE)]
        return QColor(self.colours[machine])

    def _add(self, chart: QChart, line, axis_x, axis_y) -> None:  # noqa: ANN001 - core.fleet.charts.Line
        series = QLineSeries()
        series.setName(line.name)
        pen = QPen(self._colour(line.machine))
        pen.setWidth(2)
        if line.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        series.setPen(pen)
        series.setPointsVisible(True)
        for x, y in line.points:
            series.append(QPointF(x, y))
        chart.addSeries(series)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        if line.marked:  # the level the machine's cost is taken at
            marks = QScatterSeries()
            marks.setMarkerSize(14)
            marks.setColor(self._colour(line.machine))
            marks.setBorderColor(QColor("black"))
            for index in sorted(line.marked):
                marks.append(QPointF(*line.points[index]))
            chart.addSeries(marks)
            marks.attachAxis(axis_x)
            marks.attachAxis(axis_y)
            chart.legend().markers(marks)[0].setVisible(False)


class CostChart(_LinesChart):
    """One line per run: a point per finished level; the costed level drawn larger."""

    def show_lines(self, lines: list, colours: dict[str, str] | None = None) -> None:
        self.colours = dict(colours or {})
        chart = _chart(self.tr("Cost per million output tokens vs throughput") if lines else self.tr("Enter cost inputs to see the cost chart"))
        axis_x, axis_y = QValueAxis(), QValueAxis()
        axis_x.setTitleText(self.tr("output tokens per second"))
        axis_y.setTitleText(self.tr("cost / million tokens"))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        for line in lines:
            self._add(chart, line, axis_x, axis_y)
        points = [p for line in lines for p in line.points]
        speed_axis_range(axis_x, max([p[0] for p in points], default=1.0), bool(points))
        speed_axis_range(axis_y, max([p[1] for p in points], default=1.0), bool(points))
        self.setChart(chart)


class LatencyChart(_LinesChart):
    """Median and p99 of one latency against concurrency (log 2 axis)."""

    def show_lines(self, lines: list, title: str, unit_title: str, colours: dict[str, str] | None = None) -> None:
        self.colours = dict(colours or {})
        chart = _chart(title if lines else self.tr("Import serving runs to see latency against concurrency"))
        axis_x = QLogValueAxis()
        axis_x.setBase(2)
        axis_x.setLabelFormat("%d")
        axis_x.setTitleText(self.tr("concurrency"))
        axis_y = QValueAxis()
        axis_y.setTitleText(unit_title)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        for line in lines:
            self._add(chart, line, axis_x, axis_y)
        points = [p for line in lines for p in line.points]
        top_x = max([p[0] for p in points], default=2.0)
        axis_x.setRange(0.8, 2 ** math.ceil(math.log2(max(2.0, top_x))) * 1.25)
        axis_x.setMinorTickCount(0)
        speed_axis_range(axis_y, max([p[1] for p in points], default=1.0), bool(points))
        self.setChart(chart)
