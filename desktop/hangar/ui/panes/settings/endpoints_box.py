"""Settings' Remote endpoints section: the list, Add / Edit / Remove, and Test connection.

The list is a Qt model over the application layer's endpoints (core/app/endpoints.py), and
follows every change announced as ``endpoints_changed`` (the CLI's, this box's, a model list
read by Chat) and the policy, whose switch may forbid remote endpoints: then the box says so
with the policy's reason and Add and Test are off (removing one is always allowed).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget

from ....core.common.errors import HangarError
from ...error_dialog import error_text
from ...i18n import localise
from ...services import UiServices
from ...tasks import BackgroundTasks
from .endpoint_dialog import ERROR_STYLE, EndpointDialog


class EndpointsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.endpoints: list = []
        self.headers = [self.tr("Name"), self.tr("Address"), self.tr("API key"), self.tr("Models"), self.tr("Certificate")]

    def set_endpoints(self, endpoints: list) -> None:
        self.beginResetModel()
        self.endpoints = list(endpoints)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's names
        return 0 if parent.isValid() else len(self.endpoints)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.endpoints):
            return None
        endpoint = self.endpoints[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return endpoint.name
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return "\n".join(endpoint.models[:40]) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return endpoint.name
        if column == 1:
            return endpoint.base_url
        if column == 2:
            return self.tr("in the keyring") if endpoint.has_key else self.tr("none")
        if column == 3:
            if endpoint.models_fetched_at is None:
                return self.tr("not read yet")
            return self.tr("{0} (read {1})").format(len(endpoint.models), time.strftime("%Y-%m-%d %H:%M", time.localtime(endpoint.models_fetched_at)))
        if not endpoint.verify_tls:
            return self.tr("not verified")
        return self.tr("CA bundle: {0}").format(endpoint.ca_bundle) if endpoint.ca_bundle else self.tr("system CAs")


class EndpointsBox(QGroupBox):
    def __init__(self, services: UiServices, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Remote endpoints"), parent)
        self.services, self.service = services, services.app.endpoints
        self.tasks = BackgroundTasks(self)
        layout = QVBoxLayout(self)
        about = QLabel(self.tr("OpenAI-compatible servers elsewhere (a vLLM or MindIE cluster, a GPU box, a cloud instance): their models appear in Chat "
                               "beside the local ones. Prompts and replies to them leave this machine. API keys are kept in the system keyring."))  # fmt: skip
        about.setWordWrap(True)
        layout.addWidget(about)
        self.policy_note = QLabel()
        self.policy_note.setObjectName("endpointsPolicyNote")
        self.policy_note.setWordWrap(True)
        self.policy_note.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.policy_note)
        self.model = EndpointsModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Remote endpoints"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(96)  # three rows stay in view however tall the rest of Settings is
        self.table.setMaximumHeight(150)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setAccessibleName(self.tr("Add an endpoint"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit the endpoint"))
        self.edit_button.clicked.connect(self.edit)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the endpoint"))
        self.remove_button.clicked.connect(self.remove)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setToolTip(self.tr("Ask the endpoint for its models and keep the list"))
        self.test_button.clicked.connect(self.test)
        for button in (self.add_button, self.edit_button, self.remove_button, self.test_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.result = QLabel()
        self.result.setObjectName("endpointsResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        services.endpoints_changed.connect(lambda _name: self.reload())
        services.policy_changed.connect(self.reload)
        self.reload()

    # -- what is shown ------------------------------------------------------------------------------
    def reload(self) -> None:
        chosen = self.chosen()
        try:
            endpoints = self.service.list()
        except HangarError as exc:
            endpoints = []
            self._say(" ".join(error_text(exc)).strip(), error=True)
        self.model.set_endpoints(endpoints)
        names = [e.name for e in endpoints]
        if chosen in names:
            self.table.selectRow(names.index(chosen))
        refusal = self.service.refusal()
        self.policy_note.setText(localise(refusal) if refusal else "")
        self.policy_note.setVisible(refusal is not None)
        self._update_buttons()

    def chosen(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.data(rows[0], Qt.ItemDataRole.UserRole) if rows else None

    def _update_buttons(self) -> None:
        allowed, chosen = self.service.refusal() is None, self.chosen() is not None
        self.add_button.setEnabled(allowed)
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.test_button.setEnabled(allowed and chosen)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(ERROR_STYLE if error else "")

    # -- actions ------------------------------------------------------------------------------------
    def add(self) -> None:
        dialog = EndpointDialog(self.service, None, self)
        if dialog.exec() == EndpointDialog.DialogCode.Accepted and dialog.saved is not None:
            self.reload()
            self.table.selectRow([e.name for e in self.model.endpoints].index(dialog.saved.name))
            self.test()  # its models, so Chat lists them at once

    def edit(self) -> None:
        name = self.chosen()
        if name is None:
            return
        try:
            endpoint = self.service.get(name)
        except HangarError as exc:
            self._say(" ".join(error_text(exc)).strip(), error=True)
            return
        dialog = EndpointDialog(self.service, endpoint, self)
        if dialog.exec() == EndpointDialog.DialogCode.Accepted and self.service.refusal() is None:
            self.test()

    def remove(self) -> None:
        name = self.chosen()
        if name is None:
            return
        answer = QMessageBox.question(self, self.tr("Remove endpoint"), self.tr("Remove the endpoint {0} and its API key?").format(name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.service.remove(name)
        except HangarError as exc:
            self._say(" ".join(error_text(exc)).strip(), error=True)
            return
        self._say(self.tr("{0} was removed, with its key.").format(name))

    def test(self) -> None:
        name = self.chosen()
        if name is None:
            return
        self.test_button.setEnabled(False)
        self._say(self.tr("Asking {0} for its models…").format(name))
        self.tasks.run(lambda: self.service.refresh_models(name), self._on_tested, self._on_test_failed)

    def _on_tested(self, endpoint) -> None:
        self._update_buttons()
        shown = ", ".join(endpoint.models[:20]) + (" …" if len(endpoint.models) > 20 else "")
        if endpoint.models:
            self._say(self.tr("{0} answers, with {1} models: {2}").format(endpoint.name, len(endpoint.models), shown))
        else:
            self._say(self.tr("{0} answers, but lists no models.").format(endpoint.name))

    def _on_test_failed(self, error: BaseException) -> None:
        self._update_buttons()
        message, hint = error_text(error)
        self._say(f"{message} {hint}".strip(), error=True)
