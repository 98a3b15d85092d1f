"""The speed axis reads as numbers a person can use: distinct labels, none before any result."""

from __future__ import annotations

from hangar.ui.panes.benchmark.chart import HistoryChart, ResultsChart


def _labels(view) -> list[str]:
    axis = view.chart().axes()[1]  # the left axis: tokens per second
    count = axis.tickCount()
    return [axis.labelFormat() % (axis.min() + i * (axis.max() - axis.min()) / (count - 1)) for i in range(count)] if axis.labelsVisible() else []


def _record(pp: float, tg: float) -> dict:
    return {"results": [{"test": "pp512", "n_prompt": 512, "n_gen": 0, "avg_ts": pp, "stddev_ts": 0.1},
                        {"test": "tg128", "n_prompt": 0, "n_gen": 128, "avg_ts": tg, "stddev_ts": 0.05}]}  # fmt: skip


def test_empty_charts_show_no_made_up_scale(qtbot) -> None:
    for view in (ResultsChart(), HistoryChart()):
        qtbot.addWidget(view)
        assert _labels(view) == []


def test_slow_and_fast_models_get_distinct_labels_that_cover_the_bars(qtbot) -> None:
    for pp, tg in ((0.9, 0.3), (2.6, 1.1), (84.1, 17.2), (1234.0, 95.0)):
        view = ResultsChart()
        qtbot.addWidget(view)
        view.show_runs([("run", _record(pp, tg))])
        labels = _labels(view)
        assert len(set(labels)) == len(labels) >= 3, labels
        assert float(labels[-1]) >= pp, labels
        history = HistoryChart()
        qtbot.addWidget(history)
        history.show_history([dict(_record(pp, tg), run_id=1)])
        assert len(set(_labels(history))) == len(_labels(history)) >= 3
