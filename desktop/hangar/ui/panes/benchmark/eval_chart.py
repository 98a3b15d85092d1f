"""The Evaluate tab's chart (QtCharts): accuracy per run as bars, with the Wilson 95 % interval.

QtCharts has no error-bar series, so each interval is a small line series (an "I" with caps)
on a hidden value axis that lines up with the bars, as chart.py draws its ± bars. The
interval is asymmetric (Wilson's), so it is drawn from its own low and high, not as ± a width.
"""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from ....core.evals.export import label
from ....core.fleet.svg import PALETTE

CAP = 0.04  # half the width of an interval's caps, in categories (less when many bars share the group)


class EvalChart(QChartView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.setAccessibleName(self.tr("Accuracy of each run with its 95% interval"))
        self.show_runs([])

    def show_runs(self, runs: list[dict]) -> None:
        """``runs``: stored or finished runs (each with ``summary`` and ``model``); a run without items draws no bar.

        One bar set per run (its colour and, in the legend, its name and accuracy) in one
        group, as chart.py groups a comparison; the intervals sit on QBarSeries' default layout
        (the group is half a category wide)."""
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        shown = [run for run in runs if run["summary"]["accuracy"] is not None]
        series = QBarSeries()
        for index, run in enumerate(shown):
            s = run["summary"]
            bars = QBarSet(self.tr("{0}: {1:.1f}%").format(label(run), 100 * s["accuracy"]))
            bars.setColor(QColor(PALETTE[index % len(PALETTE)]))
            bars.append(round(100 * s["accuracy"], 1))
            series.append(bars)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([shown[0]["suite"]["name"] if shown else ""])
        axis_y = QValueAxis()
        axis_y.setRange(0, 100)
        axis_y.setLabelFormat("%d%%")
        axis_y.setTitleText(self.tr("items right"))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        axis_value = QValueAxis()
        axis_value.setRange(-0.5, 0.5)
        axis_value.setVisible(False)
        chart.addAxis(axis_value, Qt.AlignmentFlag.AlignTop)
        pen = QPen(Qt.GlobalColor.black)
        pen.setWidth(2)
        count = max(1, len(shown))
        cap = min(CAP, 0.15 / count)
        for index, run in enumerate(shown):
            x = -0.25 + (index + 0.5) * 0.5 / count
            low, high = 100 * run["summary"]["low"], 100 * run["summary"]["high"]
            whisker = QLineSeries()
            whisker.setPen(pen)
            for point in ((x - cap, high), (x + cap, high), (x, high), (x, low), (x - cap, low), (x + cap, low)):
                whisker.append(QPointF(*point))
            chart.addSeries(whisker)
            whisker.attachAxis(axis_value)
            whisker.attachAxis(axis_y)
            chart.legend().markers(whisker)[0].setVisible(False)
        chart.setTitle(self.tr("Accuracy with its 95% interval (Wilson), per run") if shown else self.tr("No evaluation runs yet"))
        self.setChart(chart)

    def bar_values(self) -> list[float]:
        """What the bars show (for tests): the percentages in order."""
        series = [s for s in self.chart().series() if isinstance(s, QBarSeries)]
        return [bars.at(0) for bars in series[0].barSets()] if series else []
