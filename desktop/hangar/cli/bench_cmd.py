"""hangar-cli bench: llama-bench-exact prompt and generation speed, energy and memory."""

from __future__ import annotations

import argparse

from ..core.app import Hangar
from ..core.bench.variation import ADVICE
from ..core.runner import protocol as P
from .framework import Result
from .run_cmd import add_placement_arguments, vram_limit_bytes


def _progress_printer(say):  # noqa: ANN001, ANN202
    """A line per stage, and one per tenth of a long stage (writing and quantising a synthetic model report every tensor)."""
    shown: dict = {}

    def progress(stage: str, fraction: float | None) -> None:
        step = None if fraction is None else int(10 * fraction)
        if shown.get("stage") == stage and shown.get("step") == step:
            return
        shown.update(stage=stage, step=step)
        say(stage if fraction is None else f"{stage} ({100 * fraction:.0f}%)")

    return progress


class Bench:
    NAME = "bench"
    HELP = "benchmark a model (or a synthetic model of a real shape) the way llama-bench does"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        from ..core.bench.runs import QUANTS
        from ..core.runner.runtimes import KINDS

        parser.add_argument("model", nargs="?", help="a GGUF file or a library model (id, name, repo)")
        parser.add_argument("--synthetic", metavar="SHAPE", help="benchmark a synthetic model of this shape instead (e.g. 1b)")
        parser.add_argument("--quant", choices=QUANTS, default="Q4_K_M", help="quantisation of the synthetic model (default Q4_K_M)")
        parser.add_argument("-p", "--n-prompt", type=int, default=512)
        parser.add_argument("-n", "--n-gen", type=int, default=128)
        parser.add_argument("-r", "--reps", type=int, default=5)
        parser.add_argument("--threads", type=int, default=0, help="default: one per physical core")
        parser.add_argument("--runtime", choices=KINDS, default="cpu")
        parser.add_argument("--ngl", type=int, default=P.GPU_LAYERS_ALL)
        add_placement_arguments(parser, auto=False)  # llama-bench's -ncmoe, -sm, -ts, -mg
        parser.add_argument("--flash-attn", choices=P.FLASH_ATTN, default="auto")
        parser.add_argument("--batch", type=int, default=2048)
        parser.add_argument("--ubatch", type=int, default=512)
        parser.add_argument("--ctk", default="f16", help="KV cache type for K (f16, q8_0, ...)")
        parser.add_argument("--ctv", default="f16", help="KV cache type for V")
        parser.add_argument("--suite", choices=("llama-bench", "localscore"), default="llama-bench",
                            help="llama-bench's pp/tg tests (default) or LocalScore's prompt+generation shapes with its score")
        parser.add_argument("--force", action="store_true", help="run even if the model does not fit the device")
        parser.add_argument("--machine-label", metavar="LABEL", help="the machine's name in the run document (default: the host name)")

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        from ..core.common.errors import ModelTooLarge
        from ..core.fleet.schema import bench_document

        say = args.out.progress
        spec = P.BenchOptions(
            model=args.model or "", synthetic=args.synthetic, quant=args.quant, n_prompt=args.n_prompt, n_gen=args.n_gen, reps=args.reps,
            n_threads=args.threads, runtime=args.runtime, n_gpu_layers=args.ngl, flash_attn=args.flash_attn, n_batch=args.batch,
            n_ubatch=args.ubatch, type_k=args.ctk, type_v=args.ctv, force=args.force, suite=args.suite, n_cpu_moe=args.n_cpu_moe,
            split_mode=args.split_mode, tensor_split=args.tensor_split, main_gpu=args.main_gpu, vram_limit_bytes=vram_limit_bytes(args),
        )  # fmt: skip
        try:
            record = app.bench.run(spec, on_status=say, on_progress=_progress_printer(say),
                                   on_result=lambda t: say(f"{t['test']}: {t['avg_ts']:.2f} ± {t['stddev_ts']:.2f} t/s"))  # fmt: skip
        except ModelTooLarge as exc:
            exc.hint += " Or pass --force to run it anyway."
            raise
        label = " [synthetic weights]" if record["synthetic"] else ""
        lines = [f"{record['model_type']}{label}, {record['system']['runtime']} on {record['device']}, {record['n_threads']} threads"]
        if record.get("n_cpu_moe"):
            lines.append(f"  experts of the first {record['n_cpu_moe']} layers in RAM ({record.get('overridden_tensors', 0)} tensors moved)")
        for test in record["results"]:
            lines.append(f"  {test['test']:>8}: {test['avg_ts']:10.2f} ± {test['stddev_ts']:.2f} t/s")
        if record.get("localscore") is not None:
            lines.append(f"  LocalScore: {record['localscore']:.0f}")
        if record["ttft_ms"] is not None:
            lines.append(f"  time to first token: {record['ttft_ms']:.1f} ms")
        lines.append(f"  peak memory (RSS): {record['peak_rss_bytes'] / 2**20:.0f} MiB")
        energy = record["energy_j_per_token"]
        lines.append(f"  energy: {energy:.4f} J/token" if energy is not None else f"  energy: not measurable here ({record['energy_reason']})")
        unsteady = app.bench.unsteady(record)  # llama-bench's ± over 10 % of the mean: the run is not to be trusted
        warnings = [f"warning: {u.message}" for u in unsteady] + ([str(ADVICE)] if unsteady else [])
        lines += [f"  {line}" for line in warnings]
        for line in warnings if args.json else []:  # stdout holds the JSON document
            say(line)
        # --json prints a hangar.run/1 document (docs/run-schema.md): the record's fields as before, plus the envelope.
        return Result(bench_document(record, args.machine_label), "\n".join(lines))
