"""Turning a stream of token bytes into text that is safe to show as it arrives.

A token may end in the middle of a UTF-8 character (CJK, emoji), and a stop string may
arrive split across tokens. Both are held back until they are complete, so the user
never sees a replacement character that later turns into the right one, nor the first
half of a stop string.
"""

from __future__ import annotations

import codecs


class Utf8Stream:
    """Bytes in, complete characters out; invalid bytes become U+FFFD, as Python does."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

    def feed(self, data: bytes) -> str:
        return self._decoder.decode(data)

    def flush(self) -> str:
        return self._decoder.decode(b"", final=True)


class StopMatcher:
    """Cuts the text at the first stop string, holding back what might be the start of one."""

    def __init__(self, stops: list[str]) -> None:
        self.stops = [s for s in stops if s]
        self._pending = ""
        self.stopped = False

    def feed(self, text: str) -> str:
        if self.stopped:
            return ""
        if not self.stops:
            return text
        buffer = self._pending + text
        cut = min((i for i in (buffer.find(s) for s in self.stops) if i >= 0), default=-1)
        if cut >= 0:
            self.stopped = True
            self._pending = ""
            return buffer[:cut]
        hold = 0
        for stop in self.stops:
            for size in range(min(len(stop) - 1, len(buffer)), 0, -1):
                if buffer.endswith(stop[:size]):
                    hold = max(hold, size)
                    break
        self._pending = buffer[len(buffer) - hold :] if hold else ""
        return buffer[: len(buffer) - hold]

    def flush(self) -> str:
        rest, self._pending = self._pending, ""
        return "" if self.stopped else rest
