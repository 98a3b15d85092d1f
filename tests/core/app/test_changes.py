"""The application layer announces every change once, and refuses bad settings without losing the old value."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hangar.core.app import Change, Hangar, LibraryEvent
from hangar.core.common.errors import InvalidInput


def test_every_library_change_is_announced_once(tiny_gguf: Path, tmp_path: Path) -> None:
    """The layer, without a window: import, rename, use and delete each report one change."""
    app = Hangar.open()
    seen = []
    app.changes.subscribe(lambda report: seen.append(report))
    file = Path(shutil.copy(tiny_gguf, tmp_path / "announced.gguf"))
    added = app.library.import_path(file).added
    assert app.library.rename(added[0].id, "  My   model ").name == "My model"
    app.library.touch(added[0])
    app.library.remove(added[0].id, delete_file=False)
    assert [r.change for r in seen if r.change is Change.AUDIT] == [Change.AUDIT] * 2, "the import and the removal are recorded"
    seen = [r for r in seen if r.change is not Change.AUDIT]
    assert [r.change for r in seen] == [Change.LIBRARY] * 4
    assert [r.detail.event for r in seen] == [LibraryEvent.IMPORTED, LibraryEvent.RENAMED, LibraryEvent.USED, LibraryEvent.REMOVED]
    assert all(r.detail.model_ids == (added[0].id,) for r in seen)
    assert app.library.list() == []
    app.close()


def test_a_setting_is_parsed_validated_saved_and_announced_once(tmp_path: Path) -> None:
    app = Hangar.open()
    seen = []
    app.changes.subscribe(lambda report: seen.append((report.change, report.detail)))
    assert app.settings.set("threads", "6") == 6, "text from a person is parsed to the setting's type"
    assert app.settings.set("threads", 6) == 6 and seen == [(Change.SETTINGS, "threads")], "no change, no report"
    with pytest.raises(InvalidInput, match="between 0"):
        app.settings.set("threads", 5000)
    with pytest.raises(InvalidInput, match="whole number"):
        app.settings.set("threads", "many")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(InvalidInput, match="Cannot use"):
        app.settings.set("models_dir", str(blocker / "models"))
    reopened = Hangar.open()
    assert reopened.settings.get("threads") == 6 and reopened.settings.get("models_dir") == "", "refused values were never saved"
    target = tmp_path / "models"
    app.settings.set("models_dir", str(target))
    assert target.is_dir() and app.downloads.models_dir == target, "new downloads go to the new folder at once"
    app.settings.update({"cost_per_hour": 2, "cost_currency": "EUR"})
    assert app.settings.current.cost_per_hour == 2.0 and isinstance(app.settings.current.cost_per_hour, float)
    assert [d for _c, d in seen] == ["threads", "models_dir", "cost_per_hour", "cost_currency"]
    app.close()
    reopened.close()


def test_a_stale_id_never_resolves_to_another_model(tiny_gguf: Path, tmp_path: Path) -> None:
    """'3' once named model 3; after it is removed it must not match 'Qwen3' by its digits."""
    app = Hangar.open()
    first = app.library.import_path(Path(shutil.copy(tiny_gguf, tmp_path / "Qwen3-tiny.gguf"))).added[0]
    second = app.library.import_path(Path(shutil.copy(tiny_gguf, tmp_path / "other.gguf"))).added[0]
    stale = str(second.id + 1)
    for ref in (stale, int(stale)):
        with pytest.raises(InvalidInput, match="has the id"):
            app.library.get(ref)
        with pytest.raises(InvalidInput, match="has the id"):
            app.models.resolve(ref)
    assert app.library.get(str(first.id)).id == first.id and app.library.get("Qwen3").id == first.id
    app.close()


def test_conversations_change_through_the_layer_and_a_busy_one_is_kept() -> None:
    app = Hangar.open()
    seen = []
    app.changes.subscribe(lambda report: seen.append(report.change))
    conversation = app.chats.store.create()
    assert app.chats.rename(conversation.id, "  Trip   to Lyon ").title == "Trip to Lyon"
    with pytest.raises(InvalidInput, match="cannot be empty"):
        app.chats.rename(conversation.id, "   ")
    app.chats.busy.add(conversation.id)  # a reply is being written into it
    with pytest.raises(InvalidInput, match="Stop it first"):
        app.chats.delete(conversation.id)
    assert app.chats.store.get(conversation.id).title == "Trip to Lyon"
    app.chats.busy.discard(conversation.id)
    app.chats.delete(conversation.id)
    assert app.chats.store.list() == [] and seen == [Change.CONVERSATIONS, Change.CONVERSATIONS]
    app.close()
