"""hangar-cli against hostile files, as a user meets them (issue 14): a settings file with a
BOM, garbage, a FIFO or deep nesting; a full disk; GGUF files with hostile metadata between
good ones; `--policy /dev/zero`."""

from __future__ import annotations

import errno
import json
import os
import shutil
import time
from pathlib import Path

import pytest

from hangar.cli import main

from ..conftest import run_cli
from ..core.gguf.hostile import ARRAY, UINT32, UINT64, Raw, nested_array, rewrite_metadata

USER = {"models_dir": "/srv/our-models", "threads": 6, "cost_per_hour": 3.25, "cost_currency": "EUR", "language": "zh_CN"}


def _settings_file(home: Path) -> Path:
    path = home / "config" / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def test_a_bom_settings_file_keeps_the_users_values(hangar_home: Path) -> None:
    path = _settings_file(hangar_home)
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(USER, indent=2).encode())
    listed = run_cli("settings", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    values = json.loads(listed.stdout)
    assert {k: values[k] for k in USER} == USER
    assert "could not be read" not in listed.stderr
    text = run_cli("settings", "list")
    assert "models_dir = '/srv/our-models'" in text.stdout and "threads = 6" in text.stdout
    changed = run_cli("settings", "set", "threads", "4")
    assert changed.returncode == 0 and changed.stdout.strip() == "threads = 4"
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved == {**saved, **USER, "threads": 4}
    assert not list(path.parent.glob("settings.json.unreadable-*"))


def test_garbage_is_moved_aside_by_set_and_the_message_names_it(hangar_home: Path) -> None:
    path = _settings_file(hangar_home)
    garbage = b'{"threads": 6, "models_dir": "/srv/our-models",, \xff'
    path.write_bytes(garbage)
    listed = run_cli("settings", "list")
    assert listed.returncode == 0 and "could not be read" in listed.stderr and "kept" in listed.stderr
    assert path.read_bytes() == garbage, "reading never changes the file"
    changed = run_cli("settings", "set", "threads", "4")
    assert changed.returncode == 0, changed.stderr
    kept = list(path.parent.glob("settings.json.unreadable-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == garbage
    assert str(kept[0]) in changed.stderr and "moved to" in changed.stderr
    assert json.loads(path.read_text())["threads"] == 4


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_settings_file_does_not_hang_any_command(hangar_home: Path) -> None:
    path = _settings_file(hangar_home)
    os.mkfifo(path)
    for args in (["settings", "get", "threads"], ["info", "--json"], ["models"]):
        started = time.monotonic()
        result = run_cli(*args, timeout=30)
        assert result.returncode == 0, (args, result.stderr)
        assert time.monotonic() - started < 20
    info = json.loads(run_cli("info", "--json").stdout)
    assert any("named pipe" in p for p in info["settings_problems"])


def test_deeply_nested_settings_give_a_clear_message(hangar_home: Path) -> None:
    path = _settings_file(hangar_home)
    path.write_text("[" * 100_000 + "]" * 100_000)
    result = run_cli("settings", "get", "threads")
    assert result.returncode == 0 and result.stdout.strip() == "0"
    assert "nested too deeply" in result.stderr and "Traceback" not in result.stderr
    assert run_cli("info").returncode == 0


def test_a_full_disk_on_settings_set_is_one_plain_message(capsys, hangar_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hangar.core.config import logs
    from hangar.core.config import settings as settings_module

    def full(*_args) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(settings_module.os, "fsync", full)
        patch.setattr(logs._LogFile, "shouldRollover", full)  # the log is on the same full disk
        patch.setattr(logs._LogFile, "_said", False)
        assert main(["settings", "set", "threads", "5"]) == 1
        err = capsys.readouterr().err
    assert "Traceback" not in err and "Arguments:" not in err and "--- Logging error ---" not in err
    assert "error: The disk holding" in err and "is full." in err
    assert not (hangar_home / "config" / "settings.json").exists(), "nothing half-written"
    assert main(["settings", "set", "threads", "5", "--json"]) == 0, "with space again, the same command works"


def _hostile_folder(tiny_gguf: Path, folder: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copy(tiny_gguf, folder / "a-good.gguf")
    rewrite_metadata(tiny_gguf, folder / "b-overflow.gguf", {"llama.context_length": Raw(UINT64, 2**64 - 1)})
    rewrite_metadata(tiny_gguf, folder / "c-array.gguf", {"llama.context_length": Raw(ARRAY, [1, 2], item=UINT32)})
    rewrite_metadata(tiny_gguf, folder / "d-nested.gguf", {"evil.nested": Raw(ARRAY, nested_array(5000))})
    rewrite_metadata(tiny_gguf, folder / "e-alignment.gguf", {"general.alignment": "32"})
    shutil.copy(tiny_gguf, folder / "f-good.gguf")
    return folder


def test_import_of_a_folder_with_hostile_files_between_good_ones(tiny_gguf: Path, tmp_path: Path) -> None:
    folder = _hostile_folder(tiny_gguf, tmp_path / "models")
    result = run_cli("import", str(folder), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert sorted(Path(m["path"]).name for m in data["added"]) == ["a-good.gguf", "f-good.gguf"]
    reasons = {Path(r["path"]).name: r["reason"] for r in data["refused"]}
    assert "llama.context_length: 18,446,744,073,709,551,615 is outside 0 to 4,294,967,295" in reasons["b-overflow.gguf"]
    assert "llama.context_length: expected a whole number, found an array" in reasons["c-array.gguf"]
    assert "evil.nested: arrays are nested more than 4 deep" in reasons["d-nested.gguf"]
    assert "general.alignment: expected a whole number, found a string" in reasons["e-alignment.gguf"]
    assert all("this file's header is malformed" in r for r in reasons.values())
    info = json.loads(run_cli("info", "--json").stdout)
    assert info["database"]["ok"] is True, "the database stays healthy"
    assert len(json.loads(run_cli("models", "--json").stdout)) == 2


def test_models_scan_goes_past_a_hostile_file_and_reports_it(tiny_gguf: Path, tmp_path: Path) -> None:
    cache = tmp_path / "hf-cache"
    for repo, changes in (("org--first", {}), ("org--evil", {"general.alignment": Raw(UINT32, 3)}), ("org--last", {})):
        snapshot = cache / f"models--{repo}" / "snapshots" / ("a" * 40)
        snapshot.mkdir(parents=True)
        rewrite_metadata(tiny_gguf, snapshot / "model-Q8_0.gguf", changes)
    env = {"HF_HUB_CACHE": str(cache), "OLLAMA_MODELS": str(tmp_path / "no-ollama")}
    result = run_cli("models", "--scan", "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert sorted(m["repo"] for m in json.loads(result.stdout)) == ["org/first", "org/last"]
    assert "models--org--evil" in result.stderr and "general.alignment: the alignment must be a power of two, not 3" in result.stderr
    assert json.loads(run_cli("info", "--json").stdout)["database"]["ok"] is True


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_policy_dev_zero_is_refused_at_once(tiny_gguf: Path) -> None:
    started = time.monotonic()
    result = run_cli("license", str(tiny_gguf), "--policy", "/dev/zero", timeout=30)
    assert result.returncode == 1 and "it is a device, not a regular file" in result.stderr
    assert time.monotonic() - started < 20
