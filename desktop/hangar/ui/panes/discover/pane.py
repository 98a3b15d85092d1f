"""The Discover pane. Until Hub search lands it says plainly what it will offer."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ....core.context import AppContext
from ...widgets.empty_state import EmptyState


class DiscoverPane(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(
            EmptyState(
                self.tr("Find models on the Hugging Face Hub"),
                self.tr(
                    "Hub search is not available in this version yet. When it is, you will search "
                    "GGUF models here (Qwen, DeepSeek, openPangu, Hunyuan, Llama, Gemma, Mistral, Phi...), "
                    "see each quantisation with its size and whether it fits this machine, and download it "
                    "with resume and SHA-256 verification."
                ),
            )
        )
