"""The Chat pane. Until chat lands it says plainly what it will offer."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ....core.context import AppContext
from ...widgets.empty_state import EmptyState


class ChatPane(QWidget):
    def __init__(self, ctx: AppContext, services=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        QVBoxLayout(self).addWidget(
            EmptyState(
                self.tr("Chat with a local model"),
                self.tr(
                    "Chat is not available in this version yet. Conversations will run entirely on this "
                    "machine, in a separate process, and be saved as they stream."
                ),
            )
        )
