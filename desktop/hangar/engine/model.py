"""One loaded model inside the worker: loading with progress and abort, and generation.

Built on llama-cpp-python's ``Llama`` for loading, tokenising and the context; the token
loop is decode.py's (llama.cpp's sampler chain and calls, a prefix cache), so that
cancellation, UTF-8 hold-back, stop strings and timings are ours to control and to test.
The chat template is compiled once, by chat_template.py, not by ``Llama()``; the prompt is
measured against the context before it is tokenised (``MAX_BYTES_PER_TOKEN``), so a huge
prompt is refused in milliseconds.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import threading
import time
from typing import Callable, Iterator

from ..core.runner import protocol as P
from ..core.runner.protocol import QT_TR_NOOP
from .chat_template import ChatTemplate, TemplateCancelled, TemplateError, not_compiled_by_llama, size_problem
from .llama_log import LlamaLog
from .overrides import BufferOverrides, describe_overrides, expert_overrides

Emit = Callable[[P.Event], None]
CHATML_FALLBACK = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n{{ message['content'] }}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
_OFFLOADED = re.compile(r"offloaded (\d+)/(\d+) layers to GPU")
_BUFFER = re.compile(r"\b(\S+) model buffer size =\s*([\d.]+) MiB")
_KV_BUFFER = re.compile(r"\b(\S+) KV buffer size =\s*([\d.]+) MiB")
POOLING = {0: "none", 1: "mean", 2: "cls", 3: "last", 4: "rank"}  # llama_pooling_type
SPLIT_MODE = {"none": 0, "layer": 1, "row": 2}  # llama_split_mode
# No vocabulary has tokens this long on average (English runs near 4 bytes a token, Chinese
# near 5): a prompt of more bytes than this times the context cannot fit, and is refused
# before the tokeniser spends seconds and memory on it.
MAX_BYTES_PER_TOKEN = 32


class WorkerError(Exception):
    """A failure the worker reports as an ``error`` event (the parent raises it as EngineError).

    ``message`` is a QT_TR_NOOP text where possible, so the window can translate it.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def event(self, request_id: int | None, log_tail: list[str]) -> P.Error:
        return P.Error(id=request_id, code=self.code, message=self.message, log_tail=log_tail)


def physical_cores() -> int:
    try:
        import psutil

        return psutil.cpu_count(logical=False) or os.cpu_count() or 1
    except ImportError:  # the worker runs in bare runtime environments too
        return os.cpu_count() or 1


def check_gguf(path: str) -> None:
    if not os.path.isfile(path):
        raise WorkerError(P.E_LOAD_FAILED, QT_TR_NOOP("Model file not found: {path}", path=path))
    with open(path, "rb") as handle:
        magic = handle.read(4)
    if magic != b"GGUF":
        raise WorkerError(
            P.E_NOT_GGUF, QT_TR_NOOP("{file} is not a GGUF model file (it does not start with the GGUF signature).", file=os.path.basename(path))
        )


def avoid_broken_amx(low, params) -> None:
    """Keep weights out of llama.cpp's AMX buffers, whose matrix kernel crashes.

    Since llama-cpp-python 0.3.17, llama.cpp's ggml-cpu/amx/mmq.cpp builds its AMX tile
    configuration on the stack; GCC's inline-asm ``_tile_loadconfig`` (GCC 12's header)
    tells the optimiser it reads 8 of the 64 bytes, so the row and column widths are
    never stored, ``ldtilecfg`` faults and the first Q4_0/Q4_1/Q8_0/K-quant matrix
    product on an AMX CPU (Xeon Sapphire Rapids and later) kills the worker with SIGSEGV.
    Unfixed upstream (ggml-org/llama.cpp#20824, PR #26954). Without the extra buffer types
    the weights stay in plain CPU buffers and the AVX-512 kernels run them; drop this
    once a fixed llama.cpp is the minimum.
    """
    info = low.llama_print_system_info()
    if b"AMX_INT8 = 1" in (info if isinstance(info, bytes) else str(info).encode()):
        params.use_extra_bufts = False


