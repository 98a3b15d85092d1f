"""The options of parallel decoding and grammars, checked alike on both sides of the pipe."""

from __future__ import annotations

import pytest

from hangar.core.runner import protocol as P


@pytest.mark.parametrize("value", [0, -1, 65, 1000, True, "2", 2.0, None])
def test_n_parallel_is_a_whole_number_from_1_to_64(value) -> None:
    problem = P.LoadOptions(path="m.gguf", n_parallel=value).problem()
    assert problem is not None and "n_parallel" in problem


@pytest.mark.parametrize("value", [1, 2, 8, 64])
def test_good_n_parallel_values_pass(value) -> None:
    assert P.LoadOptions(path="m.gguf", n_ctx=4096, n_parallel=value).problem() is None


def test_each_sequence_needs_a_usable_share_of_the_context() -> None:
    problem = P.LoadOptions(path="m.gguf", n_ctx=512, n_parallel=64).problem()
    assert problem is not None and "per sequence" in problem
    assert P.LoadOptions(path="m.gguf", n_ctx=1024, n_parallel=64).problem() is None


@pytest.mark.parametrize("value", ["", 42, ["root ::= x"], "x" * (P.MAX_GRAMMAR_CHARS + 1)])
def test_a_grammar_is_gbnf_text_of_bounded_size(value) -> None:
    problem = P.GenerateOptions(prompt="x", grammar=value).problem()
    assert problem is not None and "grammar" in problem


def test_the_new_fields_cross_the_pipe() -> None:
    load = P.LoadOptions(path="m.gguf", n_parallel=8)
    assert P.LoadOptions.from_dict(load.to_request(1)) == load
    generate = P.GenerateOptions(prompt="x", grammar='root ::= "a"')
    assert P.GenerateOptions.from_dict(generate.to_request(2)) == generate and generate.problem() is None
    assert P.request("cancel", 7) == {"op": "cancel", "id": 7}
    assert P.ModelInfo.from_dict({"path": "m", "n_parallel": 4}).n_parallel == 4
