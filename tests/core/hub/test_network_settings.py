"""Network settings for closed networks: a Hub mirror, a proxy and the organisation's CA, used by
every Hub call (huggingface_hub's client) and every download (Hangar's own)."""

from __future__ import annotations

import http.server
import shutil
import ssl
import subprocess
import threading
import urllib.request
from pathlib import Path

import pytest

from hangar.core.app import Hangar
from hangar.core.common.errors import HangarError, InvalidInput
from hangar.core.hub import network

from ...fixtures.hub_server import HubServer

pytestmark = pytest.mark.slow
REPO, FILE = "Qwen/Qwen3-8B-GGUF", "Qwen3-8B-Q4_K_M.gguf"


@pytest.fixture(autouse=True)
def _reset_network():
    yield
    network.configure(network.Network())


@pytest.fixture
def mirror(demo_repos):
    """The demo Hub as an internal mirror, with HF_ENDPOINT still pointing at a closed port."""
    with HubServer() as server:
        for repo in demo_repos:
            server.add_repo(repo)
        yield server


class _Proxy(http.server.BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_GET(self) -> None:  # a forward proxy: the request line holds the whole URL
        self.seen.append(self.path)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "proxy-connection", "connection")}
        with urllib.request.urlopen(urllib.request.Request(self.path, headers=headers), timeout=30) as answer:
            body = answer.read()
            self.send_response(answer.status)
            for key, value in answer.headers.items():
                if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    do_HEAD = do_GET

    def log_message(self, *args) -> None:
        pass


def test_bad_values_are_refused_with_the_reason(tmp_path) -> None:
    app = Hangar.open()
    try:
        with pytest.raises(InvalidInput, match="must be an http"):
            app.settings.set("hub_endpoint", "hub.corp.example")
        with pytest.raises(InvalidInput, match="proxy must be an address"):
            app.settings.set("http_proxy", "proxy:3128")
        with pytest.raises(InvalidInput, match="is not a file"):
            app.settings.set("ca_bundle", str(tmp_path / "none.pem"))
        junk = tmp_path / "junk.pem"
        junk.write_text("not a certificate")
        with pytest.raises(InvalidInput, match="holds no certificate"):
            app.settings.set("ca_bundle", str(junk))
        assert app.settings.get("hub_endpoint") == "" and network.current() == network.Network(), "nothing changed"
    finally:
        app.close()


def test_the_mirror_and_the_proxy_carry_searches_and_downloads(mirror) -> None:
    _Proxy.seen = []
    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Proxy)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    app = Hangar.open()
    try:
        app.settings.update({"hub_endpoint": mirror.endpoint + "/", "http_proxy": f"http://127.0.0.1:{proxy.server_address[1]}"})
        assert app.settings.get("hub_endpoint") == mirror.endpoint, "kept without the trailing slash"
        found = app.hub.catalog().search("qwen")
        assert any(r["id"] == REPO for r in found)
        outcome = app.downloads.download_now(REPO, FILE)
        assert outcome.verified
        assert any("/api/models" in p for p in _Proxy.seen), "the search went through the proxy"
        assert any("/resolve/" in p and FILE in p for p in _Proxy.seen), "the download went through the proxy"
        assert all(p.startswith(mirror.endpoint) for p in _Proxy.seen), "every request went to the mirror"
    finally:
        app.close()
        proxy.shutdown()


def _certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "corp-ca.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)  # fmt: skip
    return cert, key


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command to make a certificate")
def test_a_mirror_signed_by_the_organisations_ca(mirror, tmp_path) -> None:
    cert, key = _certificate(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    mirror._server.socket = context.wrap_socket(mirror._server.socket, server_side=True)
    https = mirror.endpoint.replace("http://", "https://")
    app = Hangar.open()
    try:
        app.settings.set("hub_endpoint", https)
        with pytest.raises(HangarError):  # the system does not trust the organisation's CA yet
            app.hub.catalog().search("qwen")
        app.settings.set("ca_bundle", str(cert))
        assert any(r["id"] == REPO for r in app.hub.catalog().search("qwen"))
        assert app.downloads.download_now(REPO, FILE).verified
    finally:
        app.close()


def test_the_settings_network_box_applies_or_names_the_refused_value(qtbot, tmp_path) -> None:
    from hangar.ui.panes.settings.network_box import NetworkBox
    from hangar.ui.services import UiServices

    app = Hangar.open()
    try:
        box = NetworkBox(UiServices(app))
        qtbot.addWidget(box)
        box.endpoint.setText("ftp://mirror")
        assert not box.apply() and "must be an http" in box.status.text() and app.settings.get("hub_endpoint") == ""
        box.endpoint.setText("https://hf-mirror.corp.example/")
        box.proxy.setText("http://proxy.corp.example:3128")
        assert box.apply() and "https://hf-mirror.corp.example" in box.status.text()
        assert network.current() == network.Network("https://hf-mirror.corp.example", "http://proxy.corp.example:3128", "")
        assert app.settings.get("http_proxy") == "http://proxy.corp.example:3128"
    finally:
        app.close()