@contextlib.contextmanager
def _construction_hooks(llama_cpp, on_progress: Callable[[float], bool], flash_attn: str, n_parallel: int = 1,
                        overrides: BufferOverrides | None = None) -> Iterator[None]:  # fmt: skip
    """Reach settings ``Llama()`` does not expose, for the length of one constructor call.

    llama-cpp-python builds its model parameters and context parameters inside
    ``Llama.__init__`` with no way to pass a load-progress callback (our progress bar
    and load cancel), tensor buffer overrides (overrides.py: experts in RAM), flash-attention
    "auto" (llama-bench's default) or the number of
    sequences decoded together (batch.py: ``n_seq_max``, a KV cache split per sequence).
    We wrap the module-level names it reads; the worker is single-threaded here, so
    nothing else sees it.
    """
    original_params = llama_cpp.llama_model_default_params
    original_context = llama_cpp.llama_context_default_params
    original_disabled = llama_cpp.LLAMA_FLASH_ATTN_TYPE_DISABLED
    callback = llama_cpp.llama_progress_callback(lambda fraction, _user: bool(on_progress(float(fraction))))

    def params_with_progress():
        params = original_params()
        avoid_broken_amx(llama_cpp, params)
        params.progress_callback = callback
        if overrides is not None:
            params.tensor_buft_overrides = overrides.address
        return params

    def context_with_sequences():
        params = original_context()
        params.n_seq_max = n_parallel
        params.kv_unified = False
        return params

    llama_cpp.llama_model_default_params = params_with_progress
    if n_parallel > 1:
        llama_cpp.llama_context_default_params = context_with_sequences
    if flash_attn == "auto":
        llama_cpp.LLAMA_FLASH_ATTN_TYPE_DISABLED = llama_cpp.LLAMA_FLASH_ATTN_TYPE_AUTO
    try:
        yield
    finally:
        llama_cpp.llama_model_default_params = original_params
        llama_cpp.llama_context_default_params = original_context
        llama_cpp.LLAMA_FLASH_ATTN_TYPE_DISABLED = original_disabled


