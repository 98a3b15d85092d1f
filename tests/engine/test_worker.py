"""The inference worker through its client: load, stream, cancel, crash, bad files.

Every test checks that the parent (this process) stays alive and usable.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from hangar.core.common.i18n import Text
from hangar.core.runner import protocol as P
from hangar.core.runner.client import EngineClient, EngineError

pytestmark = pytest.mark.slow
SCRIPT = "中日한🙂é"


@pytest.fixture
def client():
    engine = EngineClient()
    yield engine
    engine.close()


def test_load_and_stream_a_completion(client: EngineClient, tiny_gguf: Path) -> None:
    progress: list[float] = []
    loaded = client.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=512), on_progress=progress.append)
    assert isinstance(loaded, P.Loaded) and client.model is loaded.model
    assert loaded.model.synthetic is True and loaded.model.n_ctx == 512
    assert progress and progress[-1] == 1.0
    events = list(client.generate(P.GenerateOptions(prompt="Hello", max_tokens=24, temperature=0.7, seed=3)))
    tokens = [e for e in events if isinstance(e, P.Token)]
    done = events[-1]
    assert isinstance(done, P.Done) and done.n_generated == 24 and done.stop_reason is P.StopReason.LENGTH
    assert len(tokens) >= 2 and tokens[0].n <= 2, "the reply's first text goes out at once (its TTFT), not with the rest"
    assert [e.n for e in tokens] == sorted({e.n for e in tokens}) and tokens[-1].n == 24, "the rest stream in order, fast ones a few per event"
    assert done.ttft_ms > 0 and done.gen_tps > 0
    assert isinstance(client.hello, P.Hello) and client.hello.pid == client.proc.pid
    stats = client.stats()
    assert stats.rss_bytes > 0 and stats.model == loaded.model


def test_multibyte_characters_split_across_tokens_stream_whole(client: EngineClient, script_gguf: Path) -> None:
    client.load(P.LoadOptions(path=str(script_gguf), n_ctx=512))
    events = list(client.generate(P.GenerateOptions(prompt="é", max_tokens=45, temperature=0)))
    texts = [e.text for e in events if isinstance(e, P.Token)]
    assert "".join(texts) == SCRIPT * 3  # 15 byte-tokens per round
    assert all("\ufffd" not in t for t in texts), "only whole characters go out (one event per character: test_lean_decode.py)"
    counts = [e.n for e in events if isinstance(e, P.Token)]
    assert counts == sorted(set(counts)) and counts[-1] == events[-1].n_generated == 45


def test_chat_messages_use_the_gguf_template(client: EngineClient, script_gguf: Path) -> None:
    loaded = client.load(P.LoadOptions(path=str(script_gguf), n_ctx=512))
    assert loaded.model.chat_template == "gguf"
    events = list(client.generate(P.GenerateOptions(messages=[{"role": "user", "content": "你好"}], max_tokens=8, temperature=0)))
    assert isinstance(events[-1], P.Done) and events[-1].n_prompt > 8


def test_cancel_mid_generation_answers_within_half_a_second(client: EngineClient, tiny_gguf: Path) -> None:
    client.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=4096))
    stream = client.generate(P.GenerateOptions(prompt="Go", max_tokens=4000, temperature=0.8, ignore_eos=True))
    cancelled_at = None
    seen = 0
    for event in stream:
        if isinstance(event, P.Token):
            seen += 1
            if seen == 5:
                cancelled_at = time.monotonic()
                client.cancel()
        elif isinstance(event, P.Done):
            assert event.stop_reason is P.StopReason.CANCELLED
            assert not event.worker_killed
            break
    assert cancelled_at is not None and time.monotonic() - cancelled_at < 0.5
    again = list(client.generate(P.GenerateOptions(prompt="Again", max_tokens=5)))
    assert again[-1].n_generated == 5, "the worker keeps working after a cancel"


def test_a_cancel_right_after_the_request_is_not_lost(client: EngineClient, tiny_gguf: Path) -> None:
    """Stop pressed just after Send: the cancel may reach the worker before it starts the request."""
    client.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=4096))
    for _ in range(3):
        stream = client.generate(P.GenerateOptions(prompt="Go", max_tokens=4000, ignore_eos=True))
        client.cancel()
        events = list(stream)
        assert events[-1].stop_reason == "cancelled" and events[-1].n_generated < 4000
    again = list(client.generate(P.GenerateOptions(prompt="Again", max_tokens=5)))
    assert again[-1].n_generated == 5, "an old cancel does not touch a later request"


def test_cancel_mid_prompt_aborts_llama_decode(client: EngineClient, medium_gguf: Path) -> None:
    client.load(P.LoadOptions(path=str(medium_gguf), n_ctx=8192, n_batch=512))
    prompt = "lorem ipsum dolor sit amet " * 280  # several seconds of prompt processing here
    timer = threading.Timer(0.3, client.cancel)
    started = time.monotonic()
    timer.start()
    events = list(client.generate(P.GenerateOptions(prompt=prompt, max_tokens=4)))
    elapsed = time.monotonic() - started
    done = events[-1]
    assert done.stop_reason == "cancelled"
    assert not any(isinstance(e, P.Token) for e in events)
    assert not done.worker_killed, "the abort callback stopped llama_decode; no kill was needed"
    assert elapsed < 0.3 + 0.5
    again = list(client.generate(P.GenerateOptions(prompt="short", max_tokens=3)))
    assert again[-1].n_generated == 3


def test_sigkill_becomes_a_clear_error_and_the_parent_lives(client: EngineClient, tiny_gguf: Path) -> None:
    client.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=4096))
    stream = client.generate(P.GenerateOptions(prompt="Go", max_tokens=4000, ignore_eos=True))
    with pytest.raises(EngineError) as info:
        for event in stream:
            if isinstance(event, P.Token):
                os.kill(client.proc.pid, signal.SIGKILL)
    assert info.value.code == P.E_WORKER_CRASHED
    assert "SIGKILL" in info.value.message and "memory" in info.value.message
    assert not client.alive
    with EngineClient() as fresh:  # and a new worker loads the model again
        fresh.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=256))


def test_truncated_gguf_is_refused_with_a_clear_error(client: EngineClient, tiny_gguf: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(tiny_gguf.read_bytes()[: tiny_gguf.stat().st_size // 2])
    with pytest.raises(EngineError) as info:
        client.load(P.LoadOptions(path=str(broken)))
    assert info.value.code == P.E_LOAD_FAILED
    assert "broken.gguf" in info.value.message
    assert client.alive, "a failed load leaves the worker running"
    client.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=256))


def test_non_gguf_file_is_refused(client: EngineClient, tmp_path: Path) -> None:
    fake = tmp_path / "model.gguf"
    fake.write_bytes(b"PK\x03\x04 this is a zip file" + b"\0" * 100)
    with pytest.raises(EngineError) as info:
        client.load(P.LoadOptions(path=str(fake)))
    assert info.value.code == P.E_NOT_GGUF and "not a GGUF" in info.value.message
    assert isinstance(info.value.message, Text) and info.value.message.fields == {"file": "model.gguf"}, "translatable in the window"
    assert "only loads GGUF" in info.value.hint


def test_prompt_longer_than_the_context_is_refused(client: EngineClient, tiny_gguf: Path) -> None:
    client.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=64))
    with pytest.raises(EngineError) as info:
        list(client.generate(P.GenerateOptions(prompt="x" * 200)))
    assert info.value.code == P.E_CONTEXT_FULL and "64" in info.value.message


def test_generate_before_load_and_garbage_requests(client: EngineClient) -> None:
    with pytest.raises(EngineError) as info:
        list(client.generate(P.GenerateOptions(prompt="hi")))
    assert info.value.code == P.E_NOT_LOADED
    client.proc.stdin.write("this is not json\n")
    client.proc.stdin.flush()
    assert client.events.get(timeout=10).code == P.E_BAD_REQUEST
    assert client.alive
