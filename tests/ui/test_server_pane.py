"""The Server pane: start the real server on a free port, call it, follow the log, manage keys, stop."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from hangar.core.app import Hangar
from hangar.core.config.context import AppContext
from hangar.ui.panes.server.pane import ServerPane
from hangar.ui.services import UiServices

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_is_free(port: int) -> bool:
    """Nobody listens there and a server could listen there again (as uvicorn binds: SO_REUSEADDR,
    which a connection of ours left in TIME_WAIT does not block, but a listener does)."""
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            return False
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            s.listen()
        except OSError:
            return False
        return True


def _get(url: str, key: str | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {key}"} if key else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def _post(url: str, body: dict) -> dict:
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read())


@pytest.fixture
def pane(qtbot, tiny_gguf: Path, hangar_home: Path):
    app = Hangar(AppContext.open())
    app.library.add_file(tiny_gguf)
    services = UiServices(app)
    pane = ServerPane(services)
    qtbot.addWidget(pane)
    pane.show()
    yield pane
    services.close()  # stops a server the test left running
    app.close()


def test_start_call_log_keys_and_stop(qtbot, pane: ServerPane, hangar_home: Path, monkeypatch) -> None:
    assert pane.models.rowCount() == 1 and pane.models.index(0, 2).data() == "idle (unloaded)"
    assert not pane.stop_button.isEnabled()
    port = _free_port()
    pane.port.setValue(port)
    pane.parallel.setValue(2)
    pane.n_ctx.setValue(2048)
    pane.start_button.click()
    qtbot.waitUntil(lambda: pane.control.running, timeout=30_000)
    url = f"http://127.0.0.1:{port}"
    assert pane.control.url == url and url in pane.status.text()
    assert pane.stop_button.isEnabled() and not pane.start_button.isEnabled() and not pane.port.isEnabled()
    alias = pane.models.record(0)["alias"]
    assert f"{url}/v1/chat/completions" in pane.curl_text.toPlainText() and f'"model": "{alias}"' in pane.curl_text.toPlainText()
    assert f'base_url="{url}/v1"' in pane.python_text.toPlainText() and "Authorization" not in pane.curl_text.toPlainText()

    status, models = _get(f"{url}/v1/models")
    assert status == 200 and alias in [m["id"] for m in models["data"]]
    reply = _post(f"{url}/v1/chat/completions", {"model": alias, "messages": [{"role": "user", "content": "secret prompt words"}], "max_tokens": 5})
    usage = reply["usage"]
    qtbot.waitUntil(lambda: pane.log_model.rowCount() == 1, timeout=10_000)
    row = {pane.log_model.headerData(c, Qt.Orientation.Horizontal): pane.log_model.index(0, c).data() for c in range(pane.log_model.columnCount())}
    assert row["Model"] == alias and row["Status"] == "ok"
    assert row["Prompt tokens"] == str(usage["prompt_tokens"]) and row["Completion tokens"] == str(usage["completion_tokens"])
    assert float(row["Tokens/s"]) > 0
    assert "secret prompt words" not in json.dumps(pane.log_model.records), "never the prompt's text"
    qtbot.waitUntil(lambda: pane.models.index(0, 2).data() == "ready", timeout=10_000)
    assert AppContext.open().settings.serve_port == port, "the next start uses the same port"

    # A key: shown once, stored hashed; the server then asks for it.
    pane.key_name.setText("ci-robot")
    pane.create_key_button.click()
    from hangar.ui.panes.server.keys import NewKeyDialog

    dialog = pane.findChild(NewKeyDialog, "newKeyDialog")
    assert dialog is not None and dialog.isVisible()
    secret = dialog.secret.text()
    assert secret.startswith("hk-") and len(secret) > 30
    dialog.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == secret
    dialog.reject()
    qtbot.waitUntil(lambda: pane.findChild(NewKeyDialog, "newKeyDialog") is None)
    assert pane.keys.rowCount() == 1 and pane.keys.index(0, 0).data() == "ci-robot"
    for path in hangar_home.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert secret.encode() not in data and secret.split("-", 2)[2].encode() not in data, f"the secret is in {path}"
    assert "Authorization: Bearer $HANGAR_API_KEY" in pane.curl_text.toPlainText()
    assert not pane.warning.isHidden()
    assert _get(f"{url}/v1/models")[0] == 401
    assert _get(f"{url}/v1/models", secret)[0] == 200

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    pane.keys_table.selectRow(0)
    pane.revoke_button.click()
    assert pane.keys.rowCount() == 0
    assert _get(f"{url}/v1/models", secret)[0] == 200 and _get(f"{url}/v1/models")[0] == 200, "no key left: loopback is open again"

    pane.stop_button.click()
    qtbot.waitUntil(lambda: pane.control.state == "stopped", timeout=30_000)
    assert pane.start_button.isEnabled() and "stopped" in pane.status.text()
    assert _port_is_free(port)
    assert pane.models.index(0, 2).data() == "idle (unloaded)"

    pane.start_button.click()  # a second start after a stop serves again
    qtbot.waitUntil(lambda: pane.control.running, timeout=30_000)
    _post(f"{url}/v1/chat/completions", {"model": alias, "messages": [{"role": "user", "content": "again"}], "max_tokens": 3})
    qtbot.waitUntil(lambda: pane.log_model.rowCount() == 2, timeout=10_000)
    pane.control.shutdown()
    assert _port_is_free(port)


def test_another_address_is_refused_without_a_key(qtbot, pane: ServerPane) -> None:
    pane.host.setCurrentText("0.0.0.0")
    assert not pane.warning.isHidden() and "API key" in pane.warning.text()
    pane.start_button.click()
    assert pane.control.state == "stopped" and "Not started" in pane.status.text()
    pane.key_name.setText("lan")
    pane.create_key_button.click()
    assert "every request needs an API key" in pane.warning.text()


def test_the_window_starts_the_server_when_asked_and_stops_it_on_close(qtbot, tiny_gguf: Path) -> None:
    from hangar.ui.main_window import MainWindow

    port = _free_port()
    app = Hangar.open()
    app.settings.update({"serve_on_start": True, "serve_port": port})
    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.services.server.running, timeout=30_000)
    assert _get(f"http://127.0.0.1:{port}/health")[0] == 200
    window.show_pane("server")
    assert window.pane("server").on_start.isChecked() and str(port) in window.pane("server").status.text()
    window.close()
    assert _port_is_free(port)
