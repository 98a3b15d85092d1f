"""A model's chat template, compiled once and rendered with bounds on size, time and output.

A chat template is code from the model file, run by llama-cpp-python's sandboxed Jinja
(never outside it: CVE-2024-34359). The sandbox stops a template from reaching the
system, not from running long or writing gigabytes: a 50 MiB template took 300 s and
1.6 GB to compile (twice: once in ``Llama()``, once per request), and a loop of loops
renders for ever. So the source is refused above ``MAX_TEMPLATE_BYTES``, it is compiled
once, and compiling or rendering stops when the request is cancelled (Stop, or the
parent gone), when ``TIME_LIMIT_S`` passes, or when the output passes what the context
could hold. Jinja is pure Python, so another thread can stop it: ``_Stopper`` raises an
exception inside the thread that runs it (CPython's PyThreadState_SetAsyncExc).
"""

from __future__ import annotations

import contextlib
import ctypes
import threading
import time
from typing import Callable, Iterator, TypeVar

from ..core.runner import protocol as P
from ..core.runner.protocol import QT_TR_NOOP

MAX_TEMPLATE_BYTES = 256 * 1024  # real templates are 1-30 KB; compiling 256 KiB takes seconds
TIME_LIMIT_S = 20.0  # compiling or rendering one; real ones take milliseconds
T = TypeVar("T")


class TemplateError(Exception):
    """The template cannot be used; ``code`` and ``message`` as for the worker's error event."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


class TemplateCancelled(Exception):
    """The request was cancelled while its template compiled or rendered."""


class _Interrupted(BaseException):
    """Raised in the thread running Jinja; a BaseException so no ``except Exception`` in
    Jinja or llama-cpp-python turns it into a template error."""


def size_problem(source: str | None) -> str | None:
    """Why a template is refused at load (a message), or None."""
    size = len(source.encode("utf-8", "replace")) if source else 0
    if size <= MAX_TEMPLATE_BYTES:
        return None
    return QT_TR_NOOP(
        "The model's chat template is {size}; Hangar reads chat templates up to {limit}. The file is damaged or was not made for chat.",
        size=_size(size), limit=_size(MAX_TEMPLATE_BYTES),
    )  # fmt: skip


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MiB" if n >= 2**20 else f"{n / 1024:.0f} KiB"


class _NotCompiled:
    """Stands in for Jinja2ChatFormatter while ``Llama()`` runs (see not_compiled_by_llama)."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def to_chat_handler(self):
        def refused(*args, **kwargs):
            raise RuntimeError("Hangar renders chat templates itself (engine/chat_template.py)")

        return refused


@contextlib.contextmanager
def not_compiled_by_llama() -> Iterator[None]:
    """``Llama()`` compiles every template in the file (the default and each named one) for
    handlers we never use; for the length of the constructor it gets a stand-in instead.
    The worker is single-threaded there, so nothing else sees the swap."""
    import llama_cpp.llama_chat_format as chat_format

    original = chat_format.Jinja2ChatFormatter
    chat_format.Jinja2ChatFormatter = _NotCompiled
    try:
        yield
    finally:
        chat_format.Jinja2ChatFormatter = original


