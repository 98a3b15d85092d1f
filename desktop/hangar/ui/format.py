"""How things read in the window: sizes in MiB or GiB, and Markdown from strangers."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

# Model cards and model replies are untrusted: GitHub's dialect (tables, task lists) with
# every form of raw HTML switched off, so markup is shown as text, never interpreted.
UNTRUSTED_MARKDOWN = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)


def format_bytes(value: int | None) -> str:
    if value is None:
        return "?"
    if value >= 1024**3:
        return f"{value / 1024**3:.2f} GiB"
    if value >= 1024**2:
        return f"{value / 1024**2:.1f} MiB"
    return f"{value / 1024:.0f} KiB"
