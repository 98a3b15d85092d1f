"""hangar-cli updates / pin / unpin, as a person (or a nightly script) runs them."""

from __future__ import annotations

import json
from pathlib import Path

from ..conftest import run_cli
from ..lifecycle.conftest import CARD, FILE, app, downloaded, hub, publish, rebuilt_gguf  # noqa: F401 - the lifecycle fixtures


def test_updates_json_reports_a_license_change_with_both_verdicts(hub, downloaded, tiny_gguf) -> None:  # noqa: F811
    new = publish(hub, {**CARD, "license": "cc-by-nc-4.0"}, {FILE: tiny_gguf})
    result = run_cli("updates", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    (model,) = report["models"]
    assert report["license_changes"] == 1 and report["updates_available"] == 1
    assert (model["status"], model["hub_revision"], model["local_revision"]) == ("license_changed", new.sha, downloaded.revision)
    assert (model["license_before"], model["license_after"], model["verdict_before"], model["verdict_after"]) == ("apache-2.0", "cc-by-nc-4.0", "allowed", "blocked")
    assert model["changes"][0].startswith("The license changed from apache-2.0 to cc-by-nc-4.0")


def test_the_table_puts_a_license_change_first_and_loud(hub, downloaded, tiny_gguf) -> None:  # noqa: F811
    publish(hub, {k: v for k, v in CARD.items() if k != "license"}, {FILE: tiny_gguf})
    result = run_cli("updates")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("!! the license of 1 model(s) changed")
    assert lines[1].split() == ["ID", "MODEL", "PINNED", "STATUS", "WHAT", "CHANGED"]
    assert "LICENSE CHANGED!" in lines[2] and "!! The new revision no longer states a license" in lines[2]
    assert lines[-1] == "1 update(s) available: hangar-cli updates --apply MODEL"


def test_apply_refuses_a_license_change_until_it_is_accepted(hub, downloaded, tiny_gguf) -> None:  # noqa: F811
    new = publish(hub, {**CARD, "license": "cc-by-nc-4.0"}, {FILE: tiny_gguf})
    refused = run_cli("updates", "--apply", str(downloaded.id))
    assert refused.returncode == 1
    assert "license changed from apache-2.0 to cc-by-nc-4.0" in refused.stderr and "--accept-license-change" in refused.stderr
    done = run_cli("updates", "--apply", str(downloaded.id), "--accept-license-change", "--json")
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout)
    assert outcome["updated"] and outcome["license_change_accepted"] and outcome["new_revision"] == new.sha and outcome["verified"]


def test_apply_brings_new_bytes_and_says_old_and_new(hub, downloaded, rebuilt_gguf) -> None:  # noqa: F811
    new = publish(hub, CARD, {FILE: rebuilt_gguf})
    result = run_cli("updates", "--apply", str(downloaded.id))
    assert result.returncode == 0, result.stderr
    assert f"revision {downloaded.revision[:12]} -> {new.sha[:12]}" in result.stdout and "(verified)" in result.stdout
    assert Path(downloaded.path).read_bytes() == rebuilt_gguf.read_bytes()


def test_pin_and_unpin(hub, downloaded, rebuilt_gguf) -> None:  # noqa: F811
    publish(hub, CARD, {FILE: rebuilt_gguf})
    assert run_cli("pin", str(downloaded.id)).stdout.startswith(f"pinned {downloaded.name} to revision {downloaded.revision[:12]}")
    row = run_cli("updates").stdout.splitlines()[1]
    assert row.split()[:4] == [str(downloaded.id), downloaded.name, "yes", "pinned"] and "not checked" in row
    model = json.loads(run_cli("updates", "--json").stdout)["models"][0]
    assert model["status"] == "pinned" and model["pinned"] is True
    refused = run_cli("updates", "--apply", str(downloaded.id))
    assert refused.returncode == 1 and "is pinned to revision" in refused.stderr
    assert run_cli("unpin", str(downloaded.id)).returncode == 0
    assert json.loads(run_cli("updates", "--json").stdout)["models"][0]["status"] == "new_file"


def test_an_unreachable_hub_exits_1_and_says_so(hub, downloaded) -> None:  # noqa: F811
    result = run_cli("updates", env={"HF_ENDPOINT": "http://127.0.0.1:9"})
    assert result.returncode == 1 and "Cannot reach the Hugging Face Hub" in result.stdout and "Hub unreachable" in result.stdout
