"""The lean decode loop (engine/decode.py) gives what the Llama.generate loop it replaced gave.

``old_generate`` below is the single-sequence loop model.py ran before decode.py, kept here to
compare against: llama-cpp-python's ``Llama.generate`` with the same sampling settings, and the
same checks in the same order. Both run in this process on the same loaded model (reset
between them where a test wants a cold cache), so the token ids can be compared, not only the
text: at temperature 0, and at 0.8 with a fixed seed, on the synthetic models (tiny; script,
whose characters arrive split across tokens; medium, 8 layers 512 wide). The new loop's ids
are read by wrapping ``llama_sampler_sample``, which it looks up when a reply starts.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from hangar.core.runner import protocol as P

pytestmark = pytest.mark.slow
MESSAGES = [{"role": "system", "content": "You are terse."}, {"role": "user", "content": "Tell me about foxes, 中日한🙂é."}]
SETTINGS = {
    "greedy": {"temperature": 0.0, "repeat_penalty": 1.0},
    "greedy, default penalty": {"temperature": 0.0},
    "seeded 0.8": {"temperature": 0.8, "seed": 1234},
    "seeded 0.8, penalties": {"temperature": 0.8, "seed": 7, "presence_penalty": 0.5, "frequency_penalty": 0.3, "top_k": 20, "min_p": 0.1},
    "seeded 0.7, grammar": {"temperature": 0.7, "seed": 3, "grammar": 'root ::= [a-c]+ "."'},
}


def old_generate(model, options: P.GenerateOptions, cancel: threading.Event | None = None) -> tuple[list[int], str, P.StopReason, int]:
    """model.py's loop before decode.py: (sampled ids, text, stop reason, n_generated); the cells it
    left in the cache (Done.context_used) in ``model.old_context_used``."""
    import llama_cpp.llama_cpp as low
    from llama_cpp.llama_grammar import LlamaGrammar

    from hangar.engine.model import token_bytes
    from hangar.engine.textstream import StopMatcher, Utf8Stream

    cancel = cancel or threading.Event()
    llm = model.llm
    tokens = model.prompt_tokens(options)
    vocab = llm._model.vocab
    grammar = LlamaGrammar.from_string(options.grammar, verbose=False) if options.grammar is not None else None
    if options.seed is not None:
        llm.set_seed(options.seed)
    utf8, stops = Utf8Stream(), StopMatcher(options.stop)
    ids: list[int] = []
    text, n_generated, reason = "", 0, P.StopReason.LENGTH
    for token in llm.generate(tokens, top_k=options.top_k, top_p=options.top_p, min_p=options.min_p, temp=options.temperature,
                              repeat_penalty=options.repeat_penalty, frequency_penalty=options.frequency_penalty,
                              presence_penalty=options.presence_penalty, grammar=grammar):  # fmt: skip
        ids.append(token)
        if cancel.is_set():
            reason = P.StopReason.CANCELLED
            break
        if low.llama_vocab_is_eog(vocab, token) and not options.ignore_eos:
            reason = P.StopReason.STOP
            break
        n_generated += 1
        text += stops.feed(utf8.feed(token_bytes(low, vocab, token)))
        if stops.stopped:
            reason = P.StopReason.STOP
            break
        if n_generated >= options.max_tokens:
            break
        if llm.n_tokens + 1 >= model.context_size:
            reason = P.StopReason.CONTEXT_FULL
            break
    text += stops.feed(utf8.flush()) + stops.flush()
    model.old_context_used = llm.n_tokens
    return ids, text, reason, n_generated


def new_generate(model, options: P.GenerateOptions, monkeypatch, cancel: threading.Event | None = None) -> tuple[list[int], str, P.Done, list[P.Token]]:
    """The worker's path (LoadedModel.generate, decode.py): (sampled ids, text, Done, Token events)."""
    import llama_cpp.llama_cpp as low

    ids: list[int] = []
    real = low.llama_sampler_sample

    def sample(chain, ctx, index):
        token = real(chain, ctx, index)
        ids.append(token)
        return token

    events: list[P.Token] = []
    with monkeypatch.context() as patch:
        patch.setattr(low, "llama_sampler_sample", sample)
        done = model.generate(options, cancel or threading.Event(), events.append, 1)
    return ids, "".join(e.text for e in events), done, events


