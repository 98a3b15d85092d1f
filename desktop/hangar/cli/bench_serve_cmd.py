"""hangar-cli bench-serve: a serving benchmark (vLLM's ``vllm bench serve`` method and field names) of any
OpenAI-compatible endpoint (an address, or the name of an endpoint saved with ``hangar-cli endpoints add``),
or of Hangar's own server started for the run (TARGET ``local``).

Progress goes to stderr, a table to stdout (or the run document with --json; --out FILE writes it too).
Ctrl-C cancels within a fraction of a second and still prints what was measured. The API key comes from
--api-key-file or HANGAR_API_KEY, never from the command line, and never appears in any output.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace
from pathlib import Path

from ..core.app import Hangar
from ..core.app.serve_bench import (
    BenchServeService,
    LocalServe,
    ServeBenchFailed,
    ServeBenchFinished,
    ServeBenchProgress,
    ServeBenchStatus,
    api_key,
    leaves_this_machine,
)
from ..core.loadgen.benchmark import BenchServeSpec
from ..core.loadgen.client import Retry
from ..core.loadgen.metrics import Slo
from ..core.loadgen.sweep import LoadShape
from ..core.loadgen.target import DEFAULT_TIMEOUT_S, Target
from ..core.loadgen.workload import ENDPOINTS, WorkloadSpec
from .framework import Result
from .interrupts import interrupted

NAME = "bench-serve"
HELP = "measure an OpenAI-compatible endpoint (or 'local': Hangar's own server) under concurrent load, as vllm bench serve does"


def _levels(text: str) -> list[int]:
    try:
        levels = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of whole numbers: {text!r} (for example 1,2,4,8)") from None
    if not levels or any(n < 1 for n in levels):
        raise argparse.ArgumentTypeError(f"concurrency levels must be 1 or more: {text!r}")
    return levels


class _RefuseKey(argparse.Action):
    """--api-key VALUE: refused without repeating the value (it would be in the shell's history and the process list;
    without this option argparse would take it as an abbreviation of --api-key-file and name the "file")."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:  # noqa: ANN001
        parser.error("an API key is never taken on the command line: put it in a file and pass --api-key-file FILE, or set HANGAR_API_KEY")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..core.runner.runtimes import KINDS

    parser.add_argument("target", metavar="TARGET",
                        help="the endpoint's base URL (http://host:port or .../v1), a saved endpoint's name (hangar-cli endpoints list), or 'local' for Hangar's own server")
    parser.add_argument("--model", metavar="M", help="the model to ask for (local: a library model; an endpoint: default the first it lists)")
    parser.add_argument("--concurrency", type=_levels, default=[1, 2, 4, 8, 16], metavar="N,N,...", help="levels of concurrent requests (default 1,2,4,8,16)")
    parser.add_argument("--prompt-tokens", type=int, default=512, metavar="N", help="prompt length, as the endpoint's tokenizer counts it (default 512)")
    parser.add_argument("--output-tokens", type=int, default=128, metavar="N", help="max_tokens of each request (default 128)")
    parser.add_argument("--requests", type=int, default=64, metavar="N", help="requests per level (default 64)")
    parser.add_argument("--rate", type=float, default=None, metavar="R", help="arrivals per second (Poisson; default: all at once, a closed loop)")
    parser.add_argument("--burstiness", type=float, default=1.0, metavar="B", help="gamma shape of the arrival gaps (1: Poisson; default 1)")
    parser.add_argument("--prompt-file", type=Path, default=None, metavar="F", help="prompts of your own: text (one a line) or JSONL with prompt or messages")
    parser.add_argument("--endpoint", choices=ENDPOINTS, default="completions", help="the API route to load (default completions)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the prompts and arrivals (default 0)")
    parser.add_argument("--slo-ttft-ms", type=float, default=None, metavar="X", help="goodput: time to first token at most X ms")
    parser.add_argument("--slo-tpot-ms", type=float, default=None, metavar="Y", help="goodput: time per output token at most Y ms")
    parser.add_argument("--slo-e2el-ms", type=float, default=None, metavar="Z", help="goodput: end-to-end latency at most Z ms")
    parser.add_argument("--api-key-file", type=Path, default=None, metavar="F",
                        help="a file holding the endpoint's API key (else a saved endpoint's key from the keyring, else HANGAR_API_KEY)")
    parser.add_argument("--api-key", action=_RefuseKey, help=argparse.SUPPRESS)
    parser.add_argument("--ca-bundle", type=Path, default=None, metavar="F", help="certificate authority (PEM) that signed the endpoint's certificate")
    parser.add_argument("--label", default=None, metavar="NAME",
                        help="the name of what was measured in the fleet comparison (default: a saved endpoint's name, else this machine's hostname)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, metavar="S",
                        help=f"per request: the longest wait for the first token or between chunks (default {DEFAULT_TIMEOUT_S:g} s)")
    parser.add_argument("--out", dest="out_file", type=Path, default=None, metavar="FILE", help="also write the run document (JSON) to FILE")
    local = parser.add_argument_group("local target")
    local.add_argument("--runtime", choices=KINDS, default=None, help="llama.cpp build for 'local' (default: the best on this machine)")
    local.add_argument("--ctx", type=int, default=None, metavar="N", help="context of the local worker (default: the highest concurrency x one request)")


