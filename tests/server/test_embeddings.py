"""POST /v1/embeddings with the official ``openai`` client against the real server: a library with
a text model and an embedding model (a synthetic llama with mean pooling), each kind refusing
the other kind's requests by name."""

from __future__ import annotations

import base64
import json
import math
import shutil
import struct

import httpx2 as httpx
import openai
import pytest

from hangar.core.runner import protocol as P

from .conftest import ALIAS, serving

pytestmark = pytest.mark.slow
EMBED = "served-embed"
TEXTS = ["The quick brown fox", "jumps over the lazy dog", "你好，世界", "The quick brown fox"]


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory, tiny_gguf, embed_gguf):
    home = tmp_path_factory.mktemp("serve-embed-home")
    with serving(home, tiny_gguf) as (app, runner):
        copy = home / "served-models" / "Served-Embed.gguf"
        shutil.copy(embed_gguf, copy)
        app.library.add_file(copy)
        yield app, runner


@pytest.fixture
def client(both):
    _app, runner = both
    with openai.OpenAI(base_url=runner.url + "/v1", api_key="unused", max_retries=0, timeout=60) as client:
        yield client


def _norm(vector) -> float:
    return math.sqrt(math.fsum(v * v for v in vector))


def _post(runner, body: dict) -> httpx.Response:
    return httpx.post(runner.url + "/v1/embeddings", content=json.dumps(body), headers={"Content-Type": "application/json"}, timeout=60)


def test_vectors_have_the_model_s_size_and_unit_length(client) -> None:
    answer = client.embeddings.create(model=EMBED, input="hello world")
    assert answer.object == "list" and answer.model == EMBED and len(answer.data) == 1
    vector = answer.data[0].embedding
    assert answer.data[0].object == "embedding" and answer.data[0].index == 0
    assert len(vector) == 64 and abs(_norm(vector) - 1.0) < 1e-5


def test_a_batch_comes_back_in_index_order_same_text_same_vector(client) -> None:
    answer = client.embeddings.create(model=EMBED, input=TEXTS)
    assert [d.index for d in answer.data] == [0, 1, 2, 3]
    vectors = [d.embedding for d in answer.data]
    assert vectors[0] == vectors[3], "the same text gives the same vector"
    assert vectors[0] != vectors[1] and vectors[1] != vectors[2], "different texts give different ones"
    for i, text in enumerate(TEXTS[:3]):  # each in its place: embedded alone, the same vector
        alone = client.embeddings.create(model=EMBED, input=text).data[0].embedding
        assert alone == vectors[i], i


def test_usage_counts_the_worker_s_tokens(client, both) -> None:
    app, _runner = both
    answer = client.embeddings.create(model=EMBED, input=TEXTS[:3])
    worker = app.serving.find(EMBED).loaded.client
    counted = worker.embed(P.EmbedOptions(inputs=TEXTS[:3])).n_tokens
    assert answer.usage.prompt_tokens == answer.usage.total_tokens == sum(counted) > 0
    record = next(r for r in reversed(app.serving.log) if r.endpoint == "embeddings")
    assert record.status == "ok" and record.prompt_tokens == sum(counted) and record.model == EMBED


def test_float_and_base64_encodings_carry_the_same_vector(both) -> None:
    _app, runner = both
    floats = _post(runner, {"model": EMBED, "input": ["a b c"], "encoding_format": "float"}).json()["data"][0]["embedding"]
    raw = base64.b64decode(_post(runner, {"model": EMBED, "input": "a b c", "encoding_format": "base64"}).json()["data"][0]["embedding"])
    assert list(struct.unpack(f"<{len(raw) // 4}f", raw)) == floats and len(floats) == 64


def test_token_arrays_embed_like_their_text(client, both) -> None:
    app, _runner = both
    worker = app.serving.find(EMBED).loaded.client
    tokens_of_text = client.embeddings.create(model=EMBED, input="hello world")
    n = tokens_of_text.usage.prompt_tokens
    from llama_cpp import Llama

    llm = Llama(worker.model.path, n_ctx=64, vocab_only=True, verbose=False)
    tokens = llm.tokenize(b"hello world", add_bos=True, special=False)
    assert len(tokens) == n
    assert client.embeddings.create(model=EMBED, input=[tokens]).data[0].embedding == tokens_of_text.data[0].embedding
    assert client.embeddings.create(model=EMBED, input=tokens).data[0].embedding == tokens_of_text.data[0].embedding


