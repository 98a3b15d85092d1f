"""Quant quality through the application layer: the text and the reference's tokenizer are checked
before any model loads, runs are stored and found by the model file's SHA-256, the reference's
log-probabilities never outlive the run, and a started run reports through its outbox and cancels."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from hangar.core.app import Hangar
from hangar.core.app.quality import PHASE_MODEL, PHASE_REFERENCE, QualityCancelled, QualityFailed, QualityFinished, QualityProgress
from hangar.core.common.errors import InvalidInput
from hangar.core.quality.text import check_text
from hangar.core.quality.vocab import VocabularyMismatch, vocabulary
from hangar.core.runner import protocol as P
from hangar.core.runner.client import EngineError

from .conftest import SAMPLE_EN, SAMPLE_ZH

pytestmark = pytest.mark.slow


@pytest.fixture
def app():
    app = Hangar.open()
    yield app
    app.close()


@pytest.fixture
def no_load(app, monkeypatch):
    """Fails the test if a model is loaded: bad input must be refused before that."""

    def load(*_args, **_kwargs):
        raise AssertionError("a model was loaded for a run that should have been refused first")

    monkeypatch.setattr(app.models, "load", load)
    return app


def _leftovers(app) -> list[Path]:
    folder = app.paths.cache / "quality"
    return list(folder.iterdir()) if folder.exists() else []


def test_a_run_with_a_reference_is_stored_and_found_by_the_file_s_hash(app, quants) -> None:
    model = app.library.add_file(quants["Q4_0"])
    seen: list[QualityProgress] = []
    record = app.quality.run(str(model.id), SAMPLE_EN, ctx=128, chunks=3, reference=str(quants["Q8_0"]), on_progress=seen.append)
    assert record["model"]["sha256"] == model.sha256 and record["model"]["quant"] == "Q4_0" and record["model"]["synthetic"]
    assert record["reference"]["quant"] == "Q8_0" and record["text"]["name"] == "sample-en.txt" and record["text"]["sample"] == "en"
    assert record["n_chunks"] == 3 and record["n_scored"] == 3 * 63 and record["n_tokens"] > 3 * 128
    assert record["kld"]["kld_mean"] > 0 and 0 < record["kld"]["same_top"] < 1 and record["reference_ppl"] > 0
    assert [(u.phase, u.chunk) for u in seen] == [(PHASE_REFERENCE, 1), (PHASE_REFERENCE, 2), (PHASE_REFERENCE, 3),
                                                   (PHASE_MODEL, 1), (PHASE_MODEL, 2), (PHASE_MODEL, 3)]  # fmt: skip
    assert seen[-1].kld_mean == pytest.approx(record["kld"]["kld_mean"])
    assert _leftovers(app) == [], "the reference's log-probabilities are removed with the run"
    assert app.quality.by_sha256()[model.sha256]["run_id"] == record["run_id"]
    row = app.ctx.database.query_one("SELECT * FROM quality_runs")
    assert row["model_id"] == model.id and row["kld_mean"] == pytest.approx(record["kld"]["kld_mean"]) and row["text_sha256"] == record["text"]["sha256"]
    assert row["reference_sha256"] == record["reference"]["sha256"] and '"median"' in row["dp_percentiles_json"]


def test_a_run_without_a_reference_and_the_newest_per_file(app, quants) -> None:
    first = app.quality.run(str(quants["Q8_0"]), SAMPLE_ZH, ctx=128, chunks=2)
    assert first["kld"] is None and first["reference"] is None and first["text"]["sample"] == "zh" and first["ppl_err"] > 0
    second = app.quality.run(str(quants["Q8_0"]), SAMPLE_ZH, ctx=128, chunks=1)
    assert app.quality.by_sha256()[first["model"]["sha256"]]["run_id"] == second["run_id"]
    assert [r["run_id"] for r in app.quality.history()] == [second["run_id"], first["run_id"]]


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "is empty"),
    (b"   \n\t\n", "only white space"),
    (b"GGUF\x03\x00\x00\x00\x00\x00binary", "holds NUL bytes"),
    ("Größe".encode("utf-16"), "holds NUL bytes"),
    (b"caf\xe9 au lait", "not UTF-8 text: the bytes at offset 3"),
    (b"\x1b\x07" * 200 + b"text", "control characters"),
])  # fmt: skip
def test_a_bad_text_file_is_refused_before_any_model_loads(no_load, quants, tmp_path: Path, content: bytes, expected: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(InvalidInput) as caught:
        no_load.quality.run(str(quants["Q8_0"]), bad)
    assert expected in caught.value.message and "bad.txt" in caught.value.message


def test_a_missing_text_file_is_a_plain_message(no_load, quants, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="does not exist or is not a file"):
        no_load.quality.run(str(quants["Q8_0"]), tmp_path / "nowhere.txt")


def test_a_reference_with_another_vocabulary_is_refused_before_any_model_loads(no_load, quants, other_vocab: Path, renamed_token: Path) -> None:
    with pytest.raises(VocabularyMismatch) as caught:
        no_load.quality.run(str(quants["Q4_0"]), SAMPLE_EN, reference=str(other_vocab))
    assert "262 tokens" in caught.value.message and "8,192" in caught.value.message and "same tokenizer" in caught.value.message
    assert "F16 or Q8_0" in caught.value.hint
    with pytest.raises(VocabularyMismatch) as caught:
        no_load.quality.run(str(quants["Q4_0"]), SAMPLE_EN, reference=str(renamed_token))
    assert "both have 262 tokens, but not the same ones" in caught.value.message


def test_the_same_weights_in_other_quants_share_a_vocabulary(quants) -> None:
    assert len({vocabulary(path) for path in quants.values()}) == 1


def test_a_text_shorter_than_one_chunk_says_how_many_tokens_each_needs(app, quants, tmp_path: Path) -> None:
    short = tmp_path / "note.txt"
    short.write_text("A short note, far from a whole chunk.", encoding="utf-8")
    assert check_text(short).characters == 37
    with pytest.raises(EngineError) as caught:
        app.quality.run(str(quants["Q8_0"]), short, ctx=512)
    assert caught.value.code == P.E_TEXT_TOO_SHORT and "has 39 tokens" in caught.value.message and "needs 512" in caught.value.message
    assert "--ctx" in caught.value.hint


def test_a_model_that_fails_to_load_keeps_nothing(app, quants, tmp_path: Path) -> None:
    broken = tmp_path / "broken-Q4_0.gguf"
    data = quants["Q4_0"].read_bytes()
    broken.write_bytes(data[: len(data) // 2])  # a cut-off download: the header is whole, the weights are not
    with pytest.raises(EngineError) as caught:
        app.quality.run(str(broken), SAMPLE_EN, ctx=128, chunks=2, reference=str(quants["Q8_0"]))
    assert caught.value.code == P.E_LOAD_FAILED and "broken-Q4_0.gguf" in caught.value.message
    assert _leftovers(app) == [] and app.quality.history() == [], "the reference ran, but nothing is stored or left in the cache"


def test_a_vanished_library_model_is_a_plain_message(no_load, quants, tmp_path: Path) -> None:
    model = no_load.library.add_file(Path(shutil.copy(quants["Q8_0"], tmp_path / "gone.gguf")))
    (tmp_path / "gone.gguf").unlink()
    with pytest.raises(InvalidInput, match="no longer at"):
        no_load.quality.run(str(model.id), SAMPLE_EN)


def test_numbers_out_of_range_are_refused_before_anything_runs(no_load, quants) -> None:
    with pytest.raises(InvalidInput, match="n_ctx must be a whole number"):
        no_load.quality.run(str(quants["Q8_0"]), SAMPLE_EN, ctx=4)
    with pytest.raises(InvalidInput, match="n_chunks must be a whole number"):
        no_load.quality.run(str(quants["Q8_0"]), SAMPLE_EN, chunks=-2)


def _collect(run, timeout: float = 180.0) -> list:
    seen, deadline = [], time.monotonic() + timeout
    while run.busy and time.monotonic() < deadline:
        seen += run.take_updates()
        time.sleep(0.02)
    return seen


def test_a_started_run_reports_through_its_outbox(app, quants) -> None:
    updates = _collect(app.quality.start(str(quants["Q4_0"]), SAMPLE_EN, ctx=128, chunks=2, reference=str(quants["F16"])))
    assert [u.phase for u in updates if isinstance(u, QualityProgress)] == [PHASE_REFERENCE] * 2 + [PHASE_MODEL] * 2
    finished = [u for u in updates if isinstance(u, QualityFinished)]
    assert finished and finished[0].record["reference"]["quant"] == "F16" and finished[0].record["kld"]["kld_mean"] > 0


def test_cancel_ends_a_started_run_and_its_reference_file(app, medium_gguf: Path) -> None:
    run = app.quality.start(str(medium_gguf), SAMPLE_EN, ctx=512, reference=str(medium_gguf))
    seen, deadline = [], time.monotonic() + 120
    while not any(isinstance(u, QualityProgress) for u in seen) and time.monotonic() < deadline:
        seen += run.take_updates()
        time.sleep(0.02)
    assert _leftovers(app), "the reference is writing its log-probabilities"
    asked = time.monotonic()
    run.cancel()
    seen += _collect(run, 20)
    took = time.monotonic() - asked
    failed = [u for u in seen if isinstance(u, QualityFailed)]
    assert failed and isinstance(failed[0].error, QualityCancelled) and took < 5, (seen, took)
    assert _leftovers(app) == [] and app.quality.history() == []
