"""Updating a model: the old file stays until the new one is verified, a license change waits
for a person, a pinned model stays, the managed policy's gate applies, the trail records it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hangar.core.app.governance import PolicyRefusal
from hangar.core.app.updates import LicenseChangeNotAccepted, UpdateFailed
from hangar.core.common.errors import InvalidInput
from hangar.core.lifecycle.status import UpdateStatus

from .conftest import CARD, FILE, REPO, publish


def _rows(app) -> list[dict]:
    return [dict(r) for r in app.ctx.database.query("SELECT id, revision, size_bytes, sha256, license, state FROM downloads ORDER BY id")]


def _updates(app) -> list[dict]:
    return [e["data"] for e in app.audit.entries(events={"update"}) if e["data"].get("action") == "update"]


def test_new_bytes_replace_the_old_file_once_verified_and_the_trail_says_so(app, hub, downloaded, rebuilt_gguf) -> None:
    new = publish(hub, CARD, {FILE: rebuilt_gguf})
    outcome = app.updates.update(downloaded.id)
    model = outcome.model
    assert outcome.updated and outcome.verified and outcome.transferred_bytes == len(rebuilt_gguf.read_bytes())
    assert (model.id, model.path, model.name) == (downloaded.id, downloaded.path, downloaded.name), "the same entry, the same file name"
    assert (model.revision, model.sha256) == (new.sha, new.files[FILE].sha256)
    assert Path(model.path).read_bytes() == rebuilt_gguf.read_bytes()
    assert not list(Path(model.path).parent.glob("*.part*")), "no partial file left"
    assert len(app.library.list()) == 1
    (event,) = _updates(app)
    assert (event["old_revision"], event["new_revision"]) == (downloaded.revision, new.sha)
    assert (event["old_sha256"], event["new_sha256"]) == (downloaded.sha256, new.files[FILE].sha256)
    assert event["verified"] is True and event["file"] == FILE and event["license_change_accepted"] is False
    assert _rows(app)[0]["revision"] == new.sha and _rows(app)[0]["state"] == "done"
    (check,) = app.updates.check()
    assert check.status is UpdateStatus.UP_TO_DATE


def test_a_new_file_that_fails_verification_leaves_the_old_file_and_entry_usable(app, hub, downloaded, rebuilt_gguf) -> None:
    publish(hub, CARD, {FILE: rebuilt_gguf})
    old_bytes, rows = Path(downloaded.path).read_bytes(), _rows(app)
    hub.set_faults(FILE, corrupt=True)  # the new revision's bytes arrive damaged
    with pytest.raises(UpdateFailed) as caught:
        app.updates.update(downloaded.id)
    assert caught.value.cause == "hash_mismatch"
    assert "was not updated" in caught.value.message and "unchanged and still works" in caught.value.message
    assert Path(downloaded.path).read_bytes() == old_bytes
    model = app.library.usable(downloaded.id)
    assert (model.revision, model.sha256, model.path) == (downloaded.revision, downloaded.sha256, downloaded.path)
    assert _rows(app) == rows, "the queue's row describes the file that is still here"
    assert list((Path(downloaded.path).parent / ".quarantine").iterdir()), "the damaged download is kept aside"
    assert _updates(app) == []
    hub.clear_faults()
    (check,) = app.updates.check()
    assert check.status is UpdateStatus.NEW_FILE and check.update_available, "it can be tried again"
    assert app.updates.update(downloaded.id).verified


def test_a_license_change_must_be_accepted_before_the_update(app, hub, downloaded, tiny_gguf) -> None:
    new = publish(hub, {**CARD, "license": "cc-by-nc-4.0"}, {FILE: tiny_gguf})
    rows = _rows(app)
    with pytest.raises(LicenseChangeNotAccepted) as caught:
        app.updates.update(downloaded.id)
    assert "license changed from apache-2.0 to cc-by-nc-4.0" in caught.value.message and "--accept-license-change" in caught.value.hint
    assert app.library.get(downloaded.id).revision == downloaded.revision and _rows(app) == rows
    outcome = app.updates.update(downloaded.id, accept_license_change=True)
    assert outcome.updated and outcome.license_change_accepted and outcome.model.revision == new.sha
    assert outcome.transferred_bytes == 0 and outcome.verified, "the bytes were the same: checked, not downloaded"
    (event,) = _updates(app)
    assert event["license_change_accepted"] is True and (event["license_before"], event["license_after"]) == ("apache-2.0", "cc-by-nc-4.0")
    assert (event["verdict_before"], event["verdict_after"]) == ("allowed", "blocked")


def test_a_pinned_model_is_not_updated(app, hub, downloaded, rebuilt_gguf) -> None:
    publish(hub, CARD, {FILE: rebuilt_gguf})
    app.updates.pin(downloaded.id)
    with pytest.raises(InvalidInput, match="is pinned to revision"):
        app.updates.update(downloaded.id)
    assert Path(downloaded.path).read_bytes() != rebuilt_gguf.read_bytes()
    assert app.library.get(downloaded.id).revision == downloaded.revision


def test_a_renamed_file_is_not_updated_and_says_why(app, hub, downloaded, tiny_gguf) -> None:
    publish(hub, CARD, {"Tiny-v2-Q8_0.gguf": tiny_gguf})
    with pytest.raises(InvalidInput, match="renamed to Tiny-v2-Q8_0.gguf"):
        app.updates.update(downloaded.id)
    assert app.library.get(downloaded.id).revision == downloaded.revision


def test_the_managed_policy_gates_an_update_as_any_download(app, hub, downloaded, rebuilt_gguf, tmp_path, monkeypatch) -> None:
    publish(hub, CARD, {FILE: rebuilt_gguf})
    policy = tmp_path / "etc-hangar" / "policy.json"
    policy.parent.mkdir()
    policy.write_text(json.dumps({"format": "hangar-managed-policy", "version": 1, "policy": {"name": "Corp"},
                                  "download_endpoints": ["https://hub-mirror.corp.example"]}))  # fmt: skip
    monkeypatch.setenv("HANGAR_MANAGED_POLICY", str(policy))
    with pytest.raises(PolicyRefusal, match="only from https://hub-mirror.corp.example"):
        app.updates.update(downloaded.id)
    assert Path(downloaded.path).read_bytes() != rebuilt_gguf.read_bytes()
    assert app.library.get(downloaded.id).revision == downloaded.revision


def test_an_unreachable_hub_updates_nothing(app, hub, downloaded, rebuilt_gguf, monkeypatch) -> None:
    publish(hub, CARD, {FILE: rebuilt_gguf})
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    with pytest.raises(UpdateFailed, match="Cannot reach"):
        app.updates.update(downloaded.id)
    assert app.library.get(downloaded.id).revision == downloaded.revision


def test_an_up_to_date_model_is_left_alone(app, hub, downloaded) -> None:
    outcome = app.updates.update(downloaded.id)
    assert not outcome.updated and outcome.new_revision == downloaded.revision and _updates(app) == []


def test_a_model_from_another_app_is_checked_but_not_updated(app, hub, downloaded, rebuilt_gguf) -> None:
    app.ctx.database.execute("UPDATE models SET source = 'hf-cache' WHERE id = ?", (downloaded.id,))
    publish(hub, CARD, {FILE: rebuilt_gguf})
    (check,) = app.updates.check()
    assert check.status is UpdateStatus.NEW_FILE
    with pytest.raises(InvalidInput, match="updates only the files it downloaded"):
        app.updates.update(downloaded.id)


def test_replanning_a_file_in_place_downloads_it_again_only_when_asked(app, hub, downloaded, rebuilt_gguf) -> None:
    """The one change the update needed in the queue (DownloadManager.plan(replace=True))."""
    new = publish(hub, CARD, {FILE: rebuilt_gguf})
    manager = app.downloads.manager
    (row,) = manager.plan(REPO, FILE)
    kept = manager.get(row)
    assert (kept.state, kept.revision) == ("done", downloaded.revision), "a file in place keeps its row"
    (row,) = manager.plan(REPO, FILE, new.sha, replace=True)
    again = manager.get(row)
    assert (again.state, again.revision, again.sha256) == ("queued", new.sha, new.files[FILE].sha256)
    assert Path(downloaded.path).read_bytes() != rebuilt_gguf.read_bytes(), "planning downloads nothing"
