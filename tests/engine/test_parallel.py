"""Several generate requests on one client, decoded together by a worker loaded with n_parallel.

Greedy sampling (temperature 0) makes a request's tokens a function of its prompt, so a
request decoded next to three others must give exactly what it gives alone.
"""

from __future__ import annotations

import json
import re
import threading
import time
from pathlib import Path

import pytest

from hangar.core.runner import protocol as P
from hangar.core.runner.client import EngineClient, EngineError

pytestmark = pytest.mark.slow
PROMPTS = ["Hello there", "The quick brown fox", "Once upon a time, far away", "abc"]


@pytest.fixture(scope="module")
def parallel(tiny_gguf: Path):
    engine = EngineClient()
    engine.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=4 * 1024, n_parallel=4))
    yield engine
    engine.close()


def _run(client: EngineClient, prompt: str, **options) -> tuple[str, list[P.Token], P.Done]:
    events = list(client.generate(P.GenerateOptions(prompt=prompt, **{"max_tokens": 48, "temperature": 0, **options})))
    tokens = [e for e in events if isinstance(e, P.Token)]
    assert isinstance(events[-1], P.Done) and all(isinstance(e, P.Token) for e in events[:-1])
    return "".join(t.text for t in tokens), tokens, events[-1]


def _together(client: EngineClient, prompts: list[str], **options) -> list[tuple[str, list[P.Token], P.Done]]:
    results: list = [None] * len(prompts)
    start = threading.Barrier(len(prompts))

    def one(i: int) -> None:
        start.wait()
        results[i] = _run(client, prompts[i], **options)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(prompts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert all(r is not None for r in results), "every stream finished"
    return results


def test_the_model_says_how_many_sequences_it_decodes(parallel: EngineClient) -> None:
    assert parallel.model.n_parallel == 4
    assert parallel.model.n_ctx == 1024, "each sequence owns its share of the context"


def test_four_concurrent_streams_each_give_what_the_request_gives_alone(parallel: EngineClient, tiny_gguf: Path) -> None:
    alone = [_run(parallel, p) for p in PROMPTS]
    together = _together(parallel, PROMPTS)
    with EngineClient() as single:  # and what Hangar's chat path (one sequence, Llama.generate) gives
        single.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=1024))
        chat_path = [_run(single, p) for p in PROMPTS]
    for (text, tokens, done), (text_alone, _, done_alone), (text_chat, _, done_chat) in zip(together, alone, chat_path):
        assert text == text_alone == text_chat
        assert done.stop_reason is P.StopReason.LENGTH and done.n_generated == 48 == done_chat.n_generated
        assert done.n_prompt == done_alone.n_prompt == done_chat.n_prompt
        assert tokens[-1].n == done.n_generated and tokens[-1].n_prompt == done.n_prompt
        assert done.n_ctx == 1024 and done.context_used == done_chat.context_used
    assert len({t for t, _, _ in together}) == len(PROMPTS), "different prompts, different replies: no stream got another's events"


def test_the_worker_counts_each_request_on_its_own(parallel: EngineClient) -> None:
    lengths = [5, 17, 33, 64]
    prompt_sizes = [_run(parallel, p, max_tokens=1)[2].n_prompt for p in PROMPTS]
    results: list = [None] * 4

    def one(i: int) -> None:
        results[i] = _run(parallel, PROMPTS[i], max_tokens=lengths[i], ignore_eos=True)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for (text, tokens, done), length, prompt, size in zip(results, lengths, PROMPTS, prompt_sizes):
        assert done.n_generated == length and done.stop_reason is P.StopReason.LENGTH
        assert done.n_prompt == size > len(prompt.encode()), "byte vocabulary: a token per byte at least, and the BOS"
        assert tokens[-1].n == length