def test_dimensions_only_the_model_s_own(client) -> None:
    assert len(client.embeddings.create(model=EMBED, input="x", dimensions=64).data[0].embedding) == 64
    with pytest.raises(openai.BadRequestError) as caught:
        client.embeddings.create(model=EMBED, input="x", dimensions=32)
    body = caught.value.body
    assert body["param"] == "dimensions" and "must be 64" in body["message"]


@pytest.mark.parametrize("body, param, code", [
    ({"input": []}, "input", "empty_array"),
    ({"input": [""]}, "input", "empty_input"),
    ({"input": ""}, "input", "empty_input"),
    ({"input": ["ok", 7]}, "input", "invalid_type"),
    ({"input": ["ok", {"text": "x"}]}, "input", "invalid_type"),
    ({"input": None}, "input", "missing_required_parameter"),
    ({"input": 42}, "input", "invalid_type"),
    ({"input": ["x"] * (P.MAX_EMBED_INPUTS + 1)}, "input", "too_many_inputs"),
    ({"input": [[1, -5]]}, "input", "invalid_value"),
    ({"input": "x", "encoding_format": "int8"}, "encoding_format", "invalid_value"),
    ({"input": "x", "dimensions": 0}, "dimensions", "invalid_value"),
    ({"input": "word " * 5000}, "input", "context_length_exceeded"),
    ({"input": [[1, 2, 10**6]]}, "input", "invalid_value"),
])  # fmt: skip
def test_bad_input_is_a_400_naming_the_field(both, body, param, code) -> None:
    _app, runner = both
    response = _post(runner, {"model": EMBED, **body})
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert (error["param"], error["code"], error["type"]) == (param, code, "invalid_request_error"), error
    assert _post(runner, {"model": EMBED, "input": "still serving"}).status_code == 200


def test_each_kind_of_model_refuses_the_other_kind_s_request_naming_the_right_models(client) -> None:
    with pytest.raises(openai.BadRequestError) as caught:
        client.embeddings.create(model=ALIAS, input="hello")
    body = caught.value.body
    assert (body["param"], body["code"]) == ("model", "wrong_model_kind")
    assert "text-generation model" in body["message"] and f"Embedding models here: {EMBED}" in body["message"]
    for create in (lambda: client.chat.completions.create(model=EMBED, messages=[{"role": "user", "content": "hi"}], max_tokens=2),
                   lambda: client.completions.create(model=EMBED, prompt="hi", max_tokens=2)):  # fmt: skip
        with pytest.raises(openai.BadRequestError) as caught:
            create()
        body = caught.value.body
        assert (body["param"], body["code"]) == ("model", "wrong_model_kind")
        assert "is an embedding model" in body["message"] and f"Text-generation models here: {ALIAS}" in body["message"]
    assert client.chat.completions.create(model=ALIAS, messages=[{"role": "user", "content": "hi"}], max_tokens=2).choices[0].message.content is not None
    with pytest.raises(openai.NotFoundError):
        client.embeddings.create(model="no-such-model", input="hello")


def test_the_embedding_model_is_served_as_one_sequence_with_the_context_it_was_trained_for(both) -> None:
    app, _runner = both
    entry = app.serving.find(EMBED)
    info = entry.loaded.client.model
    assert info.embedding and info.n_parallel == 1 and info.pooling == "mean" and info.n_embd == 64
    assert info.n_ctx == 4096, "the serve context (8192) capped at the model's own (4096)"


def test_an_embedding_load_request_is_one_sequence_in_the_model_s_own_context() -> None:
    from hangar.core.app.pool_terms import ServeOptions
    from hangar.core.app.serving import _load_request

    request = _load_request(3, ServeOptions(n_parallel=4, n_ctx=8192, runtime="cpu"), embedding=True, context_length=512)
    assert (request.embedding, request.n_parallel, request.n_ctx) == (True, 1, 512)
    assert _load_request(3, ServeOptions(n_ctx=256), embedding=True, context_length=8192).n_ctx == 256
    assert _load_request(3, ServeOptions(n_parallel=4)).embedding is False