def load(path: Path, n_ctx: int = 1024, **extra):
    from hangar.engine.llama_log import LlamaLog
    from hangar.engine.model import LoadedModel

    return LoadedModel.load(P.LoadOptions(path=str(path), n_ctx=n_ctx, n_threads=2, **extra), threading.Event(), lambda event: None, 0, LlamaLog())


def cold(model) -> None:
    """Forget the cache, so the next reply decodes its whole prompt (as Llama.reset does)."""
    import llama_cpp.llama_cpp as low

    model.llm.reset()
    low.llama_memory_seq_rm(low.llama_get_memory(model.llm.ctx), 0, 0, -1)


@pytest.fixture(scope="module")
def models(tiny_gguf: Path, script_gguf: Path, medium_gguf: Path):
    loaded = {"tiny": load(tiny_gguf), "script": load(script_gguf), "medium": load(medium_gguf)}
    yield loaded
    for model in loaded.values():
        model.close()


@pytest.mark.parametrize("setting", SETTINGS, ids=list(SETTINGS))
@pytest.mark.parametrize("name", ["tiny", "script", "medium"])
def test_the_same_tokens_as_the_old_loop(models, name: str, setting: str, monkeypatch) -> None:
    model = models[name]
    options = P.GenerateOptions(messages=MESSAGES, max_tokens=40, **SETTINGS[setting])
    cold(model)
    old_ids, old_text, old_reason, old_n = old_generate(model, options)
    cold(model)
    ids, text, done, _ = new_generate(model, options, monkeypatch)
    assert ids == old_ids and text == old_text, (name, setting)
    assert (done.stop_reason, done.n_generated) == (old_reason, old_n)
    assert done.n_prompt == len(model.prompt_tokens(options)) and done.context_used == model.old_context_used


def test_a_request_without_a_seed_draws_with_the_last_seed_set(models, monkeypatch) -> None:
    """Llama.generate made a fresh draw from Llama's seed for each request; a request's seed replaces it."""
    model = models["tiny"]
    seeded = P.GenerateOptions(prompt="Once upon a time", max_tokens=24, temperature=0.9, seed=99)
    unseeded = P.GenerateOptions(prompt="Once upon a time", max_tokens=24, temperature=0.9)
    cold(model)
    old = [old_generate(model, seeded)[0], old_generate(model, unseeded)[0]]
    cold(model)
    new = [new_generate(model, seeded, monkeypatch)[0], new_generate(model, unseeded, monkeypatch)[0]]
    assert new == old and new[0] == new[1]
    other = new_generate(model, P.GenerateOptions(prompt="Once upon a time", max_tokens=24, temperature=0.9, seed=100), monkeypatch)[0]
    assert other != new[0]


def test_stop_strings_cut_the_text_as_before(models, monkeypatch) -> None:
    model = models["script"]
    for stop in (["🙂"], ["한🙂", "é中"], ["nowhere"]):
        options = P.GenerateOptions(prompt="é", max_tokens=45, temperature=0.0, stop=stop)
        cold(model)
        old_ids, old_text, old_reason, _ = old_generate(model, options)
        cold(model)
        ids, text, done, events = new_generate(model, options, monkeypatch)
        assert (ids, text, done.stop_reason) == (old_ids, old_text, old_reason), stop
        assert not any(s in text for s in stop) and all("\ufffd" not in e.text for e in events)
        assert done.stop_reason is (P.StopReason.LENGTH if stop == ["nowhere"] else P.StopReason.STOP)


def test_multibyte_characters_each_sent_once_complete(models, monkeypatch) -> None:
    _, text, done, events = new_generate(models["script"], P.GenerateOptions(prompt="é", max_tokens=30, temperature=0.0), monkeypatch)
    assert text == "中日한🙂é" * 2 and [e.text for e in events] == list("中日한🙂é" * 2)
    assert [e.n for e in events][-1] == done.n_generated == 30 and all(e.n_prompt == done.n_prompt for e in events)
    assert done.gen_tps > 0 and done.ttft_ms > 0 and done.prompt_tps > 0 and done.total_ms >= done.ttft_ms


