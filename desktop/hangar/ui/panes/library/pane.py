"""The Library pane: the models recorded in the database, or an empty state."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ....core.context import AppContext
from ...widgets.empty_state import EmptyState


class LibraryPane(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        count = int(ctx.database.query_one("SELECT COUNT(*) AS n FROM models")["n"])
        if count == 0:
            layout.addWidget(
                EmptyState(
                    self.tr("No models yet"),
                    self.tr(
                        "Models you download or import will be listed here with their architecture, size, "
                        "quantisation, context length, license and SHA-256. Models are kept in {0}."
                    ).format(ctx.models_dir),
                )
            )
        else:
            layout.addWidget(QLabel(self.tr("{0} models in the library.").format(count)))
