"""hangar-cli chat and run when they are told to stop, or given what cannot work.

SIGTERM or SIGHUP while the worker renders an endless chat template once left the
worker at full CPU under PID 1 and the reply marked "streaming"; a context of 2**32
wrapped inside llama.cpp; ``chat`` was thought to skip the fit check that ``run`` does.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from hangar.cli import main
from hangar.core.chat.store import ChatStore
from hangar.core.config.context import AppContext

from ..conftest import run_cli
from ..engine.templates import LOOPING, with_chat_template

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def looping_gguf(tiny_gguf: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model whose chat template loops for hours in Jinja."""
    return with_chat_template(tiny_gguf, tmp_path_factory.mktemp("heavy") / "looping.gguf", LOOPING)


def _start_chat_mid_template(model: Path) -> tuple[subprocess.Popen, list[psutil.Process], "queue.Queue[str]"]:
    """hangar-cli chat, as a user starts it; returns once the worker is rendering the template."""
    cli = subprocess.Popen([sys.executable, "-m", "hangar.cli", "chat", str(model), "--prompt", "hello", "--ctx", "512"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ))  # fmt: skip
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in cli.stderr], daemon=True).start()
    deadline = time.monotonic() + 60
    while True:
        line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        if "conversation" in line:  # loaded; the reply's request is going out
            break
    time.sleep(1.5)  # the template is rendering now
    workers = psutil.Process(cli.pid).children(recursive=True)
    assert workers and any(w.cpu_percent(0.3) > 20 for w in workers), "the worker is busy rendering"
    return cli, workers, lines


def _gone_within(processes: list[psutil.Process], seconds: float) -> list[psutil.Process]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        left = [p for p in processes if _running(p)]
        if not left:
            return []
        time.sleep(0.1)
    return [p for p in processes if _running(p)]


def _running(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_or_sighup_mid_template_ends_the_worker_and_saves_the_reply_as_interrupted(looping_gguf: Path, signum: int) -> None:
    cli, workers, lines = _start_chat_mid_template(looping_gguf)
    try:
        sent = time.monotonic()
        cli.send_signal(signum)
        assert cli.wait(timeout=5) == 128 + signum
        left = _gone_within(workers, 5 - (time.monotonic() - sent))
        assert left == [], f"no worker left 5 s after {signal.Signals(signum).name}"
    finally:
        cli.kill()
        for worker in workers:
            if _running(worker):
                worker.kill()
    time.sleep(0.2)
    said = "".join(lines.queue)
    assert f"terminated by {signal.Signals(signum).name}" in said
    messages = ChatStore(AppContext.open().database).messages(1)
    assert [(m.role, m.content) for m in messages][0] == ("user", "hello")
    assert messages[-1].role == "assistant" and messages[-1].state == "interrupted"


def test_a_killed_cli_takes_its_worker_with_it(looping_gguf: Path) -> None:
    """SIGKILL runs no clean-up at all: the worker must notice on its own."""
    cli, workers, _lines = _start_chat_mid_template(looping_gguf)
    try:
        cli.kill()
        cli.wait(timeout=5)
        assert _gone_within(workers, 5) == []
    finally:
        for worker in workers:
            if _running(worker):
                worker.kill()


def test_chat_checks_the_fit_as_run_does_and_force_overrides(tiny_gguf: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("hangar.core.runner.fit.ram_available_bytes", lambda: 10**6)  # a machine with 1 MB free
    assert main(["chat", str(tiny_gguf), "--prompt", "hi", "--max-tokens", "2"]) == 1
    err = capsys.readouterr().err
    assert "does not fit on CPU memory" in err and "GiB" in err and "--force" in err
    assert ChatStore(AppContext.open().database).list() == [], "a refused load leaves no empty conversation"
    assert main(["chat", str(tiny_gguf), "--prompt", "hi", "--max-tokens", "2", "--force", "--json"]) == 0
    assert len(ChatStore(AppContext.open().database).list()) == 1


@pytest.mark.parametrize("command, ctx", [("run", "4294967296"), ("chat", "4294967297")])
def test_a_context_llama_cpp_would_wrap_is_refused_before_any_worker_starts(tiny_gguf: Path, command: str, ctx: str) -> None:
    started = time.monotonic()
    result = run_cli(command, str(tiny_gguf), "--prompt", "hi", "--ctx", ctx)
    assert result.returncode == 1
    assert f"n_ctx must be a whole number from 16 to 1,048,576, not {ctx}" in result.stderr
    assert "Nothing was loaded" in result.stderr
    assert time.monotonic() - started < 20