def test_a_full_context_ends_the_reply_where_it_did(tiny_gguf: Path, monkeypatch) -> None:
    model = load(tiny_gguf, n_ctx=256)
    try:
        options = P.GenerateOptions(prompt="Go " * 60, max_tokens=1000, temperature=0.0, ignore_eos=True)
        old_ids, old_text, old_reason, old_n = old_generate(model, options)
        cold(model)
        ids, text, done, _ = new_generate(model, options, monkeypatch)
        assert (ids, text, done.stop_reason, done.n_generated) == (old_ids, old_text, old_reason, old_n)
        assert done.stop_reason is P.StopReason.CONTEXT_FULL and done.n_prompt + done.n_generated == model.context_size
        assert done.context_used == model.context_size - 1 and done.n_ctx == model.context_size
    finally:
        model.close()


def test_cancel_between_tokens_and_mid_prompt(medium_gguf: Path, monkeypatch) -> None:
    model = load(medium_gguf, n_ctx=8192)
    try:
        cancel, cancelled_at = threading.Event(), []
        threading.Timer(0.3, lambda: (cancelled_at.append(time.perf_counter()), cancel.set())).start()
        _, _, done, _ = new_generate(model, P.GenerateOptions(prompt="Go", max_tokens=8000, ignore_eos=True), monkeypatch, cancel)
        assert done.stop_reason is P.StopReason.CANCELLED and 0 < done.n_generated < 8000
        assert time.perf_counter() - cancelled_at[0] < 0.5
        cancel = threading.Event()
        timer = threading.Timer(0.3, cancel.set)
        started = time.perf_counter()
        timer.start()
        _, _, done, events = new_generate(model, P.GenerateOptions(prompt="lorem ipsum dolor sit amet " * 280, max_tokens=4), monkeypatch, cancel)
        assert done.stop_reason is P.StopReason.CANCELLED and not events and time.perf_counter() - started < 0.3 + 0.5
        assert model.llm.n_tokens == 0, "an aborted prompt leaves nothing cached"
        _, _, done, _ = new_generate(model, P.GenerateOptions(prompt="short", max_tokens=3), monkeypatch)
        assert done.n_generated == 3 and model._decoder.n_prompt_decoded == done.n_prompt
    finally:
        model.close()


def test_the_second_chat_turn_decodes_only_what_is_new(models, monkeypatch) -> None:
    model = models["medium"]
    first = P.GenerateOptions(messages=MESSAGES, max_tokens=24, temperature=0.0)
    cold(model)
    _, reply, done, _ = new_generate(model, first, monkeypatch)
    assert model._decoder.n_prompt_decoded == done.n_prompt
    first_prompt = done.n_prompt
    turn = [*MESSAGES, {"role": "assistant", "content": reply}, {"role": "user", "content": "And wolves?"}]
    second = P.GenerateOptions(messages=turn, max_tokens=24, temperature=0.0)
    ids, text, done, _ = new_generate(model, second, monkeypatch)
    reused = done.n_prompt - model._decoder.n_prompt_decoded
    assert reused >= first_prompt - 1, (reused, first_prompt, done.n_prompt)  # the random reply re-tokenises its own way
    cold(model)  # the old loop, the same two turns: the same prefix reuse gives the same tokens
    old_generate(model, first)
    old_ids, old_text, _, _ = old_generate(model, second)
    assert (ids, text) == (old_ids, old_text)
    again = new_generate(model, second, monkeypatch)  # the same prompt again: only its last token is decoded
    assert model._decoder.n_prompt_decoded == 1 and again[0] == ids


