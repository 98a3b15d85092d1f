"""Help → User guide: the Markdown guide shipped with Hangar, shown in the app, offline,
in the window's language when there is a translation of it.

The guide is our own text (not a stranger's), so it is rendered with its images and
links; links to the web open in the browser.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..core.config.resources import resources_dir
from .i18n import current_language


def user_guide_path(language: str = "en") -> Path | None:
    """docs/user-guide.<language>.md, else docs/user-guide.md, else the README, next to the
    resources folder (or inside it, in a bundle); None when none was shipped."""
    places = [resources_dir().parent / "docs", resources_dir() / "docs"]
    names = ([f"user-guide.{language}.md"] if language != "en" else []) + ["user-guide.md"]
    candidates = [place / name for name in names for place in places] + [resources_dir().parent / "README.md"]
    return next((c for c in candidates if c.is_file()), None)


class UserGuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuideDialog")
        self.setWindowTitle(self.tr("Hangar user guide"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setOpenExternalLinks(True)
        self.path = user_guide_path(current_language())
        if self.path is None:
            self.browser.setPlainText(self.tr("The user guide is not included in this copy of Hangar."))
        else:
            self.browser.setSource(QUrl.fromLocalFile(str(self.path)), QTextDocument.ResourceType.MarkdownResource)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry()
        self.resize(min(1000, int(screen.width() * 0.9)), min(760, int(screen.height() * 0.85)))
        self.fit_images(self.width() - 80)

    def fit_images(self, max_width: int) -> None:
        """Screenshots are wider than the dialog: show them scaled down, not cut off."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                image = fragment.charFormat().toImageFormat() if fragment.charFormat().isImageFormat() else None
                pixmap = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(image.name())) if image else None
                if image is not None and pixmap is not None and pixmap.width() > max_width:
                    image.setWidth(max_width)
                    image.setHeight(pixmap.height() * max_width / pixmap.width())
                    cursor = QTextCursor(document)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(image)
                it += 1
            block = block.next()
