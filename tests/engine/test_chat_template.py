"""Chat templates within bounds: size at load, time, output, and Stop (engine/chat_template.py).

These run the template code in this process, with llama-cpp-python's sandboxed Jinja as
the worker does, and with limits small enough to hit in a test.
"""

from __future__ import annotations

import threading
import time

import pytest
from llama_cpp.llama_chat_format import Jinja2ChatFormatter

from hangar.core.gguf.synth import CHATML_TEMPLATE
from hangar.core.runner import protocol as P
from hangar.engine.chat_template import MAX_TEMPLATE_BYTES, ChatTemplate, TemplateCancelled, TemplateError, size_problem

from .templates import FLOODING, LOOPING

MESSAGES = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "你好 🙂"}]


def template(source: str, time_limit_s: float = 5.0, cancel: threading.Event | None = None) -> ChatTemplate:
    return ChatTemplate(source, bos_token="<s>", eos_token="</s>", cancel=cancel or threading.Event(), time_limit_s=time_limit_s)


def test_renders_what_llama_cpp_pythons_formatter_renders() -> None:
    ours = template(CHATML_TEMPLATE).render(MESSAGES, max_chars=10_000, n_ctx=512, cancel=threading.Event())
    theirs = Jinja2ChatFormatter(CHATML_TEMPLATE, eos_token="</s>", bos_token="<s>")(messages=MESSAGES).prompt
    assert ours == theirs and ours.endswith("<|im_start|>assistant\n") and "你好 🙂" in ours


def test_a_template_that_never_ends_is_stopped_at_the_time_limit() -> None:
    started = time.monotonic()
    with pytest.raises(TemplateError) as info:
        template(LOOPING, time_limit_s=0.5).render(MESSAGES, max_chars=10_000, n_ctx=512, cancel=threading.Event())
    assert time.monotonic() - started < 2.0
    assert info.value.code == P.E_BAD_REQUEST and "ran for more than 0.5 s" in info.value.message
    assert "time limit for rendering a chat template" in info.value.message
    time.sleep(0.2)  # nothing raised later, outside the render: the stop was taken back or delivered
    assert sum(range(100_000)) > 0


def test_stop_ends_a_render_at_once() -> None:
    cancel = threading.Event()
    compiled = template(LOOPING, time_limit_s=60, cancel=cancel)
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(TemplateCancelled):
        compiled.render(MESSAGES, max_chars=10_000, n_ctx=512, cancel=cancel)
    assert time.monotonic() - started < 0.3 + 0.5


def test_output_longer_than_the_context_could_hold_is_stopped_there() -> None:
    started = time.monotonic()
    with pytest.raises(TemplateError) as info:
        template(FLOODING).render(MESSAGES, max_chars=2048, n_ctx=64, cancel=threading.Event())
    assert time.monotonic() - started < 1.0, "stopped at the bound, not after writing 100 MB"
    assert info.value.code == P.E_CONTEXT_FULL
    assert "2,048 characters" in info.value.message and "64 tokens" in info.value.message


def test_compiling_is_bounded_too() -> None:
    filler = "{% if messages|length > 100000 %}" + "x" * 40 + "{% endif %}\n"
    big = CHATML_TEMPLATE + filler * (200_000 // len(filler))
    with pytest.raises(TemplateError) as info:
        template(big, time_limit_s=0.05)
    assert "did not compile within 0.05 s" in info.value.message


def test_a_broken_template_says_why() -> None:
    with pytest.raises(TemplateError) as info:
        template("{% for message in messages %}{{ message['content'] }")
    assert info.value.code == P.E_BAD_REQUEST and "chat template failed" in info.value.message
    with pytest.raises(TemplateError) as info:
        template("{{ raise_exception('only user and assistant roles') }}").render(MESSAGES, max_chars=100, n_ctx=64, cancel=threading.Event())
    assert "only user and assistant roles" in info.value.message


def test_the_size_limit() -> None:
    assert size_problem(None) is None and size_problem(CHATML_TEMPLATE) is None
    assert size_problem("x" * MAX_TEMPLATE_BYTES) is None
    problem = size_problem("x" * (50 * 2**20))
    assert problem is not None and "50.0 MiB" in problem and "256 KiB" in problem
    assert problem.template.startswith("The model's chat template is {size}"), "translatable in the window"
