"""The Benchmark pane. Until the benchmark lands it says plainly what it will offer."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ....core.context import AppContext
from ...widgets.empty_state import EmptyState


class BenchmarkPane(QWidget):
    def __init__(self, ctx: AppContext, services=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        QVBoxLayout(self).addWidget(
            EmptyState(
                self.tr("Benchmark this machine"),
                self.tr(
                    "Benchmarks are not available in this version yet. They will measure prompt processing "
                    "and generation speed the way llama.cpp's llama-bench does, with energy per token and "
                    "cost per million tokens, on CPU, NVIDIA CUDA or Huawei Ascend."
                ),
            )
        )
