"""Settings: typed defaults, bad files survive, saving is atomic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hangar.core.common.errors import InvalidInput
from hangar.core.config.settings import Settings, coerce, load_settings, save_settings


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "settings.json")
    assert settings == Settings()
    assert settings.threads == 0 and settings.gpu_fallback_to_cpu is True and settings.last_pane == "discover"


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(Settings(threads=6, language="zh_CN", last_pane="chat"), path)
    loaded = load_settings(path)
    assert (loaded.threads, loaded.language, loaded.last_pane) == (6, "zh_CN", "chat")
    assert not list(tmp_path.glob(".settings-*")), "no temporary file may be left behind"


def test_wrong_types_fall_back_to_defaults_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"threads": "eight", "gpu_fallback_to_cpu": 1, "language": "klingon", "theme": "dark"}))
    settings = load_settings(path)
    assert settings.threads == 0 and settings.gpu_fallback_to_cpu is True and settings.language == "system"
    assert settings.theme == "dark"
    assert any("threads" in p for p in settings.problems)
    assert any("klingon" in p for p in settings.problems)


def test_unreadable_file_is_kept_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{ not json")
    settings = load_settings(path)
    assert settings == Settings()
    assert settings.problems and "kept" in settings.problems[0]
    assert path.read_text() == "{ not json"


def test_coerce_parses_typed_values_and_rejects_nonsense() -> None:
    assert coerce("threads", "8") == 8
    assert coerce("gpu_fallback_to_cpu", "off") is False
    with pytest.raises(InvalidInput, match="whole number"):
        coerce("threads", "many")
    with pytest.raises(InvalidInput, match="unknown setting"):
        coerce("colour", "blue")


def test_invalid_values_are_not_saved(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    with pytest.raises(InvalidInput):
        save_settings(Settings(threads=-3), path)
    assert not path.exists()
