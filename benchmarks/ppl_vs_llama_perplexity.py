"""Hangar's perplexity and KL divergence against llama.cpp's own llama-perplexity: same build, models, text and context.

llama-perplexity comes from the same llama.cpp source as the installed llama-cpp-python: found with
--llama-perplexity, or built once by installers/backends/build-runtime.sh into the cache (it builds
llama-bench and llama-perplexity together). The models are one set of Hangar's synthetic weights in
two quantisations made by llama.cpp's quantiser (default: the tiny shape's Q8_0 as the reference and
its Q4_0; ``--shape 1b --reference-quant F16 --quant Q4_K_M`` for the Llama 3.2 1B shape). The text is
resources/eval/sample-en.txt unless --text says otherwise.

Hangar runs as a user runs it (``hangar-cli ppl MODEL --file TEXT --ctx N --chunks N --reference REF
--json``, in a scratch HANGAR_HOME); llama-perplexity runs as its README says: ``-f TEXT -c N --chunks N``
for PPL, ``--kl-divergence-base FILE`` with the reference then ``--kl-divergence`` with the quant. It
prints both sets of figures and how many significant digits agree (target: PPL to 4, KLD to 3).

    .venv/bin/python benchmarks/ppl_vs_llama_perplexity.py [--shape tiny] [--ctx 512] [--chunks 8] [--json]
    .venv/bin/python benchmarks/ppl_vs_llama_perplexity.py --shape 1b --reference-quant F16 --quant Q4_K_M --chunks 4
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from reference_tools import reference_tool  # noqa: E402  (this folder is on sys.path: the script's own)

from hangar.core.bench.runs import QUANTS, synthetic_model  # noqa: E402
from hangar.core.config.paths import app_paths  # noqa: E402
from hangar.engine.model import physical_cores  # noqa: E402


def run_llama_perplexity(binary: Path, args: argparse.Namespace, *extra: str, expect: str) -> str:
    """Its output, run again while the summary is missing: llama.cpp's logger prints from a thread of a log object that
    is never destroyed (common/log.cpp), so lines it has not printed when the process exits are lost, often on a busy machine."""
    command = [str(binary), "-t", str(args.threads), "-c", str(args.ctx), *(["-b", str(args.batch)] if args.batch else []), *extra]
    for _attempt in range(12):
        done = subprocess.run(command, capture_output=True, encoding="utf-8", errors="replace")
        if done.returncode != 0:
            raise SystemExit(f"llama-perplexity failed ({done.returncode}): {done.stderr[-2000:]}")
        if expect in done.stdout + done.stderr:
            return done.stdout + done.stderr
    raise SystemExit(f"llama-perplexity printed no '{expect}' line in twelve runs")


def theirs(binary: Path, args: argparse.Namespace, reference: Path, model: Path, text: Path, base: Path) -> dict[str, str]:
    """The figures as llama-perplexity prints them (text: the decimals it prints are the comparison's precision)."""
    chunks = ["--chunks", str(args.chunks)] if args.chunks else []
    out = run_llama_perplexity(binary, args, "-m", str(model), "-f", str(text), *chunks, expect="Final estimate")
    ppl, ppl_err = re.search(r"Final estimate: PPL = ([\d.]+) \+/- ([\d.]+)", out).groups()
    run_llama_perplexity(binary, args, "-m", str(reference), "-f", str(text), *chunks, "--kl-divergence-base", str(base), expect="Final estimate")
    out = run_llama_perplexity(binary, args, "-m", str(model), "--kl-divergence-base", str(base), "--kl-divergence", expect="Same top p:")

    def printed(label: str, second: bool = False) -> str:
        found = re.search(re.escape(label) + r"\s*:?\s+(-?[\d.]+)(?:\s*±\s*(-?[\d.]+))?", out)
        return found.group(2 if second else 1)

    return {"ppl": ppl, "ppl_err": ppl_err, "kld_mean": printed("Mean    KLD:"), "kld_err": printed("Mean    KLD:", second=True),
            "kld_99": printed("99.0%   KLD:"), "kld_median": printed("Median  KLD:"), "ppl_ratio": printed("Mean PPL(Q)/PPL(base)"),
            "same_top_%": printed("Same top p:"), "dp_rms_%": printed("RMS Δp    :")}  # fmt: skip


def ours(args: argparse.Namespace, reference: Path, model: Path, text: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="hangar-ppl-bench-") as home:
        command = [sys.executable, "-m", "hangar.cli", "ppl", str(model), "--file", str(text), "--ctx", str(args.ctx), "--chunks", str(args.chunks),
                   "--reference", str(reference), "--threads", str(args.threads), "--runtime", "cpu", "--json"]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "HANGAR_HOME": home})
        if done.returncode != 0:
            raise SystemExit(f"hangar-cli ppl failed: {done.stderr[-2000:]}")
        record = json.loads(done.stdout)
    kld = record["kld"]
    return {"ppl": record["ppl"], "ppl_err": record["ppl_err"], "kld_mean": kld["kld_mean"], "kld_err": kld["kld_err"],
            "kld_99": kld["kld_percentiles"]["99.0"], "kld_median": kld["kld_percentiles"]["median"], "ppl_ratio": kld["ppl_ratio"],
            "same_top_%": 100 * kld["same_top"], "dp_rms_%": 100 * kld["dp_rms"], "n_chunks": record["n_chunks"], "n_scored": record["n_scored"],
            "n_tokens": record["n_tokens"]}  # fmt: skip


