"""The Benchmark pane's Serving tab, offscreen: a sweep of Hangar's own server (started for the run, then the
window's running server, which asks for a key) with the real worker and the tiny synthetic model, the results
per level, the charts and the run in the Fleet tab; a saved remote endpoint (the loadgen tests' fake) marked
remote, each of its failures in the tab with its own message, and cancel."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from hangar.core.app import Hangar
from hangar.core.config.context import AppContext
from hangar.ui.panes.benchmark.pane import BenchmarkPane
from hangar.ui.panes.benchmark.serving_tab import ADDRESS, ENDPOINT, LOCAL, parse_levels
from hangar.ui.services import UiServices

from ..loadgen.fake_endpoint import Behaviour, FakeEndpoint

KEY = "sk-serving-tab-0123456789abcdef"


@pytest.fixture(autouse=True)
def _finish_background_work():
    yield
    QThreadPool.globalInstance().waitForDone(60_000)


@pytest.fixture(scope="module")
def endpoint():
    with FakeEndpoint() as fake:
        yield fake


@pytest.fixture
def fake(endpoint: FakeEndpoint) -> FakeEndpoint:
    endpoint.behaviour = Behaviour(ttft_s=0.01, per_token_s=0.002)
    return endpoint


def _pane(qtbot, app: Hangar | None = None) -> BenchmarkPane:
    services = UiServices(app or Hangar(AppContext.open()))
    pane = BenchmarkPane(services)
    qtbot.addWidget(pane)
    pane.show()
    pane.tabs.setCurrentWidget(pane.serving_tab)
    return pane


def _choose(tab, kind: str, name: str | None = None) -> None:
    tab.target.setCurrentIndex(tab.target.findData(f"{kind}:{name}" if name else kind))
    assert tab.kind() == kind


def _small(tab, levels: str = "1,2", requests: int = 2, prompt: int = 24, output: int = 8) -> None:
    tab.levels.setText(levels)
    tab.requests.setValue(requests)
    tab.prompt_tokens.setValue(prompt)
    tab.output_tokens.setValue(output)


def _run(qtbot, tab, timeout_ms: int = 120_000) -> list[str]:
    """Start, and keep every progress line the tab showed until the run is over (with the table's rows then)."""
    seen: list[str] = []

    def one_at_a_time(updates: list) -> None:  # the collector hands a 50 ms batch: look after each update of it
        for update in updates:
            tab._render([update])
            shown = f"{tab.stage.text()} [{tab.results.rowCount()} rows]"
            if not seen or seen[-1] != shown:
                seen.append(shown)

    tab.collector._render = one_at_a_time
    tab.start()
    assert tab.run is not None, tab.status.text()
    deadline = time.monotonic() + timeout_ms / 1000
    while tab.run is not None and time.monotonic() < deadline:
        qtbot.wait(20)
    assert tab.run is None, "the run did not end"
    return seen


def test_levels_are_parsed_or_refused() -> None:
    assert parse_levels("1, 2,4,8") == [1, 2, 4, 8]
    assert parse_levels("1,x") is None and parse_levels("0") is None and parse_levels("") is None


@pytest.mark.slow
def test_a_sweep_of_hangars_own_server_fills_the_table_the_charts_and_the_fleet(qtbot, tiny_gguf: Path, tmp_path: Path) -> None:
    model = tmp_path / "Tiny-Serve.gguf"
    shutil.copy(tiny_gguf, model)
    app = Hangar(AppContext.open())
    app.library.add_file(model)
    app.settings.update({"serve_parallel": 2, "serve_ctx": 2048, "serve_port": 0})
    pane = _pane(qtbot, app)
    tab = pane.serving_tab
    _choose(tab, LOCAL)
    assert tab.model.currentText().endswith("(synthetic weights)") and "started for the run" in tab.where.text()
    assert not tab.url.isVisible() and not tab.refresh_button.isVisible()
    _small(tab)
    tab.slo_ttft.setValue(60_000)
    seen = _run(qtbot, tab)
    assert any(s.startswith("Level 1 of 2 (concurrency 1): 1 of 2 requests done") for s in seen), seen
    assert any(s.startswith("Level 2 of 2 (concurrency 2): 2 of 2 requests done") for s in seen), seen
    assert any(s.startswith("Level 2 of 2") and s.endswith("[1 rows]") for s in seen), "the first level's row is shown while the second runs"
    assert tab.stage.text() == "Finished: 2 level(s).", tab.stage.text()
    assert "Stored as fleet run #" in tab.status.text()
    rows = tab.results.records
    assert [(r["max_concurrency"], r["status"], r["completed"]) for r in rows] == [(1, "ok", 2), (2, "ok", 2)]
    assert all(r["request_goodput"] is not None and r["output_throughput"] > 0 for r in rows)
    assert tab.results.data(tab.results.index(0, 1)) == "ok" and " / " in tab.results.data(tab.results.index(0, 5))  # TTFT median / p99
    assert tab.document["target"]["kind"] == "hangar" and tab.document["target"]["model"] == "tiny-serve"
    assert "Hangar's server" in tab.summary.text()
    for chart in (tab.throughput_chart, tab.ttft_chart, tab.tpot_chart):
        assert len(chart.chart().series()) == 2 and all(s.count() == 2 for s in chart.chart().series())
    fleet = pane.fleet_tab
    assert [r["machine"] for r in fleet.machines.records if r["model"] == "tiny-serve"], "the Fleet tab shows the run at once"
    assert {r["concurrency"] for r in fleet.machines.records} >= {1, 2}

    # The window's server, running and asking for a key: used as it is, with a key for this run only.
    app.api_keys.create("ops")
    control = pane.services.server
    control.start_from_settings()
    qtbot.waitUntil(lambda: control.running, timeout=30_000)
    qtbot.waitUntil(lambda: "in this window is running" in tab.where.text(), timeout=5_000)
    _small(tab, levels="2", requests=2)
    _run(qtbot, tab)
    assert tab.stage.text() == "Finished: 1 level(s).", (tab.stage.text(), tab.status.text())
    assert tab.document["target"]["base_url"] == control.url + "/v1"
    assert control.running and control.runner.auth.required
    assert control.runner.auth._extra == [], "the run's one-time key was withdrawn"
    control.shutdown()


def test_a_saved_endpoint_is_marked_remote_and_its_failures_are_shown(qtbot, fake) -> None:
    app = Hangar(AppContext.open())
    app.endpoints.add("cluster-a", fake.url, api_key=KEY)
    pane = _pane(qtbot, app)
    tab = pane.serving_tab
    _choose(tab, ENDPOINT, "cluster-a")
    assert "— remote (" in tab.target.currentText()
    assert f"Remote endpoint cluster-a: prompts and replies leave this machine and go to {fake.url}/v1." in tab.where.text()
    assert tab.model_label.text() == "Remote model" and tab.refresh_button.isVisible()
    tab.refresh_models()  # its models from GET /v1/models
    qtbot.waitUntil(lambda: tab.model.count() == 2, timeout=10_000)
    assert [tab.model.itemText(i) for i in range(2)] == ["fake-model", "other-model"]
    _small(tab, levels="1", requests=2, prompt=16)

    fake.behaviour.api_key = "sk-another-key-0123456789"  # 401: the key is not accepted
    _run(qtbot, tab)
    assert "refused the request (HTTP 401)" in tab.status.text() and tab.stage.text() == "The serving benchmark stopped."

    fake.behaviour = Behaviour(ttft_s=0.0, per_token_s=0.0, api_key=KEY, mode="cut", cut_after=2)  # a stream cut mid-way: the level fails
    _run(qtbot, tab)
    [row] = tab.results.records
    assert row["status"] == "failed" and tab.results.data(tab.results.index(0, 1)) == "failed"
    reason = tab.results.data(tab.results.index(0, len(tab.results.columns) - 1))
    assert "closed the connection" in reason or "ended after" in reason, reason
    assert tab.stage.text() == "Every level failed: the reason is in the table."

    fake.behaviour = Behaviour(ttft_s=0.0, per_token_s=0.0, api_key=KEY)
    tab.model.setEditText("no-such-model")  # 404: the model it lacks, with the ones it has
    _run(qtbot, tab)
    assert "does not serve a model named no-such-model; it lists: fake-model, other-model" in tab.status.text()

    fake.behaviour = Behaviour(ttft_s=0.0, per_token_s=0.0, api_key=KEY, mode="busy_always", busy_status=429, retry_after="0")
    tab.model.setEditText("fake-model")
    _run(qtbot, tab)
    assert "stayed busy (HTTP 429)" in (tab.status.text() + " ".join(r["error"] or "" for r in tab.results.records))


def test_an_address_refused_and_a_cancel(qtbot, fake) -> None:
    pane = _pane(qtbot)
    tab = pane.serving_tab
    _choose(tab, ADDRESS)
    assert tab.url.isVisible() and tab.key.isVisible()
    tab.url.setText("http://127.0.0.1:9")  # nothing listens
    _small(tab, levels="1", requests=1)
    _run(qtbot, tab)
    assert tab.status.text().startswith("Nothing answers at http://127.0.0.1:9/v1")
    tab.url.setText("not an address")
    tab.start()
    assert tab.run is None and "is not an endpoint address" in tab.status.text()
    tab.levels.setText("1,zero")
    tab.url.setText(fake.url)
    tab.start()
    assert tab.run is None and "whole numbers of 1 or more" in tab.status.text()

    fake.behaviour = Behaviour(ttft_s=0.05, per_token_s=0.02)
    _small(tab, levels="2,4", requests=40, prompt=16, output=32)
    tab.start()
    qtbot.waitUntil(lambda: tab.stage.text().startswith("Level 1 of 2"), timeout=20_000)
    tab.cancel()
    qtbot.waitUntil(lambda: tab.run is None, timeout=5_000)
    assert tab.stage.text() == "Cancelled: the levels measured so far are shown."
    assert [r["status"] for r in tab.results.records] == ["cancelled"]
    assert tab.run_button.isEnabled() and not tab.cancel_button.isEnabled()
