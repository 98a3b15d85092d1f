"""System prompt, sampling parameters and named presets of the open conversation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ....core.chat.params import BUILTIN_PRESETS, PARAMS, normalise
from ....core.common.errors import HangarError
from ...error_dialog import error_text

if TYPE_CHECKING:  # names for annotations; the objects come from the application layer
    from ....core.chat.store import ChatStore


class ParamsPanel(QWidget):
    changed = Signal()  # the system prompt or a parameter was changed by the user

    def __init__(self, store: ChatStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._quiet = False
        self.setMaximumWidth(340)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("System prompt")))
        self.system = QPlainTextEdit()
        self.system.setAccessibleName(self.tr("System prompt"))
        self.system.setPlaceholderText(self.tr("Optional instructions the model reads before the conversation"))
        self.system.setMaximumHeight(120)
        self.system.textChanged.connect(self._changed)
        layout.addWidget(self.system)

        presets_row = QHBoxLayout()
        self.preset = QComboBox()
        self.preset.setAccessibleName(self.tr("Preset"))
        self.preset.activated.connect(lambda _i: self.apply_preset(self.preset.currentData()))
        save = QPushButton(self.tr("Save as…"))
        save.clicked.connect(self.save_preset)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete preset"))
        self.delete_button.clicked.connect(self.delete_preset)
        self.preset.setMinimumContentsLength(8)
        self.preset.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        presets_row.addWidget(save)
        presets_row.addWidget(self.delete_button)
        self.preset.currentIndexChanged.connect(lambda _i: self.delete_button.setEnabled(self.preset.currentData() not in BUILTIN_PRESETS))
        layout.addWidget(QLabel(self.tr("Preset")))
        layout.addWidget(self.preset)
        layout.addLayout(presets_row)

        form = QFormLayout()
        labels = {
            "temperature": self.tr("Temperature"), "top_p": self.tr("Top-p"), "top_k": self.tr("Top-k"), "min_p": self.tr("Min-p"),
            "repeat_penalty": self.tr("Repeat penalty"), "max_tokens": self.tr("Max tokens"), "seed": self.tr("Seed (-1: random)"),
            "n_ctx": self.tr("Context size (tokens)"),
        }  # fmt: skip
        self.fields: dict[str, QSpinBox | QDoubleSpinBox] = {}
        for param in PARAMS:
            box = QSpinBox() if param.kind is int else QDoubleSpinBox()
            if isinstance(box, QDoubleSpinBox):
                box.setDecimals(2)
                box.setSingleStep(0.05)
            box.setRange(int(param.low) if param.kind is int else param.low, int(param.high) if param.kind is int else param.high)
            box.setAccessibleName(labels[param.name])
            box.setMinimumWidth(70)
            box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            box.valueChanged.connect(self._changed)
            form.addRow(labels[param.name], box)
            self.fields[param.name] = box
        layout.addLayout(form)
        self.note = QLabel(self.tr("Parameters are saved with the conversation. A new context size applies when the model is next loaded."))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.reload_presets()
        self.set_values("", {})

    # -- values ------------------------------------------------------------------------------
    def set_values(self, system_prompt: str, params: dict) -> None:
        self._quiet = True
        try:
            self.system.setPlainText(system_prompt)
            for name, value in normalise(params).items():
                self.fields[name].setValue(value)
        finally:
            self._quiet = False
        self._mark_preset()

    def params(self) -> dict:
        return {name: box.value() for name, box in self.fields.items()}

    def system_prompt(self) -> str:
        return self.system.toPlainText().strip()

    def _changed(self) -> None:
        self._mark_preset()
        if not self._quiet:
            self.changed.emit()

    def _mark_preset(self) -> None:
        """The chosen preset reads "Balanced (changed)" once a value differs from it."""
        index = self.preset.currentIndex()
        names = getattr(self, "_shown_names", {})
        if index < 0 or not names:
            return
        name = self.preset.itemData(index)
        preset = self.store.presets().get(name) or {}
        current = self.params()
        changed = any(key in preset and not _same(current[key], preset[key]) for key in current)
        if "system_prompt" in preset and preset["system_prompt"] != self.system_prompt():
            changed = True
        for i in range(self.preset.count()):
            base = names.get(self.preset.itemData(i), str(self.preset.itemData(i)))
            self.preset.setItemText(i, self.tr("{0} (changed)").format(base) if i == index and changed else base)

    # -- presets -----------------------------------------------------------------------------
    def reload_presets(self, select: str = "") -> None:
        shown = {"Balanced": self.tr("Balanced"), "Precise (deterministic)": self.tr("Precise (deterministic)"), "Creative": self.tr("Creative")}
        self.preset.clear()
        self._shown_names = {}
        for name in self.store.presets():
            self._shown_names[name] = shown.get(name, name)
            self.preset.addItem(shown.get(name, name), name)  # built-ins show translated; the data is the stored name
        if select:
            self.preset.setCurrentIndex(max(0, self.preset.findData(select)))
        self.delete_button.setEnabled(self.preset.currentData() not in BUILTIN_PRESETS)
        self._mark_preset()

    def apply_preset(self, name: str) -> None:
        preset = self.store.presets().get(name)
        if preset is None:
            return
        self.set_values(preset.get("system_prompt", self.system_prompt()), preset)
        self.changed.emit()

    def save_preset(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save preset"), self.tr("Name of the preset:"))
        if not ok:
            return
        try:
            self.store.save_preset(name, {**self.params(), "system_prompt": self.system_prompt()})
        except HangarError as exc:
            self.note.setText(" ".join(error_text(exc)).strip())
            return
        self.reload_presets(select=name.strip())

    def delete_preset(self) -> None:
        name = self.preset.currentData()
        if name and name not in BUILTIN_PRESETS:
            self.store.delete_preset(name)
            self.reload_presets()


def _same(shown: object, stored: object) -> bool:
    """A spin box's value and a preset's, equal to the box's two decimals."""
    try:
        return abs(float(shown) - float(stored)) < 0.005  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return shown == stored
