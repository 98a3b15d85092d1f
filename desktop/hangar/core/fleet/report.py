"""The fleet report: one self-contained HTML file a person can hand to a budget committee.

Method in plain words, the inputs (machines, workloads, cost inputs), the cost and
comparison tables, the charts as inline SVG, and every raw sample (collapsed). Nothing is
fetched from anywhere when it opens. Every value from a run file (machine labels, model
names, errors) is escaped: the files come from other machines.
"""

from __future__ import annotations

from html import escape

from ... import __version__
from .charts import Line, cost_lines, latency_lines, machine_colours, run_name
from .compare import accelerators, compare
from .cost import SINGLE_STREAM, FleetCostInputs, MachineCost, machine_cost
from .schema import now_utc
from .svg import PALETTE, Series, line_chart

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; line-height: 1.45; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; font-size: 13px; }
th { background: #f2f2f2; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.small { color: #666; font-size: 12px; } .total { font-weight: bold; } .none { color: #8a6d00; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; } figure { margin: 0; } details { margin: 0.3em 0; } summary { cursor: pointer; }
.single { background: #fff7e0; }
"""


def _n(value, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return f"{value:,.{digits}f}" if isinstance(value, float) or digits else f"{value:,}"
    return escape(str(value))


def _table(head: list[str], rows: list[list[str]], numeric: set[int] = frozenset(), row_class=lambda i: "") -> str:
    cells = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = []
    for i, row in enumerate(rows):
        cls = row_class(i)
        body.append(f"<tr{f' class={chr(34)}{cls}{chr(34)}' if cls else ''}>" + "".join(f"<td{' class=n' if j in numeric else ''}>{c}</td>" for j, c in enumerate(row)) + "</tr>")
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _series(lines: list[Line], colours: dict[str, str]) -> list[Series]:
    return [Series(line.name, line.points, colours.get(line.machine, PALETTE[0]), line.dashed, line.marked, line.labels) for line in lines]


METHOD = f"""
<h2>Method</h2>
<p><b>Serving runs</b> (kind bench-serve) send the same workload to each machine at several <i>concurrency levels</i>: at level N,
N requests are in flight at any moment (a closed loop), or requests arrive at the given rate. Each request has a prompt of a fixed
number of tokens, as the endpoint's own tokenizer counts them, and asks for a fixed number of output tokens. Every request is kept
as a sample.</p>
<ul>
<li><b>Throughput</b>: output tokens per second is all output tokens of a level divided by the level's wall-clock duration;
request throughput is finished requests per second; total token throughput counts prompt and output tokens.</li>
<li><b>TTFT</b> (time to first token): from sending a request to its first streamed token. It includes waiting in the server's queue
and processing the prompt.</li>
<li><b>TPOT</b> (time per output token): for one request, (end-to-end latency − TTFT) / (output tokens − 1): how fast the answer
streams once it has started. <b>ITL</b> (inter-token latency) is every gap between two streamed tokens. <b>E2EL</b> is end-to-end latency.
Each is reported as mean, median, 90th and 99th percentile over the level's requests (p99: 99% of requests were at least this fast).</li>
<li><b>Goodput</b>: requests per second that met every service-level objective (SLO) given (TTFT, TPOT, end-to-end limits).
A level <i>meets the SLO</i> when its goodput covers all its requests.</li>
<li><b>Energy</b>, where a counter measured it: joules per output token over the level.</li>
</ul>
<p><b>Single-stream runs</b> (kind bench, llama-bench's method) measure one request at a time. Their figures are labelled
"{SINGLE_STREAM}": a server with many users batches requests and produces more tokens per second from the same machine, so a
single-stream cost per million tokens is higher than the same machine's cost when serving.</p>
<p><b>Total cost per million output tokens</b>, for each machine, is taken at one concurrency level: the highest-throughput level
that meets the SLO (or, without an SLO, the highest-throughput level; or the level the user picked). At T output tokens per second
a million tokens take 1,000,000 / T seconds of the machine, and cost:</p>
<ul>
<li><b>hardware</b>: the price per hour (a cloud instance, a lease), or the purchase price divided by the lifetime in hours, divided by
the expected utilisation (a machine doing useful work 30% of the time costs 1 / 0.3 per useful hour), times those seconds / 3600;</li>
<li><b>electricity</b>: the energy for a million tokens (measured joules per token; else the measured average power, or the entered
power draw, times those seconds) times the PUE (the building's power per watt the machine draws), in kWh, times the price per kWh.
Idle power is not counted.</li>
</ul>
<p>Total = hardware + electricity. The inputs used for each machine are listed below so the arithmetic can be checked.</p>
"""


def fleet_html(stored: list, costs: dict[str, FleetCostInputs], concurrency: int | None = None) -> str:
    """The report for ``stored`` runs (core.fleet.store.StoredRun) and each machine's cost inputs."""
    colours = machine_colours(stored, PALETTE)
    figures = [machine_cost(run.document, costs.get(run.machine_label), run_id=run.id, concurrency=concurrency) for run in stored]
    parts = [f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Hangar fleet report: cost per million output tokens</title><style>{_STYLE}</style></head><body>
<h1>Total cost per million output tokens</h1>
<p class="small">Made by Hangar {escape(__version__)} on {escape(now_utc())} from {len(stored)} run(s) on {len({r.machine_label for r in stored})} machine(s).</p>
<h2>Cost per machine</h2>""", _cost_table(figures)]
    if any(f.basis == SINGLE_STREAM for f in figures):
        parts.append(f"<p class='small'>Shaded rows are single-stream runs: one request at a time, not a served load (see Method). "
                     f"Their figure is labelled \u201c{SINGLE_STREAM}\u201d.</p>")
    charts = [
        line_chart("Cost per million output tokens vs output throughput", "output tokens per second", "cost per million output tokens",
                   _series(cost_lines(stored, costs, concurrency), colours), width=580),
        line_chart("Time to first token vs concurrency (median solid, p99 dashed)", "concurrency", "TTFT (ms)", _series(latency_lines(stored, "ttft_ms"), colours), log_x=True, width=580),
        line_chart("Time per output token vs concurrency (median solid, p99 dashed)", "concurrency", "TPOT (ms)", _series(latency_lines(stored, "tpot_ms"), colours), log_x=True, width=580),
    ]  # fmt: skip
    parts.append("<h2>Charts</h2><p class='small'>The larger, outlined point on each cost line is the level that is costed above; cN is concurrency N.</p>")
    parts.append("<div class='charts'>" + "".join(f"<figure>{c}</figure>" for c in charts) + "</div>")
    parts.append("<h2>Machines side by side</h2>" + _comparison(stored, concurrency))
    parts.append(METHOD)
    parts.append("<h2>Inputs</h2><h3>Machines</h3>" + _machines(stored) + "<h3>Workloads</h3>" + _workloads(stored) + "<h3>Cost inputs</h3>" + _cost_inputs(stored, costs))
    parts.append("<h2>Raw samples</h2><p class='small'>Every request of every serving level, as measured. Click to open.</p>" + _samples(stored))
    parts.append("</body></html>")
    return "\n".join(parts)


def _cost_table(figures: list[MachineCost]) -> str:
    rows = []
    for f in figures:
        if f.total is None:
            money = [f"<span class='none'>{escape(str(f.reason or ''))}</span>", "", "", ""]
        else:
            money = [_n(f.hardware, 4), _n(f.electricity, 4), f"<span class='total'>{_n(f.total, 4)}</span> {escape(f.currency)}", escape(f.energy_basis or "")]
        rows.append([escape(f.machine), escape(f.model), escape(f.basis), escape(f.chosen), _n(f.output_throughput, 1), *money])
    head = ["Machine", "Model", "Costed at", "Chosen because", "Output tokens/s", "Hardware", "Electricity", "Total per million", "Energy from"]
    return _table(head, rows, {4, 5, 6}, lambda i: "single" if figures[i].basis == SINGLE_STREAM else "")


def _machines(stored: list) -> str:
    seen, rows = set(), []
    for run in stored:
        m = run.document["machine"]
        if m["label"] in seen:
            continue
        seen.add(m["label"])
        ram = f"{m['ram_bytes'] / 2**30:,.0f} GiB" if m.get("ram_bytes") else "–"
        rows.append([escape(m["label"]), escape(m.get("hostname") or "–"), escape(m.get("os") or "–"), escape(m.get("cpu") or "–"), ram, escape(accelerators(m) or "–")])
    return _table(["Label", "Host", "Operating system", "CPU", "Memory", "Accelerators"], rows)


def _workloads(stored: list) -> str:
    rows = []
    for run in stored:
        doc = run.document
        where = "this machine" if run.imported_from is None else f"imported from {run.imported_from}"
        if doc["kind"] == "bench":
            shapes = ", ".join(t["test"] for t in doc["results"])
            rows.append([f"#{run.id}", escape(run.machine_label), f"{SINGLE_STREAM} (bench)", escape(doc["model"].get("name") or ""),
                         escape(f"hangar, {doc['system'].get('runtime')}"), escape(shapes), "–", escape(doc["created_at"]), escape(where)])  # fmt: skip
            continue
        w, t = doc["workload"], doc["target"]
        slo = ", ".join(f"{k.replace('_ms', '')} ≤ {v:g} ms" for k, v in (w.get("slo") or {}).items() if v is not None) or "none"
        shape = f"{w.get('prompt_tokens') or 'prompt file'} in / {w['output_tokens']} out, {w['requests']} requests, " + (f"rate {w['rate']:g}/s" if w.get("rate") else "closed loop")
        rows.append([f"#{run.id}", escape(run.machine_label), "serving (bench-serve)", escape(t["model"]), escape(f"{t.get('engine') or t['kind']} at {t['base_url']}"),
                     escape(shape + f", dataset {w.get('dataset') or 'random'}"), escape(slo), escape(doc["created_at"]), escape(where)])  # fmt: skip
    return _table(["Run", "Machine", "Kind", "Model", "Engine", "Workload", "SLO", "Measured", "Source"], rows)


def _cost_inputs(stored: list, costs: dict[str, FleetCostInputs]) -> str:
    rows = []
    for label in sorted({r.machine_label for r in stored}):
        c = costs.get(label)
        if c is None:
            rows.append([escape(label), "<span class='none'>none entered</span>", "", "", "", "", "", "", ""])
            continue
        rows.append([escape(label), _n(c.price_per_hour, 2), _n(c.purchase_price, 0), _n(c.lifetime_hours, 0), _n(c.electricity_per_kwh, 3), _n(c.power_watts, 0),
                     _n(c.pue, 2), f"{c.utilisation:.0%}", escape(c.currency) + (f", concurrency {c.concurrency} picked" if c.concurrency else "")])  # fmt: skip
    head = ["Machine", "Price per hour", "Purchase price", "Lifetime (h)", "Electricity per kWh", "Power entered (W)", "PUE", "Utilisation", "Currency"]
    return _table(head, rows, {1, 2, 3, 4, 5, 6})


def _comparison(stored: list, concurrency: int | None) -> str:
    rows = compare(stored, concurrency)
    body = []
    for r in rows:
        body.append([escape(r["machine"]), escape(r["model"] or ""), escape(r["basis"]), escape(r["status"] or "") + (f"<div class='small'>{escape(r['error'])}</div>" if r["error"] else ""),
                     _n(r["output_throughput"], 1), _n(r["request_throughput"], 2), _n(r["request_goodput"], 2), _n(r["meets_slo"]),
                     _n(r["median_ttft_ms"], 0), _n(r["p99_ttft_ms"], 0), _n(r["median_tpot_ms"], 1), _n(r["p99_tpot_ms"], 1),
                     _n(r["median_itl_ms"], 1), _n(r["p99_e2el_ms"], 0), _n(r["j_per_output_token"], 3)])  # fmt: skip
    head = ["Machine", "Model", "Load", "Status", "Output tok/s", "Req/s", "Goodput req/s", "Meets SLO", "TTFT median ms", "TTFT p99 ms",
            "TPOT median ms", "TPOT p99 ms", "ITL median ms", "E2EL p99 ms", "J/token"]  # fmt: skip
    return _table(head, body, set(range(4, 15)), lambda i: "single" if rows[i]["basis"] == SINGLE_STREAM else "")


def _samples(stored: list) -> str:
    parts = []
    for run in stored:
        if run.kind != "bench-serve":
            tests = run.document["results"]
            rows = [[escape(t["test"]), ", ".join(_n(s, 2) for s in t.get("samples_ts") or [])] for t in tests]
            parts.append(f"<details><summary>{escape(run_name(run))}: {len(tests)} test(s)</summary>{_table(['Test', 'Tokens/s of each repetition'], rows)}</details>")
            continue
        for level in run.document["levels"]:
            samples = level.get("samples") or []
            rows = [[str(i + 1), _n(s.get("ok")), escape(s.get("error") or ""), _n(s.get("prompt_tokens"), 0), _n(s.get("output_tokens"), 0),
                     _n(s.get("start_s"), 3), _n(s.get("ttft_ms"), 1), _n(s.get("e2el_ms"), 1), str(len(s.get("itl_ms") or [])),
                     _n(max(s["itl_ms"]), 1) if s.get("itl_ms") else "–"] for i, s in enumerate(samples)]  # fmt: skip
            head = ["#", "OK", "Error", "Prompt tokens", "Output tokens", "Start (s)", "TTFT (ms)", "E2EL (ms)", "Gaps", "Longest gap (ms)"]
            title = f"{run_name(run)}, concurrency {level['max_concurrency']} ({level['status']}): {len(samples)} sample(s)"
            parts.append(f"<details><summary>{escape(title)}</summary>{_table(head, rows, {3, 4, 5, 6, 7, 8, 9})}</details>")
    return "".join(parts) or "<p>–</p>"
