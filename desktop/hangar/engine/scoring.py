"""Log-likelihood of answers in the worker, as llama.cpp's llama-perplexity ``--multiple-choice`` scores them.

The method (tools/perplexity/perplexity.cpp, ``multiple_choice_prepare_one_task`` and
``multiple_choice_score``): each text is the question, a space and one answer, tokenised with the
model's BOS (``common_tokenize(ctx, text, true)``: special tokens added, not parsed). The tokens
every text shares from the start are the context; the log-probability of a text's ending is the
sum, over its tokens after the context, of ln p(token | the tokens before it). llama-perplexity
then takes the mean per token and picks the highest (core/evals/loglik.py does that part).

Here the context is decoded once and each ending after it (the cache cut back to the context
between endings: ``llama_memory_seq_rm``), rather than every text whole as llama-perplexity's
batches do; the logits are the same. Where one text's tokens are all shared (an answer that is a
prefix of another in tokens), the context is cut one token shorter so every text has an ending
to score: llama-perplexity would read past that text's end. A cancel is seen between decodes and,
through llama.cpp's abort callback, inside one.
"""

from __future__ import annotations

import threading
import time

from ..core.runner import protocol as P
from ..core.runner.protocol import QT_TR_NOOP
from .model import MAX_BYTES_PER_TOKEN, LoadedModel, WorkerError


def text_tokens(model: LoadedModel, index: int, text: str) -> list[int]:
    """One text's tokens (BOS first when the model adds one); WorkerError naming the text when it cannot be scored whole."""
    limit = model.context_size
    data = text.encode("utf-8")
    if len(data) > limit * MAX_BYTES_PER_TOKEN:
        raise WorkerError(P.E_CONTEXT_FULL, QT_TR_NOOP("texts[{index}] is {size:,} bytes, more than a context of {n_ctx:,} tokens holds.",
                                                        index=index, size=len(data), n_ctx=limit))  # fmt: skip
    tokens = model.llm.tokenize(data, add_bos=True, special=False)
    if len(tokens) > limit:
        raise WorkerError(P.E_CONTEXT_FULL, QT_TR_NOOP("texts[{index}] has {tokens:,} tokens; the context holds {n_ctx:,}.",
                                                        index=index, tokens=len(tokens), n_ctx=limit))  # fmt: skip
    return tokens


def shared_prefix(sequences: list[list[int]]) -> int:
    """The tokens every sequence shares from the start, at most one fewer than the shortest holds."""
    shortest = min(len(s) for s in sequences)
    count = 0
    while count < shortest and all(s[count] == sequences[0][count] for s in sequences):
        count += 1
    return min(count, shortest - 1)


def score(model: LoadedModel, options: P.ScoreOptions, cancel: threading.Event, request_id: int | None) -> P.Score:
    import llama_cpp.llama_cpp as low
    import numpy as np

    llm = model.llm
    if model.options.embedding:
        raise WorkerError(P.E_WRONG_KIND, QT_TR_NOOP("This model was loaded for embeddings; scoring answers needs a text model."))
    started = time.perf_counter()
    sequences = [text_tokens(model, i, text) for i, text in enumerate(options.texts)]  # every text checked before any decode
    prefix = shared_prefix(sequences)
    if prefix < 1:
        raise WorkerError(P.E_BAD_REQUEST, QT_TR_NOOP("The texts share no context to score their endings after (not even a start token)."))
    n_vocab = llm.n_vocab()
    n_batch = max(1, int(llm.n_batch))
    batch = low.llama_batch_init(n_batch, 0, 1)
    memory = low.llama_get_memory(llm.ctx)
    decoded = 0

    def decode(tokens: list[int], start: int, all_logits: bool) -> list:
        """Decode ``tokens`` from position ``start``; the log-softmax rows asked for (every token's, or the last one's)."""
        nonlocal decoded
        rows = []
        for first in range(0, len(tokens), n_batch):
            if cancel.is_set():
                raise WorkerError(P.E_CANCELLED, QT_TR_NOOP("The scoring was cancelled."))
            part = tokens[first : first + n_batch]
            last_part = first + n_batch >= len(tokens)
            for k, token in enumerate(part):
                wanted = all_logits or (last_part and k == len(part) - 1)
                batch.token[k], batch.pos[k], batch.n_seq_id[k], batch.logits[k] = token, start + first + k, 1, wanted
                batch.seq_id[k][0] = 0
            batch.n_tokens = len(part)
            rc = low.llama_decode(llm.ctx, batch)
            if rc != 0:
                if cancel.is_set():
                    raise WorkerError(P.E_CANCELLED, QT_TR_NOOP("The scoring was cancelled."))
                raise WorkerError(P.E_GENERATE_FAILED, QT_TR_NOOP("Scoring failed: llama_decode returned {code}.", code=rc))
            decoded += len(part)
            n_out = len(part) if all_logits else int(last_part)
            if n_out:
                logits = np.ctypeslib.as_array(low.llama_get_logits(llm.ctx), shape=(n_out, n_vocab)).astype(np.float64)
                peak = logits.max(axis=1, keepdims=True)
                rows.extend(logits - peak - np.log(np.exp(logits - peak).sum(axis=1, keepdims=True)))
        return rows

    logprobs, counts = [], []
    model._set_abort(cancel)
    try:
        low.llama_memory_clear(memory, True)
        context_row = decode(sequences[0][:prefix], 0, all_logits=False)[-1]  # predicts each ending's first token
        for tokens in sequences:
            low.llama_memory_seq_rm(memory, 0, prefix, -1)
            rows = [context_row] + decode(tokens[prefix:-1], prefix, all_logits=True)
            logprobs.append(float(sum(row[token] for row, token in zip(rows, tokens[prefix:]))))
            counts.append(len(tokens) - prefix)
    finally:
        model._set_abort(None)
        low.llama_memory_clear(memory, True)  # decode.py sees a cleared cache and decodes its next prompt whole
        low.llama_batch_free(batch)
    elapsed = time.perf_counter() - started
    return P.Score(id=request_id, logprob=logprobs, n_scored=counts, n_tokens=[len(s) for s in sequences], n_prefix=prefix,
                   total_ms=round(elapsed * 1000, 2), tokens_per_s=round(decoded / elapsed, 2) if elapsed > 0 else 0.0)  # fmt: skip