def _spec(args: argparse.Namespace, target: Target | None, model: str | None) -> BenchServeSpec:
    workload = WorkloadSpec(prompt_tokens=args.prompt_tokens, output_tokens=args.output_tokens, requests=args.requests, seed=args.seed,
                            endpoint=args.endpoint, prompt_file=args.prompt_file)  # fmt: skip
    slo = Slo(args.slo_ttft_ms, args.slo_tpot_ms, args.slo_e2el_ms)
    return BenchServeSpec(target, model, workload, LoadShape(args.concurrency, args.rate, args.burstiness), slo, Retry(), args.label)


def run(args: argparse.Namespace, app: Hangar) -> Result:
    say = args.out.progress
    service = app.serve_bench  # finished runs go to the fleet store
    word = args.target.strip()
    if word.lower() == "local":
        return _measure_local(args, service, say)
    if service.saved_endpoint(word):  # its address, its key from the keyring and its CA bundle; the policy may forbid it
        key = api_key(args.api_key_file) if args.api_key_file is not None else None  # a file given wins over the keyring
        target = service.endpoint_target(word, timeout_s=args.timeout, api_key=key, ca_bundle=args.ca_bundle)
        if target.api_key is None:  # none in the keyring either: HANGAR_API_KEY, if set
            target = replace(target, api_key=api_key(None))
        if args.label is None:
            args.label = word
    else:
        target = Target(word, api_key=api_key(args.api_key_file), ca_bundle=args.ca_bundle, timeout_s=args.timeout, kind="endpoint")
    if leaves_this_machine(target):
        say(f"Prompts and replies leave this machine and go to {target.base_url}.")
    return _measure(args, service, _spec(args, target, args.model), say)


def _measure_local(args: argparse.Namespace, service: BenchServeService, say) -> Result:
    """Hangar's own server for the run: on 127.0.0.1, a free port, a one-time key, --parallel = the highest level."""
    spec = _spec(args, None, args.model)
    local = LocalServe(args.model, runtime=args.runtime, n_ctx=args.ctx, timeout_s=args.timeout)
    with service.local_server(local, spec.shape, spec.workload, on_status=say) as server:
        spec.target, spec.model = server.target, server.model
        return _measure(args, service, spec, say)


