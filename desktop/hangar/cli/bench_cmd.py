"""hangar-cli bench: llama-bench-exact prompt and generation speed, energy and memory."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core import engine_protocol as P
from ..core.context import AppContext
from ..core.errors import InvalidInput
from .framework import Result


class Bench:
    NAME = "bench"
    HELP = "benchmark a model (or a synthetic model of a real shape) the way llama-bench does"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        from ..core.bench import QUANTS
        from ..core.runtimes import KINDS

        parser.add_argument("model", nargs="?", help="a GGUF file or a library model (id, name, repo)")
        parser.add_argument("--synthetic", metavar="SHAPE", help="benchmark a synthetic model of this shape instead (e.g. 1b)")
        parser.add_argument("--quant", choices=QUANTS, default="Q4_K_M", help="quantisation of the synthetic model (default Q4_K_M)")
        parser.add_argument("-p", "--n-prompt", type=int, default=512)
        parser.add_argument("-n", "--n-gen", type=int, default=128)
        parser.add_argument("-r", "--reps", type=int, default=5)
        parser.add_argument("--threads", type=int, default=0, help="default: one per physical core")
        parser.add_argument("--runtime", choices=KINDS, default="cpu")
        parser.add_argument("--ngl", type=int, default=P.GPU_LAYERS_ALL)
        parser.add_argument("--flash-attn", choices=P.FLASH_ATTN, default="auto")
        parser.add_argument("--batch", type=int, default=2048)
        parser.add_argument("--ubatch", type=int, default=512)
        parser.add_argument("--ctk", default="f16", help="KV cache type for K (f16, q8_0, ...)")
        parser.add_argument("--ctv", default="f16", help="KV cache type for V")
        parser.add_argument("--force", action="store_true", help="run even if the model does not fit the device")

    @staticmethod
    def run(args: argparse.Namespace, ctx: AppContext) -> Result:
        from ..core.bench import store_run, synthetic_model, system_facts
        from ..core.engine_client import EngineClient
        from ..core.fit import estimate_fit
        from ..core.gguf_header import read_header
        from ..core.hardware import detect_hardware
        from ..core.library import Library
        from ..core.runtimes import detect_runtime

        say = args.out.progress
        if bool(args.model) == bool(args.synthetic):
            raise InvalidInput("give either a MODEL or --synthetic SHAPE")
        sha256 = None
        if args.synthetic:
            path = synthetic_model(args.synthetic, args.quant, ctx.paths.cache, say)
        elif Path(args.model).is_file():
            path = Path(args.model).resolve()
        else:
            model = Library(ctx.database).get(args.model)
            path, sha256 = Path(model.path), model.sha256
        header = read_header(path)
        synthetic = header.get("hangar.synthetic") is True
        runtime = detect_runtime(args.runtime, ctx.paths.runtimes_dir)
        if not runtime.available:
            raise InvalidInput(f"The {runtime.label} runtime is not available: {runtime.reason}", hint=f"Add it with: {runtime.install_command}")
        report = detect_hardware(ctx.models_dir)
        accel = [d for d in runtime.devices if d.get("type") in ("gpu", "accel")] if args.runtime != "cpu" and args.ngl != 0 else []
        device, free, kind = (f"{accel[0]['description']} ({accel[0]['name']})", accel[0]["memory_free_bytes"], "gpu") if accel else ("CPU memory", report.memory["available_bytes"], "cpu")
        fit = estimate_fit(header, n_ctx=max(args.n_prompt, args.n_gen) + 1, available_bytes=free, device=device, device_kind=kind)
        if fit.verdict == "does_not_fit" and not args.force:
            raise InvalidInput(f"{path.name} {fit.explain()}.", hint="Pick a smaller model or quantisation, fewer GPU layers, or pass --force.")
        request = {
            "path": str(path), "n_prompt": args.n_prompt, "n_gen": args.n_gen, "reps": args.reps, "n_threads": args.threads or ctx.settings.threads,
            "n_gpu_layers": args.ngl, "n_batch": args.batch, "n_ubatch": args.ubatch, "flash_attn": args.flash_attn,
            "type_k": args.ctk, "type_v": args.ctv, "energy_device": kind,
        }  # fmt: skip
        say(f"benchmarking {path.name}{' (synthetic weights)' if synthetic else ''} on {device} via {runtime.label}")
        with EngineClient(runtime_name=runtime.name, runtime_env=runtime.env()) as client:
            result = client.bench(request, on_progress=lambda stage, fraction: say(f"{stage} ({100 * fraction:.0f}%)"))
            hello = client.hello or {}
        record = {
            **{k: v for k, v in result.items() if k not in ("event", "id")},
            "model": {"path": str(path), "sha256": sha256, "synthetic": synthetic, "size_bytes": path.stat().st_size},
            "synthetic": synthetic,
            "device": device,
            "system": system_facts(report, runtime, hello),
        }
        record["run_id"] = store_run(ctx.database, record)
        label = " [synthetic weights]" if synthetic else ""
        lines = [f"{record['model_type']}{label}, {runtime.label} on {device}, {record['n_threads']} threads"]
        for test in record["results"]:
            lines.append(f"  {test['test']:>8}: {test['avg_ts']:10.2f} ± {test['stddev_ts']:.2f} t/s")
        if record["ttft_ms"] is not None:
            lines.append(f"  time to first token: {record['ttft_ms']:.1f} ms")
        lines.append(f"  peak memory (RSS): {record['peak_rss_bytes'] / 2**20:.0f} MiB")
        energy = record["energy_j_per_token"]
        lines.append(f"  energy: {energy:.4f} J/token" if energy is not None else f"  energy: not measurable here ({record['energy_reason']})")
        return Result(record, "\n".join(lines))
