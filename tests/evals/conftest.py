"""Models for the evaluation tests: besides tiny and medium (tests/conftest.py), one that always answers "B"."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from hangar.core.gguf import synth


@pytest.fixture(scope="session")
def answer_b_gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Greedy decoding after the chat template's last newline walks "\\nB" forever: every reply is "B\\nB\\n..."
    (core/gguf/synth.py's script weights), so it gets the items whose answer is B right and the others wrong."""
    shape = dataclasses.replace(synth.PRESETS["script"], name="answer-b", description="answers B", script="\nB")
    synth.PRESETS["answer-b"] = shape
    try:
        return synth.write_synthetic(tmp_path_factory.mktemp("models") / "answer-b.gguf", "answer-b")
    finally:
        del synth.PRESETS["answer-b"]


def write_suite(path: Path, *lines: dict) -> Path:
    import json

    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    return path