def _measure(args: argparse.Namespace, service: BenchServeService, spec: BenchServeSpec, say) -> Result:
    run = service.start(spec)
    stopped: KeyboardInterrupt | None = None
    shown_at = 0.0
    outcome = None
    while outcome is None:
        try:
            for update in run.take_updates():
                if isinstance(update, ServeBenchStatus):
                    say(update.text)
                elif isinstance(update, ServeBenchProgress):
                    p = update.progress
                    now = time.monotonic()
                    if p.finished == p.total or now - shown_at >= 1.0:
                        shown_at = now
                        say(f"  concurrency {p.max_concurrency}: {p.finished}/{p.total} requests" + (f" ({p.failed} failed)" if p.failed else ""))
                elif isinstance(update, (ServeBenchFinished, ServeBenchFailed)):
                    outcome = update
            if outcome is None and run.join(0.1) and not run.outbox:
                outcome = run.outcome  # the thread has ended: its last word, even if an interrupt cost us the update
        except KeyboardInterrupt as exc:  # Ctrl-C (or SIGTERM): cancel, then print what was measured
            if stopped is not None:
                raise
            stopped = exc
            say("cancelling ...")
            run.cancel()
    if isinstance(outcome, ServeBenchFailed):
        raise outcome.error
    document = outcome.document
    if stopped is not None and not document["levels"]:
        raise stopped  # nothing was measured: the plain "interrupted" (a document needs a level)
    if outcome.run_id is not None:
        say(f"stored as fleet run #{outcome.run_id} (hangar-cli fleet compare shows it beside other machines)")
    if args.out_file is not None:
        args.out_file.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        say(f"run document written to {args.out_file}")
    exit_code = interrupted(stopped)[1] if stopped is not None else (0 if any(level["status"] == "ok" for level in document["levels"]) else 1)
    return Result(document, None if args.json else table(document), exit_code=exit_code)


def _pair(level: dict, metric: str) -> str:
    median, p99 = level[f"median_{metric}_ms"], level[f"p99_{metric}_ms"]
    return "-" if median is None else f"{median:.1f}/{p99:.1f}"


def table(document: dict) -> str:
    """One line per level: req/s, output tok/s, TTFT/TPOT/ITL/E2EL median/p99 (ms), goodput."""
    target, work = document["target"], document["workload"]
    prompts = f"{work['prompt_tokens']}-token prompts" if work["prompt_tokens"] is not None else "prompts from a file"
    load = f"{work['rate']:g} req/s" + (f" (burstiness {work['burstiness']:g})" if work["burstiness"] != 1 else "") if work["rate"] else "closed loop"
    lines = [f"{target['model']} at {target['base_url']} ({target['engine'] or target['kind']}), {document['machine']['label']}",
             f"{work['requests']} requests per level, {prompts}, {work['output_tokens']} output tokens, {load}, {work['endpoint']} endpoint",
             "",
             f"{'conc':>4}  {'status':<9} {'ok/fail':>7} {'req/s':>7} {'out tok/s':>9}  {'TTFT ms':>13} {'TPOT ms':>11} {'ITL ms':>11} {'E2EL ms':>15}  {'goodput':>7}",
             f"{'':>4}  {'':<9} {'':>7} {'':>7} {'':>9}  {'med/p99':>13} {'med/p99':>11} {'med/p99':>11} {'med/p99':>15}  {'req/s':>7}"]  # fmt: skip
    notes = []
    for level in document["levels"]:
        estimated = "~" if level["tokens_estimated"] else ""
        goodput = "-" if level["request_goodput"] is None else f"{level['request_goodput']:.2f}"
        lines.append(f"{level['max_concurrency']:>4}  {level['status']:<9} {level['completed']:>3}/{level['failed']:<3} {level['request_throughput']:>7.2f} "
                     f"{estimated + format(level['output_throughput'], '.1f'):>9}  {_pair(level, 'ttft'):>13} {_pair(level, 'tpot'):>11} "
                     f"{_pair(level, 'itl'):>11} {_pair(level, 'e2el'):>15}  {goodput:>7}")  # fmt: skip
        if level["error"]:
            notes.append(f"  concurrency {level['max_concurrency']}: {level['error']}")
    if any(level["tokens_estimated"] for level in document["levels"]):
        notes.append("  ~ the endpoint sent no usage: token counts are estimated from the streamed chunks")
    slo = work["slo"]
    given = [f"{name} <= {slo[key]:g} ms" for name, key in (("TTFT", "ttft_ms"), ("TPOT", "tpot_ms"), ("E2EL", "e2el_ms")) if slo[key] is not None]
    if given:
        notes.append("  goodput: requests per second meeting " + ", ".join(given))
    return "\n".join(lines + ([""] + notes if notes else []))
