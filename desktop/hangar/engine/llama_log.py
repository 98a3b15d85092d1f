"""Capturing llama.cpp's own log lines in the worker.

Lines go to stderr (the parent keeps the last ones, so even a segfault leaves a trail)
and into a ring buffer attached to error events. llama.cpp calls back from C, so the
ctypes callback object is kept alive for the life of the process.
"""

from __future__ import annotations

import collections
import ctypes
import sys

# ggml_log_level: 0 none, 1 debug, 2 info, 3 warn, 4 error, 5 continuation of the previous line
_LEVELS = {1: "DEBUG", 2: "INFO", 3: "WARN", 4: "ERROR"}


class LlamaLog:
    def __init__(self, keep: int = 200) -> None:
        self.lines: collections.deque[str] = collections.deque(maxlen=keep)
        self._partial = ""
        self._callback = None
        self._level = 2
        # Lines that say where memory went, kept apart so a long load log cannot push them out.
        self.placement_lines: list[str] = []

    def install(self, llama_cpp_module) -> None:
        def on_log(level: int, text: bytes, _user: ctypes.c_void_p) -> None:
            if level != 5:
                self._level = level
            chunk = (text or b"").decode("utf-8", errors="replace")
            self._partial += chunk
            while "\n" in self._partial:
                line, self._partial = self._partial.split("\n", 1)
                if line.strip():
                    self.lines.append(line)
                    if "buffer size" in line or "offloaded" in line or "overridden to" in line:
                        self.placement_lines.append(line)
                    if self._level >= 3:
                        sys.stderr.write(f"llama.cpp {_LEVELS.get(self._level, self._level)}: {line}\n")
                        sys.stderr.flush()

        self._callback = llama_cpp_module.llama_log_callback(on_log)
        llama_cpp_module.llama_log_set(self._callback, ctypes.c_void_p(0))

    def tail(self, count: int = 20) -> list[str]:
        return list(self.lines)[-count:]
