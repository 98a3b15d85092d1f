"""search, files, download, models, import and remove, as a user types them."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import run_cli
from ..fixtures.hub_repos import HubRepo
from ..fixtures.hub_server import VALID_TOKEN

pytestmark = pytest.mark.slow


def test_search_and_files_json(demo_hub) -> None:
    found = json.loads(run_cli("search", "qwen", "--json").stdout)
    assert {r["id"] for r in found} == {"Qwen/Qwen3-8B-GGUF", "unsloth/DeepSeek-R1-Distill-Qwen-7B-GGUF"}
    assert {"id", "downloads", "likes", "license"} <= set(found[0])
    result = run_cli("files", "Qwen/Qwen3-8B-GGUF", "--json")
    assert result.returncode == 0, result.stderr
    files = json.loads(result.stdout)
    assert [f["quant"] for f in files] == ["Q8_0", "Q6_K", "Q4_K_M", "IQ3_XS"]
    for entry in files:
        assert {"filename", "size_bytes", "sha256", "quant", "shards", "fit"} <= set(entry)
        assert entry["fit"]["CPU memory"]["verdict"] == "fits"
    assert sum(f["recommended"] for f in files) == 1


def test_download_then_models_then_remove(demo_hub, hangar_home: Path) -> None:
    result = run_cli("download", "Qwen/Qwen3-8B-GGUF", "Qwen3-8B-Q4_K_M.gguf", "--json")
    assert result.returncode == 0, result.stderr
    done = json.loads(result.stdout)
    expected = demo_hub.state.repos["Qwen/Qwen3-8B-GGUF"].files["Qwen3-8B-Q4_K_M.gguf"]
    assert done["verified"] is True and done["sha256"] == expected.sha256
    assert Path(done["path"]).read_bytes() == expected.data
    assert Path(done["path"]).is_relative_to(hangar_home)
    models = json.loads(run_cli("models", "--json").stdout)
    assert len(models) == 1
    model = models[0]
    for key in ("id", "path", "size_bytes", "sha256", "architecture", "quant", "parameters", "context_length", "license", "repo", "revision"):
        assert key in model
    assert model["repo"] == "Qwen/Qwen3-8B-GGUF" and model["revision"] == demo_hub.state.repos["Qwen/Qwen3-8B-GGUF"].sha
    assert model["name"] == "Qwen3-8B-Q4_K_M", "a download is named after the file people chose"
    assert model["license"] == "apache-2.0", "the Hub card's license fills in when the GGUF names none"
    assert model["synthetic"] is True
    again = run_cli("download", "Qwen/Qwen3-8B-GGUF", "Qwen3-8B-Q4_K_M.gguf")
    assert "already downloaded" in again.stderr
    removed = json.loads(run_cli("remove", str(model["id"]), "--delete-file", "--json").stdout)
    assert removed["freed_bytes"] == expected.data.__len__() and not Path(done["path"]).exists()
    trail = json.loads(run_cli("audit", "export", "--json").stdout)
    assert [e["event"] for e in trail] == ["download", "delete"], "the audit trail records the download and the deletion"
    assert trail[0]["data"]["sha256"] == expected.sha256 and trail[0]["data"]["revision"] == model["revision"]
    assert trail[1]["data"]["file_deleted"] is True and trail[1]["data"]["bytes_freed"] == len(expected.data)


def test_gated_repo_message_and_token(demo_hub) -> None:
    args = ("download", "google/gemma-3-4b-it-qat-q4_0-gguf", "gemma-3-4b-it-qat-q4_0-Q4_K_M.gguf")
    refused = run_cli(*args)
    assert refused.returncode == 1 and "gated" in refused.stderr and "token" in refused.stderr
    allowed = run_cli(*args, env={"HF_TOKEN": VALID_TOKEN})
    assert allowed.returncode == 0, allowed.stderr
    assert VALID_TOKEN not in allowed.stderr + allowed.stdout


def test_unknown_repo_file_and_unsafe_names(demo_hub) -> None:
    unknown = run_cli("files", "nobody/nothing")
    assert unknown.returncode == 1 and "The Hub has no repository nobody/nothing" in unknown.stderr
    missing = run_cli("download", "Qwen/Qwen3-8B-GGUF", "Qwen3-8B-Q2_K.gguf")
    assert missing.returncode == 1 and "has no GGUF file named Qwen3-8B-Q2_K.gguf" in missing.stderr
    evil = HubRepo("mallory/evil-GGUF")
    evil.add_file("../../../../tmp/owned-Q4_0.gguf", b"GGUF" + b"\0" * 100)
    evil.add_file("/etc/owned-Q4_0.gguf", b"GGUF" + b"\0" * 100)
    demo_hub.add_repo(evil)
    listing = run_cli("files", "mallory/evil-GGUF")
    assert "refused unsafe file names" in listing.stdout
    attempt = run_cli("download", "mallory/evil-GGUF", "../../../../tmp/owned-Q4_0.gguf")
    assert attempt.returncode == 1 and "unsafe file name" in attempt.stderr
    assert not Path("/tmp/owned-Q4_0.gguf").exists()


def test_import_refuses_a_non_gguf_file(tmp_path: Path) -> None:
    bad = tmp_path / "model.gguf"
    bad.write_text("not a model")
    result = run_cli("import", str(bad), "--json")
    assert result.returncode == 1
    assert "not a GGUF file" in json.loads(result.stdout)["refused"][0]["reason"]
    assert bad.read_text() == "not a model"


def test_sigkill_at_half_then_resume_transfers_less_than_60_percent(demo_hub, hangar_home: Path) -> None:
    repo = demo_hub.state.repos["Qwen/Qwen3-8B-GGUF"]
    name = "Qwen3-8B-Q6_K.gguf"
    size = len(repo.files[name].data)
    demo_hub.set_faults(name, bytes_per_second=size / 4)  # about four seconds for the whole file
    env = {**os.environ, "HANGAR_HOME": str(hangar_home)}
    proc = subprocess.Popen([sys.executable, "-m", "hangar.cli", "download", repo.repo_id, name], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    part = hangar_home / "models" / repo.repo_id / (name + ".part")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (part.exists() and part.stat().st_size >= size // 2):
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    kept = part.stat().st_size
    assert size * 0.45 <= kept < size
    demo_hub.clear_faults()
    before = demo_hub.bytes_served(name)
    result = run_cli("download", repo.repo_id, name, "--json")
    assert result.returncode == 0, result.stderr
    second = demo_hub.bytes_served(name) - before
    assert second < 0.6 * size, f"the second run fetched {second:,} of {size:,} bytes"
    done = json.loads(result.stdout)
    assert done["sha256"] == hashlib.sha256(repo.files[name].data).hexdigest()
    assert Path(done["path"]).read_bytes() == repo.files[name].data


@pytest.mark.parametrize(
    ("fault", "said"),
    [
        ({"html": True}, "with something that is not JSON"),
        ({"invalid_json": True}, "with something that is not JSON"),
        ({"odd_json": '"surprise"'}, "in a form Hangar does not understand"),
        ({"redirect_loop": True}, "in a loop"),
    ],
)
def test_a_hub_that_is_not_one_gets_a_message_from_every_command(hub, fault: dict, said: str) -> None:
    hub.set_api_faults(**fault)
    for command in (("search", "tiny"), ("files", "hangar-test/tiny-llama-GGUF"), ("download", "hangar-test/tiny-llama-GGUF", "tiny-llama-Q8_0.gguf")):
        result = run_cli(*command, env={"HF_ENDPOINT": hub.endpoint})
        assert result.returncode == 1, (command, result.stderr)
        assert "unexpected error" not in result.stderr and said in result.stderr, (command, result.stderr)
        assert "HF_ENDPOINT" in result.stderr, "the hint says where to look"


def test_search_against_a_next_link_to_itself_ends_at_once(hub) -> None:
    hub.set_api_faults(next_to_self=True)
    for query in ("nothing-matches-this", "tiny"):
        started = time.monotonic()
        result = run_cli("search", query, "--json", env={"HF_ENDPOINT": hub.endpoint})
        assert time.monotonic() - started < 30
        assert result.returncode == 1 and json.loads(result.stderr)["error"]["code"] == "hub_runaway"
        assert "round in circles" in result.stderr
    assert hub.api_requests() <= 6, "two searches: a reachability check and one page each"


def test_a_search_longer_than_a_url_can_be(hub) -> None:
    result = run_cli("search", "q" * 120_000, env={"HF_ENDPOINT": hub.endpoint})
    assert result.returncode == 1 and "unexpected error" not in result.stderr
    assert "The search text is 120,000 characters long; the Hub takes at most 256." in result.stderr
    assert hub.api_requests() == 0
