"""Making a synthetic model: each stage reports how far it is, the F16 intermediate is deleted
once the quantised file exists, the model is kept (and said where, how big), a cancel stops
the write and leaves nothing; a stored run can be asked for again."""

from __future__ import annotations

from pathlib import Path

import pytest

from hangar.core.bench.runs import BenchCancelled, options_of, synthetic_model

pytestmark = pytest.mark.slow  # the quantiser runs in a child process


def test_stages_report_progress_and_the_intermediate_is_deleted(tmp_path: Path) -> None:
    statuses, progress = [], []
    path = synthetic_model("tiny", "Q8_0", tmp_path, statuses.append, lambda stage, fraction: progress.append((str(stage), fraction)))
    assert path == tmp_path / "synthetic" / "tiny-Q8_0.gguf"
    assert sorted(p.name for p in path.parent.iterdir()) == ["tiny-Q8_0.gguf"], "no F16 intermediate, no .partial left"
    writing = [f for stage, f in progress if stage.startswith("writing the synthetic tiny weights")]
    quantising = [f for stage, f in progress if stage.startswith("quantising to Q8_0")]
    assert len(writing) > 5 and writing[0] == 0.0 and writing[-1] == pytest.approx(1.0) and writing == sorted(writing)
    assert len(quantising) > 5 and quantising[0] == 0.0 and quantising[-1] == pytest.approx(1.0) and quantising == sorted(quantising)
    assert 0 < quantising[len(quantising) // 2] < 1, "the quantiser's own per-tensor lines move the bar, not only its end"
    kept = statuses[-1]
    assert str(path) in kept and "KiB" in kept and "next run" in kept, "where the model stays, and how big it is"

    again = []
    assert synthetic_model("tiny", "Q8_0", tmp_path, again.append) == path
    assert "using the synthetic model kept in" in again[0], "the next run uses the kept model"


def test_an_f16_model_asked_for_earlier_is_reused_and_kept(tmp_path: Path) -> None:
    f16 = synthetic_model("tiny", "F16", tmp_path)
    assert f16.name == "tiny-F16.gguf"
    synthetic_model("tiny", "Q4_0", tmp_path)
    assert sorted(p.name for p in f16.parent.iterdir()) == ["tiny-F16.gguf", "tiny-Q4_0.gguf"], "a chosen F16 model is not an intermediate"


def test_a_cancel_while_writing_leaves_nothing(tmp_path: Path) -> None:
    seen = []

    def stop() -> bool:
        return len(seen) > 3

    with pytest.raises(BenchCancelled):
        synthetic_model("tiny", "Q8_0", tmp_path, on_progress=lambda stage, fraction: seen.append(fraction), should_stop=stop)
    assert list((tmp_path / "synthetic").iterdir()) == []


def test_a_cancel_while_quantising_leaves_neither_the_intermediate_nor_the_quantiser_s_partial(tmp_path: Path) -> None:
    folder = tmp_path / "synthetic"
    folder.mkdir()
    (folder / "tiny-Q8_0.gguf.partial").write_bytes(b"half a model")  # as a killed quantiser leaves it (seen on screen: 546 MiB)
    stages: list[str] = []

    with pytest.raises(BenchCancelled):
        synthetic_model("tiny", "Q8_0", tmp_path, on_progress=lambda stage, fraction: stages.append(str(stage)),
                        should_stop=lambda: any(s.startswith("quantising") for s in stages))  # fmt: skip
    assert list(folder.iterdir()) == [], "nothing is left to fill the cache unseen"


def test_a_stored_run_is_asked_for_again_with_its_shape_and_settings(tmp_path: Path) -> None:
    results = [{"test": "pp64", "n_prompt": 64, "n_gen": 0, "samples_ts": [1.0, 2.0, 3.0]}, {"test": "tg16", "n_prompt": 0, "n_gen": 16, "samples_ts": [1.0, 2.0, 3.0]}]
    record = {"model": {"path": str(tmp_path / "synthetic" / "tiny-moe-Q8_0.gguf")}, "synthetic": True, "results": results,
              "system": {"runtime": "cpu"}, "n_threads": 2, "n_gpu_layers": 0, "n_batch": 256, "flash_attn": "off"}  # fmt: skip
    spec = options_of(record, tmp_path)
    assert (spec.synthetic, spec.quant, spec.model) == ("tiny-moe", "Q8_0", ""), "a cleared cache makes the model again"
    assert (spec.n_prompt, spec.n_gen, spec.reps, spec.n_threads, spec.n_gpu_layers, spec.n_batch, spec.flash_attn) == (64, 16, 3, 2, 0, 256, "off")
    assert spec.tests() == [("pp64", 64, 0), ("tg16", 0, 16)]
    imported = options_of(record | {"model": {"path": "/models/tiny.gguf"}}, tmp_path)
    assert (imported.model, imported.synthetic) == ("/models/tiny.gguf", None), "a synthetic file outside the cache is run as a file"
    shaped = [{"test": "pp32+tg8", "n_prompt": 32, "n_gen": 8, "samples_ts": [1.0, 1.0]}]
    localscore = options_of(record | {"results": shaped}, tmp_path)
    assert localscore.suite == "localscore" and localscore.tests() == [("pp32+tg8", 32, 8)]
