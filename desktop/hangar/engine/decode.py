"""The single-sequence decode loop: llama.cpp's own calls, and as little Python per token as we can.

llama-cpp-python's ``Llama.generate`` costs per token what llama-bench does not: a generator,
a ``llama_batch`` refilled field by field, a KV-cache removal call, the token stored in a numpy
array, a sampler wrapper; on a model whose tokens take half a millisecond such work shows
(docs/runtimes-and-measurements.md). Here, per token: ``llama_sampler_sample`` on the
chain of sampling.py (the one ``Llama._init_sampler`` builds: penalties, grammar, greedy or
top-k/typical/top-p/min-p/temperature/seeded draw; it accepts the token itself), the end-of-
generation check and the token's bytes (``llama_vocab_is_eog`` and ``llama_token_to_piece`` into
one reused buffer, asked once per token id and kept; UTF-8 hold-back and stop strings in
textstream.py), and one ``llama_decode`` of a one-token batch made once. Nothing of the logits
comes into Python.

The KV cache keeps the last request's tokens (``Llama``'s ``input_ids``/``n_tokens`` stay the
record, as ``Llama.generate`` keeps them, so both agree on what the cache holds): a chat that
sends the whole conversation each turn decodes only what follows the longest common prefix
(``llama_memory_seq_rm`` from the first position that differs), and at least the last prompt
token, so the logits are fresh. The seed is ``Llama``'s: a request with a seed sets it
(``Llama.set_seed``), one without draws with the last one set, as ``Llama.generate`` did.
"""

from __future__ import annotations

import ctypes
import threading
import time

from ..core.runner import protocol as P
from ..core.runner.protocol import QT_TR_NOOP
from .model import Emit, LoadedModel, WorkerError, _speed
from .sampling import sampler_chain
from .textstream import StopMatcher, Utf8Stream