def test_cancelling_one_stream_stops_it_within_half_a_second_and_the_others_finish(parallel: EngineClient) -> None:
    streams = [parallel.generate(P.GenerateOptions(prompt=p, max_tokens=900, ignore_eos=True, temperature=0.8, seed=i)) for i, p in enumerate(PROMPTS)]
    results: list = [None] * 4
    cancelled: dict = {}

    def consume(i: int) -> None:
        seen = []
        for event in streams[i]:
            seen.append(event)
            if i == 1 and len(seen) == 5:
                cancelled["at"] = time.monotonic()
                streams[i].cancel()
        cancelled.setdefault(f"end{i}", time.monotonic())
        results[i] = seen

    threads = [threading.Thread(target=consume, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    done = results[1][-1]
    assert done.stop_reason is P.StopReason.CANCELLED and not done.worker_killed
    assert cancelled["end1"] - cancelled["at"] < 0.5
    assert 5 <= done.n_generated < 900, "the worker itself answered the cancel"
    for i in (0, 2, 3):
        assert results[i][-1].stop_reason is P.StopReason.LENGTH and results[i][-1].n_generated == 900
        assert cancelled[f"end{i}"] > cancelled["end1"], "the others went on after it"
    assert parallel.alive


def test_cancel_by_request_id_and_closing_a_stream_cancel_only_that_one(parallel: EngineClient) -> None:
    keep = parallel.generate(P.GenerateOptions(prompt="keep", max_tokens=300, ignore_eos=True))
    drop = parallel.generate(P.GenerateOptions(prompt="drop", max_tokens=100_000, ignore_eos=True))
    closed = parallel.generate(P.GenerateOptions(prompt="closed", max_tokens=100_000, ignore_eos=True))
    next(closed)
    closed.close()  # the way a server drops a client that went away
    next(drop)
    parallel.cancel(drop.request_id)
    assert list(drop)[-1].stop_reason is P.StopReason.CANCELLED
    assert list(keep)[-1].n_generated == 300
    assert _run(parallel, "after", max_tokens=4)[2].n_generated == 4, "the closed stream's slot came free"


def test_cancel_without_an_id_still_cancels_everything(parallel: EngineClient) -> None:
    streams = [parallel.generate(P.GenerateOptions(prompt=p, max_tokens=100_000, ignore_eos=True)) for p in PROMPTS]
    next(streams[0])
    parallel.cancel()
    for stream in streams:
        done = list(stream)[-1]
        assert done.stop_reason is P.StopReason.CANCELLED and not done.worker_killed
    assert _run(parallel, "again", max_tokens=3)[2].n_generated == 3


def test_a_fifth_request_waits_for_a_free_sequence_then_completes(parallel: EngineClient, monkeypatch: pytest.MonkeyPatch) -> None:
    alone = _run(parallel, "fifth", max_tokens=20)
    heard: list[tuple[int | None, str]] = []  # every event in the order the worker wrote it
    route = parallel._route
    monkeypatch.setattr(parallel, "_route", lambda event: (heard.append((event.id, event.EVENT)), route(event)))
    firsts: dict = {}
    ids: dict = {}

    def long(i: int) -> None:
        stream = parallel.generate(P.GenerateOptions(prompt=PROMPTS[i], max_tokens=600, ignore_eos=True))
        ids[i] = stream.request_id
        for event in stream:
            firsts.setdefault(i, time.monotonic())

    threads = [threading.Thread(target=long, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 20
    while len(firsts) < 4 and time.monotonic() < deadline:
        time.sleep(0.005)
    assert len(firsts) == 4, "four sequences run"
    fifth = parallel.generate(P.GenerateOptions(prompt="fifth", max_tokens=20, temperature=0))
    events = list(fifth)
    for thread in threads:
        thread.join(60)
    first_done = min(heard.index((ids[i], "done")) for i in range(4))
    assert heard.index((fifth.request_id, "token")) > first_done, "it waited for one of the four to finish"
    assert "".join(e.text for e in events if isinstance(e, P.Token)) == alone[0]
    assert events[-1].n_generated == 20


def test_stop_strings_and_limits_are_per_sequence(parallel: EngineClient) -> None:
    text, _, _ = _run(parallel, PROMPTS[0], max_tokens=48)
    stop = text[10:13]
    cut = text[: text.index(stop)]
    results: list = [None] * 2

    def one(i: int) -> None:
        results[i] = _run(parallel, PROMPTS[0], max_tokens=48, stop=[stop] if i == 0 else [])

    threads = [threading.Thread(target=one, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert results[0][0] == cut and results[0][2].stop_reason is P.StopReason.STOP
    assert results[1][0] == text and results[1][2].stop_reason is P.StopReason.LENGTH


@pytest.mark.parametrize("n_parallel", [1, 4])
def test_a_grammar_shapes_the_output(tiny_gguf: Path, n_parallel: int) -> None:
    from llama_cpp.llama_grammar import json_schema_to_gbnf

    schema = {"type": "object", "properties": {"ok": {"type": "boolean"}, "n": {"type": "integer"}}, "required": ["ok", "n"], "additionalProperties": False}
    grammars = ['root ::= "yes" | "no"', 'root ::= [a-c]+ "."', json_schema_to_gbnf(json.dumps(schema))]
    with EngineClient() as client:
        client.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=1024 * n_parallel, n_parallel=n_parallel))
        results = [None] * 3

        def one(i: int) -> None:
            results[i] = _run(client, "Answer:", max_tokens=200, grammar=grammars[i], temperature=0.7, seed=i)

        threads = [threading.Thread(target=one, args=(i,)) for i in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert results[0][0] in ("yes", "no") and results[0][2].stop_reason is P.StopReason.STOP
        assert re.fullmatch(r"[a-c]+\.?", results[1][0])
        if results[2][2].stop_reason is P.StopReason.STOP:
            value = json.loads(results[2][0])
            assert set(value) == {"ok", "n"} and isinstance(value["ok"], bool) and isinstance(value["n"], int)
        else:
            assert re.fullmatch(r'\{\s*"ok"\s*:\s*(true|false)\s*,\s*"n"\s*:\s*-?\d*', results[2][0]), results[2][0]
        with pytest.raises(EngineError) as info:
            _run(client, "x", grammar="root ::= (")
        assert info.value.code == P.E_BAD_REQUEST and "grammar" in info.value.message
        assert _run(client, "x", max_tokens=3)[2].n_generated == 3, "a bad grammar is refused, not fatal"


def test_a_load_waits_for_the_running_batch_and_stats_do_not(parallel: EngineClient, tiny_gguf: Path) -> None:
    running = parallel.generate(P.GenerateOptions(prompt="busy", max_tokens=400, ignore_eos=True))
    next(running)
    assert parallel.stats().model.n_parallel == 4, "stats are answered while the batch runs"
    finished: list = []
    consumer = threading.Thread(target=lambda: finished.append((list(running)[-1], time.monotonic())))
    consumer.start()
    loaded = parallel.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=4 * 1024, n_parallel=4))
    loaded_at = time.monotonic()
    consumer.join(30)
    done, done_at = finished[0]
    assert done.n_generated == 400 and done.stop_reason is P.StopReason.LENGTH, "the running request was not cut short"
    assert done_at <= loaded_at and loaded.model.n_parallel == 4


def test_a_prompt_longer_than_a_sequence_s_share_is_refused(parallel: EngineClient) -> None:
    with pytest.raises(EngineError) as info:
        _run(parallel, "x" * 1500)
    assert info.value.code == P.E_CONTEXT_FULL and "1024" in info.value.message
    assert _run(parallel, "x", max_tokens=2)[2].n_generated == 2


def test_a_prompt_longer_than_the_batch_is_fed_in_chunks_next_to_running_streams(parallel: EngineClient, tiny_gguf: Path) -> None:
    long_prompt = "lorem ipsum dolor sit amet, " * 28  # about 800 tokens: two steps of n_batch 512
    with EngineClient() as single:
        single.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=1024))
        expected = _run(single, long_prompt, max_tokens=16)
    running = parallel.generate(P.GenerateOptions(prompt="side", max_tokens=200, ignore_eos=True))
    next(running)
    text, _, done = _run(parallel, long_prompt, max_tokens=16)
    assert text == expected[0] and done.n_prompt == expected[2].n_prompt > 512
    assert list(running)[-1].n_generated == 200


def test_a_stream_closed_before_its_first_event_is_cancelled(parallel: EngineClient) -> None:
    streams = [parallel.generate(P.GenerateOptions(prompt=p, max_tokens=100_000, ignore_eos=True)) for p in PROMPTS]
    for stream in streams:
        stream.close()
    started = time.monotonic()
    assert _run(parallel, "free", max_tokens=4)[2].n_generated == 4
    assert time.monotonic() - started < 5, "the four sequences were let go, not run to 1024 tokens each"


def test_with_one_sequence_a_cancel_by_id_leaves_the_running_request_alone(tiny_gguf: Path) -> None:
    with EngineClient() as client:
        client.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=1024))
        first = client.generate(P.GenerateOptions(prompt="first", max_tokens=500, ignore_eos=True))
        waiting = client.generate(P.GenerateOptions(prompt="second", max_tokens=500, ignore_eos=True))
        next(first)
        waiting.cancel()
        assert list(first)[-1].n_generated == 500
        assert list(waiting)[-1].stop_reason is P.StopReason.CANCELLED
        running = client.generate(P.GenerateOptions(prompt="third", max_tokens=100_000, ignore_eos=True))
        next(running)
        cancelled_at = time.monotonic()
        client.cancel(running.request_id)
        done = list(running)[-1]
        assert done.stop_reason is P.StopReason.CANCELLED and done.n_generated > 0 and time.monotonic() - cancelled_at < 0.5
        assert _run(client, "after", max_tokens=3)[2].n_generated == 3