class LoadedModel:
    def __init__(self, llm, options: P.LoadOptions, load_ms: float, log: LlamaLog) -> None:
        self.llm = llm
        self.options = options
        self.load_ms = load_ms
        self.log = log
        self._abort_cb = None
        self._template: ChatTemplate | TemplateError | None = None  # compiled at the first chat request
        self.overrides: BufferOverrides | None = None  # what tensor_buft_overrides points at: kept as long as the model
        self._decoder = None  # decode.py's Decoder, made at the first generate

    # -- loading ----------------------------------------------------------------------------
    @classmethod
    def load(cls, options: P.LoadOptions, cancel: threading.Event, emit: Emit, request_id: int, log: LlamaLog) -> "LoadedModel":
        import llama_cpp
        import llama_cpp.llama_cpp as low

        check_gguf(options.path)
        last = [0.0]

        def on_progress(fraction: float) -> bool:
            if fraction - last[0] >= 0.05 or fraction >= 1.0:
                last[0] = fraction
                emit(P.Progress(id=request_id, stage="load", fraction=round(fraction, 3)))
            return not cancel.is_set()  # False makes llama.cpp abandon the load

        threads = options.n_threads or physical_cores()
        n_batch = options.n_ctx if options.embedding else max(options.n_batch, options.n_parallel)  # embedding.py: an input in one batch
        log.placement_lines.clear()
        try:
            overrides = expert_overrides(low, options.n_cpu_moe or 0)
        except (OSError, RuntimeError, AttributeError) as exc:
            raise WorkerError(P.E_LOAD_FAILED, QT_TR_NOOP("Could not keep the experts in RAM: {error}", error=exc)) from exc
        started = time.perf_counter()
        try:
            with _construction_hooks(low, on_progress, options.flash_attn, options.n_parallel, overrides), not_compiled_by_llama():
                llm = llama_cpp.Llama(
                    model_path=options.path,
                    n_ctx=options.n_ctx,
                    n_gpu_layers=options.n_gpu_layers,
                    n_threads=threads,
                    n_threads_batch=threads,
                    n_batch=n_batch,
                    n_ubatch=n_batch if options.embedding else 512,  # an encoder cannot split an input; 512: Llama's default
                    embedding=options.embedding,  # pooling: the GGUF's (Llama's LLAMA_POOLING_TYPE_UNSPECIFIED)
                    use_mmap=options.use_mmap,
                    seed=options.seed,
                    flash_attn=options.flash_attn == "on",
                    split_mode=SPLIT_MODE[options.split_mode],
                    main_gpu=options.main_gpu,
                    tensor_split=options.tensor_split,
                    verbose=False,
                )
        except (ValueError, RuntimeError, OSError) as exc:
            if cancel.is_set():
                raise WorkerError(P.E_CANCELLED, QT_TR_NOOP("Loading was cancelled.")) from exc
            raise WorkerError(P.E_LOAD_FAILED, _load_failure_message(options.path, exc, log)) from exc
        too_large = size_problem(llm.metadata.get("tokenizer.chat_template"))
        if too_large:
            llm.close()
            raise WorkerError(P.E_LOAD_FAILED, too_large)
        for key in [k for k in llm.metadata if k.startswith("tokenizer.chat_template.") and size_problem(llm.metadata[k])]:
            llm.metadata[key] = ""  # named templates (tool_use, rag ...) are never used here: keep no huge copy
        loaded = cls(llm, options, (time.perf_counter() - started) * 1000, log)
        loaded.overrides = overrides
        return loaded

    @property
    def n_parallel(self) -> int:
        return self.options.n_parallel

    @property
    def context_size(self) -> int:
        """Tokens one request may hold: llama.cpp may round its context up, llama-cpp-python's
        buffer is not; with n_parallel sequences each owns its share (llama_n_ctx_seq)."""
        if self.n_parallel > 1:
            import llama_cpp.llama_cpp as low

            return int(low.llama_n_ctx_seq(self.llm.ctx))
        return min(self.llm.n_ctx(), len(self.llm.input_ids))

    def describe(self) -> P.ModelInfo:
        import llama_cpp.llama_cpp as low

        model = self.llm.model
        buf = ctypes.create_string_buffer(256)
        low.llama_model_desc(model, buf, len(buf))
        template = self.llm.metadata.get("tokenizer.chat_template")
        log_text = "\n".join(self.log.placement_lines)
        offloaded = _OFFLOADED.findall(log_text)
        buffers: dict[str, float] = {}
        for name, mib in _BUFFER.findall(log_text):  # experts kept in RAM add a second CPU buffer: sum them
            buffers[name] = round(buffers.get(name, 0.0) + float(mib), 2)
        moved, moved_mib = describe_overrides(self.log.placement_lines)
        return P.ModelInfo(
            path=self.options.path,
            description=buf.value.decode(errors="replace"),
            size_bytes=int(low.llama_model_size(model)),
            n_params=int(low.llama_model_n_params(model)),
            n_ctx=self.context_size,
            n_ctx_train=self.llm._model.n_ctx_train(),
            n_vocab=self.llm.n_vocab(),
            n_threads=self.llm.context_params.n_threads,
            chat_template="gguf" if template else "fallback: ChatML",
            synthetic=self.llm.metadata.get("hangar.synthetic") in ("true", "True", "1"),
            layers_offloaded=int(offloaded[-1][0]) if offloaded else 0,
            layers_total=int(offloaded[-1][1]) if offloaded else None,
            buffers_mib=buffers,
            kv_cache_mib=round(sum(float(mib) for _, mib in _KV_BUFFER.findall(log_text)), 3),
            n_parallel=self.n_parallel,
            embedding=self.options.embedding,
            n_embd=int(low.llama_model_n_embd_out(model)),
            pooling=POOLING.get(int(low.llama_pooling_type(self.llm.ctx)), "") if self.options.embedding else "",
            n_cpu_moe=self.options.n_cpu_moe or 0,
            overridden_tensors=moved,
            overridden_mib=moved_mib,
            split_mode=self.options.split_mode,
            tensor_split=self.options.tensor_split,
        )

    # -- generating -------------------------------------------------------------------------
    def prompt_tokens(self, options: P.GenerateOptions, cancel: threading.Event | None = None) -> list[int]:
        """The prompt as tokens; WorkerError E_CONTEXT_FULL (before tokenising) when its text is
        longer than any prompt the context could hold. TemplateCancelled if cancelled."""
        cancel = cancel or threading.Event()
        n_ctx = self.context_size
        limit = n_ctx * MAX_BYTES_PER_TOKEN
        if options.messages is None:
            return self.llm.tokenize(self._measured(options.prompt or "", limit, n_ctx), add_bos=True, special=True)
        vocab = self.llm._model
        try:
            text = self._chat_template(cancel).render(options.messages, max_chars=limit, n_ctx=n_ctx, cancel=cancel)
        except TemplateError as exc:
            raise WorkerError(exc.code, exc.message) from exc
        bos = vocab.token_get_text(vocab.token_bos()) if vocab.token_bos() >= 0 else ""
        add_bos = not (bos and text.startswith(bos))  # templates often write the BOS themselves
        return self.llm.tokenize(self._measured(text, limit, n_ctx), add_bos=add_bos, special=True)

    def _chat_template(self, cancel: threading.Event) -> ChatTemplate:
        """The model's template (or ChatML), compiled once; a template that cannot compile fails
        every chat request the same way, without compiling again. A cancelled compile is retried."""
        if self._template is None:
            vocab = self.llm._model
            source = self.llm.metadata.get("tokenizer.chat_template") or CHATML_FALLBACK
            bos, eos = (vocab.token_get_text(token) if token >= 0 else "" for token in (vocab.token_bos(), vocab.token_eos()))
            try:
                self._template = ChatTemplate(source, bos_token=bos, eos_token=eos, cancel=cancel)
            except TemplateError as exc:
                self._template = exc
        if isinstance(self._template, TemplateError):
            raise WorkerError(self._template.code, self._template.message)
        return self._template

    @staticmethod
    def _measured(text: str, limit: int, n_ctx: int) -> bytes:
        data = text.encode("utf-8")
        if len(data) > limit:
            raise WorkerError(P.E_CONTEXT_FULL, QT_TR_NOOP(
                "The prompt is {size:,} bytes, more than a context of {n_ctx:,} tokens can hold (Hangar reads at most {limit:,} bytes "
                "for it, {per_token} per token of context).", size=len(data), n_ctx=n_ctx, limit=limit, per_token=MAX_BYTES_PER_TOKEN))  # fmt: skip
        return data

    def _set_abort(self, cancel: threading.Event | None) -> None:
        import llama_cpp.llama_cpp as low

        if cancel is None:
            low.llama_set_abort_callback(self.llm.ctx, low.ggml_abort_callback(0), None)
            self._abort_cb = None
            return
        self._abort_cb = low.ggml_abort_callback(lambda _data: cancel.is_set())
        low.llama_set_abort_callback(self.llm.ctx, self._abort_cb, None)

    def generate(self, options: P.GenerateOptions, cancel: threading.Event, emit: Emit, request_id: int) -> P.Done:
        """Tokens of the prompt here, the reply by decode.py's loop (llama.cpp's sampler chain and calls)."""
        asked = time.perf_counter()
        try:
            tokens = self.prompt_tokens(options, cancel)
        except TemplateCancelled:  # Stop (or the parent gone) while the template rendered
            total_ms = round((time.perf_counter() - asked) * 1000, 3)
            return P.Done(id=request_id, stop_reason=P.StopReason.CANCELLED, total_ms=total_ms, context_used=self.llm.n_tokens, n_ctx=self.context_size)
        n_ctx = self.context_size
        if len(tokens) >= n_ctx:
            raise WorkerError(P.E_CONTEXT_FULL, QT_TR_NOOP("The prompt has {tokens} tokens but the context holds {n_ctx}.", tokens=len(tokens), n_ctx=n_ctx))
        if self._decoder is None:
            from .decode import Decoder

            self._decoder = Decoder(self)
        return self._decoder.generate(tokens, options, cancel, emit, request_id)

    def close(self) -> None:
        if self._decoder is not None:
            self._decoder.close()
            self._decoder = None
        self.llm.close()


