"""Bar charts of tokens per second with error bars (QtCharts), for one run or a comparison.

QtCharts has no error-bar series, so each bar's ±1 standard deviation is drawn as a
short vertical line series centred on the bar.
"""

from __future__ import annotations

import math

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPen


def speed_axis_range(axis: QValueAxis, top: float, has_data: bool) -> None:
    """0 to a round number above ``top``, with labels that never repeat (0.5, 1.0... for slow
    models); no labels at all before there is anything to show."""
    axis.setRange(0, top * 1.15)
    axis.applyNiceNumbers()
    step = (axis.max() - axis.min()) / max(1, axis.tickCount() - 1)
    decimals = 0 if step >= 1 else min(3, math.ceil(-math.log10(step) - 1e-9))
    axis.setLabelFormat(f"%.{decimals}f")
    axis.setLabelsVisible(has_data)


class ResultsChart(QChartView):
    """Grouped bars: one group per test (pp512, tg128), one bar per run."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.show_runs([])

    def show_runs(self, runs: list[tuple[str, dict]]) -> None:
        """``runs``: (label, record) pairs; a record has ``results`` as the CLI prints them."""
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setVisible(len(runs) > 1)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        tests = []
        for _label, record in runs:
            for result in record["results"]:
                if result["test"] not in tests:
                    tests.append(result["test"])
        series = QBarSeries()
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPrecision(4)
        top = 1.0
        whiskers = []
        for run_index, (label, record) in enumerate(runs):
            bar_set = QBarSet(label)
            by_test = {r["test"]: r for r in record["results"]}
            for test_index, test in enumerate(tests):
                result = by_test.get(test)
                value = round(result["avg_ts"], 2) if result else 0.0
                bar_set.append(value)
                if result:
                    top = max(top, result["avg_ts"] + result["stddev_ts"])
                    whiskers.append((test_index, run_index, result["avg_ts"], result["stddev_ts"]))
            series.append(bar_set)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(tests or [""])
        axis_y = QValueAxis()
        axis_y.setTitleText(self.tr("tokens per second"))
        speed_axis_range(axis_y, top, bool(runs))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        # Error bars: the bar-set offsets follow QBarSeries' default layout (bar width 0.5 of a category).
        count = max(1, len(runs))
        pen = QPen(Qt.GlobalColor.black)
        pen.setWidth(2)
        axis_value = QValueAxis()
        axis_value.setRange(-0.5, len(tests) - 0.5 if tests else 0.5)
        axis_value.setVisible(False)
        chart.addAxis(axis_value, Qt.AlignmentFlag.AlignTop)
        for test_index, run_index, mean, sd in whiskers:
            x = test_index - 0.25 + (run_index + 0.5) * 0.5 / count
            line = QLineSeries()
            line.setPen(pen)
            line.append(QPointF(x, max(0.0, mean - sd)))
            line.append(QPointF(x, mean + sd))
            chart.addSeries(line)
            line.attachAxis(axis_value)
            line.attachAxis(axis_y)
            chart.legend().markers(line)[0].setVisible(False)
        chart.setTitle(self.tr("Speed (mean ± standard deviation over repetitions)") if runs else self.tr("No results yet"))
        self.setChart(chart)


class HistoryChart(QChartView):
    """Prompt and generation speed of every stored run, oldest first."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.show_history([])

    def show_history(self, runs: list[dict]) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setTitle(self.tr("Speed over time (run number on the horizontal axis)") if runs else self.tr("No runs yet"))
        ordered = sorted(runs, key=lambda r: r.get("run_id", 0))
        axis_x = QValueAxis()
        axis_x.setLabelFormat("#%d")
        axis_x.setRange(0.5, max(1, len(ordered)) + 0.5)
        axis_x.setTickCount(min(10, max(2, len(ordered) + 1)))
        axis_y = QValueAxis()
        axis_y.setTitleText(self.tr("tokens per second"))
        axis_x.setLabelsVisible(bool(ordered))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        top = 1.0
        for name, pick in ((self.tr("prompt processing"), lambda r: r["n_prompt"] and not r["n_gen"]), (self.tr("generation"), lambda r: r["n_gen"] and not r["n_prompt"])):
            line = QLineSeries()
            line.setName(name)
            line.setPointsVisible(True)
            for position, run in enumerate(ordered, start=1):
                value = next((t["avg_ts"] for t in run["results"] if pick(t)), None)
                if value is not None:
                    line.append(QPointF(position, value))
                    top = max(top, value)
            chart.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)
        speed_axis_range(axis_y, top, bool(ordered))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setChart(chart)
