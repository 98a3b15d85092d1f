"""RemoteClient speaks the worker's protocol: Token events, then Done with the endpoint's usage;
cancel ends the stream at once and the endpoint sees the client leave."""

from __future__ import annotations

import threading
import time

from hangar.core.endpoints.http import Connection
from hangar.core.endpoints.remote import RemoteClient
from hangar.core.runner import protocol as P

from .fake_endpoint import Behaviour, FakeEndpoint

MESSAGES = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "hi"}]


def run(client: RemoteClient, **options) -> tuple[list[P.Token], P.Done]:
    tokens, done = [], None
    for event in client.generate(P.GenerateOptions(messages=MESSAGES, **options)):
        if isinstance(event, P.Token):
            tokens.append(event)
        else:
            done = event
    return tokens, done


def test_tokens_then_done_with_usage_and_timings() -> None:
    with FakeEndpoint(Behaviour(ttft_s=0.3, token_delay_s=0.05, prompt_tokens=23, completion_tokens=5)) as fake:
        with RemoteClient(Connection("c", fake.url), "qwen2.5-7b") as client:
            tokens, done = run(client, max_tokens=64, temperature=0.2, seed=7, stop=["\n\n"])
    assert "".join(t.text for t in tokens) == "Hello, remote world!"
    assert [t.n for t in tokens] == [1, 2, 3, 4, 5]
    assert isinstance(done, P.Done) and done.stop_reason == P.StopReason.STOP
    assert (done.n_prompt, done.n_generated) == (23, 5)
    assert 280 <= done.ttft_ms <= 1500 and tokens[0].ttft_ms == done.ttft_ms
    assert done.gen_tps is not None and 5 <= done.gen_tps <= 40  # 4 gaps of ~50 ms
    body = fake.behaviour.requests[0]
    assert body["messages"] == MESSAGES and body["stream"] is True and body["stream_options"] == {"include_usage": True}
    assert (body["max_tokens"], body["temperature"], body["seed"], body["stop"]) == (64, 0.2, 7, ["\n\n"])
    assert "top_k" not in body and "min_p" not in body  # llama.cpp's own: a strict server refuses them


def test_the_token_limit_is_the_length_reason() -> None:
    with FakeEndpoint(Behaviour()) as fake, RemoteClient(Connection("c", fake.url), "qwen2.5-7b") as client:
        tokens, done = run(client, max_tokens=2)
    assert len(tokens) == 2 and done.stop_reason == P.StopReason.LENGTH


def test_without_usage_the_pieces_are_counted() -> None:
    with FakeEndpoint(Behaviour(usage=False)) as fake, RemoteClient(Connection("c", fake.url), "qwen2.5-7b") as client:
        _tokens, done = run(client)
    assert (done.n_prompt, done.n_generated) == (0, 5)


def test_comments_and_lines_that_are_no_field_are_skipped() -> None:
    with FakeEndpoint(Behaviour(garbage_lines=True)) as fake, RemoteClient(Connection("c", fake.url), "qwen2.5-7b") as client:
        tokens, done = run(client)
    assert "".join(t.text for t in tokens) == "Hello, remote world!" and done.n_generated == 5


def test_a_server_that_ignores_stream_still_answers() -> None:
    with FakeEndpoint(Behaviour(ignore_stream=True)) as fake, RemoteClient(Connection("c", fake.url), "qwen2.5-7b") as client:
        tokens, done = run(client)
    assert [t.text for t in tokens] == ["Hello, remote world!"] and (done.n_prompt, done.n_generated) == (11, 5)


def test_cancel_ends_the_stream_within_half_a_second_and_the_endpoint_sees_it() -> None:
    behaviour = Behaviour(tokens=["tok"] * 400, token_delay_s=0.05)
    with FakeEndpoint(behaviour) as fake, RemoteClient(Connection("c", fake.url), "qwen2.5-7b") as client:
        stream = client.generate(P.GenerateOptions(messages=MESSAGES, max_tokens=400))
        first = next(stream)
        assert isinstance(first, P.Token)
        started = time.monotonic()
        threading.Timer(0.2, stream.cancel).start()
        events = list(stream)
        took = time.monotonic() - started - 0.2
        assert took < 0.5, took
        assert isinstance(events[-1], P.Done) and events[-1].stop_reason == P.StopReason.CANCELLED
        assert behaviour.left_early.wait(2), "the endpoint did not see the client leave"


def test_client_cancel_stops_every_running_stream_and_close_ends_them() -> None:
    behaviour = Behaviour(tokens=["tok"] * 400, token_delay_s=0.05)
    with FakeEndpoint(behaviour) as fake:
        client = RemoteClient(Connection("c", fake.url), "qwen2.5-7b")
        streams = [client.generate(P.GenerateOptions(messages=MESSAGES, max_tokens=400)) for _ in range(3)]
        for stream in streams:
            next(stream)
        started = time.monotonic()
        client.cancel()
        ends = [list(s)[-1] for s in streams]
        assert time.monotonic() - started < 0.5
        assert all(e.stop_reason == P.StopReason.CANCELLED for e in ends)
        client.close()


def test_parallel_streams_each_get_their_own_reply() -> None:
    with FakeEndpoint(Behaviour(token_delay_s=0.02)) as fake, RemoteClient(Connection("c", fake.url), "qwen2.5-7b") as client:
        results = [None] * 4

        def one(i: int) -> None:
            results[i] = run(client)

        threads = [threading.Thread(target=one, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
    assert all("".join(t.text for t in r[0]) == "Hello, remote world!" and r[1].n_generated == 5 for r in results)


def test_a_slow_first_token_is_waited_for() -> None:
    with FakeEndpoint(Behaviour(ttft_s=2.0)) as fake, RemoteClient(Connection("c", fake.url), "qwen2.5-7b") as client:
        tokens, done = run(client)
    assert done.ttft_ms >= 1900 and len(tokens) == 5