class Decoder:
    """One per loaded model (single sequence, seq id 0); ``close`` frees its batch."""

    def __init__(self, model: LoadedModel) -> None:
        import llama_cpp.llama_cpp as low

        self.low = low
        self.model = model
        llm = model.llm
        self.ctx = llm.ctx
        self.vocab = llm._model.vocab
        self.n_vocab = llm.n_vocab()
        self.n_batch = int(llm.n_batch)
        self.memory = low.llama_get_memory(self.ctx)
        self.batch = low.llama_batch_init(self.n_batch, 0, 1)
        self.piece = ctypes.create_string_buffer(256)
        self.tokens: dict[int, tuple[bytes, bool]] = {}  # token -> (its bytes, end of generation?), filled as tokens first come
        self.n_prompt_decoded = 0  # prompt tokens the last request decoded (the rest came from the cache)

    # -- the cache --------------------------------------------------------------------------------
    def _cached(self) -> list[int]:
        """The tokens the KV cache holds for sequence 0 (none if something else changed the memory)."""
        llm = self.model.llm
        n = int(llm.n_tokens)
        if n and int(self.low.llama_memory_seq_pos_max(self.memory, 0)) + 1 != n:
            return []  # cleared behind Llama's back (perplexity.py clears the memory)
        return llm.input_ids[:n].tolist()

    def _record(self, cached: list[int]) -> None:
        llm = self.model.llm
        llm.input_ids[: len(cached)] = cached
        llm.n_tokens = len(cached)
        llm._requires_eval = True  # Llama.generate, if ever called, decodes a token before it samples

    def _reuse(self, cached: list[int], tokens: list[int]) -> int:
        """Keep the longest common prefix in the cache (never the whole prompt); the cells kept."""
        keep = 0
        for a, b in zip(cached, tokens):
            if a != b:
                break
            keep += 1
        keep = min(keep, len(tokens) - 1)
        if keep > 0 and self.low.llama_memory_seq_rm(self.memory, 0, keep, -1):
            return keep
        self._forget()
        return 0

    def _forget(self) -> None:
        """Empty the cache (Llama.reset and eval's way: a recurrent model's memory is cleared whole)."""
        if not self.low.llama_memory_seq_rm(self.memory, 0, 0, -1):
            self.low.llama_memory_clear(self.memory, True)

    # -- decoding ---------------------------------------------------------------------------------
    def _decode_prompt(self, tokens: list[int], start: int, cancel: threading.Event) -> int:
        """Decode tokens[start:] in n_batch chunks, logits for the last one only; llama_decode's code."""
        low, batch, ctx = self.low, self.batch, self.ctx
        token, pos, n_seq_id, seq_id, logits = batch.token, batch.pos, batch.n_seq_id, batch.seq_id, batch.logits
        end = len(tokens)
        self.model._set_abort(cancel)  # only while the prompt is decoded: each call costs time (once per graph node)
        try:
            for first in range(start, end, self.n_batch):
                if first > start and cancel.is_set():
                    return 2  # as an abort: the rest of a long prompt is not worth decoding
                n = min(self.n_batch, end - first)
                for i in range(n):
                    token[i] = tokens[first + i]
                    pos[i] = first + i
                    n_seq_id[i] = 1
                    seq_id[i][0] = 0
                    logits[i] = False
                logits[n - 1] = first + n == end
                batch.n_tokens = n
                rc = low.llama_decode(ctx, batch)
                if rc != 0:
                    return rc
            return 0
        finally:
            self.model._set_abort(None)

    def generate(self, tokens: list[int], options: P.GenerateOptions, cancel: threading.Event, emit: Emit, request_id: int | None) -> P.Done:
        """Generate a reply to ``tokens`` (checked to fit the context); Token events, then the Done returned."""
        low, llm = self.low, self.model.llm
        n_ctx = self.model.context_size
        if options.seed is not None:
            llm.set_seed(options.seed)
        chain = sampler_chain(low, self.vocab, self.n_vocab, options, llm._seed)  # WorkerError for a bad grammar
        reply = _Reply(request_id, len(tokens), options.stop)
        cached = self._cached()
        keep = self._reuse(cached, tokens)
        del cached[keep:]
        self.n_prompt_decoded = len(tokens) - keep
        try:
            rc = self._decode_prompt(tokens, keep, cancel)
            if rc == 0:
                cached.extend(tokens[keep:])
                rc = self._loop(chain, cached, options, cancel, emit, reply, n_ctx)
            if rc == 2 or (rc != 0 and cancel.is_set()):  # aborted: what llama.cpp kept of the batch is not known here, so keep nothing
                reply.stop_reason = P.StopReason.CANCELLED
                cached.clear()
                self._forget()
            elif rc != 0:
                cached.clear()
                self._forget()
                raise WorkerError(P.E_GENERATE_FAILED, QT_TR_NOOP("Generation failed: {error}", error=f"llama_decode returned {rc}"))
        finally:
            low.llama_sampler_free(chain)
            self._record(cached)
        return reply.done(emit, len(cached), n_ctx)

    def _loop(self, chain, cached: list[int], options: P.GenerateOptions, cancel: threading.Event, emit: Emit, reply: "_Reply", n_ctx: int) -> int:
        """Sample, check, stream and decode until a stop (in ``reply``); 0, or llama_decode's failing code."""
        ctx, batch, known, learn = self.ctx, self.batch, self.tokens, self._learn
        sample, decode, clock = self.low.llama_sampler_sample, self.low.llama_decode, time.perf_counter
        batch.n_tokens = 1
        batch.n_seq_id[0] = 1
        batch.seq_id[0][0] = 0
        batch.logits[0] = True
        batch_token, batch_pos = batch.token, batch.pos
        max_tokens, ignore_eos, is_set = options.max_tokens, options.ignore_eos, cancel.is_set
        feed_utf8, feed_stops, stops = reply.utf8.feed, reply.stops.feed, reply.stops
        request_id, n_prompt = reply.request_id, reply.n_prompt
        pos = len(cached)
        n_generated = 0
        token = sample(chain, ctx, -1)
        first_at = reply.first_at = clock()
        reply.ttft_ms = (first_at - reply.started) * 1000
        ttft = round(reply.ttft_ms, 3)
        try:
            while True:
                if is_set():
                    reply.stop_reason = P.StopReason.CANCELLED
                    return 0
                data, eog = known.get(token) or learn(token)
                if eog and not ignore_eos:
                    reply.stop_reason = P.StopReason.STOP
                    return 0
                n_generated += 1
                text = feed_stops(feed_utf8(data))
                if text:  # counts and speed let the window show context use and tokens/s while the reply streams
                    emit(P.Token(id=request_id, text=text, n=n_generated, n_prompt=n_prompt, ttft_ms=ttft, gen_tps=_speed(n_generated, clock() - first_at)))
                if stops.stopped:
                    reply.stop_reason = P.StopReason.STOP
                    return 0
                if n_generated >= max_tokens:
                    return 0
                if pos + 1 >= n_ctx:
                    reply.stop_reason = P.StopReason.CONTEXT_FULL
                    return 0
                batch_token[0] = token
                batch_pos[0] = pos
                rc = decode(ctx, batch)
                if rc != 0:
                    return rc
                cached.append(token)
                pos += 1
                token = sample(chain, ctx, -1)
        finally:
            reply.n_generated = n_generated

    def _learn(self, token: int) -> tuple[bytes, bool]:
        """A token's bytes (llama_token_to_piece into the reused buffer, grown once if a piece is longer) and
        whether it ends generation (llama_vocab_is_eog), asked once per token and kept."""
        low, vocab = self.low, self.vocab
        n = low.llama_token_to_piece(vocab, token, self.piece, len(self.piece), 0, False)
        if n < 0:
            self.piece = ctypes.create_string_buffer(-n)
            n = low.llama_token_to_piece(vocab, token, self.piece, len(self.piece), 0, False)
        entry = self.tokens[token] = (ctypes.string_at(self.piece, n), bool(low.llama_vocab_is_eog(vocab, token)))
        return entry

    def close(self) -> None:
        if self.batch is not None:
            self.low.llama_batch_free(self.batch)
            self.batch = None


