"""The Benchmark pane's Fleet tab, offscreen: two machines imported from their run files (an
Ascend 910B and an H100 serving sweep) beside this machine's single-stream run; cost inputs
saved per machine (bad ones refused with the core's reason), both charts, exports and the report."""

from __future__ import annotations

import csv
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from hangar.core.app import Hangar
from hangar.core.bench.runs import store_run
from hangar.core.config.context import AppContext
from hangar.ui.panes.benchmark.pane import BenchmarkPane
from hangar.ui.services import UiServices

from ..fleet.documents import ascend_doc, bench_doc, h100_doc

ENVELOPE = ("schema", "kind", "created_at", "hangar_version", "machine")


@pytest.fixture(autouse=True)
def _finish_background_work():
    yield
    QThreadPool.globalInstance().waitForDone(60_000)


def _files(tmp_path: Path) -> list[str]:
    paths = []
    for name, doc in (("ascend-910b.json", ascend_doc()), ("h100.json", h100_doc())):
        (tmp_path / name).write_text(json.dumps(doc), encoding="utf-8")
        paths.append(str(tmp_path / name))
    bad = h100_doc()
    bad["levels"][1]["duration"] = -4
    (tmp_path / "broken.json").write_text(json.dumps(bad), encoding="utf-8")
    return [*paths, str(tmp_path / "broken.json")]


def _pane(qtbot) -> BenchmarkPane:
    ctx = AppContext.open()
    record = {k: v for k, v in bench_doc("ignored").items() if k not in ENVELOPE}
    store_run(ctx.database, record)  # this machine's benchmark, as a finished run leaves it
    pane = BenchmarkPane(UiServices(Hangar(ctx)))
    qtbot.addWidget(pane)
    pane.show()
    pane.tabs.setCurrentWidget(pane.fleet_tab)
    return pane


def test_two_machines_and_this_one_side_by_side_costed_and_reported(qtbot, tmp_path: Path) -> None:
    pane = _pane(qtbot)
    tab = pane.fleet_tab
    assert tab.machines.rowCount() == 0 and not tab.cost_form.isEnabled()
    tab.import_files(_files(tmp_path))
    qtbot.waitUntil(lambda: tab.import_button.isEnabled() and tab.machines.rowCount() == 6, timeout=10_000)
    status = tab.status.text()
    assert "Imported 2 of 3 file(s)." in status and "broken.json" in status and "levels[1].duration is -4: it cannot be negative" in status

    tab.local_button.click()
    assert "a single stream" in tab.status.text() and tab.machines.rowCount() == 7
    labels = {tab.machines.index(r, 0).data() for r in range(tab.machines.rowCount())}
    assert len(labels) == 3 and {"ascend-910b", "h100"} < labels
    loads = [tab.machines.index(r, 2).data() for r in range(tab.machines.rowCount())]
    assert loads.count("single stream") == 1 and "concurrency 16" in loads
    assert tab.costs.rowCount() == 3 and all("no cost inputs" in tab.costs.index(r, 6).data() for r in range(3))

    form = tab.cost_form
    assert form.isEnabled() and form.machine.count() == 3
    form.machine.setCurrentText("h100")
    form.price_per_hour.setValue(2.5)
    form.kwh.setValue(0.15)
    form.watts.setValue(700)
    form.pue.setValue(1.3)
    form.utilisation.setValue(60)
    assert form.save() and "Saved for h100" in form.status.text()
    form.machine.setCurrentText("ascend-910b")
    form.purchase.setValue(250_000)
    form.lifetime.setValue(0)
    assert not form.save() and "lifetime" in form.status.text() and "ascend-910b" not in tab.fleet.costs()
    form.lifetime.setValue(26_280)
    form.pue.setValue(0.9)
    assert not form.save() and "PUE is 0.9" in form.status.text()
    form.pue.setValue(1.2)
    form.utilisation.setValue(0)
    assert not form.save() and "utilisation" in form.status.text().lower()
    form.utilisation.setValue(40)
    form.kwh.setValue(0.12)
    assert form.save()
    form.machine.setCurrentText("h100")
    assert form.price_per_hour.value() == 2.5 and form.utilisation.value() == 60, "each machine shows its own saved inputs"

    costs = {tab.costs.record(r).machine: tab.costs.record(r) for r in range(tab.costs.rowCount())}
    assert costs["h100"].concurrency == 4, "h100's 16 missed the SLO for 3 of 8 requests: the best level that meets it is 4"
    assert costs["h100"].total == pytest.approx(2.5 / 0.6 * (1e6 / 200) / 3600 + 700 * 1e6 / 200 * 1.3 / 3.6e6 * 0.15)
    assert costs["ascend-910b"].concurrency == 16 and costs["ascend-910b"].energy_basis == "measured"
    assert len(tab.cost_chart.chart().series()) >= 2 and tab.ttft_chart.chart().series() and tab.tpot_chart.chart().series()

    tab.level.setCurrentIndex(tab.level.findData(16))
    assert {tab.machines.index(r, 2).data() for r in range(tab.machines.rowCount())} == {"concurrency 16", "single stream"}
    picked = {tab.costs.record(r).machine: tab.costs.record(r) for r in range(tab.costs.rowCount())}
    assert picked["h100"].concurrency == 16 and picked["h100"].chosen == "picked"

    tab.export_csv(str(tmp_path / "fleet.csv"))
    tab.export_json(str(tmp_path / "fleet.json"))
    tab.save_report(str(tmp_path / "report.html"))
    qtbot.waitUntil(lambda: all((tmp_path / n).exists() for n in ("fleet.csv", "fleet.json", "report.html")), timeout=10_000)
    QThreadPool.globalInstance().waitForDone(10_000)
    rows = list(csv.DictReader((tmp_path / "fleet.csv").open(encoding="utf-8")))
    assert {r["machine"] for r in rows} == labels and any(r["basis"] == "single stream" for r in rows)
    exported = json.loads((tmp_path / "fleet.json").read_text(encoding="utf-8"))
    assert len(exported["runs"]) == 3 and exported["runs"][0]["document"]["levels"][0]["samples"]
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    HTMLParser().feed(html)
    assert "ascend-910b" in html and "<svg" in html and "single stream" in html

    tab.machines_table.selectRow(0)
    tab.remove_button.click()
    assert tab.machines.rowCount() < 7


def test_the_benchmark_pane_still_runs_its_own_tab(qtbot) -> None:
    pane = _pane(qtbot)
    assert pane.tabs.count() >= 2 and pane.tabs.widget(0).isAncestorOf(pane.run_button)
    assert pane.history.rowCount() == 1, "this machine's history is where it was"
