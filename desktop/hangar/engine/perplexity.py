"""Perplexity and KL divergence in the worker, computed the way llama.cpp's llama-perplexity does.

The method (tools/perplexity/perplexity.cpp of the vendored llama.cpp, ``perplexity`` and
``kl_divergence``): the text is read as bytes, one trailing newline dropped (as ``-f`` does), and
tokenised once with the model's own special tokens (BOS first when the vocabulary adds one). Its
tokens are cut into ``n_chunks`` chunks of ``n_ctx`` (the last, partial one is never used); each
chunk is decoded alone, from a cleared memory, with its first token replaced by BOS when the model
adds one, and only its second half is scored: the logits at positions ``n_ctx/2`` to ``n_ctx-2``
predict the tokens after them, ``n_ctx - 1 - n_ctx/2`` tokens a chunk. PPL = exp(mean NLL); its
uncertainty is PPL x sqrt(var(NLL) / (count - 1)), llama-perplexity's ``Final estimate: PPL = X +/- Y``.

KL divergence (``--kl-divergence-base`` / ``--kl-divergence``): the reference run stores, for every
scored token, its log-probabilities over the vocabulary as llama-perplexity's base file does (the
same layout, so either tool reads the other's file): per token a float32 scale and minimum and
``n_vocab`` uint16 steps of the log-probabilities above max - 16. The model under test reads the
reference's tokens from that file (never its own tokenisation of the text), and for each scored
token adds KLD = sum over the vocabulary of p_base (ln p_base - ln p), where ln p_base > -16; Δp,
the change in the probability of the token that came next; and whether both rank the same token
first. The statistics, their uncertainties and percentiles are llama-perplexity's, float32 where
it uses float, so the figures agree to the digits it prints.

Each chunk is decoded in batches of ``n_batch`` tokens: a cancel is looked at between batches and,
through llama.cpp's abort callback, inside one. Logits are read from llama.cpp's buffer in blocks
of rows, so a 128k vocabulary never needs more than a few tens of MB at once.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import threading
import time
from typing import Callable

from ..core.runner import protocol as P
from ..core.runner.protocol import QT_TR_NOOP
from .model import LoadedModel, WorkerError

BASE_MAGIC = b"_logits_"
ROWS_PER_BLOCK = 32  # logits rows turned into statistics at once (32 x 128k floats: 16 MB)
DISK_MARGIN = 1 << 30  # the base file leaves this much of the disk free
KLD_PERCENTILES = (("max", 1.0), ("99.9", 0.999), ("99.0", 0.990), ("95.0", 0.950), ("90.0", 0.900), ("median", 0.5),
                   ("10.0", 0.100), ("5.0", 0.050), ("1.0", 0.010), ("0.1", 0.001), ("min", 0.0))  # fmt: skip
DP_PERCENTILES = (("max", 1.0), ("99.9", 0.999), ("99.0", 0.990), ("95.0", 0.950), ("90.0", 0.900), ("75.0", 0.750), ("median", 0.5),
                  ("25.0", 0.250), ("10.0", 0.100), ("5.0", 0.050), ("1.0", 0.010), ("0.1", 0.001), ("min", 0.0))  # fmt: skip
Emit = Callable[[P.Event], None]


def row_width(n_vocab: int) -> int:
    """uint16 values per scored token in a base file: scale and minimum (two float32), the vocabulary, padded to even."""
    return 2 * ((n_vocab + 1) // 2) + 4


def base_file_bytes(n_ctx: int, n_chunks: int, n_vocab: int) -> int:
    """The size of llama-perplexity's base file for this many chunks."""
    scored = n_ctx - 1 - n_ctx // 2
    return len(BASE_MAGIC) + 12 + 4 * n_ctx * n_chunks + 2 * row_width(n_vocab) * scored * n_chunks


def vocab_sha256(low, vocab, n_vocab: int) -> str:
    """SHA-256 of the token texts in id order (each length-prefixed): two models agree on it only
    when they split text into the same tokens with the same ids, which KL divergence needs."""
    digest = hashlib.sha256()
    for token in range(n_vocab):
        text = low.llama_vocab_get_text(vocab, token) or b""
        digest.update(struct.pack("<Q", len(text)) + text)
    return digest.hexdigest()


