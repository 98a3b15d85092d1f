"""Colour for code blocks in replies.

Qt's Markdown importer marks code blocks (fenced or indented) with the
BlockCodeLanguage property; this highlighter colours only those blocks, so prose and
text that is still streaming cost one property check per block. Qt ships no language
grammars and the usual highlighting libraries emit HTML, which replies must never
become; a few rules shared by the common languages (keywords, strings, numbers,
comments) cover what a chat reply needs.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextFormat

KEYWORDS = (
    "and as async await break case catch class const continue def default del do elif else enum except export extends false "
    "finally fn for from func function go if impl import in interface is lambda let match mod mut new nil none not null or "
    "package pass pub raise return self static struct super switch this throw true try type use var void while with yield"
)
_KEYWORD = re.compile(r"\b(?:" + "|".join(KEYWORDS.split()) + r")\b", re.IGNORECASE)
_NUMBER = re.compile(r"\b(?:0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\b")
_STRING = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|`[^`]*`")
_HASH_COMMENT = re.compile(r"(?:^|\s)#.*$")  # Python, shell, YAML, TOML, R
_SLASH_COMMENT = re.compile(r"//.*$|--\s.*$")  # C family, JS, Rust, Go; SQL and Lua
HASH_LANGUAGES = {"", "python", "py", "sh", "bash", "shell", "zsh", "yaml", "yml", "toml", "r", "ruby", "rb", "perl", "ini", "dockerfile", "make", "makefile"}


def _format(color: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


class CodeHighlighter(QSyntaxHighlighter):
    def __init__(self, document) -> None:
        super().__init__(document)
        dark = QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self.keyword = _format("#c792ea" if dark else "#7a3e9d", bold=True)
        self.string = _format("#c3e88d" if dark else "#2e7d32")
        self.number = _format("#f78c6c" if dark else "#b35900")
        self.comment = _format("#8a8f98" if dark else "#6a737d", italic=True)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        block_format = self.currentBlock().blockFormat()
        if not block_format.hasProperty(QTextFormat.Property.BlockCodeLanguage):
            return
        language = str(block_format.property(QTextFormat.Property.BlockCodeLanguage) or "").lower()
        for pattern, fmt in ((_KEYWORD, self.keyword), (_NUMBER, self.number), (_STRING, self.string)):
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)
        comment = (_HASH_COMMENT if language in HASH_LANGUAGES else _SLASH_COMMENT).search(text)
        if comment and not any(m.start() < comment.start() < m.end() for m in _STRING.finditer(text)):
            self.setFormat(comment.start(), len(text) - comment.start(), self.comment)
