"""A suite over synthetic models through the real worker: results per item and model, stored, compared;
a model that does not load or whose worker dies mid-run is recorded and the others are kept; cancel."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from hangar.core.app import Hangar
from hangar.core.app.evals import EvalFailed, EvalFinished, EvalItemDone, EvalModelDone
from hangar.core.config.context import AppContext
from hangar.core.evals.runner import EvalSettings

from .conftest import write_suite

pytestmark = pytest.mark.slow

ITEMS = (
    {"format": "hangar-eval/1", "name": "synthetic", "description": "for tests", "max_tokens": 6},
    {"id": "pick", "prompt": "Which letter?", "scorer": "choice", "expected": "B", "choices": ["one", "two", "three"]},
    {"id": "pick-c", "prompt": "Which letter now?", "scorer": "choice", "expected": "C"},
    {"id": "word", "prompt": "Say B.", "scorer": "exact", "expected": "B"},
    {"id": "has-b", "prompt": "Say something with B in it.", "scorer": "contains", "expected": "b"},
    {"id": "json", "prompt": "JSON please", "scorer": "json_schema", "schema": {"type": "object"}},
    {"id": "num", "prompt": "A number", "scorer": "number", "expected": 7},
    {"id": "re", "prompt": "Lines", "scorer": "regex", "expected": "^B\\nB"},
    {"id": "ll", "prompt": "The sky is", "scorer": "loglik", "choices": ["blue", "green", "made of cheese"], "expected": 0},
)


@pytest.fixture
def app():
    hangar = Hangar(AppContext.open())
    yield hangar
    hangar.close()


def _suite(tmp_path: Path) -> Path:
    return write_suite(tmp_path / "synthetic.jsonl", *ITEMS)


def test_a_suite_over_two_synthetic_models_through_the_real_worker(app: Hangar, tmp_path: Path, tiny_gguf: Path, medium_gguf: Path) -> None:
    updates = []
    record = app.evals.run(_suite(tmp_path), [str(tiny_gguf), str(medium_gguf)], EvalSettings(n_ctx=512), on_update=updates.append)
    assert record["status"] == "ok" and record["suite"]["n_items"] == 8 and record["settings"]["temperature"] == 0.0
    assert [m["status"] for m in record["models"]] == ["ok", "ok"]
    for model in record["models"]:
        items = model["items"]
        assert [i["item_id"] for i in items] == ["pick", "pick-c", "word", "has-b", "json", "num", "re", "ll"]
        generated = [i for i in items if i["scorer"] != "loglik"]
        assert all(i["n_generated"] and 0 < i["n_generated"] <= 6 and i["gen_tps"] and i["ttft_ms"] is not None and i["n_prompt"] > 0 for i in generated)
        assert all(isinstance(i["passed"], bool) and i["detail"] for i in items)
        loglik = items[-1]
        assert loglik["reply"] in ("blue", "green", "made of cheese") and len(loglik["extra"]["means"]) == 3
        summary = model["summary"]
        assert summary["n"] == 8 and 0 <= summary["low"] <= summary["high"] <= 1 and summary["tokens_per_s"] > 0
        assert set(summary["by_scorer"]) == {"choice", "exact", "contains", "json_schema", "number", "regex", "loglik"}
        assert model["run_id"] and model["model"]["synthetic"] is True and model["runtime"] == "cpu"
    assert len(record["comparisons"]) == 1 and record["comparisons"][0]["n"] == 8
    assert sum(isinstance(u, EvalItemDone) for u in updates) == 16 and sum(isinstance(u, EvalModelDone) for u in updates) == 2
    stored = app.evals.stored(record["models"][1]["run_id"])
    assert [i["reply"] for i in stored["items"]] == [i["reply"] for i in record["models"][1]["items"]]
    assert stored["summary"]["passed"] == record["models"][1]["summary"]["passed"] and stored["suite"]["name"] == "synthetic"
    assert [r["run_id"] for r in app.evals.runs()] == [m["run_id"] for m in reversed(record["models"])]
    again = app.evals.run(_suite(tmp_path), [str(tiny_gguf)], EvalSettings(n_ctx=512))
    assert [i["reply"] for i in again["models"][0]["items"]] == [i["reply"] for i in record["models"][0]["items"]], "fixed sampling: the same replies"
    assert app.evals.compare(record["models"][0]["run_id"], again["models"][0]["run_id"])["verdict"] == "tie"


def test_a_model_that_answers_b_beats_random_weights_only_where_it_answers_b(app: Hangar, tmp_path: Path, tiny_gguf: Path, answer_b_gguf: Path) -> None:
    record = app.evals.run(_suite(tmp_path), [str(answer_b_gguf), str(tiny_gguf)], EvalSettings(n_ctx=512))
    b = {i["item_id"]: i for i in record["models"][0]["items"]}
    assert b["pick"]["reply"].startswith("B\nB") and b["pick"]["passed"] and b["pick"]["detail"] == "answered B"
    assert not b["pick-c"]["passed"] and b["pick-c"]["detail"] == "answered B, expected C"
    assert b["has-b"]["passed"] and b["re"]["passed"] and not b["json"]["passed"] and not b["num"]["passed"]
    comparison = record["comparisons"][0]
    assert comparison["only_a"] >= 3 and comparison["verdict"] == "tie", "a few items cannot show a difference beyond chance"


def test_a_model_that_fails_to_load_mid_run_keeps_the_others_results(app: Hangar, tmp_path: Path, tiny_gguf: Path) -> None:
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(tiny_gguf.read_bytes()[:4096])  # a GGUF header, then nothing: llama.cpp refuses it
    record = app.evals.run(_suite(tmp_path), [str(tiny_gguf), str(broken), str(tmp_path / "missing.gguf"), str(tiny_gguf)], EvalSettings(n_ctx=512))
    assert [m["status"] for m in record["models"]] == ["ok", "failed", "failed", "ok"]
    failed, missing = record["models"][1], record["models"][2]
    assert failed["error"] and failed["items"] == [] and failed["model"]["name"] == "broken.gguf"
    assert "missing.gguf does not exist" in missing["error"]
    assert len(record["models"][0]["items"]) == len(record["models"][3]["items"]) == 8
    stored = {r["run_id"]: r for r in app.evals.runs()}
    assert stored[failed["run_id"]]["status"] == "failed" and stored[failed["run_id"]]["error"] == failed["error"]
    assert stored[record["models"][3]["run_id"]]["summary"]["n"] == 8
    assert len(record["comparisons"]) == 1, "only runs with items are compared"


def test_a_worker_that_dies_mid_run_is_recorded_and_the_next_model_runs(app: Hangar, tmp_path: Path, tiny_gguf: Path, answer_b_gguf: Path) -> None:
    clients = []

    def on_update(update) -> None:
        if isinstance(update, EvalItemDone) and update.model_index == 0 and len(clients) == 1:
            clients[0].proc.kill()  # as the OOM killer would, between two items

    record = app.evals.run(_suite(tmp_path), [str(tiny_gguf), str(answer_b_gguf)], EvalSettings(n_ctx=512), on_update=on_update, on_client=clients.append)
    first, second = record["models"]
    assert first["status"] == "failed" and len(first["items"]) == 1
    assert "The model process stopped at item pick-c (line 3), after 1 of 8 items" in first["error"]
    assert second["status"] == "ok" and len(second["items"]) == 8


def test_cancel_stops_soon_and_keeps_what_was_measured(app: Hangar, tmp_path: Path, medium_gguf: Path, tiny_gguf: Path) -> None:
    run = app.evals.start(_suite(tmp_path), [str(medium_gguf), str(tiny_gguf)], EvalSettings(n_ctx=512, max_tokens=64))
    updates = []
    deadline = time.monotonic() + 120
    while not any(isinstance(u, EvalItemDone) for u in updates) and time.monotonic() < deadline:
        updates += run.take_updates()
        time.sleep(0.02)
    asked = time.monotonic()
    run.cancel()
    assert run.join(10), "the run ends soon after the cancel"
    assert time.monotonic() - asked < 5
    updates += run.take_updates()
    finished = [u for u in updates if isinstance(u, (EvalFinished, EvalFailed))]
    assert isinstance(finished[-1], EvalFinished), finished
    record = finished[-1].record
    assert record["status"] == "cancelled" and len(record["models"]) == 1, "no further model loads"
    model = record["models"][0]
    assert model["status"] == "cancelled" and 1 <= len(model["items"]) < 8 and model["run_id"]
    assert app.evals.stored(model["run_id"])["status"] == "cancelled"
