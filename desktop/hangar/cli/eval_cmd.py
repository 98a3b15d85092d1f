"""hangar-cli eval: an evaluation suite over one or more models, with fixed sampling (core/app/evals.py).

SUITE is a suite file (docs/eval-suites.md) or a shipped suite's name (instructions-en,
instructions-zh, json-extraction). Progress goes to stderr; the table gives each model's accuracy
with its Wilson 95 % interval, the items, tokens/s and time to first token, per scorer, and for
two or more models the paired comparison (McNemar's exact test), which names a better model only
when the difference is beyond chance. ``--json`` prints the whole record with every item's reply
and score; ``--out`` writes a report (HTML, CSV or JSON by its suffix). Ctrl-C (or SIGTERM)
cancels within a fraction of a second and still prints, stores and writes what was measured.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.app import Hangar
from ..core.app.evals import EvalFailed, EvalFinished, EvalItemDone, EvalModelDone, EvalProgress, EvalStatus
from ..core.evals.export import label, verdict
from ..core.evals.runner import EvalSettings
from ..core.runner import protocol as P
from .framework import Result
from .interrupts import interrupted


class Eval:
    NAME = "eval"
    HELP = "run an evaluation suite (JSONL) over one or more models with fixed sampling: accuracy with a 95% interval, per item"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        from ..core.runner.runtimes import KINDS

        parser.add_argument("suite", metavar="SUITE", help="a suite file (.jsonl, docs/eval-suites.md) or a shipped suite: "
                            "instructions-en, instructions-zh, json-extraction")  # fmt: skip
        parser.add_argument("models", metavar="MODEL", nargs="+", help="GGUF files or library models (id, name, repo), run one after the other")
        parser.add_argument("--max-tokens", type=int, default=256, help="tokens per reply for items and suites that set none (default: 256)")
        parser.add_argument("--ctx", type=int, default=4096, help="context size each model is loaded with (default: 4096)")
        parser.add_argument("--runtime", choices=KINDS, default=None, help="llama.cpp build to use (default: the best one here)")
        parser.add_argument("--ngl", type=int, default=P.GPU_LAYERS_ALL, help="layers to put on the GPU/NPU (-1: all, the default)")
        parser.add_argument("--threads", type=int, default=0, help="CPU threads (default: one per physical core)")
        parser.add_argument("--force", action="store_true", help="load a model even if the memory estimate says it does not fit")
        parser.add_argument("--out", dest="report", type=Path, metavar="REPORT", help="write a report: .html (self-contained), .csv or .json")

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        say = args.out.progress
        settings = EvalSettings(max_tokens=args.max_tokens, n_ctx=args.ctx, runtime=args.runtime, n_gpu_layers=args.ngl,
                                n_threads=args.threads or None, force=args.force)  # fmt: skip
        app.evals.load_suite(app.evals.resolve_suite(args.suite))  # a bad line is refused here, before the first model loads
        run = app.evals.start(args.suite, args.models, settings)
        stopped: KeyboardInterrupt | None = None
        outcome = None
        while outcome is None:
            try:
                for update in run.take_updates():
                    outcome = _show(update, say) or outcome
                if outcome is None and run.join(0.1) and not run.outbox:
                    break  # the thread ended and its last word was taken
            except KeyboardInterrupt as exc:  # Ctrl-C (or SIGTERM): cancel, then print what was measured
                if stopped is not None:
                    raise
                stopped = exc
                say("cancelling ...")
                run.cancel()
        if isinstance(outcome, EvalFailed):
            raise outcome.error
        record = outcome.record if outcome is not None else run.record
        if record is None:
            raise stopped or RuntimeError("the evaluation ended without a record")
        if args.report is not None and any(m["items"] for m in record["models"]):
            written = app.evals.export(record["models"], args.report)
            say(f"report written to {written}")
        ok = any(m["status"] == "ok" for m in record["models"])
        exit_code = interrupted(stopped)[1] if stopped is not None else (0 if ok else 1)
        return Result(record, None if args.json else table(record), exit_code=exit_code)


def _show(update, say):  # noqa: ANN001, ANN202
    """Progress on stderr; the final update is returned."""
    if isinstance(update, EvalStatus):
        say(update.text)
    elif isinstance(update, EvalProgress) and update.done:
        if update.done == update.n_items or update.done % 5 == 0:
            say(f"  [{update.model_index + 1}/{update.n_models}] {update.model}: {update.done}/{update.n_items} items, {update.passed} right")
    elif isinstance(update, EvalItemDone) and update.item.get("error"):
        say(f"  item {update.item['item_id']} (line {update.item['line']}): {update.item['error']}")
    elif isinstance(update, EvalModelDone):
        result = update.result
        if result["status"] == "failed":
            say(f"  {result['model']['name']} failed: {result['error']}")
        elif result.get("run_id"):
            say(f"  stored as evaluation run #{result['run_id']}")
    elif isinstance(update, (EvalFinished, EvalFailed)):
        return update
    return None


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def table(record: dict) -> str:
    """A line per model (accuracy with its interval, items, speed), its scorers, then the paired comparisons."""
    suite, settings = record["suite"], record["settings"]
    lines = [f"{suite['name']}: {suite['n_items']} items; greedy sampling (temperature {settings['temperature']:g}, seed {settings['seed']}), "
             f"{settings['max_tokens']} tokens at most per reply where the suite sets none", "",
             f"  {'model':<34} {'status':<9} {'accuracy':>8}  {'95% interval':<15} {'passed':>7} {'tokens/s':>9} {'TTFT':>8}"]  # fmt: skip
    notes = []
    for model in record["models"]:
        s = model["summary"]
        interval = "" if s["low"] is None else f"{_pct(s['low'])}-{_pct(s['high'])}"
        speed = "-" if s["tokens_per_s"] is None else f"{s['tokens_per_s']:.1f}"
        ttft = "-" if s["mean_ttft_ms"] is None else f"{s['mean_ttft_ms']:.0f} ms"
        name = label(model)
        lines.append(f"  {name[:34]:<34} {model['status']:<9} {_pct(s['accuracy']):>8}  {interval:<15} {s['passed']:>3}/{s['n']:<3} {speed:>9} {ttft:>8}")
        if s["by_scorer"]:
            lines.append("      " + ", ".join(f"{k} {v['passed']}/{v['n']}" for k, v in s["by_scorer"].items()))
        if model.get("error"):
            notes.append(f"  {name}: {model['error']}")
        if model["model"].get("synthetic"):
            notes.append(f"  {name}: synthetic weights, made for tests: its answers say nothing about a real model")
    if record["status"] == "cancelled":
        notes.append("  cancelled: the figures are over the items answered before the cancel")
    if record["comparisons"]:
        lines += ["", "  paired comparison (McNemar's exact test, on the items both answered):"]
        for p in record["comparisons"]:
            lines.append(f"    {p['a']} vs {p['b']}: {p['n']} items, only A right {p['only_a']}, only B right {p['only_b']} -> {verdict(p)}")
    return "\n".join(lines + ([""] + notes if notes else []))