def _speed(n_generated: int, gen_s: float) -> float | None:
    """Tokens per second after the first token (llama-bench's tg counts the same way)."""
    return round((n_generated - 1) / gen_s, 2) if n_generated > 1 and gen_s > 0 else None


def token_bytes(low, vocab, token: int) -> bytes:
    """The raw bytes of one token; llama-cpp-python's own helper asserts on pieces over 32 bytes."""
    size = 64
    while True:
        buf = ctypes.create_string_buffer(size)
        n = low.llama_token_to_piece(vocab, token, buf, size, 0, False)
        if n >= 0:
            return buf.raw[:n]
        size = -n


def _load_failure_message(path: str, exc: Exception, log: LlamaLog) -> str:
    detail = next((line for line in reversed(log.tail(40)) if "error" in line.lower() or "failed" in line.lower()), "")
    size = os.path.getsize(path) if os.path.exists(path) else 0
    name = os.path.basename(path)
    if "truncat" in detail.lower() or "out of bounds" in detail.lower() or "data is not within the file bounds" in detail:
        return QT_TR_NOOP("{file} is incomplete or damaged ({size:,} bytes): {detail}", file=name, size=size, detail=detail)
    if "out of memory" in detail.lower() or "failed to allocate" in detail.lower():
        return QT_TR_NOOP("Not enough memory to load {file}: {detail}", file=name, detail=detail)
    return QT_TR_NOOP("llama.cpp could not load {file}: {detail}", file=name, detail=detail or exc)
