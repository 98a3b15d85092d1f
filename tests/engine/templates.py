"""GGUF files with a chat template of the test's choosing, written from a synthetic model.

The template is a string in the header; replacing it shifts the tensor data, which
llama.cpp finds at the header's end rounded up to the alignment (32). The new template is
padded (inside a Jinja comment) to the old length modulo 32, so every tensor's offset
from that start is unchanged and the rest of the file is copied as it is.
"""

from __future__ import annotations

import struct
from pathlib import Path

from hangar.core.gguf.synth import CHATML_TEMPLATE

KEY = b"tokenizer.chat_template"
ALIGNMENT = 32
# Ten billion turns of an empty loop: hours of Jinja, no output, no memory.
LOOPING = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}" + CHATML_TEMPLATE
# A template that writes 100 MB whatever the conversation.
FLOODING = "{% for i in range(100000) %}{{ 'flood ' * 200 }}{% endfor %}" + CHATML_TEMPLATE


def with_chat_template(source: Path, dest: Path, template: str) -> Path:
    data = source.read_bytes()
    key_at = data.index(struct.pack("<Q", len(KEY)) + KEY)
    value_at = key_at + 8 + len(KEY)
    kind, length = struct.unpack_from("<IQ", data, value_at)
    assert kind == 8, "the template is a GGUF string"
    start = value_at + 12
    body = template.encode("utf-8")
    pad = (length - len(body) - 4) % ALIGNMENT
    body += b"{#" + b" " * pad + b"#}"
    assert (len(body) - length) % ALIGNMENT == 0
    dest.write_bytes(data[:value_at + 4] + struct.pack("<Q", len(body)) + body + data[start + length:])
    return dest
