"""Adding or editing one remote endpoint: its name, address, API key, CA bundle, and a test.

The key field is a password field; a stored key is never read back into it (editing shows
only that one is stored, and an empty field keeps it). Test connection asks the endpoint for
its models in the background and shows them, or the error that says what is wrong.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ....core.common.errors import HangarError
from ...error_dialog import error_text
from ...tasks import BackgroundTasks

ERROR_STYLE = "color: #b3261e;"


class EndpointDialog(QDialog):
    def __init__(self, service, endpoint=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.endpoint = service, endpoint
        self.saved = None  # the endpoint as saved, once Save succeeded
        self.tasks = BackgroundTasks(self)
        self.setObjectName("endpointDialog")
        self.setWindowTitle(self.tr("Edit endpoint") if endpoint else self.tr("Add an endpoint"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Any server that speaks the OpenAI API: vLLM, vLLM-Ascend, MindIE, TGI, llama-server, Ollama, or another Hangar."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit(endpoint.name if endpoint else "")
        self.name.setAccessibleName(self.tr("Endpoint name"))
        self.name.setPlaceholderText(self.tr("A short name, e.g. cluster-a"))
        self.name.setEnabled(endpoint is None)
        self.url = QLineEdit(endpoint.base_url if endpoint else "")
        self.url.setAccessibleName(self.tr("Endpoint address"))
        self.url.setPlaceholderText("https://llm.example.com/v1")
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setAccessibleName(self.tr("API key"))
        if endpoint is not None and endpoint.has_key:
            self.key.setPlaceholderText(self.tr("A key is stored in the system keyring; leave empty to keep it"))
        else:
            self.key.setPlaceholderText(self.tr("Optional; kept in the system keyring, never shown again"))
        self.remove_key = QCheckBox(self.tr("Remove the stored key"))
        self.remove_key.setVisible(endpoint is not None and endpoint.has_key)
        self.remove_key.toggled.connect(lambda on: self.key.setEnabled(not on))
        self.bundle = QLineEdit((endpoint.ca_bundle or "") if endpoint else "")
        self.bundle.setAccessibleName(self.tr("CA bundle"))
        self.bundle.setPlaceholderText(self.tr("Optional: your organisation's CA certificates (a PEM file)"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setAccessibleName(self.tr("Choose the CA bundle"))
        browse.clicked.connect(self._on_browse)
        bundle_row = QHBoxLayout()
        bundle_row.addWidget(self.bundle, 1)
        bundle_row.addWidget(browse)
        self.verify = QCheckBox(self.tr("Verify the server's TLS certificate"))
        self.verify.setChecked(endpoint.verify_tls if endpoint else True)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Address"), self.url)
        form.addRow(self.tr("API key"), self.key)
        form.addRow("", self.remove_key)
        form.addRow(self.tr("CA bundle"), bundle_row)
        form.addRow("", self.verify)
        layout.addLayout(form)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test)
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        self.result = QLabel()
        self.result.setObjectName("endpointTestResult")
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        privacy = QLabel(self.tr("Prompts and replies to this endpoint's models leave this machine."))
        privacy.setWordWrap(True)
        layout.addWidget(privacy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # -- the test ---------------------------------------------------------------------------------
    def test(self) -> None:
        key = self.key.text().strip() if self.key.isEnabled() else ""
        url, bundle, verify, name = self.url.text(), self.bundle.text(), self.verify.isChecked(), self.name.text().strip()
        self.test_button.setEnabled(False)
        self._say(self.tr("Asking the endpoint for its models…"))
        self.tasks.run(lambda: self.service.test(url, api_key=key or None, ca_bundle=bundle or None, verify_tls=verify, name=name),
                       self._on_tested, self._on_test_failed)  # fmt: skip

    def _on_tested(self, models: list[str]) -> None:
        self.test_button.setEnabled(True)
        shown = ", ".join(models[:20]) + (" …" if len(models) > 20 else "")
        self._say(self.tr("It answers, with {0} models: {1}").format(len(models), shown) if models else self.tr("It answers, but lists no models."))

    def _on_test_failed(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        message, hint = error_text(error)
        self._say(f"{message} {hint}".strip(), error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(ERROR_STYLE if error else "")

    # -- saving -----------------------------------------------------------------------------------
    def accept(self) -> None:
        key = self.key.text().strip()
        try:
            if self.endpoint is None:
                self.saved = self.service.add(self.name.text(), self.url.text(), api_key=key or None, ca_bundle=self.bundle.text() or None,
                                              verify_tls=self.verify.isChecked())  # fmt: skip
            else:
                from ....core.app.endpoints import KEEP

                api_key = "" if self.remove_key.isChecked() else (key or KEEP)
                self.saved = self.service.edit(self.endpoint.name, url=self.url.text(), api_key=api_key, ca_bundle=self.bundle.text() or None,
                                               verify_tls=self.verify.isChecked())  # fmt: skip
        except HangarError as exc:
            message, hint = error_text(exc)
            self._say(f"{message} {hint}".strip(), error=True)  # the dialog stays open with what was typed
            return
        self.key.clear()  # not kept in the widget a moment longer than needed
        super().accept()

    def _on_browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the CA bundle"), self.bundle.text(), self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if chosen:
            self.bundle.setText(chosen)