class ChatTemplate:
    """One compiled template; ``render`` turns messages into the prompt text."""

    def __init__(self, source: str, *, bos_token: str, eos_token: str, cancel: threading.Event, time_limit_s: float = TIME_LIMIT_S) -> None:
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        self.time_limit_s = time_limit_s
        too_slow = QT_TR_NOOP("The model's chat template did not compile within {seconds:g} s (Hangar's time limit for a chat template).",
                              seconds=time_limit_s)  # fmt: skip
        try:
            self._formatter = _interruptible(lambda: Jinja2ChatFormatter(source, eos_token=eos_token, bos_token=bos_token), cancel, time_limit_s, too_slow)
        except (TemplateError, TemplateCancelled):
            raise
        except Exception as exc:  # a syntax error, or a construct the sandbox refuses
            raise TemplateError(P.E_BAD_REQUEST, QT_TR_NOOP("The model's chat template failed: {error}", error=exc)) from exc

    def render(self, messages: list[dict], *, max_chars: int, n_ctx: int, cancel: threading.Event) -> str:
        """The prompt; TemplateError (E_CONTEXT_FULL) as soon as the output passes ``max_chars``."""
        too_slow = QT_TR_NOOP("The model's chat template ran for more than {seconds:g} s without finishing and was stopped "
                              "(Hangar's time limit for rendering a chat template).", seconds=self.time_limit_s)  # fmt: skip
        try:
            return _interruptible(lambda: self._render(messages, max_chars, n_ctx), cancel, self.time_limit_s, too_slow)
        except (TemplateError, TemplateCancelled):
            raise
        except Exception as exc:  # raise_exception() in the template, a sandbox refusal, a type error
            raise TemplateError(P.E_BAD_REQUEST, QT_TR_NOOP("The model's chat template failed: {error}", error=exc)) from exc

    def _render(self, messages: list[dict], max_chars: int, n_ctx: int) -> str:
        formatter = self._formatter
        template = getattr(formatter, "_environment", None)
        if not hasattr(template, "generate"):  # a llama-cpp-python without the compiled template at hand
            return _bounded(formatter(messages=messages).prompt, max_chars, n_ctx)
        pieces: list[str] = []
        length = 0

        def raise_exception(message: str):
            raise ValueError(message)

        # The names llama-cpp-python's Jinja2ChatFormatter.__call__ gives a template, streamed
        # piece by piece so that a template writing gigabytes is stopped at the bound.
        for piece in template.generate(
            messages=messages, eos_token=formatter.eos_token, bos_token=formatter.bos_token, raise_exception=raise_exception,
            add_generation_prompt=formatter.add_generation_prompt, functions=None, function_call=None, tools=None, tool_choice=None,
            strftime_now=formatter.strftime_now,
        ):  # fmt: skip
            length += len(piece)
            if length > max_chars:
                raise _too_long(max_chars, n_ctx)
            pieces.append(piece)
        return "".join(pieces)


def _bounded(text: str, max_chars: int, n_ctx: int) -> str:
    if len(text) > max_chars:
        raise _too_long(max_chars, n_ctx)
    return text


def _too_long(max_chars: int, n_ctx: int) -> TemplateError:
    message = QT_TR_NOOP("The chat template's output passed {limit:,} characters, more than a context of {n_ctx:,} tokens can hold; "
                         "it was stopped there.", limit=max_chars, n_ctx=n_ctx)  # fmt: skip
    return TemplateError(P.E_CONTEXT_FULL, message)


def _interruptible(step: Callable[[], T], cancel: threading.Event, time_limit_s: float, too_slow: str) -> T:
    """``step()`` on this thread, stopped when ``cancel`` is set (TemplateCancelled) or after
    ``time_limit_s`` (TemplateError with ``too_slow``)."""
    stopper = _Stopper(cancel, time_limit_s)
    try:
        try:
            return step()
        finally:
            stopper.disarm()
    except _Interrupted:
        if stopper.reason == "cancelled":
            raise TemplateCancelled() from None
        raise TemplateError(P.E_BAD_REQUEST, too_slow) from None


class _Stopper:
    """Watches one step from another thread and raises _Interrupted in the step's thread.

    The exception is raised only while the step is armed, under a lock that ``disarm`` also
    takes; one raised but not yet delivered when the step ends is taken back there, so it
    can never land in the code after the step.
    """

    def __init__(self, cancel: threading.Event, time_limit_s: float) -> None:
        self._thread_id = threading.get_ident()
        self._lock = threading.Lock()
        self._armed = True
        self._done = threading.Event()
        self.reason: str | None = None
        threading.Thread(target=self._watch, args=(cancel, time.monotonic() + time_limit_s), name="template-watch", daemon=True).start()

    def _watch(self, cancel: threading.Event, deadline: float) -> None:
        while not self._done.wait(0.05):
            reason = "cancelled" if cancel.is_set() else "time" if time.monotonic() >= deadline else None
            if reason is None:
                continue
            with self._lock:
                if self._armed:
                    self.reason = reason
                    _raise_in(self._thread_id, _Interrupted)
            return

    def disarm(self) -> None:
        with self._lock:
            self._armed = False
            if self.reason is not None:
                _raise_in(self._thread_id, None)  # take back one not yet delivered
        self._done.set()


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc is not None else None)
