"""Penalties, embedding loads and embed requests: checked alike on both sides of the pipe."""

from __future__ import annotations

import json
import math

import pytest

from hangar.core.runner import protocol as P


@pytest.mark.parametrize("name", ["presence_penalty", "frequency_penalty"])
@pytest.mark.parametrize("value", [-2.01, 2.5, float("nan"), float("inf"), "1", True, None])
def test_penalties_are_numbers_from_minus_2_to_2(name, value) -> None:
    problem = P.GenerateOptions(prompt="x", **{name: value}).problem()
    assert problem is not None and name in problem and "-2.0 to 2.0" in problem


@pytest.mark.parametrize("value", [-2, -2.0, 0, 0.5, 2.0])
def test_penalties_inside_the_range_pass_and_cross_the_pipe(value) -> None:
    options = P.GenerateOptions(prompt="x", presence_penalty=value, frequency_penalty=-value)
    assert options.problem() is None
    assert P.GenerateOptions.from_dict(json.loads(json.dumps(options.to_request(1)))) == options
    assert (P.GenerateOptions().presence_penalty, P.GenerateOptions().frequency_penalty) == (0.0, 0.0)


def test_an_embedding_load_is_true_or_false_and_one_sequence() -> None:
    assert P.LoadOptions(path="m.gguf", embedding=True).problem() is None
    assert "embedding" in P.LoadOptions(path="m.gguf", embedding="yes").problem()
    assert "n_parallel must be 1 for an embedding model" in P.LoadOptions(path="m.gguf", embedding=True, n_parallel=4).problem()
    load = P.LoadOptions(path="m.gguf", embedding=True)
    assert P.LoadOptions.from_dict(load.to_request(1)) == load
    assert P.LoadOptions.from_dict({"op": "load", "path": "m.gguf"}).embedding is False, "an older parent's load is a text model"


@pytest.mark.parametrize("inputs, words", [
    ([], "1 to 2,048 inputs, not 0"), ("text", "1 to 2,048 inputs"), (["a"] * (P.MAX_EMBED_INPUTS + 1), "not 2049"),
    (["ok", ""], "input[1] is empty"), ([[]], "input[0] is empty"), (["ok", 7], "input[1] must be a text or a list of token ids"),
    ([[1, -2]], "input[0] must be a text"), ([[1, True]], "input[0] must be a text"), ([[2**31]], "input[0] must be a text"),
    ([None], "input[0]"), ([{"text": "x"}], "input[0]"),
])  # fmt: skip
def test_embed_inputs_are_bounded_and_each_is_a_text_or_tokens(inputs, words) -> None:
    problem = P.EmbedOptions(inputs=inputs).problem()
    assert problem is not None and words in problem, problem


def test_good_embed_requests_cross_the_pipe() -> None:
    options = P.EmbedOptions(inputs=["中文 text", [1, 2, 3]])
    assert options.problem() is None and options.normalize is True
    request = json.loads(json.dumps(options.to_request(9)))
    assert request["op"] == "embed" and P.EmbedOptions.from_dict(request) == options
    assert "normalize" in P.EmbedOptions(inputs=["a"], normalize=1).problem()


def test_vectors_cross_the_pipe_exactly_as_base64_float32() -> None:
    vector = [0.1, -0.25, 1e-8, 3.0]
    event = P.Embeddings(id=3, data=[P.floats_to_base64(vector)], n_tokens=[5], n_embd=4, total_ms=1.5)
    again = P.parse_event(json.loads(event.to_line()))
    assert type(again) is P.Embeddings and again == event
    assert all(math.isclose(a, b, rel_tol=1e-7) for a, b in zip(again.vector(0), vector))
    assert P.floats_from_base64(P.floats_to_base64([])) == []
    info = P.ModelInfo.from_dict({"path": "m", "embedding": True, "n_embd": 64, "pooling": "mean"})
    assert (info.embedding, info.n_embd, info.pooling) == (True, 64, "mean")