def read_text_tokens(model: LoadedModel, path: str) -> list[int]:
    """The text's tokens as llama-perplexity's ``-f`` and ``common_tokenize(ctx, text, true)`` make them."""
    try:
        size = os.path.getsize(path)
        if size > P.MAX_TEXT_BYTES:
            raise WorkerError(P.E_BAD_REQUEST, QT_TR_NOOP("{file} is {size:,} bytes; Hangar scores texts of at most {limit:,} bytes.",
                                                          file=os.path.basename(path), size=size, limit=P.MAX_TEXT_BYTES))  # fmt: skip
        with open(path, "rb") as handle:
            data = handle.read(P.MAX_TEXT_BYTES + 1)
    except OSError as exc:
        raise WorkerError(P.E_BAD_REQUEST, QT_TR_NOOP("Cannot read {file}: {error}", file=path, error=exc.strerror or exc)) from exc
    if data.endswith(b"\n"):
        data = data[:-1]
    return model.llm.tokenize(data, add_bos=True, special=False)


class _Stats:
    """Running sums, as llama-perplexity keeps them (``kl_divergence_result``)."""

    def __init__(self) -> None:
        self.count = 0
        self.nll = self.nll2 = 0.0  # float64 NLL: llama-perplexity's plain perplexity
        self.q = self.q2 = self.base = self.base2 = self.q_base = 0.0  # float32 NLLs of the KL divergence mode
        self.kld = self.kld2 = self.dp = self.dp2 = self.dp4 = 0.0
        self.same_top = 0
        self.kld_values: list = []
        self.dp_values: list = []

    def ppl(self) -> tuple[float, float | None]:
        import math

        mean = self.nll / self.count
        var = self.nll2 / self.count - mean * mean
        ppl = math.exp(mean)
        return ppl, (ppl * math.sqrt(var / (self.count - 1)) if var > 0 and self.count > 1 else None)


def _mean_and_uncertainty(total: float, total2: float, count: int) -> tuple[float, float]:
    if count < 1:
        return 0.0, 0.0
    mean = total / count
    var = total2 / count - mean * mean
    return mean, (var / (count - 1)) ** 0.5 if var > 0 and count > 10 else 0.0


def _covariance(a: float, b: float, ab: float, count: int) -> float:
    return 0.0 if count < 10 else (ab / count - (a / count) * (b / count)) / (count - 1)


def _percentile(np, values, fraction: float) -> float:
    """llama-perplexity's percentile: float32 interpolation between sorted values."""
    if fraction <= 0:
        return float(values[0])
    if fraction >= 1:
        return float(values[-1])
    p = np.float32(fraction) * np.float32(len(values) - 1)
    ip = int(p)
    p = np.float32(p - np.float32(ip))
    return float((np.float32(1) - p) * values[ip] + p * values[min(ip + 1, len(values) - 1)])


