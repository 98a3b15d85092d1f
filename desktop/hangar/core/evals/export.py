"""Evaluation runs out of Hangar: CSV (one row per item and run), JSON (the stored runs whole), and a
self-contained HTML report (no script, no external file: it opens offline and can be mailed).

Model replies are data from a model, which can be made to write anything: in the HTML every text
is escaped (``html.escape``) and shown as plain text, and the page forbids scripts and loading
anything (a Content-Security-Policy), so a reply holding ``<script>`` is shown, never run. In
the CSV a cell that a spreadsheet would read as a formula (``=``, ``+``, ``-``, ``@`` first) gets
a leading apostrophe (OWASP's advice on CSV injection). The chart is inline SVG drawn here: core/
has no Qt, and a plotting library would be a large dependency for a few bars.
"""

from __future__ import annotations

import csv
import io
import json
from html import escape

from ..fleet.svg import PALETTE
from .stats import paired

ITEM_FIELDS = ("run_id", "model", "quant", "suite", "suite_sha256", "status", "item_id", "line", "scorer", "passed", "detail", "error", "reply",
               "n_prompt", "n_generated", "gen_tps", "ttft_ms", "total_ms")  # fmt: skip
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> object:  # noqa: ANN001
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def item_rows(runs: list[dict]) -> list[dict]:
    """One row per item of each run (each run with its ``items``)."""
    out = []
    for run in runs:
        for item in run.get("items") or []:
            out.append({"run_id": run.get("run_id"), "model": run["model"]["name"], "quant": run["model"].get("quant"), "suite": run["suite"]["name"],
                        "suite_sha256": run["suite"]["sha256"], "status": run["status"], **{k: item.get(k) for k in ITEM_FIELDS[6:]}})  # fmt: skip
    return out


def to_csv(runs: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(ITEM_FIELDS))
    writer.writeheader()
    for row in item_rows(runs):
        writer.writerow({k: _cell(str(v)) if isinstance(v, str) else v for k, v in row.items()})
    return buffer.getvalue()


def to_json(runs: list[dict]) -> str:
    return json.dumps({"format": "hangar-eval-runs/1", "runs": runs, "comparisons": comparisons(runs)}, indent=2, ensure_ascii=False, default=str) + "\n"


def comparisons(runs: list[dict]) -> list[dict]:
    """McNemar's test for every pair of runs of the same suite (its SHA-256) that both hold items."""
    out = []
    for i, a in enumerate(runs):
        for b in runs[i + 1 :]:
            if a["suite"]["sha256"] == b["suite"]["sha256"] and a.get("items") and b.get("items"):
                out.append({"run_a": a.get("run_id"), "run_b": b.get("run_id"),
                            **paired(label(a), a["items"], label(b), b["items"]).to_dict()})  # fmt: skip
    return out


def label(run: dict) -> str:
    quant = run["model"].get("quant")
    return f"{run['model']['name']}" + (f" ({quant})" if quant and quant not in run["model"]["name"] else "") + (f" #{run['run_id']}" if run.get("run_id") else "")


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def accuracy_svg(runs: list[dict], width: int = 640, height: int = 300) -> str:
    """Bars of accuracy per run with the Wilson 95 % interval as a whisker; every label escaped."""
    left, right, top, bottom = 48, 12, 30, 70
    plot_w, plot_h = width - left - right, height - top - bottom
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Accuracy per model with 95% intervals" font-family="sans-serif" font-size="11">',
             f'<text x="{width / 2}" y="18" text-anchor="middle" font-size="13">Accuracy with 95% Wilson interval</text>']  # fmt: skip
    for tick in range(0, 101, 20):
        y = top + plot_h * (1 - tick / 100)
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}%</text>')  # fmt: skip
    slot = plot_w / max(1, len(runs))
    for i, run in enumerate(runs):
        s = run["summary"]
        x = left + slot * i
        colour = PALETTE[i % len(PALETTE)]
        centre = x + slot / 2
        if s["accuracy"] is not None:
            bar_h = plot_h * s["accuracy"]
            parts.append(f'<rect x="{x + slot * 0.2:.1f}" y="{top + plot_h - bar_h:.1f}" width="{slot * 0.6:.1f}" height="{bar_h:.1f}" fill="{colour}">'
                         f'<title>{escape(label(run))}: {_percent(s["accuracy"])}</title></rect>')  # fmt: skip
            y_low, y_high = top + plot_h * (1 - s["low"]), top + plot_h * (1 - s["high"])
            parts.append(f'<path d="M{centre:.1f} {y_low:.1f}V{y_high:.1f}M{centre - 6:.1f} {y_low:.1f}h12M{centre - 6:.1f} {y_high:.1f}h12" stroke="#000" '
                         f'stroke-width="1.5" fill="none"/>'
                         f'<text x="{centre:.1f}" y="{y_high - 5:.1f}" text-anchor="middle">{_percent(s["accuracy"])}</text>')  # fmt: skip
        name = label(run)
        shown = name if len(name) <= 28 else name[:27] + "…"
        parts.append(f'<text x="{centre:.1f}" y="{top + plot_h + 16}" text-anchor="middle">{escape(shown)}<title>{escape(name)}</title></text>'
                     f'<text x="{centre:.1f}" y="{top + plot_h + 30}" text-anchor="middle" fill="#555">{escape(run["status"])}, n={s["n"]}</text>')  # fmt: skip
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="#000"/></svg>')
    return "".join(parts)


