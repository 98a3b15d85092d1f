"""One sampler chain per sequence, built the way llama-cpp-python's ``Llama`` builds its own.

Both decoders use it: the single-sequence loop (decode.py) and the batched one (batch.py), which
gives every sequence its own chain so that temperature, top-k/top-p/min-p, the repeat, presence
and frequency penalties, the seed and a grammar are per request. The chain is the one
``Llama._init_sampler`` makes (penalties, grammar, then greedy at temperature 0 or
top-k, typical, top-p, min-p, temperature and a seeded draw), so a request samples the same
way whichever path runs it. A GBNF grammar llama.cpp cannot parse is refused here
(llama.cpp answers NULL, which a chain must never be given).

``llama_sampler_init_penalties`` in llama-cpp-python 0.3.36 (llama.h of its llama.cpp) takes
``(n_vocab, penalty_last_n, penalty_repeat, penalty_freq, penalty_present)``, as
``Llama._init_sampler`` calls it; the penalties count the tokens the chain accepted, which are
the generated ones (``llama_sampler_sample`` accepts each, so no ``llama_sampler_accept`` follows).
"""

from __future__ import annotations

from ..core.runner import protocol as P
from ..core.runner.protocol import QT_TR_NOOP
from .model import WorkerError

PENALTY_LAST_N = 64  # Llama's last_n_tokens_size default


def sampler_chain(low, vocab, n_vocab: int, options: P.GenerateOptions, seed: int):
    """A new chain (free it with ``llama_sampler_free``); WorkerError for a grammar llama.cpp refuses."""
    chain = low.llama_sampler_chain_init(low.llama_sampler_chain_default_params())

    def add(sampler) -> None:
        low.llama_sampler_chain_add(chain, sampler)

    add(low.llama_sampler_init_penalties(n_vocab, PENALTY_LAST_N, options.repeat_penalty, options.frequency_penalty, options.presence_penalty))
    if options.grammar is not None:
        grammar = low.llama_sampler_init_grammar(vocab, options.grammar.encode("utf-8"), b"root")
        if not grammar:
            low.llama_sampler_free(chain)
            raise WorkerError(P.E_BAD_REQUEST, QT_TR_NOOP("The grammar could not be parsed (GBNF with a rule named root is expected)."))
        add(grammar)
    if options.temperature == 0.0:
        add(low.llama_sampler_init_greedy())
    else:
        add(low.llama_sampler_init_top_k(options.top_k))
        add(low.llama_sampler_init_typical(1.0, 1))
        add(low.llama_sampler_init_top_p(options.top_p, 1))
        add(low.llama_sampler_init_min_p(options.min_p, 1))
        add(low.llama_sampler_init_temp(options.temperature))
        add(low.llama_sampler_init_dist(seed))
    return chain
