"""The update check: each way a repository can move on after a model was downloaded from it."""

from __future__ import annotations

import datetime as dt

import pytest

from hangar.core.lifecycle.status import UpdateStatus

from ..fixtures.hub_server import VALID_TOKEN
from .conftest import CARD, FILE, REPO, publish


def _check(app):
    (check,) = app.updates.check()
    return check


def test_a_model_whose_repository_did_not_move_is_up_to_date(app, downloaded) -> None:
    check = _check(app)
    assert check.status is UpdateStatus.UP_TO_DATE and not check.revision_changed and not check.update_available
    assert check.hub_revision == downloaded.revision and check.new_sha256 == downloaded.sha256 == check.old_sha256
    assert (check.license_before, check.verdict_before) == (check.license_after, check.verdict_after) == ("apache-2.0", "allowed")
    assert check.changes() == []


def test_another_license_in_the_new_revision_comes_first_and_loud(app, hub, downloaded, tiny_gguf) -> None:
    new = publish(hub, {**CARD, "license": "cc-by-nc-4.0"}, {FILE: tiny_gguf})
    check = _check(app)
    assert check.status is UpdateStatus.LICENSE_CHANGED and check.license_changed and not check.bytes_changed
    assert (check.local_revision, check.hub_revision) == (downloaded.revision, new.sha)
    assert (check.license_before, check.license_after) == ("apache-2.0", "cc-by-nc-4.0")
    assert (check.verdict_before, check.verdict_after) == ("allowed", "blocked")  # the default policy needs commercial use
    first = check.changes()[0]
    assert "license changed from apache-2.0 to cc-by-nc-4.0" in first and "from allowed to blocked" in first
    assert check.update_available  # it can be updated, once the change is accepted (test_update.py)
    assert app.library.get(downloaded.id).revision == downloaded.revision, "a check changes nothing"


def test_a_license_field_that_disappears_is_said_plainly_and_needs_review(app, hub, downloaded, tiny_gguf) -> None:
    # Its base model's name alone would suggest Apache-2.0 (Qwen3): the dropped license still means review.
    publish(hub, {"base_model": "Qwen/Qwen3-8B", "tags": ["gguf"]}, {FILE: tiny_gguf})
    check = _check(app)
    assert check.status is UpdateStatus.LICENSE_CHANGED and check.license_dropped
    assert check.license_before == "apache-2.0" and check.license_after is None
    assert check.verdict_after == "review"
    assert "no longer states a license" in check.changes()[0] and "review" in check.changes()[0]
    assert "no longer states a license" in check.verdict_reasons_after[0]


def test_other_bytes_under_the_same_name_are_a_new_file(app, hub, downloaded, rebuilt_gguf) -> None:
    new = publish(hub, CARD, {FILE: rebuilt_gguf})
    check = _check(app)
    assert check.status is UpdateStatus.NEW_FILE and check.bytes_changed and check.update_available
    assert check.old_sha256 == downloaded.sha256 and check.new_sha256 == new.files[FILE].sha256 != downloaded.sha256
    assert check.old_size == check.new_size == downloaded.size_bytes
    assert any("The file changed" in line for line in check.changes())


def test_a_new_revision_with_the_same_bytes_is_only_metadata(app, hub, downloaded, tiny_gguf) -> None:
    publish(hub, CARD, {FILE: tiny_gguf}, body="# Tiny\n\nNow with a longer card.\n")
    check = _check(app)
    assert check.status is UpdateStatus.METADATA_ONLY and check.revision_changed and not check.bytes_changed and not check.license_changed
    assert any("bytes are the same" in line for line in check.changes())


def test_a_file_renamed_in_the_new_revision_is_found_by_its_bytes(app, hub, downloaded, tiny_gguf, rebuilt_gguf) -> None:
    publish(hub, CARD, {"Tiny-v2-Q8_0.gguf": tiny_gguf})
    check = _check(app)
    assert check.status is UpdateStatus.FILE_GONE and check.renamed_to == "Tiny-v2-Q8_0.gguf" and not check.update_available
    assert "was renamed to Tiny-v2-Q8_0.gguf" in " ".join(check.changes())
    publish(hub, CARD, {"Tiny-rebuilt-Q8_0.gguf": rebuilt_gguf})  # gone; another file of the same quant instead
    check = _check(app)
    assert check.status is UpdateStatus.FILE_GONE and check.renamed_to is None and check.alternatives == ["Tiny-rebuilt-Q8_0.gguf"]
    assert f"{FILE} is not in the new revision; it has Tiny-rebuilt-Q8_0.gguf." in check.changes()


def test_a_deleted_repository_is_a_404_with_its_message(app, hub, downloaded) -> None:
    del hub.state.repos[REPO]
    check = _check(app)
    assert check.status is UpdateStatus.REPO_GONE
    assert "no longer on the Hub (404)" in check.message and "deleted, renamed or made private" in check.message
    assert "nothing was changed" in check.hint
    assert app.library.get(downloaded.id).revision == downloaded.revision


