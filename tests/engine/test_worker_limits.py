"""The worker under hostile input and a hostile life: huge or endless chat templates, huge
prompts, numbers llama.cpp would wrap, a parent that dies, a worker that is stopped.

Each test checks that the answer comes in seconds, says which limit was hit, and leaves
the parent (this process) and, where it should, the worker usable.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import psutil
import pytest

from hangar.core.gguf.synth import CHATML_TEMPLATE
from hangar.core.runner import protocol as P
from hangar.core.runner.client import EngineClient, EngineError

from .templates import FLOODING, LOOPING, with_chat_template

pytestmark = pytest.mark.slow
HI = [{"role": "user", "content": "hi"}]


@pytest.fixture(scope="module")
def models(tiny_gguf: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("templates")
    return {
        "looping": with_chat_template(tiny_gguf, folder / "looping.gguf", LOOPING),
        "flooding": with_chat_template(tiny_gguf, folder / "flooding.gguf", FLOODING),
        "huge": with_chat_template(tiny_gguf, folder / "huge.gguf", "{# " + "x" * (50 * 2**20) + " #}" + CHATML_TEMPLATE),
    }


@pytest.fixture
def client():
    engine = EngineClient()
    yield engine
    engine.close()


def test_a_50_mib_template_is_refused_at_load_in_seconds(client: EngineClient, models: dict[str, Path]) -> None:
    started = time.monotonic()
    with pytest.raises(EngineError) as info:
        client.load(P.LoadOptions(path=str(models["huge"]), n_ctx=512))
    assert time.monotonic() - started < 10, "never compiled (it took 300 s, compiled twice)"
    assert info.value.code == P.E_LOAD_FAILED
    assert "chat template is 50.0 MiB" in info.value.message and "up to 256 KiB" in info.value.message
    assert client.alive and client.stats().rss_bytes < 600 * 2**20, "no 1.6 GB left in the worker"


def test_a_template_writing_gigabytes_is_stopped_at_what_the_context_holds(client: EngineClient, models: dict[str, Path]) -> None:
    client.load(P.LoadOptions(path=str(models["flooding"]), n_ctx=512))
    started = time.monotonic()
    with pytest.raises(EngineError) as info:
        list(client.generate(P.GenerateOptions(messages=HI, max_tokens=4)))
    assert time.monotonic() - started < 5
    assert info.value.code == P.E_CONTEXT_FULL and "16,384 characters" in info.value.message and "512 tokens" in info.value.message
    assert "larger context" in info.value.hint


def test_a_prompt_far_beyond_the_context_is_refused_before_tokenising(client: EngineClient, tiny_gguf: Path) -> None:
    client.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=64))
    with pytest.raises(EngineError) as info:
        list(client.generate(P.GenerateOptions(prompt="x" * (64 * 2**20))))
    assert info.value.code == P.E_CONTEXT_FULL
    assert "67,108,864 bytes" in info.value.message and "64 tokens" in info.value.message and "2,048 bytes" in info.value.message
    again = list(client.generate(P.GenerateOptions(prompt="short", max_tokens=3)))
    assert again[-1].n_generated == 3


def test_stop_during_an_endless_template_answers_at_once(client: EngineClient, models: dict[str, Path]) -> None:
    client.load(P.LoadOptions(path=str(models["looping"]), n_ctx=512))
    threading.Timer(1.0, client.cancel).start()
    started = time.monotonic()
    events = list(client.generate(P.GenerateOptions(messages=HI, max_tokens=4)))
    assert time.monotonic() - started < 1.0 + 0.5
    assert events[-1].stop_reason == P.StopReason.CANCELLED and not events[-1].worker_killed, "stopped inside Jinja, not by a kill"
    assert list(client.generate(P.GenerateOptions(prompt="x", max_tokens=3)))[-1].n_generated == 3


def test_a_busy_worker_is_heard_from_and_a_stopped_one_is_noticed(client: EngineClient, models: dict[str, Path], tiny_gguf: Path) -> None:
    client.load(P.LoadOptions(path=str(models["looping"]), n_ctx=512))
    threading.Timer(5.0, client.cancel).start()  # five seconds of silent work, allowed two of silence
    events = list(client.generate(P.GenerateOptions(messages=HI, max_tokens=4), idle_timeout_s=2))
    assert events[-1].stop_reason == P.StopReason.CANCELLED, "its heartbeat kept the request alive"

    client.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=4096))  # seconds of tokens
    stream = client.generate(P.GenerateOptions(prompt="Go", max_tokens=4000, ignore_eos=True), idle_timeout_s=3)
    os.kill(client.proc.pid, signal.SIGSTOP)
    started = time.monotonic()
    with pytest.raises(EngineError) as info:
        list(stream)
    assert 2.5 < time.monotonic() - started < 6, "noticed after 3 s of silence, not 300"
    assert info.value.code == P.E_WORKER_UNRESPONSIVE
    assert "no sign of life for 3 s" in info.value.message and "suspended" in info.value.message
    assert not client.alive, "a stopped worker is ended, not left holding the model's memory"


LOAD_NUMBERS = [({"n_ctx": 2**32}, "n_ctx must be a whole number from 16 to 1,048,576, not 4294967296"), ({"n_ctx": 2**32 + 1}, "not 4294967297"),
                ({"n_ctx": True}, "n_ctx"), ({"n_threads": -3}, "n_threads"), ({"n_batch": 0}, "n_batch"), ({"n_gpu_layers": 2**31}, "n_gpu_layers"),
                ({"seed": -1}, "seed"), ({"flash_attn": "maybe"}, "flash_attn")]  # fmt: skip
GENERATE_NUMBERS = [("max_tokens", 0), ("top_k", 2**40), ("temperature", float("nan")), ("seed", 2**32), ("repeat_penalty", 0), ("top_p", 1.5),
                    ("presence_penalty", 2.5), ("frequency_penalty", -3.0)]


def test_numbers_llama_cpp_would_wrap_never_reach_it(client: EngineClient, tiny_gguf: Path) -> None:
    """2**32 once wrapped to the model's own context, 2**32 + 1 to 1, which aborted the worker.
    The client refuses them before sending; the worker, sent them anyway, refuses them too."""
    for fields, problem in LOAD_NUMBERS:
        options = P.LoadOptions(path=str(tiny_gguf), **fields)
        with pytest.raises(EngineError) as info:
            client.load(options)
        assert info.value.code == P.E_BAD_REQUEST and problem in info.value.message, fields
        answer = _raw(client, options.to_request(1000))
        assert isinstance(answer, P.Error) and answer.code == P.E_BAD_REQUEST and problem in answer.message, fields
        assert client.alive, "refused, not aborted"
    client.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=256))
    for field, value in GENERATE_NUMBERS:
        options = P.GenerateOptions(prompt="x", **{field: value})
        with pytest.raises(EngineError) as info:
            client.generate(options)
        assert info.value.code == P.E_BAD_REQUEST and field in info.value.message, field
        answer = _raw(client, options.to_request(2000))
        assert isinstance(answer, P.Error) and answer.code == P.E_BAD_REQUEST and field in answer.message, field
    assert list(client.generate(P.GenerateOptions(prompt="x", max_tokens=2)))[-1].n_generated == 2


def _raw(client: EngineClient, request: dict) -> P.Event:
    """The worker's answer to a request sent as it is, past the client's own checks."""
    client.send(request)
    while True:
        event = client.events.get(timeout=10)
        if event.id == request["id"] and event.FINAL:
            return event


def test_the_worker_leaves_when_its_stdin_closes_even_mid_template(client: EngineClient, models: dict[str, Path]) -> None:
    client.load(P.LoadOptions(path=str(models["looping"]), n_ctx=512))
    client.generate(P.GenerateOptions(messages=HI, max_tokens=4))
    time.sleep(1.0)  # rendering now, at full CPU
    client.proc.stdin.close()
    started = time.monotonic()
    client.proc.wait(timeout=5)
    assert time.monotonic() - started < 3


def test_close_ends_a_busy_worker_within_seconds(client: EngineClient, models: dict[str, Path]) -> None:
    client.load(P.LoadOptions(path=str(models["looping"]), n_ctx=512))
    client.generate(P.GenerateOptions(messages=HI, max_tokens=4))
    time.sleep(0.5)
    started = time.monotonic()
    client.close()
    assert not client.alive and time.monotonic() - started < 2.5


PARENT = textwrap.dedent(
    """
    import os, sys, time
    from hangar.core.runner.client import EngineClient
    from hangar.core.runner import protocol as P
    client = EngineClient()
    client.load(P.LoadOptions(path=sys.argv[1], n_ctx=512))
    client.generate(P.GenerateOptions(messages=[{"role": "user", "content": "hi"}], max_tokens=4))
    if os.fork() == 0:  # a child keeps the worker's stdin open: only the parent-death signal can end it
        time.sleep(60)
        os._exit(0)
    print(client.proc.pid, flush=True)
    time.sleep(60)
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_the_worker_dies_with_its_parent_even_when_its_stdin_stays_open(models: dict[str, Path]) -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(models["looping"])], stdout=subprocess.PIPE, text=True)
    worker = keeper = None
    try:
        worker = psutil.Process(int(parent.stdout.readline()))
        keeper = next(p for p in psutil.Process(parent.pid).children() if p.pid != worker.pid)
        time.sleep(0.5)
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 5
        while _running(worker) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _running(worker), "the kernel ended the worker with its parent"
        assert _running(keeper), "its stdin was still open: the parent-death signal did it"
    finally:
        parent.kill()
        for process in (worker, keeper):
            if _running(process):
                process.kill()


def _running(process: psutil.Process | None) -> bool:
    try:
        return process is not None and process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
