"""Help → User guide: the Markdown guide shipped with Hangar, shown in the app, offline.

The guide is our own text (not a stranger's), so it is rendered with its images and
links; links to the web open in the browser.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..core.resources import resources_dir


def user_guide_path() -> Path | None:
    """docs/user-guide.md, else the README, next to the resources folder; None in a bundle without them."""
    root = resources_dir().parent
    for candidate in (root / "docs" / "user-guide.md", resources_dir() / "docs" / "user-guide.md", root / "README.md"):
        if candidate.is_file():
            return candidate
    return None


class UserGuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuideDialog")
        self.setWindowTitle(self.tr("Hangar user guide"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setOpenExternalLinks(True)
        self.path = user_guide_path()
        if self.path is None:
            self.browser.setPlainText(self.tr("The user guide is not included in this copy of Hangar."))
        else:
            self.browser.setSource(QUrl.fromLocalFile(str(self.path)), QTextDocument.ResourceType.MarkdownResource)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, 640)
