"""Line charts as inline SVG, drawn by hand for the HTML report (core/ has no Qt, and a
plotting library would be a large dependency for a few lines and dots).

Every text that reaches the SVG (titles, a machine's label, a model's name) is escaped:
they come from files of unknown origin.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf")


@dataclass
class Series:
    name: str
    points: list[tuple[float, float]]
    colour: str = PALETTE[0]
    dashed: bool = False
    marked: set[int] = field(default_factory=set)  # indexes of points drawn larger (the level that is costed)
    labels: list[str] = field(default_factory=list)  # a short label beside each point ("c8")


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]."""
    if high <= low:
        high = low + 1
    raw = (high - low) / max(1, count)
    step = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        if raw <= multiple * step:
            step *= multiple
            break
    start = math.floor(low / step) * step
    ticks, value = [], start
    while value <= high + step * 0.5 and len(ticks) < 20:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _number(value: float) -> str:
    if value == 0:
        return "0"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.0f}"
    if abs(value) >= 1:
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{value:.3g}"


def line_chart(title: str, x_title: str, y_title: str, series: list[Series], *, log_x: bool = False, width: int = 640, height: int = 340) -> str:
    """An SVG element: one polyline (and dots) per series, a legend below. ``log_x`` spaces x by
    log2 (concurrency 1, 2, 4 ... evenly) and puts a tick at every x a series has."""
    left, right, top, bottom = 64, 16, 34, 62 + 18 * ((len(series) + 1) // 2)
    plot_w, plot_h = width - left - right, height - top - bottom
    points = [p for s in series for p in s.points]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family="sans-serif" font-size="11">',
             f"<title>{escape(title)}</title>",
             f'<text x="{width / 2}" y="18" text-anchor="middle" font-size="13" font-weight="bold">{escape(title)}</text>']  # fmt: skip
    if not points:
        parts.append(f'<text x="{width / 2}" y="{top + plot_h / 2}" text-anchor="middle" fill="#666">no data</text></svg>')
        return "".join(parts)
    xs = [math.log2(p[0]) if log_x else p[0] for p in points if not log_x or p[0] > 0]
    y_ticks = nice_ticks(0, max(p[1] for p in points) * 1.05)
    if log_x:
        x_values = sorted({p[0] for p in points if p[0] > 0})
        x_low, x_high = min(xs) - 0.3, max(xs) + 0.3
        x_ticks = [(math.log2(v), _number(v)) for v in x_values]
    else:
        ticks = nice_ticks(0, max(xs) * 1.05)
        x_low, x_high = 0.0, ticks[-1]
        x_ticks = [(v, _number(v)) for v in ticks]
    y_high = y_ticks[-1] or 1.0

    def px(x: float) -> float:
        x = math.log2(x) if log_x else x
        return left + (x - x_low) / ((x_high - x_low) or 1) * plot_w

    def py(y: float) -> float:
        return top + plot_h - y / y_high * plot_h

    parts.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#fff" stroke="#999"/>')
    for value in y_ticks:
        y = py(value)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#e5e5e5"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{escape(_number(value))}</text>')
    for position, text in x_ticks:
        x = left + (position - x_low) / ((x_high - x_low) or 1) * plot_w
        parts.append(f'<line x1="{x:.1f}" y1="{top + plot_h}" x2="{x:.1f}" y2="{top + plot_h + 4}" stroke="#999"/>')
        parts.append(f'<text x="{x:.1f}" y="{top + plot_h + 16}" text-anchor="middle">{escape(text)}</text>')
    parts.append(f'<text x="{left + plot_w / 2}" y="{top + plot_h + 32}" text-anchor="middle">{escape(x_title)}</text>')
    parts.append(f'<text transform="translate(14 {top + plot_h / 2}) rotate(-90)" text-anchor="middle">{escape(y_title)}</text>')
    for s in series:
        if not s.points:
            continue
        coords = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in s.points)
        dash = ' stroke-dasharray="6 4"' if s.dashed else ""
        parts.append(f'<polyline points="{coords}" fill="none" stroke="{s.colour}" stroke-width="2"{dash}/>')
        for index, (x, y) in enumerate(s.points):
            radius = 6 if index in s.marked else 3.5
            ring = ' stroke="#000" stroke-width="1.5"' if index in s.marked else ""
            parts.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="{radius}" fill="{s.colour}"{ring}><title>{escape(s.name)}: {escape(_number(x))}, {escape(_number(y))}</title></circle>')
            if index < len(s.labels) and s.labels[index]:
                parts.append(f'<text x="{px(x) + 7:.1f}" y="{py(y) - 6:.1f}" fill="{s.colour}">{escape(s.labels[index])}</text>')
    legend_top = top + plot_h + 46
    for index, s in enumerate(series):
        x, y = left + (index % 2) * (plot_w / 2), legend_top + 18 * (index // 2)
        dash = ' stroke-dasharray="6 4"' if s.dashed else ""
        parts.append(f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x + 22:.1f}" y2="{y:.1f}" stroke="{s.colour}" stroke-width="2"{dash}/>')
        parts.append(f'<text x="{x + 28:.1f}" y="{y + 4:.1f}">{escape(s.name)}</text>')
    parts.append("</svg>")
    return "".join(parts)
