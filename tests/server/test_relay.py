"""The relay from a request's generating thread to the event loop: tokens that gather while the
loop is busy (a slow client, many streams on a machine whose cores decode) go out together,
in order, none lost, and the end still comes."""

from __future__ import annotations

import asyncio
import threading
import time

from hangar.core.runner import protocol as P
from hangar.server.app import _Run


class _Lease:
    """What _Run asks of a lease: stream() yields Tokens then a Done; cancel() stops it."""

    def __init__(self, n: int, every_s: float = 0.0) -> None:
        self.n, self.every_s = n, every_s
        self.cancelled = threading.Event()

    def stream(self, options):
        for i in range(self.n):
            if self.cancelled.is_set():
                break
            time.sleep(self.every_s)
            yield P.Token(text=f"t{i} ", n=i + 1)
        yield P.Done(stop_reason=P.StopReason.LENGTH, n_generated=self.n)

    def cancel(self) -> None:
        self.cancelled.set()


def _drain(lease: _Lease, pause_s: float) -> tuple[list[list[str]], _Run]:
    async def main():
        run = _Run(lease, P.GenerateOptions(prompt="x"), asyncio.get_running_loop()).start()
        got = []
        async for batch in run.batches():
            got.append([t.text for t in batch])
            await asyncio.sleep(pause_s)  # a slow client: the loop is away while tokens keep coming
        await asyncio.wait_for(run.finished.wait(), 5)
        return got, run

    return asyncio.run(main())


def test_tokens_gathered_while_the_loop_was_away_come_as_one_batch_in_order() -> None:
    batches, run = _drain(_Lease(200, every_s=0.0005), pause_s=0.02)
    flat = [text for batch in batches for text in batch]
    assert flat == [f"t{i} " for i in range(200)], "every token, once, in order"
    assert len(batches) < 100 and max(map(len, batches)) > 1, f"tokens were batched ({len(batches)} batches for 200 tokens)"
    assert run.done is not None and run.done.n_generated == 200 and run.error is None


def test_a_loop_that_keeps_up_gets_each_token_as_it_comes_and_the_end() -> None:
    batches, run = _drain(_Lease(20, every_s=0.01), pause_s=0.0)
    assert [text for batch in batches for text in batch] == [f"t{i} " for i in range(20)]
    assert len(batches) >= 10, "a fast loop is not made to wait for a batch"
    assert all(batch for batch in batches) and run.finished.is_set()


def test_a_stream_with_no_tokens_ends() -> None:
    batches, run = _drain(_Lease(0), pause_s=0.0)
    assert batches == [] and run.done is not None


def test_a_stream_s_writes_are_an_interval_apart_and_lose_nothing(tmp_path, tiny_gguf) -> None:
    """With ServerConfig.stream_interval_s, tokens that come within the interval of the last write
    go out together in the next one, each still its own data: event; the text is the whole reply."""
    import httpx2 as httpx

    from hangar.server.app import ServerConfig

    from .conftest import ALIAS, serving

    body = {"model": ALIAS, "prompt": "Once upon a time", "max_tokens": 40, "temperature": 0, "stream": True}
    with serving(tmp_path / "home", tiny_gguf, config=ServerConfig(stream_interval_s=0.25)) as (_app, runner):
        whole = httpx.post(runner.url + "/v1/completions", json={**body, "stream": False}, timeout=60).json()["choices"][0]["text"]
        reads, started = [], time.perf_counter()
        with httpx.stream("POST", runner.url + "/v1/completions", json=body, timeout=60) as answer:
            for raw in answer.iter_raw():
                reads.append((time.perf_counter() - started, raw))
    data = b"".join(raw for _, raw in reads).decode()
    events = [e[len("data: "):] for e in data.split("\n\n") if e.startswith("data: ")]
    assert events[-1] == "[DONE]"
    import json

    texts = [json.loads(e)["choices"][0]["text"] for e in events[:-1]]
    assert "".join(texts) == whole and len([t for t in texts if t]) >= 20, "every token, each its own event"
    content_reads = [t for t, raw in reads if b'"text": "' in raw]
    assert len(content_reads) <= 1 + (content_reads[-1] - content_reads[0]) / 0.25 + 1, f"writes closer than the interval: {content_reads}"


def test_a_worker_that_dies_mid_stream_ends_the_stream_with_an_error_and_done(tmp_path, tiny_gguf) -> None:
    """The model process killed while a stream runs: the client gets an error event, then [DONE]; the request
    is already in the log when it reads [DONE]; the next request is served (the worker started again)."""
    import json
    import os
    import signal

    import httpx2 as httpx

    from .conftest import ALIAS, serving

    body = {"model": ALIAS, "messages": [{"role": "user", "content": "Go on"}], "max_tokens": 4000, "temperature": 0, "stream": True}
    with serving(tmp_path / "home", tiny_gguf) as (app, runner):
        pid = app.serving.preload(ALIAS).loaded.client.proc.pid
        events: list[str] = []
        logged_at_done = None
        with httpx.stream("POST", runner.url + "/v1/chat/completions", json=body, timeout=60) as answer:
            for line in answer.iter_lines():
                if not line.startswith("data: "):
                    continue
                events.append(line[len("data: "):])
                if len(events) == 3:
                    os.kill(pid, signal.SIGKILL)
                if events[-1] == "[DONE]":
                    logged_at_done = [r.status for r in app.serving.log if r.endpoint == "chat"]
        assert events[-1] == "[DONE]"
        error = json.loads(events[-2])
        assert "error" in error and error["error"]["message"], error
        assert logged_at_done and logged_at_done[-1] != "ok", "the failed request was logged before [DONE]"
        again = httpx.post(runner.url + "/v1/chat/completions", json={**body, "stream": False, "max_tokens": 4}, timeout=60)
        assert again.status_code == 200 and again.json()["usage"]["completion_tokens"] == 4
