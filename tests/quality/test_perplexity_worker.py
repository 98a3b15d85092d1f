"""Perplexity and KL divergence through the real worker and llama.cpp, checked against an
independent computation (llama-cpp-python's high-level eval over the same chunks) and, when it is
built, llama.cpp's own llama-perplexity on the same file, text and context."""

from __future__ import annotations

import math
import re
import subprocess
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from hangar.core.runner import protocol as P
from hangar.core.runner.client import EngineClient, EngineError

from .conftest import SAMPLE_EN, SAMPLE_ZH, llama_perplexity

pytestmark = pytest.mark.slow
CTX = 128


def _client(model: Path, n_ctx: int = CTX) -> EngineClient:
    client = EngineClient()
    client.load(P.LoadOptions(path=str(model), n_ctx=n_ctx, n_threads=2))
    return client


def _independent_ppl(model: Path, text: Path, n_ctx: int, n_chunks: int) -> tuple[float, float, int]:
    """PPL the way the method is written down, with llama-cpp-python's high-level ``Llama.eval``:
    a chunk's first token replaced by BOS, the logits of its second half, a float64 log-softmax."""
    from llama_cpp import Llama

    llm = Llama(str(model), n_ctx=n_ctx, n_batch=n_ctx, logits_all=True, n_threads=2, flash_attn=True, verbose=False)  # "auto" on a CPU: on
    data = text.read_bytes()
    data = data[:-1] if data.endswith(b"\n") else data
    tokens = llm.tokenize(data, add_bos=True, special=False)
    first, nlls = n_ctx // 2, []
    for chunk in range(n_chunks):
        part = tokens[chunk * n_ctx : (chunk + 1) * n_ctx]
        part[0] = llm.token_bos()
        llm.reset()
        llm.eval(part)
        logits = np.asarray(llm.scores[: len(part)], dtype=np.float64)
        for pos in range(first, n_ctx - 1):
            row = logits[pos]
            peak = row.max()
            nlls.append(-(row[part[pos + 1]] - peak - math.log(np.exp(row - peak).sum())))
    llm.close()
    values = np.asarray(nlls)
    mean = values.mean()
    ppl = math.exp(mean)
    return ppl, ppl * math.sqrt(((values * values).mean() - mean * mean) / (len(values) - 1)), len(tokens)


