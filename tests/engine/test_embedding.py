"""Embeddings through the real worker and llama.cpp: a synthetic llama model with mean pooling,
loaded with ``embedding``, gives one unit vector per input, in order, the same for the same text."""

from __future__ import annotations

import math
import threading
from pathlib import Path

import pytest

from hangar.core.gguf.header import KIND_EMBEDDING, KIND_TEXT, read_header
from hangar.core.runner import protocol as P
from hangar.core.runner.client import EngineClient, EngineError

pytestmark = pytest.mark.slow
TEXTS = ["The quick brown fox", "jumps over the lazy dog", "你好，世界 🙂", "The quick brown fox"]


@pytest.fixture(scope="module")
def embedder(embed_gguf: Path):
    engine = EngineClient()
    engine.load(P.LoadOptions(path=str(embed_gguf), n_ctx=256, embedding=True))
    yield engine
    engine.close()


def _dot(a: list[float], b: list[float]) -> float:
    return math.fsum(x * y for x, y in zip(a, b))


def test_the_synthetic_embedding_model_is_one_by_its_header(embed_gguf: Path, tiny_gguf: Path) -> None:
    header = read_header(embed_gguf)
    assert header.kind == KIND_EMBEDDING and header.get("llama.pooling_type") == 1 and header.embedding_size == 64
    assert "tokenizer.chat_template" not in header.metadata
    assert read_header(tiny_gguf).kind == KIND_TEXT


def test_the_worker_reports_an_embedding_model(embedder: EngineClient) -> None:
    info = embedder.model
    assert info.embedding and info.n_embd == 64 and info.pooling == "mean" and info.n_ctx == 256


def test_vectors_have_the_model_s_size_unit_length_and_follow_the_text(embedder: EngineClient) -> None:
    result = embedder.embed(P.EmbedOptions(inputs=TEXTS))
    vectors = [result.vector(i) for i in range(len(TEXTS))]
    assert result.n_embd == 64 and all(len(v) == 64 for v in vectors)
    assert all(abs(math.sqrt(_dot(v, v)) - 1.0) < 1e-5 for v in vectors), "normalised as OpenAI's are"
    assert vectors[0] == vectors[3], "the same text, the same vector"
    assert _dot(vectors[0], vectors[1]) < 0.9999 and _dot(vectors[1], vectors[2]) < 0.9999, "different texts, different vectors"
    again = embedder.embed(P.EmbedOptions(inputs=[TEXTS[1]]))
    assert again.vector(0) == vectors[1], "a text embedded alone or in a batch: the same vector (nothing left over from the last input)"


def test_token_counts_are_the_model_s_and_token_arrays_embed_as_their_text(embedder: EngineClient, embed_gguf: Path) -> None:
    from llama_cpp import Llama

    llm = Llama(str(embed_gguf), n_ctx=64, vocab_only=True, verbose=False)
    tokens = [llm.tokenize(t.encode(), add_bos=True, special=False) for t in TEXTS[:3]]
    result = embedder.embed(P.EmbedOptions(inputs=TEXTS[:3]))
    assert result.n_tokens == [len(t) for t in tokens]
    as_tokens = embedder.embed(P.EmbedOptions(inputs=[tokens[2], TEXTS[2]]))
    assert as_tokens.vector(0) == as_tokens.vector(1) == result.vector(2)


def test_unnormalised_vectors_are_the_pooled_ones(embedder: EngineClient) -> None:
    unit = embedder.embed(P.EmbedOptions(inputs=[TEXTS[0]])).vector(0)
    raw = embedder.embed(P.EmbedOptions(inputs=[TEXTS[0]], normalize=False)).vector(0)
    norm = math.sqrt(_dot(raw, raw))
    assert abs(norm - 1.0) > 1e-3 and all(abs(r / norm - u) < 1e-5 for r, u in zip(raw, unit))


def test_an_input_longer_than_the_context_is_refused_by_index_not_cut(embedder: EngineClient) -> None:
    with pytest.raises(EngineError) as caught:
        embedder.embed(P.EmbedOptions(inputs=["short", "word " * 400]))
    assert caught.value.code == P.E_CONTEXT_FULL and "input[1]" in caught.value.message and "256" in caught.value.message
    with pytest.raises(EngineError) as caught:
        embedder.embed(P.EmbedOptions(inputs=["x" * (256 * 32 + 1)]))  # refused by its bytes, before the tokeniser runs
    assert caught.value.code == P.E_CONTEXT_FULL and "bytes" in caught.value.message
    with pytest.raises(EngineError) as caught:
        embedder.embed(P.EmbedOptions(inputs=[[1, 2, 10**6]]))
    assert caught.value.code == P.E_BAD_REQUEST and "vocabulary" in caught.value.message
    with pytest.raises(EngineError) as caught:
        embedder.embed(P.EmbedOptions(inputs=[]))  # the client's own check, before the request goes out
    assert caught.value.code == P.E_BAD_REQUEST
    assert embedder.embed(P.EmbedOptions(inputs=["still works"])).n_embd == 64


def test_each_kind_of_model_refuses_the_other_kind_s_request(embedder: EngineClient, tiny_gguf: Path) -> None:
    with pytest.raises(EngineError) as caught:
        list(embedder.generate(P.GenerateOptions(prompt="hello", max_tokens=2)))
    assert caught.value.code == P.E_WRONG_KIND and "embeddings" in caught.value.message
    with EngineClient() as text_model:
        text_model.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=256))
        assert not text_model.model.embedding and text_model.model.pooling == ""
        with pytest.raises(EngineError) as caught:
            text_model.embed(P.EmbedOptions(inputs=["hello"]))
        assert caught.value.code == P.E_WRONG_KIND and "text generation" in caught.value.message
        assert list(text_model.generate(P.GenerateOptions(prompt="hello", max_tokens=2)))[-1].n_generated == 2


def test_embed_calls_from_several_threads_take_turns(embedder: EngineClient) -> None:
    alone = {t: embedder.embed(P.EmbedOptions(inputs=[t])).vector(0) for t in TEXTS[:3]}
    results: dict[str, list[float]] = {}

    def one(text: str) -> None:
        results[text] = embedder.embed(P.EmbedOptions(inputs=[text])).vector(0)

    threads = [threading.Thread(target=one, args=(t,)) for t in TEXTS[:3] * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert results == alone
