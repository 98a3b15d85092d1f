"""The transcript: messages as one rich-text document, with a reply streaming at its end.

One QTextBrowser rather than a widget per message: a long reply only ever appends
text at the end of the document (Qt lays out just the changed block), and a long
conversation costs one document, not hundreds of widgets. Replies are Markdown from a
stranger, imported with raw HTML off; user messages are plain text.

Message actions (copy, edit, regenerate, delete) and "Copy code" are links in our own
URL scheme, which carries a random per-view secret so that a link written by the model
cannot pass for one of ours. Other links in replies are never opened.
"""

from __future__ import annotations

import re
import secrets

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QFont, QGuiApplication, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextBrowser, QWidget

from ....core.chat.store import Message, MessageState
from ...format import UNTRUSTED_MARKDOWN
from .highlight import CodeHighlighter

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# Qt lays out a whole paragraph again whenever text is added to it, so appending to one
# long paragraph gets slower as it grows (measured: 0.5 ms per batch at 1,000 characters,
# 10 ms at 7,000 in CJK). While a reply streams, a paragraph that passes this length
# continues in a new block, at a space when there is one: a line may end early until the
# reply is finished and redrawn as Markdown with its real paragraphs.
STREAM_BLOCK_CHARS = 1000


class Transcript(QTextBrowser):
    action = Signal(str, int)  # ("copy" | "edit" | "regenerate" | "delete", message id)
    link_refused = Signal(str)  # a link from a reply, shown but never opened

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setUndoRedoEnabled(False)  # read-only: an undo stack would only grow with every token
        self.setAccessibleName(self.tr("Conversation transcript"))
        self.anchorClicked.connect(self._on_link)
        self.highlighter = CodeHighlighter(self.document())
        self._scheme = "hangar-" + secrets.token_hex(6)
        self._code: list[str] = []
        self._stream_at: int | None = None  # where the streaming reply's body starts
        # Following the end: on until the reader scrolls up, on again when they scroll back down. The
        # document lays itself out lazily, so the scroll bar's range grows after an append (or after a
        # whole conversation is redrawn, as Regenerate does): a follower moves with the range.
        self.following = True
        bar = self.verticalScrollBar()
        bar.actionTriggered.connect(lambda _action: self._reader_moved())
        bar.sliderMoved.connect(lambda _value: self._reader_moved())
        bar.rangeChanged.connect(lambda _low, high: bar.setValue(high) if self.following else None)

    # -- whole conversation ---------------------------------------------------------------
    def show_messages(self, messages: list[Message], *, streaming_text: str | None = None) -> None:
        """Draw a conversation; a message still streaming gets its text from ``streaming_text``."""
        self.clear()
        self._code.clear()
        self._stream_at = None
        last_assistant = max((m.id for m in messages if m.role == "assistant" and m.state != MessageState.STREAMING), default=None)
        for message in messages:
            if message.state == MessageState.STREAMING and streaming_text is not None:
                self.begin_stream()
                self.append_stream(streaming_text)
            else:
                self._append(message, regenerate=message.id == last_assistant)
        self.scroll_to_end()

    def _append(self, message: Message, *, regenerate: bool) -> None:
        cursor = self._end()
        self._heading(cursor, message.role, message.state)
        actions = [("copy", self.tr("Copy"))]
        if message.role == "user":
            actions.append(("edit", self.tr("Edit")))
        if regenerate:
            actions.append(("regenerate", self.tr("Regenerate")))
        actions.append(("delete", self.tr("Delete")))
        for name, label in actions:
            cursor.insertText("   ", QTextCharFormat())
            cursor.insertText(label, self._link_format(f"msg/{message.id}/{name}"))
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        if message.role == "assistant":
            start = cursor.position()
            cursor.insertMarkdown(self._with_copy_links(message.content), UNTRUSTED_MARKDOWN)
            self._shade_code(start, cursor.position())
        else:
            cursor.insertText(message.content)

    def _shade_code(self, start: int, end: int) -> None:
        """A tinted background behind code blocks (Markdown import leaves them unshaded)."""
        shade = QTextBlockFormat()
        shade.setBackground(QGuiApplication.palette().alternateBase())
        shade.setLeftMargin(6)
        block = self.document().findBlock(start)
        while block.isValid() and block.position() <= end:
            if block.blockFormat().hasProperty(QTextFormat.Property.BlockCodeLanguage):
                QTextCursor(block).mergeBlockFormat(shade)
            block = block.next()

    def _heading(self, cursor: QTextCursor, role: str, state: MessageState) -> None:
        who = {"user": self.tr("You"), "assistant": self.tr("Model"), "system": self.tr("System")}[role]
        notes = {MessageState.STREAMING: self.tr("writing…"), MessageState.INTERRUPTED: self.tr("interrupted"), MessageState.CANCELLED: self.tr("stopped")}
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        spaced = QTextBlockFormat()
        spaced.setTopMargin(12)
        if not self.document().isEmpty():
            cursor.insertBlock(spaced)
        else:
            cursor.setBlockFormat(spaced)
        cursor.insertText(who + (f" ({notes[state]})" if state in notes else ""), heading)

    def _link_format(self, target: str) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setAnchor(True)
        fmt.setAnchorHref(f"{self._scheme}:{target}")
        fmt.setForeground(QGuiApplication.palette().link())
        fmt.setFontPointSize(max(7.0, self.font().pointSizeF() - 1))
        return fmt

    def _with_copy_links(self, markdown: str) -> str:
        """The reply with a "Copy code" link after each fenced code block."""
        out: list[str] = []
        fence: str | None = None
        code: list[str] = []
        for line in markdown.split("\n"):
            out.append(line)
            match = _FENCE.match(line)
            if fence is None and match:
                fence, code = match.group(1), []
            elif fence is not None and match and match.group(1).startswith(fence) and not line.strip().strip(fence[0]):
                self._code.append("\n".join(code))
                label = self.tr("Copy code")
                out += ["", f"[{label}]({self._scheme}:code/{len(self._code) - 1})", ""]
                fence = None
            elif fence is not None:
                code.append(line)
        return "\n".join(out)

    # -- streaming ---------------------------------------------------------------------------
    def begin_stream(self) -> None:
        cursor = self._end()
        self._heading(cursor, "assistant", MessageState.STREAMING)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        self._stream_at = cursor.position()

    def append_stream(self, text: str) -> None:
        """Add streamed text at the end: the only edit made per batch of tokens."""
        if not text:
            return
        bar = self.verticalScrollBar()
        cursor = self._end()
        for index, line in enumerate(text.split("\n")):
            if index:
                cursor.insertBlock()
            while cursor.block().length() + len(line) > STREAM_BLOCK_CHARS:
                room = max(0, STREAM_BLOCK_CHARS - cursor.block().length())
                cut = line.rfind(" ", 0, room) + 1 or room  # after a space, else where the room ends
                cursor.insertText(line[:cut])
                cursor.insertBlock()
                line = line[cut:]
            cursor.insertText(line)
        if self.following:  # keep the end in view unless the reader scrolled up
            bar.setValue(bar.maximum())

    def _reader_moved(self) -> None:
        bar = self.verticalScrollBar()
        self.following = bar.sliderPosition() >= bar.maximum() - 4

    @property
    def streaming(self) -> bool:
        return self._stream_at is not None

    def scroll_to_end(self) -> None:
        self.following = True
        self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())

    def _end(self) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        return cursor

    # -- links -------------------------------------------------------------------------------
    def _on_link(self, url: QUrl) -> None:
        text = url.toString()
        if not text.startswith(self._scheme + ":"):
            self.link_refused.emit(text)
            return
        parts = text[len(self._scheme) + 1 :].split("/")
        if parts[0] == "code" and len(parts) == 2 and parts[1].isdigit() and int(parts[1]) < len(self._code):
            QGuiApplication.clipboard().setText(self._code[int(parts[1])])
            self.action.emit("code-copied", -1)
        elif parts[0] == "msg" and len(parts) == 3 and parts[1].isdigit():
            self.action.emit(parts[2], int(parts[1]))

    def code_blocks(self) -> list[str]:
        return list(self._code)