def test_a_memory_cleared_behind_its_back_is_not_trusted(models, monkeypatch) -> None:
    """perplexity.py clears the memory without telling Llama: the next reply decodes its whole prompt."""
    import llama_cpp.llama_cpp as low

    model = models["tiny"]
    options = P.GenerateOptions(prompt="Once upon a time", max_tokens=16, temperature=0.0)
    cold(model)
    ids = new_generate(model, options, monkeypatch)[0]
    low.llama_memory_clear(low.llama_get_memory(model.llm.ctx), True)
    again, _, done, _ = new_generate(model, options, monkeypatch)
    assert again == ids and model._decoder.n_prompt_decoded == done.n_prompt


def test_a_token_line_is_the_generic_event_line() -> None:
    """Token.to_line skips asdict (per token it cost more than the rest of the worker's Python) and says the same."""
    import json

    for token in (P.Token(id=3, text='中\n"x\\ 🙂', n=2, n_prompt=9, ttft_ms=1.5, gen_tps=None), P.Token(id=None, text=""), P.Token(id=1, text="a", gen_tps=1e3)):
        assert token.to_line() == P.Event.to_line(token)
        assert P.parse_event(json.loads(token.to_line())) == token


def test_tokens_gather_into_one_event_for_a_moment_and_every_other_event_flushes(monkeypatch) -> None:
    """emit_token sends at most every FLUSH_EVERY_S: fast tokens reach the parent as one Token event (texts joined,
    the last one's counts), so it reads and parses one line for several tokens."""
    import json
    import os
    import select

    from hangar.engine import worker as worker_module

    monkeypatch.setattr(worker_module, "FLUSH_EVERY_S", 0.2)
    read_end, write_end = os.pipe()
    worker = worker_module.Worker(write_end)

    def lines() -> list[str]:
        got = b""
        while select.select([read_end], [], [], 0.05)[0]:
            got += os.read(read_end, 65536)
        return got.decode().splitlines()

    worker.emit_token(P.Token(id=1, text="a", n=1))
    assert len(lines()) == 1, "the first token goes out at once"
    worker.emit_token(P.Token(id=1, text="b", n=2))
    worker.emit_token(P.Token(id=1, text="c", n=3))
    assert lines() == []
    time.sleep(0.25)
    worker.emit_token(P.Token(id=1, text="d", n=4, n_prompt=7, ttft_ms=1.5, gen_tps=30.0))
    assert [P.parse_event(json.loads(line)) for line in lines()] == [P.Token(id=1, text="bcd", n=4, n_prompt=7, ttft_ms=1.5, gen_tps=30.0)]
    worker.emit_token(P.Token(id=1, text="e", n=5))
    worker.emit(P.Alive(id=1))  # a heartbeat sends what waits, and the reply goes on
    assert [P.parse_event(json.loads(line)).text for line in lines()[:1]] == ["e"]
    worker.emit_token(P.Token(id=1, text="f", n=6))
    worker.emit(P.Done(id=1, stop_reason=P.StopReason.LENGTH, n_generated=6))
    said = [P.parse_event(json.loads(line)) for line in lines()]
    assert [type(e) for e in said] == [P.Token, P.Done] and said[0].text == "f", "the Done sends the tokens that waited, before itself"
    worker.emit_token(P.Token(id=2, text="z", n=3))  # its first two tokens were the first bytes of a character
    assert len(lines()) == 1, "a reply's first Token is never held, however soon after the last flush it comes"
    worker.emit_token(P.Token(id=2, text="g", n=4))
    worker.emit_token(P.Token(id=2, text="h", n=5))
    worker.emit(P.Done(id=2, stop_reason=P.StopReason.LENGTH, n_generated=5))
    said = [P.parse_event(json.loads(line)) for line in lines()]
    assert [type(e) for e in said] == [P.Token, P.Done] and (said[0].text, said[0].n) == ("gh", 5)
    worker.emit_token(P.Token(id=3, text="x", n=1))
    worker.emit_token(P.Token(id=3, text="y", n=2))
    worker.write(P.Token(id=4, text="q", n=1))  # the batch path's write/flush keep the order too
    worker.flush()
    assert [(e.id, e.text) for e in (P.parse_event(json.loads(line)) for line in lines())] == [(3, "x"), (3, "y"), (4, "q")]
    os.close(read_end)
