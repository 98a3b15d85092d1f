"""The Hardware pane. Until hardware detection lands it says plainly what it will offer."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ....core.context import AppContext
from ...widgets.empty_state import EmptyState


class HardwarePane(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        QVBoxLayout(self).addWidget(
            EmptyState(
                self.tr("Hardware and runtimes"),
                self.tr(
                    "Hardware detection is not available in this version yet. This pane will list the CPU, "
                    "NVIDIA GPUs and Huawei Ascend NPUs of this machine and the llama.cpp runtimes (CPU, CUDA, "
                    "CANN) that can use them, with the command to add a missing one."
                ),
            )
        )
