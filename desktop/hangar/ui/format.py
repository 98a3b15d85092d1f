"""How things read in the window: Markdown from strangers (sizes are core.units's).

``format_bytes`` is re-exported from ``hangar.core.common.units`` so the window and the CLI
print one size the same way.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from ..core.common.units import format_bytes, format_gib

# Model cards and model replies are untrusted: GitHub's dialect (tables, task lists) with
# every form of raw HTML switched off, so markup is shown as text, never interpreted.
UNTRUSTED_MARKDOWN = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)

__all__ = ["UNTRUSTED_MARKDOWN", "format_bytes", "format_gib"]
