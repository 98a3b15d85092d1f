"""The Licenses pane. Until the license audit lands it says plainly what it will offer."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ....core.context import AppContext
from ...widgets.empty_state import EmptyState


class LicensesPane(QWidget):
    def __init__(self, ctx: AppContext, services=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        QVBoxLayout(self).addWidget(
            EmptyState(
                self.tr("License audit"),
                self.tr(
                    "The license audit is not available in this version yet. It will summarise each model's "
                    "license in plain language, check it against your organisation's policy, and export an "
                    "AI bill of materials. It is not legal advice."
                ),
            )
        )
