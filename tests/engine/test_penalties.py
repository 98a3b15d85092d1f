"""Presence and frequency penalties reach llama.cpp's penalties sampler on both paths: the
one-sequence path (Llama.generate) and the batched one (engine/sampling.py's chain).

Greedy decoding of the tiny random model soon loops over three bytes ("}{@}{@..."); a large
presence or frequency penalty breaks the loop and the reply uses many more different
characters, which is what a user asking for a penalty notices. Both paths sample alike, so the
same penalised request gives the same text on either.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hangar.core.runner import protocol as P
from hangar.core.runner.client import EngineClient

pytestmark = pytest.mark.slow
PROMPT = "Once upon a time"


def _reply(engine: EngineClient, **options) -> str:
    values = {"prompt": PROMPT, "max_tokens": 48, "temperature": 0.0, "repeat_penalty": 1.0, "ignore_eos": True, **options}
    events = list(engine.generate(P.GenerateOptions(**values)))
    assert isinstance(events[-1], P.Done) and events[-1].n_generated == 48
    return "".join(e.text for e in events if isinstance(e, P.Token))


@pytest.fixture(scope="module", params=[1, 2], ids=["one-sequence", "batched"])
def engine(request, tiny_gguf: Path):
    with EngineClient() as engine:
        engine.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=512 * request.param, n_parallel=request.param))
        yield engine


def test_a_large_penalty_breaks_a_greedy_loop(engine: EngineClient) -> None:
    plain = _reply(engine)
    assert len(set(plain[-24:])) <= 3, f"the unpenalised reply loops: {plain!r}"
    assert _reply(engine, presence_penalty=0.0, frequency_penalty=0.0) == plain, "a penalty of 0 is none"
    for penalty in ({"presence_penalty": 2.0}, {"frequency_penalty": 2.0}):
        penalised = _reply(engine, **penalty)
        assert len(set(penalised)) > 3 * len(set(plain)), (penalty, plain, penalised)
    assert len(set(_reply(engine, presence_penalty=-2.0))) <= len(set(plain)), "a negative penalty favours repeating"


def test_both_paths_penalise_alike(tiny_gguf: Path) -> None:
    replies = []
    for n_parallel in (1, 2):
        with EngineClient() as engine:
            engine.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=512 * n_parallel, n_parallel=n_parallel))
            replies.append((_reply(engine, presence_penalty=1.5), _reply(engine, frequency_penalty=0.7)))
    assert replies[0] == replies[1]
