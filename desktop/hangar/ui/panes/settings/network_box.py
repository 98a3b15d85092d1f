"""Settings' Network box: the Hub mirror, the proxy and the CA bundle of a closed network.

The three values are applied together (Apply): each is checked first (core/hub/network.py),
a refused one is named with its reason and nothing changes; from then on every Hub call and
every download uses them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ....core.common.errors import HangarError
from ...error_dialog import error_text
from ...services import UiServices


class NetworkBox(QGroupBox):
    def __init__(self, services: UiServices, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Network"), parent)
        self.app = services.app
        settings = self.app.settings
        form = QFormLayout(self)
        intro = QLabel(self.tr("For closed networks: an internal Hugging Face mirror (Artifactory, Nexus), a proxy, and your organisation's certificates. "
                               "Every search, card, license check and download uses them."))  # fmt: skip
        intro.setWordWrap(True)
        form.addRow(intro)
        self.endpoint = QLineEdit(settings.get("hub_endpoint"))
        self.endpoint.setPlaceholderText(self.tr("https://huggingface.co (or HF_ENDPOINT)"))
        self.proxy = QLineEdit(settings.get("http_proxy"))
        self.proxy.setPlaceholderText(self.tr("http://proxy.example.com:3128 (empty: the system's)"))
        self.ca_bundle = QLineEdit(settings.get("ca_bundle"))
        self.ca_bundle.setPlaceholderText(self.tr("PEM file of your organisation's CA (empty: the system's)"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setAccessibleName(self.tr("Choose the CA bundle"))
        browse.clicked.connect(self._browse)
        bundle_row = QHBoxLayout()
        bundle_row.addWidget(self.ca_bundle, 1)
        bundle_row.addWidget(browse)
        bundle = QWidget()
        bundle.setLayout(bundle_row)
        bundle_row.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Hub &endpoint:"), self.endpoint)
        form.addRow(self.tr("&Proxy:"), self.proxy)
        form.addRow(self.tr("&CA bundle:"), bundle)
        label = form.labelForField(bundle)
        if label is not None:
            label.setBuddy(self.ca_bundle)
        self.apply_button = QPushButton(self.tr("&Apply network settings"))
        self.apply_button.clicked.connect(self.apply)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form.addRow(self.apply_button, self.status)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("CA bundle"), str(Path.home()), self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ca_bundle.setText(path)

    def apply(self) -> bool:
        values = {"hub_endpoint": self.endpoint.text().strip(), "http_proxy": self.proxy.text().strip(), "ca_bundle": self.ca_bundle.text().strip()}
        try:
            stored = self.app.settings.update(values, origin="window")
        except HangarError as exc:
            self.status.setText(" ".join(error_text(exc)).strip())
            return False
        self.endpoint.setText(stored["hub_endpoint"])
        self.ca_bundle.setText(stored["ca_bundle"])
        self.status.setText(self.tr("Saved: Hub calls and downloads go to {0}.").format(stored["hub_endpoint"] or self.tr("the default Hub")))
        return True
