"""The worker's score op against the same sums computed here from every logit llama.cpp gives
(``Llama(logits_all=True)``), and llama-perplexity's choice: the highest mean per token."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from hangar.core.evals.loglik import pick
from hangar.core.runner import protocol as P
from hangar.core.runner.client import EngineClient, EngineError

pytestmark = pytest.mark.slow

TEXTS = ["The capital of France is Paris", "The capital of France is Rome", "The capital of France is a city called Lyon, I think"]


def _reference(path: Path, texts: list[str]) -> tuple[list[float], int]:
    """Summed log-probabilities of each text's tokens after the shared prefix, from the full logits of each text alone."""
    import llama_cpp

    llm = llama_cpp.Llama(model_path=str(path), n_ctx=256, logits_all=True, verbose=False, n_threads=1)
    try:
        sequences = [llm.tokenize(t.encode(), add_bos=True, special=False) for t in texts]
        prefix = 0
        while all(len(s) > prefix for s in sequences) and len({s[prefix] for s in sequences}) == 1:
            prefix += 1
        sums = []
        for tokens in sequences:
            llm.reset()
            llm.eval(tokens)
            logits = np.array(llm.scores[: len(tokens)], dtype=np.float64)
            logp = logits - logits.max(axis=1, keepdims=True)
            logp -= np.log(np.exp(logp).sum(axis=1, keepdims=True))
            sums.append(float(sum(logp[j - 1][tokens[j]] for j in range(prefix, len(tokens)))))
        return sums, prefix
    finally:
        llm.close()


def test_score_equals_the_sums_from_every_logit(tiny_gguf: Path) -> None:
    expected, prefix = _reference(tiny_gguf, TEXTS)
    with EngineClient() as client:
        client.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=256, n_batch=8))  # endings longer than a batch: decoded in pieces
        answer = client.score(P.ScoreOptions(texts=TEXTS))
        assert answer.n_prefix == prefix and answer.n_tokens[0] == prefix + answer.n_scored[0]
        assert answer.logprob == pytest.approx(expected, abs=1e-3)  # float32 logits, other batch sizes: 1e-4 apart
        chosen = pick(answer)
        assert chosen.means == pytest.approx([lp / n for lp, n in zip(answer.logprob, answer.n_scored)])
        assert chosen.index == max(range(3), key=lambda i: chosen.means[i])
        again = client.score(P.ScoreOptions(texts=list(reversed(TEXTS))))
        assert again.logprob == pytest.approx(list(reversed(answer.logprob)), abs=1e-6), "each ending alone, whatever came before it"
        done = list(client.generate(P.GenerateOptions(prompt="hello", max_tokens=3, temperature=0)))[-1]
        assert isinstance(done, P.Done) and done.n_generated == 3, "generation after scoring starts from a clean cache"


def test_an_answer_that_is_a_prefix_of_another_still_has_an_ending(tiny_gguf: Path) -> None:
    with EngineClient() as client:
        client.load(P.LoadOptions(path=str(tiny_gguf), n_ctx=128))
        answer = client.score(P.ScoreOptions(texts=["ab", "abc", "ab"]))
        assert min(answer.n_scored) >= 1 and answer.logprob[0] == pytest.approx(answer.logprob[2])
        with pytest.raises(EngineError) as caught:
            client.score(P.ScoreOptions(texts=["x" * 200, "y"]))
        assert caught.value.code == P.E_CONTEXT_FULL and "texts[0] has" in caught.value.message


def test_score_requests_are_checked_before_they_are_sent() -> None:
    assert "must hold 2 to 64 texts" in P.ScoreOptions(texts=["only one"]).problem()
    assert "texts[1] must be a text that is not empty" in P.ScoreOptions(texts=["a", ""]).problem()
    assert P.ScoreOptions(texts=["a", "b"]).problem() is None
