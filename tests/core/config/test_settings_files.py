"""A settings file that cannot be read is never overwritten; a BOM is read; a FIFO, a deep
nesting, a huge file or a full disk give a plain message (issue 14)."""

from __future__ import annotations

import errno
import json
import logging
import os
import threading
from pathlib import Path

import pytest

from hangar.core.common.errors import DiskFull
from hangar.core.config import settings as settings_module
from hangar.core.config.settings import MAX_SETTINGS_BYTES, Settings, load_settings, save_settings

VALUES = {"models_dir": "/srv/models", "threads": 6, "cost_per_hour": 2.5, "cost_currency": "EUR"}


def test_a_utf8_bom_is_read_and_the_values_survive_a_save(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(VALUES).encode())
    settings = load_settings(path)
    assert settings.problems == []
    assert (settings.models_dir, settings.threads, settings.cost_per_hour, settings.cost_currency) == ("/srv/models", 6, 2.5, "EUR")
    settings.threads = 4
    save_settings(settings, path)
    again = json.loads(path.read_text(encoding="utf-8"))
    assert again["threads"] == 4 and again["models_dir"] == "/srv/models" and again["cost_per_hour"] == 2.5
    assert list(tmp_path.iterdir()) == [path], "nothing was set aside: the file was read"


def test_utf16_with_a_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(json.dumps(VALUES).encode("utf-16"))  # Notepad's "Unicode"
    assert load_settings(path).threads == 6


def test_an_unreadable_file_is_moved_aside_before_the_first_save(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"threads": 6, "models_dir": "/srv/models", oops')
    settings = load_settings(path)
    assert settings == Settings()
    aside = Path(settings.set_aside)
    assert aside.name.startswith("settings.json.unreadable-")
    assert "kept" in settings.problems[0] and str(aside) in settings.problems[0]
    assert path.read_text().endswith("oops"), "loading changes nothing"
    settings.threads = 4
    moved = save_settings(settings, path)
    assert moved == aside and aside.read_text().endswith("oops"), "the user's file is kept, byte for byte"
    assert json.loads(path.read_text())["threads"] == 4
    assert str(aside) in settings.problems[-1] and "moved" in settings.problems[-1]
    save_settings(settings, path)  # later saves replace the new file as usual
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, aside.name])


def test_the_aside_name_never_replaces_an_earlier_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings_module.time, "strftime", lambda _fmt: "20250101-000000")
    path = tmp_path / "settings.json"
    for text in ("first garbage", "second garbage"):
        path.write_text(text)
        settings = load_settings(path)
        save_settings(settings, path)
    kept = sorted(p.read_text() for p in tmp_path.glob("settings.json.unreadable-*"))
    assert kept == ["first garbage", "second garbage"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_refused_without_blocking_and_moved_aside_on_save(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    os.mkfifo(path)
    done: list[Settings] = []
    reader = threading.Thread(target=lambda: done.append(load_settings(path)), daemon=True)
    reader.start()
    reader.join(5)
    assert done, "load_settings blocked on a FIFO"
    settings = done[0]
    assert "named pipe" in settings.problems[0] and settings == Settings()
    save_settings(settings, path)
    assert path.is_file() and Path(settings.problems[-1].fields["aside"]).exists()


def test_a_deeply_nested_file_is_a_clear_problem(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    settings = load_settings(path)
    assert "nested too deeply" in settings.problems[0] and settings == Settings()


def test_a_huge_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    with open(path, "wb") as handle:
        handle.truncate(MAX_SETTINGS_BYTES * 4096)  # 4 GiB, sparse
    settings = load_settings(path)
    assert "more than the 1.0 MiB" in settings.problems[0]


def test_a_folder_in_its_place_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.mkdir()
    settings = load_settings(path)
    assert "a folder, not a regular file" in settings.problems[0]
    save_settings(settings, path)
    assert path.is_file()


def test_non_finite_and_negative_costs_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"cost_per_hour": NaN, "cost_power_watts": -5, "cost_lifetime_hours": ' + "9" * 400 + ', "threads": 3}')
    settings = load_settings(path)
    assert settings.cost_per_hour == 0.0 and settings.cost_power_watts == 0.0 and settings.cost_lifetime_hours == 0.0
    assert settings.threads == 3 and settings.problems


def test_a_full_disk_is_disk_full_and_the_file_is_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.json"
    save_settings(Settings(threads=6), path)

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(settings_module.os, "fsync", full)
    with pytest.raises(DiskFull, match="is full") as raised:
        save_settings(Settings(threads=2), path)
    assert raised.value.__cause__ is None and raised.value.__suppress_context__
    assert json.loads(path.read_text())["threads"] == 6
    assert not list(tmp_path.glob(".settings-*"))


def test_a_log_that_cannot_be_written_says_one_line_without_the_arguments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from hangar.core.config import logs

    handler = logs._LogFile(tmp_path / "hangar.log", maxBytes=1000, backupCount=1, encoding="utf-8")
    monkeypatch.setattr(logs._LogFile, "_said", False)

    def full(_record) -> bool:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(handler, "shouldRollover", full)
    logger = logging.getLogger("hangar.test.fulldisk")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("token is %s", "hf_SECRETSECRETSECRET")
        logger.warning("again %s", "hf_SECRETSECRETSECRET")
    finally:
        logger.removeHandler(handler)
        handler.close()
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Arguments" not in err and "hf_SECRET" not in err
    assert err.count("cannot be written (No space left on device)") == 1
