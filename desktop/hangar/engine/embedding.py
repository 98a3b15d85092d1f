"""Embeddings in the worker: one vector per input from a model loaded with ``embedding``.

The model was loaded with ``Llama(embedding=True)`` and its GGUF's pooling (model.py), with a
batch and micro-batch as large as its context, so every input is decoded whole in one
``llama_decode`` (an encoder such as BERT attends to the whole input at once and cannot be
split). Each input gets a cleared memory, all its tokens as outputs, and the pooled vector of
sequence 0 (``llama_get_embeddings_seq``); a model without pooling gets the mean of its token
vectors. Vectors are L2-normalised as OpenAI's are, and cross the pipe as base64 float32.

An input longer than the context is refused with its index and length, never truncated; the
text's bytes are measured before it is tokenised (model.py's ``MAX_BYTES_PER_TOKEN``). A
cancel is honoured between inputs.
"""

from __future__ import annotations

import threading
import time

from ..core.runner import protocol as P
from ..core.runner.protocol import QT_TR_NOOP
from .model import MAX_BYTES_PER_TOKEN, LoadedModel, WorkerError

_NONE, _RANK = 0, 4  # llama_pooling_type (model.POOLING names them all)


def input_tokens(model: LoadedModel, index: int, item: str | list[int]) -> list[int]:
    """The tokens of one input; WorkerError naming the input when it cannot be embedded whole."""
    llm, limit = model.llm, model.context_size
    if isinstance(item, str):
        data = item.encode("utf-8")
        if len(data) > limit * MAX_BYTES_PER_TOKEN:
            raise WorkerError(P.E_CONTEXT_FULL, QT_TR_NOOP("input[{index}] is {size:,} bytes, more than this model embeds at once ({n_ctx:,} tokens).",
                                                            index=index, size=len(data), n_ctx=limit))  # fmt: skip
        tokens = llm.tokenize(data, add_bos=True, special=False)  # the model's own start and end tokens (CLS/SEP for BERT)
    else:
        n_vocab = llm.n_vocab()
        bad = next((t for t in item if t >= n_vocab), None)
        if bad is not None:
            raise WorkerError(P.E_BAD_REQUEST, QT_TR_NOOP("input[{index}] holds the token {token}, outside this model's vocabulary of {n_vocab:,}.",
                                                           index=index, token=bad, n_vocab=n_vocab))  # fmt: skip
        tokens = list(item)
    if not tokens:
        raise WorkerError(P.E_BAD_REQUEST, QT_TR_NOOP("{name} is empty: every input needs some text", name=f"input[{index}]"))
    if len(tokens) > limit:
        raise WorkerError(P.E_CONTEXT_FULL, QT_TR_NOOP("input[{index}] has {tokens:,} tokens; this model embeds at most {n_ctx:,} at once.",
                                                        index=index, tokens=len(tokens), n_ctx=limit))  # fmt: skip
    return tokens


def embed(model: LoadedModel, options: P.EmbedOptions, cancel: threading.Event, request_id: int | None) -> P.Embeddings:
    import llama_cpp.llama_cpp as low

    llm = model.llm
    if not model.options.embedding:
        raise WorkerError(P.E_WRONG_KIND, QT_TR_NOOP("This model was loaded for text generation; load an embedding model to embed text."))
    pooling = int(low.llama_pooling_type(llm.ctx))
    if pooling == _RANK:
        raise WorkerError(P.E_WRONG_KIND, QT_TR_NOOP("This model's pooling is rank: it is a reranker, which scores pairs of texts and gives no embeddings."))
    started = time.perf_counter()
    tokenized = [input_tokens(model, i, item) for i, item in enumerate(options.inputs)]  # every input checked before any is decoded
    n_embd = int(low.llama_model_n_embd_out(llm.model))
    batch = low.llama_batch_init(max(len(t) for t in tokenized), 0, 1)
    memory = low.llama_get_memory(llm.ctx)
    vectors: list[str] = []
    try:
        for index, tokens in enumerate(tokenized):
            if cancel.is_set():
                raise WorkerError(P.E_CANCELLED, QT_TR_NOOP("The embedding was cancelled."))
            low.llama_memory_clear(memory, True)
            for i, token in enumerate(tokens):
                batch.token[i], batch.pos[i], batch.n_seq_id[i], batch.logits[i] = token, i, 1, True
                batch.seq_id[i][0] = 0
            batch.n_tokens = len(tokens)
            rc = low.llama_decode(llm.ctx, batch)
            if rc != 0:
                raise WorkerError(P.E_GENERATE_FAILED, QT_TR_NOOP("Embedding input[{index}] failed: llama_decode returned {code}.", index=index, code=rc))
            vector = _vector(low, llm.ctx, pooling, n_embd, len(tokens))
            vectors.append(P.floats_to_base64((_unit(vector) if options.normalize else vector).tolist()))
    finally:
        low.llama_memory_clear(memory, True)
        low.llama_batch_free(batch)
    return P.Embeddings(id=request_id, data=vectors, n_tokens=[len(t) for t in tokenized], n_embd=n_embd,
                        total_ms=round((time.perf_counter() - started) * 1000, 3))  # fmt: skip


def _vector(low, ctx, pooling: int, n_embd: int, n_tokens: int):
    """The input's vector: llama.cpp's pooled one, or the mean of its token vectors (no pooling)."""
    import numpy as np

    pointer = low.llama_get_embeddings_seq(ctx, 0) if pooling != _NONE else low.llama_get_embeddings(ctx)
    if not pointer:
        raise WorkerError(P.E_GENERATE_FAILED, QT_TR_NOOP("llama.cpp gave no embedding for this input."))
    if pooling != _NONE:
        return np.ctypeslib.as_array(pointer, shape=(n_embd,)).astype(np.float64)
    return np.ctypeslib.as_array(pointer, shape=(n_tokens, n_embd)).astype(np.float64).mean(axis=0)


def _unit(vector):
    norm = float((vector * vector).sum()) ** 0.5
    return vector / norm if norm > 0 else vector
