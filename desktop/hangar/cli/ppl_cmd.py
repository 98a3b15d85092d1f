"""hangar-cli ppl: a model's perplexity over a text, and its KL divergence against a reference,
computed as llama.cpp's llama-perplexity computes them (core/app/quality.py, engine/perplexity.py).

Progress goes to stderr, one line per chunk with the running PPL; Ctrl-C (or SIGTERM) ends the
worker and removes the reference's log-probabilities file. ``--json`` prints the stored record.
"""

from __future__ import annotations

import argparse

from ..core.app import Hangar
from ..core.runner import protocol as P
from .framework import Result


class Ppl:
    NAME = "ppl"
    HELP = "measure a model's perplexity over a text (and its KL divergence against a reference) the way llama-perplexity does"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        from ..core.runner.runtimes import KINDS

        parser.add_argument("model", metavar="MODEL", help="a GGUF file, or a library model (id, name, repo)")
        text = parser.add_mutually_exclusive_group(required=True)
        text.add_argument("--file", metavar="TEXT", help="a UTF-8 text file to score (your own documents)")
        text.add_argument("--sample", choices=("en", "zh"), help="score a sample text shipped with Hangar (resources/eval/)")
        parser.add_argument("--ctx", type=int, default=512, help="tokens per chunk, llama-perplexity's -c (default: 512)")
        parser.add_argument("--chunks", type=int, default=0, help="score at most this many chunks (default: every whole chunk)")
        parser.add_argument("--reference", metavar="REF", help="a reference model of the same family (F16 or Q8_0) for the KL divergence")
        parser.add_argument("--runtime", choices=KINDS, default=None, help="llama.cpp build to use (default: the best one here)")
        parser.add_argument("--ngl", type=int, default=P.GPU_LAYERS_ALL, help="layers to put on the GPU/NPU (-1: all, the default)")
        parser.add_argument("--threads", type=int, default=0, help="CPU threads (default: one per physical core)")
        parser.add_argument("--force", action="store_true", help="load even if the memory estimate says it does not fit")

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        say = args.out.progress
        text_file = args.file if args.file is not None else app.quality.sample_text(args.sample)

        def progress(update) -> None:
            kld = f", KLD {update.kld_mean:.6f}" if update.kld_mean is not None else ""
            say(f"[{update.phase}] chunk {update.chunk}/{update.n_chunks}: PPL {update.ppl:.4f}{kld}")

        record = app.quality.run(args.model, text_file, ctx=args.ctx, chunks=args.chunks, reference=args.reference, runtime=args.runtime,
                                 n_threads=args.threads or None, n_gpu_layers=args.ngl, force=args.force, on_status=say, on_progress=progress)  # fmt: skip
        return Result(record, describe(record))


def _named(model: dict) -> str:
    return f"{model['name']} ({model['quant'] or '?'})" + (" [synthetic weights]" if model.get("synthetic") else "")


def describe(record: dict) -> str:
    """The record as llama-perplexity's summary reads, for a person."""
    err = f" +/- {record['ppl_err']:.5f}" if record["ppl_err"] is not None else ""
    lines = [
        f"{_named(record['model'])} over {record['text']['name']}: {record['n_chunks']} chunks of {record['n_ctx']} tokens, "
        f"{record['n_scored']:,} tokens scored ({record['n_tokens']:,} in the text), {record['runtime']} on {record['device']}",
        f"  Final estimate: PPL = {record['ppl']:.4f}{err}",
    ]
    kld = record.get("kld")
    if kld:
        ref = record["reference"]
        ref_err = f" +/- {record['reference_ppl_err']:.5f}" if record.get("reference_ppl_err") is not None else ""
        pct = kld["kld_percentiles"]
        dp = kld["dp_percentiles"]
        lines += [
            f"  against {_named(ref)}: its PPL = {record['reference_ppl']:.4f}{ref_err}",
            f"  Mean PPL(base)           : {kld['ppl_base']:10.6f} ± {kld['ppl_base_err']:10.6f} (from its stored log-probabilities, as llama-perplexity)",
            f"  Mean PPL(Q)/PPL(base)    : {kld['ppl_ratio']:10.6f} ± {kld['ppl_ratio_err']:10.6f}",
            f"  Mean ln(PPL(Q)/PPL(base)): {kld['ln_ppl_ratio']:10.6f} ± {kld['ln_ppl_ratio_err']:10.6f}",
            f"  Mean    KLD: {kld['kld_mean']:10.6f} ± {kld['kld_err']:10.6f}",
            "  KLD  " + "  ".join(f"{name}: {pct[name]:.6f}" for name in ("99.0", "95.0", "median", "max")),
            f"  Mean    Δp: {100 * kld['dp_mean']:6.3f} ± {100 * kld['dp_err']:5.3f} %   RMS Δp: {100 * kld['dp_rms']:6.3f} ± {100 * kld['dp_rms_err']:5.3f} %",
            "  Δp   " + "  ".join(f"{name}: {100 * dp[name]:.3f}%" for name in ("1.0", "5.0", "median", "95.0", "99.0")),
            f"  Same top p: {100 * kld['same_top']:6.3f} ± {100 * kld['same_top_err']:5.3f} %",
        ]
    return "\n".join(lines)
