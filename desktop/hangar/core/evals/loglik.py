"""Log-likelihood items: the model picks the choice it finds most likely after the prompt, as
llama.cpp's llama-perplexity ``--multiple-choice`` scores ARC, MMLU or TruthfulQA tasks.

Each choice becomes the text ``prompt + " " + choice`` (llama-perplexity joins question and
answer with one space); the worker's ``score`` op (engine/scoring.py) returns, per text, the
summed log-probability of its tokens after the context all texts share. The model's answer is
the choice with the highest mean log-probability per token (llama-perplexity's ``log_prob /
count``), so a long answer is not punished for its length; ties go to the first. Nothing is
generated and no chat template is applied: the prompt is the raw context.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..common.i18n import QT_TR_NOOP
from ..runner import protocol as P
from .suite import Item


@dataclass(frozen=True)
class Choice:
    index: int
    means: list[float]  # mean log-probability per token of each choice's ending
    n_tokens: int  # tokens decoded (the context once, each ending)
    total_ms: float
    tokens_per_s: float


def texts_for(item: Item) -> list[str]:
    return [f"{item.prompt} {choice}" for choice in item.choices or []]


def pick(answer: P.Score) -> Choice:
    means = [lp / n if n else float("-inf") for lp, n in zip(answer.logprob, answer.n_scored)]
    best = max(range(len(means)), key=lambda i: (means[i], -i))
    decoded = answer.n_prefix + sum(answer.n_scored)
    return Choice(best, means, decoded, answer.total_ms, answer.tokens_per_s)


def score_item(client, item: Item) -> tuple[bool, str, Choice]:  # noqa: ANN001 - an EngineClient
    """Score ``item``'s choices with the loaded model; EngineError if the worker refuses (a choice longer than the context)."""
    chosen = pick(client.score(P.ScoreOptions(texts=texts_for(item))))
    mean = chosen.means[chosen.index]
    if chosen.index == item.expected:
        return True, QT_TR_NOOP("chose {index} ({choice}), mean log-probability {mean:.3f}", index=chosen.index, choice=_short(item.choices[chosen.index]),
                                mean=mean), chosen  # fmt: skip
    right = chosen.means[item.expected]
    return False, QT_TR_NOOP("chose {index} ({choice}, {mean:.3f}) over {expected} ({right:.3f})", index=chosen.index,
                             choice=_short(item.choices[chosen.index]), mean=mean, expected=item.expected, right=right), chosen  # fmt: skip


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
