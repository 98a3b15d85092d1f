"""Quant names, shards and unsafe names in Hub listings."""

from __future__ import annotations

import pytest

from hangar.core.common.errors import InvalidInput
from hangar.core.hub.quants import check_repo_path, group_gguf_files, quant_of


@pytest.mark.parametrize(
    ("name", "quant"),
    [
        ("Qwen3-8B-Q4_K_M.gguf", "Q4_K_M"),
        ("model-q8_0.gguf", "Q8_0"),
        ("DeepSeek-R1-UD-Q4_K_XL-00001-of-00003.gguf", "Q4_K_XL"),
        ("gemma-3-4b-it-IQ3_XS.gguf", "IQ3_XS"),
        ("Llama-3.2-1B-Instruct-BF16.gguf", "BF16"),
        ("phi-4-fp16.gguf", "F16"),
        ("gpt-oss-20b-MXFP4.gguf", "MXFP4"),
        ("model.gguf", None),
    ],
)
def test_quant_from_file_name(name: str, quant: str | None) -> None:
    assert quant_of(name) == quant


def test_shards_are_one_choice_and_best_quality_first() -> None:
    refused: list[str] = []
    choices = group_gguf_files(
        [
            ("big-Q8_0-00002-of-00002.gguf", 5, "b"),
            ("big-Q8_0-00001-of-00002.gguf", 6, "a"),
            ("big-Q4_K_M.gguf", 3, "c"),
            ("mmproj-F16.gguf", 1, "d"),
            ("README.md", 1, None),
            ("../../evil-Q4_0.gguf", 1, None),
            ("/etc/passwd.gguf", 1, None),
        ],
        refused,
    )
    assert [c.name for c in choices] == ["big-Q8_0-00001-of-00002.gguf", "big-Q4_K_M.gguf"]
    assert choices[0].shards == 2 and choices[0].size_bytes == 11
    assert choices[0].to_dict()["files"][1]["filename"] == "big-Q8_0-00002-of-00002.gguf"
    assert refused == ["../../evil-Q4_0.gguf", "/etc/passwd.gguf"]


@pytest.mark.parametrize("bad", ["../x.gguf", "a/../../x.gguf", "/abs.gguf", "C:\\x.gguf", "a\\b.gguf", "", "a//b.gguf", "x\x00.gguf"])
def test_unsafe_paths_are_refused(bad: str) -> None:
    with pytest.raises(InvalidInput, match="unsafe"):
        check_repo_path(bad)
