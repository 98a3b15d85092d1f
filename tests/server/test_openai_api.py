"""The official ``openai`` client against the real server: the shapes clients rely on."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import threading

import httpx2 as httpx
import openai
import pytest

from hangar.core.app import LoadRequest
from hangar.core.app.serving import _client_is_concurrent
from hangar.core.runner import protocol as P
from hangar.server.openai_shapes import grammar_supported

from .conftest import ALIAS

pytestmark = pytest.mark.slow
HELLO = [{"role": "system", "content": "You are terse."}, {"role": "user", "content": "Say hello."}]


def _last_record(app, endpoint: str):
    return next(r for r in reversed(app.serving.log) if r.endpoint == endpoint)


def test_models_lists_the_library_by_alias_and_id(client, served) -> None:
    app, _runner = served
    models = client.models.list()
    assert [m.id for m in models.data] == [ALIAS]
    assert models.data[0].object == "model" and models.data[0].owned_by == "hangar"
    model_id = str(app.library.list()[0].id)
    assert models.data[0].model_extra["hangar_id"] == model_id
    # the library id names the model as well as the alias
    reply = client.chat.completions.create(model=model_id, messages=HELLO, max_tokens=2)
    assert reply.model == ALIAS


def test_chat_non_streaming_and_usage_from_the_worker(client, served) -> None:
    app, _runner = served
    reply = client.chat.completions.create(model=ALIAS, messages=HELLO, max_tokens=6, temperature=0, seed=7)
    assert reply.object == "chat.completion" and reply.id.startswith("chatcmpl-")
    choice = reply.choices[0]
    assert choice.message.role == "assistant" and isinstance(choice.message.content, str)
    assert choice.finish_reason in ("stop", "length")
    record = _last_record(app, "chat")
    assert (reply.usage.prompt_tokens, reply.usage.completion_tokens) == (record.prompt_tokens, record.completion_tokens)
    assert reply.usage.total_tokens == reply.usage.prompt_tokens + reply.usage.completion_tokens
    assert record.status == "ok" and record.prompt is None  # no prompt text unless asked for
    # the same request straight to a worker counts the same tokens
    loaded = app.models.load(LoadRequest(app.library.list()[0].id, n_ctx=1024, runtime="cpu"))
    try:
        options = P.GenerateOptions(messages=HELLO, max_tokens=6, temperature=0.0, top_p=1.0, top_k=0, min_p=0.0, repeat_penalty=1.0, seed=7)
        done = [e for e in loaded.client.generate(options) if isinstance(e, P.Done)][0]
    finally:
        loaded.close()
    assert (reply.usage.prompt_tokens, reply.usage.completion_tokens) == (done.n_prompt, done.n_generated)


def test_chat_streaming_with_usage(client, served) -> None:
    app, _runner = served
    chunks = list(client.chat.completions.create(model=ALIAS, messages=HELLO, max_tokens=5, stream=True, stream_options={"include_usage": True}))
    assert chunks[0].choices[0].delta.role == "assistant"
    assert all(c.object == "chat.completion.chunk" and c.id == chunks[0].id for c in chunks)
    finals = [c for c in chunks if c.choices and c.choices[0].finish_reason]
    assert len(finals) == 1 and finals[0].choices[0].finish_reason == "length"
    assert chunks[-1].choices == [] and chunks[-1].usage is not None
    record = _last_record(app, "chat")
    assert (chunks[-1].usage.prompt_tokens, chunks[-1].usage.completion_tokens) == (record.prompt_tokens, record.completion_tokens) 
    assert chunks[-1].usage.completion_tokens == 5
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text  # the tokens arrived as content deltas


def test_chat_stream_without_usage_has_none(client) -> None:
    chunks = list(client.chat.completions.create(model=ALIAS, messages=HELLO, max_tokens=3, stream=True))
    assert all(c.usage is None for c in chunks) and chunks[-1].choices[0].finish_reason == "length"


def test_completions_plain_and_streamed(client, served) -> None:
    app, _runner = served
    reply = client.completions.create(model=ALIAS, prompt="Once upon a time", max_tokens=4, stop=["\n\n"])
    assert reply.object == "text_completion" and isinstance(reply.choices[0].text, str)
    record = _last_record(app, "completions")
    assert reply.usage.completion_tokens == record.completion_tokens <= 4 and reply.usage.prompt_tokens == record.prompt_tokens > 0
    chunks = list(client.completions.create(model=ALIAS, prompt="Once upon a time", max_tokens=4, stream=True, stream_options={"include_usage": True}))
    assert chunks[-1].usage.completion_tokens == 4 and chunks[-2].choices[0].finish_reason == "length"


def test_four_concurrent_streams_all_finish(client, served) -> None:
    results: dict[int, tuple[str, int]] = {}
    errors: list[BaseException] = []

    def one(i: int) -> None:
        try:
            chunks = list(client.chat.completions.create(model=ALIAS, messages=[{"role": "user", "content": f"story {i}"}], max_tokens=40,
                                                         stream=True, stream_options={"include_usage": True}))  # fmt: skip
            results[i] = (next(c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason), chunks[-1].usage.completion_tokens)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    assert sorted(results) == [0, 1, 2, 3]
    assert all(reason == "length" and n == 40 for reason, n in results.values()), results
    app, _runner = served
    client_of_worker = app.serving.find(ALIAS).loaded.client
    if "n_parallel" in {f.name for f in dataclasses.fields(P.ModelInfo)}:  # the parallel worker: decoded together, not in turn
        assert client_of_worker.model.n_parallel == 4 and _client_is_concurrent(client_of_worker)


def test_embeddings_of_a_text_model_say_which_kind_it_is(client) -> None:
    with pytest.raises(openai.BadRequestError) as caught:
        client.embeddings.create(model=ALIAS, input="hello")
    body = caught.value.body
    assert body["code"] == "wrong_model_kind" and body["param"] == "model" and "text-generation model" in body["message"]
    with pytest.raises(openai.NotFoundError):
        client.embeddings.create(model="no-such-model", input="hello")


SCHEMA = {"type": "object", "properties": {"ok": {"type": "boolean"}}, "required": ["ok"], "additionalProperties": False}


def test_json_schema_output(client) -> None:
    fmt = {"type": "json_schema", "json_schema": {"name": "answer", "schema": SCHEMA, "strict": True}}
    if not grammar_supported():  # until the worker takes a grammar: a clear 400, never unconstrained text
        with pytest.raises(openai.BadRequestError) as caught:
            client.chat.completions.create(model=ALIAS, messages=HELLO, max_tokens=40, response_format=fmt)
        assert "not supported yet" in caught.value.body["message"] and caught.value.body["param"] == "response_format"
        return
    reply = client.chat.completions.create(model=ALIAS, messages=HELLO, max_tokens=60, response_format=fmt, temperature=0)
    value = json.loads(reply.choices[0].message.content)
    assert set(value) == {"ok"} and isinstance(value["ok"], bool)


def test_health(served) -> None:
    _app, runner = served
    answer = httpx.get(runner.url + "/health", timeout=10).json()
    assert answer["status"] == "ok" and answer["models"][0]["alias"] == ALIAS


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_curl_streams_sse(served) -> None:
    _app, runner = served
    body = json.dumps({"model": ALIAS, "messages": HELLO, "max_tokens": 3, "stream": True})
    out = subprocess.run(["curl", "-sS", "-N", "-H", "Content-Type: application/json", "-d", body, runner.url + "/v1/chat/completions"],
                         capture_output=True, text=True, timeout=60)  # fmt: skip
    assert out.returncode == 0, out.stderr
    events = [line[len("data: "):] for line in out.stdout.splitlines() if line.startswith("data: ")]
    assert events[-1] == "[DONE]"
    assert json.loads(events[0])["choices"][0]["delta"]["role"] == "assistant"
    assert json.loads(events[-2])["choices"][0]["finish_reason"] == "length"