def test_a_repository_made_private_is_a_401_with_its_message(app, hub, downloaded) -> None:
    hub.state.repos[REPO].private = True
    check = _check(app)
    assert check.status is UpdateStatus.NO_ACCESS and check.access == 401
    assert "asks for a sign-in" in check.message and "(401)" in check.message and "token" in check.hint


def test_a_repository_made_gated_since_says_401_without_a_token_and_403_with_one_that_has_no_access(app, hub, downloaded, monkeypatch) -> None:
    hub.state.repos[REPO].gated = "manual"
    check = _check(app)
    assert check.status is UpdateStatus.NO_ACCESS and check.access == 401 and check.gated_after == "manual"
    assert "gated now" in check.message and "(401)" in check.message
    monkeypatch.setenv("HF_TOKEN", "hf_someoneelsesTOKENabcdefghijklmn")
    check = _check(app)
    assert check.status is UpdateStatus.NO_ACCESS and check.access == 403
    assert "no access to its files (403)" in check.message and "Accept the terms" in check.hint


def test_a_gate_that_closes_after_a_check_is_a_change_even_with_access(app, hub, downloaded, monkeypatch) -> None:
    assert _check(app).gated_after == "no"  # the first check: the repository was open
    hub.state.repos[REPO].gated = "auto"
    monkeypatch.setenv("HF_TOKEN", VALID_TOKEN)  # this account was granted access
    check = _check(app)
    assert check.status is UpdateStatus.GATED_CHANGED and check.gated_changed and check.access is None
    assert (check.gated_before, check.gated_after) == ("no", "auto")
    assert "gated state changed from not gated to gated" in check.changes()[0]


def test_an_unreachable_hub_is_said_once_and_changes_nothing(app, hub, downloaded, monkeypatch) -> None:
    before = app.updates.check()
    stored = app.updates.last_checks()
    rows = app.ctx.database.query("SELECT * FROM models")
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # nothing listens there
    (check,) = app.updates.check()
    assert check.status is UpdateStatus.UNREACHABLE and "Cannot reach" in check.message and not check.changed
    assert [dict(r) for r in app.ctx.database.query("SELECT * FROM models")] == [dict(r) for r in rows]
    assert app.updates.last_checks()[downloaded.id].checked_at == stored[downloaded.id].checked_at == before[0].checked_at


def test_an_old_revision_gone_from_the_hub_is_compared_with_what_was_recorded(app, hub, downloaded, rebuilt_gguf) -> None:
    publish(hub, {**CARD, "license": "mit"}, {FILE: rebuilt_gguf})
    hub.state.history.clear()  # a force-push: the revision this copy came from is gone
    check = _check(app)
    assert check.status is UpdateStatus.LICENSE_CHANGED and (check.license_before, check.license_after) == ("apache-2.0", "mit")
    assert check.bytes_changed and any("no longer has revision" in note for note in check.notes)


def test_a_pinned_model_is_not_checked_and_says_so(app, hub, downloaded, rebuilt_gguf) -> None:
    publish(hub, CARD, {FILE: rebuilt_gguf})
    app.updates.pin(downloaded.id)
    asked = hub.api_requests()
    check = _check(app)
    assert check.status is UpdateStatus.PINNED and check.pinned and not check.update_available
    assert hub.api_requests() == asked, "nothing newer is looked for"
    pins = [e["data"] for e in app.audit.entries(events={"update"})]
    assert [p["action"] for p in pins] == ["pin"] and pins[0]["revision"] == downloaded.revision
    app.updates.unpin(downloaded.id)
    assert _check(app).status is UpdateStatus.NEW_FILE


def test_a_model_not_from_the_hub_is_not_checked(app, hub, tiny_gguf) -> None:
    app.library.import_path(tiny_gguf)
    (check,) = app.updates.check()
    assert check.status is UpdateStatus.NOT_FROM_HUB and hub.api_requests() == 0


def test_the_last_check_survives_a_restart(app, hub, downloaded, tiny_gguf) -> None:
    publish(hub, {**CARD, "license": "cc-by-nc-4.0"}, {FILE: tiny_gguf})
    _check(app)
    stored = app.updates.last_checks()[downloaded.id]
    assert stored.status is UpdateStatus.LICENSE_CHANGED and stored.verdict_after == "blocked"
    assert "cc-by-nc-4.0" in stored.changes()[0]


def test_the_daily_check_is_off_unless_chosen_and_then_once_a_day(app, downloaded) -> None:
    assert app.settings.current.update_check_daily is False and not app.updates.daily_check_due()
    app.settings.set("update_check_daily", "true")
    assert app.updates.daily_check_due(), "never checked"
    app.updates.check()
    assert not app.updates.daily_check_due()
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=25)
    assert app.updates.daily_check_due(later)


@pytest.mark.parametrize("value", ["maybe", "2"])
def test_the_daily_setting_takes_only_true_or_false(app, value) -> None:
    from hangar.core.common.errors import InvalidInput

    with pytest.raises(InvalidInput, match="takes true or false"):
        app.settings.set("update_check_daily", value)
