"""Control sequences in a model's name never reach the terminal raw (issue 14); JSON stays JSON."""

from __future__ import annotations

import json
from pathlib import Path

from hangar.cli.terminal import json_safe, terminal_safe

from ..conftest import run_cli
from ..core.gguf.hostile import rewrite_metadata

EVIL = "evil\x1b[2J\x1b]52;c;aGk=\x07\u202egnp.exe\r\x9b31m"
RAW = ("\x1b", "\x07", "\u202e", "\r", "\x9b")


def test_control_characters_become_visible_escapes() -> None:
    assert terminal_safe(EVIL) == "evil\\x1b[2J\\x1b]52;c;aGk=\\x07\\u202egnp.exe\\r\\x9b31m"
    assert terminal_safe("two\nlines\twith a tab, 中文 and é") == "two\nlines\twith a tab, 中文 and é"
    for char in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\x7f\x00":
        assert char not in terminal_safe(f"a{char}b")


def test_json_safe_is_the_same_document() -> None:
    data = {"name": EVIL, "n": [1, "ok"]}
    text = json_safe(json.dumps(data, ensure_ascii=False))
    assert json.loads(text) == data
    assert not any(char in text for char in RAW)


def _evil_model(tiny_gguf: Path, folder: Path) -> Path:
    folder.mkdir()
    return rewrite_metadata(tiny_gguf, folder / "evil.gguf", {"general.name": EVIL, "general.license": EVIL})


def test_import_models_and_license_print_the_name_escaped(tiny_gguf: Path, tmp_path: Path) -> None:
    path = _evil_model(tiny_gguf, tmp_path / "models")
    outputs = [run_cli("import", str(path)), run_cli("models"), run_cli("license", "evil"), run_cli("license", str(path))]
    for result in outputs:
        assert result.returncode == 0, result.stderr
        for char in RAW:
            assert char not in result.stdout and char not in result.stderr, (char, result.args)
        assert "\\u202egnp.exe" in result.stdout, "the name (or the license's evidence) is shown, escaped"
    assert "evil\\x1b[2J" in outputs[0].stdout and "evil\\x1b[2J" in outputs[1].stdout


def test_json_output_is_json_and_keeps_the_real_name(tiny_gguf: Path, tmp_path: Path) -> None:
    path = _evil_model(tiny_gguf, tmp_path / "models")
    imported = run_cli("import", str(path), "--json")
    assert json.loads(imported.stdout)["added"][0]["name"] == EVIL
    listed = run_cli("models", "--json")
    assert [m["name"] for m in json.loads(listed.stdout)] == [EVIL], "the data is the model's own name"
    license_ = run_cli("license", "evil", "--json")
    assert json.loads(license_.stdout)["subject"].startswith("evil")
    for result in (imported, listed, license_):
        assert not any(char in result.stdout for char in RAW)


def test_an_error_naming_the_model_is_escaped_too(tiny_gguf: Path, tmp_path: Path) -> None:
    path = _evil_model(tiny_gguf, tmp_path / "models")
    run_cli("import", str(path))
    result = run_cli("remove", "evil", "--delete-file")  # refused: Hangar did not download it
    assert result.returncode == 1 and "evil\\x1b[2J" in result.stderr
    assert not any(char in result.stderr for char in RAW)
