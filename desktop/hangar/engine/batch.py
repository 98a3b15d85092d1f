"""Continuous batching: up to N generate requests decoded together in one llama.cpp context.

What llama-server's slots do (SERVING-NOTES.md), in the worker's main thread. The context
has ``n_seq_max = N`` and a KV cache split into N streams (``kv_unified = false``): each
sequence owns ``n_ctx / N`` cells, so one long conversation can never fill the cache under
the others (with a unified cache a full cache fails the whole batch's ``llama_decode``), a
request's limit is known when it is admitted, and attention reads only its own cells.

Each ``step`` builds one ``llama_batch``: the last sampled token of every running sequence,
then prompt tokens of newly admitted ones, chunked to the batch size so running streams keep
their pace; one ``llama_decode``; then every sequence whose logits are ready samples with its
own sampler chain (sampling.py) and is checked for end-of-generation, stop strings,
``max_tokens`` and a full context exactly as model.py's single-sequence loop checks them. A
finished or cancelled sequence frees its cells (``llama_memory_seq_rm``) and its slot; a
waiting request takes the slot at the next step. Requests beyond N wait in ``waiting``.
"""

from __future__ import annotations

import collections
import heapq
import time
from dataclasses import dataclass, field
from typing import Callable

from ..core.runner import protocol as P
from ..core.runner.protocol import QT_TR_NOOP
from .model import Emit, LoadedModel, _speed, token_bytes
from .sampling import sampler_chain
from .textstream import StopMatcher, Utf8Stream

ABORTABLE_PROMPT_TOKENS = 64  # a step with this many prompt tokens listens to the abort callback


@dataclass(eq=False)
class Sequence:
    request_id: int | None
    read_no: int  # the worker's sequence number of the request (a cancel-all covers those read before it)
    options: P.GenerateOptions
    tokens: list[int]  # the prompt
    received: float  # perf_counter when the worker took the request
    slot: int = -1
    sampler: object = None
    n_fed: int = 0  # prompt tokens decoded so far
    pos: int = 0  # cells this sequence holds
    next_token: int | None = None  # sampled, not decoded yet
    n_generated: int = 0
    prefill_started: float | None = None
    ttft_ms: float | None = None
    first_at: float = 0.0
    utf8: Utf8Stream = field(default_factory=Utf8Stream)
    stops: StopMatcher | None = None


