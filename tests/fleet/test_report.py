"""The fleet report: one self-contained HTML file (method, inputs, tables, inline SVG charts, raw
samples collapsed) in which every text from a run file is escaped."""

from __future__ import annotations

from html.parser import HTMLParser

from hangar.core.fleet.cost import FleetCostInputs
from hangar.core.fleet.report import fleet_html
from hangar.core.fleet.store import StoredRun, document_sha256
from hangar.core.fleet.svg import Series, line_chart

from .documents import ascend_doc, bench_doc, h100_doc

HOSTILE_LABEL = '<script>alert("label")</script>'
HOSTILE_MODEL = '"><img src=x onerror=alert(1)>'


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        if tag not in ("meta", "br", "img", "rect", "line", "polyline", "circle", "path", "input"):
            self.open.append(tag)

    def handle_endtag(self, tag) -> None:
        if self.open and self.open[-1] == tag:
            self.open.pop()


def _stored(docs: list[dict]) -> list[StoredRun]:
    return [StoredRun(i + 1, d["kind"], d["machine"]["label"], d["created_at"], None if d["kind"] == "bench" else f"/imports/{i}.json",
                      "2025-03-03T00:00:00Z", document_sha256(d), d) for i, d in enumerate(docs)]  # fmt: skip


def _docs() -> list[dict]:
    hostile = h100_doc()
    hostile["machine"]["label"] = HOSTILE_LABEL
    hostile["target"]["model"] = HOSTILE_MODEL
    hostile["levels"][0]["samples"][0] |= {"ok": False, "error": "<b>503</b> & gone"}
    return [ascend_doc(), hostile, bench_doc()]


def test_the_report_has_every_part_and_parses() -> None:
    costs = {"ascend-910b": FleetCostInputs(purchase_price=250_000, lifetime_hours=26_280, electricity_per_kwh=0.12, pue=1.3, utilisation=0.4),
             HOSTILE_LABEL: FleetCostInputs(price_per_hour=2.5, power_watts=700, electricity_per_kwh=0.15), "this-laptop": FleetCostInputs(price_per_hour=0.1)}  # fmt: skip
    html = fleet_html(_stored(_docs()), costs)
    parser = _Tags()
    parser.feed(html)
    parser.close()
    assert parser.open == [], f"unclosed elements: {parser.open}"
    assert parser.tags.count("svg") == 3 and parser.tags.count("details") == 3 + 3 + 1, "three charts; a collapsed table per level and per bench run"
    for heading in ("Cost per machine", "Method", "Inputs", "Machines", "Workloads", "Cost inputs", "Charts", "Machines side by side", "Raw samples"):
        assert f">{heading}</h" in html
    assert "TTFT" in html and "TPOT" in html and "goodput" in html.lower() and "utilisation" in html and "PUE" in html
    assert "single stream" in html and "class=\"single\"" in html
    assert "<link" not in html and "<script" not in html


def test_every_text_from_a_file_is_escaped() -> None:
    html = fleet_html(_stored(_docs()), {})
    assert HOSTILE_LABEL not in html and HOSTILE_MODEL not in html and "<b>503</b>" not in html
    assert "&lt;script&gt;alert(&quot;label&quot;)&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;503&lt;/b&gt; &amp; gone" in html


def test_an_svg_chart_escapes_its_names_and_draws_every_point() -> None:
    svg = line_chart("a < b", "x", "y", [Series("<m>", [(1, 10.0), (2, 20.0), (4, 15.0)], marked={1})], log_x=True)
    assert "a &lt; b" in svg and "&lt;m&gt;" in svg and "<m>" not in svg
    assert svg.count("<circle") == 3 and 'r="6"' in svg
    assert "no data" in line_chart("empty", "x", "y", [])
