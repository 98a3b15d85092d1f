"""The dialog that shows a new API key once, with a button that copies it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class NewKeyDialog(QDialog):
    """Deleted when closed, so the secret does not stay in a hidden widget."""

    def __init__(self, name: str, secret: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newKeyDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("New API key"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("The key {0} is shown only now: copy it and keep it safe. Hangar stores only a hash of it and cannot show it again.").format(name))
        note.setWordWrap(True)
        layout.addWidget(note)
        row = QHBoxLayout()
        self.secret = QLineEdit(secret)
        self.secret.setReadOnly(True)
        self.secret.setAccessibleName(self.tr("The new API key"))
        self.secret.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.secret.setMinimumWidth(self.secret.fontMetrics().horizontalAdvance(secret) + 24)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy)
        row.addWidget(self.secret, 1)
        row.addWidget(self.copy_button)
        layout.addLayout(row)
        self.copied = QLabel()
        layout.addWidget(self.copied)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.secret.text())
        self.copied.setText(self.tr("Copied to the clipboard."))