class BatchDecoder:
    def __init__(self, model: LoadedModel, emit: Emit, is_cancelled: Callable[[Sequence], bool], all_cancelled: Callable[[list], bool],
                 write: Emit | None = None, flush: Callable[[], None] | None = None) -> None:  # fmt: skip
        import llama_cpp.llama_cpp as low

        self.low = low
        self.model = model
        self.emit = emit
        # A step's tokens are written unflushed and go out together at its end: the parent's reader
        # wakes once per step, not once per sequence (every other event is emitted, flushed, at once).
        self.write = write or emit
        self.flush = flush or (lambda: None)
        self.is_cancelled = is_cancelled
        self.all_cancelled = all_cancelled  # every sequence in a list was cancelled (the abort callback asks)
        self.ctx = model.llm.ctx
        self.vocab = model.llm._model.vocab
        self.n_vocab = model.llm.n_vocab()
        self.n_parallel = model.n_parallel
        self.n_ctx_seq = model.context_size
        self.n_batch = model.llm.n_batch  # at least n_parallel (model.py)
        self.memory = low.llama_get_memory(self.ctx)
        self.batch = low.llama_batch_init(self.n_batch, 0, 1)
        # The lowest free slot first, and each step's batch in slot order: with a KV cache split per
        # sequence, llama.cpp splits a batch into one graph computation per run of consecutive
        # sequence ids (llama_batch_allocr::split_equal, "accept only increasing sequence ids"),
        # so slots handed out in the order the last requests ended made every step of the next
        # ones two to eight computations, not one (half the speed at 8 streams).
        self.free_slots = list(range(self.n_parallel))  # a heap
        self.running: list[Sequence] = []
        self.waiting: collections.deque[Sequence] = collections.deque()
        self._in_batch: list[Sequence] = []
        self._abort_cb = low.ggml_abort_callback(lambda _data: self.all_cancelled(self._in_batch))

    @property
    def busy(self) -> bool:
        return bool(self.running or self.waiting)

    def submit(self, request_id: int | None, read_no: int, options: P.GenerateOptions, tokens: list[int], received: float) -> None:
        """Queue one request; WorkerError (nothing queued) for a prompt too long or a bad grammar."""
        if len(tokens) >= self.n_ctx_seq:
            from .model import WorkerError

            raise WorkerError(P.E_CONTEXT_FULL, QT_TR_NOOP("The prompt has {tokens} tokens but the context holds {n_ctx}.", tokens=len(tokens), n_ctx=self.n_ctx_seq))
        llm = self.model.llm
        if options.seed is not None:
            llm.set_seed(options.seed)  # as the single-sequence path: a later request without a seed continues from it
        seq = Sequence(request_id, read_no, options, tokens, received, stops=StopMatcher(options.stop))
        seq.sampler = sampler_chain(self.low, self.vocab, self.n_vocab, options, llm._seed)
        self.waiting.append(seq)

    # -- one step -------------------------------------------------------------------------------
    def step(self) -> None:
        try:
            self._step()
        except Exception as exc:  # a bug or a llama.cpp failure ends every sequence with an error, not the worker
            for seq in list(self.running) + list(self.waiting):
                self._finish(seq, None, error=exc)
            raise

    def _step(self) -> None:
        for seq in [s for s in list(self.running) + list(self.waiting) if self.is_cancelled(s)]:
            self._finish(seq, P.StopReason.CANCELLED)
        while self.waiting and self.free_slots:
            seq = self.waiting.popleft()
            seq.slot = heapq.heappop(self.free_slots)
            self.running.append(seq)
        if not self.running:
            return
        low, batch = self.low, self.batch
        room = self.n_batch - sum(seq.next_token is not None for seq in self.running)  # every generating sequence's next token goes in
        takes: dict[int, int] = {}
        for seq in self.running:  # then prompt tokens, as many as the batch has room for, in the order requests came
            if seq.next_token is None and seq.n_fed < len(seq.tokens) and room > 0:
                takes[id(seq)] = take = min(room, len(seq.tokens) - seq.n_fed)
                room -= take
        n = n_prompt = 0
        sampled: list[tuple[Sequence, int]] = []
        for seq in sorted(self.running, key=lambda s: s.slot):  # written in slot order (see free_slots)
            if seq.next_token is not None:
                self._put(n, seq.next_token, seq.pos, seq.slot, True)
                sampled.append((seq, n))
                seq.pos += 1
                n += 1
                continue
            take = takes.get(id(seq), 0)
            if not take:
                continue
            if seq.prefill_started is None:
                seq.prefill_started = time.perf_counter()
            for i in range(take):
                last = seq.n_fed + i == len(seq.tokens) - 1
                self._put(n, seq.tokens[seq.n_fed + i], seq.pos, seq.slot, last)
                if last:
                    sampled.append((seq, n))
                seq.pos += 1
                n += 1
            seq.n_fed += take
            n_prompt += take
        batch.n_tokens = n
        self._in_batch = [seq for seq in self.running]
        abortable = n_prompt >= ABORTABLE_PROMPT_TOKENS
        if abortable:  # only then: each call of the callback costs time
            low.llama_set_abort_callback(self.ctx, self._abort_cb, None)
        try:
            rc = low.llama_decode(self.ctx, batch)
        finally:
            if abortable:
                low.llama_set_abort_callback(self.ctx, low.ggml_abort_callback(0), None)
        if rc != 0:
            if rc == 2:  # aborted: every sequence in it was cancelled
                for seq in list(self.running):
                    self._finish(seq, P.StopReason.CANCELLED)
                return
            raise RuntimeError(f"llama_decode returned {rc}")
        now = time.perf_counter()
        try:
            for seq, index in sampled:
                self._sampled(seq, int(low.llama_sampler_sample(seq.sampler, self.ctx, index)), now)
        finally:
            self.flush()

    def _put(self, i: int, token: int, pos: int, slot: int, logits: bool) -> None:
        batch = self.batch
        batch.token[i] = token
        batch.pos[i] = pos
        batch.n_seq_id[i] = 1
        batch.seq_id[i][0] = slot
        batch.logits[i] = logits

    def _sampled(self, seq: Sequence, token: int, now: float) -> None:
        """The checks of model.py's loop, in its order, for one sampled token."""
        options, low = seq.options, self.low
        if seq.ttft_ms is None:
            seq.ttft_ms = (now - seq.received) * 1000
            seq.first_at = now
        if self.is_cancelled(seq):
            return self._finish(seq, P.StopReason.CANCELLED)
        if low.llama_vocab_is_eog(self.vocab, token) and not options.ignore_eos:
            return self._finish(seq, P.StopReason.STOP)
        seq.n_generated += 1
        text = seq.stops.feed(seq.utf8.feed(token_bytes(low, self.vocab, token)))
        if text:
            self.write(P.Token(id=seq.request_id, text=text, n=seq.n_generated, n_prompt=len(seq.tokens), ttft_ms=round(seq.ttft_ms, 3),
                              gen_tps=_speed(seq.n_generated, time.perf_counter() - seq.first_at)))  # fmt: skip
        if seq.stops.stopped:
            return self._finish(seq, P.StopReason.STOP)
        if seq.n_generated >= options.max_tokens:
            return self._finish(seq, P.StopReason.LENGTH)
        if seq.pos + 1 >= self.n_ctx_seq:
            return self._finish(seq, P.StopReason.CONTEXT_FULL)
        seq.next_token = token

    def _finish(self, seq: Sequence, reason: P.StopReason | None, error: Exception | None = None) -> None:
        """Free the sequence's cells, slot and sampler; answer with Done (or an error event)."""
        low = self.low
        if seq in self.running:
            self.running.remove(seq)
        elif seq in self.waiting:
            self.waiting.remove(seq)
        if seq.slot >= 0:
            low.llama_memory_seq_rm(self.memory, seq.slot, -1, -1)
            heapq.heappush(self.free_slots, seq.slot)
            seq.slot = -1
        if seq.sampler is not None:
            low.llama_sampler_free(seq.sampler)
            seq.sampler = None
        if error is not None:
            message = QT_TR_NOOP("Generation failed: {error}", error=f"{type(error).__name__}: {error}")
            self.emit(P.Error(id=seq.request_id, code=P.E_GENERATE_FAILED, message=message, log_tail=self.model.log.tail()))
            return
        tail = seq.stops.feed(seq.utf8.flush()) + seq.stops.flush()
        gen_s = time.perf_counter() - seq.first_at if seq.ttft_ms is not None else 0.0
        ttft = round(seq.ttft_ms, 3) if seq.ttft_ms is not None else None
        if tail:
            self.emit(P.Token(id=seq.request_id, text=tail, n=seq.n_generated, n_prompt=len(seq.tokens), ttft_ms=ttft, gen_tps=_speed(seq.n_generated, gen_s)))
        prompt_s = seq.first_at - seq.prefill_started if seq.ttft_ms is not None and seq.prefill_started is not None else 0.0
        self.emit(P.Done(
            id=seq.request_id, stop_reason=reason, n_prompt=len(seq.tokens), n_generated=seq.n_generated, ttft_ms=ttft,
            prompt_tps=round(len(seq.tokens) / prompt_s, 2) if prompt_s > 0 else None, gen_tps=_speed(seq.n_generated, gen_s),
            total_ms=round((time.perf_counter() - seq.received) * 1000, 3), context_used=seq.pos, n_ctx=self.n_ctx_seq,
        ))  # fmt: skip

    def cancel_everything(self) -> None:
        for seq in list(self.running) + list(self.waiting):
            self._finish(seq, P.StopReason.CANCELLED)

    def close(self) -> None:
        self.cancel_everything()
        if self.batch is not None:
            self.low.llama_batch_free(self.batch)
            self.batch = None