def _median(np, values) -> float:
    n = len(values)
    return float(np.float32(0.5) * (values[n // 2] + values[n // 2 - 1])) if n % 2 == 0 else float(values[n // 2])


def kl_summary(np, s: _Stats) -> P.KLDivergence:
    """The ``====== ... statistics ======`` part of llama-perplexity --kl-divergence."""
    import math

    lq, lq_err = _mean_and_uncertainty(s.q, s.q2, s.count)
    lb, lb_err = _mean_and_uncertainty(s.base, s.base2, s.count)
    ppl, ppl_err = math.exp(lq), math.exp(lq) * lq_err
    ppl_base, ppl_base_err = math.exp(lb), math.exp(lb) * lb_err
    cov = _covariance(s.q, s.base, s.q_base, s.count)
    ratio_err = math.sqrt(max(0.0, lq_err * lq_err + lb_err * lb_err - 2.0 * cov))
    diff_err = math.sqrt(max(0.0, ppl_err * ppl_err + ppl_base_err * ppl_base_err - 2.0 * ppl * ppl_base * cov))
    kld, kld_err = _mean_and_uncertainty(s.kld, s.kld2, s.count)
    dp, dp_err = _mean_and_uncertainty(s.dp, s.dp2, s.count)
    mse, mse_err = _mean_and_uncertainty(s.dp2, s.dp4, s.count)
    rms = math.sqrt(mse)
    same = s.same_top / s.count
    klds = np.sort(np.concatenate(s.kld_values)) if s.kld_values else np.zeros(1, np.float32)
    dps = np.sort(np.concatenate(s.dp_values)) if s.dp_values else np.zeros(1, np.float32)

    def spread(values, points):
        return {name: (_median(np, values) if name == "median" else _percentile(np, values, fraction)) for name, fraction in points}

    return P.KLDivergence(
        ppl_base=ppl_base, ppl_base_err=ppl_base_err, ln_ppl_ratio=lq - lb, ln_ppl_ratio_err=ratio_err,
        ppl_ratio=math.exp(lq - lb), ppl_ratio_err=math.exp(lq - lb) * ratio_err, ppl_diff=ppl - ppl_base, ppl_diff_err=diff_err,
        ln_ppl_cor=cov / (lq_err * lb_err) if lq_err > 0 and lb_err > 0 else None,
        kld_mean=kld, kld_err=kld_err, kld_percentiles=spread(klds, KLD_PERCENTILES),
        dp_mean=dp, dp_err=dp_err, dp_percentiles=spread(dps, DP_PERCENTILES),
        dp_rms=rms, dp_rms_err=0.5 / rms * mse_err if rms > 0 else 0.0,
        same_top=same, same_top_err=math.sqrt(same * (1 - same) / (s.count - 1)) if s.count > 1 else 0.0,
    )  # fmt: skip


class _BaseFile:
    """llama-perplexity's base file: "_logits_", n_ctx, n_vocab, n_chunk (int32), the chunks' tokens
    (int32), then per chunk and scored token a row of ``row_width(n_vocab)`` uint16."""

    HEADER = struct.Struct("<iii")

    @classmethod
    def read_header(cls, path: str, n_vocab: int) -> tuple[object, int, int, list[int]]:
        try:
            handle = open(path, "rb")
        except OSError as exc:
            raise WorkerError(P.E_BAD_REQUEST, QT_TR_NOOP("Cannot read {file}: {error}", file=path, error=exc.strerror or exc)) from exc
        head = handle.read(len(BASE_MAGIC) + cls.HEADER.size)
        if len(head) < len(BASE_MAGIC) + cls.HEADER.size or head[: len(BASE_MAGIC)] != BASE_MAGIC:
            handle.close()
            raise WorkerError(P.E_BAD_REQUEST, QT_TR_NOOP("{file} is not a file of log-probabilities (llama-perplexity's --kl-divergence-base).",
                                                          file=os.path.basename(path)))  # fmt: skip
        n_ctx, file_vocab, n_chunk = cls.HEADER.unpack(head[len(BASE_MAGIC):])
        if file_vocab != n_vocab:
            handle.close()
            raise WorkerError(P.E_VOCAB_MISMATCH, QT_TR_NOOP(
                "The reference has a vocabulary of {reference:,} tokens and this model {model:,}: KL divergence needs the same tokenizer.",
                reference=file_vocab, model=n_vocab))  # fmt: skip
        expected = base_file_bytes(n_ctx, n_chunk, n_vocab) if n_ctx >= P.MIN_CTX and n_chunk > 0 else -1
        if expected < 0 or os.fstat(handle.fileno()).st_size < expected:
            handle.close()
            raise WorkerError(P.E_BAD_REQUEST, QT_TR_NOOP("{file} is incomplete or damaged ({size:,} bytes): {detail}", file=os.path.basename(path),
                                                          size=os.path.getsize(path), detail=f"{n_chunk} chunks of {n_ctx} need {max(expected, 0):,}"))  # fmt: skip
        tokens = list(struct.unpack(f"<{n_ctx * n_chunk}i", handle.read(4 * n_ctx * n_chunk)))
        return handle, n_ctx, n_chunk, tokens


def perplexity(model: LoadedModel, options: P.PerplexityOptions, cancel: threading.Event, emit: Emit, request_id: int | None) -> P.Perplexity:
    import llama_cpp.llama_cpp as low
    import numpy as np

    llm = model.llm
    if model.options.embedding:
        raise WorkerError(P.E_WRONG_KIND, QT_TR_NOOP("This model was loaded for embeddings; perplexity needs a text model."))
    started = time.perf_counter()
    vocab = llm._model.vocab
    n_vocab = int(low.llama_vocab_n_tokens(vocab))
    fingerprint = vocab_sha256(low, vocab, n_vocab)
    if options.vocab_sha256 is not None and options.vocab_sha256 != fingerprint:
        raise WorkerError(P.E_VOCAB_MISMATCH, QT_TR_NOOP(
            "This model's vocabulary differs from the reference's (the same {n_vocab:,} ids, other token texts): KL divergence needs the same tokenizer.",
            n_vocab=n_vocab))  # fmt: skip
    if low.llama_vocab_get_add_eos(vocab):
        raise WorkerError(P.E_BAD_REQUEST, QT_TR_NOOP("This model adds an end-of-sequence token to every text; llama-perplexity's method cannot score it."))
    add_bos, bos = bool(low.llama_vocab_get_add_bos(vocab)), int(low.llama_vocab_bos(vocab))
    base_in = base_out = None
    if options.base_in is not None:
        base_in, n_ctx, n_chunk, tokens = _BaseFile.read_header(options.base_in, n_vocab)
        n_tokens = len(tokens)
        if options.n_chunks:
            n_chunk = min(n_chunk, options.n_chunks)
    else:
        n_ctx = options.n_ctx
        tokens = read_text_tokens(model, options.text_path)
        n_tokens = len(tokens)
        if n_tokens < n_ctx:
            raise WorkerError(P.E_TEXT_TOO_SHORT, QT_TR_NOOP(
                "The text has {tokens:,} tokens for this model; one chunk needs {n_ctx:,}. Use a longer text or a smaller context.",
                tokens=n_tokens, n_ctx=n_ctx))  # fmt: skip
        n_chunk = n_tokens // n_ctx if not options.n_chunks else min(options.n_chunks, n_tokens // n_ctx)
    if n_ctx > model.context_size:
        raise WorkerError(P.E_BAD_REQUEST, QT_TR_NOOP("The chunks hold {n_ctx:,} tokens but the model was loaded with a context of {loaded:,}.",
                                                      n_ctx=n_ctx, loaded=model.context_size))  # fmt: skip
    if options.base_out is not None:
        base_out = _open_base_out(options, n_ctx, n_chunk, n_vocab, tokens)
    first, nv = n_ctx // 2, row_width(n_vocab)
    n_batch = max(1, min(options.n_batch, int(llm.n_batch), n_ctx))
    stats, chunk_ppl, base_bytes = _Stats(), [], 0
    batch = low.llama_batch_init(n_batch, 0, 1)
    memory = low.llama_get_memory(llm.ctx)
    model._set_abort(cancel)
    try:
        for chunk in range(n_chunk):
            start = chunk * n_ctx
            rows = base_in.read(2 * nv * (n_ctx - 1 - first)) if base_in is not None else None
            base_rows = np.frombuffer(rows, dtype=np.uint16).reshape(n_ctx - 1 - first, nv) if rows is not None else None
            low.llama_memory_clear(memory, True)
            for batch_start in range(0, n_ctx, n_batch):
                if cancel.is_set():
                    raise WorkerError(P.E_CANCELLED, QT_TR_NOOP("The perplexity run was cancelled."))
                size = min(n_batch, n_ctx - batch_start)
                n_out = 0
                for k in range(size):
                    pos = batch_start + k
                    token = bos if add_bos and pos == 0 else tokens[start + pos]
                    batch.token[k], batch.pos[k], batch.n_seq_id[k], batch.logits[k] = token, pos, 1, pos >= first
                    batch.seq_id[k][0] = 0
                    n_out += pos >= first
                batch.n_tokens = size
                rc = low.llama_decode(llm.ctx, batch)
                if rc != 0:
                    if cancel.is_set():
                        raise WorkerError(P.E_CANCELLED, QT_TR_NOOP("The perplexity run was cancelled."))
                    raise WorkerError(P.E_GENERATE_FAILED, QT_TR_NOOP("Decoding chunk {chunk} failed: llama_decode returned {code}.", chunk=chunk + 1, code=rc))
                if n_out == 0:
                    continue
                pos0 = max(batch_start, first)  # the position of the first output row
                logits = np.ctypeslib.as_array(low.llama_get_logits(llm.ctx), shape=(n_out, n_vocab))
                scored = min(batch_start + size, n_ctx - 1) - pos0  # the chunk's last position predicts nothing
                for r0 in range(0, scored, ROWS_PER_BLOCK):
                    r1 = min(scored, r0 + ROWS_PER_BLOCK)
                    block = logits[r0:r1]
                    targets = np.asarray(tokens[start + pos0 + r0 + 1 : start + pos0 + r1 + 1], dtype=np.int64)
                    _score(np, block, targets, stats)
                    if base_out is not None:
                        base_bytes += _write_base_rows(np, base_out, block, nv)
                    if base_rows is not None:
                        offset = pos0 - first
                        _compare(np, block, targets, base_rows[offset + r0 : offset + r1], stats)
            ppl, ppl_err = stats.ppl()
            chunk_ppl.append(round(ppl, 6))
            emit(P.PerplexityChunk(id=request_id, chunk=chunk + 1, n_chunks=n_chunk, ppl=ppl, ppl_err=ppl_err,
                                   kld_mean=stats.kld / stats.count if base_rows is not None else None,
                                   same_top=stats.same_top / stats.count if base_rows is not None else None,
                                   elapsed_ms=round((time.perf_counter() - started) * 1000, 1)))  # fmt: skip
    except BaseException:
        if base_out is not None:
            base_out.close()
            base_out = None
            _remove(options.base_out)  # a cut-off base file must not be mistaken for a whole one
        raise
    finally:
        model._set_abort(None)
        low.llama_memory_clear(memory, True)
        low.llama_batch_free(batch)
        if base_in is not None:
            base_bytes = base_in.tell()
            base_in.close()
        if base_out is not None:
            base_bytes = base_out.tell()
            base_out.close()
    ppl, ppl_err = stats.ppl()
    elapsed = time.perf_counter() - started
    return P.Perplexity(
        id=request_id, ppl=ppl, ppl_err=ppl_err, n_ctx=n_ctx, n_chunks=n_chunk, n_tokens=n_tokens, n_scored=stats.count, n_vocab=n_vocab,
        vocab_sha256=fingerprint, add_bos=add_bos, chunk_ppl=chunk_ppl, kld=kl_summary(np, stats) if base_in is not None else None,
        base_bytes=base_bytes, total_ms=round(elapsed * 1000, 1), tokens_per_s=round(n_chunk * n_ctx / elapsed, 2) if elapsed > 0 else 0.0,
    )  # fmt: skip


def _open_base_out(options: P.PerplexityOptions, n_ctx: int, n_chunk: int, n_vocab: int, tokens: list[int]):
    """The base file, opened after its size was checked against the bound and the free disk."""
    need = base_file_bytes(n_ctx, n_chunk, n_vocab)
    folder = os.path.dirname(os.path.abspath(options.base_out))
    free = shutil.disk_usage(folder).free - DISK_MARGIN if os.path.isdir(folder) else 0
    limit = min(options.max_base_bytes, max(0, free))
    if need > limit:
        per_chunk = base_file_bytes(n_ctx, 1, n_vocab)
        raise WorkerError(P.E_BAD_REQUEST, QT_TR_NOOP(
            "The reference's log-probabilities for {chunks:,} chunks would take {size:,} bytes, more than the {limit:,} allowed here "
            "(at most {bound:,}, and 1 GiB of the disk is kept free); {fit:,} chunks fit. Use fewer chunks or a shorter text.",
            chunks=n_chunk, size=need, limit=limit, bound=options.max_base_bytes, fit=max(0, limit // per_chunk)))  # fmt: skip
    try:
        handle = open(options.base_out, "wb")
        handle.write(BASE_MAGIC + _BaseFile.HEADER.pack(n_ctx, n_vocab, n_chunk))
        handle.write(struct.pack(f"<{n_ctx * n_chunk}i", *tokens[: n_ctx * n_chunk]))
    except OSError as exc:
        raise WorkerError(P.E_BAD_REQUEST, QT_TR_NOOP("Cannot write {file}: {error}", file=options.base_out, error=exc.strerror or exc)) from exc
    return handle


def _remove(path: str | None) -> None:
    try:
        if path:
            os.remove(path)
    except OSError:
        pass


def _score(np, block, targets, stats: _Stats) -> None:
    """llama-perplexity's plain NLL: float logits, the sum of exponentials in double."""
    rows = np.arange(len(targets))
    peak = block.max(axis=1)
    total = np.exp(block - peak[:, None]).sum(axis=1, dtype=np.float64)
    nll = -((block[rows, targets] - peak).astype(np.float64) - np.log(total))
    stats.nll += float(nll.sum())
    stats.nll2 += float((nll * nll).sum())
    stats.count += len(targets)


def _write_base_rows(np, handle, block, nv: int) -> int:
    """One block of the base file: llama-perplexity's ``log_softmax(n_vocab, logits, log_prob, tok)``."""
    n, n_vocab = block.shape
    peak = block.max(axis=1)
    low = np.maximum(block.min(axis=1), peak - np.float32(16))
    log_sum = np.log(np.exp(block - peak[:, None]).sum(axis=1, dtype=np.float64)).astype(np.float32)
    min_log_prob = (low - peak - log_sum).astype(np.float32)
    scale = ((peak - low) / np.float32(65535)).astype(np.float32)
    out = np.zeros((n, nv), dtype=np.uint16)
    out[:, :4] = np.stack([scale, min_log_prob], axis=1).astype(np.float32).view(np.uint16)
    with np.errstate(divide="ignore"):
        inverse = np.where(scale != 0, np.float32(1) / scale, np.float32(0)).astype(np.float32)
    steps = np.rint(inverse[:, None] * (block - low[:, None]))
    out[:, 4 : 4 + n_vocab] = np.where(block > low[:, None], steps, 0).astype(np.uint16)
    data = out.tobytes()
    handle.write(data)
    return len(data)


def _compare(np, block, targets, base, stats: _Stats) -> None:
    """llama-perplexity's ``log_softmax(n_vocab, logits, base_log_prob, tok, kld)`` for a block of rows."""
    f32 = np.float32
    n, n_vocab = block.shape
    rows = np.arange(n)
    peak, top = block.max(axis=1), block.argmax(axis=1)
    log_sum = np.log(np.exp(block - peak[:, None]).sum(axis=1, dtype=np.float64)).astype(f32)
    head = np.ascontiguousarray(base[:, :4]).view(f32)  # (n, 2): scale, min_log_prob
    scale, min_log_prob = head[:, 0], head[:, 1]
    steps = base[:, 4 : 4 + n_vocab]
    nll = ((peak + log_sum) - block[rows, targets]).astype(f32)
    nll_base = (-(scale * steps[rows, targets].astype(f32) + min_log_prob)).astype(f32)
    stats.q += float(nll.sum(dtype=np.float64))
    stats.q2 += float((nll * nll).sum(dtype=np.float64))
    stats.base += float(nll_base.sum(dtype=np.float64))
    stats.base2 += float((nll_base * nll_base).sum(dtype=np.float64))
    stats.q_base += float((nll * nll_base).sum(dtype=np.float64))
    shifted = (peak + log_sum).astype(f32)
    log_base = scale[:, None] * steps.astype(f32) + min_log_prob[:, None]
    top_base = log_base.argmax(axis=1)
    terms = np.exp(log_base) * ((log_base - block) + shifted[:, None])
    kld = np.where(log_base > f32(-16), terms, f32(0)).sum(axis=1, dtype=np.float64)
    stats.kld += float(kld.sum())
    stats.kld2 += float((kld * kld).sum())
    stats.same_top += int((top == top_base).sum())
    dp = (np.exp(-nll) - np.exp(-nll_base)).astype(f32)
    dp2 = (dp * dp).astype(np.float64)
    stats.dp += float(dp.sum(dtype=np.float64))
    stats.dp2 += float(dp2.sum())
    stats.dp4 += float((dp2 * dp2).sum())
    stats.kld_values.append(kld.astype(f32))
    stats.dp_values.append(dp)