def test_the_worker_itself_refuses_bad_parallel_and_grammar_options(tiny_gguf: Path) -> None:
    with EngineClient() as client:
        for n_parallel in (0, 65, "4"):
            request = {**P.LoadOptions(path=str(tiny_gguf), n_ctx=1024).to_request(100), "n_parallel": n_parallel}
            client.send(request)
            answer = _final(client, 100)
            assert isinstance(answer, P.Error) and answer.code == P.E_BAD_REQUEST and "n_parallel" in answer.message
        client.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=1024, n_parallel=2))
        client.send({**P.GenerateOptions(prompt="x").to_request(200), "grammar": 42})
        answer = _final(client, 200)
        assert isinstance(answer, P.Error) and answer.code == P.E_BAD_REQUEST and "grammar" in answer.message
        assert _run(client, "x", max_tokens=2)[2].n_generated == 2


def _final(client: EngineClient, request_id: int) -> P.Event:
    while True:
        event = client.events.get(timeout=10)
        if event.id == request_id and event.FINAL:
            return event



def test_a_step_s_tokens_are_written_together_and_flushed_as_the_step_ends(tiny_gguf: Path) -> None:
    """The batch decoder writes each step's token lines unflushed and flushes once when the step
    ends: the parent's reader wakes once per step, and no token waits past its step (a missing
    flush would hold a short reply's lines in the pipe's buffer until its Done)."""
    from hangar.engine.batch import BatchDecoder
    from hangar.engine.llama_log import LlamaLog
    from hangar.engine.model import LoadedModel

    model = LoadedModel.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=1024, n_threads=2, n_parallel=2), threading.Event(), lambda e: None, 0, LlamaLog())
    said: list = []
    try:
        decoder = BatchDecoder(model, lambda e: said.append(("emit", e)), lambda seq: False, lambda seqs: False,
                               write=lambda e: said.append(("write", e)), flush=lambda: said.append(("flush", None)))  # fmt: skip
        for request_id, prompt in ((1, "abc"), (2, "Hello there")):
            options = P.GenerateOptions(prompt=prompt, max_tokens=12, temperature=0, ignore_eos=True)
            decoder.submit(request_id, request_id, options, model.prompt_tokens(options, threading.Event()), time.perf_counter())
        steps = 0
        while decoder.busy:
            decoder.step()
            steps += 1
            assert said and said[-1][0] in ("flush", "emit"), "nothing written is left unflushed when a step ends"
            assert steps < 100
    finally:
        model.close()
    tokens = [e for how, e in said if isinstance(e, P.Token)]
    assert {e.id for e in tokens} == {1, 2} and all(how == "write" for how, e in said if isinstance(e, P.Token))
    assert sorted(e.id for how, e in said if isinstance(e, P.Done)) == [1, 2] and all(how == "emit" for how, e in said if isinstance(e, P.Done))
    assert sum(how == "flush" for how, _ in said) <= steps, "one flush per step, not one per token"
    assert any(sum(1 for how, e in said[a:b] if how == "write") == 2 for a, b in _between_flushes(said)), "both streams' tokens of a step in one flush"


