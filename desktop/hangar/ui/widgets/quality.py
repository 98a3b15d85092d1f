"""Measured quant quality in the window: a one-cell summary per model file, and the table of runs.

The Library's table and Discover's list of a repository's quants show, for a file measured with
``hangar-cli ppl`` (or the layer's QualityService), its perplexity and, when it was measured
against a reference, its mean KL divergence; files are matched by SHA-256, so a quant downloaded
and measured here is recognised in any repository that lists the same file. The Library also
shows every run in a small table (the quant-quality table), hidden until there is one.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QHeaderView, QTableView, QVBoxLayout, QWidget

from ..models.record_table import Column, RecordTableModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("Quality", text)


def _ppl(value: float) -> str:
    """8.412, 12,345, 1.234e+12: a real model's perplexity is a few units; random weights' can pass 1e40."""
    return f"{value:.4g}" if value < 10_000 else f"{value:,.0f}" if value < 10_000_000 else f"{value:.3e}"


def _ppl_exact(run: dict) -> str:
    err = run.get("ppl_err")
    if run["ppl"] < 10_000_000:
        return f"{run['ppl']:.4f}" + (f" ± {err:.4f}" if err else "")
    return f"{run['ppl']:.5e}" + (f" ± {err:.2e}" if err else "")


def summary(run: dict | None) -> str:
    """"KLD 0.0123 · PPL 8.412" (against a reference) or "PPL 8.412 ± 0.06"; empty when never measured."""
    if not run:
        return ""
    if run.get("kld"):
        return _tr("KLD {0} · PPL {1}").format(f"{run['kld']['kld_mean']:.4f}", _ppl(run["ppl"]))
    err = run.get("ppl_err")
    return _tr("PPL {0}").format(_ppl(run["ppl"]) + (f" ± {err:.2g}" if err else ""))


def tooltip(run: dict | None) -> str:
    if not run:
        return ""
    text = run["text"]
    lines = [_tr("Measured {0} over {1}: {2} chunks of {3} tokens, {4} tokens scored").format(
        (run.get("created_at") or "").replace("T", " ").rstrip("Z"), text["name"], run["n_chunks"], run["n_ctx"], f"{run['n_scored']:,}")]
    lines.append(_tr("Perplexity {0}").format(_ppl_exact(run)))
    kld = run.get("kld")
    if kld:
        reference = run["reference"]
        lines.append(_tr("KL divergence against {0} ({1}): mean {2}, 99% of tokens below {3}").format(
            reference["name"], reference.get("quant") or "?", f"{kld['kld_mean']:.6f} ± {kld['kld_err']:.6f}", f"{kld['kld_percentiles']['99.0']:.4f}"))
        lines.append(_tr("Same top token {0} · RMS Δp {1}").format(f"{100 * kld['same_top']:.2f}%", f"{100 * kld['dp_rms']:.3f}%"))
    lines.append(_tr("Perplexities compare only over the same text, context and chunks."))
    return "\n".join(lines)


def column(lookup: Callable[[], dict[str, dict]], title: str | None = None) -> Column:
    """A Quality column for a table of model files (records with a "sha256"): ``lookup`` gives the runs by SHA-256."""
    return Column(title or _tr("Quality"), lambda r: summary(lookup().get(r.get("sha256") or "")), lambda r: tooltip(lookup().get(r.get("sha256") or "")))


def _reference(run: dict) -> str:
    reference = run.get("reference")
    return f"{reference['name']} ({reference.get('quant') or '?'})" if reference else "—"


def _kld(run: dict, key: str, scale: float = 1.0, digits: int = 4, suffix: str = "") -> str:
    kld = run.get("kld")
    return f"{scale * kld[key]:.{digits}f}{suffix}" if kld else "—"


class QualityTable(QGroupBox):
    """Every measured run, newest first: the quant-quality table."""

    def __init__(self, runs: Callable[[], list[dict]], parent: QWidget | None = None) -> None:
        super().__init__(_tr("Measured quality (perplexity, KL divergence against a reference)"), parent)
        self._runs = runs
        self.model = RecordTableModel([
            Column(_tr("Model"), lambda r: r["model"]["name"] + ("  " + _tr("(synthetic weights)") if r["model"].get("synthetic") else ""),
                   lambda r: r["model"]["path"]),
            Column(_tr("Quant"), lambda r: r["model"].get("quant") or "?"),
            Column(_tr("Text"), lambda r: r["text"]["name"], lambda r: r["text"]["sha256"]),
            Column(_tr("Chunks"), lambda r: f"{r['n_chunks']} × {r['n_ctx']}", align_right=True),
            Column(_tr("PPL"), _ppl_exact, align_right=True),
            Column(_tr("Reference"), _reference),
            Column(_tr("Mean KLD"), lambda r: _kld(r, "kld_mean", digits=6), align_right=True),
            Column(_tr("Same top"), lambda r: _kld(r, "same_top", 100, 2, "%"), align_right=True),
            Column(_tr("RMS Δp"), lambda r: _kld(r, "dp_rms", 100, 3, "%"), align_right=True),
            Column(_tr("Measured"), lambda r: (r.get("created_at") or "").replace("T", " ").rstrip("Z")),
        ], self)  # fmt: skip
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_tr("Measured quality of each model file"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(160)
        self.table.setWordWrap(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self.setToolTip(_tr("Measure a model with: hangar-cli ppl MODEL --sample en --reference ITS-F16-OR-Q8_0.gguf"))
        self.reload()

    def reload(self) -> None:
        runs = self._runs()
        self.model.set_records(runs)
        self.setVisible(bool(runs))