class _Reply:
    """What one request has produced so far, and its Done."""

    def __init__(self, request_id: int | None, n_prompt: int, stop: list[str]) -> None:
        self.request_id = request_id
        self.n_prompt = n_prompt
        self.utf8, self.stops = Utf8Stream(), StopMatcher(stop)
        self.stop_reason = P.StopReason.LENGTH
        self.n_generated = 0
        self.started = time.perf_counter()
        self.ttft_ms: float | None = None
        self.first_at = 0.0

    def done(self, emit: Emit, context_used: int, n_ctx: int) -> P.Done:
        """Send what the UTF-8 decoder and the stop matcher held back; the Done event."""
        text = self.stops.feed(self.utf8.flush()) + self.stops.flush()
        gen_s = time.perf_counter() - self.first_at if self.ttft_ms is not None else 0.0
        ttft = round(self.ttft_ms, 3) if self.ttft_ms is not None else None
        if text:
            emit(P.Token(id=self.request_id, text=text, n=self.n_generated, n_prompt=self.n_prompt, ttft_ms=ttft, gen_tps=_speed(self.n_generated, gen_s)))
        return P.Done(
            id=self.request_id,
            stop_reason=self.stop_reason,
            n_prompt=self.n_prompt,
            n_generated=self.n_generated,
            ttft_ms=ttft,
            prompt_tps=round(self.n_prompt / (self.ttft_ms / 1000), 2) if self.ttft_ms else None,
            gen_tps=_speed(self.n_generated, gen_s),
            total_ms=round((time.perf_counter() - self.started) * 1000, 3),
            context_used=context_used,
            n_ctx=n_ctx,
        )
