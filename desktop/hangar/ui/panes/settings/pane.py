"""The Settings pane: every change is validated and saved at once, no Apply button.

The theme applies at once; the language when Hangar next starts, because every widget
translates its text when it is built.
"""

from __future__ import annotations

import logging
from pathlib import Path

import psutil
from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ....core.common.errors import HangarError
from ...error_dialog import show_error
from ...i18n import localise, resolve_language
from ...services import UiServices
from ...theme import apply_theme
from .cache_row import CacheRow
from .endpoints_box import EndpointsBox
from .network_box import NetworkBox

log = logging.getLogger(__name__)


def change_models_dir(parent: QWidget, services, text: str) -> bool:
    """Use ``text`` as the models folder if it can be created; say why not otherwise.

    Shared by this pane and the welcome dialog. New downloads go to the new folder at
    once (the application layer announces the change); models already in the library
    stay where they are.
    """
    text = text.strip()
    if not text or Path(text).expanduser() == services.ctx.models_dir:
        return False
    try:
        services.app.settings.set("models_dir", text)
    except HangarError as exc:
        show_error(parent, QCoreApplication.translate("SettingsPane", "Models folder"), exc)
        return False
    return True


class SettingsPane(QWidget):
    settings_changed = Signal(str)  # the name of the setting that changed

    def __init__(self, services: UiServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.ctx = services, services.ctx
        ctx = self.ctx
        s = ctx.settings
        content = QWidget()  # in a scroll area: with the Network and Remote endpoints boxes the pane is taller than a laptop's screen
        outer = QVBoxLayout(content)

        storage = QGroupBox(self.tr("Storage"))
        form = QFormLayout(storage)
        self.models_dir_edit = QLineEdit(str(ctx.models_dir))
        self.models_dir_edit.setAccessibleName(self.tr("Models folder"))
        self.models_dir_edit.editingFinished.connect(self._on_models_dir_edited)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._on_browse_models_dir)
        row = QHBoxLayout()
        row.addWidget(self.models_dir_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Models folder"), row)
        form.addRow(self.tr("Data folder"), self._path_row(ctx.paths.data, self.tr("Open the data folder")))
        form.addRow(self.tr("Log file"), self._path_row(ctx.paths.log_file, self.tr("Open the folder of the log file")))
        form.addRow(self.tr("Cache"), CacheRow(services))  # size, folder, Clear cache (cache_row.py)
        outer.addWidget(storage)

        perf = QGroupBox(self.tr("Performance"))
        form = QFormLayout(perf)
        self.threads_spin = QSpinBox()
        self.threads_spin.setRange(0, 1024)
        physical = psutil.cpu_count(logical=False) or psutil.cpu_count() or 1
        self.threads_spin.setSpecialValueText(self.tr("Automatic ({0}, one per physical core)").format(physical))
        self.threads_spin.setValue(s.threads)
        self.threads_spin.setAccessibleName(self.tr("CPU threads"))
        self.threads_spin.valueChanged.connect(lambda v: self._set("threads", int(v)))
        form.addRow(self.tr("CPU threads"), self.threads_spin)
        self.fallback_check = QCheckBox(self.tr("If a model cannot load on the GPU or NPU, load it on the CPU and say why"))
        self.fallback_check.setChecked(s.gpu_fallback_to_cpu)
        self.fallback_check.toggled.connect(lambda v: self._set("gpu_fallback_to_cpu", bool(v)))
        form.addRow(self.tr("Fallback"), self.fallback_check)
        outer.addWidget(perf)

        look = QGroupBox(self.tr("Appearance"))
        form = QFormLayout(look)
        self.language_combo = self._combo(
            "language", [("system", self.tr("Follow the system")), ("en", "English"), ("zh_CN", "简体中文")]
        )
        form.addRow(self.tr("Language"), self.language_combo)
        self.running_language = resolve_language(s.language)
        self.language_note = QLabel(self.tr("The new language takes effect after you restart Hangar."))
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)
        self.restart_button = QPushButton(self.tr("&Restart now"))
        self.restart_button.setToolTip(self.tr("Close Hangar and start it again in the new language (the server, if running, stops)."))
        self.restart_button.clicked.connect(self.restart_now)
        self.language_row = QWidget()
        language_row = QHBoxLayout(self.language_row)
        language_row.setContentsMargins(0, 0, 0, 0)
        language_row.addWidget(self.language_note, 1)
        language_row.addWidget(self.restart_button)
        self.language_row.hide()
        form.addRow("", self.language_row)
        self.theme_combo = self._combo(
            "theme", [("system", self.tr("Follow the system")), ("light", self.tr("Light")), ("dark", self.tr("Dark"))]
        )
        form.addRow(self.tr("Theme"), self.theme_combo)
        outer.addWidget(look)

        hub = QGroupBox(self.tr("Hugging Face"))
        form = QFormLayout(hub)
        token_row = QHBoxLayout()
        self.token_status = QLabel()
        self.token_status.setWordWrap(True)  # the HF_TOKEN sentence is long; it must not widen the window
        set_token = QPushButton(self.tr("Set token…"))
        set_token.clicked.connect(self._on_set_token)
        self.clear_token_button = QPushButton(self.tr("Remove"))
        self.clear_token_button.clicked.connect(self._on_clear_token)
        token_row.addWidget(set_token)
        token_row.addWidget(self.clear_token_button)
        token_row.addStretch(1)
        form.addRow(self.tr("Access token"), self.token_status)  # its own row: a wrapped label gets its full height
        form.addRow("", token_row)
        outer.addWidget(hub)
        self._show_token_state()
        self.network_box = NetworkBox(services)  # Hub mirror, proxy, CA bundle (network_box.py)
        outer.addWidget(self.network_box)
        self.endpoints_box = EndpointsBox(services)  # remote OpenAI-compatible endpoints (endpoints_box.py)
        outer.addWidget(self.endpoints_box)

        privacy = QLabel(
            self.tr("Nothing is sent anywhere without your consent: Hangar contacts the Hugging Face Hub only when you search it, open a repository, check a repository's license or download.")
        )
        privacy.setWordWrap(True)
        outer.addWidget(privacy)
        if s.problems:
            warning = QLabel("\n".join(localise(problem) for problem in s.problems))
            warning.setWordWrap(True)
            warning.setObjectName("settingsProblems")
            outer.addWidget(warning)
        outer.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(scroll)
        services.settings_changed.connect(self._on_setting_changed)

    def _show_stored(self, name: str) -> None:
        value = getattr(self.ctx.settings, name)
        widget = {"threads": self.threads_spin, "gpu_fallback_to_cpu": self.fallback_check,
                  "language": self.language_combo, "theme": self.theme_combo}.get(name)  # fmt: skip
        if widget is None:
            return
        widget.blockSignals(True)
        if widget is self.threads_spin:
            widget.setValue(int(value))
        elif widget is self.fallback_check:
            widget.setChecked(bool(value))
        else:
            widget.setCurrentIndex(max(0, widget.findData(value)))
        widget.blockSignals(False)

    def _on_setting_changed(self, name: str) -> None:
        if name == "models_dir":  # the welcome dialog, or hangar's own layer, changed it
            self.models_dir_edit.setText(str(self.ctx.models_dir))

    def restart_now(self) -> None:
        from ...restart import restart

        if not restart(self):
            show_error(self, self.tr("Restart"), HangarError(self.tr("Hangar could not be started again; close it and start it yourself.")))

    def _show_token_state(self) -> None:
        from ....core.hub import tokens

        source = tokens.token_source()
        if source == "environment":
            text = self.tr("The token comes from the HF_TOKEN environment variable, which wins over the keyring. To change it, change or unset HF_TOKEN and restart Hangar.")
        elif source == "keyring":
            text = self.tr("A token is stored in the system keyring (needed for gated models).")
        else:
            text = self.tr("No token: public models only. Gated models need one.")
        self.token_status.setText(text)
        self.clear_token_button.setEnabled(source == "keyring")

    def _on_set_token(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from ....core.hub import tokens

        token, ok = QInputDialog.getText(
            self, self.tr("Hugging Face token"), self.tr("Paste an access token (it is kept in the system keyring):"), QLineEdit.EchoMode.Password
        )
        if ok and token.strip():
            try:
                tokens.set_token(token)
            except HangarError as exc:
                show_error(self, self.tr("Hugging Face token"), exc)
        self._show_token_state()

    def _on_clear_token(self) -> None:
        from ....core.hub import tokens

        tokens.clear_token()
        self._show_token_state()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.models_dir_edit.setText(str(self.ctx.models_dir))  # the welcome dialog may have changed it

    def _path_row(self, path: Path, open_name: str) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(str(path))
        label.setTextInteractionFlags(label.textInteractionFlags() | label.textInteractionFlags().TextSelectableByMouse)
        button = QPushButton(self.tr("Open"))
        button.setAccessibleName(open_name)
        target = path if path.is_dir() else path.parent
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))))
        row.addWidget(label, 1)
        row.addWidget(button)
        return box

    def _combo(self, name: str, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        for value, label in choices:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(0, combo.findData(getattr(self.ctx.settings, name))))
        combo.currentIndexChanged.connect(lambda _i: self._set(name, combo.currentData()))
        return combo

    def _on_browse_models_dir(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the models folder"), str(self.ctx.models_dir))
        if chosen:
            self.models_dir_edit.setText(chosen)
            self._on_models_dir_edited()

    def _on_models_dir_edited(self) -> None:
        if change_models_dir(self, self.services, self.models_dir_edit.text()):
            self.settings_changed.emit("models_dir")
        self.models_dir_edit.setText(str(self.ctx.models_dir))

    def _set(self, name: str, value: object) -> None:
        try:
            self.services.app.settings.set(name, value)
        except HangarError as exc:
            show_error(self, self.tr("Settings"), exc)
            self._show_stored(name)  # the widget says what is saved, not what was refused
            return
        if name == "theme":
            apply_theme(str(value))
        elif name == "language":
            self.language_row.setVisible(resolve_language(str(value)) != self.running_language)
        self.settings_changed.emit(name)