TARGET = {"ppl": 4, "ppl_err": 3, "kld_mean": 3}  # significant digits the issue asks for (#18's acceptance)


def significant(printed: str) -> int:
    return len(printed.replace("-", "").replace(".", "").lstrip("0"))


def agreeing(value: float, printed: str) -> int:
    """Leading significant digits on which Hangar's value and llama-perplexity's printed one agree (at most as many as it printed)."""
    theirs_value = float(printed)
    for k in range(significant(printed), 0, -1):
        if float(f"{value:.{k}g}") == float(f"{theirs_value:.{k}g}"):
            return k
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--llama-perplexity", help="path to llama-perplexity (default: build it once from the same source)")
    parser.add_argument("--shape", default="tiny", help="synthetic shape (default tiny; 1b for the Llama 3.2 1B shape)")
    parser.add_argument("--reference-quant", choices=QUANTS, default="Q8_0")
    parser.add_argument("--quant", choices=QUANTS, default="Q4_0")
    parser.add_argument("--text", type=Path, default=ROOT / "resources" / "eval" / "sample-en.txt")
    parser.add_argument("--ctx", type=int, default=512)
    parser.add_argument("--chunks", type=int, default=8)
    parser.add_argument("--batch", type=int, default=0, help="llama-perplexity's -b (default: its own, 2048; below a 512 context give -b equal to --ctx)")
    parser.add_argument("--threads", type=int, default=physical_cores())
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    binary = reference_tool("llama-perplexity", args.llama_perplexity)
    cache = app_paths().cache
    reference = synthetic_model(args.shape, args.reference_quant, cache, lambda m: print(m, file=sys.stderr, flush=True))
    model = synthetic_model(args.shape, args.quant, cache, lambda m: print(m, file=sys.stderr, flush=True))
    print(f"{model.name} against {reference.name} over {args.text.name}: -c {args.ctx} --chunks {args.chunks}, {args.threads} threads, "
          f"llama-perplexity {binary}", file=sys.stderr, flush=True)  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="llama-perplexity-base-") as scratch:
        reference_figures = theirs(binary, args, reference, model, args.text, Path(scratch) / "base.kld")
    hangar = ours(args, reference, model, args.text)
    rows = [(name, hangar[name], printed, agreeing(hangar[name], printed)) for name, printed in reference_figures.items()]
    met = all(agree >= TARGET.get(name, 0) for name, _value, _printed, agree in rows)
    if args.json:
        print(json.dumps({"shape": args.shape, "model": model.name, "reference": reference.name, "text": args.text.name, "ctx": args.ctx,
                          "chunks": hangar["n_chunks"], "n_scored": hangar["n_scored"], "threads": args.threads, "target_met": met,
                          "figures": {n: {"hangar": h, "llama_perplexity": p, "agreeing_digits": a, "printed_digits": significant(p)} for n, h, p, a in rows}},
                         indent=2))  # fmt: skip
        return 0 if met else 1
    print(f"{hangar['n_chunks']} chunks of {args.ctx} tokens, {hangar['n_scored']:,} tokens scored ({hangar['n_tokens']:,} in the text)")
    print(f"{'figure':<11} {'hangar-cli ppl':>20} {'llama-perplexity':>18}  agreeing / printed significant digits")
    for name, value, printed, agree in rows:
        target = f"  (target {TARGET[name]})" if name in TARGET else ""
        print(f"{name:<11} {value:>20.10g} {printed:>18}  {agree} / {significant(printed)}{target}")
    print("target met" if met else "TARGET NOT MET")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