def _between_flushes(said: list) -> list[tuple[int, int]]:
    marks = [-1] + [i for i, (how, _) in enumerate(said) if how == "flush"]
    return [(a + 1, b) for a, b in zip(marks, marks[1:])]


def test_slots_are_reused_lowest_first_and_each_batch_is_in_slot_order(tiny_gguf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a KV cache split per sequence llama.cpp computes one graph per run of consecutive
    sequence ids in a batch: after requests that ended out of order, the next ones still get
    slots 0..N-1 and every batch lists its sequences in increasing order (before, slots came back
    in the order the last requests ended, and 8 streams ran at half speed)."""
    import llama_cpp.llama_cpp as low

    from hangar.engine.batch import BatchDecoder
    from hangar.engine.llama_log import LlamaLog
    from hangar.engine.model import LoadedModel

    model = LoadedModel.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=2048, n_threads=2, n_parallel=4), threading.Event(), lambda e: None, 0, LlamaLog())
    seen: list[list[int]] = []
    decode = low.llama_decode

    def recording(ctx, batch):
        seen.append([batch.seq_id[i][0] for i in range(batch.n_tokens)])
        return decode(ctx, batch)

    try:
        decoder = BatchDecoder(model, lambda e: None, lambda seq: False, lambda seqs: False)
        monkeypatch.setattr(low, "llama_decode", recording)

        def submit(lengths: list[int]) -> None:
            for i, n in enumerate(lengths):
                options = P.GenerateOptions(prompt=PROMPTS[i], max_tokens=n, temperature=0, ignore_eos=True)
                decoder.submit(i, i, options, model.prompt_tokens(options, threading.Event()), time.perf_counter())

        submit([9, 3, 12, 6])  # they end in the order 1, 3, 0, 2
        while decoder.busy:
            decoder.step()
        seen.clear()
        submit([5, 5, 5, 5])
        decoder.step()
        assert sorted(s.slot for s in decoder.running) == [0, 1, 2, 3]
        while decoder.busy:
            decoder.step()
    finally:
        model.close()
    assert seen and all(ids == sorted(ids) for ids in seen), f"batches out of slot order: {[ids for ids in seen if ids != sorted(ids)][:3]}"
    assert any(len(set(ids)) == 4 for ids in seen)
