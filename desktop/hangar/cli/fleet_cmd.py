"""hangar-cli fleet: runs from other machines beside this one's, compared and costed.

    hangar-cli fleet import FILE...            hangar.run/1 files (bench --json, bench-serve --json)
    hangar-cli fleet add-local [--run ID]      this machine's latest (or that) benchmark, a single stream
    hangar-cli fleet list | delete ID
    hangar-cli fleet compare [--concurrency N]
    hangar-cli fleet cost [--machine LABEL --price-per-hour X | --purchase-price X --lifetime-hours H ...]
    hangar-cli fleet report --out report.html
    hangar-cli fleet export --format csv|json [--out FILE]
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from ..core.app import Hangar
from .framework import Result

COST_OPTIONS = {  # option -> FleetCostInputs field
    "price_per_hour": "an hourly price of the machine (a cloud instance, a lease)",
    "purchase_price": "or what it cost to buy ...",
    "lifetime_hours": "... spread over this many hours in service (3 years: 26280)",
    "electricity_per_kwh": "electricity price per kWh",
    "power_watts": "power draw in watts, used where the run measured none",
    "pue": "power usage effectiveness of the building, at least 1 (default 1.0)",
    "utilisation": "share of the time the machine does useful work, in (0, 1] (default 1.0)",
}


def _json_option(parser: argparse.ArgumentParser) -> None:
    # The command's own --json sits before the action; this one lets it come after too. SUPPRESS keeps
    # the action's parser from resetting a --json given before it.
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print one JSON document on stdout")


class Fleet:
    NAME = "fleet"
    HELP = "import runs from other machines and compare them side by side, with total cost per million output tokens"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
        p = actions.add_parser("import", help="import hangar.run/1 files (hangar-cli bench --json, bench-serve --json)")
        p.add_argument("files", nargs="+", metavar="FILE")
        p = actions.add_parser("add-local", help="add this machine's latest benchmark run (or --run ID) as a single-stream fleet run")
        p.add_argument("--run", type=int, metavar="ID")
        p.add_argument("--machine-label", metavar="LABEL", help="default: the host name")
        actions.add_parser("list", help="the stored fleet runs")
        p = actions.add_parser("delete", help="remove one fleet run")
        p.add_argument("run_id", type=int, metavar="ID")
        p = actions.add_parser("compare", help="machines side by side: throughput per concurrency, latency percentiles, J/token")
        p.add_argument("--concurrency", type=int, metavar="N", help="only this level of each sweep")
        p = actions.add_parser("cost", help="cost per million output tokens per machine; with --machine, set that machine's inputs first")
        p.add_argument("--machine", metavar="LABEL", help="the machine whose cost inputs the options below set")
        for name, text in COST_OPTIONS.items():
            p.add_argument(f"--{name.replace('_', '-')}", type=float, metavar="X", help=text)
        p.add_argument("--currency", help="USD, CNY, EUR ...")
        p.add_argument("--pick-concurrency", type=int, metavar="N", help="cost this machine at level N instead of the best that meets the SLO (0: back to the best)")
        p.add_argument("--concurrency", type=int, metavar="N", help="cost every machine at level N, for this command only")
        p = actions.add_parser("report", help="write the HTML report (method, inputs, tables, charts, raw samples)")
        p.add_argument("--out", dest="out_file", metavar="FILE", required=True)
        p.add_argument("--concurrency", type=int, metavar="N")
        p = actions.add_parser("export", help="the side-by-side rows with costs as CSV, or everything as JSON")
        p.add_argument("--format", choices=("csv", "json"), default="csv")
        p.add_argument("--out", dest="out_file", metavar="FILE", help="write here instead of standard output")
        p.add_argument("--concurrency", type=int, metavar="N")
        for child in actions.choices.values():
            _json_option(child)

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        return _ACTIONS[args.action](args, app)


def _import(args: argparse.Namespace, app: Hangar) -> Result:
    outcomes = app.fleet.import_files(args.files)
    lines = []
    for o in outcomes:
        if o.imported:
            run = app.fleet.run(o.run_id)
            lines.append(f"imported {o.path} as run #{o.run_id}: {run.machine_label}, {run.kind}, {run.summary()['model']}")
        else:
            lines.append(f"{'skipped' if o.duplicate_of else 'refused'}: {o.error.message}")
    refused = [o for o in outcomes if not o.imported and o.duplicate_of is None]
    for o in refused:
        args.out.progress(f"error: {o.error.message}")
    return Result({"imported": [o.to_dict() for o in outcomes]}, "\n".join(lines), exit_code=1 if refused else 0)


def _add_local(args: argparse.Namespace, app: Hangar) -> Result:
    run_id = app.fleet.add_local_bench(args.run, args.machine_label)
    run = app.fleet.run(run_id)
    return Result(run.summary(), f"added run #{run_id}: {run.machine_label}, single stream, {run.summary()['model']}")


def _list(args: argparse.Namespace, app: Hangar) -> Result:
    runs = app.fleet.runs()
    rows = [[f"#{r.id}", r.machine_label, "single stream" if r.kind == "bench" else r.kind, r.summary()["model"], r.created_at,
             r.imported_from or "this machine"] for r in runs]  # fmt: skip
    text = table(["run", "machine", "kind", "model", "measured", "from"], rows) if runs else "no fleet runs yet: hangar-cli fleet import FILE"
    return Result({"runs": [r.summary() for r in runs]}, text)


def _delete(args: argparse.Namespace, app: Hangar) -> Result:
    app.fleet.delete(args.run_id)
    return Result({"deleted": args.run_id}, f"fleet run #{args.run_id} removed")


def _compare(args: argparse.Namespace, app: Hangar) -> Result:
    rows = app.fleet.compare(args.concurrency)
    shown = [[r["basis"], r["machine"], r["model"] or "", r["status"], _f(r["output_throughput"], 1), _f(r["request_throughput"], 2),
              _f(r["request_goodput"], 2), _f(r["median_ttft_ms"], 0), _f(r["p99_ttft_ms"], 0), _f(r["median_tpot_ms"], 1),
              _f(r["p99_tpot_ms"], 1), _f(r["median_itl_ms"], 1), _f(r["p99_e2el_ms"], 0), _f(r["j_per_output_token"], 3)] for r in rows]  # fmt: skip
    head = ["load", "machine", "model", "status", "out tok/s", "req/s", "goodput", "TTFT med", "TTFT p99", "TPOT med", "TPOT p99", "ITL med", "E2EL p99", "J/token"]
    text = table(head, shown) + "\nlatencies in ms; goodput in requests/s that met the SLO" if rows else "no fleet runs yet: hangar-cli fleet import FILE"
    return Result({"rows": rows}, text)


def _cost(args: argparse.Namespace, app: Hangar) -> Result:
    from ..core.common.errors import InvalidInput
    from ..core.fleet.cost import FleetCostInputs

    given = {name: getattr(args, name) for name in COST_OPTIONS if getattr(args, name) is not None}
    if args.currency is not None:
        given["currency"] = args.currency
    if args.pick_concurrency is not None:
        given["concurrency"] = args.pick_concurrency or None
    if given and not args.machine:
        raise InvalidInput("Cost inputs belong to one machine: name it with --machine LABEL.", hint="hangar-cli fleet list shows the machines.")
    if args.machine:
        if args.machine not in app.fleet.machines():
            raise InvalidInput(f"There is no machine labelled {args.machine} in the fleet.", hint="hangar-cli fleet list shows the machines.")
        app.fleet.save_costs(args.machine, replace(app.fleet.costs().get(args.machine, FleetCostInputs()), **given))
    figures = app.fleet.cost_table(args.concurrency)
    rows = []
    for f in figures:
        money = [_f(f.hardware, 4), _f(f.electricity, 4), f"{_f(f.total, 4)} {f.currency}", f.energy_basis] if f.total is not None else ["–", "–", "–", f.reason]
        rows.append([f"#{f.run_id}", f.machine, f.model, f.basis, f.chosen, _f(f.output_throughput, 1), *money])
    head = ["run", "machine", "model", "costed at", "chosen because", "out tok/s", "hardware", "electricity", "total / million", "energy from / why none"]
    text = table(head, rows) if rows else "no fleet runs yet: hangar-cli fleet import FILE"
    return Result({"costs": [f.to_dict() for f in figures], "inputs": {k: v.to_dict() for k, v in app.fleet.costs().items()}}, text)


def _report(args: argparse.Namespace, app: Hangar) -> Result:
    path = app.fleet.write_report(args.out_file, args.concurrency)
    return Result({"path": str(path), "runs": len(app.fleet.runs())}, f"wrote the fleet report to {path}")


def _export(args: argparse.Namespace, app: Hangar) -> Result:
    body = app.fleet.export(args.format, args.concurrency)
    if args.out_file:
        Path(args.out_file).write_text(body, encoding="utf-8")
        return Result({"path": args.out_file, "format": args.format}, f"wrote the fleet ({args.format}) to {args.out_file}")
    if args.json and args.format == "json":
        import json

        return Result(json.loads(body))
    return Result({"format": args.format, "body": body}, body.rstrip("\n"))


_ACTIONS = {"import": _import, "add-local": _add_local, "list": _list, "delete": _delete, "compare": _compare, "cost": _cost, "report": _report, "export": _export}


def _f(value, digits: int) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def table(head: list[str], rows: list[list[str]]) -> str:
    """Columns padded to their widest cell; numbers right-aligned."""
    widths = [max(len(str(c)) for c in column) for column in zip(head, *rows)]

    def line(cells) -> str:
        return "  ".join(str(c).rjust(w) if _numeric(str(c)) else str(c).ljust(w) for c, w in zip(cells, widths)).rstrip()

    return "\n".join([line(head), *(line(r) for r in rows)])


def _numeric(text: str) -> bool:
    return text.replace(",", "").replace(".", "").replace("–", "").lstrip("-").isdigit()