_STYLE = """body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 20px}
th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}
td.num{text-align:right}.pass{color:#1a7f37}.fail{color:#c62828}pre{white-space:pre-wrap;margin:0;max-width:56em;font-size:12px}
.note{color:#555}"""


def to_html(runs: list[dict], title: str = "Hangar evaluation report") -> str:
    """The report: the runs' table, the chart, the paired comparisons, each item's replies."""
    e = escape
    out = ["<!DOCTYPE html><html><head><meta charset=\"utf-8\">",
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
           f"<title>{e(title)}</title><style>{_STYLE}</style></head><body><h1>{e(title)}</h1>"]  # fmt: skip
    suites = {run["suite"]["sha256"]: run["suite"] for run in runs}
    for suite in suites.values():
        out.append(f"<p><b>{e(suite['name'])}</b>: {e(suite.get('description') or '')} <span class=\"note\">({suite['n_items']} items, "
                   f"SHA-256 {e(suite['sha256'][:12])}…)</span></p>")  # fmt: skip
    out.append("<table><tr><th>Run</th><th>Model</th><th>Quant</th><th>Status</th><th>Accuracy</th><th>95% interval</th><th>Passed</th>"
               "<th>Tokens/s</th><th>Mean TTFT</th><th>Runtime</th><th>When</th></tr>")  # fmt: skip
    for run in runs:
        s = run["summary"]
        interval = "-" if s["low"] is None else f"{_percent(s['low'])} – {_percent(s['high'])}"
        status = e(run["status"]) + (f"<br><span class=\"note\">{e(str(run['error']))}</span>" if run.get("error") else "")
        out.append(f"<tr><td>{e(str(run.get('run_id') or ''))}</td><td>{e(run['model']['name'])}</td><td>{e(run['model'].get('quant') or '')}</td>"
                   f"<td>{status}</td><td class=\"num\">{_percent(s['accuracy'])}</td><td>{interval}</td><td class=\"num\">{s['passed']}/{s['n']}</td>"
                   f"<td class=\"num\">{'-' if s.get('tokens_per_s') is None else format(s['tokens_per_s'], '.1f')}</td>"
                   f"<td class=\"num\">{'-' if s.get('mean_ttft_ms') is None else format(s['mean_ttft_ms'], '.0f') + ' ms'}</td>"
                   f"<td>{e(str(run.get('runtime') or ''))} {e(str(run.get('device') or ''))}</td><td>{e(str(run.get('created_at') or ''))}</td></tr>")  # fmt: skip
    out.append("</table>" + accuracy_svg(runs))
    pairs = comparisons(runs)
    if pairs:
        out.append("<h2>Paired comparison (McNemar's exact test)</h2><table><tr><th>A</th><th>B</th><th>Items</th><th>Both right</th><th>Only A</th>"
                   "<th>Only B</th><th>Neither</th><th>p-value</th><th>Verdict</th></tr>")  # fmt: skip
        for p in pairs:
            out.append(f"<tr><td>{e(p['a'])}</td><td>{e(p['b'])}</td><td class=\"num\">{p['n']}</td><td class=\"num\">{p['both']}</td>"
                       f"<td class=\"num\">{p['only_a']}</td><td class=\"num\">{p['only_b']}</td><td class=\"num\">{p['neither']}</td>"
                       f"<td class=\"num\">{p['p_value']:.4f}</td><td>{e(verdict(p))}</td></tr>")  # fmt: skip
        out.append("</table>")
    out.append("<h2>Items</h2><table><tr><th>Run</th><th>Item</th><th>Scorer</th><th>Result</th><th>Detail</th><th>Reply</th><th>Tokens</th><th>Tokens/s</th></tr>")
    for row in item_rows(runs):
        mark = "<span class=\"pass\">pass</span>" if row["passed"] else "<span class=\"fail\">fail</span>"
        detail = str(row["error"] or row["detail"] or "")
        out.append(f"<tr><td>{e(str(row['run_id'] or ''))}</td><td>{e(str(row['item_id']))} <span class=\"note\">(line {row['line']})</span></td>"
                   f"<td>{e(row['scorer'])}</td><td>{mark}</td><td>{e(detail)}</td><td><pre>{e(row['reply'] or '')}</pre></td>"
                   f"<td class=\"num\">{row['n_generated'] if row['n_generated'] is not None else ''}</td>"
                   f"<td class=\"num\">{'' if row['gen_tps'] is None else format(row['gen_tps'], '.1f')}</td></tr>")  # fmt: skip
    out.append("</table><p class=\"note\">Made by Hangar. Accuracy intervals are Wilson score intervals; a paired verdict names a better model only when "
               "McNemar's exact p-value is below 0.05.</p></body></html>\n")  # fmt: skip
    return "".join(out)


def verdict(p: dict) -> str:
    """The paired comparison in words: a winner only when the test says so."""
    if p["verdict"] == "a":
        return f"{p['a']} is better (p = {p['p_value']:.3g})"
    if p["verdict"] == "b":
        return f"{p['b']} is better (p = {p['p_value']:.3g})"
    return f"no significant difference (p = {p['p_value']:.3g}; {p['only_a']} vs {p['only_b']} items where only one was right)"
