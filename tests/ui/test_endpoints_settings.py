"""Settings' Remote endpoints: add one with its key (a password field, kept in the keyring and
never shown again), test the connection (the models, or the error that says what is wrong),
edit, remove; the policy's switch turns Add off with its reason."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox

from hangar.core.app import Hangar
from hangar.core.endpoints import keys
from hangar.core.licenses.policy import Policy
from hangar.ui.panes.settings.endpoint_dialog import EndpointDialog
from hangar.ui.panes.settings.pane import SettingsPane
from hangar.ui.services import UiServices

from ..endpoints.fake_endpoint import Behaviour, FakeEndpoint
from .test_accessibility import unnamed_controls

KEY = "sk-ui-test-key-0123456789"


@pytest.fixture(autouse=True)
def _fresh_keys(memory_keyring):
    keys.forget_cache()
    yield
    keys.forget_cache()


@pytest.fixture
def fake():
    with FakeEndpoint(Behaviour(api_key=KEY)) as endpoint:
        yield endpoint


@pytest.fixture
def pane(qtbot):
    app = Hangar.open()
    settings = SettingsPane(UiServices(app))
    qtbot.addWidget(settings)
    yield settings
    app.close()


def test_add_with_a_key_test_and_see_the_models(qtbot, pane, fake, memory_keyring) -> None:
    box = pane.endpoints_box
    assert box.model.rowCount() == 0 and box.add_button.isEnabled() and not box.test_button.isEnabled()
    dialog = EndpointDialog(box.service, None, box)
    qtbot.addWidget(dialog)
    assert dialog.key.echoMode() == QLineEdit.EchoMode.Password
    assert unnamed_controls(dialog) == []
    dialog.name.setText("cluster-a")
    dialog.url.setText(fake.url.removesuffix("/v1"))
    dialog.test()  # without the key: the endpoint says it wants one
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled() and "API key" in dialog.result.text(), timeout=10_000)
    assert "asks for an API key" in dialog.result.text() and "b3261e" in dialog.result.styleSheet()
    dialog.key.setText(KEY)
    dialog.test()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled() and "answers" in dialog.result.text(), timeout=10_000)
    assert "2 models: qwen2.5-7b, Qwen/Qwen2.5-7B-Instruct" in dialog.result.text()
    dialog.accept()
    assert dialog.saved is not None and dialog.key.text() == ""
    assert memory_keyring[("Hangar", "endpoint:cluster-a")] == KEY
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=5_000)
    assert KEY not in (box.service.registry.path.read_text())

    box.table.selectRow(0)
    box.test()
    qtbot.waitUntil(lambda: "answers" in box.result.text(), timeout=10_000)
    assert "cluster-a answers, with 2 models" in box.result.text()
    assert box.model.data(box.model.index(0, 2)) == "in the keyring"
    assert box.model.data(box.model.index(0, 3)).startswith("2 (read ")

    edit = EndpointDialog(box.service, box.service.get("cluster-a"), box)
    qtbot.addWidget(edit)
    assert edit.key.text() == "" and "stored" in edit.key.placeholderText(), "a stored key is never shown again"
    assert not edit.name.isEnabled() and edit.remove_key.isVisibleTo(edit)
    edit.test()  # the stored key is used
    qtbot.waitUntil(lambda: "answers" in edit.result.text(), timeout=10_000)
    edit.reject()


def test_a_wrong_key_gets_its_own_message(qtbot, pane, fake) -> None:
    box = pane.endpoints_box
    box.service.add("cluster-a", fake.url, api_key="sk-not-the-right-one-000")
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=5_000)
    box.table.selectRow(0)
    box.test()
    qtbot.waitUntil(lambda: "refused" in box.result.text(), timeout=10_000)
    assert "The endpoint cluster-a refused the API key (HTTP 401)" in box.result.text() and "sk-not-the-right" not in box.result.text()


def test_a_refused_save_keeps_the_dialog_open(qtbot, pane) -> None:
    dialog = EndpointDialog(pane.endpoints_box.service, None, pane)
    qtbot.addWidget(dialog)
    dialog.name.setText("cluster a")
    dialog.url.setText("https://llm.example.com")
    dialog.accept()
    assert dialog.saved is None and "name" in dialog.result.text()


def test_remove_asks_then_removes_with_the_key(qtbot, pane, fake, memory_keyring, monkeypatch) -> None:
    box = pane.endpoints_box
    box.service.add("cluster-a", fake.url, api_key=KEY)
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=5_000)
    box.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    box.remove()
    qtbot.waitUntil(lambda: box.model.rowCount() == 0, timeout=5_000)
    assert ("Hangar", "endpoint:cluster-a") not in memory_keyring and "removed" in box.result.text()


def test_the_policy_switch_turns_add_off_with_its_reason(qtbot, pane, fake) -> None:
    box = pane.endpoints_box
    box.service.add("cluster-a", fake.url)
    pane.services.app.policy.replace(Policy(name="On premises only", allow_remote_endpoints=False))
    qtbot.waitUntil(lambda: not box.add_button.isEnabled(), timeout=5_000)
    assert box.policy_note.isVisibleTo(box) and 'The license policy "On premises only" forbids remote endpoints' in box.policy_note.text()
    box.table.selectRow(0)
    assert not box.test_button.isEnabled() and box.remove_button.isEnabled()


def test_the_settings_pane_names_its_new_controls(qtbot, pane) -> None:
    assert unnamed_controls(pane) == []