def test_ppl_equals_an_independent_computation_over_the_same_chunks(quants) -> None:
    with _client(quants["Q8_0"]) as client:
        chunks = []
        result = client.perplexity(P.PerplexityOptions(text_path=str(SAMPLE_EN), n_ctx=CTX, n_chunks=4), on_chunk=chunks.append)
    ppl, err, n_tokens = _independent_ppl(quants["Q8_0"], SAMPLE_EN, CTX, 4)
    assert result.n_tokens == n_tokens and result.n_chunks == 4 and result.n_ctx == CTX
    assert result.n_scored == 4 * (CTX - 1 - CTX // 2), "the second half of each chunk, less its last position"
    assert result.ppl == pytest.approx(ppl, rel=1e-6) and result.ppl_err == pytest.approx(err, rel=1e-5)
    assert [c.chunk for c in chunks] == [1, 2, 3, 4] and chunks[-1].ppl == pytest.approx(result.ppl)
    assert result.add_bos and result.n_vocab == 262 and len(result.vocab_sha256) == 64 and result.kld is None


def test_every_whole_chunk_is_scored_when_no_count_is_given(quants) -> None:
    with _client(quants["Q4_0"], 512) as client:
        result = client.perplexity(P.PerplexityOptions(text_path=str(SAMPLE_ZH), n_ctx=512))
    assert result.n_chunks == result.n_tokens // 512 and len(result.chunk_ppl) == result.n_chunks and result.ppl > 1


def _base_and_compare(reference: Path, model: Path, base: Path, n_chunks: int = 4, n_ctx: int = CTX) -> tuple[P.Perplexity, P.Perplexity]:
    with _client(reference, n_ctx) as client:
        ref = client.perplexity(P.PerplexityOptions(text_path=str(SAMPLE_EN), n_ctx=n_ctx, n_chunks=n_chunks, base_out=str(base)))
    with _client(model, n_ctx) as client:
        out = client.perplexity(P.PerplexityOptions(n_ctx=n_ctx, base_in=str(base), vocab_sha256=ref.vocab_sha256))
    return ref, out


def test_a_model_against_itself_has_no_divergence(quants, tmp_path: Path) -> None:
    ref, out = _base_and_compare(quants["Q8_0"], quants["Q8_0"], tmp_path / "base.logits")
    kld = out.kld
    assert out.ppl == pytest.approx(ref.ppl, rel=1e-9), "the same model over the same chunks"
    assert abs(kld.kld_mean) < 2e-4, "zero up to the base file's 16-bit steps of the log-probabilities"
    assert kld.same_top == 1.0 and abs(kld.dp_mean) < 1e-3 and kld.kld_percentiles["max"] < 1e-3
    assert ref.base_bytes == out.base_bytes == (tmp_path / "base.logits").stat().st_size


def test_q4_0_diverges_from_its_q8_0(quants, tmp_path: Path) -> None:
    _ref, out = _base_and_compare(quants["Q8_0"], quants["Q4_0"], tmp_path / "base.logits")
    kld = out.kld
    assert kld.kld_mean > 1e-3 and kld.kld_err > 0 and kld.same_top < 1.0
    assert kld.kld_percentiles["min"] <= kld.kld_percentiles["median"] <= kld.kld_percentiles["99.0"] <= kld.kld_percentiles["max"]
    assert kld.dp_percentiles["min"] <= kld.dp_percentiles["25.0"] <= kld.dp_percentiles["median"] <= kld.dp_percentiles["75.0"] <= kld.dp_percentiles["max"]
    assert kld.dp_rms > 0 and 0 < kld.ppl_base and set(kld.kld_percentiles) == {"max", "99.9", "99.0", "95.0", "90.0", "median", "10.0", "5.0", "1.0", "0.1", "min"}


def test_a_text_shorter_than_one_chunk_says_both_counts(quants, tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text("Only a few words here.\n", encoding="utf-8")
    with _client(quants["Q8_0"]) as client, pytest.raises(EngineError) as caught:
        client.perplexity(P.PerplexityOptions(text_path=str(short), n_ctx=CTX))
    assert caught.value.code == P.E_TEXT_TOO_SHORT
    assert "has 24 tokens" in caught.value.message and "one chunk needs 128" in caught.value.message  # BOS, the leading space, 22 bytes


def test_another_vocabulary_is_refused_before_anything_is_decoded(quants, other_vocab: Path, renamed_token: Path, tmp_path: Path) -> None:
    base = tmp_path / "base.logits"
    with _client(quants["Q8_0"]) as client:
        ref = client.perplexity(P.PerplexityOptions(text_path=str(SAMPLE_EN), n_ctx=CTX, n_chunks=2, base_out=str(base)))
    with _client(other_vocab) as client, pytest.raises(EngineError) as caught:
        client.perplexity(P.PerplexityOptions(n_ctx=CTX, base_in=str(base), vocab_sha256=ref.vocab_sha256))
    assert caught.value.code == P.E_VOCAB_MISMATCH and "8,192" in caught.value.message and "same tokenizer" in caught.value.message
    with _client(renamed_token) as client, pytest.raises(EngineError) as caught:
        client.perplexity(P.PerplexityOptions(n_ctx=CTX, base_in=str(base), vocab_sha256=ref.vocab_sha256))
    assert caught.value.code == P.E_VOCAB_MISMATCH and "other token texts" in caught.value.message


def test_the_base_file_is_bounded_and_a_cut_off_one_is_removed(quants, tmp_path: Path) -> None:
    base = tmp_path / "base.logits"
    with _client(quants["Q8_0"]) as client, pytest.raises(EngineError) as caught:
        client.perplexity(P.PerplexityOptions(text_path=str(SAMPLE_EN), n_ctx=CTX, n_chunks=100, base_out=str(base), max_base_bytes=200_000))
    assert "100 chunks" in caught.value.message and "chunks fit" in caught.value.message and not base.exists()


def test_a_file_that_is_not_a_base_file_is_refused(quants, tmp_path: Path) -> None:
    fake = tmp_path / "fake.logits"
    fake.write_bytes(b"not log-probabilities at all")
    with _client(quants["Q8_0"]) as client, pytest.raises(EngineError) as caught:
        client.perplexity(P.PerplexityOptions(n_ctx=CTX, base_in=str(fake)))
    assert "is not a file of log-probabilities" in caught.value.message


def test_cancel_stops_the_run_between_batches_and_the_worker_stays(medium_gguf: Path) -> None:
    with _client(medium_gguf, 512) as client:
        first = threading.Event()
        outcome: list = []

        def work() -> None:
            try:
                outcome.append(client.perplexity(P.PerplexityOptions(text_path=str(SAMPLE_EN), n_ctx=512, n_batch=128), on_chunk=lambda e: first.set()))
            except EngineError as exc:
                outcome.append(exc)

        thread = threading.Thread(target=work)
        thread.start()
        assert first.wait(120), "a first chunk"
        asked = time.monotonic()
        client.cancel()
        thread.join(10)
        took = time.monotonic() - asked
        assert isinstance(outcome[0], EngineError) and outcome[0].code == P.E_CANCELLED, outcome
        assert took < 2.0 and client.alive, "the worker answered the cancel itself (the client ends it after 0.5 s otherwise)"
        again = client.perplexity(P.PerplexityOptions(text_path=str(SAMPLE_EN), n_ctx=512, n_chunks=1))
        assert again.n_chunks == 1, "the same worker scores again after a cancel"


def test_bad_numbers_are_refused_on_both_sides() -> None:
    assert P.PerplexityOptions(text_path="t.txt", n_ctx=8).problem() is not None
    assert P.PerplexityOptions(text_path="t.txt", n_chunks=-1).problem() is not None
    assert P.PerplexityOptions(text_path="").problem() is not None
    assert P.PerplexityOptions(text_path="t", base_in="a", base_out="b").problem() is not None
    assert P.PerplexityOptions(base_in="b.logits").problem() is None
    with pytest.raises(EngineError):
        EngineClient.perplexity(None, P.PerplexityOptions(text_path="t.txt", n_ctx=True))  # type: ignore[arg-type]


# -- the anchor: llama.cpp's own llama-perplexity, same source, file, text and context ----------------
LP = llama_perplexity()
needs_llama_perplexity = pytest.mark.skipif(LP is None, reason="llama-perplexity is not built (installers/backends/build-runtime.sh)")


ANCHOR_CTX = 512  # llama-perplexity's default, where its batches of 2048 hold whole 512-token chunks (below 512, give it -b equal to -c)


def _run_llama_perplexity(*args: str, expect: str = "") -> str:
    """Its output, run again while its last lines are missing: llama.cpp's logger (common/log.cpp) prints from a
    thread of a log object that is never destroyed, so what it has not printed when the process exits is lost
    (half the runs on this loaded 2-core machine). A tool that never prints its summary is skipped, not failed."""
    for _attempt in range(12):
        done = subprocess.run([str(LP), "-t", "2", "-c", str(ANCHOR_CTX), *args], capture_output=True, encoding="utf-8", errors="replace", timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        if expect in done.stdout + done.stderr:
            return done.stdout + done.stderr
    pytest.skip(f"llama-perplexity lost its {expect!r} line at exit in twelve runs (its logger's last lines): {(done.stdout + done.stderr)[-300:]}")


@needs_llama_perplexity
def test_ppl_equals_llama_perplexity(quants) -> None:
    out = _run_llama_perplexity("-m", str(quants["Q4_0"]), "-f", str(SAMPLE_EN), "--chunks", "6", expect="Final estimate")
    ppl, err = map(float, re.search(r"Final estimate: PPL = ([\d.]+) \+/- ([\d.]+)", out).groups())
    with _client(quants["Q4_0"], ANCHOR_CTX) as client:
        result = client.perplexity(P.PerplexityOptions(text_path=str(SAMPLE_EN), n_ctx=ANCHOR_CTX, n_chunks=6))
    assert result.ppl == pytest.approx(ppl, rel=1e-7) and result.ppl_err == pytest.approx(err, rel=1e-6), (result.ppl, ppl)  # 4 digits asked; 7 met


@needs_llama_perplexity
def test_kld_equals_llama_perplexity_and_the_base_files_are_interchangeable(quants, tmp_path: Path) -> None:
    theirs, ours = tmp_path / "theirs.logits", tmp_path / "ours.logits"
    _run_llama_perplexity("-m", str(quants["Q8_0"]), "-f", str(SAMPLE_EN), "--chunks", "4", "--kl-divergence-base", str(theirs))
    out = _run_llama_perplexity("-m", str(quants["Q4_0"]), "--kl-divergence-base", str(theirs), "--kl-divergence", expect="Same top p:")
    kld, kld_err = map(float, re.search(r"Mean    KLD:\s+([\d.-]+) ±\s+([\d.]+)", out).groups())
    same_top = float(re.search(r"Same top p:\s+([\d.]+)", out).group(1))
    rms = float(re.search(r"RMS Δp    :\s+([\d.]+)", out).group(1))
    _ref, result = _base_and_compare(quants["Q8_0"], quants["Q4_0"], ours, n_ctx=ANCHOR_CTX)
    assert result.kld.kld_mean == pytest.approx(kld, abs=1.5e-6) and result.kld.kld_err == pytest.approx(kld_err, abs=1.5e-6)  # as printed: 6 decimals
    assert 100 * result.kld.same_top == pytest.approx(same_top, abs=1.5e-3) and 100 * result.kld.dp_rms == pytest.approx(rms, abs=1.5e-3)
    with _client(quants["Q4_0"], ANCHOR_CTX) as client:  # Hangar reads llama-perplexity's file ...
        again = client.perplexity(P.PerplexityOptions(n_ctx=ANCHOR_CTX, base_in=str(theirs)))
    assert again.kld.kld_mean == pytest.approx(result.kld.kld_mean, rel=1e-4)
    out = _run_llama_perplexity("-m", str(quants["Q4_0"]), "--kl-divergence-base", str(ours), "--kl-divergence", expect="Same top p:")  # ... and it reads Hangar's
    assert float(re.search(r"Mean    KLD:\s+([\d.-]+)", out).group(1)) == pytest.approx(kld, abs=1e-6)
